/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mer-window.h"

#include "mer-details.h"
#include "mer-presentation-view.h"
#include "mer-search-results.h"
#include "mer-presenter-window.h"

G_BEGIN_DECLS

struct _MerWindow
{
  GtkApplicationWindow parent_instance;

  /* Template widgets */
  MerPresentationView *presentation_view;
  GtkLabel            *title_label;
  GtkLabel            *subtitle_label;
  GtkInfoBar          *error_bar;
  GtkLabel            *error_label;
  GtkSearchBar        *search_bar;
  GtkSearchEntry      *search_entry;
  GtkBox              *search_box;
  GtkToggleButton     *search_button;
  GtkBox              *map_box;
  GtkBox              *timeline_box;
  GtkBox              *legend_box;
  GtkBox              *details_box;
  GtkButton           *region_chip;
  GtkButton           *window_chip;
  GtkToggleButton     *play_button;
  GtkDropDown         *speed_dropdown;
  GtkMenuButton       *briefing_button;
  GtkPaned            *paned;
  GtkPaned            *side_paned;
  GtkInfoBar          *loading_bar;
  GtkLabel            *loading_label;
  GtkProgressBar      *loading_progress;

  /* Owned */
  MerState             *state;
  GCancellable         *loading;
  GtkFileChooserNative *chooser;
  GSettings            *settings;
  MerPresentation      *presentation;
  char                 *present_on_load;

  /* Borrowed */
  MerMapWidget       *map;
  MerTimeline        *timeline;
  MerDetails         *details;
  MerSearchResults   *search_results;
  MerSlidesPanel     *slides;
  GtkStack           *side_stack;
  MerPresenterWindow *presenter;   /* weak: closing it ends only the speaker's view */

  /* Presenting */
  gboolean was_fullscreen;
  int      paned_position;

  /* Playback */
  guint  play_id;
  gint64 play_last_time;

  /* Loading */
  guint loading_timeout_id;
  int   loading_permille;   /* written by the loading thread */
};

/* What waits on the question about unsaved slides. */
typedef enum {
  MER_WINDOW_THEN_CLOSE,
  MER_WINDOW_THEN_OPEN,
} MerWindowThen;

void     _mer_window_class_actions_init      (MerWindowClass *klass);
void     _mer_window_update_document_actions (MerWindow      *self);
void     _mer_window_set_playing             (MerWindow      *self,
                                              gboolean        playing);
void     _mer_window_show_error              (MerWindow      *self,
                                              const char     *message);
gboolean _mer_window_confirm_unsaved         (MerWindow      *self,
                                              MerWindowThen   then);
void     _mer_window_show_open_chooser       (MerWindow      *self);

G_END_DECLS

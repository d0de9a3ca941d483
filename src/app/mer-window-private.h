/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mer-window.h"

#include <adwaita.h>

#include "mer-details.h"
#include "mer-divisions.h"
#include "mer-error-page.h"
#include "mer-presentation-view.h"
#include "mer-search-results.h"
#include "mer-presenter-window.h"

G_BEGIN_DECLS

struct _MerWindow
{
  GtkApplicationWindow parent_instance;

  /* Template widgets */
  MerPresentationView *presentation_view;
  AdwToastOverlay     *toast_overlay;
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
  GtkButton           *as_of_chip;
  GMenu               *pov_menu;
  GtkToggleButton     *play_button;
  GtkDropDown         *speed_dropdown;
  GtkMenuButton       *briefing_button;
  GtkPaned            *paned;
  GtkPaned            *side_paned;
  GtkInfoBar          *loading_bar;
  GtkLabel            *loading_label;
  GtkProgressBar      *loading_progress;
  GtkStack            *content_stack;
  GMenu               *recent_menu;

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
  gboolean    was_fullscreen;
  int         paned_position;
  GdkMonitor *speaker_monitor;   /* owned: the presenter view's, with two or more */
  GdkMonitor *slides_monitor;    /* owned: the audience's */
  GdkMonitor *was_monitor;       /* owned: the window's before */
  int         was_x, was_y;      /* the window's place before, on X11 */
  gboolean    has_position;

  /* Layout: the side panel folded because the window is narrow, not
   * because the user closed it. */
  gboolean panel_folded_narrow;

  /* Playback */
  guint  play_id;
  gint64 play_last_time;

  /* Loading */
  guint loading_timeout_id;
  double loading_fraction;  /* of the current load, from its progress */

  /* Files: opening, watching and reloading (mer-window-files.c); the
   * pages are borrowed, the rest owned. */
  MerErrorPage     *error_page;
  GtkListBox       *recent_list;
  GtkRecentManager *recent_manager;
  GFileMonitor     *monitor;
  char             *file_path;        /* the file shown, or that failed to open */
  char             *file_etag;        /* its version when it was read */
  char             *reload_path;      /* a reload in flight: what to keep */
  char             *reload_version;   /* the file's version when it started */
  gboolean          reload_keep_view;
  char             *reload_event_id;
  MerView           reload_view;
  double            reload_start;
  double            reload_end;
  gboolean          reload_has_window;
  double            reload_window_start;
  double            reload_window_end;
  guint             reload_id;
  GtkFileChooserNative *save_chooser;  /* Save As: of an imported story, or of one edited */
  GtkWindow        *import_dialog;    /* borrowed: how to read a table */
  char             *import_path;      /* the table read with import_options */
  char             *import_time;
  char             *import_end;
  char             *import_title;

  /* Editing (mer-window-edit.c); the editor and the bar are borrowed */
  MerEdit              *edit;
  MerEventEditor       *event_editor;
  GtkInfoBar           *recovery_bar;
  GtkLabel             *recovery_label;
  GtkWidget            *map_menu;         /* the context menus, parented to the views' boxes */
  GtkWidget            *timeline_menu;
  char                 *recovery_file;    /* written, while there are unsaved edits */
  char                 *recovery_offer;   /* one a Meridian that did not close left */
  guint                 recovery_id;
  int                   drag_place;       /* the place whose marker is dragged, or -1 */
  MerDrawLayer         *draw_layer;       /* borrowed: the region being drawn, shown while drawing */
  GtkFileChooserNative *outline_chooser;  /* a region's outline from a file */
  MerDivisions         *divisions;        /* the base map's outlines to pick from, read when first asked for */
  GtkWindow            *region_picker;    /* borrowed: picking a region from them */
  gboolean              applying_edit;    /* the document shown comes from the edit */
};

/* What waits on the question about unsaved slides. */
typedef enum {
  MER_WINDOW_THEN_CLOSE,
  MER_WINDOW_THEN_OPEN,
  MER_WINDOW_THEN_NEW_STORY,
} MerWindowThen;

void     _mer_window_class_actions_init      (MerWindowClass *klass);
void     _mer_window_update_document_actions (MerWindow      *self);
void     _mer_window_set_playing             (MerWindow      *self,
                                              gboolean        playing);
void     _mer_window_show_error              (MerWindow      *self,
                                              const char     *message);
void     _mer_window_show_exported           (MerWindow      *self,
                                              const char     *path);
gboolean _mer_window_confirm_unsaved         (MerWindow      *self,
                                              MerWindowThen   then);
void     _mer_window_show_open_chooser       (MerWindow      *self);
void     _mer_window_show_document           (MerWindow      *self,
                                              const char     *path,
                                              MerDocument    *document);

void     _mer_window_set_document           (MerWindow      *self,
                                              MerDocument    *document);

void     _mer_window_edit_class_init         (MerWindowClass *klass);
void     _mer_window_edit_init               (MerWindow      *self);
void     _mer_window_edit_dispose            (MerWindow      *self);
void     _mer_window_edit_document_set       (MerWindow      *self,
                                              MerDocument    *document);
void     _mer_window_edit_document_shown     (MerWindow      *self);
void     _mer_window_edit_take               (MerWindow      *self,
                                              MerEdit        *edit);
gboolean _mer_window_edit_is_dirty           (MerWindow      *self);
gboolean _mer_window_edit_save               (MerWindow      *self,
                                              GError        **error);
void     _mer_window_edit_discard            (MerWindow      *self);
void     _mer_window_edit_new_story          (MerWindow      *self);
void     _mer_window_edit_write_recovery     (MerWindow      *self);

void     _mer_window_files_class_init        (MerWindowClass *klass);
void     _mer_window_files_init              (MerWindow      *self);
void     _mer_window_files_dispose           (MerWindow      *self);
void     _mer_window_files_opened            (MerWindow      *self,
                                              const char     *path);
void     _mer_window_files_saved             (MerWindow      *self,
                                              const char     *path);
void     _mer_window_files_forget            (MerWindow      *self);
void     _mer_window_files_save_imported_as  (MerWindow      *self);
gboolean _mer_window_files_failed            (MerWindow      *self,
                                              const char     *path,
                                              GPtrArray      *diagnostics,
                                              const GError   *error);
gboolean _mer_window_files_ask_import        (MerWindow      *self,
                                              const char     *path,
                                              MerDocument    *document,
                                              GPtrArray      *diagnostics);
gboolean _mer_window_files_save_story        (MerWindow      *self,
                                              const char     *path,
                                              GError        **error);

G_END_DECLS

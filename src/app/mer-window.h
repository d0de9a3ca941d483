/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "mer-document.h"
#include "mer-draw-layer.h"
#include "mer-edit.h"
#include "mer-event-editor.h"
#include "mer-map-widget.h"
#include "mer-state.h"
#include "mer-presentation.h"
#include "mer-slides-panel.h"
#include "mer-timeline.h"

G_BEGIN_DECLS

#define MER_TYPE_WINDOW (mer_window_get_type ())
G_DECLARE_FINAL_TYPE (MerWindow, mer_window, MER, WINDOW, GtkApplicationWindow)

MerWindow   *mer_window_new          (GtkApplication *application);
MerDocument *mer_window_get_document (MerWindow      *self);
MerState    *mer_window_get_state    (MerWindow      *self);
MerMapWidget *mer_window_get_map     (MerWindow      *self);
MerTimeline  *mer_window_get_timeline (MerWindow     *self);
MerSlidesPanel *mer_window_get_slides_panel (MerWindow *self);
gboolean     mer_window_open_path    (MerWindow      *self,
                                      const char     *path);
void         mer_window_open_file    (MerWindow      *self,
                                      const char     *path);
gboolean     mer_window_is_loading   (MerWindow      *self);
void         mer_window_present_briefing (MerWindow   *self,
                                          MerBriefing *briefing);
void         mer_window_stop_presenting  (MerWindow   *self);
void         mer_window_set_present_on_load (MerWindow  *self,
                                             const char *briefing_id);
MerPresentation *mer_window_get_presentation (MerWindow *self);
MerEdit     *mer_window_get_edit     (MerWindow      *self);
MerEventEditor *mer_window_get_event_editor (MerWindow *self);
MerDrawLayer *mer_window_get_draw_layer (MerWindow   *self);

G_END_DECLS

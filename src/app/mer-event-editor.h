/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "mer-edit.h"
#include "mer-map-widget.h"
#include "mer-state.h"

G_BEGIN_DECLS

#define MER_TYPE_EVENT_EDITOR (mer_event_editor_get_type ())
G_DECLARE_FINAL_TYPE (MerEventEditor, mer_event_editor, MER, EVENT_EDITOR, GtkWidget)

MerEventEditor *mer_event_editor_new          (MerState       *state,
                                               MerMapWidget   *map);
void            mer_event_editor_set_edit     (MerEventEditor *self,
                                               MerEdit        *edit,
                                               const char     *why_not);
void            mer_event_editor_focus_title  (MerEventEditor *self);
void            mer_event_editor_show_error   (MerEventEditor *self,
                                               const char     *message);
void            mer_event_editor_focus_region (MerEventEditor *self,
                                               const char     *id);

G_END_DECLS

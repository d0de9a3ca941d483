/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "mer-briefing-editor.h"
#include "mer-map-widget.h"
#include "mer-state.h"

G_BEGIN_DECLS

#define MER_TYPE_SLIDES_PANEL (mer_slides_panel_get_type ())
G_DECLARE_FINAL_TYPE (MerSlidesPanel, mer_slides_panel, MER, SLIDES_PANEL, GtkWidget)

MerSlidesPanel    *mer_slides_panel_new                (MerState       *state,
                                                        MerMapWidget   *map);
void               mer_slides_panel_set_edit           (MerSlidesPanel *self,
                                                        MerEdit        *edit);
MerBriefingEditor *mer_slides_panel_get_editor         (MerSlidesPanel *self);
void               mer_slides_panel_add_from_view      (MerSlidesPanel *self);
gboolean           mer_slides_panel_save               (MerSlidesPanel *self,
                                                        GError        **error);

G_END_DECLS

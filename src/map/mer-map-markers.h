/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "mer-overlay-layer.h"
#include "mer-state.h"

G_BEGIN_DECLS

#define MER_TYPE_MAP_MARKERS (mer_map_markers_get_type ())

G_DECLARE_FINAL_TYPE (MerMapMarkers, mer_map_markers, MER, MAP_MARKERS, GtkWidget)

GtkWidget *mer_map_markers_new    (MerOverlayLayer *layer,
                                   ShumateViewport *viewport,
                                   MerState        *state);
void       mer_map_markers_update (MerMapMarkers   *self);

G_END_DECLS

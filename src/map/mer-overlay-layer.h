/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

#include "mer-basemap-painter.h"
#include "mer-event-painter.h"
#include "mer-region-painter.h"
#include "mer-state.h"

G_BEGIN_DECLS

#define MER_TYPE_OVERLAY_LAYER (mer_overlay_layer_get_type ())
G_DECLARE_FINAL_TYPE (MerOverlayLayer, mer_overlay_layer, MER, OVERLAY_LAYER, ShumateLayer)

MerOverlayLayer *mer_overlay_layer_new            (ShumateViewport   *viewport,
                                                   MerState          *state);
void             mer_overlay_layer_get_map_view   (MerOverlayLayer   *self,
                                                   MerMapView        *view);
MerEvent        *mer_overlay_layer_pick_event     (MerOverlayLayer   *self,
                                                   double             x,
                                                   double             y,
                                                   MerEventHit       *hit);
MerRegion       *mer_overlay_layer_pick_region    (MerOverlayLayer   *self,
                                                   double             x,
                                                   double             y);
void             mer_overlay_layer_list_markers (MerOverlayLayer   *self,
                                                 GArray            *hits);
void             mer_overlay_layer_set_dark       (MerOverlayLayer   *self,
                                                   gboolean           dark);
void             mer_overlay_layer_set_basemap    (MerOverlayLayer   *self,
                                                   MerBasemapPainter *basemap);
void             mer_overlay_layer_add_obstacle   (MerOverlayLayer   *self,
                                                   GtkWidget         *over);
MerLabels       *mer_overlay_layer_get_labels     (MerOverlayLayer   *self);
void             mer_overlay_layer_draw           (MerOverlayLayer   *self,
                                                   cairo_t           *cr);
guint            mer_overlay_layer_get_n_cells    (MerOverlayLayer   *self,
                                                   guint             *n_new);

G_END_DECLS

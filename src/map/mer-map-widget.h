/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "mer-projection.h"
#include "mer-state.h"

G_BEGIN_DECLS

/* Below this zoom level the world is smaller than a window; past the upper
 * one the 1:10m data has nothing more to show. */
#define MER_MAP_MIN_ZOOM 1
#define MER_MAP_MAX_ZOOM 12

#define MER_TYPE_MAP_WIDGET (mer_map_widget_get_type ())
G_DECLARE_FINAL_TYPE (MerMapWidget, mer_map_widget, MER, MAP_WIDGET, GtkWidget)

MerMapWidget *mer_map_widget_new              (MerState      *state);
void          mer_map_widget_go_to            (MerMapWidget  *self,
                                               const MerView *view,
                                               gboolean       animate);
void          mer_map_widget_get_map_view     (MerMapWidget  *self,
                                               MerMapView    *view);
void          mer_map_widget_add_obstacle     (MerMapWidget  *self,
                                               GtkWidget     *over);
void          mer_map_widget_get_target_view  (MerMapWidget  *self,
                                               MerView       *view);
GtkWidget    *mer_map_widget_get_map          (MerMapWidget  *self);
gboolean      mer_map_widget_get_online_layer (MerMapWidget  *self);
void          mer_map_widget_set_online_layer (MerMapWidget  *self,
                                               gboolean       online);
gboolean      mer_map_widget_prefers_dark     (GtkWidget     *widget);
void          mer_map_widget_set_controls_visible (MerMapWidget *self,
                                                   gboolean      visible);
guint         mer_map_widget_get_n_pending_tiles (MerMapWidget *self);
guint         mer_map_widget_get_n_filled_tiles  (MerMapWidget *self);
void          mer_map_widget_click            (MerMapWidget  *self,
                                               double         x,
                                               double         y);
void          mer_map_widget_hover            (MerMapWidget  *self,
                                               double         x,
                                               double         y);

G_END_DECLS

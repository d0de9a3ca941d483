/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

#include "mer-geometry.h"

G_BEGIN_DECLS

#define MER_TYPE_DRAW_LAYER (mer_draw_layer_get_type ())
G_DECLARE_FINAL_TYPE (MerDrawLayer, mer_draw_layer, MER, DRAW_LAYER, ShumateLayer)

MerDrawLayer *mer_draw_layer_new          (ShumateViewport *viewport);
void          mer_draw_layer_add_vertex   (MerDrawLayer    *self,
                                           double           x,
                                           double           y);
gboolean      mer_draw_layer_remove_vertex (MerDrawLayer   *self);
guint         mer_draw_layer_get_n_vertices (MerDrawLayer  *self);
void          mer_draw_layer_set_pointer  (MerDrawLayer    *self,
                                           double           x,
                                           double           y);
void          mer_draw_layer_set_active   (MerDrawLayer    *self,
                                           gboolean         active);
gboolean      mer_draw_layer_get_active   (MerDrawLayer    *self);
void          mer_draw_layer_clear        (MerDrawLayer    *self);
MerGeometry  *mer_draw_layer_dup_outline  (MerDrawLayer    *self);
void          mer_draw_layer_set_moving   (MerDrawLayer    *self,
                                           double           from_x,
                                           double           from_y,
                                           double           x,
                                           double           y);
void          mer_draw_layer_stop_moving  (MerDrawLayer    *self);
gboolean      mer_draw_layer_get_moving   (MerDrawLayer    *self,
                                           double          *x,
                                           double          *y);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mer-projection.h"
#include "mer-state.h"

G_BEGIN_DECLS

/**
 * MerBox:
 * @x: the left edge, in the picture's units
 * @y: the top edge
 * @width: the width
 * @height: the height
 *
 * A piece of furniture's place over the map.
 */
typedef struct {
  double x;
  double y;
  double width;
  double height;
} MerBox;

double   mer_furniture_cost   (MerState         *state,
                               const MerMapView *view,
                               const MerBox     *box);
guint    mer_furniture_place  (MerState         *state,
                               const MerMapView *view,
                               const MerBox     *candidates,
                               guint             n_candidates,
                               const MerBox     *taken,
                               guint             n_taken);
gboolean mer_box_intersects   (const MerBox     *a,
                               const MerBox     *b);

G_END_DECLS

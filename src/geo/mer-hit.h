/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "mer-geometry.h"
#include "mer-projection.h"
#include "mer-types.h"

G_BEGIN_DECLS

gboolean  mer_hit_ring_contains      (const MerLonLat  *points,
                                      guint             n_points,
                                      double            lat,
                                      double            lon);
gboolean  mer_hit_geometry_contains  (MerGeometry      *geometry,
                                      double            lat,
                                      double            lon);

int       mer_hit_nearest_point      (const MerMapView *view,
                                      const MerLonLat  *points,
                                      guint             n_points,
                                      double            x,
                                      double            y,
                                      double            radius);
int       mer_hit_nearest_place      (const MerMapView *view,
                                      const MerPlace   *places,
                                      guint             n_places,
                                      double            x,
                                      double            y,
                                      double            radius);

G_END_DECLS

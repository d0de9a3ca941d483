/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "mer-geometry.h"
#include "mer-projection.h"

G_BEGIN_DECLS

/**
 * MerBounds:
 * @west: western edge, degrees in [-180, 180]
 * @south: southern edge, degrees
 * @east: eastern edge, degrees in [-180, 180]
 * @north: northern edge, degrees
 *
 * A longitude/latitude box that knows the world is round east–west.  The
 * box runs east from @west to @east; when @west > @east it crosses ±180
 * (170 to -170 is 20 degrees wide).  The whole circle of longitudes is
 * @west = -180, @east = 180.  A box is empty when @south > @north; use
 * %MER_BOUNDS_INIT_EMPTY or mer_bounds_init_empty() to start one.
 *
 * Longitudes outside [-180, 180] passed to any function are wrapped first;
 * 180 and -180 are kept as given (they are the same meridian to every test).
 */
typedef struct {
  double west, south, east, north;
} MerBounds;

#define MER_BOUNDS_INIT_EMPTY { 0.0, G_MAXDOUBLE, 0.0, -G_MAXDOUBLE }

void      mer_bounds_init_empty           (MerBounds       *bounds);
void      mer_bounds_init_point           (MerBounds       *bounds,
                                           double           lat,
                                           double           lon);
gboolean  mer_bounds_init_from_geometry   (MerBounds       *bounds,
                                           MerGeometry     *geometry);
void      mer_bounds_init_from_map_view   (MerBounds       *bounds,
                                           const MerMapView *view);

gboolean  mer_bounds_is_empty             (const MerBounds *bounds);
gboolean  mer_bounds_crosses_antimeridian (const MerBounds *bounds);
double    mer_bounds_get_width            (const MerBounds *bounds);
gboolean  mer_bounds_contains             (const MerBounds *bounds,
                                           double           lat,
                                           double           lon);
gboolean  mer_bounds_intersects           (const MerBounds *bounds,
                                           const MerBounds *other);

void      mer_bounds_extend               (MerBounds       *bounds,
                                           double           lat,
                                           double           lon);
void      mer_bounds_union                (MerBounds       *bounds,
                                           const MerBounds *other);
void      mer_bounds_union_all            (MerBounds       *bounds,
                                           const MerBounds *boxes,
                                           guint            n_boxes);

gboolean  mer_bounds_get_mercator_extent  (const MerBounds *bounds,
                                           double          *x_min,
                                           double          *y_min,
                                           double          *x_max,
                                           double          *y_max);

G_END_DECLS

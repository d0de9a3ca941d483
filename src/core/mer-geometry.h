/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mer-types.h"

G_BEGIN_DECLS

/**
 * MerLonLat:
 *
 * A position in degrees, in GeoJSON order.
 */
typedef struct {
  double lon;
  double lat;
} MerLonLat;

/**
 * MerRing:
 *
 * A closed ring: @n_points points from @first_point, the last equal to the first.
 */
typedef struct {
  guint first_point;
  guint n_points;
} MerRing;

/**
 * MerPolygon:
 *
 * An outer ring followed by its holes: @n_rings rings from @first_ring.
 */
typedef struct {
  guint first_ring;
  guint n_rings;
} MerPolygon;

#define MER_TYPE_GEOMETRY (mer_geometry_get_type ())

GType              mer_geometry_get_type     (void) G_GNUC_CONST;
MerGeometry       *mer_geometry_new          (void);
MerGeometry       *mer_geometry_ref          (MerGeometry *self);
void               mer_geometry_unref        (MerGeometry *self);

void               mer_geometry_begin_polygon (MerGeometry *self);
void               mer_geometry_add_ring      (MerGeometry     *self,
                                               const MerLonLat *points,
                                               guint            n_points);

const MerPolygon  *mer_geometry_get_polygons (MerGeometry *self,
                                              guint       *n_polygons);
const MerRing     *mer_geometry_get_rings    (MerGeometry *self,
                                              guint       *n_rings);
const MerLonLat   *mer_geometry_get_points   (MerGeometry *self,
                                              guint       *n_points);
gboolean           mer_geometry_get_bounds   (MerGeometry *self,
                                              double      *west,
                                              double      *south,
                                              double      *east,
                                              double      *north);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MerGeometry, mer_geometry_unref)

G_END_DECLS

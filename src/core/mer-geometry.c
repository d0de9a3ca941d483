/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-geometry"

#include "config.h"

#include "mer-geometry.h"

struct _MerGeometry
{
  grefcount  ref_count;
  GArray    *points;
  GArray    *rings;
  GArray    *polygons;
  double     west, south, east, north;
};

G_DEFINE_BOXED_TYPE (MerGeometry, mer_geometry, mer_geometry_ref, mer_geometry_unref)

/**
 * mer_geometry_new:
 *
 * Returns: (transfer full): an empty set of polygons
 */
MerGeometry *
mer_geometry_new (void)
{
  MerGeometry *self = g_new0 (MerGeometry, 1);

  g_ref_count_init (&self->ref_count);
  self->points = g_array_new (FALSE, FALSE, sizeof (MerLonLat));
  self->rings = g_array_new (FALSE, FALSE, sizeof (MerRing));
  self->polygons = g_array_new (FALSE, FALSE, sizeof (MerPolygon));
  self->west = self->south = G_MAXDOUBLE;
  self->east = self->north = -G_MAXDOUBLE;

  return self;
}

MerGeometry *
mer_geometry_ref (MerGeometry *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_ref_count_inc (&self->ref_count);
  return self;
}

void
mer_geometry_unref (MerGeometry *self)
{
  g_return_if_fail (self != NULL);

  if (g_ref_count_dec (&self->ref_count))
    {
      g_array_unref (self->points);
      g_array_unref (self->rings);
      g_array_unref (self->polygons);
      g_free (self);
    }
}

/**
 * mer_geometry_begin_polygon:
 *
 * Starts a polygon; the next ring added is its outer ring, those after it
 * its holes.
 */
void
mer_geometry_begin_polygon (MerGeometry *self)
{
  MerPolygon polygon;

  g_return_if_fail (self != NULL);

  polygon = (MerPolygon) { self->rings->len, 0 };
  g_array_append_val (self->polygons, polygon);
}

void
mer_geometry_add_ring (MerGeometry     *self,
                       const MerLonLat *points,
                       guint            n_points)
{
  MerRing ring;

  g_return_if_fail (self != NULL);
  g_return_if_fail (self->polygons->len > 0);

  ring = (MerRing) { self->points->len, n_points };
  g_array_append_vals (self->points, points, n_points);
  g_array_append_val (self->rings, ring);
  g_array_index (self->polygons, MerPolygon, self->polygons->len - 1).n_rings++;

  for (guint i = 0; i < n_points; i++)
    {
      self->west = MIN (self->west, points[i].lon);
      self->east = MAX (self->east, points[i].lon);
      self->south = MIN (self->south, points[i].lat);
      self->north = MAX (self->north, points[i].lat);
    }
}

const MerPolygon *
mer_geometry_get_polygons (MerGeometry *self,
                           guint       *n_polygons)
{
  g_return_val_if_fail (self != NULL, NULL);

  *n_polygons = self->polygons->len;
  return (const MerPolygon *) self->polygons->data;
}

const MerRing *
mer_geometry_get_rings (MerGeometry *self,
                        guint       *n_rings)
{
  g_return_val_if_fail (self != NULL, NULL);

  *n_rings = self->rings->len;
  return (const MerRing *) self->rings->data;
}

const MerLonLat *
mer_geometry_get_points (MerGeometry *self,
                         guint       *n_points)
{
  g_return_val_if_fail (self != NULL, NULL);

  *n_points = self->points->len;
  return (const MerLonLat *) self->points->data;
}

/**
 * mer_geometry_get_bounds:
 *
 * Returns: %FALSE when the geometry is empty and has no bounds
 */
gboolean
mer_geometry_get_bounds (MerGeometry *self,
                         double      *west,
                         double      *south,
                         double      *east,
                         double      *north)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->points->len == 0)
    return FALSE;

  *west = self->west;
  *south = self->south;
  *east = self->east;
  *north = self->north;
  return TRUE;
}

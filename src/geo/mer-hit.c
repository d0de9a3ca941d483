/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-hit"

#include "config.h"

#include "mer-hit.h"

#include <math.h>

/* Reads the @i-th location of an array of structs that hold lat and lon as
 * doubles somewhere, so MerLonLat and MerPlace share one search. */
typedef struct {
  const guint8 *base;
  gsize         stride;
  gsize         lat_offset;
  gsize         lon_offset;
} Locations;

static inline double
locations_lat (const Locations *self,
               guint            i)
{
  return *(const double *) (self->base + i * self->stride + self->lat_offset);
}

static inline double
locations_lon (const Locations *self,
               guint            i)
{
  return *(const double *) (self->base + i * self->stride + self->lon_offset);
}

/* Even-odd crossing test: count the edges a ray from the point towards +x
 * crosses.  Each edge is half-open in y, so a vertex on the ray is counted
 * once, and a point on an edge shared by two rings or polygons is inside
 * exactly one of them. */
static gboolean
ring_crossings_odd (const MerLonLat *points,
                    guint            n_points,
                    double           lat,
                    double           lon)
{
  gboolean odd = FALSE;

  if (n_points < 3)
    return FALSE;

  for (guint i = 0, j = n_points - 1; i < n_points; j = i++)
    {
      const MerLonLat *a = &points[i];
      const MerLonLat *b = &points[j];

      if ((a->lat > lat) != (b->lat > lat)
          && lon < (b->lon - a->lon) * (lat - a->lat) / (b->lat - a->lat) + a->lon)
        odd = !odd;
    }

  return odd;
}

static gboolean
polygon_contains (const MerRing    *rings,
                  const MerLonLat  *points,
                  const MerPolygon *polygon,
                  double            lat,
                  double            lon)
{
  gboolean inside = FALSE;

  for (guint r = polygon->first_ring; r < polygon->first_ring + polygon->n_rings; r++)
    if (ring_crossings_odd (points + rings[r].first_point, rings[r].n_points, lat, lon))
      inside = !inside;

  return inside;
}

static int
nearest_location (const MerMapView *view,
                  const Locations  *locations,
                  guint             n_locations,
                  double            x,
                  double            y,
                  double            radius)
{
  double size = mer_map_view_get_world_size (view);
  double click_x, click_y;
  double best = radius * radius;
  int found = -1;

  mer_map_view_point_to_normalized (view, x, y, &click_x, &click_y);

  for (guint i = 0; i < n_locations; i++)
    {
      double nx, ny, dx, dy, d2;

      mer_projection_location_to_normalized (locations_lat (locations, i),
                                             locations_lon (locations, i),
                                             &nx, &ny);

      /* Measure to the copy of the world nearest the click. */
      dx = nx - click_x;
      dx = (dx - round (dx)) * size;
      dy = (ny - click_y) * size;
      d2 = dx * dx + dy * dy;

      /* On a tie the later one wins: it is drawn on top. */
      if (d2 <= best)
        {
          best = d2;
          found = (int) i;
        }
    }

  return found;
}

/**
 * mer_hit_ring_contains:
 * @points: (array length=n_points): a closed ring; closing it by repeating
 *   the first point is allowed, not required
 *
 * Whether (@lat, @lon) is inside one ring, treating longitude and latitude
 * as plane coordinates, with no wrapping at all.
 *
 * Returns: %TRUE if the point is inside the ring
 */
gboolean
mer_hit_ring_contains (const MerLonLat *points,
                       guint            n_points,
                       double           lat,
                       double           lon)
{
  g_return_val_if_fail (points != NULL || n_points == 0, FALSE);

  return ring_crossings_odd (points, n_points, lat, lon);
}

/**
 * mer_hit_geometry_contains:
 * @geometry: (transfer none): polygons
 *
 * Whether (@lat, @lon) is inside @geometry.  Each polygon is tested by the
 * even-odd rule over all its rings, so a point in a hole is outside (and a
 * point in an island inside a hole is inside again); the geometry contains
 * the point when any of its polygons does.  Longitude and latitude are
 * treated as plane coordinates, as GeoJSON does: edges are straight in
 * lon/lat, not great circles.
 *
 * Across ±180 two spellings are supported:
 *
 * - polygons split at ±180 into pieces that each stay within [-180, 180]
 *   (how the bundled Natural Earth data comes, and GeoJSON's advice);
 *   a point exactly on 180 is inside exactly one of two pieces that meet
 *   there;
 * - rings whose longitudes run on past 180 or -180 without a jump
 *   (170, 185, 190 … or -170, -185 …): the point is also tried at
 *   @lon ± 360 where that falls within the polygon's longitudes.
 *
 * A ring that jumps from 179 to -179 between two vertices is taken
 * literally, as an edge running 358 degrees west, and gives wrong answers.
 *
 * Returns: %TRUE if the point is inside
 */
gboolean
mer_hit_geometry_contains (MerGeometry *geometry,
                           double       lat,
                           double       lon)
{
  const MerPolygon *polygons;
  const MerRing *rings;
  const MerLonLat *points;
  guint n_polygons, n_rings, n_points;

  g_return_val_if_fail (geometry != NULL, FALSE);
  g_return_val_if_fail (isfinite (lat) && isfinite (lon), FALSE);

  if (lon < -180.0 || lon > 180.0)
    lon = mer_projection_wrap_longitude (lon);

  polygons = mer_geometry_get_polygons (geometry, &n_polygons);
  rings = mer_geometry_get_rings (geometry, &n_rings);
  points = mer_geometry_get_points (geometry, &n_points);

  for (guint p = 0; p < n_polygons; p++)
    {
      const MerPolygon *polygon = &polygons[p];
      double west = G_MAXDOUBLE, east = -G_MAXDOUBLE;
      double south = G_MAXDOUBLE, north = -G_MAXDOUBLE;
      double k_min, k_max;

      for (guint r = polygon->first_ring; r < polygon->first_ring + polygon->n_rings; r++)
        for (guint i = rings[r].first_point; i < rings[r].first_point + rings[r].n_points; i++)
          {
            west = MIN (west, points[i].lon);
            east = MAX (east, points[i].lon);
            south = MIN (south, points[i].lat);
            north = MAX (north, points[i].lat);
          }

      if (lat < south || lat > north)
        continue;

      /* Every copy of the meridian that falls within the polygon. */
      k_min = ceil ((west - lon) / 360.0);
      k_max = floor ((east - lon) / 360.0);

      for (double k = k_min; k <= k_max; k++)
        if (polygon_contains (rings, points, polygon, lat, lon + k * 360.0))
          return TRUE;
    }

  return FALSE;
}

/**
 * mer_hit_nearest_point:
 * @view: the view the points are drawn in
 * @points: (array length=n_points): locations, e.g. event markers
 * @x: widget x of the pointer, logical pixels
 * @y: widget y of the pointer, logical pixels
 * @radius: how far from the pointer a point may be, logical pixels
 *
 * Finds the point drawn nearest to the pointer, measuring to whichever copy
 * of the world is nearest when the world repeats.
 *
 * Returns: the index in @points of the nearest point at most @radius away,
 *   the last of equally near ones (the one drawn on top), or -1 if none is
 */
int
mer_hit_nearest_point (const MerMapView *view,
                       const MerLonLat  *points,
                       guint             n_points,
                       double            x,
                       double            y,
                       double            radius)
{
  Locations locations = {
    (const guint8 *) points, sizeof (MerLonLat),
    G_STRUCT_OFFSET (MerLonLat, lat), G_STRUCT_OFFSET (MerLonLat, lon),
  };

  g_return_val_if_fail (view != NULL, -1);
  g_return_val_if_fail (points != NULL || n_points == 0, -1);
  g_return_val_if_fail (n_points <= G_MAXINT, -1);

  return nearest_location (view, &locations, n_points, x, y, radius);
}

/**
 * mer_hit_nearest_place:
 * @places: (array length=n_places): places, e.g. from mer_event_get_places()
 *
 * Like mer_hit_nearest_point() for an array of #MerPlace.
 *
 * Returns: an index in @places, or -1
 */
int
mer_hit_nearest_place (const MerMapView *view,
                       const MerPlace   *places,
                       guint             n_places,
                       double            x,
                       double            y,
                       double            radius)
{
  Locations locations = {
    (const guint8 *) places, sizeof (MerPlace),
    G_STRUCT_OFFSET (MerPlace, lat), G_STRUCT_OFFSET (MerPlace, lon),
  };

  g_return_val_if_fail (view != NULL, -1);
  g_return_val_if_fail (places != NULL || n_places == 0, -1);
  g_return_val_if_fail (n_places <= G_MAXINT, -1);

  return nearest_location (view, &locations, n_places, x, y, radius);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-bounds"

#include "config.h"

#include "mer-bounds.h"

#include <math.h>

/* An arc of longitudes unrolled for sorting: it starts at @start in
 * [-180, 180) and runs @width degrees east.  @box is the box it came from,
 * whose own west and east are copied into the result so that no rounding
 * creeps in. */
typedef struct {
  double           start;
  double           width;
  const MerBounds *box;
} Arc;

/* ±180 are kept as given; anything outside [-180, 180] is wrapped. */
static double
normalize_lon (double lon)
{
  if (lon >= -180.0 && lon <= 180.0)
    return lon;

  return mer_projection_wrap_longitude (lon);
}

/* How far east one must go from @from to reach @to, in [0, 360). */
static double
eastward (double from,
          double to)
{
  double d = fmod (to - from, 360.0);

  return d < 0.0 ? d + 360.0 : d;
}

static gboolean
contains_lon (const MerBounds *self,
              double           lon)
{
  return eastward (self->west, lon) <= mer_bounds_get_width (self);
}

static void
set_whole_circle (MerBounds *self)
{
  self->west = -180.0;
  self->east = 180.0;
}

/* Spells an edge on ±180 so that the box reads naturally: 180 … -170
 * becomes -180 … -170 and 170 … -180 becomes 170 … 180.  The box keeps
 * its width; -180 … 180 (the whole circle) is never produced from a
 * narrower box, because each rewrite needs the other edge elsewhere. */
static void
tidy (MerBounds *self)
{
  if (self->west == 180.0 && self->east != 180.0)
    self->west = -180.0;
  else if (self->east == -180.0 && self->west != -180.0)
    self->east = 180.0;
}

static int
compare_arcs (gconstpointer a,
              gconstpointer b)
{
  const Arc *arc_a = a;
  const Arc *arc_b = b;

  if (arc_a->start != arc_b->start)
    return arc_a->start < arc_b->start ? -1 : 1;
  /* Equal starts never open a gap; ordering them anyway keeps qsort's
   * unstable order from choosing which box's spelling of the edge wins. */
  if (arc_a->width != arc_b->width)
    return arc_a->width > arc_b->width ? -1 : 1;
  return 0;
}

/* The box from @min_lon east to @max_lon, where the longitudes come from
 * a ring and may run past ±180 without a jump (170 … 190). */
static void
init_from_span (MerBounds *self,
                double     min_lon,
                double     max_lon,
                double     south,
                double     north)
{
  self->south = south;
  self->north = north;

  if (max_lon - min_lon >= 360.0)
    {
      set_whole_circle (self);
      return;
    }

  self->west = normalize_lon (min_lon);
  self->east = normalize_lon (max_lon);
  tidy (self);
}

/**
 * mer_bounds_init_empty:
 * @bounds: (out caller-allocates): the box to empty
 *
 * Makes @bounds the empty box, which contains nothing and which extending
 * or a union replaces.
 */
void
mer_bounds_init_empty (MerBounds *bounds)
{
  g_return_if_fail (bounds != NULL);

  *bounds = (MerBounds) MER_BOUNDS_INIT_EMPTY;
}

/**
 * mer_bounds_init_point:
 * @bounds: (out caller-allocates): the box to set
 *
 * Makes @bounds the zero-sized box at (@lat, @lon).
 */
void
mer_bounds_init_point (MerBounds *bounds,
                       double     lat,
                       double     lon)
{
  g_return_if_fail (bounds != NULL);

  bounds->west = bounds->east = normalize_lon (lon);
  bounds->south = bounds->north = lat;
}

/**
 * mer_bounds_init_from_geometry:
 * @bounds: (out caller-allocates): the box to set
 * @geometry: (transfer none): polygons
 *
 * The smallest box around @geometry, taken the short way round: each
 * polygon gets the box of its rings, and the boxes are joined with
 * mer_bounds_union_all().  So a region split at ±180 into a polygon ending
 * at 180 and one starting at -180 gets a narrow box across ±180, not the
 * whole circle.  Rings may also run past ±180 without a jump (170 … 190).
 *
 * Returns: %FALSE, leaving @bounds empty, when @geometry has no points
 */
gboolean
mer_bounds_init_from_geometry (MerBounds   *bounds,
                               MerGeometry *geometry)
{
  const MerPolygon *polygons;
  const MerRing *rings;
  const MerLonLat *points;
  guint n_polygons, n_rings, n_points;
  g_autofree MerBounds *boxes = NULL;
  guint n_boxes = 0;

  g_return_val_if_fail (bounds != NULL, FALSE);
  g_return_val_if_fail (geometry != NULL, FALSE);

  mer_bounds_init_empty (bounds);

  polygons = mer_geometry_get_polygons (geometry, &n_polygons);
  rings = mer_geometry_get_rings (geometry, &n_rings);
  points = mer_geometry_get_points (geometry, &n_points);

  boxes = g_new (MerBounds, MAX (n_polygons, 1));

  for (guint p = 0; p < n_polygons; p++)
    {
      double min_lon = G_MAXDOUBLE, max_lon = -G_MAXDOUBLE;
      double south = G_MAXDOUBLE, north = -G_MAXDOUBLE;

      for (guint r = polygons[p].first_ring; r < polygons[p].first_ring + polygons[p].n_rings; r++)
        {
          const MerLonLat *ring = points + rings[r].first_point;

          for (guint i = 0; i < rings[r].n_points; i++)
            {
              min_lon = MIN (min_lon, ring[i].lon);
              max_lon = MAX (max_lon, ring[i].lon);
              south = MIN (south, ring[i].lat);
              north = MAX (north, ring[i].lat);
            }
        }

      if (south <= north)
        init_from_span (&boxes[n_boxes++], min_lon, max_lon, south, north);
    }

  mer_bounds_union_all (bounds, boxes, n_boxes);

  return !mer_bounds_is_empty (bounds);
}

/**
 * mer_bounds_init_from_map_view:
 * @bounds: (out caller-allocates): the box to set
 *
 * The box of locations @view shows, for culling what need not be drawn.
 * Latitudes stop at the edge of the Mercator world; when the widget is
 * wider than the world the box is the whole circle of longitudes.
 */
void
mer_bounds_init_from_map_view (MerBounds        *bounds,
                               const MerMapView *view)
{
  double x_min, y_min, x_max, y_max;

  g_return_if_fail (bounds != NULL);
  g_return_if_fail (view != NULL);

  mer_map_view_get_bounds (view, &x_min, &y_min, &x_max, &y_max);

  bounds->north = mer_projection_y_to_lat (CLAMP (y_min, 0.0, 1.0));
  bounds->south = mer_projection_y_to_lat (CLAMP (y_max, 0.0, 1.0));

  if (x_max - x_min >= 1.0)
    set_whole_circle (bounds);
  else
    {
      bounds->west = mer_projection_wrap_longitude (mer_projection_x_to_lon (x_min));
      bounds->east = normalize_lon (mer_projection_x_to_lon (x_max));
      tidy (bounds);
    }
}

/**
 * mer_bounds_is_empty:
 *
 * Returns: %TRUE if @bounds contains no point at all
 */
gboolean
mer_bounds_is_empty (const MerBounds *bounds)
{
  g_return_val_if_fail (bounds != NULL, TRUE);

  return bounds->south > bounds->north;
}

/**
 * mer_bounds_crosses_antimeridian:
 *
 * Painters draw a crossing box as two pieces, @west … 180 and -180 … @east.
 *
 * Returns: %TRUE if @bounds runs across ±180 (@west > @east)
 */
gboolean
mer_bounds_crosses_antimeridian (const MerBounds *bounds)
{
  g_return_val_if_fail (bounds != NULL, FALSE);

  return !mer_bounds_is_empty (bounds) && bounds->west > bounds->east;
}

/**
 * mer_bounds_get_width:
 *
 * Returns: degrees of longitude from west east to east, in [0, 360];
 *   0 for an empty box
 */
double
mer_bounds_get_width (const MerBounds *bounds)
{
  g_return_val_if_fail (bounds != NULL, 0.0);

  if (mer_bounds_is_empty (bounds))
    return 0.0;
  if (bounds->west <= bounds->east)
    return bounds->east - bounds->west;
  return bounds->east - bounds->west + 360.0;
}

/**
 * mer_bounds_contains:
 *
 * Edges count as inside; 180 and -180 are the same meridian.
 *
 * Returns: %TRUE if (@lat, @lon) lies in @bounds
 */
gboolean
mer_bounds_contains (const MerBounds *bounds,
                     double           lat,
                     double           lon)
{
  g_return_val_if_fail (bounds != NULL, FALSE);

  if (mer_bounds_is_empty (bounds))
    return FALSE;
  if (lat < bounds->south || lat > bounds->north)
    return FALSE;

  return contains_lon (bounds, normalize_lon (lon));
}

/**
 * mer_bounds_intersects:
 *
 * Returns: %TRUE if @bounds and @other share at least one point
 */
gboolean
mer_bounds_intersects (const MerBounds *bounds,
                       const MerBounds *other)
{
  g_return_val_if_fail (bounds != NULL, FALSE);
  g_return_val_if_fail (other != NULL, FALSE);

  if (mer_bounds_is_empty (bounds) || mer_bounds_is_empty (other))
    return FALSE;
  if (other->north < bounds->south || other->south > bounds->north)
    return FALSE;

  /* Two arcs meet exactly when one contains the other's start. */
  return contains_lon (bounds, other->west) || contains_lon (other, bounds->west);
}

/**
 * mer_bounds_extend:
 *
 * Grows @bounds just enough to contain (@lat, @lon), eastward or westward,
 * whichever gives the smaller box: extending a box at 179 by -179 gives a
 * box 2 degrees wide across ±180, not 358 degrees wide.
 *
 * Extending point by point is greedy and so depends on the order; to find
 * the smallest box around a whole set at once, use mer_bounds_union_all().
 */
void
mer_bounds_extend (MerBounds *bounds,
                   double     lat,
                   double     lon)
{
  double to_west, to_east;

  g_return_if_fail (bounds != NULL);

  lon = normalize_lon (lon);

  if (mer_bounds_is_empty (bounds))
    {
      mer_bounds_init_point (bounds, lat, lon);
      return;
    }

  bounds->south = MIN (bounds->south, lat);
  bounds->north = MAX (bounds->north, lat);

  if (contains_lon (bounds, lon))
    return;

  /* Not contained, so both are positive and add up to 360 - width. */
  to_west = eastward (lon, bounds->west);
  to_east = eastward (bounds->east, lon);

  if (to_west < to_east)
    bounds->west = lon;
  else
    bounds->east = lon;

  tidy (bounds);
}

/**
 * mer_bounds_union:
 *
 * Grows @bounds to the smallest box containing both it and @other.
 * Either may be empty.
 */
void
mer_bounds_union (MerBounds       *bounds,
                  const MerBounds *other)
{
  g_return_if_fail (bounds != NULL);
  g_return_if_fail (other != NULL);

  mer_bounds_union_all (bounds, other, 1);
}

/**
 * mer_bounds_union_all:
 * @bounds: (inout): the box to grow; may be empty
 * @boxes: (array length=n_boxes): boxes to include; empty ones are skipped
 *
 * Grows @bounds to the smallest box containing it and all of @boxes, the
 * short way round: the longitudes left out are the widest gap between the
 * boxes.  Unlike repeated mer_bounds_extend() the result does not depend
 * on the order.  Points are zero-sized boxes (mer_bounds_init_point()).
 */
void
mer_bounds_union_all (MerBounds       *bounds,
                      const MerBounds *boxes,
                      guint            n_boxes)
{
  g_autofree Arc *arcs = NULL;
  guint n_arcs = 0;
  gboolean whole = FALSE;
  double south = G_MAXDOUBLE, north = -G_MAXDOUBLE;
  double reach, best_gap = 0.0;
  const MerBounds *reach_box = NULL;
  const MerBounds *best_west = NULL, *best_east = NULL;
  MerBounds self;

  g_return_if_fail (bounds != NULL);
  g_return_if_fail (boxes != NULL || n_boxes == 0);

  self = *bounds;
  arcs = g_new (Arc, n_boxes + 1);

  for (guint i = 0; i <= n_boxes; i++)
    {
      const MerBounds *box = i < n_boxes ? &boxes[i] : &self;
      double width;

      if (mer_bounds_is_empty (box))
        continue;

      south = MIN (south, box->south);
      north = MAX (north, box->north);

      width = mer_bounds_get_width (box);
      if (width >= 360.0)
        whole = TRUE;

      arcs[n_arcs++] = (Arc) {
        mer_projection_wrap_longitude (box->west), width, box
      };
    }

  if (n_arcs == 0)
    return;

  bounds->south = south;
  bounds->north = north;

  if (whole)
    {
      set_whole_circle (bounds);
      return;
    }

  qsort (arcs, n_arcs, sizeof (Arc), compare_arcs);

  /* Sweep east once round the circle, starting with how far the arcs of the
   * previous turn reach past -180.  Every time an arc starts beyond the
   * reach there is a gap; the box is everything but the widest gap, so it
   * starts where that gap ends and ends where it starts. */
  reach = -G_MAXDOUBLE;
  for (guint i = 0; i < n_arcs; i++)
    if (arcs[i].start + arcs[i].width - 360.0 > reach)
      {
        reach = arcs[i].start + arcs[i].width - 360.0;
        reach_box = arcs[i].box;
      }

  for (guint i = 0; i < n_arcs; i++)
    {
      if (arcs[i].start > reach && arcs[i].start - reach > best_gap)
        {
          best_gap = arcs[i].start - reach;
          best_west = arcs[i].box;
          best_east = reach_box;
        }

      if (arcs[i].start + arcs[i].width > reach)
        {
          reach = arcs[i].start + arcs[i].width;
          reach_box = arcs[i].box;
        }
    }

  if (best_west == NULL)
    {
      /* The arcs cover the whole circle between them. */
      set_whole_circle (bounds);
      return;
    }

  /* Copy edges rather than add widths, so that the result contains exactly
   * the boxes it was made from. */
  bounds->west = best_west->west;
  bounds->east = best_east->east;
  tidy (bounds);
}

/**
 * mer_bounds_get_mercator_extent:
 * @x_min: (out): normalized x of @west, in [0, 1]
 * @y_min: (out): normalized y of @north (latitudes are clamped)
 * @x_max: (out): @x_min plus the width; beyond 1 when the box crosses ±180
 * @y_max: (out): normalized y of @south
 *
 * The box in normalized Web Mercator coordinates, as one rectangle even
 * when it crosses ±180.
 *
 * Returns: %FALSE, setting nothing, if @bounds is empty
 */
gboolean
mer_bounds_get_mercator_extent (const MerBounds *bounds,
                                double          *x_min,
                                double          *y_min,
                                double          *x_max,
                                double          *y_max)
{
  g_return_val_if_fail (bounds != NULL, FALSE);
  g_return_val_if_fail (x_min != NULL && y_min != NULL, FALSE);
  g_return_val_if_fail (x_max != NULL && y_max != NULL, FALSE);

  if (mer_bounds_is_empty (bounds))
    return FALSE;

  *x_min = mer_projection_lon_to_x (bounds->west);
  *x_max = *x_min + mer_bounds_get_width (bounds) / 360.0;
  *y_min = mer_projection_lat_to_y (bounds->north);
  *y_max = mer_projection_lat_to_y (bounds->south);
  return TRUE;
}

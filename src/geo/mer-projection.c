/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-projection"

#include "config.h"

#include "mer-projection.h"

#include <math.h>

#define DEG_TO_RAD (G_PI / 180.0)
#define RAD_TO_DEG (180.0 / G_PI)

/**
 * mer_projection_clamp_latitude:
 *
 * Returns: @lat clamped to the latitudes Web Mercator can show,
 *   ±%MER_PROJECTION_MAX_LATITUDE
 */
double
mer_projection_clamp_latitude (double lat)
{
  return CLAMP (lat, MER_PROJECTION_MIN_LATITUDE, MER_PROJECTION_MAX_LATITUDE);
}

/**
 * mer_projection_wrap_longitude:
 *
 * Returns: the same meridian as @lon, in [-180, 180): 180 becomes -180
 */
double
mer_projection_wrap_longitude (double lon)
{
  double wrapped;

  g_return_val_if_fail (isfinite (lon), 0.0);

  if (lon >= -180.0 && lon < 180.0)
    return lon;

  wrapped = lon - 360.0 * floor ((lon + 180.0) / 360.0);

  /* Rounding can land exactly on the open end. */
  if (wrapped >= 180.0)
    wrapped -= 360.0;
  else if (wrapped < -180.0)
    wrapped += 360.0;

  return wrapped;
}

/**
 * mer_projection_longitude_delta:
 *
 * The shortest signed turn from @from_lon to @to_lon, so that an animation
 * from 170 to -170 goes +20 across the antimeridian rather than -340.
 * Meridians exactly opposite give -180 (west).
 *
 * Returns: degrees in [-180, 180); positive means east
 */
double
mer_projection_longitude_delta (double from_lon,
                                double to_lon)
{
  return mer_projection_wrap_longitude (to_lon - from_lon);
}

/**
 * mer_projection_lon_to_x:
 *
 * The linear part of the projection, without wrapping: 190 gives x > 1,
 * which lets painters project rings given with longitudes beyond ±180.
 *
 * Returns: the normalized x of @lon
 */
double
mer_projection_lon_to_x (double lon)
{
  return (lon + 180.0) / 360.0;
}

/**
 * mer_projection_x_to_lon:
 *
 * The inverse of mer_projection_lon_to_x(), without wrapping.
 *
 * Returns: the longitude of normalized @x
 */
double
mer_projection_x_to_lon (double x)
{
  return x * 360.0 - 180.0;
}

/**
 * mer_projection_lat_to_y:
 *
 * Returns: the normalized y of @lat after clamping it, in [0, 1], 0 north
 */
double
mer_projection_lat_to_y (double lat)
{
  double phi = mer_projection_clamp_latitude (lat) * DEG_TO_RAD;

  return (1.0 - log (tan (phi) + 1.0 / cos (phi)) / G_PI) / 2.0;
}

/**
 * mer_projection_y_to_lat:
 *
 * The inverse of mer_projection_lat_to_y().  @y is not clamped: a y outside
 * [0, 1] (a point above or below the drawn world) gives a latitude beyond
 * ±%MER_PROJECTION_MAX_LATITUDE, still within ±90.
 *
 * Returns: the latitude of normalized @y
 */
double
mer_projection_y_to_lat (double y)
{
  return atan (sinh (G_PI * (1.0 - 2.0 * y))) * RAD_TO_DEG;
}

/**
 * mer_projection_location_to_normalized:
 * @x: (out): normalized x in [0, 1); @lon is wrapped first
 * @y: (out): normalized y in [0, 1]; @lat is clamped first
 */
void
mer_projection_location_to_normalized (double  lat,
                                       double  lon,
                                       double *x,
                                       double *y)
{
  g_return_if_fail (x != NULL);
  g_return_if_fail (y != NULL);

  *x = mer_projection_lon_to_x (mer_projection_wrap_longitude (lon));
  *y = mer_projection_lat_to_y (lat);
}

/**
 * mer_projection_normalized_to_location:
 * @lat: (out): latitude; not clamped (see mer_projection_y_to_lat())
 * @lon: (out): longitude wrapped into [-180, 180), so any copy of the world
 *   (x outside [0, 1]) gives the real meridian
 */
void
mer_projection_normalized_to_location (double  x,
                                       double  y,
                                       double *lat,
                                       double *lon)
{
  g_return_if_fail (lat != NULL);
  g_return_if_fail (lon != NULL);

  *lat = mer_projection_y_to_lat (y);
  *lon = mer_projection_wrap_longitude (mer_projection_x_to_lon (x));
}

/**
 * mer_projection_world_size:
 *
 * Returns: the width and height of the world at @zoom in logical pixels,
 *   256 × 2^@zoom
 */
double
mer_projection_world_size (double zoom)
{
  return MER_PROJECTION_TILE_SIZE * exp2 (zoom);
}

/**
 * mer_projection_location_to_pixel:
 * @x: (out): pixels from the antimeridian, in [0, world size)
 * @y: (out): pixels from the top of the world, in [0, world size]
 *
 * The same convention as libshumate's map sources.
 */
void
mer_projection_location_to_pixel (double  lat,
                                  double  lon,
                                  double  zoom,
                                  double *x,
                                  double *y)
{
  double size = mer_projection_world_size (zoom);

  g_return_if_fail (x != NULL);
  g_return_if_fail (y != NULL);

  mer_projection_location_to_normalized (lat, lon, x, y);
  *x *= size;
  *y *= size;
}

/**
 * mer_projection_pixel_to_location:
 * @lat: (out): latitude, not clamped
 * @lon: (out): longitude in [-180, 180)
 */
void
mer_projection_pixel_to_location (double  x,
                                  double  y,
                                  double  zoom,
                                  double *lat,
                                  double *lon)
{
  double size = mer_projection_world_size (zoom);

  g_return_if_fail (lat != NULL);
  g_return_if_fail (lon != NULL);

  mer_projection_normalized_to_location (x / size, y / size, lat, lon);
}

/**
 * mer_projection_meters_per_pixel:
 *
 * Ground distance along a parallel covered by one logical pixel, for a
 * scale bar: 2πR cos φ / (256 × 2^@zoom).
 *
 * Returns: metres per logical pixel at @lat (clamped) and @zoom
 */
double
mer_projection_meters_per_pixel (double lat,
                                 double zoom)
{
  double phi = mer_projection_clamp_latitude (lat) * DEG_TO_RAD;

  return 2.0 * G_PI * MER_PROJECTION_EARTH_RADIUS * cos (phi)
         / mer_projection_world_size (zoom);
}

/**
 * mer_map_view_init:
 * @view: (out caller-allocates): the view to fill in
 * @centre: (nullable): centre and zoom, or %NULL for 0, 0 at zoom 0
 * @scale_factor: device pixels per logical pixel, at least 1
 */
void
mer_map_view_init (MerMapView    *view,
                   const MerView *centre,
                   double         width,
                   double         height,
                   double         scale_factor)
{
  g_return_if_fail (view != NULL);

  view->lat = centre != NULL ? centre->lat : 0.0;
  view->lon = centre != NULL ? centre->lon : 0.0;
  view->zoom = centre != NULL ? centre->zoom : 0.0;
  view->width = width;
  view->height = height;
  view->scale_factor = scale_factor > 0.0 ? scale_factor : 1.0;
}

/**
 * mer_map_view_get_world_size:
 *
 * Returns: the size of one copy of the world in logical pixels at the
 *   view's zoom
 */
double
mer_map_view_get_world_size (const MerMapView *view)
{
  g_return_val_if_fail (view != NULL, MER_PROJECTION_TILE_SIZE);

  return mer_projection_world_size (view->zoom);
}

/**
 * mer_map_view_get_center_normalized:
 * @x: (out): normalized x of the centre, in [0, 1) (the centre longitude is
 *   wrapped)
 * @y: (out): normalized y of the centre (the centre latitude is clamped)
 */
void
mer_map_view_get_center_normalized (const MerMapView *view,
                                    double           *x,
                                    double           *y)
{
  g_return_if_fail (view != NULL);
  g_return_if_fail (x != NULL);
  g_return_if_fail (y != NULL);

  mer_projection_location_to_normalized (view->lat, view->lon, x, y);
}

/**
 * mer_map_view_nearest_world_copy:
 * @nx: a normalized x
 *
 * The world repeats east and west; this chooses the copy of @nx nearest the
 * centre of the view.  Painters projecting a polygon should call this once
 * for the whole polygon (with, say, the middle of its x extent) and add the
 * same shift to every vertex, so that a polygon is never torn between copies.
 *
 * Returns: the whole number of worlds k such that @nx + k lies in
 *   [cx - 0.5, cx + 0.5), cx being the view's centre x: a point exactly half
 *   a world away is drawn on the left
 */
int
mer_map_view_nearest_world_copy (const MerMapView *view,
                                 double            nx)
{
  double cx, cy;

  g_return_val_if_fail (view != NULL, 0);

  mer_map_view_get_center_normalized (view, &cx, &cy);
  return (int) ceil (cx - nx - 0.5);
}

/**
 * mer_map_view_normalized_to_point:
 * @x: (out): widget x in logical pixels
 * @y: (out): widget y in logical pixels
 *
 * Places normalized (@nx, @ny) in the widget exactly as given, with no
 * wrapping: add mer_map_view_nearest_world_copy() to @nx to choose a copy.
 */
void
mer_map_view_normalized_to_point (const MerMapView *view,
                                  double            nx,
                                  double            ny,
                                  double           *x,
                                  double           *y)
{
  double cx, cy, size;

  g_return_if_fail (view != NULL);
  g_return_if_fail (x != NULL);
  g_return_if_fail (y != NULL);

  mer_map_view_get_center_normalized (view, &cx, &cy);
  size = mer_projection_world_size (view->zoom);
  *x = (nx - cx) * size + view->width / 2.0;
  *y = (ny - cy) * size + view->height / 2.0;
}

/**
 * mer_map_view_point_to_normalized:
 * @nx: (out): normalized x, outside [0, 1] when the point shows another
 *   copy of the world
 * @ny: (out): normalized y, outside [0, 1] above or below the world
 *
 * The inverse of mer_map_view_normalized_to_point().
 */
void
mer_map_view_point_to_normalized (const MerMapView *view,
                                  double            x,
                                  double            y,
                                  double           *nx,
                                  double           *ny)
{
  double cx, cy, size;

  g_return_if_fail (view != NULL);
  g_return_if_fail (nx != NULL);
  g_return_if_fail (ny != NULL);

  mer_map_view_get_center_normalized (view, &cx, &cy);
  size = mer_projection_world_size (view->zoom);
  *nx = cx + (x - view->width / 2.0) / size;
  *ny = cy + (y - view->height / 2.0) / size;
}

/**
 * mer_map_view_location_to_point:
 * @x: (out): widget x in logical pixels, of the copy of the world nearest
 *   the centre (within half a world of it)
 * @y: (out): widget y in logical pixels
 *
 * Where (@lat, @lon) appears in the widget.  The centre of the widget shows
 * the view's centre; a view centred on 179 shows -179 two degrees to the
 * right, not 358 degrees to the left.
 */
void
mer_map_view_location_to_point (const MerMapView *view,
                                double            lat,
                                double            lon,
                                double           *x,
                                double           *y)
{
  double nx, ny;

  g_return_if_fail (view != NULL);
  g_return_if_fail (x != NULL);
  g_return_if_fail (y != NULL);

  mer_projection_location_to_normalized (lat, lon, &nx, &ny);
  nx += mer_map_view_nearest_world_copy (view, nx);
  mer_map_view_normalized_to_point (view, nx, ny, x, y);
}

/**
 * mer_map_view_point_to_location:
 * @lat: (out): latitude; beyond ±%MER_PROJECTION_MAX_LATITUDE above or
 *   below the world
 * @lon: (out): longitude in [-180, 180), whichever copy of the world the
 *   point is on
 */
void
mer_map_view_point_to_location (const MerMapView *view,
                                double            x,
                                double            y,
                                double           *lat,
                                double           *lon)
{
  double nx, ny;

  g_return_if_fail (view != NULL);
  g_return_if_fail (lat != NULL);
  g_return_if_fail (lon != NULL);

  mer_map_view_point_to_normalized (view, x, y, &nx, &ny);
  mer_projection_normalized_to_location (nx, ny, lat, lon);
}

/**
 * mer_map_view_get_bounds:
 * @x_min: (out): normalized x at the left edge of the widget
 * @y_min: (out): normalized y at the top edge
 * @x_max: (out): normalized x at the right edge
 * @y_max: (out): normalized y at the bottom edge
 *
 * The normalized rectangle the widget shows, not clipped to the world: x
 * runs past 0 or 1 when the view straddles ±180 (the centre x is in [0, 1),
 * so at most one side does unless the world is narrower than the widget),
 * and y runs past 0 or 1 when the world is shorter than the widget.
 */
void
mer_map_view_get_bounds (const MerMapView *view,
                         double           *x_min,
                         double           *y_min,
                         double           *x_max,
                         double           *y_max)
{
  g_return_if_fail (view != NULL);
  g_return_if_fail (x_min != NULL && y_min != NULL);
  g_return_if_fail (x_max != NULL && y_max != NULL);

  mer_map_view_point_to_normalized (view, 0.0, 0.0, x_min, y_min);
  mer_map_view_point_to_normalized (view, view->width, view->height, x_max, y_max);
}

/**
 * mer_map_view_get_meters_per_pixel:
 *
 * Returns: metres per logical pixel at the view's centre latitude, for a
 *   scale bar
 */
double
mer_map_view_get_meters_per_pixel (const MerMapView *view)
{
  g_return_val_if_fail (view != NULL, 0.0);

  return mer_projection_meters_per_pixel (view->lat, view->zoom);
}

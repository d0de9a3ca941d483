/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "mer-types.h"

G_BEGIN_DECLS

/*
 * Web Mercator as libshumate uses it.
 *
 * Three coordinate spaces:
 *
 * - location: latitude and longitude in degrees.  Functions take them in
 *   (lat, lon) order, like MerView, MerPlace and libshumate; only the core's
 *   MerLonLat stores them the GeoJSON way round.
 * - normalized: x = (lon + 180) / 360 and y = (1 - ln (tan φ + sec φ) / π) / 2,
 *   both in [0, 1] for the world; x grows east, y grows south.  Latitudes are
 *   clamped to ±MER_PROJECTION_MAX_LATITUDE first.
 * - pixel: normalized × the world size at a zoom, 256 × 2^zoom logical pixels
 *   (256-px tiles, fractional zooms allowed).  Logical pixels are what GTK
 *   widget coordinates are measured in; a HiDPI scale factor only changes how
 *   finely they are rasterised.
 */

#define MER_PROJECTION_TILE_SIZE     256.0
#define MER_PROJECTION_MAX_LATITUDE  85.0511287798
#define MER_PROJECTION_MIN_LATITUDE  (-85.0511287798)
/* WGS 84 semi-major axis, the sphere Web Mercator is drawn on. */
#define MER_PROJECTION_EARTH_RADIUS  6378137.0

double   mer_projection_clamp_latitude          (double  lat);
double   mer_projection_wrap_longitude          (double  lon);
double   mer_projection_longitude_delta         (double  from_lon,
                                                 double  to_lon);

double   mer_projection_lon_to_x                (double  lon);
double   mer_projection_x_to_lon                (double  x);
double   mer_projection_lat_to_y                (double  lat);
double   mer_projection_y_to_lat                (double  y);

void     mer_projection_location_to_normalized  (double  lat,
                                                 double  lon,
                                                 double *x,
                                                 double *y);
void     mer_projection_normalized_to_location  (double  x,
                                                 double  y,
                                                 double *lat,
                                                 double *lon);

double   mer_projection_world_size              (double  zoom);
void     mer_projection_location_to_pixel       (double  lat,
                                                 double  lon,
                                                 double  zoom,
                                                 double *x,
                                                 double *y);
void     mer_projection_pixel_to_location       (double  x,
                                                 double  y,
                                                 double  zoom,
                                                 double *lat,
                                                 double *lon);

double   mer_projection_meters_per_pixel        (double  lat,
                                                 double  zoom);

/**
 * MerMapView:
 * @lat: latitude of the centre, degrees
 * @lon: longitude of the centre, degrees (any value; it is wrapped)
 * @zoom: Web Mercator zoom, fractional allowed
 * @width: widget width in logical pixels
 * @height: widget height in logical pixels
 * @scale_factor: device pixels per logical pixel; carried for painters that
 *   rasterise (tiles are 256 × @scale_factor device pixels), never used by
 *   the coordinate conversions, which are all in logical pixels
 *
 * A map view on a widget: the centre of the widget shows (@lat, @lon).
 * A plain value type: fill it in or use mer_map_view_init().
 */
typedef struct {
  double lat, lon, zoom;
  double width, height;
  double scale_factor;
} MerMapView;

void     mer_map_view_init                      (MerMapView       *view,
                                                 const MerView    *centre,
                                                 double            width,
                                                 double            height,
                                                 double            scale_factor);
double   mer_map_view_get_world_size            (const MerMapView *view);
void     mer_map_view_get_center_normalized     (const MerMapView *view,
                                                 double           *x,
                                                 double           *y);

void     mer_map_view_location_to_point         (const MerMapView *view,
                                                 double            lat,
                                                 double            lon,
                                                 double           *x,
                                                 double           *y);
void     mer_map_view_point_to_location         (const MerMapView *view,
                                                 double            x,
                                                 double            y,
                                                 double           *lat,
                                                 double           *lon);

void     mer_map_view_normalized_to_point       (const MerMapView *view,
                                                 double            nx,
                                                 double            ny,
                                                 double           *x,
                                                 double           *y);
void     mer_map_view_point_to_normalized       (const MerMapView *view,
                                                 double            x,
                                                 double            y,
                                                 double           *nx,
                                                 double           *ny);
int      mer_map_view_nearest_world_copy        (const MerMapView *view,
                                                 double            nx);

void     mer_map_view_get_bounds                (const MerMapView *view,
                                                 double           *x_min,
                                                 double           *y_min,
                                                 double           *x_max,
                                                 double           *y_max);
double   mer_map_view_get_meters_per_pixel      (const MerMapView *view);

G_END_DECLS

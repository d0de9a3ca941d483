/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-projection"

#include "config.h"

#include <math.h>

#include "mer-projection.h"

#define EPS 1e-9

static void
test_known_values (void)
{
  const struct {
    double lat, lon;
    double x, y;
  } cases[] = {
    {   0.0,            0.0,   0.5,  0.5 },
    {  85.0511287798,   0.0,   0.5,  0.0 },
    { -85.0511287798,   0.0,   0.5,  1.0 },
    {  89.9,            0.0,   0.5,  0.0 },   /* clamped */
    { -90.0,            0.0,   0.5,  1.0 },   /* clamped */
    {   0.0,         -180.0,   0.0,  0.5 },
    {   0.0,          180.0,   0.0,  0.5 },   /* wrapped to -180 */
    {   0.0,           90.0,   0.75, 0.5 },
    {   0.0,          -90.0,   0.25, 0.5 },
    {   0.0,          540.0,   0.0,  0.5 },   /* wrapped */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double x, y;

      mer_projection_location_to_normalized (cases[i].lat, cases[i].lon, &x, &y);
      g_assert_cmpfloat_with_epsilon (x, cases[i].x, EPS);
      g_assert_cmpfloat_with_epsilon (y, cases[i].y, EPS);
    }

  /* 45N is at y = (1 - ln (1 + sqrt 2) / π) / 2. */
  g_assert_cmpfloat_with_epsilon (mer_projection_lat_to_y (45.0),
                                  (1.0 - log (1.0 + sqrt (2.0)) / G_PI) / 2.0, 1e-15);

  g_assert_cmpfloat (mer_projection_world_size (0.0), ==, 256.0);
  g_assert_cmpfloat (mer_projection_world_size (5.0), ==, 8192.0);
  g_assert_cmpfloat_with_epsilon (mer_projection_world_size (2.5), 256.0 * 4.0 * sqrt (2.0), 1e-9);
}

static void
test_tokyo_pixel (void)
{
  const double lat = 35.68, lon = 139.69, zoom = 5.0;
  double phi = lat * G_PI / 180.0;
  double size = 256.0 * 32.0;
  double expected_x = (lon + 180.0) / 360.0 * size;
  double expected_y = (1.0 - log (tan (phi) + 1.0 / cos (phi)) / G_PI) / 2.0 * size;
  double x, y, back_lat, back_lon;

  /* Worked out separately with bc -l at 30 digits. */
  g_assert_cmpfloat_with_epsilon (expected_x, 7274.7235555555556, 1e-9);
  g_assert_cmpfloat_with_epsilon (expected_y, 3225.8640635550088, 1e-9);

  mer_projection_location_to_pixel (lat, lon, zoom, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, expected_x, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, expected_y, 1e-9);

  mer_projection_pixel_to_location (x, y, zoom, &back_lat, &back_lon);
  g_assert_cmpfloat_with_epsilon (back_lat, lat, 1e-12);
  g_assert_cmpfloat_with_epsilon (back_lon, lon, 1e-12);
}

static void
test_round_trip (void)
{
  const double lats[] = { -85.0, -60.5, -1e-6, 0.0, 12.25, 43.6, 85.05 };
  const double lons[] = { -180.0, -179.999, -120.3, 0.0, 1e-7, 146.0, 179.999 };
  const double zooms[] = { 0.0, 3.7, 12.0, 20.0 };

  for (guint i = 0; i < G_N_ELEMENTS (lats); i++)
    for (guint j = 0; j < G_N_ELEMENTS (lons); j++)
      {
        double x, y, lat, lon;

        mer_projection_location_to_normalized (lats[i], lons[j], &x, &y);
        mer_projection_normalized_to_location (x, y, &lat, &lon);
        g_assert_cmpfloat_with_epsilon (lat, lats[i], 1e-9);
        g_assert_cmpfloat_with_epsilon (lon, lons[j], 1e-9);

        for (guint k = 0; k < G_N_ELEMENTS (zooms); k++)
          {
            mer_projection_location_to_pixel (lats[i], lons[j], zooms[k], &x, &y);
            mer_projection_pixel_to_location (x, y, zooms[k], &lat, &lon);
            g_assert_cmpfloat_with_epsilon (lat, lats[i], 1e-9);
            g_assert_cmpfloat_with_epsilon (lon, lons[j], 1e-9);
          }
      }

  /* The unwrapped linear pair, for rings beyond ±180. */
  g_assert_cmpfloat_with_epsilon (mer_projection_lon_to_x (190.0), 370.0 / 360.0, 1e-15);
  g_assert_cmpfloat_with_epsilon (mer_projection_x_to_lon (370.0 / 360.0), 190.0, 1e-12);

  /* Above the world the inverse does not clamp. */
  g_assert_cmpfloat (mer_projection_y_to_lat (-0.1), >, MER_PROJECTION_MAX_LATITUDE);
  g_assert_cmpfloat (mer_projection_y_to_lat (-0.1), <, 90.0);
}

static void
test_wrap_longitude (void)
{
  const struct {
    double lon, wrapped;
  } cases[] = {
    {    0.0,    0.0 },
    {  179.5,  179.5 },
    {  180.0, -180.0 },
    { -180.0, -180.0 },
    {  190.0, -170.0 },
    { -190.0,  170.0 },
    {  360.0,    0.0 },
    { -360.0,    0.0 },
    {  540.0, -180.0 },
    {  725.0,    5.0 },
    { -725.0,   -5.0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpfloat_with_epsilon (mer_projection_wrap_longitude (cases[i].lon),
                                    cases[i].wrapped, 1e-12);
}

static void
test_longitude_delta (void)
{
  const struct {
    double from, to, delta;
  } cases[] = {
    {  170.0, -170.0,  20.0 },
    { -170.0,  170.0, -20.0 },
    {   10.0,   30.0,  20.0 },
    {   30.0,   10.0, -20.0 },
    {  179.0,  181.0,   2.0 },
    { -179.5,  179.5,  -1.0 },
    {    0.0,  180.0, -180.0 },   /* exactly opposite: west */
    {  146.0,  -34.0, -180.0 },
    {   90.0,  -89.0, 181.0 - 360.0 },
    {    0.0,    0.0,   0.0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpfloat_with_epsilon (mer_projection_longitude_delta (cases[i].from, cases[i].to),
                                    cases[i].delta, 1e-12);
}

static void
test_meters_per_pixel (void)
{
  /* 2π × 6378137 / 256, by bc. */
  g_assert_cmpfloat_with_epsilon (mer_projection_meters_per_pixel (0.0, 0.0),
                                  156543.03392804096, 1e-6);
  g_assert_cmpfloat_with_epsilon (mer_projection_meters_per_pixel (60.0, 0.0),
                                  156543.03392804096 / 2.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (mer_projection_meters_per_pixel (0.0, 10.0),
                                  156543.03392804096 / 1024.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (mer_projection_meters_per_pixel (-60.0, 1.5),
                                  156543.03392804096 / 2.0 / (2.0 * sqrt (2.0)), 1e-6);
}

static void
test_map_view_centre (void)
{
  const MerView centres[] = {
    { 0.0, 0.0, 0.0 },
    { 35.68, 139.69, 5.0 },
    { -33.9, -70.6, 11.3 },
    { 44.0, 180.0, 4.5 },
    { 65.0, -180.0, 2.0 },
    { 0.0, 190.0, 3.0 },      /* any longitude: wrapped */
  };

  for (guint i = 0; i < G_N_ELEMENTS (centres); i++)
    {
      MerMapView view;
      double x, y, lat, lon, x2, y2;

      mer_map_view_init (&view, &centres[i], 800.0, 600.0, 2.0);
      g_assert_cmpfloat (view.scale_factor, ==, 2.0);

      mer_map_view_location_to_point (&view, centres[i].lat, centres[i].lon, &x, &y);
      g_assert_cmpfloat_with_epsilon (x, 400.0, 1e-9);
      g_assert_cmpfloat_with_epsilon (y, 300.0, 1e-9);

      mer_map_view_point_to_location (&view, 400.0, 300.0, &lat, &lon);
      g_assert_cmpfloat_with_epsilon (lat, centres[i].lat, 1e-9);
      g_assert_cmpfloat_with_epsilon (mer_projection_longitude_delta (lon, centres[i].lon), 0.0, 1e-9);

      /* One pixel right of centre, and back. */
      mer_map_view_point_to_location (&view, 401.0, 300.0, &lat, &lon);
      g_assert_cmpfloat_with_epsilon (lat, centres[i].lat, 1e-9);
      g_assert_cmpfloat_with_epsilon (mer_projection_longitude_delta (centres[i].lon, lon),
                                      360.0 / mer_projection_world_size (centres[i].zoom), 1e-9);
      mer_map_view_location_to_point (&view, lat, lon, &x2, &y2);
      g_assert_cmpfloat_with_epsilon (x2, 401.0, 1e-9);
      g_assert_cmpfloat_with_epsilon (y2, 300.0, 1e-9);

      /* And a point off-centre in both directions.  At zoom 0 the world
       * is 256 px wide, and 276.75 px left of the centre comes back on the
       * copy of the world nearest the centre, one world to the right. */
      mer_map_view_point_to_location (&view, 123.25, 356.5, &lat, &lon);
      mer_map_view_location_to_point (&view, lat, lon, &x2, &y2);
      g_assert_cmpfloat_with_epsilon (x2, centres[i].zoom == 0.0 ? 123.25 + 256.0 : 123.25, 1e-9);
      g_assert_cmpfloat_with_epsilon (y2, 356.5, 1e-9);
    }
}

static void
test_map_view_wraps (void)
{
  MerView centre = { 0.0, 179.0, 4.0 };
  MerMapView view;
  double size, x, y, x_min, y_min, x_max, y_max;

  mer_map_view_init (&view, &centre, 1000.0, 500.0, 1.0);
  size = mer_map_view_get_world_size (&view);
  g_assert_cmpfloat (size, ==, 4096.0);

  /* -179 is two degrees east of 179: right of the centre, not far left. */
  mer_map_view_location_to_point (&view, 0.0, -179.0, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 500.0 + 2.0 / 360.0 * size, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, 250.0, 1e-9);

  mer_map_view_location_to_point (&view, 0.0, 170.0, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 500.0 - 9.0 / 360.0 * size, 1e-9);

  /* The visible rectangle runs past 1: the view straddles ±180. */
  mer_map_view_get_bounds (&view, &x_min, &y_min, &x_max, &y_max);
  g_assert_cmpfloat_with_epsilon (x_min, 359.0 / 360.0 - 500.0 / size, 1e-12);
  g_assert_cmpfloat_with_epsilon (x_max, 359.0 / 360.0 + 500.0 / size, 1e-12);
  g_assert_cmpfloat (x_max, >, 1.0);
  g_assert_cmpfloat_with_epsilon (y_min, 0.5 - 250.0 / size, 1e-12);
  g_assert_cmpfloat_with_epsilon (y_max, 0.5 + 250.0 / size, 1e-12);

  /* A point past the right edge of the world maps to the real meridian. */
  {
    double lat, lon;

    mer_map_view_point_to_location (&view, 500.0 + 3.0 / 360.0 * size, 250.0, &lat, &lon);
    g_assert_cmpfloat_with_epsilon (lon, -178.0, 1e-9);
    g_assert_cmpfloat_with_epsilon (lat, 0.0, 1e-9);
  }

  /* Copies of the world: 1.1 is nearest as 0.1 only if the centre is near
   * 0.1; here the centre is at 359/360. */
  g_assert_cmpint (mer_map_view_nearest_world_copy (&view, 0.0), ==, 1);
  g_assert_cmpint (mer_map_view_nearest_world_copy (&view, 0.9), ==, 0);
  g_assert_cmpint (mer_map_view_nearest_world_copy (&view, 2.0), ==, -1);

  /* normalized_to_point does not wrap. */
  mer_map_view_normalized_to_point (&view, 0.0, 0.5, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 500.0 - 359.0 / 360.0 * size, 1e-9);
}

static void
test_map_view_zoomed_out (void)
{
  MerView centre = { 0.0, 0.0, 0.0 };
  MerMapView view;
  double x_min, y_min, x_max, y_max, x, y;

  mer_map_view_init (&view, &centre, 1024.0, 512.0, 1.0);
  mer_map_view_get_bounds (&view, &x_min, &y_min, &x_max, &y_max);
  g_assert_cmpfloat_with_epsilon (x_min, -1.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (x_max, 2.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (y_min, -0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (y_max, 1.5, 1e-12);

  g_assert_cmpfloat_with_epsilon (mer_map_view_get_meters_per_pixel (&view),
                                  156543.03392804096, 1e-6);

  mer_map_view_location_to_point (&view, 85.0511287798, -180.0, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 512.0 - 128.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, 256.0 - 128.0, 1e-9);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/geo/projection/known-values", test_known_values);
  g_test_add_func ("/geo/projection/tokyo-pixel", test_tokyo_pixel);
  g_test_add_func ("/geo/projection/round-trip", test_round_trip);
  g_test_add_func ("/geo/projection/wrap-longitude", test_wrap_longitude);
  g_test_add_func ("/geo/projection/longitude-delta", test_longitude_delta);
  g_test_add_func ("/geo/projection/meters-per-pixel", test_meters_per_pixel);
  g_test_add_func ("/geo/projection/map-view-centre", test_map_view_centre);
  g_test_add_func ("/geo/projection/map-view-wraps", test_map_view_wraps);
  g_test_add_func ("/geo/projection/map-view-zoomed-out", test_map_view_zoomed_out);

  return g_test_run ();
}

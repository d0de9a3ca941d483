/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-fit"

#include "config.h"

#include <math.h>

#include "mer-bounds.h"
#include "mer-fit.h"

/* The projection written out again, so the tests do not check the code
 * against itself. */
static double
merc_x (double lon)
{
  return (lon + 180.0) / 360.0;
}

static double
merc_y (double lat)
{
  double phi = lat * G_PI / 180.0;

  return (1.0 - log (tan (phi) + 1.0 / cos (phi)) / G_PI) / 2.0;
}

static double
merc_lat (double y)
{
  return atan (sinh (G_PI * (1.0 - 2.0 * y))) * 180.0 / G_PI;
}

static void
add_rect (MerGeometry *geometry,
          double       west,
          double       south,
          double       east,
          double       north)
{
  const MerLonLat ring[] = {
    { west, south }, { east, south }, { east, north }, { west, north }, { west, south },
  };

  mer_geometry_begin_polygon (geometry);
  mer_geometry_add_ring (geometry, ring, G_N_ELEMENTS (ring));
}

static void
assert_bounds (const MerBounds *bounds,
               double           west,
               double           south,
               double           east,
               double           north)
{
  g_assert_false (mer_bounds_is_empty (bounds));
  g_assert_cmpfloat_with_epsilon (bounds->west, west, 1e-12);
  g_assert_cmpfloat_with_epsilon (bounds->south, south, 1e-12);
  g_assert_cmpfloat_with_epsilon (bounds->east, east, 1e-12);
  g_assert_cmpfloat_with_epsilon (bounds->north, north, 1e-12);
}

/* Bounds */

static void
test_bounds_empty (void)
{
  MerBounds bounds = MER_BOUNDS_INIT_EMPTY;
  MerBounds other;

  g_assert_true (mer_bounds_is_empty (&bounds));
  g_assert_false (mer_bounds_contains (&bounds, 0.0, 0.0));
  g_assert_false (mer_bounds_crosses_antimeridian (&bounds));
  g_assert_cmpfloat (mer_bounds_get_width (&bounds), ==, 0.0);

  mer_bounds_init_point (&other, 1.0, 2.0);
  mer_bounds_init_empty (&bounds);
  mer_bounds_union (&bounds, &other);
  assert_bounds (&bounds, 2.0, 1.0, 2.0, 1.0);

  mer_bounds_init_empty (&other);
  mer_bounds_union (&bounds, &other);
  assert_bounds (&bounds, 2.0, 1.0, 2.0, 1.0);

  mer_bounds_init_empty (&bounds);
  mer_bounds_extend (&bounds, 5.0, -7.0);
  assert_bounds (&bounds, -7.0, 5.0, -7.0, 5.0);
  g_assert_true (mer_bounds_contains (&bounds, 5.0, -7.0));
}

static void
test_bounds_extend (void)
{
  const struct {
    double lons[4];
    guint  n;
    double west, east, width;
  } cases[] = {
    { { 10, 20, 15 }, 3, 10, 20, 10 },
    { { 179, -179 }, 2, 179, -179, 2 },
    { { -179, 179 }, 2, 179, -179, 2 },
    { { 170, -170, 175 }, 3, 170, -170, 20 },
    { { 170, -170, -100 }, 3, 170, -100, 90 },
    { { -10, 10, 181 }, 3, -179, 10, 189 },    /* 181 is -179: west is nearer */
    { { 170, 175, -180 }, 3, 170, 180, 10 },   /* 170 … -180 reads 170 … 180 */
    { { -179, -170, 180 }, 3, -180, -170, 10 },
    { { 0, 90, -90 }, 3, -90, 90, 180 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      MerBounds bounds = MER_BOUNDS_INIT_EMPTY;

      for (guint j = 0; j < cases[i].n; j++)
        mer_bounds_extend (&bounds, (double) j, cases[i].lons[j]);

      g_test_message ("case %u: %g … %g", i, bounds.west, bounds.east);
      assert_bounds (&bounds, cases[i].west, 0.0, cases[i].east, cases[i].n - 1.0);
      g_assert_cmpfloat_with_epsilon (mer_bounds_get_width (&bounds), cases[i].width, 1e-12);
      for (guint j = 0; j < cases[i].n; j++)
        g_assert_true (mer_bounds_contains (&bounds, (double) j, cases[i].lons[j]));
    }
}

static void
test_bounds_contains (void)
{
  const MerBounds across = { 170.0, -10.0, -170.0, 10.0 };
  const MerBounds plain = { -20.0, -10.0, 20.0, 10.0 };
  const MerBounds whole = { -180.0, -10.0, 180.0, 10.0 };

  g_assert_true (mer_bounds_crosses_antimeridian (&across));
  g_assert_false (mer_bounds_crosses_antimeridian (&plain));
  g_assert_cmpfloat_with_epsilon (mer_bounds_get_width (&across), 20.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (mer_bounds_get_width (&whole), 360.0, 1e-12);

  g_assert_true (mer_bounds_contains (&across, 0.0, 175.0));
  g_assert_true (mer_bounds_contains (&across, 0.0, 180.0));
  g_assert_true (mer_bounds_contains (&across, 0.0, -180.0));
  g_assert_true (mer_bounds_contains (&across, 0.0, -170.0));
  g_assert_true (mer_bounds_contains (&across, 10.0, 190.0));
  g_assert_false (mer_bounds_contains (&across, 0.0, 0.0));
  g_assert_false (mer_bounds_contains (&across, 0.0, -169.0));
  g_assert_false (mer_bounds_contains (&across, 11.0, 175.0));

  g_assert_true (mer_bounds_contains (&plain, 0.0, 0.0));
  g_assert_true (mer_bounds_contains (&plain, -10.0, -20.0));
  g_assert_false (mer_bounds_contains (&plain, 0.0, 175.0));

  g_assert_true (mer_bounds_contains (&whole, 0.0, 123.0));
  g_assert_true (mer_bounds_contains (&whole, 0.0, -180.0));

  g_assert_true (mer_bounds_intersects (&across, &whole));
  g_assert_false (mer_bounds_intersects (&across, &plain));
  {
    const MerBounds east_of_180 = { -175.0, 0.0, -160.0, 5.0 };
    const MerBounds north = { -175.0, 20.0, -160.0, 25.0 };

    g_assert_true (mer_bounds_intersects (&across, &east_of_180));
    g_assert_true (mer_bounds_intersects (&east_of_180, &across));
    g_assert_false (mer_bounds_intersects (&across, &north));
  }
}

static void
test_bounds_union (void)
{
  const struct {
    MerBounds a, b;
    MerBounds expected;
  } cases[] = {
    /* Touching at ±180. */
    { { 170, 0, 180, 1 }, { -180, -1, -170, 0 }, { 170, -1, -170, 1 } },
    /* Disjoint: the short way round. */
    { { 10, 0, 20, 0 }, { 30, 0, 40, 0 }, { 10, 0, 40, 0 } },
    { { 150, 0, 160, 0 }, { -160, 0, -150, 0 }, { 150, 0, -150, 0 } },
    /* Nested, and overlapping across ±180. */
    { { 170, 0, -170, 0 }, { 175, 0, 178, 0 }, { 170, 0, -170, 0 } },
    { { 170, 0, -170, 0 }, { -175, 0, -160, 0 }, { 170, 0, -160, 0 } },
    /* Together they go all the way round. */
    { { -180, 0, 0, 0 }, { 0, 0, 180, 0 }, { -180, 0, 180, 0 } },
    { { -170, 0, 170, 0 }, { 160, 0, -160, 0 }, { -180, 0, 180, 0 } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      MerBounds ab = cases[i].a;
      MerBounds ba = cases[i].b;

      mer_bounds_union (&ab, &cases[i].b);
      mer_bounds_union (&ba, &cases[i].a);
      g_test_message ("case %u: %g … %g", i, ab.west, ab.east);
      assert_bounds (&ab, cases[i].expected.west, cases[i].expected.south,
                     cases[i].expected.east, cases[i].expected.north);
      assert_bounds (&ba, cases[i].expected.west, cases[i].expected.south,
                     cases[i].expected.east, cases[i].expected.north);
    }
}

static void
test_bounds_union_all (void)
{
  const double lons[] = { 0, 100, -100, 170 };
  MerBounds points[G_N_ELEMENTS (lons)];
  MerBounds all = MER_BOUNDS_INIT_EMPTY;
  MerBounds greedy = MER_BOUNDS_INIT_EMPTY;

  for (guint i = 0; i < G_N_ELEMENTS (lons); i++)
    {
      mer_bounds_init_point (&points[i], 0.0, lons[i]);
      mer_bounds_extend (&greedy, 0.0, lons[i]);
    }

  /* The widest gap is 100 degrees (two of them): the box is 260 wide,
   * where extending one point at a time ends 270 wide. */
  mer_bounds_union_all (&all, points, G_N_ELEMENTS (points));
  g_assert_cmpfloat_with_epsilon (mer_bounds_get_width (&all), 260.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (mer_bounds_get_width (&greedy), 270.0, 1e-12);
  for (guint i = 0; i < G_N_ELEMENTS (lons); i++)
    g_assert_true (mer_bounds_contains (&all, 0.0, lons[i]));

  /* Nothing at all. */
  mer_bounds_init_empty (&all);
  mer_bounds_union_all (&all, NULL, 0);
  g_assert_true (mer_bounds_is_empty (&all));
}

static void
test_bounds_from_geometry (void)
{
  g_autoptr(MerGeometry) split = mer_geometry_new ();
  g_autoptr(MerGeometry) beyond = mer_geometry_new ();
  g_autoptr(MerGeometry) kurils = mer_geometry_new ();
  g_autoptr(MerGeometry) empty = mer_geometry_new ();
  g_autoptr(MerGeometry) antarctica = mer_geometry_new ();
  MerBounds bounds;

  /* A region split at ±180 into two polygons. */
  add_rect (split, 170.0, 60.0, 180.0, 70.0);
  add_rect (split, -180.0, 62.0, -170.0, 72.0);
  g_assert_true (mer_bounds_init_from_geometry (&bounds, split));
  assert_bounds (&bounds, 170.0, 60.0, -170.0, 72.0);

  /* A ring running past 180. */
  add_rect (beyond, 176.0, -20.0, 182.0, -15.0);
  g_assert_true (mer_bounds_init_from_geometry (&bounds, beyond));
  assert_bounds (&bounds, 176.0, -20.0, -178.0, -15.0);

  /* An ordinary MultiPolygon, holes and all. */
  add_rect (kurils, 145.4, 43.6, 146.6, 44.5);
  add_rect (kurils, 146.6, 44.4, 148.9, 45.6);
  add_rect (kurils, 146.6, 43.6, 146.9, 43.9);
  g_assert_true (mer_bounds_init_from_geometry (&bounds, kurils));
  assert_bounds (&bounds, 145.4, 43.6, 148.9, 45.6);

  /* A polygon that goes all the way round. */
  add_rect (antarctica, -180.0, -90.0, 180.0, -63.0);
  g_assert_true (mer_bounds_init_from_geometry (&bounds, antarctica));
  assert_bounds (&bounds, -180.0, -90.0, 180.0, -63.0);

  g_assert_false (mer_bounds_init_from_geometry (&bounds, empty));
  g_assert_true (mer_bounds_is_empty (&bounds));
}

static void
test_bounds_from_map_view (void)
{
  MerView centre = { 0.0, 180.0, 4.0 };
  MerMapView view;
  MerBounds bounds;
  double x_min, y_min, x_max, y_max;

  /* 4096 px world, 1024 px wide widget: 90 degrees. */
  mer_map_view_init (&view, &centre, 1024.0, 512.0, 1.0);
  mer_bounds_init_from_map_view (&bounds, &view);
  g_assert_true (mer_bounds_crosses_antimeridian (&bounds));
  g_assert_cmpfloat_with_epsilon (bounds.west, 135.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (bounds.east, -135.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (bounds.north, merc_lat (0.5 - 256.0 / 4096.0), 1e-9);
  g_assert_cmpfloat_with_epsilon (bounds.south, -bounds.north, 1e-9);

  g_assert_true (mer_bounds_get_mercator_extent (&bounds, &x_min, &y_min, &x_max, &y_max));
  g_assert_cmpfloat_with_epsilon (x_min, 0.875, 1e-12);
  g_assert_cmpfloat_with_epsilon (x_max, 1.125, 1e-12);
  g_assert_cmpfloat_with_epsilon (y_min, 0.4375, 1e-12);
  g_assert_cmpfloat_with_epsilon (y_max, 0.5625, 1e-12);

  /* Wider than the world. */
  view.zoom = 1.0;
  mer_bounds_init_from_map_view (&bounds, &view);
  g_assert_cmpfloat (bounds.west, ==, -180.0);
  g_assert_cmpfloat (bounds.east, ==, 180.0);
  g_assert_cmpfloat_with_epsilon (bounds.north, MER_PROJECTION_MAX_LATITUDE, 1e-9);
  g_assert_cmpfloat_with_epsilon (bounds.south, MER_PROJECTION_MIN_LATITUDE, 1e-9);
}

/* Fitting */

static void
test_fit_across_antimeridian (void)
{
  const MerPlace on_equator[] = {
    { (char *) "east", 0.0, 170.0 },
    { (char *) "west", 0.0, -170.0 },
  };
  const MerPlace tilted[] = {
    { (char *) "east", 10.0, 170.0 },
    { (char *) "west", -20.0, -170.0 },
  };
  MerView view;
  double expected_zoom, dy;

  g_assert_true (mer_fit_view (on_equator, 2, NULL, 0, 800.0, 600.0, 0.0, 0.0, 20.0, &view));
  g_assert_cmpfloat_with_epsilon (fabs (view.lon), 180.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (view.lat, 0.0, 1e-9);
  /* log2 (800 / (20/360 × 256)) = log2 (56.25), by bc: 5.8137811912170371 */
  g_assert_cmpfloat_with_epsilon (view.zoom, log2 (800.0 / (20.0 / 360.0 * 256.0)), 1e-12);
  g_assert_cmpfloat_with_epsilon (view.zoom, 5.8137811912170371, 1e-12);

  /* The other way round, and not on the equator. */
  g_assert_true (mer_fit_view (tilted, 2, NULL, 0, 800.0, 600.0, 20.0, 0.0, 20.0, &view));
  dy = merc_y (-20.0) - merc_y (10.0);
  expected_zoom = log2 (MIN (760.0 / (20.0 / 360.0 * 256.0), 560.0 / (dy * 256.0)));
  g_assert_cmpfloat_with_epsilon (fabs (view.lon), 180.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (view.lat, merc_lat ((merc_y (-20.0) + merc_y (10.0)) / 2.0), 1e-9);
  g_assert_cmpfloat_with_epsilon (view.zoom, expected_zoom, 1e-12);
}

static void
test_fit_tokyo_nagato (void)
{
  const MerPlace places[] = {
    { (char *) "Nagato", 34.37, 131.18 },
    { (char *) "Tokyo", 35.68, 139.69 },
  };
  MerView view;
  double dx = merc_x (139.69) - merc_x (131.18);
  double dy = merc_y (34.37) - merc_y (35.68);
  double zoom = log2 (MIN ((800.0 - 80.0) / (dx * 256.0), (600.0 - 80.0) / (dy * 256.0)));

  g_assert_true (mer_fit_view (places, 2, NULL, 0, 800.0, 600.0, 40.0, 0.0, 20.0, &view));

  g_assert_cmpfloat_with_epsilon (view.zoom, zoom, 1e-12);
  g_assert_cmpfloat_with_epsilon (view.lon, (131.18 + 139.69) / 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (view.lat, merc_lat ((merc_y (34.37) + merc_y (35.68)) / 2.0), 1e-9);

  /* The same worked out with bc -l: width limits, not height. */
  g_assert_cmpfloat_with_epsilon (view.zoom, 6.8945470607481115, 1e-12);
  g_assert_cmpfloat_with_epsilon (view.lat, 35.027624161903202, 1e-12);
  g_assert_cmpfloat_with_epsilon (view.lon, 135.435, 1e-12);
  /* Centred in Mercator, not at the middle latitude 35.025. */
  g_assert_cmpfloat (fabs (view.lat - (34.37 + 35.68) / 2.0), >, 1e-3);

  /* Clamped both ways. */
  g_assert_true (mer_fit_view (places, 2, NULL, 0, 800.0, 600.0, 40.0, 0.0, 5.5, &view));
  g_assert_cmpfloat (view.zoom, ==, 5.5);
  g_assert_true (mer_fit_view (places, 2, NULL, 0, 800.0, 600.0, 40.0, 8.0, 20.0, &view));
  g_assert_cmpfloat (view.zoom, ==, 8.0);
}

static void
test_fit_single_point (void)
{
  const MerPlace places[] = {
    { (char *) "Tokyo", 35.68, 139.69 },
    { (char *) "Tokyo again", 35.68, 139.69 },
  };
  MerView view;

  for (guint n = 1; n <= 2; n++)
    {
      g_assert_true (mer_fit_view (places, n, NULL, 0, 800.0, 600.0, 40.0, 2.0, 12.0, &view));
      g_assert_cmpfloat (view.zoom, ==, 12.0);
      g_assert_cmpfloat_with_epsilon (view.lat, 35.68, 1e-9);
      g_assert_cmpfloat_with_epsilon (view.lon, 139.69, 1e-9);
    }
}

static void
test_fit_geometry (void)
{
  g_autoptr(MerGeometry) kurils = mer_geometry_new ();
  g_autoptr(MerGeometry) chukotka = mer_geometry_new ();
  const MerPlace tokyo[] = { { (char *) "Tokyo", 35.68, 139.69 } };
  MerGeometry *geometries[] = { NULL, kurils };
  MerView view;
  double dx, dy, zoom;

  add_rect (kurils, 145.4, 43.6, 146.6, 44.5);
  add_rect (kurils, 146.6, 44.4, 148.9, 45.6);

  /* The region alone. */
  g_assert_true (mer_fit_view (NULL, 0, geometries, 2, 800.0, 600.0, 0.0, 0.0, 20.0, &view));
  dx = merc_x (148.9) - merc_x (145.4);
  dy = merc_y (43.6) - merc_y (45.6);
  zoom = log2 (MIN (800.0 / (dx * 256.0), 600.0 / (dy * 256.0)));
  g_assert_cmpfloat_with_epsilon (view.zoom, zoom, 1e-12);
  g_assert_cmpfloat_with_epsilon (view.lon, (145.4 + 148.9) / 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (view.lat, merc_lat ((merc_y (43.6) + merc_y (45.6)) / 2.0), 1e-9);

  /* A place and the region: Tokyo's corner and the region's. */
  g_assert_true (mer_fit_view (tokyo, 1, geometries, 2, 800.0, 600.0, 30.0, 0.0, 20.0, &view));
  dx = merc_x (148.9) - merc_x (139.69);
  dy = merc_y (35.68) - merc_y (45.6);
  zoom = log2 (MIN (740.0 / (dx * 256.0), 540.0 / (dy * 256.0)));
  g_assert_cmpfloat_with_epsilon (view.zoom, zoom, 1e-12);
  g_assert_cmpfloat_with_epsilon (view.lon, (139.69 + 148.9) / 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (view.lat, merc_lat ((merc_y (35.68) + merc_y (45.6)) / 2.0), 1e-9);

  /* A region split at ±180 is fitted across it. */
  add_rect (chukotka, 172.0, 62.0, 180.0, 70.0);
  add_rect (chukotka, -180.0, 64.0, -168.0, 68.0);
  geometries[0] = chukotka;
  g_assert_true (mer_fit_view (NULL, 0, geometries, 1, 800.0, 600.0, 0.0, 0.0, 20.0, &view));
  dx = 20.0 / 360.0;
  dy = merc_y (62.0) - merc_y (70.0);
  zoom = log2 (MIN (800.0 / (dx * 256.0), 600.0 / (dy * 256.0)));
  g_assert_cmpfloat_with_epsilon (view.lon, -178.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (view.zoom, zoom, 1e-12);
}

static void
test_fit_nothing (void)
{
  g_autoptr(MerGeometry) empty = mer_geometry_new ();
  MerGeometry *geometries[] = { empty, NULL };
  MerView view = { 1.0, 2.0, 3.0 };
  MerBounds bounds = MER_BOUNDS_INIT_EMPTY;

  g_assert_false (mer_fit_view (NULL, 0, NULL, 0, 800.0, 600.0, 0.0, 0.0, 20.0, &view));
  g_assert_false (mer_fit_view (NULL, 0, geometries, 2, 800.0, 600.0, 0.0, 0.0, 20.0, &view));
  g_assert_false (mer_fit_bounds (&bounds, 800.0, 600.0, 0.0, 0.0, 20.0, &view));
  g_assert_cmpfloat (view.lat, ==, 1.0);
  g_assert_cmpfloat (view.lon, ==, 2.0);
  g_assert_cmpfloat (view.zoom, ==, 3.0);
}

static void
test_fit_tiny_widget (void)
{
  const MerBounds world = { -180.0, -60.0, 180.0, 60.0 };
  MerView view;

  /* Padding wider than the widget: one pixel is left, so min_zoom. */
  g_assert_true (mer_fit_bounds (&world, 50.0, 50.0, 40.0, 1.0, 20.0, &view));
  g_assert_cmpfloat (view.zoom, ==, 1.0);
  g_assert_cmpfloat_with_epsilon (view.lat, 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (view.lon, 0.0, 1e-9);

  /* The whole world in 512 px: zoom 1. */
  g_assert_true (mer_fit_bounds (&world, 512.0, 512.0, 0.0, 0.0, 20.0, &view));
  g_assert_cmpfloat_with_epsilon (view.zoom, 1.0, 1e-12);
}

/* An event's flight frames its places, not its regions, and never comes
 * closer than the context zoom: Shimoda, whose treaty also highlights the
 * Kurils and Sakhalin, lands on Shimoda at zoom 7. */
static void
test_fit_event_places (void)
{
  g_autoptr(MerGeometry) sakhalin = mer_geometry_new ();
  const MerPlace shimoda[] = { { (char *) "Shimoda", 34.68, 138.94 } };
  const MerPlace summit[] = {
    { (char *) "Nagato", 34.37, 131.18 },
    { (char *) "Tokyo", 35.68, 139.69 },
  };
  MerGeometry *geometries[] = { sakhalin };
  MerView view;

  add_rect (sakhalin, 141.6, 45.9, 144.8, 54.4);

  g_assert_true (mer_fit_event_view (shimoda, 1, geometries, 1, 944.0, 470.0, 60.0, 1.0, &view));
  g_assert_cmpfloat (view.zoom, ==, MER_FIT_CONTEXT_ZOOM);
  g_assert_cmpfloat (view.zoom, ==, 7.0);
  g_assert_cmpfloat_with_epsilon (view.lat, 34.68, 1e-9);
  g_assert_cmpfloat_with_epsilon (view.lon, 138.94, 1e-9);

  /* Two places far enough apart are fitted as they are, below zoom 7:
   * log2 ((800 - 120) / (dx × 256)), dx = (139.69 - 131.18) / 360. */
  g_assert_true (mer_fit_event_view (summit, 2, geometries, 1, 800.0, 600.0, 60.0, 1.0, &view));
  g_assert_cmpfloat_with_epsilon (view.zoom, log2 (680.0 / ((139.69 - 131.18) / 360.0 * 256.0)), 1e-12);
  g_assert_cmpfloat_with_epsilon (view.zoom, 6.8120849005561404, 1e-12);
  g_assert_cmpfloat_with_epsilon (view.lon, 135.435, 1e-12);
  g_assert_cmpfloat_with_epsilon (view.lat, 35.027624161903202, 1e-12);

  /* A widget too small for the context zoom still shows the places. */
  g_assert_true (mer_fit_event_view (summit, 2, NULL, 0, 200.0, 150.0, 20.0, 1.0, &view));
  g_assert_cmpfloat_with_epsilon (view.zoom, log2 (160.0 / ((139.69 - 131.18) / 360.0 * 256.0)), 1e-12);
}

/* An event without places frames its regions (the southern and northern
 * Kurils: the height limits), still no closer than zoom 7;
 * one with neither has nothing to fit. */
static void
test_fit_event_regions (void)
{
  g_autoptr(MerGeometry) kurils = mer_geometry_new ();
  g_autoptr(MerGeometry) islet = mer_geometry_new ();
  MerGeometry *geometries[] = { kurils };
  MerGeometry *small[] = { islet };
  double dy = merc_y (43.6) - merc_y (50.9);
  MerView view = { 1, 2, 3 };

  add_rect (kurils, 145.4, 43.6, 156.7, 50.9);
  add_rect (islet, 145.50, 43.50, 145.52, 43.52);

  g_assert_true (mer_fit_event_view (NULL, 0, geometries, 1, 800.0, 600.0, 60.0, 1.0, &view));
  g_assert_cmpfloat_with_epsilon (view.zoom, MIN (log2 (680.0 / (11.3 / 360.0 * 256.0)),
                                                  log2 (480.0 / (dy * 256.0))), 1e-12);
  g_assert_cmpfloat (view.zoom, <, 7.0);
  g_assert_cmpfloat_with_epsilon (view.zoom, 5.968637195146258, 1e-12);
  g_assert_cmpfloat_with_epsilon (view.lon, 151.05, 1e-12);
  g_assert_cmpfloat_with_epsilon (view.lat, merc_lat ((merc_y (43.6) + merc_y (50.9)) / 2.0), 1e-9);

  g_assert_true (mer_fit_event_view (NULL, 0, small, 1, 800.0, 600.0, 60.0, 1.0, &view));
  g_assert_cmpfloat (view.zoom, ==, 7.0);
  g_assert_cmpfloat_with_epsilon (view.lon, 145.51, 1e-12);

  view = (MerView) { 1, 2, 3 };
  g_assert_false (mer_fit_event_view (NULL, 0, NULL, 0, 800.0, 600.0, 60.0, 1.0, &view));
  g_assert_cmpfloat (view.lat, ==, 1);
  g_assert_cmpfloat (view.lon, ==, 2);
  g_assert_cmpfloat (view.zoom, ==, 3);
}

/* An event's own view stays when it shows the event's places; the Treaty of
 * Shimoda's, on the Kurils, leaves Shimoda out, so it is widened to take
 * Shimoda in, keeping what it showed and never zooming in. */
static void
test_fit_keep_places (void)
{
  const MerView kurils = { 45.5, 147.0, 5.0 };
  const MerView japan = { 36.0, 136.0, 5.0 };
  const MerPlace shimoda[] = { { (char *) "Shimoda", 34.68, 138.94 } };
  const MerPlace summit[] = {
    { (char *) "Nagato", 34.37, 131.18 },
    { (char *) "Tokyo", 35.68, 139.69 },
  };
  double world = 256.0 * 32.0;
  double x_min = merc_x (147.0) - 442.0 / world, y_max = merc_y (34.68);
  double x_max = merc_x (147.0) + 442.0 / world, y_min = merc_y (45.5) - 180.0 / world;
  MerView view;

  g_assert_false (mer_fit_keep_places (&japan, summit, 2, 944.0, 420.0, 30.0, 1.0, &view));
  g_assert_cmpfloat (view.lat, ==, 36.0);
  g_assert_cmpfloat (view.lon, ==, 136.0);
  g_assert_cmpfloat (view.zoom, ==, 5.0);

  /* The view's box inside the padding, 884 × 360 pixels at zoom 5, joined
   * with Shimoda to its south (its west edge is west of Shimoda): the
   * height limits the zoom, and the centre stays on 147°E. */
  g_assert_true (mer_fit_keep_places (&kurils, shimoda, 1, 944.0, 420.0, 30.0, 1.0, &view));
  g_assert_cmpfloat_with_epsilon (view.zoom, log2 (MIN (884.0 / ((x_max - x_min) * 256.0),
                                                        360.0 / ((y_max - y_min) * 256.0))), 1e-9);
  g_assert_cmpfloat (view.zoom, <, 5.0);
  g_assert_cmpfloat_with_epsilon (view.zoom, log2 (360.0 / ((y_max - y_min) * 256.0)), 1e-9);
  g_assert_cmpfloat_with_epsilon (view.lon, 147.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (view.lat, merc_lat ((y_min + y_max) / 2.0), 1e-9);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/geo/bounds/empty", test_bounds_empty);
  g_test_add_func ("/geo/bounds/extend", test_bounds_extend);
  g_test_add_func ("/geo/bounds/contains", test_bounds_contains);
  g_test_add_func ("/geo/bounds/union", test_bounds_union);
  g_test_add_func ("/geo/bounds/union-all", test_bounds_union_all);
  g_test_add_func ("/geo/bounds/from-geometry", test_bounds_from_geometry);
  g_test_add_func ("/geo/bounds/from-map-view", test_bounds_from_map_view);
  g_test_add_func ("/geo/fit/across-antimeridian", test_fit_across_antimeridian);
  g_test_add_func ("/geo/fit/tokyo-nagato", test_fit_tokyo_nagato);
  g_test_add_func ("/geo/fit/single-point", test_fit_single_point);
  g_test_add_func ("/geo/fit/geometry", test_fit_geometry);
  g_test_add_func ("/geo/fit/nothing", test_fit_nothing);
  g_test_add_func ("/geo/fit/tiny-widget", test_fit_tiny_widget);
  g_test_add_func ("/geo/fit/event-places", test_fit_event_places);
  g_test_add_func ("/geo/fit/event-regions", test_fit_event_regions);
  g_test_add_func ("/geo/fit/keep-places", test_fit_keep_places);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-hit"

#include "config.h"

#include "mer-hit.h"

/* Adds a closed rectangular ring, counter-clockwise like GeoJSON outer rings
 * (orientation does not matter to the even-odd rule). */
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

  mer_geometry_add_ring (geometry, ring, G_N_ELEMENTS (ring));
}

typedef struct {
  double   lat, lon;
  gboolean inside;
} HitCase;

static void
check_cases (MerGeometry   *geometry,
             const HitCase *cases,
             guint          n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      if (mer_hit_geometry_contains (geometry, cases[i].lat, cases[i].lon) != cases[i].inside)
        g_error ("case %u: (%g, %g) should be %s", i, cases[i].lat, cases[i].lon,
                 cases[i].inside ? "inside" : "outside");
    }
}

static void
test_square_with_hole (void)
{
  g_autoptr(MerGeometry) geometry = mer_geometry_new ();
  const HitCase cases[] = {
    {  2.0,  2.0, TRUE },
    {  9.9,  0.1, TRUE },
    {  5.0,  5.0, FALSE },   /* in the hole */
    {  4.1,  5.9, FALSE },   /* in the hole */
    {  5.0,  3.9, TRUE },    /* just west of the hole */
    {  5.0, 11.0, FALSE },
    { -1.0,  5.0, FALSE },
    { 11.0,  5.0, FALSE },
    {  5.0, -0.1, FALSE },
  };

  mer_geometry_begin_polygon (geometry);
  add_rect (geometry, 0.0, 0.0, 10.0, 10.0);
  add_rect (geometry, 4.0, 4.0, 6.0, 6.0);

  check_cases (geometry, cases, G_N_ELEMENTS (cases));
}

static void
test_island_in_hole (void)
{
  g_autoptr(MerGeometry) geometry = mer_geometry_new ();
  const HitCase cases[] = {
    { 2.0, 2.0, TRUE },
    { 4.5, 4.5, FALSE },     /* in the hole */
    { 5.0, 5.0, TRUE },      /* on the island in the hole */
  };

  /* Even-odd over all rings of a polygon. */
  mer_geometry_begin_polygon (geometry);
  add_rect (geometry, 0.0, 0.0, 10.0, 10.0);
  add_rect (geometry, 4.0, 4.0, 6.0, 6.0);
  add_rect (geometry, 4.8, 4.8, 5.2, 5.2);

  check_cases (geometry, cases, G_N_ELEMENTS (cases));
}

static void
test_multipolygon (void)
{
  g_autoptr(MerGeometry) geometry = mer_geometry_new ();
  /* Two islands like Kunashir and Iturup, and a triangle with a slanted
   * edge: polygons are tested one by one, a point is inside if any holds
   * it. */
  const MerLonLat triangle[] = {
    { 150.0, 40.0 }, { 154.0, 40.0 }, { 150.0, 44.0 }, { 150.0, 40.0 },
  };
  const HitCase cases[] = {
    { 44.0, 146.0, TRUE },
    { 45.0, 148.0, TRUE },
    { 44.6, 147.0, FALSE },  /* the strait between */
    { 45.2, 146.5, FALSE },  /* in the hole of the second */
    { 41.0, 151.0, TRUE },   /* triangle */
    { 42.5, 151.0, TRUE },   /* just under the slanted edge (lat 43 at lon 151) */
    { 43.5, 151.0, FALSE },  /* just above it */
    { 43.0, 153.0, FALSE },
    { 10.0, 146.0, FALSE },
  };

  mer_geometry_begin_polygon (geometry);
  add_rect (geometry, 145.5, 43.5, 146.6, 44.5);

  mer_geometry_begin_polygon (geometry);
  add_rect (geometry, 146.4, 44.8, 148.9, 45.6);
  add_rect (geometry, 146.45, 45.1, 146.6, 45.3);

  mer_geometry_begin_polygon (geometry);
  mer_geometry_add_ring (geometry, triangle, G_N_ELEMENTS (triangle));

  check_cases (geometry, cases, G_N_ELEMENTS (cases));
}

static void
test_empty_geometry (void)
{
  g_autoptr(MerGeometry) geometry = mer_geometry_new ();

  g_assert_false (mer_hit_geometry_contains (geometry, 0.0, 0.0));

  mer_geometry_begin_polygon (geometry);
  g_assert_false (mer_hit_geometry_contains (geometry, 0.0, 0.0));
}

static void
test_split_at_antimeridian (void)
{
  g_autoptr(MerGeometry) geometry = mer_geometry_new ();
  /* Like Natural Earth's Chukotka: one region cut at ±180 into two. */
  const HitCase cases[] = {
    { 66.0,  175.0, TRUE },
    { 66.0, -175.0, TRUE },
    { 66.0,  180.0, TRUE },
    { 66.0, -180.0, TRUE },
    { 66.0,  185.0, TRUE },  /* = -175 */
    { 66.0,  165.0, FALSE },
    { 66.0, -165.0, FALSE },
    { 66.0,    0.0, FALSE },
    { 75.0,  175.0, FALSE },
  };

  mer_geometry_begin_polygon (geometry);
  add_rect (geometry, 170.0, 60.0, 180.0, 70.0);
  mer_geometry_begin_polygon (geometry);
  add_rect (geometry, -180.0, 60.0, -170.0, 70.0);

  check_cases (geometry, cases, G_N_ELEMENTS (cases));
}

static void
test_beyond_antimeridian (void)
{
  g_autoptr(MerGeometry) east = mer_geometry_new ();
  g_autoptr(MerGeometry) west = mer_geometry_new ();
  /* Fiji given with longitudes running on past 180, and the same spelled
   * past -180: both mean 176E … 178W. */
  const HitCase cases[] = {
    { -17.0,  177.0, TRUE },
    { -17.0, -179.0, TRUE },
    { -17.0,  180.0, TRUE },
    { -17.0, -180.0, TRUE },
    { -17.0,  181.0, TRUE },
    { -17.0, -177.0, FALSE },
    { -17.0,  175.0, FALSE },
    { -17.0,   -1.0, FALSE },
    { -21.0,  177.0, FALSE },
  };

  mer_geometry_begin_polygon (east);
  add_rect (east, 176.0, -20.0, 182.0, -15.0);
  mer_geometry_begin_polygon (west);
  add_rect (west, -184.0, -20.0, -178.0, -15.0);

  check_cases (east, cases, G_N_ELEMENTS (cases));
  check_cases (west, cases, G_N_ELEMENTS (cases));
}

static void
test_shared_edge (void)
{
  g_autoptr(MerGeometry) left = mer_geometry_new ();
  g_autoptr(MerGeometry) right = mer_geometry_new ();
  const double lats[] = { 0.5, 0.25, 0.999 };

  mer_geometry_begin_polygon (left);
  add_rect (left, 0.0, 0.0, 1.0, 1.0);
  mer_geometry_begin_polygon (right);
  add_rect (right, 1.0, 0.0, 2.0, 1.0);

  /* A point on the edge two regions share belongs to exactly one. */
  for (guint i = 0; i < G_N_ELEMENTS (lats); i++)
    g_assert_cmpint (mer_hit_geometry_contains (left, lats[i], 1.0)
                     + mer_hit_geometry_contains (right, lats[i], 1.0), ==, 1);
}

static void
test_ring_contains (void)
{
  /* Unclosed rings work too. */
  const MerLonLat open_ring[] = { { 0, 0 }, { 4, 0 }, { 4, 4 }, { 0, 4 } };
  const MerLonLat line[] = { { 0, 0 }, { 4, 4 } };

  g_assert_true (mer_hit_ring_contains (open_ring, G_N_ELEMENTS (open_ring), 1.0, 1.0));
  g_assert_false (mer_hit_ring_contains (open_ring, G_N_ELEMENTS (open_ring), 5.0, 1.0));
  g_assert_false (mer_hit_ring_contains (line, G_N_ELEMENTS (line), 2.0, 2.0));
  g_assert_false (mer_hit_ring_contains (NULL, 0, 0.0, 0.0));
}

static void
test_nearest (void)
{
  const MerPlace places[] = {
    { (char *) "Nagato", 34.37, 131.18 },
    { (char *) "Tokyo", 35.68, 139.69 },
    { (char *) "Moscow", 55.75, 37.62 },
    { (char *) "Yuzhno-Kurilsk", 44.03, 145.86 },
  };
  MerView centre = { 40.0, 140.0, 5.0 };
  MerMapView view;
  double x, y;

  mer_map_view_init (&view, &centre, 800.0, 600.0, 1.0);

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      mer_map_view_location_to_point (&view, places[i].lat, places[i].lon, &x, &y);

      g_assert_cmpint (mer_hit_nearest_place (&view, places, G_N_ELEMENTS (places),
                                              x, y, 10.0), ==, i);
      /* 6 px away along a diagonal: 3.6, 4.8. */
      g_assert_cmpint (mer_hit_nearest_place (&view, places, G_N_ELEMENTS (places),
                                              x + 3.6, y - 4.8, 6.0 + 1e-9), ==, i);
      g_assert_cmpint (mer_hit_nearest_place (&view, places, G_N_ELEMENTS (places),
                                              x + 3.6, y - 4.8, 5.999), ==, -1);
    }

  /* Between Nagato and Tokyo (some 200 px apart at zoom 5): nearer Tokyo. */
  {
    double tx, ty;

    mer_map_view_location_to_point (&view, 35.68, 139.69, &tx, &ty);
    g_assert_cmpint (mer_hit_nearest_place (&view, places, G_N_ELEMENTS (places),
                                            tx - 20.0, ty, 30.0), ==, 1);
    g_assert_cmpint (mer_hit_nearest_place (&view, places, G_N_ELEMENTS (places),
                                            tx - 20.0, ty, 19.0), ==, -1);
  }

  g_assert_cmpint (mer_hit_nearest_place (&view, places, 0, 400.0, 300.0, 1000.0), ==, -1);
  g_assert_cmpint (mer_hit_nearest_place (&view, NULL, 0, 400.0, 300.0, 1000.0), ==, -1);
}

static void
test_nearest_ties_and_wrap (void)
{
  /* Two markers on one spot: the later is drawn on top and wins. */
  const MerLonLat points[] = {
    { -179.5, 0.0 },
    { 10.0, 10.0 },
    { 10.0, 10.0 },
  };
  MerView centre = { 0.0, 179.0, 4.0 };
  MerMapView view;
  double x, y;

  mer_map_view_init (&view, &centre, 800.0, 600.0, 1.0);

  /* -179.5 shows right of a centre at 179. */
  mer_map_view_location_to_point (&view, 0.0, -179.5, &x, &y);
  g_assert_cmpfloat (x, >, 400.0);
  g_assert_cmpint (mer_hit_nearest_point (&view, points, G_N_ELEMENTS (points),
                                          x + 3.0, y, 5.0), ==, 0);

  view.lat = 10.0;
  view.lon = 10.0;
  g_assert_cmpint (mer_hit_nearest_point (&view, points, G_N_ELEMENTS (points),
                                          400.0, 300.0, 1.0), ==, 2);

  /* Zoomed out, the world repeats every 256 px; each copy is hit. */
  view.lat = 0.0;
  view.lon = 0.0;
  view.zoom = 0.0;
  view.width = 1024.0;
  view.height = 512.0;
  mer_map_view_location_to_point (&view, 0.0, -179.5, &x, &y);
  for (int copy = -1; copy <= 2; copy++)
    g_assert_cmpint (mer_hit_nearest_point (&view, points, 1,
                                            x + copy * 256.0 + 1.0, y, 2.0), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/geo/hit/square-with-hole", test_square_with_hole);
  g_test_add_func ("/geo/hit/island-in-hole", test_island_in_hole);
  g_test_add_func ("/geo/hit/multipolygon", test_multipolygon);
  g_test_add_func ("/geo/hit/empty", test_empty_geometry);
  g_test_add_func ("/geo/hit/split-at-antimeridian", test_split_at_antimeridian);
  g_test_add_func ("/geo/hit/beyond-antimeridian", test_beyond_antimeridian);
  g_test_add_func ("/geo/hit/shared-edge", test_shared_edge);
  g_test_add_func ("/geo/hit/ring-contains", test_ring_contains);
  g_test_add_func ("/geo/hit/nearest", test_nearest);
  g_test_add_func ("/geo/hit/nearest-ties-and-wrap", test_nearest_ties_and_wrap);

  return g_test_run ();
}

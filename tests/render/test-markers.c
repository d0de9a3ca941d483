/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <unistd.h>

#include "mer-diagnostic.h"
#include "mer-event-painter.h"
#include "mer-loader.h"

/* Markers at one place must all show and take their own clicks. */

static MerDocument *story;

/* Five events share Kunashir (four at Yuzhno-Kurilsk, one 10 km north).
 * Picking every pixel round the island finds all five, each where it alone
 * is picked, and no two markers overlap. */
static void
test_same_place_spreads (void)
{
  const char *ids[] = {
    "kurils-seized", "medvedev-kunashir", "kuril-missiles-2016",
    "joint-economic-activity", "russian-constitution-2020",
  };
  g_autoptr(MerEventPainter) painter = mer_event_painter_new (mer_document_get_events (story));
  MerView centre = { 44.03, 145.86, 6 };
  MerMapView view;
  double found_x[G_N_ELEMENTS (ids)], found_y[G_N_ELEMENTS (ids)];
  guint n_found[G_N_ELEMENTS (ids)] = { 0 };
  double kx, ky;

  mer_map_view_init (&view, &centre, 400, 400, 1);
  mer_map_view_location_to_point (&view, 44.03, 145.86, &kx, &ky);

  for (int y = (int) ky - 60; y <= (int) ky + 60; y++)
    for (int x = (int) kx - 60; x <= (int) kx + 60; x++)
      {
        MerEventHit hit;

        if (!mer_event_painter_pick (painter, &view, NULL, x, y, &hit) || hit.event == NULL)
          continue;
        for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
          if (g_str_equal (mer_event_get_id (hit.event), ids[i]))
            {
              /* The hit reports the marker's centre. */
              found_x[i] = hit.x;
              found_y[i] = hit.y;
              n_found[i]++;
            }
      }

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      /* A disc of some 8 pixels' radius and its 3 pixels of reach. */
      if (n_found[i] < 100)
        g_error ("%s picked at %u points only", ids[i], n_found[i]);
      /* Within reach of the place, on a ring round it. */
      g_assert_cmpfloat (hypot (found_x[i] - kx, found_y[i] - ky), <, 40);
      for (guint j = 0; j < i; j++)
        g_assert_cmpfloat (hypot (found_x[i] - found_x[j], found_y[i] - found_y[j]), >=,
                           2 * mer_event_marker_radius (5));
    }
}

/* The same five Kunashir events, with the island 10 pixels from the
 * view's right edge: their ring would cross the edge and hide some of
 * them, so they are one count on their place instead, which a click opens
 * (the map goes to it); nothing else near it overlaps the count. */
static void
test_ring_at_edge_is_counted (void)
{
  g_autoptr(MerEventPainter) painter = mer_event_painter_new (mer_document_get_events (story));
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (MerEventHit));
  MerView centre = { 44.03, 145.86, 6 };
  MerMapView view;
  MerEventHit hit;
  guint n_near = 0;
  double kx, ky;

  mer_map_view_init (&view, &centre, 400, 400, 1);
  mer_map_view_location_to_point (&view, 44.03, 145.86, &kx, &ky);
  mer_map_view_point_to_location (&view, kx - 190, ky, &centre.lat, &centre.lon);
  mer_map_view_init (&view, &centre, 400, 400, 1);
  mer_map_view_location_to_point (&view, 44.03, 145.86, &kx, &ky);
  g_assert_cmpfloat (fabs (kx - 390), <, 1);

  g_assert_true (mer_event_painter_pick (painter, &view, NULL, kx - 2, ky, &hit));
  g_assert_null (hit.event);
  g_assert_cmpuint (hit.count, ==, 5);

  mer_event_painter_list_markers (painter, &view, NULL, hits);
  for (guint i = 0; i < hits->len; i++)
    {
      const MerEventHit *h = &g_array_index (hits, MerEventHit, i);

      if (hypot (h->x - kx, h->y - ky) < 40)
        {
          n_near++;
          g_assert_null (h->event);
          g_assert_cmpuint (h->count, ==, 5);
        }
    }
  g_assert_cmpuint (n_near, ==, 1);
}

/* Loads @json, written to a file of its own. */
static MerDocument *
load_json (const char *json)
{
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  MerDocument *document;
  int fd;

  fd = g_file_open_tmp ("meridian-markers-XXXXXX.json", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, json, -1, &error));
  document = mer_loader_load_file (path, NULL, diagnostics, &error);
  g_assert_no_error (error);
  g_unlink (path);
  return document;
}

/* Six events at one place and one half a degree east, 22 pixels away at
 * zoom 6, where the six's ring would lie over it: the ring takes it in,
 * the seven spread round their middle, each picked on its own, and no two
 * markers overlap. */
static void
test_ring_takes_in_covered (void)
{
  g_autoptr(GString) json = g_string_new ("{ \"meridian\": 1, \"title\": \"Ring\", \"events\": [");
  g_autoptr(MerDocument) document = NULL;
  g_autoptr(MerEventPainter) painter = NULL;
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (MerEventHit));
  MerView centre = { 0, 0.25, 6 };
  MerMapView view;
  double nx, ny;

  for (guint i = 0; i < 7; i++)
    g_string_append_printf (json, "%s{ \"id\": \"e%u\", \"title\": \"E\", \"start\": \"%u\", "
                            "\"places\": [ { \"name\": \"P\", \"lat\": 0, \"lon\": %s } ] }",
                            i == 0 ? "" : ", ", i, 2000 + i, i == 6 ? "0.5" : "0");
  g_string_append (json, "] }");
  document = load_json (json->str);
  painter = mer_event_painter_new (mer_document_get_events (document));
  mer_map_view_init (&view, &centre, 400, 400, 1);
  mer_map_view_location_to_point (&view, 0, 0.5, &nx, &ny);

  mer_event_painter_list_markers (painter, &view, NULL, hits);
  g_assert_cmpuint (hits->len, ==, 7);
  for (guint i = 0; i < hits->len; i++)
    {
      const MerEventHit *a = &g_array_index (hits, MerEventHit, i);
      MerEventHit picked;

      g_assert_nonnull (a->event);
      /* The neighbour is on the ring, not on its place. */
      if (g_str_equal (mer_event_get_id (a->event), "e6"))
        g_assert_cmpfloat (hypot (a->x - nx, a->y - ny), >, 1);
      g_assert_true (mer_event_painter_pick (painter, &view, NULL, a->x, a->y, &picked));
      g_assert_true (picked.event == a->event);
      for (guint j = 0; j < i; j++)
        {
          const MerEventHit *b = &g_array_index (hits, MerEventHit, j);

          g_assert_cmpfloat (hypot (a->x - b->x, a->y - b->y), >=,
                             mer_event_marker_radius (mer_event_get_importance (a->event)) +
                               mer_event_marker_radius (mer_event_get_importance (b->event)));
        }
    }
}

/* A place of its own keeps its marker on it. */
static void
test_lone_place_stays (void)
{
  g_autoptr(MerEventPainter) painter = mer_event_painter_new (mer_document_get_events (story));
  MerView centre = { 34.37, 131.18, 7 };
  MerMapView view;
  MerEventHit hit;
  double x, y;

  mer_map_view_init (&view, &centre, 400, 400, 1);
  mer_map_view_location_to_point (&view, 34.37, 131.18, &x, &y);
  g_assert_true (mer_event_painter_pick (painter, &view, NULL, x, y, &hit));
  g_assert_cmpstr (mer_event_get_id (hit.event), ==, "nagato-summit");
  g_assert_cmpfloat (hit.x, ==, x);
  g_assert_cmpfloat (hit.y, ==, y);
}

/* With more markers than the painter draws one by one, those sharing a
 * grid cell become a count; but a count of markers at one place would stay
 * a count however far one zoomed in, so they are spread instead. 400
 * events on a grid and five at one place, in a 400 × 400 view. */
static void
test_same_place_spreads_among_clusters (void)
{
  g_autoptr(GString) json = g_string_new ("{ \"meridian\": 1, \"title\": \"Grid\", \"events\": [");
  g_autoptr(MerDocument) grid = NULL;
  g_autoptr(MerEventPainter) painter = NULL;
  MerView centre = { 0, 0, 4 };
  MerMapView view;
  gboolean found[5] = { FALSE };
  guint n_clusters = 0;
  double px, py;

  for (guint i = 0; i < 400; i++)
    g_string_append_printf (json, "%s{ \"id\": \"g%u\", \"title\": \"G\", \"start\": \"2000\", "
                            "\"places\": [ { \"name\": \"P\", \"lat\": %d, \"lon\": %d } ] }",
                            i == 0 ? "" : ", ", i, (int) (i / 20) - 10, (int) (i % 20) - 10);
  for (guint i = 0; i < 5; i++)
    g_string_append_printf (json, ", { \"id\": \"same%u\", \"title\": \"S\", \"start\": \"2001\", "
                            "\"places\": [ { \"name\": \"Q\", \"lat\": 15.5, \"lon\": 15.5 } ] }", i);
  g_string_append (json, "] }");
  grid = load_json (json->str);

  painter = mer_event_painter_new (mer_document_get_events (grid));
  mer_map_view_init (&view, &centre, 400, 400, 1);
  mer_map_view_location_to_point (&view, 15.5, 15.5, &px, &py);

  for (int y = 0; y < 400; y++)
    for (int x = 0; x < 400; x++)
      {
        MerEventHit hit;

        if (!mer_event_painter_pick (painter, &view, NULL, x, y, &hit))
          continue;
        if (hit.event == NULL)
          {
            n_clusters++;
            continue;
          }
        if (g_str_has_prefix (mer_event_get_id (hit.event), "same"))
          found[mer_event_get_id (hit.event)[4] - '0'] = TRUE;
      }

  /* The grid is counted… */
  g_assert_cmpuint (n_clusters, >, 0);
  /* …and the place is spread, each of its events picked on its own. */
  for (guint i = 0; i < 5; i++)
    g_assert_true (found[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = g_build_filename (SRCDIR, "data", "events", "russia-japan.json", NULL);
  g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  story = mer_loader_load_file (path, NULL, diagnostics, &error);
  g_assert_no_error (error);

  g_test_add_func ("/render/markers/same-place-spreads", test_same_place_spreads);
  g_test_add_func ("/render/markers/ring-at-edge-is-counted", test_ring_at_edge_is_counted);
  g_test_add_func ("/render/markers/ring-takes-in-covered", test_ring_takes_in_covered);
  g_test_add_func ("/render/markers/lone-place-stays", test_lone_place_stays);
  g_test_add_func ("/render/markers/same-place-spreads-among-clusters", test_same_place_spreads_among_clusters);

  status = g_test_run ();
  g_object_unref (story);
  return status;
}

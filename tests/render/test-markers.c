/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

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
  g_test_add_func ("/render/markers/lone-place-stays", test_lone_place_stays);

  status = g_test_run ();
  g_object_unref (story);
  return status;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <math.h>

#include <glib/gstdio.h>

#include "mer-basemap-painter.h"
#include "mer-diagnostic.h"
#include "mer-event-painter.h"
#include "mer-loader.h"
#include "mer-region-painter.h"

/* 1. Base-map tile render time at zooms 2, 5 and 8 over Japan and the
 *    Kurils, with fill, outline, borders and rivers, as the tile source
 *    draws them (target: 2.5 ms median at zooms 5–8).
 * 2. Overlay frame time: the bundled regions and 10,000 synthetic events
 *    over a sequence of pans and zooms at 1920×1080 (target: 8 ms).
 * 3. Label placement for the same frames: the markers, the event and region
 *    labels and the base map's gazetteer in one pass, as an export places
 *    them (target: 4 ms), and drawing the labels placed.
 * Figures go into docs/performance.md. */

#define N_TILES 300
#define N_EVENTS 10000

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
report (const char *what,
        GArray     *ms)
{
  double sum = 0;

  g_array_sort (ms, compare_doubles);
  for (guint i = 0; i < ms->len; i++)
    sum += g_array_index (ms, double, i);

  printf ("%s: median %.2f ms, p95 %.2f ms, mean %.2f ms (%u samples)\n", what,
          g_array_index (ms, double, ms->len / 2), g_array_index (ms, double, ms->len * 95 / 100),
          sum / ms->len, ms->len);
}

static void
count_part (const float *xy,
            guint        n_points,
            gpointer     user_data)
{
  (*(guint *) user_data)++;
}

/* Open sea costs nothing to draw; the figure that matters is for tiles with
 * a coast in them. */
static gboolean
has_coast (MerBasemap       *basemap,
           const MerMapView *view)
{
  double x0, y0, x1, y1;
  guint n = 0;

  mer_map_view_get_bounds (view, &x0, &y0, &x1, &y1);
  mer_basemap_foreach_part (basemap, mer_basemap_level_for_zoom (basemap, view->zoom), MER_BASEMAP_COAST,
                            x0, y0, x1, y1, count_part, &n);
  return n > 0;
}

static void
bench_tiles (MerBasemapPainter *painter,
             MerBasemap        *basemap)
{
  static const int zooms[] = { 2, 5, 8 };
  const MerMapStyle *style = mer_map_style_get (FALSE);
  GRand *rand = g_rand_new_with_seed (1855);

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) coastal = g_array_new (FALSE, FALSE, sizeof (double));
      g_autofree char *what = g_strdup_printf ("tile, zoom %d", zooms[z]);
      g_autofree char *what_coastal = g_strdup_printf ("tile with a coast, zoom %d", zooms[z]);
      double n = 1 << zooms[z];

      for (guint i = 0; i < N_TILES; i++)
        {
          double lat = g_rand_double_range (rand, 30, 55), lon = g_rand_double_range (rand, 125, 160);
          double nx, ny, tile_lat, tile_lon;
          cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 256, 256);
          cairo_t *cr = cairo_create (surface);
          MerMapView view;
          gint64 start;
          double elapsed;

          mer_projection_location_to_normalized (lat, lon, &nx, &ny);
          mer_projection_normalized_to_location ((floor (nx * n) + 0.5) / n, (floor (ny * n) + 0.5) / n,
                                                 &tile_lat, &tile_lon);
          view = (MerMapView) { tile_lat, tile_lon, zooms[z], 256, 256, 1 };

          start = g_get_monotonic_time ();
          mer_basemap_painter_draw_map (painter, cr, &view, style);
          cairo_surface_flush (surface);
          elapsed = (g_get_monotonic_time () - start) / 1000.0;
          g_array_append_val (ms, elapsed);
          if (has_coast (basemap, &view))
            g_array_append_val (coastal, elapsed);

          cairo_destroy (cr);
          cairo_surface_destroy (surface);
        }

      report (what, ms);
      report (what_coastal, coastal);
    }

  g_rand_free (rand);
}

/* The bundled regions, by path, and N_EVENTS events around them. */
static char *
write_synthetic_story (const char *dir)
{
  g_autoptr(GString) json = g_string_new ("{ \"meridian\": 1, \"regions\": [");
  g_autofree char *path = g_build_filename (dir, "synthetic.json", NULL);
  g_autofree char *regions = g_build_filename (dir, "regions", NULL);
  static const char *ids[] = {
    "kuril-islands", "southern-kurils", "sakhalin", "hokkaido", "crimea", "donetsk", "luhansk", "fukushima",
    "amur-islands",
  };
  GRand *rand = g_rand_new_with_seed (2016);

  /* A copy: geometry reached through a symbolic link out of the folder is refused. */
  g_assert_cmpint (g_mkdir (regions, 0755), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.geojson", ids[i]);
      g_autofree char *from = g_build_filename (SRCDIR, "data", "events", "regions", name, NULL);
      g_autofree char *to = g_build_filename (regions, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (to, contents, (gssize) length, NULL));
    }
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_string_append_printf (json, "%s{ \"id\": \"%s\", \"name\": \"%s\", \"status\": \"%s\", "
                                  "\"geometry\": \"regions/%s.geojson\" }",
                            i ? ", " : "", ids[i], ids[i], i == 1 || i == 4 ? "disputed" : "undisputed", ids[i]);
  g_string_append (json, "], \"categories\": [ { \"id\": \"a\", \"name\": \"A\", \"color\": \"#1c71d8\" }, "
                         "{ \"id\": \"b\", \"name\": \"B\", \"color\": \"#c01c28\" } ], \"events\": [");
  for (guint i = 0; i < N_EVENTS; i++)
    g_string_append_printf (json, "%s{ \"id\": \"e%u\", \"title\": \"Event %u\", \"start\": \"%04d\", "
                                  "\"category\": \"%s\", \"importance\": %d, "
                                  "\"places\": [ { \"lat\": %.3f, \"lon\": %.3f } ] }",
                            i ? ", " : "", i, i, g_rand_int_range (rand, 1850, 2017), i % 2 ? "a" : "b",
                            g_rand_int_range (rand, 1, 6), g_rand_double_range (rand, 30, 55),
                            g_rand_double_range (rand, 125, 160));
  g_string_append (json, "] }");
  g_assert_true (g_file_set_contents (path, json->str, (gssize) json->len, NULL));

  g_rand_free (rand);
  return g_steal_pointer (&path);
}

static void
bench_overlay (MerBasemapPainter *painter)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("meridian-bench-XXXXXX", &error);
  g_autofree char *path = write_synthetic_story (dir);
  g_autofree char *regions_link = g_build_filename (dir, "regions", NULL);
  g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
  g_autoptr(MerDocument) document = mer_loader_load_file (path, NULL, diagnostics, &error);
  g_autoptr(MerRegionPainter) regions = NULL;
  g_autoptr(MerEventPainter) events = NULL;
  g_autoptr(MerState) state = mer_state_new ();
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) placing = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) drawing = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(MerLabelMeasure) measure = mer_label_measure_new ();
  g_auto(GStrv) languages = NULL;
  guint n_placed = 0;
  const MerMapStyle *style = mer_map_style_get (FALSE);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);

  g_assert_no_error (error);
  mer_state_set_document (state, document);
  regions = mer_region_painter_new (mer_document_get_regions (document));
  events = mer_event_painter_new (mer_document_get_events (document));
  languages = mer_labels_dup_story_languages (document);

  /* Pan across the area at zooms 3 to 8 and back, as a user exploring would. */
  for (guint frame = 0; frame < 240; frame++)
    {
      double t = frame / 240.0;
      MerMapView view = {
        42 + 6 * sin (t * 2 * G_PI), 140 + 12 * cos (t * 2 * G_PI), 3 + 5 * (0.5 - 0.5 * cos (t * 4 * G_PI)),
        1920, 1080, 1,
      };
      cairo_t *cr = cairo_create (surface);
      g_autoptr(MerLabels) labels = NULL;
      gint64 start;
      double elapsed;

      cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
      cairo_paint (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_OVER);

      start = g_get_monotonic_time ();
      mer_region_painter_draw (regions, cr, &view, style, state);
      mer_event_painter_draw (events, cr, &view, style, state);
      cairo_surface_flush (surface);
      elapsed = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (ms, elapsed);

      start = g_get_monotonic_time ();
      labels = mer_labels_new (measure, view.width, view.height, TRUE);
      mer_event_painter_add_labels (events, labels, &view, state);
      mer_region_painter_add_labels (regions, labels, &view, style, state);
      mer_basemap_painter_add_labels (painter, labels, &view, (const char * const *) languages);
      mer_labels_place (labels);
      elapsed = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (placing, elapsed);
      n_placed += mer_labels_get_n_placed (labels);

      start = g_get_monotonic_time ();
      mer_labels_draw (labels, cr, style);
      cairo_surface_flush (surface);
      elapsed = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (drawing, elapsed);
      cairo_destroy (cr);
    }

  report ("overlay frame, 9 regions + 10,000 events, 1920×1080", ms);
  report ("label placement, 10,000 events + regions + gazetteer, 1920×1080", placing);
  report ("drawing the placed labels", drawing);
  printf ("labels placed per frame: %.1f\n", (double) n_placed / 240);

  cairo_surface_destroy (surface);
  g_unlink (path);
  for (guint i = 0; i < 9; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (regions_link);
      g_autoptr(GFileEnumerator) children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                        G_FILE_QUERY_INFO_NONE, NULL, NULL);
      GFileInfo *info;

      while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
        {
          g_autofree char *child = g_build_filename (regions_link, g_file_info_get_name (info), NULL);

          g_unlink (child);
          g_object_unref (info);
        }
      break;
    }
  g_rmdir (regions_link);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = mer_basemap_find_default_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MerBasemap) basemap = mer_basemap_new_from_file (path, &error);
  g_autoptr(MerBasemapPainter) painter = NULL;

  g_assert_no_error (error);
  painter = mer_basemap_painter_new (basemap);

  bench_tiles (painter, basemap);
  bench_overlay (painter);
  return 0;
}

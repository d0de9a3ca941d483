/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "mer-basemap-painter.h"
#include "mer-diagnostic.h"
#include "mer-event-painter.h"
#include "mer-labels.h"
#include "mer-loader.h"
#include "mer-region-painter.h"
#include "mer-text-image.h"

#include <cairo-pdf.h>

/* The label pass: on random frames, with random candidates and obstacles
 * and with the bundled story over the real base map, no two labels overlap,
 * none is cut by the frame and none covers a marker other than its own. */

static gboolean
overlap (const MerLabelBox *a,
         const MerLabelBox *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width && a->y < b->y + b->height && b->y < a->y + a->height;
}

/* The three rules, checked pair by pair. */
static void
assert_placement_valid (MerLabels *labels,
                        double     width,
                        double     height)
{
  guint n = mer_labels_get_n_placed (labels);

  for (guint i = 0; i < n; i++)
    {
      MerLabelBox a;
      int owner = mer_labels_get_placed_owner (labels, i);

      mer_labels_get_placed (labels, i, &a, NULL);
      g_assert_cmpfloat (a.x, >=, 0);
      g_assert_cmpfloat (a.y, >=, 0);
      g_assert_cmpfloat (a.x + a.width, <=, width);
      g_assert_cmpfloat (a.y + a.height, <=, height);

      for (guint j = i + 1; j < n; j++)
        {
          MerLabelBox b;

          mer_labels_get_placed (labels, j, &b, NULL);
          g_assert_false (overlap (&a, &b));
        }

      for (guint k = 0; k < mer_labels_get_n_obstacles (labels); k++)
        {
          MerLabelBox obstacle;

          if ((int) k == owner)
            continue;
          mer_labels_get_obstacle (labels, k, &obstacle);
          g_assert_false (overlap (&a, &obstacle));
        }
    }
}

static void
test_random_frames (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1875);
  g_autoptr(MerLabelMeasure) measure = mer_label_measure_new ();
  static const char *const words[] = {
    "Kunashir", "Iturup", "Yuzhno-Kurilsk", "国後島", "Кунашир", "Tokyo", "A", "Sea of Okhotsk",
    "Bolshoi Ussuriysky Island", "<b>Selected</b>", "Two\nlines",
  };
  guint total_placed = 0;

  for (guint round = 0; round < 200; round++)
    {
      double width = g_rand_double_range (rand, 120, 1200);
      double height = g_rand_double_range (rand, 90, 900);
      g_autoptr(MerLabels) labels = mer_labels_new (measure, width, height, TRUE);
      guint n_markers = g_rand_int_range (rand, 0, 60);
      guint n_labels = g_rand_int_range (rand, 1, 120);

      for (guint i = 0; i < n_markers; i++)
        {
          double r = g_rand_double_range (rand, 4, 12);
          MerLabelBox box = { g_rand_double_range (rand, -20, width), g_rand_double_range (rand, -20, height),
                              2 * r, 2 * r };
          int id = mer_labels_add_obstacle (labels, &box);
          MerLabel label = {
            .markup = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
            .x = box.x + r,
            .y = box.y + r,
            .gap = r,
            .priority = g_rand_int_range (rand, 0, 400),
            .anchor = MER_LABEL_ANCHOR_POINT,
            .style = MER_LABEL_STYLE_EVENT,
            .owner = id,
          };

          g_assert_cmpint (id, ==, (int) i);
          mer_labels_add (labels, &label);
        }

      for (guint i = 0; i < n_labels; i++)
        {
          MerLabel label = {
            .markup = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
            .x = g_rand_double_range (rand, -40, width + 40),
            .y = g_rand_double_range (rand, -40, height + 40),
            .gap = 3,
            .priority = g_rand_int_range (rand, 0, 400),
            .anchor = g_rand_boolean (rand) ? MER_LABEL_ANCHOR_POINT : MER_LABEL_ANCHOR_CENTRE,
            .style = g_rand_int_range (rand, 0, MER_LABEL_N_STYLES),
            .owner = -1,
            .dot = g_rand_boolean (rand),
          };

          mer_labels_add (labels, &label);
        }

      mer_labels_place (labels);
      assert_placement_valid (labels, width, height);
      total_placed += mer_labels_get_n_placed (labels);
    }

  /* The test proves something only if labels are placed. */
  g_assert_cmpuint (total_placed, >, 2000);
}

/* The first candidate always gets its best position in an empty frame;
 * the same candidate again goes to its second, left of the point. */
static void
test_positions (void)
{
  g_autoptr(MerLabelMeasure) measure = mer_label_measure_new ();
  g_autoptr(MerLabels) labels = mer_labels_new (measure, 400, 300, TRUE);
  MerLabel label = {
    .markup = "Nemuro", .x = 200, .y = 150, .gap = 5, .anchor = MER_LABEL_ANCHOR_POINT,
    .style = MER_LABEL_STYLE_PLACE, .owner = -1,
  };
  MerLabelBox first, second;

  mer_labels_add (labels, &label);
  mer_labels_add (labels, &label);
  label.x = 399;  /* right and left would be cut, or cover the others */
  label.priority = 1;
  mer_labels_add (labels, &label);
  mer_labels_place (labels);

  g_assert_cmpuint (mer_labels_get_n_placed (labels), ==, 3);
  mer_labels_get_placed (labels, 0, &first, NULL);
  mer_labels_get_placed (labels, 1, &second, NULL);
  g_assert_cmpfloat (first.x, ==, 206);
  g_assert_cmpfloat_with_epsilon (first.y + first.height / 2, 150, 1e-9);
  g_assert_cmpfloat (second.x + second.width, ==, 194);
  assert_placement_valid (labels, 400, 300);
}

/* Nemuro beside a point at (@x, 150) in a 400×300 frame, with a marker
 * right of it when @blocked; returns where it went. */
static MerLabelBox
place_nemuro (MerLabelMeasure *measure,
              double           x,
              gboolean         blocked)
{
  g_autoptr(MerLabels) labels = mer_labels_new (measure, 400, 300, TRUE);
  MerLabel label = {
    .markup = "Nemuro", .x = x, .y = 150, .gap = 5, .priority = MER_LABEL_PRIORITY_GAZETTEER,
    .anchor = MER_LABEL_ANCHOR_POINT, .style = MER_LABEL_STYLE_PLACE, .owner = -1,
  };
  MerLabelBox box;

  if (blocked)
    mer_labels_add_obstacle (labels, &(MerLabelBox) { x + 10, 140, 20, 20 });
  mer_labels_add (labels, &label);
  mer_labels_place (labels);
  g_assert_cmpuint (mer_labels_get_n_placed (labels), ==, 1);
  mer_labels_get_placed (labels, 0, &box, NULL);
  return box;
}

/* A name keeps the side it took in the frame before while that side is
 * free, as the map pans: pushed left of its point by a marker, it stays
 * left when the marker has gone; a measure with no frame before puts it
 * right, its best side. */
static void
test_previous_position (void)
{
  g_autoptr(MerLabelMeasure) measure = mer_label_measure_new ();
  g_autoptr(MerLabelMeasure) fresh = mer_label_measure_new ();
  MerLabelBox box;

  box = place_nemuro (measure, 200, TRUE);
  g_assert_cmpfloat (box.x + box.width, ==, 194);
  box = place_nemuro (measure, 203, FALSE);
  g_assert_cmpfloat (box.x + box.width, ==, 197);
  box = place_nemuro (measure, 206, FALSE);
  g_assert_cmpfloat (box.x + box.width, ==, 200);

  /* Too near the left edge for the left side: right again, and then kept. */
  box = place_nemuro (measure, 20, FALSE);
  g_assert_cmpfloat (box.x, ==, 26);
  box = place_nemuro (measure, 200, TRUE);
  g_assert_cmpfloat (box.x + box.width, ==, 194);

  box = place_nemuro (fresh, 206, FALSE);
  g_assert_cmpfloat (box.x, ==, 212);
}

/* An area keeps the labels from its priority on off it, not those before:
 * the base map's names stay off the lines of spread markers, which the
 * markers' own labels may reach into. */
static void
test_areas (void)
{
  g_autoptr(MerLabelMeasure) measure = mer_label_measure_new ();
  g_autoptr(MerLabels) labels = mer_labels_new (measure, 400, 300, TRUE);
  MerLabel event = {
    .markup = "Yuzhno-Kurilsk", .x = 100, .y = 100, .gap = 5, .priority = MER_LABEL_PRIORITY_EVENT,
    .anchor = MER_LABEL_ANCHOR_POINT, .style = MER_LABEL_STYLE_EVENT, .owner = -1,
  };
  MerLabel name = {
    .markup = "Nemuro", .x = 100, .y = 200, .gap = 5, .priority = MER_LABEL_PRIORITY_GAZETTEER,
    .anchor = MER_LABEL_ANCHOR_POINT, .style = MER_LABEL_STYLE_PLACE, .owner = -1,
  };
  MerLabelBox area = { 104, 80, 200, 140 }, box;
  MerLabel placed;

  mer_labels_add_area (labels, &area, MER_LABEL_PRIORITY_GAZETTEER);
  mer_labels_add (labels, &event);
  mer_labels_add (labels, &name);
  mer_labels_place (labels);

  g_assert_cmpuint (mer_labels_get_n_obstacles (labels), ==, 0);
  g_assert_cmpuint (mer_labels_get_n_placed (labels), ==, 2);
  mer_labels_get_placed (labels, 0, &box, &placed);
  g_assert_cmpstr (placed.markup, ==, "Yuzhno-Kurilsk");
  g_assert_cmpfloat (box.x, ==, 106);
  mer_labels_get_placed (labels, 1, &box, &placed);
  g_assert_cmpstr (placed.markup, ==, "Nemuro");
  g_assert_cmpfloat (box.x + box.width, ==, 94);
}

/* A base-map name shown in the interface's language (Japanese) repeats
 * the story's English place name beside it: it is said once, by the event's
 * label, in the base map's words. */
static void
test_repeated_name_in_another_language (void)
{
  g_autoptr(MerLabelMeasure) measure = mer_label_measure_new ();
  g_autoptr(MerLabels) labels = mer_labels_new (measure, 400, 300, TRUE);
  MerLabel event = {
    .markup = "Khabarovsk", .x = 100, .y = 100, .gap = 5, .priority = MER_LABEL_PRIORITY_EVENT,
    .anchor = MER_LABEL_ANCHOR_POINT, .style = MER_LABEL_STYLE_EVENT, .owner = -1,
  };
  MerLabel city = {
    .markup = "ハバロフスク", .name = "Khabarovsk", .x = 102, .y = 101, .gap = 2,
    .priority = MER_LABEL_PRIORITY_GAZETTEER, .anchor = MER_LABEL_ANCHOR_POINT,
    .style = MER_LABEL_STYLE_PLACE, .owner = -1,
  };
  MerLabelBox box;
  MerLabel placed;

  mer_labels_add (labels, &event);
  mer_labels_add (labels, &city);
  mer_labels_place (labels);

  g_assert_cmpuint (mer_labels_get_n_placed (labels), ==, 1);
  mer_labels_get_placed (labels, 0, &box, &placed);
  g_assert_cmpstr (placed.markup, ==, "ハバロフスク");
  g_assert_cmpint (placed.style, ==, MER_LABEL_STYLE_EVENT);
}

/* A story region named in the interface's language (北海道) and the base
 * map's island of the same name: the region's label says it. */
static void
test_region_named_like_base_name (void)
{
  g_autoptr(MerLabelMeasure) measure = mer_label_measure_new ();
  g_autoptr(MerLabels) labels = mer_labels_new (measure, 400, 300, TRUE);
  MerLabel region = {
    .markup = "北海道", .x = 200, .y = 150, .priority = MER_LABEL_PRIORITY_REGION,
    .anchor = MER_LABEL_ANCHOR_CENTRE, .style = MER_LABEL_STYLE_REGION, .owner = -1,
  };
  MerLabel island = {
    .markup = "北海道", .name = "Hokkaido", .x = 200, .y = 60, .priority = MER_LABEL_PRIORITY_GAZETTEER,
    .anchor = MER_LABEL_ANCHOR_CENTRE, .style = MER_LABEL_STYLE_PLACE, .owner = -1,
  };
  MerLabelBox box;
  MerLabel placed;

  mer_labels_add (labels, &region);
  mer_labels_add (labels, &island);
  mer_labels_place (labels);

  g_assert_cmpuint (mer_labels_get_n_placed (labels), ==, 1);
  mer_labels_get_placed (labels, 0, &box, &placed);
  g_assert_cmpint (placed.style, ==, MER_LABEL_STYLE_REGION);
}

static MerBasemap *
load_basemap (void)
{
  g_autofree char *path = g_build_filename (SRCDIR, "data", "basemap", "world.mbm", NULL);
  g_autoptr(GError) error = NULL;
  MerBasemap *basemap = mer_basemap_new_from_file (path, &error);

  g_assert_no_error (error);
  return basemap;
}

static MerDocument *
load_story (void)
{
  g_autofree char *path = g_build_filename (SRCDIR, "data", "events", "russia-japan.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) mer_diagnostic_free);
  MerDocument *document = mer_loader_load_file (path, NULL, diagnostics, &error);

  g_assert_no_error (error);
  return document;
}

/* The whole pass as an export runs it, on random views of the story. */
static void
test_story_frames (void)
{
  g_autoptr(MerBasemap) basemap = load_basemap ();
  g_autoptr(MerBasemapPainter) painter = mer_basemap_painter_new (basemap);
  g_autoptr(MerDocument) document = load_story ();
  g_autoptr(MerState) state = mer_state_new ();
  g_autoptr(MerEventPainter) events = mer_event_painter_new (mer_document_get_events (document));
  g_autoptr(MerRegionPainter) regions = mer_region_painter_new (mer_document_get_regions (document));
  g_autoptr(MerLabelMeasure) measure = mer_label_measure_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (1956);
  g_auto(GStrv) languages = mer_labels_dup_story_languages (document);
  const MerMapStyle *style = mer_map_style_get (FALSE);
  guint total = 0;

  mer_state_set_document (state, document);
  for (guint round = 0; round < 60; round++)
    {
      MerView v = { g_rand_double_range (rand, 30, 55), g_rand_double_range (rand, 20, 160),
                    g_rand_double_range (rand, 2, 9) };
      int width = g_rand_int_range (rand, 300, 1920), height = g_rand_int_range (rand, 200, 1080);
      g_autoptr(MerLabels) labels = mer_labels_new (measure, width, height, TRUE);
      MerMapView view;

      mer_map_view_init (&view, &v, width, height, 1);
      mer_event_painter_add_labels (events, labels, &view, state);
      mer_region_painter_add_labels (regions, labels, &view, style, state);
      mer_basemap_painter_add_labels (painter, labels, &view, (const char * const *) languages);
      mer_labels_place (labels);
      assert_placement_valid (labels, width, height);
      total += mer_labels_get_n_placed (labels);
    }
  g_assert_cmpuint (total, >, 600);
}

static gboolean
placed_markup (MerLabels  *labels,
               const char *markup)
{
  for (guint i = 0; i < mer_labels_get_n_placed (labels); i++)
    {
      MerLabel label;

      mer_labels_get_placed (labels, i, NULL, &label);
      if (g_str_equal (label.markup, markup))
        return TRUE;
    }
  return FALSE;
}

/* The southern Kurils at zoom 7, as `meridian --export x.png --view
 * 44,146.5,7` frames them: the four disputed islands named in Japanese and
 * Russian, Nemuro and Yuzhno-Kurilsk named. */
static void
test_southern_kurils (void)
{
  g_autoptr(MerBasemap) basemap = load_basemap ();
  g_autoptr(MerBasemapPainter) painter = mer_basemap_painter_new (basemap);
  g_autoptr(MerDocument) document = load_story ();
  g_autoptr(MerState) state = mer_state_new ();
  g_autoptr(MerEventPainter) events = mer_event_painter_new (mer_document_get_events (document));
  g_autoptr(MerLabelMeasure) measure = mer_label_measure_new ();
  g_autoptr(MerLabels) labels = mer_labels_new (measure, 1920, 1080, TRUE);
  g_auto(GStrv) languages = mer_labels_dup_story_languages (document);
  MerView v = { 44.0, 146.5, 7 };
  MerMapView view;

  g_assert_true (g_strv_contains ((const char * const *) languages, "ja"));
  g_assert_true (g_strv_contains ((const char * const *) languages, "ru"));

  mer_state_set_document (state, document);
  mer_map_view_init (&view, &v, 1920, 1080, 1);
  mer_event_painter_add_labels (events, labels, &view, state);
  mer_basemap_painter_add_labels (painter, labels, &view, (const char * const *) languages);
  mer_labels_place (labels);

  g_assert_true (placed_markup (labels, "Kunashir\n国後島 · Кунашир"));
  g_assert_true (placed_markup (labels, "Iturup\n択捉島 · Итуруп"));
  g_assert_true (placed_markup (labels, "Shikotan\n色丹島 · Шикотан"));
  g_assert_true (placed_markup (labels, "Habomai Islands\n歯舞群島 · Хабомаи"));
  g_assert_true (placed_markup (labels, "Nemuro"));
  g_assert_true (placed_markup (labels, "Yuzhno-Kurilsk, Kunashir") || placed_markup (labels, "Yuzhno-Kurilsk"));
  assert_placement_valid (labels, 1920, 1080);
}

/* Labels drawn for the screen, where GTK records a widget's drawing and
 * rasterises it later at the screen's scale, have the pixels of labels
 * drawn straight onto an image of that scale, as a PNG export draws them:
 * halos of glyph copies, not stroked outlines, as sharp at 2 device pixels
 * to a pixel as at 1. */
static void
test_recorded_as_drawn (void)
{
  g_autoptr(MerLabelMeasure) measure = mer_label_measure_new ();
  const MerMapStyle *style = mer_map_style_get (FALSE);
  MerLabel label = {
    .markup = "Yuzhno-Kurilsk", .x = 20.3, .y = 30.6, .gap = 5, .anchor = MER_LABEL_ANCHOR_POINT,
    .style = MER_LABEL_STYLE_PLACE, .owner = -1,
  };

  for (int scale = 1; scale <= 2; scale++)
    {
      g_autoptr(MerLabels) labels = mer_labels_new (measure, 200, 60, TRUE);
      cairo_rectangle_t extents = { 0, 0, 200, 60 };
      cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
      cairo_surface_t *direct = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200 * scale, 60 * scale);
      cairo_surface_t *replayed = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200 * scale, 60 * scale);
      guint n_inked = 0;
      cairo_t *cr;

      mer_labels_add (labels, &label);
      mer_labels_place (labels);
      g_assert_cmpuint (mer_labels_get_n_placed (labels), ==, 1);

      cairo_surface_set_device_scale (direct, scale, scale);
      cairo_surface_set_device_scale (replayed, scale, scale);
      cr = cairo_create (direct);
      mer_labels_draw (labels, cr, style);
      cairo_destroy (cr);
      mer_labels_set_raster_scale (labels, scale);
      cr = cairo_create (recording);
      mer_labels_draw (labels, cr, style);
      cairo_destroy (cr);
      cr = cairo_create (replayed);
      cairo_set_source_surface (cr, recording, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
      cairo_surface_flush (direct);
      cairo_surface_flush (replayed);

      for (int y = 0; y < 60 * scale; y++)
        {
          const guint32 *a = (const guint32 *) (cairo_image_surface_get_data (direct) +
                                                y * cairo_image_surface_get_stride (direct));
          const guint32 *b = (const guint32 *) (cairo_image_surface_get_data (replayed) +
                                                y * cairo_image_surface_get_stride (replayed));

          for (int x = 0; x < 200 * scale; x++)
            {
              g_assert_cmphex (a[x], ==, b[x]);
              n_inked += a[x] != 0;
            }
        }
      g_assert_cmpuint (n_inked, >, 500 * scale * scale);
      cairo_surface_destroy (recording);
      cairo_surface_destroy (direct);
      cairo_surface_destroy (replayed);
    }
}

/* Texts are copied from images onto a raster at a plain scale only: not
 * into a PDF, nor turned; the scale counts the surface's and a later
 * rasterisation's. */
static void
test_text_image_scale (void)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cairo_surface_t *pdf = cairo_pdf_surface_create (NULL, 100, 100);
  cairo_t *cr;
  double scale = 0;

  cairo_surface_set_device_scale (image, 2, 2);
  cr = cairo_create (image);
  g_assert_true (mer_text_image_is_raster (cr));
  g_assert_true (mer_text_image_get_scale (cr, 1, &scale));
  g_assert_cmpfloat (scale, ==, 2);
  cairo_scale (cr, 1.5, 1.5);
  g_assert_true (mer_text_image_get_scale (cr, 2, &scale));
  g_assert_cmpfloat (scale, ==, 6);
  cairo_rotate (cr, 0.3);
  g_assert_false (mer_text_image_get_scale (cr, 1, &scale));
  cairo_destroy (cr);

  cr = cairo_create (pdf);
  g_assert_false (mer_text_image_is_raster (cr));
  g_assert_false (mer_text_image_get_scale (cr, 1, &scale));
  cairo_destroy (cr);
  cairo_surface_destroy (pdf);
  cairo_surface_destroy (image);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/labels/random-frames", test_random_frames);
  g_test_add_func ("/render/labels/positions", test_positions);
  g_test_add_func ("/render/labels/previous-position", test_previous_position);
  g_test_add_func ("/render/labels/areas", test_areas);
  g_test_add_func ("/render/labels/repeated-name-in-another-language", test_repeated_name_in_another_language);
  g_test_add_func ("/render/labels/region-named-like-base-name", test_region_named_like_base_name);
  g_test_add_func ("/render/labels/story-frames", test_story_frames);
  g_test_add_func ("/render/labels/southern-kurils", test_southern_kurils);
  g_test_add_func ("/render/labels/recorded-as-drawn", test_recorded_as_drawn);
  g_test_add_func ("/render/labels/text-image-scale", test_text_image_scale);

  return g_test_run ();
}

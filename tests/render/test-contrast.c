/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "mer-diagnostic.h"
#include "mer-event-painter.h"
#include "mer-loader.h"
#include "mer-map-style.h"

/* Every category's markers must stand out on land and on sea, in the light
 * and the dark map: a WCAG contrast of 3:1 at least, worked out from the
 * painters' colours and from the pixels the marker painter draws. */

static MerDocument *story;

static guint
rgb_of (const MerColor *color)
{
  return (guint) lround (color->red * 255) << 16 | (guint) lround (color->green * 255) << 8 |
         (guint) lround (color->blue * 255);
}

static void
assert_stands_out (const MerMapStyle *style,
                   guint32            rgb)
{
  MerColor original = mer_color_from_rgb (rgb, 1);
  MerColor color = mer_map_style_marker_color (style, rgb);

  if (mer_color_get_contrast (&color, &style->land) < 3.0 || mer_color_get_contrast (&color, &style->sea) < 3.0)
    g_error ("#%06x drawn as #%06x: contrast %.2f on land, %.2f on sea", rgb, rgb_of (&color),
             mer_color_get_contrast (&color, &style->land), mer_color_get_contrast (&color, &style->sea));

  /* A colour that stands out as it is keeps its value. */
  if (mer_color_get_contrast (&original, &style->land) >= 3.0 && mer_color_get_contrast (&original, &style->sea) >= 3.0)
    g_assert_cmphex (rgb_of (&color), ==, rgb);
}

/* The formula checked on known pairs: black on white is 21, a colour on
 * itself 1, and #767676 on white the 4.54 every WCAG checker gives. */
static void
test_contrast_formula (void)
{
  MerColor black = mer_color_from_rgb (0x000000, 1);
  MerColor white = mer_color_from_rgb (0xffffff, 1);
  MerColor grey = mer_color_from_rgb (0x767676, 1);

  g_assert_cmpfloat_with_epsilon (mer_color_get_contrast (&black, &white), 21.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (mer_color_get_contrast (&white, &black), 21.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (mer_color_get_contrast (&grey, &grey), 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (mer_color_get_contrast (&grey, &white), 4.54, 0.005);
}

/* The bundled story's categories, GNOME's palette and the colour of events
 * without a category, in both themes. */
static void
test_categories_stand_out (void)
{
  GListModel *categories = mer_document_get_categories (story);
  guint n_palette;
  const guint32 *palette = mer_map_style_get_palette (&n_palette);

  g_assert_cmpuint (g_list_model_get_n_items (categories), ==, 8);
  g_assert_cmpuint (n_palette, >=, 12);

  for (int dark = 0; dark <= 1; dark++)
    {
      const MerMapStyle *style = mer_map_style_get (dark);

      for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
        {
          g_autoptr(MerCategory) category = g_list_model_get_item (categories, i);

          assert_stands_out (style, mer_category_get_color (category));
        }
      for (guint i = 0; i < n_palette; i++)
        assert_stands_out (style, palette[i]);
      assert_stands_out (style, rgb_of (&style->marker_default));
    }

  /* The colours that failed before: Disaster on the dark map, the yellow
   * of Sanctions on the light one. */
  {
    MerColor disaster = mer_map_style_marker_color (mer_map_style_get (TRUE), 0x3d3846);
    MerColor sanctions = mer_map_style_marker_color (mer_map_style_get (FALSE), 0xe5a50a);

    MerColor before = mer_color_from_rgb (0x3d3846, 1);

    g_assert_cmpfloat (mer_color_get_luminance (&disaster), >, mer_color_get_luminance (&before));
    g_assert_cmphex (rgb_of (&sanctions), !=, 0xe5a50a);
  }
}

/* Moving colours must not merge categories: any two of the story's stay
 * well apart (a distance of 40 in 0–255 RGB). */
static void
test_categories_stay_apart (void)
{
  GListModel *categories = mer_document_get_categories (story);
  guint n = g_list_model_get_n_items (categories);

  for (int dark = 0; dark <= 1; dark++)
    for (guint i = 0; i < n; i++)
      for (guint j = i + 1; j < n; j++)
        {
          g_autoptr(MerCategory) a = g_list_model_get_item (categories, i);
          g_autoptr(MerCategory) b = g_list_model_get_item (categories, j);
          MerColor ca = mer_map_style_marker_color (mer_map_style_get (dark), mer_category_get_color (a));
          MerColor cb = mer_map_style_marker_color (mer_map_style_get (dark), mer_category_get_color (b));
          double distance = 255 * sqrt ((ca.red - cb.red) * (ca.red - cb.red) + (ca.green - cb.green) * (ca.green - cb.green) +
                                        (ca.blue - cb.blue) * (ca.blue - cb.blue));

          if (distance < 40)
            g_error ("%s and %s are %.0f apart", mer_category_get_id (a), mer_category_get_id (b), distance);
        }
}

/* What the marker painter really draws: one event of each category, alone,
 * on land and on sea; the middle of its marker is read back. */
static void
test_painted_markers (void)
{
  GListModel *categories = mer_document_get_categories (story);
  GListModel *events = mer_document_get_events (story);

  for (guint c = 0; c < g_list_model_get_n_items (categories); c++)
    {
      g_autoptr(MerCategory) category = g_list_model_get_item (categories, c);
      g_autoptr(MerEvent) event = NULL;
      g_autoptr(GListStore) one = g_list_store_new (MER_TYPE_EVENT);
      const MerPlace *places = NULL;
      guint n_places = 0;

      for (guint i = 0; i < g_list_model_get_n_items (events) && n_places == 0; i++)
        {
          g_clear_object (&event);
          event = g_list_model_get_item (events, i);
          if (mer_event_get_category (event) == category)
            places = mer_event_get_places (event, &n_places);
        }
      g_assert_cmpuint (n_places, >, 0);
      g_list_store_append (one, event);

      for (int dark = 0; dark <= 1; dark++)
        for (int on_sea = 0; on_sea <= 1; on_sea++)
          {
            const MerMapStyle *style = mer_map_style_get (dark);
            const MerColor *ground = on_sea ? &style->sea : &style->land;
            g_autoptr(MerEventPainter) painter = mer_event_painter_new (G_LIST_MODEL (one));
            MerView centre = { places[0].lat, places[0].lon, 6 };
            MerMapView view;
            cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 64, 64);
            cairo_t *cr = cairo_create (surface);
            guint32 argb;
            MerColor drawn, expected;

            mer_map_view_init (&view, &centre, 64, 64, 1);
            cairo_set_source_rgb (cr, ground->red, ground->green, ground->blue);
            cairo_paint (cr);
            mer_event_painter_draw (painter, cr, &view, style, NULL);
            cairo_destroy (cr);
            cairo_surface_flush (surface);
            argb = *(guint32 *) (cairo_image_surface_get_data (surface) + 32 * cairo_image_surface_get_stride (surface) + 32 * 4);
            cairo_surface_destroy (surface);

            drawn = mer_color_from_rgb (argb & 0xffffff, 1);
            expected = mer_map_style_marker_color (style, mer_category_get_color (category));
            /* Within a step of rounding on each channel. */
            g_assert_cmpfloat_with_epsilon (drawn.red, expected.red, 1.01 / 255);
            g_assert_cmpfloat_with_epsilon (drawn.green, expected.green, 1.01 / 255);
            g_assert_cmpfloat_with_epsilon (drawn.blue, expected.blue, 1.01 / 255);
            g_assert_cmpfloat (mer_color_get_contrast (&drawn, ground), >=, 3.0);
          }
    }
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

  g_test_add_func ("/render/contrast/formula", test_contrast_formula);
  g_test_add_func ("/render/contrast/categories-stand-out", test_categories_stand_out);
  g_test_add_func ("/render/contrast/categories-stay-apart", test_categories_stay_apart);
  g_test_add_func ("/render/contrast/painted-markers", test_painted_markers);

  status = g_test_run ();
  g_object_unref (story);
  return status;
}

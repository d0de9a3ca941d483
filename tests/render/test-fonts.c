/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <pango/pangocairo.h>

#include "mer-diagnostic.h"
#include "mer-category.h"
#include "mer-era.h"
#include "mer-event.h"
#include "mer-loader.h"
#include "mer-region.h"

/* Every name a briefing may print must render with the fonts Meridian
 * installs: a missing glyph is drawn as a box, and 珍宝□ on a slide is a
 * name the audience cannot read. */

static PangoLayout *layout;

static guint
count_unknown_glyphs (const char *text)
{
  pango_layout_set_text (layout, text, -1);
  return (guint) pango_layout_get_unknown_glyphs_count (layout);
}

static void
assert_renders (const char *text)
{
  if (text == NULL)
    return;
  if (count_unknown_glyphs (text) != 0)
    g_error ("“%s” has %u glyphs no installed font covers", text, count_unknown_glyphs (text));
}

/* A sample of each script the stories and the base map use. */
static void
test_scripts (void)
{
  static const char *samples[] = {
    "珍宝岛 黑瞎子岛 乌苏里江",          /* Simplified Chinese */
    "珍寶島 黑瞎子島 烏蘇里江",          /* Traditional Chinese */
    "北方領土 国後島 択捉島 色丹島 歯舞群島 樺太",  /* Japanese kanji */
    "ほっぽうりょうど サハリン",          /* kana */
    "독도 한국어 동해",                    /* Korean */
    "Курильские острова Південний Крим Ё",  /* Cyrillic, Russian and Ukrainian */
    "Qırım Hoppō Ryōdo Ōtomari Zhenbao Dǎo",  /* Latin with diacritics */
  };

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    assert_renders (samples[i]);
}

static void
test_bundled_story (void)
{
  g_autoptr(GPtrArray) diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) mer_diagnostic_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(MerDocument) story = NULL;
  GListModel *list;

  story = mer_loader_load_file (SRCDIR "/data/events/russia-japan.json", "russia-japan.json", diagnostics, &error);
  g_assert_no_error (error);

  assert_renders (mer_document_get_title (story));
  assert_renders (mer_document_get_subtitle (story));

  list = mer_document_get_events (story);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(MerEvent) event = g_list_model_get_item (list, i);
      const MerPlace *places;
      guint n;

      assert_renders (mer_event_get_title (event));
      assert_renders (mer_event_get_summary (event));
      places = mer_event_get_places (event, &n);
      for (guint k = 0; k < n; k++)
        assert_renders (places[k].name);
    }

  list = mer_document_get_regions (story);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(MerRegion) region = g_list_model_get_item (list, i);
      const MerName *names;
      guint n;

      assert_renders (mer_region_get_name (region));
      names = mer_region_get_names (region, &n);
      for (guint k = 0; k < n; k++)
        assert_renders (names[k].text);
    }

  list = mer_document_get_eras (story);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(MerEra) era = g_list_model_get_item (list, i);

      assert_renders (mer_era_get_title (era));
    }

  list = mer_document_get_categories (story);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(MerCategory) category = g_list_model_get_item (list, i);

      assert_renders (mer_category_get_name (category));
    }
}

/* The check itself can fail: a private-use character has no glyph. */
static void
test_detects_missing_glyphs (void)
{
  g_assert_cmpuint (count_unknown_glyphs ("\xEE\x80\x80"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Cantarell 9");
  int status;

  g_test_init (&argc, &argv, NULL);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 16, 16);
  cr = cairo_create (surface);
  layout = pango_cairo_create_layout (cr);
  pango_layout_set_font_description (layout, font);

  g_test_add_func ("/render/fonts/scripts", test_scripts);
  g_test_add_func ("/render/fonts/bundled-story", test_bundled_story);
  g_test_add_func ("/render/fonts/detects-missing-glyphs", test_detects_missing_glyphs);

  status = g_test_run ();
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return status;
}

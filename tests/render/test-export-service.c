/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <glib/gstdio.h>

#include "mer-diagnostic.h"
#include "mer-export-choices.h"
#include "mer-export-service.h"
#include "mer-loader.h"

/* The export service reads the base map once, whoever asks first and from
 * whichever thread, and draws what the painters draw; the export choices
 * come from the settings in one place. */

static MerDocument *
load_story (void)
{
  g_autofree char *path = g_build_filename (SOURCE_DATADIR, "events", "russia-japan.json", NULL);
  g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  MerDocument *document = mer_loader_load_file (path, path, diagnostics, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static void
test_basemap_once (void)
{
  g_autoptr(MerExportService) service = mer_export_service_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MerBasemapPainter) first = mer_export_service_dup_basemap (service, &error);
  g_autoptr(MerBasemapPainter) second = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (first);
  second = mer_export_service_dup_basemap (service, &error);
  g_assert_no_error (error);
  g_assert_true (first == second);

  g_assert_true (mer_export_service_get_default () == mer_export_service_get_default ());
}

static gpointer
dup_in_thread (gpointer data)
{
  return mer_export_service_dup_basemap (data, NULL);
}

/* The map's tiles ask from worker threads: all get the one painter. */
static void
test_basemap_threads (void)
{
  g_autoptr(MerExportService) service = mer_export_service_new (NULL);
  GThread *threads[4];
  MerBasemapPainter *painters[G_N_ELEMENTS (threads)];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("dup", dup_in_thread, service);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    painters[i] = g_thread_join (threads[i]);

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_assert_nonnull (painters[i]);
      g_assert_true (painters[i] == painters[0]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    mer_basemap_painter_unref (painters[i]);
}

/* A base map that cannot be read is reported the same way every time, by
 * every kind of picture. */
static void
test_basemap_unreadable (void)
{
  g_autofree char *dir = g_dir_make_tmp ("meridian-basemap-XXXXXX", NULL);
  g_autoptr(MerExportService) service = mer_export_service_new (dir);
  g_autoptr(MerDocument) document = load_story ();
  g_autofree char *expected = g_strdup_printf ("%s: Is a folder, not a base-map file", dir);
  g_autofree char *expected_export = g_strdup_printf ("the base map cannot be read: %s", expected);
  g_autofree char *out = g_build_filename (dir, "out.png", NULL);
  g_autoptr(GError) error = NULL;
  MerExportOptions options;
  MerView view = { 45, 145, 4 };

  for (guint i = 0; i < 2; i++)
    {
      g_assert_null (mer_export_service_dup_basemap (service, &error));
      g_assert_error (error, MER_BASEMAP_ERROR, MER_BASEMAP_ERROR_READ);
      g_assert_cmpstr (error->message, ==, expected);
      g_clear_error (&error);
    }

  mer_export_options_init (&options, document, NULL, &view, 64, 48);
  g_assert_null (mer_export_service_render (service, &options, &error));
  g_assert_error (error, MER_EXPORT_ERROR, MER_EXPORT_ERROR_WRITE);
  g_assert_cmpstr (error->message, ==, expected_export);
  g_clear_error (&error);

  g_assert_false (mer_export_service_write (service, out, &options, &error));
  g_assert_error (error, MER_EXPORT_ERROR, MER_EXPORT_ERROR_WRITE);
  g_assert_cmpstr (error->message, ==, expected_export);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* The service's picture is the painters' picture, at the options' scale. */
static void
test_render_matches_painters (void)
{
  g_autoptr(MerExportService) service = mer_export_service_new (NULL);
  g_autoptr(MerDocument) document = load_story ();
  g_autoptr(MerState) state = mer_state_new ();
  g_autoptr(MerBasemapPainter) basemap = NULL;
  g_autoptr(GError) error = NULL;
  MerView view = { 45.5, 147.0, 5 };
  MerExportOptions options;
  cairo_surface_t *surface, *expected;
  cairo_t *cr;
  GDateTime *date = g_date_time_new_utc (2024, 5, 1, 12, 0, 0);

  mer_state_set_document (state, document);
  mer_export_options_init (&options, document, state, &view, 320, 180);
  options.scale = 2;
  options.date = date;
  surface = mer_export_service_render (service, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (surface);
  g_assert_cmpint (cairo_image_surface_get_format (surface), ==, CAIRO_FORMAT_ARGB32);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 640);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 360);

  basemap = mer_export_service_dup_basemap (service, &error);
  expected = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 640, 360);
  cr = cairo_create (expected);
  cairo_scale (cr, 2, 2);
  mer_export_draw (cr, basemap, &options, FALSE);
  cairo_destroy (cr);
  cairo_surface_flush (expected);

  g_assert_cmpint (cairo_image_surface_get_stride (surface), ==, cairo_image_surface_get_stride (expected));
  g_assert_true (memcmp (cairo_image_surface_get_data (surface), cairo_image_surface_get_data (expected),
                         (gsize) 360 * cairo_image_surface_get_stride (expected)) == 0);

  cairo_surface_destroy (expected);
  cairo_surface_destroy (surface);
  g_date_time_unref (date);
}

/* The presenter's preview: each slide's own view, without furniture, the
 * audience's area at the preview's size. */
static void
test_render_slide (void)
{
  g_autoptr(MerExportService) service = mer_export_service_new (NULL);
  g_autoptr(MerDocument) document = load_story ();
  g_autoptr(MerBriefing) briefing = g_list_model_get_item (mer_document_get_briefings (document), 0);
  MerMapView audience = { 45, 145, 4, 1280, 720 };
  guint last = mer_briefing_get_n_slides (briefing) - 1;
  cairo_surface_t *first, *other;

  first = mer_export_service_render_slide (service, document, mer_briefing_get_slide (briefing, 0),
                                           mer_slide_get_event (mer_briefing_get_slide (briefing, 0)),
                                           &audience, 480, 270, NULL, NULL);
  other = mer_export_service_render_slide (service, document, mer_briefing_get_slide (briefing, last),
                                           mer_slide_get_event (mer_briefing_get_slide (briefing, last)),
                                           &audience, 480, 270, NULL, NULL);
  g_assert_nonnull (first);
  g_assert_nonnull (other);
  g_assert_cmpint (cairo_image_surface_get_width (first), ==, 480);
  g_assert_cmpint (cairo_image_surface_get_height (first), ==, 270);
  g_assert_true (memcmp (cairo_image_surface_get_data (first), cairo_image_surface_get_data (other),
                         (gsize) 270 * cairo_image_surface_get_stride (first)) != 0);

  cairo_surface_destroy (first);
  cairo_surface_destroy (other);
}

/* Without settings: 1920 × 1080 PNG with everything, as the dialog shows. */
static void
test_choices_defaults (void)
{
  g_autoptr(MerDocument) document = load_story ();
  MerMapView window_view = { 44, 146, 4, 960, 540 };
  MerExportChoices choices;
  MerExportOptions options;

  mer_export_choices_load (&choices, NULL);
  g_assert_cmpint (choices.format, ==, MER_EXPORT_FORMAT_PNG);
  g_assert_cmpint (choices.size, ==, MER_EXPORT_SIZE_1920X1080);
  g_assert_cmpint (choices.custom_width, ==, 1600);
  g_assert_cmpint (choices.custom_height, ==, 900);
  g_assert_true (choices.landscape);
  g_assert_cmpfloat (choices.scale, ==, 1);
  g_assert_cmpint (choices.dpi, ==, 150);
  for (guint i = 0; i < MER_EXPORT_N_INCLUDES; i++)
    g_assert_true (choices.include[i]);

  /* The window's centre, zoomed so that the same area fills the picture. */
  mer_export_choices_to_options (&choices, document, NULL, &window_view, &options);
  g_assert_cmpfloat (options.width, ==, 1920);
  g_assert_cmpfloat (options.height, ==, 1080);
  g_assert_cmpfloat (options.scale, ==, 1);
  g_assert_cmpfloat (options.units_per_inch, ==, 96);
  g_assert_cmpfloat (options.view.lat, ==, 44);
  g_assert_cmpfloat (options.view.lon, ==, 146);
  g_assert_cmpfloat_with_epsilon (options.view.zoom, 5, 1e-12);
  g_assert_true (options.title && options.caption && options.legend && options.timeline && options.scale_bar &&
                 options.attribution);
  g_assert_false (options.online_layer);
}

static void
test_choices_sizes (void)
{
  /* In units: pixels over the scale, paper at 96 an inch. */
  static const struct {
    MerExportSize size;
    gboolean      landscape;
    double        scale;
    double        width;
    double        height;
  } cases[] = {
    { MER_EXPORT_SIZE_VIEW, TRUE, 1, 1000, 600 },
    { MER_EXPORT_SIZE_VIEW, TRUE, 2, 1000, 600 },
    { MER_EXPORT_SIZE_1920X1080, TRUE, 1, 1920, 1080 },
    { MER_EXPORT_SIZE_3840X2160, TRUE, 1, 3840, 2160 },
    { MER_EXPORT_SIZE_3840X2160, TRUE, 2, 1920, 1080 },
    { MER_EXPORT_SIZE_A3, FALSE, 1, 297 / 25.4 * 96, 420 / 25.4 * 96 },
    { MER_EXPORT_SIZE_A4, TRUE, 1, 297 / 25.4 * 96, 210 / 25.4 * 96 },
    { MER_EXPORT_SIZE_A4, FALSE, 3, 210 / 25.4 * 96, 297 / 25.4 * 96 },
    { MER_EXPORT_SIZE_A5, TRUE, 1, 210 / 25.4 * 96, 148 / 25.4 * 96 },
    { MER_EXPORT_SIZE_LETTER, TRUE, 1, 1056, 816 },
    { MER_EXPORT_SIZE_LEGAL, FALSE, 1, 816, 1344 },
    { MER_EXPORT_SIZE_CUSTOM, TRUE, 1, 800, 500 },
    { MER_EXPORT_SIZE_CUSTOM, TRUE, 4, 200, 125 },
  };
  MerMapView window_view = { 0, 0, 3, 1000, 600 };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      MerExportChoices choices;
      double width, height;

      mer_export_choices_load (&choices, NULL);
      choices.size = cases[i].size;
      choices.custom_width = 800;
      choices.custom_height = 500;
      choices.landscape = cases[i].landscape;
      choices.scale = cases[i].scale;
      mer_export_choices_get_size (&choices, &window_view, &width, &height);
      g_assert_cmpfloat_with_epsilon (width, cases[i].width, 1e-9);
      g_assert_cmpfloat_with_epsilon (height, cases[i].height, 1e-9);
    }
}

/* A scale makes text larger, not the area: 4K at scale 2 is framed as
 * 1920 × 1080 at scale 1; paper keeps its size in units, its resolution
 * in the scale. */
static void
test_choices_scale_and_paper (void)
{
  g_autoptr(MerDocument) document = load_story ();
  MerMapView window_view = { 44, 146, 6, 960, 540 };
  MerExportChoices choices;
  MerExportOptions hd, uhd, paper;

  mer_export_choices_load (&choices, NULL);
  mer_export_choices_to_options (&choices, document, NULL, &window_view, &hd);
  choices.size = MER_EXPORT_SIZE_3840X2160;
  choices.scale = 2;
  mer_export_choices_to_options (&choices, document, NULL, &window_view, &uhd);
  g_assert_cmpfloat (uhd.width, ==, hd.width);
  g_assert_cmpfloat (uhd.height, ==, hd.height);
  g_assert_cmpfloat (uhd.view.zoom, ==, hd.view.zoom);
  g_assert_cmpfloat (uhd.scale, ==, 2);

  choices.size = MER_EXPORT_SIZE_A4;
  choices.landscape = FALSE;
  choices.dpi = 300;
  mer_export_choices_to_options (&choices, document, NULL, &window_view, &paper);
  g_assert_cmpfloat_with_epsilon (paper.width, 210 / 25.4 * 96, 1e-9);
  g_assert_cmpfloat_with_epsilon (paper.height, 297 / 25.4 * 96, 1e-9);
  g_assert_cmpfloat (paper.scale, ==, 300 / 96.0);
  g_assert_cmpfloat (paper.units_per_inch, ==, 96);
}

static GSettings *
create_settings (void)
{
  g_autoptr(GSettingsSchemaSource) source = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();

  source = g_settings_schema_source_new_from_directory (BUILD_SCHEMADIR, NULL, FALSE, NULL);
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, FALSE);
  return schema != NULL ? g_settings_new_full (schema, backend, NULL) : NULL;
}

/* Saved as the settings keep them, read back the same; what the settings
 * cannot mean falls back as the dialog always did. */
static void
test_choices_settings (void)
{
  g_autoptr(GSettings) settings = create_settings ();
  MerExportChoices saved = { MER_EXPORT_FORMAT_SVG, MER_EXPORT_SIZE_CUSTOM, 800, 600,
                             { TRUE, FALSE, TRUE, FALSE, FALSE, FALSE }, FALSE, 2.5, 300 };
  MerExportChoices loaded;
  g_autofree char *format = NULL;
  g_autofree char *size = NULL;
  g_auto(GStrv) includes = NULL;

  if (settings == NULL)
    {
      g_test_skip ("the settings schema is not compiled in the build folder");
      return;
    }

  mer_export_choices_save (&saved, settings);
  format = g_settings_get_string (settings, "export-format");
  size = g_settings_get_string (settings, "export-size");
  includes = g_settings_get_strv (settings, "export-includes");
  g_assert_cmpstr (format, ==, "svg");
  g_assert_cmpstr (size, ==, "custom");
  g_assert_cmpint (g_settings_get_int (settings, "export-custom-width"), ==, 800);
  g_assert_cmpstrv (includes, ((const char * const []) { "title", "legend", NULL }));

  mer_export_choices_load (&loaded, settings);
  g_assert_cmpint (loaded.format, ==, saved.format);
  g_assert_cmpint (loaded.size, ==, saved.size);
  g_assert_cmpint (loaded.custom_width, ==, saved.custom_width);
  g_assert_cmpint (loaded.custom_height, ==, saved.custom_height);
  g_assert_cmpmem (loaded.include, sizeof loaded.include, saved.include, sizeof saved.include);
  g_assert_cmpint (loaded.landscape, ==, saved.landscape);
  g_assert_cmpfloat (loaded.scale, ==, saved.scale);
  g_assert_cmpint (loaded.dpi, ==, saved.dpi);

  g_settings_set_string (settings, "export-format", "tiff");
  g_settings_set_string (settings, "export-size", "poster");
  g_settings_set_int (settings, "export-custom-width", 5);
  g_settings_set_int (settings, "export-custom-height", 100000);
  g_settings_set_double (settings, "export-scale", 100);
  g_settings_set_int (settings, "export-dpi", 1);
  mer_export_choices_load (&loaded, settings);
  g_assert_cmpfloat (loaded.scale, ==, MER_EXPORT_MAX_SCALE);
  g_assert_cmpint (loaded.dpi, ==, MER_EXPORT_MIN_DPI);
  g_assert_cmpint (loaded.format, ==, MER_EXPORT_FORMAT_PNG);
  g_assert_cmpint (loaded.size, ==, MER_EXPORT_SIZE_VIEW);
  g_assert_cmpint (loaded.custom_width, ==, MER_EXPORT_MIN_SIZE);
  g_assert_cmpint (loaded.custom_height, ==, MER_EXPORT_MAX_SIZE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/export-service/basemap-once", test_basemap_once);
  g_test_add_func ("/render/export-service/basemap-threads", test_basemap_threads);
  g_test_add_func ("/render/export-service/basemap-unreadable", test_basemap_unreadable);
  g_test_add_func ("/render/export-service/render-matches-painters", test_render_matches_painters);
  g_test_add_func ("/render/export-service/render-slide", test_render_slide);
  g_test_add_func ("/render/export-choices/defaults", test_choices_defaults);
  g_test_add_func ("/render/export-choices/sizes", test_choices_sizes);
  g_test_add_func ("/render/export-choices/settings", test_choices_settings);
  g_test_add_func ("/render/export-choices/scale-and-paper", test_choices_scale_and_paper);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <math.h>

#include <cairo.h>
#include <glib.h>

/* Runs the real meridian executable as a user would, with no display. */

typedef struct {
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *result)
{
  g_free (result->out);
  g_free (result->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static void
run (Result     *result,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  int wait_status;
  va_list args;

  g_ptr_array_add (argv, (gpointer) MERIDIAN_BIN);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  /* Headless commands must not need a display. */
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");

  g_spawn_sync (TESTDATADIR, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &result->out, &result->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  result->status = WEXITSTATUS (wait_status);
}

static void
test_check_valid (void)
{
  g_auto(Result) r = { 0 };

  run (&r, "--check", "valid-small.json", SRCDIR "/data/events/russia-japan.json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==,
                   "valid-small.json: 3 events, 2 regions, 1 eras, 1 briefings\n"
                   SRCDIR "/data/events/russia-japan.json: 66 events, 9 regions, 6 eras, 2 briefings\n");
  g_assert_cmpstr (r.err, ==, "");
}

static void
test_check_invalid (void)
{
  g_auto(Result) r = { 0 };

  run (&r, "--check", "valid-small.json", "end-before-start.json", "unknown-member.json", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.out, ==,
                   "valid-small.json: 3 events, 2 regions, 1 eras, 1 briefings\n"
                   "unknown-member.json: 1 events, 0 regions, 0 eras, 0 briefings\n");
  g_assert_cmpstr (r.err, ==,
                   "end-before-start.json:3:64: error: eras[0].end: end \"1947\" is before start \"1991\"\n"
                   "end-before-start.json:5:62: error: events[0].end: end \"2016-12-14\" is before start \"2016-12-15\"\n"
                   "unknown-member.json:3:3: warning: titel: unknown member \"titel\" (did you mean \"title\"?)\n"
                   "unknown-member.json:5:49: warning: events[0].colour: unknown member \"colour\"\n"
                   "unknown-member.json:5:70: warning: events[0].x-note: unknown member \"x-note\"\n");
}

static void
test_check_unreadable (void)
{
  g_auto(Result) r = { 0 };

  run (&r, "--check", "version.json", "no-such-file.json", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_cmpstr (r.out, ==, "");
  g_assert_cmpstr (r.err, ==,
                   "version.json:2:15: error: meridian: unsupported version 2 (this Meridian reads version 1)\n"
                   "no-such-file.json: error: cannot read the file: No such file or directory\n");
}

static void
test_usage (void)
{
  g_auto(Result) no_files = { 0 };
  g_auto(Result) unknown = { 0 };
  g_auto(Result) version = { 0 };
  g_auto(Result) help = { 0 };

  run (&no_files, "--check", NULL);
  g_assert_cmpint (no_files.status, ==, 2);
  g_assert_cmpstr (no_files.err, ==, "meridian: --check needs at least one FILE\n");

  run (&unknown, "--frobnicate", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "Unknown option --frobnicate"));

  run (&version, "--version", NULL);
  g_assert_cmpint (version.status, ==, 0);
  g_assert_cmpstr (version.out, ==, "meridian " PACKAGE_VERSION "\n");

  run (&help, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--check"));
  g_assert_nonnull (strstr (help.out, "Russia–Japan"));
}

static char *
temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("meridian-export-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autofree char *command = g_strdup_printf ("rm -rf %s", dir);

  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
}

static guint32
png_pixel (const char *path,
           double      lat,
           double      lon,
           double      view_lat,
           double      view_lon,
           double      zoom,
           int        *width,
           int        *height)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);
  double world = 256 * pow (2, zoom);
  double x, y, cx, cy;
  guint32 pixel;

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  *width = cairo_image_surface_get_width (surface);
  *height = cairo_image_surface_get_height (surface);

  /* Web Mercator, as the map draws it. */
  cx = (view_lon + 180) / 360 * world;
  cy = (1 - log (tan (view_lat * G_PI / 180) + 1 / cos (view_lat * G_PI / 180)) / G_PI) / 2 * world;
  x = (lon + 180) / 360 * world - cx + *width / 2.0;
  /* The map is above the 77-pixel timeline strip. */
  y = (1 - log (tan (lat * G_PI / 180) + 1 / cos (lat * G_PI / 180)) / G_PI) / 2 * world - cy + (*height - 77) / 2.0;

  cairo_surface_flush (surface);
  pixel = *(guint32 *) (cairo_image_surface_get_data (surface) + (int) y * cairo_image_surface_get_stride (surface) +
                        (int) x * 4);
  cairo_surface_destroy (surface);
  return pixel & 0xffffff;
}

static double
redness (const char *path,
         double      lat,
         double      lon,
         double      view_lat,
         double      view_lon,
         double      zoom)
{
  int width, height;
  double total = 0;

  /* Averaged over a small square: hatch lines cross it. */
  for (int dy = -2; dy <= 2; dy++)
    for (int dx = -2; dx <= 2; dx++)
      {
        guint32 p = png_pixel (path, lat + dy * 0.01, lon + dx * 0.01, view_lat, view_lon, zoom, &width, &height);

        total += (double) ((p >> 16) & 0xff) - (double) (p & 0xff);
      }

  return total / 25;
}

/* PNG at the requested size, with the southern Kurils in their colour;
 * exporting the summit, which touches them, emphasises them. */
static void
test_export_png (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *plain = g_build_filename (dir, "plain.png", NULL);
  g_autofree char *same_view = g_build_filename (dir, "same-view.png", NULL);
  g_autofree char *summit = g_build_filename (dir, "summit.png", NULL);
  g_auto(Result) a = { 0 };
  g_auto(Result) b = { 0 };
  g_auto(Result) c = { 0 };
  g_auto(Result) d = { 0 };
  guint32 p;
  int width, height;

  run (&a, "--export", plain, "--view", "44.0,146.0,8", "--size", "800x600", NULL);
  g_assert_cmpint (a.status, ==, 0);
  g_assert_cmpstr (a.err, ==, "");

  /* Inside Kunashir, west of the view's centre. */
  p = png_pixel (plain, 43.95, 145.75, 44.0, 146.0, 8, &width, &height);
  g_assert_cmpint (width, ==, 800);
  g_assert_cmpint (height, ==, 600);
  g_assert_cmpuint ((p >> 16) & 0xff, >, (p & 0xff) + 20);

  run (&b, "--export", summit, "--event", "nagato-summit", "--view", "44.0,146.0,8", NULL);
  g_assert_cmpint (b.status, ==, 2);
  g_assert_cmpstr (b.err, ==, "meridian: --event and --view cannot be used together\n");

  /* The summit's own view is 36N 136E at zoom 5; Shikotan, in the southern
   * Kurils, is in it, clear of the labels and panels. */
  run (&c, "--export", same_view, "--view", "36,136,5", NULL);
  g_assert_cmpint (c.status, ==, 0);
  run (&d, "--export", summit, "--event", "nagato-summit", NULL);
  g_assert_cmpint (d.status, ==, 0);
  g_assert_cmpfloat (redness (summit, 43.797, 146.754, 36, 136, 5), >,
                     redness (same_view, 43.797, 146.754, 36, 136, 5) + 15);

  remove_dir (dir);
}

static void
test_export_svg_pdf (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *svg = g_build_filename (dir, "kurils.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "kurils.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *info = NULL;
  g_auto(Result) a = { 0 };
  g_auto(Result) b = { 0 };
  const char *argv[] = { "pdfinfo", pdf, NULL };

  run (&a, "--export", svg, "--view", "45,147,6", NULL);
  g_assert_cmpint (a.status, ==, 0);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<path"));
  g_assert_true (strstr (contents, "<text") != NULL || strstr (contents, "glyph") != NULL);
  /* Vector through and through: no picture of the page. */
  g_assert_null (strstr (contents, "<image"));

  run (&b, "--export", pdf, "--view", "45,147,6", NULL);
  g_assert_cmpint (b.status, ==, 0);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &info, NULL, NULL, NULL));
  g_assert_nonnull (strstr (info, "Pages:           1\n"));
  g_assert_nonnull (strstr (info, "841.89 x 595.28 pts (A4)"));

  remove_dir (dir);
}

static void
test_export_errors (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "map.png", NULL);
  g_autofree char *out = g_build_filename (dir, "map.png", NULL);
  g_autofree char *expected = NULL;
  g_auto(Result) unwritable = { 0 };
  g_auto(Result) extension = { 0 };
  g_auto(Result) event = { 0 };
  g_auto(Result) view = { 0 };
  g_auto(Result) size = { 0 };

  /* Cannot be written: status 1, a message, and no file at all. */
  run (&unwritable, "--export", missing, NULL);
  g_assert_cmpint (unwritable.status, ==, 1);
  expected = g_strdup_printf ("meridian: cannot write %s: No such file or directory\n", missing);
  g_assert_cmpstr (unwritable.err, ==, expected);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  run (&extension, "--export", "map.jpg", NULL);
  g_assert_cmpint (extension.status, ==, 2);
  g_assert_cmpstr (extension.err, ==, "meridian: map.jpg: unknown format; the name must end in .png, .svg or .pdf\n");

  run (&event, "--export", out, "--event", "no-such-event", NULL);
  g_assert_cmpint (event.status, ==, 2);
  g_assert_cmpstr (event.err, ==, "meridian: --event no-such-event: the story has no event with that id\n");

  run (&view, "--export", out, "--view", "95,0,4", NULL);
  g_assert_cmpint (view.status, ==, 2);
  g_assert_true (g_str_has_prefix (view.err, "meridian: --view 95,0,4: expected LAT,LON,ZOOM"));

  run (&size, "--export", out, "--size", "big", NULL);
  g_assert_cmpint (size.status, ==, 2);
  g_assert_true (g_str_has_prefix (size.err, "meridian: --size big: expected WIDTHxHEIGHT"));

  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  remove_dir (dir);
}

/* The bundled briefing has 12 slides: 13 pages with the title page. */
static void
test_handout (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "handout.pdf", NULL);
  g_autofree char *info = NULL;
  g_auto(Result) r = { 0 };
  g_auto(Result) bad = { 0 };
  const char *argv[] = { "pdfinfo", pdf, NULL };

  run (&r, "--handout", pdf, "--briefing", "reconciliation", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &info, NULL, NULL, NULL));
  g_assert_nonnull (strstr (info, "Pages:           13\n"));

  run (&bad, "--handout", pdf, "--briefing", "nope", NULL);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_cmpstr (bad.err, ==, "meridian: --briefing nope: the story has no briefing with that id\n");

  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/check/valid", test_check_valid);
  g_test_add_func ("/cli/check/invalid", test_check_invalid);
  g_test_add_func ("/cli/check/unreadable", test_check_unreadable);
  g_test_add_func ("/cli/usage", test_usage);
  g_test_add_func ("/cli/export/png", test_export_png);
  g_test_add_func ("/cli/export/svg-pdf", test_export_svg_pdf);
  g_test_add_func ("/cli/export/errors", test_export_errors);
  g_test_add_func ("/cli/handout", test_handout);

  return g_test_run ();
}

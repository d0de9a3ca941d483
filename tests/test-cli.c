/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <math.h>

#include <cairo.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "cli-test-utils.h"

/* Runs the real meridian executable as a user would, with no display. */

/* meridian run in tests/data. */
#define run(result, ...) run_meridian ((result), TESTDATADIR, __VA_ARGS__)

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

/* Files from other tools are checked as they are, found by their content. */
static void
test_check_imports (void)
{
  g_auto(Result) ok = { 0 };
  g_auto(Result) refused = { 0 };

  run (&ok, "--check", "import/timelinejs-story.json", "import/pair.csv", "import/story.kml", NULL);
  g_assert_cmpint (ok.status, ==, 0);
  g_assert_cmpstr (ok.out, ==,
                   "import/timelinejs-story.json: 8 events, 0 regions, 2 eras, 0 briefings\n"
                   "import/pair.csv: 4 events, 0 regions, 1 eras, 0 briefings\n"
                   "import/story.kml: 4 events, 2 regions, 0 eras, 0 briefings\n");

  run (&refused, "--check", "import/timelinejs2.json", NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "import/timelinejs2.json:2:15: error: this is TimelineJS 2 JSON"));
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
  g_assert_nonnull (strstr (info, "Page size:       841.89 x 595.276 pts (A4)\n"));

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

static cairo_surface_t *
load_png (const char *path)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (surface);
  return surface;
}

/* The resolution a PNG says it has, in dots per inch: its pHYs chunk, in
 * pixels per metre, must come right after the header. */
static double
png_dpi (const char *path)
{
  g_autofree guint8 *data = NULL;
  gsize length;
  guint32 x, y;

  g_assert_true (g_file_get_contents (path, (char **) &data, &length, NULL));
  g_assert_cmpuint (length, >, 50);
  g_assert_cmpmem (data + 37, 4, "pHYs", 4);
  x = (guint32) data[41] << 24 | (guint32) data[42] << 16 | (guint32) data[43] << 8 | data[44];
  y = (guint32) data[45] << 24 | (guint32) data[46] << 16 | (guint32) data[47] << 8 | data[48];
  g_assert_cmpuint (x, ==, y);
  g_assert_cmpuint (data[49], ==, 1);
  return round (x * 0.0254);
}

/* The mean difference per channel, 0–255, between @small and @large
 * shrunk by @factor (each of its factor × factor squares averaged). */
static double
mean_difference (cairo_surface_t *small,
                 cairo_surface_t *large,
                 int              factor)
{
  int width = cairo_image_surface_get_width (small);
  int height = cairo_image_surface_get_height (small);
  int small_stride = cairo_image_surface_get_stride (small);
  int large_stride = cairo_image_surface_get_stride (large);
  const guint8 *a = cairo_image_surface_get_data (small);
  const guint8 *b = cairo_image_surface_get_data (large);
  double total = 0;

  g_assert_cmpint (cairo_image_surface_get_width (large), ==, width * factor);
  g_assert_cmpint (cairo_image_surface_get_height (large), ==, height * factor);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      for (int c = 0; c < 3; c++)
        {
          double sum = 0;

          for (int dy = 0; dy < factor; dy++)
            for (int dx = 0; dx < factor; dx++)
              sum += b[(y * factor + dy) * large_stride + (x * factor + dx) * 4 + c];
          total += fabs (a[y * small_stride + x * 4 + c] - sum / (factor * factor));
        }

  return total / (width * height * 3.0);
}

static char *
run_tool (const char *tool,
          const char *path)
{
  const char *argv[] = { tool, path, NULL };
  g_autofree char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, NULL));
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  return g_steal_pointer (&out);
}

/* --scale makes text and symbols larger, not the area: 3840 × 2160 at
 * scale 2 is 1920 × 1080 at scale 1 with each pixel split in four. The
 * PNGs say their resolution: 96 dpi a unit, times the scale. */
static void
test_export_scale (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *small_path = g_build_filename (dir, "small.png", NULL);
  g_autofree char *large_path = g_build_filename (dir, "large.png", NULL);
  cairo_surface_t *small, *large;
  g_auto(Result) a = { 0 };
  g_auto(Result) b = { 0 };

  run (&a, "--export", small_path, "--view", "44.0,146.0,7", NULL);
  g_assert_cmpint (a.status, ==, 0);
  run (&b, "--export", large_path, "--view", "44.0,146.0,7", "--size", "3840x2160", "--scale", "2", NULL);
  g_assert_cmpint (b.status, ==, 0);
  g_assert_cmpstr (b.err, ==, "");

  /* Shrunk, the large picture is the small one: the same bounds, and
   * every coast, marker and word where it was. */
  small = load_png (small_path);
  large = load_png (large_path);
  g_assert_cmpint (cairo_image_surface_get_width (large), ==, 3840);
  g_assert_cmpint (cairo_image_surface_get_height (large), ==, 2160);
  g_assert_cmpfloat (mean_difference (small, large, 2), <, 4);
  cairo_surface_destroy (small);
  cairo_surface_destroy (large);

  g_assert_cmpfloat (png_dpi (small_path), ==, 96);
  g_assert_cmpfloat (png_dpi (large_path), ==, 192);

  remove_dir (dir);
}

/* Paper is in millimetres: the PDF's page in points, a PNG's pixels from
 * its resolution, which it carries. Files say what they show and who made
 * them when. */
static void
test_export_paper (void)
{
  static const struct {
    const char *paper;
    const char *page;
  } pages[] = {
    { "a4-portrait", "Page size:       595.276 x 841.89 pts (A4)\n" },
    { "a4-landscape", "Page size:       841.89 x 595.276 pts (A4)\n" },
    { "a3-portrait", "Page size:       841.89 x 1190.55 pts (A3)\n" },
    { "a5-landscape", "Page size:       595.276 x 419.528 pts\n" },
    { "letter-landscape", "Page size:       792 x 612 pts (letter)\n" },
    { "legal-portrait", "Page size:       612 x 1008 pts\n" },
  };
  g_autofree char *dir = temp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "page.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "page.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "page.svg", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *author = NULL;
  cairo_surface_t *surface;

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_auto(Result) r = { 0 };
      g_autofree char *info = NULL;

      run (&r, "--export", pdf, "--paper", pages[i].paper, NULL);
      g_assert_cmpint (r.status, ==, 0);
      info = run_tool ("pdfinfo", pdf);
      g_assert_nonnull (strstr (info, pages[i].page));
      g_assert_nonnull (strstr (info, "Title:           Russia and Japan\n"));
      g_assert_nonnull (strstr (info, "Subject:         From the 1855 border to the 2016 Putin–Abe summit, "
                                      "and what followed\n"));
      g_assert_nonnull (strstr (info, "Creator:         Meridian\n"));
      g_assert_nonnull (strstr (info, "CreationDate:    "));
    }

  {
    g_auto(Result) r = { 0 };
    g_autofree char *info = NULL;

    /* A size in pixels on paper is 96 of them an inch, at scale 1. */
    run (&r, "--export", pdf, "--size", "1920x1080", "--event", "nagato-summit", NULL);
    g_assert_cmpint (r.status, ==, 0);
    info = run_tool ("pdfinfo", pdf);
    g_assert_nonnull (strstr (info, "Page size:       1440 x 810 pts\n"));
    g_assert_nonnull (strstr (info, "Subject:         Putin–Abe summit in Nagato and Tokyo, 15–16 Dec 2016\n"));
    author = g_strdup_printf ("Author:          %s\n", g_strcmp0 (g_get_real_name (), "Unknown") != 0
                                                          ? g_get_real_name () : g_get_user_name ());
    g_assert_nonnull (strstr (info, author));
  }

  {
    g_auto(Result) r = { 0 };

    run (&r, "--export", png, "--paper", "a5-landscape", "--dpi", "100", NULL);
    g_assert_cmpint (r.status, ==, 0);
    surface = load_png (png);
    g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 827);
    g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 583);
    cairo_surface_destroy (surface);
    g_assert_cmpfloat (png_dpi (png), ==, 100);
  }

  {
    g_auto(Result) r = { 0 };

    run (&r, "--export", svg, "--paper", "a4-portrait", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "width=\"595.275591pt\" height=\"841.889764pt\""));
    g_assert_nonnull (strstr (contents, "<title>Russia and Japan</title>\n<desc>From the 1855 border"));
    g_assert_nonnull (strstr (contents, "<dc:creator>"));
    g_assert_nonnull (strstr (contents, "<dc:date>"));
  }

  remove_dir (dir);
}

/* Options that do not belong together are refused, naming both, before
 * anything is read or written. */
static void
test_conflicts (void)
{
  static const struct {
    const char *args[8];
    const char *message;
  } cases[] = {
    { { "--export", "x.png", "--briefing", "reconciliation" },
      "meridian: --briefing and --export cannot be used together\n" },
    { { "--present", "--export", "x.png" }, "meridian: --export and --present cannot be used together\n" },
    { { "--handout", "x.pdf", "--deck", "y.pdf" }, "meridian: --handout and --deck cannot be used together\n" },
    { { "--check", "valid-small.json", "--slides", "out" },
      "meridian: --check and --slides cannot be used together\n" },
    { { "--handout", "x.pdf", "--event", "nagato-summit" },
      "meridian: --event and --handout cannot be used together\n" },
    { { "--present", "--size", "800x600" }, "meridian: --size and --present cannot be used together\n" },
    { { "--deck", "x.pdf", "--scale", "2" }, "meridian: --scale and --deck cannot be used together\n" },
    { { "--size", "800x600" }, "meridian: --size needs --export\n" },
    { { "--briefing", "reconciliation" }, "meridian: --briefing needs --handout or --present or --deck or --slides\n" },
    { { "--export", "x.png", "--event", "nagato-summit", "--view", "44,146,7" },
      "meridian: --event and --view cannot be used together\n" },
    { { "--export", "x.png", "--size", "800x600", "--paper", "a4" },
      "meridian: --size and --paper cannot be used together\n" },
    { { "--export", "x.png", "--dpi", "300" }, "meridian: --dpi needs --paper; for a size in pixels, use --scale\n" },
    { { "--export", "x.pdf", "--paper", "a4", "--dpi", "300" },
      "meridian: --dpi is for PNG; a PDF or SVG page has no resolution\n" },
    { { "--export", "x.pdf", "--paper", "a2-portrait" },
      "meridian: --paper a2-portrait: expected a3, a4, a5, letter or legal, with -portrait or -landscape, "
      "e.g. a4-portrait\n" },
    { { "--export", "x.png", "--scale", "0" }, "meridian: --scale 0: expected a number from 0.25 to 8, e.g. 2\n" },
    { { "--export", "x.png", "--paper", "a3", "--dpi", "1200" },
      "meridian: --paper a3 at 1200 dpi would be 14032×19843 pixels; at most 16384 a side\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Result) r = { 0 };
      const char * const *a = cases[i].args;

      run (&r, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], NULL);
      g_assert_cmpint (r.status, ==, 2);
      g_assert_cmpstr (r.err, ==, cases[i].message);
      g_assert_cmpstr (r.out, ==, "");
      g_assert_false (g_file_test (TESTDATADIR "/x.png", G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (TESTDATADIR "/x.pdf", G_FILE_TEST_EXISTS));
    }
}

/* A file the user may not write is not replaced behind their back; one
 * they may is replaced and keeps its permissions. */
static void
test_export_read_only (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *locked = g_build_filename (dir, "locked.png", NULL);
  g_autofree char *open_file = g_build_filename (dir, "open.png", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;
  g_auto(Result) a = { 0 };
  g_auto(Result) b = { 0 };
  cairo_surface_t *surface;
  GStatBuf info;

  g_assert_true (g_file_set_contents (locked, "keep me", -1, NULL));
  g_assert_cmpint (g_chmod (locked, 0444), ==, 0);
  run (&a, "--export", locked, "--size", "64x64", NULL);
  g_assert_cmpint (a.status, ==, 1);
  expected = g_strdup_printf ("meridian: cannot write %s: Permission denied\n", locked);
  g_assert_cmpstr (a.err, ==, expected);
  g_assert_true (g_file_get_contents (locked, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "keep me");
  g_assert_cmpint (g_stat (locked, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 07777, ==, 0444);

  g_assert_true (g_file_set_contents (open_file, "replace me", -1, NULL));
  g_assert_cmpint (g_chmod (open_file, 0600), ==, 0);
  run (&b, "--export", open_file, "--size", "64x64", NULL);
  g_assert_cmpint (b.status, ==, 0);
  g_assert_cmpint (g_stat (open_file, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 07777, ==, 0600);
  surface = load_png (open_file);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 64);
  cairo_surface_destroy (surface);

  remove_dir (dir);
}

/* The deck and the slides are the same pictures: a 16:9 page per slide,
 * 20 × 11.25 inches, and a 1920 × 1080 PNG per slide. */
static void
test_deck (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "deck.pdf", NULL);
  g_autofree char *slides = g_build_filename (dir, "slides", NULL);
  g_autofree char *last = g_build_filename (slides, "slide-12.png", NULL);
  g_autofree char *first = g_build_filename (slides, "slide-01.png", NULL);
  g_autofree char *page_prefix = g_build_filename (dir, "page", NULL);
  g_autofree char *page = g_build_filename (dir, "page-01.png", NULL);
  g_autofree char *info = NULL;
  const char *argv[] = { "pdftoppm", "-png", "-r", "96", "-f", "1", "-l", "1", pdf, page_prefix, NULL };
  cairo_surface_t *from_pdf, *from_png;
  g_auto(Result) a = { 0 };
  g_auto(Result) b = { 0 };
  g_auto(Result) c = { 0 };

  run (&a, "--deck", pdf, "--briefing", "reconciliation", NULL);
  g_assert_cmpint (a.status, ==, 0);
  g_assert_cmpstr (a.err, ==, "");
  info = run_tool ("pdfinfo", pdf);
  g_assert_nonnull (strstr (info, "Pages:           12\n"));
  g_assert_nonnull (strstr (info, "Page size:       1440 x 810 pts\n"));

  run (&b, "--slides", slides, "--briefing", "reconciliation", NULL);
  g_assert_cmpint (b.status, ==, 0);
  g_assert_true (g_file_test (last, G_FILE_TEST_EXISTS));
  g_assert_cmpfloat (png_dpi (first), ==, 96);

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL));
  from_pdf = load_png (page);
  from_png = load_png (first);
  g_assert_cmpint (cairo_image_surface_get_width (from_pdf), ==, 1920);
  g_assert_cmpint (cairo_image_surface_get_height (from_pdf), ==, 1080);
  g_assert_cmpfloat (mean_difference (from_png, from_pdf, 1), <, 4);
  cairo_surface_destroy (from_pdf);
  cairo_surface_destroy (from_png);

  run (&c, "--deck", "deck.png", NULL);
  g_assert_cmpint (c.status, ==, 2);
  g_assert_cmpstr (c.err, ==, "meridian: deck.png: a deck is a PDF; the name must end in .pdf\n");

  remove_dir (dir);
}

/* The handout prints the speaker's notes, URLs as they read, and the
 * attribution whole. */
static void
test_handout_text (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "handout.pdf", NULL);
  g_autofree char *text = NULL;
  g_auto(Result) r = { 0 };
  const char *argv[] = { "pdftotext", "-raw", pdf, "-", NULL };

  run (&r, "--handout", pdf, "--briefing", "territorial-dispute", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &text, NULL, NULL, NULL));
  g_assert_nonnull (strstr (text, "Speaker notes"));
  g_assert_nonnull (strstr (text, "en.wikipedia.org/wiki/Soviet–Japanese_Joint_Declaration_of_1956\n"));
  g_assert_null (strstr (text, "%E2%80%93"));
  /* The title page has the attribution whole, which the maps shorten. */
  g_assert_nonnull (strstr (text, "The Japan Times and others); English Wikipedia.\nMaps made with Natural Earth.\n"));

  remove_dir (dir);
}

/* Pixels as dark as the point of view's line (the country names' ink) in
 * a 9 × 9 square around a place. */
static guint
count_ink (const char *path,
           double      lat,
           double      lon,
           double      view_lat,
           double      view_lon,
           double      zoom)
{
  guint ink = 0;

  for (int dy = -4; dy <= 4; dy++)
    for (int dx = -4; dx <= 4; dx++)
      {
        int width, height;
        /* About a pixel a step at zoom 7. */
        guint32 p = png_pixel (path, lat + dy * 0.008, lon + dx * 0.011, view_lat, view_lon, zoom, &width, &height);
        guint r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

        if (r + g + b < 3 * 120)
          ink++;
      }

  return ink;
}

/* As Tokyo draws it, the border runs between Iturup and Urup; as Moscow
 * draws it, between Kunashir and Hokkaido. The de facto map draws neither,
 * and an unknown point of view is refused, naming those there are. */
static void
test_export_pov (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *jpn = g_build_filename (dir, "jpn.png", NULL);
  g_autofree char *rus = g_build_filename (dir, "rus.png", NULL);
  g_autofree char *de_facto = g_build_filename (dir, "de-facto.png", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.png", NULL);
  g_autofree char *handout = g_build_filename (dir, "bad.pdf", NULL);
  g_auto(Result) a = { 0 };
  g_auto(Result) b = { 0 };
  g_auto(Result) c = { 0 };
  g_auto(Result) d = { 0 };
  g_auto(Result) e = { 0 };
  g_auto(Result) f = { 0 };
  /* On each side's line: in the Friza strait and between the Shiretoko
   * peninsula and Kunashir, clear of every marker. */
  const double friza[2] = { 45.5, 149.157 }, nemuro[2] = { 44.15, 145.55 };

  run (&a, "--export", jpn, "--pov", "jpn", "--view", "44.6,147.3,7", "--size", "1200x900", NULL);
  g_assert_cmpint (a.status, ==, 0);
  g_assert_cmpstr (a.err, ==, "");
  run (&b, "--export", rus, "--pov", "rus", "--view", "44.6,147.3,7", "--size", "1200x900", NULL);
  g_assert_cmpint (b.status, ==, 0);
  run (&c, "--export", de_facto, "--view", "44.6,147.3,7", "--size", "1200x900", NULL);
  g_assert_cmpint (c.status, ==, 0);

  g_assert_cmpuint (count_ink (jpn, friza[0], friza[1], 44.6, 147.3, 7), >=, 8);
  g_assert_cmpuint (count_ink (rus, friza[0], friza[1], 44.6, 147.3, 7), ==, 0);
  g_assert_cmpuint (count_ink (de_facto, friza[0], friza[1], 44.6, 147.3, 7), ==, 0);
  g_assert_cmpuint (count_ink (rus, nemuro[0], nemuro[1], 44.6, 147.3, 7), >=, 8);
  g_assert_cmpuint (count_ink (jpn, nemuro[0], nemuro[1], 44.6, 147.3, 7), ==, 0);
  g_assert_cmpuint (count_ink (de_facto, nemuro[0], nemuro[1], 44.6, 147.3, 7), ==, 0);

  run (&d, "--export", bad, "--pov", "xyz", NULL);
  g_assert_cmpint (d.status, ==, 2);
  g_assert_cmpstr (d.err, ==, "meridian: --pov xyz: no such point of view; the base map has jpn, rus, ukr, chn\n");
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  run (&e, "--handout", handout, "--pov", "JPN", NULL);
  g_assert_cmpint (e.status, ==, 2);
  g_assert_cmpstr (e.err, ==, "meridian: --pov JPN: no such point of view; the base map has jpn, rus, ukr, chn\n");
  g_assert_false (g_file_test (handout, G_FILE_TEST_EXISTS));
  run (&f, "--export", bad, "--as-of", "1945-13", NULL);
  g_assert_cmpint (f.status, ==, 2);
  g_assert_cmpstr (f.err, ==, "meridian: --as-of 1945-13: expected a date such as 1945-12-12\n");

  remove_dir (dir);
}

/* A date picked with --as-of draws the regions as of then, whatever the
 * time window: in 1920 the Sakhalin region is Karafuto, south of 50N, and
 * northern Sakhalin is plain land; in 1950 it is the whole island. */
static void
test_export_as_of (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *y1920 = g_build_filename (dir, "1920.png", NULL);
  g_autofree char *y1950 = g_build_filename (dir, "1950.png", NULL);
  g_auto(Result) a = { 0 };
  g_auto(Result) b = { 0 };
  int width, height;
  guint32 north, south;

  run (&a, "--export", y1920, "--time", "1900/1950", "--as-of", "1920-06-01", "--view", "50,142.8,6", "--size",
       "1400x900", NULL);
  g_assert_cmpint (a.status, ==, 0);
  g_assert_cmpstr (a.err, ==, "");
  run (&b, "--export", y1950, "--time", "1900/1920", "--as-of", "1950", "--view", "50,142.8,6", "--size", "1400x900",
       NULL);
  g_assert_cmpint (b.status, ==, 0);

  /* The base map's land colour, untinted. */
  north = png_pixel (y1920, 51.5, 142.8, 50, 142.8, 6, &width, &height);
  g_assert_cmphex (north, ==, 0xf3f1ea);
  north = png_pixel (y1950, 51.5, 142.8, 50, 142.8, 6, &width, &height);
  g_assert_cmphex (north, !=, 0xf3f1ea);
  g_assert_cmpuint ((north >> 8) & 0xff, >, ((north >> 16) & 0xff) + 30);
  /* South of 50N the region is there both times. */
  south = png_pixel (y1920, 47.5, 142.6, 50, 142.8, 6, &width, &height);
  g_assert_cmphex (south, ==, png_pixel (y1950, 47.5, 142.6, 50, 142.8, 6, &width, &height));
  g_assert_cmphex (south, ==, north);

  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/check/valid", test_check_valid);
  g_test_add_func ("/cli/check/invalid", test_check_invalid);
  g_test_add_func ("/cli/check/imports", test_check_imports);
  g_test_add_func ("/cli/check/unreadable", test_check_unreadable);
  g_test_add_func ("/cli/usage", test_usage);
  g_test_add_func ("/cli/export/png", test_export_png);
  g_test_add_func ("/cli/export/pov", test_export_pov);
  g_test_add_func ("/cli/export/as-of", test_export_as_of);
  g_test_add_func ("/cli/export/svg-pdf", test_export_svg_pdf);
  g_test_add_func ("/cli/export/errors", test_export_errors);
  g_test_add_func ("/cli/handout", test_handout);
  g_test_add_func ("/cli/handout/text", test_handout_text);
  g_test_add_func ("/cli/export/scale", test_export_scale);
  g_test_add_func ("/cli/export/paper", test_export_paper);
  g_test_add_func ("/cli/export/read-only", test_export_read_only);
  g_test_add_func ("/cli/conflicts", test_conflicts);
  g_test_add_func ("/cli/deck", test_deck);

  return g_test_run ();
}

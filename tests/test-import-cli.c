/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "cli-test-utils.h"

/* meridian --convert, --time-property and --title-property, run as a user
 * runs them, with no display. */

static char *tmpdir;

/* meridian run in tests/data/import. */
#define run(result, ...) run_meridian ((result), TESTDATADIR "/import", __VA_ARGS__)

/* An imported story converted to format v1 passes --check cleanly. */
static void
test_convert_v1 (void)
{
  g_autofree char *out = g_build_filename (tmpdir, "storymap.json", NULL);
  g_autofree char *expected = NULL;
  g_auto(Result) r = { 0 };
  g_auto(Result) check = { 0 };

  run (&r, "--convert", "storymap.json", out, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "");
  /* The importer's warnings say what it dropped; format v1 drops nothing
   * more. */
  g_assert_true (g_str_has_prefix (r.err, "storymap.json:26:17: warning: storymap.slides[3].date: \"some spring\""));

  run (&check, "--check", out, NULL);
  g_assert_cmpint (check.status, ==, 0);
  g_assert_cmpstr (check.err, ==, "");
  expected = g_strdup_printf ("%s: 2 events, 0 regions, 0 eras, 1 briefings\n", out);
  g_assert_cmpstr (check.out, ==, expected);
}

/* The sheet's Display Date becomes format 1's date_label, which --check
 * accepts and --convert writes back as the Display Date. */
static void
test_convert_date_label (void)
{
  g_autofree char *v1 = g_build_filename (tmpdir, "pair.json", NULL);
  g_autofree char *sheet = g_build_filename (tmpdir, "pair.csv", NULL);
  g_autofree char *v1_text = NULL;
  g_autofree char *sheet_text = NULL;
  g_auto(Result) r = { 0 };
  g_auto(Result) check = { 0 };
  g_auto(Result) back = { 0 };

  run (&r, "--convert", "pair.csv", v1, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_true (g_file_get_contents (v1, &v1_text, NULL, NULL));
  g_assert_nonnull (strstr (v1_text, "      \"start\": \"1855-02-07\",\n      \"date_label\": \"Winter 1855\",\n"));

  run (&check, "--check", v1, NULL);
  g_assert_cmpint (check.status, ==, 0);
  g_assert_cmpstr (check.err, ==, "");

  run (&back, "--convert", v1, sheet, NULL);
  g_assert_cmpint (back.status, ==, 0);
  g_assert_cmpstr (back.err, ==, "");
  g_assert_true (g_file_get_contents (sheet, &sheet_text, NULL, NULL));
  g_assert_nonnull (strstr (sheet_text, "\r\n1855,2,7,,,,,,Winter 1855,Treaty of Shimoda,"));
}

/* The other formats, with what they cannot carry on stderr. */
static void
test_convert_report (void)
{
  g_autofree char *out = g_build_filename (tmpdir, "story.timeline.json", NULL);
  g_autofree char *expected = NULL;
  g_auto(Result) r = { 0 };
  g_auto(Result) check = { 0 };

  run (&r, "--convert", "story.kml", out, NULL);
  g_assert_cmpint (r.status, ==, 0);
  expected = g_strdup_printf ("story.kml:41: warning: Placemark \"Untimed island\" has no TimeStamp or TimeSpan, nor "
                              "has its Folder; it is skipped\n"
                              "%s: dropped: 2 regions (the format has no polygons)\n"
                              "%s: dropped: the regions of 1 event\n"
                              "%s: dropped: the time zone of 1 event's dates\n", out, out, out);
  g_assert_cmpstr (r.err, ==, expected);

  run (&check, "--check", out, NULL);
  g_assert_cmpint (check.status, ==, 0);
  g_assert_cmpstr (check.err, ==, "");
}

/* A Meridian story comes out as the same bytes. */
static void
test_convert_identical (void)
{
  g_autofree char *out = g_build_filename (tmpdir, "copy.json", NULL);
  g_autofree char *original = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *expected = NULL;
  gsize original_length, copy_length;
  g_auto(Result) r = { 0 };
  g_auto(Result) check = { 0 };

  run (&r, "--convert", SRCDIR "/data/events/russia-japan.json", out, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_true (g_file_get_contents (SRCDIR "/data/events/russia-japan.json", &original, &original_length, NULL));
  g_assert_true (g_file_get_contents (out, &copy, &copy_length, NULL));
  g_assert_cmpmem (copy, copy_length, original, original_length);

  /* Its regions' geometry files came with it. */
  run (&check, "--check", out, NULL);
  g_assert_cmpint (check.status, ==, 0);
  g_assert_cmpstr (check.err, ==, "");
  expected = g_strdup_printf ("%s: 66 events, 9 regions, 6 eras, 2 briefings\n", out);
  g_assert_cmpstr (check.out, ==, expected);
}

static void
test_convert_usage (void)
{
  g_auto(Result) r = { 0 };
  g_auto(Result) missing = { 0 };

  run (&r, "--convert", "story.kml", "out.txt", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_cmpstr (r.err, ==,
                   "meridian: out.txt: the name must end in .json, .timeline.json, .geojson, .kml or .csv\n");

  run (&missing, "--convert", "story.kml", NULL);
  g_assert_cmpint (missing.status, ==, 2);
  g_assert_cmpstr (missing.err, ==, "meridian: --convert IN needs one OUT file to write\n");
}

/* --time-property and --title-property name what the usual names miss. */
static void
test_properties (void)
{
  g_auto(Result) r = { 0 };
  g_auto(Result) title = { 0 };

  run (&r, "--check", "--time-property", "EVENT_DATE", "table.csv", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "table.csv: 3 events, 0 regions, 0 eras, 0 briefings\n");

  run (&title, "--check", "--title-property", "notes", "table.csv", NULL);
  g_assert_cmpint (title.status, ==, 0);
}

static void
test_properties_refused (void)
{
  g_auto(Result) missing = { 0 };
  g_auto(Result) column = { 0 };
  g_auto(Result) kml = { 0 };
  g_auto(Result) sheet = { 0 };
  g_auto(Result) alone = { 0 };

  run (&missing, "--check", "--time-property", "when_it_was", "features.geojson", NULL);
  g_assert_cmpint (missing.status, ==, 2);
  g_assert_cmpstr (missing.err, ==,
                   "meridian: features.geojson: --time-property when_it_was: no feature has a property of that name\n");

  run (&column, "--check", "--title-property", "caption", "table.csv", NULL);
  g_assert_cmpint (column.status, ==, 2);
  g_assert_cmpstr (column.err, ==,
                   "meridian: table.csv: --title-property caption: the table has no column of that name\n");

  run (&kml, "--check", "--time-property", "when", "story.kml", NULL);
  g_assert_cmpint (kml.status, ==, 2);
  g_assert_cmpstr (kml.err, ==, "meridian: story.kml: --time-property is for GeoJSON files and CSV tables of points, "
                                "and this file is neither\n");

  /* The TimelineJS sheet has fixed columns. */
  run (&sheet, "--check", "--time-property", "Year", "pair.csv", NULL);
  g_assert_cmpint (sheet.status, ==, 2);

  run (&alone, "--time-property", "time", "features.geojson", NULL);
  g_assert_cmpint (alone.status, ==, 2);
  g_assert_cmpstr (alone.err, ==, "meridian: --time-property needs --check or --convert or --export or --handout or "
                                  "--deck or --slides\n");
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("meridian-import-cli-XXXXXX", NULL);

  g_test_add_func ("/app/import-cli/convert-v1", test_convert_v1);
  g_test_add_func ("/app/import-cli/convert-report", test_convert_report);
  g_test_add_func ("/app/import-cli/convert-date-label", test_convert_date_label);
  g_test_add_func ("/app/import-cli/convert-identical", test_convert_identical);
  g_test_add_func ("/app/import-cli/convert-usage", test_convert_usage);
  g_test_add_func ("/app/import-cli/properties", test_properties);
  g_test_add_func ("/app/import-cli/properties-refused", test_properties_refused);

  status = g_test_run ();
  remove_tree (tmpdir);
  g_free (tmpdir);
  return status;
}

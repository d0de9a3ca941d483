/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "mer-convert.h"
#include "mer-diagnostic.h"
#include "mer-document.h"
#include "mer-document-writer.h"
#include "mer-import.h"

/* Stories written out by --convert and read back by the importers: the
 * events must come back with their titles, dates at their precision and
 * places. */

#define IMPORT_DATA TESTDATADIR "/import/"

static char *tmpdir;

/* An event as the formats all carry it. */
static char *
dump_event (MerEvent *event)
{
  GString *s = g_string_new (NULL);
  g_autofree char *start = mer_date_to_iso (mer_event_get_start (event));
  guint n_places = 0;
  const MerPlace *places = mer_event_get_places (event, &n_places);

  g_string_append_printf (s, "%s | %s", mer_event_get_title (event), start);
  if (mer_event_get_end (event) != NULL)
    {
      g_autofree char *end = mer_date_to_iso (mer_event_get_end (event));

      g_string_append_printf (s, "..%s", end);
    }
  if (n_places > 0)
    g_string_append_printf (s, " | %.5f %.5f", places[0].lat, places[0].lon);
  return g_string_free (s, FALSE);
}

static char *
dump_events (MerDocument *document)
{
  GListModel *events = mer_document_get_events (document);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(MerEvent) event = g_list_model_get_item (events, i);
      g_autofree char *line = dump_event (event);

      g_string_append_printf (s, "%s\n", line);
    }
  return g_string_free (s, FALSE);
}

static MerDocument *
load (const char *path)
{
  g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  MerDocument *document = mer_import_load_file (path, NULL, diagnostics, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < diagnostics->len; i++)
    g_assert_cmpint (((MerDiagnostic *) g_ptr_array_index (diagnostics, i))->severity, !=, MER_SEVERITY_ERROR);
  return document;
}

/* Writes @document as @name in the temporary folder and reads it back. */
static MerDocument *
round_trip (MerDocument *document,
            const char  *name,
            GPtrArray   *report)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr(GError) error = NULL;
  MerConvertFormat format;

  g_assert_true (mer_convert_format_from_path (path, &format));
  g_assert_true (mer_convert_write (document, format, path, report, &error));
  g_assert_no_error (error);
  return load (path);
}

static void
test_formats (void)
{
  MerConvertFormat format;

  g_assert_true (mer_convert_format_from_path ("a.timeline.json", &format));
  g_assert_cmpint (format, ==, MER_CONVERT_FORMAT_TIMELINEJS);
  g_assert_true (mer_convert_format_from_path ("A.JSON", &format));
  g_assert_cmpint (format, ==, MER_CONVERT_FORMAT_MERIDIAN);
  g_assert_true (mer_convert_format_from_path ("a.geojson", &format));
  g_assert_cmpint (format, ==, MER_CONVERT_FORMAT_GEOJSON);
  g_assert_true (mer_convert_format_from_path ("a.kml", &format));
  g_assert_cmpint (format, ==, MER_CONVERT_FORMAT_KML);
  g_assert_true (mer_convert_format_from_path ("a.csv", &format));
  g_assert_cmpint (format, ==, MER_CONVERT_FORMAT_CSV);
  g_assert_false (mer_convert_format_from_path ("a.txt", &format));
  g_assert_false (mer_convert_format_from_path (".json", &format));
}

/* Every format gives back the bundled story's events. */
static void
test_round_trip_story (void)
{
  g_autoptr(MerDocument) original = load (SRCDIR "/data/events/russia-japan.json");
  g_autofree char *expected = dump_events (original);
  const char *names[] = { "story.json", "story.timeline.json", "story.geojson", "story.kml", "story.csv" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GPtrArray) report = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(MerDocument) back = round_trip (original, names[i], report);
      g_autofree char *events = dump_events (back);

      g_test_message ("%s", names[i]);
      g_assert_cmpstr (events, ==, expected);
      g_assert_cmpstr (mer_document_get_title (back), ==, "Russia and Japan");
    }
}

/* A format-v1 copy keeps everything the document holds. */
static void
test_meridian_keeps_all (void)
{
  g_autoptr(MerDocument) original = load (IMPORT_DATA "storymap.json");
  g_autoptr(GPtrArray) report = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(MerDocument) back = round_trip (original, "storymap.json", report);
  g_autoptr(MerBriefing) briefing = g_list_model_get_item (mer_document_get_briefings (back), 0);
  g_autoptr(MerBriefing) first = g_list_model_get_item (mer_document_get_briefings (original), 0);
  g_autofree char *expected = dump_events (original);
  g_autofree char *events = dump_events (back);

  g_assert_cmpuint (report->len, ==, 0);
  g_assert_cmpstr (events, ==, expected);
  g_assert_null (mer_document_get_imported_from (back));
  g_assert_cmpstr (mer_document_get_title (back), ==, mer_document_get_title (original));
  g_assert_cmpuint (mer_briefing_get_n_slides (briefing), ==, mer_briefing_get_n_slides (first));
  for (guint i = 0; i < mer_briefing_get_n_slides (first); i++)
    {
      MerSlide *a = mer_briefing_get_slide (first, i);
      MerSlide *b = mer_briefing_get_slide (briefing, i);

      g_assert_cmpstr (mer_slide_get_caption (a), ==, mer_slide_get_caption (b));
      g_assert_cmpstr (mer_slide_get_notes (a), ==, mer_slide_get_notes (b));
      g_assert_cmpfloat (mer_slide_get_view (a)->zoom, ==, mer_slide_get_view (b)->zoom);
    }
}

/* The bundled story written whole in format v1 keeps its revision date
 * and its slides' points of view. */
static void
test_meridian_story (void)
{
  g_autoptr(MerDocument) original = load (SRCDIR "/data/events/russia-japan.json");
  g_autoptr(GPtrArray) report = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(MerDocument) back = round_trip (original, "whole.json", report);
  GListModel *briefings = mer_document_get_briefings (original);
  guint n_pov = 0;

  g_assert_cmpuint (report->len, ==, 0);
  g_assert_nonnull (mer_document_get_revised (back));
  g_assert_cmpint (mer_date_compare (mer_document_get_revised (back), mer_document_get_revised (original)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (mer_document_get_briefings (back)), ==,
                    g_list_model_get_n_items (briefings));
  for (guint i = 0; i < g_list_model_get_n_items (briefings); i++)
    {
      g_autoptr(MerBriefing) a = g_list_model_get_item (briefings, i);
      g_autoptr(MerBriefing) b = g_list_model_get_item (mer_document_get_briefings (back), i);

      g_assert_cmpuint (mer_briefing_get_n_slides (a), ==, mer_briefing_get_n_slides (b));
      for (guint j = 0; j < mer_briefing_get_n_slides (a); j++)
        {
          g_assert_cmpstr (mer_slide_get_pov (mer_briefing_get_slide (a, j)), ==,
                           mer_slide_get_pov (mer_briefing_get_slide (b, j)));
          n_pov += mer_slide_get_pov (mer_briefing_get_slide (a, j)) != NULL;
        }
    }
  g_assert_cmpuint (n_pov, >, 0);
}

/* Regions and their polygons come through GeoJSON, KML and format v1. */
static void
test_regions (void)
{
  g_autoptr(MerDocument) original = load (IMPORT_DATA "story.kml");
  const char *names[] = { "regions.json", "regions.geojson", "regions.kml" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GPtrArray) report = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(MerDocument) back = round_trip (original, names[i], report);
      GListModel *regions = mer_document_get_regions (back);
      g_autoptr(MerRegion) region = NULL;
      g_autoptr(MerRegion) first = g_list_model_get_item (mer_document_get_regions (original), 0);
      guint n_points = 0, n_first = 0;

      g_assert_cmpuint (g_list_model_get_n_items (regions), ==, 2);
      region = g_list_model_get_item (regions, 0);
      g_assert_cmpstr (mer_region_get_name (region), ==, mer_region_get_name (first));
      mer_geometry_get_points (mer_region_get_geometry (region), &n_points);
      mer_geometry_get_points (mer_region_get_geometry (first), &n_first);
      g_assert_cmpuint (n_points, ==, n_first);
    }
}

/* What a format cannot carry is reported, and years beyond nine digits
 * are left out of the formats written with ISO 8601 dates. */
static void
test_report (void)
{
  g_autoptr(MerDocument) story = load (SRCDIR "/data/events/russia-japan.json");
  g_autoptr(MerDocument) cosmos = load (IMPORT_DATA "timelinejs-story.json");
  g_autoptr(GPtrArray) report = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) cosmic = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) timeline = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = mer_convert_to_text (story, MER_CONVERT_FORMAT_TIMELINEJS, report);
  g_autofree char *v1 = mer_convert_to_text (cosmos, MER_CONVERT_FORMAT_MERIDIAN, cosmic);
  g_autofree char *tl = mer_convert_to_text (cosmos, MER_CONVERT_FORMAT_TIMELINEJS, timeline);

  g_assert_cmpuint (report->len, ==, 12);
  g_assert_cmpstr (g_ptr_array_index (report, 11), ==, "the date the story was revised");
  g_assert_cmpstr (g_ptr_array_index (report, 0), ==, "2 briefings (the format has no slides)");
  g_assert_cmpstr (g_ptr_array_index (report, 1), ==, "9 regions (the format has no polygons)");
  g_assert_cmpstr (g_ptr_array_index (report, 2), ==, "the regions of 48 events");

  g_assert_cmpuint (cosmic->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (cosmic, 0), ==,
                   "event \"Big Bang\" is dropped: its year has more than 9 digits, which format 1 cannot write");
  /* TimelineJS holds the Big Bang. */
  g_assert_nonnull (strstr (tl, "\"year\": -13800000000\n"));
}

/* The sheet makes ids again from the headlines: events are found by title. */
static MerEvent *
find_event (MerDocument *document,
            const char  *title)
{
  GListModel *events = mer_document_get_events (document);

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(MerEvent) event = g_list_model_get_item (events, i);

      if (g_str_equal (mer_event_get_title (event), title))
        return event;
    }
  g_assert_not_reached ();
}

/* Date labels go out as format 1's date_label, TimelineJS's display_date
 * and the sheet's Display Date, and come back; GeoJSON and KML say they
 * drop them. */
static void
test_date_labels (void)
{
  g_autoptr(MerDocument) original = load (IMPORT_DATA "timelinejs-story.json");
  static const struct {
    const char *name;
    const char *dropped;
  } cases[] = {
    { "labels.json", NULL },
    { "labels.timeline.json", NULL },
    { "labels.csv", NULL },
    { "labels.geojson", "the date labels of 4 events" },
    { "labels.kml", "the date labels of 4 events" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) report = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(MerDocument) back = round_trip (original, cases[i].name, report);
      gboolean reported = FALSE;

      g_test_message ("%s", cases[i].name);
      for (guint j = 0; j < report->len; j++)
        reported |= g_strcmp0 (g_ptr_array_index (report, j), cases[i].dropped) == 0;
      g_assert_true (reported == (cases[i].dropped != NULL));
      if (cases[i].dropped != NULL)
        continue;

      g_assert_cmpstr (mer_event_get_date_label (find_event (back, "Five hundred BCE")), ==, "500 BCE – 400 BCE");
      g_assert_cmpstr (mer_event_get_date_label (find_event (back, "Broadcast at noon")), ==, "Noon, 15 August");
      g_assert_null (mer_event_get_date_label (find_event (back, "Treaty of Shimoda")));
    }

  /* Format 1 writes the member as the loader reads it. */
  {
    g_autoptr(GPtrArray) report = g_ptr_array_new_with_free_func (g_free);
    g_autofree char *v1 = mer_convert_to_text (original, MER_CONVERT_FORMAT_MERIDIAN, report);

    g_assert_nonnull (strstr (v1, "\"date_label\": \"Spring and summer 1875\",\n"));
  }
}

/* A Meridian story converted to a Meridian story is the same bytes. */
static void
test_copy_story (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "copy.json", NULL);
  g_autofree char *original = NULL;
  g_autofree char *copy = NULL;
  g_autoptr(GError) error = NULL;
  gsize original_length, copy_length;

  g_assert_true (mer_document_writer_copy_story (SRCDIR "/data/events/russia-japan.json", path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (SRCDIR "/data/events/russia-japan.json", &original, &original_length, NULL));
  g_assert_true (g_file_get_contents (path, &copy, &copy_length, NULL));
  g_assert_cmpmem (copy, copy_length, original, original_length);
}

/* The properties and columns --time-property and the dialog choose from. */
static void
test_fields (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MerImportFields) geojson = mer_import_read_fields (IMPORT_DATA "features.geojson", &error);
  g_autoptr(MerImportFields) table = mer_import_read_fields (IMPORT_DATA "table.csv", &error);
  g_autoptr(MerImportFields) sheet = mer_import_read_fields (IMPORT_DATA "pair.csv", &error);
  g_autoptr(MerImportFields) kml = mer_import_read_fields (IMPORT_DATA "story.kml", &error);
  g_autofree char *names = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (geojson->format, ==, "GeoJSON");
  g_assert_cmpstr (geojson->title, ==, "title");
  g_assert_true (mer_import_fields_has (geojson, "name"));
  g_assert_false (mer_import_fields_has (geojson, "nope"));

  g_assert_cmpstr (table->format, ==, "CSV");
  names = g_strjoinv (",", table->names);
  g_assert_cmpstr (names, ==, "event_id_cnty,event_date,year,event_type,location,latitude,longitude,notes,source,"
                              "fatalities");
  g_assert_cmpstr (table->time, ==, "event_date");
  g_assert_null (table->end);
  g_assert_null (table->title);
  g_assert_true (mer_import_fields_has (table, "Event Date"));

  g_assert_null (sheet);
  g_assert_null (kml);
}

/* The copied story's geometry files went into a folder of their own. */
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
  tmpdir = g_dir_make_tmp ("meridian-convert-XXXXXX", NULL);

  g_test_add_func ("/core/convert/formats", test_formats);
  g_test_add_func ("/core/convert/round-trip", test_round_trip_story);
  g_test_add_func ("/core/convert/meridian", test_meridian_keeps_all);
  g_test_add_func ("/core/convert/meridian-story", test_meridian_story);
  g_test_add_func ("/core/convert/regions", test_regions);
  g_test_add_func ("/core/convert/report", test_report);
  g_test_add_func ("/core/convert/date-labels", test_date_labels);
  g_test_add_func ("/core/convert/copy-story", test_copy_story);
  g_test_add_func ("/core/convert/fields", test_fields);

  status = g_test_run ();
  remove_tree (tmpdir);
  g_free (tmpdir);
  return status;
}

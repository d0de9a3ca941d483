/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "mer-diagnostic.h"
#include "mer-loader.h"

/* Each bad-input class has a fixture in tests/data and the exact messages it
 * must produce: file, line, column, path and text. */

typedef struct {
  const char *fixture;
  int         code;           /* -1: loads */
  const char *expected[8];
} FixtureCase;

static const FixtureCase fixtures[] = {
  { "syntax-missing-value.json", MER_LOADER_ERROR_INVALID, {
      "syntax-missing-value.json:4:1: error: unexpected character `}', expected a value",
  } },
  { "syntax-trailing-comma.json", MER_LOADER_ERROR_INVALID, {
      "syntax-trailing-comma.json:4:49: error: trailing comma: nothing may follow the last comma in an object or array",
  } },
  { "empty.json", MER_LOADER_ERROR_INVALID, {
      "empty.json:1:1: error: the file is empty",
  } },
  { "not-object.json", MER_LOADER_ERROR_INVALID, {
      "not-object.json:1:1: error: the top level must be an object, found an array",
  } },
  { "version.json", MER_LOADER_ERROR_INVALID, {
      "version.json:2:15: error: meridian: unsupported version 2 (this Meridian reads version 1)",
  } },
  { "no-version.json", MER_LOADER_ERROR_INVALID, {
      "no-version.json:1:1: error: missing required member \"meridian\" (the format version, 1)",
  } },
  { "missing-required.json", MER_LOADER_ERROR_INVALID, {
      "missing-required.json:4:5: error: events[0]: missing required member \"title\"",
      "missing-required.json:5:5: error: events[1]: missing required member \"id\"",
      "missing-required.json:7:13: error: eras[0]: missing required member \"end\"",
      "missing-required.json:8:16: error: regions[0]: missing required member \"name\"",
  } },
  { "wrong-type.json", MER_LOADER_ERROR_INVALID, {
      "wrong-type.json:3:12: error: title: expected a string, found an array",
      "wrong-type.json:5:27: error: events[0].title: expected a string, found a number",
      "wrong-type.json:5:56: error: events[0].circa: expected true or false, found a string",
      "wrong-type.json:6:17: error: events[0].places: expected an array, found an object",
      "wrong-type.json:6:54: error: events[0].tags[1]: expected a string, found a number",
      "wrong-type.json:8:17: error: categories: expected an array, found a string",
  } },
  { "date-label.json", MER_LOADER_ERROR_INVALID, {
      "date-label.json:4:63: error: events[0].date_label: expected a string, found a number",
      "date-label.json:5:63: error: events[1].date_label: expected a string, found an array",
  } },
  { "range.json", MER_LOADER_ERROR_INVALID, {
      "range.json:3:44: error: view.zoom: 25 is out of range [0, 20]",
      "range.json:10:37: error: events[0].places[0].lat: 95 is out of range [-90, 90]",
      "range.json:10:48: error: events[0].places[0].lon: -181.5 is out of range [-180, 180]",
      "range.json:12:21: error: events[0].importance: 7 is out of range [1, 5]",
  } },
  { "infinite.json", MER_LOADER_ERROR_INVALID, {
      "infinite.json:5:28: error: events[0].places[0].lat: 1e400 is not a finite number",
      "infinite.json:5:42: error: events[0].places[0].lon: -1e400 is not a finite number",
  } },
  { "bad-date.json", MER_LOADER_ERROR_INVALID, {
      "bad-date.json:4:41: error: events[0].start: \"2016-13-01\" is not a valid date (month 13)",
      "bad-date.json:5:41: error: events[1].start: \"2015-02-29\" is not a valid date (February 2015 has 28 days)",
      "bad-date.json:6:41: error: events[2].start: \"16-12-15\" is not a valid date (a year needs at least 4 digits)",
      "bad-date.json:7:41: error: events[3].start: \"2016-12-15T25:00\" is not a valid date (hour 25)",
      "bad-date.json:8:41: error: events[4].start: \"15 December 2016\" is not a valid date "
        "(expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss][Z|±hh:mm])",
  } },
  { "end-before-start.json", MER_LOADER_ERROR_INVALID, {
      "end-before-start.json:3:64: error: eras[0].end: end \"1947\" is before start \"1991\"",
      "end-before-start.json:5:62: error: events[0].end: end \"2016-12-14\" is before start \"2016-12-15\"",
  } },
  { "duplicate-id.json", MER_LOADER_ERROR_INVALID, {
      "duplicate-id.json:5:13: error: categories[1].id: duplicate category id \"war\" (first defined on line 4)",
      "duplicate-id.json:9:13: error: events[1].id: duplicate event id \"summit\" (first defined on line 8)",
  } },
  { "unresolved-ref.json", MER_LOADER_ERROR_INVALID, {
      "unresolved-ref.json:4:61: error: events[0].category: unknown category \"diplomacy\"",
      "unresolved-ref.json:5:20: error: events[0].regions[0]: unknown region \"kurils\"",
      "unresolved-ref.json:9:48: error: briefings[0].slides[1].event: unknown event \"summit\"",
      "unresolved-ref.json:9:71: error: briefings[0].slides[1].regions[0]: unknown region \"crimea\"",
  } },
  { "history-errors.json", MER_LOADER_ERROR_INVALID, {
      "history-errors.json:8:20: error: regions[0].history[1].start: this period overlaps history[0], which starts on \"1875-08-22\"",
      "history-errors.json:9:41: error: regions[0].history[2].end: end \"1945\" is before start \"1946-02-02\"",
      "history-errors.json:10:63: error: regions[0].history[3].claimed_by: expected a string or an array of strings, found a number",
      "history-errors.json:10:76: error: regions[0].history[3].status: \"contested\" is not a region status "
        "(expected undisputed, disputed, occupied, annexed or settled)",
  } },
  { "bad-color.json", MER_LOADER_ERROR_INVALID, {
      "bad-color.json:4:40: error: categories[0].color: \"#1c71d\" is not a colour (expected #rrggbb)",
      "bad-color.json:5:40: error: categories[1].color: \"blue\" is not a colour (expected #rrggbb)",
  } },
  { "geometry-absolute.json", MER_LOADER_ERROR_INVALID, {
      "geometry-absolute.json:3:54: error: regions[0].geometry: geometry path \"/etc/passwd\" "
        "must be relative to the event file's folder",
  } },
  { "geometry-escape.json", MER_LOADER_ERROR_INVALID, {
      "geometry-escape.json:3:54: error: regions[0].geometry: geometry path \"regions/../../secret.geojson\" "
        "leaves the event file's folder",
  } },
  { "geometry-missing.json", MER_LOADER_ERROR_INVALID, {
      "geometry-missing.json:3:54: error: regions[0].geometry: cannot read geometry file "
        "\"regions/missing.geojson\": No such file or directory",
  } },
  { "geometry-ring.json", MER_LOADER_ERROR_INVALID, {
      "geometry-ring.json:6:38: error: regions[0].geometry.coordinates[0]: a ring has 3 positions; it needs at least 4",
      "geometry-ring.json:9:38: error: regions[1].geometry.coordinates[0]: the ring is not closed: "
        "its first and last positions differ",
      "geometry-ring.json:11:29: error: regions[2].geometry.type: a region needs a Polygon or MultiPolygon, "
        "found \"Point\"",
  } },
  { "geometry-file-errors.json", MER_LOADER_ERROR_INVALID, {
      "regions/bad.geojson:6:40: error: features[0].geometry.coordinates[0][0]: a ring has 3 positions; "
        "it needs at least 4",
      "regions/bad.geojson:9:42: error: features[1].geometry.coordinates[0][0][0]: 200 is out of range [-180, 180]",
      "regions/bad.geojson:9:81: error: features[1].geometry.coordinates[0][3][0]: 200 is out of range [-180, 180]",
      "geometry-file-errors.json:3:54: error: regions[0].geometry: geometry file \"regions/bad.geojson\" has errors",
  } },
  { "invalid-utf8.json", MER_LOADER_ERROR_INVALID, {
      "invalid-utf8.json:3:16: error: the file is not valid UTF-8 text",
  } },
  { "unknown-member.json", -1, {
      "unknown-member.json:3:3: warning: titel: unknown member \"titel\" (did you mean \"title\"?)",
      "unknown-member.json:5:49: warning: events[0].colour: unknown member \"colour\"",
      "unknown-member.json:5:70: warning: events[0].x-note: unknown member \"x-note\"",
  } },
  { "pov-revised-errors.json", MER_LOADER_ERROR_INVALID, {
      "pov-revised-errors.json:3:14: error: revised: \"2026-13\" is not a valid date (month 13)",
      "pov-revised-errors.json:7:30: error: briefings[0].slides[0].pov: \"Japan\" is not a point of view: three "
      "lowercase letters, as \"jpn\"",
      "pov-revised-errors.json:8:30: error: briefings[0].slides[1].pov: expected a string, found a number",
  } },
  { "valid-small.json", -1, { NULL } },
};

static MerDocument *
load (const char *path,
      const char *display_name,
      GPtrArray  *diagnostics,
      GError    **error)
{
  MerDocument *document = mer_loader_load_file (path, display_name, diagnostics, error);

  for (guint i = 0; i < diagnostics->len; i++)
    {
      g_autofree char *line = mer_diagnostic_to_string (g_ptr_array_index (diagnostics, i));
      g_test_message ("%s", line);
    }

  return document;
}

static void
assert_diagnostics (GPtrArray          *diagnostics,
                    const char * const *expected)
{
  guint n_expected = 0;

  while (n_expected < 8 && expected[n_expected] != NULL)
    n_expected++;

  for (guint i = 0; i < MIN (diagnostics->len, n_expected); i++)
    {
      g_autofree char *line = mer_diagnostic_to_string (g_ptr_array_index (diagnostics, i));
      g_assert_cmpstr (line, ==, expected[i]);
    }
  g_assert_cmpuint (diagnostics->len, ==, n_expected);
}

static void
test_fixture (gconstpointer data)
{
  const FixtureCase *c = data;
  g_autofree char *path = g_build_filename (TESTDATADIR, c->fixture, NULL);
  g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MerDocument) document = NULL;

  document = load (path, c->fixture, diagnostics, &error);

  if (c->code < 0)
    {
      g_assert_no_error (error);
      g_assert_nonnull (document);
    }
  else
    {
      g_assert_error (error, MER_LOADER_ERROR, c->code);
      g_assert_null (document);
    }

  assert_diagnostics (diagnostics, c->expected);
}

/* json-glib's messages are translated; Meridian's are its own, so a
 * German locale changes none of them. Only the system's own words for an
 * error (g_strerror) follow the locale, as they should. */
static void
test_fixtures_locale (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));

  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("the de_DE.UTF-8 locale is not installed (Debian: locales-all)");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    if (strstr (fixtures[i].expected[0] != NULL ? fixtures[i].expected[0] : "", "No such file") == NULL)
      test_fixture (&fixtures[i]);
  setlocale (LC_ALL, saved);
}

static char *
write_temp (const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("meridian-test-XXXXXX", &error);
  char *path;

  g_assert_no_error (error);
  path = g_build_filename (dir, name, NULL);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return path;
}

static void
remove_temp (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_remove (path);
  g_rmdir (dir);
}

/* json-glib 1.6 overflows the stack on deep nesting: the loader must refuse
 * it before json-glib sees it. */
static void
test_deep_nesting (void)
{
  const guint depth = 100000;
  g_autoptr(GString) text = g_string_new ("{\"meridian\": 1, \"x\": ");
  g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MerDocument) document = NULL;
  g_autofree char *path = NULL;
  static const char *expected[] = {
    "deep.json:1:149: error: nesting is deeper than 128 levels", NULL
  };

  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, ']');
  g_string_append_c (text, '}');

  path = write_temp ("deep.json", text->str, (gssize) text->len);
  document = load (path, "deep.json", diagnostics, &error);
  g_assert_error (error, MER_LOADER_ERROR, MER_LOADER_ERROR_INVALID);
  g_assert_null (document);
  assert_diagnostics (diagnostics, expected);
  remove_temp (path);
}

static void
test_too_large (void)
{
  g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MerDocument) document = NULL;
  g_autofree char *path = write_temp ("large.json", "", 0);
  static const char *expected[] = {
    "large.json: error: the file is 513.0 MiB; Meridian reads files of up to 512.0 MiB", NULL
  };
  int fd;

  /* A sparse file: it takes no disk space and is refused before reading. */
  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) 513 * 1024 * 1024), ==, 0);
  close (fd);

  document = load (path, "large.json", diagnostics, &error);
  g_assert_error (error, MER_LOADER_ERROR, MER_LOADER_ERROR_TOO_LARGE);
  g_assert_null (document);
  assert_diagnostics (diagnostics, expected);
  remove_temp (path);
}

/* A date label is shown before the dates, which stay beside it; one that
 * only repeats the dates is not shown twice. */
static void
test_date_label (void)
{
  static const char text[] =
    "{ \"meridian\": 1, \"events\": [\n"
    "  { \"id\": \"spring\", \"title\": \"S\", \"start\": \"1945-03\", \"end\": \"1945-05\",\n"
    "    \"circa\": true, \"date_label\": \"Spring 1945\" },\n"
    "  { \"id\": \"same\", \"title\": \"T\", \"start\": \"1945\", \"date_label\": \"1945\" },\n"
    "  { \"id\": \"none\", \"title\": \"U\", \"start\": \"1946\", \"date_label\": \"\" } ] }\n";
  g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MerDocument) document = NULL;
  g_autofree char *path = write_temp ("label.json", text, -1);
  g_autofree char *spring_shown = NULL, *spring_dates = NULL, *same_shown = NULL, *none_shown = NULL;
  MerEvent *spring, *same, *none;

  document = load (path, "label.json", diagnostics, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (diagnostics->len, ==, 0);

  spring = mer_document_lookup_event (document, "spring");
  same = mer_document_lookup_event (document, "same");
  none = mer_document_lookup_event (document, "none");
  g_assert_cmpstr (mer_event_get_date_label (spring), ==, "Spring 1945");
  spring_shown = mer_event_format_date (spring);
  spring_dates = mer_event_format_dates (spring);
  g_assert_cmpstr (spring_shown, ==, "Spring 1945 (c. Mar–May 1945)");
  g_assert_cmpstr (spring_dates, ==, "c. Mar–May 1945");
  same_shown = mer_event_format_date (same);
  g_assert_cmpstr (same_shown, ==, "1945");
  g_assert_null (mer_event_get_date_label (none));
  none_shown = mer_event_format_date (none);
  g_assert_cmpstr (none_shown, ==, "1946");
  remove_temp (path);
}

static void
test_unreadable (void)
{
  g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MerDocument) document = NULL;
  static const char *missing[] = { "missing.json: error: cannot read the file: No such file or directory", NULL };
  static const char *folder[] = { "data: error: cannot read the file: it is a folder", NULL };

  document = load (TESTDATADIR "/missing.json", "missing.json", diagnostics, &error);
  g_assert_error (error, MER_LOADER_ERROR, MER_LOADER_ERROR_READ);
  g_assert_null (document);
  assert_diagnostics (diagnostics, missing);

  g_clear_error (&error);
  g_ptr_array_set_size (diagnostics, 0);
  document = load (TESTDATADIR, "data", diagnostics, &error);
  g_assert_error (error, MER_LOADER_ERROR, MER_LOADER_ERROR_READ);
  g_assert_null (document);
  assert_diagnostics (diagnostics, folder);
}

static void
test_valid_small (void)
{
  g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MerDocument) document = NULL;
  g_autoptr(GPtrArray) in_window = NULL;
  g_autofree char *late_date = NULL;
  MerEvent *late, *early, *bc;
  MerRegion *square, *inline_region;
  MerBriefing *briefing;
  MerSlide *slide;
  const MerPlace *places;
  const MerSource *sources;
  const MerPolygon *polygons;
  const MerRing *rings;
  MerRegion * const *regions;
  GPtrArray *square_events;
  double west, south, east, north;
  guint n;
  MerDate from, to;

  document = load (TESTDATADIR "/valid-small.json", "valid-small.json", diagnostics, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_cmpuint (diagnostics->len, ==, 0);

  g_assert_cmpstr (mer_document_get_title (document), ==, "Small");
  g_assert_null (mer_document_get_subtitle (document));
  g_assert_cmpfloat (mer_document_get_view (document)->zoom, ==, 6);
  g_assert_true (g_list_model_get_item_type (mer_document_get_events (document)) == MER_TYPE_EVENT);

  /* Events are sorted by start, whatever the file's order. */
  g_assert_cmpuint (g_list_model_get_n_items (mer_document_get_events (document)), ==, 3);
  bc = g_list_model_get_item (mer_document_get_events (document), 0);
  early = g_list_model_get_item (mer_document_get_events (document), 1);
  late = g_list_model_get_item (mer_document_get_events (document), 2);
  g_assert_cmpstr (mer_event_get_id (bc), ==, "bc");
  g_assert_cmpstr (mer_event_get_id (early), ==, "early");
  g_assert_cmpstr (mer_event_get_id (late), ==, "late");
  g_assert_true (mer_document_lookup_event (document, "late") == late);
  g_assert_null (mer_document_lookup_event (document, "nope"));

  late_date = mer_event_format_date (late);
  g_assert_cmpstr (late_date, ==, "15–16 Dec 2016");
  g_assert_cmpuint (mer_event_get_importance (late), ==, 5);
  g_assert_cmpuint (mer_event_get_importance (early), ==, 3);
  g_assert_true (mer_event_get_circa (early));
  g_assert_cmpstr (mer_category_get_name (mer_event_get_category (late)), ==, "Diplomacy");
  g_assert_cmphex (mer_category_get_color (mer_event_get_category (late)), ==, 0x1c71d8);
  places = mer_event_get_places (late, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (places[0].name, ==, "Nagato");
  g_assert_cmpfloat (places[0].lat, ==, 34.37);
  sources = mer_event_get_sources (late, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_null (sources[0].url);
  g_assert_cmpstr (sources[1].url, ==, "https://example.org/");
  g_assert_cmpstr (mer_event_get_tags (late)[0], ==, "summit");
  g_assert_cmpfloat (mer_event_get_view (late)->zoom, ==, 5);
  g_assert_null (mer_event_get_view (early));
  g_assert_cmpuint (mer_event_get_line (late), ==, 16);

  square = mer_document_lookup_region (document, "square");
  inline_region = mer_document_lookup_region (document, "inline");
  g_assert_cmpint (mer_region_get_status (square), ==, MER_REGION_STATUS_DISPUTED);
  g_assert_cmpint (mer_region_get_status (inline_region), ==, MER_REGION_STATUS_UNDISPUTED);
  g_assert_cmpstr (mer_region_get_name_for_lang (square, "ja"), ==, "四角");
  g_assert_cmpstr (mer_region_get_name_for_lang (square, "ru"), ==, "Квадрат");
  g_assert_null (mer_region_get_name_for_lang (square, "zh"));
  g_assert_cmpstr (mer_region_get_geometry_path (square), ==, "regions/square.geojson");
  g_assert_null (mer_region_get_geometry_path (inline_region));
  g_assert_true (mer_geometry_get_bounds (mer_region_get_geometry (square), &west, &south, &east, &north));
  g_assert_cmpfloat (west, ==, 146);
  g_assert_cmpfloat (north, ==, 44);
  polygons = mer_geometry_get_polygons (mer_region_get_geometry (inline_region), &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (polygons[0].n_rings, ==, 2);
  rings = mer_geometry_get_rings (mer_region_get_geometry (inline_region), &n);
  g_assert_cmpuint (rings[1].n_points, ==, 4);

  regions = mer_event_get_regions (early, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_true (regions[0] == square);
  g_assert_true (mer_event_touches_region (early, inline_region));
  g_assert_false (mer_event_touches_region (late, inline_region));

  square_events = mer_document_get_region_events (document, square);
  g_assert_cmpuint (square_events->len, ==, 2);
  g_assert_true (g_ptr_array_index (square_events, 0) == early);
  g_assert_true (g_ptr_array_index (square_events, 1) == late);

  g_assert_true (mer_date_parse ("1800", &from, NULL));
  g_assert_true (mer_date_parse ("1900", &to, NULL));
  in_window = mer_document_query_dates (document, &from, &to);
  g_assert_cmpuint (in_window->len, ==, 1);
  g_assert_true (g_ptr_array_index (in_window, 0) == early);

  briefing = mer_document_lookup_briefing (document, "b");
  g_assert_cmpuint (mer_briefing_get_n_slides (briefing), ==, 2);
  slide = mer_briefing_get_slide (briefing, 0);
  g_assert_true (mer_slide_get_event (slide) == late);
  g_assert_null (mer_slide_get_view (slide));
  g_assert_true (mer_slide_get_time (slide, &from, &to));
  g_assert_cmpint (from.year, ==, 1945);
  g_assert_cmpint (to.year, ==, 2016);
  slide = mer_briefing_get_slide (briefing, 1);
  g_assert_null (mer_slide_get_event (slide));
  g_assert_cmpfloat (mer_slide_get_view (slide)->zoom, ==, 3);
  g_assert_false (mer_slide_get_time (slide, NULL, NULL));

  g_object_unref (bc);
  g_object_unref (early);
  g_object_unref (late);
  g_assert_finalize_object (g_steal_pointer (&document));
}

static void
test_bundled_story (void)
{
  g_autofree char *path = g_build_filename (SRCDIR, "data", "events", "russia-japan.json", NULL);
  g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MerDocument) document = NULL;
  g_autoptr(GPtrArray) cold_war = NULL;
  GListModel *events;
  MerRegion *kurils;
  MerEvent *summit, *shimoda;
  g_autofree char *summit_date = NULL;
  GPtrArray *kuril_events;
  guint n;
  MerDate from, to;
  static const char *fifties[] = {
    "siberian-internment", "san-francisco-treaty", "joint-declaration-1956", "japan-joins-un", "soviet-memorandum-1960",
  };

  document = load (path, "russia-japan.json", diagnostics, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_cmpuint (diagnostics->len, ==, 0);

  events = mer_document_get_events (document);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 66);
  g_assert_cmpuint (g_list_model_get_n_items (mer_document_get_regions (document)), ==, 9);
  g_assert_cmpuint (g_list_model_get_n_items (mer_document_get_eras (document)), ==, 6);
  g_assert_cmpuint (g_list_model_get_n_items (mer_document_get_briefings (document)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (mer_document_get_categories (document)), ==, 8);

  /* From the 1855 border to the claimed annexations of 2022, in order. */
  for (guint i = 1; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(MerEvent) a = g_list_model_get_item (events, i - 1);
      g_autoptr(MerEvent) b = g_list_model_get_item (events, i);

      g_assert_cmpint (mer_date_compare (mer_event_get_start (a), mer_event_get_start (b)), <=, 0);
    }
  shimoda = g_list_model_get_item (events, 0);
  g_assert_cmpstr (mer_event_get_id (shimoda), ==, "treaty-of-shimoda");
  g_object_unref (shimoda);
  summit = mer_document_lookup_event (document, "nagato-summit");
  summit_date = mer_event_format_date (summit);
  g_assert_cmpstr (summit_date, ==, "15–16 Dec 2016");

  /* The southern Kurils are disputed, named by both sides, and cut from
   * Natural Earth 10m: Iturup, Kunashir, Shikotan and the Habomai islets. */
  kurils = mer_document_lookup_region (document, "southern-kurils");
  g_assert_cmpint (mer_region_get_status (kurils), ==, MER_REGION_STATUS_DISPUTED);
  g_assert_cmpstr (mer_region_get_name_for_lang (kurils, "ja"), ==, "北方領土");
  g_assert_cmpstr (mer_region_get_name_for_lang (kurils, "ru"), ==, "Южные Курилы");
  mer_geometry_get_polygons (mer_region_get_geometry (kurils), &n);
  g_assert_cmpuint (n, ==, 7);
  kuril_events = mer_document_get_region_events (document, kurils);
  g_assert_true (g_ptr_array_find (kuril_events, summit, NULL));
  g_assert_true (g_ptr_array_find (kuril_events, mer_document_lookup_event (document, "joint-declaration-1956"), NULL));

  g_assert_true (mer_date_parse ("1950", &from, NULL));
  g_assert_true (mer_date_parse ("1960", &to, NULL));
  cold_war = mer_document_query_dates (document, &from, &to);
  g_assert_cmpuint (cold_war->len, ==, G_N_ELEMENTS (fifties));
  for (guint i = 0; i < cold_war->len; i++)
    g_assert_cmpstr (mer_event_get_id (g_ptr_array_index (cold_war, i)), ==, fifties[i]);
}

/* A story of many small events, for loads that take a while. */
static char *
write_big_story (guint n_events)
{
  g_autoptr(GString) text = g_string_new ("{\n  \"meridian\": 1,\n  \"events\": [\n");

  for (guint i = 0; i < n_events; i++)
    g_string_append_printf (text, "    { \"id\": \"e%u\", \"title\": \"Event %u\", \"start\": \"%u\" }%s\n",
                            i, i, 1000 + i % 1000, i + 1 < n_events ? "," : "");
  g_string_append (text, "  ]\n}\n");

  return write_temp ("big.json", text->str, (gssize) text->len);
}

/* Over a megabyte: parsed by the worker threads. */
#define N_BIG_EVENTS 20000

typedef struct {
  GThread  *thread;       /* the caller's */
  GArray   *fractions;
  gboolean  destroyed;
} ProgressLog;

static void
on_progress (double   fraction,
             gpointer user_data)
{
  ProgressLog *log = user_data;

  g_assert_true (g_thread_self () == log->thread);
  g_array_append_val (log->fractions, fraction);
}

static void
on_progress_destroy (gpointer user_data)
{
  ProgressLog *log = user_data;

  g_assert_true (g_thread_self () == log->thread);
  log->destroyed = TRUE;
}

static void
assert_monotonic (GArray *fractions)
{
  g_assert_cmpuint (fractions->len, >, 0);
  for (guint i = 0; i < fractions->len; i++)
    {
      double fraction = g_array_index (fractions, double, i);

      g_assert_cmpfloat (fraction, >, 0);
      g_assert_cmpfloat (fraction, <=, 1);
      if (i > 0)
        g_assert_cmpfloat (fraction, >, g_array_index (fractions, double, i - 1));
    }
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Progress is per job, arrives on the caller's context, only grows, and is
 * complete before the callback runs. */
static void
test_async_progress (void)
{
  g_autofree char *path = write_big_story (N_BIG_EVENTS);
  GAsyncResult *results[2] = { NULL, NULL };
  ProgressLog logs[2];

  for (guint j = 0; j < 2; j++)
    {
      logs[j] = (ProgressLog) { g_thread_self (), g_array_new (FALSE, FALSE, sizeof (double)), FALSE };
      mer_loader_load_file_async (path, "big.json", NULL, on_progress, &logs[j], on_progress_destroy,
                                  on_loaded, &results[j]);
    }

  while (results[0] == NULL || results[1] == NULL)
    g_main_context_iteration (NULL, TRUE);

  for (guint j = 0; j < 2; j++)
    {
      g_autoptr(GPtrArray) diagnostics = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(MerDocument) document = mer_loader_load_file_finish (results[j], &diagnostics, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (mer_document_get_events (document)), ==, N_BIG_EVENTS);
      g_assert_cmpuint (diagnostics->len, ==, 0);
      assert_monotonic (logs[j].fractions);
      g_assert_cmpfloat (g_array_index (logs[j].fractions, double, logs[j].fractions->len - 1), ==, 1);
    }

  /* The progress data is released on the caller's context too. */
  g_clear_object (&results[0]);
  g_clear_object (&results[1]);
  while (!logs[0].destroyed || !logs[1].destroyed)
    g_main_context_iteration (NULL, TRUE);

  g_array_unref (logs[0].fractions);
  g_array_unref (logs[1].fractions);
  remove_temp (path);
}

/* Cancelled as soon as it has started, the load ends with
 * G_IO_ERROR_CANCELLED before it has converted the whole file: no progress
 * it reported reached 1. */
static void
test_async_cancel (void)
{
  g_autofree char *path = write_big_story (N_BIG_EVENTS);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MerDocument) document = NULL;
  ProgressLog log = { g_thread_self (), g_array_new (FALSE, FALSE, sizeof (double)), FALSE };

  mer_loader_load_file_async (path, "big.json", cancellable, on_progress, &log, on_progress_destroy,
                              on_loaded, &result);
  g_cancellable_cancel (cancellable);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  document = mer_loader_load_file_finish (result, &diagnostics, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (document);
  g_assert_cmpuint (diagnostics->len, ==, 0);
  for (guint i = 0; i < log.fractions->len; i++)
    g_assert_cmpfloat (g_array_index (log.fractions, double, i), <, 1);

  g_clear_object (&result);
  while (!log.destroyed)
    g_main_context_iteration (NULL, TRUE);
  g_array_unref (log.fractions);
  remove_temp (path);
}

typedef struct {
  GCancellable *cancellable;
  double        last;
  guint         n_calls;
} SyncCancel;

static void
on_sync_progress (double   fraction,
                  gpointer user_data)
{
  SyncCancel *state = user_data;

  state->last = fraction;
  state->n_calls++;
  /* Once the conversion has begun. */
  if (fraction > 0.1)
    g_cancellable_cancel (state->cancellable);
}

/* The same, deterministically: the synchronous load reports progress on the
 * loading thread, so the cancellation is seen before the next element. */
static void
test_sync_cancel (void)
{
  g_autofree char *path = write_big_story (N_BIG_EVENTS);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MerDocument) document = NULL;
  SyncCancel state = { cancellable, 0, 0 };

  document = mer_loader_load_file_full (path, "big.json", diagnostics, on_sync_progress, &state, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (document);
  g_assert_cmpfloat (state.last, >, 0.1);
  g_assert_cmpfloat (state.last, <, 1);
  g_assert_cmpuint (diagnostics->len, ==, 0);
  remove_temp (path);
}

/* A region's history is kept in time order, and answers for any date:
 * the period's status and outline inside it, the region's own outside. */
static void
test_region_history (void)
{
  g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MerDocument) document = load (TESTDATADIR "/history-valid.json", "history-valid.json", diagnostics, &error);
  MerRegion *sakhalin;
  const MerRegionPeriod *periods;
  guint n;
  MerDate date;

  g_assert_no_error (error);
  g_assert_cmpuint (diagnostics->len, ==, 0);
  sakhalin = mer_document_lookup_region (document, "sakhalin");
  periods = mer_region_get_periods (sakhalin, &n);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpstr (periods[0].held_by, ==, "Russia");
  g_assert_cmpstr (periods[1].held_by, ==, "Japan");
  g_assert_cmpstr (periods[1].description, ==, "Karafuto, south of 50°N");
  g_assert_cmpuint (periods[1].n_sources, ==, 1);
  g_assert_cmpuint (g_strv_length (periods[1].claimed_by), ==, 0);
  g_assert_cmpstr (periods[2].claimed_by[0], ==, "Japan");
  g_assert_null (periods[2].claimed_by[1]);
  g_assert_false (periods[3].has_end);
  g_assert_cmpuint (g_strv_length (periods[3].claimed_by), ==, 2);

  g_assert_true (mer_date_parse ("1920-06-01", &date, NULL));
  g_assert_true (mer_region_get_period_at (sakhalin, mer_date_first_second (&date)) == &periods[1]);
  g_assert_true (mer_region_get_geometry_at (sakhalin, mer_date_first_second (&date)) == periods[1].geometry);
  g_assert_false (mer_region_is_contested_at (sakhalin, mer_date_first_second (&date)));

  g_assert_true (mer_date_parse ("1945-12", &date, NULL));
  g_assert_cmpint (mer_region_get_status_at (sakhalin, mer_date_first_second (&date)), ==, MER_REGION_STATUS_OCCUPIED);
  g_assert_true (mer_region_is_contested_at (sakhalin, mer_date_first_second (&date)));
  g_assert_true (mer_region_get_geometry_at (sakhalin, mer_date_first_second (&date)) ==
                 mer_region_get_geometry (sakhalin));

  /* Between periods, and before the first, the region's own status. */
  g_assert_true (mer_date_parse ("1960", &date, NULL));
  g_assert_null (mer_region_get_period_at (sakhalin, mer_date_first_second (&date)));
  g_assert_cmpint (mer_region_get_status_at (sakhalin, mer_date_first_second (&date)), ==, MER_REGION_STATUS_UNDISPUTED);
  g_assert_true (mer_date_parse ("1800", &date, NULL));
  g_assert_null (mer_region_get_period_at (sakhalin, mer_date_first_second (&date)));

  /* The open last period runs on. */
  g_assert_true (mer_date_parse ("2026-11-29", &date, NULL));
  g_assert_cmpint (mer_region_get_status_at (sakhalin, mer_date_first_second (&date)), ==, MER_REGION_STATUS_ANNEXED);
}

/* The story's revision date and a slide's point of view. */
static void
test_pov_revised (void)
{
  g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MerDocument) document = load (TESTDATADIR "/pov-revised-valid.json", "pov-revised-valid.json",
                                          diagnostics, &error);
  g_autofree char *revised = NULL;
  MerBriefing *briefing;

  g_assert_no_error (error);
  g_assert_cmpuint (diagnostics->len, ==, 0);
  g_assert_cmpint (mer_document_get_revised (document)->year, ==, 2026);
  g_assert_cmpuint (mer_document_get_revised (document)->month, ==, 11);
  g_assert_cmpuint (mer_document_get_revised (document)->day, ==, 29);
  revised = mer_document_dup_revised_text (document);
  g_assert_cmpstr (revised, ==, "As of 29 Nov 2026");

  briefing = mer_document_lookup_briefing (document, "b");
  g_assert_cmpstr (mer_slide_get_pov (mer_briefing_get_slide (briefing, 0)), ==, "jpn");
  g_assert_cmpstr (mer_slide_get_pov (mer_briefing_get_slide (briefing, 1)), ==, "rus");
  g_assert_null (mer_slide_get_pov (mer_briefing_get_slide (briefing, 2)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *name = g_strdup_printf ("/core/loader/fixture/%s", fixtures[i].fixture);
      g_test_add_data_func (name, &fixtures[i], test_fixture);
    }
  g_test_add_func ("/core/loader/fixtures-locale", test_fixtures_locale);
  g_test_add_func ("/core/loader/deep-nesting", test_deep_nesting);
  g_test_add_func ("/core/loader/too-large", test_too_large);
  g_test_add_func ("/core/loader/unreadable", test_unreadable);
  g_test_add_func ("/core/loader/valid-small", test_valid_small);
  g_test_add_func ("/core/loader/date-label", test_date_label);
  g_test_add_func ("/core/loader/bundled-story", test_bundled_story);
  g_test_add_func ("/core/loader/async/progress", test_async_progress);
  g_test_add_func ("/core/loader/async/cancel", test_async_cancel);
  g_test_add_func ("/core/loader/sync-cancel", test_sync_cancel);

  g_test_add_func ("/core/loader/region-history", test_region_history);
  g_test_add_func ("/core/loader/pov-revised", test_pov_revised);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "mer-diagnostic.h"
#include "mer-document.h"
#include "mer-era.h"
#include "mer-event.h"
#include "mer-import.h"
#include "mer-import-date.h"
#include "mer-import-html.h"
#include "mer-json-reader.h"
#include "mer-loader.h"
#include "mer-briefing.h"
#include "mer-region.h"
#include "mer-geometry.h"

/* Each importer is read through the dispatcher, as the window and the
 * command line read files. Documents are compared through a one-line dump
 * of each event, so that a test states every field it expects. */

#define IMPORT_DATA TESTDATADIR "/import/"

static char *
dump_event (MerEvent *event)
{
  GString *s = g_string_new (NULL);
  const MerPlace *places;
  const MerSource *sources;
  MerCategory *category = mer_event_get_category (event);
  g_autofree char *start = mer_date_to_iso (mer_event_get_start (event));
  guint n_places, n_sources;

  g_string_append_printf (s, "%s | %s | %s", mer_event_get_id (event), mer_event_get_title (event), start);
  if (mer_event_get_end (event) != NULL)
    {
      g_autofree char *end = mer_date_to_iso (mer_event_get_end (event));

      g_string_append_printf (s, "..%s", end);
    }
  if (category != NULL)
    g_string_append_printf (s, " | category %s (%s)", mer_category_get_id (category),
                            mer_category_get_name (category));

  places = mer_event_get_places (event, &n_places);
  for (guint i = 0; i < n_places; i++)
    g_string_append_printf (s, " | place %s %g %g", places[i].name, places[i].lat, places[i].lon);
  if (mer_event_get_view (event) != NULL)
    {
      const MerView *view = mer_event_get_view (event);

      g_string_append_printf (s, " | view %g %g %g", view->lat, view->lon, view->zoom);
    }

  sources = mer_event_get_sources (event, &n_sources);
  for (guint i = 0; i < n_sources; i++)
    g_string_append_printf (s, " | source %s <%s>", sources[i].title,
                            sources[i].url != NULL ? sources[i].url : "no link");
  if (mer_event_get_date_label (event) != NULL)
    g_string_append_printf (s, " | label %s", mer_event_get_date_label (event));

  return g_string_free (s, FALSE);
}

static MerDocument *
import (const char  *fixture,
        GPtrArray  **diagnostics,
        GError     **error)
{
  g_autofree char *path = g_build_filename (TESTDATADIR, "import", fixture, NULL);
  MerDocument *document;

  *diagnostics = mer_diagnostics_new ();
  document = mer_import_load_file (path, fixture, *diagnostics, error);

  for (guint i = 0; i < (*diagnostics)->len; i++)
    {
      g_autofree char *line = mer_diagnostic_to_string (g_ptr_array_index (*diagnostics, i));

      g_test_message ("%s", line);
    }

  return document;
}

static void
assert_diagnostics (GPtrArray          *diagnostics,
                    const char * const *expected)
{
  guint n = g_strv_length ((char **) expected);

  for (guint i = 0; i < MIN (n, diagnostics->len); i++)
    {
      g_autofree char *line = mer_diagnostic_to_string (g_ptr_array_index (diagnostics, i));

      g_assert_cmpstr (line, ==, expected[i]);
    }
  g_assert_cmpuint (diagnostics->len, ==, n);
}

static void
assert_events (MerDocument        *document,
               const char * const *expected)
{
  GListModel *events = mer_document_get_events (document);
  guint n = g_strv_length ((char **) expected);

  for (guint i = 0; i < MIN (n, g_list_model_get_n_items (events)); i++)
    {
      g_autoptr(MerEvent) event = g_list_model_get_item (events, i);
      g_autofree char *line = dump_event (event);

      g_assert_cmpstr (line, ==, expected[i]);
    }
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, n);
}

static void
test_html (void)
{
  static const struct {
    const char *html;
    const char *text;
    const char *links;
  } cases[] = {
    { "plain text", "plain text", "" },
    { "  runs \n of\t space  ", "runs of space", "" },
    { "<p>One.</p><p>Two.</p>", "One.\n\nTwo.", "" },
    { "<p>One.</p>\n\n  <p>\n Two.\n</p>", "One.\n\nTwo.", "" },
    { "line<br>break<br/>s", "line\nbreak\ns", "" },
    { "<ul><li>a</li><li>b</li></ul>after", "a\nb\n\nafter", "" },
    { "&amp; &lt;b&gt; &quot;q&quot; &#39;s&#39; &#x2013; &mdash; &eacute; &nbsp;x",
      "& <b> \"q\" 's' – — é  x", "" },
    { "AT&T &unknown; & &#xZZ; &#0;", "AT&T &unknown; & &#xZZ; \xef\xbf\xbd", "" },
    { "a < b and c > d", "a < b and c > d", "" },
    { "<script>alert('x')</script><style>p{}</style>kept<!-- a comment -->", "kept", "" },
    { "see <a href=\"https://example.org/a?x=1&amp;y=2\">the <b>page</b></a> and "
      "<A HREF='mailto:me@example.org'>me</A> and <a href=\"javascript:alert(1)\">no</a> "
      "and <a href=https://example.org/bare>bare</a><a href=\"https://example.org/a?x=1&amp;y=2\">again</a>",
      "see the page and me and no and bareagain",
      "the page <https://example.org/a?x=1&y=2>; me <mailto:me@example.org>; bare <https://example.org/bare>; " },
    { "<a href=\"https://example.org/\"></a>", "", "https://example.org/ <https://example.org/>; " },
    { "<h1>Title</h1>text<div>block</div>", "Title\n\ntext\n\nblock", "" },
    { "<p>unclosed <b>tag", "unclosed tag", "" },
    { "<img src=\"x.png\" alt=\"a > b\">after", "after", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func ((GDestroyNotify) mer_import_link_free);
      g_autofree char *text = mer_import_html_to_text (cases[i].html, links);
      g_autoptr(GString) joined = g_string_new (NULL);

      for (guint l = 0; l < links->len; l++)
        {
          MerImportLink *link = g_ptr_array_index (links, l);

          g_string_append_printf (joined, "%s <%s>; ", link->title, link->url);
        }

      g_assert_cmpstr (text, ==, cases[i].text);
      g_assert_cmpstr (joined->str, ==, cases[i].links);
    }
}

/* The importers read JSON with the loader's reader: strict, and it says
 * where and what. */
static void
test_json_syntax (void)
{
  static const struct {
    const char *text;
    guint       line;
    guint       column;
    const char *message;
  } cases[] = {
    { "{\"a\": \"x\ty\"}", 1, 9, "control character U+0009 inside a string must be escaped (\\u0009)" },
    { "{\"a\": \"\\x\"}", 1, 8,
      "invalid escape `\\x' in a string (JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX)" },
    { "{\"a\": 01}", 1, 7, "invalid number `01': leading zeros are not allowed" },
    { "{\"a\": 1.}", 1, 7, "invalid number `1.': a digit must follow the decimal point" },
    { "{\"a\": -}", 1, 7, "invalid number `-': a digit must follow the minus sign" },
    { "{\"a\": 1e}", 1, 7, "invalid number `1e': the exponent needs digits" },
    { "{\"a\": \"\\ud800\"}", 1, 8,
      "invalid escape: \\uD800 is the first half of a surrogate pair without its second" },
    { "{\"a\": \"\\udc00\"}", 1, 8,
      "invalid escape: \\uDC00 is the second half of a surrogate pair without its first" },
    { "{\"a\": \"\\u12\"}", 1, 8, "invalid escape: \\u needs 4 hexadecimal digits" },
    { "{\"a\": tru}", 1, 7,
      "invalid value `tru' (expected a string in double quotes, a number, an object, an array, true, false or null)" },
    { "{\"a\": 1} x", 1, 10, "unexpected character `x' after the end of the top-level value" },
    { "{\"a\" 1}", 1, 6, "missing colon after a member name" },
    { "{\n  \"é\": \"é", 2, 8, "the string is not closed: it needs a `\"' at its end" },
    { "{'a': 1}", 1, 2, "strings must be in double quotes, not single quotes" },
    { "[1 2]", 1, 4, "missing comma between two members or elements" },
    { "{\"a\": 1 \"b\": 2}", 1, 9, "missing comma between two members or elements" },
    { "[1,\n ]", 1, 3, "trailing comma: nothing may follow the last comma in an object or array" },
    { "{\"a\": \"\xff\"}", 1, 8, "the file is not valid UTF-8 text" },
    { "{\"a\":", 1, 6, "the file ends too early: expected a value" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
      g_autoptr(MerJsonReader) json = mer_json_reader_new ("t.json", diagnostics);
      g_autoptr(GError) error = NULL;
      MerDiagnostic *d;

      g_assert_false (mer_json_reader_load_data (json, cases[i].text, strlen (cases[i].text), &error));
      g_assert_error (error, MER_LOADER_ERROR, MER_LOADER_ERROR_INVALID);
      g_assert_cmpuint (diagnostics->len, ==, 1);
      d = g_ptr_array_index (diagnostics, 0);
      g_assert_cmpstr (d->message, ==, cases[i].message);
      g_assert_cmpuint (d->line, ==, cases[i].line);
      g_assert_cmpuint (d->column, ==, cases[i].column);
    }

  /* Nesting is bounded, so that the recursion is. */
  {
    g_autoptr(GString) deep = g_string_new (NULL);
    g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
    g_autoptr(MerJsonReader) json = mer_json_reader_new ("t.json", diagnostics);
    MerDiagnostic *d;

    for (guint i = 0; i < MER_JSON_MAX_DEPTH + 1; i++)
      g_string_append_c (deep, '[');
    g_assert_false (mer_json_reader_load_data (json, deep->str, deep->len, NULL));
    d = g_ptr_array_index (diagnostics, 0);
    g_assert_cmpstr (d->message, ==, "nesting is deeper than 128 levels");
    g_assert_cmpuint (d->column, ==, MER_JSON_MAX_DEPTH + 1);
  }

  /* Values, escapes and positions of a valid text. */
  {
    static const char text[] = "{\n  \"s\": \"a\\u00e9\\ud83d\\ude00\\n\",\n"
                               "  \"n\": [ -0.5e1, 12, 9223372036854775808 ]\n}";
    g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
    g_autoptr(MerJsonReader) json = mer_json_reader_new ("t.json", diagnostics);
    g_autoptr(GError) error = NULL;
    JsonObject *root;

    /* As the importers read: an integer beyond 64 bits is a double. */
    mer_json_reader_set_big_integers (json, TRUE);
    JsonArray *numbers;
    guint line, column;

    g_assert_true (mer_json_reader_load_data (json, text, strlen (text), &error));
    g_assert_no_error (error);
    root = json_node_get_object (mer_json_reader_get_root (json));
    g_assert_cmpstr (json_object_get_string_member (root, "s"), ==, "aé😀\n");
    numbers = json_object_get_array_member (root, "n");
    g_assert_cmpfloat (json_array_get_double_element (numbers, 0), ==, -5.0);
    g_assert_cmpint (json_array_get_int_element (numbers, 1), ==, 12);
    g_assert_cmpfloat (json_array_get_double_element (numbers, 2), ==, 9223372036854775808.0);
    g_assert_true (mer_json_reader_locate (json, json_array_get_element (numbers, 1), &line, &column));
    g_assert_cmpuint (line, ==, 3);
    g_assert_cmpuint (column, ==, 18);
  }
}

static void
test_timelinejs (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MerDocument) document = import ("timelinejs-story.json", &diagnostics, &error);
  GListModel *eras;
  g_autoptr(MerEra) era = NULL;
  static const char * const expected[] = {
    "big-bang | Big Bang | -13799999999",
    "five-hundred-bce | Five hundred BCE | -0499..-0399 | category ancient (Ancient) | label 500 BCE – 400 BCE",
    "a-map-of-1421 | A map of 1421 | 1421 | source A map of 1421 <https://example.org/map.png>",
    "shimoda | Treaty of Shimoda | 1855-02-07 | category diplomacy (Diplomacy) | place Shimoda 34.68 138.94 "
      "| view 34.68 138.94 9 | source The treaty <https://example.org/treaty.jpg> "
      "| source Shimoda <https://example.org/shimoda>",
    "treaty-of-saint-petersburg | Treaty of Saint Petersburg | 1875-05-07..1875-08 | category diplomacy (Diplomacy) "
      "| label Spring and summer 1875",
    "broadcast-at-noon | Broadcast at noon | 1945-08-15T12:00 | label Noon, 15 August",
    "treaty-of-saint-petersburg-2 | Treaty of Saint Petersburg | 1956 | label Autumn 1956",
    "summit-opens | Summit opens | 2016-12-15T10:30:05",
    NULL
  };

  g_assert_no_error (error);
  g_assert_nonnull (document);
  assert_diagnostics (diagnostics, (const char * const[]) { NULL });
  assert_events (document, expected);

  g_assert_cmpstr (mer_document_get_title (document), ==, "Ports & Treaties");
  g_assert_cmpstr (mer_document_get_description (document), ==, "A story of harbours.\n\nSecond paragraph.");
  g_assert_cmpstr (mer_event_get_summary (mer_document_lookup_event (document, "shimoda")), ==,
                   "Signed at Shimoda.\n\nIt drew a border – between Etorofu and Urup.");
  g_assert_cmpstr (mer_event_get_summary (mer_document_lookup_event (document, "summit-opens")), ==,
                   "Putin–Abe “talks”");

  /* The display date is the date's label; the dates stay beside it. */
  {
    MerEvent *treaty = mer_document_lookup_event (document, "treaty-of-saint-petersburg");
    g_autofree char *shown = mer_event_format_date (treaty);
    g_autofree char *dates = mer_event_format_dates (treaty);

    g_assert_cmpstr (shown, ==, "Spring and summer 1875 (7 May 1875 – Aug 1875)");
    g_assert_cmpstr (dates, ==, "7 May 1875 – Aug 1875");
  }

  eras = mer_document_get_eras (document);
  g_assert_cmpuint (g_list_model_get_n_items (eras), ==, 2);
  era = g_list_model_get_item (eras, 1);
  g_assert_cmpstr (mer_era_get_id (era), ==, "1947-26-dec-1991");
  g_assert_cmpstr (mer_era_get_title (era), ==, "1947 – 26 Dec 1991");
}

/* As a spreadsheet written out as JSON gives it: every slide has an
 * end_date, its parts all empty when the event has none; headlines break
 * their lines, which a title joins. */
static void
test_timelinejs_sheet (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MerDocument) document = import ("timelinejs-sheet.json", &diagnostics, &error);
  g_autoptr(MerEra) era = NULL;

  g_assert_no_error (error);
  assert_diagnostics (diagnostics, (const char * const[]) { NULL });
  assert_events (document, (const char * const[]) {
    "shimoda-treaty-signed | Shimoda treaty signed | 1855-02-07",
    "nagato-summit | Nagato summit | 2016-12-15",
    NULL
  });
  g_assert_null (mer_event_get_summary (mer_document_lookup_event (document, "shimoda-treaty-signed")));
  g_assert_cmpstr (mer_document_get_title (document), ==, "Kurils & Hokkaido 1855–2016");
  era = g_list_model_get_item (mer_document_get_eras (document), 0);
  g_assert_cmpstr (mer_era_get_title (era), ==, "Meiji era");
}

static void
test_timelinejs_errors (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MerDocument) document = import ("timelinejs-errors.json", &diagnostics, &error);

  g_assert_error (error, MER_IMPORT_ERROR, MER_IMPORT_ERROR_INVALID);
  g_assert_null (document);
  assert_diagnostics (diagnostics, (const char * const[]) {
    "timelinejs-errors.json:3:48: error: events[0].start_date.month: month 13",
    "timelinejs-errors.json:4:31: error: events[1].start_date.year: \"18x5\" is not a whole number",
    "timelinejs-errors.json:5:5: error: events[2]: missing required member \"start_date\"",
    "timelinejs-errors.json:6:51: error: events[3].end_date: end_date 1980 is before start_date 1990",
    "timelinejs-errors.json:7:56: error: events[4].start_date.day: February 2015 has 28 days",
    "timelinejs-errors.json:8:44: error: events[5].start_date.day: a day needs a month",
    "timelinejs-errors.json:9:60: error: events[6].location.lat: 95 is out of range [-90, 90]",
    "timelinejs-errors.json:9:71: error: events[6].location.lon: \"east\" is not a number",
    "timelinejs-errors.json:9:89: error: events[6].text: expected an object, found a string",
    "timelinejs-errors.json:10:31: error: events[7].start_date.year: 2000.5 is not a whole number",
    "timelinejs-errors.json:10:51: warning: events[7].colour: unknown member \"colour\" is dropped",
    "timelinejs-errors.json:11:5: error: events[8]: expected an object, found a string",
    "timelinejs-errors.json:13:11: error: eras: expected an array, found an object",
    NULL
  });
}

/* The same story as TimelineJS JSON and as its sheet exported to CSV (with a
 * byte order mark, CRLF line ends and a quoted cell across lines) gives the
 * same story: events, dates at their precision, places, sources, eras. */
static void
test_pair (void)
{
  g_autoptr(GPtrArray) json_diagnostics = NULL;
  g_autoptr(GPtrArray) csv_diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MerDocument) json = import ("pair.json", &json_diagnostics, &error);
  g_autoptr(MerDocument) csv = NULL;
  static const char * const expected[] = {
    "five-hundred-bce | Five hundred BCE | -0499",
    "treaty-of-shimoda | Treaty of Shimoda | 1855-02-07 | category diplomacy (Diplomacy) "
      "| place Shimoda 34.68 138.94 | view 34.68 138.94 9 | source The treaty <https://example.org/treaty.jpg> "
      "| label Winter 1855",
    "surrender-formally | Surrender, \"formally\" | 1945-08-15T12:00..1945-09-02 | category war (War)",
    "night-talks | Night talks | 2016-12-15T22:30:05 | place Nagato 34.37 131.18",
    NULL
  };
  MerDocument *documents[2];

  g_assert_no_error (error);
  csv = import ("pair.csv", &csv_diagnostics, &error);
  g_assert_no_error (error);
  assert_diagnostics (json_diagnostics, (const char * const[]) { NULL });
  assert_diagnostics (csv_diagnostics, (const char * const[]) { NULL });

  documents[0] = json;
  documents[1] = csv;
  for (guint d = 0; d < 2; d++)
    {
      MerDocument *document = documents[d];
      g_autoptr(MerEra) era = g_list_model_get_item (mer_document_get_eras (document), 0);

      assert_events (document, expected);
      g_assert_cmpstr (mer_document_get_title (document), ==, "A pair");
      g_assert_cmpstr (mer_document_get_description (document), ==, "Same story, two files.");
      g_assert_cmpstr (mer_event_get_summary (mer_document_lookup_event (document, "treaty-of-shimoda")), ==,
                       "Signed, at last.\n\nBorder & all.");
      g_assert_cmpstr (mer_event_get_summary (mer_document_lookup_event (document, "night-talks")), ==,
                       "Line one\nline two");
      g_assert_cmpuint (g_list_model_get_n_items (mer_document_get_eras (document)), ==, 1);
      g_assert_cmpstr (mer_era_get_title (era), ==, "Crimean War");
      g_assert_cmpint (mer_era_get_start (era)->year, ==, 1853);
      g_assert_cmpint (mer_era_get_end (era)->year, ==, 1856);
    }
}

static void
test_csv_tables (void)
{
  static const struct {
    const char *fixture;
    const char *diagnostics[4];
    const char *events[5];
  } cases[] = {
    { "table.csv", {
        "table.csv:1:26: warning: year: this column is dropped",
        "table.csv:1:83: warning: fatalities: this column is dropped",
        "table.csv:4:6: warning: event_date: no date; the row is skipped",
      }, {
        "JPN1 | Protests — Tokyo | 2020-01-15 | category protests (Protests) | place Tokyo 35.68 139.69 "
          "| source Kyodo <no link>",
        "JPN2 | Protests — Sapporo | 2020-03-03 | category protests (Protests) | place Sapporo 43.06 141.35 "
          "| source https://example.org/report <https://example.org/report>",
        "JPN4 | Row 5 | 2020-04-01",
      } },
    { "table.tsv", { NULL }, {
        "epoch | Epoch | 1421 | place Epoch 10 10",
        "meeting | Meeting | 2021-04-03 | category talks (Talks) | place Meeting 51.5 -0.12 "
          "| source Meeting <https://example.org/meeting>",
        "call | Call | 2021-06-01T09:15:30+02:00",
        "summit | Summit | 2021-12-25..2021-12-27 | category talks (Talks) | place Summit 48.85 2.35",
      } },
    /* Cells parted by ';', numbers with a decimal comma. */
    { "table-semicolon.csv", { NULL }, {
        "talks-in-tokyo | Talks in Tokyo | 1904..1905 | place Talks in Tokyo 35.68 139.69",
        "nemuro | Nemuro | 2016-12-15 | place Nemuro 43.33 145.58",
      } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) diagnostics = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(MerDocument) document = import (cases[i].fixture, &diagnostics, &error);

      g_assert_no_error (error);
      assert_diagnostics (diagnostics, cases[i].diagnostics);
      assert_events (document, cases[i].events);
    }

  {
    g_autoptr(GPtrArray) diagnostics = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(MerDocument) document = import ("table.csv", &diagnostics, &error);

    g_assert_cmpstr (mer_event_get_summary (mer_document_lookup_event (document, "JPN1")), ==, "A march; peaceful.");
  }
}

static void
test_csv_errors (void)
{
  static const struct {
    const char *fixture;
    const char *diagnostics[10];
  } cases[] = {
    { "sheet-errors.csv", {
        "sheet-errors.csv:2:6: error: Month: month 13",
        "sheet-errors.csv:3:1: error: Year: \"18x5\" is not a whole number",
        "sheet-errors.csv:4:8: error: Day: February 2000 has 29 days",
        "sheet-errors.csv:5:10: error: Time: hour 25",
        "sheet-errors.csv:6:1: error: Year: a date needs a year",
        "sheet-errors.csv:7:17: error: unexpected text after the closing quote of a cell "
          "(a quote inside a quoted cell is written twice: \"\")",
        "sheet-errors.csv:8:13: error: Latitude: 95 is out of range [-90, 90]",
        "sheet-errors.csv:8:16: error: Longitude: \"east\" is not a number",
        "sheet-errors.csv:9:16: warning: the row has 8 cells and the header names 7 columns; the rest are dropped",
      } },
    { "table-errors.csv", {
        "table-errors.csv:2:1: error: date: \"03/04/2020\" is not a date "
          "(could be day/month or month/day; write it as YYYY-MM-DD)",
        "table-errors.csv:3:1: error: date: \"2020-02-30\" is not a date (February 2020 has 29 days)",
        "table-errors.csv:4:1: error: date: \"soon\" is not a date (expected an ISO 8601 date (YYYY, YYYY-MM, "
          "YYYY-MM-DD, YYYY-MM-DDThh:mm[:ss][Z|±hh:mm]), a year, or a date with its month as a word (15 March 2020))",
      } },
    { "unclosed.csv", {
        "unclosed.csv:2:6: error: the quoted cell is not closed",
      } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) diagnostics = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(MerDocument) document = import (cases[i].fixture, &diagnostics, &error);

      g_assert_null (document);
      g_assert_error (error, MER_IMPORT_ERROR, MER_IMPORT_ERROR_INVALID);
      assert_diagnostics (diagnostics, cases[i].diagnostics);
    }
}

static void
test_geojson (void)
{
  static const struct {
    const char *fixture;
    const char *title;
    const char *diagnostics[4];
    const char *events[7];
  } cases[] = {
    { "quakes.geojson", "USGS Significant Earthquakes, Past Month", {
        "quakes.geojson:20:5: warning: features[2]: no time (looked for the properties time, date, start, year…); "
          "the feature is skipped",
      }, {
        "old1900 | M 7.9 - Sanriku | 1900-01-01T00:00:00Z | category earthquake (earthquake) | place Sanriku 39 142",
        "us7000a | M 6.1 - 85 km E of Shikotan, Russia | 2023-11-14T22:13:19Z | category earthquake (earthquake) "
          "| place 85 km E of Shikotan, Russia 43.7 147.9 "
          "| source M 6.1 - 85 km E of Shikotan, Russia <https://example.org/quake/us7000a>",
      } },
    { "features.geojson", "Kuril history", {
        "features.geojson:14:5: warning: features[5]: no time (looked for the properties time, date, start, year…); "
          "the feature is skipped",
        "features.geojson:15:67: warning: features[6].properties.time: \"soon\" is not a date (expected an ISO 8601 "
          "date (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDThh:mm[:ss][Z|±hh:mm]), a year, or a date with its month as a "
          "word (15 March 2020)); the feature has no time",
        "features.geojson:16:99: warning: features[7].geometry.type: a LineString has no place in a Meridian story; "
          "it is dropped",
      }, {
        "urup | Urup | 1421 | place Urup 45.9 150",
        "landing | Landing | 1917-03-15..1917-03-17 | category war (War) | place Landing 44 146 "
          "| place Landing 44.5 147",
        "christmas | Christmas | 1917-12-25 | place Christmas 44.2 146.5 | source this <https://example.org/x>",
        "southern-kurils | Southern Kurils | 1945-08-28..1945-09-05",
        "road | Road | 1950",
        "nowhere | Nowhere | 1951",
      } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) diagnostics = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(MerDocument) document = import (cases[i].fixture, &diagnostics, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (mer_document_get_title (document), ==, cases[i].title);
      assert_diagnostics (diagnostics, cases[i].diagnostics);
      assert_events (document, cases[i].events);
    }

  /* Polygons are regions, and events when they carry a time. */
  {
    g_autoptr(GPtrArray) diagnostics = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(MerDocument) document = import ("features.geojson", &diagnostics, &error);
    GListModel *regions = mer_document_get_regions (document);
    g_autoptr(MerRegion) kurils = g_list_model_get_item (regions, 0);
    g_autoptr(MerRegion) habomai = g_list_model_get_item (regions, 1);
    MerEvent *event = mer_document_lookup_event (document, "southern-kurils");
    guint n_regions, n_polygons;

    g_assert_cmpuint (g_list_model_get_n_items (regions), ==, 2);
    g_assert_cmpstr (mer_region_get_name (kurils), ==, "Southern Kurils");
    g_assert_cmpstr (mer_region_get_name (habomai), ==, "Habomai");
    mer_geometry_get_polygons (mer_region_get_geometry (habomai), &n_polygons);
    g_assert_cmpuint (n_polygons, ==, 1);
    g_assert_true (mer_event_get_regions (event, &n_regions)[0] == kurils);
    g_assert_cmpuint (n_regions, ==, 1);
    g_assert_cmpuint (mer_document_get_region_events (document, kurils)->len, ==, 1);
  }
}

static void
test_geojson_errors (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MerDocument) document = import ("geojson-errors.geojson", &diagnostics, &error);

  g_assert_null (document);
  g_assert_error (error, MER_IMPORT_ERROR, MER_IMPORT_ERROR_INVALID);
  assert_diagnostics (diagnostics, (const char * const[]) {
    "geojson-errors.geojson:4:104: error: features[0].geometry.coordinates: [200, 10] is outside "
      "[-180, 180] × [-90, 90]",
    "geojson-errors.geojson:5:108: error: features[1].geometry.coordinates[0]: a ring has 3 positions; "
      "it needs at least 4",
    "geojson-errors.geojson:6:108: error: features[2].geometry.coordinates[0]: the ring is not closed: "
      "its first and last positions differ",
    "geojson-errors.geojson:7:80: error: features[3].geometry.type: \"Circle\" is not a GeoJSON geometry type",
    "geojson-errors.geojson:8:15: error: features[4].type: expected \"Feature\", found \"Point\"",
    "geojson-errors.geojson:9:104: error: features[5].geometry.coordinates: expected a position [lon, lat] of numbers",
    NULL
  });
}

/* Features are parsed one at a time, after the text around them: a syntax
 * error inside one still comes before one after the array, as in the file. */
static void
test_geojson_syntax (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MerDocument) document = import ("geojson-syntax.geojson", &diagnostics, &error);

  g_assert_null (document);
  g_assert_error (error, MER_IMPORT_ERROR, MER_IMPORT_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, "geojson-syntax.geojson: missing colon after a member name");
  assert_diagnostics (diagnostics, (const char * const[]) {
    "geojson-syntax.geojson:5:49: error: missing colon after a member name",
    "geojson-syntax.geojson:8:20: error: missing comma between two members or elements",
    NULL
  });

  /* The text around the features is sound: each broken feature is still
   * reported, not only the first. */
  g_clear_pointer (&diagnostics, g_ptr_array_unref);
  g_clear_error (&error);
  document = import ("geojson-syntax-features.geojson", &diagnostics, &error);
  g_assert_null (document);
  g_assert_error (error, MER_IMPORT_ERROR, MER_IMPORT_ERROR_INVALID);
  assert_diagnostics (diagnostics, (const char * const[]) {
    "geojson-syntax-features.geojson:4:54: error: trailing comma: nothing may follow the last comma in an object "
      "or array",
    "geojson-syntax-features.geojson:6:50: error: invalid value `tru' (expected a string in double quotes, a number, "
      "an object, an array, true, false or null)",
    NULL
  });
}

/* A year-first date ("2016/12/15") does not settle whether the others are
 * day or month first: "05/06/2016" after it is still ambiguous, a feature
 * without a time in GeoJSON, an error in a table. A span is a start and an
 * end. */
static void
test_slashed_dates (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MerDocument) document = import ("slashed-dates.geojson", &diagnostics, &error);

  g_assert_no_error (error);
  assert_diagnostics (diagnostics, (const char * const[]) {
    "slashed-dates.geojson:5:72: warning: features[1].properties.date: \"05/06/2016\" is not a date (could be "
      "day/month or month/day; write it as YYYY-MM-DD); the feature has no time",
    NULL
  });
  assert_events (document, (const char * const[]) {
    "year-first | Year first | 2016-12-15 | place Year first 34.37 131.18",
    "span | Span | 2016-12-15..2016-12-16 | place Span 34.37 131.18",
    NULL
  });

  g_clear_pointer (&diagnostics, g_ptr_array_unref);
  g_clear_object (&document);
  document = import ("slashed-dates.csv", &diagnostics, &error);
  g_assert_null (document);
  g_assert_error (error, MER_IMPORT_ERROR, MER_IMPORT_ERROR_INVALID);
  assert_diagnostics (diagnostics, (const char * const[]) {
    "slashed-dates.csv:3:12: error: date: \"05/06/2016\" is not a date (could be day/month or month/day; "
      "write it as YYYY-MM-DD)",
    NULL
  });
}

/* Free-text dates as StoryMapJS slides and tables give them: a date, or two
 * with a dash or "to" between them, the first completed from the second. */
static void
test_date_spans (void)
{
  static const struct {
    const char *text;
    const char *expected;   /* START or START..END; NULL: not a date */
  } cases[] = {
    { "1904–1905", "1904..1905" },
    { "1904-1905", "1904..1905" },
    { "1904 - 1905", "1904..1905" },
    { "15–16 December 2016", "2016-12-15..2016-12-16" },
    { "December 15-16, 2016", "2016-12-15..2016-12-16" },
    { "15 December – 16 December 2016", "2016-12-15..2016-12-16" },
    { "Aug 1945 to Sep 1945", "1945-08..1945-09" },
    { "1945-08-15 to 1945-09-02", "1945-08-15..1945-09-02" },
    { "2016-12-15", "2016-12-15" },
    { "-0480", "-0480" },
    { "1905-1904", NULL },
    { "2016-13", NULL },
    { "30–31 February 2016", NULL },
    { "Summer 1945", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      MerDate start, end;
      gboolean has_end = FALSE;
      g_autoptr(GError) error = NULL;
      g_autofree char *got = NULL;

      g_test_message ("%s", cases[i].text);
      if (!mer_import_date_parse_span (cases[i].text, MER_IMPORT_DAY_ORDER_UNKNOWN, &start, &end, &has_end, &error))
        {
          g_assert_nonnull (error);
          g_assert_null (cases[i].expected);
          continue;
        }
      g_assert_no_error (error);
      got = mer_date_to_iso (&start);
      if (has_end)
        {
          g_autofree char *first = g_steal_pointer (&got);
          g_autofree char *last = mer_date_to_iso (&end);

          got = g_strdup_printf ("%s..%s", first, last);
        }
      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

/* The time and the title can be named when the usual names miss them. */
static void
test_options (void)
{
  static const struct {
    const char       *fixture;
    MerImportOptions  options;
    const char       *first_event;
  } cases[] = {
    { "quakes.geojson", { "updated", NULL, "place" },
      "us7000a | 85 km E of Shikotan, Russia | 2023-11-14T22:21:40Z | category earthquake (earthquake) "
        "| place 85 km E of Shikotan, Russia 43.7 147.9 "
        "| source 85 km E of Shikotan, Russia <https://example.org/quake/us7000a>" },
    { "table.csv", { "Year", NULL, "LOCATION" },
      "JPN1 | Tokyo | 2020 | category protests (Protests) | place Tokyo 35.68 139.69 | source Kyodo <no link>" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (TESTDATADIR, "import", cases[i].fixture, NULL);
      g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(MerDocument) document = NULL;
      g_autoptr(MerEvent) event = NULL;
      g_autofree char *line = NULL;

      document = mer_import_load_file_full (path, cases[i].fixture, &cases[i].options, diagnostics, &error);
      g_assert_no_error (error);
      event = g_list_model_get_item (mer_document_get_events (document), 0);
      line = dump_event (event);
      g_assert_cmpstr (line, ==, cases[i].first_event);
    }

  /* A column named in an option must be there. */
  {
    g_autofree char *path = g_build_filename (TESTDATADIR, "import", "table.csv", NULL);
    g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
    g_autoptr(GError) error = NULL;
    MerImportOptions options = { "when_it_was", NULL, NULL };
    g_autoptr(MerDocument) document = mer_import_load_file_full (path, "table.csv", &options, diagnostics, &error);

    g_assert_null (document);
    g_assert_error (error, MER_IMPORT_ERROR, MER_IMPORT_ERROR_INVALID);
    assert_diagnostics (diagnostics, (const char * const[]) {
      "table.csv:1:1: error: the header has no column \"when_it_was\" to read the time from",
      NULL
    });
  }
}

/* A story map is a briefing, slide by slide; dated slides are events too. */
static void
test_storymap (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MerDocument) document = import ("storymap.json", &diagnostics, &error);
  g_autoptr(MerBriefing) briefing = NULL;
  static const char * const slides[] = {
    "shimoda | Shimoda | The first treaty. More | 34.68 138.94 9",
    "- | The islands today | Seen from the air. | 44 146 6",
    "- | Undated | - | 43.5 145.5 7",
    "nagato | Nagato | - | 34.37 131.18 20",
  };

  g_assert_no_error (error);
  assert_diagnostics (diagnostics, (const char * const[]) {
    "storymap.json:26:17: warning: storymap.slides[3].date: \"some spring\" is not a date (expected an ISO 8601 "
      "date (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDThh:mm[:ss][Z|±hh:mm]), a year, or a date with its month as a "
      "word (15 March 2020)); the slide is not an event",
    "storymap.json:30:7: warning: storymap.slides[4]: the slide has neither a location nor a date; it is skipped",
    "storymap.json:31:85: warning: storymap.slides[5].location.zoom: zoom 30 is outside [0, 20]; 20 is used",
    NULL
  });
  assert_events (document, (const char * const[]) {
    "shimoda | Shimoda | 1855-02-07 | place Shimoda 34.68 138.94 | view 34.68 138.94 9 "
      "| source The harbour <https://example.org/shimoda.jpg> | source More <https://example.org/shimoda>",
    "nagato | Nagato | 2016-12 | place Nagato 34.37 131.18 | view 34.37 131.18 20",
    NULL
  });

  g_assert_cmpstr (mer_document_get_title (document), ==, "Islands in dispute");
  g_assert_cmpstr (mer_document_get_description (document), ==, "Four islands.\n\nTwo states.");
  g_assert_cmpstr (mer_document_get_attribution (document), ==, "Maps © OpenStreetMap");
  g_assert_null (mer_document_get_view (document));

  g_assert_cmpuint (g_list_model_get_n_items (mer_document_get_briefings (document)), ==, 1);
  briefing = g_list_model_get_item (mer_document_get_briefings (document), 0);
  g_assert_cmpstr (mer_briefing_get_title (briefing), ==, "Islands in dispute");
  g_assert_cmpuint (mer_briefing_get_n_slides (briefing), ==, G_N_ELEMENTS (slides));
  for (guint i = 0; i < G_N_ELEMENTS (slides); i++)
    {
      MerSlide *slide = mer_briefing_get_slide (briefing, i);
      MerEvent *event = mer_slide_get_event (slide);
      const MerView *view = mer_slide_get_view (slide);
      const char *notes = mer_slide_get_notes (slide);
      g_autofree char *line = g_strdup_printf ("%s | %s | %s | %g %g %g",
                                               event != NULL ? mer_event_get_id (event) : "-",
                                               mer_slide_get_caption (slide), notes != NULL ? notes : "-",
                                               view->lat, view->lon, view->zoom);

      g_assert_cmpstr (line, ==, slides[i]);
    }
}

static void
test_kml (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MerDocument) document = import ("story.kml", &diagnostics, &error);
  GListModel *regions;
  g_autoptr(MerRegion) port_arthur = NULL;
  g_autoptr(MerRegion) habomai = NULL;
  guint n_regions;

  g_assert_no_error (error);
  assert_diagnostics (diagnostics, (const char * const[]) {
    "story.kml:41: warning: Placemark \"Untimed island\" has no TimeStamp or TimeSpan, nor has its Folder; "
      "it is skipped",
    NULL
  });
  assert_events (document, (const char * const[]) {
    "shimoda | Treaty of Shimoda | 1855-02-07 | category treaties (Treaties) | place Treaty of Shimoda 34.68 138.94 "
      "| source Text <https://example.org/shimoda>",
    "port-arthur | Port Arthur | 1904-02..1905-09 | category war-of-1904 (War of 1904) "
      "| place Port Arthur 38.8 121.25",
    "portsmouth | Portsmouth | 1905-08-09T10:00:00Z..1905-09-05 | category treaties (Treaties) "
      "| place Portsmouth 43.07 -70.76",
    "open-end | Open end | 1945 | category war-of-1904 (War of 1904) | place Open end 44 146",
    NULL
  });
  g_assert_cmpstr (mer_document_get_title (document), ==, "Kuril places");
  g_assert_cmpstr (mer_document_get_description (document), ==, "From Google Earth.");
  g_assert_cmpstr (mer_event_get_summary (mer_document_lookup_event (document, "shimoda")), ==,
                   "Signed here. Text\n\nsignatories: Russia & Japan");

  regions = mer_document_get_regions (document);
  g_assert_cmpuint (g_list_model_get_n_items (regions), ==, 2);
  port_arthur = g_list_model_get_item (regions, 0);
  habomai = g_list_model_get_item (regions, 1);
  g_assert_cmpstr (mer_region_get_name (port_arthur), ==, "Port Arthur");
  g_assert_cmpstr (mer_region_get_name (habomai), ==, "Habomai");
  g_assert_true (mer_event_get_regions (mer_document_lookup_event (document, "port-arthur"), &n_regions)[0] ==
                 port_arthur);
  g_assert_cmpuint (n_regions, ==, 1);
}

/* By hand, KML 2.1: white space round a tuple's commas, escaped HTML. */
static void
test_kml_by_hand (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MerDocument) document = import ("hand-written.kml", &diagnostics, &error);

  g_assert_no_error (error);
  assert_diagnostics (diagnostics, (const char * const[]) { NULL });
  assert_events (document, (const char * const[]) {
    "nagato | Nagato | 2016-12-15 | place Nagato 34.37 131.18",
    NULL
  });
  g_assert_cmpstr (mer_event_get_summary (mer_document_lookup_event (document, "nagato")), ==, "Putin & Abe");
}

static void
test_kml_errors (void)
{
  static const struct {
    const char *fixture;
    int         code;
    const char *diagnostics[4];
  } cases[] = {
    /* Refused before libxml2 reads a declaration: nothing is fetched or expanded. */
    { "xxe.kml", MER_IMPORT_ERROR_INVALID, {
        "xxe.kml:2: error: the file declares a DOCTYPE, which KML does not use; it is refused, as it could make "
          "Meridian read other files or expand entities without end",
      } },
    { "billion-laughs.kml", MER_IMPORT_ERROR_INVALID, {
        "billion-laughs.kml:2: error: the file declares a DOCTYPE, which KML does not use; it is refused, as it "
          "could make Meridian read other files or expand entities without end",
      } },
    { "kml-errors.kml", MER_IMPORT_ERROR_INVALID, {
        "kml-errors.kml:5: error: <when> \"next week\" is not a date (expected an ISO 8601 date (YYYY, YYYY-MM, "
          "YYYY-MM-DD, YYYY-MM-DDThh:mm[:ss][Z|±hh:mm]), a year, or a date with its month as a word (15 March 2020))",
        "kml-errors.kml:11: error: \"200,10\" is not a coordinate in [-180, 180] × [-90, 90]",
        "kml-errors.kml:13: error: Placemark \"Backwards\" ends before it begins",
      } },
    { "kml-malformed.kml", MER_IMPORT_ERROR_INVALID, {
        "kml-malformed.kml:5: error: the XML is malformed: Opening and ending tag mismatch: Placemark line 3 "
          "and Placemrk",
      } },
    { "story.kmz", MER_IMPORT_ERROR_UNSUPPORTED, {
        "story.kmz: error: this is a zip archive (KMZ?), which Meridian does not open; unzip it and open the .kml "
          "inside",
      } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) diagnostics = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(MerDocument) document = import (cases[i].fixture, &diagnostics, &error);

      g_assert_null (document);
      g_assert_error (error, MER_IMPORT_ERROR, cases[i].code);
      assert_diagnostics (diagnostics, cases[i].diagnostics);
    }
}

static void
test_refusals (void)
{
  static const struct {
    const char *fixture;
    int         code;
    const char *message;
  } cases[] = {
    { "timelinejs2.json", MER_IMPORT_ERROR_UNSUPPORTED,
      "timelinejs2.json:2:15: error: this is TimelineJS 2 JSON ({\"timeline\": {\"date\": [...]}}), which Meridian "
      "does not read; open it in TimelineJS 3 and save it again, or export its Google sheet as CSV" },
    { "unknown.json", MER_IMPORT_ERROR_UNKNOWN_KIND,
      "unknown.json:1:1: error: this JSON is not in a format Meridian reads (" MER_IMPORT_FORMATS ")" },
    { "unknown.txt", MER_IMPORT_ERROR_UNKNOWN_KIND,
      "unknown.txt: error: this file is not in a format Meridian reads (" MER_IMPORT_FORMATS ")" },
    { "bare-geometry.geojson", MER_IMPORT_ERROR_UNSUPPORTED,
      "bare-geometry.geojson:1:11: error: this GeoJSON is a bare Polygon, without properties to give it a time or "
      "a title; Meridian reads a Feature or a FeatureCollection" },
    { "storymap-gigapixel.json", MER_IMPORT_ERROR_UNSUPPORTED,
      "storymap-gigapixel.json:2:15: error: this is a gigapixel StoryMapJS story: its points are on a picture, "
      "not on the Earth, and Meridian maps only the Earth" },
    { "syntax-error.json", MER_IMPORT_ERROR_SYNTAX,
      "syntax-error.json:3:37: error: trailing comma: nothing may follow the last comma in an object or array" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) diagnostics = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(MerDocument) document = import (cases[i].fixture, &diagnostics, &error);

      g_assert_null (document);
      g_assert_error (error, MER_IMPORT_ERROR, cases[i].code);
      assert_diagnostics (diagnostics, (const char * const[]) { cases[i].message, NULL });
    }
}

/* A Meridian story reaches the loader unchanged: same document, same
 * messages. */
static void
test_meridian (void)
{
  static const char * const fixtures[] = {
    "valid-small.json", "no-version.json", "bad-date.json", "empty.json", "import/meridian-last.json"
  };

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *path = g_build_filename (TESTDATADIR, fixtures[i], NULL);
      g_autoptr(GPtrArray) imported = mer_diagnostics_new ();
      g_autoptr(GPtrArray) loaded = mer_diagnostics_new ();
      g_autoptr(GError) import_error = NULL;
      g_autoptr(GError) load_error = NULL;
      g_autoptr(MerDocument) a = mer_import_load_file (path, fixtures[i], imported, &import_error);
      g_autoptr(MerDocument) b = mer_loader_load_file (path, fixtures[i], loaded, &load_error);

      g_assert_true ((a == NULL) == (b == NULL));
      if (b == NULL)
        g_assert_error (import_error, load_error->domain, load_error->code);
      else
        g_assert_cmpuint (g_list_model_get_n_items (mer_document_get_events (a)), ==,
                          g_list_model_get_n_items (mer_document_get_events (b)));

      g_assert_cmpuint (imported->len, ==, loaded->len);
      for (guint d = 0; d < loaded->len; d++)
        {
          g_autofree char *x = mer_diagnostic_to_string (g_ptr_array_index (imported, d));
          g_autofree char *y = mer_diagnostic_to_string (g_ptr_array_index (loaded, d));

          g_assert_cmpstr (x, ==, y);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/import/json-syntax", test_json_syntax);
  g_test_add_func ("/core/import/html", test_html);
  g_test_add_func ("/core/import/timelinejs", test_timelinejs);
  g_test_add_func ("/core/import/timelinejs/errors", test_timelinejs_errors);
  g_test_add_func ("/core/import/timelinejs/sheet", test_timelinejs_sheet);
  g_test_add_func ("/core/import/pair", test_pair);
  g_test_add_func ("/core/import/csv/tables", test_csv_tables);
  g_test_add_func ("/core/import/csv/errors", test_csv_errors);
  g_test_add_func ("/core/import/geojson", test_geojson);
  g_test_add_func ("/core/import/geojson/errors", test_geojson_errors);
  g_test_add_func ("/core/import/geojson/syntax", test_geojson_syntax);
  g_test_add_func ("/core/import/options", test_options);
  g_test_add_func ("/core/import/slashed-dates", test_slashed_dates);
  g_test_add_func ("/core/import/date-spans", test_date_spans);
  g_test_add_func ("/core/import/storymap", test_storymap);
  g_test_add_func ("/core/import/kml", test_kml);
  g_test_add_func ("/core/import/kml/errors", test_kml_errors);
  g_test_add_func ("/core/import/kml/by-hand", test_kml_by_hand);
  g_test_add_func ("/core/import/refusals", test_refusals);
  g_test_add_func ("/core/import/meridian", test_meridian);

  return g_test_run ();
}

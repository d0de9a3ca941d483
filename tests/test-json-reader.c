/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include <glib/gstdio.h>

#include "mer-diagnostic.h"
#include "mer-json-reader.h"
#include "mer-loader.h"

/* Positions are 1-based lines and 1-based columns counted in characters
 * (Unicode code points, so "é" and "日" are one column each, and a tab is
 * one). A byte-order mark is not counted, and the \r of a CRLF line end
 * belongs to the end of its line. */

/* A byte-order mark, CRLF line ends and multi-byte characters before the
 * values looked for. */
static const char story[] =
  "\xEF\xBB\xBF{\r\n"
  "  \"meridian\": 1,\r\n"
  "  \"events\": [\r\n"
  "    { \"id\": \"é€\", \"places\": [ { \"lat\": 1 }, { \"lat\": 2.5 } ] },\r\n"
  "    {\r\n"
  "      \"title\": \"日本\", \"n\": [ 10, [ 20, 30 ] ] }\r\n"
  "  ]\r\n"
  "}\r\n";

static char *
write_temp (const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("meridian-reader-XXXXXX", &error);
  char *path;

  g_assert_no_error (error);
  path = g_build_filename (dir, "t.json", NULL);
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

static void
assert_position (MerJsonReader *reader,
                 JsonNode      *node,
                 guint          line,
                 guint          column)
{
  guint l = 0, c = 0;

  g_assert_nonnull (node);
  g_assert_true (mer_json_reader_locate (reader, node, &l, &c));
  g_assert_cmpuint (l, ==, line);
  g_assert_cmpuint (c, ==, column);
}

static JsonNode *
member (JsonNode   *object,
        const char *name)
{
  return json_object_get_member (json_node_get_object (object), name);
}

static JsonNode *
element (JsonNode *array,
         guint     index)
{
  return json_array_get_element (json_node_get_array (array), index);
}

typedef struct {
  guint n_elements;
  guint n_members;
} Streamed;

static void
on_element (MerJsonReader *reader,
            const char    *array_name,
            guint          index,
            JsonNode      *node,
            gpointer       user_data)
{
  Streamed *streamed = user_data;
  g_autofree char *text = NULL;

  g_assert_cmpstr (array_name, ==, "events");
  g_assert_cmpuint (index, ==, streamed->n_elements);
  streamed->n_elements++;

  if (index == 0)
    {
      JsonNode *places = member (node, "places");

      /* Later nodes first, then earlier ones: each walk stands alone. */
      assert_position (reader, member (element (places, 1), "lat"), 4, 54);
      assert_position (reader, element (places, 1), 4, 45);
      assert_position (reader, member (element (places, 0), "lat"), 4, 40);
      assert_position (reader, element (places, 0), 4, 31);
      assert_position (reader, places, 4, 29);
      assert_position (reader, member (node, "id"), 4, 13);
      assert_position (reader, node, 4, 5);
      g_assert_cmpuint (mer_json_reader_get_line (reader, node), ==, 4);
      text = mer_json_reader_dup_text (reader, member (element (places, 1), "lat"));
      g_assert_cmpstr (text, ==, "2.5");
    }
  else
    {
      JsonNode *n = member (node, "n");

      assert_position (reader, node, 5, 5);
      g_assert_cmpuint (mer_json_reader_get_line (reader, node), ==, 5);
      assert_position (reader, member (node, "title"), 6, 16);
      assert_position (reader, n, 6, 27);
      assert_position (reader, element (n, 0), 6, 29);
      assert_position (reader, element (element (n, 1), 1), 6, 39);
      assert_position (reader, element (n, 1), 6, 33);
      text = mer_json_reader_dup_text (reader, element (element (n, 1), 0));
      g_assert_cmpstr (text, ==, "20");
      g_assert_cmpuint (mer_json_reader_get_line (reader, element (element (n, 1), 1)), ==, 6);
      mer_json_reader_member_warning (reader, n, "events[1].n", "a member warning");
    }
}

static void
on_member (MerJsonReader *reader,
           const char    *name,
           JsonNode      *node,
           gpointer       user_data)
{
  Streamed *streamed = user_data;

  streamed->n_members++;
  if (g_str_equal (name, "meridian"))
    {
      g_autofree char *text = mer_json_reader_dup_text (reader, node);

      assert_position (reader, node, 2, 15);
      g_assert_cmpstr (text, ==, "1");
      mer_json_reader_member_warning (reader, node, "meridian", "another member warning");
    }
  else
    {
      /* Its elements were handed over one by one. */
      g_assert_cmpstr (name, ==, "events");
      g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
      g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), ==, 0);
      assert_position (reader, node, 3, 13);
      g_assert_cmpuint (streamed->n_elements, ==, 2);
    }
}

static void
test_streamed (void)
{
  g_autofree char *path = write_temp (story, sizeof story - 1);
  g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
  g_autoptr(MerJsonReader) reader = mer_json_reader_new ("t.json", diagnostics);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL, *second = NULL;
  Streamed streamed = { 0 };
  JsonNode *root;

  mer_json_reader_set_streaming (reader, on_member, on_element, &streamed);
  g_assert_true (mer_json_reader_load_file (reader, path, G_MAXUINT32, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (streamed.n_elements, ==, 2);
  g_assert_cmpuint (streamed.n_members, ==, 2);

  /* Member warnings point at the member's name. */
  g_assert_cmpuint (diagnostics->len, ==, 2);
  first = mer_diagnostic_to_string (g_ptr_array_index (diagnostics, 0));
  second = mer_diagnostic_to_string (g_ptr_array_index (diagnostics, 1));
  g_assert_cmpstr (first, ==, "t.json:2:3: warning: meridian: another member warning");
  g_assert_cmpstr (second, ==, "t.json:6:22: warning: events[1].n: a member warning");

  /* The root stays, empty, with its position. */
  root = mer_json_reader_get_root (reader);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  g_assert_cmpuint (json_object_get_size (json_node_get_object (root)), ==, 0);
  assert_position (reader, root, 1, 1);

  remove_temp (path);
}

static void
test_whole (void)
{
  g_autofree char *path = write_temp (story, sizeof story - 1);
  g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
  g_autoptr(MerJsonReader) reader = mer_json_reader_new ("t.json", diagnostics);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  JsonNode *root, *events, *n, *places;
  guint line, column;

  g_assert_true (mer_json_reader_load_file (reader, path, G_MAXUINT32, &error));
  g_assert_no_error (error);
  root = mer_json_reader_get_root (reader);
  events = member (root, "events");
  n = member (element (events, 1), "n");
  places = member (element (events, 0), "places");

  assert_position (reader, root, 1, 1);
  assert_position (reader, member (root, "meridian"), 2, 15);
  assert_position (reader, events, 3, 13);
  assert_position (reader, element (element (n, 1), 1), 6, 39);
  assert_position (reader, element (events, 1), 5, 5);
  assert_position (reader, member (element (places, 1), "lat"), 4, 54);
  assert_position (reader, member (element (places, 0), "lat"), 4, 40);
  assert_position (reader, member (element (events, 0), "id"), 4, 13);
  assert_position (reader, member (element (events, 1), "title"), 6, 16);
  assert_position (reader, element (n, 0), 6, 29);
  g_assert_cmpuint (mer_json_reader_get_line (reader, element (events, 1)), ==, 5);
  text = mer_json_reader_dup_text (reader, member (element (events, 0), "id"));
  g_assert_cmpstr (text, ==, "\"é€\"");

  /* A node from another tree has no position. */
  {
    g_autoptr(JsonNode) stranger = json_node_new (JSON_NODE_NULL);

    g_assert_false (mer_json_reader_locate (reader, stranger, &line, &column));
    g_assert_cmpuint (mer_json_reader_get_line (reader, stranger), ==, 0);
  }

  g_assert_cmpuint (diagnostics->len, ==, 0);
  remove_temp (path);
}

/* A member name given twice: json-glib keeps the last value; the walk finds
 * the first, and never goes astray. */
static void
test_duplicate_member (void)
{
  static const char text[] = "{\n  \"a\": [ 1, 2 ],\n  \"a\": 7\n}\n";
  g_autofree char *path = write_temp (text, sizeof text - 1);
  g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
  g_autoptr(MerJsonReader) reader = mer_json_reader_new ("t.json", diagnostics);
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  g_assert_true (mer_json_reader_load_file (reader, path, G_MAXUINT32, &error));
  root = mer_json_reader_get_root (reader);
  g_assert_cmpint (json_node_get_int (member (root, "a")), ==, 7);
  assert_position (reader, member (root, "a"), 2, 8);
  remove_temp (path);
}

typedef struct {
  const char *text;
  gsize       length;
  const char *expected;
} SyntaxCase;

/* The text and its length, which may include NUL bytes. */
#define T(text) text, sizeof (text) - 1

static const SyntaxCase syntax_cases[] = {
  { T ("{\"x\": 0x1F}"), "t.json:1:7: error: invalid number `0x1F': JSON numbers are decimal, like -12.5e3" },
  { T ("{\"x\": -01}"), "t.json:1:7: error: invalid number `-01': leading zeros are not allowed" },
  { T ("{\"x\": 2.}"), "t.json:1:7: error: invalid number `2.': a digit must follow the decimal point" },
  { T ("{\"x\": .2e-3}"), "t.json:1:7: error: invalid number `.2e-3': a digit must come before the decimal point" },
  { T ("{\"x\": +1}"), "t.json:1:7: error: invalid number `+1': a number may not start with `+'" },
  { T ("{\"x\": 1e}"), "t.json:1:7: error: invalid number `1e': the exponent needs digits" },
  { T ("{\"x\": 12345678901234567890}"), "t.json:1:7: error: invalid number `12345678901234567890': the integer "
                                       "does not fit in 64 bits (write it with an exponent, like 1e20)" },
  { T ("{\"x\": NaN}"), "t.json:1:7: error: invalid number `NaN': JSON has no NaN or Infinity" },
  { T ("{\"x\": -Infinity}"), "t.json:1:7: error: invalid number `-Infinity': a digit must follow the minus sign" },
  { T ("{\"x\": tru}"), "t.json:1:7: error: invalid value `tru' (expected a string in double quotes, a number, "
                    "an object, an array, true, false or null)" },
  { T ("{\"x\": 'a'}"), "t.json:1:7: error: strings must be in double quotes, not single quotes" },
  { T ("{'x': 1}"), "t.json:1:2: error: strings must be in double quotes, not single quotes" },
  { T ("{\"x\": 1 // note\n}"), "t.json:1:9: error: comments are not allowed in JSON" },
  { T ("{\"x\": /* note */ 1}"), "t.json:1:7: error: comments are not allowed in JSON" },
  { T ("{\"x\": \"a\nb\"}"), "t.json:1:9: error: line break inside a string: close the string, or write \\n" },
  { T ("{\"x\": \"a\tb\"}"), "t.json:1:9: error: control character U+0009 inside a string must be escaped (\\u0009)" },
  { T ("{\"x\": \"\\x41\"}"), "t.json:1:8: error: invalid escape `\\x' in a string "
                          "(JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX)" },
  { T ("{\"x\": \"\\U0041\"}"), "t.json:1:8: error: invalid escape `\\U' in a string "
                            "(JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX)" },
  { T ("{\"x\": \"\\u12G4\"}"), "t.json:1:8: error: invalid escape: \\u needs 4 hexadecimal digits" },
  { T ("{\"x\": \"\\uD800\"}"), "t.json:1:8: error: invalid escape: \\uD800 is the first half of a surrogate pair "
                            "without its second" },
  { T ("{\"x\": \"\\uDC00\\uD800\"}"), "t.json:1:8: error: invalid escape: \\uDC00 is the second half of a "
                                   "surrogate pair without its first" },
  { T ("{\"x\": \"abc}"), "t.json:1:7: error: the string is not closed: it needs a `\"' at its end" },
  { T ("{\"x\": [1, 2,]}"), "t.json:1:12: error: trailing comma: nothing may follow the last comma in an object or array" },
  { T ("{\"x\": 1,}"), "t.json:1:8: error: trailing comma: nothing may follow the last comma in an object or array" },
  { T ("{\"x\": 1 \"y\": 2}"), "t.json:1:9: error: missing comma between two members or elements" },
  { T ("{\"x\" 1}"), "t.json:1:6: error: missing colon after a member name" },
  { T ("{\"x\": [1}"), "t.json:1:9: error: unexpected character `}', expected `,' or `]'" },
  { T ("{\"x\": }"), "t.json:1:7: error: unexpected character `}', expected a value" },
  { T ("{\"x\": 1} x"), "t.json:1:10: error: unexpected character `x' after the end of the top-level value" },
  { T ("{\"x\": ["), "t.json:1:8: error: the file ends too early: expected a value or `]'" },
  { T ("{\"x\":\r\n\r\n  \"é\xff\"}"), "t.json:3:5: error: the file is not valid UTF-8 text" },
  { T ("{\"x\": \"a\0\"}"), "t.json:1:9: error: control character U+0000 inside a string must be escaped (\\u0000)" },
  { T ("{\"x\": 1\0}"), "t.json:1:8: error: unexpected character U+0000, expected `,' or `}'" },
  { T ("\xEF\xBB\xBF{\"é\": \xC2\xA0}"), "t.json:1:7: error: unexpected character U+00A0, expected a value" },
};

static void
run_syntax_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (syntax_cases); i++)
    {
      const SyntaxCase *c = &syntax_cases[i];
      g_autofree char *path = NULL;
      g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
      g_autoptr(MerJsonReader) reader = mer_json_reader_new ("t.json", diagnostics);
      g_autoptr(GError) error = NULL;
      g_autofree char *message = NULL;

      g_test_message ("case %u", i);
      path = write_temp (c->text, (gssize) c->length);
      g_assert_false (mer_json_reader_load_file (reader, path, G_MAXUINT32, &error));
      g_assert_error (error, MER_LOADER_ERROR, MER_LOADER_ERROR_INVALID);
      g_assert_cmpuint (diagnostics->len, ==, 1);
      message = mer_diagnostic_to_string (g_ptr_array_index (diagnostics, 0));
      g_assert_cmpstr (message, ==, c->expected);
      g_assert_null (mer_json_reader_get_root (reader));
      remove_temp (path);
    }
}

static void
test_syntax (void)
{
  run_syntax_cases ();
}

/* The messages are Meridian's own, whatever the locale. */
static void
test_syntax_locale (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));

  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("the de_DE.UTF-8 locale is not installed (Debian: locales-all)");
      return;
    }
  run_syntax_cases ();
  setlocale (LC_ALL, saved);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/json-reader/streamed", test_streamed);
  g_test_add_func ("/core/json-reader/whole", test_whole);
  g_test_add_func ("/core/json-reader/duplicate-member", test_duplicate_member);
  g_test_add_func ("/core/json-reader/syntax", test_syntax);
  g_test_add_func ("/core/json-reader/syntax-locale", test_syntax_locale);

  return g_test_run ();
}

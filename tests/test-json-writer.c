/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mer-json-writer.h"

#include <string.h>

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static char *
update (const char *original,
        JsonNode   *root)
{
  g_autoptr(GError) error = NULL;
  char *text = mer_json_writer_update (original, strlen (original), root, &error);

  g_assert_no_error (error);
  return text;
}

/* The lines of @b that differ from those of @a, when both have as many. */
static guint
count_changed_lines (const char *a,
                     const char *b)
{
  g_auto(GStrv) lines_a = g_strsplit (a, "\n", -1);
  g_auto(GStrv) lines_b = g_strsplit (b, "\n", -1);
  guint changed = 0;

  g_assert_cmpuint (g_strv_length (lines_a), ==, g_strv_length (lines_b));
  for (guint i = 0; lines_a[i] != NULL; i++)
    changed += !g_str_equal (lines_a[i], lines_b[i]);
  return changed;
}

/* Writing back what was read gives the same bytes, whatever the style:
 * odd spacing, "key" : value, 5 and 5.0, escapes, CRLF, a byte-order mark,
 * no final newline, empty arrays. */
static void
test_unchanged_is_identical (void)
{
  static const char *texts[] = {
    "{\n  \"meridian\": 1,\n  \"regions\": [],\n  \"view\": { \"zoom\": 5, \"lat\": 45.0 }\n}\n",
    "{\"a\" : 1,\"b\":[1,2 , 3],  \"c\" :{}}",
    "\xEF\xBB\xBF{\r\n\t\"title\": \"caf\\u00e9 \\\"x\\\"\",\r\n\t\"n\": -1.50e2\r\n}\r\n",
    "[ true, false, null, \"\\ud83d\\ude00\" ]\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(JsonNode) root = parse (texts[i]);
      g_autofree char *text = update (texts[i], root);

      g_assert_cmpstr (text, ==, texts[i]);
    }
}

/* The bundled story survives a round trip byte for byte, and one title
 * edited changes one line. */
static void
test_bundled_story (void)
{
  g_autofree char *original = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *same = NULL;
  g_autofree char *edited = NULL;
  JsonObject *event;

  g_file_get_contents (SRCDIR "/data/events/russia-japan.json", &original, NULL, &error);
  g_assert_no_error (error);
  root = parse (original);
  same = update (original, root);
  g_assert_true (g_str_equal (same, original));

  event = json_array_get_object_element (json_object_get_array_member (json_node_get_object (root), "events"), 5);
  json_object_set_string_member (event, "title", "A title edited in Meridian");
  edited = update (original, root);
  g_assert_cmpuint (count_changed_lines (original, edited), ==, 1);
  g_assert_nonnull (strstr (edited, "\n      \"title\": \"A title edited in Meridian\",\n"));
}

/* New members follow their neighbours' layout; removed ones take their
 * separator with them; the rest keeps its bytes. */
static void
test_members_added_and_removed (void)
{
  const char *original = "{\n    \"id\": \"a\",\n    \"zoom\": 5,\n    \"tags\": [],\n    \"x-mine\" : {\"keep\": true}\n}\n";
  g_autoptr(JsonNode) root = parse (original);
  JsonObject *object = json_node_get_object (root);
  g_autoptr(JsonArray) places = json_array_new ();
  JsonObject *place = json_object_new ();
  g_autofree char *text = NULL;

  json_object_remove_member (object, "zoom");
  json_object_set_string_member (place, "name", "Nagato");
  json_object_set_double_member (place, "lat", 34.37);
  json_object_set_int_member (place, "rank", 2);
  json_array_add_object_element (places, place);
  json_object_set_array_member (object, "places", json_array_ref (places));
  text = update (original, root);

  g_assert_cmpstr (text, ==,
                   "{\n    \"id\": \"a\",\n    \"tags\": [],\n    \"x-mine\" : {\"keep\": true},\n"
                   "    \"places\": [\n        {\n            \"name\": \"Nagato\",\n            \"lat\": 34.37,\n"
                   "            \"rank\": 2\n        }\n    ]\n}\n");
}

/* Inserting or deleting an element in an array touches only it; a whole
 * double keeps its point; new lines end as the file's do. */
static void
test_arrays_and_newlines (void)
{
  const char *original = "[\r\n  1,\r\n  2,\r\n  3\r\n]";
  g_autoptr(JsonNode) root = parse (original);
  JsonArray *array = json_node_get_array (root);
  g_autoptr(JsonNode) inserted = parse ("[1, 2, 2.5, 3]");
  g_autoptr(JsonNode) deleted = parse ("[1, 3]");
  g_autoptr(JsonNode) replaced = parse ("[1, 6.0, 3]");
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;

  g_assert_cmpuint (json_array_get_length (array), ==, 3);
  a = update (original, inserted);
  b = update (original, deleted);
  c = update (original, replaced);
  g_assert_cmpstr (a, ==, "[\r\n  1,\r\n  2,\r\n  2.5,\r\n  3\r\n]");
  g_assert_cmpstr (b, ==, "[\r\n  1,\r\n  3\r\n]");
  g_assert_cmpstr (c, ==, "[\r\n  1,\r\n  6.0,\r\n  3\r\n]");
}

/* Emptied containers close on themselves; filled empty ones open up. */
static void
test_empty_containers (void)
{
  const char *original = "{\n  \"a\": [\n    1\n  ],\n  \"b\": {}\n}\n";
  g_autoptr(JsonNode) root = parse ("{\"a\": [], \"b\": {\"c\": \"d\"}}");
  g_autofree char *text = update (original, root);

  g_assert_cmpstr (text, ==, "{\n  \"a\": [],\n  \"b\": {\n    \"c\": \"d\"\n  }\n}\n");
}

static void
test_not_json (void)
{
  g_autoptr(JsonNode) root = parse ("{}");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = mer_json_writer_update ("{\"a\": ", 6, root, &error);

  g_assert_null (text);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/json-writer/unchanged-is-identical", test_unchanged_is_identical);
  g_test_add_func ("/core/json-writer/bundled-story", test_bundled_story);
  g_test_add_func ("/core/json-writer/members-added-and-removed", test_members_added_and_removed);
  g_test_add_func ("/core/json-writer/arrays-and-newlines", test_arrays_and_newlines);
  g_test_add_func ("/core/json-writer/empty-containers", test_empty_containers);
  g_test_add_func ("/core/json-writer/not-json", test_not_json);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "mer-diagnostic.h"
#include "mer-loader.h"

/* The parsing cases of nst/JSONTestSuite (tests/data/jsontestsuite, MIT),
 * each placed as the value of an unknown member of a valid story: every y_
 * case must load, every n_ case must be refused with a positioned error, and
 * every i_ case must end as docs/format.md says. */

#define SUITEDIR TESTDATADIR "/jsontestsuite/test_parsing"

/* What Meridian does with the cases whose outcome RFC 8259 leaves to the
 * parser; anything not listed here loads. */
static const struct {
  const char *name;
  const char *message;
} refused[] = {
  { "i_number_too_big_neg_int.json",
    "invalid number `-123123123123123123123123123123': the integer does not fit in 64 bits "
    "(write it with an exponent, like 1e20)" },
  { "i_number_too_big_pos_int.json",
    "invalid number `100000000000000000000': the integer does not fit in 64 bits "
    "(write it with an exponent, like 1e20)" },
  { "i_number_very_big_negative_int.json",
    "invalid number `-237462374673276894279832749832…': the integer does not fit in 64 bits "
    "(write it with an exponent, like 1e20)" },
  { "i_object_key_lone_2nd_surrogate.json",
    "invalid escape: \\uDFAA is the second half of a surrogate pair without its first" },
  { "i_string_1st_surrogate_but_2nd_missing.json",
    "invalid escape: \\uDADA is the first half of a surrogate pair without its second" },
  { "i_string_1st_valid_surrogate_2nd_invalid.json",
    "invalid escape: \\uD888 is the first half of a surrogate pair without its second" },
  { "i_string_UTF-16LE_with_BOM.json", "the file is not valid UTF-8 text" },
  { "i_string_UTF-8_invalid_sequence.json", "the file is not valid UTF-8 text" },
  { "i_string_UTF8_surrogate_U+D800.json", "the file is not valid UTF-8 text" },
  { "i_string_incomplete_surrogate_and_escape_valid.json",
    "invalid escape: \\uD800 is the first half of a surrogate pair without its second" },
  { "i_string_incomplete_surrogate_pair.json",
    "invalid escape: \\uDD1E is the second half of a surrogate pair without its first" },
  { "i_string_incomplete_surrogates_escape_valid.json",
    "invalid escape: \\uD800 is the first half of a surrogate pair without its second" },
  { "i_string_invalid_lonely_surrogate.json",
    "invalid escape: \\uD800 is the first half of a surrogate pair without its second" },
  { "i_string_invalid_surrogate.json",
    "invalid escape: \\uD800 is the first half of a surrogate pair without its second" },
  { "i_string_invalid_utf-8.json", "the file is not valid UTF-8 text" },
  { "i_string_inverted_surrogates_U+1D11E.json",
    "invalid escape: \\uDD1E is the second half of a surrogate pair without its first" },
  { "i_string_iso_latin_1.json", "the file is not valid UTF-8 text" },
  { "i_string_lone_second_surrogate.json",
    "invalid escape: \\uDFAA is the second half of a surrogate pair without its first" },
  { "i_string_lone_utf8_continuation_byte.json", "the file is not valid UTF-8 text" },
  { "i_string_not_in_unicode_range.json", "the file is not valid UTF-8 text" },
  { "i_string_overlong_sequence_2_bytes.json", "the file is not valid UTF-8 text" },
  { "i_string_overlong_sequence_6_bytes.json", "the file is not valid UTF-8 text" },
  { "i_string_overlong_sequence_6_bytes_null.json", "the file is not valid UTF-8 text" },
  { "i_string_truncated-utf-8.json", "the file is not valid UTF-8 text" },
  { "i_string_utf16BE_no_BOM.json", "unexpected character U+0000, expected a value" },
  { "i_string_utf16LE_no_BOM.json", "unexpected character U+0000, expected a value" },
  { "i_structure_500_nested_arrays.json", "nesting is deeper than 128 levels" },
  { "i_structure_UTF-8_BOM_empty_object.json", "unexpected character U+FEFF, expected a value" },
};

static const char *
refusal_for (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    if (g_str_equal (refused[i].name, name))
      return refused[i].message;
  return NULL;
}

static void
test_case (gconstpointer data)
{
  const char *name = data;
  g_autofree char *case_path = g_build_filename (SUITEDIR, name, NULL);
  g_autofree char *bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GByteArray) story = g_byte_array_new ();
  g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
  g_autoptr(MerDocument) document = NULL;
  static const char head[] = "{\n  \"meridian\": 1,\n  \"title\": \"Conformance\",\n  \"x-test\": ";
  static const char tail[] = "\n}\n";
  gboolean expect_load;
  const char *refusal = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (case_path, &bytes, &length, &error));
  g_byte_array_append (story, (const guint8 *) head, sizeof head - 1);
  g_byte_array_append (story, (const guint8 *) bytes, (guint) length);
  g_byte_array_append (story, (const guint8 *) tail, sizeof tail - 1);

  dir = g_dir_make_tmp ("meridian-conformance-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "story.json", NULL);
  g_assert_true (g_file_set_contents (path, (const char *) story->data, story->len, &error));

  document = mer_loader_load_file (path, "story.json", diagnostics, &error);
  for (guint i = 0; i < diagnostics->len; i++)
    {
      g_autofree char *text = mer_diagnostic_to_string (g_ptr_array_index (diagnostics, i));
      g_test_message ("%s", text);
    }

  if (name[0] == 'i')
    {
      refusal = refusal_for (name);
      expect_load = refusal == NULL;
    }
  else
    expect_load = name[0] == 'y';

  if (expect_load)
    {
      g_assert_no_error (error);
      g_assert_nonnull (document);
      /* Only the warning about the unknown member. */
      g_assert_cmpuint (diagnostics->len, ==, 1);
      g_assert_cmpint (((MerDiagnostic *) g_ptr_array_index (diagnostics, 0))->severity, ==, MER_SEVERITY_WARNING);
    }
  else
    {
      MerDiagnostic *first;

      g_assert_error (error, MER_LOADER_ERROR, MER_LOADER_ERROR_INVALID);
      g_assert_null (document);
      g_assert_cmpuint (diagnostics->len, ==, 1);
      first = g_ptr_array_index (diagnostics, 0);
      g_assert_cmpint (first->severity, ==, MER_SEVERITY_ERROR);
      /* The case starts on line 4; a line break in it can only move the
       * error further down. */
      g_assert_cmpuint (first->line, >=, 4);
      g_assert_cmpuint (first->column, >=, 1);
      if (refusal != NULL)
        g_assert_cmpstr (first->message, ==, refusal);
    }

  g_remove (path);
  g_rmdir (dir);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  guint counts[3] = { 0 };

  g_test_init (&argc, &argv, NULL);

  dir = g_dir_open (SUITEDIR, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *case_name = g_ptr_array_index (names, i);
      g_autofree char *test_path = g_strdup_printf ("/core/json-conformance/%s", case_name);

      counts[case_name[0] == 'y' ? 0 : case_name[0] == 'n' ? 1 : 2]++;
      g_test_add_data_func (test_path, case_name, test_case);
    }

  /* The whole suite is there: 95 valid, 188 invalid, 35 left to the parser. */
  g_assert_cmpuint (counts[0], ==, 95);
  g_assert_cmpuint (counts[1], ==, 188);
  g_assert_cmpuint (counts[2], ==, 35);

  return g_test_run ();
}

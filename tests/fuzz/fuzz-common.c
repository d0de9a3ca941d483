/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz"

#include "config.h"

#include "fuzz-common.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "mer-convert.h"
#include "mer-diagnostic.h"
#include "mer-import.h"
#include "mer-loader.h"

/* The loader reads files, so each input is written into one private folder
 * that lives as long as the process. */
static char *tmpdir;

static void
remove_tmpdir (void)
{
  g_autoptr(GDir) dir = g_dir_open (tmpdir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmpdir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (tmpdir);
  g_clear_pointer (&tmpdir, g_free);
}

/**
 * fuzz_init:
 *
 * Bad input must come back as diagnostics, never as a GLib warning or
 * critical: both abort here, so the fuzzer reports them as crashes.
 */
void
fuzz_init (void)
{
  g_autoptr(GError) error = NULL;

  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  if (tmpdir != NULL)
    return;
  tmpdir = g_dir_make_tmp ("meridian-fuzz-XXXXXX", &error);
  g_assert_no_error (error);
  atexit (remove_tmpdir);
}

/**
 * fuzz_write_file:
 * @name: a file name inside the private folder
 *
 * Returns: (transfer full): the path of the file now holding @data
 */
char *
fuzz_write_file (const char    *name,
                 const uint8_t *data,
                 size_t         size)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, (const char *) data, (gssize) size, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
check_document (MerDocument *document)
{
  GListModel *events = mer_document_get_events (document);
  GListModel *regions = mer_document_get_regions (document);
  guint n_events = g_list_model_get_n_items (events);
  gint64 first = G_MAXINT64, last = G_MININT64;

  for (guint i = 0; i < n_events; i++)
    {
      g_autoptr(MerEvent) event = g_list_model_get_item (events, i);
      g_autofree char *date = mer_event_format_date (event);
      gint64 event_first = mer_event_get_first_second (event);
      gint64 event_last = mer_event_get_last_second (event);

      g_assert_true (mer_document_lookup_event (document, mer_event_get_id (event)) == event);
      g_assert_cmpint (event_first, <=, event_last);
      g_assert_nonnull (date);
      first = MIN (first, event_first);
      last = MAX (last, event_last);
    }

  if (n_events > 0)
    {
      g_autoptr(GPtrArray) found = mer_document_query_window (document, first, last);

      /* Every event lies inside the span of all of them. */
      g_assert_cmpuint (found->len, ==, n_events);
    }

  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(MerRegion) region = g_list_model_get_item (regions, i);
      GPtrArray *touching = mer_document_get_region_events (document, region);

      g_assert_true (mer_document_lookup_region (document, mer_region_get_id (region)) == region);
      for (guint j = 0; touching != NULL && j < touching->len; j++)
        g_assert_true (mer_event_touches_region (g_ptr_array_index (touching, j), region));
    }
}

/**
 * fuzz_check_load:
 * @document: (nullable): what the loader returned
 * @error: (nullable): the error it set
 *
 * Asserts what any load promises: a document and no errors, or no document,
 * a loader error and at least one positioned error message.
 */
void
fuzz_check_load (MerDocument  *document,
                 GPtrArray    *diagnostics,
                 const GError *error)
{
  guint n_errors = mer_diagnostics_count (diagnostics, MER_SEVERITY_ERROR);

  for (guint i = 0; i < diagnostics->len; i++)
    {
      const MerDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);
      g_autofree char *text = mer_diagnostic_to_string (diagnostic);

      g_assert_nonnull (diagnostic->file);
      g_assert_nonnull (diagnostic->message);
      g_assert_true (g_utf8_validate (text, -1, NULL));
      /* Line 0 is a message about the whole file; otherwise both count from 1. */
      g_assert_cmpint (diagnostic->line == 0, ==, diagnostic->column == 0);
    }

  if (document != NULL)
    {
      g_assert_null (error);
      g_assert_cmpuint (n_errors, ==, 0);
      check_document (document);
      return;
    }

  g_assert_nonnull (error);
  g_assert_true (error->domain == MER_LOADER_ERROR);
  if (error->code == MER_LOADER_ERROR_INVALID)
    g_assert_cmpuint (n_errors, >=, 1);
}

/**
 * fuzz_import:
 * @name: the file's name, whose extension nothing reads: the content
 *   decides the format
 *
 * Opens a file as the window and the command line do, with the
 * importers' dispatcher, and asserts what any load promises (as
 * fuzz_check_load(), with #MER_IMPORT_ERROR besides #MER_LOADER_ERROR). A
 * document that opens is written in every format --convert writes, and
 * the fields the import dialog offers are read.
 */
void
fuzz_import (const char    *name,
             const uint8_t *data,
             size_t         size)
{
  g_autofree char *path = fuzz_write_file (name, data, size);
  g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MerDocument) document = NULL;
  g_autoptr(MerImportFields) fields = NULL;
  guint n_errors;

  document = mer_import_load_file (path, name, diagnostics, &error);
  n_errors = mer_diagnostics_count (diagnostics, MER_SEVERITY_ERROR);

  for (guint i = 0; i < diagnostics->len; i++)
    {
      const MerDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);
      g_autofree char *text = mer_diagnostic_to_string (diagnostic);

      g_assert_nonnull (diagnostic->message);
      g_assert_true (g_utf8_validate (text, -1, NULL));
    }

  if (document != NULL)
    {
      g_assert_null (error);
      g_assert_cmpuint (n_errors, ==, 0);
      check_document (document);
      for (MerConvertFormat format = MER_CONVERT_FORMAT_MERIDIAN; format <= MER_CONVERT_FORMAT_CSV; format++)
        {
          g_autoptr(GPtrArray) report = g_ptr_array_new_with_free_func (g_free);
          g_autofree char *text = mer_convert_to_text (document, format, report);

          g_assert_true (g_utf8_validate (text, -1, NULL));
        }
    }
  else
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == MER_LOADER_ERROR || error->domain == MER_IMPORT_ERROR);
      g_assert_cmpuint (n_errors, >=, 1);
    }

  fields = mer_import_read_fields (path, NULL);
  if (fields != NULL)
    for (guint i = 0; fields->names[i] != NULL; i++)
      g_assert_true (mer_import_fields_has (fields, fields->names[i]));
}

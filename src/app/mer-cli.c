/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-cli"

#include "config.h"

#include "mer-cli.h"

#include "mer-diagnostic.h"
#include "mer-loader.h"

#include <stdio.h>

static void
print_diagnostics (GPtrArray *diagnostics)
{
  for (guint i = 0; i < diagnostics->len; i++)
    {
      g_autofree char *line = mer_diagnostic_to_string (g_ptr_array_index (diagnostics, i));

      fprintf (stderr, "%s\n", line);
    }
}

/**
 * mer_cli_check:
 * @files: the event files to validate
 *
 * Validates each file and prints its problems like a compiler, then one
 * summary line per valid file. Needs no display.
 *
 * Returns: %MER_EXIT_OK when every file is valid, %MER_EXIT_INVALID when one
 *   has errors, %MER_EXIT_USAGE when one cannot be read
 */
int
mer_cli_check (const char * const *files)
{
  int status = MER_EXIT_OK;

  if (files == NULL || files[0] == NULL)
    {
      fprintf (stderr, "meridian: --check needs at least one FILE\n");
      return MER_EXIT_USAGE;
    }

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(MerDocument) document = NULL;

      document = mer_loader_load_file (files[i], files[i], diagnostics, &error);
      print_diagnostics (diagnostics);

      if (document == NULL)
        {
          if (g_error_matches (error, MER_LOADER_ERROR, MER_LOADER_ERROR_READ))
            status = MER_EXIT_USAGE;
          else if (status == MER_EXIT_OK)
            status = MER_EXIT_INVALID;
          continue;
        }

      printf ("%s: %u events, %u regions, %u eras, %u briefings\n", files[i],
              g_list_model_get_n_items (mer_document_get_events (document)),
              g_list_model_get_n_items (mer_document_get_regions (document)),
              g_list_model_get_n_items (mer_document_get_eras (document)),
              g_list_model_get_n_items (mer_document_get_briefings (document)));
    }

  fflush (stdout);
  return status;
}

/**
 * mer_cli_find_bundled_story:
 *
 * Returns: (transfer full): the path of the bundled Russia–Japan story: in
 *   $MERIDIAN_DATADIR if set, else in the source tree when running
 *   uninstalled, else in the installed data folder
 */
char *
mer_cli_find_bundled_story (void)
{
  const char *override = g_getenv ("MERIDIAN_DATADIR");
  g_autofree char *source = g_build_filename (SOURCE_DATADIR, "events", "russia-japan.json", NULL);

  if (override != NULL)
    return g_build_filename (override, "events", "russia-japan.json", NULL);
  if (g_file_test (source, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&source);
  return g_build_filename (PKGDATADIR, "events", "russia-japan.json", NULL);
}

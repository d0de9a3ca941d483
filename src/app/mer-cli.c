/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-cli"

#include "config.h"

#include "mer-cli.h"

#include "mer-diagnostic.h"
#include "mer-export.h"
#include "mer-export-service.h"
#include "mer-loader.h"
#include "mer-paths.h"

#include <math.h>
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
 * Returns: (transfer full): the path of the bundled Russia–Japan story in
 *   Meridian's data folder (see mer_paths_dup_data_dir())
 */
char *
mer_cli_find_bundled_story (void)
{
  return mer_paths_build_data_path ("events", "russia-japan.json", NULL);
}

/* Loads FILE (or the bundled story) for a headless command, reporting like
 * --check. Returns the exit status on failure. */
static MerDocument *
load_for_command (const char *file,
                  int        *status)
{
  g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *bundled = NULL;
  MerDocument *document;

  if (file == NULL)
    file = bundled = mer_cli_find_bundled_story ();

  document = mer_loader_load_file (file, file, diagnostics, &error);
  print_diagnostics (diagnostics);
  if (document == NULL)
    *status = g_error_matches (error, MER_LOADER_ERROR, MER_LOADER_ERROR_READ) ? MER_EXIT_USAGE : MER_EXIT_INVALID;

  return document;
}

static gboolean
parse_size (const char *text,
            double     *width,
            double     *height)
{
  char *end = NULL;
  guint64 w, h;

  if (text == NULL)
    return TRUE;

  w = g_ascii_strtoull (text, &end, 10);
  if (end == text || (*end != 'x' && *end != 'X'))
    return FALSE;
  text = end + 1;
  h = g_ascii_strtoull (text, &end, 10);
  if (end == text || *end != '\0' || w < 16 || h < 16 || w > 16384 || h > 16384)
    return FALSE;

  *width = (double) w;
  *height = (double) h;
  return TRUE;
}

static gboolean
parse_view (const char *text,
            MerView    *view)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  double values[3];

  if (g_strv_length (parts) != 3)
    return FALSE;

  for (guint i = 0; i < 3; i++)
    {
      char *end = NULL;

      values[i] = g_ascii_strtod (g_strstrip (parts[i]), &end);
      if (end == parts[i] || *end != '\0' || !isfinite (values[i]))
        return FALSE;
    }

  if (values[0] < -90 || values[0] > 90 || values[1] < -180 || values[1] > 180 || values[2] < 0 || values[2] > 20)
    return FALSE;

  *view = (MerView) { values[0], values[1], values[2] };
  return TRUE;
}

static gboolean
parse_time (const char *text,
            double     *start,
            double     *end)
{
  g_auto(GStrv) parts = g_strsplit (text, "/", -1);
  MerDate from, to;

  if (g_strv_length (parts) != 2 || !mer_date_parse (parts[0], &from, NULL) || !mer_date_parse (parts[1], &to, NULL))
    return FALSE;

  *start = mer_date_first_second (&from);
  *end = mer_date_last_second (&to);
  return *end >= *start;
}

/**
 * mer_cli_export:
 * @out: the picture to write; .png, .svg or .pdf
 * @event_id: (nullable): fit the map to this event and emphasise its regions
 * @view: (nullable): "LAT,LON,ZOOM"
 * @time: (nullable): "START/END", a time window
 * @size: (nullable): "WxH"; 1920x1080 by default, A4 landscape for PDF
 * @file: (nullable): the story; the bundled one if %NULL
 *
 * Renders a snapshot without a window or a display.
 *
 * Returns: 0 when written, 1 when the story is invalid or the file cannot
 *   be written (nothing is left behind), 2 for bad arguments
 */
int
mer_cli_export (const char *out,
                const char *event_id,
                const char *view,
                const char *time,
                const char *size,
                const char *file)
{
  MerExportFormat format = mer_export_format_from_path (out);
  g_autoptr(MerDocument) document = NULL;
  g_autoptr(MerState) state = NULL;
  g_autoptr(GError) error = NULL;
  MerExportOptions options;
  MerView map_view = { 45, 145, 4 };
  double width = format == MER_EXPORT_FORMAT_PDF ? 841.89 : 1920;
  double height = format == MER_EXPORT_FORMAT_PDF ? 595.28 : 1080;
  double start = 0, end = 0;
  int status = MER_EXIT_OK;

  if (format == MER_EXPORT_FORMAT_UNKNOWN)
    {
      fprintf (stderr, "meridian: %s: unknown format; the name must end in .png, .svg or .pdf\n", out);
      return MER_EXIT_USAGE;
    }
  if (event_id != NULL && view != NULL)
    {
      fprintf (stderr, "meridian: --event and --view cannot be used together\n");
      return MER_EXIT_USAGE;
    }
  if (!parse_size (size, &width, &height))
    {
      fprintf (stderr, "meridian: --size %s: expected WIDTHxHEIGHT, each from 16 to 16384, e.g. 1920x1080\n", size);
      return MER_EXIT_USAGE;
    }
  if (view != NULL && !parse_view (view, &map_view))
    {
      fprintf (stderr, "meridian: --view %s: expected LAT,LON,ZOOM with LAT in [-90, 90], LON in [-180, 180] "
                       "and ZOOM in [0, 20], e.g. 44.5,146.5,6\n", view);
      return MER_EXIT_USAGE;
    }
  if (time != NULL && !parse_time (time, &start, &end))
    {
      fprintf (stderr, "meridian: --time %s: expected START/END, two dates such as 1945/1956-10-19, "
                       "END not before START\n", time);
      return MER_EXIT_USAGE;
    }

  document = load_for_command (file, &status);
  if (document == NULL)
    return status;

  state = mer_state_new ();
  mer_state_set_document (state, document);
  if (time != NULL)
    mer_state_set_time_window (state, start, end);

  if (event_id != NULL)
    {
      MerEvent *event = mer_document_lookup_event (document, event_id);

      if (event == NULL)
        {
          fprintf (stderr, "meridian: --event %s: the story has no event with that id\n", event_id);
          return MER_EXIT_USAGE;
        }
      mer_state_set_selected_event (state, event);
      mer_export_view_for_event (event, width, height, &map_view);
    }
  else if (view == NULL && mer_document_get_view (document) != NULL)
    map_view = *mer_document_get_view (document);

  mer_export_options_init (&options, document, state, &map_view, width, height);
  if (!mer_export_service_write (mer_export_service_get_default (), out, &options, &error))
    {
      fprintf (stderr, "meridian: %s\n", error->message);
      return MER_EXIT_INVALID;
    }

  return MER_EXIT_OK;
}

/**
 * mer_cli_handout:
 * @out: the PDF to write
 * @briefing_id: (nullable): the briefing; the first one if %NULL
 * @file: (nullable): the story; the bundled one if %NULL
 *
 * Returns: the exit status, as for mer_cli_export()
 */
int
mer_cli_handout (const char *out,
                 const char *briefing_id,
                 const char *file)
{
  g_autoptr(MerDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  MerBriefing *briefing = NULL;
  int status = MER_EXIT_OK;

  if (mer_export_format_from_path (out) != MER_EXPORT_FORMAT_PDF)
    {
      fprintf (stderr, "meridian: %s: a handout is a PDF; the name must end in .pdf\n", out);
      return MER_EXIT_USAGE;
    }

  document = load_for_command (file, &status);
  if (document == NULL)
    return status;

  if (briefing_id != NULL && (briefing = mer_document_lookup_briefing (document, briefing_id)) == NULL)
    {
      fprintf (stderr, "meridian: --briefing %s: the story has no briefing with that id\n", briefing_id);
      return MER_EXIT_USAGE;
    }

  if (!mer_export_service_write_handout (mer_export_service_get_default (), out, document, briefing, &error))
    {
      fprintf (stderr, "meridian: %s\n", error->message);
      return MER_EXIT_INVALID;
    }

  return MER_EXIT_OK;
}

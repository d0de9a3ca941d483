/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-cli"

#include "config.h"

#include "mer-cli.h"

#include "mer-convert.h"
#include "mer-diagnostic.h"
#include "mer-document-writer.h"
#include "mer-export.h"
#include "mer-export-service.h"
#include "mer-import.h"
#include "mer-loader.h"
#include "mer-paths.h"
#include "mer-pov.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* A PNG of a page is printed at this resolution unless --dpi says. */
#define DEFAULT_PAPER_DPI 150

static void
print_diagnostics (GPtrArray *diagnostics)
{
  for (guint i = 0; i < diagnostics->len; i++)
    {
      g_autofree char *line = mer_diagnostic_to_string (g_ptr_array_index (diagnostics, i));

      fprintf (stderr, "%s\n", line);
    }
}

/* --time-property and --title-property, for every command that reads a
 * file. */
static MerImportOptions import_options;

/**
 * mer_cli_set_import_options:
 * @time_property: (nullable): --time-property
 * @title_property: (nullable): --title-property
 *
 * Names the GeoJSON property or CSV column that the commands read each
 * event's time and title from. The strings must outlive the command.
 */
void
mer_cli_set_import_options (const char *time_property,
                            const char *title_property)
{
  import_options.time_property = time_property;
  import_options.title_property = title_property;
}

/* An option naming a property is refused, as a usage error, for a file
 * that has no such property or is not GeoJSON or a CSV table: it would
 * otherwise be ignored, or every feature skipped with a warning. */
static gboolean
check_import_options (const char *file)
{
  const char *options[][2] = {
    { "--time-property", import_options.time_property },
    { "--title-property", import_options.title_property },
  };
  g_autoptr(MerImportFields) fields = NULL;

  if (import_options.time_property == NULL && import_options.title_property == NULL)
    return TRUE;

  /* A file that cannot be read is explained by the loader. */
  if (!g_file_test (file, G_FILE_TEST_IS_REGULAR))
    return TRUE;

  fields = mer_import_read_fields (file, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    {
      if (options[i][1] == NULL)
        continue;
      if (fields == NULL)
        {
          fprintf (stderr, _("meridian: %s: %s is for GeoJSON files and CSV tables of points, and this file is "
                             "neither\n"), file, options[i][0]);
          return FALSE;
        }
      if (!mer_import_fields_has (fields, options[i][1]))
        {
          fprintf (stderr, g_str_equal (fields->format, "CSV")
                             ? _("meridian: %s: %s %s: the table has no column of that name\n")
                             : _("meridian: %s: %s %s: no feature has a property of that name\n"),
                   file, options[i][0], options[i][1]);
          return FALSE;
        }
    }
  return TRUE;
}

/* Loads @file in any format, with the command line's import options, and
 * prints its messages. Sets @status on failure. */
static MerDocument *
load_file (const char *file,
           int        *status)
{
  g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  MerDocument *document;

  if (!check_import_options (file))
    {
      *status = MER_EXIT_USAGE;
      return NULL;
    }

  document = mer_import_load_file_full (file, file, &import_options, diagnostics, &error);
  print_diagnostics (diagnostics);
  if (document == NULL)
    *status = g_error_matches (error, MER_LOADER_ERROR, MER_LOADER_ERROR_READ) ? MER_EXIT_USAGE : MER_EXIT_INVALID;

  return document;
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
      fprintf (stderr, _("meridian: --check needs at least one FILE\n"));
      return MER_EXIT_USAGE;
    }

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(MerDocument) document = NULL;

      int file_status = MER_EXIT_OK;

      document = load_file (files[i], &file_status);
      if (document == NULL)
        {
          if (file_status == MER_EXIT_USAGE || status == MER_EXIT_OK)
            status = file_status;
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
  g_autofree char *bundled = NULL;

  if (file == NULL)
    file = bundled = mer_cli_find_bundled_story ();

  return load_file (file, status);
}

/* The commands, of which one at a time, and the options that go with
 * them. */
static const char * const commands[] = { "check", "export", "handout", "present", "deck", "slides", "convert" };

static const struct {
  const char *option;
  const char *commands[6];
} modifiers[] = {
  { "time-property", { "check", "convert", "export", "handout", "deck", "slides" } },
  { "title-property", { "check", "convert", "export", "handout", "deck", "slides" } },
  { "event", { "export" } },
  { "view", { "export" } },
  { "time", { "export" } },
  { "size", { "export" } },
  { "paper", { "export" } },
  { "dpi", { "export" } },
  { "scale", { "export", "slides" } },
  { "briefing", { "handout", "present", "deck", "slides" } },
  { "as-of", { "export" } },
  { "pov", { "export", "handout", "deck", "slides" } },
};

static const char * const exclusive[][2] = {
  { "event", "view" },
  { "size", "paper" },
};

static gboolean
refuse_pair (const char *a,
             const char *b)
{
  fprintf (stderr, _("meridian: --%s and --%s cannot be used together\n"), a, b);
  return FALSE;
}

/**
 * mer_cli_check_options:
 * @options: the parsed command line
 *
 * Refuses options that do not belong together, naming both: two commands
 * (--export with --present), an option with a command it is not for
 * (--briefing with --export), two options that say the same thing two ways
 * (--event with --view, --size with --paper), and an option with no
 * command it is for (--size alone).
 *
 * Returns: whether the options may be used; when not, a message is printed
 *   and the exit status is %MER_EXIT_USAGE
 */
gboolean
mer_cli_check_options (GVariantDict *options)
{
  const char *command = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_variant_dict_contains (options, commands[i]))
      {
        if (command != NULL)
          return refuse_pair (command, commands[i]);
        command = commands[i];
      }

  for (guint i = 0; i < G_N_ELEMENTS (modifiers); i++)
    {
      g_autoptr(GString) allowed = g_string_new (NULL);
      gboolean belongs = FALSE;

      if (!g_variant_dict_contains (options, modifiers[i].option))
        continue;

      for (guint j = 0; j < G_N_ELEMENTS (modifiers[i].commands) && modifiers[i].commands[j] != NULL; j++)
        {
          belongs |= g_strcmp0 (command, modifiers[i].commands[j]) == 0;
          g_string_append_printf (allowed, "%s--%s", j == 0 ? "" : _(" or "), modifiers[i].commands[j]);
        }

      if (belongs)
        continue;
      if (command != NULL)
        return refuse_pair (modifiers[i].option, command);
      fprintf (stderr, _("meridian: --%s needs %s\n"), modifiers[i].option, allowed->str);
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (exclusive); i++)
    if (g_variant_dict_contains (options, exclusive[i][0]) && g_variant_dict_contains (options, exclusive[i][1]))
      return refuse_pair (exclusive[i][0], exclusive[i][1]);

  return TRUE;
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

/* Paper in millimetres, portrait. */
static const struct {
  const char *name;
  double      width;
  double      height;
} papers[] = {
  { "a3", 297, 420 },
  { "a4", 210, 297 },
  { "a5", 148, 210 },
  { "letter", 215.9, 279.4 },
  { "legal", 215.9, 355.6 },
};

/* "a4", "a4-portrait" or "a4-landscape", in millimetres. */
static gboolean
parse_paper (const char *text,
             double     *width,
             double     *height)
{
  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    {
      gsize length = strlen (papers[i].name);

      if (g_ascii_strncasecmp (text, papers[i].name, length) != 0)
        continue;
      if (text[length] == '\0' || g_ascii_strcasecmp (text + length, "-portrait") == 0)
        {
          *width = papers[i].width;
          *height = papers[i].height;
          return TRUE;
        }
      if (g_ascii_strcasecmp (text + length, "-landscape") == 0)
        {
          *width = papers[i].height;
          *height = papers[i].width;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
parse_number (const char *text,
              double      min,
              double      max,
              double     *value)
{
  char *end = NULL;

  if (text == NULL)
    return TRUE;

  *value = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && isfinite (*value) && *value >= min && *value <= max;
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

/* A point of view the base map has, or a message naming those it has. */
static gboolean
check_pov (const char *pov)
{
  MerPovSet *set;
  g_autofree char *ids = NULL;

  if (pov == NULL)
    return TRUE;

  set = mer_pov_set_get_default ();
  if (set != NULL && mer_pov_set_find (set, pov) >= 0)
    return TRUE;

  ids = set != NULL ? mer_pov_set_dup_ids (set) : g_strdup (_("none: the points of view cannot be read"));
  fprintf (stderr, _("meridian: --pov %s: no such point of view; the base map has %s\n"), pov, ids);
  return FALSE;
}

/* The size of the picture in units, and its pixels per unit and units per
 * inch, from --size or --paper, --scale and --dpi. Prints why not and
 * returns FALSE when they cannot be used. */
static gboolean
measure (const MerCliExport *args,
         MerExportFormat     format,
         MerExportOptions   *options)
{
  double scale = 1, dpi = DEFAULT_PAPER_DPI;
  double width = 1920, height = 1080;
  const char *paper = args->paper;

  if (!parse_number (args->scale, 0.25, 8, &scale))
    {
      fprintf (stderr, _("meridian: --scale %s: expected a number from 0.25 to 8, e.g. 2\n"), args->scale);
      return FALSE;
    }
  if (!parse_number (args->dpi, 36, 1200, &dpi))
    {
      fprintf (stderr, _("meridian: --dpi %s: expected dots per inch from 36 to 1200, e.g. 300\n"), args->dpi);
      return FALSE;
    }
  if (args->dpi != NULL && format != MER_EXPORT_FORMAT_PNG)
    {
      fprintf (stderr, _("meridian: --dpi is for PNG; a PDF or SVG page has no resolution\n"));
      return FALSE;
    }
  if (args->dpi != NULL && paper == NULL)
    {
      fprintf (stderr, _("meridian: --dpi needs --paper; for a size in pixels, use --scale\n"));
      return FALSE;
    }

  /* A PDF is a page unless a size in pixels is asked for. */
  if (paper == NULL && args->size == NULL && format == MER_EXPORT_FORMAT_PDF)
    paper = "a4-landscape";

  if (paper != NULL)
    {
      if (!parse_paper (paper, &width, &height))
        {
          fprintf (stderr, _("meridian: --paper %s: expected a3, a4, a5, letter or legal, "
                             "with -portrait or -landscape, e.g. a4-portrait\n"), paper);
          return FALSE;
        }

      /* Text and symbols keep their size on paper, --scale times it; the
       * pixels of a PNG come from the resolution. */
      options->units_per_inch = 96 / scale;
      options->width = width / 25.4 * options->units_per_inch;
      options->height = height / 25.4 * options->units_per_inch;
      options->scale = dpi / options->units_per_inch;
      if (format == MER_EXPORT_FORMAT_PNG
          && (ceil (options->width * options->scale) > 16384 || ceil (options->height * options->scale) > 16384))
        {
          fprintf (stderr, _("meridian: --paper %s at %g dpi would be %.0f×%.0f pixels; at most 16384 a side\n"), paper,
                   dpi, ceil (options->width * options->scale), ceil (options->height * options->scale));
          return FALSE;
        }
      return TRUE;
    }

  if (!parse_size (args->size, &width, &height))
    {
      fprintf (stderr, _("meridian: --size %s: expected WIDTHxHEIGHT, each from 16 to 16384, e.g. 1920x1080\n"),
               args->size);
      return FALSE;
    }

  /* The same area at any scale: the pixels are divided among fewer, larger
   * units. */
  options->units_per_inch = 96;
  options->width = width / scale;
  options->height = height / scale;
  options->scale = scale;
  return TRUE;
}

/**
 * mer_cli_export:
 * @args: the command line's --export and the options that go with it
 *
 * Renders a snapshot without a window or a display: at --size pixels
 * (1920x1080 by default) with text and symbols --scale times their size,
 * or on --paper (A4 landscape by default for PDF) at --dpi for PNG.
 *
 * Returns: 0 when written, 1 when the story is invalid or the file cannot
 *   be written (nothing is left behind, and a file that was there is as it
 *   was), 2 for bad arguments
 */
int
mer_cli_export (const MerCliExport *args)
{
  MerExportFormat format = mer_export_format_from_path (args->out);
  g_autoptr(MerDocument) document = NULL;
  g_autoptr(MerState) state = NULL;
  g_autoptr(GError) error = NULL;
  MerExportOptions options;
  MerView map_view = { 45, 145, 4 };
  MerDate as_of;
  double start = 0, end = 0;
  int status = MER_EXIT_OK;

  if (format == MER_EXPORT_FORMAT_UNKNOWN)
    {
      fprintf (stderr, _("meridian: %s: unknown format; the name must end in .png, .svg or .pdf\n"), args->out);
      return MER_EXIT_USAGE;
    }
  mer_export_options_init (&options, NULL, NULL, &map_view, 1920, 1080);
  if (!measure (args, format, &options))
    return MER_EXIT_USAGE;
  if (args->view != NULL && !parse_view (args->view, &map_view))
    {
      fprintf (stderr, _("meridian: --view %s: expected LAT,LON,ZOOM with LAT in [-90, 90], LON in [-180, 180] "
                         "and ZOOM in [0, 20], e.g. 44.5,146.5,6\n"), args->view);
      return MER_EXIT_USAGE;
    }
  if (args->time != NULL && !parse_time (args->time, &start, &end))
    {
      fprintf (stderr, _("meridian: --time %s: expected START/END, two dates such as 1945/1956-10-19, "
                         "END not before START\n"), args->time);
      return MER_EXIT_USAGE;
    }
  if (args->as_of != NULL && !mer_date_parse (args->as_of, &as_of, NULL))
    {
      fprintf (stderr, _("meridian: --as-of %s: expected a date such as 1945-12-12\n"), args->as_of);
      return MER_EXIT_USAGE;
    }
  if (!check_pov (args->pov))
    return MER_EXIT_USAGE;

  document = load_for_command (args->file, &status);
  if (document == NULL)
    return status;

  state = mer_state_new ();
  mer_state_set_document (state, document);
  if (args->time != NULL)
    mer_state_set_time_window (state, start, end);
  if (args->as_of != NULL)
    mer_state_pin_as_of (state, mer_date_last_second (&as_of));
  mer_state_set_pov (state, args->pov);

  if (args->event != NULL)
    {
      MerEvent *event = mer_document_lookup_event (document, args->event);

      if (event == NULL)
        {
          fprintf (stderr, _("meridian: --event %s: the story has no event with that id\n"), args->event);
          return MER_EXIT_USAGE;
        }
      mer_state_set_selected_event (state, event);
      mer_export_view_for_event (event, options.width, options.height, &map_view);
    }
  else if (args->view == NULL && mer_document_get_view (document) != NULL)
    map_view = *mer_document_get_view (document);

  options.document = document;
  options.state = state;
  options.view = map_view;
  if (!mer_export_service_write (mer_export_service_get_default (), args->out, &options, &error))
    {
      fprintf (stderr, "meridian: %s\n", error->message);
      return MER_EXIT_INVALID;
    }

  return MER_EXIT_OK;
}

/* Loads the story and finds the briefing for a command that shows one. */
static MerDocument *
load_briefing (const char   *briefing_id,
               const char   *file,
               MerBriefing **briefing,
               int          *status)
{
  g_autoptr(MerDocument) document = load_for_command (file, status);

  *briefing = NULL;
  if (document == NULL)
    return NULL;

  if (briefing_id != NULL && (*briefing = mer_document_lookup_briefing (document, briefing_id)) == NULL)
    {
      fprintf (stderr, _("meridian: --briefing %s: the story has no briefing with that id\n"), briefing_id);
      *status = MER_EXIT_USAGE;
      return NULL;
    }

  return g_steal_pointer (&document);
}

typedef gboolean (*BriefingPdfFunc) (MerExportService *service,
                                     const char       *path,
                                     MerDocument      *document,
                                     MerBriefing      *briefing,
                                     const char       *pov,
                                     GError          **error);

/* The deck and the handout: a PDF of a briefing, written by @write. */
static int
write_briefing_pdf (const char      *out,
                    const char      *not_pdf,
                    const char      *briefing_id,
                    const char      *pov,
                    const char      *file,
                    BriefingPdfFunc  write)
{
  g_autoptr(MerDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  MerBriefing *briefing;
  int status = MER_EXIT_OK;

  if (mer_export_format_from_path (out) != MER_EXPORT_FORMAT_PDF)
    {
      fprintf (stderr, "meridian: %s: %s\n", out, not_pdf);
      return MER_EXIT_USAGE;
    }
  if (!check_pov (pov))
    return MER_EXIT_USAGE;

  document = load_briefing (briefing_id, file, &briefing, &status);
  if (document == NULL)
    return status;

  if (!write (mer_export_service_get_default (), out, document, briefing, pov, &error))
    {
      fprintf (stderr, "meridian: %s\n", error->message);
      return MER_EXIT_INVALID;
    }

  return MER_EXIT_OK;
}

/**
 * mer_cli_deck:
 * @out: the PDF to write
 * @briefing_id: (nullable): the briefing; the first one if %NULL
 * @pov: (nullable): the point of view of the maps whose slides name none
 * @file: (nullable): the story; the bundled one if %NULL
 *
 * Writes the briefing as presented, a 16:9 page per slide.
 *
 * Returns: the exit status, as for mer_cli_export()
 */
int
mer_cli_deck (const char *out,
              const char *briefing_id,
              const char *pov,
              const char *file)
{
  return write_briefing_pdf (out, _("a deck is a PDF; the name must end in .pdf"), briefing_id, pov, file,
                             mer_export_service_write_deck);
}

/**
 * mer_cli_slides:
 * @dir: the folder for the PNGs; made if missing
 * @briefing_id: (nullable): the briefing; the first one if %NULL
 * @scale: (nullable): pixels per unit: "2" for 3840 × 2160
 * @pov: (nullable): as for mer_cli_deck()
 * @file: (nullable): the story; the bundled one if %NULL
 *
 * Writes a PNG per slide, as presented on a 1920 × 1080 screen.
 *
 * Returns: the exit status, as for mer_cli_export()
 */
int
mer_cli_slides (const char *dir,
                const char *briefing_id,
                const char *scale,
                const char *pov,
                const char *file)
{
  g_autoptr(MerDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  MerBriefing *briefing;
  double factor = 1;
  int status = MER_EXIT_OK;

  if (!parse_number (scale, 0.25, 8, &factor))
    {
      fprintf (stderr, _("meridian: --scale %s: expected a number from 0.25 to 8, e.g. 2\n"), scale);
      return MER_EXIT_USAGE;
    }
  if (!check_pov (pov))
    return MER_EXIT_USAGE;

  document = load_briefing (briefing_id, file, &briefing, &status);
  if (document == NULL)
    return status;

  if (!mer_export_service_write_slides (mer_export_service_get_default (), dir, document, briefing, factor, pov,
                                        &error))
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
 * @pov: (nullable): as for mer_cli_deck()
 * @file: (nullable): the story; the bundled one if %NULL
 *
 * Returns: the exit status, as for mer_cli_export()
 */
int
mer_cli_handout (const char *out,
                 const char *briefing_id,
                 const char *pov,
                 const char *file)
{
  return write_briefing_pdf (out, _("a handout is a PDF; the name must end in .pdf"), briefing_id, pov, file,
                             mer_export_service_write_handout);
}

/**
 * mer_cli_convert:
 * @in: a story in any format Meridian reads
 * @out: the file to write; its name says the format (see
 *   mer_convert_format_from_path())
 *
 * Writes @in in another format, printing to stderr what the importer and
 * the writer could not carry. A Meridian story written as a Meridian story
 * comes out byte for byte.
 *
 * Returns: the exit status, as for mer_cli_export()
 */
int
mer_cli_convert (const char *in,
                 const char *out)
{
  g_autoptr(MerDocument) document = NULL;
  g_autoptr(GPtrArray) report = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  MerConvertFormat format;
  int status = MER_EXIT_OK;

  if (!mer_convert_format_from_path (out, &format))
    {
      fprintf (stderr, _("meridian: %s: the name must end in %s\n"), out, MER_CONVERT_EXTENSIONS);
      return MER_EXIT_USAGE;
    }

  document = load_file (in, &status);
  if (document == NULL)
    return status;

  if (format == MER_CONVERT_FORMAT_MERIDIAN && mer_document_get_imported_from (document) == NULL)
    {
      if (!mer_document_writer_copy_story (in, out, &error))
        {
          fprintf (stderr, "meridian: %s: %s\n", out, error->message);
          return MER_EXIT_INVALID;
        }
      return MER_EXIT_OK;
    }

  if (!mer_convert_write (document, format, out, report, &error))
    {
      fprintf (stderr, "meridian: %s: %s\n", out, error->message);
      return MER_EXIT_INVALID;
    }

  for (guint i = 0; i < report->len; i++)
    fprintf (stderr, _("%s: dropped: %s\n"), out, (const char *) g_ptr_array_index (report, i));
  return MER_EXIT_OK;
}

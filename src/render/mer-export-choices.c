/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-export-choices"

#include "config.h"

#include "mer-export-choices.h"

#include <math.h>

/* The export choices, read from and written to the settings in one place,
 * so that a snapshot copied without the dialog is the picture the dialog
 * would have made. */

static const char * const format_ids[] = { "png", "svg", "pdf" };
static const char * const size_ids[] = {
  "view", "1920x1080", "3840x2160", "a3", "a4", "a5", "letter", "legal", "custom",
};

/* Paper in millimetres, portrait, in the order of the sizes. */
static const double paper_mm[][2] = {
  { 297, 420 }, { 210, 297 }, { 148, 210 }, { 215.9, 279.4 }, { 215.9, 355.6 },
};
static const char * const include_ids[] = { "title", "caption", "legend", "timeline", "scale-bar", "attribution" };

G_STATIC_ASSERT (G_N_ELEMENTS (format_ids) == MER_EXPORT_FORMAT_PDF - MER_EXPORT_FORMAT_PNG + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (size_ids) == MER_EXPORT_N_SIZES);
G_STATIC_ASSERT (G_N_ELEMENTS (include_ids) == MER_EXPORT_N_INCLUDES);

/* An unknown id, from a newer or edited settings file, means the first. */
static guint
index_of (const char * const *ids,
          guint               n,
          const char         *id)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (ids[i], id) == 0)
      return i;
  return 0;
}

/**
 * mer_export_choices_load:
 * @settings: (nullable): the application's settings; without them,
 *   1920 × 1080 PNG with everything
 */
void
mer_export_choices_load (MerExportChoices *choices,
                         GSettings        *settings)
{
  g_autofree char *format = NULL;
  g_autofree char *size = NULL;
  g_auto(GStrv) includes = NULL;

  g_return_if_fail (choices != NULL);

  if (settings == NULL)
    {
      *choices = (MerExportChoices) { MER_EXPORT_FORMAT_PNG, MER_EXPORT_SIZE_1920X1080, 1600, 900,
                                      { TRUE, TRUE, TRUE, TRUE, TRUE, TRUE }, TRUE, 1, 150 };
      return;
    }

  format = g_settings_get_string (settings, "export-format");
  size = g_settings_get_string (settings, "export-size");
  includes = g_settings_get_strv (settings, "export-includes");
  choices->format = MER_EXPORT_FORMAT_PNG + index_of (format_ids, G_N_ELEMENTS (format_ids), format);
  choices->size = index_of (size_ids, G_N_ELEMENTS (size_ids), size);
  choices->custom_width = CLAMP (g_settings_get_int (settings, "export-custom-width"),
                                 MER_EXPORT_MIN_SIZE, MER_EXPORT_MAX_SIZE);
  choices->custom_height = CLAMP (g_settings_get_int (settings, "export-custom-height"),
                                  MER_EXPORT_MIN_SIZE, MER_EXPORT_MAX_SIZE);
  for (guint i = 0; i < MER_EXPORT_N_INCLUDES; i++)
    choices->include[i] = g_strv_contains ((const char * const *) includes, include_ids[i]);
  choices->landscape = g_settings_get_boolean (settings, "export-landscape");
  choices->scale = CLAMP (g_settings_get_double (settings, "export-scale"), MER_EXPORT_MIN_SCALE, MER_EXPORT_MAX_SCALE);
  choices->dpi = CLAMP (g_settings_get_int (settings, "export-dpi"), MER_EXPORT_MIN_DPI, MER_EXPORT_MAX_DPI);
}

/**
 * mer_export_choices_save:
 * @settings: (nullable): the application's settings; nothing is kept
 *   without them
 */
void
mer_export_choices_save (const MerExportChoices *choices,
                         GSettings              *settings)
{
  g_autoptr(GStrvBuilder) includes = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;

  g_return_if_fail (choices != NULL);

  if (settings == NULL)
    return;

  g_settings_set_string (settings, "export-format", mer_export_format_get_extension (choices->format));
  g_settings_set_string (settings, "export-size", size_ids[choices->size]);
  g_settings_set_int (settings, "export-custom-width", choices->custom_width);
  g_settings_set_int (settings, "export-custom-height", choices->custom_height);
  for (guint i = 0; i < MER_EXPORT_N_INCLUDES; i++)
    if (choices->include[i])
      g_strv_builder_add (includes, include_ids[i]);
  list = g_strv_builder_end (includes);
  g_settings_set_strv (settings, "export-includes", (const char * const *) list);
  g_settings_set_boolean (settings, "export-landscape", choices->landscape);
  g_settings_set_double (settings, "export-scale", choices->scale);
  g_settings_set_int (settings, "export-dpi", choices->dpi);
}

/**
 * mer_export_size_is_paper:
 *
 * Returns: whether @size is a sheet of paper, measured in millimetres, rather
 *   than pixels
 */
gboolean
mer_export_size_is_paper (MerExportSize size)
{
  return size >= MER_EXPORT_SIZE_A3 && size <= MER_EXPORT_SIZE_LEGAL;
}

/**
 * mer_export_choices_get_size:
 * @window_view: the map as the window shows it, for %MER_EXPORT_SIZE_VIEW
 * @width: (out): the picture's width in units (see #MerExportOptions): a
 *   size in pixels divided by the scale, paper at 96 an inch
 * @height: (out): the same
 */
void
mer_export_choices_get_size (const MerExportChoices *choices,
                             const MerMapView       *window_view,
                             double                 *width,
                             double                 *height)
{
  g_return_if_fail (choices != NULL);
  g_return_if_fail (window_view != NULL);

  if (mer_export_size_is_paper (choices->size))
    {
      const double *mm = paper_mm[choices->size - MER_EXPORT_SIZE_A3];

      *width = mm[choices->landscape ? 1 : 0] / 25.4 * 96;
      *height = mm[choices->landscape ? 0 : 1] / 25.4 * 96;
      return;
    }

  switch (choices->size)
    {
    case MER_EXPORT_SIZE_VIEW:
      /* The window's own units: the scale makes a sharper copy. */
      *width = window_view->width;
      *height = window_view->height;
      return;
    case MER_EXPORT_SIZE_3840X2160:
      *width = 3840;
      *height = 2160;
      break;
    case MER_EXPORT_SIZE_CUSTOM:
      *width = choices->custom_width;
      *height = choices->custom_height;
      break;
    case MER_EXPORT_SIZE_1920X1080:
    case MER_EXPORT_SIZE_A3:
    case MER_EXPORT_SIZE_A4:
    case MER_EXPORT_SIZE_A5:
    case MER_EXPORT_SIZE_LETTER:
    case MER_EXPORT_SIZE_LEGAL:
    case MER_EXPORT_N_SIZES:
    default:
      *width = 1920;
      *height = 1080;
      break;
    }

  *width /= choices->scale;
  *height /= choices->scale;
}

/**
 * mer_export_choices_to_options:
 * @state: the selection, highlights, filters and time window to show
 * @window_view: the map as the window shows it
 * @options: (out): the same centre as the window, at the zoom that shows
 *   the same area at the chosen size, with the chosen furniture, scale or
 *   resolution
 */
void
mer_export_choices_to_options (const MerExportChoices *choices,
                               MerDocument            *document,
                               MerState               *state,
                               const MerMapView       *window_view,
                               MerExportOptions       *options)
{
  double width, height, ratio;
  MerView view;

  g_return_if_fail (choices != NULL);
  g_return_if_fail (window_view != NULL);
  g_return_if_fail (options != NULL);

  mer_export_choices_get_size (choices, window_view, &width, &height);
  ratio = MIN (width / MAX (window_view->width, 1), height / MAX (window_view->height, 1));
  view = (MerView) { window_view->lat, window_view->lon, CLAMP (window_view->zoom + log2 (ratio), 0, 20) };

  mer_export_options_init (options, document, state, &view, width, height);
  options->scale = mer_export_size_is_paper (choices->size) ? choices->dpi / 96.0 : choices->scale;
  options->title = choices->include[MER_EXPORT_INCLUDE_TITLE];
  options->caption = choices->include[MER_EXPORT_INCLUDE_CAPTION];
  options->legend = choices->include[MER_EXPORT_INCLUDE_LEGEND];
  options->timeline = choices->include[MER_EXPORT_INCLUDE_TIMELINE];
  options->scale_bar = choices->include[MER_EXPORT_INCLUDE_SCALE_BAR];
  options->attribution = choices->include[MER_EXPORT_INCLUDE_ATTRIBUTION];
}

/**
 * mer_export_format_get_extension:
 *
 * Returns: "png", "svg" or "pdf", as file names end and the settings say
 */
const char *
mer_export_format_get_extension (MerExportFormat format)
{
  g_return_val_if_fail (format >= MER_EXPORT_FORMAT_PNG && format <= MER_EXPORT_FORMAT_PDF, NULL);

  return format_ids[format - MER_EXPORT_FORMAT_PNG];
}

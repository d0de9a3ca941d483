/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-convert"

#include "config.h"

#include "mer-convert-private.h"

#include <string.h>

/* CSV in the TimelineJS Google sheet's layout (RFC 4180, CRLF), read back by
 * mer-import-csv.c and by the sheet itself when pasted in: a row per event,
 * a "title" row for the story, "era" rows. Latitude, Longitude, Location
 * and Zoom are not in Knight Lab's template; the importer reads them. */

static const char * const header[] = {
  "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time", "Display Date",
  "Headline", "Text", "Media", "Media Credit", "Media Caption", "Media Thumbnail", "Type", "Group",
  "Background", "Latitude", "Longitude", "Location", "Zoom",
};

enum {
  COLUMN_YEAR,
  COLUMN_END_YEAR = 4,
  COLUMN_DISPLAY_DATE = 8,
  COLUMN_HEADLINE,
  COLUMN_TEXT,
  COLUMN_TYPE = 15,
  COLUMN_GROUP,
  COLUMN_LATITUDE = 18,
  COLUMN_LONGITUDE,
  COLUMN_LOCATION,
  COLUMN_ZOOM,
  N_COLUMNS,
};

static void
append_cell (GString    *out,
             guint       column,
             const char *text)
{
  if (column > 0)
    g_string_append_c (out, ',');
  if (text == NULL)
    return;
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_row (GString *out,
            char   **cells)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    append_cell (out, i, cells[i]);
  g_string_append (out, "\r\n");
}

/* Year, Month, Day and Time from @column on. */
static void
set_date (char          **cells,
          guint           column,
          const MerDate  *date)
{
  cells[column] = g_strdup_printf ("%" G_GINT64_FORMAT, mer_convert_timelinejs_year (date->year));
  if (date->precision >= MER_DATE_PRECISION_MONTH)
    cells[column + 1] = g_strdup_printf ("%u", date->month);
  if (date->precision >= MER_DATE_PRECISION_DAY)
    cells[column + 2] = g_strdup_printf ("%u", date->day);
  if (date->precision == MER_DATE_PRECISION_MINUTE)
    cells[column + 3] = g_strdup_printf ("%02u:%02u", date->hour, date->minute);
  else if (date->precision == MER_DATE_PRECISION_SECOND)
    cells[column + 3] = g_strdup_printf ("%02u:%02u:%02u", date->hour, date->minute, date->second);
}

static void
clear_cells (char **cells)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    g_clear_pointer (&cells[i], g_free);
}

/**
 * mer_convert_csv:
 *
 * Returns: (transfer full): @document as CSV in the TimelineJS sheet layout
 */
char *
mer_convert_csv (MerDocument *document,
                 GPtrArray   *report)
{
  GString *out = g_string_new (NULL);
  GListModel *events = mer_document_get_events (document);
  GListModel *eras = mer_document_get_eras (document);
  char *cells[N_COLUMNS] = { NULL };

  for (guint i = 0; i < N_COLUMNS; i++)
    cells[i] = g_strdup (header[i]);
  append_row (out, cells);
  clear_cells (cells);

  if (mer_document_get_title (document) != NULL || mer_document_get_description (document) != NULL)
    {
      cells[COLUMN_TYPE] = g_strdup ("title");
      cells[COLUMN_HEADLINE] = g_markup_escape_text (mer_document_get_title (document) != NULL
                                                     ? mer_document_get_title (document) : "", -1);
      cells[COLUMN_TEXT] = mer_convert_html (mer_document_get_description (document), NULL);
      append_row (out, cells);
      clear_cells (cells);
    }

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(MerEvent) event = g_list_model_get_item (events, i);
      guint n_places = 0;
      const MerPlace *places = mer_event_get_places (event, &n_places);
      char lat[G_ASCII_DTOSTR_BUF_SIZE], lon[G_ASCII_DTOSTR_BUF_SIZE];

      set_date (cells, COLUMN_YEAR, mer_event_get_start (event));
      if (mer_event_get_end (event) != NULL)
        set_date (cells, COLUMN_END_YEAR, mer_event_get_end (event));
      if (mer_event_get_date_label (event) != NULL)
        cells[COLUMN_DISPLAY_DATE] = g_markup_escape_text (mer_event_get_date_label (event), -1);
      cells[COLUMN_HEADLINE] = g_markup_escape_text (mer_event_get_title (event), -1);
      cells[COLUMN_TEXT] = mer_convert_html (mer_event_get_summary (event), event);
      if (mer_event_get_category (event) != NULL)
        cells[COLUMN_GROUP] = g_strdup (mer_category_get_name (mer_event_get_category (event)));
      if (n_places > 0)
        {
          cells[COLUMN_LATITUDE] = g_strdup (g_ascii_dtostr (lat, sizeof lat, places[0].lat));
          cells[COLUMN_LONGITUDE] = g_strdup (g_ascii_dtostr (lon, sizeof lon, places[0].lon));
          cells[COLUMN_LOCATION] = g_strdup (places[0].name);
          if (mer_event_get_view (event) != NULL)
            cells[COLUMN_ZOOM] = g_strdup (g_ascii_dtostr (lat, sizeof lat, mer_event_get_view (event)->zoom));
        }
      append_row (out, cells);
      clear_cells (cells);
    }

  for (guint i = 0; i < g_list_model_get_n_items (eras); i++)
    {
      g_autoptr(MerEra) era = g_list_model_get_item (eras, i);

      set_date (cells, COLUMN_YEAR, mer_era_get_start (era));
      set_date (cells, COLUMN_END_YEAR, mer_era_get_end (era));
      cells[COLUMN_HEADLINE] = g_markup_escape_text (mer_era_get_title (era), -1);
      cells[COLUMN_TEXT] = mer_convert_html (mer_era_get_description (era), NULL);
      cells[COLUMN_TYPE] = g_strdup ("era");
      append_row (out, cells);
      clear_cells (cells);
    }

  mer_convert_report_lost (report, document, MER_CONVERT_KEEPS_ERAS | MER_CONVERT_KEEPS_VIEWS
                           | MER_CONVERT_KEEPS_DATE_LABELS);
  return g_string_free (out, FALSE);
}

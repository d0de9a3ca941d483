/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-convert"

#include "config.h"

#include "mer-convert-private.h"

#include "mer-document-writer.h"

#include <glib/gi18n.h>
#include <string.h>

/* `meridian --convert`: a story written out in Meridian's own format or in
 * one of the formats it imports, so that people who own their data can take
 * it elsewhere. The format comes from the file's name. */

/**
 * mer_convert_format_from_path:
 * @path: the file to write
 * @format: (out): the format its name asks for
 *
 * `.timeline.json` is TimelineJS and any other `.json` a Meridian story;
 * `.geojson`, `.kml` and `.csv` are what they say. Case is ignored.
 *
 * Returns: whether the name ends in one of these
 */
gboolean
mer_convert_format_from_path (const char       *path,
                              MerConvertFormat *format)
{
  static const struct {
    const char       *suffix;
    MerConvertFormat  format;
  } suffixes[] = {
    { ".timeline.json", MER_CONVERT_FORMAT_TIMELINEJS },
    { ".json", MER_CONVERT_FORMAT_MERIDIAN },
    { ".geojson", MER_CONVERT_FORMAT_GEOJSON },
    { ".kml", MER_CONVERT_FORMAT_KML },
    { ".csv", MER_CONVERT_FORMAT_CSV },
  };
  g_autofree char *lower = g_ascii_strdown (path, -1);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (lower, suffixes[i].suffix) && strlen (lower) > strlen (suffixes[i].suffix))
      {
        *format = suffixes[i].format;
        return TRUE;
      }
  return FALSE;
}

/**
 * mer_convert_to_text:
 * @document: a story
 * @format: the format to write
 * @report: (element-type utf8): receives a line for each kind of thing the
 *   format cannot carry
 *
 * Returns: (transfer full): the story in @format
 */
char *
mer_convert_to_text (MerDocument      *document,
                     MerConvertFormat  format,
                     GPtrArray        *report)
{
  g_return_val_if_fail (MER_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (report != NULL, NULL);

  switch (format)
    {
    case MER_CONVERT_FORMAT_MERIDIAN:
      return mer_document_writer_to_text (document, report);
    case MER_CONVERT_FORMAT_TIMELINEJS:
      return mer_convert_timelinejs (document, report);
    case MER_CONVERT_FORMAT_GEOJSON:
      return mer_convert_geojson (document, report);
    case MER_CONVERT_FORMAT_KML:
      return mer_convert_kml (document, report);
    case MER_CONVERT_FORMAT_CSV:
    default:
      return mer_convert_csv (document, report);
    }
}

/**
 * mer_convert_write:
 * @path: where to write
 *
 * Writes mer_convert_to_text() into @path.
 *
 * Returns: whether it was written
 */
gboolean
mer_convert_write (MerDocument       *document,
                   MerConvertFormat   format,
                   const char        *path,
                   GPtrArray         *report,
                   GError           **error)
{
  g_autofree char *text = mer_convert_to_text (document, format, report);

  return g_file_set_contents (path, text, -1, error);
}

/**
 * mer_convert_timelinejs_year:
 * @year: an astronomical year (0 is 1 BC)
 *
 * Returns: the year as TimelineJS writes it, which has no year 0: −500 is
 *   500 BCE
 */
gint64
mer_convert_timelinejs_year (gint64 year)
{
  return year > 0 ? year : year - 1;
}

/**
 * mer_convert_event_fits:
 *
 * ISO 8601 dates, which GeoJSON and KML are written with, have at most nine
 * year digits here, as in Meridian's own format; TimelineJS's cosmological
 * years do not fit. Says so in @report for an event that does not fit.
 *
 * Returns: whether @event's dates can be written as ISO 8601
 */
gboolean
mer_convert_event_fits (MerEvent  *event,
                        GPtrArray *report)
{
  if (mer_document_writer_date_fits (mer_event_get_start (event))
      && (mer_event_get_end (event) == NULL || mer_document_writer_date_fits (mer_event_get_end (event))))
    return TRUE;

  g_ptr_array_add (report, g_strdup_printf (_("event \"%s\": its year has more than 9 digits, which an ISO 8601 "
                                              "date cannot hold here"), mer_event_get_title (event)));
  return FALSE;
}

static void
append_paragraphs (GString    *html,
                   const char *text)
{
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n\n", -1);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_auto(GStrv) lines = NULL;

      g_strstrip (paragraphs[i]);
      if (*paragraphs[i] == '\0')
        continue;
      lines = g_strsplit (paragraphs[i], "\n", -1);
      g_string_append (html, "<p>");
      for (guint j = 0; lines[j] != NULL; j++)
        {
          g_autofree char *escaped = g_markup_escape_text (lines[j], -1);

          g_string_append_printf (html, "%s%s", j > 0 ? "<br>" : "", escaped);
        }
      g_string_append (html, "</p>");
    }
}

/**
 * mer_convert_html:
 * @text: (nullable): plain text, paragraphs parted by blank lines
 * @event: (nullable): whose linked sources follow the text
 *
 * The importers make HTML into this plain text and links into sources;
 * this is the way back.
 *
 * Returns: (transfer full): @text as HTML paragraphs, then a paragraph of
 *   links to @event's sources
 */
char *
mer_convert_html (const char *text,
                  MerEvent   *event)
{
  GString *html = g_string_new (NULL);
  guint n_sources = 0;
  const MerSource *sources = event != NULL ? mer_event_get_sources (event, &n_sources) : NULL;
  gboolean any = FALSE;

  if (text != NULL)
    append_paragraphs (html, text);

  for (guint i = 0; i < n_sources; i++)
    {
      g_autofree char *url = NULL;
      g_autofree char *title = NULL;

      if (sources[i].url == NULL)
        continue;
      url = g_markup_escape_text (sources[i].url, -1);
      title = g_markup_escape_text (sources[i].title, -1);
      g_string_append_printf (html, "%s<a href=\"%s\">%s</a>", any ? "<br>" : "<p>", url, title);
      any = TRUE;
    }
  if (any)
    g_string_append (html, "</p>");

  return g_string_free (html, FALSE);
}

/* A macro, so that the compiler checks the translated strings as formats
 * and xgettext finds them in ngettext () calls. */
#define add_line(report, count, text) \
  G_STMT_START { \
    guint n_ = (count); \
    if (n_ > 0) \
      g_ptr_array_add ((report), g_strdup_printf ((text), n_)); \
  } G_STMT_END

/**
 * mer_convert_report_lost:
 * @keeps: what the format keeps beyond the essentials
 *
 * Adds to @report a line for each kind of thing in @document that a format
 * keeping @keeps cannot carry, with how many there are.
 */
void
mer_convert_report_lost (GPtrArray       *report,
                         MerDocument     *document,
                         MerConvertKeeps  keeps)
{
  GListModel *events = mer_document_get_events (document);
  GListModel *regions = mer_document_get_regions (document);
  guint n_circa = 0, n_importance = 0, n_tags = 0, n_region_links = 0, n_places = 0, n_sources = 0;
  guint n_views = 0, n_histories = 0, n_colors = 0, n_offsets = 0, n_labels = 0;
  guint n_briefings, n_regions, n_eras;

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(MerEvent) event = g_list_model_get_item (events, i);
      const char *const *tags = mer_event_get_tags (event);
      guint n = 0;
      const MerSource *sources;

      n_circa += mer_event_get_circa (event);
      n_importance += mer_event_get_importance (event) != 3;
      n_tags += tags != NULL && tags[0] != NULL;
      mer_event_get_regions (event, &n);
      n_region_links += n > 0;
      mer_event_get_places (event, &n);
      n_places += n > 1 && !(keeps & MER_CONVERT_KEEPS_PLACES);
      sources = mer_event_get_sources (event, &n);
      for (guint j = 0; j < n; j++)
        if (sources[j].url == NULL && !(keeps & MER_CONVERT_KEEPS_SOURCES))
          {
            n_sources++;
            break;
          }
      n_views += mer_event_get_view (event) != NULL && !(keeps & MER_CONVERT_KEEPS_VIEWS);
      n_labels += mer_event_get_date_label (event) != NULL && !(keeps & MER_CONVERT_KEEPS_DATE_LABELS);
      n_offsets += !(keeps & MER_CONVERT_KEEPS_ZONES)
                   && (mer_event_get_start (event)->has_offset
                       || (mer_event_get_end (event) != NULL && mer_event_get_end (event)->has_offset));
    }

  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(MerRegion) region = g_list_model_get_item (regions, i);
      guint n = 0;

      mer_region_get_periods (region, &n);
      n_histories += n > 0;
      n_colors += mer_region_get_color (region) != MER_NO_COLOR;
    }

  n_briefings = g_list_model_get_n_items (mer_document_get_briefings (document));
  n_regions = g_list_model_get_n_items (regions);
  n_eras = g_list_model_get_n_items (mer_document_get_eras (document));

  add_line (report, n_briefings, ngettext ("%u briefing (the format has no slides)",
                                           "%u briefings (the format has no slides)", n_briefings));
  if (!(keeps & MER_CONVERT_KEEPS_REGIONS))
    add_line (report, n_regions, ngettext ("%u region (the format has no polygons)",
                                           "%u regions (the format has no polygons)", n_regions));
  else
    add_line (report, n_histories, ngettext ("the history of %u region", "the histories of %u regions", n_histories));
  if (!(keeps & MER_CONVERT_KEEPS_ERAS))
    add_line (report, n_eras, ngettext ("%u era", "%u eras", n_eras));
  add_line (report, n_region_links, ngettext ("the regions of %u event", "the regions of %u events", n_region_links));
  add_line (report, n_circa, ngettext ("\"circa\" on %u event", "\"circa\" on %u events", n_circa));
  add_line (report, n_importance, ngettext ("the importance of %u event", "the importance of %u events",
                                            n_importance));
  add_line (report, n_tags, ngettext ("the tags of %u event", "the tags of %u events", n_tags));
  add_line (report, n_places, ngettext ("all but the first place of %u event",
                                        "all but the first place of %u events", n_places));
  add_line (report, n_sources, ngettext ("the sources without a link of %u event",
                                         "the sources without a link of %u events", n_sources));
  add_line (report, n_labels, ngettext ("the date label of %u event", "the date labels of %u events", n_labels));
  add_line (report, n_views, ngettext ("the view of %u event", "the views of %u events", n_views));
  add_line (report, n_offsets, ngettext ("the time zone of %u event's dates", "the time zone of %u events' dates",
                                         n_offsets));
  add_line (report, n_colors, ngettext ("the colour of %u region", "the colours of %u regions", n_colors));
  if (mer_document_get_subtitle (document) != NULL)
    g_ptr_array_add (report, g_strdup (_("the subtitle")));
  if (mer_document_get_attribution (document) != NULL)
    g_ptr_array_add (report, g_strdup (_("the attribution")));
  if (mer_document_get_revised (document) != NULL)
    g_ptr_array_add (report, g_strdup (_("the date the story was revised")));
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-import-timelinejs"

#include "config.h"

#include "mer-import-private.h"
#include "mer-json-reader.h"
#include "mer-import-html.h"
#include "mer-import-timelinejs.h"

#include <math.h>
#include <string.h>

/* Reads Knight Lab's TimelineJS 3 JSON (docs/import.md gives the mapping
 * member by member). The same slide conversion serves the TimelineJS Google
 * sheet read as CSV, through MerImportTimelineSlide. */

typedef struct {
  MerImportBuilder  builder;
  MerJsonReader    *json;
} Importer;

static const char * const root_members[] = { "events", "title", "eras", "scale", NULL };
static const char * const slide_members[] = {
  "start_date", "end_date", "text", "media", "group", "display_date", "display_text", "background",
  "autolink", "unique_id", "location", NULL
};
static const char * const era_members[] = { "start_date", "end_date", "text", NULL };
static const char * const date_members[] = {
  "year", "month", "day", "hour", "minute", "second", "millisecond", "display_date", "format", NULL
};
static const char * const text_members[] = { "headline", "text", NULL };
static const char * const media_members[] = {
  "url", "caption", "credit", "thumbnail", "alt", "title", "link", "link_target", NULL
};
static const char * const location_members[] = { "lat", "lon", "zoom", "name", "line", "icon", NULL };

/* Conversions shared with the sheet */

/**
 * mer_import_timelinejs_year:
 *
 * TimelineJS shows year -500 as "500 BCE", so a negative year counts back
 * from 1 BC; Meridian's years are astronomical, in which 500 BC is -499.
 * Year 0, which TimelineJS also accepts, is read as 1 BC.
 */
gint64
mer_import_timelinejs_year (gint64 year)
{
  return year < 0 ? year + 1 : year;
}

/* Reads a whole number written as a number, a string of digits ("07"), or
 * nothing ("" or null). */
gboolean
mer_import_parse_whole (const char *text,
                        gint64     *value,
                        gboolean   *present)
{
  g_autofree char *s = g_strstrip (g_strdup (text));
  const char *p = s;
  gboolean negative = FALSE;
  gint64 v = 0;

  *present = FALSE;
  if (*p == '\0')
    return TRUE;

  if (*p == '-' || *p == '+')
    negative = *p++ == '-';
  if (!g_ascii_isdigit (*p))
    return FALSE;

  for (; g_ascii_isdigit (*p); p++)
    {
      if (v > G_GINT64_CONSTANT (100000000000000))
        return FALSE;
      v = v * 10 + (*p - '0');
    }

  /* Spreadsheets write whole numbers as "1421.0". */
  if (*p == '.')
    for (p++; *p == '0'; p++)
      ;
  if (*p != '\0')
    return FALSE;

  *value = negative ? -v : v;
  *present = TRUE;
  return TRUE;
}

/**
 * mer_import_timelinejs_date:
 * @parts: year, month, day, hour, minute, second and millisecond as written,
 *   each %NULL or empty when not given
 * @bad_part: (out): the index of the part that is wrong, when one is
 *
 * Returns: whether the parts make a date; @error says what is wrong
 */
gboolean
mer_import_timelinejs_date (const char * const  parts[7],
                            MerDate            *date,
                            guint              *bad_part,
                            GError            **error)
{
  static const gint64 limits[] = { 0, 12, 31, 23, 59, 59, 999 };
  static const char * const names[] = { "year", "month", "day", "hour", "minute", "second", "millisecond" };
  gint64 values[7];
  gboolean present[7];

  for (guint i = 0; i < 7; i++)
    {
      *bad_part = i;
      values[i] = -1;
      if (parts[i] == NULL)
        {
          present[i] = FALSE;
          continue;
        }
      if (!mer_import_parse_whole (parts[i], &values[i], &present[i]))
        {
          g_set_error (error, MER_DATE_ERROR, MER_DATE_ERROR_SYNTAX, "\"%s\" is not a whole number", parts[i]);
          return FALSE;
        }
      if (!present[i])
        values[i] = -1;
      else if (i > 0 && (values[i] < 0 || values[i] > limits[i]))
        {
          g_set_error (error, MER_DATE_ERROR, MER_DATE_ERROR_RANGE, "%s %" G_GINT64_FORMAT, names[i], values[i]);
          return FALSE;
        }
    }

  *bad_part = 0;
  if (!present[0])
    {
      g_set_error_literal (error, MER_DATE_ERROR, MER_DATE_ERROR_SYNTAX, "a date needs a year");
      return FALSE;
    }

  /* Milliseconds are finer than a MerDate: they are checked, then dropped. */
  if (present[6] && !present[5])
    {
      *bad_part = 6;
      g_set_error_literal (error, MER_DATE_ERROR, MER_DATE_ERROR_SYNTAX, "a millisecond needs a second");
      return FALSE;
    }

  for (guint i = 2; i <= 5; i++)
    if (present[i] && !present[i - 1])
      {
        *bad_part = i;
        g_set_error (error, MER_DATE_ERROR, MER_DATE_ERROR_SYNTAX, "a%s %s needs a%s %s",
                     i == 3 ? "n" : "", names[i], i == 4 ? "n" : "", names[i - 1]);
        return FALSE;
      }

  /* What is left to fail is a year beyond the range or a day beyond its month. */
  *bad_part = present[2] && ABS (values[0]) <= G_GINT64_CONSTANT (100000000000) ? 2 : 0;
  return mer_import_date_from_parts (mer_import_timelinejs_year (values[0]), (int) values[1], (int) values[2],
                                     (int) values[3], (int) values[4], (int) values[5], date, error);
}

/* Applies the slide's text, media and group to @event, as both the JSON and
 * the sheet carry them. */
void
mer_import_timelinejs_fill (MerImportBuilder             *builder,
                            MerEvent                     *event,
                            const MerImportTimelineSlide *slide)
{
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func ((GDestroyNotify) mer_import_link_free);
  g_autofree char *headline = NULL;
  g_autofree char *text = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *credit = NULL;

  headline = mer_import_html_to_line (slide->headline != NULL ? slide->headline : "", links);
  text = mer_import_html_to_text (slide->text != NULL ? slide->text : "", links);
  caption = mer_import_html_to_text (slide->media_caption != NULL ? slide->media_caption : "", links);
  credit = mer_import_html_to_text (slide->media_credit != NULL ? slide->media_credit : "", links);

  /* Meridian needs a title; a slide of media alone is named by what it has. */
  if (*headline != '\0')
    event->draft->title = g_steal_pointer (&headline);
  else if (*text != '\0')
    {
      const char *newline = strchr (text, '\n');

      event->draft->title = newline != NULL ? g_strndup (text, (gsize) (newline - text)) : g_strdup (text);
    }
  else if (*caption != '\0')
    event->draft->title = g_strdup (caption);
  else
    event->draft->title = event->has_end ? mer_date_format_range (&event->start, &event->draft->end, FALSE)
                                  : mer_date_format (&event->start, FALSE);

  /* A slide of one line of text is titled by it, and said once. */
  if (*text != '\0' && g_strcmp0 (text, event->draft->title) != 0)
    event->draft->summary = g_steal_pointer (&text);

  if (slide->media_url != NULL)
    {
      g_autofree char *url = g_strstrip (g_strdup (slide->media_url));
      const char *title = *caption != '\0' ? caption : *credit != '\0' ? credit : url;

      /* Embed code (an <iframe>, a <blockquote>) is not a link: dropped. */
      if (mer_import_is_link (url))
        mer_import_event_add_source (event, title, url);
    }

  for (guint i = 0; i < links->len; i++)
    {
      MerImportLink *link = g_ptr_array_index (links, i);

      mer_import_event_add_source (event, link->title, link->url);
    }

  /* TimelineJS shows its display date instead of the dates; Meridian shows
   * it as the date's label, the dates beside it. */
  if (slide->display_date != NULL)
    {
      g_autofree char *label = g_strstrip (mer_import_html_to_text (slide->display_date, NULL));

      if (*label != '\0')
        event->draft->date_label = g_steal_pointer (&label);
    }

  if (slide->group != NULL)
    {
      g_autofree char *group = g_strstrip (g_strdup (slide->group));

      if (*group != '\0')
        event->category = g_object_ref (mer_import_builder_get_category (builder, group));
    }
}

/* JSON */

#define report(self, node, severity, path, ...) \
  mer_import_report_node (&(self)->builder, (self)->json, (node), (severity), (path), __VA_ARGS__)

/* Reads one date part into text: numbers, strings and null are allowed. */
static gboolean
part_text (Importer   *self,
           JsonObject *object,
           const char *path,
           const char *name,
           char      **text)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *member_path = NULL;

  *text = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_STRING)
        {
          *text = g_strdup (json_node_get_string (node));
          return TRUE;
        }
      if (type == G_TYPE_INT64)
        {
          *text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
          return TRUE;
        }
      if (type == G_TYPE_DOUBLE)
        {
          double v = json_node_get_double (node);

          if (isfinite (v) && v == floor (v) && fabs (v) < 1e15)
            {
              *text = g_strdup_printf ("%.0f", v);
              return TRUE;
            }

          member_path = mer_import_member_path (path, name);
          {
            char buffer[G_ASCII_DTOSTR_BUF_SIZE];

            report (self, node, MER_SEVERITY_ERROR, member_path, "%s is not a whole number",
                    g_ascii_dtostr (buffer, sizeof buffer, v));
          }
          return FALSE;
        }
    }

  member_path = mer_import_member_path (path, name);
  report (self, node, MER_SEVERITY_ERROR, member_path, "expected a number or a string of digits, found %s",
          mer_json_describe_node (node));
  return FALSE;
}

/* Whether no part of a date is given, as "" or not at all. */
static gboolean
is_blank (char * const parts[7])
{
  for (guint i = 0; i < 7; i++)
    if (parts[i] != NULL && *g_strstrip (parts[i]) != '\0')
      return FALSE;
  return TRUE;
}

static gboolean
read_date (Importer   *self,
           JsonObject *slide,
           JsonNode   *slide_node,
           const char *path,
           const char *name,
           gboolean    required,
           MerDate    *date,
           const char **display_date)
{
  static const char * const names[] = { "year", "month", "day", "hour", "minute", "second", "millisecond" };
  g_autofree char *date_path = mer_import_member_path (path, name);
  JsonNode *node = json_object_get_member (slide, name);
  char *parts[7] = { NULL };
  g_autoptr(GError) error = NULL;
  JsonObject *object;
  const char *display;
  gboolean ok = TRUE;
  guint bad_part;

  if (display_date != NULL)
    *display_date = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        report (self, slide_node, MER_SEVERITY_ERROR, path, "missing required member \"%s\"", name);
      return FALSE;
    }

  object = mer_import_get_object (&self->builder, self->json, slide, path, name);
  if (object == NULL)
    return FALSE;

  mer_import_check_members (&self->builder, self->json, object, date_path, date_members);
  display = mer_import_get_string (&self->builder, self->json, object, date_path, "display_date");
  if (display_date != NULL)
    *display_date = display;
  for (guint i = 0; i < 7; i++)
    ok &= part_text (self, object, date_path, names[i], &parts[i]);

  /* Sheets written out as JSON give every slide an end_date, all its parts
   * empty when the event has no end. */
  if (ok && !required && is_blank (parts))
    ok = FALSE;
  else if (ok && !mer_import_timelinejs_date ((const char * const *) parts, date, &bad_part, &error))
    {
      JsonNode *part = json_object_get_member (object, names[bad_part]);

      if (part != NULL)
        {
          g_autofree char *part_path = mer_import_member_path (date_path, names[bad_part]);

          report (self, part, MER_SEVERITY_ERROR, part_path, "%s", error->message);
        }
      else
        report (self, node, MER_SEVERITY_ERROR, date_path, "%s", error->message);
      ok = FALSE;
    }

  for (guint i = 0; i < 7; i++)
    g_free (parts[i]);

  return ok;
}

static gboolean
check_order (Importer      *self,
             JsonObject    *object,
             const char    *path,
             const MerDate *start,
             const MerDate *end)
{
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  g_autofree char *end_path = NULL;

  if (mer_date_last_second (end) >= mer_date_first_second (start))
    return TRUE;

  start_text = mer_date_to_iso (start);
  end_text = mer_date_to_iso (end);
  end_path = mer_import_member_path (path, "end_date");
  report (self, json_object_get_member (object, "end_date"), MER_SEVERITY_ERROR, end_path,
          "end_date %s is before start_date %s", end_text, start_text);
  return FALSE;
}

/* Reads text.headline and text.text. */
static void
read_text (Importer    *self,
           JsonObject  *slide,
           const char  *path,
           const char **headline,
           const char **text)
{
  g_autofree char *text_path = mer_import_member_path (path, "text");
  JsonObject *object = mer_import_get_object (&self->builder, self->json, slide, path, "text");

  *headline = *text = NULL;
  if (object == NULL)
    return;

  mer_import_check_members (&self->builder, self->json, object, text_path, text_members);
  *headline = mer_import_get_string (&self->builder, self->json, object, text_path, "headline");
  *text = mer_import_get_string (&self->builder, self->json, object, text_path, "text");
}

static void
read_location (Importer   *self,
               JsonObject *slide,
               const char *path,
               MerEvent   *event)
{
  g_autofree char *location_path = mer_import_member_path (path, "location");
  JsonObject *object = mer_import_get_object (&self->builder, self->json, slide, path, "location");
  const char *name;
  double lat, lon, zoom;
  gboolean ok;

  if (object == NULL)
    return;

  mer_import_check_members (&self->builder, self->json, object, location_path, location_members);
  ok = mer_import_get_number (&self->builder, self->json, object, location_path, "lat", -90, 90, &lat);
  ok &= mer_import_get_number (&self->builder, self->json, object, location_path, "lon", -180, 180, &lon);
  name = mer_import_get_string (&self->builder, self->json, object, location_path, "name");
  if (!ok)
    return;

  mer_import_event_add_place (event, name != NULL && *name != '\0' ? name : event->draft->title, lat, lon);
  if (mer_import_get_zoom (&self->builder, self->json, object, location_path, &zoom))
    {
      MerView view = { lat, lon, zoom };

      mer_event_set_view (event, &view);
    }
}

static void
convert_event (Importer   *self,
               JsonNode   *node,
               guint       index)
{
  g_autofree char *path = g_strdup_printf ("events[%u]", index);
  g_autoptr(MerEvent) event = NULL;
  MerImportTimelineSlide slide = { 0 };
  JsonObject *object, *media;
  MerDate start, end;
  gboolean has_end = FALSE;
  const char *start_display = NULL, *end_display = NULL;
  g_autofree char *dates_display = NULL;
  const char *unique_id;
  const char *id;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      report (self, node, MER_SEVERITY_ERROR, path, "expected an object, found %s", mer_json_describe_node (node));
      return;
    }

  object = json_node_get_object (node);
  mer_import_check_members (&self->builder, self->json, object, path, slide_members);

  event = mer_event_new ();
  mer_import_locate (self->json, node, &event->line, NULL);

  if (!read_date (self, object, node, path, "start_date", TRUE, &start, &start_display))
    {
      /* The rest is still read, for its own messages. */
      read_date (self, object, node, path, "end_date", FALSE, &end, NULL);
      read_text (self, object, path, &slide.headline, &slide.text);
      return;
    }

  if (read_date (self, object, node, path, "end_date", FALSE, &end, &end_display) &&
      check_order (self, object, path, &start, &end))
    has_end = TRUE;
  mer_import_event_set_dates (event, &start, has_end ? &end : NULL);

  read_text (self, object, path, &slide.headline, &slide.text);
  slide.group = mer_import_get_string (&self->builder, self->json, object, path, "group");

  /* The slide's display_date stands for both dates, as in TimelineJS; some
   * tools write it as display_text; else the dates' own display dates make
   * the label together. */
  slide.display_date = mer_import_get_string (&self->builder, self->json, object, path, "display_date");
  if (slide.display_date == NULL || *slide.display_date == '\0')
    slide.display_date = mer_import_get_string (&self->builder, self->json, object, path, "display_text");
  if (slide.display_date == NULL || *slide.display_date == '\0')
    {
      if (start_display != NULL && *start_display != '\0' &&
          has_end && end_display != NULL && *end_display != '\0')
        slide.display_date = dates_display = g_strconcat (start_display, " – ", end_display, NULL);
      else
        slide.display_date = start_display;
    }

  media = mer_import_get_object (&self->builder, self->json, object, path, "media");
  if (media != NULL)
    {
      g_autofree char *media_path = mer_import_member_path (path, "media");
      const char *link;

      mer_import_check_members (&self->builder, self->json, media, media_path, media_members);
      slide.media_url = mer_import_get_string (&self->builder, self->json, media, media_path, "url");
      slide.media_caption = mer_import_get_string (&self->builder, self->json, media, media_path, "caption");
      slide.media_credit = mer_import_get_string (&self->builder, self->json, media, media_path, "credit");
      link = mer_import_get_string (&self->builder, self->json, media, media_path, "link");
      mer_import_timelinejs_fill (&self->builder, event, &slide);
      if (link != NULL && mer_import_is_link (link))
        mer_import_event_add_source (event, event->draft->title, link);
    }
  else
    mer_import_timelinejs_fill (&self->builder, event, &slide);

  read_location (self, object, path, event);

  unique_id = mer_import_get_string (&self->builder, self->json, object, path, "unique_id");
  id = mer_import_builder_add_event (&self->builder, g_object_ref (event), unique_id, event->draft->title);
  if (unique_id != NULL && *unique_id != '\0' && !g_str_equal (id, unique_id))
    {
      g_autofree char *id_path = mer_import_member_path (path, "unique_id");

      report (self, json_object_get_member (object, "unique_id"), MER_SEVERITY_WARNING, id_path,
              "duplicate unique_id \"%s\"; this event's id is \"%s\"", unique_id, id);
    }
}

static void
convert_era (Importer *self,
             JsonNode *node,
             guint     index)
{
  g_autofree char *path = g_strdup_printf ("eras[%u]", index);
  g_autoptr(MerEra) era = NULL;
  g_autofree char *title = NULL;
  const char *headline, *text;
  JsonObject *object;
  gboolean ok;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      report (self, node, MER_SEVERITY_ERROR, path, "expected an object, found %s", mer_json_describe_node (node));
      return;
    }

  object = json_node_get_object (node);
  mer_import_check_members (&self->builder, self->json, object, path, era_members);
  era = mer_era_new ();
  mer_import_locate (self->json, node, &era->line, NULL);

  /* An era's band shows its title, not its dates: display dates are dropped. */
  ok = read_date (self, object, node, path, "start_date", TRUE, &era->start, NULL);
  ok &= read_date (self, object, node, path, "end_date", TRUE, &era->end, NULL);
  read_text (self, object, path, &headline, &text);
  if (!ok || !check_order (self, object, path, &era->start, &era->end))
    return;

  title = mer_import_html_to_line (headline != NULL ? headline : "", NULL);
  era->title = *title != '\0' ? g_steal_pointer (&title) : mer_date_format_range (&era->start, &era->end, FALSE);
  if (text != NULL)
    {
      g_autofree char *description = mer_import_html_to_text (text, NULL);

      if (*description != '\0')
        era->description = g_steal_pointer (&description);
    }

  mer_import_builder_add_era (&self->builder, g_steal_pointer (&era));
}

static void
convert_title (Importer   *self,
               JsonObject *root)
{
  JsonObject *title = mer_import_get_object (&self->builder, self->json, root, NULL, "title");
  g_autofree char *headline_text = NULL;
  g_autofree char *description = NULL;
  const char *headline, *text;

  if (title == NULL)
    return;

  mer_import_check_members (&self->builder, self->json, title, "title", slide_members);
  read_text (self, title, "title", &headline, &text);

  headline_text = mer_import_html_to_line (headline != NULL ? headline : "", NULL);
  description = mer_import_html_to_text (text != NULL ? text : "", NULL);
  if (*headline_text != '\0')
    self->builder.title = g_steal_pointer (&headline_text);
  if (*description != '\0')
    self->builder.description = g_steal_pointer (&description);
}

static void
convert_array (Importer   *self,
               JsonObject *root,
               JsonNode   *root_node,
               const char *name,
               gboolean    required,
               void      (*convert) (Importer *, JsonNode *, guint))
{
  JsonNode *node = json_object_get_member (root, name);
  JsonArray *array;

  if (node == NULL)
    {
      if (required)
        report (self, root_node, MER_SEVERITY_ERROR, NULL, "missing required member \"%s\"", name);
      return;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      report (self, node, MER_SEVERITY_ERROR, name, "expected an array, found %s", mer_json_describe_node (node));
      return;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    convert (self, json_array_get_element (array, i), i);
}

/**
 * mer_import_timelinejs:
 *
 * Converts TimelineJS 3 JSON. The dispatcher has checked that the root is an
 * object.
 */
MerDocument *
mer_import_timelinejs (MerJsonReader *json,
                       const char    *path,
                       const char    *display_name,
                       GPtrArray     *diagnostics,
                       GError       **error)
{
  JsonNode *root_node = mer_json_reader_get_root (json);
  JsonObject *root = json_node_get_object (root_node);
  Importer self = { .json = json };
  const char *scale;
  MerDocument *document;

  mer_import_builder_init (&self.builder, display_name, diagnostics);

  mer_import_check_members (&self.builder, json, root, NULL, root_members);
  convert_title (&self, root);
  convert_array (&self, root, root_node, "events", TRUE, convert_event);
  convert_array (&self, root, root_node, "eras", FALSE, convert_era);

  scale = mer_import_get_string (&self.builder, json, root, NULL, "scale");
  if (scale != NULL && !g_str_equal (scale, "human") && !g_str_equal (scale, "cosmological"))
    report (&self, json_object_get_member (root, "scale"), MER_SEVERITY_WARNING, "scale",
            "\"%s\" is not a TimelineJS scale (human or cosmological); it is ignored", scale);

  document = mer_import_builder_finish (&self.builder, path, error);
  mer_import_builder_clear (&self.builder);
  return document;
}

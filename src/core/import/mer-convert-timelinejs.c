/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-convert"

#include "config.h"

#include "mer-convert-private.h"

#include "mer-json-writer.h"

/* TimelineJS 3 JSON, read back by mer-import-timelinejs.c: each event a
 * slide, the story's title the title slide, eras as eras. Sources with a
 * link go into the slide's text as links, which the importer makes into
 * sources again. */

static JsonObject *
write_date (const MerDate *date)
{
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "year", mer_convert_timelinejs_year (date->year));
  if (date->precision >= MER_DATE_PRECISION_MONTH)
    json_object_set_int_member (object, "month", date->month);
  if (date->precision >= MER_DATE_PRECISION_DAY)
    json_object_set_int_member (object, "day", date->day);
  if (date->precision >= MER_DATE_PRECISION_MINUTE)
    {
      json_object_set_int_member (object, "hour", date->hour);
      json_object_set_int_member (object, "minute", date->minute);
    }
  if (date->precision >= MER_DATE_PRECISION_SECOND)
    json_object_set_int_member (object, "second", date->second);
  return object;
}

static JsonObject *
write_text (const char *headline,
            const char *html)
{
  JsonObject *object = json_object_new ();

  if (headline != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (headline, -1);

      json_object_set_string_member (object, "headline", escaped);
    }
  if (html != NULL && *html != '\0')
    json_object_set_string_member (object, "text", html);
  return object;
}

static JsonObject *
write_event (MerEvent *event)
{
  JsonObject *object = json_object_new ();
  g_autofree char *html = mer_convert_html (mer_event_get_summary (event), event);
  guint n_places = 0;
  const MerPlace *places = mer_event_get_places (event, &n_places);

  json_object_set_string_member (object, "unique_id", mer_event_get_id (event));
  json_object_set_object_member (object, "start_date", write_date (mer_event_get_start (event)));
  if (mer_event_get_end (event) != NULL)
    json_object_set_object_member (object, "end_date", write_date (mer_event_get_end (event)));
  if (mer_event_get_date_label (event) != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (mer_event_get_date_label (event), -1);

      json_object_set_string_member (object, "display_date", escaped);
    }
  json_object_set_object_member (object, "text", write_text (mer_event_get_title (event), html));
  if (mer_event_get_category (event) != NULL)
    json_object_set_string_member (object, "group", mer_category_get_name (mer_event_get_category (event)));
  if (n_places > 0)
    {
      JsonObject *location = json_object_new ();

      json_object_set_double_member (location, "lat", places[0].lat);
      json_object_set_double_member (location, "lon", places[0].lon);
      if (places[0].name != NULL)
        json_object_set_string_member (location, "name", places[0].name);
      if (mer_event_get_view (event) != NULL)
        json_object_set_double_member (location, "zoom", mer_event_get_view (event)->zoom);
      json_object_set_object_member (object, "location", location);
    }
  return object;
}

/**
 * mer_convert_timelinejs:
 *
 * Returns: (transfer full): @document as TimelineJS 3 JSON
 */
char *
mer_convert_timelinejs (MerDocument *document,
                        GPtrArray   *report)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *root = json_object_new ();
  GListModel *events = mer_document_get_events (document);
  GListModel *eras = mer_document_get_eras (document);
  JsonArray *array = json_array_new ();
  g_autofree char *description = NULL;

  json_node_take_object (node, root);
  if (mer_document_get_title (document) != NULL || mer_document_get_description (document) != NULL)
    {
      JsonObject *title = json_object_new ();

      description = mer_convert_html (mer_document_get_description (document), NULL);
      json_object_set_object_member (title, "text", write_text (mer_document_get_title (document), description));
      json_object_set_object_member (root, "title", title);
    }

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(MerEvent) event = g_list_model_get_item (events, i);

      json_array_add_object_element (array, write_event (event));
    }
  json_object_set_array_member (root, "events", array);

  if (g_list_model_get_n_items (eras) > 0)
    {
      array = json_array_new ();
      for (guint i = 0; i < g_list_model_get_n_items (eras); i++)
        {
          g_autoptr(MerEra) era = g_list_model_get_item (eras, i);
          JsonObject *object = json_object_new ();
          g_autofree char *html = mer_convert_html (mer_era_get_description (era), NULL);

          json_object_set_object_member (object, "start_date", write_date (mer_era_get_start (era)));
          json_object_set_object_member (object, "end_date", write_date (mer_era_get_end (era)));
          json_object_set_object_member (object, "text", write_text (mer_era_get_title (era), html));
          json_array_add_object_element (array, object);
        }
      json_object_set_array_member (root, "eras", array);
    }

  mer_convert_report_lost (report, document, MER_CONVERT_KEEPS_ERAS | MER_CONVERT_KEEPS_VIEWS
                           | MER_CONVERT_KEEPS_DATE_LABELS);
  return mer_json_writer_to_text (node, "  ", "\n");
}

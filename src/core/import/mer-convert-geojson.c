/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-convert"

#include "config.h"

#include "mer-convert-private.h"

#include "mer-document-writer.h"
#include "mer-json-writer.h"

#include <glib/gi18n.h>

/* A GeoJSON FeatureCollection, read back by mer-import-geojson.c: each
 * event a feature with its places as a Point or MultiPoint and its dates as
 * ISO 8601 strings in `start` and `end`; each region a Polygon feature
 * without a time. */

static JsonArray *
position (double lon,
          double lat)
{
  JsonArray *array = json_array_new ();

  json_array_add_double_element (array, lon);
  json_array_add_double_element (array, lat);
  return array;
}

static JsonNode *
event_geometry (MerEvent *event)
{
  guint n_places = 0;
  const MerPlace *places = mer_event_get_places (event, &n_places);
  JsonObject *object;
  JsonNode *node;

  if (n_places == 0)
    return json_node_new (JSON_NODE_NULL);

  object = json_object_new ();
  if (n_places == 1)
    {
      json_object_set_string_member (object, "type", "Point");
      json_object_set_array_member (object, "coordinates", position (places[0].lon, places[0].lat));
    }
  else
    {
      JsonArray *coordinates = json_array_new ();

      for (guint i = 0; i < n_places; i++)
        json_array_add_array_element (coordinates, position (places[i].lon, places[i].lat));
      json_object_set_string_member (object, "type", "MultiPoint");
      json_object_set_array_member (object, "coordinates", coordinates);
    }
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  return node;
}

static void
set_string (JsonObject *object,
            const char *member,
            const char *value)
{
  if (value != NULL && *value != '\0')
    json_object_set_string_member (object, member, value);
}

static void
set_date (JsonObject    *object,
          const char    *member,
          const MerDate *date)
{
  g_autofree char *text = mer_date_to_iso (date);

  json_object_set_string_member (object, member, text);
}

static JsonObject *
feature (JsonNode   *geometry,
         JsonObject *properties)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "type", "Feature");
  json_object_set_member (object, "geometry", geometry);
  json_object_set_object_member (object, "properties", properties);
  return object;
}

static JsonObject *
write_event (MerEvent *event)
{
  JsonObject *properties = json_object_new ();
  JsonObject *object;
  guint n_places = 0;
  const MerPlace *places = mer_event_get_places (event, &n_places);
  g_autofree char *html = NULL;

  set_string (properties, "title", mer_event_get_title (event));
  set_date (properties, "start", mer_event_get_start (event));
  if (mer_event_get_end (event) != NULL)
    set_date (properties, "end", mer_event_get_end (event));
  if (mer_event_get_category (event) != NULL)
    set_string (properties, "category", mer_category_get_name (mer_event_get_category (event)));
  if (n_places > 0)
    set_string (properties, "place", places[0].name);
  /* The description is HTML to the importer: its links are the sources. */
  html = mer_convert_html (mer_event_get_summary (event), event);
  set_string (properties, "description", html);

  object = feature (event_geometry (event), properties);
  json_object_set_string_member (object, "id", mer_event_get_id (event));
  return object;
}

static JsonObject *
write_region (MerRegion *region)
{
  JsonObject *properties = json_object_new ();
  JsonObject *object;

  set_string (properties, "name", mer_region_get_name (region));
  set_string (properties, "description", mer_region_get_description (region));
  object = feature (mer_document_writer_geometry (mer_region_get_geometry (region)), properties);
  json_object_set_string_member (object, "id", mer_region_get_id (region));
  return object;
}

/**
 * mer_convert_geojson:
 *
 * Returns: (transfer full): @document as a GeoJSON FeatureCollection
 */
char *
mer_convert_geojson (MerDocument *document,
                     GPtrArray   *report)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *root = json_object_new ();
  GListModel *events = mer_document_get_events (document);
  GListModel *regions = mer_document_get_regions (document);
  JsonArray *features = json_array_new ();

  json_node_take_object (node, root);
  json_object_set_string_member (root, "type", "FeatureCollection");
  set_string (root, "name", mer_document_get_title (document));

  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(MerRegion) region = g_list_model_get_item (regions, i);

      json_array_add_object_element (features, write_region (region));
    }
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(MerEvent) event = g_list_model_get_item (events, i);

      if (!mer_convert_event_fits (event, report))
        continue;
      json_array_add_object_element (features, write_event (event));
    }
  json_object_set_array_member (root, "features", features);

  if (mer_document_get_description (document) != NULL)
    g_ptr_array_add (report, g_strdup (_("the description")));
  mer_convert_report_lost (report, document,
                           MER_CONVERT_KEEPS_REGIONS | MER_CONVERT_KEEPS_PLACES | MER_CONVERT_KEEPS_ZONES);
  return mer_json_writer_to_text (node, "  ", "\n");
}

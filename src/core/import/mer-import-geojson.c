/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-import-geojson"

#include "config.h"

#include "mer-import-private.h"
#include "mer-json-reader.h"
#include "mer-import-date.h"
#include "mer-import-html.h"

#include <math.h>
#include <string.h>

/* Reads GeoJSON (RFC 7946) out of QGIS, USGS feeds and the like: a
 * FeatureCollection or a single Feature. Points are events' places, polygons
 * regions (and events when they have a time). GeoJSON has no time of its
 * own, so it is read from the properties people name for it. */

typedef struct {
  MerImportBuilder        builder;
  MerJsonReader          *json;
  const MerImportOptions *options;
  JsonArray              *features;      /* when parsed whole; else lazy */
  guint                   n_features;
  MerImportDayOrder       start_order;
  MerImportDayOrder       end_order;
  gboolean                start_searched;  /* the order was looked for ahead */
  gboolean                end_searched;
} Importer;

static const char * const time_names[] = {
  "time", "date", "datetime", "start", "begin", "start_date", "startdate", "timestamp", "year", "when",
  "event_date", NULL
};
static const char * const end_names[] = { "end", "end_date", "enddate", "finish", "until", "stop", NULL };
static const char * const title_names[] = { "title", "name", "place", "headline", "label", NULL };
static const char * const text_names[] = { "description", "summary", "notes", "text", "details", NULL };
static const char * const category_names[] = { "category", "group", "type", "class", NULL };
static const char * const place_names[] = { "place", "location", "city", "site", NULL };
static const char * const url_names[] = { "url", "link", "href", NULL };

/* Years written as numbers go up to here; larger numbers are epoch
 * milliseconds (USGS feeds: 1700000000000). */
#define MAX_YEAR_NUMBER 99999.0

#define report(self, node, severity, path, ...) \
  mer_import_report_node (&(self)->builder, (self)->json, (node), (severity), (path), __VA_ARGS__)

/* What to look for among a feature's properties: @wanted alone when given,
 * else any of @names (in their order of preference), without case. */
typedef struct {
  const char         *wanted;
  const char * const *names;
  JsonNode           *node;    /* what was found, or NULL */
  const char         *found;   /* its name as written */
  guint               rank;
} PropertyQuery;

/* Answers every query in one pass over the properties, keeping for each the
 * property whose name comes first among its names (the first such property
 * on a tie): a feature's properties are searched for seven lists of names,
 * and walking them once for each list took as long as reading them. Names
 * whose first bytes differ other than by case are told apart before the
 * call. */
static void
find_properties (JsonObject    *properties,
                 PropertyQuery *queries,
                 guint          n_queries)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  for (guint q = 0; q < n_queries; q++)
    {
      queries[q].node = NULL;
      queries[q].found = NULL;
      queries[q].rank = G_MAXUINT;
    }

  if (properties == NULL)
    return;

  json_object_iter_init (&iter, properties);
  while (json_object_iter_next (&iter, &name, &value))
    {
      if (JSON_NODE_HOLDS_NULL (value))
        continue;
      for (guint q = 0; q < n_queries; q++)
        {
          PropertyQuery *query = &queries[q];

          for (guint n = 0; n < query->rank && (query->wanted != NULL ? n == 0 : query->names[n] != NULL); n++)
            {
              const char *target = query->wanted != NULL ? query->wanted : query->names[n];

              if ((*name | 0x20) == (*target | 0x20) && g_ascii_strcasecmp (name, target) == 0)
                {
                  query->node = value;
                  query->found = name;
                  query->rank = n;
                  break;
                }
            }
        }
    }
}

/* Finds a property by one of @names (or by @wanted alone when given). */
static JsonNode *
find_property (JsonObject         *properties,
               const char         *wanted,
               const char * const *names)
{
  PropertyQuery query = { wanted, names };

  find_properties (properties, &query, 1);
  return query.node;
}

/* A property as text: a string, or a number written back. */
static char *
property_text (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strstrip (g_strdup (json_node_get_string (node)));
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  return NULL;
}

static JsonObject *
feature_properties (JsonNode *feature)
{
  JsonNode *node;

  if (!JSON_NODE_HOLDS_OBJECT (feature))
    return NULL;
  node = json_object_get_member (json_node_get_object (feature), "properties");
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* Features */

/* Feature @index, parsed now when the features array is read one element
 * at a time. A syntax error in it is reported when @report_errors, and
 * gives %NULL. */
static JsonNode *
get_feature (Importer *self,
             guint     index,
             gboolean  report_errors)
{
  g_autoptr(GError) error = NULL;
  guint line = 0, column = 0;
  JsonNode *node;

  if (self->features != NULL)
    return json_node_ref (json_array_get_element (self->features, index));

  node = mer_json_reader_parse_element (self->json, index, &line, &column, &error);
  if (node == NULL && report_errors)
    mer_import_builder_report (&self->builder, MER_SEVERITY_ERROR, line, column, NULL, "%s", error->message);
  return node;
}

static void
release_feature (Importer *self,
                 JsonNode *node)
{
  if (self->features != NULL)
    json_node_unref (node);
  else
    mer_json_reader_forget (self->json, node);
}

/* Slashed dates in one property share their order across features: the
 * first value that settles it (a day over 12) settles it for all. Values
 * are read in order, each settling it if it can; a value that needs it
 * before any has looks for it in the features after its own. */
static MerImportDayOrder
find_order_ahead (Importer           *self,
                  guint               from,
                  const char         *wanted,
                  const char * const *names)
{
  for (guint i = from; i < self->n_features; i++)
    {
      JsonNode *feature = get_feature (self, i, FALSE);
      JsonNode *node;
      MerImportDayOrder order = MER_IMPORT_DAY_ORDER_UNKNOWN;

      /* A syntax error stops the import where it is reached. */
      if (feature == NULL)
        break;
      node = find_property (feature_properties (feature), wanted, names);
      if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        order = mer_import_date_day_order (json_node_get_string (node));
      release_feature (self, feature);
      if (order != MER_IMPORT_DAY_ORDER_UNKNOWN)
        return order;
    }

  return MER_IMPORT_DAY_ORDER_UNKNOWN;
}

static void
settle_order (Importer           *self,
              JsonNode           *value,
              guint               index,
              const char         *wanted,
              const char * const *names,
              MerImportDayOrder  *order,
              gboolean           *searched)
{
  const char *text;
  MerDate date;

  if (*order != MER_IMPORT_DAY_ORDER_UNKNOWN || !JSON_NODE_HOLDS_VALUE (value) ||
      json_node_get_value_type (value) != G_TYPE_STRING)
    return;

  text = json_node_get_string (value);
  *order = mer_import_date_day_order (text);
  if (*order != MER_IMPORT_DAY_ORDER_UNKNOWN || *searched || strpbrk (text, "/.") == NULL ||
      mer_import_date_parse_text (text, MER_IMPORT_DAY_ORDER_UNKNOWN, &date, NULL))
    return;

  *searched = TRUE;
  *order = find_order_ahead (self, index + 1, wanted, names);
}

/* Reads a time value; on failure, says why in @why. A string that is a
 * span ("1904–1905") gives its end in @span_end, when asked for. */
static gboolean
read_time (JsonNode          *node,
           const char        *name,
           MerImportDayOrder  order,
           MerDate           *date,
           MerDate           *span_end,
           gboolean          *spanned,
           char             **why)
{
  g_autoptr(GError) error = NULL;
  MerDate ignored;
  gboolean ignored_span;
  GType type;

  if (spanned != NULL)
    *spanned = FALSE;

  if (!JSON_NODE_HOLDS_VALUE (node) || (type = json_node_get_value_type (node)) == G_TYPE_BOOLEAN)
    {
      *why = g_strdup_printf ("expected a date or a number, found %s", mer_json_describe_node (node));
      return FALSE;
    }

  if (type == G_TYPE_STRING)
    {
      if (mer_import_date_parse_span (json_node_get_string (node), order, date,
                                      span_end != NULL ? span_end : &ignored,
                                      spanned != NULL ? spanned : &ignored_span, &error))
        return TRUE;
      *why = g_strdup_printf ("\"%s\" is not a date (%s)", json_node_get_string (node), error->message);
      return FALSE;
    }

  {
    double v = json_node_get_double (node);
    char buffer[G_ASCII_DTOSTR_BUF_SIZE];

    if (!isfinite (v))
      {
        *why = g_strdup ("the number is not finite");
        return FALSE;
      }

    if (g_ascii_strcasecmp (name, "year") == 0 || fabs (v) <= MAX_YEAR_NUMBER)
      {
        if (v != floor (v) || fabs (v) > 1e11)
          {
            *why = g_strdup_printf ("%s is not a whole year", g_ascii_dtostr (buffer, sizeof buffer, v));
            return FALSE;
          }
        if (!mer_import_date_from_parts ((gint64) v, -1, -1, -1, -1, -1, date, &error))
          {
            *why = g_strdup (error->message);
            return FALSE;
          }
        return TRUE;
      }

    /* Epoch milliseconds, before 1970 too; the milliseconds are dropped. */
    if (fabs (v) > 1e17)
      {
        *why = g_strdup_printf ("%s milliseconds is too far from 1970", g_ascii_dtostr (buffer, sizeof buffer, v));
        return FALSE;
      }
    {
      gint64 seconds = (gint64) floor (v / 1000);
      gint64 days = seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);
      gint64 in_day = seconds - days * 86400;
      gint64 year;
      guint month, day;

      mer_date_civil_from_days (days, &year, &month, &day);
      *date = (MerDate) {
        .year = year, .month = (guint8) month, .day = (guint8) day,
        .hour = (guint8) (in_day / 3600), .minute = (guint8) (in_day / 60 % 60), .second = (guint8) (in_day % 60),
        .precision = MER_DATE_PRECISION_SECOND, .has_offset = TRUE, .offset_minutes = 0,
      };
      return TRUE;
    }
  }
}

/* Geometry */

static gboolean
read_position (Importer   *self,
               JsonNode   *node,
               const char *path,
               MerLonLat  *point)
{
  JsonArray *array;
  JsonNode *lon, *lat;

  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (array = json_node_get_array (node)) < 2)
    {
      report (self, node, MER_SEVERITY_ERROR, path, "expected a position [lon, lat]");
      return FALSE;
    }

  /* A third number, the altitude, is accepted and dropped. */
  lon = json_array_get_element (array, 0);
  lat = json_array_get_element (array, 1);
  if (!JSON_NODE_HOLDS_VALUE (lon) || !JSON_NODE_HOLDS_VALUE (lat) ||
      json_node_get_value_type (lon) == G_TYPE_STRING || json_node_get_value_type (lat) == G_TYPE_STRING ||
      json_node_get_value_type (lon) == G_TYPE_BOOLEAN || json_node_get_value_type (lat) == G_TYPE_BOOLEAN)
    {
      report (self, node, MER_SEVERITY_ERROR, path, "expected a position [lon, lat] of numbers");
      return FALSE;
    }

  point->lon = json_node_get_double (lon);
  point->lat = json_node_get_double (lat);
  if (!(point->lon >= -180 && point->lon <= 180) || !(point->lat >= -90 && point->lat <= 90))
    {
      char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE];

      report (self, node, MER_SEVERITY_ERROR, path, "[%s, %s] is outside [-180, 180] × [-90, 90]",
              g_ascii_dtostr (a, sizeof a, point->lon), g_ascii_dtostr (b, sizeof b, point->lat));
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_polygon (Importer    *self,
              JsonNode    *node,
              const char  *path,
              MerGeometry *geometry)
{
  JsonArray *rings;
  gboolean ok = TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (rings = json_node_get_array (node)) == 0)
    {
      report (self, node, MER_SEVERITY_ERROR, path, "a polygon needs an array of rings");
      return FALSE;
    }

  mer_geometry_begin_polygon (geometry);
  for (guint r = 0; r < json_array_get_length (rings); r++)
    {
      g_autofree char *ring_path = g_strdup_printf ("%s[%u]", path, r);
      JsonNode *ring = json_array_get_element (rings, r);
      g_autofree MerLonLat *points = NULL;
      JsonArray *positions;
      guint n;

      if (!JSON_NODE_HOLDS_ARRAY (ring))
        {
          report (self, ring, MER_SEVERITY_ERROR, ring_path, "expected an array of positions");
          ok = FALSE;
          continue;
        }

      positions = json_node_get_array (ring);
      n = json_array_get_length (positions);
      points = g_new (MerLonLat, MAX (n, 1));
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *point_path = g_strdup_printf ("%s[%u]", ring_path, i);

          if (!read_position (self, json_array_get_element (positions, i), point_path, &points[i]))
            {
              ok = FALSE;
              goto next;
            }
        }

      if (n < 4)
        {
          report (self, ring, MER_SEVERITY_ERROR, ring_path, "a ring has %u position%s; it needs at least 4",
                  n, n == 1 ? "" : "s");
          ok = FALSE;
        }
      else if (points[0].lon != points[n - 1].lon || points[0].lat != points[n - 1].lat)
        {
          report (self, ring, MER_SEVERITY_ERROR, ring_path,
                  "the ring is not closed: its first and last positions differ");
          ok = FALSE;
        }
      else
        mer_geometry_add_ring (geometry, points, n);
    next:
      ;
    }

  return ok;
}

/* Adds what @node holds: points to @places, polygons to @geometry. */
static void
read_geometry (Importer    *self,
               JsonNode    *node,
               const char  *path,
               GArray      *places,
               MerGeometry *geometry,
               guint        depth)
{
  g_autofree char *coordinates_path = mer_import_member_path (path, "coordinates");
  JsonObject *object;
  JsonNode *coordinates;
  const char *type;

  if (JSON_NODE_HOLDS_NULL (node))
    return;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      report (self, node, MER_SEVERITY_ERROR, path, "expected a GeoJSON geometry, found %s",
              mer_json_describe_node (node));
      return;
    }

  object = json_node_get_object (node);
  type = mer_import_get_string (&self->builder, self->json, object, path, "type");
  if (type == NULL)
    {
      if (!json_object_has_member (object, "type"))
        report (self, node, MER_SEVERITY_ERROR, path, "missing required member \"type\"");
      return;
    }

  if (g_str_equal (type, "GeometryCollection"))
    {
      JsonNode *geometries = json_object_get_member (object, "geometries");
      g_autofree char *geometries_path = mer_import_member_path (path, "geometries");

      if (geometries == NULL || !JSON_NODE_HOLDS_ARRAY (geometries) || depth > 8)
        {
          report (self, geometries != NULL ? geometries : node, MER_SEVERITY_ERROR, geometries_path,
                  "expected an array of geometries");
          return;
        }
      for (guint i = 0; i < json_array_get_length (json_node_get_array (geometries)); i++)
        {
          g_autofree char *element_path = g_strdup_printf ("%s[%u]", geometries_path, i);

          read_geometry (self, json_array_get_element (json_node_get_array (geometries), i), element_path,
                         places, geometry, depth + 1);
        }
      return;
    }

  coordinates = json_object_get_member (object, "coordinates");
  if (coordinates == NULL)
    {
      report (self, node, MER_SEVERITY_ERROR, path, "missing required member \"coordinates\"");
      return;
    }

  if (g_str_equal (type, "Point"))
    {
      MerLonLat point;

      if (read_position (self, coordinates, coordinates_path, &point))
        g_array_append_val (places, point);
    }
  else if (g_str_equal (type, "MultiPoint") || g_str_equal (type, "MultiPolygon"))
    {
      gboolean points = g_str_equal (type, "MultiPoint");

      if (!JSON_NODE_HOLDS_ARRAY (coordinates))
        {
          report (self, coordinates, MER_SEVERITY_ERROR, coordinates_path, "expected an array of %s",
                  points ? "positions" : "polygons");
          return;
        }
      for (guint i = 0; i < json_array_get_length (json_node_get_array (coordinates)); i++)
        {
          g_autofree char *element_path = g_strdup_printf ("%s[%u]", coordinates_path, i);
          JsonNode *element = json_array_get_element (json_node_get_array (coordinates), i);
          MerLonLat point;

          if (!points)
            read_polygon (self, element, element_path, geometry);
          else if (read_position (self, element, element_path, &point))
            g_array_append_val (places, point);
        }
    }
  else if (g_str_equal (type, "Polygon"))
    read_polygon (self, coordinates, coordinates_path, geometry);
  else if (g_str_equal (type, "LineString") || g_str_equal (type, "MultiLineString"))
    {
      g_autofree char *type_path = mer_import_member_path (path, "type");

      report (self, json_object_get_member (object, "type"), MER_SEVERITY_WARNING, type_path,
              "a %s has no place in a Meridian story; it is dropped", type);
    }
  else
    {
      g_autofree char *type_path = mer_import_member_path (path, "type");

      report (self, json_object_get_member (object, "type"), MER_SEVERITY_ERROR, type_path,
              "\"%s\" is not a GeoJSON geometry type", type);
    }
}

/* Features */

static void
convert_feature (Importer   *self,
                 JsonNode   *node,
                 const char *path,
                 guint       index)
{
  g_autoptr(GArray) places = g_array_new (FALSE, FALSE, sizeof (MerLonLat));
  g_autoptr(MerGeometry) geometry = mer_geometry_new ();
  g_autoptr(MerEvent) event = NULL;
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  g_autofree char *category = NULL;
  g_autofree char *place_name = NULL;
  g_autofree char *url = NULL;
  g_autofree char *id = NULL;
  g_autofree char *properties_path = mer_import_member_path (path, "properties");
  JsonObject *object, *properties;
  JsonNode *member, *time_node, *end_node;
  const char *time_name = NULL, *end_name = NULL;
  const char *type;
  PropertyQuery queries[] = {
    { self->options->time_property, time_names },
    { self->options->end_property, end_names },
    { self->options->title_property, title_names },
    { NULL, text_names },
    { NULL, category_names },
    { NULL, place_names },
    { NULL, url_names },
  };
  MerDate start, end;
  gboolean has_time = FALSE, has_end = FALSE;
  guint n_polygons;
  guint line;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      report (self, node, MER_SEVERITY_ERROR, path, "expected a Feature, found %s", mer_json_describe_node (node));
      return;
    }

  object = json_node_get_object (node);
  type = mer_import_get_string (&self->builder, self->json, object, path, "type");
  if (type == NULL || !g_str_equal (type, "Feature"))
    {
      g_autofree char *type_path = mer_import_member_path (path, "type");

      if (type != NULL)
        report (self, json_object_get_member (object, "type"), MER_SEVERITY_ERROR, type_path,
                "expected \"Feature\", found \"%s\"", type);
      else if (!json_object_has_member (object, "type"))
        report (self, node, MER_SEVERITY_ERROR, path, "missing required member \"type\"");
      return;
    }

  properties = mer_import_get_object (&self->builder, self->json, object, path, "properties");

  member = json_object_get_member (object, "geometry");
  if (member != NULL)
    {
      g_autofree char *geometry_path = mer_import_member_path (path, "geometry");

      read_geometry (self, member, geometry_path, places, geometry, 0);
    }

  find_properties (properties, queries, G_N_ELEMENTS (queries));
  time_node = queries[0].node;
  time_name = queries[0].found;
  if (time_node != NULL)
    {
      g_autofree char *why = NULL;
      g_autofree char *time_path = mer_import_member_path (properties_path, time_name);

      settle_order (self, time_node, index, self->options->time_property, time_names, &self->start_order,
                    &self->start_searched);
      has_time = read_time (time_node, time_name, self->start_order, &start, &end, &has_end, &why);
      if (!has_time)
        report (self, time_node, MER_SEVERITY_WARNING, time_path, "%s; the feature has no time", why);
    }

  end_node = queries[1].node;
  end_name = queries[1].found;
  if (has_time && end_node != NULL)
    {
      g_autofree char *why = NULL;
      g_autofree char *end_path = mer_import_member_path (properties_path, end_name);

      settle_order (self, end_node, index, self->options->end_property, end_names, &self->end_order,
                    &self->end_searched);
      /* The end property, when there is one, says the end, not a span. */
      has_end = FALSE;
      if (!read_time (end_node, end_name, self->end_order, &end, NULL, NULL, &why))
        report (self, end_node, MER_SEVERITY_WARNING, end_path, "%s; the feature has no end", why);
      else if (mer_date_last_second (&end) < mer_date_first_second (&start))
        report (self, end_node, MER_SEVERITY_WARNING, end_path, "the end is before the start; it is dropped");
      else
        has_end = TRUE;
    }

  title = property_text (queries[2].node);
  if (title == NULL || *title == '\0')
    {
      g_free (title);
      title = g_strdup_printf ("Feature %u", index + 1);
    }
  text = property_text (queries[3].node);
  category = property_text (queries[4].node);
  place_name = property_text (queries[5].node);
  url = property_text (queries[6].node);

  member = json_object_get_member (object, "id");
  if (member != NULL && JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_STRING)
    id = g_strdup (json_node_get_string (member));
  else if (member != NULL && JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_INT64)
    id = g_strdup_printf ("feature-%" G_GINT64_FORMAT, json_node_get_int (member));

  mer_geometry_get_polygons (geometry, &n_polygons);
  if (n_polygons > 0)
    {
      MerRegion *region = mer_region_new ();

      mer_import_locate (self->json, node, &region->line, NULL);
      region->name = g_strdup (title);
      if (text != NULL && *text != '\0')
        region->description = mer_import_html_to_text (text, NULL);
      region->geometry = g_steal_pointer (&geometry);
      mer_import_builder_add_region (&self->builder, region);

      if (has_time)
        {
          event = mer_event_new ();
          event->regions = g_new (MerRegion *, 1);
          event->regions[0] = g_object_ref (region);
          event->n_regions = 1;
        }
    }

  if (!has_time)
    {
      if (n_polygons == 0 && time_node == NULL)
        report (self, node, MER_SEVERITY_WARNING, path, "no time (looked for the properties %s); "
                "the feature is skipped",
                self->options->time_property != NULL ? self->options->time_property : "time, date, start, year…");
      return;
    }

  if (event == NULL)
    event = mer_event_new ();
  mer_import_locate (self->json, node, &line, NULL);
  event->line = line;
  mer_import_event_set_dates (event, &start, has_end ? &end : NULL);
  event->draft->title = g_steal_pointer (&title);
  if (text != NULL && *text != '\0')
    {
      g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func ((GDestroyNotify) mer_import_link_free);

      event->draft->summary = mer_import_html_to_text (text, links);
      for (guint i = 0; i < links->len; i++)
        {
          MerImportLink *link = g_ptr_array_index (links, i);

          mer_import_event_add_source (event, link->title, link->url);
        }
    }
  if (category != NULL && *category != '\0')
    event->category = g_object_ref (mer_import_builder_get_category (&self->builder, category));
  for (guint i = 0; i < MIN (places->len, G_MAXUINT16); i++)
    {
      const MerLonLat *point = &g_array_index (places, MerLonLat, i);

      mer_import_event_add_place (event, place_name != NULL && *place_name != '\0' ? place_name : event->draft->title,
                                  point->lat, point->lon);
    }
  if (url != NULL && mer_import_is_link (url))
    mer_import_event_add_source (event, event->draft->title, url);

  mer_import_builder_add_event (&self->builder, g_object_ref (event), id, event->draft->title);
}

/**
 * mer_import_geojson:
 *
 * Converts a GeoJSON FeatureCollection or Feature. The dispatcher has
 * checked that the root is an object of one of those types.
 */
MerDocument *
mer_import_geojson (MerJsonReader          *json,
                    const MerImportOptions *options,
                    const char             *path,
                    const char             *display_name,
                    GPtrArray              *diagnostics,
                    GError                **error)
{
  static const MerImportOptions no_options = { NULL };
  JsonNode *root_node = mer_json_reader_get_root (json);
  JsonObject *root = json_node_get_object (root_node);
  Importer self = { .json = json, .options = options != NULL ? options : &no_options };
  MerDocument *document;
  const char *title;

  mer_import_builder_init (&self.builder, display_name, diagnostics);

  /* QGIS names a layer's collection; USGS feeds carry metadata.title. */
  title = mer_import_get_string (&self.builder, json, root, NULL, "name");
  if (title == NULL && json_object_has_member (root, "metadata"))
    {
      JsonObject *metadata = mer_import_get_object (&self.builder, json, root, NULL, "metadata");

      if (metadata != NULL)
        title = mer_import_get_string (&self.builder, json, metadata, "metadata", "title");
    }
  if (title == NULL)
    title = mer_import_get_string (&self.builder, json, root, NULL, "title");
  self.builder.title = g_strdup (title);

  if (g_str_equal (json_object_get_string_member (root, "type"), "Feature"))
    convert_feature (&self, root_node, NULL, 0);
  else
    {
      JsonNode *features = json_object_get_member (root, "features");

      if (features == NULL)
        report (&self, root_node, MER_SEVERITY_ERROR, NULL, "missing required member \"features\"");
      else if (!JSON_NODE_HOLDS_ARRAY (features))
        report (&self, features, MER_SEVERITY_ERROR, "features", "expected an array, found %s",
                mer_json_describe_node (features));
      else
        {
          if (features == mer_json_reader_get_lazy_array (json))
            self.n_features = mer_json_reader_get_n_lazy_elements (json);
          else
            {
              self.features = json_node_get_array (features);
              self.n_features = json_array_get_length (self.features);
            }

          /* Each feature is let go of once converted. The scan bounded
           * each one, so a syntax error in one leaves the next readable:
           * all are reported, in file order. */
          for (guint i = 0; i < self.n_features; i++)
            {
              char feature_path[32];
              JsonNode *feature = get_feature (&self, i, TRUE);

              g_snprintf (feature_path, sizeof feature_path, "features[%u]", i);
              if (feature == NULL)
                continue;
              convert_feature (&self, feature, feature_path, i);
              release_feature (&self, feature);
            }
        }
    }

  document = mer_import_builder_finish (&self.builder, path, error);
  mer_import_builder_clear (&self.builder);
  return document;
}

/* The first of @names (in their order of preference) among @found. */
static char *
detect_name (GPtrArray          *found,
             const char * const *names)
{
  for (guint n = 0; names[n] != NULL; n++)
    for (guint i = 0; i < found->len; i++)
      if (g_ascii_strcasecmp (g_ptr_array_index (found, i), names[n]) == 0)
        return g_strdup (g_ptr_array_index (found, i));
  return NULL;
}

/**
 * mer_import_geojson_fields:
 * @json: a parsed GeoJSON file
 *
 * Returns: (transfer full): the properties of its features
 */
MerImportFields *
mer_import_geojson_fields (MerJsonReader *json)
{
  JsonObject *root = json_node_get_object (mer_json_reader_get_root (json));
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  MerImportFields *fields = g_new0 (MerImportFields, 1);
  JsonNode *features = json_object_get_member (root, "features");
  Importer self = { .json = json };
  gboolean collection = features != NULL && JSON_NODE_HOLDS_ARRAY (features);

  if (collection && features == mer_json_reader_get_lazy_array (json))
    self.n_features = mer_json_reader_get_n_lazy_elements (json);
  else if (collection)
    {
      self.features = json_node_get_array (features);
      self.n_features = json_array_get_length (self.features);
    }
  else
    self.n_features = 1;

  for (guint i = 0; i < self.n_features; i++)
    {
      JsonNode *feature = collection ? get_feature (&self, i, FALSE) : json_node_ref (mer_json_reader_get_root (json));
      JsonObject *properties;
      JsonObjectIter iter;
      const char *name;
      JsonNode *value;

      if (feature == NULL)
        break;
      properties = feature_properties (feature);
      if (properties == NULL)
        {
          json_node_unref (feature);
          continue;
        }
      json_object_iter_init (&iter, properties);
      while (json_object_iter_next (&iter, &name, &value))
        {
          g_autofree char *key = g_ascii_strdown (name, -1);

          if (g_hash_table_contains (seen, key))
            continue;
          g_ptr_array_add (found, g_strdup (name));
          g_hash_table_add (seen, g_steal_pointer (&key));
        }
      if (collection)
        release_feature (&self, feature);
      else
        json_node_unref (feature);
    }

  fields->format = g_strdup ("GeoJSON");
  fields->time = detect_name (found, time_names);
  fields->end = detect_name (found, end_names);
  fields->title = detect_name (found, title_names);
  g_ptr_array_add (found, NULL);
  fields->names = g_strdupv ((char **) found->pdata);
  g_ptr_array_remove_index (found, found->len - 1);
  return fields;
}

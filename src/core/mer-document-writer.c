/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-document-writer"

#include "config.h"

#include "mer-document-writer.h"

#include "mer-json-writer.h"

#include <glib/gi18n.h>
#include <string.h>

/* Writes a document as a Meridian story, format version 1 (docs/format.md),
 * for `meridian --convert`. An imported document is the same model the
 * loader builds, so almost everything has a member to go to; what cannot be
 * written (a year beyond the format's nine digits) is left out and said in
 * the report, so that the written file always passes --check. */

/**
 * mer_document_writer_date_fits:
 * @date: a date
 *
 * Returns: whether format v1 can write @date: its years have at most nine
 *   digits, while an imported TimelineJS date may be cosmological
 */
gboolean
mer_document_writer_date_fits (const MerDate *date)
{
  return date->year >= -MER_DATE_MAX_YEAR && date->year <= MER_DATE_MAX_YEAR;
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

static void
set_color (JsonObject *object,
           guint32     color)
{
  g_autofree char *text = NULL;

  if (color == MER_NO_COLOR)
    return;
  text = g_strdup_printf ("#%06x", color & 0xffffff);
  json_object_set_string_member (object, "color", text);
}

static void
set_view (JsonObject    *object,
          const MerView *view)
{
  JsonObject *member;

  if (view == NULL)
    return;
  member = json_object_new ();
  json_object_set_double_member (member, "lat", view->lat);
  json_object_set_double_member (member, "lon", view->lon);
  json_object_set_double_member (member, "zoom", view->zoom);
  json_object_set_object_member (object, "view", member);
}

static void
set_sources (JsonObject      *object,
             const MerSource *sources,
             guint            n_sources)
{
  JsonArray *array;

  if (n_sources == 0)
    return;
  array = json_array_new ();
  for (guint i = 0; i < n_sources; i++)
    {
      JsonObject *source = json_object_new ();

      json_object_set_string_member (source, "title", sources[i].title);
      set_string (source, "url", sources[i].url);
      json_array_add_object_element (array, source);
    }
  json_object_set_array_member (object, "sources", array);
}

static void
set_region_ids (JsonObject       *object,
                MerRegion *const *regions,
                guint             n_regions)
{
  JsonArray *array;

  if (n_regions == 0)
    return;
  array = json_array_new ();
  for (guint i = 0; i < n_regions; i++)
    json_array_add_string_element (array, mer_region_get_id (regions[i]));
  json_object_set_array_member (object, "regions", array);
}

static JsonArray *
ring_array (const MerLonLat *points,
            guint            n_points)
{
  JsonArray *ring = json_array_new ();

  for (guint i = 0; i < n_points; i++)
    {
      JsonArray *position = json_array_new ();

      json_array_add_double_element (position, points[i].lon);
      json_array_add_double_element (position, points[i].lat);
      json_array_add_array_element (ring, position);
    }
  return ring;
}

/**
 * mer_document_writer_geometry:
 * @geometry: a region's polygons
 *
 * Returns: (transfer full): @geometry as a GeoJSON Polygon, or a
 *   MultiPolygon when it has several
 */
JsonNode *
mer_document_writer_geometry (MerGeometry *geometry)
{
  guint n_polygons = 0, n_rings = 0, n_points = 0;
  const MerPolygon *polygons = mer_geometry_get_polygons (geometry, &n_polygons);
  const MerRing *rings = mer_geometry_get_rings (geometry, &n_rings);
  const MerLonLat *points = mer_geometry_get_points (geometry, &n_points);
  JsonObject *object = json_object_new ();
  JsonArray *coordinates = json_array_new ();
  JsonNode *node;

  for (guint p = 0; p < n_polygons; p++)
    {
      JsonArray *polygon = json_array_new ();

      for (guint r = polygons[p].first_ring; r < polygons[p].first_ring + polygons[p].n_rings; r++)
        json_array_add_array_element (polygon, ring_array (points + rings[r].first_point, rings[r].n_points));

      if (n_polygons == 1)
        {
          json_array_unref (coordinates);
          coordinates = polygon;
        }
      else
        json_array_add_array_element (coordinates, polygon);
    }

  json_object_set_string_member (object, "type", n_polygons == 1 ? "Polygon" : "MultiPolygon");
  json_object_set_array_member (object, "coordinates", coordinates);
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  return node;
}

static JsonObject *
write_category (MerCategory *category)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "id", mer_category_get_id (category));
  json_object_set_string_member (object, "name", mer_category_get_name (category));
  set_color (object, mer_category_get_color (category));
  set_string (object, "description", mer_category_get_description (category));
  return object;
}

static JsonObject *
write_period (const MerRegionPeriod *period)
{
  JsonObject *object = json_object_new ();

  set_date (object, "start", &period->start);
  if (period->has_end)
    set_date (object, "end", &period->end);
  set_string (object, "held_by", period->held_by);
  if (period->claimed_by != NULL && period->claimed_by[0] != NULL)
    {
      JsonArray *array = json_array_new ();

      for (guint i = 0; period->claimed_by[i] != NULL; i++)
        json_array_add_string_element (array, period->claimed_by[i]);
      json_object_set_array_member (object, "claimed_by", array);
    }
  json_object_set_string_member (object, "status", mer_region_status_to_string (period->status));
  if (period->geometry != NULL)
    json_object_set_member (object, "geometry", mer_document_writer_geometry (period->geometry));
  set_string (object, "description", period->description);
  set_sources (object, period->sources, period->n_sources);
  return object;
}

static JsonObject *
write_region (MerRegion *region,
              GPtrArray *report)
{
  JsonObject *object = json_object_new ();
  guint n_names = 0, n_periods = 0;
  const MerName *names = mer_region_get_names (region, &n_names);
  const MerRegionPeriod *periods = mer_region_get_periods (region, &n_periods);

  json_object_set_string_member (object, "id", mer_region_get_id (region));
  json_object_set_string_member (object, "name", mer_region_get_name (region));
  if (n_names > 0)
    {
      JsonObject *members = json_object_new ();

      for (guint i = 0; i < n_names; i++)
        json_object_set_string_member (members, names[i].lang, names[i].text);
      json_object_set_object_member (object, "names", members);
    }
  if (mer_region_get_status (region) != MER_REGION_STATUS_UNDISPUTED)
    json_object_set_string_member (object, "status", mer_region_status_to_string (mer_region_get_status (region)));
  set_color (object, mer_region_get_color (region));
  set_string (object, "description", mer_region_get_description (region));
  /* Inline, so that the story is one file that --check reads alone. */
  json_object_set_member (object, "geometry", mer_document_writer_geometry (mer_region_get_geometry (region)));

  if (n_periods > 0)
    {
      JsonArray *history = json_array_new ();

      for (guint i = 0; i < n_periods; i++)
        {
          if (!mer_document_writer_date_fits (&periods[i].start)
              || (periods[i].has_end && !mer_document_writer_date_fits (&periods[i].end)))
            {
              g_ptr_array_add (report, g_strdup_printf (_("region \"%s\": a period of its history is dropped: "
                                                          "its year has more than 9 digits"),
                                                        mer_region_get_id (region)));
              continue;
            }
          json_array_add_object_element (history, write_period (&periods[i]));
        }
      json_object_set_array_member (object, "history", history);
    }
  return object;
}

static JsonObject *
write_era (MerEra *era)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "id", mer_era_get_id (era));
  json_object_set_string_member (object, "title", mer_era_get_title (era));
  set_date (object, "start", mer_era_get_start (era));
  set_date (object, "end", mer_era_get_end (era));
  set_color (object, mer_era_get_color (era));
  set_string (object, "description", mer_era_get_description (era));
  return object;
}

static JsonObject *
write_event (MerEvent *event)
{
  JsonObject *object = json_object_new ();
  guint n_places = 0, n_regions = 0, n_sources = 0;
  const MerPlace *places = mer_event_get_places (event, &n_places);
  MerRegion *const *regions = mer_event_get_regions (event, &n_regions);
  const MerSource *sources = mer_event_get_sources (event, &n_sources);
  const char *const *tags = mer_event_get_tags (event);

  json_object_set_string_member (object, "id", mer_event_get_id (event));
  json_object_set_string_member (object, "title", mer_event_get_title (event));
  set_date (object, "start", mer_event_get_start (event));
  if (mer_event_get_end (event) != NULL)
    set_date (object, "end", mer_event_get_end (event));
  set_string (object, "date_label", mer_event_get_date_label (event));
  if (mer_event_get_circa (event))
    json_object_set_boolean_member (object, "circa", TRUE);
  set_string (object, "summary", mer_event_get_summary (event));
  if (mer_event_get_category (event) != NULL)
    json_object_set_string_member (object, "category", mer_category_get_id (mer_event_get_category (event)));

  if (n_places > 0)
    {
      JsonArray *array = json_array_new ();

      for (guint i = 0; i < n_places; i++)
        {
          JsonObject *place = json_object_new ();

          set_string (place, "name", places[i].name);
          json_object_set_double_member (place, "lat", places[i].lat);
          json_object_set_double_member (place, "lon", places[i].lon);
          json_array_add_object_element (array, place);
        }
      json_object_set_array_member (object, "places", array);
    }

  set_region_ids (object, regions, n_regions);
  if (mer_event_get_importance (event) != 3)
    json_object_set_int_member (object, "importance", mer_event_get_importance (event));
  if (tags != NULL && tags[0] != NULL)
    {
      JsonArray *array = json_array_new ();

      for (guint i = 0; tags[i] != NULL; i++)
        json_array_add_string_element (array, tags[i]);
      json_object_set_array_member (object, "tags", array);
    }
  set_sources (object, sources, n_sources);
  set_view (object, mer_event_get_view (event));
  return object;
}

static gboolean
event_fits (MerEvent *event)
{
  return mer_document_writer_date_fits (mer_event_get_start (event))
         && (mer_event_get_end (event) == NULL || mer_document_writer_date_fits (mer_event_get_end (event)));
}

static JsonObject *
write_slide (MerSlide *slide)
{
  JsonObject *object = json_object_new ();
  MerEvent *event = mer_slide_get_event (slide);
  guint n_regions = 0;
  MerRegion *const *regions = mer_slide_get_regions (slide, &n_regions);
  MerDate start, end;

  if (event != NULL)
    json_object_set_string_member (object, "event", mer_event_get_id (event));
  set_string (object, "caption", mer_slide_get_caption (slide));
  set_string (object, "notes", mer_slide_get_notes (slide));
  set_view (object, mer_slide_get_view (slide));
  set_string (object, "pov", mer_slide_get_pov (slide));
  set_region_ids (object, regions, n_regions);
  if (mer_slide_get_time (slide, &start, &end) && mer_document_writer_date_fits (&start)
      && mer_document_writer_date_fits (&end))
    {
      JsonObject *time = json_object_new ();

      set_date (time, "start", &start);
      set_date (time, "end", &end);
      json_object_set_object_member (object, "time", time);
    }
  return object;
}

/* The briefing's slides, without those whose only content was an event the
 * file cannot hold: a slide needs an event or a view. */
static JsonObject *
write_briefing (MerBriefing *briefing,
                GPtrArray   *report)
{
  JsonObject *object = json_object_new ();
  JsonArray *slides = json_array_new ();

  json_object_set_string_member (object, "id", mer_briefing_get_id (briefing));
  json_object_set_string_member (object, "title", mer_briefing_get_title (briefing));
  set_string (object, "description", mer_briefing_get_description (briefing));

  for (guint i = 0; i < mer_briefing_get_n_slides (briefing); i++)
    {
      MerSlide *slide = mer_briefing_get_slide (briefing, i);
      MerEvent *event = mer_slide_get_event (slide);
      JsonObject *written;

      if (event != NULL && !event_fits (event))
        {
          if (mer_slide_get_view (slide) == NULL)
            {
              g_ptr_array_add (report, g_strdup_printf (_("briefing \"%s\": slide %u is dropped with its event"),
                                                        mer_briefing_get_id (briefing), i + 1));
              continue;
            }
          written = write_slide (slide);
          json_object_remove_member (written, "event");
        }
      else
        written = write_slide (slide);
      json_array_add_object_element (slides, written);
    }

  json_object_set_array_member (object, "slides", slides);
  return object;
}

static JsonArray *
write_list (GListModel *model,
            JsonObject *(*write) (gpointer item))
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      json_array_add_object_element (array, write (item));
    }
  return array;
}

/**
 * mer_document_writer_build:
 * @document: a story, loaded or imported
 * @report: (element-type utf8): receives a line for each thing left out
 *
 * Returns: (transfer full): @document as a format-v1 JSON tree
 */
JsonNode *
mer_document_writer_build (MerDocument *document,
                           GPtrArray   *report)
{
  JsonObject *root = json_object_new ();
  JsonNode *node;
  GListModel *model;
  JsonArray *array;

  g_return_val_if_fail (MER_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (report != NULL, NULL);

  json_object_set_int_member (root, "meridian", 1);
  /* The title is required by nothing, but a story without one reads badly. */
  set_string (root, "title", mer_document_get_title (document));
  set_string (root, "subtitle", mer_document_get_subtitle (document));
  set_string (root, "description", mer_document_get_description (document));
  set_string (root, "attribution", mer_document_get_attribution (document));
  if (mer_document_get_revised (document) != NULL)
    set_date (root, "revised", mer_document_get_revised (document));
  set_view (root, mer_document_get_view (document));

  model = mer_document_get_categories (document);
  if (g_list_model_get_n_items (model) > 0)
    json_object_set_array_member (root, "categories", write_list (model, (gpointer) write_category));

  model = mer_document_get_regions (document);
  if (g_list_model_get_n_items (model) > 0)
    {
      array = json_array_new ();
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(MerRegion) region = g_list_model_get_item (model, i);

          json_array_add_object_element (array, write_region (region, report));
        }
      json_object_set_array_member (root, "regions", array);
    }

  model = mer_document_get_eras (document);
  if (g_list_model_get_n_items (model) > 0)
    {
      array = json_array_new ();
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(MerEra) era = g_list_model_get_item (model, i);

          if (!mer_document_writer_date_fits (mer_era_get_start (era))
              || !mer_document_writer_date_fits (mer_era_get_end (era)))
            {
              g_ptr_array_add (report, g_strdup_printf (_("era \"%s\" is dropped: its year has more than 9 digits"),
                                                        mer_era_get_title (era)));
              continue;
            }
          json_array_add_object_element (array, write_era (era));
        }
      json_object_set_array_member (root, "eras", array);
    }

  model = mer_document_get_events (document);
  array = json_array_new ();
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MerEvent) event = g_list_model_get_item (model, i);

      if (!event_fits (event))
        {
          g_ptr_array_add (report, g_strdup_printf (_("event \"%s\" is dropped: its year has more than 9 digits, "
                                                      "which format 1 cannot write"),
                                                    mer_event_get_title (event)));
          continue;
        }
      json_array_add_object_element (array, write_event (event));
    }
  json_object_set_array_member (root, "events", array);

  model = mer_document_get_briefings (document);
  if (g_list_model_get_n_items (model) > 0)
    {
      array = json_array_new ();
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(MerBriefing) briefing = g_list_model_get_item (model, i);
          JsonObject *written = write_briefing (briefing, report);

          if (json_array_get_length (json_object_get_array_member (written, "slides")) == 0)
            {
              g_ptr_array_add (report, g_strdup_printf (_("briefing \"%s\" is dropped: none of its slides is left"),
                                                        mer_briefing_get_id (briefing)));
              json_object_unref (written);
              continue;
            }
          json_array_add_object_element (array, written);
        }
      json_object_set_array_member (root, "briefings", array);
    }

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, root);
  return node;
}

/**
 * mer_document_writer_to_text:
 * @document: a story
 * @report: (element-type utf8): as for mer_document_writer_build()
 *
 * Returns: (transfer full): the story as format-v1 text, indented by two
 *   spaces, ending in a newline
 */
char *
mer_document_writer_to_text (MerDocument *document,
                             GPtrArray   *report)
{
  g_autoptr(JsonNode) root = mer_document_writer_build (document, report);

  return mer_json_writer_to_text (root, "  ", "\n");
}

/* The geometry files a story names: each region's and each period's
 * "geometry" when it is a path. */
static void
collect_geometry_paths (JsonNode  *root,
                        GPtrArray *paths)
{
  JsonObject *object;
  JsonArray *regions;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return;
  object = json_node_get_object (root);
  if (!json_object_has_member (object, "regions") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "regions")))
    return;

  regions = json_object_get_array_member (object, "regions");
  for (guint i = 0; i < json_array_get_length (regions); i++)
    {
      JsonNode *region = json_array_get_element (regions, i);
      JsonNode *geometry, *history;

      if (!JSON_NODE_HOLDS_OBJECT (region))
        continue;
      geometry = json_object_get_member (json_node_get_object (region), "geometry");
      if (geometry != NULL && JSON_NODE_HOLDS_VALUE (geometry) && json_node_get_value_type (geometry) == G_TYPE_STRING)
        g_ptr_array_add (paths, g_strdup (json_node_get_string (geometry)));

      history = json_object_get_member (json_node_get_object (region), "history");
      if (history == NULL || !JSON_NODE_HOLDS_ARRAY (history))
        continue;
      for (guint j = 0; j < json_array_get_length (json_node_get_array (history)); j++)
        {
          JsonNode *period = json_array_get_element (json_node_get_array (history), j);

          if (!JSON_NODE_HOLDS_OBJECT (period))
            continue;
          geometry = json_object_get_member (json_node_get_object (period), "geometry");
          if (geometry != NULL && JSON_NODE_HOLDS_VALUE (geometry) &&
              json_node_get_value_type (geometry) == G_TYPE_STRING)
            g_ptr_array_add (paths, g_strdup (json_node_get_string (geometry)));
        }
    }
}

/**
 * mer_document_writer_copy_geometry_files:
 * @root: the story's JSON
 * @from: the story's file
 * @to: the file it is written to
 * @overwrite: whether a file of the same name with other contents in @to's
 *   folder is replaced; if not, it is %G_IO_ERROR_EXISTS and nothing more
 *   is copied
 *
 * Copies the geometry files named by relative path from @from's folder to
 * @to's, so that the copied story reads them as the original does. The
 * loader has checked that each stays inside the story's folder. Nothing is
 * copied when both are in one folder, nor a file already there the same.
 *
 * Returns: whether every file is there
 */
gboolean
mer_document_writer_copy_geometry_files (JsonNode    *root,
                                         const char  *from,
                                         const char  *to,
                                         gboolean     overwrite,
                                         GError     **error)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GFile) from_file = g_file_new_for_path (from);
  g_autoptr(GFile) to_file = g_file_new_for_path (to);
  g_autoptr(GFile) from_dir = g_file_get_parent (from_file);
  g_autoptr(GFile) to_dir = g_file_get_parent (to_file);

  if (from_dir == NULL || to_dir == NULL || g_file_equal (from_dir, to_dir))
    return TRUE;

  collect_geometry_paths (root, paths);
  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(GFile) source = g_file_resolve_relative_path (from_dir, g_ptr_array_index (paths, i));
      g_autoptr(GFile) destination = g_file_resolve_relative_path (to_dir, g_ptr_array_index (paths, i));
      g_autoptr(GFile) folder = g_file_get_parent (destination);
      g_autoptr(GError) local_error = NULL;

      if (!g_file_make_directory_with_parents (folder, NULL, &local_error) &&
          !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (!overwrite)
        {
          g_autofree char *source_path = g_file_get_path (source);
          g_autofree char *destination_path = g_file_get_path (destination);
          g_autofree char *source_text = NULL;
          g_autofree char *destination_text = NULL;
          gsize source_length = 0, destination_length = 0;

          if (g_file_get_contents (destination_path, &destination_text, &destination_length, NULL))
            {
              if (!g_file_get_contents (source_path, &source_text, &source_length, error))
                return FALSE;
              if (source_length == destination_length && memcmp (source_text, destination_text, source_length) == 0)
                continue;
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                           _("%s is already in that folder with another outline: the story’s would replace it."),
                           (const char *) g_ptr_array_index (paths, i));
              return FALSE;
            }
        }
      if (!g_file_copy (source, destination, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * mer_document_writer_copy_story:
 * @source: a Meridian story that loads
 * @destination: where to write it
 *
 * Writes a Meridian story to @destination through the minimal-diff writer
 * with no change, so the bytes are the same, as a conversion of a story
 * into its own format should leave them. The geometry files it names go
 * next to it, at the same relative paths, when it goes to another folder.
 *
 * Returns: whether it was written
 */
gboolean
mer_document_writer_copy_story (const char  *source,
                                const char  *destination,
                                GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *written = NULL;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  gsize length = 0, skip = 0;

  if (!g_file_get_contents (source, &contents, &length, error))
    return FALSE;
  /* A byte order mark is kept as it is, outside what is parsed. */
  if (length >= 3 && memcmp (contents, "\xEF\xBB\xBF", 3) == 0)
    skip = 3;
  if (!json_parser_load_from_data (parser, contents + skip, (gssize) (length - skip), error))
    return FALSE;
  written = mer_json_writer_update (contents + skip, length - skip, json_parser_get_root (parser), error);
  if (written == NULL)
    return FALSE;
  if (!mer_document_writer_copy_geometry_files (json_parser_get_root (parser), source, destination, TRUE, error))
    return FALSE;
  if (skip == 0)
    return g_file_set_contents (destination, written, -1, error);

  {
    g_autofree char *with_mark = g_strconcat ("\xEF\xBB\xBF", written, NULL);

    return g_file_set_contents (destination, with_mark, -1, error);
  }
}

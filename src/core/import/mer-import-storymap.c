/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-import-storymap"

#include "config.h"

#include "mer-import-private.h"
#include "mer-json-reader.h"
#include "mer-import-date.h"
#include "mer-import-html.h"

#include <string.h>

/* Reads Knight Lab's StoryMapJS JSON. A story map is a sequence of slides,
 * each a place on the map with a caption: that is a briefing. Slides with a
 * date are events too, so that they appear on the timeline. */

typedef struct {
  MerImportBuilder  builder;
  MerJsonReader    *json;
} Importer;

static const char * const storymap_members[] = {
  "slides", "language", "map_type", "map_as_image", "map_subdomains", "map_background_color",
  "zoomify", "calculate_zoom", "call_to_action", "call_to_action_text", "attribution", "font_css",
  "line_follows_path", "line_color", "line_color_hex", "line_weight", "line_opacity", "line_dash",
  "show_lines", "show_history_line", "access_token", NULL
};
static const char * const slide_members[] = {
  "type", "date", "location", "text", "media", "background", NULL
};
static const char * const location_members[] = {
  "lat", "lon", "zoom", "name", "line", "icon", "use_default_icon", NULL
};
static const char * const text_members[] = { "headline", "text", NULL };
static const char * const media_members[] = { "url", "credit", "caption", NULL };

#define report(self, node, severity, path, ...) \
  mer_import_report_node (&(self)->builder, (self)->json, (node), (severity), (path), __VA_ARGS__)

static char *
plain_text (const char *html,
            GPtrArray  *links)
{
  char *text = mer_import_html_to_text (html != NULL ? html : "", links);

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* A headline's text on one line, or %NULL when it has none. */
static char *
plain_line (const char *html)
{
  char *line = mer_import_html_to_line (html != NULL ? html : "", NULL);

  if (*line == '\0')
    g_clear_pointer (&line, g_free);
  return line;
}

/* Reads the slide's location into @view; returns whether it has one. */
static gboolean
read_location (Importer    *self,
               JsonObject  *slide,
               const char  *path,
               MerView     *view,
               const char **name)
{
  g_autofree char *location_path = mer_import_member_path (path, "location");
  JsonObject *location = mer_import_get_object (&self->builder, self->json, slide, path, "location");
  gboolean ok;

  *name = NULL;
  if (location == NULL)
    return FALSE;

  mer_import_check_members (&self->builder, self->json, location, location_path, location_members);
  ok = mer_import_get_number (&self->builder, self->json, location, location_path, "lat", -90, 90, &view->lat);
  ok &= mer_import_get_number (&self->builder, self->json, location, location_path, "lon", -180, 180, &view->lon);
  *name = mer_import_get_string (&self->builder, self->json, location, location_path, "name");

  /* Without a zoom, StoryMapJS frames all the slides; a region's scale is
   * a fair stand-in for one slide. */
  if (!mer_import_get_zoom (&self->builder, self->json, location, location_path, &view->zoom))
    view->zoom = 6;

  return ok;
}

static void
convert_slide (Importer    *self,
               JsonNode    *node,
               guint        index,
               MerBriefing *briefing)
{
  g_autofree char *path = g_strdup_printf ("storymap.slides[%u]", index);
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func ((GDestroyNotify) mer_import_link_free);
  g_autoptr(MerSlide) slide = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *media_caption = NULL;
  g_autofree char *media_credit = NULL;
  JsonObject *object, *text, *media;
  const char *type, *date_text, *place_name;
  const char *media_url = NULL;
  MerDate date, end;
  gboolean has_date = FALSE, has_end = FALSE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      report (self, node, MER_SEVERITY_ERROR, path, "expected an object, found %s", mer_json_describe_node (node));
      return;
    }

  object = json_node_get_object (node);
  mer_import_check_members (&self->builder, self->json, object, path, slide_members);

  text = mer_import_get_object (&self->builder, self->json, object, path, "text");
  if (text != NULL)
    {
      g_autofree char *text_path = mer_import_member_path (path, "text");

      mer_import_check_members (&self->builder, self->json, text, text_path, text_members);
      caption = plain_line (mer_import_get_string (&self->builder, self->json, text, text_path, "headline"));
      notes = plain_text (mer_import_get_string (&self->builder, self->json, text, text_path, "text"), links);
    }

  media = mer_import_get_object (&self->builder, self->json, object, path, "media");
  if (media != NULL)
    {
      g_autofree char *media_path = mer_import_member_path (path, "media");

      mer_import_check_members (&self->builder, self->json, media, media_path, media_members);
      media_url = mer_import_get_string (&self->builder, self->json, media, media_path, "url");
      media_caption = plain_text (mer_import_get_string (&self->builder, self->json, media, media_path, "caption"),
                                  links);
      media_credit = plain_text (mer_import_get_string (&self->builder, self->json, media, media_path, "credit"),
                                 links);
    }

  /* The overview slide introduces the story: its title and description. */
  type = mer_import_get_string (&self->builder, self->json, object, path, "type");
  if (type != NULL && g_str_equal (type, "overview"))
    {
      MerView view;

      if (caption != NULL)
        {
          g_free (self->builder.title);
          self->builder.title = g_steal_pointer (&caption);
        }
      if (notes != NULL)
        {
          g_free (self->builder.description);
          self->builder.description = g_steal_pointer (&notes);
        }
      if (read_location (self, object, path, &view, &place_name))
        {
          self->builder.view = view;
          self->builder.has_view = TRUE;
        }
      return;
    }

  slide = mer_slide_new ();
  mer_import_locate (self->json, node, &slide->line, NULL);
  slide->has_view = read_location (self, object, path, &slide->view, &place_name);

  date_text = mer_import_get_string (&self->builder, self->json, object, path, "date");
  while (date_text != NULL && g_ascii_isspace (*date_text))
    date_text++;
  if (date_text != NULL && *date_text != '\0')
    {
      g_autoptr(GError) error = NULL;

      has_date = mer_import_date_parse_span (date_text, MER_IMPORT_DAY_ORDER_UNKNOWN, &date, &end, &has_end, &error);
      if (!has_date)
        {
          g_autofree char *date_path = mer_import_member_path (path, "date");

          report (self, json_object_get_member (object, "date"), MER_SEVERITY_WARNING, date_path,
                  "\"%s\" is not a date (%s); the slide is not an event", date_text, error->message);
        }
    }

  if (has_date)
    {
      MerEvent *event = mer_event_new ();

      event->line = slide->line;
      mer_import_event_set_dates (event, &date, has_end ? &end : NULL);
      event->draft->title = g_strdup (caption != NULL ? caption : place_name != NULL ? place_name : date_text);
      event->draft->summary = g_strdup (notes);
      if (slide->has_view)
        {
          mer_import_event_add_place (event, place_name != NULL && *place_name != '\0' ? place_name : event->draft->title,
                                      slide->view.lat, slide->view.lon);
          mer_event_set_view (event, &slide->view);
        }
      if (media_url != NULL && mer_import_is_link (media_url))
        mer_import_event_add_source (event, media_caption != NULL ? media_caption :
                                            media_credit != NULL ? media_credit : media_url, media_url);
      for (guint i = 0; i < links->len; i++)
        {
          MerImportLink *link = g_ptr_array_index (links, i);

          mer_import_event_add_source (event, link->title, link->url);
        }

      mer_import_builder_add_event (&self->builder, event, NULL, event->draft->title);
      slide->event = g_object_ref (event);
    }
  else if (!slide->has_view)
    {
      report (self, node, MER_SEVERITY_WARNING, path, "the slide has neither a location nor a date; it is skipped");
      return;
    }

  slide->caption = g_steal_pointer (&caption);
  slide->notes = g_steal_pointer (&notes);
  g_ptr_array_add (briefing->slides, g_steal_pointer (&slide));
}

/**
 * mer_import_storymap:
 *
 * Converts StoryMapJS JSON. The dispatcher has checked that the root is an
 * object with a "storymap" member.
 */
MerDocument *
mer_import_storymap (MerJsonReader *json,
                     const char    *path,
                     const char    *display_name,
                     GPtrArray     *diagnostics,
                     GError       **error)
{
  JsonNode *root_node = mer_json_reader_get_root (json);
  JsonObject *root = json_node_get_object (root_node);
  g_autoptr(MerBriefing) briefing = mer_briefing_new ();
  Importer self = { .json = json };
  JsonObject *storymap;
  JsonNode *slides;
  MerDocument *document;

  mer_import_builder_init (&self.builder, display_name, diagnostics);

  storymap = mer_import_get_object (&self.builder, json, root, NULL, "storymap");
  if (storymap != NULL)
    {
      const char *attribution;

      mer_import_check_members (&self.builder, json, storymap, "storymap", storymap_members);
      slides = json_object_get_member (storymap, "slides");
      if (slides == NULL)
        report (&self, json_object_get_member (root, "storymap"), MER_SEVERITY_ERROR, "storymap",
                "missing required member \"slides\"");
      else if (!JSON_NODE_HOLDS_ARRAY (slides))
        report (&self, slides, MER_SEVERITY_ERROR, "storymap.slides", "expected an array, found %s",
                mer_json_describe_node (slides));
      else
        for (guint i = 0; i < json_array_get_length (json_node_get_array (slides)); i++)
          convert_slide (&self, json_array_get_element (json_node_get_array (slides), i), i, briefing);

      attribution = mer_import_get_string (&self.builder, json, storymap, "storymap", "attribution");
      if (attribution != NULL && *attribution != '\0')
        self.builder.attribution = mer_import_html_to_text (attribution, NULL);
    }

  if (briefing->slides->len > 0)
    {
      mer_import_locate (json, root_node, &briefing->line, NULL);
      briefing->title = g_strdup (self.builder.title != NULL ? self.builder.title : "Story map");
      briefing->description = g_strdup (self.builder.description);
      mer_import_builder_add_briefing (&self.builder, g_steal_pointer (&briefing));
    }

  document = mer_import_builder_finish (&self.builder, path, error);
  mer_import_builder_clear (&self.builder);
  return document;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-convert"

#include "config.h"

#include "mer-convert-private.h"

#include <glib/gi18n.h>

/* KML 2.2, read back by mer-import-kml.c and by Google Earth: each event a
 * Placemark with a TimeStamp or a TimeSpan and its places as Points, in a
 * Folder per category; each region a Placemark with a Polygon. Text is
 * written escaped, so no CDATA section can be broken by what it holds. */

static void
append_element (GString    *out,
                guint       depth,
                const char *name,
                const char *text)
{
  g_autofree char *escaped = NULL;

  if (text == NULL || *text == '\0')
    return;
  escaped = g_markup_escape_text (text, -1);
  g_string_append_printf (out, "%*s<%s>%s</%s>\n", depth * 2, "", name, escaped, name);
}

static void
append_date (GString       *out,
             guint          depth,
             const char    *name,
             const MerDate *date)
{
  g_autofree char *text = mer_date_to_iso (date);

  append_element (out, depth, name, text);
}

static void
append_coordinate (GString *out,
                   double   lon,
                   double   lat)
{
  char lon_text[G_ASCII_DTOSTR_BUF_SIZE], lat_text[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (out, "%s,%s", g_ascii_dtostr (lon_text, sizeof lon_text, lon),
                          g_ascii_dtostr (lat_text, sizeof lat_text, lat));
}

static void
append_point (GString        *out,
              guint           depth,
              const MerPlace *place)
{
  g_string_append_printf (out, "%*s<Point><coordinates>", depth * 2, "");
  append_coordinate (out, place->lon, place->lat);
  g_string_append (out, "</coordinates></Point>\n");
}

static void
append_event (GString  *out,
              guint     depth,
              MerEvent *event)
{
  g_autofree char *id = g_markup_escape_text (mer_event_get_id (event), -1);
  g_autofree char *html = mer_convert_html (mer_event_get_summary (event), event);
  guint n_places = 0;
  const MerPlace *places = mer_event_get_places (event, &n_places);

  g_string_append_printf (out, "%*s<Placemark id=\"%s\">\n", depth * 2, "", id);
  append_element (out, depth + 1, "name", mer_event_get_title (event));
  append_element (out, depth + 1, "description", html);
  if (mer_event_get_end (event) == NULL)
    {
      g_string_append_printf (out, "%*s<TimeStamp>\n", (depth + 1) * 2, "");
      append_date (out, depth + 2, "when", mer_event_get_start (event));
      g_string_append_printf (out, "%*s</TimeStamp>\n", (depth + 1) * 2, "");
    }
  else
    {
      g_string_append_printf (out, "%*s<TimeSpan>\n", (depth + 1) * 2, "");
      append_date (out, depth + 2, "begin", mer_event_get_start (event));
      append_date (out, depth + 2, "end", mer_event_get_end (event));
      g_string_append_printf (out, "%*s</TimeSpan>\n", (depth + 1) * 2, "");
    }

  if (n_places == 1)
    append_point (out, depth + 1, &places[0]);
  else if (n_places > 1)
    {
      g_string_append_printf (out, "%*s<MultiGeometry>\n", (depth + 1) * 2, "");
      for (guint i = 0; i < n_places; i++)
        append_point (out, depth + 2, &places[i]);
      g_string_append_printf (out, "%*s</MultiGeometry>\n", (depth + 1) * 2, "");
    }
  g_string_append_printf (out, "%*s</Placemark>\n", depth * 2, "");
}

static void
append_ring (GString         *out,
             guint            depth,
             const char      *boundary,
             const MerLonLat *points,
             guint            n_points)
{
  g_string_append_printf (out, "%*s<%s><LinearRing><coordinates>", depth * 2, "", boundary);
  for (guint i = 0; i < n_points; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      append_coordinate (out, points[i].lon, points[i].lat);
    }
  g_string_append_printf (out, "</coordinates></LinearRing></%s>\n", boundary);
}

static void
append_region (GString   *out,
               guint      depth,
               MerRegion *region)
{
  g_autofree char *id = g_markup_escape_text (mer_region_get_id (region), -1);
  MerGeometry *geometry = mer_region_get_geometry (region);
  guint n_polygons = 0, n_rings = 0, n_points = 0;
  const MerPolygon *polygons = mer_geometry_get_polygons (geometry, &n_polygons);
  const MerRing *rings = mer_geometry_get_rings (geometry, &n_rings);
  const MerLonLat *points = mer_geometry_get_points (geometry, &n_points);

  g_string_append_printf (out, "%*s<Placemark id=\"%s\">\n", depth * 2, "", id);
  append_element (out, depth + 1, "name", mer_region_get_name (region));
  append_element (out, depth + 1, "description", mer_region_get_description (region));
  if (n_polygons > 1)
    g_string_append_printf (out, "%*s<MultiGeometry>\n", (depth + 1) * 2, "");
  for (guint p = 0; p < n_polygons; p++)
    {
      guint inner = depth + (n_polygons > 1 ? 2 : 1);

      g_string_append_printf (out, "%*s<Polygon>\n", inner * 2, "");
      for (guint r = polygons[p].first_ring; r < polygons[p].first_ring + polygons[p].n_rings; r++)
        append_ring (out, inner + 1, r == polygons[p].first_ring ? "outerBoundaryIs" : "innerBoundaryIs",
                     points + rings[r].first_point, rings[r].n_points);
      g_string_append_printf (out, "%*s</Polygon>\n", inner * 2, "");
    }
  if (n_polygons > 1)
    g_string_append_printf (out, "%*s</MultiGeometry>\n", (depth + 1) * 2, "");
  g_string_append_printf (out, "%*s</Placemark>\n", depth * 2, "");
}

/**
 * mer_convert_kml:
 *
 * Returns: (transfer full): @document as KML 2.2
 */
char *
mer_convert_kml (MerDocument *document,
                 GPtrArray   *report)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n"
                               "  <Document>\n");
  GListModel *events = mer_document_get_events (document);
  GListModel *regions = mer_document_get_regions (document);
  GListModel *categories = mer_document_get_categories (document);

  append_element (out, 2, "name", mer_document_get_title (document));
  append_element (out, 2, "description", mer_document_get_description (document));

  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(MerRegion) region = g_list_model_get_item (regions, i);

      append_region (out, 2, region);
    }

  /* Events without a category first, then a Folder per category. */
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(MerEvent) event = g_list_model_get_item (events, i);

      if (mer_event_get_category (event) == NULL && mer_convert_event_fits (event, report))
        append_event (out, 2, event);
    }
  for (guint c = 0; c < g_list_model_get_n_items (categories); c++)
    {
      g_autoptr(MerCategory) category = g_list_model_get_item (categories, c);
      gboolean open = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (events); i++)
        {
          g_autoptr(MerEvent) event = g_list_model_get_item (events, i);

          if (mer_event_get_category (event) != category || !mer_convert_event_fits (event, report))
            continue;
          if (!open)
            {
              g_string_append (out, "    <Folder>\n");
              append_element (out, 3, "name", mer_category_get_name (category));
              open = TRUE;
            }
          append_event (out, 3, event);
        }
      if (open)
        g_string_append (out, "    </Folder>\n");
    }

  g_string_append (out, "  </Document>\n</kml>\n");
  mer_convert_report_lost (report, document,
                           MER_CONVERT_KEEPS_REGIONS | MER_CONVERT_KEEPS_PLACES | MER_CONVERT_KEEPS_ZONES);
  return g_string_free (out, FALSE);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-region-painter"

#include "config.h"

#include "mer-region-painter.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "mer-hit.h"

/* Draws the story's regions over the base map: a translucent fill and an
 * outline in the region's colour; disputed regions hatched, with a dashed
 * outline and labelled with the names each side uses. Each region's outline
 * is projected once into Web Mercator's unit square and kept as a cairo path;
 * a frame only scales it and skips what is off screen. */

#define HATCH_SPACING 7.0
#define DEFAULT_REGION_COLOR 0x9141ac

typedef struct {
  MerRegion    *region;
  cairo_path_t  path;          /* in normalized Web Mercator units */
  double        x_min, y_min, x_max, y_max;
  double        label_x, label_y;
} CachedRegion;

struct _MerRegionPainter
{
  GArray *regions;   /* CachedRegion */
};

static void
cached_region_clear (gpointer data)
{
  CachedRegion *cached = data;

  g_clear_object (&cached->region);
  g_free (cached->path.data);
}

static void
build_path (CachedRegion *cached)
{
  MerGeometry *geometry = mer_region_get_geometry (cached->region);
  g_autoptr(GArray) data = g_array_new (FALSE, FALSE, sizeof (cairo_path_data_t));
  const MerPolygon *polygons;
  const MerRing *rings;
  const MerLonLat *points;
  guint n_polygons, n_rings, n_points;
  double largest = -1;

  cached->x_min = cached->y_min = G_MAXDOUBLE;
  cached->x_max = cached->y_max = -G_MAXDOUBLE;

  polygons = mer_geometry_get_polygons (geometry, &n_polygons);
  rings = mer_geometry_get_rings (geometry, &n_rings);
  points = mer_geometry_get_points (geometry, &n_points);

  for (guint p = 0; p < n_polygons; p++)
    {
      double px_min = G_MAXDOUBLE, py_min = G_MAXDOUBLE, px_max = -G_MAXDOUBLE, py_max = -G_MAXDOUBLE;

      for (guint r = polygons[p].first_ring; r < polygons[p].first_ring + polygons[p].n_rings; r++)
        {
          for (guint i = 0; i < rings[r].n_points; i++)
            {
              const MerLonLat *point = &points[rings[r].first_point + i];
              cairo_path_data_t header, coords;
              double x = mer_projection_lon_to_x (point->lon);
              double y = mer_projection_lat_to_y (point->lat);

              header.header.type = i == 0 ? CAIRO_PATH_MOVE_TO : CAIRO_PATH_LINE_TO;
              header.header.length = 2;
              coords.point.x = x;
              coords.point.y = y;
              g_array_append_val (data, header);
              g_array_append_val (data, coords);

              px_min = MIN (px_min, x);
              px_max = MAX (px_max, x);
              py_min = MIN (py_min, y);
              py_max = MAX (py_max, y);
            }

          {
            cairo_path_data_t close;

            close.header.type = CAIRO_PATH_CLOSE_PATH;
            close.header.length = 1;
            g_array_append_val (data, close);
          }
        }

      /* The label goes at the middle of the largest polygon's box. */
      if ((px_max - px_min) * (py_max - py_min) > largest)
        {
          largest = (px_max - px_min) * (py_max - py_min);
          cached->label_x = (px_min + px_max) / 2;
          cached->label_y = (py_min + py_max) / 2;
        }

      cached->x_min = MIN (cached->x_min, px_min);
      cached->x_max = MAX (cached->x_max, px_max);
      cached->y_min = MIN (cached->y_min, py_min);
      cached->y_max = MAX (cached->y_max, py_max);
    }

  cached->path.status = CAIRO_STATUS_SUCCESS;
  cached->path.num_data = (int) data->len;
  cached->path.data = (cairo_path_data_t *) g_array_free (g_steal_pointer (&data), FALSE);
}

/**
 * mer_region_painter_new:
 * @regions: a #GListModel of #MerRegion
 *
 * Returns: (transfer full): a painter for @regions, with their outlines
 *   projected
 */
MerRegionPainter *
mer_region_painter_new (GListModel *regions)
{
  MerRegionPainter *self = g_new0 (MerRegionPainter, 1);
  guint n = g_list_model_get_n_items (regions);

  self->regions = g_array_sized_new (FALSE, TRUE, sizeof (CachedRegion), n);
  g_array_set_clear_func (self->regions, cached_region_clear);

  for (guint i = 0; i < n; i++)
    {
      CachedRegion cached = { 0 };

      cached.region = g_list_model_get_item (regions, i);
      build_path (&cached);
      g_array_append_val (self->regions, cached);
    }

  return self;
}

void
mer_region_painter_free (MerRegionPainter *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->regions);
  g_free (self);
}

/* Sets the user space to normalized Web Mercator for the world copy @shift. */
static void
apply_view (cairo_t          *cr,
            const MerMapView *view,
            int               shift)
{
  double cx, cy, size = mer_map_view_get_world_size (view);

  mer_map_view_get_center_normalized (view, &cx, &cy);
  cairo_translate (cr, view->width / 2, view->height / 2);
  cairo_scale (cr, size, size);
  cairo_translate (cr, shift - cx, -cy);
}

static void
set_color (cairo_t        *cr,
           const MerColor *color,
           double          alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* The hatch of disputed regions: a diagonal line in a repeating tile, so
 * that a whole region is hatched in one fill however large it is. The tile
 * is a recording surface, so that the hatch stays vector in exports. */
static cairo_pattern_t *
create_hatch (const MerColor *color,
              double          line_width)
{
  cairo_rectangle_t extents = { 0, 0, HATCH_SPACING, HATCH_SPACING };
  cairo_surface_t *tile = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cairo_t *cr = cairo_create (tile);
  cairo_pattern_t *pattern;

  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
  cairo_set_line_width (cr, line_width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
  /* The line and its neighbours' corners, so that tiles join seamlessly. */
  for (int k = -1; k <= 1; k++)
    {
      cairo_move_to (cr, k * HATCH_SPACING, HATCH_SPACING);
      cairo_line_to (cr, (k + 1) * HATCH_SPACING, 0);
    }
  cairo_stroke (cr);
  cairo_destroy (cr);

  pattern = cairo_pattern_create_for_surface (tile);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
  cairo_surface_destroy (tile);

  return pattern;
}

/**
 * mer_region_format_names:
 *
 * Returns: (transfer full) (nullable): the region's names in its other
 *   languages joined with " / " ("Южные Курилы / 北方領土"), or %NULL
 */
char *
mer_region_format_names (MerRegion *region)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const MerName *names;
  guint n;

  names = mer_region_get_names (region, &n);
  for (guint i = 0; i < n; i++)
    {
      /* The name itself is in the story's language, English here. */
      if (g_str_equal (names[i].text, mer_region_get_name (region)) || g_str_equal (names[i].lang, "en"))
        continue;
      if (text->len > 0)
        g_string_append (text, " / ");
      g_string_append (text, names[i].text);
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static void
draw_label (cairo_t            *cr,
            const MerMapView   *view,
            const MerMapStyle  *style,
            const CachedRegion *cached,
            int                 shift,
            GArray             *placed)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Cantarell Bold 10");
  g_autofree char *names = NULL;
  g_autofree char *markup = NULL;
  MerColor color = mer_color_from_rgb (mer_region_get_color (cached->region) != MER_NO_COLOR
                                         ? mer_region_get_color (cached->region) : DEFAULT_REGION_COLOR, 1);
  PangoRectangle ink;
  cairo_rectangle_t box;
  double x, y;

  if (mer_region_is_contested (cached->region))
    names = mer_region_format_names (cached->region);

  if (names != NULL)
    markup = g_markup_printf_escaped ("%s\n<span weight='normal' size='smaller'>%s</span>",
                                      mer_region_get_name (cached->region), names);
  else
    markup = g_markup_escape_text (mer_region_get_name (cached->region), -1);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_markup (layout, markup, -1);
  pango_layout_get_pixel_extents (layout, NULL, &ink);

  mer_map_view_normalized_to_point (view, cached->label_x + shift, cached->label_y, &x, &y);
  box = (cairo_rectangle_t) { x - ink.width / 2.0 - 2, y - ink.height / 2.0 - 2, ink.width + 4, ink.height + 4 };

  if (box.x + box.width < 0 || box.y + box.height < 0 || box.x > view->width || box.y > view->height)
    return;

  /* Labels never overlap one another: the first placed wins. */
  for (guint i = 0; i < placed->len; i++)
    {
      const cairo_rectangle_t *other = &g_array_index (placed, cairo_rectangle_t, i);

      if (box.x < other->x + other->width && other->x < box.x + box.width &&
          box.y < other->y + other->height && other->y < box.y + box.height)
        return;
    }
  g_array_append_val (placed, box);

  cairo_save (cr);
  cairo_move_to (cr, x - ink.width / 2.0 - ink.x, y - ink.height / 2.0 - ink.y);
  pango_cairo_layout_path (cr, layout);
  set_color (cr, &style->label_halo, 1);
  cairo_set_line_width (cr, 3);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  cairo_move_to (cr, x - ink.width / 2.0 - ink.x, y - ink.height / 2.0 - ink.y);
  /* The region's colour, darkened on a light halo and lightened on a dark
   * one, so that the label reads in both styles. */
  if (style->label_halo.red + style->label_halo.green + style->label_halo.blue > 1.5)
    cairo_set_source_rgba (cr, color.red * 0.6, color.green * 0.6, color.blue * 0.6, 1);
  else
    cairo_set_source_rgba (cr, 0.5 + color.red * 0.5, 0.5 + color.green * 0.5, 0.5 + color.blue * 0.5, 1);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
  cairo_restore (cr);
}

static void
append_region_path (cairo_t            *cr,
                    const MerMapView   *view,
                    const CachedRegion *cached,
                    int                 shift)
{
  cairo_save (cr);
  apply_view (cr, view, shift);
  cairo_new_path (cr);
  cairo_append_path (cr, &cached->path);
  cairo_restore (cr);
}

static void
draw_region (cairo_t            *cr,
             const MerMapView   *view,
             const CachedRegion *cached,
             int                 shift,
             gboolean            emphasised)
{
  guint32 rgb = mer_region_get_color (cached->region);
  MerColor color = mer_color_from_rgb (rgb != MER_NO_COLOR ? rgb : DEFAULT_REGION_COLOR, 1);
  gboolean disputed = mer_region_is_contested (cached->region);
  static const double dashes[] = { 6, 3 };

  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  append_region_path (cr, view, cached, shift);
  set_color (cr, &color, emphasised ? 0.4 : 0.18);

  cairo_fill_preserve (cr);

  if (disputed)
    {
      MerColor hatch_color = color;
      cairo_pattern_t *hatch;

      hatch_color.alpha = 0.9;
      hatch = create_hatch (&hatch_color, emphasised ? 1.6 : 1.2);
      cairo_set_source (cr, hatch);
      cairo_fill_preserve (cr);
      cairo_pattern_destroy (hatch);
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
    }

  set_color (cr, &color, 1);
  cairo_set_line_width (cr, emphasised ? 3.0 : 1.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

static void
draw_pass (MerRegionPainter  *self,
           cairo_t           *cr,
           const MerMapView  *view,
           const MerMapStyle *style,
           MerState          *state,
           gboolean           labels)
{
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  double vx_min, vy_min, vx_max, vy_max;

  mer_map_view_get_bounds (view, &vx_min, &vy_min, &vx_max, &vy_max);

  cairo_save (cr);
  for (guint i = 0; i < self->regions->len; i++)
    {
      const CachedRegion *cached = &g_array_index (self->regions, CachedRegion, i);
      gboolean emphasised = state != NULL && mer_state_is_region_emphasised (state, cached->region);
      int first = (int) floor (vx_min - cached->x_max);
      int last = (int) ceil (vx_max - cached->x_min);

      if (cached->path.num_data == 0 || cached->y_max < vy_min || cached->y_min > vy_max)
        continue;

      for (int shift = first; shift <= last; shift++)
        {
          if (cached->x_max + shift < vx_min || cached->x_min + shift > vx_max)
            continue;

          if (!labels)
            draw_region (cr, view, cached, shift, emphasised);
          else if (view->zoom >= MER_REGION_LABEL_MIN_ZOOM)
            draw_label (cr, view, style, cached, shift, placed);
        }
    }
  cairo_restore (cr);
}

/**
 * mer_region_painter_draw:
 * @cr: a context whose user space is the widget's (or the export's) pixels
 * @view: the map view
 * @state: (nullable): what is selected and hovered, to emphasise
 *
 * Draws every region that meets the view: fill, hatch and outline. Labels
 * are drawn apart, with mer_region_painter_draw_labels(), so that they can
 * go over the event markers.
 */
void
mer_region_painter_draw (MerRegionPainter  *self,
                         cairo_t           *cr,
                         const MerMapView  *view,
                         const MerMapStyle *style,
                         MerState          *state)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (view != NULL);

  draw_pass (self, cr, view, style, state, FALSE);
}

/**
 * mer_region_painter_draw_labels:
 *
 * Labels the regions that meet the view, from %MER_REGION_LABEL_MIN_ZOOM on;
 * labels never overlap one another.
 */
void
mer_region_painter_draw_labels (MerRegionPainter  *self,
                                cairo_t           *cr,
                                const MerMapView  *view,
                                const MerMapStyle *style)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (view != NULL);

  draw_pass (self, cr, view, style, NULL, TRUE);
}

/**
 * mer_region_painter_pick:
 * @x: a point of the view, in pixels
 * @y: a point of the view, in pixels
 *
 * Returns: (transfer none) (nullable): the region under the point; of
 *   overlapping regions, the one drawn last
 */
MerRegion *
mer_region_painter_pick (MerRegionPainter *self,
                         const MerMapView *view,
                         double            x,
                         double            y)
{
  double lat, lon;

  g_return_val_if_fail (self != NULL, NULL);

  mer_map_view_point_to_location (view, x, y, &lat, &lon);
  for (guint i = self->regions->len; i > 0; i--)
    {
      const CachedRegion *cached = &g_array_index (self->regions, CachedRegion, i - 1);

      if (cached->path.num_data > 0 && mer_hit_geometry_contains (mer_region_get_geometry (cached->region), lat, lon))
        return cached->region;
    }

  return NULL;
}

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

/* One outline of a region, projected. */
typedef struct {
  MerGeometry  *geometry;      /* the region's */
  cairo_path_t  path;          /* in normalized Web Mercator units */
  double        x_min, y_min, x_max, y_max;
  double        label_x, label_y;
} Shape;

/* A region and its outlines: its own first, then each other outline its
 * history gives it (Karafuto for Sakhalin 1905–45). */
typedef struct {
  MerRegion *region;
  GArray    *shapes;           /* Shape */
} CachedRegion;

struct _MerRegionPainter
{
  GArray *regions;   /* CachedRegion */
};

static void
shape_clear (gpointer data)
{
  Shape *shape = data;

  g_free (shape->path.data);
}

static void
cached_region_clear (gpointer data)
{
  CachedRegion *cached = data;

  g_clear_object (&cached->region);
  g_clear_pointer (&cached->shapes, g_array_unref);
}

static void
build_path (Shape       *shape,
            MerGeometry *geometry)
{
  g_autoptr(GArray) data = g_array_new (FALSE, FALSE, sizeof (cairo_path_data_t));
  const MerPolygon *polygons;
  const MerRing *rings;
  const MerLonLat *points;
  guint n_polygons, n_rings, n_points;
  double largest = -1;

  shape->x_min = shape->y_min = G_MAXDOUBLE;
  shape->x_max = shape->y_max = -G_MAXDOUBLE;

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
          shape->label_x = (px_min + px_max) / 2;
          shape->label_y = (py_min + py_max) / 2;
        }

      shape->x_min = MIN (shape->x_min, px_min);
      shape->x_max = MAX (shape->x_max, px_max);
      shape->y_min = MIN (shape->y_min, py_min);
      shape->y_max = MAX (shape->y_max, py_max);
    }

  shape->path.status = CAIRO_STATUS_SUCCESS;
  shape->path.num_data = (int) data->len;
  shape->path.data = (cairo_path_data_t *) g_array_free (g_steal_pointer (&data), FALSE);
}

static void
add_shape (CachedRegion *cached,
           MerGeometry  *geometry)
{
  Shape shape = { geometry };

  if (geometry == NULL)
    return;
  for (guint i = 0; i < cached->shapes->len; i++)
    if (g_array_index (cached->shapes, Shape, i).geometry == geometry)
      return;
  build_path (&shape, geometry);
  g_array_append_val (cached->shapes, shape);
}

/* What the map shows of a region at the painter's date: its outline then,
 * and whether it was contested then. */
typedef struct {
  gboolean known;
  gint64   second;
} AsOf;

static AsOf
as_of_state (MerState *state)
{
  AsOf as_of = { FALSE, 0 };

  if (state != NULL)
    as_of.known = mer_state_get_as_of (state, &as_of.second);
  return as_of;
}

static const Shape *
shape_at (const CachedRegion *cached,
          AsOf                as_of)
{
  MerGeometry *geometry = as_of.known ? mer_region_get_geometry_at (cached->region, as_of.second)
                                      : mer_region_get_geometry (cached->region);

  for (guint i = 0; i < cached->shapes->len; i++)
    if (g_array_index (cached->shapes, Shape, i).geometry == geometry)
      return &g_array_index (cached->shapes, Shape, i);
  return NULL;
}

static gboolean
contested_at (const CachedRegion *cached,
              AsOf                as_of)
{
  return as_of.known ? mer_region_is_contested_at (cached->region, as_of.second)
                     : mer_region_is_contested (cached->region);
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
      const MerRegionPeriod *periods;
      guint n_periods;

      cached.region = g_list_model_get_item (regions, i);
      cached.shapes = g_array_new (FALSE, TRUE, sizeof (Shape));
      g_array_set_clear_func (cached.shapes, shape_clear);
      add_shape (&cached, mer_region_get_geometry (cached.region));
      periods = mer_region_get_periods (cached.region, &n_periods);
      for (guint k = 0; k < n_periods; k++)
        if (periods[k].geometry != NULL)
          add_shape (&cached, periods[k].geometry);
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
 *   languages than the interface's joined with " / " ("Южные Курилы /
 *   北方領土"), or %NULL
 */
char *
mer_region_format_names (MerRegion *region)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const MerName *names;
  guint n;

  const char *shown = mer_region_get_display_name (region);

  /* The name itself is in the story's language, English here; in Japanese
   * or Russian the region is named in that language and the story's name
   * joins the others. */
  if (!g_str_equal (shown, mer_region_get_name (region)))
    g_string_append (text, mer_region_get_name (region));
  names = mer_region_get_names (region, &n);
  for (guint i = 0; i < n; i++)
    {
      if (g_str_equal (names[i].text, shown) || g_str_equal (names[i].text, mer_region_get_name (region)) ||
          g_str_equal (names[i].lang, "en"))
        continue;
      if (text->len > 0)
        g_string_append (text, " / ");
      g_string_append (text, names[i].text);
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static void
add_label (MerLabels          *labels,
           const MerMapView   *view,
           const MerMapStyle  *style,
           const CachedRegion *cached,
           const Shape        *shape,
           gboolean            contested,
           gboolean            emphasised,
           int                 shift)
{
  g_autofree char *names = NULL;
  g_autofree char *markup = NULL;
  MerColor color = mer_color_from_rgb (mer_region_get_color (cached->region) != MER_NO_COLOR
                                         ? mer_region_get_color (cached->region) : DEFAULT_REGION_COLOR, 1);
  MerLabel label = {
    .anchor = MER_LABEL_ANCHOR_CENTRE,
    .style = MER_LABEL_STYLE_REGION,
    .priority = MER_LABEL_PRIORITY_REGION + (emphasised ? 0 : 1),
    .owner = -1,
  };

  if (contested)
    names = mer_region_format_names (cached->region);

  if (names != NULL)
    markup = g_markup_printf_escaped ("%s\n<span weight='normal' size='smaller'>%s</span>",
                                      mer_region_get_display_name (cached->region), names);
  else
    markup = g_markup_escape_text (mer_region_get_display_name (cached->region), -1);

  /* The region's colour, darkened on a light halo and lightened on a dark
   * one, so that the label reads in both styles. */
  if (style->label_halo.red + style->label_halo.green + style->label_halo.blue > 1.5)
    label.color = (MerColor) { color.red * 0.6, color.green * 0.6, color.blue * 0.6, 1 };
  else
    label.color = (MerColor) { 0.5 + color.red * 0.5, 0.5 + color.green * 0.5, 0.5 + color.blue * 0.5, 1 };

  mer_map_view_normalized_to_point (view, shape->label_x + shift, shape->label_y, &label.x, &label.y);
  label.markup = markup;
  mer_labels_add (labels, &label);
}

static void
append_region_path (cairo_t          *cr,
                    const MerMapView *view,
                    const Shape      *shape,
                    int               shift)
{
  cairo_save (cr);
  apply_view (cr, view, shift);
  cairo_new_path (cr);
  cairo_append_path (cr, &shape->path);
  cairo_restore (cr);
}

/* Emphasis deepens the fill to this opacity, thickens the outline and the
 * hatch: drawn over the plain region, as a pass of its own. */
#define PLAIN_FILL_ALPHA 0.18
#define EMPHASISED_FILL_ALPHA 0.4

static void
draw_region (cairo_t            *cr,
             const MerMapView   *view,
             const CachedRegion *cached,
             const Shape        *shape,
             gboolean            disputed,
             int                 shift,
             gboolean            emphasis)
{
  guint32 rgb = mer_region_get_color (cached->region);
  MerColor color = mer_color_from_rgb (rgb != MER_NO_COLOR ? rgb : DEFAULT_REGION_COLOR, 1);
  static const double dashes[] = { 6, 3 };

  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  append_region_path (cr, view, shape, shift);
  /* Over the plain fill, the opacity that makes the two the emphasised
   * one. */
  set_color (cr, &color,
             emphasis ? (EMPHASISED_FILL_ALPHA - PLAIN_FILL_ALPHA) / (1 - PLAIN_FILL_ALPHA) : PLAIN_FILL_ALPHA);
  cairo_fill_preserve (cr);

  if (disputed)
    {
      MerColor hatch_color = color;
      cairo_pattern_t *hatch;

      hatch_color.alpha = 0.9;
      hatch = create_hatch (&hatch_color, emphasis ? 1.6 : 1.2);
      cairo_set_source (cr, hatch);
      cairo_fill_preserve (cr);
      cairo_pattern_destroy (hatch);
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
    }

  set_color (cr, &color, 1);
  cairo_set_line_width (cr, emphasis ? 3.0 : 1.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

/* A region with a history says who held it when; the base map's de facto
 * lines and names must not say otherwise inside it (Crimea drawn plainly
 * Russian). So its outline is painted over in the land colour, a little
 * wider than the base map's borders, before any region is drawn on top. */
static void
cover_base_map (cairo_t            *cr,
                const MerMapView   *view,
                const MerMapStyle  *style,
                const Shape        *shape,
                int                 shift)
{
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  append_region_path (cr, view, shape, shift);
  set_color (cr, &style->land, 1);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 2.0);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
}

/* The widest line drawn along an outline (an emphasised one, 3 pixels),
 * its round joins, and a pixel of antialiasing. */
#define INK_MARGIN 4

/* Where one world copy of @shape can put ink in @view, in its pixels. */
static void
get_copy_box (const MerMapView  *view,
              const Shape       *shape,
              int                shift,
              cairo_rectangle_t *box)
{
  double ax, ay, bx, by;

  mer_map_view_normalized_to_point (view, shape->x_min + shift, shape->y_min, &ax, &ay);
  mer_map_view_normalized_to_point (view, shape->x_max + shift, shape->y_max, &bx, &by);
  box->x = MIN (ax, bx) - INK_MARGIN;
  box->y = MIN (ay, by) - INK_MARGIN;
  box->width = fabs (bx - ax) + 2 * INK_MARGIN;
  box->height = fabs (by - ay) + 2 * INK_MARGIN;
}

/* Whether a copy of a shape with @box can change a pixel inside @clip (the
 * context's clip as rectangles, or %NULL when it is not one): a region
 * outside the clip is not drawn at all, since cairo would stroke and
 * rasterise its whole outline only to throw the pixels away. */
static gboolean
meets_clip (const cairo_rectangle_list_t *clip,
            const cairo_rectangle_t      *box)
{
  if (clip == NULL)
    return TRUE;

  for (int i = 0; i < clip->num_rectangles; i++)
    {
      const cairo_rectangle_t *r = &clip->rectangles[i];

      if (box->x < r->x + r->width && r->x < box->x + box->width && box->y < r->y + r->height
          && r->y < box->y + box->height)
        return TRUE;
    }
  return FALSE;
}

static void
draw_pass (MerRegionPainter  *self,
           cairo_t           *cr,
           const MerMapView  *view,
           const MerMapStyle *style,
           MerState          *state,
           MerLabels         *labels,
           MerRegionPasses    passes)
{
  AsOf as_of = as_of_state (state);
  double vx_min, vy_min, vx_max, vy_max;
  cairo_rectangle_list_t *clip = cr != NULL ? cairo_copy_clip_rectangle_list (cr) : NULL;
  const cairo_rectangle_list_t *only = clip != NULL && clip->status == CAIRO_STATUS_SUCCESS ? clip : NULL;
  cairo_rectangle_t box;

  mer_map_view_get_bounds (view, &vx_min, &vy_min, &vx_max, &vy_max);

  if (cr != NULL)
    cairo_save (cr);
  for (guint i = 0; labels == NULL && style != NULL && (passes & MER_REGION_PASS_PLAIN) && i < self->regions->len;
       i++)
    {
      const CachedRegion *cached = &g_array_index (self->regions, CachedRegion, i);
      const Shape *shape = shape_at (cached, as_of);
      guint n_periods = 0;

      mer_region_get_periods (cached->region, &n_periods);
      if (n_periods == 0 || shape == NULL || shape->path.num_data == 0 || shape->y_max < vy_min
          || shape->y_min > vy_max)
        continue;

      for (int shift = (int) floor (vx_min - shape->x_max); shift <= (int) ceil (vx_max - shape->x_min); shift++)
        if (shape->x_max + shift >= vx_min && shape->x_min + shift <= vx_max
            && (get_copy_box (view, shape, shift, &box), meets_clip (only, &box)))
          cover_base_map (cr, view, style, shape, shift);
    }

  /* The plain regions first, then the emphasis over them all; labels, one
   * for each region, in the plain pass. */
  for (guint pass = MER_REGION_PASS_PLAIN; pass <= MER_REGION_PASS_EMPHASIS; pass <<= 1)
    for (guint i = 0; (passes & pass) != 0 && i < self->regions->len; i++)
      {
        const CachedRegion *cached = &g_array_index (self->regions, CachedRegion, i);
        const Shape *shape = shape_at (cached, as_of);
        gboolean emphasised = state != NULL && mer_state_is_region_emphasised (state, cached->region);
        gboolean contested = contested_at (cached, as_of);
        int first, last;

        if (shape == NULL || shape->path.num_data == 0 || shape->y_max < vy_min || shape->y_min > vy_max
            || (pass == MER_REGION_PASS_EMPHASIS && !emphasised))
          continue;

        first = (int) floor (vx_min - shape->x_max);
        last = (int) ceil (vx_max - shape->x_min);
        for (int shift = first; shift <= last; shift++)
          {
            if (shape->x_max + shift < vx_min || shape->x_min + shift > vx_max)
              continue;

            if (labels != NULL)
              {
                if (view->zoom >= MER_REGION_LABEL_MIN_ZOOM)
                  add_label (labels, view, style, cached, shape, contested, emphasised, shift);
                continue;
              }
            get_copy_box (view, shape, shift, &box);
            if (meets_clip (only, &box))
              draw_region (cr, view, cached, shape, contested, shift, pass == MER_REGION_PASS_EMPHASIS);
          }
      }
  if (cr != NULL)
    cairo_restore (cr);
  g_clear_pointer (&clip, cairo_rectangle_list_destroy);
}

/**
 * mer_region_painter_draw:
 * @cr: a context whose user space is the widget's (or the export's) pixels
 * @view: the map view
 * @state: (nullable): what is selected and hovered, to emphasise, and the
 *   date the regions are drawn as of (mer_state_get_as_of())
 *
 * Draws every region that meets the view: fill, hatch and outline, each
 * with its outline and status as of the state's date; then, over all of
 * them, what emphasis adds to the emphasised ones. Inside a region with
 * a history the base map is painted over first, so that its de facto
 * borders do not contradict the region's status. Labels
 * are drawn apart, with mer_region_painter_draw_labels(), so that they can
 * go over the event markers. Only the regions that meet @cr's clip are
 * drawn.
 */
void
mer_region_painter_draw (MerRegionPainter  *self,
                         cairo_t           *cr,
                         const MerMapView  *view,
                         const MerMapStyle *style,
                         MerState          *state)
{
  mer_region_painter_draw_passes (self, cr, view, style, state, MER_REGION_PASS_PLAIN | MER_REGION_PASS_EMPHASIS);
}

/**
 * mer_region_painter_draw_passes:
 * @passes: which of mer_region_painter_draw()'s passes to draw: the plain
 *   regions, the emphasis over them, or both (which is the same)
 *
 * Drawn one after the other onto the same target, the two passes give
 * the pixels of mer_region_painter_draw(); apart, they let a view keep
 * the plain regions while the emphasis moves from one to another.
 */
void
mer_region_painter_draw_passes (MerRegionPainter  *self,
                                cairo_t           *cr,
                                const MerMapView  *view,
                                const MerMapStyle *style,
                                MerState          *state,
                                MerRegionPasses    passes)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (view != NULL);

  draw_pass (self, cr, view, style, state, NULL, passes);
}

/**
 * mer_region_painter_get_looks:
 * @state: (nullable): as for mer_region_painter_draw()
 * @looks: (element-type MerRegionLook): set to each region's look, in the
 *   painter's order
 *
 * What mer_region_painter_draw() reads of @state for each region: a change
 * of date that moves no outline and contests nothing anew leaves the
 * looks, and so the drawing, as they were.
 */
void
mer_region_painter_get_looks (MerRegionPainter *self,
                              MerState         *state,
                              GArray           *looks)
{
  AsOf as_of = as_of_state (state);

  g_return_if_fail (self != NULL);
  g_return_if_fail (looks != NULL);

  g_array_set_size (looks, self->regions->len);
  for (guint i = 0; i < self->regions->len; i++)
    {
      const CachedRegion *cached = &g_array_index (self->regions, CachedRegion, i);

      g_array_index (looks, MerRegionLook, i) = (MerRegionLook) {
        shape_at (cached, as_of),
        contested_at (cached, as_of),
        state != NULL && mer_state_is_region_emphasised (state, cached->region),
      };
    }
}

/**
 * mer_region_painter_get_look_extents:
 * @look: one of the looks mer_region_painter_get_looks() gave
 * @extents: (out): set to where a region drawn with @look can put ink in
 *   @view, in its pixels (every world copy in view); empty when nowhere
 *
 * Where drawing the region with another look changes pixels: inside the
 * extents of the old look and of the new.
 */
void
mer_region_painter_get_look_extents (MerRegionPainter    *self,
                                     const MerMapView    *view,
                                     const MerRegionLook *look,
                                     cairo_rectangle_t   *extents)
{
  const Shape *shape = look->shape;
  double vx_min, vy_min, vx_max, vy_max;
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  g_return_if_fail (self != NULL);
  g_return_if_fail (extents != NULL);

  *extents = (cairo_rectangle_t) { 0, 0, 0, 0 };
  if (shape == NULL || shape->path.num_data == 0)
    return;

  mer_map_view_get_bounds (view, &vx_min, &vy_min, &vx_max, &vy_max);
  for (int shift = (int) floor (vx_min - shape->x_max); shift <= (int) ceil (vx_max - shape->x_min); shift++)
    {
      cairo_rectangle_t box;

      if (shape->x_max + shift < vx_min || shape->x_min + shift > vx_max)
        continue;
      get_copy_box (view, shape, shift, &box);
      x0 = MIN (x0, box.x);
      y0 = MIN (y0, box.y);
      x1 = MAX (x1, box.x + box.width);
      y1 = MAX (y1, box.y + box.height);
    }
  if (x0 > x1)
    return;

  x0 = MAX (x0, 0);
  y0 = MAX (y0, 0);
  x1 = MIN (x1, view->width);
  y1 = MIN (y1, view->height);
  if (x0 < x1 && y0 < y1)
    *extents = (cairo_rectangle_t) { x0, y0, x1 - x0, y1 - y0 };
}

/**
 * mer_region_painter_add_labels:
 * @labels: the picture's label pass, the size of @view
 *
 * Adds a label for each region that meets the view, from
 * %MER_REGION_LABEL_MIN_ZOOM on, centred on its largest polygon, at
 * %MER_LABEL_PRIORITY_REGION (the emphasised ones first).
 */
void
mer_region_painter_add_labels (MerRegionPainter  *self,
                               MerLabels         *labels,
                               const MerMapView  *view,
                               const MerMapStyle *style,
                               MerState          *state)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (labels != NULL);
  g_return_if_fail (view != NULL);

  draw_pass (self, NULL, view, style, state, labels, MER_REGION_PASS_PLAIN);
}

/**
 * mer_region_painter_draw_labels:
 *
 * Labels the regions that meet the view on their own, in a label pass of
 * their own: labels never overlap one another nor leave the view.
 */
void
mer_region_painter_draw_labels (MerRegionPainter  *self,
                                cairo_t           *cr,
                                const MerMapView  *view,
                                const MerMapStyle *style,
                                MerState          *state)
{
  g_autoptr(MerLabelMeasure) measure = NULL;
  g_autoptr(MerLabels) labels = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (view != NULL);

  measure = mer_label_measure_new ();
  labels = mer_labels_new (measure, view->width, view->height, TRUE);
  draw_pass (self, NULL, view, style, state, labels, MER_REGION_PASS_PLAIN);
  mer_labels_place (labels);
  mer_labels_draw (labels, cr, style);
}

/**
 * mer_region_painter_pick:
 * @x: a point of the view, in pixels
 * @y: a point of the view, in pixels
 * @state: (nullable): the date to pick as of, as mer_region_painter_draw()
 *   draws
 *
 * Returns: (transfer none) (nullable): the region under the point, as its
 *   outline was at the state's date; of overlapping regions, the one drawn
 *   last
 */
MerRegion *
mer_region_painter_pick (MerRegionPainter *self,
                         const MerMapView *view,
                         double            x,
                         double            y,
                         MerState         *state)
{
  AsOf as_of = as_of_state (state);
  double lat, lon;

  g_return_val_if_fail (self != NULL, NULL);

  mer_map_view_point_to_location (view, x, y, &lat, &lon);
  for (guint i = self->regions->len; i > 0; i--)
    {
      const CachedRegion *cached = &g_array_index (self->regions, CachedRegion, i - 1);
      const Shape *shape = shape_at (cached, as_of);

      if (shape != NULL && shape->path.num_data > 0 && mer_hit_geometry_contains (shape->geometry, lat, lon))
        return cached->region;
    }

  return NULL;
}

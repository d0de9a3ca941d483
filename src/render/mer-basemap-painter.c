/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-basemap-painter"

#include "config.h"

#include "mer-basemap-painter.h"

#include <math.h>
#include <pango/pangocairo.h>

/* Draws the offline base map — sea, land, coastline, country borders and
 * labels — for any view onto any cairo context: map tiles drawn in worker
 * threads and exports alike. The data is cut into cells when it is prepared,
 * so a view visits only the cells it overlaps.
 *
 * Labels must not overlap, and a label crossing a tile edge must be drawn
 * the same in both tiles. So which labels are shown is decided once per zoom
 * level for the whole world, greedily in order of importance, and each view
 * draws every shown label that meets it. */

#define LABEL_FONT "Cantarell 9"
#define SEA_LABEL_FONT "Cantarell Italic 9"
#define LABEL_PADDING 4.0

typedef struct {
  guint  index;
  double x, y;             /* centre, in world pixels at the zoom */
  double width, height;
} PlacedLabel;

struct _MerBasemapPainter
{
  grefcount   ref_count;
  MerBasemap *basemap;

  GMutex      lock;
  GHashTable *placements;  /* zoom × 100 → GArray of PlacedLabel */
};

MerBasemapPainter *
mer_basemap_painter_new (MerBasemap *basemap)
{
  MerBasemapPainter *self = g_new0 (MerBasemapPainter, 1);

  g_ref_count_init (&self->ref_count);
  self->basemap = mer_basemap_ref (basemap);
  g_mutex_init (&self->lock);
  self->placements = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);

  return self;
}

MerBasemapPainter *
mer_basemap_painter_ref (MerBasemapPainter *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_ref_count_inc (&self->ref_count);
  return self;
}

void
mer_basemap_painter_unref (MerBasemapPainter *self)
{
  g_return_if_fail (self != NULL);

  if (g_ref_count_dec (&self->ref_count))
    {
      g_hash_table_unref (self->placements);
      g_mutex_clear (&self->lock);
      mer_basemap_unref (self->basemap);
      g_free (self);
    }
}

typedef struct {
  cairo_t *cr;
  double   scale;     /* world size */
  double   offset_x;  /* pixel of normalized x = 0, for this world copy */
  double   offset_y;
  gboolean close;
} PathContext;

static void
append_part (const float *xy,
             guint        n_points,
             gpointer     user_data)
{
  PathContext *ctx = user_data;

  cairo_move_to (ctx->cr, xy[0] * ctx->scale + ctx->offset_x, xy[1] * ctx->scale + ctx->offset_y);
  for (guint i = 1; i < n_points; i++)
    cairo_line_to (ctx->cr, xy[2 * i] * ctx->scale + ctx->offset_x, xy[2 * i + 1] * ctx->scale + ctx->offset_y);
  if (ctx->close)
    cairo_close_path (ctx->cr);
}

static void
set_color (cairo_t        *cr,
           const MerColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static PangoLayout *
create_label_layout (PangoContext          *context,
                     const MerBasemapLabel *label)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) font =
    pango_font_description_from_string (label->kind == MER_BASEMAP_LABEL_SEA ? SEA_LABEL_FONT : LABEL_FONT);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, label->name, -1);
  return layout;
}

/* Which labels are shown at @zoom: greedy by rank over the whole world. */
static GArray *
get_placement (MerBasemapPainter *self,
               PangoContext      *context,
               double             zoom)
{
  guint key = (guint) lround (zoom * 100);
  double world = mer_projection_world_size (zoom);
  GArray *placed;

  g_mutex_lock (&self->lock);
  placed = g_hash_table_lookup (self->placements, GUINT_TO_POINTER (key));
  if (placed != NULL)
    {
      g_array_ref (placed);
      g_mutex_unlock (&self->lock);
      return placed;
    }

  placed = g_array_new (FALSE, FALSE, sizeof (PlacedLabel));
  for (guint i = 0; i < mer_basemap_get_n_labels (self->basemap); i++)
    {
      MerBasemapLabel label;
      g_autoptr(PangoLayout) layout = NULL;
      PangoRectangle logical;
      PlacedLabel candidate;
      gboolean free = TRUE;

      mer_basemap_get_label (self->basemap, i, &label);
      if (zoom < label.min_zoom)
        continue;

      layout = create_label_layout (context, &label);
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      candidate = (PlacedLabel) { i, label.x * world, label.y * world, logical.width, logical.height };

      for (guint j = 0; j < placed->len && free; j++)
        {
          const PlacedLabel *other = &g_array_index (placed, PlacedLabel, j);

          free = fabs (candidate.x - other->x) * 2 >= candidate.width + other->width + 2 * LABEL_PADDING ||
                 fabs (candidate.y - other->y) * 2 >= candidate.height + other->height + 2 * LABEL_PADDING;
        }
      if (free)
        g_array_append_val (placed, candidate);
    }

  g_hash_table_insert (self->placements, GUINT_TO_POINTER (key), g_array_ref (placed));
  g_mutex_unlock (&self->lock);
  return placed;
}

static void
draw_labels (MerBasemapPainter *self,
             cairo_t           *cr,
             const MerMapView  *view,
             const MerMapStyle *style,
             double             cx,
             double             cy)
{
  PangoContext *context;
  g_autoptr(GArray) placed = NULL;
  double world = mer_map_view_get_world_size (view);
  cairo_font_options_t *options;

  /* Metrics must not depend on the surface, or tiles would disagree about
   * where a label ends: no hinting, no metric rounding. */
  context = pango_cairo_create_context (cr);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);

  placed = get_placement (self, context, view->zoom);

  for (guint i = 0; i < placed->len; i++)
    {
      const PlacedLabel *p = &g_array_index (placed, PlacedLabel, i);
      double copies = ceil (view->width / world) + 1;

      for (double k = -copies; k <= copies; k++)
        {
          double x = p->x + k * world - cx * world + view->width / 2;
          double y = p->y - cy * world + view->height / 2;
          g_autoptr(PangoLayout) layout = NULL;
          MerBasemapLabel label;

          if (x + p->width / 2 < 0 || x - p->width / 2 > view->width ||
              y + p->height / 2 < 0 || y - p->height / 2 > view->height)
            continue;

          mer_basemap_get_label (self->basemap, p->index, &label);
          layout = create_label_layout (context, &label);

          cairo_move_to (cr, x - p->width / 2, y - p->height / 2);
          pango_cairo_layout_path (cr, layout);
          set_color (cr, &style->label_halo);
          cairo_set_line_width (cr, 2.5);
          cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
          cairo_stroke (cr);

          cairo_move_to (cr, x - p->width / 2, y - p->height / 2);
          set_color (cr, label.kind == MER_BASEMAP_LABEL_SEA ? &style->sea_label : &style->country_label);
          pango_cairo_show_layout (cr, layout);
          cairo_new_path (cr);
        }
    }

  g_object_unref (context);
}

/**
 * mer_basemap_painter_draw:
 * @cr: a context whose user space is the view's pixels
 * @view: what to draw
 * @style: the colours
 *
 * Draws the base map over the whole view. Safe to call from several threads
 * at once.
 */
void
mer_basemap_painter_draw (MerBasemapPainter *self,
                          cairo_t           *cr,
                          const MerMapView  *view,
                          const MerMapStyle *style)
{
  static const double dashes[] = { 4, 2 };
  guint level = mer_basemap_level_for_zoom (self->basemap, view->zoom);
  double world = mer_map_view_get_world_size (view);
  double x0, y0, x1, y1, cx, cy;
  PathContext ctx = { cr, world, 0, 0, FALSE };

  g_return_if_fail (self != NULL);

  mer_map_view_get_bounds (view, &x0, &y0, &x1, &y1);
  mer_map_view_get_center_normalized (view, &cx, &cy);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, view->width, view->height);
  cairo_clip (cr);
  set_color (cr, &style->sea);
  cairo_paint (cr);

  for (int layer = MER_BASEMAP_LAND; layer <= MER_BASEMAP_BORDER; layer++)
    {
      if (layer == MER_BASEMAP_BORDER && view->zoom < 2)
        continue;

      cairo_new_path (cr);
      ctx.close = layer == MER_BASEMAP_LAND;
      ctx.offset_y = view->height / 2 - cy * world;

      /* Each copy of the world the view shows, the one around ±180° included. */
      for (int k = (int) floor (x0); k <= (int) floor (x1); k++)
        {
          ctx.offset_x = view->width / 2 + (k - cx) * world;
          mer_basemap_foreach_part (self->basemap, level, layer,
                                    MAX (x0 - k, 0), MAX (y0, 0), MIN (x1 - k, 1), MIN (y1, 1),
                                    append_part, &ctx);
        }

      switch (layer)
        {
        case MER_BASEMAP_LAND:
          set_color (cr, &style->land);
          cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
          cairo_fill (cr);
          break;

        case MER_BASEMAP_COAST:
          set_color (cr, &style->coast);
          cairo_set_line_width (cr, view->zoom < 4 ? 0.6 : 0.9);
          cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
          cairo_stroke (cr);
          break;

        case MER_BASEMAP_BORDER:
        default:
          set_color (cr, &style->border);
          cairo_set_line_width (cr, 0.8);
          cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          break;
        }
    }

  draw_labels (self, cr, view, style, cx, cy);
  cairo_restore (cr);
}

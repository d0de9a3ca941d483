/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-draw-layer"

#include "config.h"

#include "mer-draw-layer.h"

#include <math.h>

#include <glib/gi18n.h>

/* A polygon being drawn on the map, a region's outline: the corners
 * placed so far joined by lines, the line from the last corner to the
 * pointer, and the closing edge dashed, with a hint of the keys along the
 * top. The layer keeps positions, not pixels, so the drawing follows the
 * map as it pans and zooms; what the clicks and keys mean is the
 * window's. It also shows a place's marker while it is dragged: where it
 * goes, joined to where it was. */

struct _MerDrawLayer
{
  ShumateLayer parent_instance;

  /* Owned */
  GArray      *vertices;     /* MerLonLat */
  PangoLayout *hint;

  gboolean     active;
  double       pointer_x;    /* NAN: the pointer is not over the map */
  double       pointer_y;

  /* A marker being dragged, in the layer's pixels (the map does not move
   * during the drag). */
  gboolean     moving;
  double       move_from_x;
  double       move_from_y;
  double       move_x;
  double       move_y;
};

G_DEFINE_FINAL_TYPE (MerDrawLayer, mer_draw_layer, SHUMATE_TYPE_LAYER)

static void
to_point (MerDrawLayer    *self,
          const MerLonLat *vertex,
          double          *x,
          double          *y)
{
  shumate_viewport_location_to_widget_coords (shumate_layer_get_viewport (SHUMATE_LAYER (self)),
                                              GTK_WIDGET (self), vertex->lat, vertex->lon, x, y);
}

/* Strokes the path @width wide in the accent, over a light line a
 * little wider: it shows on land and sea, light or dark. */
static void
stroke_on_any_ground (cairo_t *cr,
                      double   width)
{
  cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
  cairo_set_line_width (cr, width + 2);
  cairo_stroke_preserve (cr);
  cairo_set_source_rgb (cr, 0.11, 0.44, 0.85);
  cairo_set_line_width (cr, width);
  cairo_stroke (cr);
}

static void
mer_draw_layer_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  MerDrawLayer *self = MER_DRAW_LAYER (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  static const double dash[] = { 6, 4 };
  double first_x = 0, first_y = 0, x = 0, y = 0;
  int hint_width, hint_height;
  cairo_t *cr;

  if ((!self->active && !self->moving) || width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  if (self->moving)
    {
      cairo_move_to (cr, self->move_from_x, self->move_from_y);
      cairo_line_to (cr, self->move_x, self->move_y);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      stroke_on_any_ground (cr, 1.5);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_arc (cr, self->move_x, self->move_y, 7, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, 0.11, 0.44, 0.85);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }
  if (!self->active)
    {
      cairo_destroy (cr);
      return;
    }

  if (self->vertices->len > 0)
    {
      for (guint i = 0; i < self->vertices->len; i++)
        {
          to_point (self, &g_array_index (self->vertices, MerLonLat, i), &x, &y);
          if (i == 0)
            {
              first_x = x;
              first_y = y;
              cairo_move_to (cr, x, y);
            }
          else
            cairo_line_to (cr, x, y);
        }
      if (!isnan (self->pointer_x))
        cairo_line_to (cr, self->pointer_x, self->pointer_y);
      if (self->vertices->len >= 2 || !isnan (self->pointer_x))
        {
          cairo_path_t *open = cairo_copy_path (cr);

          /* The area it will enclose, lightly. */
          cairo_close_path (cr);
          cairo_set_source_rgba (cr, 0.11, 0.44, 0.85, 0.18);
          cairo_fill (cr);
          cairo_append_path (cr, open);
          cairo_path_destroy (open);
        }
      stroke_on_any_ground (cr, 2);

      /* The closing edge, dashed. */
      cairo_move_to (cr, isnan (self->pointer_x) ? x : self->pointer_x, isnan (self->pointer_x) ? y : self->pointer_y);
      cairo_line_to (cr, first_x, first_y);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      for (guint i = 0; i < self->vertices->len; i++)
        {
          to_point (self, &g_array_index (self->vertices, MerLonLat, i), &x, &y);
          cairo_arc (cr, x, y, i == 0 ? 5 : 4, 0, 2 * G_PI);
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_fill_preserve (cr);
          cairo_set_source_rgb (cr, 0.11, 0.44, 0.85);
          cairo_set_line_width (cr, 2);
          cairo_stroke (cr);
        }
    }

  if (self->hint == NULL)
    {
      self->hint = gtk_widget_create_pango_layout (widget, NULL);
      pango_layout_set_alignment (self->hint, PANGO_ALIGN_CENTER);
    }
  pango_layout_set_text (self->hint,
                         _("Click to add corners · double-click or Enter to finish · "
                           "Backspace removes the last · Esc cancels"), -1);
  pango_layout_set_width (self->hint, MAX (1, width - 32) * PANGO_SCALE);
  pango_layout_set_wrap (self->hint, PANGO_WRAP_WORD_CHAR);
  pango_layout_get_pixel_size (self->hint, &hint_width, &hint_height);
  cairo_rectangle (cr, 8, 8, width - 16, hint_height + 12);
  cairo_set_source_rgba (cr, 0.1, 0.1, 0.1, 0.8);
  cairo_fill (cr);
  cairo_move_to (cr, 16, 14);
  cairo_set_source_rgb (cr, 1, 1, 1);
  pango_cairo_show_layout (cr, self->hint);
  cairo_destroy (cr);
}

static void
mer_draw_layer_dispose (GObject *object)
{
  MerDrawLayer *self = MER_DRAW_LAYER (object);

  g_clear_object (&self->hint);
  g_clear_pointer (&self->vertices, g_array_unref);

  G_OBJECT_CLASS (mer_draw_layer_parent_class)->dispose (object);
}

static void
mer_draw_layer_constructed (GObject *object)
{
  MerDrawLayer *self = MER_DRAW_LAYER (object);

  G_OBJECT_CLASS (mer_draw_layer_parent_class)->constructed (object);

  g_signal_connect_object (shumate_layer_get_viewport (SHUMATE_LAYER (self)), "notify",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}

static void
mer_draw_layer_class_init (MerDrawLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mer_draw_layer_constructed;
  object_class->dispose = mer_draw_layer_dispose;
  widget_class->snapshot = mer_draw_layer_snapshot;
}

static void
mer_draw_layer_init (MerDrawLayer *self)
{
  self->vertices = g_array_new (FALSE, FALSE, sizeof (MerLonLat));
  self->pointer_x = NAN;
  self->pointer_y = NAN;
  /* The clicks are the map's; the window reads them. */
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

MerDrawLayer *
mer_draw_layer_new (ShumateViewport *viewport)
{
  return g_object_new (MER_TYPE_DRAW_LAYER, "viewport", viewport, NULL);
}

/**
 * mer_draw_layer_add_vertex:
 * @x: (in): where, in the layer's coordinates
 *
 * Adds a corner at the map position under (@x, @y), unless the last
 * corner is already there.
 */
void
mer_draw_layer_add_vertex (MerDrawLayer *self,
                           double        x,
                           double        y)
{
  MerLonLat vertex;

  g_return_if_fail (MER_IS_DRAW_LAYER (self));

  /* A click on the last corner (the first of a double-click that closes
   * the polygon there) adds none. */
  if (self->vertices->len > 0)
    {
      double last_x, last_y;

      to_point (self, &g_array_index (self->vertices, MerLonLat, self->vertices->len - 1), &last_x, &last_y);
      if (hypot (x - last_x, y - last_y) <= 4)
        return;
    }

  shumate_viewport_widget_coords_to_location (shumate_layer_get_viewport (SHUMATE_LAYER (self)), GTK_WIDGET (self),
                                              x, y, &vertex.lat, &vertex.lon);
  /* Across the antimeridian the map repeats: keep the nearer copy. */
  vertex.lon = remainder (vertex.lon, 360);
  g_array_append_val (self->vertices, vertex);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * mer_draw_layer_remove_vertex:
 *
 * Returns: whether there was a corner to remove
 */
gboolean
mer_draw_layer_remove_vertex (MerDrawLayer *self)
{
  g_return_val_if_fail (MER_IS_DRAW_LAYER (self), FALSE);

  if (self->vertices->len == 0)
    return FALSE;
  g_array_set_size (self->vertices, self->vertices->len - 1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

guint
mer_draw_layer_get_n_vertices (MerDrawLayer *self)
{
  g_return_val_if_fail (MER_IS_DRAW_LAYER (self), 0);
  return self->vertices->len;
}

/**
 * mer_draw_layer_set_pointer:
 * @x: where the pointer is, or NAN when it left the map
 */
void
mer_draw_layer_set_pointer (MerDrawLayer *self,
                            double        x,
                            double        y)
{
  g_return_if_fail (MER_IS_DRAW_LAYER (self));

  self->pointer_x = x;
  self->pointer_y = y;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * mer_draw_layer_set_active:
 *
 * Shows or hides the drawing. The layer stays in the map either way, so
 * that it is always laid out with it and its positions are the map's.
 */
void
mer_draw_layer_set_active (MerDrawLayer *self,
                           gboolean      active)
{
  g_return_if_fail (MER_IS_DRAW_LAYER (self));

  self->active = active;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
mer_draw_layer_get_active (MerDrawLayer *self)
{
  g_return_val_if_fail (MER_IS_DRAW_LAYER (self), FALSE);
  return self->active;
}

void
mer_draw_layer_clear (MerDrawLayer *self)
{
  g_return_if_fail (MER_IS_DRAW_LAYER (self));

  g_array_set_size (self->vertices, 0);
  self->pointer_x = NAN;
  self->pointer_y = NAN;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * mer_draw_layer_dup_outline:
 *
 * Returns: (transfer full) (nullable): the polygon drawn, closed; %NULL
 *   with fewer than three corners
 */
MerGeometry *
mer_draw_layer_dup_outline (MerDrawLayer *self)
{
  g_autoptr(GArray) ring = NULL;
  MerGeometry *geometry;

  g_return_val_if_fail (MER_IS_DRAW_LAYER (self), NULL);

  if (self->vertices->len < 3)
    return NULL;
  ring = g_array_copy (self->vertices);
  g_array_append_val (ring, g_array_index (self->vertices, MerLonLat, 0));
  geometry = mer_geometry_new ();
  mer_geometry_begin_polygon (geometry);
  mer_geometry_add_ring (geometry, (const MerLonLat *) ring->data, ring->len);
  return geometry;
}

/**
 * mer_draw_layer_set_moving:
 * @from_x: where the dragged marker was, in the layer's pixels
 * @from_y: the same
 * @x: where it goes now (the pointer)
 * @y: the same
 *
 * Shows a place's marker being dragged: at (@x, @y), joined by a dashed
 * line to where it was, until mer_draw_layer_stop_moving().
 */
void
mer_draw_layer_set_moving (MerDrawLayer *self,
                           double        from_x,
                           double        from_y,
                           double        x,
                           double        y)
{
  g_return_if_fail (MER_IS_DRAW_LAYER (self));

  self->moving = TRUE;
  self->move_from_x = from_x;
  self->move_from_y = from_y;
  self->move_x = x;
  self->move_y = y;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * mer_draw_layer_stop_moving:
 *
 * Stops showing a dragged marker.
 */
void
mer_draw_layer_stop_moving (MerDrawLayer *self)
{
  g_return_if_fail (MER_IS_DRAW_LAYER (self));

  if (!self->moving)
    return;
  self->moving = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * mer_draw_layer_get_moving:
 * @x: (out) (optional): where the dragged marker is shown
 * @y: (out) (optional): the same
 *
 * Returns: whether a dragged marker is shown
 */
gboolean
mer_draw_layer_get_moving (MerDrawLayer *self,
                           double       *x,
                           double       *y)
{
  g_return_val_if_fail (MER_IS_DRAW_LAYER (self), FALSE);

  if (x != NULL)
    *x = self->move_x;
  if (y != NULL)
    *y = self->move_y;
  return self->moving;
}

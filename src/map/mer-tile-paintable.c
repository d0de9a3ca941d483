/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-tile-paintable"

#include "config.h"

#include "mer-tile-paintable.h"

#include "mer-texture.h"

/* A base-map tile as the map layer draws it. GTK 4.8's cairo renderer
 * draws a texture node by downloading the whole texture each time it is
 * drawn, converting every pixel through floats even when the formats are
 * the same: 3–4 ms a tile, so that any frame touching the map cost 17 ms
 * or more. Under that renderer the tile is drawn as a cairo node instead,
 * which paints the tile's own image surface as the texture node would
 * (same pattern, extend and matrix), and which is kept while its size is
 * the same so that the renderer's diff sees an unchanged tile. The GL
 * renderers upload a texture once and keep it: for them the tile stays a
 * texture node. */

struct _MerTilePaintable
{
  GObject parent_instance;

  /* Owned */
  cairo_surface_t *surface;
  GdkTexture      *texture;
  GskRenderNode   *node;        /* the last cairo node, nullable */

  gboolean         cairo_nodes;
};

static void mer_tile_paintable_paintable_init (GdkPaintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MerTilePaintable, mer_tile_paintable, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GDK_TYPE_PAINTABLE, mer_tile_paintable_paintable_init))

/* How far a tile's node reaches past its right and bottom edges, over
 * the next tile: where tiles meet between two pixels (a fractional zoom, a
 * fractional pan), cairo draws each edge with partial coverage, and the two
 * partly covered halves let the background through, a light seam. Drawn
 * on, the next tile's edge covers part of a pixel that this one covers
 * whole. The reach repeats the tile's last pixels. */
#define SEAM_OVERLAP 1

static GskRenderNode *
create_cairo_node (MerTilePaintable *self,
                   double            width,
                   double            height)
{
  GskRenderNode *node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (0, 0, width + SEAM_OVERLAP,
                                                                 height + SEAM_OVERLAP));
  cairo_t *cr = gsk_cairo_node_get_draw_context (node);
  cairo_pattern_t *pattern = cairo_pattern_create_for_surface (self->surface);
  cairo_matrix_t matrix;

  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_PAD);
  cairo_matrix_init_scale (&matrix, cairo_image_surface_get_width (self->surface) / width,
                           cairo_image_surface_get_height (self->surface) / height);
  cairo_pattern_set_matrix (pattern, &matrix);
  cairo_set_source (cr, pattern);
  cairo_pattern_destroy (pattern);
  cairo_rectangle (cr, 0, 0, width + SEAM_OVERLAP, height + SEAM_OVERLAP);
  cairo_fill (cr);
  cairo_destroy (cr);

  return node;
}

static void
mer_tile_paintable_snapshot (GdkPaintable *paintable,
                             GdkSnapshot  *snapshot,
                             double        width,
                             double        height)
{
  MerTilePaintable *self = MER_TILE_PAINTABLE (paintable);
  graphene_rect_t bounds;

  if (!self->cairo_nodes)
    {
      gdk_paintable_snapshot (GDK_PAINTABLE (self->texture), snapshot, width, height);
      return;
    }

  if (width <= 0 || height <= 0)
    return;

  if (self->node != NULL)
    gsk_render_node_get_bounds (self->node, &bounds);
  if (self->node == NULL || bounds.size.width != (float) (width + SEAM_OVERLAP) ||
      bounds.size.height != (float) (height + SEAM_OVERLAP))
    {
      g_clear_pointer (&self->node, gsk_render_node_unref);
      self->node = create_cairo_node (self, width, height);
    }
  gtk_snapshot_append_node (GTK_SNAPSHOT (snapshot), self->node);
}

static int
mer_tile_paintable_get_intrinsic_width (GdkPaintable *paintable)
{
  return gdk_texture_get_width (MER_TILE_PAINTABLE (paintable)->texture);
}

static int
mer_tile_paintable_get_intrinsic_height (GdkPaintable *paintable)
{
  return gdk_texture_get_height (MER_TILE_PAINTABLE (paintable)->texture);
}

static GdkPaintableFlags
mer_tile_paintable_get_flags (GdkPaintable *paintable)
{
  return GDK_PAINTABLE_STATIC_SIZE | GDK_PAINTABLE_STATIC_CONTENTS;
}

static void
mer_tile_paintable_paintable_init (GdkPaintableInterface *iface)
{
  iface->snapshot = mer_tile_paintable_snapshot;
  iface->get_intrinsic_width = mer_tile_paintable_get_intrinsic_width;
  iface->get_intrinsic_height = mer_tile_paintable_get_intrinsic_height;
  iface->get_flags = mer_tile_paintable_get_flags;
}

static void
mer_tile_paintable_finalize (GObject *object)
{
  MerTilePaintable *self = MER_TILE_PAINTABLE (object);

  g_clear_pointer (&self->node, gsk_render_node_unref);
  g_clear_object (&self->texture);
  g_clear_pointer (&self->surface, cairo_surface_destroy);

  G_OBJECT_CLASS (mer_tile_paintable_parent_class)->finalize (object);
}

static void
mer_tile_paintable_class_init (MerTilePaintableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mer_tile_paintable_finalize;
}

static void
mer_tile_paintable_init (MerTilePaintable *self)
{
}

/**
 * mer_tile_paintable_new:
 * @surface: (transfer none): the tile, an ARGB32 image surface that is
 *   not drawn on any more
 * @cairo_nodes: whether the window is drawn by GTK's cairo renderer, for
 *   which the tile is drawn as a cairo node rather than a texture
 *
 * Returns: (transfer full): a paintable of the tile; both ways draw the
 *   same pixels
 */
MerTilePaintable *
mer_tile_paintable_new (cairo_surface_t *surface,
                        gboolean         cairo_nodes)
{
  MerTilePaintable *self;

  g_return_val_if_fail (surface != NULL, NULL);
  g_return_val_if_fail (cairo_image_surface_get_format (surface) == CAIRO_FORMAT_ARGB32, NULL);

  self = g_object_new (MER_TYPE_TILE_PAINTABLE, NULL);
  self->surface = cairo_surface_reference (surface);
  self->cairo_nodes = cairo_nodes;
  /* The texture keeps its own reference to the surface for as long as it lives. */
  self->texture = mer_texture_new_for_surface (cairo_surface_reference (surface));
  return self;
}

/**
 * mer_tile_paintable_get_cairo_nodes:
 *
 * Returns: whether the tile is drawn as a cairo node
 */
gboolean
mer_tile_paintable_get_cairo_nodes (MerTilePaintable *self)
{
  g_return_val_if_fail (MER_IS_TILE_PAINTABLE (self), FALSE);

  return self->cairo_nodes;
}

/**
 * mer_tile_paintable_get_texture:
 *
 * Returns: (transfer none): the tile as a texture
 */
GdkTexture *
mer_tile_paintable_get_texture (MerTilePaintable *self)
{
  g_return_val_if_fail (MER_IS_TILE_PAINTABLE (self), NULL);

  return self->texture;
}

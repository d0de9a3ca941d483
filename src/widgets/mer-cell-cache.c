/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-cell-cache"

#include "config.h"

#include "mer-cell-cache.h"

#include <string.h>

/* A widget drawn with cairo over its whole area, handed to GTK as a grid
 * of small nodes. A cairo node the size of the widget is drawn again whole
 * whenever anything in it changes: GTK's GL renderer rasterises it and
 * uploads it as one texture; its cairo renderer finds the whole widget
 * damaged and redraws everything under it, the map's tiles included.
 * Here the widget draws into an image of its own, which is cut into cells:
 * a cell that is wholly transparent gives no node; a cell whose pixels are
 * those of the frame before keeps its node, so that the GL renderer reuses
 * its texture and the cairo renderer's diff leaves it undamaged; only the
 * other cells make new nodes.
 *
 * Each cell is a cairo node painting the cell's image at whole device
 * pixels, so that the pixels on screen are those the widget drew. Not a
 * texture node: GTK 4.8's cairo renderer converts a texture's every pixel
 * through floats each time it draws one, and its GL renderer samples a
 * texture node with linear filtering, where a cairo node's texture is
 * copied pixel for pixel, which on a software rasteriser costs less.
 *
 * The widget may tell where its drawing differs from the last frame's (see
 * #MerInk): the drawing is then rasterised onto the image over those cells
 * only, and the other cells are not looked at.
 *
 * Only under the cairo renderer, which draws no more than the damage: the
 * GL renderers get the widget in one cairo node, as without the cache. */

#define CELL 64

typedef struct {
  cairo_surface_t *image;  /* nullable: transparent */
  GskRenderNode   *node;   /* nullable: transparent */
} Cell;

struct _MerCellCache
{
  cairo_surface_t *recording;    /* the frame being drawn, nullable */
  GskRenderNode   *whole;        /* the frame being drawn in one node, nullable */
  cairo_surface_t *canvas;       /* the widget's size in device pixels */
  gboolean         canvas_valid; /* holds the last frame, as the cells do */
  Cell            *cells;
  int              width;        /* of the canvas, device pixels */
  int              height;
  int              scale;
  int              columns;
  int              rows;
  guint            n_drawn;
  guint            n_new;
};

static void
clear_cells (MerCellCache *self)
{
  self->canvas_valid = FALSE;
  for (int i = 0; self->cells != NULL && i < self->columns * self->rows; i++)
    {
      g_clear_pointer (&self->cells[i].image, cairo_surface_destroy);
      g_clear_pointer (&self->cells[i].node, gsk_render_node_unref);
    }
}

/**
 * mer_cell_cache_new:
 *
 * Returns: (transfer full): an empty cache
 */
MerCellCache *
mer_cell_cache_new (void)
{
  return g_new0 (MerCellCache, 1);
}

void
mer_cell_cache_free (MerCellCache *self)
{
  if (self == NULL)
    return;

  clear_cells (self);
  g_free (self->cells);
  g_clear_pointer (&self->recording, cairo_surface_destroy);
  g_clear_pointer (&self->whole, gsk_render_node_unref);
  g_clear_pointer (&self->canvas, cairo_surface_destroy);
  g_free (self);
}

/**
 * mer_cell_cache_clear:
 *
 * Forgets the cells, so that the next frame makes every node anew.
 */
void
mer_cell_cache_clear (MerCellCache *self)
{
  g_return_if_fail (self != NULL);

  clear_cells (self);
}

/**
 * mer_cell_cache_begin:
 * @widget: the widget being snapshot
 *
 * Returns: (transfer full): a context of @widget's size, in its
 *   coordinates, to draw the widget with; give it back to
 *   mer_cell_cache_end()
 */
cairo_t *
mer_cell_cache_begin (MerCellCache *self,
                      GtkWidget    *widget)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GskRenderer *renderer = native != NULL ? gtk_native_get_renderer (native) : NULL;
  int scale = gtk_widget_get_scale_factor (widget);
  int width = MAX (gtk_widget_get_width (widget), 0) * scale;
  int height = MAX (gtk_widget_get_height (widget), 0) * scale;

  g_return_val_if_fail (self != NULL, NULL);

  /* GTK 4.8's GL renderer draws the whole window each frame whatever the
   * damage, and on a software rasteriser the cells cost it more than they
   * save (measured: docs/performance.md): one node, as before. */
  if (renderer != NULL && !GSK_IS_CAIRO_RENDERER (renderer))
    {
      clear_cells (self);
      g_clear_pointer (&self->cells, g_free);
      g_clear_pointer (&self->canvas, cairo_surface_destroy);
      g_clear_pointer (&self->whole, gsk_render_node_unref);
      self->n_drawn = self->n_new = 1;
      self->whole = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (0, 0, (float) width / scale, (float) height / scale));
      return gsk_cairo_node_get_draw_context (self->whole);
    }

  if (self->canvas == NULL || width != self->width || height != self->height || scale != self->scale)
    {
      clear_cells (self);
      g_clear_pointer (&self->cells, g_free);
      g_clear_pointer (&self->canvas, cairo_surface_destroy);
      self->width = width;
      self->height = height;
      self->scale = scale;
      self->columns = (width + CELL - 1) / CELL;
      self->rows = (height + CELL - 1) / CELL;
      self->cells = g_new0 (Cell, self->columns * self->rows);
      self->canvas = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      cairo_surface_set_device_scale (self->canvas, scale, scale);
    }

  /* Recorded and then drawn onto the image as GTK draws a cairo node:
   * text is laid out and drawn for a recording surface's font options,
   * which are not an image's. */
  g_clear_pointer (&self->recording, cairo_surface_destroy);
  self->recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA,
                                                    &(cairo_rectangle_t) { 0, 0, (double) width / scale,
                                                                           (double) height / scale });
  return cairo_create (self->recording);
}

static gboolean
cell_is_transparent (const guchar *data,
                     int           stride,
                     int           width,
                     int           height)
{
  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (data + (gsize) y * stride);

      for (int x = 0; x < width; x++)
        if (row[x] != 0)
          return FALSE;
    }
  return TRUE;
}

static gboolean
cell_is_unchanged (const Cell   *cell,
                   const guchar *data,
                   int           stride,
                   int           width,
                   int           height)
{
  const guchar *old;
  int old_stride;

  if (cell->image == NULL)
    return cell_is_transparent (data, stride, width, height);

  old = cairo_image_surface_get_data (cell->image);
  old_stride = cairo_image_surface_get_stride (cell->image);
  for (int y = 0; y < height; y++)
    if (memcmp (old + (gsize) y * old_stride, data + (gsize) y * stride, (gsize) width * 4) != 0)
      return FALSE;
  return TRUE;
}

static GskRenderNode *
create_node (cairo_surface_t       *image,
             const graphene_rect_t *bounds)
{
  GskRenderNode *node = gsk_cairo_node_new (bounds);
  cairo_t *cr = gsk_cairo_node_get_draw_context (node);

  cairo_set_source_surface (cr, image, bounds->origin.x, bounds->origin.y);
  cairo_paint (cr);
  cairo_destroy (cr);
  return node;
}

/* The cells @damage meets, as boxes in device pixels. */
static cairo_region_t *
damaged_cells (MerCellCache         *self,
               const cairo_region_t *damage)
{
  cairo_region_t *cells = cairo_region_create ();

  for (int i = 0; i < cairo_region_num_rectangles (damage); i++)
    {
      cairo_rectangle_int_t box;
      int x0, y0, x1, y1;

      cairo_region_get_rectangle (damage, i, &box);
      x0 = MAX (box.x, 0) / CELL * CELL;
      y0 = MAX (box.y, 0) / CELL * CELL;
      x1 = MIN ((MAX (box.x + box.width, 0) + CELL - 1) / CELL * CELL, self->width);
      y1 = MIN ((MAX (box.y + box.height, 0) + CELL - 1) / CELL * CELL, self->height);
      if (x1 > x0 && y1 > y0)
        cairo_region_union_rectangle (cells, &(cairo_rectangle_int_t) { x0, y0, x1 - x0, y1 - y0 });
    }
  return cells;
}

/* The recording drawn again, cleared first, over the rows of cells that
 * @cells meets (device pixels), each run of rows under one clip the
 * canvas's width. Not narrower: where a clip cuts a shape at its left or
 * right, cairo's antialiasing of the shape can differ by 1/255 from the
 * shape drawn whole (the cells' tests caught it); a cut at its top or
 * bottom leaves the pixels as they were. */
static void
replay_rows (MerCellCache   *self,
             cairo_region_t *cells)
{
  g_autofree gboolean *damaged = g_new0 (gboolean, self->rows + 1);
  int first = -1;

  for (int i = 0; i < cairo_region_num_rectangles (cells); i++)
    {
      cairo_rectangle_int_t box;

      cairo_region_get_rectangle (cells, i, &box);
      for (int row = box.y / CELL; row * CELL < box.y + box.height; row++)
        damaged[row] = TRUE;
    }

  for (int row = 0; row <= self->rows; row++)
    {
      cairo_t *cr;
      int y0, y1;

      if (damaged[row] && first < 0)
        first = row;
      if (damaged[row] || first < 0)
        continue;

      y0 = first * CELL;
      y1 = MIN (row * CELL, self->height);
      first = -1;
      cr = cairo_create (self->canvas);
      cairo_rectangle (cr, 0, (double) y0 / self->scale, (double) self->width / self->scale,
                       (double) (y1 - y0) / self->scale);
      cairo_clip (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
      cairo_paint (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
      cairo_set_source_surface (cr, self->recording, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
    }
}

/**
 * mer_cell_cache_end:
 * @cr: (transfer full): the context mer_cell_cache_begin() gave
 * @damage: (nullable): where, in device pixels, this frame's drawing can
 *   differ from the last frame's; %NULL: anywhere
 * @snapshot: the widget's snapshot
 *
 * Appends the cells that have ink to @snapshot, making nodes only for the
 * cells that changed since the last frame. The drawing is rasterised only
 * over the cells @damage meets; the others keep their pixels and nodes.
 */
void
mer_cell_cache_end (MerCellCache         *self,
                    cairo_t              *cr,
                    const cairo_region_t *damage,
                    GtkSnapshot          *snapshot)
{
  cairo_region_t *cells;
  const guchar *data;
  int stride;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  cairo_destroy (cr);
  if (self->whole != NULL)
    {
      gtk_snapshot_append_node (snapshot, self->whole);
      g_clear_pointer (&self->whole, gsk_render_node_unref);
      return;
    }

  if (self->canvas_valid && damage != NULL)
    cells = damaged_cells (self, damage);
  else
    cells = cairo_region_create_rectangle (&(cairo_rectangle_int_t) { 0, 0, self->width, self->height });
  replay_rows (self, cells);
  g_clear_pointer (&self->recording, cairo_surface_destroy);
  self->canvas_valid = TRUE;
  cairo_surface_flush (self->canvas);
  data = cairo_image_surface_get_data (self->canvas);
  stride = cairo_image_surface_get_stride (self->canvas);
  self->n_drawn = self->n_new = 0;

  for (int row = 0; row < self->rows; row++)
    for (int column = 0; column < self->columns; column++)
      {
        Cell *cell = &self->cells[row * self->columns + column];
        int x = column * CELL, y = row * CELL;
        int width = MIN (CELL, self->width - x), height = MIN (CELL, self->height - y);
        const guchar *origin = data + (gsize) y * stride + (gsize) x * 4;

        if (cairo_region_contains_rectangle (cells, &(cairo_rectangle_int_t) { x, y, width, height }) !=
              CAIRO_REGION_OVERLAP_OUT &&
            !cell_is_unchanged (cell, origin, stride, width, height))
          {
            g_clear_pointer (&cell->image, cairo_surface_destroy);
            g_clear_pointer (&cell->node, gsk_render_node_unref);
            if (!cell_is_transparent (origin, stride, width, height))
              {
                guchar *copy;
                int copy_stride;

                cell->image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
                copy = cairo_image_surface_get_data (cell->image);
                copy_stride = cairo_image_surface_get_stride (cell->image);
                for (int line = 0; line < height; line++)
                  memcpy (copy + (gsize) line * copy_stride, origin + (gsize) line * stride, (gsize) width * 4);
                cairo_surface_mark_dirty (cell->image);
                cairo_surface_set_device_scale (cell->image, self->scale, self->scale);
                cell->node = create_node (cell->image,
                                          &GRAPHENE_RECT_INIT ((float) x / self->scale, (float) y / self->scale,
                                                               (float) width / self->scale,
                                                               (float) height / self->scale));
                self->n_new++;
              }
          }

        if (cell->node != NULL)
          {
            gtk_snapshot_append_node (snapshot, cell->node);
            self->n_drawn++;
          }
      }
  cairo_region_destroy (cells);
}

/**
 * mer_cell_cache_get_n_drawn:
 *
 * Returns: the number of cells with ink in the last frame
 */
guint
mer_cell_cache_get_n_drawn (MerCellCache *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_drawn;
}

/**
 * mer_cell_cache_get_n_new:
 *
 * Returns: the number of cells of the last frame that changed
 */
guint
mer_cell_cache_get_n_new (MerCellCache *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_new;
}

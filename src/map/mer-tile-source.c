/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-tile-source"

#include "config.h"

#include "mer-tile-source.h"

#include "mer-basemap-painter.h"
#include "mer-projection.h"
#include "mer-tile-paintable.h"

#include <glib/gi18n.h>

/* The offline base map as a libshumate map source: each tile is drawn by
 * the base-map painter in a worker thread, at the widget's scale factor so
 * that it is sharp on HiDPI screens, and handed to the tile on the main
 * thread. Nothing is fetched and nothing is written to disk. Tiles carry
 * no names: the map's overlay places them with the story's labels. */

#define TILE_SIZE 256

struct _MerTileSource
{
  ShumateMapSource parent_instance;

  /* Owned */
  MerBasemapPainter *painter;

  const MerMapStyle *style;
  int                scale_factor;
  guint              n_pending;
  guint              n_filled;
  gboolean           cairo_nodes;
};

G_DEFINE_FINAL_TYPE (MerTileSource, mer_tile_source, SHUMATE_TYPE_MAP_SOURCE)

typedef struct {
  MerMapView       view;
  int              scale_factor;
  cairo_surface_t *surface;
} TileJob;

static void
tile_job_free (TileJob *job)
{
  g_clear_pointer (&job->surface, cairo_surface_destroy);
  g_free (job);
}

static void
render_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  MerTileSource *self = source_object;
  TileJob *job = task_data;
  int size = TILE_SIZE * job->scale_factor;
  cairo_t *cr;

  if (g_task_return_error_if_cancelled (task))
    return;

  job->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cr = cairo_create (job->surface);
  cairo_scale (cr, job->scale_factor, job->scale_factor);
  mer_basemap_painter_draw_map (self->painter, cr, &job->view, self->style);
  cairo_destroy (cr);
  cairo_surface_flush (job->surface);

  g_task_return_boolean (task, TRUE);
}

static void
on_rendered (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  MerTileSource *self = MER_TILE_SOURCE (object);
  g_autoptr(GTask) outer = user_data;
  ShumateTile *tile = g_task_get_task_data (outer);
  TileJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(MerTilePaintable) paintable = NULL;

  self->n_pending--;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }

  /* Tiles only change on the main thread: their notifications redraw the map. */
  paintable = mer_tile_paintable_new (job->surface, self->cairo_nodes);
  shumate_tile_set_paintable (tile, GDK_PAINTABLE (paintable));
  shumate_tile_set_fade_in (tile, FALSE);
  shumate_tile_set_state (tile, SHUMATE_STATE_DONE);
  self->n_filled++;

  g_task_return_boolean (outer, TRUE);
}

static void
mer_tile_source_fill_tile_async (ShumateMapSource    *source,
                                 ShumateTile         *tile,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  MerTileSource *self = MER_TILE_SOURCE (source);
  g_autoptr(GTask) outer = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GTask) inner = NULL;
  TileJob *job = g_new0 (TileJob, 1);
  double tiles = (double) (1u << shumate_tile_get_zoom_level (tile));
  double lat, lon;

  g_task_set_source_tag (outer, mer_tile_source_fill_tile_async);
  g_task_set_task_data (outer, g_object_ref (tile), g_object_unref);

  mer_projection_normalized_to_location ((shumate_tile_get_x (tile) + 0.5) / tiles,
                                         (shumate_tile_get_y (tile) + 0.5) / tiles, &lat, &lon);
  job->view = (MerMapView) {
    lat, lon, shumate_tile_get_zoom_level (tile), TILE_SIZE, TILE_SIZE, self->scale_factor,
  };
  job->scale_factor = self->scale_factor;

  shumate_tile_set_state (tile, SHUMATE_STATE_LOADING);
  self->n_pending++;

  inner = g_task_new (self, cancellable, on_rendered, g_steal_pointer (&outer));
  g_task_set_task_data (inner, job, (GDestroyNotify) tile_job_free);
  g_task_run_in_thread (inner, render_in_thread);
}

static gboolean
mer_tile_source_fill_tile_finish (ShumateMapSource  *source,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
mer_tile_source_finalize (GObject *object)
{
  MerTileSource *self = MER_TILE_SOURCE (object);

  g_clear_pointer (&self->painter, mer_basemap_painter_unref);

  G_OBJECT_CLASS (mer_tile_source_parent_class)->finalize (object);
}

static void
mer_tile_source_class_init (MerTileSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateMapSourceClass *source_class = SHUMATE_MAP_SOURCE_CLASS (klass);

  object_class->finalize = mer_tile_source_finalize;
  source_class->fill_tile_async = mer_tile_source_fill_tile_async;
  source_class->fill_tile_finish = mer_tile_source_fill_tile_finish;
}

static void
mer_tile_source_init (MerTileSource *self)
{
}

/**
 * mer_tile_source_new:
 * @painter: the base-map painter, shared by every source
 * @dark: whether to draw the dark style
 * @scale_factor: the widget's scale factor; tiles are drawn at 256 × it
 *
 * Returns: (transfer full): a map source; its id differs by style and
 *   scale, as libshumate caches tiles by source id
 */
MerTileSource *
mer_tile_source_new (MerBasemapPainter *painter,
                     gboolean           dark,
                     int                scale_factor)
{
  g_autofree char *id = NULL;
  MerTileSource *self;

  g_return_val_if_fail (painter != NULL, NULL);

  id = g_strdup_printf ("meridian-basemap-%s-%dx", dark ? "dark" : "light", scale_factor);

  self = g_object_new (MER_TYPE_TILE_SOURCE,
                       "id", id,
                       "name", "Natural Earth",
                       "license", _("Made with Natural Earth"),
                       "license-uri", "https://www.naturalearthdata.com/",
                       "min-zoom-level", 0,
                       "max-zoom-level", MER_TILE_SOURCE_MAX_ZOOM,
                       "tile-size", TILE_SIZE,
                       "projection", SHUMATE_MAP_PROJECTION_MERCATOR,
                       NULL);
  self->painter = mer_basemap_painter_ref (painter);
  self->style = mer_map_style_get (dark);
  self->scale_factor = MAX (scale_factor, 1);

  return self;
}

/**
 * mer_tile_source_get_n_pending:
 *
 * Returns: the number of tiles being drawn
 */
guint
mer_tile_source_get_n_pending (MerTileSource *self)
{
  g_return_val_if_fail (MER_IS_TILE_SOURCE (self), 0);
  return self->n_pending;
}

/**
 * mer_tile_source_get_n_filled:
 *
 * Returns: the number of tiles drawn so far
 */
guint
mer_tile_source_get_n_filled (MerTileSource *self)
{
  g_return_val_if_fail (MER_IS_TILE_SOURCE (self), 0);
  return self->n_filled;
}

/**
 * mer_tile_source_set_cairo_nodes:
 * @cairo_nodes: whether the map is drawn by GTK's cairo renderer
 *
 * Tiles drawn from now on are drawn as cairo nodes under that renderer,
 * as textures otherwise (see #MerTilePaintable). Either way the pixels
 * are the same.
 */
void
mer_tile_source_set_cairo_nodes (MerTileSource *self,
                                 gboolean       cairo_nodes)
{
  g_return_if_fail (MER_IS_TILE_SOURCE (self));

  self->cairo_nodes = cairo_nodes;
}

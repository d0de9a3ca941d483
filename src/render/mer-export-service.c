/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-export-service"

#include "config.h"

#include "mer-export-service.h"

#include <math.h>

/* Every picture Meridian makes outside the live map — export files, the
 * clipboard snapshot, the presenter's next-slide preview, handouts and the
 * command line — goes through one service, which owns the one base map
 * they all draw on. The base map is read on first use, once, under a lock:
 * the map's tiles ask for it from worker threads. */

struct _MerExportService
{
  GObject parent_instance;

  /* Owned */
  char              *basemap_path;   /* NULL: the default one */
  GMutex             lock;
  MerBasemapPainter *basemap;        /* under lock, once read */
  GError            *basemap_error;  /* under lock, when it cannot be read */
};

G_DEFINE_FINAL_TYPE (MerExportService, mer_export_service, G_TYPE_OBJECT)

static void
mer_export_service_finalize (GObject *object)
{
  MerExportService *self = MER_EXPORT_SERVICE (object);

  g_clear_pointer (&self->basemap, mer_basemap_painter_unref);
  g_clear_error (&self->basemap_error);
  g_clear_pointer (&self->basemap_path, g_free);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (mer_export_service_parent_class)->finalize (object);
}

static void
mer_export_service_class_init (MerExportServiceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mer_export_service_finalize;
}

static void
mer_export_service_init (MerExportService *self)
{
  g_mutex_init (&self->lock);
}

/**
 * mer_export_service_new:
 * @basemap_path: (nullable): the base map to draw on; %NULL for the one
 *   mer_basemap_find_default_path() finds
 *
 * The file is not read until a picture needs it.
 *
 * Returns: (transfer full): a new service
 */
MerExportService *
mer_export_service_new (const char *basemap_path)
{
  MerExportService *self = g_object_new (MER_TYPE_EXPORT_SERVICE, NULL);

  self->basemap_path = g_strdup (basemap_path);
  return self;
}

/**
 * mer_export_service_get_default:
 *
 * The service the whole program shares, so that the base map is read once
 * for the map, the exports and the presentation together.
 *
 * Returns: (transfer none): the shared service
 */
MerExportService *
mer_export_service_get_default (void)
{
  static MerExportService *service;

  if (g_once_init_enter (&service))
    g_once_init_leave (&service, mer_export_service_new (NULL));

  return service;
}

/**
 * mer_export_service_dup_basemap:
 *
 * Reads the base map the first time; afterwards returns the same painter,
 * or the same error. Safe to call from any thread.
 *
 * Returns: (transfer full) (nullable): the base-map painter, or %NULL with
 *   @error set when the base map cannot be read
 */
MerBasemapPainter *
mer_export_service_dup_basemap (MerExportService  *self,
                                GError           **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (MER_IS_EXPORT_SERVICE (self), NULL);

  locker = g_mutex_locker_new (&self->lock);
  if (self->basemap == NULL && self->basemap_error == NULL)
    {
      g_autofree char *path = self->basemap_path != NULL ? g_strdup (self->basemap_path)
                                                         : mer_basemap_find_default_path ();
      g_autoptr(MerBasemap) basemap = mer_basemap_new_from_file (path, &self->basemap_error);

      if (basemap != NULL)
        self->basemap = mer_basemap_painter_new (basemap);
    }

  if (self->basemap == NULL)
    {
      g_propagate_error (error, g_error_copy (self->basemap_error));
      return NULL;
    }

  return mer_basemap_painter_ref (self->basemap);
}

/* Why a picture cannot be made, in the words every caller shows. */
static MerBasemapPainter *
require_basemap (MerExportService  *self,
                 GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  MerBasemapPainter *basemap = mer_export_service_dup_basemap (self, &local_error);

  if (basemap == NULL)
    g_set_error (error, MER_EXPORT_ERROR, MER_EXPORT_ERROR_WRITE, "the base map cannot be read: %s",
                 local_error->message);
  return basemap;
}

/**
 * mer_export_service_render:
 *
 * Draws the picture @options describe into memory, at
 * @options->scale device pixels per unit.
 *
 * Returns: (transfer full) (nullable): an ARGB32 image surface, or %NULL
 *   when the base map cannot be read
 */
cairo_surface_t *
mer_export_service_render (MerExportService        *self,
                           const MerExportOptions  *options,
                           GError                 **error)
{
  g_autoptr(MerBasemapPainter) basemap = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  g_return_val_if_fail (MER_IS_EXPORT_SERVICE (self), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  basemap = require_basemap (self, error);
  if (basemap == NULL)
    return NULL;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (options->width * options->scale),
                                        (int) ceil (options->height * options->scale));
  cr = cairo_create (surface);
  cairo_scale (cr, options->scale, options->scale);
  mer_export_draw (cr, basemap, options, FALSE);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/**
 * mer_export_service_render_slide:
 * @slide: (nullable): the slide, or %NULL for an event shown on its own
 * @event: (nullable): the slide's event
 * @audience: the map the audience sees: the preview shows the same area
 *   at a smaller zoom
 * @width: the preview's width in pixels
 * @height: its height
 * @pov: (nullable): the presenter's point of view, for a slide that names
 *   none
 *
 * Draws a slide as it will look, without furniture, for the presenter's
 * next-slide preview.
 *
 * Returns: (transfer full) (nullable): an ARGB32 image surface, or %NULL
 *   when the base map cannot be read
 */
cairo_surface_t *
mer_export_service_render_slide (MerExportService  *self,
                                 MerDocument       *document,
                                 MerSlide          *slide,
                                 MerEvent          *event,
                                 const MerMapView  *audience,
                                 int                width,
                                 int                height,
                                 const char        *pov,
                                 GError           **error)
{
  g_autoptr(MerState) state = mer_state_new ();
  MerExportOptions options;
  MerView view;

  g_return_val_if_fail (MER_IS_EXPORT_SERVICE (self), NULL);
  g_return_val_if_fail (MER_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (audience != NULL, NULL);

  mer_state_set_document (state, document);
  mer_state_set_pov (state, pov);
  mer_export_prepare_page (state, slide, event, MAX (audience->width, 1), MAX (audience->height, 1), &view);
  if (audience->width > 0 && audience->height > 0)
    view.zoom += log2 (MIN (width / audience->width, height / audience->height));

  mer_export_options_init (&options, document, state, &view, width, height);
  options.title = FALSE;
  options.legend = FALSE;
  options.timeline = FALSE;
  options.scale_bar = FALSE;
  options.attribution = FALSE;
  return mer_export_service_render (self, &options, error);
}

/**
 * mer_export_service_write:
 * @path: the file; its name says the format (.png, .svg or .pdf)
 *
 * Writes the picture @options describe, atomically.
 *
 * Returns: whether the file was written
 */
gboolean
mer_export_service_write (MerExportService        *self,
                          const char              *path,
                          const MerExportOptions  *options,
                          GError                 **error)
{
  g_autoptr(MerBasemapPainter) basemap = NULL;

  g_return_val_if_fail (MER_IS_EXPORT_SERVICE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  basemap = require_basemap (self, error);
  return basemap != NULL && mer_export_write (path, basemap, options, error);
}

/**
 * mer_export_service_write_handout:
 * @path: the PDF to write
 * @briefing: (nullable): the briefing; %NULL for the first one, or the
 *   events one by one when the story has none
 * @pov: (nullable): the point of view of the maps whose slides name none
 *
 * Returns: whether the handout was written
 */
gboolean
mer_export_service_write_handout (MerExportService  *self,
                                  const char        *path,
                                  MerDocument       *document,
                                  MerBriefing       *briefing,
                                  const char        *pov,
                                  GError           **error)
{
  g_autoptr(MerBasemapPainter) basemap = NULL;

  g_return_val_if_fail (MER_IS_EXPORT_SERVICE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (MER_IS_DOCUMENT (document), FALSE);

  basemap = require_basemap (self, error);
  return basemap != NULL && mer_export_write_handout (path, basemap, document, briefing, pov, error);
}

/**
 * mer_export_service_write_deck:
 * @path: the PDF to write
 * @briefing: (nullable): the briefing; %NULL for the first one, or the
 *   events one by one when the story has none
 * @pov: (nullable): the point of view of the maps whose slides name none
 *
 * Returns: whether the deck was written
 */
gboolean
mer_export_service_write_deck (MerExportService  *self,
                               const char        *path,
                               MerDocument       *document,
                               MerBriefing       *briefing,
                               const char        *pov,
                               GError           **error)
{
  g_autoptr(MerBasemapPainter) basemap = NULL;

  g_return_val_if_fail (MER_IS_EXPORT_SERVICE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (MER_IS_DOCUMENT (document), FALSE);

  basemap = require_basemap (self, error);
  return basemap != NULL && mer_export_write_deck (path, basemap, document, briefing, pov, error);
}

/**
 * mer_export_service_write_slides:
 * @dir: the folder for a PNG per slide; made if missing
 * @briefing: (nullable): as for mer_export_service_write_deck()
 * @scale: pixels per unit: 1 for 1920 × 1080
 * @pov: (nullable): as for mer_export_service_write_deck()
 *
 * Returns: whether every slide was written
 */
gboolean
mer_export_service_write_slides (MerExportService  *self,
                                 const char        *dir,
                                 MerDocument       *document,
                                 MerBriefing       *briefing,
                                 double             scale,
                                 const char        *pov,
                                 GError           **error)
{
  g_autoptr(MerBasemapPainter) basemap = NULL;

  g_return_val_if_fail (MER_IS_EXPORT_SERVICE (self), FALSE);
  g_return_val_if_fail (dir != NULL, FALSE);
  g_return_val_if_fail (MER_IS_DOCUMENT (document), FALSE);

  basemap = require_basemap (self, error);
  return basemap != NULL && mer_export_write_slides (dir, basemap, document, briefing, scale, pov, error);
}

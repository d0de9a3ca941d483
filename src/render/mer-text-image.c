/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-text-image"

#include "config.h"

#include "mer-text-image.h"

#include <math.h>

/**
 * mer_text_image_is_raster:
 *
 * Returns: whether @cr draws on a raster: anything but a vector file. A
 *   recording is a raster: on screen GTK records a widget's drawing and
 *   rasterises it.
 */
gboolean
mer_text_image_is_raster (cairo_t *cr)
{
  switch (cairo_surface_get_type (cairo_get_target (cr)))
    {
    case CAIRO_SURFACE_TYPE_PDF:
    case CAIRO_SURFACE_TYPE_PS:
    case CAIRO_SURFACE_TYPE_SVG:
    case CAIRO_SURFACE_TYPE_SCRIPT:
      return FALSE;
    default:
      return TRUE;
    }
}

/**
 * mer_text_image_get_scale:
 * @raster_scale: device pixels to a unit of @cr's target when it is
 *   rasterised later (a widget's recording on a screen of scale 2); 1 else
 * @scale: (out): device pixels to a unit of @cr's user space
 *
 * Returns: whether texts can be copied onto @cr from images: a raster at
 *   a plain scale, not a vector file and not rotated or stretched
 */
gboolean
mer_text_image_get_scale (cairo_t *cr,
                          double   raster_scale,
                          double  *scale)
{
  cairo_matrix_t matrix;
  double x = 1, y = 1;

  if (!mer_text_image_is_raster (cr))
    return FALSE;

  cairo_get_matrix (cr, &matrix);
  cairo_surface_get_device_scale (cairo_get_target (cr), &x, &y);
  if (matrix.xy != 0 || matrix.yx != 0 || matrix.xx <= 0 || matrix.xx != matrix.yy || x != y)
    return FALSE;

  *scale = matrix.xx * x * raster_scale;
  return TRUE;
}

/**
 * mer_text_image_begin:
 * @layout: the text
 * @margin: what is drawn round the text's ink, in units (a halo)
 * @scale: device pixels to a unit
 *
 * Replaces @self's image with an empty one the size of @layout's ink, the
 * margin and a pixel round them for antialiasing.
 *
 * Returns: (transfer full): a context whose origin is the text's origin,
 *   for mer_text_image_end()
 */
cairo_t *
mer_text_image_begin (MerTextImage *self,
                      PangoLayout  *layout,
                      double        margin,
                      double        scale)
{
  PangoRectangle ink;
  int x0, y0, x1, y1;
  cairo_t *cr;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (PANGO_IS_LAYOUT (layout), NULL);
  g_return_val_if_fail (scale > 0, NULL);

  mer_text_image_clear (self);
  pango_layout_get_extents (layout, &ink, NULL);
  x0 = (int) floor (((double) ink.x / PANGO_SCALE - margin - 1) * scale);
  y0 = (int) floor (((double) ink.y / PANGO_SCALE - margin - 1) * scale);
  x1 = (int) ceil (((double) (ink.x + ink.width) / PANGO_SCALE + margin + 1) * scale);
  y1 = (int) ceil (((double) (ink.y + ink.height) / PANGO_SCALE + margin + 1) * scale);

  self->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, MAX (x1 - x0, 1), MAX (y1 - y0, 1));
  cairo_surface_set_device_scale (self->surface, scale, scale);
  self->x = x0;
  self->y = y0;
  self->scale = scale;

  cr = cairo_create (self->surface);
  cairo_translate (cr, -x0 / scale, -y0 / scale);
  return cr;
}

/**
 * mer_text_image_end:
 * @cr: (transfer full): the context mer_text_image_begin() gave
 */
void
mer_text_image_end (MerTextImage *self,
                    cairo_t      *cr)
{
  g_return_if_fail (self != NULL);

  cairo_destroy (cr);
  cairo_surface_flush (self->surface);
}

/**
 * mer_text_image_paint:
 * @raster_scale: as for mer_text_image_get_scale()
 *
 * Copies the text onto @cr with its origin at (@x, @y) moved to the nearest
 * device pixel, so that the copy is pixel for pixel. @cr must be one that
 * mer_text_image_get_scale() accepts.
 */
void
mer_text_image_paint (const MerTextImage *self,
                      cairo_t            *cr,
                      double              raster_scale,
                      double              x,
                      double              y)
{
  cairo_matrix_t matrix;
  double target_x = 1, target_y = 1;
  double device_x, device_y, to_device;

  g_return_if_fail (self != NULL && self->surface != NULL);

  cairo_get_matrix (cr, &matrix);
  cairo_surface_get_device_scale (cairo_get_target (cr), &target_x, &target_y);
  to_device = target_x * raster_scale;
  device_x = round ((matrix.xx * x + matrix.x0) * to_device);
  device_y = round ((matrix.yy * y + matrix.y0) * to_device);

  cairo_save (cr);
  cairo_set_source_surface (cr, self->surface, ((device_x + self->x) / to_device - matrix.x0) / matrix.xx,
                            ((device_y + self->y) / to_device - matrix.y0) / matrix.yy);
  cairo_paint (cr);
  cairo_restore (cr);
}

/**
 * mer_text_image_clear:
 *
 * Frees the image; @self can be begun again.
 */
void
mer_text_image_clear (MerTextImage *self)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->surface, cairo_surface_destroy);
}

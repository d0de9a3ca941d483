/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-texture"

#include "config.h"

#include "mer-texture.h"

/**
 * mer_texture_new_for_surface:
 * @surface: (transfer full): an ARGB32 image surface, as the export
 *   service renders and the base map's tiles are drawn
 *
 * Hands the pixels of a rendered picture to GTK without copying them: the
 * texture keeps the surface until it is freed.
 *
 * Returns: (transfer full): a texture over the surface's pixels
 */
GdkTexture *
mer_texture_new_for_surface (cairo_surface_t *surface)
{
  g_autoptr(GBytes) bytes = NULL;
  int height, stride;

  g_return_val_if_fail (surface != NULL, NULL);
  g_return_val_if_fail (cairo_image_surface_get_format (surface) == CAIRO_FORMAT_ARGB32, NULL);

  cairo_surface_flush (surface);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface), (gsize) height * stride,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  return gdk_memory_texture_new (cairo_image_surface_get_width (surface), height,
                                 GDK_MEMORY_B8G8R8A8_PREMULTIPLIED, bytes, stride);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

G_BEGIN_DECLS

/**
 * MerTextImage:
 * @surface: (nullable): the text drawn, at its scale
 * @x: its left edge from the text's origin, device pixels
 * @y: its top edge from the text's origin, device pixels
 * @scale: device pixels to a unit
 *
 * A text drawn once on an image of its own, to be copied wherever it goes:
 * a frame that shows the same labels as the last copies them rather than
 * shaping and drawing each again.
 */
typedef struct {
  cairo_surface_t *surface;
  int              x, y;
  double           scale;
} MerTextImage;

gboolean mer_text_image_is_raster (cairo_t       *cr);
gboolean mer_text_image_get_scale (cairo_t       *cr,
                                   double         raster_scale,
                                   double        *scale);
cairo_t *mer_text_image_begin     (MerTextImage  *self,
                                   PangoLayout   *layout,
                                   double         margin,
                                   double         scale);
void     mer_text_image_end       (MerTextImage  *self,
                                   cairo_t       *cr);
void     mer_text_image_paint     (const MerTextImage *self,
                                   cairo_t            *cr,
                                   double              raster_scale,
                                   double              x,
                                   double              y);
void     mer_text_image_clear     (MerTextImage  *self);

G_END_DECLS

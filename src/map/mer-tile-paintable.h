/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MER_TYPE_TILE_PAINTABLE (mer_tile_paintable_get_type ())
G_DECLARE_FINAL_TYPE (MerTilePaintable, mer_tile_paintable, MER, TILE_PAINTABLE, GObject)

MerTilePaintable *mer_tile_paintable_new             (cairo_surface_t  *surface,
                                                      gboolean          cairo_nodes);
gboolean          mer_tile_paintable_get_cairo_nodes (MerTilePaintable *self);
GdkTexture       *mer_tile_paintable_get_texture     (MerTilePaintable *self);

G_END_DECLS

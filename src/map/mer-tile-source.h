/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <shumate/shumate.h>

#include "mer-basemap-painter.h"
#include "mer-map-style.h"

G_BEGIN_DECLS

#define MER_TYPE_TILE_SOURCE (mer_tile_source_get_type ())
G_DECLARE_FINAL_TYPE (MerTileSource, mer_tile_source, MER, TILE_SOURCE, ShumateMapSource)

/* The 1:10m data shows nothing new past this zoom level. */
#define MER_TILE_SOURCE_MAX_ZOOM 12

MerTileSource *mer_tile_source_new              (MerBasemapPainter *painter,
                                                 gboolean           dark,
                                                 int                scale_factor);
guint          mer_tile_source_get_n_pending    (MerTileSource *self);
guint          mer_tile_source_get_n_filled     (MerTileSource *self);
void           mer_tile_source_set_cairo_nodes  (MerTileSource *self,
                                                 gboolean       cairo_nodes);

G_END_DECLS

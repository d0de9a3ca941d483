/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "mer-basemap.h"
#include "mer-labels.h"
#include "mer-map-style.h"
#include "mer-projection.h"

G_BEGIN_DECLS

typedef struct _MerBasemapPainter MerBasemapPainter;

MerBasemapPainter *mer_basemap_painter_new   (MerBasemap        *basemap);
MerBasemapPainter *mer_basemap_painter_ref   (MerBasemapPainter *self);
void               mer_basemap_painter_unref (MerBasemapPainter *self);
void               mer_basemap_painter_draw_map (MerBasemapPainter *self,
                                                 cairo_t           *cr,
                                                 const MerMapView  *view,
                                                 const MerMapStyle *style);
void               mer_basemap_painter_add_labels (MerBasemapPainter  *self,
                                                   MerLabels          *labels,
                                                   const MerMapView   *view,
                                                   const char * const *languages);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MerBasemapPainter, mer_basemap_painter_unref)

G_END_DECLS

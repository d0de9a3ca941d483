/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "mer-labels.h"
#include "mer-map-style.h"
#include "mer-projection.h"
#include "mer-region.h"
#include "mer-state.h"

G_BEGIN_DECLS

typedef struct _MerRegionPainter MerRegionPainter;

/* What a region is drawn as, besides the view and the style: equal looks,
 * equal pixels. */
typedef struct {
  gconstpointer shape;  /* its outline as of the state's date; nullable */
  gboolean      contested;
  gboolean      emphasised;
} MerRegionLook;

/* The passes mer_region_painter_draw() draws, one after the other. */
typedef enum {
  MER_REGION_PASS_PLAIN    = 1 << 0, /* every region as if not emphasised */
  MER_REGION_PASS_EMPHASIS = 1 << 1, /* what emphasis adds, over them all */
} MerRegionPasses;

/* Regions are labelled from this zoom level on. */
#define MER_REGION_LABEL_MIN_ZOOM 4.0

MerRegionPainter *mer_region_painter_new     (GListModel         *regions);
void              mer_region_painter_free    (MerRegionPainter   *self);
void              mer_region_painter_draw    (MerRegionPainter   *self,
                                              cairo_t            *cr,
                                              const MerMapView   *view,
                                              const MerMapStyle  *style,
                                              MerState           *state);
void              mer_region_painter_draw_passes (MerRegionPainter  *self,
                                                  cairo_t           *cr,
                                                  const MerMapView  *view,
                                                  const MerMapStyle *style,
                                                  MerState          *state,
                                                  MerRegionPasses    passes);
void              mer_region_painter_add_labels (MerRegionPainter  *self,
                                                 MerLabels         *labels,
                                                 const MerMapView  *view,
                                                 const MerMapStyle *style,
                                                 MerState          *state);
void              mer_region_painter_draw_labels (MerRegionPainter  *self,
                                                  cairo_t           *cr,
                                                  const MerMapView  *view,
                                                  const MerMapStyle *style,
                                                  MerState          *state);
void              mer_region_painter_get_looks (MerRegionPainter *self,
                                                MerState         *state,
                                                GArray           *looks);
void              mer_region_painter_get_look_extents (MerRegionPainter    *self,
                                                       const MerMapView    *view,
                                                       const MerRegionLook *look,
                                                       cairo_rectangle_t   *extents);
MerRegion        *mer_region_painter_pick    (MerRegionPainter   *self,
                                              const MerMapView   *view,
                                              double              x,
                                              double              y,
                                              MerState           *state);
char             *mer_region_format_names    (MerRegion          *region);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MerRegionPainter, mer_region_painter_free)

G_END_DECLS

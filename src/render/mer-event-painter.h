/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "mer-event.h"
#include "mer-labels.h"
#include "mer-map-style.h"
#include "mer-projection.h"
#include "mer-state.h"

G_BEGIN_DECLS

typedef struct _MerEventPainter MerEventPainter;

/* Past this many markers on screen, markers closer than a cell are clustered. */
#define MER_EVENT_CLUSTER_THRESHOLD 300
#define MER_EVENT_CLUSTER_CELL 44.0

/**
 * MerEventHit:
 * @event: the event under the point, or %NULL for a cluster
 * @count: how many markers the cluster holds (1 for a single marker)
 * @x: the marker's centre, in view pixels
 * @y: the marker's centre, in view pixels
 */
typedef struct {
  MerEvent *event;
  guint     count;
  double    x;
  double    y;
} MerEventHit;

MerEventPainter *mer_event_painter_new     (GListModel        *events);
void             mer_event_painter_free    (MerEventPainter   *self);
void             mer_event_painter_invalidate (MerEventPainter *self);
void             mer_event_painter_set_vector (MerEventPainter *self,
                                               gboolean         vector);
void             mer_event_painter_draw    (MerEventPainter   *self,
                                            cairo_t           *cr,
                                            const MerMapView  *view,
                                            const MerMapStyle *style,
                                            MerState          *state);
void             mer_event_painter_list_ink (MerEventPainter   *self,
                                             const MerMapView  *view,
                                             const MerMapStyle *style,
                                             MerState          *state,
                                             GArray            *ink);
gboolean         mer_event_painter_pick    (MerEventPainter   *self,
                                            const MerMapView  *view,
                                            MerState          *state,
                                            double             x,
                                            double             y,
                                            MerEventHit       *hit);
void             mer_event_painter_list_markers (MerEventPainter  *self,
                                                 const MerMapView *view,
                                                 MerState         *state,
                                                 GArray           *hits);
double           mer_event_marker_radius   (guint              importance);
void             mer_event_painter_add_labels (MerEventPainter  *self,
                                               MerLabels        *labels,
                                               const MerMapView *view,
                                               MerState         *state);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MerEventPainter, mer_event_painter_free)

G_END_DECLS

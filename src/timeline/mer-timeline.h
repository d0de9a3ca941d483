/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "mer-state.h"
#include "mer-timeline-layout.h"
#include "mer-timeline-viewport.h"

G_BEGIN_DECLS

#define MER_TYPE_TIMELINE (mer_timeline_get_type ())
G_DECLARE_FINAL_TYPE (MerTimeline, mer_timeline, MER, TIMELINE, GtkWidget)

MerTimeline         *mer_timeline_new            (MerState    *state);
MerTimelineViewport *mer_timeline_get_viewport   (MerTimeline *self);
MerTimelineLayout   *mer_timeline_get_layout     (MerTimeline *self);
gboolean             mer_timeline_get_lanes      (MerTimeline *self);
void                 mer_timeline_set_lanes      (MerTimeline *self,
                                                  gboolean     lanes);
MerEvent            *mer_timeline_pick           (MerTimeline *self,
                                                  double       x,
                                                  double       y);
gboolean             mer_timeline_get_event_position (MerTimeline *self,
                                                      MerEvent    *event,
                                                      double      *x,
                                                      double      *y);
void                 mer_timeline_show_all       (MerTimeline *self);
void                 mer_timeline_update_marks   (MerTimeline *self);
void                 mer_timeline_draw           (MerTimeline *self,
                                                  cairo_t     *cr);
guint                mer_timeline_get_n_cells    (MerTimeline *self,
                                                  guint       *n_new);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The timeline shows at least a minute and at most 30 billion years (twice
 * the age of the universe, for TimelineJS's cosmological stories), or its
 * bounds (the story's span). */
#define MER_TIMELINE_MIN_SPAN 60.0
#define MER_TIMELINE_MAX_SPAN (30e9 * 365.2425 * 86400)

#define MER_TYPE_TIMELINE_VIEWPORT (mer_timeline_viewport_get_type ())
G_DECLARE_FINAL_TYPE (MerTimelineViewport, mer_timeline_viewport, MER, TIMELINE_VIEWPORT, GObject)

MerTimelineViewport *mer_timeline_viewport_new          (void);
double               mer_timeline_viewport_get_start    (MerTimelineViewport *self);
double               mer_timeline_viewport_get_end      (MerTimelineViewport *self);
double               mer_timeline_viewport_get_width    (MerTimelineViewport *self);
void                 mer_timeline_viewport_set_width    (MerTimelineViewport *self,
                                                         double               width);
void                 mer_timeline_viewport_set_bounds   (MerTimelineViewport *self,
                                                         double               lower,
                                                         double               upper);
void                 mer_timeline_viewport_set_range    (MerTimelineViewport *self,
                                                         double               start,
                                                         double               end);
double               mer_timeline_viewport_time_to_x    (MerTimelineViewport *self,
                                                         double               time);
double               mer_timeline_viewport_x_to_time    (MerTimelineViewport *self,
                                                         double               x);
double               mer_timeline_viewport_get_seconds_per_pixel (MerTimelineViewport *self);
void                 mer_timeline_viewport_zoom_at      (MerTimelineViewport *self,
                                                         double               x,
                                                         double               factor);
void                 mer_timeline_viewport_pan_pixels   (MerTimelineViewport *self,
                                                         double               dx);
void                 mer_timeline_viewport_center_on    (MerTimelineViewport *self,
                                                         double               time);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-timeline-viewport"

#include "config.h"

#include "mer-timeline-viewport.h"

/* What the timeline shows: a span of time (in seconds from 1970, as in
 * mer_date_first_second()) over a width in pixels. The widget draws from it
 * and its input changes it; it knows nothing of widgets. */
struct _MerTimelineViewport
{
  GObject parent_instance;

  double start;
  double end;
  double width;
  /* The story's span with a margin, which the view stays in; none when
   * lower >= upper. */
  double lower;
  double upper;
};

G_DEFINE_FINAL_TYPE (MerTimelineViewport, mer_timeline_viewport, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
mer_timeline_viewport_class_init (MerTimelineViewportClass *klass)
{
  /**
   * MerTimelineViewport::changed:
   *
   * The span or the width changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
mer_timeline_viewport_init (MerTimelineViewport *self)
{
  /* 1850 to 2020 until a document says otherwise. */
  self->start = -3786825600.0;
  self->end = 1577836800.0;
  self->width = 1000;
}

MerTimelineViewport *
mer_timeline_viewport_new (void)
{
  return g_object_new (MER_TYPE_TIMELINE_VIEWPORT, NULL);
}

double
mer_timeline_viewport_get_start (MerTimelineViewport *self)
{
  g_return_val_if_fail (MER_IS_TIMELINE_VIEWPORT (self), 0);
  return self->start;
}

double
mer_timeline_viewport_get_end (MerTimelineViewport *self)
{
  g_return_val_if_fail (MER_IS_TIMELINE_VIEWPORT (self), 0);
  return self->end;
}

double
mer_timeline_viewport_get_width (MerTimelineViewport *self)
{
  g_return_val_if_fail (MER_IS_TIMELINE_VIEWPORT (self), 0);
  return self->width;
}

void
mer_timeline_viewport_set_width (MerTimelineViewport *self,
                                 double               width)
{
  g_return_if_fail (MER_IS_TIMELINE_VIEWPORT (self));

  width = MAX (width, 1);
  if (self->width == width)
    return;

  self->width = width;
  g_signal_emit (self, signals[CHANGED], 0);
}

static double
max_span (MerTimelineViewport *self)
{
  if (self->lower < self->upper)
    return MAX (MIN (self->upper - self->lower, MER_TIMELINE_MAX_SPAN), MER_TIMELINE_MIN_SPAN);
  return MER_TIMELINE_MAX_SPAN;
}

/* Shows @span from @start, moved into the bounds. */
static void
show (MerTimelineViewport *self,
      double               start,
      double               span)
{
  if (self->lower < self->upper)
    start = CLAMP (start, self->lower, MAX (self->lower, self->upper - span));
  if (self->start == start && self->end == start + span)
    return;

  self->start = start;
  self->end = start + span;
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * mer_timeline_viewport_set_bounds:
 * @lower: the earliest time to show
 * @upper: the latest; none when not after @lower
 *
 * Keeps the view inside [@lower, @upper]: it zooms out no further, and pans
 * no further than their ends.
 */
void
mer_timeline_viewport_set_bounds (MerTimelineViewport *self,
                                  double               lower,
                                  double               upper)
{
  g_return_if_fail (MER_IS_TIMELINE_VIEWPORT (self));

  self->lower = lower;
  self->upper = upper;
  mer_timeline_viewport_set_range (self, self->start, self->end);
}

/**
 * mer_timeline_viewport_set_range:
 *
 * Shows [@start, @end], widened or narrowed about its middle to the spans
 * the timeline allows, and moved inside its bounds.
 */
void
mer_timeline_viewport_set_range (MerTimelineViewport *self,
                                 double               start,
                                 double               end)
{
  double middle = (start + end) / 2;
  double span;

  g_return_if_fail (MER_IS_TIMELINE_VIEWPORT (self));

  span = CLAMP (end - start, MER_TIMELINE_MIN_SPAN, max_span (self));
  show (self, middle - span / 2, span);
}

double
mer_timeline_viewport_get_seconds_per_pixel (MerTimelineViewport *self)
{
  g_return_val_if_fail (MER_IS_TIMELINE_VIEWPORT (self), 1);
  return (self->end - self->start) / self->width;
}

double
mer_timeline_viewport_time_to_x (MerTimelineViewport *self,
                                 double               time)
{
  g_return_val_if_fail (MER_IS_TIMELINE_VIEWPORT (self), 0);
  return (time - self->start) / (self->end - self->start) * self->width;
}

double
mer_timeline_viewport_x_to_time (MerTimelineViewport *self,
                                 double               x)
{
  g_return_val_if_fail (MER_IS_TIMELINE_VIEWPORT (self), 0);
  return self->start + x / self->width * (self->end - self->start);
}

/**
 * mer_timeline_viewport_zoom_at:
 * @x: the pointer's position, whose time stays under it
 * @factor: how much more time to show: 2 shows twice as much
 */
void
mer_timeline_viewport_zoom_at (MerTimelineViewport *self,
                               double               x,
                               double               factor)
{
  double anchor, span, fraction;

  g_return_if_fail (MER_IS_TIMELINE_VIEWPORT (self));
  g_return_if_fail (factor > 0);

  anchor = mer_timeline_viewport_x_to_time (self, x);
  span = CLAMP ((self->end - self->start) * factor, MER_TIMELINE_MIN_SPAN, max_span (self));
  fraction = x / self->width;

  show (self, anchor - fraction * span, span);
}

void
mer_timeline_viewport_pan_pixels (MerTimelineViewport *self,
                                  double               dx)
{
  double shift;

  g_return_if_fail (MER_IS_TIMELINE_VIEWPORT (self));

  shift = dx * mer_timeline_viewport_get_seconds_per_pixel (self);
  show (self, self->start + shift, self->end - self->start);
}

void
mer_timeline_viewport_center_on (MerTimelineViewport *self,
                                 double               time)
{
  double half;

  g_return_if_fail (MER_IS_TIMELINE_VIEWPORT (self));

  half = (self->end - self->start) / 2;
  mer_timeline_viewport_set_range (self, time - half, time + half);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * MerTimelineExtent:
 * @x0: where the event starts, in pixels
 * @x1: where it ends (equal to @x0 for a point in time)
 * @label_width: the room its label needs: after @x0, marker included, or
 *   before @x0 when @label_before
 * @label_before: whether the label goes before the event (at the right edge,
 *   where there is no room after it)
 *
 * What one event needs on a row of the timeline.
 */
typedef struct {
  double   x0;
  double   x1;
  double   label_width;
  gboolean label_before;
} MerTimelineExtent;

guint    mer_timeline_layout_rows     (const MerTimelineExtent *extents,
                                       guint                    n_extents,
                                       guint                    max_rows,
                                       double                   gap,
                                       int                     *rows);
double   mer_timeline_extent_start    (const MerTimelineExtent *extent);
double   mer_timeline_extent_end      (const MerTimelineExtent *extent);

/**
 * MerTimelineTitle:
 * @x0: where the era's band starts on screen, in pixels
 * @x1: where it ends
 * @natural_width: the width its whole title needs
 * @x: (out): where the title goes
 * @width: (out): the width it may take, 0 when there is no room for it
 *
 * An era's title on the timeline's shared title row.
 */
typedef struct {
  double x0;
  double x1;
  double natural_width;
  double x;
  double width;
} MerTimelineTitle;

void     mer_timeline_layout_titles   (MerTimelineTitle        *titles,
                                       guint                    n_titles,
                                       double                   width);

/**
 * MerTimelineTick:
 * @time: the tick's time, in seconds from 1970
 * @label: (nullable): its label, or %NULL for a minor tick
 */
typedef struct {
  double  time;
  char   *label;
} MerTimelineTick;

GArray  *mer_timeline_axis_ticks      (double start,
                                       double end,
                                       double width,
                                       double min_spacing);

G_END_DECLS

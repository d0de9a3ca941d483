/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * MerTimeAxisTick:
 * @time: the tick's time, in seconds from 1970
 * @label: (nullable): its label, or %NULL for a minor tick
 */
typedef struct {
  double  time;
  char   *label;
} MerTimeAxisTick;

GArray *mer_time_axis_ticks (double start,
                             double end,
                             double width,
                             double min_spacing);
GArray *mer_time_axis_context (double start,
                               double end,
                               double width,
                               double min_spacing);

G_END_DECLS

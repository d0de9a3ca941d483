/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* One frame of a window, timed by its frame clock for the benchmarks: wall
 * times from g_get_monotonic_time (), processor times in milliseconds. */
typedef struct {
  gboolean armed;
  gint64   begin;
  /* The phases: the tick callbacks, the layout, the snapshot (when the
   * benchmark marks it), the rest of the painting (the renderer and the
   * presentation). */
  gint64   update_end;
  gint64   layout_end;
  gint64   snapshot_end;
  gint64   end;
  double   thread_cpu_begin;
  double   thread_cpu_end;
  double   process_cpu_begin;
  double   process_cpu_end;
} FrameTiming;

double frame_timing_thread_cpu_ms  (void);
double frame_timing_process_cpu_ms (void);
void   frame_timing_watch          (FrameTiming   *timing,
                                    GdkFrameClock *clock);
void   frame_timing_wait           (FrameTiming   *timing);
int    frame_timing_compare_ms     (gconstpointer  a,
                                    gconstpointer  b);
void   frame_timing_run_main_loop_for (guint      ms);
void   frame_timing_measure_floor  (FrameTiming   *timing,
                                    GtkWidget     *widget,
                                    guint          n,
                                    guint          pause_ms,
                                    GArray        *wall_ms,
                                    GArray        *process_cpu_ms);

G_END_DECLS

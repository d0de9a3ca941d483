/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "frame-timing.h"

#include <time.h>

/**
 * frame_timing_thread_cpu_ms:
 *
 * Processor time of the calling thread: on a machine that other processes
 * share, it tells the work done from the waits.
 */
double
frame_timing_thread_cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

/**
 * frame_timing_process_cpu_ms:
 *
 * Processor time of every thread of the process: with GL on Mesa's
 * llvmpipe, the renderer's rasterising threads are in it.
 */
double
frame_timing_process_cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

static void
on_before_paint (GdkFrameClock *clock,
                 FrameTiming   *timing)
{
  if (timing->armed && timing->begin == 0)
    {
      timing->begin = g_get_monotonic_time ();
      timing->thread_cpu_begin = frame_timing_thread_cpu_ms ();
      timing->process_cpu_begin = frame_timing_process_cpu_ms ();
    }
}

static void
on_update_done (GdkFrameClock *clock,
                FrameTiming   *timing)
{
  if (timing->armed && timing->begin != 0 && timing->update_end == 0)
    timing->update_end = g_get_monotonic_time ();
}

static void
on_layout_done (GdkFrameClock *clock,
                FrameTiming   *timing)
{
  if (timing->armed && timing->begin != 0 && timing->layout_end == 0)
    timing->layout_end = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                FrameTiming   *timing)
{
  if (timing->armed && timing->begin != 0 && timing->end == 0)
    {
      timing->end = g_get_monotonic_time ();
      timing->thread_cpu_end = frame_timing_thread_cpu_ms ();
      timing->process_cpu_end = frame_timing_process_cpu_ms ();
    }
}

/**
 * frame_timing_watch:
 *
 * Times the frames of @clock into @timing while it is armed
 * (frame_timing_wait()). @timing must outlive @clock's frames.
 */
void
frame_timing_watch (FrameTiming   *timing,
                    GdkFrameClock *clock)
{
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), timing);
  g_signal_connect_after (clock, "update", G_CALLBACK (on_update_done), timing);
  g_signal_connect_after (clock, "layout", G_CALLBACK (on_layout_done), timing);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), timing);
}

/**
 * frame_timing_wait:
 *
 * Iterates the main context until the next frame has been painted, and
 * leaves its times in @timing.
 */
void
frame_timing_wait (FrameTiming *timing)
{
  *timing = (FrameTiming) { .armed = TRUE };
  while (timing->end == 0)
    g_main_context_iteration (NULL, TRUE);
  timing->armed = FALSE;
}

/**
 * frame_timing_compare_ms:
 *
 * Orders doubles, for g_array_sort() of times.
 */
int
frame_timing_compare_ms (gconstpointer a,
                         gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/**
 * frame_timing_run_main_loop_for:
 *
 * Iterates the main context for @ms milliseconds, without blocking.
 */
void
frame_timing_run_main_loop_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/**
 * frame_timing_measure_floor:
 * @widget: a widget whose change costs nothing to draw (the map's scale)
 * @wall_ms: (element-type double): where each frame's wall time goes
 * @process_cpu_ms: (element-type double): and its processor time
 *
 * Times @n frames in which only @widget's opacity changes (0.99 or 1),
 * @pause_ms apart: the renderer's cost of the window as it is, its floor.
 */
void
frame_timing_measure_floor (FrameTiming *timing,
                            GtkWidget   *widget,
                            guint        n,
                            guint        pause_ms,
                            GArray      *wall_ms,
                            GArray      *process_cpu_ms)
{
  for (guint i = 0; i < n; i++)
    {
      double ms;

      gtk_widget_set_opacity (widget, i % 2 ? 1 : 0.99);
      frame_timing_wait (timing);
      ms = (timing->end - timing->begin) / 1000.0;
      g_array_append_val (wall_ms, ms);
      ms = timing->process_cpu_end - timing->process_cpu_begin;
      g_array_append_val (process_cpu_ms, ms);
      frame_timing_run_main_loop_for (pause_ms);
    }
}

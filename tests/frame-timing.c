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

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <shumate/shumate.h>

#include "frame-timing.h"
#include "mer-diagnostic.h"
#include "mer-loader.h"
#include "mer-map-widget.h"
#include "mer-timeline.h"

/* Under a display (xvfb-run): a timeline of 100,000 events at 1920×300 —
 * frame time (drawing and rasterising), zoom step (relayout and frame) —
 * and the time from a selection to the map's first frame of its flight,
 * both drawn by the benchmark with cairo and as the window draws it, the
 * latter in the phases of its frame and beside a frame of the same window
 * in which only the scale bar changed (what any frame costs the renderer).
 * Targets: 8, 8 and 16 ms. Figures go into docs/performance.md. */

#define N_EVENTS 100000

static char *
write_story (const char *dir)
{
  g_autoptr(GString) json = g_string_new ("{ \"meridian\": 1, \"categories\": [");
  g_autofree char *path = g_build_filename (dir, "events.json", NULL);
  GRand *rand = g_rand_new_with_seed (1991);

  for (int c = 0; c < 6; c++)
    g_string_append_printf (json, "%s{ \"id\": \"c%d\", \"name\": \"Category %d\", \"color\": \"#%06x\" }",
                            c ? ", " : "", c, c, g_rand_int_range (rand, 0, 0xffffff));
  g_string_append (json, "], \"eras\": [ { \"id\": \"a\", \"title\": \"First era\", \"start\": \"1850\", "
                         "\"end\": \"1945\" }, { \"id\": \"b\", \"title\": \"Second era\", \"start\": \"1946\", "
                         "\"end\": \"2016\" } ], \"events\": [");
  for (guint i = 0; i < N_EVENTS; i++)
    {
      int year = g_rand_int_range (rand, 1800, 2017);

      g_string_append_printf (json, "%s{ \"id\": \"e%u\", \"title\": \"Event number %u of the benchmark\", "
                                    "\"start\": \"%04d-%02d-%02d\"%s, \"category\": \"c%d\", "
                                    "\"places\": [ { \"lat\": %.2f, \"lon\": %.2f } ] }",
                              i ? ", " : "", i, i, year, g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29),
                              g_rand_int_range (rand, 0, 5) == 0 ? ", \"end\": \"2016\"" : "",
                              g_rand_int_range (rand, 0, 6),
                              g_rand_double_range (rand, 30, 55), g_rand_double_range (rand, 125, 160));
    }
  g_string_append (json, "] }");
  g_assert_true (g_file_set_contents (path, json->str, (gssize) json->len, NULL));

  g_rand_free (rand);
  return g_steal_pointer (&path);
}

static void
report (const char *what,
        GArray     *ms,
        GArray     *cpu_ms)
{
  g_array_sort (ms, frame_timing_compare_ms);
  g_array_sort (cpu_ms, frame_timing_compare_ms);
  printf ("%s: min %.2f ms, median %.2f ms, p95 %.2f ms; processor time of the main thread: median %.2f ms, p95 %.2f ms "
          "(%u samples)\n", what, g_array_index (ms, double, 0), g_array_index (ms, double, ms->len / 2),
          g_array_index (ms, double, ms->len * 95 / 100),
          g_array_index (cpu_ms, double, cpu_ms->len / 2), g_array_index (cpu_ms, double, cpu_ms->len * 95 / 100),
          ms->len);
}

static void
report_one (const char *what,
            GArray     *ms)
{
  g_array_sort (ms, frame_timing_compare_ms);
  printf ("%s: min %.2f ms, median %.2f ms, p95 %.2f ms\n", what, g_array_index (ms, double, 0),
          g_array_index (ms, double, ms->len / 2), g_array_index (ms, double, ms->len * 95 / 100));
}

/* Draws the widget as a frame would: snapshot, then rasterise the nodes. */
static double
frame (GtkWidget       *widget,
       cairo_surface_t *surface)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  gint64 start = g_get_monotonic_time ();
  cairo_t *cr;

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  cr = cairo_create (surface);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return (g_get_monotonic_time () - start) / 1000.0;
}

/* The frame being measured, for the window's snapshot to mark its end. */
static FrameTiming *window_work;

#define BENCH_TYPE_WINDOW (bench_window_get_type ())
G_DECLARE_FINAL_TYPE (BenchWindow, bench_window, BENCH, WINDOW, GtkWindow)

struct _BenchWindow
{
  GtkWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (BenchWindow, bench_window, GTK_TYPE_WINDOW)

/* The window's snapshot holds every widget's: it tells the snapshot from
 * the renderer. */
static void
bench_window_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  FrameTiming *work = window_work;

  GTK_WIDGET_CLASS (bench_window_parent_class)->snapshot (widget, snapshot);
  if (work != NULL && work->armed && work->begin != 0 && work->snapshot_end == 0)
    work->snapshot_end = g_get_monotonic_time ();
}

static void
bench_window_class_init (BenchWindowClass *klass)
{
  GTK_WIDGET_CLASS (klass)->snapshot = bench_window_snapshot;
}

static void
bench_window_init (BenchWindow *self)
{
}

/* The phases of a frame: the selection before it, then the update (tick
 * callbacks), the layout, the widgets' snapshots, and the rest of the
 * painting, which is the renderer's and the presentation's. */
#define N_PHASES 5

static void
add_phases (const FrameTiming *work,
            GArray          *phases[N_PHASES])
{
  /* A phase nothing asked for is not run. */
  gint64 update_end = work->update_end != 0 ? work->update_end : work->begin;
  gint64 layout_end = work->layout_end != 0 ? work->layout_end : update_end;
  gint64 snapshot_end = work->snapshot_end != 0 ? work->snapshot_end : layout_end;
  double ms[N_PHASES - 1] = {
    (update_end - work->begin) / 1000.0, (layout_end - update_end) / 1000.0,
    (snapshot_end - layout_end) / 1000.0, (work->end - snapshot_end) / 1000.0,
  };

  for (guint p = 1; p < N_PHASES; p++)
    g_array_append_val (phases[p], ms[p - 1]);
}

static GtkWidget *
find_scale (GtkWidget *widget)
{
  if (SHUMATE_IS_SCALE (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *scale = find_scale (child);

      if (scale != NULL)
        return scale;
    }
  return NULL;
}

/* Allocates the timeline where it is: its accessible marks are placed. */
static void
allocate (GtkWidget *widget)
{
  GtkAllocation allocation;

  gtk_widget_get_allocation (widget, &allocation);
  gtk_widget_size_allocate (widget, &allocation, -1);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("meridian-bench-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
  g_autoptr(MerDocument) document = NULL;
  g_autoptr(MerState) state = mer_state_new ();
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) zooms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) selections = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) first_frames = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) frames_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) zooms_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) selections_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) first_frames_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) marks_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) first_frames_process_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_process_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *phases[N_PHASES];
  static const char *phase_names[N_PHASES] = {
    "  of which the selection", "  the frame's update phase (tick callbacks)", "  its layout phase",
    "  the widgets' snapshots", "  the renderer and the presentation",
  };
  GtkWidget *scale;
  FrameTiming work = { 0 };
  GdkFrameClock *clock;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 300);
  cairo_surface_t *map_surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 600);
  GtkWidget *window, *box;
  MerTimeline *timeline;
  MerMapWidget *map;
  GListModel *events;
  GRand *rand = g_rand_new_with_seed (2013);

  for (guint p = 0; p < N_PHASES; p++)
    phases[p] = g_array_new (FALSE, FALSE, sizeof (double));

  if (!gtk_init_check ())
    {
      printf ("no display: run under xvfb-run\n");
      return 77;
    }

  path = write_story (dir);
  document = mer_loader_load_file (path, NULL, diagnostics, &error);
  g_assert_no_error (error);
  events = mer_document_get_events (document);

  window = g_object_new (BENCH_TYPE_WINDOW, NULL);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_window_set_child (GTK_WINDOW (window), box);
  map = mer_map_widget_new (state);
  gtk_widget_set_size_request (GTK_WIDGET (map), 1920, 600);
  timeline = mer_timeline_new (state);
  gtk_widget_set_size_request (GTK_WIDGET (timeline), 1920, 300);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (map));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (timeline));
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (timeline)))
    g_main_context_iteration (NULL, TRUE);
  mer_state_set_document (state, document);
  frame_timing_run_main_loop_for (300);

  /* Frames: the whole story, then views panned across it. */
  for (guint i = 0; i < 60; i++)
    {
      double ms, cpu;

      if (i > 0)
        mer_timeline_viewport_pan_pixels (mer_timeline_get_viewport (timeline), (i % 2 ? 1 : -1) * 37.0);
      cpu = frame_timing_thread_cpu_ms ();
      ms = frame (GTK_WIDGET (timeline), surface);
      cpu = frame_timing_thread_cpu_ms () - cpu;
      g_array_append_val (frames, ms);
      g_array_append_val (frames_cpu, cpu);
    }

  /* Zoom steps in and out about the middle. */
  mer_timeline_show_all (timeline);
  for (guint i = 0; i < 60; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu = frame_timing_thread_cpu_ms ();
      gint64 marks_start;
      double ms, marks_ms, marks_cpu_ms;

      mer_timeline_viewport_zoom_at (mer_timeline_get_viewport (timeline), 960, i < 30 ? 0.8 : 1.25);
      /* The update and layout phases: the relayout first, then the
       * accessible marks follow the view and are placed, counted apart. */
      mer_timeline_get_layout (timeline);
      marks_start = g_get_monotonic_time ();
      marks_cpu_ms = frame_timing_thread_cpu_ms ();
      mer_timeline_update_marks (timeline);
      allocate (GTK_WIDGET (timeline));
      marks_ms = (g_get_monotonic_time () - marks_start) / 1000.0;
      marks_cpu_ms = frame_timing_thread_cpu_ms () - marks_cpu_ms;
      g_array_append_val (marks, marks_ms);
      g_array_append_val (marks_cpu, marks_cpu_ms);
      frame (GTK_WIDGET (timeline), surface);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      cpu = frame_timing_thread_cpu_ms () - cpu;
      g_array_append_val (zooms, ms);
      g_array_append_val (zooms_cpu, cpu);
    }

  /* A selection, to the map's first frame of its flight. */
  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(MerEvent) event = g_list_model_get_item (events, g_rand_int_range (rand, 0, N_EVENTS));
      gint64 start = g_get_monotonic_time ();
      double cpu = frame_timing_thread_cpu_ms ();
      double ms;

      mer_state_set_selected_event (state, event);
      frame (mer_map_widget_get_map (map), map_surface);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      cpu = frame_timing_thread_cpu_ms () - cpu;
      g_array_append_val (selections, ms);
      g_array_append_val (selections_cpu, cpu);
      frame_timing_run_main_loop_for (20);
    }

  /* The same, as the window does it: the selection, then the first frame
   * of the window's clock (the flight's first step, every widget that
   * changed drawn and the window rendered by its renderer), in phases. */
  clock = gtk_widget_get_frame_clock (window);
  window_work = &work;
  frame_timing_watch (&work, clock);
  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(MerEvent) event = g_list_model_get_item (events, g_rand_int_range (rand, 0, N_EVENTS));
      gint64 start = g_get_monotonic_time ();
      double cpu = frame_timing_thread_cpu_ms ();
      double process_cpu = frame_timing_process_cpu_ms ();
      double ms;

      mer_state_set_selected_event (state, event);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (phases[0], ms);
      cpu = frame_timing_thread_cpu_ms () - cpu;
      process_cpu = frame_timing_process_cpu_ms () - process_cpu;
      frame_timing_wait (&work);
      add_phases (&work, phases);
      ms += (work.end - work.begin) / 1000.0;
      cpu += work.thread_cpu_end - work.thread_cpu_begin;
      process_cpu += work.process_cpu_end - work.process_cpu_begin;
      g_array_append_val (first_frames, ms);
      g_array_append_val (first_frames_cpu, cpu);
      g_array_append_val (first_frames_process_cpu, process_cpu);
      frame_timing_run_main_loop_for (20);
    }

  /* The floor: once the flight is over, frames of the same window in
   * which only the scale bar changes (its opacity, 0.99 or 1). */
  scale = find_scale (GTK_WIDGET (map));
  frame_timing_run_main_loop_for (1000);
  frame_timing_measure_floor (&work, scale, 40, 20, floor_ms, floor_process_cpu);
  g_signal_handlers_disconnect_by_data (clock, &work);
  window_work = NULL;

  printf ("%u events\n", g_list_model_get_n_items (events));
  report ("timeline frame, 1920×300", frames, frames_cpu);
  report ("zoom step (relayout + frame)", zooms, zooms_cpu);
  report ("of which the accessible marks", marks, marks_cpu);
  report ("selection to the map's first frame, rasterised with cairo", selections, selections_cpu);
  report ("selection to the window's first frame (its own clock and renderer)", first_frames, first_frames_cpu);
  report_one ("  the same, processor time of the whole process (the renderer's threads too)", first_frames_process_cpu);
  for (guint p = 0; p < N_PHASES; p++)
    report_one (phase_names[p], phases[p]);
  report_one ("a frame of the window in which only the scale bar changed", floor_ms);
  report_one ("  the same, processor time of the whole process", floor_process_cpu);

  gtk_window_destroy (GTK_WINDOW (window));
  cairo_surface_destroy (surface);
  cairo_surface_destroy (map_surface);
  for (guint p = 0; p < N_PHASES; p++)
    g_array_unref (phases[p]);
  g_rand_free (rand);
  g_unlink (path);
  g_rmdir (dir);
  return 0;
}

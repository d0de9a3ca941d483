/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-window"

#include "config.h"

#include <stdio.h>

#include <adwaita.h>
#include <gtk/gtk.h>
#include <shumate/shumate.h>

#include "frame-timing.h"
#include "mer-cli.h"
#include "mer-renderer.h"
#include "mer-window.h"
#include "window-test-utils.h"

/* Under a display (xvfb-run): the window as a user has it, the bundled
 * story in the default 1600×1000 window, and the time from selecting an
 * event to the window's first frame after it (the selection, then the
 * frame's update, layout, and painting — the snapshots and the renderer),
 * beside a frame of the same window in which only the map's scale bar
 * changed: what any frame of this window costs the renderer. Target: 16 ms.
 * The details panel follows in a later frame: the time from the selection
 * to the end of the frame that shows the event's title there is given too.
 * Figures go into docs/performance.md. */

#define N_ROUNDS 3

enum {
  SELECTION,
  UPDATE,
  LAYOUT,
  PAINT,
  TOTAL,
  PROCESS_CPU,
  DETAILS,
  N_FIGURES
};

static const char *figure_names[N_FIGURES] = {
  "  the selection", "  the frame's update phase", "  its layout phase",
  "  its painting (snapshots, renderer, presentation)", "selection to the window's first frame",
  "  the same, processor time of the whole process",
  "selection to the end of the frame that shows its details",
};

static void
report (const char *what,
        GArray     *ms)
{
  g_array_sort (ms, frame_timing_compare_ms);
  printf ("%s: min %.2f ms, median %.2f ms, p95 %.2f ms (%u samples)\n", what, g_array_index (ms, double, 0),
          g_array_index (ms, double, ms->len / 2), g_array_index (ms, double, ms->len * 95 / 100), ms->len);
}

typedef struct {
  const char *id;   /* the event's, which the document keeps */
  double      ms;   /* selection to the window's first frame */
} Selection;

static int
compare_selections (gconstpointer a,
                    gconstpointer b)
{
  double x = ((const Selection *) a)->ms, y = ((const Selection *) b)->ms;

  return x > y ? -1 : x < y;
}

static gboolean
is_scale (GtkWidget     *widget,
          gconstpointer  data)
{
  return SHUMATE_IS_SCALE (widget);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  g_autoptr(GtkCssProvider) css = NULL;
  GArray *figures[N_FIGURES];
  g_autoptr(GArray) floor_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) slowest = g_array_new (FALSE, FALSE, sizeof (Selection));
  FrameTiming work = { 0 };
  GdkFrameClock *clock;
  MerWindow *window;
  MerState *state;
  GListModel *events;
  GtkWidget *scale;

  /* The renderer the application chooses: cairo without a GPU. */
  mer_renderer_choose ("/dev/dri");
  if (!gtk_init_check ())
    {
      printf ("no display: run under xvfb-run\n");
      return 77;
    }

  for (guint f = 0; f < N_FIGURES; f++)
    figures[f] = g_array_new (FALSE, FALSE, sizeof (double));

  /* The application's style over libadwaita's, as the application has
   * them. */
  adw_init ();
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/org/meridian/Meridian/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  path = mer_cli_find_bundled_story ();
  window = mer_window_new (NULL);
  state = mer_window_get_state (window);
  g_assert_true (mer_window_open_path (window, path));
  gtk_window_set_default_size (GTK_WINDOW (window), 1600, 1000);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)) || mer_window_get_document (window) == NULL)
    g_main_context_iteration (NULL, TRUE);
  /* The tiles in view drawn, the first layout done. */
  frame_timing_run_main_loop_for (1500);
  events = mer_document_get_events (mer_window_get_document (window));

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  frame_timing_watch (&work, clock);

  /* Every event in turn, each after the last one's flight is over. */
  for (guint round = 0; round < N_ROUNDS; round++)
    for (guint i = 0; i < g_list_model_get_n_items (events); i += 3)
      {
        g_autoptr(MerEvent) event = g_list_model_get_item (events, (i + round) % g_list_model_get_n_items (events));
        gint64 start = g_get_monotonic_time ();
        double cpu = frame_timing_process_cpu_ms ();
        double ms[N_FIGURES];

        mer_state_set_selected_event (state, event);
        ms[SELECTION] = (g_get_monotonic_time () - start) / 1000.0;
        cpu = frame_timing_process_cpu_ms () - cpu;
        frame_timing_wait (&work);
        if (work.update_end == 0)
          work.update_end = work.begin;
        if (work.layout_end == 0)
          work.layout_end = work.update_end;
        ms[UPDATE] = (work.update_end - work.begin) / 1000.0;
        ms[LAYOUT] = (work.layout_end - work.update_end) / 1000.0;
        ms[PAINT] = (work.end - work.layout_end) / 1000.0;
        ms[TOTAL] = ms[SELECTION] + (work.end - work.begin) / 1000.0;
        ms[PROCESS_CPU] = cpu + work.process_cpu_end - work.process_cpu_begin;
        while (find_label_with_text (GTK_WIDGET (window), mer_event_get_title (event)) == NULL)
          g_main_context_iteration (NULL, TRUE);
        frame_timing_wait (&work);
        ms[DETAILS] = (work.end - start) / 1000.0;
        for (guint f = 0; f < N_FIGURES; f++)
          g_array_append_val (figures[f], ms[f]);
        g_array_append_val (slowest, ((Selection) { mer_event_get_id (event), ms[TOTAL] }));
        frame_timing_run_main_loop_for (800);
      }

  /* The floor: frames in which only the map's scale bar changes (its
   * opacity, 0.99 or 1). */
  scale = find_widget (GTK_WIDGET (window), is_scale, NULL);
  g_assert_nonnull (scale);
  frame_timing_measure_floor (&work, scale, 40, 50, floor_ms, floor_cpu);
  g_signal_handlers_disconnect_by_data (clock, &work);

  printf ("%u events, window %d×%d, renderer %s\n", g_list_model_get_n_items (events),
          gtk_widget_get_width (GTK_WIDGET (window)), gtk_widget_get_height (GTK_WIDGET (window)),
          G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));
  report (figure_names[TOTAL], figures[TOTAL]);
  for (guint f = 0; f < N_FIGURES; f++)
    if (f != TOTAL)
      report (figure_names[f], figures[f]);
  report ("a frame of the window in which only the scale bar changed", floor_ms);
  /* Which selections make the slow tail: a run's p95 is its fourth
   * slowest. */
  g_array_sort (slowest, compare_selections);
  printf ("the slowest selections:");
  for (guint i = 0; i < MIN (slowest->len, 5); i++)
    printf (" %s %.2f ms%s", g_array_index (slowest, Selection, i).id, g_array_index (slowest, Selection, i).ms,
            i + 1 < MIN (slowest->len, 5) ? "," : "\n");
  report ("  the same, processor time of the whole process", floor_cpu);

  for (guint f = 0; f < N_FIGURES; f++)
    g_array_unref (figures[f]);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}

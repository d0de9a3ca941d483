/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gdk/x11/gdkx.h>
#include <adwaita.h>
#include <gtk/gtk.h>

#include <math.h>
#include <string.h>

#include "mer-cli.h"
#include "mer-map-style.h"
#include "mer-map-widget.h"
#include "mer-window.h"
#include "window-test-utils.h"

/* Drives the timeline in the window with real pointer and key events:
 * xdotool sends them to the X server under Xvfb and they reach the
 * timeline's controllers as a user's would. Without an X display the tests
 * cannot run: exit 77, skipped. */

static void
run_main_loop_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* The bundled story in a window of the default size. */
static MerWindow *
show_story (void)
{
  g_autofree char *story = mer_cli_find_bundled_story ();
  MerWindow *window = mer_window_new (NULL);

  g_assert_true (mer_window_open_path (window, story));
  gtk_window_set_default_size (GTK_WINDOW (window), 1600, 1000);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  run_main_loop_for (300);
  return window;
}

/* xdotool, then 200 ms for the events it sent to arrive and be handled. */
static void
xdotool_and_wait (GtkWidget  *widget,
                  const char *args)
{
  xdotool (widget, args);
  run_main_loop_for (200);
}

static void
click_at (GtkWidget *widget,
          double     x,
          double     y)
{
  g_autofree char *args = NULL;
  int sx, sy;

  to_surface (widget, x, y, &sx, &sy);
  args = g_strdup_printf ("mousemove --window %% %d %d sleep 0.1 click 1", sx, sy);
  xdotool_and_wait (widget, args);
}

/* Presses at (@x, @y), moves by @dx in steps, releases. */
static void
drag (GtkWidget *widget,
      double     x,
      double     y,
      double     dx)
{
  g_autoptr(GString) args = g_string_new (NULL);
  int sx, sy;

  to_surface (widget, x, y, &sx, &sy);
  g_string_append_printf (args, "mousemove --window %% %d %d sleep 0.1 mousedown 1", sx, sy);
  for (int step = 1; step <= 8; step++)
    g_string_append_printf (args, " sleep 0.03 mousemove --window %% %d %d", sx + (int) round (dx * step / 8), sy);
  g_string_append (args, " sleep 0.1 mouseup 1");
  xdotool_and_wait (widget, args->str);
}

static void
key (GtkWidget  *widget,
     const char *keys)
{
  g_autofree char *args = g_strdup_printf ("key --window %% %s", keys);

  xdotool_and_wait (widget, args);
}

/* A point on the rows where there is no event, label or badge. */
static void
find_empty (MerTimeline *timeline,
            double      *x,
            double      *y)
{
  MerTimelineLayout *layout = mer_timeline_get_layout (timeline);
  const MerTimelineMetrics *m = mer_timeline_layout_get_metrics (layout);
  guint first_row, n_visible;

  first_row = mer_timeline_layout_get_rows (layout, NULL, &n_visible);
  g_assert_cmpuint (first_row, ==, 0);
  for (guint row = n_visible; row > 0; row--)
    for (double px = 20; px < gtk_widget_get_width (GTK_WIDGET (timeline)) - 200; px += 10)
      {
        double py = m->rows_top + (row - 0.5) * m->row_height;
        gboolean clear = TRUE;

        for (double dx = -12; dx <= 200 && clear; dx += 4)
          clear = mer_timeline_pick (timeline, px + dx, py) == NULL;
        if (clear)
          {
            *x = px;
            *y = py;
            return;
          }
      }
  g_assert_not_reached ();
}

static gboolean
is_labelled (MerTimeline *timeline,
             MerEvent    *event)
{
  guint n_placed;
  const MerTimelinePlaced *placed = mer_timeline_layout_get_placed (mer_timeline_get_layout (timeline), &n_placed);

  for (guint i = 0; i < n_placed; i++)
    if (placed[i].event == event)
      return placed[i].label_width > 0;
  return FALSE;
}

/* At the default size the whole story is in view, the December 2016 summit
 * labelled, and each of the events after 1995 on a row or in a badge. */
static void
test_story_in_view (void)
{
  MerWindow *window = show_story ();
  MerTimeline *timeline = mer_window_get_timeline (window);
  MerDocument *document = mer_window_get_document (window);
  MerTimelineLayout *layout = mer_timeline_get_layout (timeline);
  GListModel *events = mer_document_get_events (document);
  const MerTimelineView *view = mer_timeline_layout_get_view (layout);
  guint n_placed, n_clusters, labelled = 0, late = 0;
  const MerTimelinePlaced *placed = mer_timeline_layout_get_placed (layout, &n_placed);
  const MerTimelineCluster *clusters = mer_timeline_layout_get_clusters (layout, &n_clusters);

  g_assert_true (is_labelled (timeline, mer_document_lookup_event (document, "nagato-summit")));

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(MerEvent) event = g_list_model_get_item (events, i);
      double x = mer_timeline_view_time_to_x (view, mer_event_get_first_second (event));
      gboolean found = FALSE;

      g_assert_cmpfloat (x, >=, 0);
      g_assert_cmpfloat (x, <=, view->width);
      if (mer_event_get_first_second (event) < 788918400.0)  /* 1995 */
        continue;
      late++;
      for (guint j = 0; j < n_placed && !found; j++)
        if (placed[j].event == event)
          {
            found = TRUE;
            labelled += placed[j].label_width > 0;
          }
      for (guint c = 0; c < n_clusters && !found; c++)
        found = x >= clusters[c].x0 && x <= clusters[c].x1;
      g_assert_true (found);
    }
  g_test_message ("%u events after 1995, %u labelled", late, labelled);
  g_assert_cmpuint (late, >, 20);
  g_assert_cmpuint (labelled, >=, 8);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The timeline has the keys at start: Right selects the first event. */
static void
test_focus_at_start (void)
{
  MerWindow *window = show_story ();
  MerTimeline *timeline = mer_window_get_timeline (window);
  MerState *state = mer_window_get_state (window);
  g_autoptr(MerEvent) first = g_list_model_get_item (mer_document_get_events (mer_window_get_document (window)), 0);

  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (timeline)));
  key (GTK_WIDGET (timeline), "Right");
  g_assert_true (mer_state_get_selected_event (state) == first);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A press that moves past the drag threshold pans, and neither selects the
 * event it began on nor clears the selection; a click still selects and
 * deselects. */
static void
test_drag_is_not_click (void)
{
  MerWindow *window = show_story ();
  MerTimeline *timeline = mer_window_get_timeline (window);
  MerTimelineViewport *viewport = mer_timeline_get_viewport (timeline);
  MerState *state = mer_window_get_state (window);
  MerDocument *document = mer_window_get_document (window);
  MerEvent *summit = mer_document_lookup_event (document, "nagato-summit");
  MerEvent *seizure = mer_document_lookup_event (document, "kurils-seized");
  double start, spp, x, y;

  mer_state_set_selected_event (state, summit);
  run_main_loop_for (100);

  /* Zoomed in about 1945 (the whole story pans nowhere), from the marker of
   * the Kurils' seizure, by 120 pixels. */
  g_assert_true (mer_timeline_get_event_position (timeline, seizure, &x, &y));
  mer_timeline_viewport_zoom_at (viewport, x, 0.5);
  run_main_loop_for (100);
  start = mer_timeline_viewport_get_start (viewport);
  spp = mer_timeline_viewport_get_seconds_per_pixel (viewport);
  g_assert_true (mer_timeline_get_event_position (timeline, seizure, &x, &y));
  drag (GTK_WIDGET (timeline), x, y, -120);
  g_assert_true (mer_state_get_selected_event (state) == summit);
  g_assert_cmpfloat_with_epsilon ((mer_timeline_viewport_get_start (viewport) - start) / spp, 120, 2);

  /* From empty rows. */
  find_empty (timeline, &x, &y);
  drag (GTK_WIDGET (timeline), x, y, 60);
  g_assert_true (mer_state_get_selected_event (state) == summit);

  /* A click on an event selects it; on empty rows, nothing. */
  g_assert_true (mer_timeline_get_event_position (timeline, seizure, &x, &y));
  click_at (GTK_WIDGET (timeline), x, y);
  g_assert_true (mer_state_get_selected_event (state) == seizure);
  find_empty (timeline, &x, &y);
  click_at (GTK_WIDGET (timeline), x, y);
  g_assert_null (mer_state_get_selected_event (state));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Thirty wheel notches in and thirty out keep the date under the pointer on
 * its pixel and return to the start within a pixel. */
static void
test_wheel_zoom_returns (void)
{
  MerWindow *window = show_story ();
  MerTimeline *timeline = mer_window_get_timeline (window);
  MerTimelineViewport *viewport = mer_timeline_get_viewport (timeline);
  double start = mer_timeline_viewport_get_start (viewport);
  double spp = mer_timeline_viewport_get_seconds_per_pixel (viewport);
  double x = 1010, y = 60, anchor;
  g_autofree char *args = NULL;
  int sx, sy;

  anchor = mer_timeline_viewport_x_to_time (viewport, x);
  to_surface (GTK_WIDGET (timeline), x, y, &sx, &sy);

  args = g_strdup_printf ("mousemove --window %% %d %d sleep 0.1 click --repeat 30 --delay 40 4", sx, sy);
  xdotool_and_wait (GTK_WIDGET (timeline), args);
  run_main_loop_for (300);
  g_assert_cmpfloat (mer_timeline_viewport_get_seconds_per_pixel (viewport), <, spp / 100);
  g_assert_cmpfloat (fabs (mer_timeline_viewport_time_to_x (viewport, anchor) - x), <, 1);

  g_free (args);
  args = g_strdup_printf ("click --repeat 30 --delay 40 5");
  xdotool_and_wait (GTK_WIDGET (timeline), args);
  run_main_loop_for (300);
  g_assert_cmpfloat (fabs (mer_timeline_viewport_get_start (viewport) - start) / spp, <, 1);
  g_assert_cmpfloat (fabs (mer_timeline_viewport_time_to_x (viewport, anchor) - x), <, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Esc clears the search, then the region filter, then the time window. */
static void
test_escape_order (void)
{
  MerWindow *window = show_story ();
  MerTimeline *timeline = mer_window_get_timeline (window);
  MerState *state = mer_window_get_state (window);
  MerDocument *document = mer_window_get_document (window);
  MerRegion *kurils = mer_document_lookup_region (document, "southern-kurils");

  mer_state_set_search (state, "summit");
  mer_state_set_filter_region (state, kurils);
  mer_state_set_time_window (state, 0, 1e9);
  gtk_widget_grab_focus (GTK_WIDGET (timeline));
  run_main_loop_for (100);

  key (GTK_WIDGET (timeline), "Escape");
  g_assert_cmpstr (mer_state_get_search (state), ==, NULL);
  g_assert_true (mer_state_get_filter_region (state) == kurils);
  g_assert_true (mer_state_get_time_window (state, NULL, NULL));

  key (GTK_WIDGET (timeline), "Escape");
  g_assert_null (mer_state_get_filter_region (state));
  g_assert_true (mer_state_get_time_window (state, NULL, NULL));

  key (GTK_WIDGET (timeline), "Escape");
  g_assert_false (mer_state_get_time_window (state, NULL, NULL));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* What the mouse does on the timeline, the keys do too. */
static void
test_keys (void)
{
  MerWindow *window = show_story ();
  MerTimeline *timeline = mer_window_get_timeline (window);
  MerTimelineViewport *viewport = mer_timeline_get_viewport (timeline);
  MerState *state = mer_window_get_state (window);
  MerDocument *document = mer_window_get_document (window);
  MerEvent *summit = mer_document_lookup_event (document, "nagato-summit");
  MerRegion *const *regions;
  guint n_regions;
  double start, end, span;

  mer_state_set_selected_event (state, summit);
  gtk_widget_grab_focus (GTK_WIDGET (timeline));
  run_main_loop_for (100);

  /* W: a time window around the selection. */
  key (GTK_WIDGET (timeline), "w");
  g_assert_true (mer_state_get_time_window (state, &start, &end));
  g_assert_cmpfloat (start, <, mer_event_get_first_second (summit));
  g_assert_cmpfloat (end, >, mer_event_get_last_second (summit));

  /* R: only the events of its region, and again all. */
  regions = mer_event_get_regions (summit, &n_regions);
  g_assert_cmpuint (n_regions, >, 0);
  key (GTK_WIDGET (timeline), "r");
  g_assert_true (mer_state_get_filter_region (state) == regions[0]);
  key (GTK_WIDGET (timeline), "r");
  g_assert_null (mer_state_get_filter_region (state));

  /* Shift+Left and Shift+Right pan by a quarter of the view. */
  key (GTK_WIDGET (timeline), "plus");
  start = mer_timeline_viewport_get_start (viewport);
  span = mer_timeline_viewport_get_end (viewport) - start;
  key (GTK_WIDGET (timeline), "shift+Left");
  g_assert_cmpfloat_with_epsilon (mer_timeline_viewport_get_start (viewport), start - span / 4, 1);
  key (GTK_WIDGET (timeline), "shift+Right");
  g_assert_cmpfloat_with_epsilon (mer_timeline_viewport_get_start (viewport), start, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A click on a badge zooms to the events it counts. */
static void
test_badge_zooms (void)
{
  MerWindow *window = show_story ();
  MerTimeline *timeline = mer_window_get_timeline (window);
  MerTimelineViewport *viewport = mer_timeline_get_viewport (timeline);
  MerTimelineLayout *layout = mer_timeline_get_layout (timeline);
  const MerTimelineMetrics *m = mer_timeline_layout_get_metrics (layout);
  guint n_clusters;
  const MerTimelineCluster *clusters = mer_timeline_layout_get_clusters (layout, &n_clusters);
  double first, last, y;

  g_assert_cmpuint (n_clusters, >, 0);
  first = clusters[n_clusters - 1].first;
  last = clusters[n_clusters - 1].last;
  y = gtk_widget_get_height (GTK_WIDGET (timeline)) - m->axis_height - m->badge_height / 2;
  click_at (GTK_WIDGET (timeline), (clusters[n_clusters - 1].x0 + clusters[n_clusters - 1].x1) / 2, y);

  g_assert_cmpfloat (mer_timeline_viewport_get_start (viewport), <, first);
  g_assert_cmpfloat (mer_timeline_viewport_get_end (viewport), >, last);
  g_assert_cmpfloat (mer_timeline_viewport_get_end (viewport) - mer_timeline_viewport_get_start (viewport), <=,
                     MAX ((last - first) * 1.5, 3 * 60.0) + 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_toggle (GtkWidget  *root,
             const char *icon_name)
{
  if (GTK_IS_TOGGLE_BUTTON (root) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (root)), icon_name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_toggle (child, icon_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The legend's toggle of a category, by its name. */
static GtkWidget *
find_legend_toggle (GtkWidget  *root,
                    const char *name)
{
  if (GTK_IS_TOGGLE_BUTTON (root) && GTK_IS_LABEL (gtk_button_get_child (GTK_BUTTON (root))) &&
      strstr (gtk_label_get_text (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (root)))), name) != NULL)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_legend_toggle (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
toggle_inactive (gpointer data)
{
  return !gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (data));
}

static gboolean
toggle_active (gpointer data)
{
  return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (data));
}

/* At 800×600 the empty side panel folds away by itself, giving the timeline
 * the width, and comes back when the window is wide again; once the user
 * opens it at that size, it is theirs. A category turned off shows a hollow
 * dot and its name struck through. */
static void
test_small_window (void)
{
  MerWindow *window = show_story ();
  MerTimeline *timeline = mer_window_get_timeline (window);
  GtkWidget *toggle = find_toggle (gtk_window_get_titlebar (GTK_WINDOW (window)), "sidebar-show-right-symbolic");
  GtkWidget *sanctions;
  GtkLabel *label;
  int folded;

  g_assert_nonnull (toggle);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  wait_until (toggle_inactive, toggle);
  wait_for_frame (GTK_WIDGET (timeline));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 800);
  folded = gtk_widget_get_width (GTK_WIDGET (timeline));
  g_assert_cmpint (folded, >=, gtk_widget_get_width (GTK_WIDGET (window)) - 20);

  gtk_window_set_default_size (GTK_WINDOW (window), 1600, 1000);
  wait_until (toggle_active, toggle);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  wait_until (toggle_inactive, toggle);

  click_at (toggle, gtk_widget_get_width (toggle) / 2.0, gtk_widget_get_height (toggle) / 2.0);
  wait_until (toggle_active, toggle);
  wait_for_frame (GTK_WIDGET (timeline));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (timeline)), <, folded);
  click_at (toggle, gtk_widget_get_width (toggle) / 2.0, gtk_widget_get_height (toggle) / 2.0);
  wait_until (toggle_inactive, toggle);

  sanctions = find_legend_toggle (GTK_WIDGET (window), "Sanctions");
  g_assert_nonnull (sanctions);
  label = GTK_LABEL (gtk_button_get_child (GTK_BUTTON (sanctions)));
  g_assert_cmpstr (gtk_label_get_text (label), ==, "● Sanctions");
  {
    MerCategory *category = g_object_get_data (G_OBJECT (sanctions), "category");
    const MerMapStyle *style = mer_map_style_get (mer_map_widget_prefers_dark (sanctions));
    MerColor color = mer_map_style_marker_color (style, mer_category_get_color (category));
    g_autofree char *dot = g_strdup_printf ("<span foreground='#%02x%02x%02x'>●</span>", (guint) lround (color.red * 255),
                                            (guint) lround (color.green * 255), (guint) lround (color.blue * 255));

    /* The legend's dot is the markers' colour on this theme's map. */
    g_assert_nonnull (strstr (gtk_label_get_label (label), dot));
  }
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (sanctions), FALSE);
  g_assert_cmpstr (gtk_label_get_text (label), ==, "○ Sanctions");
  g_assert_nonnull (strstr (gtk_label_get_label (label), "<s>Sanctions</s>"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkLabel *
find_label_prefix (GtkWidget  *root,
                   const char *prefix)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      g_str_has_prefix (gtk_label_get_text (GTK_LABEL (root)), prefix))
    return GTK_LABEL (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label_prefix (child, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Typed words list the events they find under the entry, with their count;
 * Down and Enter pick one; a search that finds nothing says so. */
static void
test_search_results (void)
{
  MerWindow *window = show_story ();
  MerState *state = mer_window_get_state (window);
  MerMapWidget *map = mer_window_get_map (window);
  GListModel *events = mer_document_get_events (mer_window_get_document (window));
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_autofree char *count = NULL;
  MerMapView before, after;

  mer_map_widget_get_map_view (map, &before);
  key (GTK_WIDGET (window), "ctrl+f");
  xdotool_and_wait (GTK_WIDGET (window), "type --window % --delay 30 Kunashir");
  run_main_loop_for (500);

  g_assert_cmpstr (mer_state_get_search (state), ==, "kunashir");
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(MerEvent) event = g_list_model_get_item (events, i);

      if (mer_state_event_passes_filters (state, event))
        g_ptr_array_add (found, event);
    }
  g_assert_cmpuint (found->len, >=, 2);
  count = g_strdup_printf ("%u events", found->len);
  g_assert_nonnull (find_label_prefix (GTK_WIDGET (window), count));
  g_assert_nonnull (find_label_prefix (GTK_WIDGET (window), mer_event_get_title (found->pdata[1])));

  /* The map fits what was found. */
  mer_map_widget_get_map_view (map, &after);
  g_assert_true (after.lat != before.lat || after.lon != before.lon || after.zoom != before.zoom);

  key (GTK_WIDGET (window), "Down Down Return");
  g_assert_true (mer_state_get_selected_event (state) == found->pdata[1]);

  gtk_editable_set_text (GTK_EDITABLE (gtk_window_get_focus (GTK_WINDOW (window))), "");
  xdotool_and_wait (GTK_WIDGET (window), "type --window % --delay 30 zzxq");
  run_main_loop_for (500);
  g_assert_nonnull (find_label_prefix (GTK_WIDGET (window), "No results for “zzxq”"));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check () || !GDK_IS_X11_DISPLAY (gdk_display_get_default ()) ||
      !g_find_program_in_path ("xdotool"))
    return 77;
  /* Moves are instant, so that the tests need not wait for animations. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  /* libadwaita styles the window, as in MerApplication; after animations
   * are off, so that its style manager leaves them off. */
  adw_init ();

  g_test_add_func ("/app/timeline-window/story-in-view", test_story_in_view);
  g_test_add_func ("/app/timeline-window/focus-at-start", test_focus_at_start);
  g_test_add_func ("/app/timeline-window/drag-is-not-click", test_drag_is_not_click);
  g_test_add_func ("/app/timeline-window/wheel-zoom-returns", test_wheel_zoom_returns);
  g_test_add_func ("/app/timeline-window/escape-order", test_escape_order);
  g_test_add_func ("/app/timeline-window/keys", test_keys);
  g_test_add_func ("/app/timeline-window/badge-zooms", test_badge_zooms);
  g_test_add_func ("/app/timeline-window/small-window", test_small_window);
  g_test_add_func ("/app/timeline-window/search-results", test_search_results);

  return g_test_run ();
}

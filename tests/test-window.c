/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include <math.h>
#include <string.h>

#include "mer-cli.h"
#include "mer-details.h"
#include "mer-export-dialog.h"
#include "mer-map-style.h"
#include "mer-window.h"

/* Drives the real window under Xvfb. Without a display the test is skipped,
 * except in CI, which has Xvfb: there it fails rather than pass silently. */

static gboolean have_display;

static gboolean
require_display (void)
{
  if (have_display)
    return TRUE;

  if (g_getenv ("CI") != NULL)
    g_error ("no display in CI: run the window tests under xvfb-run");
  g_test_skip ("no display");
  return FALSE;
}

static void
wait_until_mapped (GtkWidget *widget)
{
  while (!gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);
  /* Let the first frame finish. */
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
run_main_loop_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

typedef gboolean (*WidgetTest) (GtkWidget *widget, const char *text);

/* The first widget under @root, depth first, that @test accepts. */
static GtkWidget *
find_widget (GtkWidget  *root,
             WidgetTest  test,
             const char *text)
{
  if (test (root, text))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, test, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_label_with_text (GtkWidget  *widget,
                    const char *text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0 &&
         gtk_widget_is_visible (widget);
}

static GtkWidget *
find_label_with_text (GtkWidget  *root,
                      const char *text)
{
  return find_widget (root, is_label_with_text, text);
}

/* A toplevel window of @type, such as a dialog the window opened. */
static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type))
        return GTK_WINDOW (toplevel);
    }

  return NULL;
}

static void
test_shows_bundled_story (void)
{
  g_autofree char *story = mer_cli_find_bundled_story ();
  MerWindow *window;
  MerDocument *document;

  if (!require_display ())
    return;

  window = mer_window_new (NULL);
  g_assert_true (mer_window_open_path (window, story));
  gtk_window_present (GTK_WINDOW (window));
  wait_until_mapped (GTK_WIDGET (window));

  document = mer_window_get_document (window);
  g_assert_cmpuint (g_list_model_get_n_items (mer_document_get_events (document)), ==, 66);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Russia and Japan");

  /* The timeline opens on the whole story: its first and last events are
   * laid out on screen. */
  {
    MerTimeline *timeline = mer_window_get_timeline (window);
    double x, y;

    run_main_loop_for (50);
    g_assert_true (mer_timeline_get_event_position (timeline, mer_document_lookup_event (document, "treaty-of-shimoda"),
                                                    &x, &y));
    g_assert_cmpfloat (x, >, 0);
    g_assert_true (mer_timeline_pick (timeline, x, y) == mer_document_lookup_event (document, "treaty-of-shimoda"));

    /* The last event has no row of its own at this scale: selected, it is
     * drawn over the first row, its title before it at the right edge, where
     * a click on the title picks it. */
    {
      MerEvent *last = mer_document_lookup_event (document, "joint-economic-activity");
      double last_x = mer_timeline_viewport_time_to_x (mer_timeline_get_viewport (timeline),
                                                       mer_event_get_first_second (last));
      double first_row = y;

      mer_state_set_selected_event (mer_window_get_state (window), last);
      run_main_loop_for (50);
      g_assert_false (mer_timeline_get_event_position (timeline, last, &x, &y));
      g_assert_true (mer_timeline_pick (timeline, last_x - 100, first_row) == last);
      g_assert_true (mer_timeline_pick (timeline, last_x, first_row) == last);
    }
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_failed_open_keeps_document (void)
{
  g_autofree char *story = mer_cli_find_bundled_story ();
  MerWindow *window;
  MerDocument *before;
  GtkWidget *errors;

  if (!require_display ())
    return;

  window = mer_window_new (NULL);
  g_assert_true (mer_window_open_path (window, story));
  gtk_window_present (GTK_WINDOW (window));
  wait_until_mapped (GTK_WIDGET (window));
  before = mer_window_get_document (window);

  g_assert_false (mer_window_open_path (window, TESTDATADIR "/version.json"));
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);

  g_assert_true (mer_window_get_document (window) == before);
  errors = find_label_with_text (GTK_WIDGET (window),
                                 TESTDATADIR "/version.json:2:15: error: meridian: "
                                 "unsupported version 2 (this Meridian reads version 1)");
  g_assert_nonnull (errors);
  g_assert_true (gtk_info_bar_get_revealed (GTK_INFO_BAR (gtk_widget_get_ancestor (errors, GTK_TYPE_INFO_BAR))));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Renders what the widget shows, as the screen would, and reads it back. */
static GdkTexture *
render_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static guint32
texture_pixel (GdkTexture *texture,
               int         x,
               int         y)
{
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  g_autofree guint32 *pixels = g_new (guint32, width * height);

  gdk_texture_download (texture, (guchar *) pixels, width * 4);
  return pixels[y * width + x] & 0xffffff;
}


/* The map asks for tiles in an idle after the view changes: wait for it to
 * ask, then for every tile to be drawn. */
static void
wait_for_tiles (MerMapWidget *map)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  run_main_loop_for (200);
  while ((mer_map_widget_get_n_filled_tiles (map) == 0 || mer_map_widget_get_n_pending_tiles (map) > 0) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  run_main_loop_for (200);
}

static void
test_map_shows_kurils (void)
{
  g_autofree char *story = mer_cli_find_bundled_story ();
  const MerMapStyle *style = mer_map_style_get (FALSE);
  g_autoptr(GdkTexture) texture = NULL;
  MerView kurils = { 44.6, 147.2, 7 };
  MerWindow *window;
  MerMapWidget *map;
  MerMapView view;
  guint32 sea, iturup;
  double x, y;

  if (!require_display ())
    return;

  window = mer_window_new (NULL);
  g_assert_true (mer_window_open_path (window, story));
  gtk_window_present (GTK_WINDOW (window));
  wait_until_mapped (GTK_WIDGET (window));

  map = mer_window_get_map (window);
  mer_map_widget_go_to (map, &kurils, FALSE);
  wait_for_tiles (map);
  g_assert_cmpuint (mer_map_widget_get_n_filled_tiles (map), >, 0);

  mer_map_widget_get_map_view (map, &view);
  g_assert_cmpfloat_with_epsilon (view.zoom, 7, 1e-9);
  texture = render_widget (mer_map_widget_get_map (map));
  if (g_getenv ("MERIDIAN_TEST_SAVE") != NULL)
    gdk_texture_save_to_png (texture, g_getenv ("MERIDIAN_TEST_SAVE"));

  /* The Sea of Okhotsk is sea; Iturup is covered by the southern Kurils' tint. */
  mer_map_view_location_to_point (&view, 46.2, 146.6, &x, &y);
  sea = texture_pixel (texture, (int) x, (int) y);
  g_assert_cmphex (sea, ==, ((guint32) lround (style->sea.red * 255) << 16) |
                            ((guint32) lround (style->sea.green * 255) << 8) |
                            (guint32) lround (style->sea.blue * 255));
  /* South-west Iturup, clear of the region's label: orange-tinted land and
   * hatch lines, red well above blue, in most of a small square. */
  mer_map_view_location_to_point (&view, 44.62, 147.08, &x, &y);
  {
    guint orange = 0, n = 0;

    for (int dy = -3; dy <= 3; dy++)
      for (int dx = -3; dx <= 3; dx++, n++)
        {
          iturup = texture_pixel (texture, (int) x + dx, (int) y + dy);
          g_assert_cmphex (iturup, !=, sea);
          orange += ((iturup >> 16) & 0xff) > (iturup & 0xff) + 15;
        }
    g_assert_cmpuint (orange * 10, >=, n * 8);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static MerWindow *
show_story (void)
{
  g_autofree char *story = mer_cli_find_bundled_story ();
  MerWindow *window = mer_window_new (NULL);

  g_assert_true (mer_window_open_path (window, story));
  gtk_window_present (GTK_WINDOW (window));
  wait_until_mapped (GTK_WIDGET (window));
  return window;
}

/* A click on a marker selects its event in the shared state, which the event
 * list follows; a click on a region selects the region; hovering a marker
 * highlights its event. */
static void
test_map_click_and_hover (void)
{
  MerWindow *window;
  MerMapWidget *map;
  MerState *state;
  MerEvent *summit;
  MerView nagato = { 34.37, 131.18, 9 };
  MerView kurils = { 44.6, 147.2, 7 };
  MerMapView view;
  double x, y;

  if (!require_display ())
    return;

  window = show_story ();
  map = mer_window_get_map (window);
  state = mer_window_get_state (window);
  summit = mer_document_lookup_event (mer_window_get_document (window), "nagato-summit");

  mer_map_widget_go_to (map, &nagato, FALSE);
  run_main_loop_for (100);
  mer_map_widget_get_map_view (map, &view);
  mer_map_view_location_to_point (&view, 34.37, 131.18, &x, &y);

  mer_map_widget_hover (map, x + 1, y);
  g_assert_true (mer_state_get_hovered_event (state) == summit);
  mer_map_widget_click (map, x + 1, y - 1);
  g_assert_true (mer_state_get_selected_event (state) == summit);

  mer_map_widget_go_to (map, &kurils, FALSE);
  run_main_loop_for (100);
  mer_map_widget_get_map_view (map, &view);
  mer_map_view_location_to_point (&view, 44.62, 147.08, &x, &y);
  mer_map_widget_hover (map, x, y);
  g_assert_null (mer_state_get_hovered_event (state));
  g_assert_cmpstr (mer_region_get_id (mer_state_get_hovered_region (state)), ==, "southern-kurils");
  mer_map_widget_click (map, x, y);
  g_assert_null (mer_state_get_selected_event (state));
  g_assert_cmpstr (mer_region_get_id (mer_state_get_selected_region (state)), ==, "southern-kurils");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Keys go through the map's actions: + and - zoom a level, arrows pan. */
static void
test_map_keyboard (void)
{
  MerWindow *window;
  MerMapWidget *map;
  MerView start = { 45.0, 145.0, 5 };
  MerMapView before, after;

  if (!require_display ())
    return;

  window = show_story ();
  map = mer_window_get_map (window);
  mer_map_widget_go_to (map, &start, FALSE);
  run_main_loop_for (50);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (map), "map.zoom-in", NULL));
  mer_map_widget_get_map_view (map, &after);
  g_assert_cmpfloat_with_epsilon (after.zoom, 6, 1e-9);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (map), "map.zoom-out", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (map), "map.zoom-out", NULL));
  mer_map_widget_get_map_view (map, &before);
  g_assert_cmpfloat_with_epsilon (before.zoom, 4, 1e-9);

  /* Right pans by a quarter of the width: the centre moves east by that much. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (map), "map.pan", "(ii)", 1, 0));
  mer_map_widget_get_map_view (map, &after);
  g_assert_cmpfloat_with_epsilon (after.lat, before.lat, 1e-6);
  g_assert_cmpfloat_with_epsilon (after.lon - before.lon, before.width / 4 / mer_projection_world_size (before.zoom) * 360, 1e-6);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Offline by default: nothing may be written to the cache; the online layer
 * is a switch away. */
static void
test_online_layer_off_by_default (void)
{
  g_autofree char *cache = g_build_filename (g_get_user_cache_dir (), "shumate", NULL);
  MerWindow *window;
  MerMapWidget *map;

  if (!require_display ())
    return;

  window = show_story ();
  map = mer_window_get_map (window);
  wait_for_tiles (map);

  g_assert_false (mer_map_widget_get_online_layer (map));
  g_assert_false (g_file_test (cache, G_FILE_TEST_EXISTS));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.online-map", NULL));
  g_assert_true (mer_map_widget_get_online_layer (map));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.online-map", NULL));
  g_assert_false (mer_map_widget_get_online_layer (map));

  gtk_window_destroy (GTK_WINDOW (window));
}

static MerEvent *
lookup_event (MerWindow  *window,
              const char *id)
{
  return mer_document_lookup_event (mer_window_get_document (window), id);
}

/* Selecting on the timeline (here with its keys) flies the map to the
 * event's view. */
static void
test_timeline_selection_moves_map (void)
{
  MerWindow *window;
  MerState *state;
  MerEvent *summit;
  MerMapView view;
  const MerView *target;
  guint steps = 0;

  if (!require_display ())
    return;

  window = show_story ();
  state = mer_window_get_state (window);
  summit = lookup_event (window, "nagato-summit");
  target = mer_event_get_view (summit);

  gtk_widget_grab_focus (GTK_WIDGET (mer_window_get_timeline (window)));
  while (mer_state_get_selected_event (state) != summit && steps++ < 60)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (mer_window_get_timeline (window)),
                                               "timeline.previous", NULL));
  g_assert_true (mer_state_get_selected_event (state) == summit);
  run_main_loop_for (50);

  mer_map_widget_get_map_view (mer_window_get_map (window), &view);
  g_assert_cmpfloat_with_epsilon (view.lat, target->lat, 0.01);
  g_assert_cmpfloat_with_epsilon (view.lon, target->lon, 0.01);
  g_assert_cmpfloat_with_epsilon (view.zoom, target->zoom, 0.01);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Clicking a marker on the map selects the event on the timeline, which
 * brings it into view. */
static void
test_map_click_selects_on_timeline (void)
{
  MerWindow *window;
  MerTimeline *timeline;
  MerTimelineViewport *viewport;
  MerEvent *shimoda;
  MerView shimoda_view = { 34.67, 138.95, 8 };
  MerMapView view;
  double x, y;

  if (!require_display ())
    return;

  window = show_story ();
  timeline = mer_window_get_timeline (window);
  viewport = mer_timeline_get_viewport (timeline);
  shimoda = lookup_event (window, "treaty-of-shimoda");

  /* The timeline looks at 2010–2016: Shimoda (1855) is far out of view. */
  mer_timeline_viewport_set_range (viewport, 1262304000.0, 1483228800.0);
  run_main_loop_for (50);
  g_assert_false (mer_timeline_get_event_position (timeline, shimoda, &x, &y));

  mer_map_widget_go_to (mer_window_get_map (window), &shimoda_view, FALSE);
  run_main_loop_for (50);
  mer_map_widget_get_map_view (mer_window_get_map (window), &view);
  mer_map_view_location_to_point (&view, 34.67, 138.95, &x, &y);
  mer_map_widget_click (mer_window_get_map (window), x, y);

  g_assert_true (mer_state_get_selected_event (mer_window_get_state (window)) == shimoda);
  run_main_loop_for (50);
  g_assert_true (mer_timeline_get_event_position (timeline, shimoda, &x, &y));
  g_assert_cmpfloat (x, >=, 0);
  g_assert_cmpfloat (x, <=, gtk_widget_get_width (GTK_WIDGET (timeline)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A time window of 1950–1960, with events outside it hidden, leaves no 2016
 * marker on the map. */
static void
test_time_window_hides_markers (void)
{
  MerWindow *window;
  MerState *state;
  MerMapWidget *map;
  MerView nagato = { 34.37, 131.18, 9 };
  MerMapView view;
  MerDate from, to;
  double x, y;

  if (!require_display ())
    return;

  window = show_story ();
  state = mer_window_get_state (window);
  map = mer_window_get_map (window);
  mer_map_widget_go_to (map, &nagato, FALSE);
  run_main_loop_for (50);
  mer_map_widget_get_map_view (map, &view);
  mer_map_view_location_to_point (&view, 34.37, 131.18, &x, &y);

  mer_map_widget_hover (map, x, y);
  g_assert_true (mer_state_get_hovered_event (state) == lookup_event (window, "nagato-summit"));

  g_assert_true (mer_date_parse ("1950", &from, NULL));
  g_assert_true (mer_date_parse ("1960", &to, NULL));
  mer_state_set_time_window (state, mer_date_first_second (&from), mer_date_last_second (&to));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.hide-outside-window", NULL));
  g_assert_true (mer_state_get_hide_outside_window (state));
  run_main_loop_for (50);

  mer_map_widget_hover (map, x, y);
  g_assert_null (mer_state_get_hovered_event (state));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Searching "Crimea" leaves only matching events, in both views. */
static void
test_search_filters_both_views (void)
{
  MerWindow *window;
  MerState *state;
  MerTimeline *timeline;
  GListModel *events;
  MerView nagato = { 34.37, 131.18, 9 };
  MerMapView view;
  guint shown = 0;
  double x, y;

  if (!require_display ())
    return;

  window = show_story ();
  state = mer_window_get_state (window);
  timeline = mer_window_get_timeline (window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  gtk_editable_set_text (GTK_EDITABLE (gtk_window_get_focus (GTK_WINDOW (window))), "Crimea");
  run_main_loop_for (400);
  g_assert_cmpstr (mer_state_get_search (state), ==, "crimea");

  events = mer_document_get_events (mer_window_get_document (window));
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(MerEvent) event = g_list_model_get_item (events, i);
      gboolean matches = mer_state_event_passes_filters (state, event);
      g_autofree char *text = g_utf8_casefold (mer_event_get_summary (event) != NULL ? mer_event_get_summary (event) : "", -1);
      g_autofree char *title = g_utf8_casefold (mer_event_get_title (event), -1);

      if (mer_timeline_get_event_position (timeline, event, &x, &y))
        {
          g_assert_true (matches);
          shown++;
        }
      if (strstr (text, "crimea") != NULL || strstr (title, "crimea") != NULL)
        g_assert_true (matches);
    }
  g_assert_cmpuint (shown, >, 0);
  g_assert_false (mer_state_event_passes_filters (state, lookup_event (window, "nagato-summit")));

  /* On the map, the summit's marker is gone. */
  mer_map_widget_go_to (mer_window_get_map (window), &nagato, FALSE);
  run_main_loop_for (50);
  mer_map_widget_get_map_view (mer_window_get_map (window), &view);
  mer_map_view_location_to_point (&view, 34.37, 131.18, &x, &y);
  mer_map_widget_hover (mer_window_get_map (window), x, y);
  g_assert_null (mer_state_get_hovered_event (state));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Opening runs in a worker thread; the window shows the new document when
 * it is loaded, and a cancelled load changes nothing. */
static void
test_open_in_background (void)
{
  MerWindow *window;
  MerDocument *story;
  gint64 deadline;

  if (!require_display ())
    return;

  window = show_story ();
  story = mer_window_get_document (window);

  mer_window_open_file (window, TESTDATADIR "/valid-small.json");
  g_assert_true (mer_window_is_loading (window));
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (mer_window_is_loading (window) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (mer_window_is_loading (window));
  g_assert_true (mer_window_get_document (window) != story);
  g_assert_cmpstr (mer_document_get_title (mer_window_get_document (window)), ==, "Small");

  /* Cancelled at once: the small story stays. */
  story = mer_window_get_document (window);
  mer_window_open_file (window, TESTDATADIR "/../../data/events/russia-japan.json");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-loading", NULL));
  g_assert_false (mer_window_is_loading (window));
  run_main_loop_for (300);
  g_assert_true (mer_window_get_document (window) == story);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The details panel shows the selected event; its links open only for
 * http, https and mailto. */
static void
test_details_panel (void)
{
  MerWindow *window;

  if (!require_display ())
    return;

  window = show_story ();
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (window),
                                          "Select an event on the map or the timeline to see its details."));

  mer_state_set_selected_event (mer_window_get_state (window), lookup_event (window, "nagato-summit"));
  run_main_loop_for (50);
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (window), "Putin–Abe summit in Nagato and Tokyo"));
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (window), "15–16 Dec 2016"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-event", NULL));
  g_assert_true (mer_state_get_selected_event (mer_window_get_state (window)) != lookup_event (window, "nagato-summit"));

  g_assert_true (mer_details_link_allowed ("https://en.wikipedia.org/wiki/Kuril_Islands_dispute"));
  g_assert_true (mer_details_link_allowed ("mailto:desk@example.org"));
  g_assert_false (mer_details_link_allowed ("file:///etc/passwd"));
  g_assert_false (mer_details_link_allowed ("javascript:alert(1)"));
  g_assert_false (mer_details_link_allowed ("not a link"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Playback sweeps the time window forward. */
static void
test_playback_moves_window (void)
{
  MerWindow *window;
  MerState *state;
  double start, end, later_start, later_end;

  if (!require_display ())
    return;

  window = show_story ();
  state = mer_window_get_state (window);
  g_assert_false (mer_state_get_time_window (state, NULL, NULL));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.play", NULL));
  g_assert_true (mer_state_get_time_window (state, &start, &end));
  run_main_loop_for (500);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.play", NULL));
  g_assert_true (mer_state_get_time_window (state, &later_start, &later_end));

  /* 1 year a second, for about half a second. */
  g_assert_cmpfloat (later_start - start, >, 0.1 * 365 * 86400);
  g_assert_cmpfloat (later_start - start, <, 2.0 * 365 * 86400);
  g_assert_cmpfloat_with_epsilon (later_end - later_start, end - start, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Ctrl+E opens the export dialog on what the window shows; its preview is
 * the picture the file will hold. */
static void
test_export_dialog (void)
{
  MerWindow *window;
  MerExportDialog *dialog = NULL;
  MerExportOptions options;
  MerExportFormat format;
  MerMapView view;

  if (!require_display ())
    return;

  window = show_story ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  run_main_loop_for (300);

  dialog = MER_EXPORT_DIALOG (find_toplevel (MER_TYPE_EXPORT_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  /* By default 1920×1080 PNG, centred where the map is, with everything. */
  mer_export_dialog_get_options (dialog, &options, &format);
  mer_map_widget_get_map_view (mer_window_get_map (window), &view);
  g_assert_cmpint (format, ==, MER_EXPORT_FORMAT_PNG);
  g_assert_cmpfloat (options.width, ==, 1920);
  g_assert_cmpfloat (options.height, ==, 1080);
  g_assert_cmpfloat_with_epsilon (options.view.lat, view.lat, 1e-9);
  g_assert_cmpfloat_with_epsilon (options.view.lon, view.lon, 1e-9);
  g_assert_cmpfloat_with_epsilon (options.view.zoom,
                                  view.zoom + log2 (MIN (1920 / view.width, 1080 / view.height)), 1e-9);
  g_assert_true (options.title && options.legend && options.attribution);

  if (g_getenv ("MERIDIAN_TEST_SAVE_DIALOG") != NULL)
    {
      g_autoptr(GdkTexture) texture = render_widget (GTK_WIDGET (dialog));
      gdk_texture_save_to_png (texture, g_getenv ("MERIDIAN_TEST_SAVE_DIALOG"));
    }

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The caption card hides none of the slide event's places. */
static void
assert_card_clear_of_places (MerWindow *window)
{
  GtkWidget *card = find_widget (GTK_WIDGET (window), gtk_widget_has_css_class, "presentation-card");
  GtkWidget *map = GTK_WIDGET (mer_window_get_map (window));
  MerEvent *event = mer_state_get_selected_event (mer_window_get_state (window));
  const MerPlace *places;
  graphene_rect_t bounds;
  MerMapView view;
  guint n_places;

  g_assert_nonnull (card);
  g_assert_true (gtk_widget_get_visible (card));
  g_assert_true (gtk_widget_compute_bounds (card, map, &bounds));
  g_assert_cmpfloat (bounds.size.width, >, 300);
  g_assert_cmpfloat (bounds.size.height, >, 100);
  mer_map_widget_get_map_view (mer_window_get_map (window), &view);

  places = mer_event_get_places (event, &n_places);
  for (guint i = 0; i < n_places; i++)
    {
      double x, y;

      mer_map_view_location_to_point (&view, places[i].lat, places[i].lon, &x, &y);
      if (x < 0 || y < 0 || x > view.width || y > view.height)
        continue;
      g_assert_false (graphene_rect_contains_point (&bounds, &GRAPHENE_POINT_INIT (x, y)));
    }
}

/* Stepping through the bundled briefing sets the shared state exactly as
 * each slide says; Esc gives back what was there before. */
static void
test_presentation_follows_slides (void)
{
  MerWindow *window;
  MerState *state;
  MerDocument *document;
  MerBriefing *briefing;
  MerPresentation *presentation;
  MerView before = { 30.0, 120.0, 4 };
  MerMapView view;
  MerDate from, to;
  double start, end;
  MerEvent *picked;
  int map_height;

  if (!require_display ())
    return;

  window = show_story ();
  state = mer_window_get_state (window);
  document = mer_window_get_document (window);
  briefing = mer_document_lookup_briefing (document, "reconciliation");

  /* Something to give back: a view, a selection, a window and a search. */
  mer_map_widget_go_to (mer_window_get_map (window), &before, FALSE);
  picked = lookup_event (window, "fukushima-disaster");
  mer_state_set_selected_event (state, picked);
  mer_map_widget_go_to (mer_window_get_map (window), &before, FALSE);
  g_assert_true (mer_date_parse ("1990", &from, NULL));
  g_assert_true (mer_date_parse ("2000", &to, NULL));
  mer_state_set_time_window (state, mer_date_first_second (&from), mer_date_last_second (&to));
  mer_state_set_search (state, "treaty");
  run_main_loop_for (50);

  map_height = gtk_widget_get_height (GTK_WIDGET (mer_window_get_map (window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", "s", "reconciliation"));
  presentation = mer_window_get_presentation (window);
  g_assert_nonnull (presentation);
  g_assert_cmpuint (mer_presentation_get_n_slides (presentation), ==, mer_briefing_get_n_slides (briefing));

  for (guint i = 0; i < mer_briefing_get_n_slides (briefing); i++)
    {
      MerSlide *slide = mer_briefing_get_slide (briefing, i);
      GPtrArray *highlighted = mer_state_get_highlighted_regions (state);
      MerRegion * const *regions;
      guint n_regions;

      if (i > 0)
        g_assert_true (mer_presentation_next (presentation));
      run_main_loop_for (20);

      g_assert_cmpuint (mer_presentation_get_index (presentation), ==, i);
      g_assert_true (mer_state_get_selected_event (state) == mer_slide_get_event (slide));
      /* The search of before does not hide the story from the audience. */
      g_assert_null (mer_state_get_search (state));
      g_assert_true (mer_state_event_passes_filters (state, mer_slide_get_event (slide)));

      regions = mer_slide_get_regions (slide, &n_regions);
      g_assert_cmpuint (highlighted->len, ==, n_regions);
      for (guint r = 0; r < n_regions; r++)
        g_assert_true (g_ptr_array_index (highlighted, r) == regions[r]);

      if (mer_slide_get_time (slide, &from, &to))
        {
          g_assert_true (mer_state_get_time_window (state, &start, &end));
          g_assert_cmpfloat (start, ==, mer_date_first_second (&from));
          g_assert_cmpfloat (end, ==, mer_date_last_second (&to));
        }

      if (mer_slide_get_view (slide) != NULL)
        {
          mer_map_widget_get_map_view (mer_window_get_map (window), &view);
          g_assert_cmpfloat_with_epsilon (view.lat, mer_slide_get_view (slide)->lat, 1e-6);
          g_assert_cmpfloat_with_epsilon (view.lon, mer_slide_get_view (slide)->lon, 1e-6);
          g_assert_cmpfloat_with_epsilon (view.zoom, mer_slide_get_view (slide)->zoom, 1e-6);
        }

      run_main_loop_for (80);
      assert_card_clear_of_places (window);
    }
  g_assert_false (mer_presentation_next (presentation));
  /* The map is the slide: it takes more of the window than before. */
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (mer_window_get_map (window))), >, map_height);

  /* The presenter's preview draws each slide's own view: the first and the
   * last slide differ. */
  {
    g_autoptr(GdkTexture) first = mer_presentation_render_preview (presentation, 0, 480, 270);
    g_autoptr(GdkTexture) last = mer_presentation_render_preview (presentation, mer_briefing_get_n_slides (briefing) - 1, 480, 270);
    g_autofree guchar *a = g_malloc (480 * 270 * 4);
    g_autofree guchar *b = g_malloc (480 * 270 * 4);

    g_assert_nonnull (first);
    g_assert_nonnull (last);
    g_assert_cmpint (gdk_texture_get_width (first), ==, 480);
    g_assert_cmpint (gdk_texture_get_height (first), ==, 270);
    gdk_texture_download (first, a, 480 * 4);
    gdk_texture_download (last, b, 480 * 4);
    g_assert_true (memcmp (a, b, 480 * 270 * 4) != 0);
  }

  /* The last slide's event sits at the timeline's right edge: its label goes
   * before its marker, and a click on the label picks it. */
  {
    MerTimeline *timeline = mer_window_get_timeline (window);
    MerEvent *summit = mer_state_get_selected_event (state);
    double x, y;

    g_assert_true (mer_timeline_get_event_position (timeline, summit, &x, &y));
    g_assert_cmpfloat (x, >, gtk_widget_get_width (GTK_WIDGET (timeline)) * 0.8);
    g_assert_true (mer_timeline_pick (timeline, x - 60, y) == summit);
    g_assert_true (mer_timeline_pick (timeline, x + 30, y) != summit);
  }

  /* Esc, through the presentation's own key handling. */
  mer_window_stop_presenting (window);
  run_main_loop_for (100);
  g_assert_null (mer_window_get_presentation (window));
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (mer_window_get_map (window))), ==, map_height);
  g_assert_true (mer_state_get_selected_event (state) == picked);
  g_assert_cmpstr (mer_state_get_search (state), ==, "treaty");
  g_assert_true (mer_state_get_time_window (state, &start, &end));
  g_assert_true (mer_date_parse ("1990", &from, NULL));
  g_assert_cmpfloat (start, ==, mer_date_first_second (&from));
  g_assert_cmpuint (mer_state_get_highlighted_regions (state)->len, ==, 0);
  mer_map_widget_get_map_view (mer_window_get_map (window), &view);
  g_assert_cmpfloat_with_epsilon (view.lat, before.lat, 1e-6);
  g_assert_cmpfloat_with_epsilon (view.lon, before.lon, 1e-6);
  g_assert_cmpfloat_with_epsilon (view.zoom, before.zoom, 1e-6);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
press_key (GtkWidget *window,
           guint      keyval)
{
  GtkWidget *view = gtk_window_get_child (GTK_WINDOW (window));
  GListModel *controllers = gtk_widget_observe_controllers (view);
  gboolean handled = FALSE;

  /* The presentation view's key bindings, as a clicker's key reaches them. */
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)) && !handled; j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            handled = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                                    view, gtk_shortcut_get_arguments (shortcut));
        }
    }

  g_object_unref (controllers);
  return handled;
}

/* A story without briefings is presented event by event, in time order. */
static void
test_presentation_without_briefings (void)
{
  g_autofree char *dir = g_dir_make_tmp ("meridian-events-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "story.json", NULL);
  g_autoptr(GError) error = NULL;
  const char *story =
    "{ \"meridian\": 1, \"events\": [\n"
    "  { \"id\": \"late\", \"title\": \"Late\", \"start\": \"2016-12-15\" },\n"
    "  { \"id\": \"early\", \"title\": \"Early\", \"start\": \"1855\" },\n"
    "  { \"id\": \"middle\", \"title\": \"Middle\", \"start\": \"1956-10\" }\n"
    "] }\n";
  static const char * const order[] = { "early", "middle", "late" };
  MerPresentation *presentation;
  MerWindow *window;

  if (!require_display ())
    return;

  g_assert_true (g_file_set_contents (path, story, -1, &error));
  g_assert_no_error (error);
  window = mer_window_new (NULL);
  g_assert_true (mer_window_open_path (window, path));
  gtk_window_present (GTK_WINDOW (window));
  wait_until_mapped (GTK_WIDGET (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", "s", ""));
  presentation = mer_window_get_presentation (window);
  g_assert_nonnull (presentation);
  g_assert_cmpuint (mer_presentation_get_n_slides (presentation), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      if (i > 0)
        g_assert_true (mer_presentation_next (presentation));
      g_assert_cmpstr (mer_event_get_id (mer_state_get_selected_event (mer_window_get_state (window))), ==, order[i]);
    }

  mer_window_stop_presenting (window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

/* Clickers send Page Down and Page Up; digits then Enter jump; Esc leaves. */
static void
test_presentation_keys (void)
{
  MerWindow *window;
  MerPresentation *presentation;

  if (!require_display ())
    return;

  window = show_story ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", "s", ""));
  presentation = mer_window_get_presentation (window);
  g_assert_cmpuint (mer_presentation_get_index (presentation), ==, 0);

  g_assert_true (press_key (GTK_WIDGET (window), GDK_KEY_Page_Down));
  g_assert_true (press_key (GTK_WIDGET (window), GDK_KEY_Page_Down));
  g_assert_cmpuint (mer_presentation_get_index (presentation), ==, 2);
  g_assert_true (press_key (GTK_WIDGET (window), GDK_KEY_Page_Up));
  g_assert_cmpuint (mer_presentation_get_index (presentation), ==, 1);
  g_assert_true (press_key (GTK_WIDGET (window), GDK_KEY_space));
  g_assert_cmpuint (mer_presentation_get_index (presentation), ==, 2);

  g_assert_true (press_key (GTK_WIDGET (window), GDK_KEY_1));
  g_assert_true (press_key (GTK_WIDGET (window), GDK_KEY_0));
  g_assert_true (press_key (GTK_WIDGET (window), GDK_KEY_Return));
  g_assert_cmpuint (mer_presentation_get_index (presentation), ==, 9);

  g_assert_true (press_key (GTK_WIDGET (window), GDK_KEY_End));
  g_assert_cmpuint (mer_presentation_get_index (presentation), ==, mer_presentation_get_n_slides (presentation) - 1);
  g_assert_true (press_key (GTK_WIDGET (window), GDK_KEY_Home));
  g_assert_cmpuint (mer_presentation_get_index (presentation), ==, 0);

  g_assert_true (press_key (GTK_WIDGET (window), GDK_KEY_Escape));
  g_assert_null (mer_window_get_presentation (window));
  g_assert_false (press_key (GTK_WIDGET (window), GDK_KEY_Page_Down));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* "Add Slide from View" captures the view, the selection and the time
 * window; saving writes it into the file, which is read again. */
/* The caption or notes entry of the Slides panel that has the focus. */
static GtkWidget *
focused_entry (MerWindow *window)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (window));

  return focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY) : NULL;
}

static void
test_add_slide_and_save (void)
{
  g_autofree char *dir = g_dir_make_tmp ("meridian-slides-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "story.json", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *copy = g_strdup_printf ("cp -r %s/data/events/regions %s/data/events/russia-japan.json %s",
                                           SRCDIR, SRCDIR, dir);
  g_autofree char *rename = g_strdup_printf ("mv %s/russia-japan.json %s", dir, path);
  g_autofree char *cleanup = g_strdup_printf ("rm -rf %s", dir);
  MerWindow *window;
  MerSlidesPanel *panel;
  MerBriefingEditor *editor;
  MerBriefing *briefing;
  MerSlide *slide;
  GtkWindow *question;
  GtkWidget *entry;
  MerView view = { 44.2, 146.4, 7 };
  MerDate start, end;

  if (!require_display ())
    return;

  g_assert_true (g_spawn_command_line_sync (copy, NULL, NULL, NULL, NULL));
  g_assert_true (g_spawn_command_line_sync (rename, NULL, NULL, NULL, NULL));

  window = mer_window_new (NULL);
  g_assert_true (mer_window_open_path (window, path));
  gtk_window_present (GTK_WINDOW (window));
  wait_until_mapped (GTK_WIDGET (window));

  mer_state_set_selected_event (mer_window_get_state (window), lookup_event (window, "joint-economic-activity"));
  mer_map_widget_go_to (mer_window_get_map (window), &view, FALSE);
  g_assert_true (mer_date_parse ("2016-12-01", &start, NULL));
  g_assert_true (mer_date_parse ("2016-12-31", &end, NULL));
  mer_state_set_time_window (mer_window_get_state (window), mer_date_first_second (&start), mer_date_last_second (&end));
  run_main_loop_for (50);

  panel = mer_window_get_slides_panel (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-slides", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "slides.add", NULL));
  editor = mer_slides_panel_get_editor (panel);
  g_assert_cmpuint (mer_briefing_editor_get_n_slides (editor), ==, 13);

  /* The new slide's caption takes the focus, ready to be typed. */
  run_main_loop_for (50);
  entry = focused_entry (window);
  g_assert_nonnull (entry);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "index")), ==, 12);
  g_assert_false (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "notes")));

  /* Typing the caption, then Tab to the notes: the caption is kept and the
   * focus stays on the notes though the rows are made again. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "Joint economic activity on the islands");
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
  run_main_loop_for (50);
  g_assert_cmpstr (mer_briefing_editor_get_slide (editor, 12)->caption, ==, "Joint economic activity on the islands");
  entry = focused_entry (window);
  g_assert_nonnull (entry);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "index")), ==, 12);
  g_assert_true (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "notes")));
  g_assert_true (mer_briefing_editor_is_dirty (editor));

  /* Opening another file first asks about the unsaved slide; Cancel keeps it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open", NULL));
  question = find_toplevel (GTK_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (question);
  g_assert_true (gtk_window_get_transient_for (question) == GTK_WINDOW (window));
  gtk_dialog_response (GTK_DIALOG (question), GTK_RESPONSE_CANCEL);
  g_assert_cmpuint (mer_briefing_editor_get_n_slides (editor), ==, 13);
  g_assert_true (mer_briefing_editor_is_dirty (editor));

  /* The window's Ctrl+Z and Ctrl+Shift+Z reach the slides wherever the focus is. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_null (mer_briefing_editor_get_slide (editor, 12)->caption);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpstr (mer_briefing_editor_get_slide (editor, 12)->caption, ==, "Joint economic activity on the islands");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-briefing", NULL));
  run_main_loop_for (50);
  g_assert_false (mer_briefing_editor_is_dirty (mer_slides_panel_get_editor (panel)));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));

  briefing = mer_document_lookup_briefing (mer_window_get_document (window), "reconciliation");
  g_assert_cmpuint (mer_briefing_get_n_slides (briefing), ==, 13);
  slide = mer_briefing_get_slide (briefing, 12);
  g_assert_cmpstr (mer_event_get_id (mer_slide_get_event (slide)), ==, "joint-economic-activity");
  g_assert_cmpstr (mer_slide_get_caption (slide), ==, "Joint economic activity on the islands");
  g_assert_cmpfloat_with_epsilon (mer_slide_get_view (slide)->zoom, 7, 0.01);
  g_assert_true (mer_slide_get_time (slide, &start, &end));
  g_assert_cmpint (start.day, ==, 1);
  g_assert_cmpint (end.day, ==, 31);

  gtk_window_destroy (GTK_WINDOW (window));
  g_spawn_command_line_sync (cleanup, NULL, NULL, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache = g_dir_make_tmp ("meridian-cache-XXXXXX", NULL);
  g_autofree char *remove_cache = g_strdup_printf ("rm -rf %s", cache);
  int status;

  /* A cache of our own, to tell whether anything is written to it. */
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);

  g_test_init (&argc, &argv, NULL);
  have_display = gtk_init_check ();
  /* Moves are instant, so that the tests need not wait for animations. */
  if (have_display)
    {
      g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

      g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
      /* The application's style, so that the caption card has its real size. */
      gtk_css_provider_load_from_resource (css, "/org/meridian/Meridian/style.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }

  g_test_add_func ("/app/window/shows-bundled-story", test_shows_bundled_story);
  g_test_add_func ("/app/window/failed-open-keeps-document", test_failed_open_keeps_document);
  g_test_add_func ("/app/window/map-shows-kurils", test_map_shows_kurils);
  g_test_add_func ("/app/window/map-click-and-hover", test_map_click_and_hover);
  g_test_add_func ("/app/window/map-keyboard", test_map_keyboard);
  g_test_add_func ("/app/window/online-layer-off-by-default", test_online_layer_off_by_default);
  g_test_add_func ("/app/window/timeline-selection-moves-map", test_timeline_selection_moves_map);
  g_test_add_func ("/app/window/map-click-selects-on-timeline", test_map_click_selects_on_timeline);
  g_test_add_func ("/app/window/time-window-hides-markers", test_time_window_hides_markers);
  g_test_add_func ("/app/window/search-filters-both-views", test_search_filters_both_views);
  g_test_add_func ("/app/window/open-in-background", test_open_in_background);
  g_test_add_func ("/app/window/details-panel", test_details_panel);
  g_test_add_func ("/app/window/playback-moves-window", test_playback_moves_window);
  g_test_add_func ("/app/window/export-dialog", test_export_dialog);
  g_test_add_func ("/app/window/presentation-follows-slides", test_presentation_follows_slides);
  g_test_add_func ("/app/window/presentation-keys", test_presentation_keys);
  g_test_add_func ("/app/window/presentation-without-briefings", test_presentation_without_briefings);
  g_test_add_func ("/app/window/add-slide-and-save", test_add_slide_and_save);

  status = g_test_run ();
  g_spawn_command_line_sync (remove_cache, NULL, NULL, NULL, NULL);
  return status;
}

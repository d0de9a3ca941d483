/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gdk/x11/gdkx.h>
#include <adwaita.h>
#include <gtk/gtk.h>

#include <math.h>
#include <shumate/shumate.h>

#include "mer-cli.h"
#include "mer-overlay-layer.h"
#include "mer-window.h"
#include "window-test-utils.h"

/* Drives the map with real pointer and key events: xdotool sends them to
 * the X server under Xvfb and they reach the map's controllers as a user's
 * would. Without an X display the tests cannot run: exit 77, skipped. */

static MerWindow *
show_story (void)
{
  g_autofree char *story = mer_cli_find_bundled_story ();
  MerWindow *window = mer_window_new (NULL);

  g_assert_true (mer_window_open_path (window, story));
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  return window;
}

static gboolean
has_selection (gpointer data)
{
  return mer_state_get_selected_event (data) != NULL;
}

static gboolean
has_no_selection (gpointer data)
{
  return mer_state_get_selected_event (data) == NULL;
}

static void
run_main_loop_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

typedef gboolean (*Condition) (gpointer data);

/* Waits for @condition, failing after five seconds. */
static void
wait_for (Condition condition,
          gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
    }
  /* Let the events that follow land too. */
  run_main_loop_for (50);
}

static void
click_at (GtkWidget *widget,
          double     x,
          double     y,
          int        button)
{
  g_autofree char *args = NULL;
  int sx, sy;

  to_surface (widget, x, y, &sx, &sy);
  args = g_strdup_printf ("mousemove --window %% %d %d sleep 0.1 click %d", sx, sy, button);
  xdotool (widget, args);
}

/* Presses at (@x, @y), moves to (@x + @dx, @y + @dy) in steps, releases. */
static void
drag (GtkWidget *widget,
      double     x,
      double     y,
      double     dx,
      double     dy)
{
  g_autoptr(GString) args = g_string_new (NULL);
  int sx, sy;

  to_surface (widget, x, y, &sx, &sy);
  g_string_append_printf (args, "mousemove --window %% %d %d sleep 0.1 mousedown 1", sx, sy);
  for (int step = 1; step <= 8; step++)
    g_string_append_printf (args, " sleep 0.03 mousemove --window %% %d %d",
                            sx + (int) round (dx * step / 8), sy + (int) round (dy * step / 8));
  g_string_append (args, " sleep 0.1 mouseup 1");
  xdotool (widget, args->str);
}

static gboolean
is_button_with_action (GtkWidget  *widget,
                       const char *action)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (g_object_get_data (G_OBJECT (widget), "mer-action"), action) == 0;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *action)
{
  if (is_button_with_action (root, action))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, action);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct {
  MerMapWidget *map;
  double        lat, lon, zoom;
} ViewChange;

static gboolean
view_moved (gpointer data)
{
  ViewChange *change = data;
  MerMapView view;

  mer_map_widget_get_map_view (change->map, &view);
  return view.lat != change->lat || view.lon != change->lon || view.zoom != change->zoom;
}

static void
wait_for_move (MerMapWidget *map)
{
  MerMapView view;
  ViewChange change = { map };

  mer_map_widget_get_map_view (map, &view);
  change.lat = view.lat;
  change.lon = view.lon;
  change.zoom = view.zoom;
  wait_for (view_moved, &change);
}

/* Dragging the map after selecting an event and filtering by a region pans
 * the map, with the point under the pointer following it, and keeps the
 * selection, the details and the filter. */
static void
test_drag_keeps_selection (void)
{
  MerWindow *window = show_story ();
  MerMapWidget *map = mer_window_get_map (window);
  GtkWidget *inner = mer_map_widget_get_map (map);
  MerState *state = mer_window_get_state (window);
  MerDocument *document = mer_window_get_document (window);
  MerEvent *medvedev = mer_document_lookup_event (document, "medvedev-kunashir");
  MerRegion *kurils = mer_document_lookup_region (document, "southern-kurils");
  MerMapView before, after;
  double lat, lon, x, y;

  mer_state_set_filter_region (state, kurils);
  mer_state_set_selected_event (state, medvedev);
  run_main_loop_for (100);

  /* From a point of open map, off the markers, by (150, 80). */
  mer_map_widget_get_map_view (map, &before);
  x = before.width / 2 - 200;
  y = before.height / 2 + 60;
  mer_map_view_point_to_location (&before, x, y, &lat, &lon);
  drag (inner, x, y, 150, 80);
  wait_for_move (map);
  run_main_loop_for (200);

  g_assert_true (mer_state_get_selected_event (state) == medvedev);
  g_assert_true (mer_state_get_filter_region (state) == kurils);

  mer_map_widget_get_map_view (map, &after);
  g_assert_cmpfloat (after.zoom, ==, before.zoom);
  mer_map_view_location_to_point (&after, lat, lon, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, before.width / 2 - 200 + 150, 1.5);
  g_assert_cmpfloat_with_epsilon (y, before.height / 2 + 60 + 80, 1.5);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A click that stays put still selects: a marker selects its event, open
 * sea clears the selection. */
static void
test_click_selects (void)
{
  MerWindow *window = show_story ();
  MerMapWidget *map = mer_window_get_map (window);
  GtkWidget *inner = mer_map_widget_get_map (map);
  MerState *state = mer_window_get_state (window);
  MerEvent *summit = mer_document_lookup_event (mer_window_get_document (window), "nagato-summit");
  MerView nagato = { 34.37, 131.18, 7 };
  MerMapView view;
  double x, y;

  mer_map_widget_go_to (map, &nagato, FALSE);
  run_main_loop_for (100);
  mer_map_widget_get_map_view (map, &view);
  mer_map_view_location_to_point (&view, 34.37, 131.18, &x, &y);
  click_at (inner, x, y, 1);
  wait_for (has_selection, state);
  g_assert_true (mer_state_get_selected_event (state) == summit);

  /* The Sea of Japan, north of Nagato. */
  mer_map_widget_get_map_view (map, &view);
  mer_map_view_location_to_point (&view, 36.3, 132.0, &x, &y);
  g_assert_cmpfloat (y, >, 10);
  click_at (inner, x, y, 1);
  wait_for (has_no_selection, state);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The zoom buttons are enabled and zoom by a level. */
static void
test_zoom_buttons (void)
{
  MerWindow *window = show_story ();
  MerMapWidget *map = mer_window_get_map (window);
  GtkWidget *zoom_in = find_button (GTK_WIDGET (map), "map.zoom-in");
  GtkWidget *zoom_out = find_button (GTK_WIDGET (map), "map.zoom-out");
  MerView start = { 45.0, 145.0, 5 };
  MerMapView view;

  g_assert_nonnull (zoom_in);
  g_assert_nonnull (zoom_out);
  mer_map_widget_go_to (map, &start, FALSE);
  run_main_loop_for (100);
  g_assert_true (gtk_widget_is_sensitive (zoom_in));
  g_assert_true (gtk_widget_is_sensitive (zoom_out));

  click_at (zoom_in, gtk_widget_get_width (zoom_in) / 2.0, gtk_widget_get_height (zoom_in) / 2.0, 1);
  wait_for_move (map);
  mer_map_widget_get_map_view (map, &view);
  g_assert_cmpfloat_with_epsilon (view.zoom, 6, 1e-9);

  click_at (zoom_out, gtk_widget_get_width (zoom_out) / 2.0, gtk_widget_get_height (zoom_out) / 2.0, 1);
  wait_for_move (map);
  click_at (zoom_out, gtk_widget_get_width (zoom_out) / 2.0, gtk_widget_get_height (zoom_out) / 2.0, 1);
  wait_for_move (map);
  mer_map_widget_get_map_view (map, &view);
  g_assert_cmpfloat_with_epsilon (view.zoom, 4, 1e-9);
  g_assert_cmpfloat_with_epsilon (view.lat, 45.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (view.lon, 145.0, 1e-6);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
assert_clear_of (GtkWidget *control,
                 GtkWidget *map)
{
  graphene_rect_t a, b;

  g_assert_true (gtk_widget_compute_bounds (control, GTK_WIDGET (gtk_widget_get_root (map)), &a));
  g_assert_true (gtk_widget_compute_bounds (map, GTK_WIDGET (gtk_widget_get_root (map)), &b));
  g_assert_cmpfloat (a.size.width, >, 0);
  g_assert_false (graphene_rect_intersection (&a, &b, NULL));
}

/* No control lies over the map: a marker in the bottom-left corner, where
 * the scale bar used to be, takes its click. */
static void
test_controls_clear_of_markers (void)
{
  MerWindow *window = show_story ();
  MerMapWidget *map = mer_window_get_map (window);
  GtkWidget *inner = mer_map_widget_get_map (map);
  MerState *state = mer_window_get_state (window);
  MerEvent *summit = mer_document_lookup_event (mer_window_get_document (window), "nagato-summit");
  const char *actions[] = { "map.zoom-in", "map.zoom-out", "map.back", "map.forward", "map.fit-story" };
  MerMapView view;
  MerView corner;
  double x, y;

  assert_clear_of (find_type (GTK_WIDGET (map), SHUMATE_TYPE_SCALE), inner);
  assert_clear_of (find_type (GTK_WIDGET (map), SHUMATE_TYPE_LICENSE), inner);
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    assert_clear_of (find_button (GTK_WIDGET (map), actions[i]), inner);

  /* Nagato 20 pixels from the left and 14 from the bottom. */
  mer_map_widget_get_map_view (map, &view);
  view.zoom = 7;
  view.lat = 34.37;
  view.lon = 131.18;
  /* Centred where, seen from Nagato, the top-right corner's mirror is. */
  mer_map_view_point_to_location (&view, view.width - 20, 14, &corner.lat, &corner.lon);
  corner.zoom = 7;
  mer_map_widget_go_to (map, &corner, FALSE);
  run_main_loop_for (100);
  mer_map_widget_get_map_view (map, &view);
  mer_map_view_location_to_point (&view, 34.37, 131.18, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 20, 2);
  g_assert_cmpfloat_with_epsilon (y, view.height - 14, 2);

  click_at (inner, x, y, 1);
  wait_for (has_selection, state);
  g_assert_true (mer_state_get_selected_event (state) == summit);

  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct {
  MerState *state;
  MerEvent *event;
} Selection;

static gboolean
is_selected (gpointer data)
{
  Selection *selection = data;

  return mer_state_get_selected_event (selection->state) == selection->event;
}

static gboolean
is_sensitive (gpointer data)
{
  return gtk_widget_is_sensitive (data);
}

static void
assert_view (MerMapWidget  *map,
             const MerView *expected)
{
  MerMapView view;

  mer_map_widget_get_map_view (map, &view);
  g_assert_cmpfloat_with_epsilon (view.lat, expected->lat, 1e-6);
  g_assert_cmpfloat_with_epsilon (view.lon, expected->lon, 1e-6);
  g_assert_cmpfloat_with_epsilon (view.zoom, expected->zoom, 1e-6);
}

static void
get_view (MerMapWidget *map,
          MerView      *view)
{
  MerMapView map_view;

  mer_map_widget_get_map_view (map, &map_view);
  *view = (MerView) { map_view.lat, map_view.lon, map_view.zoom };
}

/* Back and forward step through the views, selections and filters the user
 * went through: Alt+Left, the Forward button, the mouse's back button. */
static void
test_back_and_forward (void)
{
  MerWindow *window = show_story ();
  MerMapWidget *map = mer_window_get_map (window);
  GtkWidget *inner = mer_map_widget_get_map (map);
  GtkWidget *back = find_button (GTK_WIDGET (map), "map.back");
  GtkWidget *forward = find_button (GTK_WIDGET (map), "map.forward");
  MerState *state = mer_window_get_state (window);
  MerDocument *document = mer_window_get_document (window);
  MerRegion *kurils = mer_document_lookup_region (document, "southern-kurils");
  Selection summit = { state, mer_document_lookup_event (document, "nagato-summit") };
  Selection medvedev = { state, mer_document_lookup_event (document, "medvedev-kunashir") };
  MerView at_summit, at_medvedev;

  /* The story as it opened is the first entry. */
  g_assert_false (gtk_widget_is_sensitive (back));
  g_assert_false (gtk_widget_is_sensitive (forward));

  mer_state_set_selected_event (state, summit.event);
  wait_for (is_sensitive, back);
  get_view (map, &at_summit);

  /* Going back at once still records where the user was. */
  mer_state_set_filter_region (state, kurils);
  mer_state_set_selected_event (state, medvedev.event);
  get_view (map, &at_medvedev);

  /* Alt+Left, with the pointer over the map. */
  xdotool (inner, "mousemove --window % 100 100 sleep 0.1 key alt+Left");
  wait_for (is_selected, &summit);
  g_assert_null (mer_state_get_filter_region (state));
  assert_view (map, &at_summit);
  g_assert_true (gtk_widget_is_sensitive (forward));

  click_at (forward, gtk_widget_get_width (forward) / 2.0, gtk_widget_get_height (forward) / 2.0, 1);
  wait_for (is_selected, &medvedev);
  g_assert_true (mer_state_get_filter_region (state) == kurils);
  assert_view (map, &at_medvedev);
  g_assert_false (gtk_widget_is_sensitive (forward));

  /* The mouse's back button (8) on the map, its forward button (9) on the
   * timeline. */
  click_at (inner, 100, 100, 8);
  wait_for (is_selected, &summit);
  assert_view (map, &at_summit);
  click_at (GTK_WIDGET (mer_window_get_timeline (window)), 100, 30, 9);
  wait_for (is_selected, &medvedev);
  assert_view (map, &at_medvedev);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_type (GtkWidget     *widget,
         gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data));
}

static gboolean
has_css_class (GtkWidget     *widget,
               gconstpointer  data)
{
  return gtk_widget_has_css_class (widget, data);
}

static void
assert_on_map (MerMapWidget *map,
               double        lat,
               double        lon)
{
  MerMapView view;
  double x, y;

  mer_map_widget_get_map_view (map, &view);
  mer_map_view_location_to_point (&view, lat, lon, &x, &y);
  if (x < 0)
    x += mer_map_view_get_world_size (&view);
  else if (x > view.width)
    x -= mer_map_view_get_world_size (&view);
  if (x < 0 || x > view.width || y < 0 || y > view.height)
    g_error ("%g, %g is at %g, %g, off a map of %g × %g", lat, lon, x, y, view.width, view.height);
}

/* A flight shows its event's places: the Treaty of Shimoda's own view, on
 * the Kurils, is widened to take Shimoda in; "Japan surrenders", one place
 * and no view of its own, lands at zoom 7 on Tokyo Bay, in the middle of
 * the map above the "Regions as of" chip; Fit Story shows every place of
 * the story. */
static void
test_flights_frame_events (void)
{
  MerWindow *window = show_story ();
  MerMapWidget *map = mer_window_get_map (window);
  MerState *state = mer_window_get_state (window);
  MerDocument *document = mer_window_get_document (window);
  GListModel *events = mer_document_get_events (document);
  GtkWidget *fit = find_button (GTK_WIDGET (map), "map.fit-story");
  MerView tokyo_bay = { 35.35, 139.75, 7 };
  GtkWidget *chip, *overlay;
  graphene_rect_t chip_bounds;
  MerMapView view;
  double x, y;

  mer_state_set_selected_event (state, mer_document_lookup_event (document, "treaty-of-shimoda"));
  run_main_loop_for (100);
  assert_on_map (map, 34.68, 138.94);
  /* What the view showed stays: Iturup. */
  assert_on_map (map, 45.0, 147.7);
  mer_map_widget_get_map_view (map, &view);
  g_assert_cmpfloat (view.zoom, <, 5);

  /* Centred in the map above the "Regions as of" chip, which it must not
   * land under. */
  mer_state_set_selected_event (state, mer_document_lookup_event (document, "japan-surrender"));
  run_main_loop_for (100);
  mer_map_widget_get_map_view (map, &view);
  g_assert_cmpfloat_with_epsilon (view.zoom, tokyo_bay.zoom, 1e-6);
  chip = find_widget (GTK_WIDGET (map), has_css_class, "map-as-of");
  g_assert_nonnull (chip);
  g_assert_true (gtk_widget_get_visible (chip));
  overlay = find_widget (GTK_WIDGET (map), is_type, GSIZE_TO_POINTER (MER_TYPE_OVERLAY_LAYER));
  g_assert_true (gtk_widget_compute_bounds (chip, overlay, &chip_bounds));
  g_assert_cmpfloat (chip_bounds.size.height, >, 10);
  mer_map_view_location_to_point (&view, tokyo_bay.lat, tokyo_bay.lon, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, view.width / 2, 1);
  g_assert_cmpfloat_with_epsilon (y, chip_bounds.origin.y / 2, 1);

  /* No event's place lands under the chip. */
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(MerEvent) event = g_list_model_get_item (events, i);
      guint n_places;
      const MerPlace *places = mer_event_get_places (event, &n_places);

      mer_state_set_selected_event (state, event);
      run_main_loop_for (20);
      mer_map_widget_get_map_view (map, &view);
      g_assert_true (gtk_widget_compute_bounds (chip, overlay, &chip_bounds));
      for (guint p = 0; p < n_places; p++)
        {
          mer_map_view_location_to_point (&view, places[p].lat, places[p].lon, &x, &y);
          if (x >= chip_bounds.origin.x && x <= chip_bounds.origin.x + chip_bounds.size.width && y >= chip_bounds.origin.y)
            g_error ("%s: %s at %g, %g is under the chip", mer_event_get_id (event), places[p].name, x, y);
        }
    }

  click_at (fit, gtk_widget_get_width (fit) / 2.0, gtk_widget_get_height (fit) / 2.0, 1);
  wait_for_move (map);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(MerEvent) event = g_list_model_get_item (events, i);
      const MerPlace *places;
      guint n_places;

      places = mer_event_get_places (event, &n_places);
      for (guint p = 0; p < n_places; p++)
        assert_on_map (map, places[p].lat, places[p].lon);
    }

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

  g_test_add_func ("/app/map-gestures/drag-keeps-selection", test_drag_keeps_selection);
  g_test_add_func ("/app/map-gestures/click-selects", test_click_selects);
  g_test_add_func ("/app/map-gestures/zoom-buttons", test_zoom_buttons);
  g_test_add_func ("/app/map-gestures/controls-clear-of-markers", test_controls_clear_of_markers);
  g_test_add_func ("/app/map-gestures/back-and-forward", test_back_and_forward);
  g_test_add_func ("/app/map-gestures/flights-frame-events", test_flights_frame_events);

  return g_test_run ();
}

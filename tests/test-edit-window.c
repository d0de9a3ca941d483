/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-edit-window"

#include "config.h"

#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <adwaita.h>
#include <gtk/gtk.h>

#include <math.h>
#include <signal.h>
#include <string.h>

#include "mer-diagnostic.h"
#include "mer-loader.h"
#include "mer-map-style.h"
#include "mer-region-picker.h"
#include "mer-window.h"
#include "window-test-utils.h"

/* Writing a story in the window, as a user does: an event added through
 * the editor and saved, a marker dragged, the context menus, New Story,
 * the question on closing, and the recovery of edits after a kill -9.
 * Pointer input goes through xdotool to the X server, as a user's would. */

static char *state_dir;

static char *
read_file (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* A copy of the bundled story, with its regions, in a new folder. */
static char *
copy_story (void)
{
  g_autofree char *dir = g_dir_make_tmp ("meridian-edit-window-XXXXXX", NULL);
  g_autofree char *command = g_strdup_printf ("cp -r %s/data/events/regions %s/data/events/russia-japan.json %s",
                                              SRCDIR, SRCDIR, dir);
  g_autofree char *from = g_build_filename (dir, "russia-japan.json", NULL);
  char *path = g_build_filename (dir, "story.json", NULL);

  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
  g_assert_true (g_rename (from, path) == 0);
  return path;
}

static void
remove_story (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *command = g_strdup_printf ("rm -rf %s", dir);

  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
}

static MerWindow *
open_window (const char *path)
{
  MerWindow *window = mer_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 820);
  if (path != NULL)
    g_assert_true (mer_window_open_path (window, path));
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frame (GTK_WIDGET (window));
  return window;
}

static gboolean
window_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
close_window (MerWindow *window)
{
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  wait_until (window_gone, &weak);
}

/* The field of the editor whose label says @label. */
static GtkWidget *
field (MerWindow  *window,
       const char *label)
{
  GtkWidget *found = find_label_with_text (GTK_WIDGET (mer_window_get_event_editor (window)), label);

  g_assert_nonnull (found);
  return gtk_label_get_mnemonic_widget (GTK_LABEL (found));
}

static gboolean
editor_shows_selected (gpointer data)
{
  MerWindow *window = data;
  MerEvent *event = mer_state_get_selected_event (mer_window_get_state (window));
  GtkWidget *label = find_label_with_text (GTK_WIDGET (mer_window_get_event_editor (window)), "Title");

  return event != NULL && label != NULL &&
         g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (gtk_label_get_mnemonic_widget (GTK_LABEL (label)))),
                    mer_event_get_title (event)) == 0;
}

static void
type_into (GtkWidget  *entry,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
is_visible_label (GtkWidget     *widget,
                  gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static MerEvent *
selected (MerWindow *window)
{
  return mer_state_get_selected_event (mer_window_get_state (window));
}

static gboolean
is_popover_menu (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_POPOVER_MENU (widget) && gtk_widget_get_visible (widget);
}

static gboolean
popover_shown (gpointer data)
{
  return find_widget (gtk_widget_get_parent (data), is_popover_menu, NULL) != NULL;
}

/* Right-clicks @widget at (@x, @y) and activates the first item of the
 * menu that opens. */
static void
context_menu (GtkWidget *widget,
              double     x,
              double     y)
{
  g_autofree char *args = NULL;
  g_autofree char *action = NULL;
  g_autoptr(GVariant) target = NULL;
  GtkWidget *popover;
  GMenuModel *model;
  int sx, sy;

  to_surface (widget, x, y, &sx, &sy);
  args = g_strdup_printf ("mousemove --window %% %d %d sleep 0.1 click 3", sx, sy);
  xdotool (widget, args);
  wait_until (popover_shown, widget);

  popover = find_widget (gtk_widget_get_parent (widget), is_popover_menu, NULL);
  model = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover));
  g_assert_true (g_menu_model_get_item_attribute (model, 0, G_MENU_ATTRIBUTE_ACTION, "s", &action));
  target = g_menu_model_get_item_attribute_value (model, 0, G_MENU_ATTRIBUTE_TARGET, NULL);
  g_assert_true (gtk_widget_activate_action_variant (popover, action, target));
  gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
test_add_event_and_save (void)
{
  g_autofree char *path = copy_story ();
  g_autofree char *before = read_file (path);
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MerDocument) saved = NULL;
  MerWindow *window = open_window (path);
  MerEdit *edit = mer_window_get_edit (window);
  MerView view = { 43.5, 142.5, 6 };
  MerView now;
  MerEvent *event;
  const MerPlace *places;
  guint n_places;
  GtkWidget *end;

  g_assert_nonnull (edit);
  mer_map_widget_go_to (mer_window_get_map (window), &view, FALSE);

  /* Right-click on the map: "New Event Here" at the point clicked. */
  {
    MerMapView map_view;
    double lat, lon;

    mer_map_widget_get_map_view (mer_window_get_map (window), &map_view);
    context_menu (GTK_WIDGET (mer_window_get_map (window)), map_view.width / 2 + 40, map_view.height / 2);
    mer_map_view_point_to_location (&map_view, map_view.width / 2 + 40, map_view.height / 2, &lat, &lon);
    event = selected (window);
    g_assert_nonnull (event);
    g_assert_cmpstr (mer_event_get_title (event), ==, "New event");
    places = mer_event_get_places (event, &n_places);
    g_assert_cmpuint (n_places, ==, 1);
    /* To the pixel: at zoom 6 a pixel is 0.022° of longitude. */
    g_assert_cmpfloat_with_epsilon (places[0].lat, lat, 0.03);
    g_assert_cmpfloat_with_epsilon (places[0].lon, lon, 0.03);
  }

  /* The title is focused, ready to be typed over. */
  wait_until (editor_shows_selected, window);
  g_assert_true (gtk_widget_has_focus (gtk_window_get_focus (GTK_WINDOW (window))) &&
                 gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (window)), field (window, "Title")));
  type_into (field (window, "Title"), "Abe visits Sapporo");
  type_into (field (window, "Start"), "2016-02-27");

  /* A day that does not exist is refused in its field, with the reason. */
  end = field (window, "End");
  type_into (end, "2016-02-30");
  g_assert_nonnull (find_widget (GTK_WIDGET (mer_window_get_event_editor (window)), is_visible_label,
                                 "“2016-02-30” is not a valid date (February 2016 has 29 days)."));
  g_assert_true (gtk_widget_has_css_class (end, "error"));
  g_assert_null (mer_event_get_end (selected (window)));
  type_into (end, "2016-02-26");
  g_assert_nonnull (find_widget (GTK_WIDGET (mer_window_get_event_editor (window)), is_visible_label,
                                 "The end, 2016-02-26, is before the start, 2016-02-27."));
  type_into (end, "2016-02-29");
  g_assert_false (gtk_widget_has_css_class (end, "error"));
  type_into (field (window, "Date in words"), "Late February 2016");
  g_assert_cmpstr (mer_event_get_date_label (selected (window)), ==, "Late February 2016");

  wait_until (editor_shows_selected, window);
  g_assert_cmpstr (mer_event_get_title (selected (window)), ==, "Abe visits Sapporo");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Russia and Japan");

  /* Saved: the file has the event; the view, the selection and the
   * history stay. */
  mer_map_widget_get_target_view (mer_window_get_map (window), &view);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_false (mer_edit_is_dirty (edit));
  g_assert_true (mer_window_get_edit (window) == edit);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Russia and Japan");
  g_assert_cmpstr (mer_event_get_id (selected (window)), ==, "new-event");
  g_assert_true (mer_edit_can_undo (edit));
  mer_map_widget_get_target_view (mer_window_get_map (window), &now);
  g_assert_cmpfloat (now.lat, ==, view.lat);
  g_assert_cmpfloat (now.lon, ==, view.lon);
  g_assert_cmpfloat (now.zoom, ==, view.zoom);

  after = read_file (path);
  g_assert_nonnull (strstr (after,
                            "    {\n"
                            "      \"id\": \"new-event\",\n"
                            "      \"title\": \"Abe visits Sapporo\",\n"
                            "      \"start\": \"2016-02-27\",\n"
                            "      \"end\": \"2016-02-29\",\n"
                            "      \"date_label\": \"Late February 2016\",\n"
                            "      \"places\": [\n"
                            "        {\n"
                            "          \"name\": \"New place\",\n"));
  /* Nothing else changed: the file is the old one with the event in. */
  g_assert_cmpuint (strlen (after), >, strlen (before));
  saved = mer_loader_load_file (path, NULL, diagnostics, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (mer_document_get_events (saved)), ==, 67);
  g_assert_nonnull (mer_document_lookup_event (saved, "new-event"));

  /* Ctrl+Z from the timeline undoes the last edit of the story. */
  gtk_widget_grab_focus (GTK_WIDGET (mer_window_get_timeline (window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (mer_window_get_timeline (window)), "win.undo", NULL));
  g_assert_null (mer_event_get_date_label (selected (window)));
  g_assert_nonnull (mer_event_get_end (selected (window)));
  g_assert_true (mer_edit_is_dirty (edit));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_false (mer_edit_is_dirty (edit));

  /* Deleted from the editor, and back with undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-event", NULL));
  g_assert_null (mer_document_lookup_event (mer_window_get_document (window), "new-event"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_nonnull (mer_document_lookup_event (mer_window_get_document (window), "new-event"));

  close_window (window);
  remove_story (path);
}

static gboolean
has_placeholder (GtkWidget     *widget,
                 gconstpointer  text)
{
  return GTK_IS_ENTRY (widget) && g_strcmp0 (gtk_entry_get_placeholder_text (GTK_ENTRY (widget)), text) == 0;
}

static gboolean
is_closed_expander (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_EXPANDER (widget) && !gtk_expander_get_expanded (GTK_EXPANDER (widget));
}

/* The first entry of the editor showing @text when empty. */
static GtkWidget *
entry_with_placeholder (MerWindow  *window,
                        const char *text)
{
  GtkWidget *found = find_widget (GTK_WIDGET (mer_window_get_event_editor (window)), has_placeholder, text);

  g_assert_nonnull (found);
  return found;
}

static gboolean
place_moved (gpointer data)
{
  MerWindow *window = data;
  guint n_places;
  const MerPlace *places = mer_event_get_places (selected (window), &n_places);

  return places[0].lat != 34.37;
}

/* Where the dragged marker should be shown, in the map's pixels. */
static double moving_to_x, moving_to_y;

static gboolean
marker_shown_moving (gpointer data)
{
  MerWindow *window = data;
  MerDrawLayer *layer = mer_window_get_draw_layer (window);
  graphene_point_t at;
  double mx, my;

  return mer_draw_layer_get_moving (layer, &mx, &my) &&
         gtk_widget_compute_point (GTK_WIDGET (layer), GTK_WIDGET (mer_window_get_map (window)),
                                   &GRAPHENE_POINT_INIT (mx, my), &at) &&
         fabs (at.x - moving_to_x) <= 1 && fabs (at.y - moving_to_y) <= 1;
}

/* The editor is filled when it is shown: a selection made with the
 * details in view leaves its fields as they were, and clicking Edit shows
 * the selected event. */
static void
test_editor_filled_when_shown (void)
{
  g_autofree char *path = copy_story ();
  MerWindow *window = open_window (path);
  GListModel *events = mer_document_get_events (mer_window_get_document (window));
  g_autoptr(MerEvent) first = g_list_model_get_item (events, 0);
  g_autoptr(MerEvent) second = g_list_model_get_item (events, 1);
  GtkWidget *edit_button = find_widget (GTK_WIDGET (window), is_button_labelled, "Edit");
  GtkWidget *details_button = find_widget (GTK_WIDGET (window), is_button_labelled, "Details");
  GtkWidget *editor = GTK_WIDGET (mer_window_get_event_editor (window));

  g_assert_nonnull (edit_button);
  g_assert_nonnull (details_button);
  g_assert_false (gtk_widget_get_mapped (editor));

  /* Hidden, then shown: filled at once. */
  mer_state_set_selected_event (mer_window_get_state (window), first);
  wait_for_frame (GTK_WIDGET (window));
  g_signal_emit_by_name (edit_button, "clicked");
  g_assert_true (gtk_widget_get_mapped (editor));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (window, "Title"))), ==, mer_event_get_title (first));

  /* Shown, it follows the selection. */
  mer_state_set_selected_event (mer_window_get_state (window), second);
  wait_until (editor_shows_selected, window);

  /* Hidden again, it keeps the event it showed until it is shown. */
  g_signal_emit_by_name (details_button, "clicked");
  g_assert_false (gtk_widget_get_mapped (editor));
  mer_state_set_selected_event (mer_window_get_state (window), first);
  wait_for_frame (GTK_WIDGET (window));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (window, "Title"))), ==, mer_event_get_title (second));
  g_signal_emit_by_name (edit_button, "clicked");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (window, "Title"))), ==, mer_event_get_title (first));

  close_window (window);
  remove_story (path);
}

static void
test_drag_marker_and_timeline_menu (void)
{
  g_autofree char *path = copy_story ();
  MerWindow *window = open_window (path);
  MerMapWidget *map = mer_window_get_map (window);
  MerTimeline *timeline = mer_window_get_timeline (window);
  MerDocument *document = mer_window_get_document (window);
  MerView view = { 34.37, 131.18, 7 };
  g_autofree char *args = NULL;
  g_autofree char *start = NULL;
  MerMapView map_view;
  double x, y, lat, lon, seconds;
  const MerPlace *places;
  guint n_places;
  int sx, sy;

  /* The Nagato summit's first place, Nagato, at the centre of the map. */
  mer_state_set_selected_event (mer_window_get_state (window), mer_document_lookup_event (document, "nagato-summit"));
  mer_map_widget_go_to (map, &view, FALSE);
  wait_for_frame (GTK_WIDGET (map));
  mer_map_widget_get_map_view (map, &map_view);
  mer_map_view_location_to_point (&map_view, 34.37, 131.18, &x, &y);

  to_surface (GTK_WIDGET (map), x, y, &sx, &sy);
  args = g_strdup_printf ("mousemove --window %% %d %d sleep 0.1 mousedown 1 "
                          "sleep 0.05 mousemove --window %% %d %d sleep 0.05 mousemove --window %% %d %d "
                          "sleep 0.05 mousemove --window %% %d %d",
                          sx, sy, sx + 10, sy + 10, sx + 40, sy + 30, sx + 60, sy + 40);
  xdotool (GTK_WIDGET (map), args);

  /* While the button is down, the marker is shown under the pointer and the
   * place has not moved yet. */
  moving_to_x = x + 60;
  moving_to_y = y + 40;
  wait_until (marker_shown_moving, window);
  g_assert_false (place_moved (window));

  xdotool (GTK_WIDGET (map), "sleep 0.1 mouseup 1");
  wait_until (place_moved, window);
  g_assert_false (mer_draw_layer_get_moving (mer_window_get_draw_layer (window), NULL, NULL));

  /* Where the pointer let go, on the map as it is now. */
  mer_map_widget_get_map_view (map, &map_view);
  mer_map_view_point_to_location (&map_view, x + 60, y + 40, &lat, &lon);
  places = mer_event_get_places (selected (window), &n_places);
  g_assert_cmpuint (n_places, ==, 2);
  g_assert_cmpfloat_with_epsilon (places[0].lat, lat, 0.02);
  g_assert_cmpfloat_with_epsilon (places[0].lon, lon, 0.02);
  g_assert_cmpstr (mer_edit_get_undo_label (mer_window_get_edit (window)), ==, "Move Place");

  /* Right-click on the timeline: a new event on the day under the pointer. */
  seconds = mer_timeline_viewport_x_to_time (mer_timeline_get_viewport (timeline), 200);
  context_menu (GTK_WIDGET (timeline), 200, 40);
  start = mer_date_to_iso (mer_event_get_start (selected (window)));
  {
    MerDate expected;
    g_autofree char *expected_text = NULL;

    mer_date_from_second ((gint64) floor (seconds), &expected);
    expected.precision = MER_DATE_PRECISION_DAY;
    expected.hour = expected.minute = expected.second = 0;
    expected_text = mer_date_to_iso (&expected);
    g_assert_cmpstr (start, ==, expected_text);
  }
  g_assert_null (mer_event_get_places (selected (window), &n_places));
  g_assert_cmpuint (n_places, ==, 0);

  /* A region's names in other languages and its status, from its row. */
  {
    GtkWidget *expander;
    GtkWidget *names;
    MerRegion *region;
    const MerName *written;
    guint n_names;

    while ((expander = find_widget (GTK_WIDGET (mer_window_get_event_editor (window)), is_closed_expander, NULL)))
      gtk_expander_set_expanded (GTK_EXPANDER (expander), TRUE);
    names = entry_with_placeholder (window, "Names in other languages (ja: …; ru: …)");
    type_into (names, "ja: 千島列島; ru: Курилы");
    region = g_list_model_get_item (mer_document_get_regions (mer_window_get_document (window)), 0);
    written = mer_region_get_names (region, &n_names);
    g_assert_cmpuint (n_names, ==, 2);
    g_assert_cmpstr (written[0].lang, ==, "ja");
    g_assert_cmpstr (written[0].text, ==, "千島列島");
    g_assert_cmpstr (written[1].text, ==, "Курилы");
    g_object_unref (region);

    type_into (names, "Курилы");
    g_assert_nonnull (find_widget (GTK_WIDGET (mer_window_get_event_editor (window)), is_visible_label,
                                   "“Курилы” has no language: write it as “ja: 北方領土”."));
  }

  close_window (window);
  remove_story (path);
}

static gboolean
era_listed (gpointer data)
{
  return g_list_model_get_n_items (mer_document_get_eras (mer_window_get_document (data))) == 1;
}

static gboolean
has_corners (gpointer data)
{
  const guint *expected = g_object_get_data (G_OBJECT (data), "expected-corners");

  return mer_draw_layer_get_n_vertices (mer_window_get_draw_layer (data)) == *expected;
}

static void
wait_for_corners (MerWindow *window,
                  guint      n)
{
  g_object_set_data (G_OBJECT (window), "expected-corners", &n);
  wait_until (has_corners, window);
}

static gboolean
region_added (gpointer data)
{
  return mer_document_lookup_region (mer_window_get_document (data), "new-region") != NULL;
}

static gboolean
focus_is_region_name (gpointer data)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (data));

  return GTK_IS_TEXT (focus) && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (focus)), "New region") == 0;
}

/* A region drawn on the map: a click for each corner, Backspace takes the
 * last back, a double-click closes it; Esc leaves without a region. */
static void
test_draw_region (void)
{
  g_autofree char *path = copy_story ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *geojson = g_build_filename (dir, "regions", "new-region.geojson", NULL);
  g_autofree char *written = NULL;
  g_autofree char *args = NULL;
  MerWindow *window = open_window (path);
  MerMapWidget *map = mer_window_get_map (window);
  MerDrawLayer *layer = mer_window_get_draw_layer (window);
  MerView view = { 44, 146, 7 };
  MerMapView map_view;
  MerRegion *region;
  int sx, sy;
  double corners[4][2] = { { -100, -60 }, { 100, -60 }, { 0, 80 }, { 50, 50 } };
  double lat[4], lon[4];

  mer_map_widget_go_to (map, &view, FALSE);
  wait_for_frame (GTK_WIDGET (map));
  mer_map_widget_get_map_view (map, &map_view);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.draw-region", NULL));
  g_assert_true (mer_draw_layer_get_active (layer));
  for (guint i = 0; i < 4; i++)
    {
      double x = map_view.width / 2 + corners[i][0], y = map_view.height / 2 + corners[i][1];

      mer_map_view_point_to_location (&map_view, x, y, &lat[i], &lon[i]);
      to_surface (GTK_WIDGET (map), x, y, &sx, &sy);
      g_clear_pointer (&args, g_free);
      args = g_strdup_printf ("mousemove --window %% %d %d sleep 0.05 click 1", sx, sy);
      xdotool (GTK_WIDGET (map), args);
      wait_for_corners (window, i + 1);
    }
  xdotool (GTK_WIDGET (map), "key --window % BackSpace");
  wait_for_corners (window, 3);
  /* Nothing is written until the polygon is closed. */
  g_assert_false (g_file_test (geojson, G_FILE_TEST_EXISTS));
  g_assert_null (mer_document_lookup_region (mer_window_get_document (window), "new-region"));

  /* A double-click where the fourth corner was puts it back, once, and
   * closes the polygon. */
  g_clear_pointer (&args, g_free);
  args = g_strdup_printf ("mousemove --window %% %d %d sleep 0.05 click --repeat 2 --delay 80 1", sx, sy);
  xdotool (GTK_WIDGET (map), args);
  wait_until (region_added, window);
  g_assert_false (mer_draw_layer_get_active (layer));
  region = mer_document_lookup_region (mer_window_get_document (window), "new-region");
  g_assert_true (mer_state_get_selected_region (mer_window_get_state (window)) == region);
  g_assert_cmpstr (mer_region_get_name (region), ==, "New region");
  g_assert_cmpstr (mer_region_get_geometry_path (region), ==, "regions/new-region.geojson");
  g_assert_cmpstr (mer_edit_get_undo_label (mer_window_get_edit (window)), ==, "Add Region");
  {
    guint n_points;
    const MerLonLat *points = mer_geometry_get_points (mer_region_get_geometry (region), &n_points);

    /* Four corners and the first again; to the pixel, 0.011° at zoom 7. */
    g_assert_cmpuint (n_points, ==, 5);
    for (guint i = 0; i < 4; i++)
      {
        g_assert_cmpfloat_with_epsilon (points[i].lat, lat[i], 0.012);
        g_assert_cmpfloat_with_epsilon (points[i].lon, lon[i], 0.012);
      }
    g_assert_true (points[4].lat == points[0].lat && points[4].lon == points[0].lon);
  }
  written = read_file (geojson);
  g_assert_true (g_str_has_prefix (written, "{\n  \"type\": \"Polygon\",\n  \"coordinates\": [\n    [["));

  /* Its name is focused, ready to be typed over. */
  wait_until (focus_is_region_name, window);
  type_into (gtk_widget_get_ancestor (gtk_window_get_focus (GTK_WINDOW (window)), GTK_TYPE_ENTRY),
             "Sea of Okhotsk coast");
  g_assert_cmpstr (mer_region_get_name (mer_document_lookup_region (mer_window_get_document (window), "new-region")),
                   ==, "Sea of Okhotsk coast");

  /* Esc leaves the drawing without a region. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.draw-region", NULL));
  to_surface (GTK_WIDGET (map), map_view.width / 2, map_view.height / 2, &sx, &sy);
  g_clear_pointer (&args, g_free);
  args = g_strdup_printf ("mousemove --window %% %d %d sleep 0.05 click 1", sx, sy);
  xdotool (GTK_WIDGET (map), args);
  wait_for_corners (window, 1);
  xdotool (GTK_WIDGET (map), "key --window % Escape");
  wait_for_corners (window, 0);
  g_assert_false (mer_draw_layer_get_active (layer));
  g_assert_cmpuint (g_list_model_get_n_items (mer_document_get_regions (mer_window_get_document (window))), ==, 10);

  /* Undone, the name and then the region leave the story. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_null (mer_document_lookup_region (mer_window_get_document (window), "new-region"));

  close_window (window);
  remove_story (path);
}

static gboolean
crimea_added (gpointer data)
{
  return mer_document_lookup_region (mer_window_get_document (data), "autonomous-republic-of-crimea") != NULL;
}

/* The map shows the region picked, wherever it was before. */
static gboolean
map_over_crimea (gpointer data)
{
  MerMapView view;

  mer_map_widget_get_map_view (mer_window_get_map (data), &view);
  return view.lat > 44.4 && view.lat < 46.2 && view.lon > 32.5 && view.lon < 36.6 && view.zoom >= 5;
}

static gboolean
crimea_gone (gpointer data)
{
  return !crimea_added (data);
}

static gboolean
picker_shown (gpointer data)
{
  GtkWindow *picker = find_toplevel (MER_TYPE_REGION_PICKER);

  return picker != NULL && gtk_widget_get_mapped (GTK_WIDGET (picker)) &&
         gtk_widget_has_focus (GTK_WIDGET (gtk_window_get_focus (picker)));
}

static gboolean
picker_closed (gpointer data)
{
  return find_toplevel (MER_TYPE_REGION_PICKER) == NULL;
}

static gboolean
search_typed (gpointer data)
{
  GtkWindow *picker = find_toplevel (MER_TYPE_REGION_PICKER);

  return picker != NULL &&
         g_strcmp0 (gtk_editable_get_text (mer_region_picker_get_search (MER_REGION_PICKER (picker))), data) == 0;
}

/* A region picked from the base map, with the keyboard alone: the picker
 * opens with the search focused, "Crimea" and Enter add Natural Earth's
 * Crimea as one step of the history, its outline written next to the
 * story; Ctrl+Z takes it back. Esc closes the picker with nothing added. */
static void
type_into_picker (GtkWindow  *picker,
                  const char *text)
{
  g_autofree char *args = g_strdup_printf ("type --window %% %s", text);

  /* No window manager gives the new window the keyboard: as a user's click would. */
  xdotool (GTK_WIDGET (picker), "windowfocus --sync %");
  xdotool (GTK_WIDGET (picker), args);
  wait_until (search_typed, (gpointer) text);
}

/* Opens Pick from Base Map… and types @text (if not %NULL) in its search. */
static GtkWindow *
open_picker (MerWindow  *window,
             const char *text)
{
  GtkWindow *picker;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.pick-region", NULL));
  wait_until (picker_shown, NULL);
  picker = find_toplevel (MER_TYPE_REGION_PICKER);
  if (text != NULL)
    type_into_picker (picker, text);
  return picker;
}

static void
test_pick_region (void)
{
  g_autofree char *path = copy_story ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *geojson = g_build_filename (dir, "regions", "autonomous-republic-of-crimea.geojson", NULL);
  g_autofree char *written = NULL;
  MerWindow *window = open_window (path);
  MerEdit *edit = mer_window_get_edit (window);
  GtkWindow *picker;
  MerRegion *region;
  const MerName *names;
  guint n_names = 0;
  guint n_regions = g_list_model_get_n_items (mer_document_get_regions (mer_window_get_document (window)));

  g_assert_false (mer_edit_can_undo (edit));
  picker = open_picker (window, NULL);
  g_assert_true (gtk_window_get_transient_for (picker) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (picker));
  /* Before anything is typed, the countries. */
  g_assert_cmpuint (mer_region_picker_get_n_shown (MER_REGION_PICKER (picker)), ==, 200);

  type_into_picker (picker, "Crimea");
  xdotool (GTK_WIDGET (picker), "key --window % Return");
  wait_until (crimea_added, window);
  wait_until (picker_closed, NULL);
  wait_until (map_over_crimea, window);

  region = mer_document_lookup_region (mer_window_get_document (window), "autonomous-republic-of-crimea");
  g_assert_cmpuint (g_list_model_get_n_items (mer_document_get_regions (mer_window_get_document (window))), ==,
                    n_regions + 1);
  g_assert_cmpstr (mer_region_get_name (region), ==, "Autonomous Republic of Crimea");
  names = mer_region_get_names (region, &n_names);
  g_assert_cmpuint (n_names, ==, 2);
  g_assert_cmpstr (names[0].lang, ==, "ja");
  g_assert_cmpstr (names[0].text, ==, "クリミア自治共和国");
  g_assert_cmpstr (names[1].lang, ==, "ru");
  g_assert_cmpstr (names[1].text, ==, "Автономная Республика Крым");
  g_assert_cmpstr (mer_region_get_geometry_path (region), ==, "regions/autonomous-republic-of-crimea.geojson");
  g_assert_true (mer_state_get_selected_region (mer_window_get_state (window)) == region);
  written = read_file (geojson);
  g_assert_true (g_str_has_prefix (written, "{\n  \"type\": \"Polygon\",\n  \"coordinates\": [\n    [[3"));
  {
    double west, south, east, north;

    g_assert_true (mer_geometry_get_bounds (mer_region_get_geometry (region), &west, &south, &east, &north));
    g_assert_cmpfloat_with_epsilon (west, 32.48, 0.02);
    g_assert_cmpfloat_with_epsilon (east, 36.64, 0.02);
  }

  /* One step deeper in the history, and only one. */
  g_assert_cmpstr (mer_edit_get_undo_label (edit), ==, "Add Region");
  xdotool (GTK_WIDGET (window), "windowfocus --sync %");
  xdotool (GTK_WIDGET (window), "key --window % ctrl+z");
  wait_until (crimea_gone, window);
  g_assert_false (mer_edit_can_undo (edit));
  g_assert_cmpuint (g_list_model_get_n_items (mer_document_get_regions (mer_window_get_document (window))), ==,
                    n_regions);

  /* Right-click over Simferopol: the division and the country under the
   * pointer (Natural Earth's, de facto), as regions. */
  {
    MerMapWidget *map = mer_window_get_map (window);
    MerView simferopol = { 44.95, 34.10, 7 };
    MerMapView map_view;
    GtkWidget *popover;
    GMenuModel *model;
    g_autoptr(GMenuModel) submenu = NULL;
    g_autofree char *label = NULL;
    g_autofree char *first = NULL;
    g_autofree char *second = NULL;
    g_autofree char *action = NULL;
    g_autoptr(GVariant) target = NULL;
    g_autofree char *args = NULL;
    int sx, sy;

    mer_map_widget_go_to (map, &simferopol, FALSE);
    wait_for_frame (GTK_WIDGET (map));
    mer_map_widget_get_map_view (map, &map_view);
    to_surface (GTK_WIDGET (map), map_view.width / 2, map_view.height / 2, &sx, &sy);
    args = g_strdup_printf ("mousemove --window %% %d %d sleep 0.1 click 3", sx, sy);
    xdotool (GTK_WIDGET (map), args);
    wait_until (popover_shown, map);
    popover = find_widget (gtk_widget_get_parent (GTK_WIDGET (map)), is_popover_menu, NULL);
    model = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover));
    g_assert_cmpint (g_menu_model_get_n_items (model), ==, 2);
    g_assert_true (g_menu_model_get_item_attribute (model, 1, G_MENU_ATTRIBUTE_LABEL, "s", &label));
    g_assert_cmpstr (label, ==, "New Region from Here");
    submenu = g_menu_model_get_item_link (model, 1, G_MENU_LINK_SUBMENU);
    g_assert_cmpint (g_menu_model_get_n_items (submenu), ==, 2);
    g_assert_true (g_menu_model_get_item_attribute (submenu, 0, G_MENU_ATTRIBUTE_LABEL, "s", &first));
    g_assert_true (g_menu_model_get_item_attribute (submenu, 1, G_MENU_ATTRIBUTE_LABEL, "s", &second));
    g_assert_cmpstr (first, ==, "Autonomous Republic of Crimea");
    g_assert_cmpstr (second, ==, "Russia");
    g_assert_true (g_menu_model_get_item_attribute (submenu, 0, G_MENU_ATTRIBUTE_ACTION, "s", &action));
    target = g_menu_model_get_item_attribute_value (submenu, 0, G_MENU_ATTRIBUTE_TARGET, NULL);
    g_assert_true (gtk_widget_activate_action_variant (popover, action, target));
    gtk_popover_popdown (GTK_POPOVER (popover));
    g_assert_true (crimea_added (window));
    g_assert_cmpstr (mer_edit_get_undo_label (edit), ==, "Add Region");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
    g_assert_false (mer_edit_can_undo (edit));
  }

  /* Down moves from the country to its first division. */
  picker = open_picker (window, "Ukraine");
  xdotool (GTK_WIDGET (picker), "key --window % Down Return");
  wait_until (crimea_added, window);
  wait_until (picker_closed, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_false (mer_edit_can_undo (edit));

  /* Esc: nothing added. */
  picker = open_picker (window, "Hokkaido");
  xdotool (GTK_WIDGET (picker), "key --window % Escape");
  wait_until (picker_closed, NULL);
  g_assert_false (mer_edit_can_undo (edit));

  close_window (window);
  remove_story (path);
}

static void
test_new_story_and_closing (void)
{
  MerWindow *window = open_window (NULL);
  g_autofree char *dir = g_dir_make_tmp ("meridian-new-story-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "kurils.json", NULL);
  g_autoptr(GError) error = NULL;
  GtkWindow *question;
  MerDocument *document;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-story", NULL));
  document = mer_window_get_document (window);
  g_assert_nonnull (document);
  g_assert_cmpstr (mer_document_get_title (document), ==, "Untitled Story");
  g_assert_cmpuint (g_list_model_get_n_items (mer_document_get_categories (document)), ==, 6);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (mer_window_get_event_editor (window))));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-event", NULL));
  type_into (field (window, "Story title"), "The Kurils");
  g_assert_cmpstr (mer_document_get_title (mer_window_get_document (window)), ==, "The Kurils");

  /* A category and an era, from the Story part of the editor, its lists
   * opened as a user opens them. */
  {
    GtkWidget *expander;

    while ((expander = find_widget (GTK_WIDGET (mer_window_get_event_editor (window)), is_closed_expander, NULL)))
      gtk_expander_set_expanded (GTK_EXPANDER (expander), TRUE);
  }
  type_into (entry_with_placeholder (window, "Name of a new category"), "Fisheries");
  {
    GListModel *categories = mer_document_get_categories (mer_window_get_document (window));
    g_autoptr(MerCategory) added = g_list_model_get_item (categories, 6);
    guint n_colours;
    const guint32 *palette = mer_map_style_get_palette (&n_colours);

    g_assert_cmpuint (g_list_model_get_n_items (categories), ==, 7);
    g_assert_cmpstr (mer_category_get_name (added), ==, "Fisheries");
    g_assert_cmphex (mer_category_get_color (added), ==, palette[6 % n_colours]);
  }
  gtk_editable_set_text (GTK_EDITABLE (entry_with_placeholder (window, "Title of a new era")), "Cold War");
  gtk_editable_set_text (GTK_EDITABLE (entry_with_placeholder (window, "Start")), "1947");
  type_into (entry_with_placeholder (window, "End"), "1991-12-26");
  g_assert_true (era_listed (window));
  g_assert_cmpstr (mer_era_get_title (mer_document_lookup_era (mer_window_get_document (window), "cold-war")), ==,
                   "Cold War");

  /* Closing asks, saving suggested and discarding marked as destructive;
   * closing the question (Escape) is Cancel, which keeps the window and the
   * edits. */
  gtk_window_close (GTK_WINDOW (window));
  question = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (question);
  g_assert_true (gtk_window_get_transient_for (question) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (question)), ==,
                   "Save the changes to the story before closing?");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (question)), ==,
                   "If you don't save, your edits are lost.");
  g_assert_cmpstr (adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (question), "discard"), ==,
                   "Close _without Saving");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (ADW_MESSAGE_DIALOG (question), "discard"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpint (adw_message_dialog_get_response_appearance (ADW_MESSAGE_DIALOG (question), "save"), ==,
                   ADW_RESPONSE_SUGGESTED);
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (question)), ==, "save");
  gtk_window_close (question);
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (mer_edit_is_dirty (mer_window_get_edit (window)));

  g_assert_true (mer_edit_save_as (mer_window_get_edit (window), path, &error));
  g_assert_no_error (error);
  g_assert_false (mer_edit_is_dirty (mer_window_get_edit (window)));

  /* Another program writes the file while the story has edits: saving
   * asks first, Replace marked as the answer that loses work and Cancel
   * the default; Replace writes the window's story over the other. */
  type_into (field (window, "Story title"), "The Kurils of 1855");
  {
    g_autofree char *theirs = NULL;
    g_autofree char *changed = NULL;
    g_autofree char *ours = NULL;
    GtkWidget *replace;

    g_assert_true (g_file_get_contents (path, &theirs, NULL, &error));
    g_assert_no_error (error);
    changed = g_strconcat (theirs, "\n", NULL);
    g_assert_true (g_file_set_contents (path, changed, -1, &error));
    g_assert_no_error (error);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
    question = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    g_assert_nonnull (question);
    g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (question)), ==,
                     "Saving replaces that version with yours; its changes are lost. Save As keeps both.");
    g_assert_cmpint (adw_message_dialog_get_response_appearance (ADW_MESSAGE_DIALOG (question), "replace"), ==,
                     ADW_RESPONSE_DESTRUCTIVE);
    g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (question)), ==, "cancel");
    replace = find_widget (GTK_WIDGET (question), is_button_labelled, "_Replace");
    g_assert_nonnull (replace);
    g_signal_emit_by_name (replace, "clicked");
    g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
    g_assert_false (mer_edit_is_dirty (mer_window_get_edit (window)));
    g_assert_true (g_file_get_contents (path, &ours, NULL, &error));
    g_assert_no_error (error);
    g_assert_nonnull (strstr (ours, "\"title\": \"The Kurils of 1855\""));
  }

  close_window (window);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_unlink (path);
  g_rmdir (dir);
}

static gboolean
recovery_written (gpointer data)
{
  g_autoptr(GDir) dir = g_dir_open (state_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      return TRUE;
  return FALSE;
}

static gboolean
is_revealed_info_bar (GtkWidget     *widget,
                      gconstpointer  data)
{
  return GTK_IS_INFO_BAR (widget) && gtk_info_bar_get_revealed (GTK_INFO_BAR (widget)) &&
         find_label_with_text (widget, data) != NULL;
}

static void
test_recovery_after_kill (void)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  GtkWidget *bar;
  MerWindow *window;

  /* The Meridian that is killed: an edit, written to the recovery file
   * within a second, then SIGKILL, which no handler sees. */
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;

      window = open_window (g_getenv ("RECOVERY_STORY"));
      g_assert_true (mer_edit_set_event_title (mer_window_get_edit (window), "nagato-summit", "Nagato talks",
                                               &error));
      wait_until (recovery_written, NULL);
      raise (SIGKILL);
    }

  path = copy_story ();
  g_setenv ("RECOVERY_STORY", path, TRUE);
  g_setenv ("MERIDIAN_RECOVERY_SECONDS", "1", TRUE);
  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_failed ();
  g_unsetenv ("MERIDIAN_RECOVERY_SECONDS");

  /* The file is as it was: the edit was never saved. */
  text = read_file (path);
  g_assert_null (strstr (text, "Nagato talks"));

  window = open_window (NULL);
  bar = find_widget (GTK_WIDGET (window), is_revealed_info_bar,
                     "Meridian closed before the edits to “story.json” were saved.");
  g_assert_nonnull (bar);
  gtk_info_bar_response (GTK_INFO_BAR (bar), GTK_RESPONSE_ACCEPT);

  g_assert_nonnull (mer_window_get_edit (window));
  g_assert_true (mer_edit_is_dirty (mer_window_get_edit (window)));
  g_assert_cmpstr (mer_edit_get_path (mer_window_get_edit (window)), ==, path);
  g_assert_cmpstr (mer_event_get_title (mer_document_lookup_event (mer_window_get_document (window), "nagato-summit")),
                   ==, "Nagato talks");

  /* Saved, the recovery file goes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_false (recovery_written (NULL));
  g_clear_pointer (&text, g_free);
  text = read_file (path);
  g_assert_nonnull (strstr (text, "\"title\": \"Nagato talks\","));

  close_window (window);
  remove_story (path);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Recovery files of the test's own (window-test-utils.c). */
  state_dir = g_build_filename (g_getenv ("XDG_STATE_HOME"), "meridian", NULL);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);

  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check () || !GDK_IS_X11_DISPLAY (gdk_display_get_default ()) ||
      g_find_program_in_path ("xdotool") == NULL)
    {
      g_print ("1..0 # SKIP no X display or no xdotool; run the window tests under xvfb-run\n");
      return 77;
    }
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  /* libadwaita styles the window, as in MerApplication; after animations
   * are off, so that its style manager leaves them off. */
  adw_init ();

  g_test_add_func ("/app/edit/add-event-and-save", test_add_event_and_save);
  g_test_add_func ("/app/edit/editor-filled-when-shown", test_editor_filled_when_shown);
  g_test_add_func ("/app/edit/drag-marker-and-timeline-menu", test_drag_marker_and_timeline_menu);
  g_test_add_func ("/app/edit/draw-region", test_draw_region);
  g_test_add_func ("/app/edit/pick-region", test_pick_region);
  g_test_add_func ("/app/edit/new-story-and-closing", test_new_story_and_closing);
  g_test_add_func ("/app/edit/recovery-after-kill", test_recovery_after_kill);

  status = g_test_run ();
  g_free (state_dir);
  return status;
}

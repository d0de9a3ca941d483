/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-files-window"

#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>
#include <gtk/gtk.h>

#include <stdio.h>
#include <string.h>

#include "mer-application.h"
#include "mer-error-page.h"
#include "mer-map-widget.h"
#include "mer-timeline.h"
#include "mer-window.h"
#include "window-test-utils.h"

/* How the window comes by its files: dropped, from the recent stories,
 * reloaded when they change on disk, and what it shows when one cannot be
 * opened; and the keyboard shortcuts window. Each test waits for what it
 * needs, with a deadline, rather than for a time. */

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data));
}

static GtkWidget *
find_of_type (GtkWidget *root,
              GType      type)
{
  return find_widget (root, is_of_type, GSIZE_TO_POINTER (type));
}

static gboolean
is_primary_menu_button (GtkWidget     *widget,
                        gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget));
}

/* Shown: the widget and every ancestor are visible, and each stack on the
 * way shows the page it is on. */
static gboolean
is_showing (GtkWidget *widget)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      GtkWidget *parent = gtk_widget_get_parent (w);

      if (!gtk_widget_get_visible (w))
        return FALSE;
      if (GTK_IS_STACK (parent) && gtk_stack_get_visible_child (GTK_STACK (parent)) != w)
        return FALSE;
    }
  return TRUE;
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* As an editor that writes in place rather than replacing the file. */
static void
overwrite_file (const char *path,
                const char *contents)
{
  FILE *file = fopen (path, "w");

  g_assert_nonnull (file);
  g_assert_cmpuint (fwrite (contents, 1, strlen (contents), file), ==, strlen (contents));
  g_assert_cmpint (fclose (file), ==, 0);
}

/* Line 6 holds event "b": the invalid versions break it there. */
#define STORY(title, b_id) \
  "{\n" \
  "  \"meridian\": 1,\n" \
  "  \"title\": \"" title "\",\n" \
  "  \"events\": [\n" \
  "    { \"id\": \"a\", \"title\": \"Alpha\", \"start\": \"1990-05-01\", \"places\": [ { \"name\": \"P\", \"lat\": 43, \"lon\": 145 } ] },\n" \
  "    { \"id\": " b_id ", \"title\": \"Beta\", \"start\": \"2000-06-01\", \"places\": [ { \"name\": \"Q\", \"lat\": 45, \"lon\": 147 } ] }\n" \
  "  ]\n" \
  "}\n"

/* The fixture: a window of the test's own, in a folder of its own, open on
 * a small story there or on nothing. */

typedef struct {
  MerWindow *window;
  char      *dir;
  char      *path;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  gboolean open_story = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("meridian-files-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "story.json", NULL);
  write_file (fixture->path, STORY ("First", "\"b\""));

  fixture->window = g_object_ref (mer_window_new (NULL));
  if (open_story)
    g_assert_true (mer_window_open_path (fixture->window, fixture->path));
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_for_frame (GTK_WIDGET (fixture->window));
}

static gboolean
window_finalized (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  MerWindow *window = fixture->window;
  g_autofree char *bad = g_build_filename (fixture->dir, "broken.json", NULL);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &fixture->window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  wait_until (window_finalized, &fixture->window);

  g_unlink (fixture->path);
  g_unlink (bad);
  g_assert_cmpint (g_rmdir (fixture->dir), ==, 0);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static const char *
document_title (MerWindow *window)
{
  MerDocument *document = mer_window_get_document (window);

  return document != NULL ? mer_document_get_title (document) : NULL;
}

static gboolean
shows_small_story (gpointer data)
{
  return !mer_window_is_loading (data) && g_strcmp0 (document_title (data), "Small") == 0;
}

static gboolean
shows_pair (gpointer data)
{
  MerDocument *document = mer_window_get_document (data);

  return !mer_window_is_loading (data) && document != NULL &&
         g_list_model_get_n_items (mer_document_get_events (document)) == 4;
}

/* A file dropped on the window is opened, as from the Open dialog. */
static void
test_drop_opens_file (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->window));
  g_autoptr(GFile) file = g_file_new_for_path (TESTDATADIR "/valid-small.json");
  GSList *files = g_slist_prepend (NULL, file);
  g_auto(GValue) value = G_VALUE_INIT;
  GtkDropTarget *target = NULL;
  GdkContentFormats *formats;
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);
  formats = gtk_drop_target_get_formats (target);
  g_assert_true (gdk_content_formats_contain_gtype (formats, GDK_TYPE_FILE_LIST));
  g_assert_true (gdk_content_formats_contain_gtype (formats, G_TYPE_FILE));

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_slist_free (files);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &handled);
  g_assert_true (handled);
  wait_until (shows_small_story, fixture->window);

  /* One file, as some file managers give it, of a kind that is imported. */
  g_value_unset (&value);
  g_value_init (&value, G_TYPE_FILE);
  g_value_take_object (&value, g_file_new_for_path (TESTDATADIR "/import/pair.csv"));
  handled = FALSE;
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &handled);
  g_assert_true (handled);
  wait_until (shows_pair, fixture->window);
}

static gboolean
menu_lists_recent (gpointer data)
{
  GMenuModel *menu = data;

  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) submenu = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SUBMENU);
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (section != NULL && menu_lists_recent (section))
        return TRUE;
      if (submenu == NULL || g_menu_model_get_n_items (submenu) == 0)
        continue;

      {
        g_autofree char *label = NULL;
        g_autofree char *action = NULL;
        g_autoptr(GVariant) target = NULL;
        g_autofree char *uri = g_filename_to_uri (TESTDATADIR "/valid-small.json", NULL, NULL);

        /* The latest first. */
        g_menu_model_get_item_attribute (submenu, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label);
        g_menu_model_get_item_attribute (submenu, 0, G_MENU_ATTRIBUTE_ACTION, "s", &action);
        target = g_menu_model_get_item_attribute_value (submenu, 0, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_STRING);
        return g_strcmp0 (label, "Small") == 0 && g_strcmp0 (action, "win.open-recent") == 0 && target != NULL &&
               g_str_equal (g_variant_get_string (target, NULL), uri);
      }
    }
  return FALSE;
}

static gboolean
is_recent_row_for_small (GtkWidget     *widget,
                         gconstpointer  data)
{
  GtkWidget *child = GTK_IS_LIST_BOX_ROW (widget) ? gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (widget)) : NULL;
  GtkWidget *title = child != NULL ? gtk_widget_get_first_child (child) : NULL;
  GtkWidget *where = title != NULL ? gtk_widget_get_next_sibling (title) : NULL;

  return GTK_IS_LABEL (title) && GTK_IS_LABEL (where) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (title)), "Small") == 0 &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (where)), TESTDATADIR "/valid-small.json") == 0;
}

/* Each story opened goes into the recent files, which the main menu lists,
 * and so does the start page of a window with no story. */
static void
test_recent_stories (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *button = find_widget (GTK_WIDGET (fixture->window), is_primary_menu_button, NULL);
  MerWindow *empty;
  GtkWidget *row;
  GtkWidget *error_page;

  g_assert_nonnull (button);
  mer_window_open_file (fixture->window, TESTDATADIR "/valid-small.json");
  wait_until (shows_small_story, fixture->window);
  wait_until (menu_lists_recent, gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)));

  /* A new window, with no story: the start page, with the recent stories,
   * and nothing of a map. */
  empty = mer_window_new (NULL);
  gtk_window_present (GTK_WINDOW (empty));
  wait_for_frame (GTK_WIDGET (empty));
  row = find_widget (GTK_WIDGET (empty), is_recent_row_for_small, NULL);
  g_assert_nonnull (row);
  g_assert_true (is_showing (row));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (mer_window_get_map (empty))));
  error_page = find_of_type (GTK_WIDGET (empty), MER_TYPE_ERROR_PAGE);
  g_assert_false (is_showing (error_page));

  /* Picked, it is opened. */
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  wait_until (shows_small_story, empty);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (mer_window_get_map (empty))) ||
                 is_showing (GTK_WIDGET (mer_window_get_map (empty))));
  gtk_window_destroy (GTK_WINDOW (empty));
}

typedef struct {
  MerWindow   *window;
  MerDocument *before;
} Replaced;

static gboolean
document_replaced (gpointer data)
{
  Replaced *replaced = data;
  MerDocument *document = mer_window_get_document (replaced->window);

  return !mer_window_is_loading (replaced->window) && document != NULL && document != replaced->before;
}

static void
assert_view_kept (MerWindow     *window,
                  const MerView *view,
                  double         start,
                  double         end)
{
  MerTimelineViewport *viewport = mer_timeline_get_viewport (mer_window_get_timeline (window));
  double window_start, window_end;
  MerView now;

  g_assert_true (mer_state_get_time_window (mer_window_get_state (window), &window_start, &window_end));
  g_assert_cmpfloat (window_start, ==, 631152000.0);
  g_assert_cmpfloat (window_end, ==, 946684800.0);

  mer_map_widget_get_target_view (mer_window_get_map (window), &now);
  g_assert_cmpfloat_with_epsilon (now.lat, view->lat, 1e-6);
  g_assert_cmpfloat_with_epsilon (now.lon, view->lon, 1e-6);
  g_assert_cmpfloat_with_epsilon (now.zoom, view->zoom, 1e-6);
  g_assert_cmpfloat_with_epsilon (mer_timeline_viewport_get_start (viewport), start, 1e-3);
  g_assert_cmpfloat_with_epsilon (mer_timeline_viewport_get_end (viewport), end, 1e-3);
}

/* Written anew by another editor, the story is read again and shown where
 * the user was: the same view, the same stretch of time and time window,
 * the same event selected. */
static void
test_reload_on_change (Fixture       *fixture,
                       gconstpointer  data)
{
  MerWindow *window = fixture->window;
  MerState *state = mer_window_get_state (window);
  MerTimelineViewport *viewport = mer_timeline_get_viewport (mer_window_get_timeline (window));
  const MerView view = { 44.5, 146.25, 5 };
  double start, end;
  Replaced replaced = { window, mer_window_get_document (window) };

  g_assert_cmpstr (document_title (window), ==, "First");
  mer_state_set_selected_event (state, mer_document_lookup_event (replaced.before, "b"));
  mer_map_widget_go_to (mer_window_get_map (window), &view, FALSE);
  mer_timeline_viewport_set_range (viewport, -631152000.0, 1262304000.0);
  mer_state_set_time_window (state, 631152000.0, 946684800.0);
  wait_for_frame (GTK_WIDGET (window));
  start = mer_timeline_viewport_get_start (viewport);
  end = mer_timeline_viewport_get_end (viewport);

  /* Replaced, as most editors save. */
  write_file (fixture->path, STORY ("Second", "\"b\""));
  wait_until (document_replaced, &replaced);
  g_assert_cmpstr (document_title (window), ==, "Second");
  g_assert_true (mer_state_get_selected_event (state) ==
                 mer_document_lookup_event (mer_window_get_document (window), "b"));
  wait_for_frame (GTK_WIDGET (window));
  assert_view_kept (window, &view, start, end);

  /* Written over in place. */
  replaced.before = mer_window_get_document (window);
  overwrite_file (fixture->path, STORY ("Third", "\"b\""));
  wait_until (document_replaced, &replaced);
  g_assert_cmpstr (document_title (window), ==, "Third");
  g_assert_cmpstr (mer_event_get_id (mer_state_get_selected_event (state)), ==, "b");
  wait_for_frame (GTK_WIDGET (window));
  assert_view_kept (window, &view, start, end);

  /* Reload (Ctrl+R) reads it again on demand. */
  replaced.before = mer_window_get_document (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL));
  wait_until (document_replaced, &replaced);
  g_assert_cmpstr (document_title (window), ==, "Third");
}

static GtkInfoBar *
find_revealed_error_bar (MerWindow *window)
{
  for (GtkWidget *bar = find_of_type (GTK_WIDGET (window), GTK_TYPE_INFO_BAR); bar != NULL;
       bar = gtk_widget_get_next_sibling (bar))
    if (GTK_IS_INFO_BAR (bar) && gtk_info_bar_get_message_type (GTK_INFO_BAR (bar)) == GTK_MESSAGE_ERROR &&
        gtk_info_bar_get_revealed (GTK_INFO_BAR (bar)))
      return GTK_INFO_BAR (bar);
  return NULL;
}

static gboolean
error_bar_revealed (gpointer data)
{
  return find_revealed_error_bar (data) != NULL;
}

static gboolean
is_label (GtkWidget     *widget,
          gconstpointer  data)
{
  return GTK_IS_LABEL (widget);
}

/* Written with an error, the story shown stays, and a banner says what is
 * wrong with the new version and on which line. Fixed, it is shown. */
static void
test_invalid_reload_keeps_document (Fixture       *fixture,
                                    gconstpointer  data)
{
  MerWindow *window = fixture->window;
  MerDocument *before = mer_window_get_document (window);
  Replaced replaced = { window, before };
  GtkInfoBar *bar;
  GtkWidget *label;

  mer_state_set_selected_event (mer_window_get_state (window), mer_document_lookup_event (before, "a"));
  write_file (fixture->path, STORY ("Second", "7"));
  wait_until (error_bar_revealed, window);
  bar = find_revealed_error_bar (window);
  label = find_widget (GTK_WIDGET (bar), is_label, NULL);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==,
                   "“story.json” changed on disk and has 1 error; the story read before stays open.\n"
                   "Line 6: events[1].id: expected a string, found a number");
  g_assert_true (gtk_label_get_selectable (GTK_LABEL (label)));
  g_assert_true (mer_window_get_document (window) == before);
  g_assert_cmpstr (mer_event_get_id (mer_state_get_selected_event (mer_window_get_state (window))), ==, "a");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (mer_window_get_map (window))));

  write_file (fixture->path, STORY ("Fixed", "\"b\""));
  wait_until (document_replaced, &replaced);
  g_assert_cmpstr (document_title (window), ==, "Fixed");
  g_assert_null (find_revealed_error_bar (window));
  g_assert_cmpstr (mer_event_get_id (mer_state_get_selected_event (mer_window_get_state (window))), ==, "a");
}

static gboolean
error_bar_says_not_reloaded (gpointer data)
{
  GtkInfoBar *bar = find_revealed_error_bar (data);
  GtkWidget *label = bar != NULL ? find_widget (GTK_WIDGET (bar), is_label, NULL) : NULL;

  return label != NULL &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)),
                    "“story.json” changed on disk. It is not read again while the story has edits that are "
                    "not saved, and saving asks before it replaces that version.") == 0;
}

/* Slide edits live only in the window until saved: a new version on disk
 * does not replace them, and the user is told why it is not shown. */
static void
test_unsaved_slides_block_reload (Fixture       *fixture,
                                  gconstpointer  data)
{
  MerWindow *window = fixture->window;
  MerSlidesPanel *panel = mer_window_get_slides_panel (window);
  MerBriefingEditor *editor;
  MerDocument *before;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-slides", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "slides.add", NULL));
  editor = mer_slides_panel_get_editor (panel);
  g_assert_true (mer_briefing_editor_is_dirty (editor));
  /* The edit is in the document shown. */
  before = mer_window_get_document (window);
  g_assert_cmpuint (mer_briefing_get_n_slides (mer_document_lookup_briefing (before, "briefing-1")), ==, 1);

  write_file (fixture->path, STORY ("Second", "\"b\""));
  wait_until (error_bar_says_not_reloaded, window);
  g_assert_false (mer_window_is_loading (window));
  g_assert_true (mer_window_get_document (window) == before);
  g_assert_true (mer_slides_panel_get_editor (panel) == editor);
  g_assert_true (mer_briefing_editor_is_dirty (editor));
}

static gboolean
load_finished (gpointer data)
{
  return !mer_window_is_loading (data);
}

static gboolean
shows_fixed_story (gpointer data)
{
  return !mer_window_is_loading (data) && g_strcmp0 (document_title (data), "Fixed") == 0;
}

/* With no story to keep, a file that cannot be opened shows the error
 * page: a plain heading, the problems a row each with their line, Open and
 * Reload; the map is not drawn behind it. */
static void
test_error_page (Fixture       *fixture,
                 gconstpointer  data)
{
  MerWindow *window = fixture->window;
  g_autofree char *broken = g_build_filename (fixture->dir, "broken.json", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.json", NULL);
  g_autofree char *row = NULL;
  g_autofree char *missing_row = NULL;
  MerErrorPage *page;

  g_assert_null (mer_window_get_document (window));
  write_file (broken,
              "{\n"
              "  \"meridian\": 1,\n"
              "  \"title\": \"Broken\",\n"
              "  \"events\": [ { \"id\": 3 } ]\n"
              "}\n");
  g_assert_false (mer_window_open_path (window, broken));
  wait_for_frame (GTK_WIDGET (window));

  page = MER_ERROR_PAGE (find_of_type (GTK_WIDGET (window), MER_TYPE_ERROR_PAGE));
  g_assert_true (is_showing (GTK_WIDGET (page)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (mer_window_get_map (window))));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (mer_window_get_timeline (window))));
  g_assert_null (find_revealed_error_bar (window));

  g_assert_cmpstr (mer_error_page_get_heading (page), ==, "This story has 3 errors");
  g_assert_cmpuint (mer_error_page_get_n_rows (page), ==, 3);
  row = mer_error_page_dup_row_text (page, 0);
  g_assert_cmpstr (row, ==, "Line 4, column 15: events[0]: missing required member \"title\"");
  g_clear_pointer (&row, g_free);
  row = mer_error_page_dup_row_text (page, 1);
  g_assert_cmpstr (row, ==, "Line 4, column 15: events[0]: missing required member \"start\"");
  g_clear_pointer (&row, g_free);
  row = mer_error_page_dup_row_text (page, 2);
  g_assert_cmpstr (row, ==, "Line 4, column 23: events[0].id: expected a string, found a number");
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (page)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "win.reload", NULL));
  g_assert_true (mer_window_is_loading (window));
  wait_until (load_finished, window);
  g_assert_cmpstr (mer_error_page_get_heading (page), ==, "This story has 3 errors");
  g_assert_true (is_showing (GTK_WIDGET (page)));

  /* A file that is not there cannot be read at all. */
  g_assert_false (mer_window_open_path (window, missing));
  g_assert_cmpstr (mer_error_page_get_heading (page), ==, "This file cannot be read");
  g_assert_cmpuint (mer_error_page_get_n_rows (page), ==, 1);
  missing_row = mer_error_page_dup_row_text (page, 0);
  g_assert_true (g_str_has_prefix (missing_row, "Whole file: "));

  /* Fixed in an editor, the broken file is shown at once. */
  g_assert_false (mer_window_open_path (window, broken));
  write_file (broken, STORY ("Fixed", "\"b\""));
  wait_until (shows_fixed_story, window);
  wait_for_frame (GTK_WIDGET (window));
  g_assert_false (is_showing (GTK_WIDGET (page)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (mer_window_get_map (window))));
}

/* Shortcuts */

/* The same key, however it is written: keypad keys stand for their main
 * keys, and Shift with a letter alone for the letter. */
static char *
normalize_accelerator (guint           keyval,
                       GdkModifierType modifiers)
{
  static const struct { guint keypad, main; } keypad[] = {
    { GDK_KEY_KP_Add, GDK_KEY_plus }, { GDK_KEY_KP_Subtract, GDK_KEY_minus },
    { GDK_KEY_KP_Enter, GDK_KEY_Return }, { GDK_KEY_KP_Page_Up, GDK_KEY_Page_Up },
    { GDK_KEY_KP_Page_Down, GDK_KEY_Page_Down },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keypad); i++)
    if (keyval == keypad[i].keypad)
      keyval = keypad[i].main;
  if (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_9)
    keyval = GDK_KEY_0 + (keyval - GDK_KEY_KP_0);
  if (modifiers == GDK_SHIFT_MASK && gdk_keyval_to_lower (keyval) != gdk_keyval_to_upper (keyval))
    modifiers = 0;
  keyval = gdk_keyval_to_lower (keyval);

  return gtk_accelerator_name (keyval, modifiers);
}

/* Every accelerator the shortcuts window shows, ranges ("0...9") spelt
 * out. */
static GHashTable *
list_overlay_accelerators (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/org/meridian/Meridian/gtk/help-overlay.ui");
  GHashTable *listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GSList *objects = gtk_builder_get_objects (builder);

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));

  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *accelerator = NULL;
      g_auto(GStrv) keys = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;

      g_object_get (l->data, "accelerator", &accelerator, NULL);
      keys = g_strsplit (accelerator, " ", -1);
      for (guint i = 0; keys[i] != NULL; i++)
        {
          g_auto(GStrv) range = g_strsplit (keys[i], "...", 2);
          guint first, last;
          GdkModifierType modifiers;

          g_assert_true (gtk_accelerator_parse (range[0], &first, &modifiers));
          last = first;
          if (range[1] != NULL)
            g_assert_true (gtk_accelerator_parse (range[1], &last, NULL));
          for (guint keyval = first; keyval <= last; keyval++)
            g_hash_table_add (listed, normalize_accelerator (keyval, modifiers));
        }
    }
  g_slist_free (objects);
  return listed;
}

static const char * const own_action_prefixes[] = {
  "win.", "app.", "map.", "timeline.", "presentation.", "slides.", "window.close",
};

/* Adds the key of each of @widget's shortcuts, and its children's, that
 * runs one of Meridian's own actions to @keys. */
static void
collect_bindings (GtkWidget  *widget,
                  GHashTable *keys)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          const char *name;
          gboolean own = FALSE;

          if (!GTK_IS_NAMED_ACTION (action) || !GTK_IS_KEYVAL_TRIGGER (trigger))
            continue;
          name = gtk_named_action_get_action_name (GTK_NAMED_ACTION (action));
          for (guint k = 0; k < G_N_ELEMENTS (own_action_prefixes); k++)
            own = own || g_str_has_prefix (name, own_action_prefixes[k]);
          if (!own)
            continue;

          g_hash_table_insert (keys,
                               normalize_accelerator (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                                                      gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger))),
                               g_strdup (name));
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_bindings (child, keys);
}

/* The shortcuts window lists every key the window's views answer to, among
 * them a sample named here. */
static void
test_shortcuts_window (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char * const sample[] = {
    "<Control>o", "<Control>r", "<Control>f", "<Control>e", "<Shift><Control>c", "<Control>q",
    "<Control>question", "F5", "F9", "<Control>s", "<Control>z", "<Shift><Control>z", "<Control>space",
    "<Alt>Left", "<Alt>Right", "Home", "End", "plus", "minus", "0", "Return", "Escape", "b", "period", "w", "n",
    "Page_Down", "BackSpace",
  };
  g_autoptr(GHashTable) listed = list_overlay_accelerators ();
  g_autoptr(GHashTable) bound = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < G_N_ELEMENTS (sample); i++)
    {
      guint keyval;
      GdkModifierType modifiers;
      g_autofree char *normal = NULL;

      g_assert_true (gtk_accelerator_parse (sample[i], &keyval, &modifiers));
      normal = normalize_accelerator (keyval, modifiers);
      if (!g_hash_table_contains (listed, normal))
        g_error ("the shortcuts window does not list %s", sample[i]);
    }

  collect_bindings (GTK_WIDGET (fixture->window), bound);
  g_assert_cmpuint (g_hash_table_size (bound), >, 20);
  g_hash_table_iter_init (&iter, bound);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (listed, key))
      g_error ("the shortcuts window does not list %s (%s)", (char *) key, (char *) value);
}

/* In the application, Ctrl+? and the main menu's item show the shortcuts
 * window, which GTK finds in the application's resources. */
static void
test_shortcuts_in_application (void)
{
  g_autoptr(MerApplication) application = mer_application_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) accels = NULL;
  GtkShortcutsWindow *overlay;
  MerWindow *window;
  guint handler = window_test_allow_application_warnings ();

  g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
  g_assert_no_error (error);
  g_log_remove_handler ("Gtk", handler);

  window = mer_window_new (GTK_APPLICATION (application));
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (application), "win.show-help-overlay");
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>question"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "show-help-overlay"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
  wait_until (widget_mapped, overlay);
  gtk_window_destroy (GTK_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (window));
}

#define add_window_test(path, open, test) \
  g_test_add ((path), Fixture, GINT_TO_POINTER (open), fixture_setup, (test), fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("meridian-data-XXXXXX", NULL);
  const char * const remove_data_home[] = { "rm", "-rf", data_home, NULL };
  int status;

  /* The recent files of the tests' own, not the user's. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);

  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_rmdir (data_home);
      if (g_getenv ("CI") != NULL)
        {
          g_printerr ("No display in CI: run the window tests under xvfb-run.\n");
          return 1;
        }
      g_print ("1..0 # SKIP no display (DISPLAY or WAYLAND_DISPLAY unset or unreachable); "
               "run the window tests under xvfb-run\n");
      return 77;
    }

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  /* libadwaita styles the window, as in MerApplication; after animations
   * are off, so that its style manager leaves them off. */
  adw_init ();

  add_window_test ("/app/files/drop-opens-file", TRUE, test_drop_opens_file);
  add_window_test ("/app/files/recent-stories", TRUE, test_recent_stories);
  add_window_test ("/app/files/reload-on-change", TRUE, test_reload_on_change);
  add_window_test ("/app/files/invalid-reload-keeps-document", TRUE, test_invalid_reload_keeps_document);
  add_window_test ("/app/files/unsaved-slides-block-reload", TRUE, test_unsaved_slides_block_reload);
  add_window_test ("/app/files/error-page", FALSE, test_error_page);
  add_window_test ("/app/files/shortcuts-window", TRUE, test_shortcuts_window);
  g_test_add_func ("/app/files/shortcuts-in-application", test_shortcuts_in_application);

  status = g_test_run ();
  g_spawn_sync (NULL, (char **) remove_data_home, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  return status;
}

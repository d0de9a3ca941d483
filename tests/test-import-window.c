/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-import-window"

#include "config.h"

#include <math.h>

#include <glib/gstdio.h>
#include <adwaita.h>
#include <gtk/gtk.h>

#include "mer-import-dialog.h"
#include "mer-window.h"
#include "mer-window-private.h"
#include "window-test-utils.h"

/* Opening a GeoJSON file or a CSV table in the window asks how to read it;
 * saving an imported story asks for a new Meridian file. */

typedef struct {
  MerWindow *window;
  char      *dir;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("meridian-import-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->window = g_object_ref (mer_window_new (NULL));
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
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &fixture->window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  wait_until (window_finalized, &fixture->window);

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_assert_cmpint (g_rmdir (fixture->dir), ==, 0);
  g_free (fixture->dir);
}

static gboolean
dialog_shown (gpointer data)
{
  GtkWindow *dialog = find_toplevel (MER_TYPE_IMPORT_DIALOG);

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

static gboolean
no_dialog (gpointer data)
{
  return find_toplevel (MER_TYPE_IMPORT_DIALOG) == NULL;
}

static gboolean
window_has_document (gpointer data)
{
  return !mer_window_is_loading (data) && mer_window_get_document (data) != NULL;
}

static gboolean
dialog_read (gpointer data)
{
  return !mer_import_dialog_is_reading (data);
}

/* Chooses as the drop-down does, and waits for the file to be read so. */
static void
choose (MerImportDialog *dialog,
        const char      *role,
        const char      *name)
{
  mer_import_dialog_select (dialog, role, name);
  g_assert_true (mer_import_dialog_is_reading (dialog));
  g_assert_false (gtk_widget_get_sensitive (gtk_window_get_default_widget (GTK_WINDOW (dialog))));
  wait_until (dialog_read, dialog);
}

static gboolean
is_drop_down (GtkWidget     *widget,
              gconstpointer  data)
{
  return GTK_IS_DROP_DOWN (widget);
}

/* Import is the default button: Enter on it, or once the focus is moved
 * off the drop-downs, imports. */
static void
press_import (MerImportDialog *dialog)
{
  GtkWidget *button = gtk_window_get_default_widget (GTK_WINDOW (dialog));

  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Import");
  g_assert_true (gtk_widget_grab_focus (button));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "default.activate", NULL));
}

/* A GeoJSON file shows what was found, with the first events as read; a
 * change of title property reads them again; Import shows the story. */
static void
test_geojson_dialog (Fixture       *fixture,
                     gconstpointer  data)
{
  MerWindow *window = fixture->window;
  MerImportDialog *dialog;
  GtkWidget *drop_down;
  GtkStringObject *automatic;
  MerDocument *document;

  mer_window_open_file (window, TESTDATADIR "/import/features.geojson");
  wait_until (dialog_shown, NULL);
  dialog = MER_IMPORT_DIALOG (find_toplevel (MER_TYPE_IMPORT_DIALOG));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  /* Nothing is shown until the user chooses. */
  g_assert_null (mer_window_get_document (window));

  /* The first drop-down, for the time, has the focus and says what was
   * found. */
  drop_down = find_widget (GTK_WIDGET (dialog), is_drop_down, NULL);
  g_assert_true (gtk_widget_is_focus (drop_down) || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (dialog)),
                                                                              drop_down));
  automatic = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (drop_down));
  g_assert_cmpstr (gtk_string_object_get_string (automatic), ==, "Automatic (time)");
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (dialog), "How to read “features.geojson”"));
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (dialog), "Urup"));
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (dialog), "1421"));
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (dialog), "Urup (45.9, 150)"));
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (dialog),
                                          "6 events; 3 warnings: rows or features skipped, values dropped"));

  /* A property that is no date leaves nothing to import. */
  choose (dialog, "time", "Name");
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (dialog), "0 events; 8 warnings: rows or features skipped, "
                                                               "values dropped"));
  choose (dialog, "time", NULL);
  g_assert_null (mer_import_dialog_get_options (dialog)->time_property);

  press_import (dialog);
  wait_until (no_dialog, NULL);
  wait_until (window_has_document, window);
  document = mer_window_get_document (window);
  g_assert_cmpstr (mer_document_get_title (document), ==, "Kuril history");
  g_assert_cmpstr (mer_document_get_imported_from (document), ==, "GeoJSON");
  g_assert_cmpuint (g_list_model_get_n_items (mer_document_get_events (document)), ==, 6);
}

static gboolean
shows_three_events (gpointer data)
{
  MerDocument *document = mer_window_get_document (data);

  return !mer_window_is_loading (data) && document != NULL &&
         g_list_model_get_n_items (mer_document_get_events (document)) == 3;
}

/* A CSV table whose date column has no usual name cannot be read until the
 * user names it; Escape leaves the window as it was. */
static void
test_csv_dialog (Fixture       *fixture,
                 gconstpointer  data)
{
  MerWindow *window = fixture->window;
  g_autofree char *path = g_build_filename (fixture->dir, "table.csv", NULL);
  MerImportDialog *dialog;
  MerDocument *document;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "name,latitude,longitude,happened\r\n"
                             "Shimoda,34.67,138.94,1855-02-07\r\n"
                             "Portsmouth,43.07,-70.76,1905-09-05\r\n", -1, &error);
  g_assert_no_error (error);

  mer_window_open_file (window, path);
  wait_until (dialog_shown, NULL);
  dialog = MER_IMPORT_DIALOG (find_toplevel (MER_TYPE_IMPORT_DIALOG));
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (dialog), "Cannot be read this way: the header names neither the "
                                                               "TimelineJS sheet's columns (Year, Headline, …) nor a "
                                                               "latitude, a longitude and a date column"));
  g_assert_null (mer_import_dialog_get_document (dialog));

  choose (dialog, "time", "happened");
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (dialog), "2 events"));
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (dialog), "7 Feb 1855"));
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (dialog), "Shimoda (34.67, 138.9)"));

  /* Escape closes it, and nothing opens. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  wait_until (no_dialog, NULL);
  g_assert_null (mer_window_get_document (window));

  /* Chosen again, and imported. */
  mer_window_open_file (window, path);
  wait_until (dialog_shown, NULL);
  dialog = MER_IMPORT_DIALOG (find_toplevel (MER_TYPE_IMPORT_DIALOG));
  choose (dialog, "time", "happened");
  press_import (dialog);
  wait_until (window_has_document, window);
  document = mer_window_get_document (window);
  g_assert_cmpuint (g_list_model_get_n_items (mer_document_get_events (document)), ==, 2);
  g_assert_cmpstr (window->import_time, ==, "happened");

  /* Changed on disk, it is read again as chosen, without asking. */
  g_file_set_contents (path, "name,latitude,longitude,happened\r\n"
                             "Shimoda,34.67,138.94,1855-02-07\r\n"
                             "Portsmouth,43.07,-70.76,1905-09-05\r\n"
                             "San Francisco,37.78,-122.42,1951-09-08\r\n", -1, &error);
  g_assert_no_error (error);
  wait_until (shows_three_events, window);
  g_assert_null (find_toplevel (MER_TYPE_IMPORT_DIALOG));
}

static gboolean
shows_meridian_file (gpointer data)
{
  MerDocument *document = mer_window_get_document (data);

  return !mer_window_is_loading (data) && document != NULL && mer_document_get_imported_from (document) == NULL;
}

/* Saving an imported story asks for a Meridian file instead of writing
 * over the source, writes it, and opens it. */
static void
test_save_imported (Fixture       *fixture,
                    gconstpointer  data)
{
  MerWindow *window = fixture->window;
  g_autofree char *source = g_build_filename (fixture->dir, "pair.csv", NULL);
  g_autofree char *target = g_build_filename (fixture->dir, "pair.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *suggested_name = NULL;

  g_assert_true (g_file_get_contents (TESTDATADIR "/import/pair.csv", &contents, NULL, NULL));
  g_file_set_contents (source, contents, -1, &error);
  g_assert_no_error (error);

  /* The TimelineJS sheet has no choice to make: no dialog. */
  mer_window_open_file (window, source);
  wait_until (window_has_document, window);
  g_assert_null (find_toplevel (MER_TYPE_IMPORT_DIALOG));
  g_assert_cmpstr (mer_document_get_imported_from (mer_window_get_document (window)), ==, "CSV");

  /* Ctrl+S's action asks for a name, ending in .json. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-briefing", NULL));
  g_assert_nonnull (window->save_chooser);
  suggested_name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (window->save_chooser));
  g_assert_cmpstr (suggested_name, ==, "pair.json");
  gtk_native_dialog_hide (GTK_NATIVE_DIALOG (window->save_chooser));
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (window->save_chooser));
  g_clear_object (&window->save_chooser);

  /* Never over the source. */
  g_assert_false (_mer_window_files_save_story (window, source, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (source, &before, NULL, NULL));
  g_assert_cmpstr (before, ==, contents);

  g_assert_true (_mer_window_files_save_story (window, target, &error));
  g_assert_no_error (error);
  wait_until (shows_meridian_file, window);
  g_assert_cmpuint (g_list_model_get_n_items (mer_document_get_events (mer_window_get_document (window))), ==, 4);
  g_assert_true (g_file_get_contents (target, &after, NULL, NULL));
  g_assert_true (g_str_has_prefix (after, "{\n  \"meridian\": 1,\n"));
}

/* Where a place falls in the map widget, in pixels from its centre. */
static void
offset_in_view (const MerView *view,
                double         lat,
                double         lon,
                double        *dx,
                double        *dy)
{
  double size = 256 * pow (2, view->zoom);
  double y = log (tan (G_PI / 4 + lat * G_PI / 360));
  double centre_y = log (tan (G_PI / 4 + view->lat * G_PI / 360));

  *dx = (lon - view->lon) / 360 * size;
  *dy = (centre_y - y) / (2 * G_PI) * size;
}

/* A story without a view of its own, as imported stories mostly are, opens
 * on its events' places, not on the whole world. */
static void
test_opens_on_events (Fixture       *fixture,
                      gconstpointer  data)
{
  MerWindow *window = fixture->window;
  GtkWidget *map = GTK_WIDGET (mer_window_get_map (window));
  static const double places[][2] = { { 34.68, 138.94 }, { 34.37, 131.18 } };   /* Shimoda, Nagato */
  MerView view;

  mer_window_open_file (window, TESTDATADIR "/import/storymap.json");
  wait_until (window_has_document, window);
  wait_for_frame (GTK_WIDGET (window));
  g_assert_null (mer_document_get_view (mer_window_get_document (window)));
  mer_map_widget_get_target_view (mer_window_get_map (window), &view);

  g_assert_cmpfloat (view.zoom, >=, 5);
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      double dx, dy;

      offset_in_view (&view, places[i][0], places[i][1], &dx, &dy);
      g_assert_cmpfloat (fabs (dx), <, gtk_widget_get_width (map) / 2.0);
      g_assert_cmpfloat (fabs (dy), <, gtk_widget_get_height (map) / 2.0);
    }
}

#define add_window_test(path, test) \
  g_test_add ((path), Fixture, NULL, fixture_setup, (test), fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("meridian-data-XXXXXX", NULL);
  const char * const remove_data_home[] = { "rm", "-rf", data_home, NULL };
  int status;

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
      g_print ("1..0 # SKIP no display; run the window tests under xvfb-run\n");
      return 77;
    }

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  /* libadwaita styles the window, as in MerApplication; after animations
   * are off, so that its style manager leaves them off. */
  adw_init ();

  add_window_test ("/app/import/geojson-dialog", test_geojson_dialog);
  add_window_test ("/app/import/csv-dialog", test_csv_dialog);
  add_window_test ("/app/import/save-imported", test_save_imported);
  add_window_test ("/app/import/opens-on-events", test_opens_on_events);

  status = g_test_run ();
  g_spawn_sync (NULL, (char **) remove_data_home, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  return status;
}

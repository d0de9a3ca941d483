/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-window"

#include "config.h"

#include "mer-window-private.h"

#include "mer-briefing-editor.h"
#include "mer-diagnostic.h"
#include "mer-document-writer.h"
#include "mer-import-dialog.h"
#include "mer-json-writer.h"
#include "mer-loader.h"
#include "mer-map-widget.h"
#include "mer-timeline.h"

#include <glib/gi18n.h>
#include <string.h>

/* How the window comes by its files other than through the Open dialog:
 * dropped on it, picked from the recent stories (in the main menu and on the
 * start page shown when no story is open), or written anew on disk by
 * another editor, which reloads the story where the user was. A file that
 * cannot be opened takes the place of the story with the error page when
 * there is no story to keep, and a banner over the story when there is.
 * All of it goes through mer_window_open_file(), and hears back through
 * _mer_window_files_opened() and _mer_window_files_failed(), so it does not
 * depend on how loading is done. */

/* An editor saves in bursts (truncate, write, rename); reading the file
 * once they are over reads it whole, and once. */
#define RELOAD_DELAY_MS 300

#define MAX_RECENT 10

/* Recent files are shared by every app; these are the ones Meridian opened. */
#define RECENT_APP_NAME "Meridian"
#define STORY_MIME_TYPE "application/vnd.meridian.story+json"

/* The same file named two ways (relative, with "..") is one file. */
static char *
canonical_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return g_file_get_path (file);
}

static void
update_file_actions (MerWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload", self->file_path != NULL);
}

/* Edits live only in the window until saved: opening any other version
 * of the file would drop them. */
static gboolean
has_unsaved_slides (MerWindow *self)
{
  return _mer_window_edit_is_dirty (self);
}

static void
open_unless_unsaved (MerWindow  *self,
                     const char *path)
{
  if (has_unsaved_slides (self))
    {
      _mer_window_show_error (self, _("Save the story (Ctrl+S) before opening another file: "
                                      "its edits are not saved yet."));
      return;
    }

  mer_window_open_file (self, path);
}

/* Recent stories */

static void
add_recent (MerWindow  *self,
            const char *path)
{
  MerDocument *document = mer_state_get_document (self->state);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *mime_type = NULL;
  const char *content_type = info != NULL ? g_file_info_get_content_type (info) : NULL;
  GtkRecentData data = { 0 };

  if (content_type != NULL)
    mime_type = g_content_type_get_mime_type (content_type);

  data.display_name = (char *) (document != NULL ? mer_document_get_title (document) : NULL);
  data.mime_type = mime_type != NULL ? mime_type : (char *) STORY_MIME_TYPE;
  data.app_name = (char *) RECENT_APP_NAME;
  data.app_exec = (char *) "meridian %f";
  gtk_recent_manager_add_full (self->recent_manager, uri, &data);
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *info_a = *(GtkRecentInfo **) a;
  GtkRecentInfo *info_b = *(GtkRecentInfo **) b;

  return -g_date_time_compare (gtk_recent_info_get_modified (info_a), gtk_recent_info_get_modified (info_b));
}

/* The stories Meridian opened that are still there, the latest first. */
static GPtrArray *
list_recent (MerWindow *self)
{
  GPtrArray *stories = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  GList *items = gtk_recent_manager_get_items (self->recent_manager);

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (gtk_recent_info_has_application (info, RECENT_APP_NAME) && gtk_recent_info_is_local (info) &&
          gtk_recent_info_exists (info))
        g_ptr_array_add (stories, gtk_recent_info_ref (info));
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  g_ptr_array_sort (stories, compare_recent);
  if (stories->len > MAX_RECENT)
    g_ptr_array_set_size (stories, MAX_RECENT);
  return stories;
}

static GtkWidget *
create_recent_row (GtkRecentInfo *info)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (gtk_recent_info_get_display_name (info));
  g_autoptr(GFile) file = g_file_new_for_uri (gtk_recent_info_get_uri (info));
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *display = g_filename_display_name (path);
  GtkWidget *where = gtk_label_new (display);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (where), 0);
  gtk_label_set_ellipsize (GTK_LABEL (where), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (where, "dim-label");
  gtk_widget_add_css_class (where, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), where);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "path", g_steal_pointer (&path), g_free);
  return row;
}

static void
update_recent (MerWindow *self)
{
  g_autoptr(GPtrArray) stories = list_recent (self);
  GtkWidget *child;

  g_menu_remove_all (self->recent_menu);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  for (guint i = 0; i < stories->len; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (stories, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s", gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_menu, item);
      gtk_list_box_append (self->recent_list, create_recent_row (info));
    }

  /* Rather than a submenu that opens on nothing, one that says why; an
   * item without an action does nothing. */
  if (stories->len == 0)
    g_menu_append (self->recent_menu, _("No Recent Stories"), NULL);

  /* The heading above the list goes with it. */
  gtk_widget_set_visible (gtk_widget_get_prev_sibling (GTK_WIDGET (self->recent_list)), stories->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->recent_list), stories->len > 0);
}

static void
on_recent_row_activated (MerWindow     *self,
                         GtkListBoxRow *row)
{
  open_unless_unsaved (self, g_object_get_data (G_OBJECT (row), "path"));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    open_unless_unsaved (MER_WINDOW (widget), path);
}

/* The start page: shown while no story is open, it offers the ways to
 * open one. */
static GtkWidget *
create_start_page (MerWindow *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (APP_ID);
  GtkWidget *heading = g_object_new (GTK_TYPE_LABEL, "label", _("Open a Story"),
                                     "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING, NULL);
  GtkWidget *hint = gtk_label_new (_("Drop a story file here, or choose one."));
  GtkWidget *open = gtk_button_new_with_mnemonic (_("_Open…"));
  GtkWidget *recent_heading = gtk_label_new (_("Recent Stories"));
  GtkWidget *list = gtk_list_box_new ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (box, 36);
  gtk_widget_set_margin_bottom (box, 36);
  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);

  gtk_image_set_pixel_size (GTK_IMAGE (icon), 128);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "Meridian", -1);
  gtk_widget_add_css_class (heading, "title-1");
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "win.open");
  gtk_widget_set_halign (open, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (open, "suggested-action");
  gtk_widget_add_css_class (open, "pill");

  gtk_label_set_xalign (GTK_LABEL (recent_heading), 0);
  gtk_widget_set_margin_top (recent_heading, 18);
  gtk_widget_add_css_class (recent_heading, "heading");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_set_size_request (list, 420, -1);
  gtk_widget_add_css_class (list, "frame");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Recent Stories"), -1);
  g_signal_connect_object (list, "row-activated", G_CALLBACK (on_recent_row_activated), self, G_CONNECT_SWAPPED);
  self->recent_list = GTK_LIST_BOX (list);

  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), hint);
  gtk_box_append (GTK_BOX (box), open);
  gtk_box_append (GTK_BOX (box), recent_heading);
  gtk_box_append (GTK_BOX (box), list);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  return scrolled;
}

/* Dropped files */

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         MerWindow     *self)
{
  GFile *file = NULL;
  g_autofree char *path = NULL;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));

      /* One story at a time: the first of several. */
      file = files != NULL ? files->data : NULL;
      g_slist_free (files);
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    file = g_value_get_object (value);

  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path == NULL)
    return FALSE;

  open_unless_unsaved (self, path);
  return TRUE;
}

/* Watching the file */

/* A version of the file: what changes when it is written. */
static char *
query_version (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  if (info == NULL)
    return NULL;
  return g_strdup_printf ("%s:%" G_GOFFSET_FORMAT, g_file_info_get_etag (info), g_file_info_get_size (info));
}

static void
forget_reload (MerWindow *self)
{
  g_clear_pointer (&self->reload_path, g_free);
  g_clear_pointer (&self->reload_version, g_free);
  g_clear_pointer (&self->reload_event_id, g_free);
  self->reload_keep_view = FALSE;
}

/* Reads the file shown again; the view, the time window and the selected
 * event are put back once the new version is shown. */
static void
reload (MerWindow *self)
{
  MerDocument *document = mer_state_get_document (self->state);
  MerEvent *selected = mer_state_get_selected_event (self->state);
  MerTimelineViewport *viewport = mer_timeline_get_viewport (self->timeline);
  g_autofree char *path = g_strdup (self->file_path);

  if (path == NULL)
    return;

  if (has_unsaved_slides (self))
    {
      g_autofree char *basename = g_path_get_basename (path);
      g_autofree char *message = g_strdup_printf (_("“%s” changed on disk. It is not read again while the "
                                                    "story has edits that are not saved, and saving asks "
                                                    "before it replaces that version."), basename);

      _mer_window_show_error (self, message);
      return;
    }

  forget_reload (self);
  self->reload_path = g_strdup (path);
  self->reload_version = query_version (path);
  if (document != NULL)
    {
      self->reload_keep_view = TRUE;
      self->reload_event_id = selected != NULL ? g_strdup (mer_event_get_id (selected)) : NULL;
      mer_map_widget_get_target_view (self->map, &self->reload_view);
      self->reload_start = mer_timeline_viewport_get_start (viewport);
      self->reload_end = mer_timeline_viewport_get_end (viewport);
      self->reload_has_window = mer_state_get_time_window (self->state, &self->reload_window_start,
                                                           &self->reload_window_end);
    }

  mer_window_open_file (self, path);
}

static gboolean
on_reload_timeout (gpointer user_data)
{
  MerWindow *self = user_data;
  g_autofree char *version = NULL;

  /* A load in flight would be cancelled, and a briefing being given
   * would change under the speaker: the change is looked at after. */
  if (mer_window_is_loading (self) || self->presentation != NULL)
    return G_SOURCE_CONTINUE;

  self->reload_id = 0;

  /* The window's own writes (a saved briefing) are read already. */
  version = self->file_path != NULL ? query_version (self->file_path) : NULL;
  if (version == NULL || g_strcmp0 (version, self->file_etag) == 0)
    return G_SOURCE_REMOVE;

  reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_file_changed (MerWindow         *self,
                 GFile             *file,
                 GFile             *other_file,
                 GFileMonitorEvent  event)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
      g_clear_handle_id (&self->reload_id, g_source_remove);
      self->reload_id = g_timeout_add (RELOAD_DELAY_MS, on_reload_timeout, self);
      break;

    default:
      /* Deleted, or its attributes changed: the story shown is kept. */
      break;
    }
}

static void
stop_watching (MerWindow *self)
{
  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
}

/* Makes @path the window's file: watched, so that a new version on disk is
 * shown, and remembered as read at @version (%NULL: now). */
static void
set_file (MerWindow  *self,
          const char *path,
          const char *version)
{
  g_autoptr(GFile) file = NULL;

  g_free (self->file_etag);
  self->file_etag = version != NULL ? g_strdup (version) : query_version (path);

  if (self->monitor != NULL && g_strcmp0 (self->file_path, path) == 0)
    return;

  stop_watching (self);
  g_free (self->file_path);
  self->file_path = g_strdup (path);
  update_file_actions (self);

  /* Watching the file watches its folder: a file that is missing now is
   * seen when it is written. */
  file = g_file_new_for_path (path);
  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect_swapped (self->monitor, "changed", G_CALLBACK (on_file_changed), self);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  reload (MER_WINDOW (widget));
}

/* Put back what the user was looking at before the reload. */
static void
restore_view (MerWindow *self)
{
  MerDocument *document = mer_state_get_document (self->state);
  MerEvent *event = self->reload_event_id != NULL ? mer_document_lookup_event (document, self->reload_event_id)
                                                  : NULL;

  if (event != NULL)
    mer_state_set_selected_event (self->state, event);
  if (self->reload_has_window)
    mer_state_set_time_window (self->state, self->reload_window_start, self->reload_window_end);
  mer_map_widget_go_to (self->map, &self->reload_view, FALSE);
  mer_timeline_viewport_set_range (mer_timeline_get_viewport (self->timeline), self->reload_start,
                                   self->reload_end);
}

/**
 * _mer_window_files_opened:
 * @path: the file whose story the window now shows
 *
 * Called by the loading code once a story is shown.
 */
void
_mer_window_files_opened (MerWindow  *self,
                          const char *path)
{
  g_autofree char *canonical = canonical_path (path);
  gboolean reloading = self->reload_path != NULL && g_str_equal (self->reload_path, canonical);
  g_autofree char *version = reloading ? g_steal_pointer (&self->reload_version) : NULL;

  if (reloading && self->reload_keep_view)
    restore_view (self);
  forget_reload (self);

  /* A reload is of the version on disk when it started: one written while
   * it read is read next. */
  set_file (self, canonical, version);
  add_recent (self, canonical);
  gtk_stack_set_visible_child_name (self->content_stack, "document");
}

/* The banner over a story whose file changed into something that cannot
 * be opened: the story read before stays, and the banner says why the new
 * one is not shown, a problem a line. */
static void
show_reload_banner (MerWindow    *self,
                    const char   *path,
                    GPtrArray    *diagnostics,
                    const GError *error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *basename = g_path_get_basename (path);
  guint n_errors = mer_diagnostics_count (diagnostics, MER_SEVERITY_ERROR);

  if (g_error_matches (error, MER_LOADER_ERROR, MER_LOADER_ERROR_INVALID) && n_errors > 0)
    g_string_append_printf (text, g_dngettext (NULL, "“%s” changed on disk and has %u error; the story read before stays open.",
                                               "“%s” changed on disk and has %u errors; the story read before stays open.",
                                               n_errors),
                            basename, n_errors);
  else
    g_string_append_printf (text, _("“%s” changed on disk and cannot be read (%s); the story read before stays open."),
                            basename, error->message);

  for (guint i = 0; i < diagnostics->len; i++)
    {
      const MerDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);

      if (diagnostic->severity != MER_SEVERITY_ERROR)
        continue;
      g_string_append_c (text, '\n');
      if (diagnostic->line > 0)
        g_string_append_printf (text, _("Line %u: "), diagnostic->line);
      if (diagnostic->path != NULL && *diagnostic->path != '\0')
        g_string_append_printf (text, "%s: ", diagnostic->path);
      g_string_append (text, diagnostic->message);
    }

  gtk_label_set_text (self->error_label, text->str);
  gtk_info_bar_set_revealed (self->error_bar, TRUE);
}

/**
 * _mer_window_files_failed:
 * @path: the file that could not be opened
 * @diagnostics: what is wrong with it
 * @error: why it could not be opened
 *
 * Called by the loading code when a file cannot be opened.
 *
 * Returns: whether the failure is shown; if not, the caller shows it
 */
gboolean
_mer_window_files_failed (MerWindow    *self,
                          const char   *path,
                          GPtrArray    *diagnostics,
                          const GError *error)
{
  g_autofree char *canonical = canonical_path (path);
  gboolean reloading = self->reload_path != NULL && g_str_equal (self->reload_path, canonical);
  g_autofree char *version = reloading ? g_steal_pointer (&self->reload_version) : NULL;

  forget_reload (self);

  if (mer_state_get_document (self->state) == NULL)
    {
      /* Fixed in an editor, it is shown at once. */
      set_file (self, canonical, version);
      mer_error_page_show_failure (self->error_page, canonical, diagnostics, error);
      gtk_info_bar_set_revealed (self->error_bar, FALSE);
      gtk_stack_set_visible_child_name (self->content_stack, "error");
      return TRUE;
    }

  if (reloading)
    {
      set_file (self, canonical, version);
      show_reload_banner (self, canonical, diagnostics, error);
      return TRUE;
    }

  return FALSE;
}

/* Reading a GeoJSON file or a CSV table of points */

static void
forget_import_options (MerWindow *self)
{
  g_clear_pointer (&self->import_path, g_free);
  g_clear_pointer (&self->import_time, g_free);
  g_clear_pointer (&self->import_end, g_free);
  g_clear_pointer (&self->import_title, g_free);
}

static void
on_import_chosen (MerWindow       *self,
                  MerDocument     *document,
                  MerImportDialog *dialog)
{
  const MerImportOptions *options = mer_import_dialog_get_options (dialog);
  const char *path = g_object_get_data (G_OBJECT (dialog), "path");

  /* Kept, so that the file read again when it changes is read alike. */
  forget_import_options (self);
  self->import_path = canonical_path (path);
  self->import_time = g_strdup (options->time_property);
  self->import_end = g_strdup (options->end_property);
  self->import_title = g_strdup (options->title_property);

  _mer_window_show_document (self, path, document);
}

/**
 * _mer_window_files_ask_import:
 * @path: the file just read
 * @document: (nullable): what it gave, read by the usual names; %NULL when
 *   it could not be read so
 * @diagnostics: (element-type MerDiagnostic): the messages of that reading
 *
 * A GeoJSON file or a CSV table of points, newly opened, is shown only once
 * the user has seen how it is read and chosen; read again after a change on
 * disk, it is read as chosen then.
 *
 * Returns: whether the file is taken care of here
 */
gboolean
_mer_window_files_ask_import (MerWindow   *self,
                              const char  *path,
                              MerDocument *document,
                              GPtrArray   *diagnostics)
{
  g_autofree char *canonical = canonical_path (path);
  gboolean reloading = self->reload_path != NULL && g_str_equal (self->reload_path, canonical);
  const char *format = document != NULL ? mer_document_get_imported_from (document) : NULL;
  MerImportFields *fields;
  MerImportDialog *dialog;

  if (reloading)
    {
      MerImportOptions options = { self->import_time, self->import_end, self->import_title };
      g_autoptr(GPtrArray) messages = mer_diagnostics_new ();
      g_autoptr(MerDocument) chosen = NULL;
      g_autoptr(GError) error = NULL;

      if (g_strcmp0 (self->import_path, canonical) != 0)
        return FALSE;
      /* Read as chosen, or shown as a reload that failed: not silently
       * read by the usual names instead. */
      chosen = mer_import_load_file_full (path, path, &options, messages, &error);
      if (chosen == NULL)
        return _mer_window_files_failed (self, path, messages, error);
      _mer_window_show_document (self, path, chosen);
      return TRUE;
    }

  if (document != NULL && g_strcmp0 (format, "GeoJSON") != 0 && g_strcmp0 (format, "CSV") != 0)
    return FALSE;
  /* A TimelineJS sheet is a CSV file too, with nothing to choose. */
  fields = mer_import_read_fields (path, NULL);
  if (fields == NULL)
    return FALSE;

  if (self->import_dialog != NULL)
    gtk_window_destroy (self->import_dialog);
  dialog = mer_import_dialog_new (GTK_WINDOW (self), path, fields, document, diagnostics);
  g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "import", G_CALLBACK (on_import_chosen), self, G_CONNECT_SWAPPED);
  self->import_dialog = GTK_WINDOW (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->import_dialog);
  return TRUE;
}

/* Saving a story that was imported */

static JsonObject *
slide_to_json (const MerSlideData *data)
{
  JsonObject *slide = json_object_new ();

  if (data->event_id != NULL)
    json_object_set_string_member (slide, "event", data->event_id);
  if (data->caption != NULL && *data->caption != '\0')
    json_object_set_string_member (slide, "caption", data->caption);
  if (data->notes != NULL && *data->notes != '\0')
    json_object_set_string_member (slide, "notes", data->notes);
  if (data->has_view)
    {
      JsonObject *view = json_object_new ();

      json_object_set_double_member (view, "lat", data->view.lat);
      json_object_set_double_member (view, "lon", data->view.lon);
      json_object_set_double_member (view, "zoom", data->view.zoom);
      json_object_set_object_member (slide, "view", view);
    }
  if (data->region_ids != NULL && data->region_ids[0] != NULL)
    {
      JsonArray *regions = json_array_new ();

      for (guint i = 0; data->region_ids[i] != NULL; i++)
        json_array_add_string_element (regions, data->region_ids[i]);
      json_object_set_array_member (slide, "regions", regions);
    }
  if (data->time_start != NULL && data->time_end != NULL)
    {
      JsonObject *time = json_object_new ();

      json_object_set_string_member (time, "start", data->time_start);
      json_object_set_string_member (time, "end", data->time_end);
      json_object_set_object_member (slide, "time", time);
    }
  return slide;
}

/* The slides being edited replace those of their briefing, which the
 * imported file could not take. */
static void
put_edited_slides (JsonObject        *root,
                   MerBriefingEditor *editor)
{
  JsonArray *briefings = json_object_has_member (root, "briefings") ? json_object_get_array_member (root, "briefings")
                                                                     : NULL;

  for (guint i = 0; briefings != NULL && i < json_array_get_length (briefings); i++)
    {
      JsonObject *briefing = json_array_get_object_element (briefings, i);
      JsonArray *slides;

      if (g_strcmp0 (json_object_get_string_member (briefing, "id"),
                     mer_briefing_editor_get_briefing_id (editor)) != 0)
        continue;

      slides = json_array_new ();
      for (guint j = 0; j < mer_briefing_editor_get_n_slides (editor); j++)
        json_array_add_object_element (slides, slide_to_json (mer_briefing_editor_get_slide (editor, j)));
      json_object_set_array_member (briefing, "slides", slides);
    }
}

/**
 * _mer_window_files_save_story:
 * @path: a new Meridian file
 *
 * Writes the story shown, with the slides being edited, as a Meridian
 * story into @path and opens it, so that the next save goes there. The
 * file the story was imported from is never written.
 *
 * Returns: whether it was written
 */
gboolean
_mer_window_files_save_story (MerWindow   *self,
                              const char  *path,
                              GError     **error)
{
  MerDocument *document = mer_state_get_document (self->state);
  MerBriefingEditor *editor = mer_slides_panel_get_editor (self->slides);
  g_autoptr(GPtrArray) report = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *canonical = canonical_path (path);
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (document != NULL, FALSE);

  if (g_strcmp0 (canonical, self->file_path) == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("%s is the file the story was imported from; choose another name"), path);
      return FALSE;
    }

  root = mer_document_writer_build (document, report);
  if (editor != NULL && mer_briefing_editor_is_dirty (editor))
    put_edited_slides (json_node_get_object (root), editor);
  text = mer_json_writer_to_text (root, "  ", "\n");
  if (!g_file_set_contents (canonical, text, -1, error))
    return FALSE;

  if (report->len > 0)
    {
      g_autofree char *joined = NULL;
      g_autofree char *message = NULL;

      g_ptr_array_add (report, NULL);
      joined = g_strjoinv ("; ", (char **) report->pdata);
      message = g_strdup_printf (_("Saved without what Meridian's format cannot hold: %s."), joined);
      _mer_window_show_error (self, message);
    }

  mer_window_open_file (self, canonical);
  return TRUE;
}

static void
on_save_chooser_response (MerWindow            *self,
                          int                   response,
                          GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = file != NULL ? g_file_get_path (file) : NULL;
      if (path != NULL && !_mer_window_files_save_story (self, path, &error))
        _mer_window_show_error (self, error->message);
    }

  g_clear_object (&self->save_chooser);
}

/* An imported story is saved as a new Meridian file: "quakes.geojson"
 * becomes "quakes.json", and a TimelineJS "story.json" "story.meridian.json",
 * so that the suggestion never is the source. */
void
_mer_window_files_save_imported_as (MerWindow *self)
{
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;
  char *dot;

  if (mer_state_get_document (self->state) == NULL || self->save_chooser != NULL)
    return;

  basename = self->file_path != NULL ? g_path_get_basename (self->file_path) : g_strdup ("story.json");
  dot = strrchr (basename, '.');
  if (dot != NULL && dot != basename)
    {
      gboolean was_json = g_ascii_strcasecmp (dot, ".json") == 0;

      *dot = '\0';
      name = g_strconcat (basename, was_json ? ".meridian.json" : ".json", NULL);
    }
  else
    name = g_strconcat (basename, ".json", NULL);

  self->save_chooser = gtk_file_chooser_native_new (_("Save as a Meridian Story"), GTK_WINDOW (self),
                                                    GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  if (self->file_path != NULL)
    {
      g_autoptr(GFile) source = g_file_new_for_path (self->file_path);
      g_autoptr(GFile) folder = g_file_get_parent (source);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->save_chooser), folder, NULL);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->save_chooser), name);
  g_signal_connect_swapped (self->save_chooser, "response", G_CALLBACK (on_save_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->save_chooser));
}

/**
 * _mer_window_files_saved:
 * @path: the file the story was written to
 *
 * The window wrote the story: that version is the one read, not a change
 * to read again, and the file is the window's.
 */
void
_mer_window_files_saved (MerWindow  *self,
                         const char *path)
{
  g_autofree char *canonical = canonical_path (path);

  set_file (self, canonical, NULL);
  add_recent (self, canonical);
}

/**
 * _mer_window_files_forget:
 *
 * The story shown has no file (a new story): none is watched.
 */
void
_mer_window_files_forget (MerWindow *self)
{
  stop_watching (self);
  forget_reload (self);
  g_clear_pointer (&self->file_path, g_free);
  g_clear_pointer (&self->file_etag, g_free);
  update_file_actions (self);
}

void
_mer_window_files_class_init (MerWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (MER_TYPE_ERROR_PAGE);
  gtk_widget_class_bind_template_child (widget_class, MerWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, MerWindow, recent_menu);

  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.reload", NULL);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
}

void
_mer_window_files_init (MerWindow *self)
{
  GtkDropTarget *target;
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  self->error_page = mer_error_page_new ();
  gtk_stack_add_named (self->content_stack, create_start_page (self), "start");
  gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->error_page), "error");
  gtk_stack_set_visible_child_name (self->content_stack, "start");

  self->recent_manager = g_object_ref (gtk_recent_manager_get_default ());
  g_signal_connect_object (self->recent_manager, "changed", G_CALLBACK (update_recent), self, G_CONNECT_SWAPPED);
  update_recent (self);
  update_file_actions (self);

  target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

void
_mer_window_files_dispose (MerWindow *self)
{
  stop_watching (self);
  forget_reload (self);
  g_clear_pointer (&self->file_path, g_free);
  g_clear_pointer (&self->file_etag, g_free);
  forget_import_options (self);
  if (self->import_dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->import_dialog), (gpointer *) &self->import_dialog);
      gtk_window_destroy (self->import_dialog);
      self->import_dialog = NULL;
    }
  if (self->save_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->save_chooser));
  g_clear_object (&self->save_chooser);
  if (self->recent_manager != NULL)
    g_signal_handlers_disconnect_by_data (self->recent_manager, self);
  g_clear_object (&self->recent_manager);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-window"

#include "config.h"

#include "mer-window-private.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "mer-draw-layer.h"
#include "mer-fit.h"
#include "mer-map-widget.h"
#include "mer-region-picker.h"
#include "mer-timeline.h"

/* Writing stories in the window: the story shown is edited through one
 * MerEdit (mer-edit.c), whose every change gives a new document; the window
 * shows it where the user was (the view, the selection, the timeline and
 * the time window stay). New Story, Save, Save As, Undo and Redo are
 * window actions, so they work from anywhere; events are added from the
 * map's and the timeline's context menus, edited in the side panel's
 * editor, and their places moved by dragging their markers.
 *
 * Nothing is lost: unsaved edits are written every 30 seconds to a
 * recovery file under $XDG_STATE_HOME/meridian/, removed when the story is
 * saved, its edits are dropped or the window closes (closing asks first);
 * so only a Meridian that crashed or was killed leaves one, and the next
 * window offers to restore it. */

#define RECOVERY_INTERVAL_SECONDS 30

/* A marker is grabbed within this distance, in logical pixels. */
#define MARKER_GRAB_RADIUS 12

/* Recovery */

static char *
recovery_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "meridian", NULL);
}

/* One recovery file a story: named after its file, or after the window's
 * process for a story that has none yet. */
static char *
recovery_path (MerWindow *self)
{
  const char *path = self->edit != NULL ? mer_edit_get_path (self->edit) : NULL;
  g_autofree char *dir = recovery_dir ();
  g_autofree char *name = NULL;

  if (path != NULL)
    {
      g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, path, -1);

      name = g_strdup_printf ("%s.json", hash);
    }
  else
    name = g_strdup_printf ("untitled-%d.json", (int) getpid ());
  return g_build_filename (dir, name, NULL);
}

static void
remove_recovery (MerWindow *self)
{
  g_autofree char *source = NULL;

  if (self->recovery_file == NULL)
    return;
  source = g_strconcat (self->recovery_file, ".source", NULL);
  g_unlink (self->recovery_file);
  g_unlink (source);
  g_clear_pointer (&self->recovery_file, g_free);
}

/**
 * _mer_window_edit_write_recovery:
 *
 * Writes the unsaved edits to the recovery file now, beside a note of the
 * story's file. Done every 30 seconds while there are any.
 */
void
_mer_window_edit_write_recovery (MerWindow *self)
{
  g_autofree char *text = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *source = NULL;
  g_autoptr(GError) error = NULL;
  const char *story;

  if (self->edit == NULL || !mer_edit_is_dirty (self->edit))
    return;

  dir = recovery_dir ();
  path = recovery_path (self);
  if (g_strcmp0 (path, self->recovery_file) != 0)
    remove_recovery (self);
  source = g_strconcat (path, ".source", NULL);
  text = mer_edit_dup_text (self->edit);
  story = mer_edit_get_path (self->edit);
  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_set_contents (source, story != NULL ? story : "", -1, &error) ||
      !g_file_set_contents (path, text, -1, &error))
    {
      g_warning ("Unsaved edits cannot be kept in %s: %s", path,
                 error != NULL ? error->message : g_strerror (errno));
      return;
    }
  g_free (self->recovery_file);
  self->recovery_file = g_steal_pointer (&path);
}

static gboolean
on_recovery_timeout (gpointer user_data)
{
  _mer_window_edit_write_recovery (MER_WINDOW (user_data));
  return G_SOURCE_CONTINUE;
}

/* A recovery file whose window is gone: not one this process writes. */
static char *
find_recovery (void)
{
  g_autofree char *dir = recovery_dir ();
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  g_autofree char *mine = g_strdup_printf ("untitled-%d.json", (int) getpid ());
  const char *name;

  if (folder == NULL)
    return NULL;
  while ((name = g_dir_read_name (folder)) != NULL)
    if (g_str_has_suffix (name, ".json") && !g_str_equal (name, mine))
      return g_build_filename (dir, name, NULL);
  return NULL;
}

static void
on_recovery_response (MerWindow *self,
                      int        response)
{
  g_autofree char *path = g_steal_pointer (&self->recovery_offer);
  g_autofree char *source = g_strconcat (path, ".source", NULL);
  g_autofree char *story = NULL;
  g_autofree char *text = NULL;
  g_autoptr(MerEdit) edit = NULL;
  g_autoptr(GError) error = NULL;

  gtk_info_bar_set_revealed (self->recovery_bar, FALSE);
  if (response != GTK_RESPONSE_ACCEPT)
    {
      g_unlink (path);
      g_unlink (source);
      return;
    }

  if (!g_file_get_contents (path, &text, NULL, &error))
    {
      _mer_window_show_error (self, error->message);
      return;
    }
  if (g_file_get_contents (source, &story, NULL, NULL) && *story != '\0')
    edit = mer_edit_new_for_file (story, &error);
  else
    edit = mer_edit_new_story (_("Untitled Story"), NULL);
  if (edit == NULL || !mer_edit_restore_text (edit, text, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The unsaved edits cannot be restored: %s"), error->message);

      _mer_window_show_error (self, message);
      return;
    }

  _mer_window_edit_take (self, g_steal_pointer (&edit));
  /* Kept until the restored edits are saved, or written anew. */
  g_unlink (path);
  g_unlink (source);
  _mer_window_edit_write_recovery (self);
}

/* Offers the edits a Meridian that did not close left behind. */
static void
offer_recovery (MerWindow *self)
{
  g_autofree char *path = find_recovery ();
  g_autofree char *source = NULL;
  g_autofree char *story = NULL;
  g_autofree char *message = NULL;

  if (path == NULL)
    return;
  source = g_strconcat (path, ".source", NULL);
  if (g_file_get_contents (source, &story, NULL, NULL) && *story != '\0')
    {
      g_autofree char *name = g_filename_display_basename (story);

      message = g_strdup_printf (_("Meridian closed before the edits to “%s” were saved."), name);
    }
  else
    message = g_strdup (_("Meridian closed before a new story was saved."));

  g_free (self->recovery_offer);
  self->recovery_offer = g_steal_pointer (&path);
  gtk_label_set_text (self->recovery_label, message);
  gtk_info_bar_set_revealed (self->recovery_bar, TRUE);
}

/* Showing the edited story */

static void
update_actions (MerWindow *self)
{
  gboolean editable = self->edit != NULL;
  MerEvent *event = mer_state_get_selected_event (self->state);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", editable || mer_state_get_document (self->state));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", mer_state_get_document (self->state) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-event", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-event-here", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-event-on", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-event", editable && event != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-region-from-file", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.draw-region", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.pick-region", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-division", editable);
  if (!editable && self->draw_layer != NULL)
    {
      mer_draw_layer_clear (self->draw_layer);
      mer_draw_layer_set_active (self->draw_layer, FALSE);
    }
}

static void
update_title (MerWindow *self)
{
  MerDocument *document = mer_state_get_document (self->state);
  const char *title = document != NULL ? mer_document_get_title (document) : NULL;
  g_autofree char *text = NULL;

  if (title == NULL)
    title = "Meridian";
  /* A dot before the title says there are edits not saved. */
  text = self->edit != NULL && mer_edit_is_dirty (self->edit) ? g_strdup_printf ("• %s", title) : g_strdup (title);
  gtk_window_set_title (GTK_WINDOW (self), text);
  gtk_label_set_text (self->title_label, text);
}

/* The new document in place of the old, where the user was. */
static void
on_edit_changed (MerWindow *self)
{
  MerDocument *document = mer_edit_get_document (self->edit);
  MerTimelineViewport *viewport = mer_timeline_get_viewport (self->timeline);
  MerEvent *selected = mer_state_get_selected_event (self->state);
  MerRegion *region = mer_state_get_selected_region (self->state);
  g_autofree char *event_id = selected != NULL ? g_strdup (mer_event_get_id (selected)) : NULL;
  g_autofree char *region_id = region != NULL ? g_strdup (mer_region_get_id (region)) : NULL;
  double start, end, window_start, window_end;
  gboolean has_window;
  MerView view;

  if (document != mer_state_get_document (self->state))
    {
      mer_map_widget_get_target_view (self->map, &view);
      start = mer_timeline_viewport_get_start (viewport);
      end = mer_timeline_viewport_get_end (viewport);
      has_window = mer_state_get_time_window (self->state, &window_start, &window_end);

      self->applying_edit = TRUE;
      _mer_window_set_document (self, document);
      self->applying_edit = FALSE;

      if (event_id != NULL)
        mer_state_set_selected_event (self->state, mer_document_lookup_event (document, event_id));
      if (region_id != NULL)
        mer_state_set_selected_region (self->state, mer_document_lookup_region (document, region_id));
      if (has_window)
        mer_state_set_time_window (self->state, window_start, window_end);
      mer_map_widget_go_to (self->map, &view, FALSE);
      mer_timeline_viewport_set_range (viewport, start, end);
    }

  if (!mer_edit_is_dirty (self->edit))
    remove_recovery (self);
  update_title (self);
  update_actions (self);
}

/**
 * _mer_window_edit_take:
 * @edit: (transfer full): a story to edit, shown at once
 *
 * Makes @edit the window's story, as New Story and a restore do.
 */
void
_mer_window_edit_take (MerWindow *self,
                       MerEdit   *edit)
{
  const char *path = mer_edit_get_path (edit);

  remove_recovery (self);
  if (self->edit != NULL)
    g_signal_handlers_disconnect_by_data (self->edit, self);
  g_clear_object (&self->edit);
  self->edit = edit;
  g_signal_connect_object (edit, "changed", G_CALLBACK (on_edit_changed), self, G_CONNECT_SWAPPED);

  self->applying_edit = TRUE;
  _mer_window_set_document (self, mer_edit_get_document (edit));
  self->applying_edit = FALSE;
  mer_slides_panel_set_edit (self->slides, edit);
  mer_event_editor_set_edit (self->event_editor, edit, NULL);

  if (path != NULL)
    _mer_window_files_opened (self, path);
  else
    {
      _mer_window_files_forget (self);
      gtk_stack_set_visible_child_name (self->content_stack, "document");
    }
  update_title (self);
  update_actions (self);
}

/* Each edit writes and reads the whole story again, and starting to edit
 * parses it on the main thread: past this size a story is only shown. */
#define MAX_EDITED_MIB 16

static gboolean
too_large_to_edit (MerDocument *document)
{
  g_autoptr(GFileInfo) info = g_file_query_info (mer_document_get_file (document), G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return info != NULL && g_file_info_get_size (info) > (goffset) MAX_EDITED_MIB * 1024 * 1024;
}

/**
 * _mer_window_edit_document_set:
 * @document: the document the window is about to show
 *
 * Called for every document shown. One read from a file gets an edit of
 * its own (the history of the one before is dropped with it); one made by
 * the edit is the edit's.
 */
void
_mer_window_edit_document_set (MerWindow   *self,
                               MerDocument *document)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *why_not = NULL;
  MerEdit *edit = NULL;

  if (self->applying_edit)
    return;

  remove_recovery (self);
  if (self->edit != NULL)
    g_signal_handlers_disconnect_by_data (self->edit, self);
  g_clear_object (&self->edit);

  if (document == NULL)
    return;

  if (mer_document_get_imported_from (document) != NULL)
    why_not = g_strdup_printf (_("This story was read from a %s file, which Meridian does not write into. "
                                 "Convert it to a Meridian story (meridian --convert) to edit it."),
                               mer_document_get_imported_from (document));
  else if (too_large_to_edit (document))
    why_not = g_strdup_printf (_("This story is larger than %d MiB: edit it in a text editor, or split it."),
                               MAX_EDITED_MIB);
  else
    {
      edit = mer_edit_new_for_document (document, &error);
      if (edit == NULL)
        why_not = g_strdup_printf (_("This story cannot be edited: %s"),
                                   error != NULL ? error->message : _("it has no file"));
    }

  self->edit = edit;
  if (edit != NULL)
    g_signal_connect_object (edit, "changed", G_CALLBACK (on_edit_changed), self, G_CONNECT_SWAPPED);
  mer_slides_panel_set_edit (self->slides, edit);
  mer_event_editor_set_edit (self->event_editor, edit, why_not);
}

/**
 * _mer_window_edit_document_shown:
 *
 * Called once a document is shown: the title and the actions follow it.
 */
void
_mer_window_edit_document_shown (MerWindow *self)
{
  update_title (self);
  update_actions (self);
}

/**
 * _mer_window_edit_is_dirty:
 *
 * Returns: whether the story has edits not saved
 */
gboolean
_mer_window_edit_is_dirty (MerWindow *self)
{
  MerBriefingEditor *editor = mer_slides_panel_get_editor (self->slides);

  if (self->edit != NULL)
    return mer_edit_is_dirty (self->edit);
  return editor != NULL && mer_briefing_editor_is_dirty (editor);
}

/**
 * _mer_window_edit_discard:
 *
 * The user chose not to keep the edits: they are not offered again.
 */
void
_mer_window_edit_discard (MerWindow *self)
{
  remove_recovery (self);
}

/* Saving */

static void save_as (MerWindow *self);

static void
saved (MerWindow *self)
{
  remove_recovery (self);
  _mer_window_files_saved (self, mer_edit_get_path (self->edit));
  update_title (self);
  update_actions (self);
}

static void
on_overwrite_response (AdwMessageDialog *dialog,
                       const char       *response,
                       MerWindow        *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "replace") || self->edit == NULL)
    return;
  if (!mer_edit_save_as (self->edit, mer_edit_get_path (self->edit), &error))
    _mer_window_show_error (self, error->message);
  else
    saved (self);
}

/* Another program wrote the file since it was read: the user decides.
 * Replacing loses that program's changes, so it is the destructive answer
 * and not the default. */
static void
ask_overwrite (MerWindow    *self,
               const GError *error)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), error->message,
                                                                         _("Saving replaces that version with yours; "
                                                                           "its changes are lost. Save As keeps both.")));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "replace", _("_Replace"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_overwrite_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * _mer_window_edit_save:
 *
 * Saves the story; a new story asks where first.
 *
 * Returns: whether the story is saved (or its Save As is under way)
 */
gboolean
_mer_window_edit_save (MerWindow  *self,
                       GError    **error)
{
  if (self->edit == NULL && mer_state_get_document (self->state) != NULL &&
      mer_document_get_imported_from (mer_state_get_document (self->state)) != NULL)
    {
      /* Saved as a new Meridian story, never over its source. */
      _mer_window_files_save_imported_as (self);
      g_set_error_literal (error, MER_EDIT_ERROR, MER_EDIT_ERROR_NO_FILE,
                           _("Choose where to save the story as a Meridian story first."));
      return FALSE;
    }
  if (self->edit == NULL)
    return mer_slides_panel_save (self->slides, error);

  if (mer_edit_get_path (self->edit) == NULL)
    {
      save_as (self);
      g_set_error_literal (error, MER_EDIT_ERROR, MER_EDIT_ERROR_NO_FILE,
                           _("Choose where to save the new story first."));
      return FALSE;
    }
  if (!mer_edit_save (self->edit, error))
    return FALSE;
  saved (self);
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MerWindow *self = MER_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (_mer_window_edit_save (self, &error))
    return;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_MERGE))
    ask_overwrite (self, error);
  else if (!g_error_matches (error, MER_EDIT_ERROR, MER_EDIT_ERROR_NO_FILE))
    _mer_window_show_error (self, error->message);
}

static void
on_save_as_response (MerWindow            *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->edit != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = g_file_get_path (file);
      if (path != NULL && !g_str_has_suffix (path, ".json"))
        {
          g_autofree char *with_suffix = g_strconcat (path, ".json", NULL);

          g_free (path);
          path = g_steal_pointer (&with_suffix);
        }
      /* The recovery file is named after the file: it moves with it. */
      remove_recovery (self);
      if (path != NULL && mer_edit_save_as (self->edit, path, &error))
        saved (self);
      else if (error != NULL)
        _mer_window_show_error (self, error->message);
    }

  g_clear_object (&self->save_chooser);
}

static void
save_as (MerWindow *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  MerDocument *document = mer_state_get_document (self->state);
  const char *path = self->edit != NULL ? mer_edit_get_path (self->edit) : NULL;

  if (self->edit == NULL)
    {
      if (document != NULL && mer_document_get_imported_from (document) != NULL)
        _mer_window_files_save_imported_as (self);
      return;
    }
  if (self->save_chooser != NULL)
    return;

  gtk_file_filter_set_name (filter, _("Meridian stories"));
  gtk_file_filter_add_suffix (filter, "json");
  self->save_chooser = gtk_file_chooser_native_new (_("Save Story"), GTK_WINDOW (self),
                                                    GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->save_chooser), filter);
  if (path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);

      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (self->save_chooser), file, NULL);
    }
  else
    {
      g_autofree char *name = g_strdup_printf ("%s.json", document != NULL && mer_document_get_title (document)
                                                          ? mer_document_get_title (document) : _("Story"));

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->save_chooser), name);
    }
  g_signal_connect_swapped (self->save_chooser, "response", G_CALLBACK (on_save_as_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->save_chooser));
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save_as (MER_WINDOW (widget));
}

/* New story, undo, redo */

/**
 * _mer_window_edit_new_story:
 *
 * Shows a new, empty story with the default categories, opening where the
 * map is now.
 */
void
_mer_window_edit_new_story (MerWindow *self)
{
  MerView view;

  mer_map_widget_get_target_view (self->map, &view);
  _mer_window_edit_take (self, mer_edit_new_story (_("Untitled Story"), &view));
  gtk_widget_set_visible (GTK_WIDGET (self->details_box), TRUE);
  gtk_stack_set_visible_child_name (self->side_stack, "edit");
}

static void
new_story_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  MerWindow *self = MER_WINDOW (widget);

  if (!_mer_window_confirm_unsaved (self, MER_WINDOW_THEN_NEW_STORY))
    _mer_window_edit_new_story (self);
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  MerWindow *self = MER_WINDOW (widget);
  gboolean undo = g_str_equal (action_name, "win.undo");

  if (self->edit == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self->slides), undo ? "slides.undo" : "slides.redo", NULL);
      return;
    }
  if (undo)
    mer_edit_undo (self->edit);
  else
    mer_edit_redo (self->edit);
}

/* Events */

/* A day, as the file writes it, from a time on the timeline. */
static char *
day_at (double seconds)
{
  MerDate date;
  gint64 year;
  guint month, day;

  mer_date_civil_from_days ((gint64) floor (seconds / 86400), &year, &month, &day);
  date = (MerDate) { .year = year, .month = month, .day = day, .precision = MER_DATE_PRECISION_DAY };
  return mer_date_to_iso (&date);
}

static void
add_event (MerWindow      *self,
           double          seconds,
           const MerPlace *place)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *start = day_at (seconds);
  g_autofree char *id = NULL;

  if (self->edit == NULL)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->details_box), TRUE);
  gtk_stack_set_visible_child_name (self->side_stack, "edit");
  id = mer_edit_add_event (self->edit, _("New event"), start, place, &error);
  if (id == NULL)
    {
      mer_event_editor_show_error (self->event_editor, error->message);
      return;
    }
  mer_state_set_selected_event (self->state, mer_document_lookup_event (mer_edit_get_document (self->edit), id));
  mer_event_editor_focus_title (self->event_editor);
}

/* The day a new event starts on: the middle of the timeline, or today in a
 * story with no events, whose timeline shows no time of its own. */
static double
timeline_centre (MerWindow *self)
{
  MerTimelineViewport *viewport = mer_timeline_get_viewport (self->timeline);
  MerDocument *document = mer_state_get_document (self->state);

  if (document == NULL || g_list_model_get_n_items (mer_document_get_events (document)) == 0)
    return (double) (g_get_real_time () / G_USEC_PER_SEC);
  return (mer_timeline_viewport_get_start (viewport) + mer_timeline_viewport_get_end (viewport)) / 2;
}

static void
new_event_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  MerWindow *self = MER_WINDOW (widget);
  MerMapView view;
  MerPlace place;

  mer_map_widget_get_map_view (self->map, &view);
  place = (MerPlace) { (char *) _("New place"), view.lat, view.lon };

  if (g_str_equal (action_name, "win.new-event-here"))
    {
      g_variant_get (parameter, "(dd)", &place.lat, &place.lon);
      add_event (self, timeline_centre (self), &place);
    }
  else if (g_str_equal (action_name, "win.new-event-on"))
    add_event (self, g_variant_get_double (parameter), NULL);
  else
    add_event (self, timeline_centre (self), &place);
}

static void
delete_event_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  MerWindow *self = MER_WINDOW (widget);
  MerEvent *event = mer_state_get_selected_event (self->state);
  g_autoptr(GError) error = NULL;

  if (self->edit == NULL || event == NULL)
    return;
  if (!mer_edit_remove_item (self->edit, MER_EDIT_KIND_EVENT, mer_event_get_id (event), &error))
    {
      g_autofree char *message = g_strdup_printf (_("The event cannot be deleted: %s"), error->message);

      mer_event_editor_show_error (self->event_editor, message);
    }
  else
    mer_event_editor_show_error (self->event_editor, NULL);
}

static void
show_editor_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  MerWindow *self = MER_WINDOW (widget);

  gtk_widget_set_visible (GTK_WIDGET (self->details_box), TRUE);
  gtk_stack_set_visible_child_name (self->side_stack, "edit");
  if (mer_state_get_selected_event (self->state) != NULL && self->edit != NULL)
    mer_event_editor_focus_title (self->event_editor);
  else
    gtk_widget_child_focus (GTK_WIDGET (self->event_editor), GTK_DIR_TAB_FORWARD);
}

/* New regions */

/* The new region selected, its name focused in the editor to be typed over. */
static void
show_new_region (MerWindow  *self,
                 const char *id)
{
  MerRegion *region = mer_document_lookup_region (mer_state_get_document (self->state), id);

  mer_event_editor_show_error (self->event_editor, NULL);
  mer_state_set_selected_region (self->state, region);
  gtk_widget_set_visible (GTK_WIDGET (self->details_box), TRUE);
  gtk_stack_set_visible_child_name (self->side_stack, "edit");
  mer_event_editor_focus_region (self->event_editor, id);
}

/* A region's outline is written next to the story: a new one is saved first. */
static gboolean
can_add_region (MerWindow *self)
{
  if (self->edit == NULL)
    return FALSE;
  if (mer_edit_get_path (self->edit) != NULL)
    return TRUE;
  mer_event_editor_show_error (self->event_editor,
                               _("Save the story first: a region’s outline is written in a file next to it."));
  return FALSE;
}

static void
on_outline_chosen (MerWindow *self,
                   int        response)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(MerGeometry) outline = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *id = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->edit != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->outline_chooser));
      path = file != NULL ? g_file_get_path (file) : NULL;
    }
  g_clear_object (&self->outline_chooser);
  if (path == NULL)
    return;

  outline = mer_edit_read_outline (path, &name, &error);
  if (outline != NULL)
    id = mer_edit_add_region (self->edit, name, outline, &error);
  if (id == NULL)
    mer_event_editor_show_error (self->event_editor, error->message);
  else
    show_new_region (self, id);
}

static void
add_region_from_file_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  MerWindow *self = MER_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->outline_chooser != NULL || !can_add_region (self))
    return;

  gtk_file_filter_set_name (filter, _("GeoJSON and KML outlines"));
  gtk_file_filter_add_suffix (filter, "geojson");
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_filter_add_suffix (filter, "kml");
  self->outline_chooser = gtk_file_chooser_native_new (_("Region from a File"), GTK_WINDOW (self),
                                                       GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add Region"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->outline_chooser), filter);
  g_signal_connect_swapped (self->outline_chooser, "response", G_CALLBACK (on_outline_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->outline_chooser));
}

/* The outlines to pick from, read when first needed (3.8 MB of JSON). */
static gboolean
ensure_divisions (MerWindow  *self,
                  GError    **error)
{
  g_autofree char *path = NULL;

  if (self->divisions != NULL)
    return TRUE;
  path = mer_divisions_find_default_path ();
  self->divisions = mer_divisions_new_from_file (path, error);
  return self->divisions != NULL;
}

static void
on_region_picked (MerWindow *self,
                  guint      index)
{
  const MerDivision *item = mer_divisions_get_item (self->divisions, index);
  g_autoptr(MerGeometry) outline = mer_divisions_dup_geometry (self->divisions, index);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  MerGeometry *geometries[] = { outline };
  MerMapView map_view;
  MerView view;

  if (self->edit == NULL)
    return;
  id = mer_edit_add_named_region (self->edit, item->name, item->names, item->n_names, outline, &error);
  if (id == NULL)
    {
      mer_event_editor_show_error (self->event_editor, error->message);
      return;
    }
  show_new_region (self, id);
  /* Unlike one drawn, a region picked may lie anywhere: shown whole. */
  mer_map_widget_get_map_view (self->map, &map_view);
  if (mer_fit_view (NULL, 0, geometries, 1, MAX (map_view.width, 200), MAX (map_view.height, 150), 40,
                    MER_MAP_MIN_ZOOM, 8, &view))
    mer_map_widget_go_to (self->map, &view, TRUE);
}

static void
pick_region_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  MerWindow *self = MER_WINDOW (widget);
  MerRegionPicker *picker;
  g_autoptr(GError) error = NULL;

  if (self->region_picker != NULL || !can_add_region (self))
    return;
  if (!ensure_divisions (self, &error))
    {
      mer_event_editor_show_error (self->event_editor, error->message);
      return;
    }

  picker = mer_region_picker_new (GTK_WINDOW (self), self->divisions);
  self->region_picker = GTK_WINDOW (picker);
  g_object_add_weak_pointer (G_OBJECT (picker), (gpointer *) &self->region_picker);
  g_signal_connect_object (picker, "picked", G_CALLBACK (on_region_picked), self, G_CONNECT_SWAPPED);
}

/* A country or division under the pointer, from the map's menu. */
static void
add_division_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  MerWindow *self = MER_WINDOW (widget);
  guint index = g_variant_get_uint32 (parameter);

  if (self->divisions == NULL || index >= mer_divisions_get_n_items (self->divisions) || !can_add_region (self))
    return;
  on_region_picked (self, index);
}

static gboolean
drawing (MerWindow *self)
{
  return self->draw_layer != NULL && mer_draw_layer_get_active (self->draw_layer);
}

static void
stop_drawing (MerWindow *self)
{
  mer_draw_layer_clear (self->draw_layer);
  mer_draw_layer_set_active (self->draw_layer, FALSE);
  gtk_widget_set_cursor (GTK_WIDGET (self->map), NULL);
}

/* Closes the polygon drawn into a new region. */
static void
finish_drawing (MerWindow *self)
{
  g_autoptr(MerGeometry) outline = mer_draw_layer_dup_outline (self->draw_layer);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (outline == NULL)
    {
      mer_event_editor_show_error (self->event_editor, _("A region needs at least three corners."));
      return;
    }
  id = mer_edit_add_region (self->edit, _("New region"), outline, &error);
  if (id == NULL)
    {
      mer_event_editor_show_error (self->event_editor, error->message);
      return;
    }
  stop_drawing (self);
  show_new_region (self, id);
}

static void
draw_region_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  MerWindow *self = MER_WINDOW (widget);

  if (drawing (self) || !can_add_region (self))
    return;
  mer_draw_layer_clear (self->draw_layer);
  mer_draw_layer_set_active (self->draw_layer, TRUE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->map), "crosshair");
  mer_event_editor_show_error (self->event_editor, NULL);
  /* The keys go to the map, not to a field of the editor. */
  gtk_widget_grab_focus (GTK_WIDGET (self->map));
}

static void
on_draw_pressed (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 MerWindow       *self)
{
  if (!drawing (self))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
}

/* A corner on release, so that a drag still pans the map; the second
 * click of a double-click closes the polygon. */
static void
on_draw_released (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  MerWindow       *self)
{
  graphene_point_t point;

  if (!drawing (self))
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  if (n_press >= 2)
    {
      finish_drawing (self);
      return;
    }
  if (gtk_widget_compute_point (GTK_WIDGET (self->map), GTK_WIDGET (self->draw_layer), &GRAPHENE_POINT_INIT (x, y),
                                &point))
    mer_draw_layer_add_vertex (self->draw_layer, point.x, point.y);
}

static void
on_draw_motion (GtkEventControllerMotion *controller,
                double                    x,
                double                    y,
                MerWindow                *self)
{
  graphene_point_t point;

  if (drawing (self) &&
      gtk_widget_compute_point (GTK_WIDGET (self->map), GTK_WIDGET (self->draw_layer), &GRAPHENE_POINT_INIT (x, y),
                                &point))
    mer_draw_layer_set_pointer (self->draw_layer, point.x, point.y);
}

static void
on_draw_leave (GtkEventControllerMotion *controller,
               MerWindow                *self)
{
  if (drawing (self))
    mer_draw_layer_set_pointer (self->draw_layer, NAN, NAN);
}

static gboolean
on_draw_key (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             MerWindow             *self)
{
  if (!drawing (self))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Escape:
      stop_drawing (self);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      finish_drawing (self);
      return TRUE;
    case GDK_KEY_BackSpace:
      mer_draw_layer_remove_vertex (self->draw_layer);
      return TRUE;
    default:
      return FALSE;
    }
}

/**
 * mer_window_get_draw_layer:
 *
 * Returns: (transfer none): the layer a region is drawn on, active while
 *   one is
 */
MerDrawLayer *
mer_window_get_draw_layer (MerWindow *self)
{
  g_return_val_if_fail (MER_IS_WINDOW (self), NULL);
  return self->draw_layer;
}

/* Context menus */

/* Each view's menu is made once, in the box around the view: the views
 * allocate their children themselves and do not place popovers. */
static GtkWidget *
context_popover (GtkWidget *view)
{
  GtkWidget *popover = gtk_popover_menu_new_from_model (NULL);

  gtk_widget_set_parent (popover, gtk_widget_get_parent (view));
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  gtk_widget_set_halign (popover, GTK_ALIGN_START);
  return popover;
}

static void
popup_menu (GtkWidget  *popover,
            GtkWidget  *view,
            GMenu      *menu,
            double      x,
            double      y)
{
  gtk_widget_translate_coordinates (view, gtk_widget_get_parent (popover), x, y, &x, &y);
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (popover), G_MENU_MODEL (menu));
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (popover));
}

static void
on_map_context (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                MerWindow       *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) item = g_menu_item_new (_("New Event Here"), NULL);
  MerMapView view;
  double lat, lon;

  if (self->edit == NULL)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  mer_map_widget_get_map_view (self->map, &view);
  mer_map_view_point_to_location (&view, x, y, &lat, &lon);
  lon = remainder (lon, 360);
  g_menu_item_set_action_and_target (item, "win.new-event-here", "(dd)", lat, lon);
  g_menu_append_item (menu, item);

  /* The division and the country under the pointer, as regions. The file
   * not read leaves the menu as it was: the picker says why. */
  if (ensure_divisions (self, NULL))
    {
      g_autoptr(GArray) hits = mer_divisions_find_at (self->divisions, lon, lat);
      g_autoptr(GMenu) regions = g_menu_new ();

      for (guint i = 0; i < hits->len; i++)
        {
          guint index = g_array_index (hits, guint, i);
          g_autoptr(GMenuItem) region = g_menu_item_new (mer_divisions_get_item (self->divisions, index)->name, NULL);

          g_menu_item_set_action_and_target (region, "win.add-division", "u", index);
          g_menu_append_item (regions, region);
        }
      if (hits->len > 0)
        g_menu_append_submenu (menu, _("New Region from Here"), G_MENU_MODEL (regions));
    }
  popup_menu (self->map_menu, GTK_WIDGET (self->map), menu, x, y);
}

static void
on_timeline_context (GtkGestureClick *gesture,
                     int              n_press,
                     double           x,
                     double           y,
                     MerWindow       *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  double seconds = mer_timeline_viewport_x_to_time (mer_timeline_get_viewport (self->timeline), x);
  g_autofree char *day = day_at (seconds);
  g_autofree char *label = g_strdup_printf (_("New Event on %s"), day);
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  if (self->edit == NULL)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  g_menu_item_set_action_and_target (item, "win.new-event-on", "d", seconds);
  g_menu_append_item (menu, item);
  popup_menu (self->timeline_menu, GTK_WIDGET (self->timeline), menu, x, y);
}

/* Dragging a marker */

static void
on_marker_drag_begin (GtkGestureDrag *gesture,
                      double          x,
                      double          y,
                      MerWindow      *self)
{
  MerEvent *event = mer_state_get_selected_event (self->state);
  const MerPlace *places;
  guint n_places;
  MerMapView view;

  self->drag_place = -1;
  if (self->edit == NULL || event == NULL || drawing (self))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  mer_map_widget_get_map_view (self->map, &view);
  places = mer_event_get_places (event, &n_places);
  for (guint i = 0; i < n_places; i++)
    {
      double px, py;

      mer_map_view_location_to_point (&view, places[i].lat, places[i].lon, &px, &py);
      if (hypot (px - x, py - y) <= MARKER_GRAB_RADIUS)
        self->drag_place = (int) i;
    }
  if (self->drag_place < 0)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
}

/* Claimed once it moves: a click on the marker still selects. While it
 * moves, the marker is shown under the pointer, joined to where it was. */
static void
on_marker_drag_update (GtkGestureDrag *gesture,
                       double          dx,
                       double          dy,
                       MerWindow      *self)
{
  graphene_point_t from, to;
  double x, y;

  if (self->drag_place < 0 || hypot (dx, dy) <= 3)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->map), "grabbing");
  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  if (gtk_widget_compute_point (GTK_WIDGET (self->map), GTK_WIDGET (self->draw_layer),
                                &GRAPHENE_POINT_INIT (x, y), &from) &&
      gtk_widget_compute_point (GTK_WIDGET (self->map), GTK_WIDGET (self->draw_layer),
                                &GRAPHENE_POINT_INIT (x + dx, y + dy), &to))
    mer_draw_layer_set_moving (self->draw_layer, from.x, from.y, to.x, to.y);
}

static void
on_marker_drag_cancel (GtkGesture       *gesture,
                       GdkEventSequence *sequence,
                       MerWindow        *self)
{
  mer_draw_layer_stop_moving (self->draw_layer);
}

static void
on_marker_drag_end (GtkGestureDrag *gesture,
                    double          dx,
                    double          dy,
                    MerWindow      *self)
{
  MerEvent *event = mer_state_get_selected_event (self->state);
  g_autoptr(GError) error = NULL;
  double x, y, lat, lon;
  MerMapView view;

  gtk_widget_set_cursor (GTK_WIDGET (self->map), NULL);
  mer_draw_layer_stop_moving (self->draw_layer);
  if (self->drag_place < 0 || event == NULL || self->edit == NULL || hypot (dx, dy) <= 3)
    return;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  mer_map_widget_get_map_view (self->map, &view);
  mer_map_view_point_to_location (&view, x + dx, y + dy, &lat, &lon);
  if (!mer_edit_move_place (self->edit, mer_event_get_id (event), (guint) self->drag_place, lat,
                            remainder (lon, 360), &error))
    mer_event_editor_show_error (self->event_editor, error->message);
  self->drag_place = -1;
}

static void
on_selection_changed (MerWindow *self)
{
  update_actions (self);
}

void
_mer_window_edit_class_init (MerWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_child (widget_class, MerWindow, recovery_bar);
  gtk_widget_class_bind_template_child (widget_class, MerWindow, recovery_label);
  gtk_widget_class_bind_template_callback (widget_class, on_recovery_response);

  gtk_widget_class_install_action (widget_class, "win.new-story", NULL, new_story_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  /* The name the slides' Save had. */
  gtk_widget_class_install_action (widget_class, "win.save-briefing", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "win.new-event", NULL, new_event_action);
  gtk_widget_class_install_action (widget_class, "win.new-event-here", "(dd)", new_event_action);
  gtk_widget_class_install_action (widget_class, "win.new-event-on", "d", new_event_action);
  gtk_widget_class_install_action (widget_class, "win.delete-event", NULL, delete_event_action);
  gtk_widget_class_install_action (widget_class, "win.show-editor", NULL, show_editor_action);
  gtk_widget_class_install_action (widget_class, "win.add-region-from-file", NULL, add_region_from_file_action);
  gtk_widget_class_install_action (widget_class, "win.draw-region", NULL, draw_region_action);
  gtk_widget_class_install_action (widget_class, "win.pick-region", NULL, pick_region_action);
  gtk_widget_class_install_action (widget_class, "win.add-division", "u", add_division_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-story", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_S, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_N, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.new-event", NULL);
  /* Not F8: the panes take it to move between their parts. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_E, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.show-editor", NULL);
}

void
_mer_window_edit_init (MerWindow *self)
{
  GtkGesture *map_context = gtk_gesture_click_new ();
  GtkGesture *timeline_context = gtk_gesture_click_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *draw_click = gtk_gesture_click_new ();
  GtkEventController *draw_motion = gtk_event_controller_motion_new ();
  GtkEventController *draw_keys = gtk_event_controller_key_new ();
  ShumateMap *shumate_map = SHUMATE_MAP (mer_map_widget_get_map (self->map));
  const char *interval = g_getenv ("MERIDIAN_RECOVERY_SECONDS");

  self->drag_place = -1;

  /* Before the map's gestures, which take every button. */
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (map_context), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (map_context), GTK_PHASE_CAPTURE);
  g_signal_connect (map_context, "pressed", G_CALLBACK (on_map_context), self);
  gtk_widget_add_controller (GTK_WIDGET (self->map), GTK_EVENT_CONTROLLER (map_context));

  self->map_menu = context_popover (GTK_WIDGET (self->map));
  self->timeline_menu = context_popover (GTK_WIDGET (self->timeline));
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (timeline_context), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (timeline_context), GTK_PHASE_CAPTURE);
  g_signal_connect (timeline_context, "pressed", G_CALLBACK (on_timeline_context), self);
  gtk_widget_add_controller (GTK_WIDGET (self->timeline), GTK_EVENT_CONTROLLER (timeline_context));

  /* Before the map's own drag, which pans. */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drag), GTK_PHASE_CAPTURE);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_marker_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_marker_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_marker_drag_end), self);
  g_signal_connect (drag, "cancel", G_CALLBACK (on_marker_drag_cancel), self);
  gtk_widget_add_controller (GTK_WIDGET (self->map), GTK_EVENT_CONTROLLER (drag));

  /* Drawing a region: the layer over the story's, empty until asked for;
   * the clicks before the map's, the keys before the focused widget's. */
  self->draw_layer = mer_draw_layer_new (shumate_map_get_viewport (shumate_map));
  shumate_map_add_layer (shumate_map, SHUMATE_LAYER (self->draw_layer));
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (draw_click), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (draw_click), GTK_PHASE_CAPTURE);
  g_signal_connect (draw_click, "pressed", G_CALLBACK (on_draw_pressed), self);
  g_signal_connect (draw_click, "released", G_CALLBACK (on_draw_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self->map), GTK_EVENT_CONTROLLER (draw_click));
  g_signal_connect (draw_motion, "motion", G_CALLBACK (on_draw_motion), self);
  g_signal_connect (draw_motion, "leave", G_CALLBACK (on_draw_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self->map), draw_motion);
  gtk_event_controller_set_propagation_phase (draw_keys, GTK_PHASE_CAPTURE);
  g_signal_connect (draw_keys, "key-pressed", G_CALLBACK (on_draw_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self), draw_keys);

  g_signal_connect_object (self->state, "notify::selected-event", G_CALLBACK (on_selection_changed), self,
                           G_CONNECT_SWAPPED);

  /* Tests write it sooner than a user waits for. */
  self->recovery_id = g_timeout_add_seconds (interval != NULL ? MAX (1, atoi (interval)) : RECOVERY_INTERVAL_SECONDS,
                                             on_recovery_timeout, self);
  update_actions (self);
  offer_recovery (self);
}

void
_mer_window_edit_dispose (MerWindow *self)
{
  g_clear_handle_id (&self->recovery_id, g_source_remove);
  g_clear_pointer (&self->map_menu, gtk_widget_unparent);
  g_clear_pointer (&self->timeline_menu, gtk_widget_unparent);
  if (self->save_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->save_chooser));
  g_clear_object (&self->save_chooser);
  if (self->outline_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->outline_chooser));
  g_clear_object (&self->outline_chooser);
  if (self->region_picker != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->region_picker), (gpointer *) &self->region_picker);
      gtk_window_destroy (g_steal_pointer (&self->region_picker));
    }
  g_clear_pointer (&self->divisions, mer_divisions_unref);
  if (self->edit != NULL)
    g_signal_handlers_disconnect_by_data (self->edit, self);
  g_clear_object (&self->edit);
  /* Closed, not crashed: the edits were saved or let go when asked. */
  remove_recovery (self);
  g_clear_pointer (&self->recovery_offer, g_free);
}

/**
 * mer_window_get_edit:
 *
 * Returns: (transfer none) (nullable): the story's edit; %NULL when the
 *   story cannot be edited (imported from another format) or none is open
 */
MerEdit *
mer_window_get_edit (MerWindow *self)
{
  g_return_val_if_fail (MER_IS_WINDOW (self), NULL);
  return self->edit;
}

/**
 * mer_window_get_event_editor:
 *
 * Returns: (transfer none): the side panel's editor
 */
MerEventEditor *
mer_window_get_event_editor (MerWindow *self)
{
  g_return_val_if_fail (MER_IS_WINDOW (self), NULL);
  return self->event_editor;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-window"

#include "config.h"

#include "mer-window-private.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mer-diagnostic.h"
#include "mer-import.h"
#include "mer-loader.h"
#include "mer-map-style.h"
#include "mer-map-widget.h"
#include "mer-pov.h"
#include "mer-state.h"
#include "mer-timeline.h"

/* The map above, the timeline below, the details of the selected event at
 * the side: views of one shared state, which never call one another.
 * Opening a file that has errors shows them and keeps the document that was
 * open. The window's actions are in mer-window-actions.c; presenting shows
 * a MerPresentationView over all of it. */

#define MAX_SHOWN_DIAGNOSTICS 20

G_DEFINE_FINAL_TYPE (MerWindow, mer_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_ONLINE_MAP,
  PROP_LANES,
  PROP_HIDE_OUTSIDE_WINDOW,
  PROP_PLAYING,
  PROP_POV,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_diagnostics (MerWindow  *self,
                  GPtrArray  *diagnostics,
                  const char *fallback)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < diagnostics->len && i < MAX_SHOWN_DIAGNOSTICS; i++)
    {
      g_autofree char *line = mer_diagnostic_to_string (g_ptr_array_index (diagnostics, i));

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }

  if (diagnostics->len > MAX_SHOWN_DIAGNOSTICS)
    {
      guint more = diagnostics->len - MAX_SHOWN_DIAGNOSTICS;

      g_string_append_c (text, '\n');
      g_string_append_printf (text, g_dngettext (NULL, "… and %u more", "… and %u more", more), more);
    }
  if (text->len == 0)
    g_string_append (text, fallback);

  gtk_label_set_text (self->error_label, text->str);
  gtk_info_bar_set_revealed (self->error_bar, TRUE);
}

void
_mer_window_show_error (MerWindow  *self,
                        const char *message)
{
  g_autoptr(GPtrArray) none = mer_diagnostics_new ();

  show_diagnostics (self, none, message);
}

static void
on_error_bar_response (MerWindow *self,
                       int        response)
{
  gtk_info_bar_set_revealed (self->error_bar, FALSE);
}

/* The settings schema is installed with the app; run from the build tree,
 * it is found in the build's data folder. Without it, sizes are not kept. */
static GSettings *
create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  if (schema == NULL && g_file_test (BUILD_SCHEMADIR "/gschemas.compiled", G_FILE_TEST_EXISTS))
    {
      g_autoptr(GSettingsSchemaSource) build = g_settings_schema_source_new_from_directory (BUILD_SCHEMADIR, source,
                                                                                            FALSE, NULL);

      if (build != NULL)
        schema = g_settings_schema_source_lookup (build, APP_ID, FALSE);
    }

  return schema != NULL ? g_settings_new_full (schema, NULL, NULL) : NULL;
}

static void
restore_sizes (MerWindow *self)
{
  int content_width;

  if (self->settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self), g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  gtk_paned_set_position (self->paned, g_settings_get_int (self->settings, "map-height"));
  content_width = g_settings_get_int (self->settings, "content-width");
  if (content_width > 0)
    gtk_paned_set_position (self->side_paned, content_width);
  mer_timeline_set_lanes (self->timeline, g_settings_get_boolean (self->settings, "timeline-lanes"));
  gtk_widget_set_visible (GTK_WIDGET (self->details_box), g_settings_get_boolean (self->settings, "side-panel"));
}

/* Saved: the document is read again, so that presenting uses the slides
 * as written. */
static void
on_briefing_saved (MerWindow *self)
{
  MerDocument *document = mer_state_get_document (self->state);
  g_autofree char *path = document != NULL ? g_file_get_path (mer_document_get_file (document)) : NULL;

  /* Slides kept in the story's edit are in the document shown already. */
  if (self->edit != NULL)
    {
      _mer_window_files_saved (self, mer_edit_get_path (self->edit));
      return;
    }
  if (path != NULL)
    mer_window_open_path (self, path);
}

static void
on_unsaved_response (AdwMessageDialog *dialog,
                     const char       *response,
                     MerWindow        *self)
{
  MerWindowThen then = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "then"));
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "save"))
    {
      if (!_mer_window_edit_save (self, &error))
        {
          g_autoptr(GPtrArray) none = mer_diagnostics_new ();
          show_diagnostics (self, none, error->message);
          return;
        }
    }
  else if (g_str_equal (response, "discard"))
    _mer_window_edit_discard (self);
  else
    return;

  if (then == MER_WINDOW_THEN_CLOSE)
    gtk_window_destroy (GTK_WINDOW (self));
  else if (then == MER_WINDOW_THEN_NEW_STORY)
    _mer_window_edit_new_story (self);
  else
    _mer_window_show_open_chooser (self);
}

/* Asks whether to save the story's edits first, when there are any; @then
 * goes ahead once the question is answered. The dialog closes itself on
 * any answer; closing it is Cancel. */
gboolean
_mer_window_confirm_unsaved (MerWindow     *self,
                             MerWindowThen  then)
{
  AdwMessageDialog *dialog;

  if (!_mer_window_edit_is_dirty (self))
    return FALSE;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       then == MER_WINDOW_THEN_CLOSE
                                                       ? _("Save the changes to the story before closing?")
                                                       : then == MER_WINDOW_THEN_NEW_STORY
                                                       ? _("Save the changes to the story before starting a new one?")
                                                       : _("Save the changes to the story before opening another file?"),
                                                       _("If you don't save, your edits are lost.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                    "discard", then == MER_WINDOW_THEN_CLOSE ? _("Close _without Saving")
                                                                             : _("Continue _without Saving"),
                                    "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_object_set_data (G_OBJECT (dialog), "then", GINT_TO_POINTER (then));
  g_signal_connect (dialog, "response", G_CALLBACK (on_unsaved_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static gboolean
on_close_request (MerWindow *self)
{
  int width, height;

  if (_mer_window_confirm_unsaved (self, MER_WINDOW_THEN_CLOSE))
    return TRUE;

  if (self->settings == NULL)
    return FALSE;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_int (self->settings, "map-height", gtk_paned_get_position (self->paned));
  g_settings_set_int (self->settings, "content-width", gtk_paned_get_position (self->side_paned));
  g_settings_set_boolean (self->settings, "timeline-lanes", mer_timeline_get_lanes (self->timeline));
  /* While presenting, or when the window is narrow, the panel is hidden
   * for the slides or the views, not by the user. */
  if (self->presentation == NULL)
    g_settings_set_boolean (self->settings, "side-panel",
                            self->panel_folded_narrow || gtk_widget_get_visible (GTK_WIDGET (self->details_box)));
  return FALSE;
}

/* A search cleared elsewhere (Esc on the timeline) empties the entry. */
static void
on_state_search (MerWindow *self)
{
  const char *search = mer_state_get_search (self->state);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if ((search == NULL || search[0] == '\0') && text[0] != '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_search_bar_set_search_mode (self->search_bar, FALSE);
    }
}

/* The map fits the events the user's search finds. */
static void
on_search_changed (MerWindow *self)
{
  mer_state_set_search (self->state, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  if (mer_search_results_get_n_results (self->search_results) > 0)
    gtk_widget_activate_action (GTK_WIDGET (self->map), "map.fit-story", NULL);
}

/* A search put away gives the keys back to the timeline. */
static void
on_search_mode (MerWindow *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar) && gtk_widget_get_mapped (GTK_WIDGET (self->timeline)))
    gtk_widget_grab_focus (GTK_WIDGET (self->timeline));
}

/* Enter picks the highlighted result, or the first. */
static void
on_search_activate (MerWindow *self)
{
  if (!mer_search_results_activate (self->search_results))
    gtk_widget_error_bell (GTK_WIDGET (self->search_entry));
}

/* Up and Down move through the results while the entry keeps the keys. */
static gboolean
on_search_key_pressed (MerWindow             *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  if (keyval != GDK_KEY_Up && keyval != GDK_KEY_Down)
    return FALSE;

  mer_search_results_move (self->search_results, keyval == GDK_KEY_Down ? 1 : -1);
  return TRUE;
}

static void
on_region_chip_clicked (MerWindow *self)
{
  mer_state_set_filter_region (self->state, NULL);
}

static void
on_window_chip_clicked (MerWindow *self)
{
  mer_state_clear_time_window (self->state);
}

static void
on_as_of_chip_clicked (MerWindow *self)
{
  mer_state_unpin_as_of (self->state);
}

/* A date picked for the borders shows as a chip, as the time window does,
 * and the chip gives the map back to the timeline. */
static void
on_as_of (MerWindow *self)
{
  gint64 second;
  gboolean pinned = mer_state_get_pinned_as_of (self->state, &second);

  gtk_widget_set_visible (GTK_WIDGET (self->as_of_chip), pinned);
  if (pinned)
    {
      MerDate date;
      g_autofree char *text = NULL;
      g_autofree char *label = NULL;

      mer_date_from_second (second, &date);
      text = mer_date_format (&date, FALSE);
      label = g_strdup_printf (_("Borders as of %s ✕"), text);
      gtk_button_set_label (self->as_of_chip, label);
    }
}

static void
on_pov (MerWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POV]);
}

/* The points of view the base map has, as radio items of win.pov. */
static void
fill_pov_menu (MerWindow *self)
{
  MerPovSet *set = mer_pov_set_get_default ();
  g_autoptr(GMenuItem) de_facto = g_menu_item_new (_("De Facto (Natural Earth)"), NULL);

  g_menu_item_set_action_and_target (de_facto, "win.pov", "s", "");
  g_menu_append_item (self->pov_menu, de_facto);
  for (guint i = 0; set != NULL && i < mer_pov_set_get_n_povs (set); i++)
    {
      g_autofree char *label = g_strdup_printf (_("As %s Draws Them (%s)"), mer_pov_set_get_seat (set, i),
                                                mer_pov_set_get_name (set, i));
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "win.pov", "s", mer_pov_set_get_id (set, i));
      g_menu_append_item (self->pov_menu, item);
    }
}

static void
on_filter_region (MerWindow *self)
{
  MerRegion *region = mer_state_get_filter_region (self->state);
  g_autofree char *label = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->region_chip), region != NULL);
  if (region == NULL)
    return;

  label = g_strdup_printf ("%s ✕", mer_region_get_name (region));
  gtk_button_set_label (self->region_chip, label);
}

static void
on_time_window (MerWindow *self)
{
  double start, end;
  gboolean has_window = mer_state_get_time_window (self->state, &start, &end);

  gtk_widget_set_visible (GTK_WIDGET (self->window_chip), has_window);
  if (has_window)
    {
      MerDate from = { 0 }, to = { 0 };
      g_autofree char *text = NULL;
      g_autofree char *label = NULL;
      gint64 year;
      guint month, day;

      mer_date_civil_from_days ((gint64) floor (start / 86400), &year, &month, &day);
      from = (MerDate) { .year = year, .month = month, .day = day, .precision = MER_DATE_PRECISION_DAY };
      mer_date_civil_from_days ((gint64) floor (end / 86400), &year, &month, &day);
      to = (MerDate) { .year = year, .month = month, .day = day, .precision = MER_DATE_PRECISION_DAY };
      text = mer_date_format_range (&from, &to, FALSE);
      label = g_strdup_printf ("%s ✕", text);
      gtk_button_set_label (self->window_chip, label);
    }
}

/* A category shown has a full dot; one hidden a hollow dot and its name
 * struck through. The dot has the markers' colour on this theme's map. */
static void
update_legend_label (GtkToggleButton *button)
{
  MerCategory *category = g_object_get_data (G_OBJECT (button), "category");
  guint32 rgb = mer_category_get_color (category);
  gboolean on = gtk_toggle_button_get_active (button);
  g_autofree char *markup = NULL;

  if (rgb != MER_NO_COLOR)
    markup = g_markup_printf_escaped (on ? "<span foreground='#%06x'>●</span> %s"
                                         : "<span foreground='#%06x'>○</span> <s>%s</s>",
                                      mer_map_style_marker_rgb (mer_map_widget_prefers_dark (GTK_WIDGET (button)), rgb),
                                      mer_category_get_name (category));
  else
    markup = g_markup_printf_escaped (on ? "%s" : "<s>%s</s>", mer_category_get_name (category));
  gtk_label_set_markup (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), markup);
}

static void
on_legend_toggled (GtkToggleButton *button,
                   MerWindow       *self)
{
  MerCategory *category = g_object_get_data (G_OBJECT (button), "category");

  update_legend_label (button);
  mer_state_set_category_visible (self->state, category, gtk_toggle_button_get_active (button));
}

/* The briefing picker: one item a briefing, or the events one by one. */
static void
rebuild_briefing_menu (MerWindow   *self,
                       MerDocument *document)
{
  GListModel *briefings = mer_document_get_briefings (document);
  g_autoptr(GMenu) menu = g_menu_new ();
  guint n = g_list_model_get_n_items (briefings);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MerBriefing) briefing = g_list_model_get_item (briefings, i);
      g_autofree char *label = g_strdup_printf (g_dngettext (NULL, "%s (%u slide)", "%s (%u slides)",
                                                             mer_briefing_get_n_slides (briefing)),
                                                mer_briefing_get_title (briefing), mer_briefing_get_n_slides (briefing));
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "win.present", "s", mer_briefing_get_id (briefing));
      g_menu_append_item (menu, item);
    }
  if (n == 0)
    g_menu_append (menu, _("Every Event in Time Order"), "win.present('')");

  gtk_menu_button_set_menu_model (self->briefing_button, G_MENU_MODEL (menu));
}

/* The category toggles double as the legend. */
static void
rebuild_legend (MerWindow   *self,
                MerDocument *document)
{
  GListModel *categories = mer_document_get_categories (document);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->legend_box))) != NULL)
    gtk_box_remove (self->legend_box, child);

  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(MerCategory) category = g_list_model_get_item (categories, i);
      GtkWidget *button = gtk_toggle_button_new ();
      g_autofree char *tooltip = NULL;

      gtk_button_set_child (GTK_BUTTON (button), gtk_label_new (NULL));
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
      gtk_widget_add_css_class (button, "flat");
      tooltip = g_strdup_printf (_("Show or hide %s events"), mer_category_get_name (category));
      gtk_widget_set_tooltip_text (button, tooltip);
      g_object_set_data_full (G_OBJECT (button), "category", g_object_ref (category), g_object_unref);
      update_legend_label (GTK_TOGGLE_BUTTON (button));
      g_signal_connect (button, "toggled", G_CALLBACK (on_legend_toggled), self);
      gtk_box_append (self->legend_box, button);
    }
}

static void
on_play_toggled (MerWindow *self)
{
  _mer_window_set_playing (self, gtk_toggle_button_get_active (self->play_button));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
}

static void
on_activate_event (MerWindow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->details_box), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->details));
}

void
_mer_window_set_document (MerWindow   *self,
                          MerDocument *document)
{
  const char *title, *subtitle;
  g_autofree char *revised = NULL;
  g_autofree char *line = NULL;

  if (mer_state_get_document (self->state) == document)
    return;

  _mer_window_edit_document_set (self, document);
  mer_state_set_document (self->state, document);

  title = mer_document_get_title (document);
  subtitle = mer_document_get_subtitle (document);
  revised = document != NULL ? mer_document_dup_revised_text (document) : NULL;
  /* The facts are as of the story's last revision: say so under its title. */
  line = revised == NULL ? g_strdup (subtitle)
         : subtitle == NULL ? g_strdup (revised)
         : g_strdup_printf ("%s · %s", subtitle, revised);
  gtk_label_set_text (self->title_label, title != NULL ? title : "Meridian");
  gtk_window_set_title (GTK_WINDOW (self), title != NULL ? title : "Meridian");
  gtk_label_set_text (self->subtitle_label, line != NULL ? line : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), line != NULL);

  rebuild_legend (self, document);
  rebuild_briefing_menu (self, document);
  _mer_window_update_document_actions (self);
  /* An edit is not a new story: the search and the playback go on. */
  if (!self->applying_edit)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      _mer_window_set_playing (self, FALSE);
      gtk_toggle_button_set_active (self->play_button, FALSE);
    }
  _mer_window_edit_document_shown (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

static void
on_chooser_response (MerWindow            *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = g_file_get_path (file);
      if (path != NULL)
        mer_window_open_file (self, path);
    }

  g_clear_object (&self->chooser);
}

void
_mer_window_show_open_chooser (MerWindow *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  /* Meridian stories and the formats it imports; the content decides. */
  gtk_file_filter_set_name (filter, _("Stories (Meridian, TimelineJS, StoryMapJS, GeoJSON, KML, CSV)"));
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_filter_add_suffix (filter, "geojson");
  gtk_file_filter_add_suffix (filter, "kml");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "tsv");

  self->chooser = gtk_file_chooser_native_new (_("Open Event File"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Loading runs in the loader's worker: the window stays responsive, a long
 * load shows its progress and can be cancelled, and a failed load keeps the
 * document that was open. A job is known by its cancellable: the window's
 * current one, or a job that was superseded and whose result is dropped. */

typedef struct {
  MerWindow    *window;
  GCancellable *cancellable;
  char         *path;
} LoadJob;

static void
load_job_clear (LoadJob *job)
{
  g_object_unref (job->window);
  g_object_unref (job->cancellable);
  g_free (job->path);
}

static void
load_job_release (LoadJob *job)
{
  g_rc_box_release_full (job, (GDestroyNotify) load_job_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadJob, load_job_release)

static void
on_load_progress (double   fraction,
                  gpointer user_data)
{
  LoadJob *job = user_data;

  if (job->window->loading == job->cancellable)
    job->window->loading_fraction = fraction;
}

static gboolean
update_loading (gpointer user_data)
{
  MerWindow *self = user_data;

  gtk_info_bar_set_revealed (self->loading_bar, TRUE);
  gtk_progress_bar_set_fraction (self->loading_progress, self->loading_fraction);
  return G_SOURCE_CONTINUE;
}

static void
stop_loading_feedback (MerWindow *self)
{
  g_clear_handle_id (&self->loading_timeout_id, g_source_remove);
  gtk_info_bar_set_revealed (self->loading_bar, FALSE);
}

/* Shows @document, read from @path. */
void
_mer_window_show_document (MerWindow   *self,
                           const char  *path,
                           MerDocument *document)
{
  gtk_info_bar_set_revealed (self->error_bar, FALSE);
  _mer_window_set_document (self, document);
  _mer_window_files_opened (self, path);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(LoadJob) job = user_data;
  MerWindow *self = job->window;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MerDocument) document = mer_import_load_file_finish (result, &diagnostics, &error);

  /* A newer open, or a cancel, took over. */
  if (self->loading != job->cancellable || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  stop_loading_feedback (self);
  g_clear_object (&self->loading);

  /* A GeoJSON file or a CSV table first asks how to read it. */
  if (self->present_on_load == NULL && _mer_window_files_ask_import (self, job->path, document, diagnostics))
    return;

  if (document == NULL)
    {
      if (!_mer_window_files_failed (self, job->path, diagnostics, error))
        show_diagnostics (self, diagnostics, error->message);
      return;
    }

  _mer_window_show_document (self, job->path, document);

  if (self->present_on_load != NULL)
    {
      g_autofree char *id = g_steal_pointer (&self->present_on_load);
      MerBriefing *briefing = *id != '\0' ? mer_document_lookup_briefing (document, id) : NULL;

      if (*id != '\0' && briefing == NULL)
        {
          g_autoptr(GPtrArray) none = mer_diagnostics_new ();
          g_autofree char *message = g_strdup_printf (_("The story has no briefing “%s”."), id);

          show_diagnostics (self, none, message);
          return;
        }
      mer_window_present_briefing (self, briefing);
    }
}

/**
 * mer_window_set_present_on_load:
 * @briefing_id: the briefing to present once the file being opened is
 *   loaded; "" for the first
 */
void
mer_window_set_present_on_load (MerWindow  *self,
                                const char *briefing_id)
{
  g_return_if_fail (MER_IS_WINDOW (self));

  g_free (self->present_on_load);
  self->present_on_load = g_strdup (briefing_id);
}

static void
on_loading_cancel (MerWindow *self)
{
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  stop_loading_feedback (self);
}

static void
cancel_loading_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  on_loading_cancel (MER_WINDOW (widget));
}

/**
 * mer_window_open_file:
 * @path: an event file
 *
 * Loads @path in the loader's worker and shows it when loaded; while it loads
 * the window stays usable, and after a moment shows the progress with a
 * Cancel button. If the file has errors they are shown and the document
 * that was open stays. Opening another file cancels a load in progress.
 */
void
mer_window_open_file (MerWindow  *self,
                      const char *path)
{
  g_autofree char *basename = NULL;
  g_autofree char *label = NULL;
  LoadJob *job;

  g_return_if_fail (MER_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  on_loading_cancel (self);
  self->loading = g_cancellable_new ();
  self->loading_fraction = 0;

  job = g_rc_box_new0 (LoadJob);
  job->window = g_object_ref (self);
  job->cancellable = g_object_ref (self->loading);
  job->path = g_strdup (path);

  basename = g_path_get_basename (path);
  label = g_strdup_printf (_("Opening %s…"), basename);
  gtk_label_set_text (self->loading_label, label);
  gtk_progress_bar_set_fraction (self->loading_progress, 0);
  self->loading_timeout_id = g_timeout_add (150, update_loading, self);

  mer_import_load_file_async (path, path, self->loading,
                              on_load_progress, g_rc_box_acquire (job), (GDestroyNotify) load_job_release,
                              on_loaded, job);
}

/**
 * mer_window_is_loading:
 *
 * Returns: whether a file is being loaded
 */
gboolean
mer_window_is_loading (MerWindow *self)
{
  g_return_val_if_fail (MER_IS_WINDOW (self), FALSE);
  return self->loading != NULL;
}

static void
mer_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  MerWindow *self = MER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, mer_state_get_document (self->state));
      break;

    case PROP_ONLINE_MAP:
      /* Asked by the action as soon as it exists, before the map does. */
      g_value_set_boolean (value, self->map != NULL && mer_map_widget_get_online_layer (self->map));
      break;

    case PROP_LANES:
      g_value_set_boolean (value, self->timeline != NULL && mer_timeline_get_lanes (self->timeline));
      break;

    case PROP_HIDE_OUTSIDE_WINDOW:
      g_value_set_boolean (value, self->state != NULL && mer_state_get_hide_outside_window (self->state));
      break;

    case PROP_PLAYING:
      g_value_set_boolean (value, self->play_id != 0);
      break;

    case PROP_POV:
      /* "" for the de facto borders: a menu item's target cannot be null. */
      g_value_set_string (value, self->state != NULL && mer_state_get_pov (self->state) != NULL
                                   ? mer_state_get_pov (self->state) : "");
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The side panel's pages as a row of linked buttons, as a GtkStackSwitcher
 * shows them, but as narrow as their titles: the theme makes a switcher's
 * buttons 100 pixels wide at least, and three would widen the panel past
 * what an 800-pixel window leaves it. */
static void
on_side_page_toggled (GtkToggleButton *button,
                      GtkStack        *stack)
{
  if (gtk_toggle_button_get_active (button))
    gtk_stack_set_visible_child_name (stack, g_object_get_data (G_OBJECT (button), "page"));
}

static void
on_side_page_shown (GtkStack   *stack,
                    GParamSpec *pspec,
                    GtkWidget  *switcher)
{
  const char *name = gtk_stack_get_visible_child_name (stack);

  for (GtkWidget *child = gtk_widget_get_first_child (switcher); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child),
                                  g_strcmp0 (g_object_get_data (G_OBJECT (child), "page"), name) == 0);
}

static GtkWidget *
create_side_switcher (GtkStack *stack)
{
  GtkWidget *switcher = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  g_autoptr(GListModel) pages = G_LIST_MODEL (gtk_stack_get_pages (stack));
  GtkWidget *first = NULL;

  gtk_widget_add_css_class (switcher, "linked");
  gtk_accessible_update_property (GTK_ACCESSIBLE (switcher), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Side panel"), -1);
  for (guint i = 0; i < g_list_model_get_n_items (pages); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (pages, i);
      GtkStackPage *page = GTK_STACK_PAGE (item);
      GtkWidget *button = gtk_toggle_button_new_with_label (gtk_stack_page_get_title (page));

      g_object_set_data_full (G_OBJECT (button), "page", g_strdup (gtk_stack_page_get_name (page)), g_free);
      if (first != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (first));
      else
        first = button;
      g_signal_connect_object (button, "toggled", G_CALLBACK (on_side_page_toggled), stack, 0);
      gtk_box_append (GTK_BOX (switcher), button);
    }
  g_signal_connect_object (stack, "notify::visible-child-name", G_CALLBACK (on_side_page_shown), switcher, 0);
  on_side_page_shown (stack, NULL, switcher);
  return switcher;
}

static void
mer_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  MerWindow *self = MER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_ONLINE_MAP:
      mer_map_widget_set_online_layer (self->map, g_value_get_boolean (value));
      g_object_notify_by_pspec (object, pspec);
      break;

    case PROP_LANES:
      mer_timeline_set_lanes (self->timeline, g_value_get_boolean (value));
      g_object_notify_by_pspec (object, pspec);
      break;

    case PROP_HIDE_OUTSIDE_WINDOW:
      mer_state_set_hide_outside_window (self->state, g_value_get_boolean (value));
      g_object_notify_by_pspec (object, pspec);
      break;

    case PROP_PLAYING:
      /* Through the button, so that it shows the state. */
      gtk_toggle_button_set_active (self->play_button, g_value_get_boolean (value));
      break;

    case PROP_POV:
      {
        const char *pov = g_value_get_string (value);

        mer_state_set_pov (self->state, pov != NULL && *pov != '\0' ? pov : NULL);
      }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mer_window_dispose (GObject *object)
{
  MerWindow *self = MER_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->settings);
  g_clear_object (&self->presentation);
  g_clear_object (&self->speaker_monitor);
  g_clear_object (&self->slides_monitor);
  g_clear_object (&self->was_monitor);
  g_clear_pointer (&self->present_on_load, g_free);
  if (self->presenter != NULL)
    {
      GtkWindow *presenter = GTK_WINDOW (self->presenter);

      g_clear_weak_pointer (&self->presenter);
      gtk_window_destroy (presenter);
    }
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_handle_id (&self->loading_timeout_id, g_source_remove);
  _mer_window_set_playing (self, FALSE);
  _mer_window_files_dispose (self);
  _mer_window_edit_dispose (self);
  g_clear_object (&self->state);

  G_OBJECT_CLASS (mer_window_parent_class)->dispose (object);
}

/* Below this width the map and the timeline need the whole window: an
 * empty side panel would take 40% of it at 800×600. */
#define NARROW_WIDTH 1000

static void
update_narrow (MerWindow *self)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self));
  gboolean narrow;

  if (surface == NULL || self->presentation != NULL)
    return;

  narrow = gdk_surface_get_width (surface) < NARROW_WIDTH;
  if (narrow && !self->panel_folded_narrow && gtk_widget_get_visible (GTK_WIDGET (self->details_box))
      && mer_state_get_selected_event (self->state) == NULL)
    {
      self->panel_folded_narrow = TRUE;
      gtk_widget_set_visible (GTK_WIDGET (self->details_box), FALSE);
    }
  else if (!narrow && self->panel_folded_narrow)
    {
      self->panel_folded_narrow = FALSE;
      gtk_widget_set_visible (GTK_WIDGET (self->details_box), TRUE);
    }
}

/* Whatever shows or hides the panel while narrow (the toggle, a selection)
 * is the user's choice from then on. */
static void
on_details_visible (MerWindow *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->details_box)))
    self->panel_folded_narrow = FALSE;
}

static void
mer_window_css_changed (GtkWidget         *widget,
                        GtkCssStyleChange *change)
{
  MerWindow *self = MER_WINDOW (widget);

  GTK_WIDGET_CLASS (mer_window_parent_class)->css_changed (widget, change);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->legend_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    update_legend_label (GTK_TOGGLE_BUTTON (child));
}

static void
mer_window_realize (GtkWidget *widget)
{
  MerWindow *self = MER_WINDOW (widget);

  GTK_WIDGET_CLASS (mer_window_parent_class)->realize (widget);
  g_signal_connect_object (gtk_native_get_surface (GTK_NATIVE (self)), "notify::width",
                           G_CALLBACK (update_narrow), self, G_CONNECT_SWAPPED);
  update_narrow (self);
}

static void
mer_window_class_init (MerWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = mer_window_get_property;
  object_class->set_property = mer_window_set_property;
  object_class->dispose = mer_window_dispose;
  widget_class->realize = mer_window_realize;
  widget_class->css_changed = mer_window_css_changed;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         MER_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ONLINE_MAP] =
    g_param_spec_boolean ("online-map", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANES] =
    g_param_spec_boolean ("lanes", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIDE_OUTSIDE_WINDOW] =
    g_param_spec_boolean ("hide-outside-window", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAYING] =
    g_param_spec_boolean ("playing", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The state's point of view, "" for the de facto borders, for win.pov. */
  properties[PROP_POV] =
    g_param_spec_string ("pov", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (MER_TYPE_PRESENTATION_VIEW);
  g_type_ensure (ADW_TYPE_TOAST_OVERLAY);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/meridian/Meridian/ui/mer-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MerWindow, presentation_view);
  gtk_widget_class_bind_template_child (widget_class, MerWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MerWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, MerWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, MerWindow, error_bar);
  gtk_widget_class_bind_template_child (widget_class, MerWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, MerWindow, map_box);
  gtk_widget_class_bind_template_child (widget_class, MerWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, MerWindow, briefing_button);
  gtk_widget_class_bind_template_child (widget_class, MerWindow, loading_bar);
  gtk_widget_class_bind_template_child (widget_class, MerWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, MerWindow, loading_progress);
  gtk_widget_class_bind_template_callback (widget_class, on_loading_cancel);
  gtk_widget_class_bind_template_child (widget_class, MerWindow, side_paned);
  gtk_widget_class_bind_template_child (widget_class, MerWindow, timeline_box);
  gtk_widget_class_bind_template_child (widget_class, MerWindow, legend_box);
  gtk_widget_class_bind_template_child (widget_class, MerWindow, details_box);
  gtk_widget_class_bind_template_child (widget_class, MerWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, MerWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MerWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, MerWindow, region_chip);
  gtk_widget_class_bind_template_child (widget_class, MerWindow, window_chip);
  gtk_widget_class_bind_template_child (widget_class, MerWindow, as_of_chip);
  gtk_widget_class_bind_template_child (widget_class, MerWindow, pov_menu);
  gtk_widget_class_bind_template_child (widget_class, MerWindow, play_button);
  gtk_widget_class_bind_template_child (widget_class, MerWindow, speed_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_child (widget_class, MerWindow, search_box);
  gtk_widget_class_bind_template_callback (widget_class, on_region_chip_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_window_chip_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_as_of_chip_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_play_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_error_bar_response);

  /* Loading's own action stays with the loading code. */
  gtk_widget_class_install_action (widget_class, "win.cancel-loading", NULL, cancel_loading_action);
  _mer_window_class_actions_init (klass);
  _mer_window_files_class_init (klass);
  _mer_window_edit_class_init (klass);
}

static void
mer_window_init (MerWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->state = mer_state_new ();
  _mer_window_update_document_actions (self);
  g_signal_connect_object (self->state, "notify::filter-region", G_CALLBACK (on_filter_region), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "time-window-changed", G_CALLBACK (on_time_window), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "as-of-changed", G_CALLBACK (on_as_of), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "notify::pov", G_CALLBACK (on_pov), self, G_CONNECT_SWAPPED);
  fill_pov_menu (self);

  self->map = mer_map_widget_new (self->state);
  gtk_box_append (self->map_box, GTK_WIDGET (self->map));

  self->timeline = mer_timeline_new (self->state);
  gtk_box_append (self->timeline_box, GTK_WIDGET (self->timeline));
  g_signal_connect_object (self->timeline, "activate-event", G_CALLBACK (on_activate_event), self,
                           G_CONNECT_SWAPPED);

  self->details = mer_details_new (self->state);
  self->slides = mer_slides_panel_new (self->state, self->map);
  g_signal_connect_object (self->slides, "saved", G_CALLBACK (on_briefing_saved), self, G_CONNECT_SWAPPED);
  self->event_editor = mer_event_editor_new (self->state, self->map);
  {
    GtkWidget *stack = gtk_stack_new ();
    GtkWidget *side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
    GtkWidget *switcher;

    gtk_stack_add_titled (GTK_STACK (stack), GTK_WIDGET (self->details), "details", _("Details"));
    gtk_stack_add_titled (GTK_STACK (stack), GTK_WIDGET (self->slides), "slides", _("Slides"));
    gtk_stack_add_titled (GTK_STACK (stack), GTK_WIDGET (self->event_editor), "edit", _("Edit"));
    self->side_stack = GTK_STACK (stack);
    switcher = create_side_switcher (GTK_STACK (stack));
    gtk_widget_set_halign (switcher, GTK_ALIGN_CENTER);
    gtk_widget_set_margin_top (switcher, 6);
    gtk_widget_set_vexpand (stack, TRUE);
    gtk_box_append (GTK_BOX (side), switcher);
    gtk_box_append (GTK_BOX (side), stack);
    gtk_widget_set_hexpand (side, TRUE);
    gtk_box_append (self->details_box, side);
  }

  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled", G_CALLBACK (on_search_mode), self,
                           G_CONNECT_SWAPPED);
  self->search_results = mer_search_results_new (self->state);
  gtk_box_append (self->search_box, GTK_WIDGET (self->search_results));
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_search_key_pressed), self);
    gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  }
  g_signal_connect_object (self->state, "notify::search", G_CALLBACK (on_state_search), self, G_CONNECT_SWAPPED);
  /* The timeline has the keys when a story shows: Right steps to the first
   * event. */
  g_signal_connect (self->timeline, "map", G_CALLBACK (gtk_widget_grab_focus), NULL);
  g_signal_connect_object (self->presentation_view, "exit", G_CALLBACK (mer_window_stop_presenting), self,
                           G_CONNECT_SWAPPED);

  _mer_window_files_init (self);
  _mer_window_edit_init (self);

  self->settings = create_settings ();
  restore_sizes (self);
  g_signal_connect_object (self->details_box, "notify::visible", G_CALLBACK (on_details_visible), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request), NULL);
}

MerWindow *
mer_window_new (GtkApplication *application)
{
  return g_object_new (MER_TYPE_WINDOW, "application", application, NULL);
}

/**
 * mer_window_get_document:
 *
 * Returns: (transfer none) (nullable): the document shown
 */
MerDocument *
mer_window_get_document (MerWindow *self)
{
  g_return_val_if_fail (MER_IS_WINDOW (self), NULL);
  return mer_state_get_document (self->state);
}

/**
 * mer_window_get_state:
 *
 * Returns: (transfer none): the state the window's views share
 */
MerState *
mer_window_get_state (MerWindow *self)
{
  g_return_val_if_fail (MER_IS_WINDOW (self), NULL);
  return self->state;
}

/**
 * mer_window_get_map:
 *
 * Returns: (transfer none): the map
 */
MerMapWidget *
mer_window_get_map (MerWindow *self)
{
  g_return_val_if_fail (MER_IS_WINDOW (self), NULL);
  return self->map;
}

/**
 * mer_window_get_slides_panel:
 *
 * Returns: (transfer none): the panel where the briefing is prepared
 */
MerSlidesPanel *
mer_window_get_slides_panel (MerWindow *self)
{
  g_return_val_if_fail (MER_IS_WINDOW (self), NULL);
  return self->slides;
}

/**
 * mer_window_get_timeline:
 *
 * Returns: (transfer none): the timeline
 */
MerTimeline *
mer_window_get_timeline (MerWindow *self)
{
  g_return_val_if_fail (MER_IS_WINDOW (self), NULL);
  return self->timeline;
}

/**
 * mer_window_open_path:
 *
 * Loads the event file at @path. On failure the window keeps its document
 * and shows the file's errors.
 *
 * Returns: whether the file was loaded
 */
gboolean
mer_window_open_path (MerWindow  *self,
                      const char *path)
{
  g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MerDocument) document = NULL;

  g_return_val_if_fail (MER_IS_WINDOW (self), FALSE);

  document = mer_import_load_file (path, path, diagnostics, &error);
  if (document == NULL)
    {
      if (!_mer_window_files_failed (self, path, diagnostics, error))
        show_diagnostics (self, diagnostics, error->message);
      return FALSE;
    }

  gtk_info_bar_set_revealed (self->error_bar, FALSE);
  _mer_window_set_document (self, document);
  _mer_window_files_opened (self, path);
  return TRUE;
}


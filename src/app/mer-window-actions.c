/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-window"

#include "config.h"

#include "mer-window-private.h"

#include "mer-export-dialog.h"
#include "mer-export-service.h"
#include "mer-texture.h"

#include <glib/gi18n.h>

#ifdef GDK_WINDOWING_X11
#include <glib/gi18n.h>
#include <gdk/x11/gdkx.h>
#endif

/* The window's actions: what its menus, buttons and keys do. Presenting,
 * exporting and playback are here; the shell they act on is in
 * mer-window.c. */

/* Playback sweeps a time window through the story; the map follows it live. */
static const double play_speeds[] = { 365.2425 * 86400 / 12, 365.2425 * 86400, 3652.425 * 86400 };

static gboolean
on_play_tick (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  MerWindow *self = MER_WINDOW (widget);
  MerTimelineViewport *viewport = mer_timeline_get_viewport (self->timeline);
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  double speed = play_speeds[MIN (gtk_drop_down_get_selected (self->speed_dropdown), G_N_ELEMENTS (play_speeds) - 1)];
  double dt = (now - self->play_last_time) / 1e6;
  double start, end, limit;

  self->play_last_time = now;
  if (!mer_state_get_time_window (self->state, &start, &end))
    return G_SOURCE_CONTINUE;

  start += speed * dt;
  end += speed * dt;
  mer_state_set_time_window (self->state, start, end);

  /* The timeline keeps the window in view. */
  limit = mer_timeline_viewport_get_end (viewport);
  if (end > limit)
    mer_timeline_viewport_center_on (viewport, (start + end) / 2);

  return G_SOURCE_CONTINUE;
}

void
_mer_window_set_playing (MerWindow *self,
                         gboolean   playing)
{
  if (playing == (self->play_id != 0))
    return;

  gtk_button_set_icon_name (GTK_BUTTON (self->play_button),
                            playing ? "media-playback-pause-symbolic" : "media-playback-start-symbolic");

  if (!playing)
    {
      if (self->play_id != 0)
        gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->play_id);
      self->play_id = 0;
      return;
    }

  /* Playback shows the borders moving: a date picked for them would hold
   * them still. */
  mer_state_unpin_as_of (self->state);

  if (!mer_state_get_time_window (self->state, NULL, NULL))
    {
      MerTimelineViewport *viewport = mer_timeline_get_viewport (self->timeline);
      double start = mer_timeline_viewport_get_start (viewport);
      double span = (mer_timeline_viewport_get_end (viewport) - start) / 12;

      mer_state_set_time_window (self->state, start, start + span);
    }

  self->play_last_time = g_get_monotonic_time ();
  self->play_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_play_tick, NULL, NULL);
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MerWindow *self = MER_WINDOW (widget);

  gtk_widget_activate_action (GTK_WIDGET (self->timeline),
                              g_str_equal (action_name, "win.previous-event") ? "timeline.previous" : "timeline.next",
                              NULL);
}

/* Borders as of a date: a small window with the date to type, which pins
 * the map's date until "Automatic" (or the chip under the map) gives it
 * back to the time window and the selection. */

static void
as_of_apply (GtkWidget *button,
             GtkEntry  *entry)
{
  MerWindow *self = g_object_get_data (G_OBJECT (entry), "mer-window");
  GtkWidget *dialog = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (entry)));
  GtkLabel *message = g_object_get_data (G_OBJECT (entry), "mer-message");
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autoptr(GError) error = NULL;
  MerDate date;

  if (!mer_date_parse (text, &date, &error))
    {
      g_autofree char *why = g_strdup_printf (_("“%s” is not a date (%s); write it as 1945-12-12, 1945-12 "
                                                "or 1945"), text, error->message);

      gtk_label_set_text (message, why);
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      return;
    }

  mer_state_pin_as_of (self->state, mer_date_last_second (&date));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
as_of_automatic (GtkWidget *button,
                 MerWindow *self)
{
  mer_state_unpin_as_of (self->state);
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (button)));
}

static void
as_of_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  MerWindow *self = MER_WINDOW (widget);
  GtkWidget *dialog = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new (_("Draw the regions and borders as of:"));
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *message = gtk_label_new (NULL);
  GtkWidget *automatic = gtk_button_new_with_mnemonic (_("_Automatic"));
  GtkWidget *apply = gtk_button_new_with_mnemonic (_("_Set"));
  gint64 second;

  gtk_window_set_title (GTK_WINDOW (dialog), _("Borders As Of"));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  /* It holds the window in a plain pointer: it must not outlive it. */
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_resizable (GTK_WINDOW (dialog), FALSE);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (message), 40);
  gtk_widget_add_css_class (message, "dim-label");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "1945-12-12");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Date"), -1);
  gtk_widget_set_tooltip_text (automatic, _("Draw the borders as of the time window's end or the selected event"));
  gtk_widget_add_css_class (apply, "suggested-action");
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);

  /* The date the map is drawn as of now, to edit. */
  if (mer_state_get_as_of (self->state, &second))
    {
      MerDate date;
      g_autofree char *text = NULL;

      mer_date_from_second (second, &date);
      date.precision = MIN (date.precision, MER_DATE_PRECISION_DAY);
      text = mer_date_to_iso (&date);
      gtk_editable_set_text (GTK_EDITABLE (entry), text);
    }

  g_object_set_data (G_OBJECT (entry), "mer-window", self);
  g_object_set_data (G_OBJECT (entry), "mer-message", message);
  g_signal_connect (entry, "activate", G_CALLBACK (as_of_apply), entry);
  g_signal_connect_swapped (apply, "clicked", G_CALLBACK (as_of_apply), entry);
  g_signal_connect_object (automatic, "clicked", G_CALLBACK (as_of_automatic), self, 0);

  gtk_box_append (GTK_BOX (buttons), automatic);
  gtk_box_append (GTK_BOX (buttons), apply);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), message);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_window_set_child (GTK_WINDOW (dialog), box);
  gtk_window_set_default_widget (GTK_WINDOW (dialog), apply);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Presentation mode */

static void
set_presenting_ui (MerWindow *self,
                   gboolean   presenting)
{
  gtk_widget_set_visible (gtk_window_get_titlebar (GTK_WINDOW (self)), !presenting);
  gtk_widget_set_visible (GTK_WIDGET (self->details_box), !presenting);
  gtk_widget_set_visible (gtk_widget_get_first_child (GTK_WIDGET (self->timeline_box)), !presenting);
  mer_map_widget_set_controls_visible (self->map, !presenting);
  mer_presentation_view_set_presentation (self->presentation_view, presenting ? self->presentation : NULL);
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

/* While presenting, the map is the slide and the timeline keeps a strip
 * below it, whatever size full screen turns out to be. Afterwards, the split
 * of before comes back once the header bar has taken its room again (the
 * paned scales its position when its own height changes). */
static void
on_paned_max_position (MerWindow *self)
{
  int max_position;

  if (self->presentation == NULL)
    {
      gtk_paned_set_position (self->paned, self->paned_position);
      g_signal_handlers_disconnect_by_func (self->paned, on_paned_max_position, self);
      return;
    }

  g_object_get (self->paned, "max-position", &max_position, NULL);
  if (max_position > 0 && max_position < G_MAXINT)
    gtk_paned_set_position (self->paned, max_position * 0.72);
}

/* Where @monitor is among @monitors, or G_MAXUINT when it is gone. */
static guint
find_monitor (GListModel *monitors,
              GdkMonitor *monitor)
{
  for (guint i = 0; monitor != NULL && i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) item = g_list_model_get_item (monitors, i);

      if (item == monitor)
        return i;
    }
  return G_MAXUINT;
}

/* Returns: (transfer full): the first of @monitors that is not @than */
static GdkMonitor *
other_monitor (GListModel *monitors,
               GdkMonitor *than)
{
  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      GdkMonitor *item = g_list_model_get_item (monitors, i);

      if (item != than)
        return item;
      g_object_unref (item);
    }
  return NULL;
}

static void
close_presenter_window (MerWindow *self)
{
  GtkWindow *presenter = GTK_WINDOW (self->presenter);

  if (presenter == NULL)
    return;
  g_clear_weak_pointer (&self->presenter);
  gtk_window_destroy (presenter);
}

/* With two monitors or more, the audience sees the slides on one and the
 * speaker gets the presenter view on another, both full screen; with one,
 * the slides fill it. Run again whenever a monitor comes or goes, so that a
 * projector unplugged in the middle of a talk gives the slides back to the
 * laptop on the same slide, and plugged in again takes them back. */
static void
place_presentation (MerWindow *self)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  guint n_monitors = g_list_model_get_n_items (monitors);

  if (find_monitor (monitors, self->speaker_monitor) == G_MAXUINT)
    g_clear_object (&self->speaker_monitor);
  if (find_monitor (monitors, self->slides_monitor) == G_MAXUINT)
    g_clear_object (&self->slides_monitor);

  if (n_monitors < 2)
    {
      g_autoptr(GdkMonitor) only = g_list_model_get_item (monitors, 0);

      close_presenter_window (self);
      if (only != NULL)
        gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), only);
      else
        gtk_window_fullscreen (GTK_WINDOW (self));
      return;
    }

  if (self->speaker_monitor == NULL)
    self->speaker_monitor = other_monitor (monitors, self->slides_monitor);
  if (self->slides_monitor == NULL)
    self->slides_monitor = other_monitor (monitors, self->speaker_monitor);

  gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), self->slides_monitor);
  if (self->presenter == NULL)
    {
      g_set_weak_pointer (&self->presenter, mer_presenter_window_new (self->presentation_view));
      gtk_window_fullscreen_on_monitor (GTK_WINDOW (self->presenter), self->speaker_monitor);
      gtk_window_present (GTK_WINDOW (self->presenter));
    }
  else
    gtk_window_fullscreen_on_monitor (GTK_WINDOW (self->presenter), self->speaker_monitor);
  mer_presenter_window_show_slides_monitor (self->presenter, find_monitor (monitors, self->slides_monitor));
}

static gboolean
place_again (gpointer user_data)
{
  MerWindow *self = user_data;

  if (self->presentation != NULL)
    place_presentation (self);
  return G_SOURCE_REMOVE;
}

/* After the change, not within it: the presenter window's monitor chooser
 * shows the same list, and closing it while the list is being changed
 * would pull the rows from under it. */
static void
on_monitors_changed (MerWindow *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, place_again, g_object_ref (self), g_object_unref);
}

/* Ctrl+M, from either window. */
static void
on_swap_monitors (MerWindow *self)
{
  GdkMonitor *speaker = self->speaker_monitor;

  if (self->presenter == NULL)
    return;
  self->speaker_monitor = self->slides_monitor;
  self->slides_monitor = speaker;
  place_presentation (self);
}

/* The presenter view's chooser, with three monitors or more: choosing the
 * presenter view's own monitor swaps the two. */
static void
on_move_slides (MerWindow *self,
                guint      position)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, position);

  if (monitor == NULL || monitor == self->slides_monitor || self->presenter == NULL)
    return;
  if (monitor == self->speaker_monitor)
    {
      on_swap_monitors (self);
      return;
    }
  g_set_object (&self->slides_monitor, monitor);
  place_presentation (self);
}

/* Full screen on another monitor moves the window there, and leaving full
 * screen does not bring it back: GTK has no way to place a window, so on
 * X11 the window's place is read and given back through the X server. */
static void
save_place (MerWindow *self)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self));

  self->has_position = FALSE;
  g_clear_object (&self->was_monitor);
  if (surface == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  g_set_object (&self->was_monitor, gdk_display_get_monitor_at_surface (gdk_surface_get_display (surface), surface));
#ifdef GDK_WINDOWING_X11
  if (GDK_IS_X11_SURFACE (surface))
    {
      Display *xdisplay = gdk_x11_display_get_xdisplay (gdk_surface_get_display (surface));
      Window child;

      self->has_position = XTranslateCoordinates (xdisplay, gdk_x11_surface_get_xid (surface),
                                                  DefaultRootWindow (xdisplay), 0, 0, &self->was_x, &self->was_y,
                                                  &child);
    }
#endif
}

/* Unless the window's monitor went away in the meantime: then the window
 * stays on the one it is on. */
static void
restore_place (MerWindow *self)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  gboolean monitor_kept = find_monitor (monitors, self->was_monitor) != G_MAXUINT;

  if (self->was_fullscreen)
    {
      if (monitor_kept)
        gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), self->was_monitor);
      return;
    }

  gtk_window_unfullscreen (GTK_WINDOW (self));
#ifdef GDK_WINDOWING_X11
  {
    GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self));

    if (monitor_kept && self->has_position && surface != NULL && GDK_IS_X11_SURFACE (surface))
      XMoveWindow (gdk_x11_display_get_xdisplay (gdk_surface_get_display (surface)),
                   gdk_x11_surface_get_xid (surface), self->was_x, self->was_y);
  }
#endif
}

/* The speaker stays where the window was, on the laptop, and the slides go
 * to another monitor. */
static void
start_presenting_on_monitors (MerWindow *self)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));

  g_clear_object (&self->slides_monitor);
  g_clear_object (&self->speaker_monitor);
  save_place (self);
  g_set_object (&self->speaker_monitor, self->was_monitor);

  g_signal_connect_object (gdk_display_get_monitors (display), "items-changed", G_CALLBACK (on_monitors_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->presentation_view, "swap-monitors", G_CALLBACK (on_swap_monitors), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->presentation_view, "move-slides", G_CALLBACK (on_move_slides), self,
                           G_CONNECT_SWAPPED);
  place_presentation (self);
}

static void
stop_presenting_on_monitors (MerWindow *self)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));

  g_signal_handlers_disconnect_by_func (gdk_display_get_monitors (display), on_monitors_changed, self);
  g_signal_handlers_disconnect_by_func (self->presentation_view, on_swap_monitors, self);
  g_signal_handlers_disconnect_by_func (self->presentation_view, on_move_slides, self);
  close_presenter_window (self);
  g_clear_object (&self->slides_monitor);
  g_clear_object (&self->speaker_monitor);
}

/**
 * mer_window_present_briefing:
 * @briefing: (nullable): the briefing; %NULL for the first one, or the
 *   events one by one when the story has none
 *
 * Enters presentation mode on the first slide.
 */
void
mer_window_present_briefing (MerWindow   *self,
                             MerBriefing *briefing)
{
  MerDocument *document = mer_state_get_document (self->state);
  g_autoptr(MerBriefing) first = NULL;

  g_return_if_fail (MER_IS_WINDOW (self));

  if (document == NULL || self->presentation != NULL)
    return;

  if (briefing == NULL && g_list_model_get_n_items (mer_document_get_briefings (document)) > 0)
    briefing = first = g_list_model_get_item (mer_document_get_briefings (document), 0);

  _mer_window_set_playing (self, FALSE);
  self->presentation = mer_presentation_new (self->state, self->map, self->timeline, briefing);
  if (mer_presentation_get_n_slides (self->presentation) == 0)
    {
      g_clear_object (&self->presentation);
      return;
    }

  self->was_fullscreen = gtk_window_is_fullscreen (GTK_WINDOW (self));
  self->paned_position = gtk_paned_get_position (self->paned);
  set_presenting_ui (self, TRUE);
  start_presenting_on_monitors (self);
  g_signal_handlers_disconnect_by_func (self->paned, on_paned_max_position, self);
  g_signal_connect_object (self->paned, "notify::max-position", G_CALLBACK (on_paned_max_position), self,
                           G_CONNECT_SWAPPED);
  on_paned_max_position (self);

  mer_presentation_go_to (self->presentation, 0);
}

/**
 * mer_window_stop_presenting:
 *
 * Leaves presentation mode and restores what was shown before.
 */
void
mer_window_stop_presenting (MerWindow *self)
{
  g_return_if_fail (MER_IS_WINDOW (self));

  if (self->presentation == NULL)
    return;

  mer_presentation_restore (self->presentation);
  g_clear_object (&self->presentation);
  set_presenting_ui (self, FALSE);
  gtk_paned_set_position (self->paned, self->paned_position);
  stop_presenting_on_monitors (self);
  restore_place (self);
}

/**
 * mer_window_get_presentation:
 *
 * Returns: (transfer none) (nullable): the presentation being given
 */
MerPresentation *
mer_window_get_presentation (MerWindow *self)
{
  g_return_val_if_fail (MER_IS_WINDOW (self), NULL);
  return self->presentation;
}

/* The Slides panel's own shortcuts work wherever the focus is. */
static void
slides_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MerWindow *self = MER_WINDOW (widget);

  gtk_widget_set_visible (GTK_WIDGET (self->details_box), TRUE);
  gtk_stack_set_visible_child_name (self->side_stack, "slides");
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  MerWindow *self = MER_WINDOW (widget);
  MerDocument *document = mer_state_get_document (self->state);
  MerBriefing *briefing = NULL;

  if (document == NULL)
    return;

  if (parameter != NULL && *g_variant_get_string (parameter, NULL) != '\0')
    briefing = mer_document_lookup_briefing (document, g_variant_get_string (parameter, NULL));
  mer_window_present_briefing (self, briefing);
}

/* Exports */

/* A window closed since is not told. */
static void
on_launched (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr(MerWindow) self = g_weak_ref_get (ref);
  g_autoptr(GError) error = NULL;

  g_weak_ref_clear (ref);
  g_free (ref);
  if (!g_app_info_launch_default_for_uri_finish (result, &error) && self != NULL &&
      gtk_widget_get_visible (GTK_WIDGET (self)))
    _mer_window_show_error (self, error->message);
}

/* The toast's Open: the exported file in the desktop's viewer for it. */
static void
open_exported_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  g_autoptr(GdkAppLaunchContext) context = gdk_display_get_app_launch_context (gtk_widget_get_display (widget));
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, widget);
  g_app_info_launch_default_for_uri_async (g_variant_get_string (parameter, NULL), G_APP_LAUNCH_CONTEXT (context),
                                           NULL, on_launched, ref);
}

/**
 * _mer_window_show_exported:
 * @path: the file written
 *
 * Says, for a moment, where an export went, with a button that opens it.
 */
void
_mer_window_show_exported (MerWindow  *self,
                           const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *markup = g_markup_escape_text (name, -1);
  /* Translators: a toast's title once a map or handout is exported; %s is the file's name */
  g_autofree char *title = g_strdup_printf (_("Exported to “%s”"), markup);
  AdwToast *toast = adw_toast_new (title);

  /* Translators: the button of the toast that says where an export went */
  adw_toast_set_button_label (toast, _("Open"));
  adw_toast_set_action_name (toast, "win.open-exported");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MerWindow *self = MER_WINDOW (widget);
  MerExportDialog *dialog;

  if (mer_state_get_document (self->state) == NULL)
    return;

  dialog = mer_export_dialog_new (GTK_WINDOW (self), self->state, self->map, self->settings);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (_mer_window_show_exported), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Ctrl+Shift+C: the snapshot, with the last export's choices, straight to
 * the clipboard for pasting into slides. */
static void
copy_snapshot_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  MerWindow *self = MER_WINDOW (widget);
  cairo_surface_t *surface;
  g_autoptr(GdkTexture) texture = NULL;
  MerExportChoices choices;
  MerExportOptions options;

  if (mer_state_get_document (self->state) == NULL)
    return;

  mer_export_choices_load (&choices, self->settings);
  mer_export_options_from_choices (&options, &choices, self->state, self->map);
  surface = mer_export_service_render (mer_export_service_get_default (), &options, NULL);
  if (surface == NULL)
    return;

  texture = mer_texture_new_for_surface (surface);
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (widget), texture);
}

static void
on_handout_response (MerWindow            *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = g_file_get_path (file);
    }
  g_object_unref (chooser);
  if (path == NULL)
    return;

  if (!g_str_has_suffix (path, ".pdf"))
    {
      char *fixed = g_strconcat (path, ".pdf", NULL);
      g_free (path);
      path = fixed;
    }

  if (!mer_export_service_write_handout (mer_export_service_get_default (), path,
                                         mer_state_get_document (self->state), NULL,
                                         mer_state_get_pov (self->state), &error))
    _mer_window_show_error (self, error->message);
  else
    _mer_window_show_exported (self, path);
}

static void
handout_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  MerWindow *self = MER_WINDOW (widget);
  GtkFileChooserNative *chooser;

  if (mer_state_get_document (self->state) == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export Handout"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  /* Translators: the file name a handout is saved under at first */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Handout.pdf"));
  g_signal_connect_swapped (chooser, "response", G_CALLBACK (on_handout_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MerWindow *self = MER_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Presenting and exporting need a story to work on. */
void
_mer_window_update_document_actions (MerWindow *self)
{
  static const char * const actions[] = { "win.present", "win.export", "win.copy-snapshot", "win.handout" };
  gboolean have_document = mer_state_get_document (self->state) != NULL;

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], have_document);
  gtk_widget_set_sensitive (GTK_WIDGET (self->briefing_button), have_document);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MerWindow *self = MER_WINDOW (widget);

  if (!_mer_window_confirm_unsaved (self, MER_WINDOW_THEN_OPEN))
    _mer_window_show_open_chooser (self);
}

void
_mer_window_class_actions_init (MerWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.present", "s", present_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present", "s", "");
  gtk_widget_class_install_action (widget_class, "win.copy-snapshot", NULL, copy_snapshot_action);
  gtk_widget_class_install_action (widget_class, "win.show-slides", NULL, slides_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-slides", NULL);
  gtk_widget_class_install_action (widget_class, "win.handout", NULL, handout_action);
  gtk_widget_class_install_action (widget_class, "win.open-exported", "s", open_exported_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_C, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.copy-snapshot", NULL);
  gtk_widget_class_install_action (widget_class, "win.previous-event", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "win.next-event", NULL, step_action);
  gtk_widget_class_install_property_action (widget_class, "win.lanes", "lanes");
  gtk_widget_class_install_property_action (widget_class, "win.play", "playing");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, GDK_CONTROL_MASK, "win.play", NULL);
  gtk_widget_class_install_property_action (widget_class, "win.hide-outside-window", "hide-outside-window");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_install_property_action (widget_class, "win.online-map", "online-map");
  gtk_widget_class_install_property_action (widget_class, "win.pov", "pov");
  gtk_widget_class_install_action (widget_class, "win.as-of", NULL, as_of_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
}

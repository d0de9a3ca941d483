/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-window"

#include "config.h"

#include "mer-window.h"

#include <math.h>

#include "mer-diagnostic.h"
#include "mer-loader.h"
#include "mer-details.h"
#include "mer-export-dialog.h"
#include "mer-presentation.h"
#include "mer-slides-panel.h"
#include "mer-map-widget.h"
#include "mer-state.h"
#include "mer-timeline.h"

/* The map above, the timeline below, the details of the selected event at
 * the side: views of one shared state, which never call one another.
 * Opening a file that has errors shows them and keeps the document that was
 * open. */

#define MAX_SHOWN_DIAGNOSTICS 20

struct _MerWindow
{
  GtkApplicationWindow parent_instance;

  /* Template widgets */
  GtkLabel       *title_label;
  GtkLabel       *subtitle_label;
  GtkInfoBar     *error_bar;
  GtkLabel       *error_label;
  GtkSearchBar   *search_bar;
  GtkSearchEntry *search_entry;
  GtkToggleButton *search_button;
  GtkBox         *map_box;
  GtkBox         *timeline_box;
  GtkBox         *legend_box;
  GtkBox         *details_box;
  GtkButton      *region_chip;
  GtkButton      *window_chip;
  GtkToggleButton *play_button;
  GtkDropDown    *speed_dropdown;

  GtkPaned       *paned;
  GtkPaned       *side_paned;
  GtkInfoBar     *loading_bar;
  GtkLabel       *loading_label;
  GtkProgressBar *loading_progress;

  /* Owned */
  MerState             *state;
  GCancellable         *loading;
  GtkFileChooserNative *chooser;
  GSettings            *settings;

  /* Borrowed */
  MerMapWidget *map;
  MerTimeline  *timeline;
  MerDetails   *details;
  MerSlidesPanel *slides;
  GtkStack       *side_stack;

  /* Presentation */
  MerPresentation *presentation;
  GtkWidget       *card;
  GtkWidget       *card_title;
  GtkWidget       *card_date;
  GtkWidget       *card_caption;
  GtkWidget       *counter;
  GtkWidget       *progress;
  GtkWidget       *notes;
  GtkWidget       *blank;
  GtkWidget       *presenter;
  GtkLabel        *presenter_notes;
  GtkLabel        *presenter_next;
  GtkPicture      *presenter_preview;
  GtkLabel        *presenter_timer;
  GtkEventController *presentation_keys;
  GString         *typed_number;
  gint64           presentation_started;
  guint            timer_id;
  gboolean         was_fullscreen;
  int              paned_position;
  char            *present_on_load;
  GtkMenuButton   *briefing_button;

  guint  play_id;
  gint64 play_last_time;
  guint  loading_timeout_id;
  int    loading_permille;   /* written by the loading thread */
};

G_DEFINE_FINAL_TYPE (MerWindow, mer_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_ONLINE_MAP,
  PROP_LANES,
  PROP_HIDE_OUTSIDE_WINDOW,
  PROP_PLAYING,
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
    g_string_append_printf (text, "\n… and %u more", diagnostics->len - MAX_SHOWN_DIAGNOSTICS);
  if (text->len == 0)
    g_string_append (text, fallback);

  gtk_label_set_text (self->error_label, text->str);
  gtk_info_bar_set_revealed (self->error_bar, TRUE);
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
}

/* Saved: the document is read again, so that presenting uses the slides
 * as written. */
static void
on_briefing_saved (MerWindow *self)
{
  MerDocument *document = mer_state_get_document (self->state);
  g_autofree char *path = document != NULL ? g_file_get_path (mer_document_get_file (document)) : NULL;

  if (path != NULL)
    mer_window_open_path (self, path);
}

/* What waits on the question about unsaved slides. */
typedef enum {
  THEN_CLOSE,
  THEN_OPEN,
} ThenWhat;

static void show_open_chooser (MerWindow *self);

static void
on_unsaved_response (GtkDialog *dialog,
                     int        response,
                     MerWindow *self)
{
  ThenWhat then = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "then"));
  g_autoptr(GError) error = NULL;

  gtk_window_destroy (GTK_WINDOW (dialog));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      if (!mer_slides_panel_save (self->slides, &error))
        {
          g_autoptr(GPtrArray) none = mer_diagnostics_new ();
          show_diagnostics (self, none, error->message);
          return;
        }
    }
  else if (response != GTK_RESPONSE_REJECT)
    return;

  if (then == THEN_CLOSE)
    gtk_window_destroy (GTK_WINDOW (self));
  else
    show_open_chooser (self);
}

/* Asks whether to save slide edits first, when there are any; @then goes
 * ahead once the question is answered. */
static gboolean
confirm_unsaved (MerWindow *self,
                 ThenWhat   then)
{
  MerBriefingEditor *editor = mer_slides_panel_get_editor (self->slides);
  GtkWidget *dialog;

  if (editor == NULL || !mer_briefing_editor_is_dirty (editor))
    return FALSE;

  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   then == THEN_CLOSE ? "Save the changes to the briefing before closing?"
                                                      : "Save the changes to the briefing before opening another file?");
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
                                            "If you don't save, the slides you added or edited are lost.");
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          then == THEN_CLOSE ? "Close _without Saving" : "Continue _without Saving",
                          GTK_RESPONSE_REJECT,
                          "_Cancel", GTK_RESPONSE_CANCEL, "_Save", GTK_RESPONSE_ACCEPT, NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g_object_set_data (G_OBJECT (dialog), "then", GINT_TO_POINTER (then));
  g_signal_connect (dialog, "response", G_CALLBACK (on_unsaved_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static gboolean
on_close_request (MerWindow *self)
{
  int width, height;

  if (confirm_unsaved (self, THEN_CLOSE))
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
  return FALSE;
}

static void
on_search_changed (MerWindow *self)
{
  mer_state_set_search (self->state, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
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

static void
on_legend_toggled (GtkToggleButton *button,
                   MerWindow       *self)
{
  MerCategory *category = g_object_get_data (G_OBJECT (button), "category");

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
      g_autofree char *label = g_strdup_printf ("%s (%u slides)", mer_briefing_get_title (briefing),
                                                mer_briefing_get_n_slides (briefing));
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "win.present", "s", mer_briefing_get_id (briefing));
      g_menu_append_item (menu, item);
    }
  if (n == 0)
    g_menu_append (menu, "Every Event in Time Order", "win.present('')");

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
      guint32 rgb = mer_category_get_color (category);
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *label = gtk_label_new (NULL);
      g_autofree char *markup = NULL;
      g_autofree char *tooltip = NULL;

      markup = rgb != MER_NO_COLOR
                 ? g_markup_printf_escaped ("<span foreground='#%06x'>●</span> %s", rgb, mer_category_get_name (category))
                 : g_markup_escape_text (mer_category_get_name (category), -1);
      gtk_label_set_markup (GTK_LABEL (label), markup);
      gtk_button_set_child (GTK_BUTTON (button), label);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
      gtk_widget_add_css_class (button, "flat");
      tooltip = g_strdup_printf ("Show or hide %s events", mer_category_get_name (category));
      gtk_widget_set_tooltip_text (button, tooltip);
      g_object_set_data_full (G_OBJECT (button), "category", g_object_ref (category), g_object_unref);
      g_signal_connect (button, "toggled", G_CALLBACK (on_legend_toggled), self);
      gtk_box_append (self->legend_box, button);
    }
}

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

static void
set_playing (MerWindow *self,
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
on_play_toggled (MerWindow *self)
{
  set_playing (self, gtk_toggle_button_get_active (self->play_button));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
}

static void
on_activate_event (MerWindow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->details_box), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->details));
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


/* Presentation mode */

/* How much of what the slide shows a card at (x0, y0)–(x1, y1) would hide:
 * the event's places weigh more than any region. */
static double
card_cost (MerWindow        *self,
           const MerMapView *view,
           double            x0,
           double            y0,
           double            x1,
           double            y1)
{
  GPtrArray *regions = mer_state_get_highlighted_regions (self->state);
  MerEvent *event = mer_state_get_selected_event (self->state);
  double cost = 0;

  if (event != NULL)
    {
      const MerPlace *places;
      guint n_places;

      places = mer_event_get_places (event, &n_places);
      for (guint i = 0; i < n_places; i++)
        {
          double px, py;

          mer_map_view_location_to_point (view, places[i].lat, places[i].lon, &px, &py);
          if (px >= x0 - 30 && px <= x1 + 30 && py >= y0 - 30 && py <= y1 + 30)
            cost += 1e7;
        }
    }

  for (guint i = 0; i < regions->len; i++)
    {
      double west, south, east, north, ax, ay, bx, by;

      if (!mer_geometry_get_bounds (mer_region_get_geometry (g_ptr_array_index (regions, i)),
                                    &west, &south, &east, &north))
        continue;
      mer_map_view_location_to_point (view, north, west, &ax, &ay);
      mer_map_view_location_to_point (view, south, east, &bx, &by);
      cost += MAX (0, MIN (x1, bx) - MAX (x0, ax)) * MAX (0, MIN (y1, by) - MAX (y0, ay));
    }

  return cost;
}

/* The caption card goes where it hides least of the slide's places and
 * highlighted regions: a corner or the middle of the top or bottom edge,
 * narrow and tall or wide and short. It is judged on the view the map is
 * flying to and the card's real size. */
static gboolean
on_card_position (GtkOverlay    *overlay,
                  GtkWidget     *card,
                  GtkAllocation *allocation,
                  MerWindow     *self)
{
  static const double widths[] = { 0.42, 0.62 };
  int width = gtk_widget_get_width (GTK_WIDGET (overlay));
  int height = gtk_widget_get_height (GTK_WIDGET (overlay));
  double best = G_MAXDOUBLE;
  int min_width, natural_width;
  MerMapView view;
  MerView target;

  if (card != self->card)
    return FALSE;

  gtk_widget_measure (card, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, &natural_width, NULL, NULL);
  mer_map_widget_get_target_view (self->map, &target);
  mer_map_view_init (&view, &target, width, height, 1);

  /* Bottom left first: ties go where captions usually sit. */
  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      int card_width = CLAMP ((int) (width * widths[w]), min_width, MAX (min_width, natural_width));
      int card_height;

      gtk_widget_measure (card, GTK_ORIENTATION_VERTICAL, card_width, &card_height, NULL, NULL, NULL);
      for (guint column = 0; column < 3; column++)
        for (guint row = 0; row < 2; row++)
          {
            int x = column == 0 ? 0 : column == 1 ? MAX (0, (width - card_width) / 2) : MAX (0, width - card_width);
            int y = row == 0 ? MAX (0, height - card_height) : 0;
            double cost = card_cost (self, &view,
                                     x + gtk_widget_get_margin_start (card),
                                     y + gtk_widget_get_margin_top (card),
                                     x + card_width - gtk_widget_get_margin_end (card),
                                     y + card_height - gtk_widget_get_margin_bottom (card));

            if (cost < best)
              {
                best = cost;
                *allocation = (GtkAllocation) { x, y, card_width, card_height };
              }
          }
    }

  return TRUE;
}

static void
update_presenter (MerWindow *self)
{
  guint index, n;
  const char *notes;
  g_autofree char *next = NULL;

  if (self->presenter == NULL || self->presentation == NULL)
    return;

  index = mer_presentation_get_index (self->presentation);
  n = mer_presentation_get_n_slides (self->presentation);
  notes = mer_presentation_get_notes (self->presentation, index);
  gtk_label_set_text (self->presenter_notes, notes != NULL ? notes : "(no notes)");
  if (index + 1 < n)
    {
      g_autofree char *title = mer_presentation_dup_title (self->presentation, index + 1);
      g_autoptr(GdkTexture) preview = mer_presentation_render_preview (self->presentation, index + 1, 480, 270);

      next = g_strdup_printf ("Next: %s", title);
      gtk_picture_set_paintable (self->presenter_preview, GDK_PAINTABLE (preview));
    }
  else
    gtk_picture_set_paintable (self->presenter_preview, NULL);
  gtk_label_set_text (self->presenter_next, next != NULL ? next : "Last slide");
}

static void
on_slide_changed (MerWindow *self)
{
  guint index = mer_presentation_get_index (self->presentation);
  guint n = mer_presentation_get_n_slides (self->presentation);
  g_autofree char *title = mer_presentation_dup_title (self->presentation, index);
  g_autofree char *date = mer_presentation_dup_date (self->presentation, index);
  g_autofree char *counter = g_strdup_printf ("%u / %u", index + 1, n);
  const char *caption = mer_presentation_get_caption (self->presentation, index);
  const char *notes = mer_presentation_get_notes (self->presentation, index);

  gtk_label_set_text (GTK_LABEL (self->card_title), title);
  gtk_label_set_text (GTK_LABEL (self->card_date), date != NULL ? date : "");
  gtk_widget_set_visible (self->card_date, date != NULL);
  gtk_label_set_text (GTK_LABEL (self->card_caption), caption != NULL ? caption : "");
  gtk_widget_set_visible (self->card_caption, caption != NULL);
  gtk_label_set_text (GTK_LABEL (self->counter), counter);
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress), (index + 1) / (double) n);
  gtk_label_set_text (GTK_LABEL (self->notes), notes != NULL ? notes : "(no notes for this slide)");
  gtk_widget_queue_allocate (gtk_widget_get_parent (self->card));
  update_presenter (self);
}

static gboolean
on_presenter_tick (gpointer user_data)
{
  MerWindow *self = user_data;
  gint64 seconds = (g_get_monotonic_time () - self->presentation_started) / G_USEC_PER_SEC;
  g_autofree char *text = g_strdup_printf ("%02" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT, seconds / 60, seconds % 60);

  if (self->presenter_timer != NULL)
    gtk_label_set_text (self->presenter_timer, text);
  return G_SOURCE_CONTINUE;
}

/* With a second monitor, the audience sees the slides there and the speaker
 * gets notes, the next slide and a timer on this one. */
static void
open_presenter_view (MerWindow *self)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  GtkWidget *box;
  g_autoptr(GdkMonitor) audience = NULL;

  if (g_list_model_get_n_items (monitors) < 2)
    return;

  audience = g_list_model_get_item (monitors, 1);
  gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), audience);

  self->presenter = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (self->presenter), "Presenter — Meridian");
  gtk_window_set_default_size (GTK_WINDOW (self->presenter), 900, 600);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);
  gtk_widget_set_margin_top (box, 24);
  self->presenter_timer = GTK_LABEL (gtk_label_new ("00:00"));
  gtk_widget_add_css_class (GTK_WIDGET (self->presenter_timer), "presentation-title");
  self->presenter_next = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->presenter_next), "presentation-date");
  self->presenter_notes = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->presenter_notes, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->presenter_notes), "presentation-caption");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->presenter_timer));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->presenter_notes));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->presenter_next));
  self->presenter_preview = GTK_PICTURE (gtk_picture_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->presenter_preview), 480, 270);
  gtk_widget_set_halign (GTK_WIDGET (self->presenter_preview), GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->presenter_preview));
  gtk_window_set_child (GTK_WINDOW (self->presenter), box);
  gtk_window_present (GTK_WINDOW (self->presenter));
  self->timer_id = g_timeout_add_seconds (1, on_presenter_tick, self);
}

static void
set_presenting_ui (MerWindow *self,
                   gboolean   presenting)
{
  gtk_widget_set_visible (gtk_window_get_titlebar (GTK_WINDOW (self)), !presenting);
  gtk_widget_set_visible (GTK_WIDGET (self->details_box), !presenting);
  gtk_widget_set_visible (gtk_widget_get_first_child (GTK_WIDGET (self->timeline_box)), !presenting);
  gtk_widget_set_visible (self->card, presenting);
  gtk_widget_set_visible (self->counter, presenting);
  gtk_widget_set_visible (self->progress, presenting);
  gtk_widget_set_visible (self->notes, FALSE);
  gtk_widget_set_visible (self->blank, FALSE);
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

  set_playing (self, FALSE);
  self->presentation = mer_presentation_new (self->state, self->map, self->timeline, briefing);
  if (mer_presentation_get_n_slides (self->presentation) == 0)
    {
      g_clear_object (&self->presentation);
      return;
    }
  g_signal_connect_object (self->presentation, "changed", G_CALLBACK (on_slide_changed), self, G_CONNECT_SWAPPED);

  self->was_fullscreen = gtk_window_is_fullscreen (GTK_WINDOW (self));
  self->paned_position = gtk_paned_get_position (self->paned);
  self->presentation_started = g_get_monotonic_time ();
  g_string_truncate (self->typed_number, 0);
  set_presenting_ui (self, TRUE);
  gtk_event_controller_set_propagation_phase (self->presentation_keys, GTK_PHASE_CAPTURE);
  open_presenter_view (self);
  if (self->presenter == NULL)
    gtk_window_fullscreen (GTK_WINDOW (self));
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
  gtk_event_controller_set_propagation_phase (self->presentation_keys, GTK_PHASE_NONE);
  set_presenting_ui (self, FALSE);
  gtk_paned_set_position (self->paned, self->paned_position);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  if (self->presenter != NULL)
    gtk_window_destroy (GTK_WINDOW (self->presenter));
  self->presenter = NULL;
  self->presenter_notes = self->presenter_next = self->presenter_timer = NULL;
  self->presenter_preview = NULL;
  if (!self->was_fullscreen)
    gtk_window_unfullscreen (GTK_WINDOW (self));
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

static void
blank (MerWindow  *self,
       const char *css_class)
{
  gboolean showing = gtk_widget_get_visible (self->blank) && gtk_widget_has_css_class (self->blank, css_class);

  gtk_widget_remove_css_class (self->blank, "blank-black");
  gtk_widget_remove_css_class (self->blank, "blank-white");
  gtk_widget_add_css_class (self->blank, css_class);
  gtk_widget_set_visible (self->blank, !showing);
}

/* Keys while presenting, before the map or the timeline sees them. Clickers
 * send Page Up and Page Down. */
static gboolean
on_presentation_key (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        modifiers,
                     MerWindow             *self)
{
  MerPresentation *presentation = self->presentation;

  if (presentation == NULL)
    return FALSE;

  if (keyval >= GDK_KEY_0 && keyval <= GDK_KEY_9)
    {
      g_string_append_c (self->typed_number, (char) ('0' + keyval - GDK_KEY_0));
      return TRUE;
    }
  if (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_9)
    {
      g_string_append_c (self->typed_number, (char) ('0' + keyval - GDK_KEY_KP_0));
      return TRUE;
    }

  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      if (self->typed_number->len > 0)
        {
          guint64 number = g_ascii_strtoull (self->typed_number->str, NULL, 10);

          g_string_truncate (self->typed_number, 0);
          if (number >= 1)
            mer_presentation_go_to (presentation, (guint) MIN (number, G_MAXUINT) - 1);
          return TRUE;
        }
      mer_presentation_next (presentation);
      return TRUE;

    case GDK_KEY_Right:
    case GDK_KEY_Down:
    case GDK_KEY_space:
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      g_string_truncate (self->typed_number, 0);
      mer_presentation_next (presentation);
      return TRUE;

    case GDK_KEY_Left:
    case GDK_KEY_Up:
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
    case GDK_KEY_BackSpace:
      g_string_truncate (self->typed_number, 0);
      mer_presentation_previous (presentation);
      return TRUE;

    case GDK_KEY_Home:
      mer_presentation_go_to (presentation, 0);
      return TRUE;

    case GDK_KEY_End:
      mer_presentation_go_to (presentation, mer_presentation_get_n_slides (presentation) - 1);
      return TRUE;

    case GDK_KEY_b:
    case GDK_KEY_B:
    case GDK_KEY_period:
      blank (self, "blank-black");
      return TRUE;

    case GDK_KEY_w:
    case GDK_KEY_W:
      blank (self, "blank-white");
      return TRUE;

    case GDK_KEY_n:
    case GDK_KEY_N:
      gtk_widget_set_visible (self->notes, !gtk_widget_get_visible (self->notes));
      return TRUE;

    case GDK_KEY_Escape:
      mer_window_stop_presenting (self);
      return TRUE;

    default:
      return FALSE;
    }
}

/* The Slides panel's own shortcuts work wherever the focus is. */
static void
slides_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MerWindow *self = MER_WINDOW (widget);

  if (g_str_equal (action_name, "win.show-slides"))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->details_box), TRUE);
      gtk_stack_set_visible_child_name (self->side_stack, "slides");
      return;
    }

  gtk_widget_activate_action (GTK_WIDGET (self->slides),
                              g_str_equal (action_name, "win.save-briefing") ? "slides.save"
                              : g_str_equal (action_name, "win.undo") ? "slides.undo" : "slides.redo",
                              NULL);
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

static GtkWidget *
card_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 64);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

/* The caption card, counter and progress over the map; the notes and the
 * blank screen over everything. */
static void
build_presentation_ui (MerWindow *self)
{
  GtkWidget *map_overlay = gtk_overlay_new ();
  GtkWidget *root = gtk_overlay_new ();
  GtkWidget *content = gtk_window_get_child (GTK_WINDOW (self));
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  g_object_ref (self->map);
  gtk_box_remove (self->map_box, GTK_WIDGET (self->map));
  gtk_overlay_set_child (GTK_OVERLAY (map_overlay), GTK_WIDGET (self->map));
  g_object_unref (self->map);
  gtk_widget_set_hexpand (map_overlay, TRUE);
  gtk_box_append (self->map_box, map_overlay);

  self->card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (self->card, "presentation-card");
  gtk_widget_set_margin_start (self->card, 28);
  gtk_widget_set_margin_end (self->card, 28);
  gtk_widget_set_margin_top (self->card, 28);
  gtk_widget_set_margin_bottom (self->card, 76);
  self->card_title = card_label ("presentation-title");
  self->card_date = card_label ("presentation-date");
  self->card_caption = card_label ("presentation-caption");
  gtk_box_append (GTK_BOX (self->card), self->card_date);
  gtk_box_append (GTK_BOX (self->card), self->card_title);
  gtk_box_append (GTK_BOX (self->card), self->card_caption);
  gtk_widget_set_visible (self->card, FALSE);
  gtk_overlay_add_overlay (GTK_OVERLAY (map_overlay), self->card);
  g_signal_connect (map_overlay, "get-child-position", G_CALLBACK (on_card_position), self);

  self->counter = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->counter, "presentation-counter");
  gtk_widget_add_css_class (self->counter, "osd");
  self->progress = gtk_progress_bar_new ();
  gtk_widget_set_hexpand (self->progress, TRUE);
  gtk_widget_set_valign (self->progress, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (bottom), self->progress);
  gtk_box_append (GTK_BOX (bottom), self->counter);
  gtk_widget_set_valign (bottom, GTK_ALIGN_END);
  gtk_widget_set_margin_start (bottom, 12);
  gtk_widget_set_margin_end (bottom, 12);
  gtk_widget_set_margin_bottom (bottom, 8);
  gtk_widget_set_can_target (bottom, FALSE);
  gtk_overlay_add_overlay (GTK_OVERLAY (map_overlay), bottom);
  gtk_widget_set_visible (self->counter, FALSE);
  gtk_widget_set_visible (self->progress, FALSE);

  g_object_ref (content);
  gtk_window_set_child (GTK_WINDOW (self), root);
  gtk_overlay_set_child (GTK_OVERLAY (root), content);
  g_object_unref (content);

  self->notes = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->notes), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->notes), 0);
  gtk_widget_add_css_class (self->notes, "presentation-notes");
  gtk_widget_set_valign (self->notes, GTK_ALIGN_END);
  gtk_widget_set_visible (self->notes, FALSE);
  gtk_overlay_add_overlay (GTK_OVERLAY (root), self->notes);

  self->blank = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_visible (self->blank, FALSE);
  gtk_overlay_add_overlay (GTK_OVERLAY (root), self->blank);

  self->typed_number = g_string_new (NULL);
  self->presentation_keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (self->presentation_keys, GTK_PHASE_NONE);
  g_signal_connect (self->presentation_keys, "key-pressed", G_CALLBACK (on_presentation_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self), self->presentation_keys);
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
  MerExportDialog *dialog;
  g_autoptr(GdkTexture) texture = NULL;
  MerExportOptions options;
  MerExportFormat format;

  if (mer_state_get_document (self->state) == NULL)
    return;

  dialog = mer_export_dialog_new (GTK_WINDOW (self), self->state, self->map, self->settings);
  mer_export_dialog_get_options (dialog, &options, &format);
  gtk_window_destroy (GTK_WINDOW (dialog));

  texture = mer_export_render_texture (&options, NULL);
  if (texture != NULL)
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
  g_autofree char *basemap_path = mer_basemap_find_default_path ();
  g_autoptr(MerBasemap) basemap = NULL;
  g_autoptr(MerBasemapPainter) painter = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = g_file_get_path (file);
    }
  g_object_unref (chooser);
  if (path == NULL)
    return;

  basemap = mer_basemap_new_from_file (basemap_path, &error);
  if (basemap != NULL)
    {
      painter = mer_basemap_painter_new (basemap);
      if (!g_str_has_suffix (path, ".pdf"))
        {
          char *fixed = g_strconcat (path, ".pdf", NULL);
          g_free (path);
          path = fixed;
        }
      mer_export_write_handout (path, painter, mer_state_get_document (self->state), NULL, &error);
    }

  if (error != NULL)
    {
      g_autoptr(GPtrArray) none = mer_diagnostics_new ();
      show_diagnostics (self, none, error->message);
    }
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

  chooser = gtk_file_chooser_native_new ("Export Handout", GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         "_Export", "_Cancel");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "Handout.pdf");
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
static void
update_document_actions (MerWindow *self)
{
  static const char * const actions[] = { "win.present", "win.export", "win.copy-snapshot", "win.handout" };
  gboolean have_document = mer_state_get_document (self->state) != NULL;

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], have_document);
  gtk_widget_set_sensitive (GTK_WIDGET (self->briefing_button), have_document);
}

static void
mer_window_set_document (MerWindow   *self,
                         MerDocument *document)
{
  const char *title, *subtitle;

  if (mer_state_get_document (self->state) == document)
    return;

  mer_state_set_document (self->state, document);

  title = mer_document_get_title (document);
  subtitle = mer_document_get_subtitle (document);
  gtk_label_set_text (self->title_label, title != NULL ? title : "Meridian");
  gtk_window_set_title (GTK_WINDOW (self), title != NULL ? title : "Meridian");
  gtk_label_set_text (self->subtitle_label, subtitle != NULL ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle != NULL);

  rebuild_legend (self, document);
  rebuild_briefing_menu (self, document);
  update_document_actions (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  set_playing (self, FALSE);
  gtk_toggle_button_set_active (self->play_button, FALSE);

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

static void
show_open_chooser (MerWindow *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  gtk_file_filter_set_name (filter, "Meridian event files");
  gtk_file_filter_add_suffix (filter, "json");

  self->chooser = gtk_file_chooser_native_new ("Open Event File", GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, "_Open", "_Cancel");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MerWindow *self = MER_WINDOW (widget);

  if (!confirm_unsaved (self, THEN_OPEN))
    show_open_chooser (self);
}

/* Loading in a worker thread: the window stays responsive, a long load shows
 * its progress and can be cancelled, and a failed load keeps the document
 * that was open. */

typedef struct {
  char      *path;
  GPtrArray *diagnostics;
  int       *permille;
} LoadJob;

static void
load_job_free (LoadJob *job)
{
  g_free (job->path);
  g_ptr_array_unref (job->diagnostics);
  g_free (job);
}

static void
on_load_progress (double   fraction,
                  gpointer user_data)
{
  LoadJob *job = user_data;

  g_atomic_int_set (job->permille, (int) (fraction * 1000));
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LoadJob *job = task_data;
  GError *error = NULL;
  MerDocument *document;

  document = mer_loader_load_file_full (job->path, job->path, job->diagnostics, on_load_progress, job,
                                        cancellable, &error);
  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

static gboolean
update_loading (gpointer user_data)
{
  MerWindow *self = user_data;

  gtk_info_bar_set_revealed (self->loading_bar, TRUE);
  gtk_progress_bar_set_fraction (self->loading_progress, g_atomic_int_get (&self->loading_permille) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
stop_loading_feedback (MerWindow *self)
{
  g_clear_handle_id (&self->loading_timeout_id, g_source_remove);
  gtk_info_bar_set_revealed (self->loading_bar, FALSE);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  MerWindow *self = MER_WINDOW (source);
  LoadJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(MerDocument) document = g_task_propagate_pointer (G_TASK (result), &error);

  /* A newer open, or a cancel, took over. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  stop_loading_feedback (self);
  g_clear_object (&self->loading);

  if (document == NULL)
    {
      show_diagnostics (self, job->diagnostics, error->message);
      return;
    }

  gtk_info_bar_set_revealed (self->error_bar, FALSE);
  mer_window_set_document (self, document);

  if (self->present_on_load != NULL)
    {
      g_autofree char *id = g_steal_pointer (&self->present_on_load);
      MerBriefing *briefing = *id != '\0' ? mer_document_lookup_briefing (document, id) : NULL;

      if (*id != '\0' && briefing == NULL)
        {
          g_autoptr(GPtrArray) none = mer_diagnostics_new ();
          g_autofree char *message = g_strdup_printf ("The story has no briefing “%s”.", id);

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
 * Loads @path in a worker thread and shows it when loaded; while it loads
 * the window stays usable, and after a moment shows the progress with a
 * Cancel button. If the file has errors they are shown and the document
 * that was open stays. Opening another file cancels a load in progress.
 */
void
mer_window_open_file (MerWindow  *self,
                      const char *path)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *label = NULL;
  LoadJob *job;

  g_return_if_fail (MER_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  on_loading_cancel (self);
  self->loading = g_cancellable_new ();
  g_atomic_int_set (&self->loading_permille, 0);

  job = g_new0 (LoadJob, 1);
  job->path = g_strdup (path);
  job->diagnostics = mer_diagnostics_new ();
  job->permille = &self->loading_permille;

  basename = g_path_get_basename (path);
  label = g_strdup_printf ("Opening %s…", basename);
  gtk_label_set_text (self->loading_label, label);
  gtk_progress_bar_set_fraction (self->loading_progress, 0);
  self->loading_timeout_id = g_timeout_add (150, update_loading, self);

  task = g_task_new (self, self->loading, on_loaded, NULL);
  g_task_set_source_tag (task, mer_window_open_file);
  g_task_set_task_data (task, job, (GDestroyNotify) load_job_free);
  g_task_run_in_thread (task, load_in_thread);
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

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
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
  g_clear_pointer (&self->present_on_load, g_free);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  if (self->presenter != NULL)
    gtk_window_destroy (GTK_WINDOW (self->presenter));
  self->presenter = NULL;
  if (self->typed_number != NULL)
    g_string_free (g_steal_pointer (&self->typed_number), TRUE);
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_handle_id (&self->loading_timeout_id, g_source_remove);
  set_playing (self, FALSE);
  g_clear_object (&self->state);

  G_OBJECT_CLASS (mer_window_parent_class)->dispose (object);
}

static void
mer_window_class_init (MerWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = mer_window_get_property;
  object_class->set_property = mer_window_set_property;
  object_class->dispose = mer_window_dispose;

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
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/meridian/Meridian/ui/mer-window.ui");
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
  gtk_widget_class_bind_template_child (widget_class, MerWindow, play_button);
  gtk_widget_class_bind_template_child (widget_class, MerWindow, speed_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_region_chip_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_window_chip_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_play_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_error_bar_response);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.present", "s", present_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present", "s", "");
  gtk_widget_class_install_action (widget_class, "win.copy-snapshot", NULL, copy_snapshot_action);
  gtk_widget_class_install_action (widget_class, "win.show-slides", NULL, slides_action);
  gtk_widget_class_install_action (widget_class, "win.save-briefing", NULL, slides_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, slides_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, slides_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-slides", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save-briefing", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_install_action (widget_class, "win.handout", NULL, handout_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_C, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.copy-snapshot", NULL);
  gtk_widget_class_install_action (widget_class, "win.cancel-loading", NULL, cancel_loading_action);
  gtk_widget_class_install_action (widget_class, "win.previous-event", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "win.next-event", NULL, step_action);
  gtk_widget_class_install_property_action (widget_class, "win.lanes", "lanes");
  gtk_widget_class_install_property_action (widget_class, "win.play", "playing");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, GDK_CONTROL_MASK, "win.play", NULL);
  gtk_widget_class_install_property_action (widget_class, "win.hide-outside-window", "hide-outside-window");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_install_property_action (widget_class, "win.online-map", "online-map");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
}

static void
mer_window_init (MerWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->state = mer_state_new ();
  update_document_actions (self);
  g_signal_connect_object (self->state, "notify::filter-region", G_CALLBACK (on_filter_region), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "time-window-changed", G_CALLBACK (on_time_window), self,
                           G_CONNECT_SWAPPED);

  self->map = mer_map_widget_new (self->state);
  gtk_box_append (self->map_box, GTK_WIDGET (self->map));

  self->timeline = mer_timeline_new (self->state);
  gtk_box_append (self->timeline_box, GTK_WIDGET (self->timeline));
  g_signal_connect_object (self->timeline, "activate-event", G_CALLBACK (on_activate_event), self,
                           G_CONNECT_SWAPPED);

  self->details = mer_details_new (self->state);
  self->slides = mer_slides_panel_new (self->state, self->map);
  g_signal_connect_object (self->slides, "saved", G_CALLBACK (on_briefing_saved), self, G_CONNECT_SWAPPED);
  {
    GtkWidget *stack = gtk_stack_new ();
    GtkWidget *switcher = gtk_stack_switcher_new ();
    GtkWidget *side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

    gtk_stack_add_titled (GTK_STACK (stack), GTK_WIDGET (self->details), "details", "Details");
    gtk_stack_add_titled (GTK_STACK (stack), GTK_WIDGET (self->slides), "slides", "Slides");
    self->side_stack = GTK_STACK (stack);
    gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), GTK_STACK (stack));
    gtk_widget_set_halign (switcher, GTK_ALIGN_CENTER);
    gtk_widget_set_margin_top (switcher, 6);
    gtk_widget_set_vexpand (stack, TRUE);
    gtk_box_append (GTK_BOX (side), switcher);
    gtk_box_append (GTK_BOX (side), stack);
    gtk_widget_set_hexpand (side, TRUE);
    gtk_box_append (self->details_box, side);
  }

  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  build_presentation_ui (self);

  self->settings = create_settings ();
  restore_sizes (self);
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

  document = mer_loader_load_file (path, path, diagnostics, &error);
  if (document == NULL)
    {
      show_diagnostics (self, diagnostics, error->message);
      return FALSE;
    }

  gtk_info_bar_set_revealed (self->error_bar, FALSE);
  mer_window_set_document (self, document);
  return TRUE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-presenter-window"

#include "config.h"

#include "mer-presenter-window.h"

#include <glib/gi18n.h>
#include <math.h>

/* With a second monitor, the audience sees the slides there and the
 * speaker gets this window on the other, filling it: the slide number, the
 * time since the start and the clock, the slide shown and the next one as
 * the export painters draw them, and the notes, large. Its keys drive the
 * audience's view through the same actions as the view's own. */

struct _MerPresenterWindow
{
  GtkWindow parent_instance;

  /* Template widgets */
  GtkLabel    *counter;
  GtkLabel    *timer;
  GtkLabel    *clock;
  GtkDropDown *monitors;
  GtkLabel    *current;
  GtkLabel    *next;
  GtkPicture  *current_picture;
  GtkPicture  *next_picture;
  GtkLabel    *notes;

  /* Owned */
  MerPresentationView *view;
  MerPresentation     *presentation;

  gint64   started;
  guint    timer_id;
  guint    relayout_id;
  int      laid_out_width;  /* of the window, when last laid out */
  int      laid_out_height;
  gboolean choosing;        /* the monitor chooser is being set, not used */
};

G_DEFINE_FINAL_TYPE (MerPresenterWindow, mer_presenter_window, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_font_size (GtkLabel *label,
               int       pixels)
{
  g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();

  pango_attr_list_insert (attributes, pango_attr_size_new_absolute (pixels * PANGO_SCALE));
  gtk_label_set_attributes (label, attributes);
}

/* Draws @index at @picture's size, which has the shape of the audience's
 * map, so that the whole slide shows. */
static void
draw_slide (MerPresenterWindow *self,
            GtkPicture         *picture,
            guint               index)
{
  g_autoptr(GdkTexture) texture = NULL;
  int width, height;

  gtk_widget_get_size_request (GTK_WIDGET (picture), &width, &height);
  if (width > 0 && height > 0 && index < mer_presentation_get_n_slides (self->presentation))
    texture = mer_presentation_render_preview (self->presentation, index, width, height);
  gtk_picture_set_paintable (picture, GDK_PAINTABLE (texture));
}

static void
draw_slides (MerPresenterWindow *self)
{
  guint index = mer_presentation_get_index (self->presentation);

  draw_slide (self, self->current_picture, index);
  draw_slide (self, self->next_picture, index + 1);
}

static void
on_slide_changed (MerPresenterWindow *self)
{
  guint index = mer_presentation_get_index (self->presentation);
  guint n = mer_presentation_get_n_slides (self->presentation);
  const char *notes = mer_presentation_get_notes (self->presentation, index);
  g_autofree char *counter = g_strdup_printf (_("Slide %u of %u"), index + 1, n);
  g_autofree char *title = mer_presentation_dup_title (self->presentation, index);
  g_autofree char *next = NULL;

  gtk_label_set_text (self->counter, counter);
  gtk_label_set_text (self->current, title);
  gtk_label_set_text (self->notes, notes != NULL ? notes : _("(no notes)"));
  if (index + 1 < n)
    {
      g_autofree char *next_title = mer_presentation_dup_title (self->presentation, index + 1);

      next = g_strdup_printf (_("Next: %s"), next_title);
    }
  gtk_label_set_text (self->next, next != NULL ? next : _("Last slide"));
  draw_slides (self);
}

static gboolean
on_timer (gpointer user_data)
{
  MerPresenterWindow *self = user_data;
  gint64 seconds = (g_get_monotonic_time () - self->started) / G_USEC_PER_SEC;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *elapsed = NULL;
  g_autofree char *clock = g_date_time_format (now, "%H:%M");

  if (seconds >= 3600)
    elapsed = g_strdup_printf ("%" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT,
                               seconds / 3600, seconds / 60 % 60, seconds % 60);
  else
    elapsed = g_strdup_printf ("%02" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT, seconds / 60, seconds % 60);
  gtk_label_set_text (self->timer, elapsed);
  gtk_label_set_text (self->clock, clock);
  return G_SOURCE_CONTINUE;
}

/* The presenter view lays itself out for its monitor, from 1280×720 to
 * 2560×1440 and beyond: the type grows with it, the current slide takes
 * three fifths of the width and the next one the rest, both in the shape of
 * the audience's map and together no taller than half the screen, and the
 * notes have what is left below. After the layout, as this changes it. */
static gboolean
relayout (gpointer user_data)
{
  MerPresenterWindow *self = user_data;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  GtkWidget *grid = gtk_window_get_child (GTK_WINDOW (self));
  int content = width - gtk_widget_get_margin_start (grid) - gtk_widget_get_margin_end (grid)
                - (int) gtk_grid_get_column_spacing (GTK_GRID (grid));
  double aspect = 16.0 / 9.0;
  int current_width, next_width;
  MerMapView audience;

  self->relayout_id = 0;
  self->laid_out_width = width;
  self->laid_out_height = height;

  set_font_size (self->notes, MAX (18, height / 30));
  set_font_size (self->timer, MAX (24, height / 18));
  set_font_size (self->counter, MAX (18, height / 30));
  set_font_size (self->clock, MAX (18, height / 30));
  set_font_size (self->current, MAX (14, height / 45));
  set_font_size (self->next, MAX (14, height / 45));

  mer_map_widget_get_map_view (mer_presentation_get_map (self->presentation), &audience);
  if (audience.width > 0 && audience.height > 0)
    aspect = audience.width / audience.height;
  current_width = MAX (1, MIN (content * 3 / 5, (int) (height / 2 * aspect)));
  next_width = MAX (1, MIN (content - current_width, current_width));
  gtk_widget_set_size_request (GTK_WIDGET (self->current), current_width, -1);
  gtk_widget_set_size_request (GTK_WIDGET (self->next), next_width, -1);
  gtk_widget_set_size_request (GTK_WIDGET (self->current_picture), current_width,
                               MAX (1, (int) round (current_width / aspect)));
  gtk_widget_set_size_request (GTK_WIDGET (self->next_picture), next_width,
                               MAX (1, (int) round (next_width / aspect)));
  draw_slides (self);
  return G_SOURCE_REMOVE;
}

static char *
describe_monitor (GdkMonitor *monitor,
                  guint       position)
{
  const char *name = gdk_monitor_get_model (monitor);
  GdkRectangle geometry;

  gdk_monitor_get_geometry (monitor, &geometry);
  if (name == NULL)
    name = gdk_monitor_get_connector (monitor);
  return g_strdup_printf (_("Slides on %u: %s (%d×%d)"), position + 1, name != NULL ? name : _("monitor"),
                          geometry.width, geometry.height);
}

/* A chooser only where there is a choice beyond swapping: three monitors
 * or more. Its rows are the display's monitors, in their order, copied:
 * the display's own list changes under a chooser that shows it. */
static void
on_monitors_changed (MerPresenterWindow *self)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  guint n_monitors = g_list_model_get_n_items (monitors);
  g_autoptr(GtkStringList) rows = gtk_string_list_new (NULL);
  guint selected = gtk_drop_down_get_selected (self->monitors);

  for (guint i = 0; i < n_monitors; i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      g_autofree char *row = describe_monitor (monitor, i);

      gtk_string_list_append (rows, row);
    }
  self->choosing = TRUE;
  gtk_drop_down_set_model (self->monitors, G_LIST_MODEL (rows));
  gtk_drop_down_set_selected (self->monitors, selected < n_monitors ? selected : GTK_INVALID_LIST_POSITION);
  self->choosing = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->monitors), n_monitors > 2);
}

static void
on_monitor_chosen (MerPresenterWindow *self)
{
  guint position = gtk_drop_down_get_selected (self->monitors);

  if (self->choosing || position == GTK_INVALID_LIST_POSITION)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "presentation.slides-monitor", "u", position);
}

/* The speaker's keys go to the audience's view. */
static void
forward_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  MerPresenterWindow *self = MER_PRESENTER_WINDOW (widget);

  gtk_widget_activate_action_variant (GTK_WIDGET (self->view), action_name, parameter);
}

static void
mer_presenter_window_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  MerPresenterWindow *self = MER_PRESENTER_WINDOW (widget);

  GTK_WIDGET_CLASS (mer_presenter_window_parent_class)->size_allocate (widget, width, height, baseline);

  if (self->relayout_id == 0 && (width != self->laid_out_width || height != self->laid_out_height))
    self->relayout_id = g_idle_add (relayout, self);
}

static void
mer_presenter_window_constructed (GObject *object)
{
  MerPresenterWindow *self = MER_PRESENTER_WINDOW (object);

  G_OBJECT_CLASS (mer_presenter_window_parent_class)->constructed (object);

  g_assert (self->view != NULL);
  self->presentation = g_object_ref (mer_presentation_view_get_presentation (self->view));
  g_signal_connect_object (self->presentation, "changed", G_CALLBACK (on_slide_changed), self, G_CONNECT_SWAPPED);
  on_slide_changed (self);
}

static void
mer_presenter_window_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  MerPresenterWindow *self = MER_PRESENTER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      self->view = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mer_presenter_window_dispose (GObject *object)
{
  MerPresenterWindow *self = MER_PRESENTER_WINDOW (object);

  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_handle_id (&self->relayout_id, g_source_remove);
  g_clear_object (&self->presentation);
  g_clear_object (&self->view);

  G_OBJECT_CLASS (mer_presenter_window_parent_class)->dispose (object);
}

static void
mer_presenter_window_class_init (MerPresenterWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char * const actions[] = {
    "presentation.next", "presentation.previous", "presentation.first", "presentation.last",
    "presentation.enter", "presentation.black", "presentation.white", "presentation.notes", "presentation.exit",
    "presentation.swap-monitors",
  };

  object_class->constructed = mer_presenter_window_constructed;
  object_class->set_property = mer_presenter_window_set_property;
  object_class->dispose = mer_presenter_window_dispose;
  widget_class->size_allocate = mer_presenter_window_size_allocate;

  properties[PROP_VIEW] =
    g_param_spec_object ("view", NULL, NULL,
                         MER_TYPE_PRESENTATION_VIEW,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/meridian/Meridian/ui/mer-presenter-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MerPresenterWindow, counter);
  gtk_widget_class_bind_template_child (widget_class, MerPresenterWindow, timer);
  gtk_widget_class_bind_template_child (widget_class, MerPresenterWindow, clock);
  gtk_widget_class_bind_template_child (widget_class, MerPresenterWindow, monitors);
  gtk_widget_class_bind_template_child (widget_class, MerPresenterWindow, current);
  gtk_widget_class_bind_template_child (widget_class, MerPresenterWindow, next);
  gtk_widget_class_bind_template_child (widget_class, MerPresenterWindow, current_picture);
  gtk_widget_class_bind_template_child (widget_class, MerPresenterWindow, next_picture);
  gtk_widget_class_bind_template_child (widget_class, MerPresenterWindow, notes);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i], NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "presentation.digit", "u", forward_action);
  gtk_widget_class_install_action (widget_class, "presentation.slides-monitor", "u", forward_action);
}

static void
mer_presenter_window_init (MerPresenterWindow *self)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));

  gtk_widget_init_template (GTK_WIDGET (self));
  mer_presentation_view_add_shortcuts (GTK_WIDGET (self));

  g_signal_connect_object (monitors, "items-changed", G_CALLBACK (on_monitors_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->monitors, "notify::selected", G_CALLBACK (on_monitor_chosen), self,
                           G_CONNECT_SWAPPED);
  on_monitors_changed (self);

  self->started = g_get_monotonic_time ();
  self->timer_id = g_timeout_add_seconds (1, on_timer, self);
  on_timer (self);
}

/**
 * mer_presenter_window_new:
 * @view: the audience's view, with the presentation being given
 *
 * Returns: (transfer none): the speaker's window, owned by GTK's list of
 *   toplevels until it is destroyed
 */
MerPresenterWindow *
mer_presenter_window_new (MerPresentationView *view)
{
  g_return_val_if_fail (MER_IS_PRESENTATION_VIEW (view), NULL);
  g_return_val_if_fail (mer_presentation_view_get_presentation (view) != NULL, NULL);

  return g_object_new (MER_TYPE_PRESENTER_WINDOW, "view", view, NULL);
}

/**
 * mer_presenter_window_show_slides_monitor:
 * @position: where the monitor that shows the slides is in
 *   gdk_display_get_monitors()
 *
 * Shows in the chooser which monitor the slides are on, without moving them.
 */
void
mer_presenter_window_show_slides_monitor (MerPresenterWindow *self,
                                          guint               position)
{
  g_return_if_fail (MER_IS_PRESENTER_WINDOW (self));

  self->choosing = TRUE;
  gtk_drop_down_set_selected (self->monitors, position);
  self->choosing = FALSE;
}

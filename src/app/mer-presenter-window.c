/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-presenter-window"

#include "config.h"

#include "mer-presenter-window.h"

/* With a second monitor, the audience sees the slides there and the
 * speaker gets this window: the notes, the next slide and a timer. Its keys
 * drive the audience's view through the same actions as the view's own. */

struct _MerPresenterWindow
{
  GtkWindow parent_instance;

  /* Template widgets */
  GtkLabel   *timer;
  GtkLabel   *notes;
  GtkLabel   *next;
  GtkPicture *preview;

  /* Owned */
  MerPresentationView *view;
  MerPresentation     *presentation;

  gint64 started;
  guint  timer_id;
};

G_DEFINE_FINAL_TYPE (MerPresenterWindow, mer_presenter_window, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_slide_changed (MerPresenterWindow *self)
{
  guint index = mer_presentation_get_index (self->presentation);
  guint n = mer_presentation_get_n_slides (self->presentation);
  const char *notes = mer_presentation_get_notes (self->presentation, index);
  g_autofree char *next = NULL;

  gtk_label_set_text (self->notes, notes != NULL ? notes : "(no notes)");
  if (index + 1 < n)
    {
      g_autofree char *title = mer_presentation_dup_title (self->presentation, index + 1);
      g_autoptr(GdkTexture) preview = mer_presentation_render_preview (self->presentation, index + 1, 480, 270);

      next = g_strdup_printf ("Next: %s", title);
      gtk_picture_set_paintable (self->preview, GDK_PAINTABLE (preview));
    }
  else
    gtk_picture_set_paintable (self->preview, NULL);
  gtk_label_set_text (self->next, next != NULL ? next : "Last slide");
}

static gboolean
on_timer (gpointer user_data)
{
  MerPresenterWindow *self = user_data;
  gint64 seconds = (g_get_monotonic_time () - self->started) / G_USEC_PER_SEC;
  g_autofree char *text = g_strdup_printf ("%02" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT, seconds / 60, seconds % 60);

  gtk_label_set_text (self->timer, text);
  return G_SOURCE_CONTINUE;
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
mer_presenter_window_constructed (GObject *object)
{
  MerPresenterWindow *self = MER_PRESENTER_WINDOW (object);

  G_OBJECT_CLASS (mer_presenter_window_parent_class)->constructed (object);

  g_assert (self->view != NULL);
  self->presentation = g_object_ref (mer_presentation_view_get_presentation (self->view));
  g_signal_connect_object (self->presentation, "changed", G_CALLBACK (on_slide_changed), self, G_CONNECT_SWAPPED);
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
  };

  object_class->constructed = mer_presenter_window_constructed;
  object_class->set_property = mer_presenter_window_set_property;
  object_class->dispose = mer_presenter_window_dispose;

  properties[PROP_VIEW] =
    g_param_spec_object ("view", NULL, NULL,
                         MER_TYPE_PRESENTATION_VIEW,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/meridian/Meridian/ui/mer-presenter-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MerPresenterWindow, timer);
  gtk_widget_class_bind_template_child (widget_class, MerPresenterWindow, notes);
  gtk_widget_class_bind_template_child (widget_class, MerPresenterWindow, next);
  gtk_widget_class_bind_template_child (widget_class, MerPresenterWindow, preview);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i], NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "presentation.digit", "u", forward_action);
  mer_presentation_view_add_bindings (widget_class);
}

static void
mer_presenter_window_init (MerPresenterWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->started = g_get_monotonic_time ();
  self->timer_id = g_timeout_add_seconds (1, on_timer, self);
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

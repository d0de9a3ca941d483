/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-window"

#include "config.h"

#include "mer-window.h"

#include "mer-diagnostic.h"
#include "mer-loader.h"
#include "mer-map-widget.h"
#include "mer-state.h"

/* The map above, the story's events in time order below (until the timeline
 * lands), both views of one shared state. Opening a file that has errors
 * shows them and keeps the document that was open. */

#define MAX_SHOWN_DIAGNOSTICS 20

struct _MerWindow
{
  GtkApplicationWindow parent_instance;

  /* Template widgets */
  GtkLabel    *title_label;
  GtkLabel    *subtitle_label;
  GtkInfoBar  *error_bar;
  GtkLabel    *error_label;
  GtkListView *event_list;
  GtkBox      *map_box;

  /* Owned */
  MerState             *state;
  GtkSingleSelection   *selection;
  GtkFileChooserNative *chooser;

  /* Borrowed */
  MerMapWidget *map;
};

G_DEFINE_FINAL_TYPE (MerWindow, mer_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_ONLINE_MAP,
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

/* One line per event: the summary waits for the details panel, and shaping
 * every summary's text would cost more than drawing the whole map. */
static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *date = gtk_label_new (NULL);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *category = gtk_label_new (NULL);

  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 12);
  gtk_widget_set_margin_top (row, 4);
  gtk_widget_set_margin_bottom (row, 4);

  gtk_label_set_xalign (GTK_LABEL (date), 0);
  gtk_label_set_width_chars (GTK_LABEL (date), 22);
  gtk_label_set_max_width_chars (GTK_LABEL (date), 22);
  gtk_label_set_ellipsize (GTK_LABEL (date), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (date, "event-date");
  gtk_widget_add_css_class (date, "dim-label");

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);

  gtk_widget_add_css_class (category, "dim-label");

  gtk_box_append (GTK_BOX (row), date);
  gtk_box_append (GTK_BOX (row), title);
  gtk_box_append (GTK_BOX (row), category);

  gtk_list_item_set_child (item, row);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  MerEvent *event = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *date = gtk_widget_get_first_child (row);
  GtkWidget *title = gtk_widget_get_next_sibling (date);
  GtkWidget *category = gtk_widget_get_next_sibling (title);
  g_autofree char *when = mer_event_format_date (event);
  MerCategory *c = mer_event_get_category (event);

  gtk_label_set_text (GTK_LABEL (date), when);
  gtk_label_set_text (GTK_LABEL (title), mer_event_get_title (event));
  gtk_widget_set_tooltip_text (row, mer_event_get_summary (event));
  gtk_label_set_text (GTK_LABEL (category), c != NULL ? mer_category_get_name (c) : "");
}

static void
on_list_selection_changed (MerWindow *self)
{
  mer_state_set_selected_event (self->state, gtk_single_selection_get_selected_item (self->selection));
}

/* The list follows a selection made elsewhere, on the map for instance. */
static void
on_state_selected_event (MerWindow *self)
{
  MerEvent *event = mer_state_get_selected_event (self->state);
  GListModel *model = G_LIST_MODEL (self->selection);
  guint position = GTK_INVALID_LIST_POSITION;

  if (self->selection == NULL)
    return;

  for (guint i = 0; event != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MerEvent) item = g_list_model_get_item (model, i);

      if (item == event)
        {
          position = i;
          break;
        }
    }

  if (gtk_single_selection_get_selected (self->selection) == position)
    return;

  gtk_single_selection_set_selected (self->selection, position);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->event_list), "list.scroll-to-item", "u", position);
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

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, on_list_selection_changed, self);
  g_clear_object (&self->selection);
  self->selection = gtk_single_selection_new (g_object_ref (mer_document_get_events (document)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (on_list_selection_changed), self);
  gtk_list_view_set_model (self->event_list, GTK_SELECTION_MODEL (self->selection));

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
        mer_window_open_path (self, path);
    }

  g_clear_object (&self->chooser);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MerWindow *self = MER_WINDOW (widget);
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
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, on_list_selection_changed, self);
  g_clear_object (&self->selection);
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
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/meridian/Meridian/ui/mer-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MerWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, MerWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, MerWindow, error_bar);
  gtk_widget_class_bind_template_child (widget_class, MerWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, MerWindow, event_list);
  gtk_widget_class_bind_template_child (widget_class, MerWindow, map_box);
  gtk_widget_class_bind_template_callback (widget_class, on_error_bar_response);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_property_action (widget_class, "win.online-map", "online-map");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
}

static void
mer_window_init (MerWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->state = mer_state_new ();
  g_signal_connect_object (self->state, "notify::selected-event", G_CALLBACK (on_state_selected_event), self,
                           G_CONNECT_SWAPPED);
  self->map = mer_map_widget_new (self->state);
  gtk_box_append (self->map_box, GTK_WIDGET (self->map));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->event_list, factory);
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

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-export-dialog"

#include "config.h"

#include "mer-export-dialog.h"

#include <math.h>

/* The export dialog: format, size and what to include, with a live
 * preview; the choices are remembered. It exports what the window shows:
 * the map's view (its zoom adjusted so that the same area fills the new
 * size), the filters, the time window and the highlights. */

#define PREVIEW_WIDTH 480.0

static const char * const format_ids[] = { "png", "svg", "pdf" };
static const char * const size_ids[] = { "view", "1920x1080", "3840x2160", "a4", "letter", "custom" };
static const char * const include_ids[] = { "title", "caption", "legend", "timeline", "scale-bar", "attribution" };
static const char * const include_labels[] = {
  "Title and subtitle", "Selected event's date and title", "Legend", "Timeline strip", "Scale bar",
  "Attribution and export date",
};

struct _MerExportDialog
{
  GtkWindow parent_instance;

  /* Owned */
  MerState             *state;
  GSettings            *settings;
  GtkFileChooserNative *chooser;

  /* Borrowed */
  MerMapWidget *map;
  GtkDropDown  *format;
  GtkDropDown  *size;
  GtkSpinButton *width;
  GtkSpinButton *height;
  GtkCheckButton *includes[G_N_ELEMENTS (include_ids)];
  GtkPicture   *preview;
  GtkLabel     *message;

  guint preview_id;
};

G_DEFINE_FINAL_TYPE (MerExportDialog, mer_export_dialog, GTK_TYPE_WINDOW)

/**
 * mer_export_options_from_window:
 * @width: the picture's width
 * @height: its height
 *
 * Options for exporting what the window shows at a new size: the same
 * centre, and the zoom that shows the same area.
 */
void
mer_export_options_from_window (MerExportOptions *options,
                                MerState         *state,
                                MerMapWidget     *map,
                                double            width,
                                double            height)
{
  MerMapView map_view;
  MerView view;
  double ratio;

  mer_map_widget_get_map_view (map, &map_view);
  ratio = MIN (width / MAX (map_view.width, 1), height / MAX (map_view.height, 1));
  view = (MerView) { map_view.lat, map_view.lon, CLAMP (map_view.zoom + log2 (ratio), 0, 20) };

  mer_export_options_init (options, mer_state_get_document (state), state, &view, width, height);
  options->online_layer = mer_map_widget_get_online_layer (map);
}

void
mer_export_dialog_get_options (MerExportDialog  *self,
                               MerExportOptions *options,
                               MerExportFormat  *format)
{
  guint size = gtk_drop_down_get_selected (self->size);
  MerMapView map_view;
  double width = 1920, height = 1080;

  *format = (MerExportFormat) (gtk_drop_down_get_selected (self->format) + MER_EXPORT_FORMAT_PNG);

  mer_map_widget_get_map_view (self->map, &map_view);
  switch (size)
    {
    case 0:
      width = map_view.width;
      height = map_view.height;
      break;
    case 2:
      width = 3840;
      height = 2160;
      break;
    case 3:
      width = 841.89;
      height = 595.28;
      break;
    case 4:
      width = 792;
      height = 612;
      break;
    case 5:
      width = gtk_spin_button_get_value (self->width);
      height = gtk_spin_button_get_value (self->height);
      break;
    default:
      break;
    }

  mer_export_options_from_window (options, self->state, self->map, width, height);
  options->title = gtk_check_button_get_active (self->includes[0]);
  options->caption = gtk_check_button_get_active (self->includes[1]);
  options->legend = gtk_check_button_get_active (self->includes[2]);
  options->timeline = gtk_check_button_get_active (self->includes[3]);
  options->scale_bar = gtk_check_button_get_active (self->includes[4]);
  options->attribution = gtk_check_button_get_active (self->includes[5]);
}

static MerBasemapPainter *
shared_basemap (void)
{
  static MerBasemapPainter *painter;

  if (painter == NULL)
    {
      g_autofree char *path = mer_basemap_find_default_path ();
      g_autoptr(MerBasemap) basemap = mer_basemap_new_from_file (path, NULL);

      if (basemap != NULL)
        painter = mer_basemap_painter_new (basemap);
    }

  return painter;
}

/**
 * mer_export_render_texture:
 *
 * Returns: (transfer full) (nullable): the picture as a texture, for the
 *   preview and the clipboard
 */
GdkTexture *
mer_export_render_texture (const MerExportOptions  *options,
                           GError                 **error)
{
  MerBasemapPainter *basemap = shared_basemap ();
  int width = (int) ceil (options->width * options->scale);
  int height = (int) ceil (options->height * options->scale);
  cairo_surface_t *surface;
  g_autoptr(GBytes) bytes = NULL;
  cairo_t *cr;

  if (basemap == NULL)
    {
      g_set_error_literal (error, MER_EXPORT_ERROR, MER_EXPORT_ERROR_WRITE, "the base map cannot be read");
      return NULL;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_scale (cr, options->scale, options->scale);
  mer_export_draw (cr, basemap, options, FALSE);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) height * cairo_image_surface_get_stride (surface),
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  return gdk_memory_texture_new (width, height, GDK_MEMORY_B8G8R8A8_PREMULTIPLIED, bytes,
                                 cairo_image_surface_get_stride (surface));
}

static gboolean
update_preview (gpointer user_data)
{
  MerExportDialog *self = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  MerExportOptions options;
  MerExportFormat format;

  self->preview_id = 0;
  mer_export_dialog_get_options (self, &options, &format);

  /* The whole picture, scaled down: the same layout as the file. */
  options.scale = PREVIEW_WIDTH / options.width;
  texture = mer_export_render_texture (&options, NULL);
  gtk_picture_set_paintable (self->preview, GDK_PAINTABLE (texture));
  return G_SOURCE_REMOVE;
}

static void
save_choices (MerExportDialog *self)
{
  g_autoptr(GStrvBuilder) includes = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;

  if (self->settings == NULL)
    return;

  g_settings_set_string (self->settings, "export-format", format_ids[gtk_drop_down_get_selected (self->format)]);
  g_settings_set_string (self->settings, "export-size", size_ids[gtk_drop_down_get_selected (self->size)]);
  g_settings_set_int (self->settings, "export-custom-width", gtk_spin_button_get_value_as_int (self->width));
  g_settings_set_int (self->settings, "export-custom-height", gtk_spin_button_get_value_as_int (self->height));
  for (guint i = 0; i < G_N_ELEMENTS (include_ids); i++)
    if (gtk_check_button_get_active (self->includes[i]))
      g_strv_builder_add (includes, include_ids[i]);
  list = g_strv_builder_end (includes);
  g_settings_set_strv (self->settings, "export-includes", (const char * const *) list);
}

static void
on_changed (MerExportDialog *self)
{
  gboolean custom = gtk_drop_down_get_selected (self->size) == 5;

  gtk_widget_set_sensitive (GTK_WIDGET (self->width), custom);
  gtk_widget_set_sensitive (GTK_WIDGET (self->height), custom);
  gtk_label_set_text (self->message, "");

  g_clear_handle_id (&self->preview_id, g_source_remove);
  self->preview_id = g_timeout_add (120, update_preview, self);
  save_choices (self);
}

static void
on_chooser_response (MerExportDialog      *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  MerExportOptions options;
  MerExportFormat format;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = g_file_get_path (file);
    }
  g_clear_object (&self->chooser);
  if (path == NULL)
    return;

  mer_export_dialog_get_options (self, &options, &format);
  if (mer_export_format_from_path (path) != format)
    {
      g_autofree char *fixed = g_strdup_printf ("%s.%s", path, format_ids[format - MER_EXPORT_FORMAT_PNG]);

      g_free (path);
      path = g_steal_pointer (&fixed);
    }

  if (!mer_export_write (path, shared_basemap (), &options, &error))
    {
      gtk_label_set_text (self->message, error->message);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_export_clicked (MerExportDialog *self)
{
  MerDocument *document = mer_state_get_document (self->state);
  const char *title = document != NULL ? mer_document_get_title (document) : NULL;
  g_autofree char *name = NULL;

  if (self->chooser != NULL)
    return;

  name = g_strdup_printf ("%s.%s", title != NULL ? title : "Meridian",
                          format_ids[gtk_drop_down_get_selected (self->format)]);
  self->chooser = gtk_file_chooser_native_new ("Export Map", GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                               "_Export", "_Cancel");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_copy_clicked (MerExportDialog *self)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  MerExportOptions options;
  MerExportFormat format;

  mer_export_dialog_get_options (self, &options, &format);
  texture = mer_export_render_texture (&options, &error);
  if (texture == NULL)
    {
      gtk_label_set_text (self->message, error->message);
      return;
    }

  gdk_clipboard_set_texture (gtk_widget_get_clipboard (GTK_WIDGET (self)), texture);
  gtk_label_set_text (self->message, "Copied to the clipboard.");
}

static GtkDropDown *
dropdown (GtkWidget          *grid,
          int                 row,
          const char         *label,
          const char * const *items)
{
  GtkWidget *title = gtk_label_new (label);
  GtkWidget *drop = gtk_drop_down_new_from_strings (items);

  gtk_label_set_xalign (GTK_LABEL (title), 1);
  gtk_widget_add_css_class (title, "dim-label");
  gtk_grid_attach (GTK_GRID (grid), title, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), drop, 1, row, 2, 1);
  return GTK_DROP_DOWN (drop);
}

static guint
index_of (const char * const *ids,
          guint               n,
          const char         *id)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (ids[i], id) == 0)
      return i;
  return 0;
}

static void
mer_export_dialog_dispose (GObject *object)
{
  MerExportDialog *self = MER_EXPORT_DIALOG (object);

  g_clear_handle_id (&self->preview_id, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->state);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (mer_export_dialog_parent_class)->dispose (object);
}

static void
mer_export_dialog_class_init (MerExportDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = mer_export_dialog_dispose;

  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mer_export_dialog_init (MerExportDialog *self)
{
}

MerExportDialog *
mer_export_dialog_new (GtkWindow    *parent,
                       MerState     *state,
                       MerMapWidget *map,
                       GSettings    *settings)
{
  static const char * const formats[] = { "PNG image", "SVG vector image", "PDF document", NULL };
  static const char * const sizes[] = {
    "The current view", "1920 × 1080", "3840 × 2160 (4K)", "A4 landscape", "Letter landscape", "Custom", NULL,
  };
  MerExportDialog *self = g_object_new (MER_TYPE_EXPORT_DIALOG,
                                        "title", "Export Map",
                                        "transient-for", parent,
                                        "modal", TRUE,
                                        "default-width", 820,
                                        NULL);
  GtkWidget *header = gtk_header_bar_new ();
  GtkWidget *export_button = gtk_button_new_with_mnemonic ("_Export…");
  GtkWidget *copy_button = gtk_button_new_with_mnemonic ("_Copy");
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *sizes_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *includes_label = gtk_label_new ("Include");
  GtkWidget *right = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_auto(GStrv) includes = NULL;

  self->state = g_object_ref (state);
  self->map = map;
  self->settings = settings != NULL ? g_object_ref (settings) : NULL;

  gtk_widget_add_css_class (export_button, "suggested-action");
  gtk_widget_set_tooltip_text (copy_button, "Copy the picture to the clipboard, to paste into slides");
  gtk_header_bar_pack_end (GTK_HEADER_BAR (header), export_button);
  gtk_header_bar_pack_end (GTK_HEADER_BAR (header), copy_button);
  gtk_window_set_titlebar (GTK_WINDOW (self), header);
  g_signal_connect_swapped (export_button, "clicked", G_CALLBACK (on_export_clicked), self);
  g_signal_connect_swapped (copy_button, "clicked", G_CALLBACK (on_copy_clicked), self);

  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_window_set_child (GTK_WINDOW (self), box);

  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 10);
  gtk_box_append (GTK_BOX (box), grid);

  self->format = dropdown (grid, 0, "Format", formats);
  self->size = dropdown (grid, 1, "Size", sizes);
  self->width = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (16, 16384, 10));
  self->height = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (16, 16384, 10));
  gtk_box_append (GTK_BOX (sizes_box), GTK_WIDGET (self->width));
  gtk_box_append (GTK_BOX (sizes_box), gtk_label_new ("×"));
  gtk_box_append (GTK_BOX (sizes_box), GTK_WIDGET (self->height));
  gtk_grid_attach (GTK_GRID (grid), sizes_box, 1, 2, 2, 1);

  gtk_label_set_xalign (GTK_LABEL (includes_label), 1);
  gtk_widget_set_valign (includes_label, GTK_ALIGN_START);
  gtk_widget_add_css_class (includes_label, "dim-label");
  gtk_grid_attach (GTK_GRID (grid), includes_label, 0, 3, 1, 1);
  for (guint i = 0; i < G_N_ELEMENTS (include_ids); i++)
    {
      self->includes[i] = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (include_labels[i]));
      gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->includes[i]), 1, 3 + (int) i, 2, 1);
    }

  self->preview = GTK_PICTURE (gtk_picture_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->preview), (int) PREVIEW_WIDTH, 300);
  gtk_widget_add_css_class (GTK_WIDGET (self->preview), "frame");
  self->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->message, TRUE);
  gtk_label_set_xalign (self->message, 0);
  gtk_box_append (GTK_BOX (right), GTK_WIDGET (self->preview));
  gtk_box_append (GTK_BOX (right), GTK_WIDGET (self->message));
  gtk_box_append (GTK_BOX (box), right);

  /* The last choices. */
  if (self->settings != NULL)
    {
      g_autofree char *format = g_settings_get_string (self->settings, "export-format");
      g_autofree char *size = g_settings_get_string (self->settings, "export-size");

      gtk_drop_down_set_selected (self->format, index_of (format_ids, G_N_ELEMENTS (format_ids), format));
      gtk_drop_down_set_selected (self->size, index_of (size_ids, G_N_ELEMENTS (size_ids), size));
      gtk_spin_button_set_value (self->width, g_settings_get_int (self->settings, "export-custom-width"));
      gtk_spin_button_set_value (self->height, g_settings_get_int (self->settings, "export-custom-height"));
      includes = g_settings_get_strv (self->settings, "export-includes");
    }
  else
    {
      gtk_drop_down_set_selected (self->size, 1);
      gtk_spin_button_set_value (self->width, 1600);
      gtk_spin_button_set_value (self->height, 900);
    }
  for (guint i = 0; i < G_N_ELEMENTS (include_ids); i++)
    gtk_check_button_set_active (self->includes[i],
                                 includes == NULL || g_strv_contains ((const char * const *) includes, include_ids[i]));

  g_signal_connect_swapped (self->format, "notify::selected", G_CALLBACK (on_changed), self);
  g_signal_connect_swapped (self->size, "notify::selected", G_CALLBACK (on_changed), self);
  g_signal_connect_swapped (self->width, "value-changed", G_CALLBACK (on_changed), self);
  g_signal_connect_swapped (self->height, "value-changed", G_CALLBACK (on_changed), self);
  for (guint i = 0; i < G_N_ELEMENTS (include_ids); i++)
    g_signal_connect_swapped (self->includes[i], "toggled", G_CALLBACK (on_changed), self);

  on_changed (self);
  return self;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-export-dialog"

#include "config.h"

#include "mer-export-dialog.h"

#include "mer-export-service.h"
#include "mer-texture.h"

#include <glib/gi18n.h>

/* The export dialog, transient for and modal over its window: format,
 * size (pixels with a scale, or paper with an orientation and, for PNG, a
 * resolution) and what to include, with a live preview; the choices are
 * remembered, and are the command line's. It exports what the window shows:
 * the map's view (its zoom adjusted so that the same area fills the new
 * size), the filters, the time window and the highlights. */

#define PREVIEW_WIDTH 480.0

static const char * const include_labels[] = {
  N_("Title and subtitle"), N_("Selected event's date and title"), N_("Legend"), N_("Timeline strip"),
  N_("Scale bar"), N_("Attribution and export date"),
};

struct _MerExportDialog
{
  GtkDialog parent_instance;

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
  GtkDropDown  *orientation;
  GtkSpinButton *scale;
  GtkSpinButton *dpi;
  GtkCheckButton *includes[MER_EXPORT_N_INCLUDES];
  GtkPicture   *preview;
  GtkLabel     *message;

  guint preview_id;
};

G_DEFINE_FINAL_TYPE (MerExportDialog, mer_export_dialog, GTK_TYPE_DIALOG)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * mer_export_options_from_choices:
 *
 * Options for exporting what the window shows with @choices: the same
 * centre, and the zoom that shows the same area at the chosen size.
 */
void
mer_export_options_from_choices (MerExportOptions       *options,
                                 const MerExportChoices *choices,
                                 MerState               *state,
                                 MerMapWidget           *map)
{
  MerMapView map_view;

  mer_map_widget_get_map_view (map, &map_view);
  mer_export_choices_to_options (choices, mer_state_get_document (state), state, &map_view, options);
  options->online_layer = mer_map_widget_get_online_layer (map);
}

static void
get_choices (MerExportDialog  *self,
             MerExportChoices *choices)
{
  choices->format = (MerExportFormat) (gtk_drop_down_get_selected (self->format) + MER_EXPORT_FORMAT_PNG);
  choices->size = (MerExportSize) gtk_drop_down_get_selected (self->size);
  choices->custom_width = gtk_spin_button_get_value_as_int (self->width);
  choices->custom_height = gtk_spin_button_get_value_as_int (self->height);
  for (guint i = 0; i < MER_EXPORT_N_INCLUDES; i++)
    choices->include[i] = gtk_check_button_get_active (self->includes[i]);
  choices->landscape = gtk_drop_down_get_selected (self->orientation) == 1;
  choices->scale = gtk_spin_button_get_value (self->scale);
  choices->dpi = gtk_spin_button_get_value_as_int (self->dpi);
}

void
mer_export_dialog_get_options (MerExportDialog  *self,
                               MerExportOptions *options,
                               MerExportFormat  *format)
{
  MerExportChoices choices;

  get_choices (self, &choices);
  *format = choices.format;
  mer_export_options_from_choices (options, &choices, self->state, self->map);
}

/* The picture as a texture, for the preview and the clipboard. */
static GdkTexture *
render_texture (const MerExportOptions  *options,
                GError                 **error)
{
  cairo_surface_t *surface = mer_export_service_render (mer_export_service_get_default (), options, error);

  return surface != NULL ? mer_texture_new_for_surface (surface) : NULL;
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
  texture = render_texture (&options, NULL);
  gtk_picture_set_paintable (self->preview, GDK_PAINTABLE (texture));
  return G_SOURCE_REMOVE;
}

static void
save_choices (MerExportDialog *self)
{
  MerExportChoices choices;

  get_choices (self, &choices);
  mer_export_choices_save (&choices, self->settings);
}

/* Only the choices that mean something for the size and format can be
 * made. */
static void
on_changed (MerExportDialog *self)
{
  MerExportSize size = gtk_drop_down_get_selected (self->size);
  gboolean custom = size == MER_EXPORT_SIZE_CUSTOM;
  gboolean paper = mer_export_size_is_paper (size);
  gboolean png = gtk_drop_down_get_selected (self->format) + MER_EXPORT_FORMAT_PNG == MER_EXPORT_FORMAT_PNG;

  gtk_widget_set_sensitive (GTK_WIDGET (self->width), custom);
  gtk_widget_set_sensitive (GTK_WIDGET (self->height), custom);
  gtk_widget_set_sensitive (GTK_WIDGET (self->orientation), paper);
  gtk_widget_set_sensitive (GTK_WIDGET (self->scale), !paper);
  gtk_widget_set_sensitive (GTK_WIDGET (self->dpi), paper && png);
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

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = g_file_get_path (file);
    }
  g_clear_object (&self->chooser);
  if (path == NULL)
    return;

  mer_export_dialog_save (self, path);
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
                          mer_export_format_get_extension (gtk_drop_down_get_selected (self->format)
                                                           + MER_EXPORT_FORMAT_PNG));
  self->chooser = gtk_file_chooser_native_new (_("Export Map"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
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
  texture = render_texture (&options, &error);
  if (texture == NULL)
    {
      gtk_label_set_text (self->message, error->message);
      return;
    }

  gdk_clipboard_set_texture (gtk_widget_get_clipboard (GTK_WIDGET (self)), texture);
  gtk_label_set_text (self->message, _("Copied to the clipboard."));
}

static GtkDropDown *
dropdown (GtkWidget          *grid,
          int                 row,
          const char         *label,
          const char * const *items)
{
  GtkWidget *title = gtk_label_new (label);
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  GtkWidget *drop;

  for (guint i = 0; items[i] != NULL; i++)
    gtk_string_list_append (strings, _(items[i]));
  drop = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&strings)), NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 1);
  gtk_widget_add_css_class (title, "dim-label");
  gtk_grid_attach (GTK_GRID (grid), title, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), drop, 1, row, 2, 1);
  return GTK_DROP_DOWN (drop);
}

static GtkSpinButton *
spin (GtkWidget  *grid,
      int         row,
      const char *label,
      double      min,
      double      max,
      double      step,
      guint       digits)
{
  GtkWidget *title = gtk_label_new (label);
  GtkWidget *button = gtk_spin_button_new_with_range (min, max, step);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (button), digits);
  gtk_label_set_xalign (GTK_LABEL (title), 1);
  gtk_widget_add_css_class (title, "dim-label");
  gtk_grid_attach (GTK_GRID (grid), title, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), button, 1, row, 2, 1);
  return GTK_SPIN_BUTTON (button);
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

  /**
   * MerExportDialog::exported:
   * @path: the file written
   *
   * Emitted when the picture is written, before the dialog closes, so that
   * its window can say where it went.
   */
  signals[EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 1, G_TYPE_STRING);

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
  static const char * const formats[] = { N_("PNG image"), N_("SVG vector image"), N_("PDF document"), NULL };
  static const char * const sizes[] = {
    N_("The current view"), "1920 × 1080", N_("3840 × 2160 (4K)"), "A3", "A4", "A5", N_("Letter"), N_("Legal"),
    N_("Custom"), NULL,
  };
  static const char * const orientations[] = { N_("Portrait"), N_("Landscape"), NULL };
  MerExportDialog *self = g_object_new (MER_TYPE_EXPORT_DIALOG,
                                        "title", _("Export Map"),
                                        "transient-for", parent,
                                        "modal", TRUE,
                                        "destroy-with-parent", TRUE,
                                        "use-header-bar", TRUE,
                                        "default-width", 820,
                                        NULL);
  GtkWidget *header = gtk_dialog_get_header_bar (GTK_DIALOG (self));
  GtkWidget *export_button = gtk_button_new_with_mnemonic (_("_Export…"));
  GtkWidget *copy_button = gtk_button_new_with_mnemonic (_("_Copy"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *sizes_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *includes_label = gtk_label_new (_("Include"));
  GtkWidget *right = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  MerExportChoices choices;

  self->state = g_object_ref (state);
  self->map = map;
  self->settings = settings != NULL ? g_object_ref (settings) : NULL;

  gtk_widget_add_css_class (export_button, "suggested-action");
  gtk_widget_set_tooltip_text (copy_button, _("Copy the picture to the clipboard, to paste into slides"));
  gtk_header_bar_pack_end (GTK_HEADER_BAR (header), export_button);
  gtk_header_bar_pack_end (GTK_HEADER_BAR (header), copy_button);
  g_signal_connect_swapped (export_button, "clicked", G_CALLBACK (on_export_clicked), self);
  g_signal_connect_swapped (copy_button, "clicked", G_CALLBACK (on_copy_clicked), self);

  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_box_append (GTK_BOX (gtk_dialog_get_content_area (GTK_DIALOG (self))), box);

  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 10);
  gtk_box_append (GTK_BOX (box), grid);

  self->format = dropdown (grid, 0, _("Format"), formats);
  self->size = dropdown (grid, 1, _("Size"), sizes);
  self->width = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (16, 16384, 10));
  self->height = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (16, 16384, 10));
  gtk_box_append (GTK_BOX (sizes_box), GTK_WIDGET (self->width));
  gtk_box_append (GTK_BOX (sizes_box), gtk_label_new ("×"));
  gtk_box_append (GTK_BOX (sizes_box), GTK_WIDGET (self->height));
  gtk_grid_attach (GTK_GRID (grid), sizes_box, 1, 2, 2, 1);
  self->orientation = dropdown (grid, 3, _("Orientation"), orientations);
  self->scale = spin (grid, 4, _("Scale"), MER_EXPORT_MIN_SCALE, MER_EXPORT_MAX_SCALE, 0.25, 2);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->scale),
                               _("How many times larger text and symbols are; the map shows the same area"));
  self->dpi = spin (grid, 5, _("Resolution (dpi)"), MER_EXPORT_MIN_DPI, MER_EXPORT_MAX_DPI, 50, 0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->dpi), _("Dots per inch of a PNG of a page"));

  gtk_label_set_xalign (GTK_LABEL (includes_label), 1);
  gtk_widget_set_valign (includes_label, GTK_ALIGN_START);
  gtk_widget_add_css_class (includes_label, "dim-label");
  gtk_grid_attach (GTK_GRID (grid), includes_label, 0, 6, 1, 1);
  for (guint i = 0; i < MER_EXPORT_N_INCLUDES; i++)
    {
      self->includes[i] = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (_(include_labels[i])));
      gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->includes[i]), 1, 6 + (int) i, 2, 1);
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
  mer_export_choices_load (&choices, self->settings);
  gtk_drop_down_set_selected (self->format, choices.format - MER_EXPORT_FORMAT_PNG);
  gtk_drop_down_set_selected (self->size, choices.size);
  gtk_spin_button_set_value (self->width, choices.custom_width);
  gtk_spin_button_set_value (self->height, choices.custom_height);
  gtk_drop_down_set_selected (self->orientation, choices.landscape ? 1 : 0);
  gtk_spin_button_set_value (self->scale, choices.scale);
  gtk_spin_button_set_value (self->dpi, choices.dpi);
  for (guint i = 0; i < MER_EXPORT_N_INCLUDES; i++)
    gtk_check_button_set_active (self->includes[i], choices.include[i]);

  g_signal_connect_swapped (self->format, "notify::selected", G_CALLBACK (on_changed), self);
  g_signal_connect_swapped (self->size, "notify::selected", G_CALLBACK (on_changed), self);
  g_signal_connect_swapped (self->width, "value-changed", G_CALLBACK (on_changed), self);
  g_signal_connect_swapped (self->height, "value-changed", G_CALLBACK (on_changed), self);
  g_signal_connect_swapped (self->orientation, "notify::selected", G_CALLBACK (on_changed), self);
  g_signal_connect_swapped (self->scale, "value-changed", G_CALLBACK (on_changed), self);
  g_signal_connect_swapped (self->dpi, "value-changed", G_CALLBACK (on_changed), self);
  for (guint i = 0; i < MER_EXPORT_N_INCLUDES; i++)
    g_signal_connect_swapped (self->includes[i], "toggled", G_CALLBACK (on_changed), self);

  on_changed (self);
  return self;
}

/**
 * mer_export_dialog_save:
 * @path: where to write; the format's extension is added when it is not
 *   the chosen format's
 *
 * Writes the picture with the dialog's choices, as its Export button does
 * once a file is chosen: on success emits #MerExportDialog::exported and
 * closes the dialog, on failure shows why in the dialog.
 *
 * Returns: whether the file was written
 */
gboolean
mer_export_dialog_save (MerExportDialog *self,
                        const char      *path)
{
  g_autofree char *fixed = NULL;
  g_autoptr(GError) error = NULL;
  MerExportOptions options;
  MerExportFormat format;

  g_return_val_if_fail (MER_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  mer_export_dialog_get_options (self, &options, &format);
  if (mer_export_format_from_path (path) != format)
    fixed = g_strdup_printf ("%s.%s", path, mer_export_format_get_extension (format));

  if (!mer_export_service_write (mer_export_service_get_default (), fixed != NULL ? fixed : path, &options, &error))
    {
      gtk_label_set_text (self->message, error->message);
      return FALSE;
    }

  g_signal_emit (self, signals[EXPORTED], 0, fixed != NULL ? fixed : path);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

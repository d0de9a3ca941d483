/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-import-dialog"

#include "config.h"

#include "mer-import-dialog.h"

#include "mer-diagnostic.h"

#include <glib/gi18n.h>

/* Asked when a GeoJSON file or a CSV table of points is opened: which
 * property (or column) holds each event's time, end and title. It shows what
 * Meridian found by the usual names, and a preview of the first events as
 * they would be read, read again at each change; Import hands over the
 * story read with the choice. */

#define N_PREVIEW_ROWS 5

enum {
  ROLE_TIME,
  ROLE_END,
  ROLE_TITLE,
  N_ROLES,
};

static const char * const role_names[N_ROLES] = { "time", "end", "title" };

struct _MerImportDialog
{
  GtkWindow parent_instance;

  /* Owned */
  char            *path;
  MerImportFields *fields;
  MerDocument     *document;
  char            *chosen[N_ROLES];
  MerImportOptions options;
  GCancellable    *reading;     /* the file read again for the preview */

  /* Borrowed */
  GtkDropDown *drop_downs[N_ROLES];
  GtkGrid     *preview;
  GtkLabel    *status;
  GtkWidget   *import_button;
};

G_DEFINE_FINAL_TYPE (MerImportDialog, mer_import_dialog, GTK_TYPE_WINDOW)

enum {
  IMPORT,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

static GtkWidget *
cell (const char *text,
      gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 32);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

static void
clear_preview (MerImportDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview))) != NULL)
    gtk_grid_remove (self->preview, child);
}

static char *
describe_place (MerEvent *event)
{
  guint n_places = 0;
  const MerPlace *places = mer_event_get_places (event, &n_places);

  if (n_places == 0)
    return g_strdup (_("no place"));
  if (places[0].name != NULL)
    return g_strdup_printf ("%s (%.4g, %.4g)", places[0].name, places[0].lat, places[0].lon);
  return g_strdup_printf ("%.4g, %.4g", places[0].lat, places[0].lon);
}

/* Shows the first events of the story read, or why it cannot be read. */
static void
show_preview (MerImportDialog *self,
              GPtrArray       *diagnostics)
{
  g_autofree char *status = NULL;
  GListModel *events;
  guint n_events, n_warnings;

  clear_preview (self);
  gtk_grid_attach (self->preview, cell (_("Title"), TRUE), 0, 0, 1, 1);
  gtk_grid_attach (self->preview, cell (_("Date"), TRUE), 1, 0, 1, 1);
  gtk_grid_attach (self->preview, cell (_("Place"), TRUE), 2, 0, 1, 1);

  gtk_widget_set_sensitive (self->import_button, self->document != NULL);
  if (self->document == NULL)
    {
      const MerDiagnostic *first = NULL;

      for (guint i = 0; i < diagnostics->len && first == NULL; i++)
        if (((const MerDiagnostic *) g_ptr_array_index (diagnostics, i))->severity == MER_SEVERITY_ERROR)
          first = g_ptr_array_index (diagnostics, i);
      status = g_strdup_printf (_("Cannot be read this way: %s"),
                                first != NULL ? first->message : _("the file cannot be read"));
      gtk_label_set_text (self->status, status);
      return;
    }

  events = mer_document_get_events (self->document);
  n_events = g_list_model_get_n_items (events);
  for (guint i = 0; i < MIN (n_events, N_PREVIEW_ROWS); i++)
    {
      g_autoptr(MerEvent) event = g_list_model_get_item (events, i);
      g_autofree char *date = mer_event_format_date (event);
      g_autofree char *place = describe_place (event);

      GtkWidget *date_cell = cell (date, FALSE);

      /* A date is read whole, or it cannot be checked. */
      gtk_label_set_ellipsize (GTK_LABEL (date_cell), PANGO_ELLIPSIZE_NONE);
      gtk_grid_attach (self->preview, cell (mer_event_get_title (event), FALSE), 0, (int) i + 1, 1, 1);
      gtk_grid_attach (self->preview, date_cell, 1, (int) i + 1, 1, 1);
      gtk_grid_attach (self->preview, cell (place, FALSE), 2, (int) i + 1, 1, 1);
    }

  n_warnings = mer_diagnostics_count (diagnostics, MER_SEVERITY_WARNING);
  status = g_strdup_printf (ngettext ("%u event", "%u events", n_events), n_events);
  if (n_warnings > 0)
    {
      g_autofree char *count = g_steal_pointer (&status);
      g_autofree char *warnings = g_strdup_printf (ngettext ("%u warning: a row or feature skipped, or a value "
                                                             "dropped",
                                                             "%u warnings: rows or features skipped, values dropped",
                                                             n_warnings), n_warnings);

      /* TRANSLATORS: "3 events; 1 warning: …" */
      status = g_strdup_printf (_("%s; %s"), count, warnings);
    }
  gtk_label_set_text (self->status, status);
}

/* The file is read again in a worker at each change, so that a feed of
 * thousands of features does not hold up the dialog; a change made while
 * it reads supersedes the reading. */

typedef struct {
  char             *path;
  char             *chosen[N_ROLES];
  MerDocument      *document;
  GPtrArray        *diagnostics;
} Reading;

static void
reading_free (Reading *reading)
{
  g_free (reading->path);
  for (guint role = 0; role < N_ROLES; role++)
    g_free (reading->chosen[role]);
  g_clear_object (&reading->document);
  g_clear_pointer (&reading->diagnostics, g_ptr_array_unref);
  g_free (reading);
}

static void
read_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Reading *reading = task_data;
  MerImportOptions options = { reading->chosen[ROLE_TIME], reading->chosen[ROLE_END], reading->chosen[ROLE_TITLE] };

  reading->document = mer_import_load_file_full (reading->path, NULL, &options, reading->diagnostics, NULL);
  g_task_return_boolean (task, TRUE);
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  MerImportDialog *self = MER_IMPORT_DIALOG (source);
  Reading *reading = g_task_get_task_data (G_TASK (result));

  /* Superseded by a later change, or the dialog is closing. */
  if (g_task_get_cancellable (G_TASK (result)) != self->reading)
    return;
  g_clear_object (&self->reading);

  g_clear_object (&self->document);
  self->document = g_steal_pointer (&reading->document);
  show_preview (self, reading->diagnostics);
}

/* Reads the file with the choice made and shows what it gives. */
static void
update_preview (MerImportDialog *self)
{
  g_autoptr(GTask) task = NULL;
  Reading *reading = g_new0 (Reading, 1);

  if (self->reading != NULL)
    g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  self->reading = g_cancellable_new ();

  reading->path = g_strdup (self->path);
  for (guint role = 0; role < N_ROLES; role++)
    reading->chosen[role] = g_strdup (self->chosen[role]);
  reading->diagnostics = mer_diagnostics_new ();

  g_clear_object (&self->document);
  gtk_widget_set_sensitive (self->import_button, FALSE);
  gtk_label_set_text (self->status, _("Reading…"));

  task = g_task_new (self, self->reading, on_read, NULL);
  g_task_set_source_tag (task, update_preview);
  g_task_set_task_data (task, reading, (GDestroyNotify) reading_free);
  g_task_run_in_thread (task, read_in_thread);
}

static void
on_selected (MerImportDialog *self,
             GParamSpec      *pspec,
             GtkDropDown     *drop_down)
{
  for (guint role = 0; role < N_ROLES; role++)
    {
      guint selected = gtk_drop_down_get_selected (self->drop_downs[role]);

      /* The first item is "Automatic": the importer's own choice. */
      g_free (self->chosen[role]);
      self->chosen[role] = selected == 0 || selected == GTK_INVALID_LIST_POSITION
                           ? NULL : g_strdup (self->fields->names[selected - 1]);
    }
  self->options.time_property = self->chosen[ROLE_TIME];
  self->options.end_property = self->chosen[ROLE_END];
  self->options.title_property = self->chosen[ROLE_TITLE];
  update_preview (self);
}

static void
on_import (MerImportDialog *self)
{
  if (self->document == NULL)
    return;
  g_signal_emit (self, signals[IMPORT], 0, self->document);
  gtk_window_destroy (GTK_WINDOW (self));
}

static GtkWidget *
make_drop_down (MerImportDialog *self,
                guint            role,
                const char      *detected)
{
  g_autoptr(GtkStringList) items = gtk_string_list_new (NULL);
  g_autofree char *automatic = detected != NULL ? g_strdup_printf (_("Automatic (%s)"), detected)
                                                : g_strdup (_("Automatic (none found)"));
  GtkWidget *drop_down;

  gtk_string_list_append (items, automatic);
  for (guint i = 0; self->fields->names[i] != NULL; i++)
    gtk_string_list_append (items, self->fields->names[i]);

  drop_down = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&items)), NULL);
  gtk_widget_set_hexpand (drop_down, TRUE);
  self->drop_downs[role] = GTK_DROP_DOWN (drop_down);
  return drop_down;
}

static void
add_row (MerImportDialog *self,
         GtkGrid         *grid,
         guint            role,
         const char      *mnemonic,
         const char      *detected)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);
  GtkWidget *drop_down = make_drop_down (self, role, detected);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), drop_down);
  gtk_grid_attach (grid, label, 0, (int) role, 1, 1);
  gtk_grid_attach (grid, drop_down, 1, (int) role, 1, 1);
}

/**
 * mer_import_dialog_new:
 * @parent: the window the file is opened in
 * @path: a GeoJSON file or a CSV table of points
 * @fields: (transfer full): what mer_import_read_fields() found in it
 * @document: (nullable): the file read with every choice "Automatic", or
 *   %NULL when it could not be read so
 * @diagnostics: (element-type MerDiagnostic): the messages of that reading
 *
 * Returns: (transfer none): the dialog, shown, modal to @parent; it emits
 *   ::import with the story read as chosen, and closes
 */
MerImportDialog *
mer_import_dialog_new (GtkWindow       *parent,
                       const char      *path,
                       MerImportFields *fields,
                       MerDocument     *document,
                       GPtrArray       *diagnostics)
{
  MerImportDialog *self = g_object_new (MER_TYPE_IMPORT_DIALOG, "transient-for", parent, "modal", TRUE,
                                        "destroy-with-parent", TRUE, NULL);
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *heading_text = g_strdup_printf (_("How to read “%s”"), basename);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *heading = gtk_label_new (heading_text);
  GtkWidget *intro = gtk_label_new (g_str_equal (fields->format, "CSV")
                                    ? _("Choose the columns that hold each event's time, end and title. "
                                        "“Automatic” is what Meridian finds by their usual names.")
                                    : _("Choose the properties that hold each feature's time, end and title. "
                                        "“Automatic” is what Meridian finds by their usual names."));
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *preview_label = gtk_label_new (_("First events"));
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  self->path = g_strdup (path);
  self->fields = fields;
  gtk_window_set_title (GTK_WINDOW (self), g_str_equal (fields->format, "CSV") ? _("Import CSV") : _("Import GeoJSON"));

  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_add_css_class (heading, "title-4");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (intro), 60);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), intro);

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  add_row (self, GTK_GRID (grid), ROLE_TIME, _("_Time"), fields->time);
  add_row (self, GTK_GRID (grid), ROLE_END, _("_End"), fields->end);
  add_row (self, GTK_GRID (grid), ROLE_TITLE, _("T_itle"), fields->title);
  gtk_box_append (GTK_BOX (box), grid);

  gtk_widget_add_css_class (preview_label, "heading");
  gtk_label_set_xalign (GTK_LABEL (preview_label), 0);
  gtk_box_append (GTK_BOX (box), preview_label);
  self->preview = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (self->preview, 4);
  gtk_grid_set_column_spacing (self->preview, 18);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->preview));
  self->status = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->status, TRUE);
  gtk_label_set_xalign (self->status, 0);
  gtk_label_set_selectable (self->status, FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->status));

  self->import_button = gtk_button_new_with_mnemonic (_("_Import"));
  gtk_widget_add_css_class (self->import_button, "suggested-action");
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons), cancel);
  gtk_box_append (GTK_BOX (buttons), self->import_button);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_window_set_child (GTK_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->import_button);

  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), self);
  g_signal_connect_swapped (self->import_button, "clicked", G_CALLBACK (on_import), self);
  for (guint role = 0; role < N_ROLES; role++)
    g_signal_connect_swapped (self->drop_downs[role], "notify::selected", G_CALLBACK (on_selected), self);

  /* The story as the window read it, by the usual names, is what
   * "Automatic" gives: shown without reading the file again. */
  self->document = document != NULL ? g_object_ref (document) : NULL;
  show_preview (self, diagnostics);
  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->drop_downs[ROLE_TIME]));
  return self;
}

/**
 * mer_import_dialog_get_document:
 *
 * Returns: (transfer none) (nullable): the story as the choice made reads
 *   it, or %NULL when it cannot be read so
 */
MerDocument *
mer_import_dialog_get_document (MerImportDialog *self)
{
  g_return_val_if_fail (MER_IS_IMPORT_DIALOG (self), NULL);
  return self->document;
}

/**
 * mer_import_dialog_get_options:
 *
 * Returns: (transfer none): the choice made; %NULL members are "Automatic"
 */
const MerImportOptions *
mer_import_dialog_get_options (MerImportDialog *self)
{
  g_return_val_if_fail (MER_IS_IMPORT_DIALOG (self), NULL);
  return &self->options;
}

/**
 * mer_import_dialog_is_reading:
 *
 * Returns: whether the file is being read again after a change
 */
gboolean
mer_import_dialog_is_reading (MerImportDialog *self)
{
  g_return_val_if_fail (MER_IS_IMPORT_DIALOG (self), FALSE);
  return self->reading != NULL;
}

/**
 * mer_import_dialog_select:
 * @role: "time", "end" or "title"
 * @name: (nullable): a property or column; %NULL for "Automatic"
 *
 * Chooses as the drop-down does.
 */
void
mer_import_dialog_select (MerImportDialog *self,
                          const char      *role,
                          const char      *name)
{
  g_return_if_fail (MER_IS_IMPORT_DIALOG (self));

  for (guint r = 0; r < N_ROLES; r++)
    {
      if (!g_str_equal (role, role_names[r]))
        continue;
      if (name == NULL)
        gtk_drop_down_set_selected (self->drop_downs[r], 0);
      for (guint i = 0; name != NULL && self->fields->names[i] != NULL; i++)
        if (g_str_equal (self->fields->names[i], name))
          gtk_drop_down_set_selected (self->drop_downs[r], i + 1);
    }
}

static void
mer_import_dialog_dispose (GObject *object)
{
  MerImportDialog *self = MER_IMPORT_DIALOG (object);

  if (self->reading != NULL)
    g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);

  G_OBJECT_CLASS (mer_import_dialog_parent_class)->dispose (object);
}

static void
mer_import_dialog_finalize (GObject *object)
{
  MerImportDialog *self = MER_IMPORT_DIALOG (object);

  g_free (self->path);
  mer_import_fields_free (self->fields);
  g_clear_object (&self->document);
  for (guint role = 0; role < N_ROLES; role++)
    g_free (self->chosen[role]);

  G_OBJECT_CLASS (mer_import_dialog_parent_class)->finalize (object);
}

static void
mer_import_dialog_class_init (MerImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mer_import_dialog_dispose;
  object_class->finalize = mer_import_dialog_finalize;

  /**
   * MerImportDialog::import:
   * @document: the story read as chosen
   */
  signals[IMPORT] = g_signal_new ("import", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, MER_TYPE_DOCUMENT);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mer_import_dialog_init (MerImportDialog *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self), 640, -1);
}

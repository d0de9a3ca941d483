/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-error-page"

#include "config.h"

#include "mer-error-page.h"

#include "mer-diagnostic.h"
#include "mer-loader.h"

#include <glib/gi18n.h>

/* What the window shows in place of the map and the timeline when a file
 * cannot be opened and there is no story to keep: a plain heading, each
 * problem on a row of its own with its line (selectable, to look up in an
 * editor), and the ways on: open another file or read this one again. */

/* Past this the list is long enough to show where to start fixing. */
#define MAX_ROWS 200

struct _MerErrorPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkLabel   *heading_label;
  GtkLabel   *file_label;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (MerErrorPage, mer_error_page, GTK_TYPE_WIDGET)

static void
clear_rows (MerErrorPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
}

/* A row says where ("Line 3, column 15"), then what; the two are separate
 * labels so that the place lines up down the list. */
static void
add_row (MerErrorPage *self,
         const char   *where,
         const char   *what)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *where_label = gtk_label_new (where);
  GtkWidget *what_label = gtk_label_new (what);
  g_autofree char *accessible = g_strdup_printf ("%s: %s", where, what);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_xalign (GTK_LABEL (where_label), 0);
  gtk_label_set_yalign (GTK_LABEL (where_label), 0);
  gtk_label_set_width_chars (GTK_LABEL (where_label), 18);
  gtk_widget_add_css_class (where_label, "dim-label");
  gtk_widget_add_css_class (where_label, "numeric");

  gtk_label_set_xalign (GTK_LABEL (what_label), 0);
  gtk_label_set_wrap (GTK_LABEL (what_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (what_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (what_label), 60);
  gtk_label_set_selectable (GTK_LABEL (what_label), TRUE);
  gtk_widget_set_hexpand (what_label, TRUE);

  gtk_box_append (GTK_BOX (box), where_label);
  gtk_box_append (GTK_BOX (box), what_label);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data_full (G_OBJECT (row), "text", g_steal_pointer (&accessible), g_free);
  gtk_list_box_append (self->list, row);
}

static char *
format_where (const MerDiagnostic *diagnostic)
{
  const char *kind = diagnostic->severity == MER_SEVERITY_WARNING ? _(" (warning)") : "";

  if (diagnostic->line == 0)
    return g_strdup_printf ("%s%s", _("Whole file"), kind);
  if (diagnostic->column == 0)
    return g_strdup_printf (_("Line %u%s"), diagnostic->line, kind);
  return g_strdup_printf (_("Line %u, column %u%s"), diagnostic->line, diagnostic->column, kind);
}

/**
 * mer_error_page_show_failure:
 * @path: the file that could not be opened
 * @diagnostics: what the loader found wrong in it, maybe nothing
 * @error: why it could not be opened
 *
 * Shows why @path cannot be opened: how many errors the story has, or
 * that the file cannot be read at all, and then each problem.
 */
void
mer_error_page_show_failure (MerErrorPage *self,
                             const char   *path,
                             GPtrArray    *diagnostics,
                             const GError *error)
{
  guint n_errors;
  g_autofree char *heading = NULL;
  g_autofree char *display = NULL;

  g_return_if_fail (MER_IS_ERROR_PAGE (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (diagnostics != NULL);
  g_return_if_fail (error != NULL);

  n_errors = mer_diagnostics_count (diagnostics, MER_SEVERITY_ERROR);
  if (g_error_matches (error, MER_LOADER_ERROR, MER_LOADER_ERROR_INVALID) && n_errors > 0)
    heading = g_strdup_printf (g_dngettext (NULL, "This story has %u error", "This story has %u errors", n_errors),
                               n_errors);
  else
    heading = g_strdup (_("This file cannot be read"));

  gtk_label_set_text (self->heading_label, heading);
  display = g_filename_display_name (path);
  gtk_label_set_text (self->file_label, display);

  clear_rows (self);
  for (guint i = 0; i < diagnostics->len && i < MAX_ROWS; i++)
    {
      const MerDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);
      g_autofree char *where = format_where (diagnostic);
      g_autofree char *what = diagnostic->path != NULL && *diagnostic->path != '\0'
                                ? g_strdup_printf ("%s: %s", diagnostic->path, diagnostic->message)
                                : g_strdup (diagnostic->message);

      add_row (self, where, what);
    }
  if (diagnostics->len > MAX_ROWS)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (NULL, "and %u more", "and %u more", diagnostics->len - MAX_ROWS),
                                               diagnostics->len - MAX_ROWS);

      add_row (self, "…", more);
    }
  if (diagnostics->len == 0)
    add_row (self, _("Whole file"), error->message);
}

/**
 * mer_error_page_get_heading:
 *
 * Returns: the heading shown, e.g. "This story has 3 errors"
 */
const char *
mer_error_page_get_heading (MerErrorPage *self)
{
  g_return_val_if_fail (MER_IS_ERROR_PAGE (self), NULL);
  return gtk_label_get_text (self->heading_label);
}

/**
 * mer_error_page_get_n_rows:
 *
 * Returns: how many rows the list of problems has
 */
guint
mer_error_page_get_n_rows (MerErrorPage *self)
{
  guint n = 0;

  g_return_val_if_fail (MER_IS_ERROR_PAGE (self), 0);

  while (gtk_list_box_get_row_at_index (self->list, n) != NULL)
    n++;
  return n;
}

/**
 * mer_error_page_dup_row_text:
 * @index: a row
 *
 * Returns: (transfer full): the row as a screen reader says it, where and
 *   what: "Line 4, column 15: events[0].id: …"
 */
char *
mer_error_page_dup_row_text (MerErrorPage *self,
                             guint         index)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (MER_IS_ERROR_PAGE (self), NULL);

  row = gtk_list_box_get_row_at_index (self->list, index);
  g_return_val_if_fail (row != NULL, NULL);
  return g_strdup (g_object_get_data (G_OBJECT (row), "text"));
}

static void
mer_error_page_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), MER_TYPE_ERROR_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (mer_error_page_parent_class)->dispose (object);
}

static void
mer_error_page_class_init (MerErrorPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mer_error_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/meridian/Meridian/ui/mer-error-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MerErrorPage, heading_label);
  gtk_widget_class_bind_template_child (widget_class, MerErrorPage, file_label);
  gtk_widget_class_bind_template_child (widget_class, MerErrorPage, list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
mer_error_page_init (MerErrorPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

MerErrorPage *
mer_error_page_new (void)
{
  return g_object_new (MER_TYPE_ERROR_PAGE, NULL);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-diagnostic"

#include "config.h"

#include "mer-diagnostic.h"

G_DEFINE_BOXED_TYPE (MerDiagnostic, mer_diagnostic, mer_diagnostic_copy, mer_diagnostic_free)

MerDiagnostic *
mer_diagnostic_new (MerSeverity  severity,
                    const char  *file,
                    guint        line,
                    guint        column,
                    const char  *path,
                    const char  *message)
{
  MerDiagnostic *self = g_new0 (MerDiagnostic, 1);

  self->severity = severity;
  self->file = g_strdup (file);
  self->line = line;
  self->column = column;
  self->path = (path != NULL && *path != '\0') ? g_strdup (path) : NULL;
  self->message = g_strdup (message);

  return self;
}

MerDiagnostic *
mer_diagnostic_copy (const MerDiagnostic *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return mer_diagnostic_new (self->severity, self->file, self->line, self->column,
                             self->path, self->message);
}

void
mer_diagnostic_free (MerDiagnostic *self)
{
  if (self == NULL)
    return;

  g_free (self->file);
  g_free (self->path);
  g_free (self->message);
  g_free (self);
}

/**
 * mer_diagnostic_to_string:
 *
 * Returns: (transfer full): the diagnostic as one line in the format editors
 *   understand, `FILE:LINE:COLUMN: error: PATH: message` (`FILE:LINE:` when
 *   the column is not known)
 */
char *
mer_diagnostic_to_string (const MerDiagnostic *self)
{
  GString *s;

  g_return_val_if_fail (self != NULL, NULL);

  s = g_string_new (self->file);
  if (self->line > 0)
    g_string_append_printf (s, ":%u", self->line);
  if (self->line > 0 && self->column > 0)
    g_string_append_printf (s, ":%u", self->column);
  g_string_append (s, self->severity == MER_SEVERITY_ERROR ? ": error: " : ": warning: ");
  if (self->path != NULL)
    g_string_append_printf (s, "%s: ", self->path);
  g_string_append (s, self->message);

  return g_string_free (s, FALSE);
}

/**
 * mer_diagnostics_new:
 *
 * Returns: (transfer full) (element-type MerDiagnostic): an empty list
 */
GPtrArray *
mer_diagnostics_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) mer_diagnostic_free);
}

guint
mer_diagnostics_count (GPtrArray   *diagnostics,
                       MerSeverity  severity)
{
  guint n = 0;

  g_return_val_if_fail (diagnostics != NULL, 0);

  for (guint i = 0; i < diagnostics->len; i++)
    {
      const MerDiagnostic *d = g_ptr_array_index (diagnostics, i);

      n += d->severity == severity;
    }

  return n;
}

static int
compare_diagnostics (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  const MerDiagnostic *x = *(const MerDiagnostic * const *) a;
  const MerDiagnostic *y = *(const MerDiagnostic * const *) b;
  GHashTable *file_order = user_data;
  guint fx = GPOINTER_TO_UINT (g_hash_table_lookup (file_order, x->file));
  guint fy = GPOINTER_TO_UINT (g_hash_table_lookup (file_order, y->file));

  if (fx != fy)
    return fx < fy ? -1 : 1;
  if (x->line != y->line)
    return x->line < y->line ? -1 : 1;
  if (x->column != y->column)
    return x->column < y->column ? -1 : 1;
  return 0;
}

/**
 * mer_diagnostics_sort:
 *
 * Orders the diagnostics by position, keeping files in the order they first
 * appear and the order of diagnostics at the same position (a stable sort).
 */
void
mer_diagnostics_sort (GPtrArray *diagnostics)
{
  g_autoptr(GHashTable) file_order = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_if_fail (diagnostics != NULL);

  for (guint i = 0; i < diagnostics->len; i++)
    {
      const MerDiagnostic *d = g_ptr_array_index (diagnostics, i);

      if (!g_hash_table_contains (file_order, d->file))
        g_hash_table_insert (file_order, d->file, GUINT_TO_POINTER (g_hash_table_size (file_order) + 1));
    }

  g_ptr_array_sort_with_data (diagnostics, compare_diagnostics, file_order);
}

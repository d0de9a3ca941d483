/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  MER_SEVERITY_WARNING,
  MER_SEVERITY_ERROR,
} MerSeverity;

/**
 * MerDiagnostic:
 * @severity: an error makes the file invalid; a warning does not
 * @file: the file as the user named it
 * @line: 1-based line, or 0 when the problem is with the whole file
 * @column: 1-based column in characters, or 0
 * @path: (nullable): where in the document, e.g. "events[3].places[0].lat"
 * @message: what is wrong
 *
 * One problem found in an event file, printed like a compiler's:
 * `FILE:LINE:COLUMN: error: PATH: message`.
 */
typedef struct {
  MerSeverity  severity;
  char        *file;
  guint        line;
  guint        column;
  char        *path;
  char        *message;
} MerDiagnostic;

#define MER_TYPE_DIAGNOSTIC (mer_diagnostic_get_type ())

GType          mer_diagnostic_get_type  (void) G_GNUC_CONST;
MerDiagnostic *mer_diagnostic_new       (MerSeverity          severity,
                                         const char          *file,
                                         guint                line,
                                         guint                column,
                                         const char          *path,
                                         const char          *message);
MerDiagnostic *mer_diagnostic_copy      (const MerDiagnostic *self);
void           mer_diagnostic_free      (MerDiagnostic       *self);
char          *mer_diagnostic_to_string (const MerDiagnostic *self);

GPtrArray     *mer_diagnostics_new      (void);
guint          mer_diagnostics_count    (GPtrArray           *diagnostics,
                                         MerSeverity          severity);
void           mer_diagnostics_sort     (GPtrArray           *diagnostics);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MerDiagnostic, mer_diagnostic_free)

G_END_DECLS

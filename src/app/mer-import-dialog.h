/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "mer-import.h"

G_BEGIN_DECLS

#define MER_TYPE_IMPORT_DIALOG (mer_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MerImportDialog, mer_import_dialog, MER, IMPORT_DIALOG, GtkWindow)

MerImportDialog  *mer_import_dialog_new          (GtkWindow             *parent,
                                                  const char            *path,
                                                  MerImportFields       *fields,
                                                  MerDocument           *document,
                                                  GPtrArray             *diagnostics);
MerDocument      *mer_import_dialog_get_document (MerImportDialog       *self);
const MerImportOptions *mer_import_dialog_get_options (MerImportDialog  *self);
gboolean          mer_import_dialog_is_reading   (MerImportDialog       *self);
void              mer_import_dialog_select       (MerImportDialog       *self,
                                                  const char            *role,
                                                  const char            *name);

G_END_DECLS

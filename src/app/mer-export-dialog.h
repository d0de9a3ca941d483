/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "mer-export.h"
#include "mer-export-choices.h"
#include "mer-map-widget.h"
#include "mer-state.h"

G_BEGIN_DECLS

#define MER_TYPE_EXPORT_DIALOG (mer_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MerExportDialog, mer_export_dialog, MER, EXPORT_DIALOG, GtkDialog)

MerExportDialog *mer_export_dialog_new          (GtkWindow        *parent,
                                                 MerState         *state,
                                                 MerMapWidget     *map,
                                                 GSettings        *settings);
void             mer_export_dialog_get_options  (MerExportDialog  *self,
                                                 MerExportOptions *options,
                                                 MerExportFormat  *format);
gboolean         mer_export_dialog_save         (MerExportDialog  *self,
                                                 const char       *path);
void             mer_export_options_from_choices (MerExportOptions       *options,
                                                  const MerExportChoices *choices,
                                                  MerState               *state,
                                                  MerMapWidget           *map);

G_END_DECLS

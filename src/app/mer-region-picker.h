/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "mer-divisions.h"

G_BEGIN_DECLS

#define MER_TYPE_REGION_PICKER (mer_region_picker_get_type ())
G_DECLARE_FINAL_TYPE (MerRegionPicker, mer_region_picker, MER, REGION_PICKER, GtkWindow)

MerRegionPicker *mer_region_picker_new         (GtkWindow       *parent,
                                                MerDivisions    *divisions);
GtkEditable     *mer_region_picker_get_search  (MerRegionPicker *self);
guint            mer_region_picker_get_n_shown (MerRegionPicker *self);

G_END_DECLS

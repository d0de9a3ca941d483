/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "mer-state.h"

G_BEGIN_DECLS

#define MER_TYPE_DETAILS (mer_details_get_type ())
G_DECLARE_FINAL_TYPE (MerDetails, mer_details, MER, DETAILS, GtkWidget)

MerDetails *mer_details_new          (MerState   *state);
gboolean    mer_details_link_allowed (const char *uri);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "mer-state.h"

G_BEGIN_DECLS

#define MER_TYPE_SEARCH_RESULTS (mer_search_results_get_type ())
G_DECLARE_FINAL_TYPE (MerSearchResults, mer_search_results, MER, SEARCH_RESULTS, GtkBox)

MerSearchResults *mer_search_results_new          (MerState         *state);
guint             mer_search_results_get_n_results (MerSearchResults *self);
void              mer_search_results_move         (MerSearchResults *self,
                                                   int               delta);
gboolean          mer_search_results_activate     (MerSearchResults *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _MerCellCache MerCellCache;

MerCellCache *mer_cell_cache_new          (void);
void          mer_cell_cache_free         (MerCellCache *self);
cairo_t      *mer_cell_cache_begin        (MerCellCache *self,
                                           GtkWidget    *widget);
void          mer_cell_cache_end          (MerCellCache         *self,
                                           cairo_t              *cr,
                                           const cairo_region_t *damage,
                                           GtkSnapshot          *snapshot);
void          mer_cell_cache_clear        (MerCellCache *self);
guint         mer_cell_cache_get_n_drawn  (MerCellCache *self);
guint         mer_cell_cache_get_n_new    (MerCellCache *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MerCellCache, mer_cell_cache_free)

G_END_DECLS

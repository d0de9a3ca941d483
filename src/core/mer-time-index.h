/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _MerTimeIndex MerTimeIndex;

MerTimeIndex *mer_time_index_new   (const gint64 *firsts,
                                    const gint64 *lasts,
                                    guint         n_items);
MerTimeIndex *mer_time_index_new_take (gint64   *firsts,
                                       gint64   *lasts,
                                       guint     n_items);
void          mer_time_index_free  (MerTimeIndex *self);
void          mer_time_index_get_span (MerTimeIndex *self,
                                       guint         position,
                                       gint64       *first,
                                       gint64       *last);
void          mer_time_index_query (MerTimeIndex *self,
                                    gint64        first,
                                    gint64        last,
                                    GArray       *hits);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MerTimeIndex, mer_time_index_free)

G_END_DECLS

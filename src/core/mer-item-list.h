/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define MER_TYPE_ITEM_LIST (mer_item_list_get_type ())
G_DECLARE_FINAL_TYPE (MerItemList, mer_item_list, MER, ITEM_LIST, GObject)

MerItemList *mer_item_list_new  (GType      item_type,
                                 GPtrArray *items);
gpointer     mer_item_list_peek (MerItemList *self,
                                 guint        position);

G_END_DECLS

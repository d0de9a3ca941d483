/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-item-list"

#include "config.h"

#include "mer-item-list.h"

/* An immutable GListModel over an array of objects: the document's lists
 * never change after loading, so a GListStore's bookkeeping is not needed. */
struct _MerItemList
{
  GObject parent_instance;

  GType      item_type;
  GPtrArray *items;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MerItemList, mer_item_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
mer_item_list_get_item_type (GListModel *model)
{
  return MER_ITEM_LIST (model)->item_type;
}

static guint
mer_item_list_get_n_items (GListModel *model)
{
  return MER_ITEM_LIST (model)->items->len;
}

static gpointer
mer_item_list_get_item (GListModel *model,
                        guint       position)
{
  MerItemList *self = MER_ITEM_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = mer_item_list_get_item_type;
  iface->get_n_items = mer_item_list_get_n_items;
  iface->get_item = mer_item_list_get_item;
}

static void
mer_item_list_finalize (GObject *object)
{
  MerItemList *self = MER_ITEM_LIST (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (mer_item_list_parent_class)->finalize (object);
}

static void
mer_item_list_class_init (MerItemListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mer_item_list_finalize;
}

static void
mer_item_list_init (MerItemList *self)
{
}

/**
 * mer_item_list_new:
 * @item_type: the type of every item
 * @items: (transfer none): the items; the list keeps a reference to the array,
 *   which must not change afterwards
 *
 * Returns: (transfer full): a list model over @items
 */
MerItemList *
mer_item_list_new (GType      item_type,
                   GPtrArray *items)
{
  MerItemList *self;

  g_return_val_if_fail (items != NULL, NULL);

  self = g_object_new (MER_TYPE_ITEM_LIST, NULL);
  self->item_type = item_type;
  self->items = g_ptr_array_ref (items);

  return self;
}

/**
 * mer_item_list_peek:
 *
 * Returns: (transfer none): the item at @position, without a new reference
 */
gpointer
mer_item_list_peek (MerItemList *self,
                    guint        position)
{
  g_return_val_if_fail (MER_IS_ITEM_LIST (self), NULL);
  g_return_val_if_fail (position < self->items->len, NULL);

  return g_ptr_array_index (self->items, position);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-category"

#include "config.h"

#include "mer-category.h"
#include "mer-model-private.h"

G_DEFINE_FINAL_TYPE (MerCategory, mer_category, G_TYPE_OBJECT)

static void
mer_category_finalize (GObject *object)
{
  MerCategory *self = MER_CATEGORY (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->description);

  G_OBJECT_CLASS (mer_category_parent_class)->finalize (object);
}

static void
mer_category_class_init (MerCategoryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mer_category_finalize;
}

static void
mer_category_init (MerCategory *self)
{
  self->color = MER_NO_COLOR;
}

MerCategory *
mer_category_new (void)
{
  return g_object_new (MER_TYPE_CATEGORY, NULL);
}

const char *
mer_category_get_id (MerCategory *self)
{
  g_return_val_if_fail (MER_IS_CATEGORY (self), NULL);
  return self->id;
}

const char *
mer_category_get_name (MerCategory *self)
{
  g_return_val_if_fail (MER_IS_CATEGORY (self), NULL);
  return self->name;
}

/**
 * mer_category_get_description:
 *
 * Returns: (nullable): the description, if the file gave one
 */
const char *
mer_category_get_description (MerCategory *self)
{
  g_return_val_if_fail (MER_IS_CATEGORY (self), NULL);
  return self->description;
}

/**
 * mer_category_get_color:
 *
 * Returns: the colour as 0xRRGGBB, or %MER_NO_COLOR
 */
guint32
mer_category_get_color (MerCategory *self)
{
  g_return_val_if_fail (MER_IS_CATEGORY (self), MER_NO_COLOR);
  return self->color;
}

guint
mer_category_get_line (MerCategory *self)
{
  g_return_val_if_fail (MER_IS_CATEGORY (self), 0);
  return self->line;
}

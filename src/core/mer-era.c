/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-era"

#include "config.h"

#include "mer-era.h"
#include "mer-model-private.h"

G_DEFINE_FINAL_TYPE (MerEra, mer_era, G_TYPE_OBJECT)

static void
mer_era_finalize (GObject *object)
{
  MerEra *self = MER_ERA (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->description);

  G_OBJECT_CLASS (mer_era_parent_class)->finalize (object);
}

static void
mer_era_class_init (MerEraClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mer_era_finalize;
}

static void
mer_era_init (MerEra *self)
{
  self->color = MER_NO_COLOR;
}

MerEra *
mer_era_new (void)
{
  return g_object_new (MER_TYPE_ERA, NULL);
}

const char *
mer_era_get_id (MerEra *self)
{
  g_return_val_if_fail (MER_IS_ERA (self), NULL);
  return self->id;
}

const char *
mer_era_get_title (MerEra *self)
{
  g_return_val_if_fail (MER_IS_ERA (self), NULL);
  return self->title;
}

/**
 * mer_era_get_description:
 *
 * Returns: (nullable): the description, if the file gave one
 */
const char *
mer_era_get_description (MerEra *self)
{
  g_return_val_if_fail (MER_IS_ERA (self), NULL);
  return self->description;
}

const MerDate *
mer_era_get_start (MerEra *self)
{
  g_return_val_if_fail (MER_IS_ERA (self), NULL);
  return &self->start;
}

/**
 * mer_era_get_end:
 *
 * Returns: the inclusive end, at its own precision
 */
const MerDate *
mer_era_get_end (MerEra *self)
{
  g_return_val_if_fail (MER_IS_ERA (self), NULL);
  return &self->end;
}

guint32
mer_era_get_color (MerEra *self)
{
  g_return_val_if_fail (MER_IS_ERA (self), MER_NO_COLOR);
  return self->color;
}

guint
mer_era_get_line (MerEra *self)
{
  g_return_val_if_fail (MER_IS_ERA (self), 0);
  return self->line;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-region"

#include "config.h"

#include "mer-region.h"
#include "mer-model-private.h"

G_DEFINE_FINAL_TYPE (MerRegion, mer_region, G_TYPE_OBJECT)

static void
mer_region_finalize (GObject *object)
{
  MerRegion *self = MER_REGION (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->description);
  for (guint i = 0; i < self->n_names; i++)
    {
      g_free (self->names[i].lang);
      g_free (self->names[i].text);
    }
  g_free (self->names);
  g_free (self->geometry_path);
  g_clear_pointer (&self->geometry, mer_geometry_unref);

  G_OBJECT_CLASS (mer_region_parent_class)->finalize (object);
}

static void
mer_region_class_init (MerRegionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mer_region_finalize;
}

static void
mer_region_init (MerRegion *self)
{
  self->color = MER_NO_COLOR;
}

MerRegion *
mer_region_new (void)
{
  return g_object_new (MER_TYPE_REGION, NULL);
}

const char *
mer_region_get_id (MerRegion *self)
{
  g_return_val_if_fail (MER_IS_REGION (self), NULL);
  return self->id;
}

const char *
mer_region_get_name (MerRegion *self)
{
  g_return_val_if_fail (MER_IS_REGION (self), NULL);
  return self->name;
}

/**
 * mer_region_get_description:
 *
 * Returns: (nullable): the description, if the file gave one
 */
const char *
mer_region_get_description (MerRegion *self)
{
  g_return_val_if_fail (MER_IS_REGION (self), NULL);
  return self->description;
}

/**
 * mer_region_get_names:
 * @n_names: (out): the number of names
 *
 * Returns: (array length=n_names): the names in each language, in file order
 */
const MerName *
mer_region_get_names (MerRegion *self,
                      guint     *n_names)
{
  g_return_val_if_fail (MER_IS_REGION (self), NULL);

  *n_names = self->n_names;
  return self->names;
}

/**
 * mer_region_get_name_for_lang:
 * @lang: a language tag such as "ja"
 *
 * Returns: (nullable): the region's name in @lang, if the file gave one
 */
const char *
mer_region_get_name_for_lang (MerRegion  *self,
                              const char *lang)
{
  g_return_val_if_fail (MER_IS_REGION (self), NULL);

  for (guint i = 0; i < self->n_names; i++)
    if (g_strcmp0 (self->names[i].lang, lang) == 0)
      return self->names[i].text;

  return NULL;
}

MerRegionStatus
mer_region_get_status (MerRegion *self)
{
  g_return_val_if_fail (MER_IS_REGION (self), MER_REGION_STATUS_UNDISPUTED);
  return self->status;
}

/**
 * mer_region_is_contested:
 *
 * Whether the region is disputed or occupied: such regions are drawn hatched
 * and labelled with every side's names, whatever the base map's borders say.
 *
 * Returns: %TRUE for a disputed or occupied region
 */
gboolean
mer_region_is_contested (MerRegion *self)
{
  g_return_val_if_fail (MER_IS_REGION (self), FALSE);
  return self->status == MER_REGION_STATUS_DISPUTED || self->status == MER_REGION_STATUS_OCCUPIED;
}

guint32
mer_region_get_color (MerRegion *self)
{
  g_return_val_if_fail (MER_IS_REGION (self), MER_NO_COLOR);
  return self->color;
}

/**
 * mer_region_get_geometry_path:
 *
 * Returns: (nullable): the relative path of the geometry file as written,
 *   or %NULL when the geometry was inline
 */
const char *
mer_region_get_geometry_path (MerRegion *self)
{
  g_return_val_if_fail (MER_IS_REGION (self), NULL);
  return self->geometry_path;
}

/**
 * mer_region_get_geometry:
 *
 * Returns: (transfer none): the region's polygons
 */
MerGeometry *
mer_region_get_geometry (MerRegion *self)
{
  g_return_val_if_fail (MER_IS_REGION (self), NULL);
  return self->geometry;
}

guint
mer_region_get_line (MerRegion *self)
{
  g_return_val_if_fail (MER_IS_REGION (self), 0);
  return self->line;
}

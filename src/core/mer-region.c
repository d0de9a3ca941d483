/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-region"

#include "config.h"

#include "mer-region.h"
#include "mer-model-private.h"
#include "mer-language.h"

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
  for (guint i = 0; i < self->n_periods; i++)
    {
      MerRegionPeriod *period = &self->periods[i];

      g_free (period->held_by);
      g_strfreev (period->claimed_by);
      g_clear_pointer (&period->geometry, mer_geometry_unref);
      g_free (period->description);
      for (guint k = 0; k < period->n_sources; k++)
        {
          g_free (period->sources[k].title);
          g_free (period->sources[k].url);
        }
      g_free (period->sources);
    }
  g_free (self->periods);

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

/**
 * mer_region_get_display_name:
 *
 * Returns: the region's name in the interface's language when the file gives
 *   one, else its name
 */
const char *
mer_region_get_display_name (MerRegion *self)
{
  const char *name;

  g_return_val_if_fail (MER_IS_REGION (self), NULL);

  name = mer_region_get_name_for_lang (self, mer_language_get_interface ());
  return name != NULL ? name : self->name;
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
  return mer_region_status_is_contested (self->status);
}

/**
 * mer_region_status_is_contested:
 *
 * Returns: whether a region of @status is drawn hatched and named by every
 *   side: disputed, occupied, or annexed without recognition
 */
gboolean
mer_region_status_is_contested (MerRegionStatus status)
{
  return status == MER_REGION_STATUS_DISPUTED || status == MER_REGION_STATUS_OCCUPIED ||
         status == MER_REGION_STATUS_ANNEXED;
}

/**
 * mer_region_get_periods:
 * @n_periods: (out): how many
 *
 * Returns: (array length=n_periods) (transfer none): the region's history,
 *   in time order; none when the story gives it one status for all time
 */
const MerRegionPeriod *
mer_region_get_periods (MerRegion *self,
                        guint     *n_periods)
{
  g_return_val_if_fail (MER_IS_REGION (self), NULL);
  g_return_val_if_fail (n_periods != NULL, NULL);

  *n_periods = self->n_periods;
  return self->periods;
}

/**
 * mer_region_get_period_at:
 * @second: a time, in seconds as mer_date_first_second() counts them
 *
 * Returns: (nullable) (transfer none): the period of the region's history
 *   that holds @second, or %NULL outside its history
 */
const MerRegionPeriod *
mer_region_get_period_at (MerRegion *self,
                          gint64     second)
{
  guint low = 0, high;

  g_return_val_if_fail (MER_IS_REGION (self), NULL);

  /* The last period that starts at or before @second, if it has not ended. */
  high = self->n_periods;
  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (mer_date_first_second (&self->periods[middle].start) <= second)
        low = middle + 1;
      else
        high = middle;
    }
  if (low == 0)
    return NULL;
  if (self->periods[low - 1].has_end && mer_date_last_second (&self->periods[low - 1].end) < second)
    return NULL;
  return &self->periods[low - 1];
}

/**
 * mer_region_get_status_at:
 *
 * Returns: the region's status at @second: its period's, or the region's
 *   own outside its history
 */
MerRegionStatus
mer_region_get_status_at (MerRegion *self,
                          gint64     second)
{
  const MerRegionPeriod *period = mer_region_get_period_at (self, second);

  g_return_val_if_fail (MER_IS_REGION (self), MER_REGION_STATUS_UNDISPUTED);
  return period != NULL ? period->status : self->status;
}

gboolean
mer_region_is_contested_at (MerRegion *self,
                            gint64     second)
{
  return mer_region_status_is_contested (mer_region_get_status_at (self, second));
}

/**
 * mer_region_get_geometry_at:
 *
 * Returns: (nullable) (transfer none): the region's outline at @second: its
 *   period's when that has one, else the region's own
 */
MerGeometry *
mer_region_get_geometry_at (MerRegion *self,
                            gint64     second)
{
  const MerRegionPeriod *period = mer_region_get_period_at (self, second);

  g_return_val_if_fail (MER_IS_REGION (self), NULL);
  return period != NULL && period->geometry != NULL ? period->geometry : self->geometry;
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

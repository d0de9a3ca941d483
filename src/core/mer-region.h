/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mer-date.h"
#include "mer-geometry.h"
#include "mer-types.h"

G_BEGIN_DECLS

/**
 * MerRegionPeriod:
 * @start: when the period begins
 * @end: when it ends, if @has_end
 * @has_end: whether it ends; the last period may be open
 * @held_by: (nullable): who holds the region
 * @claimed_by: (nullable) (array zero-terminated=1): who else claims it
 * @status: its status during the period
 * @geometry: (nullable): its outline during the period, when not the
 *   region's own (southern Sakhalin 1905–45 is not Sakhalin)
 * @description: (nullable): what the period was
 * @sources: (array length=n_sources): where it is documented
 *
 * One period of a region's history: who held and who claimed it, and how.
 */
typedef struct {
  MerDate          start;
  MerDate          end;
  gboolean         has_end;
  char            *held_by;
  char           **claimed_by;
  MerRegionStatus  status;
  MerGeometry     *geometry;
  char            *description;
  MerSource       *sources;
  guint            n_sources;
} MerRegionPeriod;

#define MER_TYPE_REGION (mer_region_get_type ())
G_DECLARE_FINAL_TYPE (MerRegion, mer_region, MER, REGION, GObject)

const char      *mer_region_get_id            (MerRegion  *self);
const char      *mer_region_get_name          (MerRegion  *self);
const char      *mer_region_get_description   (MerRegion  *self);
const MerName   *mer_region_get_names         (MerRegion  *self,
                                               guint      *n_names);
const char      *mer_region_get_name_for_lang (MerRegion  *self,
                                               const char *lang);
const char      *mer_region_get_display_name  (MerRegion  *self);
MerRegionStatus  mer_region_get_status        (MerRegion  *self);
gboolean         mer_region_is_contested      (MerRegion  *self);
const MerRegionPeriod *mer_region_get_periods (MerRegion  *self,
                                               guint      *n_periods);
const MerRegionPeriod *mer_region_get_period_at (MerRegion *self,
                                                 gint64     second);
MerRegionStatus  mer_region_get_status_at     (MerRegion  *self,
                                               gint64      second);
gboolean         mer_region_is_contested_at   (MerRegion  *self,
                                               gint64      second);
MerGeometry     *mer_region_get_geometry_at   (MerRegion  *self,
                                               gint64      second);
gboolean         mer_region_status_is_contested (MerRegionStatus status);
guint32          mer_region_get_color         (MerRegion  *self);
const char      *mer_region_get_geometry_path (MerRegion  *self);
MerGeometry     *mer_region_get_geometry      (MerRegion  *self);
guint            mer_region_get_line          (MerRegion  *self);

G_END_DECLS

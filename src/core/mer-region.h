/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mer-geometry.h"
#include "mer-types.h"

G_BEGIN_DECLS

#define MER_TYPE_REGION (mer_region_get_type ())
G_DECLARE_FINAL_TYPE (MerRegion, mer_region, MER, REGION, GObject)

const char      *mer_region_get_id            (MerRegion  *self);
const char      *mer_region_get_name          (MerRegion  *self);
const char      *mer_region_get_description   (MerRegion  *self);
const MerName   *mer_region_get_names         (MerRegion  *self,
                                               guint      *n_names);
const char      *mer_region_get_name_for_lang (MerRegion  *self,
                                               const char *lang);
MerRegionStatus  mer_region_get_status        (MerRegion  *self);
gboolean         mer_region_is_contested      (MerRegion  *self);
guint32          mer_region_get_color         (MerRegion  *self);
const char      *mer_region_get_geometry_path (MerRegion  *self);
MerGeometry     *mer_region_get_geometry      (MerRegion  *self);
guint            mer_region_get_line          (MerRegion  *self);

G_END_DECLS

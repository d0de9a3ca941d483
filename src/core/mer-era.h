/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mer-date.h"
#include "mer-types.h"

G_BEGIN_DECLS

#define MER_TYPE_ERA (mer_era_get_type ())
G_DECLARE_FINAL_TYPE (MerEra, mer_era, MER, ERA, GObject)

const char    *mer_era_get_id          (MerEra *self);
const char    *mer_era_get_title       (MerEra *self);
const char    *mer_era_get_description (MerEra *self);
const MerDate *mer_era_get_start       (MerEra *self);
const MerDate *mer_era_get_end         (MerEra *self);
guint32        mer_era_get_color       (MerEra *self);
guint          mer_era_get_line        (MerEra *self);

G_END_DECLS

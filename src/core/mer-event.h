/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mer-category.h"
#include "mer-date.h"
#include "mer-region.h"
#include "mer-types.h"

G_BEGIN_DECLS

#define MER_TYPE_EVENT (mer_event_get_type ())
G_DECLARE_FINAL_TYPE (MerEvent, mer_event, MER, EVENT, GObject)

const char       *mer_event_get_id           (MerEvent *self);
const char       *mer_event_get_title        (MerEvent *self);
const char       *mer_event_get_summary      (MerEvent *self);
const MerDate    *mer_event_get_start        (MerEvent *self);
const MerDate    *mer_event_get_end          (MerEvent *self);
const char       *mer_event_get_date_label   (MerEvent *self);
gboolean          mer_event_get_circa        (MerEvent *self);
gint64            mer_event_get_first_second (MerEvent *self);
gint64            mer_event_get_last_second  (MerEvent *self);
MerCategory      *mer_event_get_category     (MerEvent *self);
const MerPlace   *mer_event_get_places       (MerEvent *self,
                                              guint    *n_places);
MerRegion *const *mer_event_get_regions      (MerEvent *self,
                                              guint    *n_regions);
gboolean          mer_event_touches_region   (MerEvent  *self,
                                              MerRegion *region);
const MerSource  *mer_event_get_sources      (MerEvent *self,
                                              guint    *n_sources);
const char *const *mer_event_get_tags        (MerEvent *self);
guint             mer_event_get_importance   (MerEvent *self);
const MerView    *mer_event_get_view         (MerEvent *self);
guint             mer_event_get_line         (MerEvent *self);
char             *mer_event_format_date      (MerEvent *self);
char             *mer_event_format_dates     (MerEvent *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mer-date.h"
#include "mer-event.h"
#include "mer-types.h"

G_BEGIN_DECLS

#define MER_TYPE_SLIDE (mer_slide_get_type ())
G_DECLARE_FINAL_TYPE (MerSlide, mer_slide, MER, SLIDE, GObject)

MerEvent         *mer_slide_get_event      (MerSlide *self);
const char       *mer_slide_get_caption    (MerSlide *self);
const char       *mer_slide_get_notes      (MerSlide *self);
const char       *mer_slide_get_pov        (MerSlide *self);
const MerView    *mer_slide_get_view       (MerSlide *self);
MerRegion *const *mer_slide_get_regions    (MerSlide *self,
                                            guint    *n_regions);
gboolean          mer_slide_get_time       (MerSlide *self,
                                            MerDate  *start,
                                            MerDate  *end);
guint             mer_slide_get_line       (MerSlide *self);

#define MER_TYPE_BRIEFING (mer_briefing_get_type ())
G_DECLARE_FINAL_TYPE (MerBriefing, mer_briefing, MER, BRIEFING, GObject)

const char *mer_briefing_get_id          (MerBriefing *self);
const char *mer_briefing_get_title       (MerBriefing *self);
const char *mer_briefing_get_description (MerBriefing *self);
guint       mer_briefing_get_n_slides    (MerBriefing *self);
MerSlide   *mer_briefing_get_slide       (MerBriefing *self,
                                          guint        index);
guint       mer_briefing_get_line        (MerBriefing *self);

G_END_DECLS

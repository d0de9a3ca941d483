/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "mer-map-widget.h"
#include "mer-state.h"
#include "mer-timeline.h"

G_BEGIN_DECLS

#define MER_TYPE_PRESENTATION (mer_presentation_get_type ())
G_DECLARE_FINAL_TYPE (MerPresentation, mer_presentation, MER, PRESENTATION, GObject)

MerPresentation *mer_presentation_new         (MerState     *state,
                                               MerMapWidget *map,
                                               MerTimeline  *timeline,
                                               MerBriefing  *briefing);
guint            mer_presentation_get_n_slides (MerPresentation *self);
guint            mer_presentation_get_index   (MerPresentation *self);
void             mer_presentation_go_to       (MerPresentation *self,
                                               guint            index);
gboolean         mer_presentation_next        (MerPresentation *self);
gboolean         mer_presentation_previous    (MerPresentation *self);
void             mer_presentation_restore     (MerPresentation *self);
MerState        *mer_presentation_get_state   (MerPresentation *self);
MerMapWidget    *mer_presentation_get_map     (MerPresentation *self);
MerSlide        *mer_presentation_get_slide   (MerPresentation *self,
                                               guint            index);
GdkTexture      *mer_presentation_render_preview (MerPresentation *self,
                                                  guint            index,
                                                  int              width,
                                                  int              height);
MerEvent        *mer_presentation_get_event   (MerPresentation *self,
                                               guint            index);
char            *mer_presentation_dup_title   (MerPresentation *self,
                                               guint            index);
char            *mer_presentation_dup_date    (MerPresentation *self,
                                               guint            index);
const char      *mer_presentation_get_caption (MerPresentation *self,
                                               guint            index);
const char      *mer_presentation_get_notes   (MerPresentation *self,
                                               guint            index);

G_END_DECLS

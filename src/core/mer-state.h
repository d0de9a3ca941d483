/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mer-document.h"

G_BEGIN_DECLS

#define MER_TYPE_STATE (mer_state_get_type ())
G_DECLARE_FINAL_TYPE (MerState, mer_state, MER, STATE, GObject)

MerState    *mer_state_new                 (void);

MerDocument *mer_state_get_document        (MerState    *self);
void         mer_state_set_document        (MerState    *self,
                                            MerDocument *document);
MerEvent    *mer_state_get_selected_event  (MerState    *self);
void         mer_state_set_selected_event  (MerState    *self,
                                            MerEvent    *event);
MerEvent    *mer_state_get_hovered_event   (MerState    *self);
void         mer_state_set_hovered_event   (MerState    *self,
                                            MerEvent    *event);
MerRegion   *mer_state_get_selected_region (MerState    *self);
void         mer_state_set_selected_region (MerState    *self,
                                            MerRegion   *region);
MerRegion   *mer_state_get_hovered_region  (MerState    *self);
void         mer_state_set_hovered_region  (MerState    *self,
                                            MerRegion   *region);
gboolean     mer_state_is_region_emphasised (MerState   *self,
                                             MerRegion  *region);

void         mer_state_set_time_window     (MerState    *self,
                                            double       start,
                                            double       end);
void         mer_state_clear_time_window   (MerState    *self);
gboolean     mer_state_get_time_window     (MerState    *self,
                                            double      *start,
                                            double      *end);
gboolean     mer_state_get_as_of           (MerState    *self,
                                            gint64      *second);
void         mer_state_pin_as_of           (MerState    *self,
                                            gint64       second);
void         mer_state_unpin_as_of         (MerState    *self);
gboolean     mer_state_get_pinned_as_of    (MerState    *self,
                                            gint64      *second);
const char  *mer_state_get_pov             (MerState    *self);
void         mer_state_set_pov             (MerState    *self,
                                            const char  *pov);
gboolean     mer_state_event_in_window     (MerState    *self,
                                            MerEvent    *event);
gboolean     mer_state_get_hide_outside_window (MerState *self);
void         mer_state_set_hide_outside_window (MerState *self,
                                                gboolean  hide);

MerRegion   *mer_state_get_filter_region   (MerState    *self);
void         mer_state_set_filter_region   (MerState    *self,
                                            MerRegion   *region);
const char  *mer_state_get_search          (MerState    *self);
void         mer_state_set_search          (MerState    *self,
                                            const char  *text);
gboolean     mer_state_get_category_visible (MerState   *self,
                                             MerCategory *category);
void         mer_state_set_category_visible (MerState   *self,
                                             MerCategory *category,
                                             gboolean    visible);
gboolean     mer_state_has_filters          (MerState   *self);
void         mer_state_set_highlighted_regions (MerState          *self,
                                                MerRegion * const *regions,
                                                guint              n_regions);
GPtrArray   *mer_state_get_highlighted_regions (MerState          *self);
gboolean     mer_state_event_passes_filters (MerState   *self,
                                             MerEvent   *event);

G_END_DECLS

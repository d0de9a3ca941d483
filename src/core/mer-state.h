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

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mer-state.h"

G_BEGIN_DECLS

typedef struct _MerMapHistory MerMapHistory;

MerMapHistory *mer_map_history_new    (void);
void           mer_map_history_free   (MerMapHistory *self);
void           mer_map_history_clear  (MerMapHistory *self);
gboolean       mer_map_history_record (MerMapHistory *self,
                                       MerState      *state,
                                       const MerView *view);
gboolean       mer_map_history_can_go (MerMapHistory *self,
                                       int            steps);
gboolean       mer_map_history_go     (MerMapHistory *self,
                                       int            steps,
                                       MerState      *state,
                                       MerView       *view);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MerMapHistory, mer_map_history_free)

G_END_DECLS

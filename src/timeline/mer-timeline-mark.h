/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "mer-event.h"

G_BEGIN_DECLS

#define MER_TYPE_TIMELINE_MARK (mer_timeline_mark_get_type ())

G_DECLARE_FINAL_TYPE (MerTimelineMark, mer_timeline_mark, MER, TIMELINE_MARK, GtkWidget)

GtkWidget *mer_timeline_mark_new          (void);
MerEvent  *mer_timeline_mark_get_event    (MerTimelineMark *self);
void       mer_timeline_mark_set_event    (MerTimelineMark *self,
                                           MerEvent        *event);
void       mer_timeline_mark_set_selected (MerTimelineMark *self,
                                           gboolean         selected);

G_END_DECLS

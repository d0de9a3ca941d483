/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "mer-briefing.h"
#include "mer-category.h"
#include "mer-date.h"
#include "mer-era.h"
#include "mer-event.h"
#include "mer-region.h"
#include "mer-types.h"

G_BEGIN_DECLS

#define MER_TYPE_DOCUMENT (mer_document_get_type ())
G_DECLARE_FINAL_TYPE (MerDocument, mer_document, MER, DOCUMENT, GObject)

GFile         *mer_document_get_file          (MerDocument *self);
const char    *mer_document_get_title         (MerDocument *self);
const char    *mer_document_get_subtitle      (MerDocument *self);
const char    *mer_document_get_imported_from (MerDocument *self);
const char    *mer_document_get_description   (MerDocument *self);
const char    *mer_document_get_attribution   (MerDocument *self);
const MerDate *mer_document_get_revised      (MerDocument *self);
char          *mer_document_dup_revised_text (MerDocument *self);
const MerView *mer_document_get_view          (MerDocument *self);

GListModel    *mer_document_get_events        (MerDocument *self);
GListModel    *mer_document_get_regions       (MerDocument *self);
GListModel    *mer_document_get_categories    (MerDocument *self);
GListModel    *mer_document_get_eras          (MerDocument *self);
GListModel    *mer_document_get_briefings     (MerDocument *self);

gboolean       mer_document_get_event_span    (MerDocument *self,
                                                MerEvent    *event,
                                                gint64      *first,
                                                gint64      *last);
MerEvent      *mer_document_lookup_event      (MerDocument *self,
                                               const char  *id);
MerRegion     *mer_document_lookup_region     (MerDocument *self,
                                               const char  *id);
MerCategory   *mer_document_lookup_category   (MerDocument *self,
                                               const char  *id);
MerEra        *mer_document_lookup_era        (MerDocument *self,
                                               const char  *id);
MerBriefing   *mer_document_lookup_briefing   (MerDocument *self,
                                               const char  *id);

GPtrArray     *mer_document_get_region_events (MerDocument *self,
                                               MerRegion   *region);
GPtrArray     *mer_document_query_window      (MerDocument *self,
                                               gint64       first_second,
                                               gint64       last_second);
void           mer_document_query_positions   (MerDocument *self,
                                               gint64       first_second,
                                               gint64       last_second,
                                               GArray      *positions);
GPtrArray     *mer_document_query_dates       (MerDocument   *self,
                                               const MerDate *from,
                                               const MerDate *to);

G_END_DECLS

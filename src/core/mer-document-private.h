/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mer-document.h"

G_BEGIN_DECLS

/* The loader fills a document through these, then seals it with
 * mer_document_finish(); after that it never changes. */
MerDocument *mer_document_new    (GFile       *file);
void         mer_document_set_text (MerDocument *self,
                                    const char  *title,
                                    const char  *subtitle,
                                    const char  *description,
                                    const char  *attribution);
void         mer_document_set_revised (MerDocument   *self,
                                       const MerDate *revised);
void         mer_document_set_view (MerDocument   *self,
                                    const MerView *view);
void         mer_document_set_imported_from (MerDocument *self,
                                             const char  *format);
void         mer_document_finish (MerDocument *self,
                                  GPtrArray   *categories,
                                  GPtrArray   *regions,
                                  GPtrArray   *eras,
                                  GPtrArray   *events,
                                  GPtrArray   *briefings);

G_END_DECLS

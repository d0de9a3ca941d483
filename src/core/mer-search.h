/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mer-types.h"

G_BEGIN_DECLS

typedef struct _MerSearch MerSearch;

MerSearch *mer_search_new             (const char *text);
void       mer_search_free            (MerSearch  *self);
const char *mer_search_get_text       (MerSearch  *self);
gboolean   mer_search_matches_event   (MerSearch  *self,
                                       MerEvent   *event);
char      *mer_search_fold            (const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MerSearch, mer_search_free)

G_END_DECLS

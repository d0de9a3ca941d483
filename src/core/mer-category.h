/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mer-types.h"

G_BEGIN_DECLS

#define MER_TYPE_CATEGORY (mer_category_get_type ())
G_DECLARE_FINAL_TYPE (MerCategory, mer_category, MER, CATEGORY, GObject)

const char *mer_category_get_id          (MerCategory *self);
const char *mer_category_get_name        (MerCategory *self);
const char *mer_category_get_description (MerCategory *self);
guint32     mer_category_get_color       (MerCategory *self);
guint       mer_category_get_line        (MerCategory *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean    mer_renderer_is_software (const char *dri_dir);
const char *mer_renderer_choose      (const char *dri_dir);

G_END_DECLS

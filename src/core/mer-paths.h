/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean     mer_paths_is_uninstalled  (void);
char        *mer_paths_dup_data_dir    (void);
char        *mer_paths_dup_locale_dir  (void);
char        *mer_paths_build_data_path (const char *first_element,
                                        ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

char *mer_json_writer_update   (const char  *original,
                                gsize        length,
                                JsonNode    *root,
                                GError     **error);
char *mer_json_writer_to_text  (JsonNode    *root,
                                const char  *indent,
                                const char  *newline);

G_END_DECLS

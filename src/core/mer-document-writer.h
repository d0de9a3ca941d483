/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "mer-document.h"

G_BEGIN_DECLS

JsonNode *mer_document_writer_build      (MerDocument  *document,
                                          GPtrArray    *report);
char     *mer_document_writer_to_text    (MerDocument  *document,
                                          GPtrArray    *report);
gboolean  mer_document_writer_copy_story (const char   *source,
                                          const char   *destination,
                                          GError      **error);

JsonNode *mer_document_writer_geometry   (MerGeometry  *geometry);
gboolean  mer_document_writer_copy_geometry_files (JsonNode   *root,
                                                   const char *from,
                                                   const char *to,
                                                   gboolean    overwrite,
                                                   GError    **error);
gboolean  mer_document_writer_date_fits (const MerDate *date);

G_END_DECLS

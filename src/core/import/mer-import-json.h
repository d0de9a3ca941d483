/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A strict JSON parser (RFC 8259) for the importers that remembers where
 * each value starts, so that a message can point at it. It is private to
 * src/core/import: the loader has its own streaming reader. */

#define MER_IMPORT_JSON_MAX_DEPTH 128

typedef struct _MerImportJson MerImportJson;

/**
 * MerImportJsonError:
 * @line: 1-based line
 * @column: 1-based column, in characters
 * @message: what is wrong
 *
 * One syntax error, from mer_import_json_parse_all().
 */
typedef struct {
  guint  line;
  guint  column;
  char  *message;
} MerImportJsonError;

MerImportJson *mer_import_json_parse_all (const char  *data,
                                          gsize        length,
                                          GPtrArray  **errors);
MerImportJson *mer_import_json_parse  (const char     *data,
                                       gsize           length,
                                       guint          *error_line,
                                       guint          *error_column,
                                       GError        **error);
void           mer_import_json_free   (MerImportJson  *self);
JsonNode      *mer_import_json_get_root (MerImportJson *self);
void           mer_import_json_locate (MerImportJson  *self,
                                       JsonNode       *node,
                                       guint          *line,
                                       guint          *column);

JsonNode      *mer_import_json_get_lazy_array (MerImportJson *self);
guint          mer_import_json_get_n_elements (MerImportJson *self);
JsonNode      *mer_import_json_parse_element  (MerImportJson *self,
                                               guint          index,
                                               guint         *error_line,
                                               guint         *error_column,
                                               GError       **error);
void           mer_import_json_forget         (MerImportJson *self,
                                               JsonNode      *node);

void           mer_import_json_set_mapped     (MerImportJson *self);
void           mer_import_json_release        (MerImportJson *self,
                                               gsize          up_to);

void           mer_import_text_locate (const char     *data,
                                       gsize           length,
                                       gsize           offset,
                                       guint          *line,
                                       guint          *column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MerImportJson, mer_import_json_free)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Deeper than any valid document needs, far shallower than the depth at which
 * json-glib's recursive parser overflows the stack; the reader's own scan
 * refuses deeper nesting before json-glib sees it. */
#define MER_JSON_MAX_DEPTH 128

/* Past this many errors in one file, more are not recorded. */
#define MER_JSON_MAX_ERRORS 500

typedef struct _MerJsonReader MerJsonReader;

/**
 * MerJsonMemberFunc:
 * @name: a member of the top-level object
 * @node: its value; an array whose elements were handed to
 *   #MerJsonElementFunc is empty here
 *
 * Called for each member of the top-level object, in file order, on the
 * thread that loads, after the elements of its value if it is an array. The
 * value is freed when the function returns.
 */
typedef void (*MerJsonMemberFunc)  (MerJsonReader *reader,
                                    const char    *name,
                                    JsonNode      *node,
                                    gpointer       user_data);

/**
 * MerJsonElementFunc:
 * @array_name: the top-level member holding the array
 * @index: the element's index in the array
 * @node: the element
 *
 * Called for each element of an array that is the value of a top-level
 * member, in file order, on the thread that loads. The element is freed when
 * the function returns, so a large file never exists whole as a tree.
 * Positions of @node and of the nodes inside it can be asked for until then.
 */
typedef void (*MerJsonElementFunc) (MerJsonReader *reader,
                                    const char    *array_name,
                                    guint          index,
                                    JsonNode      *node,
                                    gpointer       user_data);

/**
 * MerJsonProgressFunc:
 * @fraction: how much of the load is done, from 0 to 1; it only grows
 *
 * Called from the thread that loads, now and then while it loads.
 */
typedef void (*MerJsonProgressFunc) (double   fraction,
                                     gpointer user_data);

MerJsonReader *mer_json_reader_new            (const char         *display_name,
                                               GPtrArray          *diagnostics);
void           mer_json_reader_set_progress   (MerJsonReader      *self,
                                               MerJsonProgressFunc progress_func,
                                               gpointer            user_data,
                                               GCancellable       *cancellable);
gboolean       mer_json_reader_is_cancelled   (MerJsonReader      *self);
void           mer_json_reader_free           (MerJsonReader      *self);
void           mer_json_reader_set_streaming  (MerJsonReader      *self,
                                               MerJsonMemberFunc   member_func,
                                               MerJsonElementFunc  element_func,
                                               gpointer            user_data);
gboolean       mer_json_reader_load_file      (MerJsonReader      *self,
                                               const char         *path,
                                               gsize               max_size,
                                               GError            **error);
gboolean       mer_json_reader_load_data      (MerJsonReader      *self,
                                               const char         *data,
                                               gsize               length,
                                               GError            **error);
gboolean       mer_json_reader_load_mapped    (MerJsonReader      *self,
                                               GMappedFile        *mapped,
                                               GError            **error);
void           mer_json_reader_set_lazy_array (MerJsonReader      *self,
                                               const char         *name);
void           mer_json_reader_set_big_integers (MerJsonReader    *self,
                                                 gboolean          big_integers);
JsonNode      *mer_json_reader_get_lazy_array (MerJsonReader      *self);
guint          mer_json_reader_get_n_lazy_elements (MerJsonReader *self);
JsonNode      *mer_json_reader_parse_element  (MerJsonReader      *self,
                                               guint               index,
                                               guint              *line,
                                               guint              *column,
                                               GError            **error);
void           mer_json_reader_forget         (MerJsonReader      *self,
                                               JsonNode           *node);
JsonNode      *mer_json_reader_get_root       (MerJsonReader      *self);
const char    *mer_json_describe_node         (JsonNode           *node);
const char    *mer_json_reader_get_display_name (MerJsonReader    *self);
gsize          mer_json_reader_get_size       (MerJsonReader      *self);
guint          mer_json_reader_get_n_errors   (MerJsonReader      *self);

guint          mer_json_reader_get_line       (MerJsonReader      *self,
                                               JsonNode           *node);
char          *mer_json_reader_dup_text       (MerJsonReader      *self,
                                               JsonNode           *node);
gboolean       mer_json_reader_locate         (MerJsonReader      *self,
                                               JsonNode           *node,
                                               guint              *line,
                                               guint              *column);
void           mer_json_reader_error_at       (MerJsonReader      *self,
                                               guint               line,
                                               guint               column,
                                               const char         *path,
                                               const char         *format,
                                               ...) G_GNUC_PRINTF (5, 6);
void           mer_json_reader_error          (MerJsonReader      *self,
                                               JsonNode           *node,
                                               const char         *path,
                                               const char         *format,
                                               ...) G_GNUC_PRINTF (4, 5);
void           mer_json_reader_warning        (MerJsonReader      *self,
                                               JsonNode           *node,
                                               const char         *path,
                                               const char         *format,
                                               ...) G_GNUC_PRINTF (4, 5);
void           mer_json_reader_member_warning (MerJsonReader      *self,
                                               JsonNode           *value,
                                               const char         *path,
                                               const char         *format,
                                               ...) G_GNUC_PRINTF (4, 5);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MerJsonReader, mer_json_reader_free)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "mer-document.h"
#include "mer-loader.h"

G_BEGIN_DECLS

#define MER_IMPORT_ERROR (mer_import_error_quark ())

/**
 * MerImportError:
 * @MER_IMPORT_ERROR_UNKNOWN_KIND: the file is in none of the formats Meridian reads
 * @MER_IMPORT_ERROR_UNSUPPORTED: the file is in a known format Meridian refuses
 *   (TimelineJS 2, a gigapixel StoryMapJS story)
 * @MER_IMPORT_ERROR_SYNTAX: the file's syntax is broken (its JSON, say)
 * @MER_IMPORT_ERROR_INVALID: the file has errors; the diagnostics list them
 *
 * Reading errors (missing file, too large) come as #MER_LOADER_ERROR.
 */
typedef enum {
  MER_IMPORT_ERROR_UNKNOWN_KIND,
  MER_IMPORT_ERROR_UNSUPPORTED,
  MER_IMPORT_ERROR_SYNTAX,
  MER_IMPORT_ERROR_INVALID,
} MerImportError;

/* Said wherever a file is refused for its kind. */
#define MER_IMPORT_FORMATS \
  "a Meridian story, TimelineJS 3 JSON, StoryMapJS JSON, GeoJSON, KML, " \
  "or CSV in the TimelineJS sheet layout or with latitude, longitude and date columns"

/**
 * MerImportOptions:
 * @time_property: (nullable): the GeoJSON property or CSV column holding
 *   each feature's or row's start; found by its usual names when %NULL
 * @end_property: (nullable): the same for the end
 * @title_property: (nullable): the same for the title
 *
 * Names are compared without case.
 */
typedef struct {
  const char *time_property;
  const char *end_property;
  const char *title_property;
} MerImportOptions;

/**
 * MerImportFields:
 * @format: "GeoJSON" or "CSV"
 * @names: (array zero-terminated=1): the features' properties or the
 *   table's columns, as written, each once, in the order first met
 * @time: (nullable): the property the time is read from when no option
 *   names one, or %NULL when none of the usual names is found
 * @end: (nullable): the same for the end
 * @title: (nullable): the same for the title
 *
 * What a GeoJSON file or a CSV table of points offers to read each event
 * from: for --time-property and --title-property, and the import dialog.
 */
typedef struct {
  char  *format;
  char **names;
  char  *time;
  char  *end;
  char  *title;
} MerImportFields;

GQuark        mer_import_error_quark (void);

MerImportFields *mer_import_read_fields  (const char       *path,
                                          GError          **error);
void             mer_import_fields_free  (MerImportFields  *fields);
gboolean         mer_import_fields_has   (const MerImportFields *fields,
                                          const char            *name);

MerDocument  *mer_import_load_file   (const char  *path,
                                      const char  *display_name,
                                      GPtrArray   *diagnostics,
                                      GError     **error);
MerDocument  *mer_import_load_file_full (const char             *path,
                                         const char             *display_name,
                                         const MerImportOptions *options,
                                         GPtrArray              *diagnostics,
                                         GError                **error);

void          mer_import_load_file_async  (const char            *path,
                                           const char            *display_name,
                                           GCancellable          *cancellable,
                                           MerLoaderProgressFunc  progress_func,
                                           gpointer               progress_data,
                                           GDestroyNotify         progress_data_destroy,
                                           GAsyncReadyCallback    callback,
                                           gpointer               user_data);
MerDocument  *mer_import_load_file_finish (GAsyncResult          *result,
                                           GPtrArray            **diagnostics,
                                           GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MerImportFields, mer_import_fields_free)

G_END_DECLS

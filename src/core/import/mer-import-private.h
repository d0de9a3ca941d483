/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mer-import.h"
#include "mer-import-builder.h"
#include "mer-json-reader.h"

G_BEGIN_DECLS

/* The importers the dispatcher in mer-import.c chooses between. Each reports
 * every problem into @diagnostics and fails with #MER_IMPORT_ERROR. */

MerDocument *mer_import_timelinejs (MerJsonReader *json,
                                    const char    *path,
                                    const char    *display_name,
                                    GPtrArray     *diagnostics,
                                    GError       **error);
MerDocument *mer_import_storymap   (MerJsonReader *json,
                                    const char    *path,
                                    const char    *display_name,
                                    GPtrArray     *diagnostics,
                                    GError       **error);
MerDocument *mer_import_geojson    (MerJsonReader *json,
                                    const MerImportOptions *options,
                                    const char    *path,
                                    const char    *display_name,
                                    GPtrArray     *diagnostics,
                                    GError       **error);
MerDocument *mer_import_csv        (const char    *data,
                                    gsize          length,
                                    gboolean       mapped,
                                    const MerImportOptions *options,
                                    const char    *path,
                                    const char    *display_name,
                                    GPtrArray     *diagnostics,
                                    GError       **error);
MerDocument *mer_import_kml        (const char    *data,
                                    gsize          length,
                                    const char    *path,
                                    const char    *display_name,
                                    GPtrArray     *diagnostics,
                                    GError       **error);

/* What mer_import_read_fields() finds; %NULL when the file is not of
 * that kind (a TimelineJS sheet is not a table of points). */
MerImportFields *mer_import_geojson_fields (MerJsonReader *json);
MerImportFields *mer_import_csv_fields     (const char    *data,
                                            gsize          length);

void         mer_import_release_pages (const char *data,
                                       gsize       up_to);
void         mer_import_text_locate   (const char *data,
                                       gsize       length,
                                       gsize       offset,
                                       guint      *line,
                                       guint      *column);

/* Shared by the JSON importers. */

void         mer_import_locate      (MerJsonReader    *json,
                                     JsonNode         *node,
                                     guint            *line,
                                     guint            *column);

void         mer_import_report_node (MerImportBuilder *builder,
                                     MerJsonReader    *json,
                                     JsonNode         *node,
                                     MerSeverity       severity,
                                     const char       *path,
                                     const char       *format,
                                     ...) G_GNUC_PRINTF (6, 7);
void         mer_import_check_members (MerImportBuilder   *builder,
                                       MerJsonReader      *json,
                                       JsonObject         *object,
                                       const char         *path,
                                       const char * const *known);
char        *mer_import_member_path (const char       *path,
                                     const char       *member);
const char  *mer_import_get_string  (MerImportBuilder *builder,
                                     MerJsonReader    *json,
                                     JsonObject       *object,
                                     const char       *path,
                                     const char       *member);
JsonObject  *mer_import_get_object  (MerImportBuilder *builder,
                                     MerJsonReader    *json,
                                     JsonObject       *object,
                                     const char       *path,
                                     const char       *member);
gboolean     mer_import_get_number  (MerImportBuilder *builder,
                                     MerJsonReader    *json,
                                     JsonObject       *object,
                                     const char       *path,
                                     const char       *member,
                                     double            min,
                                     double            max,
                                     double           *value);
gboolean     mer_import_get_zoom    (MerImportBuilder *builder,
                                     MerJsonReader    *json,
                                     JsonObject       *object,
                                     const char       *path,
                                     double           *zoom);

G_END_DECLS

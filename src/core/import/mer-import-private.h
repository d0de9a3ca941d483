/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mer-import.h"
#include "mer-import-builder.h"
#include "mer-import-json.h"

G_BEGIN_DECLS

/* The importers the dispatcher in mer-import.c chooses between. Each reports
 * every problem into @diagnostics and fails with #MER_IMPORT_ERROR. */

MerDocument *mer_import_timelinejs (MerImportJson *json,
                                    const char    *path,
                                    const char    *display_name,
                                    GPtrArray     *diagnostics,
                                    GError       **error);
MerDocument *mer_import_storymap   (MerImportJson *json,
                                    const char    *path,
                                    const char    *display_name,
                                    GPtrArray     *diagnostics,
                                    GError       **error);
MerDocument *mer_import_geojson    (MerImportJson *json,
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
MerImportFields *mer_import_geojson_fields (MerImportJson *json);
MerImportFields *mer_import_csv_fields     (const char    *data,
                                            gsize          length);

void         mer_import_release_pages (const char *data,
                                       gsize       up_to);

/* Shared by the JSON importers. */

void         mer_import_report_node (MerImportBuilder *builder,
                                     MerImportJson    *json,
                                     JsonNode         *node,
                                     MerSeverity       severity,
                                     const char       *path,
                                     const char       *format,
                                     ...) G_GNUC_PRINTF (6, 7);
void         mer_import_check_members (MerImportBuilder   *builder,
                                       MerImportJson      *json,
                                       JsonObject         *object,
                                       const char         *path,
                                       const char * const *known);
char        *mer_import_member_path (const char       *path,
                                     const char       *member);
const char  *mer_import_get_string  (MerImportBuilder *builder,
                                     MerImportJson    *json,
                                     JsonObject       *object,
                                     const char       *path,
                                     const char       *member);
JsonObject  *mer_import_get_object  (MerImportBuilder *builder,
                                     MerImportJson    *json,
                                     JsonObject       *object,
                                     const char       *path,
                                     const char       *member);
gboolean     mer_import_get_number  (MerImportBuilder *builder,
                                     MerImportJson    *json,
                                     JsonObject       *object,
                                     const char       *path,
                                     const char       *member,
                                     double            min,
                                     double            max,
                                     double           *value);
gboolean     mer_import_get_zoom    (MerImportBuilder *builder,
                                     MerImportJson    *json,
                                     JsonObject       *object,
                                     const char       *path,
                                     double           *zoom);

G_END_DECLS

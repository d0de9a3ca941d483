/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "mer-document.h"

G_BEGIN_DECLS

/**
 * MerConvertFormat:
 * @MER_CONVERT_FORMAT_MERIDIAN: a Meridian story, format version 1 (.json)
 * @MER_CONVERT_FORMAT_TIMELINEJS: TimelineJS 3 JSON (.timeline.json)
 * @MER_CONVERT_FORMAT_GEOJSON: a GeoJSON FeatureCollection (.geojson)
 * @MER_CONVERT_FORMAT_KML: KML 2.2 (.kml)
 * @MER_CONVERT_FORMAT_CSV: CSV in the TimelineJS sheet layout (.csv)
 *
 * The formats `meridian --convert` writes (docs/import.md).
 */
typedef enum {
  MER_CONVERT_FORMAT_MERIDIAN,
  MER_CONVERT_FORMAT_TIMELINEJS,
  MER_CONVERT_FORMAT_GEOJSON,
  MER_CONVERT_FORMAT_KML,
  MER_CONVERT_FORMAT_CSV,
} MerConvertFormat;

#define MER_CONVERT_EXTENSIONS ".json, .timeline.json, .geojson, .kml or .csv"

gboolean  mer_convert_format_from_path (const char        *path,
                                        MerConvertFormat  *format);
char     *mer_convert_to_text          (MerDocument       *document,
                                        MerConvertFormat   format,
                                        GPtrArray         *report);
gboolean  mer_convert_write            (MerDocument       *document,
                                        MerConvertFormat   format,
                                        const char        *path,
                                        GPtrArray         *report,
                                        GError           **error);

G_END_DECLS

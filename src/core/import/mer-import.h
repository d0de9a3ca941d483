/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "mer-document.h"

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
#define MER_IMPORT_FORMATS "a Meridian story, TimelineJS 3 JSON, or CSV in the TimelineJS sheet layout or with latitude, longitude and date columns"

GQuark        mer_import_error_quark (void);

MerDocument  *mer_import_load_file   (const char  *path,
                                      const char  *display_name,
                                      GPtrArray   *diagnostics,
                                      GError     **error);

G_END_DECLS

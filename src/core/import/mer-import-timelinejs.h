/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mer-import-builder.h"

G_BEGIN_DECLS

/**
 * MerImportTimelineSlide:
 *
 * What a TimelineJS slide says besides its dates, as the JSON and the sheet
 * both write it. All members are borrowed and nullable; text is HTML.
 */
typedef struct {
  const char *headline;
  const char *text;
  const char *media_url;
  const char *media_caption;
  const char *media_credit;
  const char *group;
  const char *display_date;
} MerImportTimelineSlide;

gint64   mer_import_timelinejs_year (gint64                        year);
gboolean mer_import_parse_whole     (const char                   *text,
                                     gint64                       *value,
                                     gboolean                     *present);
gboolean mer_import_timelinejs_date (const char * const            parts[7],
                                     MerDate                      *date,
                                     guint                        *bad_part,
                                     GError                      **error);
void     mer_import_timelinejs_fill (MerImportBuilder             *builder,
                                     MerEvent                     *event,
                                     const MerImportTimelineSlide *slide);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mer-convert.h"

G_BEGIN_DECLS

/* The writers mer_convert_to_text() chooses between. Each says in @report
 * (lines of text) what its format cannot carry. */

char    *mer_convert_timelinejs (MerDocument   *document,
                                 GPtrArray     *report);
char    *mer_convert_geojson    (MerDocument   *document,
                                 GPtrArray     *report);
char    *mer_convert_kml        (MerDocument   *document,
                                 GPtrArray     *report);
char    *mer_convert_csv        (MerDocument   *document,
                                 GPtrArray     *report);

/* Shared by the writers. */

gint64   mer_convert_timelinejs_year (gint64         year);
gboolean mer_convert_event_fits      (MerEvent      *event,
                                      GPtrArray     *report);
char    *mer_convert_html            (const char    *text,
                                      MerEvent      *event);
/* What a format keeps beyond each event's title, dates, summary, category
 * and first place. */
typedef enum {
  MER_CONVERT_KEEPS_ERAS = 1 << 0,
  MER_CONVERT_KEEPS_REGIONS = 1 << 1,
  MER_CONVERT_KEEPS_PLACES = 1 << 2,    /* every place, not the first alone */
  MER_CONVERT_KEEPS_SOURCES = 1 << 3,   /* every source, with its title */
  MER_CONVERT_KEEPS_VIEWS = 1 << 4,     /* events' zoom */
  MER_CONVERT_KEEPS_ZONES = 1 << 5,    /* dates' UTC offsets */
  MER_CONVERT_KEEPS_DATE_LABELS = 1 << 6,
} MerConvertKeeps;

void     mer_convert_report_lost     (GPtrArray       *report,
                                      MerDocument     *document,
                                      MerConvertKeeps  keeps);

G_END_DECLS

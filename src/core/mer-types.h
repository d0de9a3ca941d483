/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _MerBriefing MerBriefing;
typedef struct _MerCategory MerCategory;
typedef struct _MerDocument MerDocument;
typedef struct _MerEra      MerEra;
typedef struct _MerEvent    MerEvent;
typedef struct _MerGeometry MerGeometry;
typedef struct _MerRegion   MerRegion;
typedef struct _MerSlide    MerSlide;

/**
 * MerView:
 *
 * A map view: its centre and a Web Mercator zoom level in [0, 20].
 */
typedef struct {
  double lat;
  double lon;
  double zoom;
} MerView;

/**
 * MerPlace:
 *
 * A named point where an event happened.
 */
typedef struct {
  char   *name;
  double  lat;
  double  lon;
} MerPlace;

/**
 * MerSource:
 *
 * A reference backing an event. @url may be %NULL.
 */
typedef struct {
  char *title;
  char *url;
} MerSource;

/**
 * MerName:
 *
 * A name in one language; @lang is a BCP 47 tag such as "ja" or "ru".
 */
typedef struct {
  char *lang;
  char *text;
} MerName;

/**
 * MerRegionStatus:
 * @MER_REGION_STATUS_UNDISPUTED: sovereignty is not contested
 * @MER_REGION_STATUS_DISPUTED: sovereignty is claimed by more than one state
 * @MER_REGION_STATUS_OCCUPIED: held by a state whose control most states do not recognise
 * @MER_REGION_STATUS_SETTLED: a former dispute closed by treaty
 * @MER_REGION_STATUS_ANNEXED: annexed by a state that claims it, an
 *   annexation most states do not recognise
 */
typedef enum {
  MER_REGION_STATUS_UNDISPUTED,
  MER_REGION_STATUS_DISPUTED,
  MER_REGION_STATUS_OCCUPIED,
  MER_REGION_STATUS_SETTLED,
  MER_REGION_STATUS_ANNEXED,
} MerRegionStatus;

/* Colours are 0xRRGGBB; MER_NO_COLOR means none was given. */
#define MER_NO_COLOR G_MAXUINT32

const char *mer_region_status_to_string   (MerRegionStatus  status);
const char *mer_region_status_get_label   (MerRegionStatus  status);
gboolean    mer_region_status_from_string (const char      *text,
                                           MerRegionStatus *status);
gboolean    mer_color_parse               (const char      *text,
                                           guint32         *color);

G_END_DECLS

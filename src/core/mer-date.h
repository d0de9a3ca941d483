/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * MerDatePrecision:
 *
 * How much of a date was written. A date keeps its precision: "2016" is the
 * whole year 2016, not 1 January 2016.
 */
typedef enum {
  MER_DATE_PRECISION_YEAR,
  MER_DATE_PRECISION_MONTH,
  MER_DATE_PRECISION_DAY,
  MER_DATE_PRECISION_MINUTE,
  MER_DATE_PRECISION_SECOND,
} MerDatePrecision;

/* Years are astronomical (0 is 1 BC, -480 is 481 BC) and may exceed 9999,
 * which is why GDateTime cannot be used. */
#define MER_DATE_MAX_YEAR G_GINT64_CONSTANT (999999999)

/**
 * MerDate:
 *
 * A partial ISO 8601 date in the proleptic Gregorian calendar. Fields past
 * @precision are zero. A date with a time may carry a UTC offset.
 */
typedef struct {
  gint64 year;
  gint16 offset_minutes;
  guint8 month;          /* 1..12 from MONTH precision */
  guint8 day;            /* 1..31 from DAY precision */
  guint8 hour;
  guint8 minute;
  guint8 second;
  /* Bits, so that a date takes 16 bytes: each event holds two. */
  guint8 precision : 7;  /* MerDatePrecision */
  guint8 has_offset : 1;
} MerDate;

G_STATIC_ASSERT (sizeof (MerDate) == 16);

#define MER_DATE_ERROR (mer_date_error_quark ())

/**
 * MerDateError:
 * @MER_DATE_ERROR_SYNTAX: the text is not in a supported ISO 8601 form
 * @MER_DATE_ERROR_RANGE: a field is out of range (month 13, 30 February…)
 */
typedef enum {
  MER_DATE_ERROR_SYNTAX,
  MER_DATE_ERROR_RANGE,
} MerDateError;

GQuark    mer_date_error_quark      (void);

gboolean  mer_date_parse            (const char    *text,
                                     MerDate       *date,
                                     GError       **error);
char     *mer_date_to_iso           (const MerDate *date);

gint64    mer_date_first_second     (const MerDate *date);
gint64    mer_date_last_second      (const MerDate *date);
void      mer_date_from_second      (gint64         second,
                                     MerDate       *date);
int       mer_date_compare          (const MerDate *a,
                                     const MerDate *b);

gboolean  mer_date_is_leap_year     (gint64         year);
guint     mer_date_days_in_month    (gint64         year,
                                     guint          month);
gint64    mer_date_days_from_civil  (gint64         year,
                                     guint          month,
                                     guint          day);

void      mer_date_civil_from_days  (gint64         days,
                                     gint64        *year,
                                     guint         *month,
                                     guint         *day);

char     *mer_date_format           (const MerDate *date,
                                     gboolean       circa);
char     *mer_date_format_range     (const MerDate *start,
                                     const MerDate *end,
                                     gboolean       circa);

G_END_DECLS

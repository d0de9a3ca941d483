/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-date"

#include "config.h"

#include "mer-date.h"

#include <glib/gi18n.h>
#include <string.h>

#define SECONDS_PER_DAY G_GINT64_CONSTANT (86400)
#define SYNTAX_HINT "expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss][Z|±hh:mm]"

static const char * const month_names[] = {
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
};

G_DEFINE_QUARK (mer-date-error-quark, mer_date_error)

/* Reads exactly @n_digits digits; returns FALSE if any is missing. */
static gboolean
read_fixed (const char **p,
            guint        n_digits,
            guint       *value)
{
  guint v = 0;

  for (guint i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      v = v * 10 + (guint) ((*p)[i] - '0');
    }

  *p += n_digits;
  *value = v;
  return TRUE;
}

static gboolean
syntax_error (GError **error)
{
  g_set_error_literal (error, MER_DATE_ERROR, MER_DATE_ERROR_SYNTAX, SYNTAX_HINT);
  return FALSE;
}

static gboolean
parse_offset (const char **p,
              MerDate     *date,
              GError     **error)
{
  char sign = **p;
  guint hours, minutes;

  if (sign == 'Z')
    {
      (*p)++;
      date->has_offset = TRUE;
      date->offset_minutes = 0;
      return TRUE;
    }

  if (sign != '+' && sign != '-')
    return TRUE;

  (*p)++;
  if (!read_fixed (p, 2, &hours) || **p != ':')
    return syntax_error (error);
  (*p)++;
  if (!read_fixed (p, 2, &minutes))
    return syntax_error (error);

  if (hours > 14 || minutes > 59 || (hours == 14 && minutes > 0))
    {
      g_set_error (error, MER_DATE_ERROR, MER_DATE_ERROR_RANGE,
                   "offset %c%02u:%02u", sign, hours, minutes);
      return FALSE;
    }

  date->has_offset = TRUE;
  date->offset_minutes = (gint16) ((sign == '-' ? -1 : 1) * (int) (hours * 60 + minutes));
  return TRUE;
}

/**
 * mer_date_parse:
 * @text: an ISO 8601 date such as "2016", "2016-12", "2016-12-15",
 *   "2016-12-15T10:30+09:00" or "-0480"
 * @date: (out caller-allocates): the parsed date
 * @error: a #MER_DATE_ERROR whose message says what is wrong ("month 13")
 *
 * Returns: whether @text is a valid date
 */
gboolean
mer_date_parse (const char  *text,
                MerDate     *date,
                GError     **error)
{
  const char *p = text;
  gboolean negative = FALSE;
  gint64 year = 0;
  guint n_year_digits = 0;
  guint month, day, hour, minute, second;
  MerDate result = { 0 };

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  if (*p == '-' || *p == '+')
    negative = *p++ == '-';

  while (g_ascii_isdigit (*p))
    {
      if (n_year_digits == 9)
        {
          g_set_error (error, MER_DATE_ERROR, MER_DATE_ERROR_RANGE,
                       "year has more than 9 digits");
          return FALSE;
        }
      year = year * 10 + (*p++ - '0');
      n_year_digits++;
    }

  if (n_year_digits == 0 || (*p != '\0' && *p != '-'))
    return syntax_error (error);
  if (n_year_digits < 4)
    {
      g_set_error (error, MER_DATE_ERROR, MER_DATE_ERROR_SYNTAX,
                   "a year needs at least 4 digits");
      return FALSE;
    }

  result.year = negative ? -year : year;
  result.precision = MER_DATE_PRECISION_YEAR;

  if (*p == '\0')
    goto done;

  if (*p++ != '-' || !read_fixed (&p, 2, &month))
    return syntax_error (error);
  if (month < 1 || month > 12)
    {
      g_set_error (error, MER_DATE_ERROR, MER_DATE_ERROR_RANGE, "month %u", month);
      return FALSE;
    }
  result.month = month;
  result.precision = MER_DATE_PRECISION_MONTH;

  if (*p == '\0')
    goto done;

  if (*p++ != '-' || !read_fixed (&p, 2, &day))
    return syntax_error (error);
  if (day < 1 || day > 31)
    {
      g_set_error (error, MER_DATE_ERROR, MER_DATE_ERROR_RANGE, "day %u", day);
      return FALSE;
    }
  if (day > mer_date_days_in_month (result.year, month))
    {
      g_autofree char *year_text = g_strdup_printf ("%" G_GINT64_FORMAT, result.year);

      g_set_error (error, MER_DATE_ERROR, MER_DATE_ERROR_RANGE,
                   "%s %s has %u days", month_names[month - 1], year_text,
                   mer_date_days_in_month (result.year, month));
      return FALSE;
    }
  result.day = day;
  result.precision = MER_DATE_PRECISION_DAY;

  if (*p == '\0')
    goto done;

  if (*p++ != 'T' || !read_fixed (&p, 2, &hour) || *p++ != ':' || !read_fixed (&p, 2, &minute))
    return syntax_error (error);
  if (hour > 23)
    {
      g_set_error (error, MER_DATE_ERROR, MER_DATE_ERROR_RANGE, "hour %u", hour);
      return FALSE;
    }
  if (minute > 59)
    {
      g_set_error (error, MER_DATE_ERROR, MER_DATE_ERROR_RANGE, "minute %u", minute);
      return FALSE;
    }
  result.hour = hour;
  result.minute = minute;
  result.precision = MER_DATE_PRECISION_MINUTE;

  if (*p == ':')
    {
      p++;
      if (!read_fixed (&p, 2, &second))
        return syntax_error (error);
      if (second > 59)
        {
          g_set_error (error, MER_DATE_ERROR, MER_DATE_ERROR_RANGE, "second %u", second);
          return FALSE;
        }
      result.second = second;
      result.precision = MER_DATE_PRECISION_SECOND;
    }

  if (!parse_offset (&p, &result, error))
    return FALSE;

  if (*p != '\0')
    return syntax_error (error);

done:
  *date = result;
  return TRUE;
}

/**
 * mer_date_to_iso:
 * @date: a date
 *
 * Returns: (transfer full): @date written back at its own precision
 */
char *
mer_date_to_iso (const MerDate *date)
{
  GString *s;

  g_return_val_if_fail (date != NULL, NULL);

  s = g_string_new (NULL);
  if (date->year < 0)
    g_string_append_printf (s, "-%04" G_GINT64_FORMAT, -date->year);
  else
    g_string_append_printf (s, "%04" G_GINT64_FORMAT, date->year);

  if (date->precision >= MER_DATE_PRECISION_MONTH)
    g_string_append_printf (s, "-%02u", date->month);
  if (date->precision >= MER_DATE_PRECISION_DAY)
    g_string_append_printf (s, "-%02u", date->day);
  if (date->precision >= MER_DATE_PRECISION_MINUTE)
    g_string_append_printf (s, "T%02u:%02u", date->hour, date->minute);
  if (date->precision >= MER_DATE_PRECISION_SECOND)
    g_string_append_printf (s, ":%02u", date->second);

  if (date->has_offset)
    {
      int off = date->offset_minutes;

      if (off == 0)
        g_string_append_c (s, 'Z');
      else
        g_string_append_printf (s, "%c%02d:%02d", off < 0 ? '-' : '+', ABS (off) / 60, ABS (off) % 60);
    }

  return g_string_free (s, FALSE);
}

gboolean
mer_date_is_leap_year (gint64 year)
{
  return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

guint
mer_date_days_in_month (gint64 year,
                        guint  month)
{
  static const guint8 days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  g_return_val_if_fail (month >= 1 && month <= 12, 0);

  if (month == 2 && mer_date_is_leap_year (year))
    return 29;
  return days[month - 1];
}

/**
 * mer_date_days_from_civil:
 *
 * Returns: the number of days from 1970-01-01 to the given proleptic
 *   Gregorian date; valid for every year, negative ones included
 */
gint64
mer_date_days_from_civil (gint64 year,
                          guint  month,
                          guint  day)
{
  gint64 y = year - (month <= 2);
  gint64 era = (y >= 0 ? y : y - 399) / 400;
  gint64 year_of_era = y - era * 400;
  gint64 day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  gint64 day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;

  return era * 146097 + day_of_era - 719468;
}

/**
 * mer_date_civil_from_days:
 * @days: days from 1970-01-01
 * @year: (out): the proleptic Gregorian year (astronomical)
 * @month: (out): 1..12
 * @day: (out): 1..31
 *
 * The inverse of mer_date_days_from_civil().
 */
void
mer_date_civil_from_days (gint64  days,
                          gint64 *year,
                          guint  *month,
                          guint  *day)
{
  gint64 z = days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 day_of_era = z - era * 146097;
  gint64 year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  gint64 day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  gint64 mp = (5 * day_of_year + 2) / 153;
  guint d = (guint) (day_of_year - (153 * mp + 2) / 5 + 1);
  guint m = (guint) (mp < 10 ? mp + 3 : mp - 9);

  *year = year_of_era + era * 400 + (m <= 2);
  *month = m;
  *day = d;
}

static gint64
offset_seconds (const MerDate *date)
{
  return date->has_offset ? (gint64) date->offset_minutes * 60 : 0;
}

/**
 * mer_date_first_second:
 *
 * Returns: the first second covered by @date, counted from 1970-01-01T00:00Z.
 *   Dates without a time are calendar days and are read as UTC.
 */
gint64
mer_date_first_second (const MerDate *date)
{
  guint month = date->precision >= MER_DATE_PRECISION_MONTH ? date->month : 1;
  guint day = date->precision >= MER_DATE_PRECISION_DAY ? date->day : 1;
  gint64 s = mer_date_days_from_civil (date->year, month, day) * SECONDS_PER_DAY;

  s += (gint64) date->hour * 3600 + date->minute * 60 + date->second;
  return s - offset_seconds (date);
}

/**
 * mer_date_from_second:
 * @second: seconds as mer_date_first_second() counts them
 * @date: (out): the day that holds @second, at day precision
 */
void
mer_date_from_second (gint64   second,
                      MerDate *date)
{
  gint64 days = second >= 0 ? second / SECONDS_PER_DAY : -((-second + SECONDS_PER_DAY - 1) / SECONDS_PER_DAY);
  gint64 year;
  guint month, day;

  g_return_if_fail (date != NULL);

  mer_date_civil_from_days (days, &year, &month, &day);
  *date = (MerDate) { .year = year, .month = (guint8) month, .day = (guint8) day,
                      .precision = MER_DATE_PRECISION_DAY };
}

/**
 * mer_date_last_second:
 *
 * Returns: the last second covered by @date, inclusive at its precision:
 *   "2016" ends at 2016-12-31T23:59:59.
 */
gint64
mer_date_last_second (const MerDate *date)
{
  gint64 days;

  switch ((MerDatePrecision) date->precision)
    {
    case MER_DATE_PRECISION_YEAR:
      days = mer_date_days_from_civil (date->year + 1, 1, 1);
      return days * SECONDS_PER_DAY - 1;

    case MER_DATE_PRECISION_MONTH:
      days = mer_date_days_from_civil (date->year, date->month, 1) +
             mer_date_days_in_month (date->year, date->month);
      return days * SECONDS_PER_DAY - 1;

    case MER_DATE_PRECISION_DAY:
      days = mer_date_days_from_civil (date->year, date->month, date->day) + 1;
      return days * SECONDS_PER_DAY - 1;

    case MER_DATE_PRECISION_MINUTE:
      return mer_date_first_second (date) + 59;

    case MER_DATE_PRECISION_SECOND:
    default:
      return mer_date_first_second (date);
    }
}

/**
 * mer_date_compare:
 *
 * A total order: by first second, then by last second (so "2016" sorts
 * after "2016-01-01"), then by precision and offset, so that only equal
 * dates compare equal.
 */
int
mer_date_compare (const MerDate *a,
                  const MerDate *b)
{
  gint64 x, y;

  /* Without offsets, the first seconds are in the order of the fields they
   * are counted from, and sorting a hundred thousand events is spared the
   * calendar's arithmetic. */
  if (!a->has_offset && !b->has_offset)
    {
      guint x_fields[] = { a->precision >= MER_DATE_PRECISION_MONTH ? a->month : 1,
                           a->precision >= MER_DATE_PRECISION_DAY ? a->day : 1, a->hour, a->minute, a->second };
      guint y_fields[] = { b->precision >= MER_DATE_PRECISION_MONTH ? b->month : 1,
                           b->precision >= MER_DATE_PRECISION_DAY ? b->day : 1, b->hour, b->minute, b->second };

      if (a->year != b->year)
        return a->year < b->year ? -1 : 1;
      for (guint i = 0; i < G_N_ELEMENTS (x_fields); i++)
        if (x_fields[i] != y_fields[i])
          return x_fields[i] < y_fields[i] ? -1 : 1;
      if (a->precision == b->precision && a->offset_minutes == b->offset_minutes)
        return 0;
    }
  else
    {
      x = mer_date_first_second (a);
      y = mer_date_first_second (b);
      if (x != y)
        return x < y ? -1 : 1;
    }

  x = mer_date_last_second (a);
  y = mer_date_last_second (b);
  if (x != y)
    return x < y ? -1 : 1;

  if (a->precision != b->precision)
    return a->precision < b->precision ? -1 : 1;
  if (a->has_offset != b->has_offset)
    return a->has_offset < b->has_offset ? -1 : 1;
  if (a->offset_minutes != b->offset_minutes)
    return a->offset_minutes < b->offset_minutes ? -1 : 1;

  return 0;
}

/* The month as written inside a full date ("15 Dec 2016"): in Russian the
 * genitive ("15 декабря"), in Japanese a number ("12月"). */
static const char * const month_in_date[] = {
  NC_("month in a date", "Jan"), NC_("month in a date", "Feb"), NC_("month in a date", "Mar"),
  NC_("month in a date", "Apr"), NC_("month in a date", "May"), NC_("month in a date", "Jun"),
  NC_("month in a date", "Jul"), NC_("month in a date", "Aug"), NC_("month in a date", "Sep"),
  NC_("month in a date", "Oct"), NC_("month in a date", "Nov"), NC_("month in a date", "Dec"),
};

/* The month alone with its year ("Dec 2016"): the Russian nominative. */
static const char * const month_alone[] = {
  NC_("month and year", "Jan"), NC_("month and year", "Feb"), NC_("month and year", "Mar"),
  NC_("month and year", "Apr"), NC_("month and year", "May"), NC_("month and year", "Jun"),
  NC_("month and year", "Jul"), NC_("month and year", "Aug"), NC_("month and year", "Sep"),
  NC_("month and year", "Oct"), NC_("month and year", "Nov"), NC_("month and year", "Dec"),
};

static const char *
month_in_date_name (guint month)
{
  return g_dpgettext2 (NULL, "month in a date", month_in_date[month - 1]);
}

static const char *
month_alone_name (guint month)
{
  return g_dpgettext2 (NULL, "month and year", month_alone[month - 1]);
}

/* Every piece of a displayed date goes through one translatable pattern, so
 * that each language orders day, month and year its own way: "15 Dec 2016",
 * "2016年12月15日", "15 декабря 2016 г.". The patterns use positional
 * arguments, all of them strings. */

static char *
format_year (gint64 year)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, year >= 1 ? year : 1 - year);

  if (year >= 1)
    /* Translators: a year, e.g. "2016"; Japanese "%s年" */
    return g_strdup_printf (C_("date", "%s"), number);
  /* Translators: a year before year 1, e.g. "481 BC" */
  return g_strdup_printf (C_("date", "%s BC"), number);
}

static char *
format_day_date (const MerDate *date)
{
  g_autofree char *day = g_strdup_printf ("%u", date->day);
  g_autofree char *year = format_year (date->year);

  /* Translators: day, month (from "month in a date"), year (with its own
   * pattern applied), e.g. "15 Dec 2016"; reorder with %3$s etc. */
  return g_strdup_printf (C_("date", "%1$s %2$s %3$s"), day, month_in_date_name (date->month), year);
}

static char *
format_month_date (const MerDate *date)
{
  g_autofree char *year = format_year (date->year);

  /* Translators: month (from "month and year"), year, e.g. "Dec 2016" */
  return g_strdup_printf (C_("date", "%1$s %2$s"), month_alone_name (date->month), year);
}

static char *
format_date (const MerDate *date)
{
  g_autofree char *text = NULL;
  g_autofree char *time = NULL;
  int off = date->offset_minutes;

  switch ((MerDatePrecision) date->precision)
    {
    case MER_DATE_PRECISION_YEAR:
      return format_year (date->year);
    case MER_DATE_PRECISION_MONTH:
      return format_month_date (date);
    case MER_DATE_PRECISION_DAY:
      return format_day_date (date);
    case MER_DATE_PRECISION_MINUTE:
    case MER_DATE_PRECISION_SECOND:
    default:
      break;
    }

  text = format_day_date (date);
  if (date->precision >= MER_DATE_PRECISION_SECOND)
    time = g_strdup_printf ("%02u:%02u:%02u", date->hour, date->minute, date->second);
  else
    time = g_strdup_printf ("%02u:%02u", date->hour, date->minute);
  if (date->has_offset)
    {
      g_autofree char *local = g_steal_pointer (&time);

      if (off == 0)
        time = g_strdup_printf ("%s UTC", local);
      else
        time = g_strdup_printf ("%s UTC%c%02d:%02d", local, off < 0 ? '-' : '+', ABS (off) / 60, ABS (off) % 60);
    }

  /* Translators: a date, then a time of day, e.g. "15 Dec 2016, 10:30" */
  return g_strdup_printf (C_("date", "%1$s, %2$s"), text, time);
}

static char *
format_circa (char *text,
              gboolean circa)
{
  char *result;

  if (!circa)
    return text;

  /* Translators: an approximate date, e.g. "c. 1780" */
  result = g_strdup_printf (C_("date", "c. %s"), text);
  g_free (text);
  return result;
}

/**
 * mer_date_format:
 * @date: a date
 * @circa: whether the date is approximate
 *
 * Returns: (transfer full): @date for display at its precision: "1905",
 *   "Dec 2016", "15 Dec 2016", "c. 1780", "481 BC"
 */
char *
mer_date_format (const MerDate *date,
                 gboolean       circa)
{
  g_return_val_if_fail (date != NULL, NULL);

  return format_circa (format_date (date), circa);
}

/**
 * mer_date_format_range:
 * @start: the first date
 * @end: (nullable): the inclusive last date
 * @circa: whether the dates are approximate
 *
 * Returns: (transfer full): the span for display, shared parts written once:
 *   "15–16 Dec 2016", "Mar–Jun 2014", "1904–1905", "Feb 1904 – Sep 1905"
 */
char *
mer_date_format_range (const MerDate *start,
                       const MerDate *end,
                       gboolean       circa)
{
  g_autofree char *year = NULL;
  char *text;

  g_return_val_if_fail (start != NULL, NULL);

  if (end == NULL || mer_date_compare (start, end) == 0)
    return mer_date_format (start, circa);

  if (start->precision == end->precision && start->year == end->year &&
      start->precision == MER_DATE_PRECISION_DAY)
    {
      g_autofree char *first_day = g_strdup_printf ("%u", start->day);
      g_autofree char *last_day = g_strdup_printf ("%u", end->day);

      year = format_year (end->year);
      if (start->month == end->month)
        /* Translators: first day, last day, month (from "month in a
         * date"), year, e.g. "15–16 Dec 2016" */
        text = g_strdup_printf (C_("date", "%1$s–%2$s %3$s %4$s"), first_day, last_day,
                                month_in_date_name (end->month), year);
      else
        /* Translators: first day, its month, last day, its month, year,
         * e.g. "30 Nov – 2 Dec 2016" */
        text = g_strdup_printf (C_("date", "%1$s %2$s – %3$s %4$s %5$s"), first_day,
                                month_in_date_name (start->month), last_day, month_in_date_name (end->month), year);
    }
  else if (start->precision == end->precision && start->year == end->year &&
           start->precision == MER_DATE_PRECISION_MONTH)
    {
      year = format_year (end->year);
      /* Translators: first month, last month (from "month and year"),
       * year, e.g. "Mar–Jun 2014" */
      text = g_strdup_printf (C_("date", "%1$s–%2$s %3$s"), month_alone_name (start->month),
                              month_alone_name (end->month), year);
    }
  else if (start->precision == MER_DATE_PRECISION_YEAR && end->precision == MER_DATE_PRECISION_YEAR &&
           (start->year >= 1) == (end->year >= 1))
    {
      g_autofree char *first = g_strdup_printf ("%" G_GINT64_FORMAT, start->year >= 1 ? start->year : 1 - start->year);
      g_autofree char *last = g_strdup_printf ("%" G_GINT64_FORMAT, end->year >= 1 ? end->year : 1 - end->year);

      if (start->year >= 1)
        /* Translators: a span of years, e.g. "1904–1905" */
        text = g_strdup_printf (C_("date", "%1$s–%2$s"), first, last);
      else
        /* Translators: a span of years before year 1, e.g. "500–480 BC" */
        text = g_strdup_printf (C_("date", "%1$s–%2$s BC"), first, last);
    }
  else
    {
      g_autofree char *first = format_date (start);
      g_autofree char *last = format_date (end);

      /* Translators: a span between two dates written in full, e.g.
       * "Feb 1904 – Sep 1905" */
      text = g_strdup_printf (C_("date", "%1$s – %2$s"), first, last);
    }

  return format_circa (text, circa);
}

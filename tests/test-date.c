/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mer-date.h"

typedef struct {
  const char *text;
  gint64      year;
  guint       month;
  guint       day;
  guint       hour;
  guint       minute;
  guint       second;
  MerDatePrecision precision;
  gboolean    has_offset;
  int         offset_minutes;
} ParseCase;

static const ParseCase valid_dates[] = {
  { "2016", 2016, 0, 0, 0, 0, 0, MER_DATE_PRECISION_YEAR, FALSE, 0 },
  { "2016-12", 2016, 12, 0, 0, 0, 0, MER_DATE_PRECISION_MONTH, FALSE, 0 },
  { "2016-12-15", 2016, 12, 15, 0, 0, 0, MER_DATE_PRECISION_DAY, FALSE, 0 },
  { "2016-12-15T10:30", 2016, 12, 15, 10, 30, 0, MER_DATE_PRECISION_MINUTE, FALSE, 0 },
  { "2016-12-15T10:30:59", 2016, 12, 15, 10, 30, 59, MER_DATE_PRECISION_SECOND, FALSE, 0 },
  { "2016-12-15T10:30Z", 2016, 12, 15, 10, 30, 0, MER_DATE_PRECISION_MINUTE, TRUE, 0 },
  { "2016-12-15T10:30+09:00", 2016, 12, 15, 10, 30, 0, MER_DATE_PRECISION_MINUTE, TRUE, 540 },
  { "2016-12-15T10:30:05-03:30", 2016, 12, 15, 10, 30, 5, MER_DATE_PRECISION_SECOND, TRUE, -210 },
  { "0000", 0, 0, 0, 0, 0, 0, MER_DATE_PRECISION_YEAR, FALSE, 0 },
  { "-0480", -480, 0, 0, 0, 0, 0, MER_DATE_PRECISION_YEAR, FALSE, 0 },
  { "-0480-09", -480, 9, 0, 0, 0, 0, MER_DATE_PRECISION_MONTH, FALSE, 0 },
  { "+12000", 12000, 0, 0, 0, 0, 0, MER_DATE_PRECISION_YEAR, FALSE, 0 },
  { "123456789-01-01", 123456789, 1, 1, 0, 0, 0, MER_DATE_PRECISION_DAY, FALSE, 0 },
  { "2000-02-29", 2000, 2, 29, 0, 0, 0, MER_DATE_PRECISION_DAY, FALSE, 0 },
  { "2016-02-29", 2016, 2, 29, 0, 0, 0, MER_DATE_PRECISION_DAY, FALSE, 0 },
  { "-0004-02-29", -4, 2, 29, 0, 0, 0, MER_DATE_PRECISION_DAY, FALSE, 0 },
  { "0000-02-29", 0, 2, 29, 0, 0, 0, MER_DATE_PRECISION_DAY, FALSE, 0 },
};

typedef struct {
  const char *text;
  int         code;
  const char *message;
} InvalidCase;

#define SYNTAX "expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss][Z|±hh:mm]"

static const InvalidCase invalid_dates[] = {
  { "", MER_DATE_ERROR_SYNTAX, SYNTAX },
  { "2016-13-01", MER_DATE_ERROR_RANGE, "month 13" },
  { "2016-00", MER_DATE_ERROR_RANGE, "month 0" },
  { "2016-12-32", MER_DATE_ERROR_RANGE, "day 32" },
  { "2016-12-00", MER_DATE_ERROR_RANGE, "day 0" },
  { "2015-02-29", MER_DATE_ERROR_RANGE, "February 2015 has 28 days" },
  { "1900-02-29", MER_DATE_ERROR_RANGE, "February 1900 has 28 days" },
  { "2016-04-31", MER_DATE_ERROR_RANGE, "April 2016 has 30 days" },
  { "-0001-02-29", MER_DATE_ERROR_RANGE, "February -1 has 28 days" },
  { "2016-12-15T24:00", MER_DATE_ERROR_RANGE, "hour 24" },
  { "2016-12-15T10:60", MER_DATE_ERROR_RANGE, "minute 60" },
  { "2016-12-15T10:30:60", MER_DATE_ERROR_RANGE, "second 60" },
  { "2016-12-15T10:30+15:00", MER_DATE_ERROR_RANGE, "offset +15:00" },
  { "2016-12-15T10:30+09:60", MER_DATE_ERROR_RANGE, "offset +09:60" },
  { "16", MER_DATE_ERROR_SYNTAX, "a year needs at least 4 digits" },
  { "480", MER_DATE_ERROR_SYNTAX, "a year needs at least 4 digits" },
  { "1234567890", MER_DATE_ERROR_RANGE, "year has more than 9 digits" },
  { "2016-1-5", MER_DATE_ERROR_SYNTAX, SYNTAX },
  { "2016/12/15", MER_DATE_ERROR_SYNTAX, SYNTAX },
  { "2016-12-15 10:30", MER_DATE_ERROR_SYNTAX, SYNTAX },
  { "2016-12-15T10", MER_DATE_ERROR_SYNTAX, SYNTAX },
  { "2016-12-15T10:30+0900", MER_DATE_ERROR_SYNTAX, SYNTAX },
  { "2016-12-15Z", MER_DATE_ERROR_SYNTAX, SYNTAX },
  { "15 December 2016", MER_DATE_ERROR_SYNTAX, SYNTAX },
  { "2016 ", MER_DATE_ERROR_SYNTAX, SYNTAX },
  { "-", MER_DATE_ERROR_SYNTAX, SYNTAX },
};

static void
test_parse_valid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (valid_dates); i++)
    {
      const ParseCase *c = &valid_dates[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *iso = NULL;
      MerDate date;

      g_test_message ("%s", c->text);
      g_assert_true (mer_date_parse (c->text, &date, &error));
      g_assert_no_error (error);
      g_assert_cmpint (date.year, ==, c->year);
      g_assert_cmpuint (date.month, ==, c->month);
      g_assert_cmpuint (date.day, ==, c->day);
      g_assert_cmpuint (date.hour, ==, c->hour);
      g_assert_cmpuint (date.minute, ==, c->minute);
      g_assert_cmpuint (date.second, ==, c->second);
      g_assert_cmpuint (date.precision, ==, c->precision);
      g_assert_cmpuint (date.has_offset, ==, c->has_offset);
      g_assert_cmpint (date.offset_minutes, ==, c->offset_minutes);

      /* Written back at its own precision; "+12000" normalises its sign. */
      iso = mer_date_to_iso (&date);
      g_assert_cmpstr (iso, ==, c->text[0] == '+' ? c->text + 1 : c->text);
    }
}

static void
test_parse_invalid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (invalid_dates); i++)
    {
      const InvalidCase *c = &invalid_dates[i];
      g_autoptr(GError) error = NULL;
      MerDate date = { 0 };

      g_test_message ("%s", c->text);
      g_assert_false (mer_date_parse (c->text, &date, &error));
      g_assert_error (error, MER_DATE_ERROR, c->code);
      g_assert_cmpstr (error->message, ==, c->message);
    }
}

typedef struct {
  const char *text;
  gboolean    circa;
  const char *expected;
} FormatCase;

static const FormatCase formats[] = {
  { "1905", FALSE, "1905" },
  { "2016-12", FALSE, "Dec 2016" },
  { "2016-12-15", FALSE, "15 Dec 2016" },
  { "1780", TRUE, "c. 1780" },
  { "-0480", FALSE, "481 BC" },
  { "0000", FALSE, "1 BC" },
  { "0001", FALSE, "1" },
  { "-0480-09", TRUE, "c. Sep 481 BC" },
  { "+12000", FALSE, "12000" },
  { "2016-12-15T10:30", FALSE, "15 Dec 2016, 10:30" },
  { "2016-12-15T10:30Z", FALSE, "15 Dec 2016, 10:30 UTC" },
  { "2016-12-15T10:30:05+09:00", FALSE, "15 Dec 2016, 10:30:05 UTC+09:00" },
  { "2016-12-15T10:30-03:30", FALSE, "15 Dec 2016, 10:30 UTC-03:30" },
};

static void
test_format (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *text = NULL;
      MerDate date;

      g_assert_true (mer_date_parse (formats[i].text, &date, NULL));
      text = mer_date_format (&date, formats[i].circa);
      g_assert_cmpstr (text, ==, formats[i].expected);
    }
}

typedef struct {
  const char *start;
  const char *end;
  gboolean    circa;
  const char *expected;
} RangeCase;

static const RangeCase ranges[] = {
  { "2016-12-15", "2016-12-16", FALSE, "15–16 Dec 2016" },
  { "2016-11-30", "2016-12-02", FALSE, "30 Nov – 2 Dec 2016" },
  { "2014-03", "2014-06", FALSE, "Mar–Jun 2014" },
  { "1904", "1905", FALSE, "1904–1905" },
  { "1904", "1905", TRUE, "c. 1904–1905" },
  { "-0500", "-0479", FALSE, "501–480 BC" },
  { "-0010", "0010", FALSE, "11 BC – 10" },
  { "1904-02-08", "1905-09-05", FALSE, "8 Feb 1904 – 5 Sep 1905" },
  { "1945-08-18", "1945-09", FALSE, "18 Aug 1945 – Sep 1945" },
  { "2016-12-15", "2016-12-15", FALSE, "15 Dec 2016" },
  { "2016-12-15", NULL, FALSE, "15 Dec 2016" },
};

static void
test_format_range (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    {
      g_autofree char *text = NULL;
      MerDate start, end;

      g_assert_true (mer_date_parse (ranges[i].start, &start, NULL));
      if (ranges[i].end != NULL)
        g_assert_true (mer_date_parse (ranges[i].end, &end, NULL));
      text = mer_date_format_range (&start, ranges[i].end != NULL ? &end : NULL, ranges[i].circa);
      g_assert_cmpstr (text, ==, ranges[i].expected);
    }
}

static gint64
first_of (const char *text)
{
  MerDate date;

  g_assert_true (mer_date_parse (text, &date, NULL));
  return mer_date_first_second (&date);
}

static gint64
last_of (const char *text)
{
  MerDate date;

  g_assert_true (mer_date_parse (text, &date, NULL));
  return mer_date_last_second (&date);
}

static void
test_seconds (void)
{
  /* Against the Unix epoch; values checked with date(1). */
  g_assert_cmpint (first_of ("1970"), ==, 0);
  g_assert_cmpint (first_of ("2016-12-15"), ==, G_GINT64_CONSTANT (1481760000));
  g_assert_cmpint (last_of ("2016-12-15"), ==, G_GINT64_CONSTANT (1481846399));
  g_assert_cmpint (first_of ("2016-12-15T10:30+09:00"), ==, G_GINT64_CONSTANT (1481765400));
  g_assert_cmpint (first_of ("2016-12-15T01:30Z"), ==, G_GINT64_CONSTANT (1481765400));
  g_assert_cmpint (last_of ("2016-12-15T10:30"), ==, G_GINT64_CONSTANT (1481797859));

  /* An end is inclusive at its precision. */
  g_assert_cmpint (last_of ("2016"), ==, first_of ("2017") - 1);
  g_assert_cmpint (last_of ("2016-02"), ==, first_of ("2016-03") - 1);
  g_assert_cmpint (last_of ("2015-02"), ==, first_of ("2015-03") - 1);
  g_assert_cmpint (last_of ("2016-02") - first_of ("2016-02") + 1, ==, 29 * 86400);
  g_assert_cmpint (last_of ("2016") - first_of ("2016") + 1, ==, 366 * 86400);
  g_assert_cmpint (last_of ("1900") - first_of ("1900") + 1, ==, 365 * 86400);

  /* Year 0 is a leap year and directly precedes year 1. */
  g_assert_cmpint (last_of ("0000") - first_of ("0000") + 1, ==, 366 * 86400);
  g_assert_cmpint (last_of ("-0001"), ==, first_of ("0000") - 1);
  g_assert_cmpint (last_of ("0000"), ==, first_of ("0001") - 1);
  g_assert_cmpint (first_of ("0001-01-01"), ==, G_GINT64_CONSTANT (-62135596800));

  /* Far years do not overflow. */
  g_assert_cmpint (first_of ("999999999"), >, first_of ("9999"));
  g_assert_cmpint (first_of ("-999999999"), <, first_of ("-0480"));
}

static void
test_leap_years (void)
{
  g_assert_true (mer_date_is_leap_year (2000));
  g_assert_true (mer_date_is_leap_year (2016));
  g_assert_false (mer_date_is_leap_year (1900));
  g_assert_false (mer_date_is_leap_year (2015));
  g_assert_true (mer_date_is_leap_year (0));
  g_assert_true (mer_date_is_leap_year (-4));
  g_assert_false (mer_date_is_leap_year (-100));
  g_assert_true (mer_date_is_leap_year (-400));
  g_assert_cmpuint (mer_date_days_in_month (2016, 2), ==, 29);
  g_assert_cmpuint (mer_date_days_in_month (2015, 2), ==, 28);
  g_assert_cmpuint (mer_date_days_in_month (2015, 12), ==, 31);
}

static void
test_civil_round_trip (void)
{
  static const gint64 years[] = { -100000, -481, -4, 0, 1, 1582, 1900, 1970, 2000, 2016, 9999, 123456 };

  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    for (guint month = 1; month <= 12; month++)
      for (guint day = 1; day <= mer_date_days_in_month (years[i], month); day++)
        {
          gint64 days = mer_date_days_from_civil (years[i], month, day);
          gint64 y;
          guint m, d;

          mer_date_civil_from_days (days, &y, &m, &d);
          g_assert_cmpint (y, ==, years[i]);
          g_assert_cmpuint (m, ==, month);
          g_assert_cmpuint (d, ==, day);
        }
}

static void
test_order (void)
{
  /* Strictly ascending; of dates starting together, the shorter first. */
  static const char *sorted[] = {
    "-0480", "0000", "0001", "1855-02-07", "1904-01-01", "1904-01", "1904", "1904-02", "1904-02-08",
    "2016-12-15T01:00+09:00", "2016-12-15T00:00:00", "2016-12-15T00:00", "2016-12-15",
    "2016-12-15T10:30", "2016-12-15T10:30Z", "2016-12-16", "12000",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sorted); i++)
    for (guint j = 0; j < G_N_ELEMENTS (sorted); j++)
      {
        MerDate a, b;
        int expected = i < j ? -1 : i > j ? 1 : 0;

        g_assert_true (mer_date_parse (sorted[i], &a, NULL));
        g_assert_true (mer_date_parse (sorted[j], &b, NULL));
        g_test_message ("%s vs %s", sorted[i], sorted[j]);
        g_assert_cmpint (mer_date_compare (&a, &b), ==, expected);
      }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/date/parse-valid", test_parse_valid);
  g_test_add_func ("/core/date/parse-invalid", test_parse_invalid);
  g_test_add_func ("/core/date/format", test_format);
  g_test_add_func ("/core/date/format-range", test_format_range);
  g_test_add_func ("/core/date/seconds", test_seconds);
  g_test_add_func ("/core/date/leap-years", test_leap_years);
  g_test_add_func ("/core/date/order", test_order);
  g_test_add_func ("/core/date/civil-round-trip", test_civil_round_trip);

  return g_test_run ();
}

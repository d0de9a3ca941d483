/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-date"

#include "config.h"

#include "fuzz-common.h"

#include <string.h>

#include "mer-date.h"

/* The date parser, and everything a parsed date is then put through: an
 * input is one date, or two on two lines, read as the start and end of a
 * span. */

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

static void
check_date (const MerDate *date)
{
  g_autofree char *iso = mer_date_to_iso (date);
  g_autofree char *text = mer_date_format (date, FALSE);
  g_autofree char *circa = mer_date_format (date, TRUE);
  g_autoptr(GError) error = NULL;
  MerDate again;
  gint64 year;
  guint month, day;

  /* Written back, a date reads as itself, field for field. */
  g_assert_true (mer_date_parse (iso, &again, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mer_date_compare (date, &again), ==, 0);
  g_assert_cmpint (again.year, ==, date->year);
  g_assert_cmpuint (again.month, ==, date->month);
  g_assert_cmpuint (again.day, ==, date->day);
  g_assert_cmpuint (again.hour, ==, date->hour);
  g_assert_cmpuint (again.minute, ==, date->minute);
  g_assert_cmpuint (again.second, ==, date->second);
  g_assert_cmpuint (again.precision, ==, date->precision);
  g_assert_cmpuint (again.has_offset, ==, date->has_offset);
  g_assert_cmpint (again.offset_minutes, ==, date->offset_minutes);

  g_assert_cmpint (mer_date_first_second (date), <=, mer_date_last_second (date));

  mer_date_civil_from_days (mer_date_days_from_civil (date->year, MAX (date->month, 1), MAX (date->day, 1)),
                            &year, &month, &day);
  g_assert_cmpint (year, ==, date->year);
  g_assert_cmpuint (month, ==, MAX (date->month, 1));
  g_assert_cmpuint (day, ==, MAX (date->day, 1));

  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_true (g_str_has_prefix (circa, "c. ") && g_str_equal (circa + 3, text));
}

static gboolean
parse (const char *text,
       MerDate    *date)
{
  g_autoptr(GError) error = NULL;

  if (!mer_date_parse (text, date, &error))
    {
      g_assert_error (error, MER_DATE_ERROR, error->code);
      g_assert_true (error->code == MER_DATE_ERROR_SYNTAX || error->code == MER_DATE_ERROR_RANGE);
      return FALSE;
    }

  g_assert_no_error (error);
  check_date (date);
  return TRUE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  char *newline = strchr (text, '\n');
  const char *second = NULL;
  MerDate start, end;

  if (newline != NULL)
    {
      *newline = '\0';
      second = newline + 1;
    }

  if (!parse (text, &start))
    return 0;

  if (second != NULL && parse (second, &end))
    {
      g_autofree char *range = mer_date_format_range (&start, &end, FALSE);

      g_assert_true (g_utf8_validate (range, -1, NULL));
    }
  else
    {
      g_autofree char *range = mer_date_format_range (&start, NULL, TRUE);
      g_autofree char *single = mer_date_format (&start, TRUE);

      g_assert_cmpstr (range, ==, single);
    }
  return 0;
}

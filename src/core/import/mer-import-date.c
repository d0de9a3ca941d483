/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-import-date"

#include "config.h"

#include "mer-import-date.h"

#include <stdio.h>
#include <string.h>

/* Dates as spreadsheets and GIS tools write them. ISO 8601 comes first; the
 * other forms are read only where they cannot be misread: a month written
 * as a word, or slashes whose order the caller has settled. Years follow
 * ISO 8601 (astronomical: 0 is 1 BC). */

#define HINT "expected an ISO 8601 date (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDThh:mm[:ss][Z|±hh:mm]), " \
             "a year, or a date with its month as a word (15 March 2020)"

static const char * const month_names[] = {
  "january", "february", "march", "april", "may", "june",
  "july", "august", "september", "october", "november", "december",
};

/* Returns 1..12 for a month name or its three-letter abbreviation. */
static int
month_from_word (const char *word,
                 gsize       length)
{
  g_autofree char *lower = g_ascii_strdown (word, (gssize) length);

  if (length > 0 && lower[length - 1] == '.')
    lower[--length] = '\0';

  for (guint i = 0; i < 12; i++)
    if ((length == 3 && strncmp (month_names[i], lower, 3) == 0) ||
        (length == 4 && i == 8 && g_str_equal (lower, "sept")) ||
        g_str_equal (month_names[i], lower))
      return (int) i + 1;

  return 0;
}

static gboolean
build (gint64    year,
       int       month,
       int       day,
       MerDate  *date,
       GError  **error)
{
  g_autofree char *iso = NULL;

  if (day > 0)
    iso = g_strdup_printf ("%s%04" G_GINT64_FORMAT "-%02d-%02d", year < 0 ? "-" : "", ABS (year), month, day);
  else if (month > 0)
    iso = g_strdup_printf ("%s%04" G_GINT64_FORMAT "-%02d", year < 0 ? "-" : "", ABS (year), month);
  else
    iso = g_strdup_printf ("%s%04" G_GINT64_FORMAT, year < 0 ? "-" : "", ABS (year));

  return mer_date_parse (iso, date, error);
}

/* Splits @text into words of letters and numbers, dropping ",", " " and ".". */
static GPtrArray *
words (const char *text)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;

  while (*p != '\0')
    {
      const char *start;

      while (*p == ' ' || *p == ',' || *p == '\t')
        p++;
      if (*p == '\0')
        break;
      start = p;
      while (*p != '\0' && *p != ' ' && *p != ',' && *p != '\t')
        p++;
      g_ptr_array_add (result, g_strndup (start, (gsize) (p - start)));
    }

  return result;
}

static gboolean
is_number (const char *text,
           gint64     *value)
{
  char *end;

  if (*text == '\0' || !g_ascii_isdigit (*text))
    return FALSE;
  *value = g_ascii_strtoll (text, &end, 10);

  /* "15th" */
  if (g_ascii_strcasecmp (end, "st") == 0 || g_ascii_strcasecmp (end, "nd") == 0 ||
      g_ascii_strcasecmp (end, "rd") == 0 || g_ascii_strcasecmp (end, "th") == 0)
    return TRUE;
  return *end == '\0';
}

/* "15 March 2020", "March 15, 2020", "Mar 2020", "15-Mar-2020". */
static gboolean
parse_words (const char *text,
             MerDate    *date,
             GError    **error)
{
  g_autofree char *spaced = g_strdelimit (g_strdup (text), "-/", ' ');
  g_autoptr(GPtrArray) parts = words (spaced);
  int month = 0, month_at = -1;
  gint64 numbers[2];
  guint n_numbers = 0;

  for (guint i = 0; i < parts->len; i++)
    {
      const char *w = g_ptr_array_index (parts, i);
      int m = month_from_word (w, strlen (w));

      if (m > 0 && month_at < 0)
        {
          month = m;
          month_at = (int) i;
        }
      else if (n_numbers < 2 && is_number (w, &numbers[n_numbers]))
        n_numbers++;
      else
        return FALSE;
    }

  if (month == 0 || n_numbers == 0)
    return FALSE;

  /* With two numbers, the one that is a year has more than two digits. */
  if (n_numbers == 1)
    return build (numbers[0], month, 0, date, error);
  if (numbers[0] <= 31 && numbers[1] > 31)
    return build (numbers[1], month, (int) numbers[0], date, error);
  if (numbers[1] <= 31 && numbers[0] > 31)
    return build (numbers[0], month, (int) numbers[1], date, error);

  return FALSE;
}

/* "2020-01-15 10:30:00.250+0100" → "2020-01-15T10:30:00+01:00" */
static char *
normalise_iso (const char *text)
{
  GString *s = g_string_new (NULL);
  const char *p = text;
  guint digits = 0;

  if (*p == '-' || *p == '+')
    g_string_append_c (s, *p++);
  while (g_ascii_isdigit (p[digits]))
    digits++;
  /* mer_date_parse() wants at least four year digits. */
  for (guint i = digits; i < 4 && p[digits] == '-'; i++)
    g_string_append_c (s, '0');
  g_string_append_len (s, p, digits);
  p += digits;

  for (; *p != '\0'; p++)
    {
      if (*p == ' ' && s->len >= 10 && g_ascii_isdigit (p[1]) && strchr (s->str, 'T') == NULL)
        g_string_append_c (s, 'T');
      else if (*p == '.' && strchr (s->str, 'T') != NULL && g_ascii_isdigit (p[1]))
        {
          /* Fractions of a second are finer than a MerDate. */
          while (g_ascii_isdigit (p[1]))
            p++;
        }
      else if ((*p == '+' || (*p == '-' && strchr (s->str, 'T') != NULL)) &&
               g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3]) &&
               g_ascii_isdigit (p[4]) && p[5] == '\0')
        {
          g_string_append_printf (s, "%c%c%c:%c%c", p[0], p[1], p[2], p[3], p[4]);
          break;
        }
      else if (*p == '+' && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) && p[3] == '\0')
        {
          g_string_append_printf (s, "+%c%c:00", p[1], p[2]);
          break;
        }
      else
        g_string_append_c (s, *p);
    }

  return g_string_free (s, FALSE);
}

/**
 * mer_import_date_day_order:
 *
 * Returns: the order a slashed or dotted date settles ("25/12/2020" is
 *   day first), or %MER_IMPORT_DAY_ORDER_UNKNOWN
 */
MerImportDayOrder
mer_import_date_day_order (const char *text)
{
  unsigned a, b, y;
  char sep1, sep2;
  int n = 0;

  /* The separator is a slash or a dot: other dates need no scan. */
  if (strpbrk (text, "/.") == NULL ||
      sscanf (text, " %u%c%u%c%u%n", &a, &sep1, &b, &sep2, &y, &n) != 5 || sep1 != sep2 ||
      (sep1 != '/' && sep1 != '.'))
    return MER_IMPORT_DAY_ORDER_UNKNOWN;

  /* "2016/12/15" is year first and says nothing of the others' order. */
  if (a > 31)
    return MER_IMPORT_DAY_ORDER_UNKNOWN;
  if (a > 12 && b <= 12)
    return MER_IMPORT_DAY_ORDER_DMY;
  if (b > 12 && a <= 12)
    return MER_IMPORT_DAY_ORDER_MDY;
  return MER_IMPORT_DAY_ORDER_UNKNOWN;
}

/**
 * mer_import_date_parse_text:
 * @order: how to read "03/04/2020"
 * @error: a #MER_DATE_ERROR saying what is wrong, for a message that quotes
 *   the text
 *
 * Returns: whether @text is a date
 */
gboolean
mer_import_date_parse_text (const char         *text,
                            MerImportDayOrder   order,
                            MerDate            *date,
                            GError            **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_autoptr(GError) iso_error = NULL;
  unsigned a, b, c;
  char sep1, sep2;
  int n = 0;
  gboolean has_separator;

  if (*trimmed == '\0')
    {
      g_set_error_literal (error, MER_DATE_ERROR, MER_DATE_ERROR_SYNTAX, "no date");
      return FALSE;
    }

  /* A year written as a spreadsheet number: "1421.0". */
  {
    char *end;
    gint64 year = g_ascii_strtoll (trimmed, &end, 10);

    if (end != trimmed && (*end == '\0' || g_str_equal (end, ".0")) &&
        (g_ascii_isdigit (*trimmed) || trimmed[0] == '-'))
      return build (year, 0, 0, date, error);
  }

  /* Both forms below have a slash or a dot; ISO dates, the most common,
   * are not scanned for them. */
  has_separator = strpbrk (trimmed, "/.") != NULL;

  /* "2020/01/15" */
  if (has_separator && sscanf (trimmed, "%u/%u/%u%n", &a, &b, &c, &n) == 3 && trimmed[n] == '\0' && a > 31)
    return build (a, (int) b, (int) c, date, error);

  /* "15/01/2020", "01/15/2020", "15.01.2020" */
  if (has_separator && sscanf (trimmed, "%u%c%u%c%u%n", &a, &sep1, &b, &sep2, &c, &n) == 5 && trimmed[n] == '\0' &&
      sep1 == sep2 && (sep1 == '/' || sep1 == '.') && c > 31)
    {
      MerImportDayOrder settled = mer_import_date_day_order (trimmed);

      if (settled != MER_IMPORT_DAY_ORDER_UNKNOWN)
        order = settled;
      else if (a == b)
        order = MER_IMPORT_DAY_ORDER_DMY;

      if (order == MER_IMPORT_DAY_ORDER_UNKNOWN)
        {
          g_set_error (error, MER_DATE_ERROR, MER_DATE_ERROR_SYNTAX,
                       "could be day/month or month/day; write it as YYYY-MM-DD");
          return FALSE;
        }

      if (order == MER_IMPORT_DAY_ORDER_DMY)
        return build (c, (int) b, (int) a, date, error);
      return build (c, (int) a, (int) b, date, error);
    }

  if (g_ascii_isdigit (trimmed[0]) || trimmed[0] == '-' || trimmed[0] == '+')
    {
      g_autofree char *iso = normalise_iso (trimmed);

      if (mer_date_parse (iso, date, &iso_error))
        return TRUE;
      if (iso_error->code == MER_DATE_ERROR_RANGE)
        {
          g_propagate_error (error, g_steal_pointer (&iso_error));
          return FALSE;
        }
    }

  if (parse_words (trimmed, date, error))
    return TRUE;
  if (error != NULL && *error != NULL)
    return FALSE;

  g_set_error_literal (error, MER_DATE_ERROR, MER_DATE_ERROR_SYNTAX, HINT);
  return FALSE;
}

/* Whether @text is a day of the month alone ("15"), and which. */
static gboolean
parse_day (const char *text,
           guint      *day)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  char *end;
  guint64 value = g_ascii_strtoull (trimmed, &end, 10);

  if (end == trimmed || *end != '\0' || value < 1 || value > 31)
    return FALSE;
  *day = (guint) value;
  return TRUE;
}

/* @date on another day of its month, when that day is in it. */
static gboolean
with_day (const MerDate *date,
          guint          day,
          MerDate       *out)
{
  if (date->precision != MER_DATE_PRECISION_DAY || day > mer_date_days_in_month (date->year, date->month))
    return FALSE;
  *out = *date;
  out->day = (guint8) day;
  return TRUE;
}

/* The two sides of a span, the left one completed from the right where it
 * leaves out what both share: "15–16 December 2016", "15 December – 16
 * December 2016", "December 15–16, 2016". */
static gboolean
parse_sides (const char        *left,
             const char        *right,
             MerImportDayOrder  order,
             MerDate           *start,
             MerDate           *end)
{
  guint day;

  if (mer_import_date_parse_text (right, order, end, NULL))
    {
      /* "15" before a day is that month's 15th, not the year 15. */
      if (parse_day (left, &day) && end->precision == MER_DATE_PRECISION_DAY)
        return with_day (end, day, start);
      /* "15 December" would read as December of the year 15: the right
       * side's year is tried first. */
      if (end->year > 0)
        {
          g_autofree char *spaced = g_strdup_printf ("%s %" G_GINT64_FORMAT, left, end->year);
          g_autofree char *comma = g_strdup_printf ("%s, %" G_GINT64_FORMAT, left, end->year);

          if (mer_import_date_parse_text (spaced, order, start, NULL) ||
              mer_import_date_parse_text (comma, order, start, NULL))
            return TRUE;
        }
      return mer_import_date_parse_text (left, order, start, NULL);
    }

  /* "December 15–16, 2016": the right side is a day and a year. */
  {
    g_auto(GStrv) parts = g_strsplit_set (right, ", ", -1);
    g_autofree char *year = NULL;
    g_autofree char *completed = NULL;
    guint n = 0;

    for (guint i = 0; parts[i] != NULL; i++)
      if (*parts[i] != '\0')
        parts[n++] = parts[i];
      else
        g_free (parts[i]);
    parts[n] = NULL;
    if (n != 2 || !parse_day (parts[0], &day))
      return FALSE;
    completed = g_strdup_printf ("%s, %s", left, parts[1]);
    return mer_import_date_parse_text (completed, order, start, NULL) && with_day (start, day, end);
  }
}

/**
 * mer_import_date_parse_span:
 * @has_end: (out): whether @text is a span, and @end its end
 *
 * As mer_import_date_parse_text(), or two dates with a dash or "to"
 * between them: "1904–1905", "1904-1905", "15–16 December 2016",
 * "December 15-16, 2016", "1945-08-15 to 1945-09-02". A span whose end is
 * before its start is not one.
 *
 * Returns: whether @text is a date or a span
 */
gboolean
mer_import_date_parse_span (const char         *text,
                            MerImportDayOrder   order,
                            MerDate            *start,
                            MerDate            *end,
                            gboolean           *has_end,
                            GError            **error)
{
  static const char * const separators[] = { " to ", " – ", " — ", " - ", "–", "—", "-", NULL };
  g_autoptr(GError) date_error = NULL;

  *has_end = FALSE;
  if (mer_import_date_parse_text (text, order, start, &date_error))
    return TRUE;

  /* Two dates in words fit in far less; longer text is not tried at every
   * dash. */
  if (strlen (text) > 64)
    {
      g_propagate_error (error, g_steal_pointer (&date_error));
      return FALSE;
    }

  /* Every place a separator could part it, after the first character (a
   * year's sign); the first that leaves two dates in order. */
  for (guint s = 0; separators[s] != NULL; s++)
    for (const char *at = strstr (text + (*text != '\0'), separators[s]); at != NULL;
         at = strstr (at + 1, separators[s]))
      {
        g_autofree char *left = g_strndup (text, (gsize) (at - text));

        if (parse_sides (left, at + strlen (separators[s]), order, start, end) &&
            mer_date_compare (start, end) < 0)
          {
            *has_end = TRUE;
            return TRUE;
          }
      }

  g_propagate_error (error, g_steal_pointer (&date_error));
  return FALSE;
}

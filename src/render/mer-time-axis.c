/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-time-axis"

#include "config.h"

#include "mer-time-axis.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "mer-date.h"

/* Where a time axis puts its ticks at any scale from the age of the
 * universe down to minutes, as a pure function of numbers: the timeline
 * widget and the export's timeline strip share it through the timeline
 * painter. */

typedef enum {
  UNIT_YEAR,
  UNIT_MONTH,
  UNIT_DAY,
  UNIT_HOUR,
  UNIT_MINUTE,
} Unit;

typedef struct {
  Unit   unit;
  gint64 count;
  double seconds;   /* about */
} Step;

#define YEAR_SECONDS (365.2425 * 86400)

static const Step steps[] = {
  { UNIT_MINUTE, 1, 60 },
  { UNIT_MINUTE, 5, 5 * 60 },
  { UNIT_MINUTE, 15, 15 * 60 },
  { UNIT_MINUTE, 30, 30 * 60 },
  { UNIT_HOUR, 1, 3600 },
  { UNIT_HOUR, 3, 3 * 3600 },
  { UNIT_HOUR, 6, 6 * 3600 },
  { UNIT_DAY, 1, 86400 },
  { UNIT_DAY, 7, 7 * 86400 },
  { UNIT_MONTH, 1, YEAR_SECONDS / 12 },
  { UNIT_MONTH, 3, YEAR_SECONDS / 4 },
  { UNIT_YEAR, 1, YEAR_SECONDS },
  { UNIT_YEAR, 2, 2 * YEAR_SECONDS },
  { UNIT_YEAR, 5, 5 * YEAR_SECONDS },
  { UNIT_YEAR, 10, 10 * YEAR_SECONDS },
  { UNIT_YEAR, 20, 20 * YEAR_SECONDS },
  { UNIT_YEAR, 50, 50 * YEAR_SECONDS },
  { UNIT_YEAR, 100, 100 * YEAR_SECONDS },
  { UNIT_YEAR, 200, 200 * YEAR_SECONDS },
  { UNIT_YEAR, 500, 500 * YEAR_SECONDS },
  { UNIT_YEAR, 1000, 1000 * YEAR_SECONDS },
  { UNIT_YEAR, 2000, 2000 * YEAR_SECONDS },
  { UNIT_YEAR, 5000, 5000 * YEAR_SECONDS },
  { UNIT_YEAR, 10000, 10000 * YEAR_SECONDS },
  { UNIT_YEAR, 20000, 20000 * YEAR_SECONDS },
  { UNIT_YEAR, 50000, 50000 * YEAR_SECONDS },
  { UNIT_YEAR, 100000, 1e5 * YEAR_SECONDS },
  { UNIT_YEAR, 200000, 2e5 * YEAR_SECONDS },
  { UNIT_YEAR, 500000, 5e5 * YEAR_SECONDS },
  { UNIT_YEAR, 1000000, 1e6 * YEAR_SECONDS },
  { UNIT_YEAR, 2000000, 2e6 * YEAR_SECONDS },
  { UNIT_YEAR, 5000000, 5e6 * YEAR_SECONDS },
  { UNIT_YEAR, 10000000, 1e7 * YEAR_SECONDS },
  { UNIT_YEAR, 20000000, 2e7 * YEAR_SECONDS },
  { UNIT_YEAR, 50000000, 5e7 * YEAR_SECONDS },
  { UNIT_YEAR, 100000000, 1e8 * YEAR_SECONDS },
  { UNIT_YEAR, 200000000, 2e8 * YEAR_SECONDS },
  { UNIT_YEAR, 500000000, 5e8 * YEAR_SECONDS },
  { UNIT_YEAR, 1000000000, 1e9 * YEAR_SECONDS },
  { UNIT_YEAR, G_GINT64_CONSTANT (2000000000), 2e9 * YEAR_SECONDS },
  { UNIT_YEAR, G_GINT64_CONSTANT (5000000000), 5e9 * YEAR_SECONDS },
  { UNIT_YEAR, G_GINT64_CONSTANT (10000000000), 1e10 * YEAR_SECONDS },
  { UNIT_YEAR, G_GINT64_CONSTANT (20000000000), 2e10 * YEAR_SECONDS },
  { UNIT_YEAR, G_GINT64_CONSTANT (50000000000), 5e10 * YEAR_SECONDS },
};

/* Each in the interface's language: a tick's month, short; the month
 * over days ("December 2016"), where Russian takes the nominative; the
 * month in a day over hours ("15 December 2016"), the genitive. */
static const char * const months[] = {
  NC_("month on an axis", "Jan"), NC_("month on an axis", "Feb"), NC_("month on an axis", "Mar"),
  NC_("month on an axis", "Apr"), NC_("month on an axis", "May"), NC_("month on an axis", "Jun"),
  NC_("month on an axis", "Jul"), NC_("month on an axis", "Aug"), NC_("month on an axis", "Sep"),
  NC_("month on an axis", "Oct"), NC_("month on an axis", "Nov"), NC_("month on an axis", "Dec"),
};

static const char * const month_names[] = {
  NC_("month name", "January"), NC_("month name", "February"), NC_("month name", "March"),
  NC_("month name", "April"), NC_("month name", "May"), NC_("month name", "June"),
  NC_("month name", "July"), NC_("month name", "August"), NC_("month name", "September"),
  NC_("month name", "October"), NC_("month name", "November"), NC_("month name", "December"),
};

static const char * const month_names_in_date[] = {
  NC_("month name in a date", "January"), NC_("month name in a date", "February"),
  NC_("month name in a date", "March"), NC_("month name in a date", "April"),
  NC_("month name in a date", "May"), NC_("month name in a date", "June"),
  NC_("month name in a date", "July"), NC_("month name in a date", "August"),
  NC_("month name in a date", "September"), NC_("month name in a date", "October"),
  NC_("month name in a date", "November"), NC_("month name in a date", "December"),
};

static char *
format_year (gint64 year)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, year >= 1 ? year : 1 - year);

  if (year >= 1)
    return g_steal_pointer (&number);
  /* Translators: a year before year 1 on the timeline's axis, e.g. "481 BC" */
  return g_strdup_printf (C_("year on an axis", "%s BC"), number);
}

/* @years in the unit a language's message gives ("1000000000"), with the
 * decimals that tell ticks @step years apart, or %NULL when they do not
 * reach a whole unit. */
static char *
format_in_unit (gint64      years,
                gint64      step,
                const char *unit_text)
{
  double unit = g_ascii_strtod (unit_text, NULL);
  int decimals;
  char *number;
  gsize length;

  if (unit < 1 || years < unit)
    return NULL;
  decimals = (int) CLAMP (ceil (log10 (unit / step) - 1e-9), 0, 9);
  number = g_strdup_printf ("%.*f", decimals, years / unit);

  /* "13.8", not "13.80", whatever the language's decimal separator. */
  length = strlen (number);
  if (decimals > 0)
    {
      while (number[length - 1] == '0')
        length--;
      if (!g_ascii_isdigit (number[length - 1]))
        length--;
      number[length] = '\0';
    }
  return number;
}

/* The years before now in a language's large units, "13.8 billion years
 * ago": each language says how many years its units hold (Japanese counts
 * in 億, 10⁸, and 万, 10⁴: "138億年前"), and the larger unit the number
 * reaches is used. */
static char *
format_years_ago (gint64 years,
                  gint64 step)
{
  g_autofree char *number = NULL;

  /* Translators: how many years the unit of "%s billion years ago" holds,
   * in digits: 1000000000 in English, 100000000 for 億 */
  number = format_in_unit (years, step, C_("years in the unit of billions of years ago", "1000000000"));
  if (number != NULL)
    /* Translators: a time on the timeline's axis, e.g. "13.8 billion years ago" */
    return g_strdup_printf (C_("years ago on an axis", "%s billion years ago"), number);

  /* Translators: how many years the unit of "%s million years ago" holds,
   * in digits: 1000000 in English, 10000 for 万 */
  number = format_in_unit (years, step, C_("years in the unit of millions of years ago", "1000000"));
  if (number != NULL)
    /* Translators: a time on the timeline's axis, e.g. "6.9 million years ago" */
    return g_strdup_printf (C_("years ago on an axis", "%s million years ago"), number);

  return format_year (-years);
}

/* A year tick's label: from steps of a hundred thousand years, years
 * before year 1 are counted back from now in millions or billions, where
 * the two thousand years since year 1 are below the labels' precision. */
static char *
format_year_tick (gint64      year,
                  const Step *step)
{
  if (year < 0 && step->count >= 100000)
    return format_years_ago (-year, step->count);
  return format_year (year);
}

static gint64
floor_div (gint64 a,
           gint64 b)
{
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

static void
add_tick (GArray *ticks,
          double  time,
          char   *label)
{
  MerTimeAxisTick tick = { time, label };

  g_array_append_val (ticks, tick);
}

static void
clear_tick (gpointer data)
{
  g_free (((MerTimeAxisTick *) data)->label);
}

/* The room a year step's labels need: @min_spacing holds about twelve
 * characters, and the labels of distant years ("6900040001 BC", "13.8
 * billion years ago") are longer. */
static double
year_spacing (const Step *step,
              double      start,
              double      end,
              double      min_spacing)
{
  glong longest = 0;
  double times[] = { start, end };

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      gint64 year;
      guint month, day;
      g_autofree char *label = NULL;

      mer_date_civil_from_days ((gint64) floor (times[i] / 86400), &year, &month, &day);
      label = format_year_tick (year - year % step->count, step);
      longest = MAX (longest, g_utf8_strlen (label, -1));
    }
  return min_spacing * MAX (1.0, (longest + 1) / 12.0);
}

/* The finest calendar step that leaves @min_spacing between labels. */
static const Step *
choose_step (double start,
             double end,
             double width,
             double min_spacing)
{
  double seconds_per_pixel = (end - start) / MAX (width, 1);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      double spacing = steps[i].seconds / seconds_per_pixel;

      if (spacing >= min_spacing &&
          (steps[i].unit != UNIT_YEAR || spacing >= year_spacing (&steps[i], start, end, min_spacing)))
        return &steps[i];
    }
  return &steps[G_N_ELEMENTS (steps) - 1];
}

/**
 * mer_time_axis_ticks:
 * @start: the first second shown
 * @end: the last second shown
 * @width: the width they are shown over, in pixels
 * @min_spacing: the least room, in pixels, between labelled ticks
 *
 * Chooses the finest calendar step that leaves @min_spacing between labels
 * (more for long labels): billions, millions or thousands of years,
 * centuries, decades, years, months, days, hours or minutes; years before
 * year 1 are labelled BC, or, from steps of 100,000 years, "13.8 billion
 * years ago". Below a year the labels leave out
 * what mer_time_axis_context() says: "Mar", "14", "06:00".
 *
 * Returns: (transfer full) (element-type MerTimeAxisTick): the ticks in
 *   [@start, @end], in order
 */
GArray *
mer_time_axis_ticks (double start,
                     double end,
                     double width,
                     double min_spacing)
{
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (MerTimeAxisTick));
  const Step *step = choose_step (start, end, width, min_spacing);
  gint64 year;
  guint month, day;

  g_array_set_clear_func (ticks, clear_tick);
  mer_date_civil_from_days ((gint64) floor (start / 86400), &year, &month, &day);

  switch (step->unit)
    {
    case UNIT_YEAR:
      for (gint64 y = floor_div (year, step->count) * step->count;; y += step->count)
        {
          double t = mer_date_days_from_civil (y, 1, 1) * 86400.0;

          if (t > end)
            break;
          if (t >= start)
            add_tick (ticks, t, format_year_tick (y, step));
        }
      break;

    case UNIT_MONTH:
      /* Steps divide 12, so aligned steps start at January, April, … */
      for (gint64 index = floor_div (year * 12 + (month - 1), step->count) * step->count;; index += step->count)
        {
          gint64 y = floor_div (index, 12);
          guint m = (guint) (index - y * 12) + 1;
          double t = mer_date_days_from_civil (y, m, 1) * 86400.0;

          if (t > end)
            break;
          if (t >= start)
            add_tick (ticks, t, g_strdup (g_dpgettext2 (NULL, "month on an axis", months[m - 1])));
        }
      break;

    case UNIT_DAY:
      for (gint64 d = (gint64) floor (start / 86400);; d += 1)
        {
          double t = d * 86400.0;
          gint64 y;
          guint m, dd;

          if (t > end)
            break;
          mer_date_civil_from_days (d, &y, &m, &dd);
          if (t < start || (step->count == 7 && dd != 1 && (dd - 1) % 7 != 0))
            continue;
          add_tick (ticks, t, g_strdup_printf ("%u", dd));
        }
      break;

    case UNIT_HOUR:
    case UNIT_MINUTE:
    default:
      {
        double seconds = step->count * (step->unit == UNIT_HOUR ? 3600.0 : 60.0);

        for (double t = ceil (start / seconds) * seconds; t <= end; t += seconds)
          {
            gint64 s = (gint64) t;
            gint64 in_day = s - floor_div (s, 86400) * 86400;

            add_tick (ticks, t, g_strdup_printf ("%02d:%02d", (int) (in_day / 3600), (int) (in_day % 3600 / 60)));
          }
      }
      break;
    }

  return ticks;
}

/**
 * mer_time_axis_context:
 * @start: the first second shown
 * @end: the last second shown
 * @width: the width they are shown over, in pixels
 * @min_spacing: as for mer_time_axis_ticks()
 *
 * What the ticks of mer_time_axis_ticks() leave out, so that the axis always
 * says where it is: the years over months, the months over days ("December
 * 2016"), the days over hours and minutes ("15 December 2016"). The first
 * begins at or before @start: a painter keeps its label in view.
 *
 * Returns: (transfer full) (element-type MerTimeAxisTick): where each year,
 *   month or day begins, in order; none when the ticks are years
 */
GArray *
mer_time_axis_context (double start,
                       double end,
                       double width,
                       double min_spacing)
{
  GArray *context = g_array_new (FALSE, FALSE, sizeof (MerTimeAxisTick));
  const Step *step = choose_step (start, end, width, min_spacing);
  gint64 year;
  guint month, day;

  g_array_set_clear_func (context, clear_tick);
  mer_date_civil_from_days ((gint64) floor (start / 86400), &year, &month, &day);

  switch (step->unit)
    {
    case UNIT_YEAR:
      break;

    case UNIT_MONTH:
      for (gint64 y = year;; y++)
        {
          double t = mer_date_days_from_civil (y, 1, 1) * 86400.0;

          if (t > end)
            break;
          add_tick (context, t, format_year (y));
        }
      break;

    case UNIT_DAY:
      for (gint64 index = year * 12 + (month - 1);; index++)
        {
          gint64 y = floor_div (index, 12);
          guint m = (guint) (index - y * 12) + 1;
          double t = mer_date_days_from_civil (y, m, 1) * 86400.0;
          g_autofree char *y_text = format_year (y);

          if (t > end)
            break;
          /* Translators: a month over the days of the timeline's axis:
           * the month (from "month name"), the year, e.g. "December 2016" */
          add_tick (context, t, g_strdup_printf (C_("axis", "%1$s %2$s"),
                                                 g_dpgettext2 (NULL, "month name", month_names[m - 1]), y_text));
        }
      break;

    case UNIT_HOUR:
    case UNIT_MINUTE:
    default:
      for (gint64 d = (gint64) floor (start / 86400);; d++)
        {
          double t = d * 86400.0;
          gint64 y;
          guint m, dd;
          g_autofree char *y_text = NULL;
          g_autofree char *d_text = NULL;

          if (t > end)
            break;
          mer_date_civil_from_days (d, &y, &m, &dd);
          y_text = format_year (y);
          d_text = g_strdup_printf ("%u", dd);

          /* Translators: a day over the hours of the timeline's axis: the
           * day, the month (from "month name in a date"), the year, e.g.
           * "15 December 2016" */
          add_tick (context, t, g_strdup_printf (C_("axis", "%1$s %2$s %3$s"), d_text,
                                                 g_dpgettext2 (NULL, "month name in a date", month_names_in_date[m - 1]),
                                                 y_text));
        }
      break;
    }

  return context;
}

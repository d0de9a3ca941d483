/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-time-axis"

#include "config.h"

#include "mer-time-axis.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mer-date.h"

/* Where a time axis puts its ticks at any scale from millennia down to
 * hours, as a pure function of numbers: the timeline widget and the export's
 * timeline strip share it through the timeline painter. */

typedef enum {
  UNIT_YEAR,
  UNIT_MONTH,
  UNIT_DAY,
  UNIT_HOUR,
  UNIT_MINUTE,
} Unit;

typedef struct {
  Unit   unit;
  guint  count;
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

/* The finest calendar step that leaves @min_spacing between labels. */
static const Step *
choose_step (double start,
             double end,
             double width,
             double min_spacing)
{
  double seconds_per_pixel = (end - start) / MAX (width, 1);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (steps[i].seconds / seconds_per_pixel >= min_spacing)
      return &steps[i];
  return &steps[G_N_ELEMENTS (steps) - 1];
}

/**
 * mer_time_axis_ticks:
 * @start: the first second shown
 * @end: the last second shown
 * @width: the width they are shown over, in pixels
 * @min_spacing: the least room, in pixels, between labelled ticks
 *
 * Chooses the finest calendar step that leaves @min_spacing between labels:
 * millennia, centuries, decades, years, months, days, hours or minutes;
 * years before year 1 are labelled BC. Below a year the labels leave out
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
            add_tick (ticks, t, format_year (y));
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

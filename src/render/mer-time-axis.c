/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-time-axis"

#include "config.h"

#include "mer-time-axis.h"

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
} Unit;

typedef struct {
  Unit   unit;
  guint  count;
  double seconds;   /* about */
} Step;

#define YEAR_SECONDS (365.2425 * 86400)

static const Step steps[] = {
  { UNIT_HOUR, 1, 3600 },
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

static const char * const months[] = {
  "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};

static char *
format_year (gint64 year)
{
  if (year >= 1)
    return g_strdup_printf ("%" G_GINT64_FORMAT, year);
  return g_strdup_printf ("%" G_GINT64_FORMAT " BC", 1 - year);
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

/**
 * mer_time_axis_ticks:
 * @start: the first second shown
 * @end: the last second shown
 * @width: the width they are shown over, in pixels
 * @min_spacing: the least room, in pixels, between labelled ticks
 *
 * Chooses the finest calendar step that leaves @min_spacing between labels:
 * millennia, centuries, decades, years, months, days or hours; years before
 * year 1 are labelled BC.
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
  double seconds_per_pixel = (end - start) / MAX (width, 1);
  const Step *step = &steps[G_N_ELEMENTS (steps) - 1];
  gint64 year;
  guint month, day;

  g_array_set_clear_func (ticks, clear_tick);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      if (steps[i].seconds / seconds_per_pixel >= min_spacing)
        {
          step = &steps[i];
          break;
        }
    }

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
            {
              g_autofree char *y_text = format_year (y);

              add_tick (ticks, t, m == 1 ? g_strdup_printf ("%s %s", months[0], y_text) : g_strdup (months[m - 1]));
            }
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
          if (dd == 1)
            {
              g_autofree char *y_text = format_year (y);
              add_tick (ticks, t, g_strdup_printf ("1 %s %s", months[m - 1], y_text));
            }
          else
            add_tick (ticks, t, g_strdup_printf ("%u", dd));
        }
      break;

    case UNIT_HOUR:
    default:
      for (double t = ceil (start / (step->count * 3600.0)) * step->count * 3600.0; t <= end;
           t += step->count * 3600.0)
        {
          gint64 seconds = (gint64) t;
          gint64 d = floor_div (seconds, 86400);
          int hour = (int) ((seconds - d * 86400) / 3600);

          if (hour == 0)
            {
              gint64 y;
              guint m, dd;

              mer_date_civil_from_days (d, &y, &m, &dd);
              add_tick (ticks, t, g_strdup_printf ("%u %s", dd, months[m - 1]));
            }
          else
            add_tick (ticks, t, g_strdup_printf ("%02d:00", hour));
        }
      break;
    }

  return ticks;
}

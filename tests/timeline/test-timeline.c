/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mer-date.h"
#include "mer-time-axis.h"
#include "mer-timeline-layout.h"
#include "mer-timeline-viewport.h"

/* Property: whatever the events, no two on one row overlap, labels included. */
static void
test_layout_never_overlaps (void)
{
  GRand *rand = g_rand_new_with_seed (1905);

  for (guint round = 0; round < 200; round++)
    {
      guint n = g_rand_int_range (rand, 0, 400);
      guint max_rows = g_rand_int_range (rand, 1, 12);
      double gap = g_rand_double_range (rand, 0, 8);
      g_autofree MerTimelineExtent *extents = g_new0 (MerTimelineExtent, MAX (n, 1));
      g_autofree int *rows = g_new (int, MAX (n, 1));
      double x = 0;
      guint n_rows;

      for (guint i = 0; i < n; i++)
        {
          x += g_rand_double_range (rand, 0, 30);
          extents[i].x0 = x;
          extents[i].x1 = x + (g_rand_int_range (rand, 0, 4) == 0 ? g_rand_double_range (rand, 0, 300) : 0);
          extents[i].label_width = g_rand_double_range (rand, 10, 200);
        }

      n_rows = mer_timeline_layout_rows (extents, n, max_rows, gap, rows);
      g_assert_cmpuint (n_rows, <=, max_rows);

      for (guint i = 0; i < n; i++)
        {
          g_assert_cmpint (rows[i], <, (int) n_rows);
          for (guint j = i + 1; j < n && rows[i] >= 0; j++)
            {
              if (rows[j] != rows[i])
                continue;
              /* j starts after i ends, with the gap between them. */
              g_assert_cmpfloat (extents[j].x0, >=, mer_timeline_extent_end (&extents[i]) + gap - 1e-9);
            }
        }

      /* With rows to spare, nothing is left out. */
      if (n_rows < max_rows)
        for (guint i = 0; i < n; i++)
          g_assert_cmpint (rows[i], >=, 0);
    }

  g_rand_free (rand);
}

static void
test_layout_first_free_row (void)
{
  static const MerTimelineExtent extents[] = {
    { 0, 0, 50 }, { 10, 10, 50 }, { 60, 60, 50 }, { 65, 65, 10 }, { 70, 70, 10 },
  };
  int rows[G_N_ELEMENTS (extents)];

  g_assert_cmpuint (mer_timeline_layout_rows (extents, G_N_ELEMENTS (extents), 2, 5, rows), ==, 2);
  g_assert_cmpint (rows[0], ==, 0);
  g_assert_cmpint (rows[1], ==, 1);
  g_assert_cmpint (rows[2], ==, 0);
  g_assert_cmpint (rows[3], ==, 1);
  g_assert_cmpint (rows[4], ==, -1);
}

/* Zooming with the pointer at x keeps the time under x fixed. */
static void
test_zoom_keeps_pointer_time (void)
{
  g_autoptr(MerTimelineViewport) viewport = mer_timeline_viewport_new ();
  static const double xs[] = { 0, 1, 250.5, 600, 999.9, 1200 };
  static const double factors[] = { 0.5, 0.8, 1.25, 2, 10 };

  mer_timeline_viewport_set_width (viewport, 1200);
  mer_timeline_viewport_set_range (viewport, -3786825600.0, 1577836800.0);

  for (guint i = 0; i < G_N_ELEMENTS (xs); i++)
    for (guint f = 0; f < G_N_ELEMENTS (factors); f++)
      {
        double before = mer_timeline_viewport_x_to_time (viewport, xs[i]);
        double span = mer_timeline_viewport_get_end (viewport) - mer_timeline_viewport_get_start (viewport);

        mer_timeline_viewport_zoom_at (viewport, xs[i], factors[f]);
        g_assert_cmpfloat_with_epsilon (mer_timeline_viewport_x_to_time (viewport, xs[i]), before, 1e-3);
        g_assert_cmpfloat_with_epsilon (mer_timeline_viewport_get_end (viewport) -
                                        mer_timeline_viewport_get_start (viewport),
                                        CLAMP (span * factors[f], MER_TIMELINE_MIN_SPAN, MER_TIMELINE_MAX_SPAN), 1e-3);
      }
}

static void
test_pan_and_limits (void)
{
  g_autoptr(MerTimelineViewport) viewport = mer_timeline_viewport_new ();

  mer_timeline_viewport_set_width (viewport, 1000);
  mer_timeline_viewport_set_range (viewport, 0, 1000);
  g_assert_cmpfloat (mer_timeline_viewport_get_seconds_per_pixel (viewport), ==, 1);
  mer_timeline_viewport_pan_pixels (viewport, 100);
  g_assert_cmpfloat (mer_timeline_viewport_get_start (viewport), ==, 100);
  g_assert_cmpfloat (mer_timeline_viewport_time_to_x (viewport, 600), ==, 500);

  /* Never less than a minute. */
  mer_timeline_viewport_zoom_at (viewport, 500, 0.001);
  g_assert_cmpfloat_with_epsilon (mer_timeline_viewport_get_end (viewport) -
                                  mer_timeline_viewport_get_start (viewport), MER_TIMELINE_MIN_SPAN, 1e-6);
}

typedef struct {
  const char *start;
  const char *end;
  double      width;
  const char *first_label;
  const char *second_label;
} AxisCase;

static const AxisCase axis_cases[] = {
  /* Millennia, centuries, decades, years, months, days, hours. */
  { "-3000", "2016", 1000, "3001 BC", "2501 BC" },
  { "1000", "2016", 1000, "1000", "1100" },
  { "1850", "2016", 1000, "1860", "1880" },
  { "1990", "2016", 1000, "1990", "1992" },
  { "2016-01", "2016-12", 1000, "Jan 2016", "Feb" },
  { "2016-12-01", "2016-12-20", 1000, "1 Dec 2016", "8" },
  { "2016-12-01", "2016-12-08", 1000, "1 Dec 2016", "2" },
  { "2016-12-15", "2016-12-15", 1000, "15 Dec", "06:00" },
  { "2016-12-15T00:00", "2016-12-15T12:00", 1000, "15 Dec", "01:00" },
  /* BC years count down to 1 BC, then AD 1: no year zero in labels. */
  { "-0005", "0004", 1000, "6 BC", "5 BC" },
};

static void
test_axis_ticks (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (axis_cases); i++)
    {
      const AxisCase *c = &axis_cases[i];
      g_autoptr(GArray) ticks = NULL;
      MerDate start, end;
      double a, b;

      g_assert_true (mer_date_parse (c->start, &start, NULL));
      g_assert_true (mer_date_parse (c->end, &end, NULL));
      a = mer_date_first_second (&start);
      b = mer_date_last_second (&end);
      ticks = mer_time_axis_ticks (a, b, c->width, 70);

      g_test_message ("%s – %s: %u ticks", c->start, c->end, ticks->len);
      g_assert_cmpuint (ticks->len, >=, 2);
      g_assert_cmpstr (g_array_index (ticks, MerTimeAxisTick, 0).label, ==, c->first_label);
      g_assert_cmpstr (g_array_index (ticks, MerTimeAxisTick, 1).label, ==, c->second_label);

      /* In order, inside the span, and never closer than asked. */
      for (guint t = 0; t < ticks->len; t++)
        {
          double time = g_array_index (ticks, MerTimeAxisTick, t).time;

          g_assert_cmpfloat (time, >=, a);
          g_assert_cmpfloat (time, <=, b);
          if (t > 0)
            g_assert_cmpfloat ((time - g_array_index (ticks, MerTimeAxisTick, t - 1).time) / (b - a) * c->width,
                               >=, 70 * 0.9);
        }
    }
}

/* At the right edge a label goes before its event and takes its room there. */
static void
test_layout_label_before (void)
{
  MerTimelineExtent extents[] = {
    { 0, 10, 200, FALSE },
    { 300, 310, 250, TRUE },   /* its label reaches back to 50: over the first */
    { 400, 410, 50, TRUE },    /* its label starts at 350: clear of the first */
    { 414, 424, 300, FALSE },  /* too close after the third: beside the second */
  };
  int rows[G_N_ELEMENTS (extents)];

  g_assert_cmpfloat (mer_timeline_extent_start (&extents[1]), ==, 50);
  g_assert_cmpfloat (mer_timeline_extent_end (&extents[1]), ==, 310);
  g_assert_cmpfloat (mer_timeline_extent_start (&extents[0]), ==, 0);
  g_assert_cmpfloat (mer_timeline_extent_end (&extents[0]), ==, 200);

  g_assert_cmpuint (mer_timeline_layout_rows (extents, G_N_ELEMENTS (extents), 4, 6, rows), ==, 2);
  g_assert_cmpint (rows[0], ==, 0);
  g_assert_cmpint (rows[1], ==, 1);
  g_assert_cmpint (rows[2], ==, 0);
  g_assert_cmpint (rows[3], ==, 1);
}

/* Overlapping eras share the title row without their titles touching. */
static void
test_era_titles (void)
{
  MerTimelineTitle titles[] = {
    { -200, 500, 300 },  /* starts off screen: its title starts at the edge */
    { 100, 400, 200 },   /* overlaps the first: after its title, shortened */
    { 380, 390, 100 },   /* no room left in its band: no title */
    { 450, 900, 120 },   /* overlaps the first's band, clear of its title */
    { 950, 1400, 500 },  /* runs off the right edge: cut there */
    { 1100, 1200, 50 },  /* off screen */
  };

  mer_timeline_layout_titles (titles, G_N_ELEMENTS (titles), 1000);

  g_assert_cmpfloat (titles[0].x, ==, 4);
  g_assert_cmpfloat (titles[0].width, ==, 300);
  g_assert_cmpfloat (titles[1].x, ==, 316);
  g_assert_cmpfloat (titles[1].width, ==, 80);
  g_assert_cmpfloat (titles[2].width, ==, 0);
  g_assert_cmpfloat (titles[3].x, ==, 454);
  g_assert_cmpfloat (titles[3].width, ==, 120);
  g_assert_cmpfloat (titles[4].x, ==, 954);
  g_assert_cmpfloat (titles[4].width, ==, 42);
  g_assert_cmpfloat (titles[5].width, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/timeline/layout/never-overlaps", test_layout_never_overlaps);
  g_test_add_func ("/timeline/layout/first-free-row", test_layout_first_free_row);
  g_test_add_func ("/timeline/layout/label-before", test_layout_label_before);
  g_test_add_func ("/timeline/layout/era-titles", test_era_titles);
  g_test_add_func ("/timeline/viewport/zoom-keeps-pointer-time", test_zoom_keeps_pointer_time);
  g_test_add_func ("/timeline/viewport/pan-and-limits", test_pan_and_limits);
  g_test_add_func ("/timeline/axis/ticks", test_axis_ticks);

  return g_test_run ();
}

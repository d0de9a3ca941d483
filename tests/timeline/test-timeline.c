/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include <glib/gstdio.h>

#include "mer-date.h"
#include "mer-diagnostic.h"
#include "mer-loader.h"
#include "mer-time-axis.h"
#include "mer-timeline-layout.h"
#include "mer-timeline-viewport.h"

/* Property: whatever the events, no two on one row overlap, labels included;
 * each has a row, with or without its label, or none only when every row is
 * taken where its marker goes. */
static void
test_layout_never_overlaps (void)
{
  GRand *rand = g_rand_new_with_seed (1905);

  for (guint round = 0; round < 200; round++)
    {
      guint n = g_rand_int_range (rand, 0, 400);
      guint max_rows = g_rand_int_range (rand, 1, 12);
      double gap = g_rand_double_range (rand, 0, 8);
      double width = g_rand_double_range (rand, 400, 2000);
      g_autofree MerTimelineExtent *extents = g_new0 (MerTimelineExtent, MAX (n, 1));
      double x = -50;
      guint n_rows;

      /* Across the view, from a little left of it as the layout queries. */
      for (guint i = 0; i < n; i++)
        {
          x = MIN (x + g_rand_double_range (rand, 0, 30), width);
          extents[i].x0 = x;
          extents[i].x1 = x + 10 + (g_rand_int_range (rand, 0, 4) == 0 ? g_rand_double_range (rand, 0, 300) : 0);
          extents[i].after = g_rand_double_range (rand, 10, 200);
          extents[i].before = g_rand_double_range (rand, 10, 200);
          extents[i].priority = g_rand_int_range (rand, 1, 6);
        }

      n_rows = mer_timeline_layout_rows (extents, n, max_rows, width, gap, 0);
      g_assert_cmpuint (n_rows, <=, max_rows);

      for (guint i = 0; i < n; i++)
        {
          g_assert_cmpint (extents[i].row, <, (int) n_rows);
          if (extents[i].row < 0)
            g_assert_false (extents[i].labelled);
          if (extents[i].labelled && extents[i].label_before)
            g_assert_cmpfloat (mer_timeline_extent_start (&extents[i]), >=, 0);
          for (guint j = 0; j < n && extents[i].row >= 0; j++)
            {
              if (j == i || extents[j].row != extents[i].row)
                continue;
              /* One ends, with the gap, before the other starts. */
              g_assert_true (mer_timeline_extent_start (&extents[j]) >= mer_timeline_extent_end (&extents[i]) + gap - 1e-9 ||
                             mer_timeline_extent_start (&extents[i]) >= mer_timeline_extent_end (&extents[j]) + gap - 1e-9);
            }
        }
    }

  g_rand_free (rand);
}

/* The most important events are labelled first, then the rest in order; a
 * label at the right edge goes before its event; those without room for a
 * label are bare marks, and those without room for that have no row. */
static void
test_layout_first_free_row (void)
{
  MerTimelineExtent extents[] = {
    { 0, 10, 50, 50, 3 },
    { 10, 20, 50, 50, 5 },     /* more important: labelled on the first row */
    { 60, 70, 50, 50, 3 },
    { 65, 75, 10, 10, 3 },     /* in the room after the second's label */
    { 70, 80, 10, 10, 3 },     /* no room on either row */
    { 180, 190, 60, 60, 3 },   /* at the right edge: its label before it */
    { 183, 193, 60, 150, 3 },  /* no room before either: a bare mark */
  };
  static const struct { int row; gboolean labelled; gboolean label_before; } expected[] = {
    { 1, TRUE, FALSE },
    { 0, TRUE, FALSE },
    { 1, TRUE, FALSE },
    { 0, TRUE, FALSE },
    { -1, FALSE, FALSE },
    { 0, TRUE, TRUE },
    { 1, FALSE, FALSE },
  };

  g_assert_cmpuint (mer_timeline_layout_rows (extents, G_N_ELEMENTS (extents), 2, 200, 5, 0), ==, 2);
  for (guint i = 0; i < G_N_ELEMENTS (extents); i++)
    {
      g_test_message ("extent %u", i);
      g_assert_cmpint (extents[i].row, ==, expected[i].row);
      g_assert_cmpint (extents[i].labelled, ==, expected[i].labelled);
      g_assert_cmpint (extents[i].label_before, ==, expected[i].label_before);
    }
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
        /* A millisecond, or what a double resolves ages away. */
        double epsilon = MAX (1e-3, (fabs (before) + span) * 1e-13);

        mer_timeline_viewport_zoom_at (viewport, xs[i], factors[f]);
        g_assert_cmpfloat_with_epsilon (mer_timeline_viewport_x_to_time (viewport, xs[i]), before, epsilon);
        g_assert_cmpfloat_with_epsilon (mer_timeline_viewport_get_end (viewport) -
                                        mer_timeline_viewport_get_start (viewport),
                                        CLAMP (span * factors[f], MER_TIMELINE_MIN_SPAN, MER_TIMELINE_MAX_SPAN), epsilon);
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

/* Thirty wheel notches in and thirty out, about any pointer, return to the
 * start within a pixel; zooming out stops at the bounds, zooming in at a
 * minute, and panning keeps the view within the bounds. */
static void
test_zoom_return_and_bounds (void)
{
  g_autoptr(MerTimelineViewport) viewport = mer_timeline_viewport_new ();
  /* 1855 to 2022 with a margin, as the story's span. */
  double lower = -3629404800.0, upper = 1672531200.0;
  static const double xs[] = { 0, 37, 640, 1263.5, 1280 };

  mer_timeline_viewport_set_width (viewport, 1280);
  mer_timeline_viewport_set_bounds (viewport, lower, upper);
  mer_timeline_viewport_set_range (viewport, lower - 1e10, upper + 1e10);
  g_assert_cmpfloat (mer_timeline_viewport_get_start (viewport), ==, lower);
  g_assert_cmpfloat (mer_timeline_viewport_get_end (viewport), ==, upper);

  for (guint i = 0; i < G_N_ELEMENTS (xs); i++)
    {
      double start = mer_timeline_viewport_get_start (viewport);
      double spp = mer_timeline_viewport_get_seconds_per_pixel (viewport);
      double anchor = mer_timeline_viewport_x_to_time (viewport, xs[i]);

      for (guint notch = 0; notch < 30; notch++)
        {
          mer_timeline_viewport_zoom_at (viewport, xs[i], 1 / 1.25);
          g_assert_cmpfloat (fabs (mer_timeline_viewport_time_to_x (viewport, anchor) - xs[i]), <, 1e-3);
        }
      for (guint notch = 0; notch < 30; notch++)
        mer_timeline_viewport_zoom_at (viewport, xs[i], 1.25);
      g_assert_cmpfloat (fabs (mer_timeline_viewport_get_start (viewport) - start) / spp, <, 1);
      g_assert_cmpfloat (fabs (mer_timeline_viewport_time_to_x (viewport, anchor) - xs[i]), <, 1);
    }

  /* No further out than the bounds. */
  mer_timeline_viewport_zoom_at (viewport, 300, 4);
  g_assert_cmpfloat (mer_timeline_viewport_get_start (viewport), ==, lower);
  g_assert_cmpfloat (mer_timeline_viewport_get_end (viewport), ==, upper);

  /* No further in than a minute. */
  for (guint notch = 0; notch < 200; notch++)
    mer_timeline_viewport_zoom_at (viewport, 300, 1 / 1.25);
  g_assert_cmpfloat_with_epsilon (mer_timeline_viewport_get_end (viewport) - mer_timeline_viewport_get_start (viewport),
                                  60, 1e-3);

  /* Panning stops at the ends. */
  mer_timeline_viewport_set_range (viewport, 0, 86400 * 365.0);
  mer_timeline_viewport_pan_pixels (viewport, 1e9);
  g_assert_cmpfloat (mer_timeline_viewport_get_end (viewport), ==, upper);
  mer_timeline_viewport_pan_pixels (viewport, -1e9);
  g_assert_cmpfloat (mer_timeline_viewport_get_start (viewport), ==, lower);
}

typedef struct {
  const char *start;
  const char *end;
  double      width;
  const char *first_label;
  const char *second_label;
  const char *context_label;
} AxisCase;

static const AxisCase axis_cases[] = {
  /* Millennia, centuries, decades, years: the ticks say it all. */
  { "-3000", "2016", 1000, "3001 BC", "2501 BC", NULL },
  { "1000", "2016", 1000, "1000", "1100", NULL },
  { "1850", "2016", 1000, "1860", "1880", NULL },
  { "1990", "2016", 1000, "1990", "1992", NULL },
  /* Months, days, hours and minutes, under the year, month or day. */
  { "2016-01", "2016-12", 1000, "Jan", "Feb", "2016" },
  { "2016-12-01", "2016-12-20", 1000, "1", "8", "December 2016" },
  { "2016-12-01", "2016-12-08", 1000, "1", "2", "December 2016" },
  { "2016-12-15", "2016-12-15", 1000, "00:00", "03:00", "15 December 2016" },
  { "2016-12-15T00:00", "2016-12-15T12:00", 1000, "00:00", "01:00", "15 December 2016" },
  { "2016-12-15T19:00", "2016-12-15T19:30", 1000, "19:00", "19:05", "15 December 2016" },
  /* BC years count down to 1 BC, then AD 1: no year zero in labels. */
  { "-0005", "0004", 1000, "6 BC", "5 BC", NULL },
  { "-0005-03", "-0004-02", 1000, "Mar", "Apr", "6 BC" },
};

static void
test_axis_ticks (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (axis_cases); i++)
    {
      const AxisCase *c = &axis_cases[i];
      g_autoptr(GArray) ticks = NULL;
      g_autoptr(GArray) context = NULL;
      MerDate start, end;
      double a, b;

      g_assert_true (mer_date_parse (c->start, &start, NULL));
      g_assert_true (mer_date_parse (c->end, &end, NULL));
      a = mer_date_first_second (&start);
      b = mer_date_last_second (&end);
      ticks = mer_time_axis_ticks (a, b, c->width, 70);
      context = mer_time_axis_context (a, b, c->width, 70);

      g_test_message ("%s – %s: %u ticks", c->start, c->end, ticks->len);
      g_assert_cmpuint (ticks->len, >=, 2);
      g_assert_cmpstr (g_array_index (ticks, MerTimeAxisTick, 0).label, ==, c->first_label);
      g_assert_cmpstr (g_array_index (ticks, MerTimeAxisTick, 1).label, ==, c->second_label);

      /* The enclosing period begins at or before the start, so that its
       * label is always there to keep in view. */
      if (c->context_label == NULL)
        g_assert_cmpuint (context->len, ==, 0);
      else
        {
          g_assert_cmpuint (context->len, >=, 1);
          g_assert_cmpstr (g_array_index (context, MerTimeAxisTick, 0).label, ==, c->context_label);
          g_assert_cmpfloat (g_array_index (context, MerTimeAxisTick, 0).time, <=, a);
        }

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

static double
year_start (gint64 year)
{
  return mer_date_days_from_civil (year, 1, 1) * 86400.0;
}

/* TimelineJS's cosmological stories: from the Big Bang to now, and zoomed
 * in on it, the axis counts years back from now, and its labels, longer
 * than years', keep their room. */
static void
test_axis_cosmological (void)
{
  static const struct {
    gint64      start, end;
    const char *first_label;
    const char *second_label;
  } cases[] = {
    { G_GINT64_CONSTANT (-13800000000), 2016, "12 billion years ago", "10 billion years ago" },
    { G_GINT64_CONSTANT (-13900000000), G_GINT64_CONSTANT (-13700000000), "13.9 billion years ago",
      "13.85 billion years ago" },
    { -65000000, -60000000, "65 million years ago", "64 million years ago" },
    /* Below steps of 100,000 years, or a million years back, the years themselves. */
    { -300000, -100000, "300001 BC", "280001 BC" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double a = year_start (cases[i].start), b = year_start (cases[i].end);
      g_autoptr(GArray) ticks = mer_time_axis_ticks (a, b, 1000, 70);

      g_test_message ("%" G_GINT64_FORMAT " – %" G_GINT64_FORMAT ": %u ticks", cases[i].start, cases[i].end,
                      ticks->len);
      g_assert_cmpuint (ticks->len, >=, 2);
      g_assert_cmpstr (g_array_index (ticks, MerTimeAxisTick, 0).label, ==, cases[i].first_label);
      g_assert_cmpstr (g_array_index (ticks, MerTimeAxisTick, 1).label, ==, cases[i].second_label);

      /* About 6 pixels a character: the next tick is never under a label. */
      for (guint t = 1; t < ticks->len; t++)
        {
          const MerTimeAxisTick *previous = &g_array_index (ticks, MerTimeAxisTick, t - 1);
          double gap = (g_array_index (ticks, MerTimeAxisTick, t).time - previous->time) / (b - a) * 1000;

          g_assert_cmpfloat (gap, >=, 6.0 * g_utf8_strlen (previous->label, -1));
        }
    }
}

/* A lane's name keeps its room at the right end of the first row. */
static void
test_layout_reserved (void)
{
  MerTimelineExtent extents[] = {
    { 100, 110, 50, 50, 3 },   /* clear of the name */
    { 850, 860, 100, 60, 3 },  /* its label would run into the name: before it */
    { 930, 940, 20, 20, 3 },   /* under the name: the second row */
  };

  g_assert_cmpuint (mer_timeline_layout_rows (extents, G_N_ELEMENTS (extents), 2, 1000, 6, 100), ==, 2);
  g_assert_cmpint (extents[0].row, ==, 0);
  g_assert_cmpint (extents[1].row, ==, 0);
  g_assert_true (extents[1].labelled && extents[1].label_before);
  g_assert_cmpint (extents[2].row, ==, 1);
  g_assert_true (extents[2].labelled && !extents[2].label_before);
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

static MerDocument *
load_story (void)
{
  g_autofree char *path = g_build_filename (SRCDIR, "data", "events", "russia-japan.json", NULL);
  g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  MerDocument *document = mer_loader_load_file (path, NULL, diagnostics, &error);

  g_assert_no_error (error);
  return document;
}

/* Lays the story out over 1000 units with room for @n_rows rows. */
static MerTimelineLayout *
lay_out_story (MerDocument *story,
               MerState    *state,
               double       scale,
               guint        n_rows,
               gboolean     lanes)
{
  MerTimelineLayout *layout = mer_timeline_layout_new ();
  MerTimelineView view = { 0, 0, 1000, 0 };

  mer_timeline_layout_set_document (layout, story);
  mer_timeline_layout_set_lanes (layout, lanes);
  mer_timeline_layout_set_scale (layout, scale);
  mer_timeline_layout_set_char_width (layout, 7 * scale);
  view.height = mer_timeline_metrics_height (mer_timeline_layout_get_metrics (layout), n_rows);
  g_assert_true (mer_timeline_layout_get_story_span (layout, &view.start, &view.end));
  mer_timeline_layout_update (layout, &view, state);
  return layout;
}

/* At any scale, each event is on a row where its marker and label touch no
 * other, or counted in the density strip. */
static void
test_layout_document (void)
{
  g_autoptr(MerDocument) story = load_story ();
  static const double scales[] = { 1, 0.5 };

  for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
    {
      g_autoptr(MerTimelineLayout) layout = lay_out_story (story, NULL, scales[s], 3, FALSE);
      const MerTimelineMetrics *m = mer_timeline_layout_get_metrics (layout);
      const MerTimelineView *view = mer_timeline_layout_get_view (layout);
      guint n_placed, n_clusters, counted = 0;
      const MerTimelinePlaced *placed = mer_timeline_layout_get_placed (layout, &n_placed);
      const MerTimelineCluster *clusters = mer_timeline_layout_get_clusters (layout, &n_clusters);

      g_assert_cmpfloat (m->row_height, ==, 18 * scales[s]);
      g_assert_cmpuint (n_placed, >=, 6);
      for (guint c = 0; c < n_clusters; c++)
        counted += clusters[c].count;
      g_assert_cmpuint (n_placed + counted, ==, g_list_model_get_n_items (mer_document_get_events (story)));

      for (guint i = 0; i < n_placed; i++)
        {
          double first = mer_event_get_first_second (placed[i].event);
          double left, right;

          g_assert_cmpint (placed[i].row, <, 3);
          g_assert_cmpfloat_with_epsilon (placed[i].x0, mer_timeline_view_time_to_x (view, first), 1e-6);
          g_assert_cmpfloat (placed[i].y, ==, m->rows_top + (placed[i].row + 0.5) * m->row_height);

          mer_timeline_layout_get_reach (layout, &placed[i], 1, &left, &right);
          for (guint j = i + 1; j < n_placed; j++)
            {
              double next_left, next_right;

              if (placed[j].row != placed[i].row)
                continue;
              mer_timeline_layout_get_reach (layout, &placed[j], 1, &next_left, &next_right);
              g_assert_cmpfloat (next_left, >, right);
              break;
            }
        }
    }
}

/* A selection without a labelled place of its own is labelled over the
 * first row, where it is picked. */
static void
test_layout_floating_selection (void)
{
  g_autoptr(MerDocument) story = load_story ();
  g_autoptr(MerState) state = mer_state_new ();
  g_autoptr(MerTimelineLayout) layout = NULL;
  MerEvent *minor = mer_document_lookup_event (story, "first-two-plus-two");
  const MerTimelineMetrics *m;
  MerTimelinePlaced floating;
  double x, y;

  mer_state_set_document (state, story);
  mer_state_set_selected_event (state, minor);
  layout = lay_out_story (story, state, 1, 1, FALSE);
  m = mer_timeline_layout_get_metrics (layout);

  /* Bare on the only row, or without a place: labelled over the row. */
  if (mer_timeline_layout_get_event_position (layout, minor, &x, &y))
    {
      guint n_placed;
      const MerTimelinePlaced *placed = mer_timeline_layout_get_placed (layout, &n_placed);

      for (guint i = 0; i < n_placed; i++)
        if (placed[i].event == minor)
          g_assert_cmpfloat (placed[i].label_width, ==, 0);
    }
  g_assert_true (mer_timeline_layout_get_floating (layout, state, &floating));
  g_assert_cmpfloat (floating.label_width, >, 0);
  g_assert_true (floating.event == minor);
  g_assert_cmpfloat (floating.y, ==, m->rows_top + m->row_height / 2);
  g_assert_cmpfloat (floating.x0, ==, mer_timeline_view_time_to_x (mer_timeline_layout_get_view (layout),
                                                                    mer_event_get_first_second (minor)));
  g_assert_true (mer_timeline_layout_pick (layout, state, floating.x0, floating.y) == minor);

  /* One labelled with room for its whole title in bold does not float; one
   * whose title was shortened does, on its own row. */
  {
    guint n_placed, whole = 0, shortened = 0;
    const MerTimelinePlaced *placed = mer_timeline_layout_get_placed (layout, &n_placed);

    for (guint i = 0; i < n_placed; i++)
      {
        double title = g_utf8_strlen (mer_event_get_title (placed[i].event), -1) * 7;

        if (placed[i].label_width == 0)
          continue;
        mer_state_set_selected_event (state, placed[i].event);
        if (placed[i].label_width >= 1.3 * title)
          {
            g_assert_false (mer_timeline_layout_get_floating (layout, state, &floating));
            whole++;
          }
        else
          {
            g_assert_true (mer_timeline_layout_get_floating (layout, state, &floating));
            g_assert_cmpfloat (floating.y, ==, placed[i].y);
            g_assert_cmpfloat (floating.label_width, >, placed[i].label_width);
            shortened++;
          }
      }
    g_assert_cmpuint (whole, >, 0);
    g_assert_cmpuint (shortened, >, 0);
  }
}

/* With lanes, each category has its rows and the last lane the rest. */
static void
test_layout_lanes (void)
{
  g_autoptr(MerDocument) story = load_story ();
  GListModel *categories = mer_document_get_categories (story);
  guint n_categories = g_list_model_get_n_items (categories);
  g_autoptr(MerTimelineLayout) layout = lay_out_story (story, NULL, 1, 2 * (n_categories + 1), TRUE);
  const MerTimelineMetrics *m = mer_timeline_layout_get_metrics (layout);
  guint n_placed;
  const MerTimelinePlaced *placed = mer_timeline_layout_get_placed (layout, &n_placed);

  g_assert_cmpuint (mer_timeline_layout_get_n_lanes (layout), ==, n_categories + 1);
  for (guint lane = 0; lane <= n_categories; lane++)
    {
      g_autoptr(MerCategory) category = lane < n_categories ? g_list_model_get_item (categories, lane) : NULL;
      double y, name_width;

      g_assert_true (mer_timeline_layout_get_lane (layout, lane, &y, &name_width) == category);
      g_assert_cmpfloat (y, ==, m->rows_top + lane * 2 * m->row_height);
      g_assert_cmpfloat (name_width, ==, g_utf8_strlen (lane < n_categories ? mer_category_get_name (category) : "Other", -1) * 7 + 6);
    }

  g_assert_cmpuint (n_placed, >, 0);
  for (guint i = 0; i < n_placed; i++)
    {
      g_autoptr(MerCategory) category = g_list_model_get_item (categories, (guint) placed[i].lane);

      g_assert_true (mer_event_get_category (placed[i].event) == category);
      g_assert_cmpint (placed[i].row, <, 2);
    }
}

/* Writes a story of @n events at random between 1800 and 2030, a fifth of
 * them spans, with titles of 3 to 60 characters, in three categories. */
static MerDocument *
random_story (GRand *rand,
              guint  n)
{
  g_autoptr(GString) json = g_string_new ("{ \"meridian\": 1, \"categories\": [ { \"id\": \"a\", \"name\": \"Diplomacy\" }, "
                                          "{ \"id\": \"b\", \"name\": \"War\" }, { \"id\": \"c\", \"name\": \"Trade\" } ], "
                                          "\"events\": [");
  g_autofree char *dir = g_dir_make_tmp ("meridian-timeline-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "story.json", NULL);
  g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  MerDocument *document;

  for (guint i = 0; i < n; i++)
    {
      int year = g_rand_int_range (rand, 1800, 2030);
      g_autofree char *title = g_strnfill (g_rand_int_range (rand, 3, 61), 'a' + (char) (i % 26));

      g_string_append_printf (json, "%s{ \"id\": \"e%u\", \"title\": \"%s\", \"start\": \"%04d-%02d-%02d\"%s, "
                                    "\"category\": \"%c\", \"importance\": %d }",
                              i ? ", " : "", i, title, year, g_rand_int_range (rand, 1, 13),
                              g_rand_int_range (rand, 1, 29),
                              g_rand_int_range (rand, 0, 5) == 0 ? ", \"end\": \"2030\"" : "",
                              'a' + g_rand_int_range (rand, 0, 3), g_rand_int_range (rand, 1, 6));
    }
  g_string_append (json, "] }");
  g_assert_true (g_file_set_contents (path, json->str, (gssize) json->len, NULL));
  document = mer_loader_load_file (path, NULL, diagnostics, &error);
  g_assert_no_error (error);
  g_unlink (path);
  g_rmdir (dir);
  return document;
}

/* Property: on random stories, at any zoom and size, with or without lanes,
 * every event in view is drawn, with or without its label, or counted in a
 * badge over it; no two labels, marks or badges overlap, and no label runs
 * under a lane's name. */
static void
test_layout_every_event_reachable (void)
{
  GRand *rand = g_rand_new_with_seed (2016);

  for (guint round = 0; round < 60; round++)
    {
      g_autoptr(MerDocument) story = random_story (rand, g_rand_int_range (rand, 1, 400));
      g_autoptr(MerTimelineLayout) layout = mer_timeline_layout_new ();
      GListModel *events = mer_document_get_events (story);
      const MerTimelineMetrics *m;
      MerTimelineView view;
      double story_start, story_end, span;
      guint n_placed, n_clusters, in_view = 0, counted = 0, drawn = 0;
      const MerTimelinePlaced *placed;
      const MerTimelineCluster *clusters;

      mer_timeline_layout_set_document (layout, story);
      mer_timeline_layout_set_lanes (layout, g_rand_boolean (rand));
      mer_timeline_layout_set_char_width (layout, g_rand_double_range (rand, 5, 9));
      m = mer_timeline_layout_get_metrics (layout);
      g_assert_true (mer_timeline_layout_get_story_span (layout, &story_start, &story_end));
      /* From the whole story down to a day. */
      span = exp (g_rand_double_range (rand, log (86400), log (story_end - story_start)));
      view.start = g_rand_double_range (rand, story_start, story_end - span);
      view.end = view.start + span;
      view.width = g_rand_double_range (rand, 300, 2400);
      view.height = mer_timeline_metrics_height (m, g_rand_int_range (rand, 1, 20));
      mer_timeline_layout_update (layout, &view, NULL);

      placed = mer_timeline_layout_get_placed (layout, &n_placed);
      clusters = mer_timeline_layout_get_clusters (layout, &n_clusters);

      for (guint i = 0; i < g_list_model_get_n_items (events); i++)
        {
          g_autoptr(MerEvent) event = g_list_model_get_item (events, i);
          double x = mer_timeline_view_time_to_x (&view, mer_event_get_first_second (event));
          gboolean found = FALSE;

          if (x < 0 || x > view.width)
            continue;
          in_view++;
          for (guint j = 0; j < n_placed && !found; j++)
            found = placed[j].event == event;
          for (guint c = 0; c < n_clusters && !found; c++)
            found = x >= clusters[c].x0 && x <= clusters[c].x1;
          g_assert_true (found);
        }

      for (guint j = 0; j < n_placed; j++)
        {
          double left, right;

          if (placed[j].x0 >= 0 && placed[j].x0 <= view.width)
            drawn++;
          /* Inside the rows. */
          g_assert_cmpfloat (placed[j].y + m->row_height / 2, <=, view.height - m->axis_height - m->badge_height + 1e-9);

          mer_timeline_layout_get_reach (layout, &placed[j], 1, &left, &right);
          for (guint k = j + 1; k < n_placed; k++)
            {
              double k_left, k_right;

              if (placed[k].lane != placed[j].lane || placed[k].row != placed[j].row)
                continue;
              mer_timeline_layout_get_reach (layout, &placed[k], 1, &k_left, &k_right);
              g_assert_true (k_left >= right || left >= k_right);
            }

          if (mer_timeline_layout_get_n_lanes (layout) > 0 && placed[j].row == 0)
            {
              double y, name_width;

              mer_timeline_layout_get_lane (layout, (guint) placed[j].lane, &y, &name_width);
              g_assert_cmpfloat (right, <=, view.width - name_width);
            }
        }

      for (guint c = 0; c < n_clusters; c++)
        {
          counted += clusters[c].count;
          g_assert_cmpfloat (clusters[c].first, <=, clusters[c].last);
          if (c > 0)
            g_assert_cmpfloat (clusters[c].x0, >, clusters[c - 1].x1);
        }
      g_assert_cmpuint (drawn + counted, ==, in_view);
    }

  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/timeline/layout/never-overlaps", test_layout_never_overlaps);
  g_test_add_func ("/timeline/layout/first-free-row", test_layout_first_free_row);
  g_test_add_func ("/timeline/layout/reserved", test_layout_reserved);
  g_test_add_func ("/timeline/layout/every-event-reachable", test_layout_every_event_reachable);
  g_test_add_func ("/timeline/layout/era-titles", test_era_titles);
  g_test_add_func ("/timeline/layout/document", test_layout_document);
  g_test_add_func ("/timeline/layout/floating-selection", test_layout_floating_selection);
  g_test_add_func ("/timeline/layout/lanes", test_layout_lanes);
  g_test_add_func ("/timeline/viewport/zoom-keeps-pointer-time", test_zoom_keeps_pointer_time);
  g_test_add_func ("/timeline/viewport/pan-and-limits", test_pan_and_limits);
  g_test_add_func ("/timeline/viewport/zoom-return-and-bounds", test_zoom_return_and_bounds);
  g_test_add_func ("/timeline/axis/ticks", test_axis_ticks);
  g_test_add_func ("/timeline/axis/cosmological", test_axis_cosmological);

  return g_test_run ();
}

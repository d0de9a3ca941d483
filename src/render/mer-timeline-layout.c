/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-timeline-layout"

#include "config.h"

#include "mer-timeline-layout.h"

#include <math.h>
#include <string.h>

/* The timeline's layout: first as pure functions of numbers, tested on
 * their own (which row each event goes on so that no two labels overlap,
 * where the eras' titles go), then applied to a document's events in a view
 * by MerTimelineLayout, from which the timeline painter draws and the widget
 * picks. No GTK: the export's timeline strip is laid out the same way. */

/**
 * mer_timeline_extent_start:
 *
 * Returns: the left edge of what the placed event occupies: its marker, or
 *   its label when that goes before it
 */
double
mer_timeline_extent_start (const MerTimelineExtent *extent)
{
  if (extent->labelled && extent->label_before)
    return extent->x0 - extent->before;
  return extent->x0;
}

/**
 * mer_timeline_extent_end:
 *
 * Returns: the right edge of what the placed event occupies: its span or
 *   its label after it, whichever reaches further
 */
double
mer_timeline_extent_end (const MerTimelineExtent *extent)
{
  if (extent->labelled && !extent->label_before)
    return MAX (extent->x1, extent->x0 + extent->after);
  return extent->x1;
}

/* The rows as cells a pixel wide, each taken or free, over the view and a
 * view's width either side of it: placing an event anywhere along a row
 * costs what its width does, whatever was placed before. */
typedef struct {
  guint8  *cells;
  guint16 *taken;    /* by cell, how many rows have it taken */
  int      lo;
  int      n_cells;
} Occupancy;

static void
cell_range (const Occupancy *occupancy,
            double           from,
            double           to,
            int             *a,
            int             *b)
{
  *a = (int) CLAMP (floor (from) - occupancy->lo, 0, occupancy->n_cells);
  *b = (int) CLAMP (ceil (to) - occupancy->lo, 0, occupancy->n_cells);
}

static gboolean
is_free (const Occupancy *occupancy,
         guint            row,
         double           from,
         double           to)
{
  const guint8 *cells = occupancy->cells + (gsize) row * occupancy->n_cells;
  int a, b;

  cell_range (occupancy, from, to, &a, &b);
  for (int i = a; i < b; i++)
    if (cells[i])
      return FALSE;
  return TRUE;
}

static void
take (Occupancy *occupancy,
      guint      row,
      double     from,
      double     to)
{
  int a, b;

  cell_range (occupancy, from, to, &a, &b);
  if (b > a)
    memset (occupancy->cells + (gsize) row * occupancy->n_cells + a, 1, b - a);
  /* Only free cells are taken. */
  for (int i = a; i < b; i++)
    occupancy->taken[i]++;
}

/* Tries @extent on each row in turn, labelled or not. */
static gboolean
try_rows (Occupancy         *occupancy,
          MerTimelineExtent *extent,
          guint              max_rows,
          double             width,
          double             gap,
          gboolean           labelled)
{
  gboolean after_fits = extent->x0 + extent->after <= width || extent->x0 - extent->before < 0;
  gboolean before_fits = extent->x0 - extent->before >= 0;
  gboolean crowded;
  int a, b;

  /* Where every row is taken at its marker, as most are in a crowded view,
   * there is no need to look row by row. */
  cell_range (occupancy, extent->x0, extent->x0 + 1, &a, &b);
  crowded = a < b && occupancy->taken[a] >= max_rows;

  for (guint r = 0; r < max_rows && !crowded; r++)
    {
      for (int side = 0; side < (labelled ? 2 : 1); side++)
        {
          /* At the right edge a label goes before its event, to be read whole. */
          if (labelled && ((side == 0 && !after_fits) || (side == 1 && !before_fits)))
            continue;

          extent->row = (int) r;
          extent->labelled = labelled;
          extent->label_before = side == 1;
          if (is_free (occupancy, r, mer_timeline_extent_start (extent), mer_timeline_extent_end (extent) + gap))
            {
              take (occupancy, r, mer_timeline_extent_start (extent), mer_timeline_extent_end (extent) + gap);
              return TRUE;
            }
        }
    }

  extent->row = -1;
  extent->labelled = FALSE;
  extent->label_before = FALSE;
  return FALSE;
}

/**
 * mer_timeline_layout_rows:
 * @extents: (array length=n_extents): the events, sorted by @x0; their
 *   @row, @labelled and @label_before are set
 * @max_rows: the rows there is room for
 * @width: the width of the view: a label that would run past it goes
 *   before its event when there is room there
 * @gap: the space to keep between neighbours on a row
 * @reserved: the room at the right end of the first row that no event may
 *   take (a lane's name), or 0
 *
 * Places each event where it overlaps nothing, keeping @gap to its
 * neighbours: first with a label, the events of the highest priority first
 * and those of one priority in order, each on the first row with room for
 * it; then those left without, as bare marks; those with no room even for
 * that are left without a row.
 *
 * Returns: the number of rows used
 */
guint
mer_timeline_layout_rows (MerTimelineExtent *extents,
                          guint              n_extents,
                          guint              max_rows,
                          double             width,
                          double             gap,
                          double             reserved)
{
  Occupancy occupancy;
  g_autofree guint8 *cells = NULL;
  g_autofree guint16 *taken = NULL;
  g_autofree guint *order = NULL;
  guint counts[256] = { 0 }, starts[256];
  guint n_rows = 0;

  if (n_extents == 0)
    return 0;

  /* Wide enough for what is on screen and the labels that reach into it. */
  occupancy.lo = (int) -ceil (width) - 1;
  occupancy.n_cells = 3 * (int) ceil (width) + 3;
  occupancy.cells = cells = g_malloc0 ((gsize) MAX (max_rows, 1) * occupancy.n_cells);
  occupancy.taken = taken = g_new0 (guint16, occupancy.n_cells);
  if (reserved > 0 && max_rows > 0)
    take (&occupancy, 0, width - reserved, width + occupancy.n_cells);

  /* By priority, highest first, in order within one: a counting sort, for a
   * frame may lay out 100,000 events. */
  order = g_new (guint, n_extents);
  for (guint i = 0; i < n_extents; i++)
    counts[MIN (extents[i].priority, 255)]++;
  for (guint p = 256, start = 0; p > 0; p--)
    {
      starts[p - 1] = start;
      start += counts[p - 1];
    }
  for (guint i = 0; i < n_extents; i++)
    order[starts[MIN (extents[i].priority, 255)]++] = i;

  for (guint i = 0; i < n_extents; i++)
    try_rows (&occupancy, &extents[order[i]], max_rows, width, gap, TRUE);
  for (guint i = 0; i < n_extents; i++)
    if (extents[order[i]].row < 0)
      try_rows (&occupancy, &extents[order[i]], max_rows, width, gap, FALSE);

  for (guint i = 0; i < n_extents; i++)
    n_rows = MAX (n_rows, (guint) (extents[i].row + 1));
  return n_rows;
}

#define TITLE_PADDING 4.0
#define TITLE_SPACING 12.0
#define TITLE_MIN_WIDTH 24.0

/**
 * mer_timeline_layout_titles:
 * @titles: (array length=n_titles): the eras, in order of start
 * @width: the width of the timeline
 *
 * Overlapping eras share the title row: each title starts inside its band,
 * after the title before it ends, and is shortened to fit its band; one with
 * less than a few characters' room is left out.
 */
void
mer_timeline_layout_titles (MerTimelineTitle *titles,
                            guint             n_titles,
                            double            width)
{
  double end = -G_MAXDOUBLE;

  for (guint i = 0; i < n_titles; i++)
    {
      MerTimelineTitle *title = &titles[i];
      double right = MIN (title->x1, width) - TITLE_PADDING;

      title->x = MAX (MAX (title->x0, 0) + TITLE_PADDING, end + TITLE_SPACING);
      title->width = MIN (title->natural_width, right - title->x);
      if (title->x1 < 0 || title->x0 > width || title->width < TITLE_MIN_WIDTH)
        {
          title->width = 0;
          continue;
        }
      end = title->x + title->width;
    }
}

/* The widget's measures; an export draws them at its own scale. */
#define ERA_HEIGHT 18.0
#define ROWS_GAP 3.0
/* Compact rows, a line of text each, so that a crowded view has many. */
#define ROW_HEIGHT 18.0
#define BADGE_HEIGHT 16.0
/* The fine ticks' labels and, under them, the enclosing year, month or day. */
#define AXIS_HEIGHT 40.0
#define MARKER_RADIUS 5.0
#define LABEL_GAP 6.0
#define WHISKER 24.0
#define BADGE_WIDTH 26.0
/* A label's room is reckoned for this many characters at most: a long
 * title is shortened rather than leave a row to few events. */
#define LABEL_MAX_CHARS 30
#define LABEL_MIN_CHARS 4

/**
 * mer_timeline_metrics_init:
 * @scale: 1 for the widget's measures
 */
void
mer_timeline_metrics_init (MerTimelineMetrics *metrics,
                           double              scale)
{
  *metrics = (MerTimelineMetrics) {
    scale,
    ERA_HEIGHT * scale,
    (ERA_HEIGHT + ROWS_GAP) * scale,
    ROW_HEIGHT * scale,
    BADGE_HEIGHT * scale,
    AXIS_HEIGHT * scale,
    MARKER_RADIUS * scale,
    LABEL_GAP * scale,
    WHISKER * scale,
    BADGE_WIDTH * scale,
  };
}

/**
 * mer_timeline_metrics_height:
 *
 * Returns: the height of a timeline with room for @n_rows rows of events
 */
double
mer_timeline_metrics_height (const MerTimelineMetrics *metrics,
                             guint                     n_rows)
{
  return metrics->rows_top + n_rows * metrics->row_height + metrics->badge_height + metrics->axis_height;
}

/**
 * mer_timeline_view_time_to_x:
 * @time: seconds from 1970
 *
 * Returns: where @time is across the view
 */
double
mer_timeline_view_time_to_x (const MerTimelineView *view,
                             double                 time)
{
  return (time - view->start) / (view->end - view->start) * view->width;
}

/* What the layout needs of each event, read once per document: a frame may
 * lay out 100,000 events. */
typedef struct {
  MerEvent    *event;
  MerCategory *category;
  double       first;
  double       last;
  guint        title_chars;
  guint        importance;
  gboolean     circa;
} Cached;

/* The events of a document laid out in a view: on rows where no two labels
 * overlap, in one lane or in a lane per category, labelled or as bare
 * marks, with those that find no row counted in cluster badges. The widget
 * and the export's timeline strip both draw from it, and the widget picks
 * from it. */
struct _MerTimelineLayout
{
  /* Owned */
  MerDocument *document;
  GArray      *cache;     /* Cached, by position in the document's events */
  GArray      *placed;    /* MerTimelinePlaced, lane by lane in time order */
  GArray      *clusters;  /* MerTimelineCluster, in order */
  GPtrArray   *lanes;     /* MerCategory (or NULL), when lanes are on */
  GArray      *unplaced;  /* guint: by pixel, the events in view without a row */
  GArray      *unplaced_first;  /* double: by pixel, the first such event's time */
  GArray      *unplaced_last;   /* double: by pixel, the last such event's time */

  MerTimelineView    view;
  MerTimelineMetrics metrics;
  double             char_width;
  gboolean           show_lanes;
  guint              max_rows;
  guint              first_row;
  guint              n_visible_rows;
  guint              generation;
};

/**
 * mer_timeline_layout_new:
 *
 * Returns: (transfer full): a layout of no document, at the widget's
 *   measures; free it with mer_timeline_layout_free()
 */
MerTimelineLayout *
mer_timeline_layout_new (void)
{
  MerTimelineLayout *self = g_new0 (MerTimelineLayout, 1);

  self->cache = g_array_new (FALSE, FALSE, sizeof (Cached));
  self->placed = g_array_new (FALSE, FALSE, sizeof (MerTimelinePlaced));
  self->clusters = g_array_new (FALSE, FALSE, sizeof (MerTimelineCluster));
  self->unplaced = g_array_new (FALSE, TRUE, sizeof (guint));
  self->unplaced_first = g_array_new (FALSE, FALSE, sizeof (double));
  self->unplaced_last = g_array_new (FALSE, FALSE, sizeof (double));
  self->view = (MerTimelineView) { 0, 1, 1, 1 };
  mer_timeline_metrics_init (&self->metrics, 1);
  self->char_width = 7;
  return self;
}

void
mer_timeline_layout_free (MerTimelineLayout *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->document);
  g_array_unref (self->cache);
  g_array_unref (self->placed);
  g_array_unref (self->clusters);
  g_array_unref (self->unplaced);
  g_array_unref (self->unplaced_first);
  g_array_unref (self->unplaced_last);
  g_clear_pointer (&self->lanes, g_ptr_array_unref);
  g_free (self);
}

static void
update_cache (MerTimelineLayout *self)
{
  GListModel *events;
  guint n;

  g_array_set_size (self->cache, 0);
  if (self->document == NULL)
    return;

  events = mer_document_get_events (self->document);
  n = g_list_model_get_n_items (events);
  g_array_set_size (self->cache, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MerEvent) event = g_list_model_get_item (events, i);
      Cached *cached = &g_array_index (self->cache, Cached, i);

      /* Borrowed: the document, which the layout holds, owns the events. */
      cached->event = event;
      cached->category = mer_event_get_category (event);
      cached->first = mer_event_get_first_second (event);
      cached->last = mer_event_get_last_second (event);
      cached->title_chars = (guint) g_utf8_strlen (mer_event_get_title (event), -1);
      cached->importance = mer_event_get_importance (event);
      cached->circa = mer_event_get_circa (event);
    }
}

static void
unref_lane (gpointer category)
{
  /* The last lane, for events without a category, has none. */
  if (category != NULL)
    g_object_unref (category);
}

static void
update_lanes (MerTimelineLayout *self)
{
  GListModel *categories;

  g_clear_pointer (&self->lanes, g_ptr_array_unref);
  if (!self->show_lanes || self->document == NULL)
    return;

  categories = mer_document_get_categories (self->document);
  self->lanes = g_ptr_array_new_with_free_func (unref_lane);
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    g_ptr_array_add (self->lanes, g_list_model_get_item (categories, i));
  /* A last lane for events without a category. */
  g_ptr_array_add (self->lanes, NULL);
}

static void
clear_layout (MerTimelineLayout *self)
{
  self->generation++;
  g_array_set_size (self->placed, 0);
  g_array_set_size (self->clusters, 0);
}

/**
 * mer_timeline_layout_set_document:
 * @document: (nullable): the story whose events to lay out
 *
 * Reads what the layout needs of each event. Call it again when the
 * document's events change; the layout is empty until the next update.
 */
void
mer_timeline_layout_set_document (MerTimelineLayout *self,
                                  MerDocument       *document)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (document == NULL || MER_IS_DOCUMENT (document));

  clear_layout (self);
  g_set_object (&self->document, document);
  update_cache (self);
  update_lanes (self);
}

/**
 * mer_timeline_layout_get_document:
 *
 * Returns: (transfer none) (nullable): the story laid out
 */
MerDocument *
mer_timeline_layout_get_document (MerTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->document;
}

/**
 * mer_timeline_layout_set_lanes:
 * @lanes: whether each category gets its own lane of rows
 *
 * Takes effect at the next update.
 */
void
mer_timeline_layout_set_lanes (MerTimelineLayout *self,
                               gboolean           lanes)
{
  g_return_if_fail (self != NULL);

  if (self->show_lanes == lanes)
    return;

  self->show_lanes = lanes;
  clear_layout (self);
  update_lanes (self);
}

gboolean
mer_timeline_layout_get_lanes (MerTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->show_lanes;
}

/**
 * mer_timeline_layout_set_scale:
 * @scale: the size of everything against the widget's measures
 *
 * Takes effect at the next update.
 */
void
mer_timeline_layout_set_scale (MerTimelineLayout *self,
                               double             scale)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (scale > 0);

  mer_timeline_metrics_init (&self->metrics, scale);
}

/**
 * mer_timeline_layout_set_char_width:
 * @char_width: the average width of a character of the labels' font, from
 *   which the room each label needs is reckoned before any text is shaped
 *
 * Takes effect at the next update.
 */
void
mer_timeline_layout_set_char_width (MerTimelineLayout *self,
                                    double             char_width)
{
  g_return_if_fail (self != NULL);
  self->char_width = char_width;
}

/**
 * mer_timeline_layout_get_generation:
 *
 * Returns: a number that changes whenever the layout is made anew: equal
 *   numbers, the same layout
 */
guint
mer_timeline_layout_get_generation (MerTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->generation;
}

/**
 * mer_timeline_layout_get_metrics:
 *
 * Returns: (transfer none): the measures at the layout's scale
 */
const MerTimelineMetrics *
mer_timeline_layout_get_metrics (MerTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->metrics;
}

static double
label_lead (MerTimelineLayout *self,
            gboolean           circa)
{
  return circa ? self->metrics.whisker + 2 * self->metrics.scale : self->metrics.label_gap;
}

/**
 * mer_timeline_layout_get_label_lead:
 *
 * Returns: the room between a label placed before @event and the event's
 *   marker: past the fading whisker of an approximate date
 */
double
mer_timeline_layout_get_label_lead (MerTimelineLayout *self,
                                    MerEvent          *event)
{
  g_return_val_if_fail (self != NULL, 0);
  return label_lead (self, mer_event_get_circa (event));
}

/* A label's width as the layout reckons it, before any text is shaped. */
static double
label_width_estimate (MerTimelineLayout *self,
                      MerEvent          *event)
{
  return g_utf8_strlen (mer_event_get_title (event), -1) * self->char_width;
}

static int
lane_of (MerTimelineLayout *self,
         MerCategory       *category)
{
  guint index;

  if (self->lanes == NULL)
    return 0;
  if (g_ptr_array_find (self->lanes, category, &index))
    return (int) index;
  return (int) self->lanes->len - 1;
}

static guint
available_rows (MerTimelineLayout *self)
{
  const MerTimelineMetrics *m = &self->metrics;
  double height = self->view.height - m->rows_top - m->badge_height - m->axis_height;

  return (guint) MAX (1, floor (height / m->row_height));
}

static const char *
lane_name (MerCategory *category)
{
  return category != NULL ? mer_category_get_name (category) : "Other";
}

/* The room a lane's name takes at the right end of its first row. */
static double
lane_name_width (MerTimelineLayout *self,
                 guint              lane)
{
  const MerTimelineMetrics *m = &self->metrics;
  MerCategory *category = g_ptr_array_index (self->lanes, lane);

  return g_utf8_strlen (lane_name (category), -1) * self->char_width + 6 * m->scale;
}

/* How far a label may run: the room it was given, and on into the free room
 * beside it, as far as its whole title may need (the average character it
 * was reckoned from is narrower than some). Labels after their events take
 * the free room first, then those before theirs what is left. */
#define LABEL_SLACK 1.4

static void
widen_labels (MerTimelineLayout *self,
              GArray            *extents,
              GArray            *lane_events,
              guint              n_rows,
              double             gap,
              double             reserved)
{
  const MerTimelineMetrics *m = &self->metrics;
  /* By row, where the nearest placed neighbour begins or ends: one pass each
   * way instead of a search from every label, which in a crowded view went
   * past thousands of events without a row. */
  g_autofree double *neighbour = g_new (double, MAX (n_rows, 1));

  for (guint r = 0; r < n_rows; r++)
    neighbour[r] = G_MAXDOUBLE;
  for (guint i = extents->len; i > 0; i--)
    {
      MerTimelineExtent *extent = &g_array_index (extents, MerTimelineExtent, i - 1);
      const Cached *cached;
      double room;

      if (extent->row < 0)
        continue;
      if (extent->labelled && !extent->label_before)
        {
          cached = &g_array_index (self->cache, Cached, g_array_index (lane_events, guint, i - 1));
          room = self->view.width - (extent->row == 0 ? reserved : 0) - extent->x0;
          if (neighbour[extent->row] != G_MAXDOUBLE)
            room = MIN (room, neighbour[extent->row] - gap - extent->x0);
          room = MIN (room, 2 * m->marker_radius + m->label_gap + LABEL_SLACK * cached->title_chars * self->char_width);
          extent->after = MAX (extent->after, room);
        }
      neighbour[extent->row] = mer_timeline_extent_start (extent);
    }

  for (guint r = 0; r < n_rows; r++)
    neighbour[r] = -G_MAXDOUBLE;
  for (guint i = 0; i < extents->len; i++)
    {
      MerTimelineExtent *extent = &g_array_index (extents, MerTimelineExtent, i);
      const Cached *cached;
      double room;

      if (extent->row < 0)
        continue;
      if (extent->labelled && extent->label_before)
        {
          cached = &g_array_index (self->cache, Cached, g_array_index (lane_events, guint, i));
          room = extent->x0;
          if (neighbour[extent->row] != -G_MAXDOUBLE)
            room = MIN (room, extent->x0 - gap - neighbour[extent->row]);
          room = MIN (room, label_lead (self, cached->circa) + LABEL_SLACK * cached->title_chars * self->char_width);
          extent->before = MAX (extent->before, room);
        }
      neighbour[extent->row] = mer_timeline_extent_end (extent);
    }
}

/* Counts the events left without a row in badges along the strip above the
 * axis: the events at a pixel, and those after them up to the badge's end,
 * go in one badge; the next begins past it. */
static void
update_clusters (MerTimelineLayout *self)
{
  const MerTimelineMetrics *m = &self->metrics;
  const guint *unplaced = (const guint *) self->unplaced->data;
  const double *first = (const double *) self->unplaced_first->data;
  const double *last = (const double *) self->unplaced_last->data;
  MerTimelineCluster *cluster = NULL;

  g_array_set_size (self->clusters, 0);
  for (guint x = 0; x < self->unplaced->len; x++)
    {
      if (unplaced[x] == 0)
        continue;

      if (cluster != NULL && x - m->marker_radius < cluster->x1 + m->label_gap)
        {
          cluster->count += unplaced[x];
          cluster->first = MIN (cluster->first, first[x]);
          cluster->last = MAX (cluster->last, last[x]);
        }
      else
        {
          MerTimelineCluster next = { x - m->marker_radius, 0, unplaced[x], first[x], last[x] };

          g_array_append_val (self->clusters, next);
          cluster = &g_array_index (self->clusters, MerTimelineCluster, self->clusters->len - 1);
        }

      {
        g_autofree char *text = g_strdup_printf ("+%u", cluster->count);
        double text_width = strlen (text) * self->char_width + 8 * m->scale;

        cluster->x1 = MAX (cluster->x1, MAX (x + m->marker_radius, cluster->x0 + MAX (m->badge_width, text_width)));
      }
    }
}

/**
 * mer_timeline_layout_update:
 * @view: what to show
 * @state: (nullable): the filters that hide events
 *
 * Lays out the events that meet @view: a view does it once per frame after
 * a change.
 */
void
mer_timeline_layout_update (MerTimelineLayout     *self,
                            const MerTimelineView *view,
                            MerState              *state)
{
  const MerTimelineMetrics *m;
  double width, start, end, seconds_per_pixel;
  g_autoptr(GArray) positions = NULL;
  g_autoptr(GArray) extents = NULL;
  guint n_lanes, rows_per_lane, n_pixels;
  gboolean filters;

  g_return_if_fail (self != NULL);
  g_return_if_fail (view != NULL && view->width > 0 && view->end > view->start);
  g_return_if_fail (state == NULL || MER_IS_STATE (state));

  self->generation++;
  m = &self->metrics;
  self->view = *view;
  width = view->width;
  start = view->start;
  end = view->end;
  seconds_per_pixel = (end - start) / width;

  g_array_set_size (self->placed, 0);
  g_array_set_size (self->clusters, 0);
  n_pixels = (guint) ceil (width) + 1;
  g_array_set_size (self->unplaced, n_pixels);
  memset (self->unplaced->data, 0, n_pixels * sizeof (guint));
  g_array_set_size (self->unplaced_first, n_pixels);
  g_array_set_size (self->unplaced_last, n_pixels);

  if (self->document == NULL)
    return;

  /* Labels reach right of their start: look a little to the left too. */
  positions = g_array_new (FALSE, FALSE, sizeof (guint));
  mer_document_query_positions (self->document, (gint64) floor (start - 300 * seconds_per_pixel), (gint64) ceil (end),
                                positions);
  filters = state != NULL && mer_state_has_filters (state);
  n_lanes = self->lanes != NULL ? self->lanes->len : 1;
  /* Each lane has a row at least: when they do not all fit, the rows
   * scroll. */
  rows_per_lane = MAX (1, available_rows (self) / n_lanes);
  self->max_rows = rows_per_lane * n_lanes;
  self->n_visible_rows = MIN (available_rows (self), self->max_rows);
  self->first_row = MIN (self->first_row, self->max_rows - self->n_visible_rows);
  extents = g_array_sized_new (FALSE, FALSE, sizeof (MerTimelineExtent), positions->len);

  for (guint lane = 0; lane < n_lanes; lane++)
    {
      g_autoptr(GArray) lane_events = g_array_sized_new (FALSE, FALSE, sizeof (guint), positions->len);
      MerTimelineExtent *lane_extents;
      guint *lane_positions;
      guint n = 0;
      double reserved;

      /* Filled in place: appending one by one cost a call per event, and a
       * zoomed-out view has 100,000 of them. */
      g_array_set_size (extents, positions->len);
      g_array_set_size (lane_events, positions->len);
      lane_extents = (MerTimelineExtent *) extents->data;
      lane_positions = (guint *) lane_events->data;
      for (guint i = 0; i < positions->len; i++)
        {
          guint position = g_array_index (positions, guint, i);
          const Cached *cached = &g_array_index (self->cache, Cached, position);
          MerTimelineExtent extent = { 0, };
          double text;
          double x0 = (cached->first - start) / seconds_per_pixel;
          double x1 = (cached->last - start) / seconds_per_pixel;

          if ((self->lanes != NULL && lane_of (self, cached->category) != (int) lane) ||
              (filters && !mer_state_event_passes_filters (state, cached->event)))
            continue;

          /* A point, or a span shorter than the marker, is drawn as a point. */
          if (x1 - x0 < 2 * m->marker_radius)
            x1 = x0;
          extent.x0 = x0 - m->marker_radius;
          extent.x1 = x1 + m->marker_radius;
          text = CLAMP (cached->title_chars, MIN (cached->title_chars, LABEL_MIN_CHARS), LABEL_MAX_CHARS) *
                 self->char_width;
          extent.after = 2 * m->marker_radius + m->label_gap + text;
          extent.before = label_lead (self, cached->circa) + text;
          extent.priority = cached->importance;
          lane_extents[n] = extent;
          lane_positions[n] = position;
          n++;
        }
      g_array_set_size (extents, n);
      g_array_set_size (lane_events, n);

      reserved = self->lanes != NULL ? lane_name_width (self, lane) + m->label_gap : 0;
      mer_timeline_layout_rows ((MerTimelineExtent *) extents->data, extents->len, rows_per_lane, width,
                                m->label_gap, reserved);
      widen_labels (self, extents, lane_events, rows_per_lane, m->label_gap, reserved);

      for (guint i = 0; i < lane_events->len; i++)
        {
          const MerTimelineExtent *extent = &g_array_index (extents, MerTimelineExtent, i);
          const Cached *cached = &g_array_index (self->cache, Cached, g_array_index (lane_events, guint, i));
          MerTimelinePlaced placed;
          double x = extent->x0 + m->marker_radius;
          guint row = lane * rows_per_lane + (guint) extent->row;

          /* Without a row, or on one scrolled out of view: counted. */
          if (extent->row < 0 || row < self->first_row || row >= self->first_row + self->n_visible_rows)
            {
              if (x >= 0 && x <= width)
                {
                  guint pixel = (guint) x;

                  if (g_array_index (self->unplaced, guint, pixel)++ == 0)
                    {
                      g_array_index (self->unplaced_first, double, pixel) = cached->first;
                      g_array_index (self->unplaced_last, double, pixel) = cached->first;
                    }
                  else
                    {
                      double *first = &g_array_index (self->unplaced_first, double, pixel);
                      double *last = &g_array_index (self->unplaced_last, double, pixel);

                      *first = MIN (*first, cached->first);
                      *last = MAX (*last, cached->first);
                    }
                }
              continue;
            }

          placed = (MerTimelinePlaced) {
            cached->event,
            x, extent->x1 - m->marker_radius,
            m->rows_top + (row - self->first_row) * m->row_height + m->row_height / 2,
            extent->row, (int) lane, extent->label_before, 0,
          };
          if (extent->labelled)
            placed.label_width = extent->label_before ? extent->before - label_lead (self, cached->circa)
                                                      : extent->after - 2 * m->marker_radius - m->label_gap;
          g_array_append_val (self->placed, placed);
        }
    }

  update_clusters (self);
}

/**
 * mer_timeline_layout_get_view:
 *
 * Returns: (transfer none): the view of the last update
 */
const MerTimelineView *
mer_timeline_layout_get_view (MerTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->view;
}

/**
 * mer_timeline_layout_get_placed:
 * @n_placed: (out): how many events found a row
 *
 * Returns: (transfer none) (array length=n_placed): the events on rows,
 *   lane by lane in time order
 */
const MerTimelinePlaced *
mer_timeline_layout_get_placed (MerTimelineLayout *self,
                                guint             *n_placed)
{
  g_return_val_if_fail (self != NULL, NULL);

  *n_placed = self->placed->len;
  return (const MerTimelinePlaced *) self->placed->data;
}

/**
 * mer_timeline_layout_get_clusters:
 * @n_clusters: (out): the number of badges
 *
 * Returns: (transfer none) (array length=n_clusters): the badges counting
 *   the events in view that found no row, left to right, none overlapping
 */
const MerTimelineCluster *
mer_timeline_layout_get_clusters (MerTimelineLayout *self,
                                  guint             *n_clusters)
{
  g_return_val_if_fail (self != NULL, NULL);

  *n_clusters = self->clusters->len;
  return (const MerTimelineCluster *) self->clusters->data;
}

/* Where the strip of cluster badges begins. */
static double
badges_top (MerTimelineLayout *self)
{
  return self->view.height - self->metrics.axis_height - self->metrics.badge_height;
}

/**
 * mer_timeline_layout_pick_cluster:
 *
 * Returns: (transfer none) (nullable): the badge at (@x, @y)
 */
const MerTimelineCluster *
mer_timeline_layout_pick_cluster (MerTimelineLayout *self,
                                  double             x,
                                  double             y)
{
  double top;

  g_return_val_if_fail (self != NULL, NULL);

  top = badges_top (self);
  if (y < top || y > top + self->metrics.badge_height)
    return NULL;

  for (guint i = 0; i < self->clusters->len; i++)
    {
      const MerTimelineCluster *cluster = &g_array_index (self->clusters, MerTimelineCluster, i);

      if (x >= cluster->x0 && x <= cluster->x1)
        return cluster;
    }
  return NULL;
}

/**
 * mer_timeline_layout_get_n_lanes:
 *
 * Returns: the number of lanes: one per category and one for the rest, or 0
 *   when the events share one lane
 */
guint
mer_timeline_layout_get_n_lanes (MerTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->lanes != NULL ? self->lanes->len : 0;
}

/**
 * mer_timeline_layout_scroll_rows:
 * @first_row: the first row to show, when there are more rows than room
 *   (a lane each)
 *
 * Takes effect at the next update, which keeps it within the rows.
 */
void
mer_timeline_layout_scroll_rows (MerTimelineLayout *self,
                                 guint              first_row)
{
  g_return_if_fail (self != NULL);
  self->first_row = first_row;
}

/**
 * mer_timeline_layout_get_rows:
 * @n_rows: (out) (optional): the rows laid out
 * @n_visible: (out) (optional): how many of them are in view
 *
 * Returns: the first row in view
 */
guint
mer_timeline_layout_get_rows (MerTimelineLayout *self,
                              guint             *n_rows,
                              guint             *n_visible)
{
  g_return_val_if_fail (self != NULL, 0);

  if (n_rows != NULL)
    *n_rows = self->max_rows;
  if (n_visible != NULL)
    *n_visible = self->n_visible_rows;
  return self->first_row;
}

/**
 * mer_timeline_layout_get_lane:
 * @y: (out): where the lane's first row begins
 * @name_width: (out): the room its name has at the right end of that row,
 *   which no event takes
 *
 * Returns: (transfer none) (nullable): the lane's category, or %NULL for the
 *   lane of events without one
 */
MerCategory *
mer_timeline_layout_get_lane (MerTimelineLayout *self,
                              guint              lane,
                              double            *y,
                              double            *name_width)
{
  guint rows_per_lane;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->lanes != NULL && lane < self->lanes->len, NULL);

  rows_per_lane = MAX (1, self->max_rows / self->lanes->len);
  *y = self->metrics.rows_top + ((double) (lane * rows_per_lane) - self->first_row) * self->metrics.row_height;
  *name_width = lane_name_width (self, lane);
  return g_ptr_array_index (self->lanes, lane);
}

/**
 * mer_timeline_layout_get_reach:
 * @text_scale: how much wider than reckoned its label may be (bold titles)
 * @left: (out): where the event and its label begin across its row
 * @right: (out): where they end
 */
void
mer_timeline_layout_get_reach (MerTimelineLayout       *self,
                               const MerTimelinePlaced *placed,
                               double                   text_scale,
                               double                  *left,
                               double                  *right)
{
  const MerTimelineMetrics *m;
  double text;

  g_return_if_fail (self != NULL);
  g_return_if_fail (placed != NULL);

  m = &self->metrics;
  text = placed->label_width * text_scale;
  if (placed->label_before && text > 0)
    {
      *left = placed->x0 - m->marker_radius - mer_timeline_layout_get_label_lead (self, placed->event) - text;
      *right = placed->x1 + m->marker_radius;
    }
  else if (text > 0)
    {
      *left = placed->x0 - m->marker_radius;
      *right = MAX (placed->x0 + m->marker_radius + m->label_gap + text, placed->x1 + m->marker_radius);
    }
  else
    {
      *left = placed->x0 - m->marker_radius;
      *right = placed->x1 + m->marker_radius;
    }
}

/* How much wider a selected title, in bold, may be than reckoned. */
#define SELECTED_TEXT_SCALE 1.3

/**
 * mer_timeline_layout_get_floating:
 * @state: (nullable): the selection
 * @floating: (out caller-allocates): where the selected event goes
 *
 * The selected event when it found no row of its own (the view is dense)
 * goes over the first row, and one placed as a bare mark, or with too little
 * room for its whole title, gets its label over its neighbours', so that a
 * selection is always seen and named.
 *
 * Returns: whether the selection is in view without a labelled place
 */
gboolean
mer_timeline_layout_get_floating (MerTimelineLayout *self,
                                  MerState          *state,
                                  MerTimelinePlaced *floating)
{
  const MerTimelineMetrics *m;
  MerEvent *selected;
  double x, text, y;
  int row = 0, lane = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (floating != NULL, FALSE);

  m = &self->metrics;
  selected = state != NULL ? mer_state_get_selected_event (state) : NULL;
  if (selected == NULL)
    return FALSE;

  y = m->rows_top + m->row_height / 2;
  for (guint i = 0; i < self->placed->len; i++)
    {
      const MerTimelinePlaced *placed = &g_array_index (self->placed, MerTimelinePlaced, i);

      if (placed->event != selected)
        continue;
      /* Its title is bold when selected: with room for that, it stays. */
      if (placed->label_width >= SELECTED_TEXT_SCALE * label_width_estimate (self, selected))
        return FALSE;
      y = placed->y;
      row = placed->row;
      lane = placed->lane;
      break;
    }

  x = mer_timeline_view_time_to_x (&self->view, mer_event_get_first_second (selected));
  if (x < -m->marker_radius || x > self->view.width || !mer_state_event_passes_filters (state, selected))
    return FALSE;

  *floating = (MerTimelinePlaced) {
    selected, x, MAX (x, mer_timeline_view_time_to_x (&self->view, mer_event_get_last_second (selected))),
    y, row, lane, FALSE, 0,
  };
  if (floating->x1 - floating->x0 < 2 * m->marker_radius)
    floating->x1 = floating->x0;
  /* At the right edge its label goes before it, as on the rows. */
  text = SELECTED_TEXT_SCALE * label_width_estimate (self, selected);
  floating->label_before = x + m->marker_radius + m->label_gap + text > self->view.width &&
                           x - m->marker_radius - mer_timeline_layout_get_label_lead (self, selected) - text >= 0;
  floating->label_width = floating->label_before
                            ? text
                            : MIN (text, self->view.width - floating->x0 - m->marker_radius - m->label_gap);
  return TRUE;
}

/**
 * mer_timeline_layout_gives_way:
 * @floating: where the selection floats (mer_timeline_layout_get_floating())
 * @placed: an event on the rows
 *
 * Whether @placed's label is left out because the floating selection's
 * title, on its band, would half cover it: the event stays a mark.
 */
gboolean
mer_timeline_layout_gives_way (MerTimelineLayout       *self,
                               const MerTimelinePlaced *floating,
                               const MerTimelinePlaced *placed)
{
  double left, right, band_left, band_right;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (floating != NULL, FALSE);
  g_return_val_if_fail (placed != NULL, FALSE);

  if (placed->label_width <= 0 || fabs (placed->y - floating->y) >= self->metrics.row_height / 2)
    return FALSE;
  mer_timeline_layout_get_floating_band (self, floating, &band_left, &band_right);
  mer_timeline_layout_get_reach (self, placed, 1, &left, &right);
  return left < band_right && right > band_left;
}

/**
 * mer_timeline_layout_get_floating_band:
 * @floating: where the selection floats (mer_timeline_layout_get_floating())
 * @left: (out): where the band it is drawn on begins
 * @right: (out): where it ends
 */
void
mer_timeline_layout_get_floating_band (MerTimelineLayout       *self,
                                       const MerTimelinePlaced *floating,
                                       double                  *left,
                                       double                  *right)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (floating != NULL);

  /* Its label's room was reckoned for a bold title already. */
  mer_timeline_layout_get_reach (self, floating, 1, left, right);
  *left = MAX (*left - 4 * self->metrics.scale, 0);
  *right = MIN (*right + 4 * self->metrics.scale, self->view.width);
}

/**
 * mer_timeline_layout_pick:
 * @state: (nullable): the selection, which may float over the first row
 *
 * Returns: (transfer none) (nullable): the event whose marker or label is at
 *   (@x, @y)
 */
MerEvent *
mer_timeline_layout_pick (MerTimelineLayout *self,
                          MerState          *state,
                          double             x,
                          double             y)
{
  const MerTimelineMetrics *m;
  MerTimelinePlaced floating;
  gboolean has_floating, on_band = FALSE;
  double left, right;

  g_return_val_if_fail (self != NULL, NULL);

  m = &self->metrics;
  has_floating = mer_timeline_layout_get_floating (self, state, &floating);
  if (has_floating && fabs (y - floating.y) <= m->row_height / 2)
    {
      mer_timeline_layout_get_reach (self, &floating, 1, &left, &right);
      on_band = x >= left && x <= right;
      /* The selection's own mark; else a mark showing through the band
       * (the labels there gave way), else its title. */
      mer_timeline_layout_get_reach (self, &floating, 0, &left, &right);
      if (on_band && x >= left && x <= right)
        return floating.event;
    }

  for (guint i = self->placed->len; i > 0; i--)
    {
      const MerTimelinePlaced *placed = &g_array_index (self->placed, MerTimelinePlaced, i - 1);

      /* A label that gave way to the floating selection is not there. */
      mer_timeline_layout_get_reach (self, placed,
                                     has_floating && mer_timeline_layout_gives_way (self, &floating, placed) ? 0 : 1,
                                     &left, &right);
      if (fabs (y - placed->y) <= m->row_height / 2 && x >= left && x <= right)
        return placed->event;
    }

  return on_band ? floating.event : NULL;
}

/**
 * mer_timeline_layout_get_event_position:
 * @x: (out): the event's marker
 * @y: (out): the event's marker
 *
 * Returns: whether the event is laid out on a row
 */
gboolean
mer_timeline_layout_get_event_position (MerTimelineLayout *self,
                                        MerEvent          *event,
                                        double            *x,
                                        double            *y)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->placed->len; i++)
    {
      const MerTimelinePlaced *placed = &g_array_index (self->placed, MerTimelinePlaced, i);

      if (placed->event == event)
        {
          *x = placed->x0;
          *y = placed->y;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * mer_timeline_layout_get_story_span:
 * @start: (out): the story's first second, less a margin
 * @end: (out): its last second, plus a margin
 *
 * Returns: whether the document has events
 */
gboolean
mer_timeline_layout_get_story_span (MerTimelineLayout *self,
                                    double            *start,
                                    double            *end)
{
  double margin;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->cache->len == 0)
    return FALSE;

  *start = g_array_index (self->cache, Cached, 0).first;
  *end = -G_MAXDOUBLE;
  for (guint i = 0; i < self->cache->len; i++)
    *end = MAX (*end, g_array_index (self->cache, Cached, i).last);

  margin = MAX ((*end - *start) * 0.04, 86400 * 30);
  *start -= margin;
  *end += margin;
  return TRUE;
}

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
 * Returns: the left edge of what the event occupies: its start, or its label
 *   when that goes before it
 */
double
mer_timeline_extent_start (const MerTimelineExtent *extent)
{
  if (extent->label_before)
    return extent->x0 - extent->label_width;
  return extent->x0;
}

/**
 * mer_timeline_extent_end:
 *
 * Returns: the right edge of what the event occupies: its span or its label,
 *   whichever reaches further
 */
double
mer_timeline_extent_end (const MerTimelineExtent *extent)
{
  if (extent->label_before)
    return extent->x1;
  return MAX (extent->x1, extent->x0 + extent->label_width);
}

/**
 * mer_timeline_layout_rows:
 * @extents: (array length=n_extents): the events, sorted by @x0
 * @max_rows: the rows there is room for
 * @gap: the space to keep between neighbours on a row
 * @rows: (out caller-allocates) (array length=n_extents): each event's row,
 *   or -1 when no row has room for it (it is then counted in the density
 *   strip instead)
 *
 * Places each event on the first row where it overlaps nothing.
 *
 * Returns: the number of rows used
 */
guint
mer_timeline_layout_rows (const MerTimelineExtent *extents,
                          guint                    n_extents,
                          guint                    max_rows,
                          double                   gap,
                          int                     *rows)
{
  g_autofree double *row_ends = g_new (double, MAX (max_rows, 1));
  guint n_rows = 0;

  for (guint i = 0; i < n_extents; i++)
    {
      const MerTimelineExtent *extent = &extents[i];
      int row = -1;

      for (guint r = 0; r < n_rows; r++)
        {
          if (row_ends[r] + gap <= mer_timeline_extent_start (extent))
            {
              row = (int) r;
              break;
            }
        }

      if (row < 0 && n_rows < max_rows)
        row = (int) n_rows++;

      if (row >= 0)
        row_ends[row] = mer_timeline_extent_end (extent);
      rows[i] = row;
    }

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
#define ROWS_GAP 4.0
#define ROW_HEIGHT 22.0
#define DENSITY_HEIGHT 10.0
#define AXIS_HEIGHT 26.0
#define MARKER_RADIUS 5.0
#define LABEL_GAP 6.0
#define WHISKER 24.0
#define BUCKET_WIDTH 4.0

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
    DENSITY_HEIGHT * scale,
    AXIS_HEIGHT * scale,
    MARKER_RADIUS * scale,
    LABEL_GAP * scale,
    WHISKER * scale,
    BUCKET_WIDTH * scale,
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
  return metrics->rows_top + n_rows * metrics->row_height + metrics->density_height + metrics->axis_height;
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
  gboolean     circa;
} Cached;

/* The events of a document laid out in a view: on rows where no two labels
 * overlap, in one lane or in a lane per category, with those that find no
 * row counted in the density strip. The widget and the export's timeline
 * strip both draw from it, and the widget picks from it. */
struct _MerTimelineLayout
{
  /* Owned */
  MerDocument *document;
  GArray      *cache;     /* Cached, by position in the document's events */
  GArray      *placed;    /* MerTimelinePlaced, lane by lane in time order */
  GArray      *density;   /* guint per bucket */
  GPtrArray   *lanes;     /* MerCategory (or NULL), when lanes are on */

  MerTimelineView    view;
  MerTimelineMetrics metrics;
  double             char_width;
  gboolean           show_lanes;
  guint              max_rows;
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
  self->density = g_array_new (FALSE, TRUE, sizeof (guint));
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
  g_array_unref (self->density);
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
  g_array_set_size (self->placed, 0);
  g_array_set_size (self->density, 0);
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
  double height = self->view.height - m->rows_top - m->density_height - m->axis_height;

  return (guint) MAX (1, floor (height / m->row_height));
}

/* How far each label may run: until the next event on its row, or that
 * event's label when it goes before it, or the right edge. */
static void
limit_labels (MerTimelineLayout *self)
{
  const MerTimelineMetrics *m = &self->metrics;

  for (guint i = 0; i < self->placed->len; i++)
    {
      MerTimelinePlaced *placed = &g_array_index (self->placed, MerTimelinePlaced, i);
      double limit = self->view.width - placed->x0;

      for (guint j = i + 1; j < self->placed->len && !placed->label_before; j++)
        {
          const MerTimelinePlaced *next = &g_array_index (self->placed, MerTimelinePlaced, j);

          if (next->row == placed->row && next->lane == placed->lane)
            {
              limit = next->x0 - m->marker_radius - m->label_gap - placed->x0;
              if (next->label_before)
                limit -= label_width_estimate (self, next->event) + mer_timeline_layout_get_label_lead (self, next->event);
              break;
            }
        }
      /* Its room was reckoned from an average character: a bold selected
       * title may take a little more, as far as the left edge. */
      if (placed->label_before)
        limit = placed->x0;

      placed->label_width = limit - m->marker_radius - m->label_gap;
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
  g_autofree int *rows = NULL;
  guint n_lanes, rows_per_lane;
  gboolean filters;

  g_return_if_fail (self != NULL);
  g_return_if_fail (view != NULL && view->width > 0 && view->end > view->start);
  g_return_if_fail (state == NULL || MER_IS_STATE (state));

  m = &self->metrics;
  self->view = *view;
  width = view->width;
  start = view->start;
  end = view->end;
  seconds_per_pixel = (end - start) / width;

  g_array_set_size (self->placed, 0);
  g_array_set_size (self->density, (guint) ceil (width / m->bucket_width) + 1);
  memset (self->density->data, 0, self->density->len * sizeof (guint));

  if (self->document == NULL)
    return;

  /* Labels reach right of their start: look a little to the left too. */
  positions = g_array_new (FALSE, FALSE, sizeof (guint));
  mer_document_query_positions (self->document, (gint64) floor (start - 300 * seconds_per_pixel), (gint64) ceil (end),
                                positions);
  filters = state != NULL && mer_state_has_filters (state);
  n_lanes = self->lanes != NULL ? self->lanes->len : 1;
  rows_per_lane = MAX (1, available_rows (self) / n_lanes);
  self->max_rows = rows_per_lane * n_lanes;
  extents = g_array_sized_new (FALSE, FALSE, sizeof (MerTimelineExtent), positions->len);

  for (guint lane = 0; lane < n_lanes; lane++)
    {
      g_autoptr(GArray) lane_events = g_array_new (FALSE, FALSE, sizeof (guint));

      g_array_set_size (extents, 0);
      for (guint i = 0; i < positions->len; i++)
        {
          guint position = g_array_index (positions, guint, i);
          const Cached *cached = &g_array_index (self->cache, Cached, position);
          MerTimelineExtent extent;
          double label_after, label_before;
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
          /* At the right edge a label goes before its event, to be read whole. */
          label_after = 2 * m->marker_radius + m->label_gap + cached->title_chars * self->char_width;
          label_before = label_lead (self, cached->circa) + cached->title_chars * self->char_width;
          extent.label_before = extent.x0 + label_after > width && extent.x0 - label_before >= 0;
          extent.label_width = extent.label_before ? label_before : label_after;
          g_array_append_val (extents, extent);
          g_array_append_val (lane_events, position);
        }

      rows = g_renew (int, rows, MAX (extents->len, 1));
      mer_timeline_layout_rows ((const MerTimelineExtent *) extents->data, extents->len, rows_per_lane,
                                m->label_gap, rows);

      for (guint i = 0; i < lane_events->len; i++)
        {
          const MerTimelineExtent *extent = &g_array_index (extents, MerTimelineExtent, i);
          const Cached *cached = &g_array_index (self->cache, Cached, g_array_index (lane_events, guint, i));
          MerTimelinePlaced placed;

          if (rows[i] < 0)
            {
              double x = extent->x0 + m->marker_radius;

              if (x >= 0 && x < width)
                g_array_index (self->density, guint, (guint) (x / m->bucket_width))++;
              continue;
            }

          placed = (MerTimelinePlaced) {
            cached->event,
            extent->x0 + m->marker_radius, extent->x1 - m->marker_radius,
            m->rows_top + (lane * rows_per_lane + rows[i]) * m->row_height + m->row_height / 2,
            rows[i], (int) lane, extent->label_before, 0,
          };
          g_array_append_val (self->placed, placed);
        }
    }

  limit_labels (self);
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
 * mer_timeline_layout_get_density:
 * @n_buckets: (out): the number of buckets, each
 *   #MerTimelineMetrics.bucket_width wide from x = 0
 *
 * Returns: (transfer none) (array length=n_buckets): how many events in each
 *   bucket found no row
 */
const guint *
mer_timeline_layout_get_density (MerTimelineLayout *self,
                                 guint             *n_buckets)
{
  g_return_val_if_fail (self != NULL, NULL);

  *n_buckets = self->density->len;
  return (const guint *) self->density->data;
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
 * mer_timeline_layout_get_lane:
 * @y: (out): where the lane's first row begins
 *
 * Returns: (transfer none) (nullable): the lane's category, or %NULL for the
 *   lane of events without one
 */
MerCategory *
mer_timeline_layout_get_lane (MerTimelineLayout *self,
                              guint              lane,
                              double            *y)
{
  guint rows_per_lane;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->lanes != NULL && lane < self->lanes->len, NULL);

  rows_per_lane = MAX (1, self->max_rows / self->lanes->len);
  *y = self->metrics.rows_top + lane * rows_per_lane * self->metrics.row_height;
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
  text = label_width_estimate (self, placed->event) * text_scale;
  if (placed->label_before)
    {
      *left = placed->x0 - m->marker_radius - mer_timeline_layout_get_label_lead (self, placed->event) - text;
      *right = placed->x1 + m->marker_radius + 2 * m->scale;
    }
  else
    {
      *left = placed->x0 - m->marker_radius - 2 * m->scale;
      *right = MAX (placed->x0 + m->marker_radius + m->label_gap + text, placed->x1 + 2 * m->scale);
    }
}

/**
 * mer_timeline_layout_get_floating:
 * @state: (nullable): the selection
 * @floating: (out caller-allocates): where the selected event goes
 *
 * The selected event when it found no row of its own (the view is dense)
 * goes over the first row, so that a selection is always seen.
 *
 * Returns: whether the selection is in view without a row
 */
gboolean
mer_timeline_layout_get_floating (MerTimelineLayout *self,
                                  MerState          *state,
                                  MerTimelinePlaced *floating)
{
  const MerTimelineMetrics *m;
  MerEvent *selected;
  double x, text;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (floating != NULL, FALSE);

  m = &self->metrics;
  selected = state != NULL ? mer_state_get_selected_event (state) : NULL;
  if (selected == NULL)
    return FALSE;

  for (guint i = 0; i < self->placed->len; i++)
    if (g_array_index (self->placed, MerTimelinePlaced, i).event == selected)
      return FALSE;

  x = mer_timeline_view_time_to_x (&self->view, mer_event_get_first_second (selected));
  if (x < -m->marker_radius || x > self->view.width || !mer_state_event_passes_filters (state, selected))
    return FALSE;

  *floating = (MerTimelinePlaced) {
    selected, x, MAX (x, mer_timeline_view_time_to_x (&self->view, mer_event_get_last_second (selected))),
    m->rows_top + m->row_height / 2, 0, 0, FALSE, 0,
  };
  if (floating->x1 - floating->x0 < 2 * m->marker_radius)
    floating->x1 = floating->x0;
  /* At the right edge its label goes before it, as on the rows. */
  text = label_width_estimate (self, selected);
  floating->label_before = x + m->marker_radius + m->label_gap + text > self->view.width &&
                           x - m->marker_radius - mer_timeline_layout_get_label_lead (self, selected) - text >= 0;
  floating->label_width = floating->label_before ? floating->x0
                                                 : self->view.width - floating->x0 - m->marker_radius - m->label_gap;
  return TRUE;
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
  double left, right;

  g_return_val_if_fail (self != NULL, NULL);

  m = &self->metrics;
  if (mer_timeline_layout_get_floating (self, state, &floating) && fabs (y - floating.y) <= m->row_height / 2)
    {
      mer_timeline_layout_get_reach (self, &floating, 1, &left, &right);
      if (x >= left && x <= right)
        return floating.event;
    }

  for (guint i = self->placed->len; i > 0; i--)
    {
      const MerTimelinePlaced *placed = &g_array_index (self->placed, MerTimelinePlaced, i - 1);

      mer_timeline_layout_get_reach (self, placed, 1, &left, &right);
      if (fabs (y - placed->y) <= m->row_height / 2 && x >= left && x <= right)
        return placed->event;
    }

  return NULL;
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

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-timeline"

#include "config.h"

#include "mer-timeline.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "mer-after-paint.h"
#include "mer-cell-cache.h"
#include "mer-ink.h"
#include "mer-timeline-layout.h"
#include "mer-timeline-mark.h"
#include "mer-timeline-painter.h"

/* The timeline: eras as bands, the events on rows where no two labels
 * overlap, labelled or bare, those that find no room counted in badges that
 * zoom to them, and a two-level axis whose steps run from millennia to
 * minutes. It lays out from its viewport and
 * the shared state, draws with the timeline painter that also draws the
 * export's strip, and writes the user's intent (selection, hover, time
 * window) into the state; it never calls the map. */

#define KINETIC_DECAY 0.92

/* Marks kept for reuse when events leave the view, so that panning does
 * not make and destroy widgets; beyond this they are freed. */
#define MAX_SPARE_MARKS 256

struct _MerTimeline
{
  GtkWidget parent_instance;

  /* Owned */
  MerState              *state;
  MerTimelineViewport   *viewport;
  MerTimelineLayout     *layout;
  MerTimelineLabelCache *labels;       /* the event labels drawn, for the next frame */
  GHashTable            *marks;        /* MerEvent → MerTimelineMark, its child */
  GPtrArray             *spare_marks;  /* unparented, for reuse */
  MerCellCache          *cells;        /* the last frame's drawing, cut into nodes */
  GArray                *ink;          /* MerInk: this frame's events, nullable */
  GArray                *drawn_ink;    /* the last frame's, nullable */
  guint64                ink_frame;    /* what the last frame was drawn for */

  gboolean dirty;
  guint    marks_tick_id;
  MerAfterPaint selection_update;
  guint    first_row;
  double   row_scroll;

  /* Input */
  double   pointer_x;
  double   drag_last_x;
  double   drag_start_time;
  gboolean drag_window;
  gboolean dragged;
  double   velocity;
  gint64   last_motion_time;
  double   pinch_scale;
  guint    kinetic_id;
};

G_DEFINE_FINAL_TYPE (MerTimeline, mer_timeline, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STATE,
  PROP_LANES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ACTIVATE_EVENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Layout */

static gboolean update_marks_tick (GtkWidget     *widget,
                                   GdkFrameClock *frame_clock,
                                   gpointer       user_data);

static void
invalidate (MerTimeline *self)
{
  self->dirty = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  /* The accessible marks follow in the frame's update phase, before its
   * layout and drawing, so the relayout still happens once per frame. */
  if (self->marks_tick_id == 0)
    self->marks_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), update_marks_tick, NULL, NULL);
}

/* Lays out the events that meet the view, once per frame after a change. */
static void
relayout (MerTimeline *self)
{
  MerTimelineView view = {
    mer_timeline_viewport_get_start (self->viewport),
    mer_timeline_viewport_get_end (self->viewport),
    mer_timeline_viewport_get_width (self->viewport),
    gtk_widget_get_height (GTK_WIDGET (self)),
  };

  self->dirty = FALSE;
  mer_timeline_layout_scroll_rows (self->layout, self->first_row);
  mer_timeline_layout_update (self->layout, &view, self->state);
  self->first_row = mer_timeline_layout_get_rows (self->layout, NULL, NULL);
}

/* Accessibility: one MerTimelineMark child for each event laid out in the
 * view, and for the selected event wherever it is, so that a screen reader
 * finds the events by name and follows the selection; events outside the
 * view or counted in a badge have none, so that a story of 100,000 events
 * costs no more widgets than a screenful. */

static void
retire_mark (MerTimeline *self,
             GtkWidget   *mark)
{
  /* The focus stays in the timeline when its event leaves the view, also
   * while the window is not the active one (presenting, the presenter
   * view has the keys): a focus left on an unparented mark loses every key
   * pressed in the window afterwards. */
  if (gtk_widget_is_focus (mark))
    gtk_widget_grab_focus (GTK_WIDGET (self));

  mer_timeline_mark_set_selected (MER_TIMELINE_MARK (mark), FALSE);
  if (self->spare_marks->len < MAX_SPARE_MARKS)
    g_ptr_array_add (self->spare_marks, g_object_ref (mark));
  gtk_widget_unparent (mark);
}

static void
want_mark (MerTimeline *self,
           MerEvent    *event,
           GHashTable  *wanted)
{
  GtkWidget *mark;

  g_hash_table_add (wanted, event);
  if (g_hash_table_contains (self->marks, event))
    return;

  if (self->spare_marks->len > 0)
    mark = g_ptr_array_steal_index_fast (self->spare_marks, self->spare_marks->len - 1);
  else
    mark = g_object_ref_sink (mer_timeline_mark_new ());
  mer_timeline_mark_set_event (MER_TIMELINE_MARK (mark), event);
  gtk_widget_set_parent (mark, GTK_WIDGET (self));
  g_hash_table_insert (self->marks, event, mark);
  g_object_unref (mark);
}

static void
sync_marks (MerTimeline *self)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new (NULL, NULL);
  MerEvent *selected = mer_state_get_selected_event (self->state);
  const MerTimelinePlaced *placed;
  GHashTableIter iter;
  gpointer event, mark;
  guint n = 0;

  placed = mer_state_get_document (self->state) != NULL ? mer_timeline_layout_get_placed (self->layout, &n) : NULL;
  for (guint i = 0; i < n; i++)
    want_mark (self, placed[i].event, wanted);
  if (selected != NULL && mer_state_event_passes_filters (self->state, selected))
    want_mark (self, selected, wanted);

  g_hash_table_iter_init (&iter, self->marks);
  while (g_hash_table_iter_next (&iter, &event, &mark))
    {
      if (!g_hash_table_contains (wanted, event))
        {
          retire_mark (self, mark);
          g_hash_table_iter_remove (&iter);
        }
      else
        mer_timeline_mark_set_selected (mark, event == selected);
    }
}

static void
allocate_mark (GtkWidget *mark,
               double     x0,
               double     x1,
               double     y,
               double     height)
{
  GtkAllocation allocation = {
    (int) floor (x0), (int) floor (y - height / 2),
    MAX (1, (int) ceil (x1 - x0)), MAX (1, (int) ceil (height)),
  };

  gtk_widget_size_allocate (mark, &allocation, -1);
}

/* Each mark covers its event's marker, span and label, as drawn. */
static void
allocate_marks (MerTimeline *self)
{
  const MerTimelineMetrics *metrics = mer_timeline_layout_get_metrics (self->layout);
  double r = metrics->marker_radius;
  MerEvent *selected = mer_state_get_selected_event (self->state);
  gboolean selected_placed = FALSE;
  const MerTimelinePlaced *placed;
  GtkWidget *mark;
  guint n = 0;

  placed = mer_state_get_document (self->state) != NULL ? mer_timeline_layout_get_placed (self->layout, &n) : NULL;
  for (guint i = 0; i < n; i++)
    {
      const MerTimelinePlaced *p = &placed[i];
      double x0 = p->x0 - r, x1 = MAX (p->x0, p->x1) + r;

      if (p->label_width > 0 && p->label_before)
        x0 -= metrics->label_gap + p->label_width;
      else if (p->label_width > 0)
        x1 += metrics->label_gap + p->label_width;
      mark = g_hash_table_lookup (self->marks, p->event);
      if (mark != NULL)
        allocate_mark (mark, x0, x1, p->y, metrics->row_height);
      selected_placed |= p->event == selected;
    }

  /* The selected event in a badge: at its time on the first row. */
  mark = selected != NULL ? g_hash_table_lookup (self->marks, selected) : NULL;
  if (mark != NULL && !selected_placed)
    {
      double x = mer_timeline_view_time_to_x (mer_timeline_layout_get_view (self->layout),
                                              mer_event_get_first_second (selected));

      allocate_mark (mark, x - r, x + r, metrics->rows_top + metrics->row_height / 2, metrics->row_height);
    }
}

static gboolean
update_marks_tick (GtkWidget     *widget,
                   GdkFrameClock *frame_clock,
                   gpointer       user_data)
{
  MerTimeline *self = MER_TIMELINE (widget);

  self->marks_tick_id = 0;
  mer_timeline_update_marks (self);
  return G_SOURCE_REMOVE;
}

/* Scrolls the rows, when there are more (a lane each) than room. */
static void
scroll_rows (MerTimeline *self,
             int          rows)
{
  guint n_rows, n_visible;

  if (self->dirty)
    relayout (self);

  mer_timeline_layout_get_rows (self->layout, &n_rows, &n_visible);
  if (n_rows <= n_visible)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  self->first_row = (guint) CLAMP ((int) self->first_row + rows, 0, (int) (n_rows - n_visible));
  invalidate (self);
}

/* Drawing */

static void
lookup_colors (MerTimeline *self,
               GdkRGBA     *fg,
               GdkRGBA     *accent)
{
  GtkStyleContext *context;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  context = gtk_widget_get_style_context (GTK_WIDGET (self));
  gtk_style_context_get_color (context, fg);
  if (!gtk_style_context_lookup_color (context, "accent_color", accent))
    *accent = (GdkRGBA) { 0.11f, 0.44f, 0.85f, 1 };
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static MerColor
color_from_rgba (const GdkRGBA *rgba)
{
  return (MerColor) { rgba->red, rgba->green, rgba->blue, rgba->alpha };
}

/* Lays out what changed and draws the timeline over the widget's area
 * with @style, which it fills in. */
static void
draw (MerTimeline      *self,
      cairo_t          *cr,
      MerTimelineStyle *style)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GdkRGBA fg, accent;
  /* Behind a selection over a dense view: the window's background, which
   * the style context does not tell, as the opposite of the text. */
  GdkRGBA bg;

  mer_timeline_viewport_set_width (self->viewport, gtk_widget_get_width (widget));
  if (self->dirty)
    relayout (self);

  lookup_colors (self, &fg, &accent);
  bg = (GdkRGBA) { 1 - fg.red, 1 - fg.green, 1 - fg.blue, 0.92f };
  *style = (MerTimelineStyle) { color_from_rgba (&fg), color_from_rgba (&accent), color_from_rgba (&bg), NULL };
  /* Recorded, then rasterised at the widget's scale. */
  mer_timeline_label_cache_set_scale (self->labels, gtk_widget_get_scale_factor (widget));
  mer_timeline_painter_draw_cached (cr, gtk_widget_get_pango_context (widget), style, self->layout, self->state,
                                    self->labels);
}

/* Where this frame differs from the last one drawn, in device pixels: round
 * the events whose marks, rings or titles changed; or %NULL when the frame
 * was drawn for another layout, time window, style or font, which change
 * what lies behind the events. (Another scale or size: the cell cache draws
 * the frame whole itself.) */
static cairo_region_t *
ink_damage (MerTimeline            *self,
            const MerTimelineStyle *style)
{
  struct {
    guint    generation;   /* the layout, its view included */
    gboolean window;
    double   window_start, window_end;
    MerColor colors[3];
    guint    font;
  } frame;
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  cairo_region_t *damage = NULL;
  GArray *swap;

  memset (&frame, 0, sizeof frame);
  frame.generation = mer_timeline_layout_get_generation (self->layout);
  frame.window = mer_state_get_time_window (self->state, &frame.window_start, &frame.window_end);
  frame.colors[0] = style->foreground;
  frame.colors[1] = style->accent;
  frame.colors[2] = style->background;
  frame.font = pango_font_description_hash (pango_context_get_font_description (
    gtk_widget_get_pango_context (GTK_WIDGET (self))));

  if (self->ink == NULL)
    self->ink = g_array_new (FALSE, FALSE, sizeof (MerInk));
  g_array_set_size (self->ink, 0);
  mer_timeline_painter_list_ink (self->layout, self->state, self->ink);
  if (self->drawn_ink != NULL && self->ink_frame == mer_ink_hash (0, &frame, sizeof frame))
    {
      damage = cairo_region_create ();
      mer_ink_add_damage (self->drawn_ink, self->ink, scale, damage);
    }

  self->ink_frame = mer_ink_hash (0, &frame, sizeof frame);
  swap = self->drawn_ink;
  self->drawn_ink = self->ink;
  self->ink = swap;
  return damage;
}

static void
mer_timeline_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  MerTimeline *self = MER_TIMELINE (widget);
  MerTimelineStyle style;
  cairo_region_t *damage;
  cairo_t *cr;

  if (mer_state_get_document (self->state) == NULL || gtk_widget_get_width (widget) <= 0 ||
      gtk_widget_get_height (widget) <= 0)
    return;

  /* A selection changes the rings and titles of two events: drawn in
   * cells, the rest keeps its nodes (see MerCellCache). */
  if (self->cells == NULL)
    self->cells = mer_cell_cache_new ();
  cr = mer_cell_cache_begin (self->cells, widget);
  draw (self, cr, &style);
  damage = ink_damage (self, &style);
  mer_cell_cache_end (self->cells, cr, damage, snapshot);
  g_clear_pointer (&damage, cairo_region_destroy);
}

static void
mer_timeline_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  MerTimeline *self = MER_TIMELINE (widget);
  const MerTimelineMetrics *metrics = mer_timeline_layout_get_metrics (self->layout);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = 200;
  else
    {
      *minimum = (int) mer_timeline_metrics_height (metrics, 2);
      *natural = (int) mer_timeline_metrics_height (metrics, 8);
    }
}

static void
mer_timeline_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  MerTimeline *self = MER_TIMELINE (widget);

  mer_timeline_viewport_set_width (self->viewport, width);
  if (self->dirty)
    relayout (self);
  allocate_marks (self);
}

/* Picking */

/**
 * mer_timeline_pick:
 *
 * Returns: (transfer none) (nullable): the event whose marker or label is at
 *   (@x, @y)
 */
MerEvent *
mer_timeline_pick (MerTimeline *self,
                   double       x,
                   double       y)
{
  g_return_val_if_fail (MER_IS_TIMELINE (self), NULL);

  if (self->dirty)
    relayout (self);

  return mer_timeline_layout_pick (self->layout, self->state, x, y);
}

/**
 * mer_timeline_get_event_position:
 * @x: (out): the event's marker, in widget pixels
 * @y: (out): the event's marker, in widget pixels
 *
 * Returns: whether the event is laid out on a row in the current view
 */
gboolean
mer_timeline_get_event_position (MerTimeline *self,
                                 MerEvent    *event,
                                 double      *x,
                                 double      *y)
{
  g_return_val_if_fail (MER_IS_TIMELINE (self), FALSE);

  if (self->dirty)
    relayout (self);

  return mer_timeline_layout_get_event_position (self->layout, event, x, y);
}

/* Navigation */

static GListModel *
events_model (MerTimeline *self)
{
  MerDocument *document = mer_state_get_document (self->state);

  return document != NULL ? mer_document_get_events (document) : NULL;
}

/* Brings the selected event into view, if it is not. */
static void
reveal_event (MerTimeline *self,
              MerEvent    *event)
{
  double start = mer_timeline_viewport_get_start (self->viewport);
  double end = mer_timeline_viewport_get_end (self->viewport);
  double first, last;

  if (event == NULL)
    return;

  first = mer_event_get_first_second (event);
  last = mer_event_get_last_second (event);
  if (first >= start + (end - start) * 0.05 && first <= end - (end - start) * 0.2)
    return;

  /* Centred, but not so far that the view shows empty time past the story. */
  {
    double span = end - start;
    double new_start = first + MIN (last - first, span / 2) / 2 - span / 2;
    double story_start, story_end;

    if (mer_timeline_layout_get_story_span (self->layout, &story_start, &story_end))
      {
        if (story_end - story_start > span)
          new_start = CLAMP (new_start, story_start, story_end - span);
        else
          new_start = (story_start + story_end - span) / 2;
      }
    mer_timeline_viewport_set_range (self->viewport, new_start, new_start + span);
  }
}

static void
select_step (MerTimeline *self,
             int          direction)
{
  GListModel *events = events_model (self);
  MerEvent *selected = mer_state_get_selected_event (self->state);
  guint n, position = 0;
  int i;

  if (events == NULL || (n = g_list_model_get_n_items (events)) == 0)
    return;

  if (selected != NULL)
    {
      for (position = 0; position < n; position++)
        {
          g_autoptr(MerEvent) item = g_list_model_get_item (events, position);
          if (item == selected)
            break;
        }
    }

  /* From nothing selected, Right starts at the first event, Left at the last. */
  i = selected == NULL ? (direction > 0 ? 0 : (int) n - 1) : (int) position + direction;
  for (; i >= 0 && i < (int) n; i += direction)
    {
      g_autoptr(MerEvent) item = g_list_model_get_item (events, (guint) i);

      if (mer_state_event_passes_filters (self->state, item))
        {
          mer_state_set_selected_event (self->state, item);
          return;
        }
    }

  gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  select_step (MER_TIMELINE (widget), -1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  select_step (MER_TIMELINE (widget), 1);
}

static void
select_end (MerTimeline *self,
            gboolean     last)
{
  GListModel *events = events_model (self);
  guint n;

  if (events == NULL || (n = g_list_model_get_n_items (events)) == 0)
    return;

  mer_state_set_selected_event (self->state, NULL);
  select_step (self, last ? -1 : 1);
}

static void
home_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  select_end (MER_TIMELINE (widget), FALSE);
}

static void
end_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  select_end (MER_TIMELINE (widget), TRUE);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MerTimeline *self = MER_TIMELINE (widget);
  double factor = g_str_equal (action_name, "timeline.zoom-in") ? 0.5 : 2;

  mer_timeline_viewport_zoom_at (self->viewport, mer_timeline_viewport_get_width (self->viewport) / 2, factor);
}

static void
activate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  MerTimeline *self = MER_TIMELINE (widget);
  MerEvent *event = mer_state_get_selected_event (self->state);

  if (event != NULL)
    g_signal_emit (self, signals[ACTIVATE_EVENT], 0, event);
}

/* Esc undoes the narrowing of the view, the latest kind first: the search,
 * then the region filter, then the time window. */
static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  MerState *state = MER_TIMELINE (widget)->state;
  const char *search = mer_state_get_search (state);

  if (search != NULL && search[0] != '\0')
    mer_state_set_search (state, NULL);
  else if (mer_state_get_filter_region (state) != NULL)
    mer_state_set_filter_region (state, NULL);
  else if (mer_state_get_time_window (state, NULL, NULL))
    mer_state_clear_time_window (state);
  else
    gtk_widget_error_bell (widget);
}

static void
pan_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  MerTimeline *self = MER_TIMELINE (widget);
  double width = mer_timeline_viewport_get_width (self->viewport);

  mer_timeline_viewport_pan_pixels (self->viewport, (g_str_equal (action_name, "timeline.pan-left") ? -1 : 1) * width / 4);
}

static void
rows_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  scroll_rows (MER_TIMELINE (widget), g_str_equal (action_name, "timeline.rows-up") ? -1 : 1);
}

/* Marks a time window around the selected event, with a little of the view
 * either side. */
static void
window_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MerTimeline *self = MER_TIMELINE (widget);
  MerEvent *event = mer_state_get_selected_event (self->state);
  double margin;

  if (event == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  margin = (mer_timeline_viewport_get_end (self->viewport) - mer_timeline_viewport_get_start (self->viewport)) / 40;
  mer_state_set_time_window (self->state, mer_event_get_first_second (event) - margin,
                             mer_event_get_last_second (event) + margin);
}

/* Shows only the events of the selected event's first region; again, all. */
static void
filter_region_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  MerTimeline *self = MER_TIMELINE (widget);
  MerEvent *event = mer_state_get_selected_event (self->state);
  MerRegion *const *regions;
  guint n_regions = 0;

  regions = event != NULL ? mer_event_get_regions (event, &n_regions) : NULL;
  if (n_regions == 0)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  mer_state_set_filter_region (self->state, mer_state_get_filter_region (self->state) == regions[0] ? NULL : regions[0]);
}

/**
 * mer_timeline_show_all:
 *
 * Fits every event of the document into view, with a margin.
 */
void
mer_timeline_show_all (MerTimeline *self)
{
  double start, end;

  g_return_if_fail (MER_IS_TIMELINE (self));

  if (mer_timeline_layout_get_story_span (self->layout, &start, &end))
    mer_timeline_viewport_set_range (self->viewport, start, end);
}

/* Input */

static gboolean
on_kinetic_tick (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  MerTimeline *self = MER_TIMELINE (widget);

  self->velocity *= KINETIC_DECAY;
  if (fabs (self->velocity) < 0.3)
    {
      self->kinetic_id = 0;
      return G_SOURCE_REMOVE;
    }

  mer_timeline_viewport_pan_pixels (self->viewport, -self->velocity);
  return G_SOURCE_CONTINUE;
}

static void
stop_kinetic (MerTimeline *self)
{
  if (self->kinetic_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->kinetic_id);
      self->kinetic_id = 0;
    }
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               MerTimeline    *self)
{
  GdkModifierType modifiers = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  stop_kinetic (self);
  self->dragged = FALSE;
  self->drag_last_x = x;
  self->velocity = 0;
  self->last_motion_time = g_get_monotonic_time ();
  /* Shift, or a drag on the axis, marks a time window. */
  self->drag_window = (modifiers & GDK_SHIFT_MASK) != 0 ||
                      y >= gtk_widget_get_height (GTK_WIDGET (self)) -
                           mer_timeline_layout_get_metrics (self->layout)->axis_height;
  self->drag_start_time = mer_timeline_viewport_x_to_time (self->viewport, x);
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                MerTimeline    *self)
{
  double start_x, start_y, x;
  gint64 now = g_get_monotonic_time ();

  gtk_gesture_drag_get_start_point (gesture, &start_x, &start_y);
  x = start_x + dx;
  if (!self->dragged)
    {
      int threshold = 8;

      g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-dnd-drag-threshold", &threshold, NULL);
      /* Past the threshold a press is a drag, and its release no click. */
      self->dragged = dx * dx + dy * dy > (double) threshold * threshold;
    }

  if (self->drag_window)
    {
      if (self->dragged)
        mer_state_set_time_window (self->state, self->drag_start_time,
                                   mer_timeline_viewport_x_to_time (self->viewport, x));
      return;
    }

  if (now > self->last_motion_time)
    self->velocity = (x - self->drag_last_x) * 16000.0 / (now - self->last_motion_time);
  self->last_motion_time = now;
  mer_timeline_viewport_pan_pixels (self->viewport, self->drag_last_x - x);
  self->drag_last_x = x;
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             MerTimeline    *self)
{
  gboolean animations = TRUE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &animations, NULL);
  if (self->drag_window || !animations || g_get_monotonic_time () - self->last_motion_time > 100000 ||
      fabs (self->velocity) < 1)
    return;

  self->kinetic_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_kinetic_tick, NULL, NULL);
}

static void
on_click_released (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   MerTimeline     *self)
{
  MerEvent *event = mer_timeline_pick (self, x, y);

  gtk_widget_grab_focus (GTK_WIDGET (self));

  /* The end of a pan or of a time window is not a click. */
  if (self->dragged)
    return;

  /* A badge zooms to the events it counts, which then find rows. */
  {
    const MerTimelineCluster *cluster = mer_timeline_layout_pick_cluster (self->layout, x, y);

    if (cluster != NULL)
      {
        double margin = MAX ((cluster->last - cluster->first) / 4, MER_TIMELINE_MIN_SPAN);

        mer_timeline_viewport_set_range (self->viewport, cluster->first - margin, cluster->last + margin);
        return;
      }
  }

  if (n_press == 2 && event != NULL)
    {
      /* Zoom to the event, with room around it. */
      double first = mer_event_get_first_second (event);
      double last = mer_event_get_last_second (event);
      double span = MAX (last - first, 86400 * 30);

      mer_timeline_viewport_set_range (self->viewport, first - span, last + span);
      return;
    }

  mer_state_set_selected_event (self->state, event);
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           MerTimeline              *self)
{
  GdkScrollUnit unit = gtk_event_controller_scroll_get_unit (controller);
  GdkModifierType modifiers = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  stop_kinetic (self);

  /* Ctrl+wheel scrolls the rows, when there are more than room. */
  if ((modifiers & GDK_CONTROL_MASK) != 0)
    {
      if (unit == GDK_SCROLL_UNIT_WHEEL)
        scroll_rows (self, dy > 0 ? 1 : -1);
      else
        {
          double row_height = mer_timeline_layout_get_metrics (self->layout)->row_height;

          self->row_scroll += dy;
          if (fabs (self->row_scroll) >= row_height)
            {
              scroll_rows (self, (int) (self->row_scroll / row_height));
              self->row_scroll = fmod (self->row_scroll, row_height);
            }
        }
      return TRUE;
    }

  /* A touchpad's horizontal motion pans; Shift+wheel pans too. */
  if ((modifiers & GDK_SHIFT_MASK) != 0 && dx == 0)
    {
      dx = dy;
      dy = 0;
    }
  if (dx != 0)
    mer_timeline_viewport_pan_pixels (self->viewport, unit == GDK_SCROLL_UNIT_WHEEL ? dx * 60 : dx);
  if (dy != 0)
    mer_timeline_viewport_zoom_at (self->viewport, self->pointer_x,
                                   pow (unit == GDK_SCROLL_UNIT_WHEEL ? 1.25 : 1.01, dy));
  return TRUE;
}

static void
on_zoom_scale_changed (GtkGestureZoom *gesture,
                       double          scale,
                       MerTimeline    *self)
{
  double x, y;

  if (gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    self->pointer_x = x;
  if (scale > 0 && self->pinch_scale > 0)
    mer_timeline_viewport_zoom_at (self->viewport, self->pointer_x, self->pinch_scale / scale);
  self->pinch_scale = scale;
}

static void
on_zoom_begin (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               MerTimeline      *self)
{
  stop_kinetic (self);
  /* Each pinch starts from its own scale of 1, not where the last ended. */
  self->pinch_scale = 1;
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           MerTimeline              *self)
{
  self->pointer_x = x;
  mer_state_set_hovered_event (self->state, mer_timeline_pick (self, x, y));
}

static void
on_leave (GtkEventControllerMotion *controller,
          MerTimeline              *self)
{
  mer_state_set_hovered_event (self->state, NULL);
}

static gboolean
on_query_tooltip (GtkWidget   *widget,
                  int          x,
                  int          y,
                  gboolean     keyboard,
                  GtkTooltip  *tooltip,
                  gpointer     user_data)
{
  MerTimeline *self = MER_TIMELINE (widget);
  MerEvent *event = keyboard ? mer_state_get_selected_event (self->state) : mer_timeline_pick (self, x, y);
  g_autofree char *date = NULL;
  g_autofree char *markup = NULL;

  if (event == NULL)
    return FALSE;

  date = mer_event_format_date (event);
  markup = g_markup_printf_escaped ("<b>%s</b>\n%s", mer_event_get_title (event), date);
  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

/* State */

static void
on_document_changed (MerTimeline *self)
{
  double start = 0, end = 0;

  mer_timeline_layout_set_document (self->layout, mer_state_get_document (self->state));
  /* Zoomed out, the whole story and its margin, no further. */
  mer_timeline_layout_get_story_span (self->layout, &start, &end);
  mer_timeline_viewport_set_bounds (self->viewport, start, end);
  self->first_row = 0;
  mer_timeline_show_all (self);
  invalidate (self);
}

/* With the keyboard in the timeline, the focus follows the selection event
 * by event, and the screen reader says which event it is on. */
static void
on_selection_painted (GtkWidget *widget)
{
  MerTimeline *self = MER_TIMELINE (widget);
  MerEvent *event = mer_state_get_selected_event (self->state);
  gboolean focus_within = gtk_widget_has_focus (widget) || gtk_widget_get_focus_child (widget) != NULL;
  GtkWidget *mark;

  mer_timeline_update_marks (self);
  mark = event != NULL ? g_hash_table_lookup (self->marks, event) : NULL;
  if (focus_within && mark != NULL)
    gtk_widget_grab_focus (mark);
  else if (focus_within)
    gtk_widget_grab_focus (widget);
}

/* The selection's ring is drawn in the next frame; its mark takes the
 * focus in the frame after: a mark that changes its focusability costs
 * the window a layout, which the ring does not wait for. */
static void
on_selected_event (MerTimeline *self)
{
  reveal_event (self, mer_state_get_selected_event (self->state));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  mer_after_paint_schedule (&self->selection_update, GTK_WIDGET (self), on_selection_painted);
}

/* Life cycle */

static void
mer_timeline_constructed (GObject *object)
{
  MerTimeline *self = MER_TIMELINE (object);

  G_OBJECT_CLASS (mer_timeline_parent_class)->constructed (object);

  g_signal_connect_object (self->state, "notify::document", G_CALLBACK (on_document_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "notify::selected-event", G_CALLBACK (on_selected_event), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "notify::hovered-event", G_CALLBACK (gtk_widget_queue_draw), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "filter-changed", G_CALLBACK (invalidate), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "time-window-changed", G_CALLBACK (gtk_widget_queue_draw), self,
                           G_CONNECT_SWAPPED);

  if (mer_state_get_document (self->state) != NULL)
    on_document_changed (self);
}

static void
mer_timeline_css_changed (GtkWidget         *widget,
                          GtkCssStyleChange *change)
{
  MerTimeline *self = MER_TIMELINE (widget);
  double char_width = mer_timeline_painter_get_char_width (gtk_widget_get_pango_context (widget), NULL);

  GTK_WIDGET_CLASS (mer_timeline_parent_class)->css_changed (widget, change);

  mer_timeline_layout_set_char_width (self->layout, char_width);
  invalidate (self);
}

static void
mer_timeline_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  MerTimeline *self = MER_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_LANES:
      g_value_set_boolean (value, mer_timeline_layout_get_lanes (self->layout));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mer_timeline_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  MerTimeline *self = MER_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_STATE:
      self->state = g_value_dup_object (value);
      break;

    case PROP_LANES:
      mer_timeline_set_lanes (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mer_timeline_unrealize (GtkWidget *widget)
{
  /* Its frame clock goes: what waited for the next frame is done now. */
  mer_after_paint_flush (&MER_TIMELINE (widget)->selection_update);
  GTK_WIDGET_CLASS (mer_timeline_parent_class)->unrealize (widget);
}

static void
mer_timeline_dispose (GObject *object)
{
  MerTimeline *self = MER_TIMELINE (object);

  stop_kinetic (self);
  mer_after_paint_cancel (&self->selection_update);
  if (self->marks_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->marks_tick_id);
      self->marks_tick_id = 0;
    }
  if (self->marks != NULL)
    {
      GHashTableIter iter;
      gpointer mark;

      g_hash_table_iter_init (&iter, self->marks);
      while (g_hash_table_iter_next (&iter, NULL, &mark))
        gtk_widget_unparent (mark);
      g_clear_pointer (&self->marks, g_hash_table_unref);
    }
  g_clear_pointer (&self->spare_marks, g_ptr_array_unref);
  g_clear_pointer (&self->cells, mer_cell_cache_free);
  g_clear_pointer (&self->ink, g_array_unref);
  g_clear_pointer (&self->drawn_ink, g_array_unref);
  g_clear_object (&self->state);
  g_clear_object (&self->viewport);
  g_clear_pointer (&self->layout, mer_timeline_layout_free);
  g_clear_pointer (&self->labels, mer_timeline_label_cache_free);

  G_OBJECT_CLASS (mer_timeline_parent_class)->dispose (object);
}

static void
mer_timeline_class_init (MerTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mer_timeline_constructed;
  object_class->get_property = mer_timeline_get_property;
  object_class->set_property = mer_timeline_set_property;
  object_class->dispose = mer_timeline_dispose;
  widget_class->snapshot = mer_timeline_snapshot;
  widget_class->measure = mer_timeline_measure;
  widget_class->size_allocate = mer_timeline_size_allocate;
  widget_class->css_changed = mer_timeline_css_changed;
  widget_class->unrealize = mer_timeline_unrealize;

  properties[PROP_STATE] =
    g_param_spec_object ("state", NULL, NULL, MER_TYPE_STATE,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANES] =
    g_param_spec_boolean ("lanes", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MerTimeline::activate-event:
   * @event: the selected event
   *
   * Enter was pressed on the selected event: show its details.
   */
  signals[ACTIVATE_EVENT] = g_signal_new ("activate-event", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, MER_TYPE_EVENT);

  gtk_widget_class_install_action (widget_class, "timeline.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "timeline.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "timeline.first", NULL, home_action);
  gtk_widget_class_install_action (widget_class, "timeline.last", NULL, end_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.activate", NULL, activate_action);
  gtk_widget_class_install_action (widget_class, "timeline.clear", NULL, clear_action);
  gtk_widget_class_install_action (widget_class, "timeline.pan-left", NULL, pan_action);
  gtk_widget_class_install_action (widget_class, "timeline.pan-right", NULL, pan_action);
  gtk_widget_class_install_action (widget_class, "timeline.rows-up", NULL, rows_action);
  gtk_widget_class_install_action (widget_class, "timeline.rows-down", NULL, rows_action);
  gtk_widget_class_install_action (widget_class, "timeline.window-around-selection", NULL, window_action);
  gtk_widget_class_install_action (widget_class, "timeline.filter-region", NULL, filter_region_action);
  gtk_widget_class_install_property_action (widget_class, "timeline.lanes", "lanes");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "timeline.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "timeline.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "timeline.first", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "timeline.last", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "timeline.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "timeline.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "timeline.clear", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_SHIFT_MASK, "timeline.pan-left", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_SHIFT_MASK, "timeline.pan-right", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "timeline.rows-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "timeline.rows-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, 0, "timeline.window-around-selection", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, 0, "timeline.filter-region", NULL);

  gtk_widget_class_set_css_name (widget_class, "mer-timeline");
  /* A landmark, so that a screen reader can jump to it. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LANDMARK);
}

static void
mer_timeline_init (MerTimeline *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *zoom = gtk_gesture_zoom_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->viewport = mer_timeline_viewport_new ();
  self->layout = mer_timeline_layout_new ();
  self->labels = mer_timeline_label_cache_new ();
  self->marks = g_hash_table_new (NULL, NULL);
  self->spare_marks = g_ptr_array_new_with_free_func (g_object_unref);
  self->dirty = TRUE;

  g_signal_connect_object (self->viewport, "changed", G_CALLBACK (invalidate), self, G_CONNECT_SWAPPED);

  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect (zoom, "scale-changed", G_CALLBACK (on_zoom_scale_changed), self);
  g_signal_connect (zoom, "begin", G_CALLBACK (on_zoom_begin), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));

  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Timeline. Left and Right select the previous and next event, "
                                    "Shift+Left and Shift+Right pan, plus and minus zoom, Page Up and "
                                    "Page Down scroll the rows, Enter shows the details, W marks a time "
                                    "window around the selection, R shows only its region's events, "
                                    "Escape clears the search, then the region, then the time window."), -1);
}

MerTimeline *
mer_timeline_new (MerState *state)
{
  g_return_val_if_fail (MER_IS_STATE (state), NULL);

  return g_object_new (MER_TYPE_TIMELINE, "state", state, NULL);
}

/**
 * mer_timeline_get_viewport:
 *
 * Returns: (transfer none): what the timeline shows
 */
MerTimelineViewport *
mer_timeline_get_viewport (MerTimeline *self)
{
  g_return_val_if_fail (MER_IS_TIMELINE (self), NULL);
  return self->viewport;
}

/**
 * mer_timeline_get_layout:
 *
 * Returns: (transfer none): where the events in view are, laid out for the
 *   current view
 */
MerTimelineLayout *
mer_timeline_get_layout (MerTimeline *self)
{
  g_return_val_if_fail (MER_IS_TIMELINE (self), NULL);

  if (self->dirty)
    relayout (self);
  return self->layout;
}

gboolean
mer_timeline_get_lanes (MerTimeline *self)
{
  g_return_val_if_fail (MER_IS_TIMELINE (self), FALSE);
  return mer_timeline_layout_get_lanes (self->layout);
}

/**
 * mer_timeline_set_lanes:
 * @lanes: whether each category gets its own lane of rows
 */
void
mer_timeline_set_lanes (MerTimeline *self,
                        gboolean     lanes)
{
  g_return_if_fail (MER_IS_TIMELINE (self));

  if (mer_timeline_layout_get_lanes (self->layout) == lanes)
    return;

  mer_timeline_layout_set_lanes (self->layout, lanes);
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANES]);
}

/**
 * mer_timeline_update_marks:
 *
 * Brings the accessible children up to date with the view now: one
 * #MerTimelineMark for each event laid out and for the selected event. The
 * frame clock does it before each frame that follows a change; the
 * benchmark calls it to count its cost.
 */
void
mer_timeline_update_marks (MerTimeline *self)
{
  g_return_if_fail (MER_IS_TIMELINE (self));

  if (self->dirty)
    relayout (self);
  sync_marks (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/**
 * mer_timeline_draw:
 * @cr: a context whose user space is the widget's pixels
 *
 * Draws what the timeline shows, as its snapshot draws it. For tests: the
 * snapshot hands the same pixels to GTK in cells.
 */
void
mer_timeline_draw (MerTimeline *self,
                   cairo_t     *cr)
{
  MerTimelineStyle style;

  g_return_if_fail (MER_IS_TIMELINE (self));
  g_return_if_fail (cr != NULL);

  if (mer_state_get_document (self->state) != NULL)
    draw (self, cr, &style);
}

/**
 * mer_timeline_get_n_cells:
 * @n_new: (out) (optional): how many of them were drawn anew rather than
 *   kept from the frame before
 *
 * Returns: how many cells of the timeline had ink in the last frame (see
 *   #MerCellCache; 1 under the GL renderers, which get one node). For
 *   tests.
 */
guint
mer_timeline_get_n_cells (MerTimeline *self,
                          guint       *n_new)
{
  g_return_val_if_fail (MER_IS_TIMELINE (self), 0);

  if (n_new != NULL)
    *n_new = self->cells != NULL ? mer_cell_cache_get_n_new (self->cells) : 0;
  return self->cells != NULL ? mer_cell_cache_get_n_drawn (self->cells) : 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-timeline"

#include "config.h"

#include "mer-timeline.h"

#include <math.h>

#include "mer-timeline-layout.h"

/* The timeline: eras as bands, the events on rows where no two labels
 * overlap, those that find no room counted in a density strip, and an axis
 * whose steps run from millennia to hours. It draws from its viewport and the
 * shared state, and writes the user's intent (selection, hover, time window)
 * into the state; it never calls the map. */

#define ERA_HEIGHT 18.0
#define ROW_HEIGHT 22.0
#define DENSITY_HEIGHT 10.0
#define AXIS_HEIGHT 26.0
#define MARKER_RADIUS 5.0
#define LABEL_GAP 6.0
#define WHISKER 24.0
#define KINETIC_DECAY 0.92

typedef struct {
  MerEvent *event;
  double    x0, x1;
  double    y;
  int       row;
  int       lane;
  gboolean  label_before;
} Placed;

/* The room between a label placed before its event and the event's marker:
 * past the fading whisker of an approximate date. */
static double
label_lead (MerEvent *event)
{
  return mer_event_get_circa (event) ? WHISKER + 2 : LABEL_GAP;
}

/* What the layout needs of each event, read once per document: a frame may
 * lay out 100,000 events. */
typedef struct {
  MerEvent    *event;
  MerCategory *category;
  double       first;
  double       last;
  guint        title_chars;
} Cached;

struct _MerTimeline
{
  GtkWidget parent_instance;

  /* Owned */
  MerState            *state;
  MerTimelineViewport *viewport;
  GArray              *cache;       /* Cached, by position in the document's events */
  GArray              *placed;      /* Placed, for drawing and picking */
  GArray              *density;     /* guint per 4-px bucket */
  GPtrArray           *lanes;       /* MerCategory (or NULL), when lanes are on */

  double   char_width;
  gboolean dirty;
  gboolean show_lanes;
  guint    max_rows;

  /* Input */
  double   pointer_x;
  double   drag_last_x;
  double   drag_start_time;
  gboolean drag_window;
  gboolean dragged;
  double   velocity;
  gint64   last_motion_time;
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

static void
invalidate (MerTimeline *self)
{
  self->dirty = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static double
rows_top (MerTimeline *self)
{
  return ERA_HEIGHT + 4;
}

static guint
available_rows (MerTimeline *self)
{
  double height = gtk_widget_get_height (GTK_WIDGET (self)) - rows_top (self) - DENSITY_HEIGHT - AXIS_HEIGHT;

  return (guint) MAX (1, floor (height / ROW_HEIGHT));
}

static int
lane_of (MerTimeline *self,
         MerCategory *category)
{
  guint index;

  if (self->lanes == NULL)
    return 0;
  if (g_ptr_array_find (self->lanes, category, &index))
    return (int) index;
  return (int) self->lanes->len - 1;
}

static void
update_cache (MerTimeline *self)
{
  MerDocument *document = mer_state_get_document (self->state);
  GListModel *events;
  guint n;

  g_array_set_size (self->cache, 0);
  if (document == NULL)
    return;

  events = mer_document_get_events (document);
  n = g_list_model_get_n_items (events);
  g_array_set_size (self->cache, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MerEvent) event = g_list_model_get_item (events, i);
      Cached *cached = &g_array_index (self->cache, Cached, i);

      /* Borrowed: the document, which the state holds, owns the events. */
      cached->event = event;
      cached->category = mer_event_get_category (event);
      cached->first = mer_event_get_first_second (event);
      cached->last = mer_event_get_last_second (event);
      cached->title_chars = (guint) g_utf8_strlen (mer_event_get_title (event), -1);
    }
}

static void
update_lanes (MerTimeline *self)
{
  MerDocument *document = mer_state_get_document (self->state);
  GListModel *categories;

  g_clear_pointer (&self->lanes, g_ptr_array_unref);
  if (!self->show_lanes || document == NULL)
    return;

  categories = mer_document_get_categories (document);
  self->lanes = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    g_ptr_array_add (self->lanes, g_list_model_get_item (categories, i));
  /* A last lane for events without a category. */
  g_ptr_array_add (self->lanes, NULL);
}

/* Lays out the events that meet the view, once per frame after a change. */
static void
relayout (MerTimeline *self)
{
  MerDocument *document = mer_state_get_document (self->state);
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double start = mer_timeline_viewport_get_start (self->viewport);
  double end = mer_timeline_viewport_get_end (self->viewport);
  double seconds_per_pixel = mer_timeline_viewport_get_seconds_per_pixel (self->viewport);
  g_autoptr(GArray) positions = NULL;
  g_autoptr(GArray) extents = NULL;
  g_autofree int *rows = NULL;
  guint n_lanes, rows_per_lane;
  gboolean filters;

  self->dirty = FALSE;
  g_array_set_size (self->placed, 0);
  g_array_set_size (self->density, (guint) ceil (MAX (width, 1) / 4) + 1);
  memset (self->density->data, 0, self->density->len * sizeof (guint));

  if (document == NULL)
    return;

  /* Labels reach right of their start: look a little to the left too. */
  positions = g_array_new (FALSE, FALSE, sizeof (guint));
  mer_document_query_positions (document, (gint64) floor (start - 300 * seconds_per_pixel), (gint64) ceil (end),
                                positions);
  filters = mer_state_has_filters (self->state);
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
              (filters && !mer_state_event_passes_filters (self->state, cached->event)))
            continue;

          /* A point, or a span shorter than the marker, is drawn as a point. */
          if (x1 - x0 < 2 * MARKER_RADIUS)
            x1 = x0;
          extent.x0 = x0 - MARKER_RADIUS;
          extent.x1 = x1 + MARKER_RADIUS;
          /* At the right edge a label goes before its event, to be read whole. */
          label_after = 2 * MARKER_RADIUS + LABEL_GAP + cached->title_chars * self->char_width;
          label_before = label_lead (cached->event) + cached->title_chars * self->char_width;
          extent.label_before = extent.x0 + label_after > width && extent.x0 - label_before >= 0;
          extent.label_width = extent.label_before ? label_before : label_after;
          g_array_append_val (extents, extent);
          g_array_append_val (lane_events, position);
        }

      rows = g_renew (int, rows, MAX (extents->len, 1));
      mer_timeline_layout_rows ((const MerTimelineExtent *) extents->data, extents->len, rows_per_lane,
                                LABEL_GAP, rows);

      for (guint i = 0; i < lane_events->len; i++)
        {
          const MerTimelineExtent *extent = &g_array_index (extents, MerTimelineExtent, i);
          const Cached *cached = &g_array_index (self->cache, Cached, g_array_index (lane_events, guint, i));

          if (rows[i] < 0)
            {
              double x = extent->x0 + MARKER_RADIUS;

              if (x >= 0 && x < width)
                g_array_index (self->density, guint, (guint) (x / 4))++;
              continue;
            }

          {
            Placed placed = {
              cached->event,
              extent->x0 + MARKER_RADIUS, extent->x1 - MARKER_RADIUS,
              rows_top (self) + (lane * rows_per_lane + rows[i]) * ROW_HEIGHT + ROW_HEIGHT / 2,
              rows[i], (int) lane, extent->label_before,
            };

            g_array_append_val (self->placed, placed);
          }
        }
    }
}

/* Drawing */

static GdkRGBA
event_color (MerEvent      *event,
             const GdkRGBA *fallback)
{
  MerCategory *category = mer_event_get_category (event);
  guint32 rgb = category != NULL ? mer_category_get_color (category) : MER_NO_COLOR;

  if (rgb == MER_NO_COLOR)
    return *fallback;
  return (GdkRGBA) { (rgb >> 16 & 0xff) / 255.0f, (rgb >> 8 & 0xff) / 255.0f, (rgb & 0xff) / 255.0f, 1 };
}

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

static void
draw_eras (MerTimeline   *self,
           cairo_t       *cr,
           const GdkRGBA *fg,
           double         width,
           double         height)
{
  MerDocument *document = mer_state_get_document (self->state);
  GListModel *eras = mer_document_get_eras (document);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  guint n_eras = g_list_model_get_n_items (eras);
  g_autofree MerTimelineTitle *titles = g_new0 (MerTimelineTitle, MAX (n_eras, 1));

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);

  for (guint i = 0; i < n_eras; i++)
    {
      g_autoptr(MerEra) era = g_list_model_get_item (eras, i);
      int natural_width;

      pango_layout_set_text (layout, mer_era_get_title (era), -1);
      pango_layout_set_width (layout, -1);
      pango_layout_get_pixel_size (layout, &natural_width, NULL);
      titles[i] = (MerTimelineTitle) {
        mer_timeline_viewport_time_to_x (self->viewport, mer_date_first_second (mer_era_get_start (era))),
        mer_timeline_viewport_time_to_x (self->viewport, mer_date_last_second (mer_era_get_end (era))),
        natural_width, 0, 0,
      };
    }
  mer_timeline_layout_titles (titles, n_eras, width);

  /* Overlapping eras blend their bands. */
  for (guint i = 0; i < n_eras; i++)
    {
      g_autoptr(MerEra) era = g_list_model_get_item (eras, i);
      guint32 rgb = mer_era_get_color (era);
      double x0 = MAX (titles[i].x0, -1), x1 = MIN (titles[i].x1, width + 1);
      double r = fg->red, g = fg->green, b = fg->blue;

      if (x1 < 0 || x0 > width)
        continue;

      if (rgb != MER_NO_COLOR)
        {
          r = (rgb >> 16 & 0xff) / 255.0;
          g = (rgb >> 8 & 0xff) / 255.0;
          b = (rgb & 0xff) / 255.0;
        }

      cairo_set_source_rgba (cr, r, g, b, 0.07);
      cairo_rectangle (cr, x0, 0, x1 - x0, height - AXIS_HEIGHT);
      cairo_fill (cr);
      cairo_set_source_rgba (cr, r, g, b, 0.25);
      cairo_rectangle (cr, x0, 0, x1 - x0, ERA_HEIGHT);
      cairo_fill (cr);

      if (titles[i].width <= 0)
        continue;
      pango_layout_set_text (layout, mer_era_get_title (era), -1);
      pango_layout_set_width (layout, (int) (titles[i].width * PANGO_SCALE));
      cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.8);
      cairo_move_to (cr, titles[i].x, 1);
      pango_cairo_show_layout (cr, layout);
      cairo_new_path (cr);
    }
}

static void
draw_axis (MerTimeline   *self,
           cairo_t       *cr,
           const GdkRGBA *fg,
           double         width,
           double         height)
{
  g_autoptr(GArray) ticks = mer_timeline_axis_ticks (mer_timeline_viewport_get_start (self->viewport),
                                                     mer_timeline_viewport_get_end (self->viewport), width, 90);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  double top = height - AXIS_HEIGHT;

  cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.35);
  cairo_rectangle (cr, 0, top, width, 1);
  cairo_fill (cr);

  for (guint i = 0; i < ticks->len; i++)
    {
      const MerTimelineTick *tick = &g_array_index (ticks, MerTimelineTick, i);
      double x = round (mer_timeline_viewport_time_to_x (self->viewport, tick->time)) + 0.5;

      cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.1);
      cairo_move_to (cr, x, ERA_HEIGHT);
      cairo_line_to (cr, x, top);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);

      cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.5);
      cairo_move_to (cr, x, top);
      cairo_line_to (cr, x, top + 5);
      cairo_stroke (cr);

      pango_layout_set_text (layout, tick->label, -1);
      cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.75);
      cairo_move_to (cr, x + 3, top + 5);
      pango_cairo_show_layout (cr, layout);
      cairo_new_path (cr);
    }
}

static void
draw_density (MerTimeline   *self,
              cairo_t       *cr,
              const GdkRGBA *fg,
              double         height)
{
  double bottom = height - AXIS_HEIGHT - 1;
  guint max = 0;

  for (guint i = 0; i < self->density->len; i++)
    max = MAX (max, g_array_index (self->density, guint, i));
  if (max == 0)
    return;

  cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.45);
  for (guint i = 0; i < self->density->len; i++)
    {
      guint count = g_array_index (self->density, guint, i);
      double h;

      if (count == 0)
        continue;
      /* Logarithmic, so that one event still shows next to thousands. */
      h = MAX (1.5, DENSITY_HEIGHT * log1p (count) / log1p (max));
      cairo_rectangle (cr, i * 4, bottom - h, 3, h);
    }
  cairo_fill (cr);
}

static void
draw_window (MerTimeline   *self,
             cairo_t       *cr,
             const GdkRGBA *accent,
             double         height)
{
  double start, end, x0, x1;

  if (!mer_state_get_time_window (self->state, &start, &end))
    return;

  x0 = mer_timeline_viewport_time_to_x (self->viewport, start);
  x1 = mer_timeline_viewport_time_to_x (self->viewport, end);
  cairo_set_source_rgba (cr, accent->red, accent->green, accent->blue, 0.12);
  cairo_rectangle (cr, x0, 0, MAX (x1 - x0, 1), height - AXIS_HEIGHT);
  cairo_fill (cr);
  cairo_set_source_rgba (cr, accent->red, accent->green, accent->blue, 0.8);
  cairo_rectangle (cr, x0, 0, 1.5, height - AXIS_HEIGHT);
  cairo_rectangle (cr, x1 - 1.5, 0, 1.5, height - AXIS_HEIGHT);
  cairo_fill (cr);
}

static void
draw_event (MerTimeline   *self,
            cairo_t       *cr,
            PangoLayout   *layout,
            const Placed  *placed,
            const GdkRGBA *fg,
            const GdkRGBA *accent,
            double         label_limit)
{
  MerEvent *event = placed->event;
  GdkRGBA color = event_color (event, fg);
  gboolean selected = event == mer_state_get_selected_event (self->state);
  gboolean hovered = event == mer_state_get_hovered_event (self->state);
  gboolean faded = !mer_state_event_in_window (self->state, event);
  double alpha = faded ? 0.35 : 1;
  double y = placed->y;

  if (mer_event_get_circa (event))
    {
      /* Fading whiskers: the date is approximate. */
      for (int side = -1; side <= 1; side += 2)
        {
          double from = side < 0 ? placed->x0 : placed->x1;
          cairo_pattern_t *gradient = cairo_pattern_create_linear (from, y, from + side * WHISKER, y);

          cairo_pattern_add_color_stop_rgba (gradient, 0, color.red, color.green, color.blue, 0.8 * alpha);
          cairo_pattern_add_color_stop_rgba (gradient, 1, color.red, color.green, color.blue, 0);
          cairo_set_source (cr, gradient);
          cairo_rectangle (cr, MIN (from, from + side * WHISKER), y - 1, WHISKER, 2);
          cairo_fill (cr);
          cairo_pattern_destroy (gradient);
        }
    }

  if (placed->x1 > placed->x0)
    {
      /* A span: a bar from start to end. */
      cairo_set_source_rgba (cr, color.red, color.green, color.blue, 0.55 * alpha);
      cairo_rectangle (cr, placed->x0, y - 4, placed->x1 - placed->x0, 8);
      cairo_fill (cr);
    }

  if (selected || hovered)
    {
      cairo_arc (cr, placed->x0, y, MARKER_RADIUS + 3.5, 0, 2 * G_PI);
      if (selected)
        cairo_set_source_rgba (cr, accent->red, accent->green, accent->blue, 1);
      else
        cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.7);
      cairo_set_line_width (cr, selected ? 2.5 : 1.5);
      cairo_stroke (cr);
    }

  /* A point is a circle; a span starts with a diamond. */
  if (placed->x1 > placed->x0)
    {
      cairo_move_to (cr, placed->x0, y - MARKER_RADIUS - 1);
      cairo_line_to (cr, placed->x0 + MARKER_RADIUS + 1, y);
      cairo_line_to (cr, placed->x0, y + MARKER_RADIUS + 1);
      cairo_line_to (cr, placed->x0 - MARKER_RADIUS - 1, y);
      cairo_close_path (cr);
    }
  else
    cairo_arc (cr, placed->x0, y, MARKER_RADIUS, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, color.red, color.green, color.blue, alpha);
  cairo_fill (cr);

  if (label_limit > 20)
    {
      pango_layout_set_text (layout, mer_event_get_title (event), -1);
      pango_layout_set_width (layout, (int) (label_limit * PANGO_SCALE));
      {
        PangoAttrList *attrs = pango_attr_list_new ();

        if (selected)
          pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
        pango_layout_set_attributes (layout, attrs);
        pango_attr_list_unref (attrs);
      }
      cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, alpha);
      if (placed->label_before)
        {
          int label_width;

          pango_layout_get_pixel_size (layout, &label_width, NULL);
          cairo_move_to (cr, placed->x0 - MARKER_RADIUS - label_lead (event) - label_width,
                         y - pango_layout_get_baseline (layout) / (double) PANGO_SCALE + 4);
        }
      else
        cairo_move_to (cr, placed->x0 + MARKER_RADIUS + LABEL_GAP,
                       y - pango_layout_get_baseline (layout) / (double) PANGO_SCALE + 4);
      pango_cairo_show_layout (cr, layout);
      cairo_new_path (cr);
    }
}

/* A label's width as the layout reckons it, before any text is shaped. */
static double
label_width_estimate (MerTimeline *self,
                      MerEvent    *event)
{
  return g_utf8_strlen (mer_event_get_title (event), -1) * self->char_width;
}

/* Where an event and its label reach across its row; @text_scale widens the
 * reckoned label, for bold titles. */
static void
hit_extent (MerTimeline  *self,
            const Placed *placed,
            double        text_scale,
            double       *left,
            double       *right)
{
  double text = label_width_estimate (self, placed->event) * text_scale;

  if (placed->label_before)
    {
      *left = placed->x0 - MARKER_RADIUS - label_lead (placed->event) - text;
      *right = placed->x1 + MARKER_RADIUS + 2;
    }
  else
    {
      *left = placed->x0 - MARKER_RADIUS - 2;
      *right = MAX (placed->x0 + MARKER_RADIUS + LABEL_GAP + text, placed->x1 + 2);
    }
}

/* The selected event when it found no row of its own (the view is dense):
 * drawn over the first row on the window's background, so that a selection
 * is always seen. */
static gboolean
floating_selection (MerTimeline *self,
                    Placed      *floating)
{
  MerEvent *selected = mer_state_get_selected_event (self->state);
  double x, text;

  if (selected == NULL)
    return FALSE;

  for (guint i = 0; i < self->placed->len; i++)
    if (g_array_index (self->placed, Placed, i).event == selected)
      return FALSE;

  x = mer_timeline_viewport_time_to_x (self->viewport, mer_event_get_first_second (selected));
  if (x < -MARKER_RADIUS || x > mer_timeline_viewport_get_width (self->viewport) ||
      !mer_state_event_passes_filters (self->state, selected))
    return FALSE;

  *floating = (Placed) {
    selected, x, MAX (x, mer_timeline_viewport_time_to_x (self->viewport, mer_event_get_last_second (selected))),
    rows_top (self) + ROW_HEIGHT / 2, 0, 0,
  };
  if (floating->x1 - floating->x0 < 2 * MARKER_RADIUS)
    floating->x1 = floating->x0;
  /* At the right edge its label goes before it, as on the rows. */
  text = label_width_estimate (self, selected);
  floating->label_before = x + MARKER_RADIUS + LABEL_GAP + text > mer_timeline_viewport_get_width (self->viewport) &&
                           x - MARKER_RADIUS - label_lead (selected) - text >= 0;
  return TRUE;
}

static void
draw_floating_selection (MerTimeline   *self,
                         cairo_t       *cr,
                         PangoLayout   *layout,
                         const GdkRGBA *fg,
                         const GdkRGBA *accent,
                         double         width)
{
  Placed floating;
  double left, right;
  GdkRGBA bg = { 1 - fg->red, 1 - fg->green, 1 - fg->blue, 0.92f };

  if (!floating_selection (self, &floating))
    return;

  /* The selected title is bold: a little wider than the layout reckons. */
  hit_extent (self, &floating, 1.15, &left, &right);
  left = MAX (left - 4, 0);
  right = MIN (right + 4, width);
  cairo_set_source_rgba (cr, bg.red, bg.green, bg.blue, bg.alpha);
  cairo_rectangle (cr, left, floating.y - ROW_HEIGHT / 2, right - left, ROW_HEIGHT);
  cairo_fill (cr);
  draw_event (self, cr, layout, &floating, fg, accent,
              floating.label_before ? floating.x0 : width - floating.x0 - MARKER_RADIUS - LABEL_GAP);
}

static void
mer_timeline_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  MerTimeline *self = MER_TIMELINE (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  g_autoptr(PangoLayout) layout = NULL;
  GdkRGBA fg, accent;
  cairo_t *cr;

  if (mer_state_get_document (self->state) == NULL || width <= 0 || height <= 0)
    return;

  mer_timeline_viewport_set_width (self->viewport, width);
  if (self->dirty)
    relayout (self);

  lookup_colors (self, &fg, &accent);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  draw_eras (self, cr, &fg, width, height);
  draw_window (self, cr, &accent, height);
  draw_axis (self, cr, &fg, width, height);
  draw_density (self, cr, &fg, height);

  layout = gtk_widget_create_pango_layout (widget, NULL);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);

  for (guint i = 0; i < self->placed->len; i++)
    {
      const Placed *placed = &g_array_index (self->placed, Placed, i);
      double limit = width - placed->x0;

      /* The label may run until the next event on its row, or its label when
       * that goes before it. */
      for (guint j = i + 1; j < self->placed->len && !placed->label_before; j++)
        {
          const Placed *next = &g_array_index (self->placed, Placed, j);

          if (next->row == placed->row && next->lane == placed->lane)
            {
              limit = next->x0 - MARKER_RADIUS - LABEL_GAP - placed->x0;
              if (next->label_before)
                limit -= label_width_estimate (self, next->event) + label_lead (next->event);
              break;
            }
        }
      /* Its room was reckoned from an average character: a bold selected
       * title may take a little more, as far as the left edge. */
      if (placed->label_before)
        limit = placed->x0;

      if (placed->x0 + MARKER_RADIUS < 0 && placed->x1 < 0 && limit < 0)
        continue;
      draw_event (self, cr, layout, placed, &fg, &accent, limit - MARKER_RADIUS - LABEL_GAP);
    }

  draw_floating_selection (self, cr, layout, &fg, &accent, width);

  if (self->lanes != NULL)
    {
      guint rows_per_lane = MAX (1, self->max_rows / self->lanes->len);

      for (guint lane = 0; lane < self->lanes->len; lane++)
        {
          MerCategory *category = g_ptr_array_index (self->lanes, lane);
          double y = rows_top (self) + lane * rows_per_lane * ROW_HEIGHT;

          cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.15);
          cairo_rectangle (cr, 0, y, width, 1);
          cairo_fill (cr);
          pango_layout_set_width (layout, -1);
          pango_layout_set_attributes (layout, NULL);
          pango_layout_set_text (layout, category != NULL ? mer_category_get_name (category) : "Other", -1);
          cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.55);
          cairo_move_to (cr, width - 4 - pango_layout_get_width (layout), y + 1);
          {
            PangoRectangle logical;

            pango_layout_get_pixel_extents (layout, NULL, &logical);
            cairo_move_to (cr, width - 6 - logical.width, y + 1);
          }
          pango_cairo_show_layout (cr, layout);
          cairo_new_path (cr);
        }
    }

  cairo_destroy (cr);
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
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = 200;
  else
    {
      *minimum = (int) (ERA_HEIGHT + 4 + 2 * ROW_HEIGHT + DENSITY_HEIGHT + AXIS_HEIGHT);
      *natural = (int) (ERA_HEIGHT + 4 + 8 * ROW_HEIGHT + DENSITY_HEIGHT + AXIS_HEIGHT);
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
  invalidate (self);
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

  {
    Placed floating;

    double left, right;

    if (floating_selection (self, &floating) && fabs (y - floating.y) <= ROW_HEIGHT / 2)
      {
        hit_extent (self, &floating, 1, &left, &right);
        if (x >= left && x <= right)
          return floating.event;
      }
  }

  for (guint i = self->placed->len; i > 0; i--)
    {
      const Placed *placed = &g_array_index (self->placed, Placed, i - 1);
      double left, right;

      hit_extent (self, placed, 1, &left, &right);

      if (fabs (y - placed->y) <= ROW_HEIGHT / 2 && x >= left && x <= right)
        return placed->event;
    }

  return NULL;
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

  for (guint i = 0; i < self->placed->len; i++)
    {
      const Placed *placed = &g_array_index (self->placed, Placed, i);

      if (placed->event == event)
        {
          *x = placed->x0;
          *y = placed->y;
          return TRUE;
        }
    }

  return FALSE;
}

/* Navigation */

static GListModel *
events_model (MerTimeline *self)
{
  MerDocument *document = mer_state_get_document (self->state);

  return document != NULL ? mer_document_get_events (document) : NULL;
}

/* The first and last seconds of the story, with a margin. */
static gboolean
story_extent (MerTimeline *self,
              double      *start,
              double      *end)
{
  double margin;

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

    if (story_extent (self, &story_start, &story_end))
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

static void
clear_window_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  mer_state_clear_time_window (MER_TIMELINE (widget)->state);
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

  if (story_extent (self, &start, &end))
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
                      y >= gtk_widget_get_height (GTK_WIDGET (self)) - AXIS_HEIGHT;
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
  if (fabs (dx) >= 3 || fabs (dy) >= 3)
    self->dragged = TRUE;

  if (self->drag_window)
    {
      if (fabs (dx) >= 3)
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
  static double previous = 1;
  double x, y;

  if (gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    self->pointer_x = x;
  if (scale > 0 && previous > 0)
    mer_timeline_viewport_zoom_at (self->viewport, self->pointer_x, previous / scale);
  previous = scale;
}

static void
on_zoom_begin (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               MerTimeline      *self)
{
  stop_kinetic (self);
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
  update_cache (self);
  update_lanes (self);
  mer_timeline_show_all (self);
  invalidate (self);
}

static void
on_selected_event (MerTimeline *self)
{
  MerEvent *event = mer_state_get_selected_event (self->state);

  reveal_event (self, event);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (event != NULL)
    {
      g_autofree char *date = mer_event_format_date (event);
      g_autofree char *text = g_strdup_printf ("%s, %s", mer_event_get_title (event), date);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
    }
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
  PangoContext *context = gtk_widget_get_pango_context (widget);
  PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);

  GTK_WIDGET_CLASS (mer_timeline_parent_class)->css_changed (widget, change);

  self->char_width = pango_font_metrics_get_approximate_char_width (metrics) / (double) PANGO_SCALE;
  pango_font_metrics_unref (metrics);
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
      g_value_set_boolean (value, self->show_lanes);
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
mer_timeline_dispose (GObject *object)
{
  MerTimeline *self = MER_TIMELINE (object);

  stop_kinetic (self);
  g_clear_object (&self->state);
  g_clear_object (&self->viewport);
  g_clear_pointer (&self->placed, g_array_unref);
  g_clear_pointer (&self->cache, g_array_unref);
  g_clear_pointer (&self->density, g_array_unref);
  g_clear_pointer (&self->lanes, g_ptr_array_unref);

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
  gtk_widget_class_install_action (widget_class, "timeline.clear-window", NULL, clear_window_action);
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
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "timeline.clear-window", NULL);

  gtk_widget_class_set_css_name (widget_class, "mer-timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
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
  self->placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  self->cache = g_array_new (FALSE, FALSE, sizeof (Cached));
  self->density = g_array_new (FALSE, TRUE, sizeof (guint));
  self->char_width = 7;
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
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  "Timeline. Left and Right select the previous and next event, "
                                  "plus and minus zoom, Enter shows the details.", -1);
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

gboolean
mer_timeline_get_lanes (MerTimeline *self)
{
  g_return_val_if_fail (MER_IS_TIMELINE (self), FALSE);
  return self->show_lanes;
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

  if (self->show_lanes == lanes)
    return;

  self->show_lanes = lanes;
  update_lanes (self);
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANES]);
}

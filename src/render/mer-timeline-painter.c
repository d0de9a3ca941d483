/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-timeline-painter"

#include "config.h"

#include "mer-timeline-painter.h"

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "mer-era.h"
#include "mer-ink.h"
#include "mer-text-image.h"
#include "mer-time-axis.h"

/* The one painter of the timeline, for the widget and the export's strip:
 * eras as bands with their titles, the time window, the two-level axis, the
 * badges counting the events without a row, the events on their rows with
 * the selected and hovered ones ringed, and the lanes' names. It draws what a MerTimelineLayout placed, at the
 * layout's scale, in the colours and font it is given. */

static PangoLayout *
create_layout (PangoContext           *context,
               const MerTimelineStyle *style)
{
  PangoLayout *layout = pango_layout_new (context);

  if (style->font != NULL)
    pango_layout_set_font_description (layout, style->font);
  return layout;
}

static void
set_source (cairo_t        *cr,
            const MerColor *color,
            double          alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, alpha);
}

static void show_text (cairo_t               *cr,
                       PangoLayout           *text,
                       MerTimelineLabelCache *cache,
                       const MerColor        *color,
                       double                 alpha,
                       double                 x,
                       double                 y);

static MerColor
event_color (MerEvent       *event,
             const MerColor *fallback)
{
  MerCategory *category = mer_event_get_category (event);
  guint32 rgb = category != NULL ? mer_category_get_color (category) : MER_NO_COLOR;

  if (rgb == MER_NO_COLOR)
    return *fallback;
  return mer_color_from_rgb (rgb, 1);
}

static void
draw_eras (cairo_t                *cr,
           PangoContext           *context,
           const MerTimelineStyle *style,
           MerTimelineLayout      *layout,
           MerTimelineLabelCache  *cache)
{
  const MerTimelineMetrics *m = mer_timeline_layout_get_metrics (layout);
  const MerTimelineView *view = mer_timeline_layout_get_view (layout);
  const MerColor *fg = &style->foreground;
  GListModel *eras = mer_document_get_eras (mer_timeline_layout_get_document (layout));
  g_autoptr(PangoLayout) text = create_layout (context, style);
  guint n_eras = g_list_model_get_n_items (eras);
  g_autofree MerTimelineTitle *titles = g_new0 (MerTimelineTitle, MAX (n_eras, 1));

  pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);

  for (guint i = 0; i < n_eras; i++)
    {
      g_autoptr(MerEra) era = g_list_model_get_item (eras, i);
      int natural_width;

      pango_layout_set_text (text, mer_era_get_title (era), -1);
      pango_layout_set_width (text, -1);
      pango_layout_get_pixel_size (text, &natural_width, NULL);
      titles[i] = (MerTimelineTitle) {
        mer_timeline_view_time_to_x (view, mer_date_first_second (mer_era_get_start (era))),
        mer_timeline_view_time_to_x (view, mer_date_last_second (mer_era_get_end (era))),
        natural_width, 0, 0,
      };
    }
  mer_timeline_layout_titles (titles, n_eras, view->width);

  /* Overlapping eras blend their bands. */
  for (guint i = 0; i < n_eras; i++)
    {
      g_autoptr(MerEra) era = g_list_model_get_item (eras, i);
      guint32 rgb = mer_era_get_color (era);
      double x0 = MAX (titles[i].x0, -m->scale), x1 = MIN (titles[i].x1, view->width + m->scale);
      MerColor color = rgb != MER_NO_COLOR ? mer_color_from_rgb (rgb, 1) : *fg;

      if (x1 < 0 || x0 > view->width)
        continue;

      set_source (cr, &color, 0.07);
      cairo_rectangle (cr, x0, 0, x1 - x0, view->height - m->axis_height);
      cairo_fill (cr);
      set_source (cr, &color, 0.25);
      cairo_rectangle (cr, x0, 0, x1 - x0, m->era_height);
      cairo_fill (cr);

      if (titles[i].width <= 0)
        continue;
      pango_layout_set_text (text, mer_era_get_title (era), -1);
      pango_layout_set_width (text, (int) (titles[i].width * PANGO_SCALE));
      show_text (cr, text, cache, fg, 0.8, titles[i].x, m->scale);
    }
}

static void
draw_window (cairo_t                *cr,
             const MerTimelineStyle *style,
             MerTimelineLayout      *layout,
             MerState               *state)
{
  const MerTimelineMetrics *m = mer_timeline_layout_get_metrics (layout);
  const MerTimelineView *view = mer_timeline_layout_get_view (layout);
  double start, end, x0, x1, edge = 1.5 * m->scale;

  if (state == NULL || !mer_state_get_time_window (state, &start, &end))
    return;

  x0 = mer_timeline_view_time_to_x (view, start);
  x1 = mer_timeline_view_time_to_x (view, end);
  set_source (cr, &style->accent, 0.12);
  cairo_rectangle (cr, x0, 0, MAX (x1 - x0, m->scale), view->height - m->axis_height);
  cairo_fill (cr);
  set_source (cr, &style->accent, 0.8);
  cairo_rectangle (cr, x0, 0, edge, view->height - m->axis_height);
  cairo_rectangle (cr, x1 - edge, 0, edge, view->height - m->axis_height);
  cairo_fill (cr);
}

static void
draw_axis (cairo_t                *cr,
           PangoContext           *context,
           const MerTimelineStyle *style,
           MerTimelineLayout      *layout,
           MerTimelineLabelCache  *cache)
{
  const MerTimelineMetrics *m = mer_timeline_layout_get_metrics (layout);
  const MerTimelineView *view = mer_timeline_layout_get_view (layout);
  const MerColor *fg = &style->foreground;
  g_autoptr(GArray) ticks = mer_time_axis_ticks (view->start, view->end, view->width, 90 * m->scale);
  g_autoptr(GArray) periods = mer_time_axis_context (view->start, view->end, view->width, 90 * m->scale);
  g_autoptr(PangoLayout) text = create_layout (context, style);
  double top = view->height - m->axis_height;
  double second = top + m->axis_height / 2;
  double labels_end = -G_MAXDOUBLE;

  set_source (cr, fg, 0.35);
  cairo_rectangle (cr, 0, top, view->width, m->scale);
  cairo_fill (cr);

  cairo_set_line_width (cr, m->scale);
  for (guint i = 0; i < ticks->len; i++)
    {
      const MerTimeAxisTick *tick = &g_array_index (ticks, MerTimeAxisTick, i);
      /* On a pixel's middle, for a sharp line. */
      double x = round (mer_timeline_view_time_to_x (view, tick->time)) + 0.5;
      double label_x = x + 3 * m->scale;
      int label_width;

      set_source (cr, fg, 0.1);
      cairo_move_to (cr, x, m->era_height);
      cairo_line_to (cr, x, top);
      cairo_stroke (cr);

      set_source (cr, fg, 0.5);
      cairo_move_to (cr, x, top);
      cairo_line_to (cr, x, top + 5 * m->scale);
      cairo_stroke (cr);

      /* A label the view's end would cut goes before its tick, where the
       * previous one leaves room; else the tick goes unlabelled. */
      pango_layout_set_text (text, tick->label, -1);
      pango_layout_get_pixel_size (text, &label_width, NULL);
      if (label_x + label_width > view->width)
        {
          label_x = x - 3 * m->scale - label_width;
          if (label_x < labels_end + 6 * m->scale)
            continue;
        }
      show_text (cr, text, cache, fg, 0.75, label_x, top + 3 * m->scale);
      labels_end = label_x + label_width;
    }

  /* Under the ticks, the year, month or day they are in: each label stays
   * in view while its period is, pushed left by the next one. */
  for (guint i = 0; i < periods->len; i++)
    {
      const MerTimeAxisTick *period = &g_array_index (periods, MerTimeAxisTick, i);
      double x = mer_timeline_view_time_to_x (view, period->time);
      double next = i + 1 < periods->len
                      ? mer_timeline_view_time_to_x (view, g_array_index (periods, MerTimeAxisTick, i + 1).time)
                      : G_MAXDOUBLE;
      double label_x;
      int label_width;

      pango_layout_set_text (text, period->label, -1);
      pango_layout_get_pixel_size (text, &label_width, NULL);
      label_x = MIN (MAX (x, 0) + 3 * m->scale, next - label_width - 6 * m->scale);

      if (x >= 0)
        {
          set_source (cr, fg, 0.6);
          cairo_rectangle (cr, round (x), second, m->scale, m->axis_height / 2);
          cairo_fill (cr);
        }
      show_text (cr, text, cache, fg, 0.9, label_x, second);
    }
}

/* The badges that count the events in view without a row: "+7". */
static void
draw_clusters (cairo_t                *cr,
               PangoContext           *context,
               const MerTimelineStyle *style,
               MerTimelineLayout      *layout,
               MerTimelineLabelCache  *cache)
{
  const MerTimelineMetrics *m = mer_timeline_layout_get_metrics (layout);
  const MerTimelineView *view = mer_timeline_layout_get_view (layout);
  double top = view->height - m->axis_height - m->badge_height;
  g_autoptr(PangoLayout) text = create_layout (context, style);
  PangoFontDescription *font = pango_font_description_copy (style->font != NULL ? style->font
                                                                                 : pango_context_get_font_description (context));
  guint n_clusters;
  const MerTimelineCluster *clusters = mer_timeline_layout_get_clusters (layout, &n_clusters);

  pango_font_description_set_size (font, (int) (pango_font_description_get_size (font) * 0.85));
  pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (text, font);
  pango_font_description_free (font);

  for (guint i = 0; i < n_clusters; i++)
    {
      const MerTimelineCluster *cluster = &clusters[i];
      double h = m->badge_height - 2 * m->scale, r = h / 2, w = cluster->x1 - cluster->x0;
      double y = top + m->scale;
      g_autofree char *label = g_strdup_printf ("+%u", cluster->count);
      int label_width, label_height;

      cairo_new_sub_path (cr);
      cairo_arc (cr, cluster->x0 + r, y + r, r, G_PI / 2, 3 * G_PI / 2);
      cairo_arc (cr, cluster->x0 + w - r, y + r, r, 3 * G_PI / 2, G_PI / 2);
      cairo_close_path (cr);
      set_source (cr, &style->foreground, 0.7);
      cairo_fill (cr);

      pango_layout_set_text (text, label, -1);
      pango_layout_get_pixel_size (text, &label_width, &label_height);
      show_text (cr, text, cache, &style->background, 1, cluster->x0 + (w - label_width) / 2,
                 y + (h - label_height) / 2);
    }
}

/* Event labels drawn once on an image of their own and copied, as long as
 * the event's title, room, weight, colour and the scale stay the same: a
 * frame of the widget copies its labels rather than shaping and drawing
 * every title again. */
struct _MerTimelineLabelCache
{
  GHashTable *labels;        /* MerEvent → Label */
  GHashTable *texts;         /* what a text shows, as text_key() → MerTextImage */
  double      scale;         /* device pixels to a unit of the target */
  double      image_scale;   /* and to a unit of this frame's user space */
};

typedef struct {
  char            *title;
  int              width;        /* the room, Pango units */
  gboolean         bold;
  MerColor         color;
  guint            serial;       /* the Pango context's */
  int              baseline;     /* Pango units */
  int              pixel_width;
  MerTextImage     image;
} Label;

/* Past this many labels the cache starts again. */
#define MAX_LABELS 4096

static void
label_free (gpointer data)
{
  Label *label = data;

  g_free (label->title);
  mer_text_image_clear (&label->image);
  g_free (label);
}

static void
text_free (gpointer data)
{
  MerTextImage *image = data;

  mer_text_image_clear (image);
  g_free (image);
}

/**
 * mer_timeline_label_cache_new:
 *
 * Returns: (transfer full): an empty cache of event labels, for a widget
 *   that draws the timeline frame after frame
 */
MerTimelineLabelCache *
mer_timeline_label_cache_new (void)
{
  MerTimelineLabelCache *self = g_new0 (MerTimelineLabelCache, 1);

  self->labels = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, label_free);
  self->texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, text_free);
  self->scale = 1;
  return self;
}

void
mer_timeline_label_cache_free (MerTimelineLabelCache *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->labels);
  g_hash_table_unref (self->texts);
  g_free (self);
}

/**
 * mer_timeline_label_cache_set_scale:
 * @scale: device pixels to a unit of the surface the timeline is drawn
 *   on, when that surface is rasterised later (a widget's recording)
 */
void
mer_timeline_label_cache_set_scale (MerTimelineLabelCache *self,
                                    double                 scale)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (scale > 0);

  self->scale = scale;
}

/* @text set up for the event's label: its title in its room, bold when
 * selected. */
static void
set_label_text (PangoLayout *text,
                const char  *title,
                double       width,
                gboolean     bold)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_layout_set_text (text, title, -1);
  pango_layout_set_width (text, (int) (width * PANGO_SCALE));
  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (text, attrs);
  pango_attr_list_unref (attrs);
}

/* @text drawn in @color at @alpha onto @image, anew. */
static void
draw_text_image (MerTextImage   *image,
                 PangoLayout    *text,
                 const MerColor *color,
                 double          alpha,
                 double          scale)
{
  cairo_t *cr = mer_text_image_begin (image, text, 0, scale);

  set_source (cr, color, alpha);
  pango_cairo_show_layout (cr, text);
  mer_text_image_end (image, cr);
}

/* The event's label on its image, made again when anything it shows
 * changed. */
static Label *
ensure_label (MerTimelineLabelCache *self,
              PangoLayout           *text,
              MerEvent              *event,
              double                 width,
              gboolean               bold,
              const MerColor        *color,
              double                 scale)
{
  Label *label = g_hash_table_lookup (self->labels, event);
  const char *title = mer_event_get_title (event);
  guint serial = pango_context_get_serial (pango_layout_get_context (text));

  if (label != NULL && label->width == (int) (width * PANGO_SCALE) && label->bold == bold &&
      label->image.scale == scale && label->serial == serial && memcmp (&label->color, color, sizeof *color) == 0 &&
      g_strcmp0 (label->title, title) == 0)
    return label;

  if (label == NULL)
    {
      if (g_hash_table_size (self->labels) >= MAX_LABELS)
        g_hash_table_remove_all (self->labels);
      label = g_new0 (Label, 1);
      g_hash_table_insert (self->labels, event, label);
    }

  set_label_text (text, title, width, bold);
  g_free (label->title);
  label->title = g_strdup (title);
  label->width = (int) (width * PANGO_SCALE);
  label->bold = bold;
  label->color = *color;
  label->serial = serial;
  label->baseline = pango_layout_get_baseline (text);
  pango_layout_get_pixel_size (text, &label->pixel_width, NULL);

  draw_text_image (&label->image, text, color, color->alpha, scale);
  return label;
}

/* Everything that decides how @text looks in @color. */
static char *
text_key (PangoLayout    *text,
          const MerColor *color,
          double          alpha,
          double          scale)
{
  const PangoFontDescription *font = pango_layout_get_font_description (text);
  g_autofree char *font_name = font != NULL ? pango_font_description_to_string (font) : NULL;

  return g_strdup_printf ("%u\x1f%s\x1f%d\x1f%d\x1f%a,%a,%a,%a,%a\x1f%s",
                          pango_context_get_serial (pango_layout_get_context (text)), font_name != NULL ? font_name : "",
                          pango_layout_get_width (text), (int) pango_layout_get_ellipsize (text), color->red,
                          color->green, color->blue, alpha, scale, pango_layout_get_text (text));
}

/* @text (no attributes) in @color at @alpha, its top left at (@x, @y): with
 * a cache, copied from an image drawn once, as event titles are; so that
 * a frame rasterised again in parts puts every glyph where a whole frame
 * does. */
static void
show_text (cairo_t               *cr,
           PangoLayout           *text,
           MerTimelineLabelCache *cache,
           const MerColor        *color,
           double                 alpha,
           double                 x,
           double                 y)
{
  g_autofree char *key = NULL;
  MerTextImage *image;

  if (cache == NULL)
    {
      set_source (cr, color, alpha);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, text);
      cairo_new_path (cr);
      return;
    }

  key = text_key (text, color, alpha, cache->image_scale);
  image = g_hash_table_lookup (cache->texts, key);
  if (image == NULL)
    {
      if (g_hash_table_size (cache->texts) >= MAX_LABELS)
        g_hash_table_remove_all (cache->texts);
      image = g_new0 (MerTextImage, 1);
      draw_text_image (image, text, color, alpha, cache->image_scale);
      g_hash_table_insert (cache->texts, g_steal_pointer (&key), image);
    }
  mer_text_image_paint (image, cr, cache->scale, x, y);
}

/* Where an event's label of @pixel_width, whose first line's baseline is
 * @baseline (Pango units) below its top, starts: after its mark, or ending
 * before it. */
static void
get_label_origin (MerTimelineLayout       *layout,
                  const MerTimelinePlaced *placed,
                  int                      pixel_width,
                  int                      baseline,
                  double                  *x,
                  double                  *y)
{
  const MerTimelineMetrics *m = mer_timeline_layout_get_metrics (layout);

  *y = placed->y - baseline / (double) PANGO_SCALE + 4 * m->scale;
  *x = placed->label_before
         ? placed->x0 - m->marker_radius - mer_timeline_layout_get_label_lead (layout, placed->event) - pixel_width
         : placed->x0 + m->marker_radius + m->label_gap;
}

static void
draw_event (cairo_t                 *cr,
            PangoLayout             *text,
            MerTimelineLabelCache   *cache,
            const MerTimelineStyle  *style,
            MerTimelineLayout       *layout,
            MerState                *state,
            const MerTimelinePlaced *placed)
{
  const MerTimelineMetrics *m = mer_timeline_layout_get_metrics (layout);
  const MerColor *fg = &style->foreground;
  MerEvent *event = placed->event;
  MerColor color = event_color (event, fg);
  gboolean selected = state != NULL && event == mer_state_get_selected_event (state);
  gboolean hovered = state != NULL && event == mer_state_get_hovered_event (state);
  gboolean faded = state != NULL && !mer_state_event_in_window (state, event);
  double alpha = faded ? 0.35 : 1;
  double y = placed->y;

  if (mer_event_get_circa (event))
    {
      /* Fading whiskers: the date is approximate. */
      for (int side = -1; side <= 1; side += 2)
        {
          double from = side < 0 ? placed->x0 : placed->x1;
          cairo_pattern_t *gradient = cairo_pattern_create_linear (from, y, from + side * m->whisker, y);

          cairo_pattern_add_color_stop_rgba (gradient, 0, color.red, color.green, color.blue, 0.8 * alpha);
          cairo_pattern_add_color_stop_rgba (gradient, 1, color.red, color.green, color.blue, 0);
          cairo_set_source (cr, gradient);
          cairo_rectangle (cr, MIN (from, from + side * m->whisker), y - m->scale, m->whisker, 2 * m->scale);
          cairo_fill (cr);
          cairo_pattern_destroy (gradient);
        }
    }

  if (placed->x1 > placed->x0)
    {
      /* A span: a bar from start to end, faint under its own label so
       * that the title stays legible over it. */
      double under = placed->label_width > 0 && !placed->label_before
                       ? CLAMP (placed->x0 + m->marker_radius + m->label_gap, placed->x0, placed->x1)
                       : placed->x1;

      set_source (cr, &color, 0.55 * alpha);
      cairo_rectangle (cr, placed->x0, y - 4 * m->scale, under - placed->x0, 8 * m->scale);
      cairo_fill (cr);
      set_source (cr, &color, 0.2 * alpha);
      cairo_rectangle (cr, under, y - 4 * m->scale, placed->x1 - under, 8 * m->scale);
      cairo_fill (cr);
    }

  if (selected || hovered)
    {
      cairo_arc (cr, placed->x0, y, m->marker_radius + 3.5 * m->scale, 0, 2 * G_PI);
      if (selected)
        set_source (cr, &style->accent, 1);
      else
        set_source (cr, fg, 0.7);
      cairo_set_line_width (cr, (selected ? 2.5 : 1.5) * m->scale);
      cairo_stroke (cr);
    }

  /* A point is a circle; a span starts with a diamond. */
  if (placed->x1 > placed->x0)
    {
      double r = m->marker_radius + m->scale;

      cairo_move_to (cr, placed->x0, y - r);
      cairo_line_to (cr, placed->x0 + r, y);
      cairo_line_to (cr, placed->x0, y + r);
      cairo_line_to (cr, placed->x0 - r, y);
      cairo_close_path (cr);
    }
  else
    cairo_arc (cr, placed->x0, y, m->marker_radius, 0, 2 * G_PI);
  set_source (cr, &color, alpha);
  cairo_fill (cr);

  if (placed->label_width > 0 && cache != NULL)
    {
      MerColor text_color = { fg->red, fg->green, fg->blue, alpha };
      const Label *label;
      double x, baseline;

      label = ensure_label (cache, text, event, placed->label_width, selected, &text_color, cache->image_scale);
      get_label_origin (layout, placed, label->pixel_width, label->baseline, &x, &baseline);
      mer_text_image_paint (&label->image, cr, cache->scale, x, baseline);
    }
  else if (placed->label_width > 0)
    {
      int pixel_width;
      double x, baseline;

      set_label_text (text, mer_event_get_title (event), placed->label_width, selected);
      set_source (cr, fg, alpha);
      pango_layout_get_pixel_size (text, &pixel_width, NULL);
      get_label_origin (layout, placed, pixel_width, pango_layout_get_baseline (text), &x, &baseline);
      cairo_move_to (cr, x, baseline);
      pango_cairo_show_layout (cr, text);
      cairo_new_path (cr);
    }
}

/* The selected event without a row of its own, over the first row on the
 * background, so that a selection is always seen. The marks of the row's
 * events under the band show through it, faint, under the selection: none
 * of them is hidden while the selection floats. */
static void
draw_floating_selection (cairo_t                 *cr,
                         PangoLayout             *text,
                         MerTimelineLabelCache   *cache,
                         const MerTimelineStyle  *style,
                         MerTimelineLayout       *layout,
                         MerState                *state,
                         const MerTimelinePlaced *floating,
                         double                   left,
                         double                   right)
{
  const MerTimelineMetrics *m = mer_timeline_layout_get_metrics (layout);
  const MerTimelinePlaced *placed;
  guint n_placed;

  cairo_save (cr);
  cairo_rectangle (cr, left, floating->y - m->row_height / 2, right - left, m->row_height);
  cairo_clip (cr);
  set_source (cr, &style->background, style->background.alpha);
  cairo_paint (cr);

  /* A group the band's size: the marks under it, faint. */
  cairo_push_group (cr);
  placed = mer_timeline_layout_get_placed (layout, &n_placed);
  for (guint i = 0; i < n_placed; i++)
    if (placed[i].event != floating->event && fabs (placed[i].y - floating->y) < m->row_height / 2 &&
        placed[i].x1 + m->marker_radius >= left && placed[i].x0 - m->marker_radius <= right)
      {
        MerTimelinePlaced mark = placed[i];

        mark.label_width = 0;
        draw_event (cr, text, cache, style, layout, state, &mark);
      }
  cairo_pop_group_to_source (cr);
  cairo_paint_with_alpha (cr, 0.45);
  cairo_restore (cr);

  draw_event (cr, text, cache, style, layout, state, floating);
}

static void
draw_lanes (cairo_t                *cr,
            PangoLayout            *text,
            const MerTimelineStyle *style,
            MerTimelineLayout      *layout,
            MerTimelineLabelCache  *cache)
{
  const MerTimelineMetrics *m = mer_timeline_layout_get_metrics (layout);
  const MerTimelineView *view = mer_timeline_layout_get_view (layout);
  guint n_lanes = mer_timeline_layout_get_n_lanes (layout);

  pango_layout_set_width (text, -1);
  pango_layout_set_attributes (text, NULL);

  for (guint lane = 0; lane < n_lanes; lane++)
    {
      double y, name_width;
      MerCategory *category = mer_timeline_layout_get_lane (layout, lane, &y, &name_width);
      PangoRectangle logical;

      /* Scrolled out of view. */
      if (y < m->rows_top - m->scale || y + m->row_height > view->height - m->axis_height - m->badge_height + m->scale)
        continue;

      set_source (cr, &style->foreground, 0.15);
      cairo_rectangle (cr, 0, y, view->width, m->scale);
      cairo_fill (cr);
      /* In the room the layout kept for it, clear of every label. */
      pango_layout_set_text (text, category != NULL ? mer_category_get_name (category) : "Other", -1);
      pango_layout_set_width (text, (int) ((name_width - 6 * m->scale) * PANGO_SCALE));
      pango_layout_get_pixel_extents (text, NULL, &logical);
      show_text (cr, text, cache, &style->foreground, 0.55, view->width - 6 * m->scale - logical.width, y + m->scale);
    }
}

/* @placed as the rows draw it: %NULL when it lies wholly left of the view,
 * title included; without its title (in @unlabelled) when the floating
 * selection would half cover the title, which gives way: its event stays a
 * mark under the band. */
static const MerTimelinePlaced *
as_drawn (MerTimelineLayout       *layout,
          const MerTimelinePlaced *placed,
          const MerTimelinePlaced *floating,
          MerTimelinePlaced       *unlabelled)
{
  const MerTimelineMetrics *m = mer_timeline_layout_get_metrics (layout);

  if (placed->x0 + m->marker_radius < 0 && placed->x1 < 0 && placed->label_width + m->marker_radius + m->label_gap < 0)
    return NULL;
  if (floating != NULL && mer_timeline_layout_gives_way (layout, floating, placed))
    {
      *unlabelled = *placed;
      unlabelled->label_width = 0;
      return unlabelled;
    }
  return placed;
}

/* One event as draw_event() draws it (see #MerInk): its mark, ring,
 * whiskers, bar and title, the title's side left open. */
static void
add_event_ink (GArray                  *ink,
               MerTimelineLayout       *layout,
               MerState                *state,
               const MerTimelinePlaced *placed)
{
  const MerTimelineMetrics *m = mer_timeline_layout_get_metrics (layout);
  struct {
    MerTimelinePlaced placed;
    gboolean          selected, hovered, faded;
  } look;
  double reach = m->marker_radius + 5 * m->scale + m->whisker + 2;
  double left = placed->x0 - reach, right = MAX (placed->x0, placed->x1) + reach;
  double half = m->row_height * 0.75 + 2;

  memset (&look, 0, sizeof look);
  look.placed.event = placed->event;
  look.placed.x0 = placed->x0;
  look.placed.x1 = placed->x1;
  look.placed.y = placed->y;
  look.placed.label_before = placed->label_before;
  look.placed.label_width = placed->label_width;
  look.selected = state != NULL && placed->event == mer_state_get_selected_event (state);
  look.hovered = state != NULL && placed->event == mer_state_get_hovered_event (state);
  look.faded = state != NULL && !mer_state_event_in_window (state, placed->event);
  if (placed->label_width > 0)
    {
      double title = placed->label_width + m->label_gap + 4;

      left -= title + mer_timeline_layout_get_label_lead (layout, placed->event);
      right += title;
    }
  mer_ink_add (ink, left, placed->y - half, right, placed->y + half, mer_ink_hash (0, &look, sizeof look));
}

/**
 * mer_timeline_painter_list_ink:
 * @ink: (element-type MerInk): where to append the events
 *   mer_timeline_painter_draw_cached() draws, in its order
 *
 * The events' marks and titles and the floating selection's band, each
 * with the box of its pixels (see #MerInk). What else the timeline draws
 * (eras, the time window, the axis, clusters, lanes) depends on the layout,
 * the time window and the style only.
 */
void
mer_timeline_painter_list_ink (MerTimelineLayout *layout,
                               MerState          *state,
                               GArray            *ink)
{
  const MerTimelineMetrics *m;
  const MerTimelinePlaced *placed;
  MerTimelinePlaced floating;
  double band_left = 0, band_right = 0;
  gboolean has_floating;
  guint n_placed;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (ink != NULL);

  if (mer_timeline_layout_get_document (layout) == NULL)
    return;

  m = mer_timeline_layout_get_metrics (layout);
  has_floating = mer_timeline_layout_get_floating (layout, state, &floating);
  if (has_floating)
    mer_timeline_layout_get_floating_band (layout, &floating, &band_left, &band_right);
  placed = mer_timeline_layout_get_placed (layout, &n_placed);
  for (guint i = 0; i < n_placed; i++)
    {
      MerTimelinePlaced unlabelled;
      const MerTimelinePlaced *p = as_drawn (layout, &placed[i], has_floating ? &floating : NULL, &unlabelled);

      if (p != NULL)
        add_event_ink (ink, layout, state, p);
    }

  if (has_floating)
    {
      mer_ink_add (ink, band_left, floating.y - m->row_height / 2 - 1, band_right, floating.y + m->row_height / 2 + 1, 0);
      add_event_ink (ink, layout, state, &floating);
    }
}

/**
 * mer_timeline_painter_get_char_width:
 * @font: (nullable): the labels' font, or %NULL for the context's
 *
 * Returns: the average width of a character, for
 *   mer_timeline_layout_set_char_width()
 */
double
mer_timeline_painter_get_char_width (PangoContext               *context,
                                     const PangoFontDescription *font)
{
  PangoFontMetrics *metrics;
  double width;

  g_return_val_if_fail (PANGO_IS_CONTEXT (context), 0);

  metrics = pango_context_get_metrics (context, font, NULL);
  width = pango_font_metrics_get_approximate_char_width (metrics) / (double) PANGO_SCALE;
  pango_font_metrics_unref (metrics);
  return width;
}

/**
 * mer_timeline_painter_draw:
 * @cr: a context whose user space has the layout's view at x = 0, y = 0
 * @context: the Pango context the labels are shaped in
 * @layout: the events placed in the view to draw, updated since the last
 *   change to the view, the document or the filters
 * @state: (nullable): the selection, the hovered event and the time window
 *
 * Draws the timeline over the layout's view.
 */
void
mer_timeline_painter_draw (cairo_t                *cr,
                           PangoContext           *context,
                           const MerTimelineStyle *style,
                           MerTimelineLayout      *layout,
                           MerState               *state)
{
  mer_timeline_painter_draw_cached (cr, context, style, layout, state, NULL);
}

/**
 * mer_timeline_painter_draw_cached:
 * @cache: (nullable): the event labels of the frames before, kept for the
 *   next; used on a recording at a plain scale, the widget's case
 *
 * As mer_timeline_painter_draw(), copying the event labels that did not
 * change from @cache.
 */
void
mer_timeline_painter_draw_cached (cairo_t                *cr,
                                  PangoContext           *context,
                                  const MerTimelineStyle *style,
                                  MerTimelineLayout      *layout,
                                  MerState               *state,
                                  MerTimelineLabelCache  *cache)
{
  g_autoptr(PangoLayout) text = NULL;
  const MerTimelinePlaced *placed;
  MerTimelinePlaced floating;
  double band_left = 0, band_right = 0;
  gboolean has_floating;
  guint n_placed;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (PANGO_IS_CONTEXT (context));
  g_return_if_fail (style != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (state == NULL || MER_IS_STATE (state));

  if (mer_timeline_layout_get_document (layout) == NULL)
    return;
  if (cache != NULL && !mer_text_image_get_scale (cr, cache->scale, &cache->image_scale))
    cache = NULL;

  draw_eras (cr, context, style, layout, cache);
  draw_window (cr, style, layout, state);
  draw_axis (cr, context, style, layout, cache);
  draw_clusters (cr, context, style, layout, cache);

  text = create_layout (context, style);
  pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);

  has_floating = mer_timeline_layout_get_floating (layout, state, &floating);
  if (has_floating)
    mer_timeline_layout_get_floating_band (layout, &floating, &band_left, &band_right);
  placed = mer_timeline_layout_get_placed (layout, &n_placed);
  for (guint i = 0; i < n_placed; i++)
    {
      MerTimelinePlaced unlabelled;
      const MerTimelinePlaced *p = as_drawn (layout, &placed[i], has_floating ? &floating : NULL, &unlabelled);

      if (p != NULL)
        draw_event (cr, text, cache, style, layout, state, p);
    }

  if (has_floating)
    draw_floating_selection (cr, text, cache, style, layout, state, &floating, band_left, band_right);
  draw_lanes (cr, text, style, layout, cache);
}

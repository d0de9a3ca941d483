/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-export"

#include "config.h"

#include "mer-export.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "mer-event-painter.h"
#include "mer-fit.h"
#include "mer-furniture.h"
#include "mer-pov-painter.h"
#include "mer-region-painter.h"
#include "mer-timeline-painter.h"

/* Snapshots of the map for reports and slides, drawn at their own size by
 * the painters that draw the screen: PNG at the requested pixels, SVG and
 * PDF as vectors with real text. A title, the selected event's caption, a
 * legend, a timeline strip, a scale bar and the attribution go over the
 * map. Files are written atomically: a failure leaves no partial file. */

#define MARGIN 14.0
#define STACK_GAP 6.0
#define PANEL_PADDING 8.0
/* The timeline strip: the widget's look at three quarters of its size,
 * with two rows of events. */
#define STRIP_SCALE 0.75
#define STRIP_ROWS 2
#define STRIP_INK { 0.14, 0.12, 0.19, 1 }
#define STRIP_ACCENT { 0.11, 0.44, 0.85, 1 }
#define STRIP_BACKGROUND { 0.98, 0.98, 0.97, 1 }
#define A4_WIDTH 841.89
/* Units (96 an inch) in a point (72 an inch). */
#define POINTS_TO_UNITS (96.0 / 72.0)
#define A4_HEIGHT 595.28

G_DEFINE_QUARK (mer-export-error-quark, mer_export_error)

void
mer_export_options_init (MerExportOptions *options,
                         MerDocument      *document,
                         MerState         *state,
                         const MerView    *view,
                         double            width,
                         double            height)
{
  *options = (MerExportOptions) {
    document, state, *view, width, height, 1, 96,
    TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, FALSE, NULL, NULL, 0,
  };
}

MerExportFormat
mer_export_format_from_path (const char *path)
{
  const char *dot = path != NULL ? strrchr (path, '.') : NULL;

  if (dot == NULL)
    return MER_EXPORT_FORMAT_UNKNOWN;
  if (g_ascii_strcasecmp (dot, ".png") == 0)
    return MER_EXPORT_FORMAT_PNG;
  if (g_ascii_strcasecmp (dot, ".svg") == 0)
    return MER_EXPORT_FORMAT_SVG;
  if (g_ascii_strcasecmp (dot, ".pdf") == 0)
    return MER_EXPORT_FORMAT_PDF;
  return MER_EXPORT_FORMAT_UNKNOWN;
}

/**
 * mer_export_view_for_event:
 * @view: (out): the event's own view, or a fit of its places and regions
 *
 * Returns: whether the event has anything to show on a map
 */
gboolean
mer_export_view_for_event (MerEvent *event,
                           double    width,
                           double    height,
                           MerView  *view)
{
  MerRegion * const *regions;
  const MerPlace *places;
  g_autofree MerGeometry **geometries = NULL;
  guint n_places, n_regions;

  if (mer_event_get_view (event) != NULL)
    {
      *view = *mer_event_get_view (event);
      return TRUE;
    }

  places = mer_event_get_places (event, &n_places);
  regions = mer_event_get_regions (event, &n_regions);
  geometries = g_new0 (MerGeometry *, MAX (n_regions, 1));
  for (guint i = 0; i < n_regions; i++)
    geometries[i] = mer_region_get_geometry (regions[i]);

  return mer_fit_view (places, n_places, geometries, n_regions, width, height, 60, 1, 8, view);
}

/* Text */

static PangoLayout *
create_layout (cairo_t    *cr,
               const char *font,
               const char *markup,
               double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_layout_set_markup (layout, markup, -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  return layout;
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  *width = logical.width / (double) PANGO_SCALE;
  *height = logical.height / (double) PANGO_SCALE;
}

static void
panel (cairo_t *cr,
       double   x,
       double   y,
       double   width,
       double   height)
{
  cairo_rectangle (cr, x, y, width, height);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.88);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.18);
  cairo_set_line_width (cr, 0.75);
  cairo_stroke (cr);
}

static void
show_layout_at (cairo_t     *cr,
                PangoLayout *layout,
                double       x,
                double       y)
{
  cairo_move_to (cr, x, y);
  cairo_set_source_rgb (cr, 0.14, 0.12, 0.19);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
}

/* Furniture: the title, the legend, the caption, the scale bar and the
 * attribution, each laid out, then placed in turn where it hides least of
 * the picture's subject and none of the furniture placed before it. */

static double
strip_height (void)
{
  MerTimelineMetrics metrics;

  mer_timeline_metrics_init (&metrics, STRIP_SCALE);
  /* Whole units, so that the map ends on a pixel's edge. */
  return ceil (mer_timeline_metrics_height (&metrics, STRIP_ROWS));
}

static double
bottom_of_map (const MerExportOptions *options)
{
  return options->height - (options->timeline ? strip_height () : 0);
}

typedef enum {
  TOP_LEFT, TOP_RIGHT, BOTTOM_LEFT, BOTTOM_RIGHT, TOP_CENTRE, BOTTOM_CENTRE, MIDDLE_LEFT, MIDDLE_RIGHT,
  N_SPOTS
} Spot;

/* The spots before this one in each piece's order are corners and the
 * middles of the top and bottom edges. */
#define MIDDLE_SPOTS 6

typedef struct {
  PangoLayout *layout;
  PangoLayout *column;         /* a tall legend's second column */
  MerBox       box;
  double       scale_length;   /* the scale bar's, in units */
} Piece;

typedef struct {
  Piece pieces[MER_EXPORT_N_FURNITURE];
} Furniture;

/* Where each piece would rather go; ties go to the first. */
static const Spot preferred[MER_EXPORT_N_FURNITURE][N_SPOTS] = {
  [MER_EXPORT_FURNITURE_TITLE] = { TOP_LEFT, TOP_RIGHT, BOTTOM_LEFT, BOTTOM_RIGHT, TOP_CENTRE, BOTTOM_CENTRE,
                                   MIDDLE_LEFT, MIDDLE_RIGHT },
  [MER_EXPORT_FURNITURE_LEGEND] = { TOP_RIGHT, TOP_LEFT, BOTTOM_RIGHT, BOTTOM_LEFT, MIDDLE_RIGHT, MIDDLE_LEFT,
                                    TOP_CENTRE, BOTTOM_CENTRE },
  [MER_EXPORT_FURNITURE_CAPTION] = { BOTTOM_LEFT, BOTTOM_RIGHT, TOP_LEFT, TOP_RIGHT, BOTTOM_CENTRE, TOP_CENTRE,
                                     MIDDLE_LEFT, MIDDLE_RIGHT },
  [MER_EXPORT_FURNITURE_SCALE_BAR] = { BOTTOM_LEFT, BOTTOM_RIGHT, TOP_LEFT, TOP_RIGHT, BOTTOM_CENTRE, TOP_CENTRE,
                                       MIDDLE_LEFT, MIDDLE_RIGHT },
  [MER_EXPORT_FURNITURE_ATTRIBUTION] = { BOTTOM_RIGHT, BOTTOM_LEFT, TOP_RIGHT, TOP_LEFT, BOTTOM_CENTRE, TOP_CENTRE,
                                         MIDDLE_RIGHT, MIDDLE_LEFT },
};

static void
furniture_clear (Furniture *furniture)
{
  for (guint i = 0; i < MER_EXPORT_N_FURNITURE; i++)
    {
      g_clear_object (&furniture->pieces[i].layout);
      g_clear_object (&furniture->pieces[i].column);
    }
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Furniture, furniture_clear)

static PangoLayout *
title_layout (cairo_t                *cr,
              const MerExportOptions *options)
{
  const char *title = mer_document_get_title (options->document);
  const char *subtitle = mer_document_get_subtitle (options->document);
  g_autofree char *revised = mer_document_dup_revised_text (options->document);
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *head = NULL;

  if (title == NULL)
    return NULL;

  head = subtitle != NULL ? g_markup_printf_escaped ("<b>%s</b>\n<span size='smaller'>%s</span>", title, subtitle)
                          : g_markup_printf_escaped ("<b>%s</b>", title);
  g_string_append (markup, head);
  /* The story's facts are as of its last revision: a reader must see when. */
  if (revised != NULL)
    {
      g_autofree char *line = g_markup_printf_escaped ("\n<span size='smaller'><i>%s</i></span>", revised);

      g_string_append (markup, line);
    }
  return create_layout (cr, "Cantarell 16", markup->str, MIN (options->width * 0.5, 520));
}

static PangoLayout *
caption_layout (cairo_t                *cr,
                const MerExportOptions *options)
{
  MerEvent *event = options->state != NULL ? mer_state_get_selected_event (options->state) : NULL;
  g_autofree char *date = NULL;
  g_autofree char *markup = NULL;

  if (event == NULL)
    return NULL;

  date = mer_event_format_date (event);
  markup = g_markup_printf_escaped ("<span size='smaller'>%s</span>\n<b>%s</b>", date, mer_event_get_title (event));
  return create_layout (cr, "Cantarell 13", markup, MIN (options->width * 0.55, 560));
}

static gboolean
place_in_frame (const MerMapView *view,
                const MerPlace   *place)
{
  double x, y;

  mer_map_view_location_to_point (view, place->lat, place->lon, &x, &y);
  return x >= 0 && x <= view->width && y >= 0 && y <= view->height;
}

/* Whether any event of @category, shown by the filters, has a place in
 * the frame. */
static gboolean
category_in_frame (MerCategory            *category,
                   const MerMapView       *view,
                   const MerExportOptions *options)
{
  GListModel *events = mer_document_get_events (options->document);

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(MerEvent) event = g_list_model_get_item (events, i);
      const MerPlace *places;
      guint n_places;

      if (mer_event_get_category (event) != category)
        continue;
      places = mer_event_get_places (event, &n_places);
      for (guint j = 0; j < n_places; j++)
        if (place_in_frame (view, &places[j]))
          return TRUE;
    }

  return FALSE;
}

/* The legend lists what the frame shows: the categories of the events in
 * it and the regions that reach into it. */
static GStrv
legend_lines (const MerMapView       *view,
              const MerExportOptions *options)
{
  GListModel *categories = mer_document_get_categories (options->document);
  GListModel *regions = mer_document_get_regions (options->document);
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();
  gboolean any_contested = FALSE;
  gint64 as_of = 0;
  gboolean has_as_of = options->state != NULL && mer_state_get_as_of (options->state, &as_of);
  const char *pov = options->state != NULL ? mer_state_get_pov (options->state) : NULL;
  double x0, y0, x1, y1;

  mer_map_view_get_bounds (view, &x0, &y0, &x1, &y1);

  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(MerCategory) category = g_list_model_get_item (categories, i);
      guint32 rgb = mer_category_get_color (category);
      g_autofree char *line = NULL;

      if (options->state != NULL && !mer_state_get_category_visible (options->state, category))
        continue;
      if (!category_in_frame (category, view, options))
        continue;
      line = g_markup_printf_escaped ("<span foreground='#%06x'>●</span> %s", rgb != MER_NO_COLOR ? rgb : 0x3d3846,
                                      mer_category_get_name (category));
      g_strv_builder_add (lines, line);
    }

  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(MerRegion) region = g_list_model_get_item (regions, i);
      guint32 rgb = mer_region_get_color (region);
      double west, south, east, north, rx0, ry0, rx1, ry1;
      g_autofree char *line = NULL;

      MerGeometry *geometry = has_as_of ? mer_region_get_geometry_at (region, as_of) : mer_region_get_geometry (region);
      MerRegionStatus status = has_as_of ? mer_region_get_status_at (region, as_of) : mer_region_get_status (region);

      if (!mer_geometry_get_bounds (geometry, &west, &south, &east, &north))
        continue;
      mer_projection_location_to_normalized (north, west, &rx0, &ry0);
      mer_projection_location_to_normalized (south, east, &rx1, &ry1);
      if (rx1 < x0 || rx0 > x1 || ry1 < y0 || ry0 > y1)
        continue;

      if (mer_region_status_is_contested (status))
        {
          any_contested = TRUE;
          /* Translators: a contested region in an export's legend: its
           * name, then its status, e.g. "Crimea (annexed, hatched)" */
          g_autofree char *entry = g_strdup_printf (_("%s (%s, hatched)"), mer_region_get_display_name (region),
                                                    mer_region_status_get_label (status));

          line = g_markup_printf_escaped ("<span foreground='#%06x'>■</span> %s",
                                          rgb != MER_NO_COLOR ? rgb : 0x9141ac, entry);
        }
      else
        line = g_markup_printf_escaped ("<span foreground='#%06x'>■</span> %s", rgb != MER_NO_COLOR ? rgb : 0x9141ac,
                                        mer_region_get_display_name (region));
      g_strv_builder_add (lines, line);
    }

  /* Borders are a claim: say whose lines the map draws, and as of when
   * the regions are. A point of view is always named; the de facto lines
   * where a region's status makes them a claim. */
  if (pov != NULL || any_contested)
    {
      g_autofree char *borders = mer_pov_painter_describe (pov);
      g_autofree char *line = g_markup_printf_escaped ("<i>%s</i>", borders);

      g_strv_builder_add (lines, line);
    }
  if (has_as_of)
    {
      MerDate date;
      g_autofree char *text = NULL;
      g_autofree char *line = NULL;

      mer_date_from_second (as_of, &date);
      text = mer_date_format (&date, FALSE);
      {
        g_autofree char *as_of_text = g_strdup_printf (_("Regions as of %s"), text);

        line = g_markup_printf_escaped ("<i>%s</i>", as_of_text);
      }
      g_strv_builder_add (lines, line);
    }

  return g_strv_builder_end (lines);
}

/* A legend taller than this share of the map goes in two columns. */
#define LEGEND_MAX_SHARE 0.25
#define LEGEND_COLUMN_GAP 12.0

/* The legend in one column, or two when one would be too tall for the
 * map; nothing when the frame shows nothing to list. */
static void
legend_layout (cairo_t                *cr,
               const MerMapView       *view,
               const MerExportOptions *options,
               Piece                  *piece)
{
  g_auto(GStrv) lines = legend_lines (view, options);
  guint n = g_strv_length (lines);
  g_autofree char *all = NULL;
  double w, h;

  if (n == 0)
    return;

  all = g_strjoinv ("\n", lines);
  piece->layout = create_layout (cr, "Cantarell 9", all, -1);
  layout_size (piece->layout, &w, &h);
  if (h > view->height * LEGEND_MAX_SHARE && n >= 4)
    {
      guint half = (n + 1) / 2;
      g_autofree char *second = g_strjoinv ("\n", lines + half);
      g_autoptr(GString) first = g_string_new (NULL);

      for (guint i = 0; i < half; i++)
        g_string_append_printf (first, "%s%s", i > 0 ? "\n" : "", lines[i]);
      pango_layout_set_markup (piece->layout, first->str, -1);
      piece->column = create_layout (cr, "Cantarell 9", second, -1);
    }
}

static PangoLayout *
scale_bar_layout (cairo_t          *cr,
                  const MerMapView *view,
                  double           *length)
{
  static const double steps[] = { 1, 2, 5 };
  double metres_per_unit = mer_map_view_get_meters_per_pixel (view);
  double best = 0;
  g_autofree char *label = NULL;

  for (double magnitude = 1; magnitude <= 1e7; magnitude *= 10)
    for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
      if (steps[i] * magnitude / metres_per_unit <= 140)
        best = steps[i] * magnitude;
  if (best == 0)
    return NULL;

  *length = best / metres_per_unit;
  label = best >= 1000 ? g_strdup_printf ("%g km", best / 1000) : g_strdup_printf ("%g m", best);
  return create_layout (cr, "Cantarell 9", label, -1);
}

/* One line on the map: the base map's credit and the export first, then
 * the sources as far as they fit; the handout's title page has them
 * whole. */
static PangoLayout *
attribution_layout (cairo_t                *cr,
                    const MerExportOptions *options)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDateTime *when = options->date != NULL ? options->date : now;
  /* As every date Meridian shows, in the interface's language. */
  MerDate day = {
    .year = g_date_time_get_year (when), .month = (guint8) g_date_time_get_month (when),
    .day = (guint8) g_date_time_get_day_of_month (when), .precision = MER_DATE_PRECISION_DAY,
  };
  g_autofree char *date = mer_date_format (&day, FALSE);
  const char *sources = mer_document_get_attribution (options->document);
  g_autofree char *text = NULL;
  g_autofree char *markup = NULL;
  PangoLayout *layout;

  /* Translators: the credit line of an export: the online layer's credit
   * (or nothing), the export's date, then " · " and the story's sources */
  text = g_strdup_printf (_("Made with Natural Earth%s · Exported with Meridian, %s%s%s"),
                          options->online_layer ? _(" · Map data © OpenStreetMap contributors") : "", date,
                          sources != NULL ? " · " : "", sources != NULL ? sources : "");
  markup = g_markup_escape_text (text, -1);
  layout = create_layout (cr, "Cantarell 7", markup, -1);
  pango_layout_set_width (layout, (int) (MIN (options->width * 0.45, 620) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  return layout;
}

static MerBox
box_at (Spot              spot,
        double            width,
        double            height,
        const MerMapView *view)
{
  double left = MARGIN, right = view->width - MARGIN - width;
  double top = MARGIN, bottom = view->height - MARGIN - height;
  double centre = (view->width - width) / 2, middle = (view->height - height) / 2;
  static const int columns[N_SPOTS] = { 0, 2, 0, 2, 1, 1, 0, 2 };
  static const int rows[N_SPOTS] = { 0, 0, 2, 2, 0, 2, 1, 1 };

  return (MerBox) {
    columns[spot] == 0 ? left : columns[spot] == 1 ? centre : right,
    rows[spot] == 0 ? top : rows[spot] == 1 ? middle : bottom,
    width, height,
  };
}

static double
distance_squared (const MerBox *a,
                  const MerBox *b)
{
  double dx = (a->x + a->width / 2) - (b->x + b->width / 2);
  double dy = (a->y + a->height / 2) - (b->y + b->height / 2);

  return dx * dx + dy * dy;
}

static int
compare_distance (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  double da = distance_squared (a, user_data), db = distance_squared (b, user_data);

  return da < db ? -1 : da > db;
}

/* Lays out the furniture the options ask for and places it. A piece not
 * drawn has no layout. */
static void
furniture_layout (cairo_t                *cr,
                  const MerMapView       *view,
                  const MerExportOptions *options,
                  Furniture              *furniture)
{
  g_autoptr(MerState) empty = NULL;
  MerState *state = options->state;
  g_autofree MerBox *taken = g_new (MerBox, MER_EXPORT_N_FURNITURE + options->n_obstacles);
  guint n_taken = 0;

  /* What the caller puts over the map is taken from the start. */
  for (guint i = 0; i < options->n_obstacles; i++)
    taken[n_taken++] = options->obstacles[i];

  memset (furniture, 0, sizeof *furniture);
  if (options->title)
    furniture->pieces[MER_EXPORT_FURNITURE_TITLE].layout = title_layout (cr, options);
  if (options->legend)
    legend_layout (cr, view, options, &furniture->pieces[MER_EXPORT_FURNITURE_LEGEND]);
  if (options->caption)
    furniture->pieces[MER_EXPORT_FURNITURE_CAPTION].layout = caption_layout (cr, options);
  if (options->scale_bar)
    furniture->pieces[MER_EXPORT_FURNITURE_SCALE_BAR].layout =
      scale_bar_layout (cr, view, &furniture->pieces[MER_EXPORT_FURNITURE_SCALE_BAR].scale_length);
  if (options->attribution)
    furniture->pieces[MER_EXPORT_FURNITURE_ATTRIBUTION].layout = attribution_layout (cr, options);

  if (state == NULL)
    {
      empty = mer_state_new ();
      mer_state_set_document (empty, options->document);
      state = empty;
    }

  for (guint i = 0; i < MER_EXPORT_N_FURNITURE; i++)
    {
      Piece *piece = &furniture->pieces[i];
      MerBox candidates[N_SPOTS + 4 * MER_EXPORT_N_FURNITURE];
      MerBox favourite;
      guint n_candidates = 0;
      double w, h, width, height;

      if (piece->layout == NULL)
        continue;

      layout_size (piece->layout, &w, &h);
      switch ((MerExportFurniture) i)
        {
        case MER_EXPORT_FURNITURE_SCALE_BAR:
          width = MAX (piece->scale_length, w) + 12;
          height = h + 14;
          break;
        case MER_EXPORT_FURNITURE_ATTRIBUTION:
          width = w + 8;
          height = h + 6;
          break;
        case MER_EXPORT_FURNITURE_LEGEND:
          if (piece->column != NULL)
            {
              double cw, ch;

              layout_size (piece->column, &cw, &ch);
              w += LEGEND_COLUMN_GAP + cw;
              h = MAX (h, ch);
            }
          width = w + 2 * PANEL_PADDING;
          height = h + 2 * PANEL_PADDING;
          break;
        case MER_EXPORT_FURNITURE_TITLE:
        case MER_EXPORT_FURNITURE_CAPTION:
        case MER_EXPORT_N_FURNITURE:
        default:
          width = w + 2 * PANEL_PADDING;
          height = h + 2 * PANEL_PADDING;
          break;
        }

      for (guint spot = 0; spot < MIDDLE_SPOTS; spot++)
        candidates[n_candidates++] = box_at (preferred[i][spot], width, height, view);
      /* Or stacked on a piece already placed, flush with either edge, so
       * that small pieces share a corner rather than go over the subject;
       * the middle of a side last. */
      for (guint j = 0; j < n_taken; j++)
        {
          const MerBox *t = &taken[j];
          const double xs[] = { t->x, t->x + t->width - width };
          const double ys[] = { t->y + t->height + STACK_GAP, t->y - height - STACK_GAP };

          for (guint k = 0; k < 4; k++)
            {
              MerBox box = { xs[k % 2], ys[k / 2], width, height };

              if (box.x >= 0 && box.y >= 0 && box.x + width <= view->width && box.y + height <= view->height)
                candidates[n_candidates++] = box;
            }
        }
      /* The nearest to where the piece would rather be first. */
      favourite = box_at (preferred[i][0], width, height, view);
      g_qsort_with_data (candidates + MIDDLE_SPOTS, (int) (n_candidates - MIDDLE_SPOTS), sizeof (MerBox),
                         compare_distance, &favourite);
      for (guint spot = MIDDLE_SPOTS; spot < N_SPOTS; spot++)
        candidates[n_candidates++] = box_at (preferred[i][spot], width, height, view);
      piece->box = candidates[mer_furniture_place (state, view, candidates, n_candidates, taken, n_taken)];
      taken[n_taken++] = piece->box;
    }
}

static void
furniture_draw (cairo_t         *cr,
                const Furniture *furniture)
{
  for (guint i = 0; i < MER_EXPORT_N_FURNITURE; i++)
    {
      const Piece *piece = &furniture->pieces[i];
      const MerBox *box = &piece->box;

      if (piece->layout == NULL)
        continue;

      panel (cr, box->x, box->y, box->width, box->height);
      switch ((MerExportFurniture) i)
        {
        case MER_EXPORT_FURNITURE_SCALE_BAR:
          {
            double x = box->x + 6, y = box->y + box->height - 8;

            cairo_set_source_rgb (cr, 0.14, 0.12, 0.19);
            cairo_set_line_width (cr, 1.5);
            cairo_move_to (cr, x, y - 4);
            cairo_line_to (cr, x, y);
            cairo_line_to (cr, x + piece->scale_length, y);
            cairo_line_to (cr, x + piece->scale_length, y - 4);
            cairo_stroke (cr);
            show_layout_at (cr, piece->layout, x, box->y + 3);
          }
          break;
        case MER_EXPORT_FURNITURE_ATTRIBUTION:
          show_layout_at (cr, piece->layout, box->x + 4, box->y + 3);
          break;
        case MER_EXPORT_FURNITURE_LEGEND:
          show_layout_at (cr, piece->layout, box->x + PANEL_PADDING, box->y + PANEL_PADDING);
          if (piece->column != NULL)
            {
              double w, h;

              layout_size (piece->layout, &w, &h);
              show_layout_at (cr, piece->column, box->x + PANEL_PADDING + w + LEGEND_COLUMN_GAP,
                              box->y + PANEL_PADDING);
            }
          break;
        case MER_EXPORT_FURNITURE_TITLE:
        case MER_EXPORT_FURNITURE_CAPTION:
        case MER_EXPORT_N_FURNITURE:
        default:
          show_layout_at (cr, piece->layout, box->x + PANEL_PADDING, box->y + PANEL_PADDING);
          break;
        }
    }
}

/**
 * mer_export_get_map_height:
 *
 * Returns: the height of the map, above the timeline strip if there is one
 */
double
mer_export_get_map_height (const MerExportOptions *options)
{
  g_return_val_if_fail (options != NULL, 0);

  return bottom_of_map (options);
}

static void
map_view_for (const MerExportOptions *options,
              MerMapView             *view)
{
  *view = (MerMapView) {
    options->view.lat, options->view.lon, options->view.zoom,
    options->width, bottom_of_map (options), options->scale,
  };
}

/**
 * mer_export_get_furniture:
 * @boxes: (out caller-allocates) (array fixed-size=5): where each piece of
 *   furniture goes, by #MerExportFurniture, in the picture's units
 *
 * Where mer_export_draw() puts the furniture over the map.
 *
 * Returns: a bit per piece drawn, 1 << #MerExportFurniture
 */
guint
mer_export_get_furniture (const MerExportOptions *options,
                          MerBox                 *boxes)
{
  g_auto(Furniture) furniture = { 0 };
  cairo_surface_t *surface;
  cairo_t *cr;
  MerMapView view;
  guint shown = 0;

  g_return_val_if_fail (options != NULL, 0);
  g_return_val_if_fail (boxes != NULL, 0);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  map_view_for (options, &view);
  furniture_layout (cr, &view, options, &furniture);
  for (guint i = 0; i < MER_EXPORT_N_FURNITURE; i++)
    {
      boxes[i] = furniture.pieces[i].box;
      if (furniture.pieces[i].layout != NULL)
        shown |= 1u << i;
    }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return shown;
}

/* A strip under the map: the whole story with its events, drawn by the
 * timeline's own painter at a smaller scale, the selection and the time
 * window as on screen. */
static void
draw_timeline_strip (cairo_t                *cr,
                     const MerExportOptions *options)
{
  g_autoptr(MerTimelineLayout) layout = mer_timeline_layout_new ();
  PangoContext *context;
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Cantarell 8");
  MerTimelineStyle style = { STRIP_INK, STRIP_ACCENT, STRIP_BACKGROUND, font };
  double top = bottom_of_map (options);
  MerTimelineView view = { 0, 0, options->width - 2 * MARGIN, options->height - top };

  cairo_rectangle (cr, 0, top, options->width, view.height);
  cairo_set_source_rgb (cr, style.background.red, style.background.green, style.background.blue);
  cairo_fill (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.2);
  cairo_rectangle (cr, 0, top, options->width, 0.75);
  cairo_fill (cr);

  mer_timeline_layout_set_document (layout, options->document);
  if (view.width <= 0 || !mer_timeline_layout_get_story_span (layout, &view.start, &view.end))
    return;

  cairo_save (cr);
  cairo_rectangle (cr, MARGIN, top, view.width, view.height);
  cairo_clip (cr);
  cairo_translate (cr, MARGIN, top);
  context = pango_cairo_create_context (cr);
  mer_timeline_layout_set_scale (layout, STRIP_SCALE);
  mer_timeline_layout_set_char_width (layout, mer_timeline_painter_get_char_width (context, font));
  mer_timeline_layout_update (layout, &view, options->state);
  mer_timeline_painter_draw (cr, context, &style, layout, options->state);
  cairo_restore (cr);
  g_object_unref (context);
}

/**
 * mer_export_draw:
 * @cr: a context whose user space is the picture's units
 * @vector: whether markers must be paths (SVG, PDF) rather than copies of
 *   pre-drawn images
 *
 * Draws the picture the options describe.
 */
void
mer_export_draw (cairo_t                *cr,
                 MerBasemapPainter      *basemap,
                 const MerExportOptions *options,
                 gboolean                vector)
{
  const MerMapStyle *style = mer_map_style_get (FALSE);
  g_autoptr(MerRegionPainter) regions = NULL;
  g_autoptr(MerEventPainter) events = NULL;
  g_auto(Furniture) furniture = { 0 };
  g_autoptr(MerLabelMeasure) measure = NULL;
  g_autoptr(MerLabels) labels = NULL;
  g_auto(GStrv) languages = NULL;
  MerMapView view;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (options != NULL);

  regions = mer_region_painter_new (mer_document_get_regions (options->document));
  events = mer_event_painter_new (mer_document_get_events (options->document));
  map_view_for (options, &view);
  mer_event_painter_set_vector (events, vector);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, view.width, view.height);
  cairo_clip (cr);
  mer_basemap_painter_draw_map (basemap, cr, &view, style);
  mer_region_painter_draw (regions, cr, &view, style, options->state);
  if (options->state != NULL)
    mer_pov_painter_draw (cr, &view, style, mer_state_get_pov (options->state));
  mer_event_painter_draw (events, cr, &view, style, options->state);

  /* One label pass for the picture: event and region labels and the base
   * map's names, around the markers and clear of the furniture. */
  furniture_layout (cr, &view, options, &furniture);
  measure = mer_label_measure_new ();
  labels = mer_labels_new (measure, view.width, view.height, TRUE);
  for (guint i = 0; i < MER_EXPORT_N_FURNITURE; i++)
    if (furniture.pieces[i].layout != NULL)
      {
        const MerBox *box = &furniture.pieces[i].box;

        mer_labels_add_obstacle (labels, &(MerLabelBox) { box->x, box->y, box->width, box->height });
      }
  for (guint i = 0; i < options->n_obstacles; i++)
    {
      const MerBox *box = &options->obstacles[i];

      mer_labels_add_obstacle (labels, &(MerLabelBox) { box->x, box->y, box->width, box->height });
    }
  languages = mer_labels_dup_story_languages (options->document);
  mer_event_painter_add_labels (events, labels, &view, options->state);
  mer_region_painter_add_labels (regions, labels, &view, style, options->state);
  mer_basemap_painter_add_labels (basemap, labels, &view, (const char * const *) languages);
  mer_labels_place (labels);
  mer_labels_draw (labels, cr, style);
  cairo_restore (cr);

  if (options->timeline)
    draw_timeline_strip (cr, options);

  furniture_draw (cr, &furniture);
}

/* Writing */

/* What a file says about itself, and how large its page or pixels are. */
typedef struct {
  MerExportFormat format;
  double          width;            /* units */
  double          height;
  double          scale;            /* PNG pixels per unit */
  double          units_per_inch;
  const char     *title;
  const char     *subject;
  GDateTime      *date;             /* nullable: now */
} Target;

typedef void (*DrawFunc) (cairo_t  *cr,
                          gpointer  user_data);

static cairo_status_t
append_to_bytes (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         length)
{
  while (length > 0)
    {
      ssize_t written = write (fd, data, length);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }
      data += written;
      length -= (gsize) written;
    }

  return TRUE;
}

static cairo_status_t
write_to_fd (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  return write_all (GPOINTER_TO_INT (closure), data, length) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static void
store_be32 (guint8  *data,
            guint32  value)
{
  data[0] = (guint8) (value >> 24);
  data[1] = (guint8) (value >> 16);
  data[2] = (guint8) (value >> 8);
  data[3] = (guint8) value;
}

/* The CRC that ends every PNG chunk (ISO 3309, as the PNG specification
 * gives it). */
static guint32
png_crc (const guint8 *data,
         gsize         length)
{
  static guint32 table[256];
  guint32 crc = 0xffffffff;

  if (table[1] == 0)
    for (guint32 n = 0; n < 256; n++)
      {
        guint32 c = n;

        for (int k = 0; k < 8; k++)
          c = (c & 1) ? 0xedb88320 ^ (c >> 1) : c >> 1;
        table[n] = c;
      }

  for (gsize i = 0; i < length; i++)
    crc = table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);
  return crc ^ 0xffffffff;
}

/* cairo 1.16 writes no resolution into a PNG: add a pHYs chunk right after
 * the header, where the PNG specification wants it (before the image
 * data), so that a printed PNG comes out at its size. */
static GByteArray *
png_with_resolution (GByteArray *png,
                     double      dots_per_inch)
{
  const gsize header_end = 8 + 4 + 4 + 13 + 4;
  guint32 per_metre = (guint32) lround (dots_per_inch / 0.0254);
  guint8 chunk[4 + 4 + 9 + 4];
  GByteArray *out;

  g_assert (png->len > header_end && memcmp (png->data + 12, "IHDR", 4) == 0);

  store_be32 (chunk, 9);
  memcpy (chunk + 4, "pHYs", 4);
  store_be32 (chunk + 8, per_metre);
  store_be32 (chunk + 12, per_metre);
  chunk[16] = 1;  /* the unit is the metre */
  store_be32 (chunk + 17, png_crc (chunk + 4, 4 + 9));

  out = g_byte_array_sized_new (png->len + sizeof chunk);
  g_byte_array_append (out, png->data, header_end);
  g_byte_array_append (out, chunk, sizeof chunk);
  g_byte_array_append (out, png->data + header_end, png->len - header_end);
  return out;
}

static char *
format_date (GDateTime *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (date != NULL ? date : now, "%Y-%m-%dT%H:%M:%S%:z");
}

static const char *
get_author (void)
{
  const char *name = g_get_real_name ();

  return g_strcmp0 (name, "Unknown") != 0 && name[0] != '\0' ? name : g_get_user_name ();
}

/* cairo's SVG surface has no metadata: put a title, a description and the
 * Dublin Core record (title, subject, author, date) that SVG 1.1 suggests
 * right inside the root element. */
static GByteArray *
svg_with_metadata (GByteArray   *svg,
                   const Target *target)
{
  const char *text = (const char *) svg->data;
  const char *root = g_strstr_len (text, svg->len, "<svg");
  const char *end = root != NULL ? memchr (root, '>', svg->len - (gsize) (root - text)) : NULL;
  g_autofree char *date = format_date (target->date);
  g_autofree char *metadata = NULL;
  GByteArray *out;

  g_assert (end != NULL);

  metadata = g_markup_printf_escaped ("\n<title>%s</title>\n<desc>%s</desc>\n"
                                      "<metadata>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
                                      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
                                      "<rdf:Description rdf:about=\"\">\n"
                                      "<dc:title>%s</dc:title>\n<dc:subject>%s</dc:subject>\n"
                                      "<dc:creator>%s</dc:creator>\n<dc:date>%s</dc:date>\n"
                                      "</rdf:Description>\n</rdf:RDF>\n</metadata>",
                                      target->title, target->subject, target->title, target->subject,
                                      get_author (), date);

  out = g_byte_array_sized_new (svg->len + strlen (metadata));
  g_byte_array_append (out, svg->data, (guint) (end + 1 - text));
  g_byte_array_append (out, (const guint8 *) metadata, (guint) strlen (metadata));
  g_byte_array_append (out, (const guint8 *) end + 1, (guint) (svg->len - (gsize) (end + 1 - text)));
  return out;
}

static gboolean
set_write_error (GError     **error,
                 const char  *path,
                 const char  *reason)
{
  g_set_error (error, MER_EXPORT_ERROR, MER_EXPORT_ERROR_WRITE, _("cannot write %s: %s"), path, reason);
  return FALSE;
}

/* Draws the target's pages through @draw and writes them to @fd. */
static cairo_status_t
render_to_fd (int           fd,
              const Target *target,
              DrawFunc      draw,
              gpointer      user_data)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GByteArray) out = NULL;
  double points_per_unit = 72 / target->units_per_inch;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  switch (target->format)
    {
    case MER_EXPORT_FORMAT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (target->width * target->scale),
                                            (int) ceil (target->height * target->scale));
      break;
    case MER_EXPORT_FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (append_to_bytes, bytes, target->width * points_per_unit,
                                                     target->height * points_per_unit);
      break;
    case MER_EXPORT_FORMAT_PDF:
    case MER_EXPORT_FORMAT_UNKNOWN:
    default:
      {
        g_autofree char *date = format_date (target->date);

        surface = cairo_pdf_surface_create_for_stream (write_to_fd, GINT_TO_POINTER (fd),
                                                       target->width * points_per_unit,
                                                       target->height * points_per_unit);
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, target->title);
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, target->subject);
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, get_author ());
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Meridian");
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
      }
      break;
    }

  cr = cairo_create (surface);
  if (target->format == MER_EXPORT_FORMAT_PNG)
    cairo_scale (cr, target->scale, target->scale);
  else
    cairo_scale (cr, points_per_unit, points_per_unit);
  draw (cr, user_data);
  cairo_destroy (cr);

  if (target->format == MER_EXPORT_FORMAT_PNG)
    {
      status = cairo_surface_write_to_png_stream (surface, append_to_bytes, bytes);
      if (status == CAIRO_STATUS_SUCCESS)
        out = png_with_resolution (bytes, target->scale * target->units_per_inch);
    }
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
      if (status == CAIRO_STATUS_SUCCESS && target->format == MER_EXPORT_FORMAT_SVG)
        out = svg_with_metadata (bytes, target);
    }
  cairo_surface_destroy (surface);

  if (status == CAIRO_STATUS_SUCCESS && out != NULL && !write_all (fd, out->data, out->len))
    status = CAIRO_STATUS_WRITE_ERROR;
  return status;
}

/* Writes through a temporary file in the same folder, renamed over @path
 * only when complete. The rename would replace a file the user may not
 * write, so such a file is refused first, and left as it was. */
static gboolean
write_atomically (const char    *path,
                  const Target  *target,
                  DrawFunc       draw,
                  gpointer       user_data,
                  GError       **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *temp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  gboolean exists;
  GStatBuf info;
  cairo_status_t status;
  int fd;

  exists = g_stat (path, &info) == 0;
  if (exists && S_ISDIR (info.st_mode))
    return set_write_error (error, path, g_strerror (EISDIR));
  /* A file without any write permission is read-only even to root. */
  if (exists && (g_access (path, W_OK) != 0 || (info.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0))
    return set_write_error (error, path, g_strerror (EACCES));

  fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0644);
  if (fd < 0)
    return set_write_error (error, path, g_strerror (errno));
  /* Replacing a file keeps its permissions. */
  if (exists)
    fchmod (fd, info.st_mode & 07777);

  status = render_to_fd (fd, target, draw, user_data);
  if (status == CAIRO_STATUS_SUCCESS && fsync (fd) != 0)
    status = CAIRO_STATUS_WRITE_ERROR;
  if (close (fd) != 0)
    status = CAIRO_STATUS_WRITE_ERROR;

  if (status != CAIRO_STATUS_SUCCESS || g_rename (temp, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (temp);
      return set_write_error (error, path,
                              status != CAIRO_STATUS_SUCCESS ? cairo_status_to_string (status) : g_strerror (saved_errno));
    }

  return TRUE;
}

typedef struct {
  MerBasemapPainter      *basemap;
  const MerExportOptions *options;
  MerExportFormat         format;
} SnapshotJob;

static void
draw_snapshot (cairo_t  *cr,
               gpointer  user_data)
{
  SnapshotJob *job = user_data;

  mer_export_draw (cr, job->basemap, job->options, job->format != MER_EXPORT_FORMAT_PNG);
}

/**
 * mer_export_write:
 * @path: where to write; the format comes from the extension
 *
 * Writes the picture with its resolution (PNG) or page size (SVG, PDF)
 * from @options->units_per_inch, and its title, subject, author and date.
 *
 * Returns: whether the file was written; on failure nothing is left at @path
 *   and a file that was there is as it was
 */
gboolean
mer_export_write (const char              *path,
                  MerBasemapPainter       *basemap,
                  const MerExportOptions  *options,
                  GError                 **error)
{
  SnapshotJob job = { basemap, options, mer_export_format_from_path (path) };
  MerEvent *event = options->state != NULL ? mer_state_get_selected_event (options->state) : NULL;
  const char *title = mer_document_get_title (options->document);
  g_autofree char *subject = NULL;
  Target target;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  if (job.format == MER_EXPORT_FORMAT_UNKNOWN)
    {
      g_set_error (error, MER_EXPORT_ERROR, MER_EXPORT_ERROR_FORMAT,
                   _("%s: unknown format; the name must end in .png, .svg or .pdf"), path);
      return FALSE;
    }

  if (event != NULL)
    {
      g_autofree char *date = mer_event_format_date (event);

      subject = g_strdup_printf ("%s, %s", mer_event_get_title (event), date);
    }
  else
    subject = g_strdup (mer_document_get_subtitle (options->document) != NULL
                          ? mer_document_get_subtitle (options->document) : "Map");

  target = (Target) {
    job.format, options->width, options->height, options->scale, options->units_per_inch,
    title != NULL ? title : "Meridian", subject, options->date,
  };
  return write_atomically (path, &target, draw_snapshot, &job, error);
}

/* The handout */

typedef struct {
  MerBasemapPainter *basemap;
  MerDocument       *document;
  GPtrArray         *pages;   /* MerSlide, or MerEvent when there are no briefings */
  MerBriefing       *briefing;
  const char        *pov;     /* the pages' point of view, unless a slide names one */
} HandoutJob;

static void
draw_text_page (cairo_t     *cr,
                MerDocument *document,
                MerBriefing *briefing)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autoptr(PangoLayout) layout = NULL;
  const char *title = mer_document_get_title (document);
  const char *subtitle = mer_document_get_subtitle (document);
  const char *description = mer_document_get_description (document);
  const char *attribution = mer_document_get_attribution (document);
  g_autofree char *revised = mer_document_dup_revised_text (document);
  g_autofree char *t = g_markup_escape_text (title != NULL ? title : "Meridian", -1);

  g_string_append_printf (markup, "<span size='xx-large' weight='bold'>%s</span>", t);
  if (subtitle != NULL)
    {
      g_autofree char *s = g_markup_escape_text (subtitle, -1);
      g_string_append_printf (markup, "\n<span size='large'>%s</span>", s);
    }
  if (revised != NULL)
    {
      g_autofree char *r = g_markup_escape_text (revised, -1);
      g_string_append_printf (markup, "\n<i>%s</i>", r);
    }
  if (briefing != NULL)
    {
      g_autofree char *b = g_markup_escape_text (mer_briefing_get_title (briefing), -1);
      g_string_append_printf (markup, "\n\n<b>%s</b> %s", _("Briefing:"), b);
    }
  if (description != NULL)
    {
      g_autofree char *d = g_markup_escape_text (description, -1);
      g_string_append_printf (markup, "\n\n%s", d);
    }
  /* The attribution whole: the maps' line has room for its start only. */
  if (attribution != NULL)
    {
      g_autofree char *a = g_markup_escape_text (attribution, -1);
      g_string_append_printf (markup, "\n\n<span size='small'>%s\n%s</span>", a, _("Maps made with Natural Earth."));
    }
  else
    g_string_append_printf (markup, "\n\n<span size='small'>%s</span>", _("Maps made with Natural Earth."));

  layout = create_layout (cr, "Cantarell 12", markup->str, A4_WIDTH - 160);
  show_layout_at (cr, layout, 80, 90);
}

/**
 * mer_export_prepare_page:
 * @state: a state on the document, set here as the page says
 * @slide: (nullable): the slide, or %NULL for a page of @event alone
 * @event: (nullable): the slide's event, or the page's
 * @view: (out): what the map shows: the slide's view, or the event fitted to
 *   @width × @height, or the document's view
 *
 * Sets up one slide (or event) the way presenting it does: the event
 * selected, the slide's regions (or the event's) highlighted, the slide's
 * time window. For handout pages and the presenter's next-slide preview.
 */
void
mer_export_prepare_page (MerState *state,
                         MerSlide *slide,
                         MerEvent *event,
                         double    width,
                         double    height,
                         MerView  *view)
{
  MerDocument *document = mer_state_get_document (state);
  MerRegion * const *regions = NULL;
  guint n_regions = 0;
  MerDate time_start, time_end;

  g_return_if_fail (MER_IS_STATE (state));
  g_return_if_fail (document != NULL);
  g_return_if_fail (view != NULL);

  mer_state_set_selected_event (state, event);
  /* A slide may show the borders as one side draws them; otherwise the
   * page keeps the state's point of view. */
  if (slide != NULL && mer_slide_get_pov (slide) != NULL)
    mer_state_set_pov (state, mer_slide_get_pov (slide));

  if (slide != NULL && mer_slide_get_regions (slide, &n_regions) != NULL && n_regions > 0)
    regions = mer_slide_get_regions (slide, &n_regions);
  else if (event != NULL)
    regions = mer_event_get_regions (event, &n_regions);
  mer_state_set_highlighted_regions (state, regions, regions != NULL ? n_regions : 0);

  if (slide != NULL && mer_slide_get_time (slide, &time_start, &time_end))
    mer_state_set_time_window (state, mer_date_first_second (&time_start), mer_date_last_second (&time_end));
  else
    mer_state_clear_time_window (state);

  *view = (MerView) { 45, 145, 4 };
  if (slide != NULL && mer_slide_get_view (slide) != NULL)
    *view = *mer_slide_get_view (slide);
  else if (event != NULL)
    mer_export_view_for_event (event, width, height, view);
  else if (mer_document_get_view (document) != NULL)
    *view = *mer_document_get_view (document);
}

/* A URL as a reader types it: percent-escapes decoded where they make
 * readable text (Cyrillic, Japanese, spaces), kept where they do not. */
static char *
readable_url (const char *url)
{
  g_autofree char *decoded = g_uri_unescape_string (url, NULL);

  if (decoded == NULL || !g_utf8_validate (decoded, -1, NULL))
    return g_strdup (url);
  for (const char *p = decoded; *p != '\0'; p++)
    if (g_ascii_iscntrl (*p))
      return g_strdup (url);
  return g_steal_pointer (&decoded);
}

static void
draw_handout_page (cairo_t    *cr,
                   HandoutJob *job,
                   guint       index)
{
  gpointer page = g_ptr_array_index (job->pages, index);
  MerSlide *slide = MER_IS_SLIDE (page) ? page : NULL;
  MerEvent *event = slide != NULL ? mer_slide_get_event (slide) : page;
  const char *notes = slide != NULL ? mer_slide_get_notes (slide) : NULL;
  g_autoptr(MerState) state = mer_state_new ();
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autoptr(PangoLayout) text = NULL;
  g_autoptr(PangoLayout) number = NULL;
  g_autofree char *page_number = NULL;
  MerExportOptions options;
  MerView view;
  double map_height = 380;
  double text_width = A4_WIDTH - 2 * 40;

  mer_state_set_document (state, job->document);
  mer_state_set_pov (state, job->pov);
  /* The page is laid out in points; its map is drawn in the exports'
   * units, so that its text and symbols have their printed size. */
  mer_export_prepare_page (state, slide, event, A4_WIDTH * POINTS_TO_UNITS, map_height * POINTS_TO_UNITS, &view);
  mer_export_options_init (&options, job->document, state, &view, A4_WIDTH * POINTS_TO_UNITS,
                           map_height * POINTS_TO_UNITS);
  options.title = FALSE;
  options.caption = FALSE;
  options.timeline = FALSE;
  cairo_save (cr);
  cairo_scale (cr, 1 / POINTS_TO_UNITS, 1 / POINTS_TO_UNITS);
  mer_export_draw (cr, job->basemap, &options, TRUE);
  cairo_restore (cr);

  /* Under the map: the event, its date, the caption and the sources; the
   * speaker's notes beside them. */
  if (event != NULL)
    {
      g_autofree char *date = mer_event_format_date (event);
      g_autofree char *title = g_markup_escape_text (mer_event_get_title (event), -1);
      const MerSource *sources;
      guint n_sources;

      g_string_append_printf (markup, "<span size='large' weight='bold'>%s</span>\n%s", title, date);
      if (slide != NULL && mer_slide_get_caption (slide) != NULL)
        {
          g_autofree char *caption = g_markup_escape_text (mer_slide_get_caption (slide), -1);
          g_string_append_printf (markup, "\n\n%s", caption);
        }
      else if (mer_event_get_summary (event) != NULL)
        {
          g_autofree char *summary = g_markup_escape_text (mer_event_get_summary (event), -1);
          g_string_append_printf (markup, "\n\n%s", summary);
        }

      sources = mer_event_get_sources (event, &n_sources);
      if (n_sources > 0)
        g_string_append_printf (markup, "\n\n<span size='small'><b>%s</b>", _("Sources"));
      for (guint i = 0; i < n_sources; i++)
        {
          g_autofree char *url = sources[i].url != NULL ? readable_url (sources[i].url) : NULL;
          g_autofree char *source = url != NULL ? g_markup_printf_escaped ("\n%s — %s", sources[i].title, url)
                                                : g_markup_printf_escaped ("\n%s", sources[i].title);
          g_string_append (markup, source);
        }
      if (n_sources > 0)
        g_string_append (markup, "</span>");
    }
  else if (slide != NULL && mer_slide_get_caption (slide) != NULL)
    {
      g_autofree char *caption = g_markup_escape_text (mer_slide_get_caption (slide), -1);
      g_string_append (markup, caption);
    }

  if (notes != NULL)
    {
      g_autofree char *escaped = g_markup_printf_escaped ("<b>%s</b>\n%s", _("Speaker notes"), notes);
      g_autoptr(PangoLayout) notes_layout = NULL;

      text_width = (text_width - 24) / 2;
      notes_layout = create_layout (cr, "Cantarell 10", escaped, text_width);
      pango_layout_set_height (notes_layout, (int) ((A4_HEIGHT - map_height - 50) * PANGO_SCALE));
      pango_layout_set_ellipsize (notes_layout, PANGO_ELLIPSIZE_END);
      show_layout_at (cr, notes_layout, 40 + text_width + 24, map_height + 14);
    }

  text = create_layout (cr, "Cantarell 10", markup->str, text_width);
  pango_layout_set_height (text, (int) ((A4_HEIGHT - map_height - 50) * PANGO_SCALE));
  pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
  show_layout_at (cr, text, 40, map_height + 14);

  page_number = g_strdup_printf ("%u / %u", index + 2, job->pages->len + 1);
  number = create_layout (cr, "Cantarell 8", page_number, -1);
  show_layout_at (cr, number, A4_WIDTH - 70, A4_HEIGHT - 24);
}

static void
draw_handout (cairo_t  *cr,
              gpointer  user_data)
{
  HandoutJob *job = user_data;

  draw_text_page (cr, job->document, job->briefing);
  cairo_show_page (cr);

  for (guint i = 0; i < job->pages->len; i++)
    {
      cairo_save (cr);
      draw_handout_page (cr, job, i);
      cairo_restore (cr);
      cairo_show_page (cr);
    }
}

/* The pages of a handout or a deck: the briefing's slides; without a
 * briefing, the first one's; when the story has none, every event. */
static GPtrArray *
collect_pages (MerDocument  *document,
               MerBriefing **briefing)
{
  GPtrArray *pages = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *briefings = mer_document_get_briefings (document);
  GListModel *events = mer_document_get_events (document);

  if (*briefing == NULL && g_list_model_get_n_items (briefings) > 0)
    {
      g_autoptr(MerBriefing) first = g_list_model_get_item (briefings, 0);

      /* The document holds it. */
      *briefing = first;
    }

  if (*briefing != NULL)
    for (guint i = 0; i < mer_briefing_get_n_slides (*briefing); i++)
      g_ptr_array_add (pages, g_object_ref (mer_briefing_get_slide (*briefing, i)));
  else
    for (guint i = 0; i < g_list_model_get_n_items (events); i++)
      g_ptr_array_add (pages, g_list_model_get_item (events, i));

  return pages;
}

static char *
dup_subject (const char  *kind,
             MerBriefing *briefing)
{
  return briefing != NULL ? g_strdup_printf ("%s: %s", kind, mer_briefing_get_title (briefing))
                          : g_strdup_printf ("%s: every event", kind);
}

/**
 * mer_export_write_handout:
 * @briefing: (nullable): the briefing to print; without one, the first
 *   briefing, or every event in time order when the story has none
 *
 * @pov: (nullable): the point of view of the maps whose slides name none
 *
 * Writes an A4 landscape PDF: a title page, then a page per slide (or
 * event) with the map, the title, date, caption, sources and speaker notes,
 * and a page number.
 */
gboolean
mer_export_write_handout (const char         *path,
                          MerBasemapPainter  *basemap,
                          MerDocument        *document,
                          MerBriefing        *briefing,
                          const char         *pov,
                          GError            **error)
{
  g_autoptr(GPtrArray) pages = NULL;
  g_autofree char *subject = NULL;
  const char *title = mer_document_get_title (document);
  HandoutJob job;
  Target target;

  g_return_val_if_fail (path != NULL, FALSE);

  if (mer_export_format_from_path (path) != MER_EXPORT_FORMAT_PDF)
    {
      g_set_error (error, MER_EXPORT_ERROR, MER_EXPORT_ERROR_FORMAT, _("%s: a handout is a PDF: the name must end in .pdf"),
                   path);
      return FALSE;
    }

  pages = collect_pages (document, &briefing);
  subject = dup_subject ("Handout", briefing);
  job = (HandoutJob) { basemap, document, pages, briefing, pov };
  /* The handout is laid out in points. */
  target = (Target) {
    MER_EXPORT_FORMAT_PDF, A4_WIDTH, A4_HEIGHT, 1, 72, title != NULL ? title : "Meridian", subject, NULL,
  };
  return write_atomically (path, &target, draw_handout, &job, error);
}

/* The deck: each slide as the presentation shows it */

#define CARD_MARGIN 28.0
#define CARD_MARGIN_BOTTOM 76.0
#define CARD_PADDING_X 24.0
#define CARD_PADDING_Y 18.0
#define CARD_RADIUS 12.0
#define CARD_SPACING 6.0

static void
rounded_rectangle (cairo_t      *cr,
                   const MerBox *box,
                   double        radius)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, box->x + box->width - radius, box->y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, box->x + box->width - radius, box->y + box->height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, box->x + radius, box->y + box->height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, box->x + radius, box->y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* The card's text at a width: the date, the title and the caption, in the
 * presentation's sizes (16, 26 and 18 points; markup sizes are in 1024ths
 * of a point). */
static PangoLayout *
card_layout (cairo_t    *cr,
             const char *markup,
             double      width)
{
  PangoLayout *layout = create_layout (cr, "Cantarell 18", markup, width - 2 * CARD_PADDING_X);

  pango_layout_set_spacing (layout, (int) (CARD_SPACING * PANGO_SCALE));
  return layout;
}

/* The caption card, where it hides least of the slide: the same places
 * the presentation tries, a corner or the middle of the top or bottom
 * edge, narrow and tall or wide and short. */
static PangoLayout *
place_card (cairo_t          *cr,
            MerState         *state,
            const MerMapView *view,
            const char       *markup,
            const MerBox     *progress,
            MerBox           *box)
{
  static const double widths[] = { 0.42, 0.62 };
  MerBox candidates[G_N_ELEMENTS (widths) * 6];
  PangoLayout *layouts[G_N_ELEMENTS (widths)];
  guint n = 0, best;
  double natural_width, natural_height;

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      double width, height;

      layouts[w] = card_layout (cr, markup, view->width * widths[w] - 2 * CARD_MARGIN);
      layout_size (layouts[w], &natural_width, &natural_height);
      width = MIN (view->width * widths[w] - 2 * CARD_MARGIN, natural_width + 2 * CARD_PADDING_X);
      height = natural_height + 2 * CARD_PADDING_Y;

      for (guint column = 0; column < 3; column++)
        for (guint row = 0; row < 2; row++)
          {
            double x = column == 0 ? CARD_MARGIN
                     : column == 1 ? (view->width - width) / 2
                     : view->width - CARD_MARGIN - width;
            double y = row == 0 ? view->height - CARD_MARGIN_BOTTOM - height : CARD_MARGIN;

            candidates[n++] = (MerBox) { x, y, width, height };
          }
    }

  best = mer_furniture_place (state, view, candidates, n, progress, 1);
  *box = candidates[best];
  g_object_unref (layouts[1 - best / 6]);
  return layouts[best / 6];
}

static void
draw_card (cairo_t      *cr,
           PangoLayout  *layout,
           const MerBox *card)
{
  MerBox box = *card;

  cairo_save (cr);
  cairo_translate (cr, 0, 2);
  rounded_rectangle (cr, &box, CARD_RADIUS);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.18);
  cairo_fill (cr);
  cairo_restore (cr);
  rounded_rectangle (cr, &box, CARD_RADIUS);
  cairo_set_source_rgb (cr, 0.98, 0.98, 0.98);
  cairo_fill (cr);
  show_layout_at (cr, layout, box.x + CARD_PADDING_X, box.y + CARD_PADDING_Y);
}

/* The bottom bar: the progress through the briefing and the slide's
 * number. */
static PangoLayout *
progress_layout (cairo_t     *cr,
                 MerDocument *document,
                 guint        index,
                 guint        n,
                 MerBox      *pill,
                 double       width,
                 double       height)
{
  g_autofree char *revised = mer_document_dup_revised_text (document);
  /* The deck has no title block: the story's revision date goes with the
   * slide's number. */
  g_autofree char *counter = revised != NULL
                               ? g_markup_printf_escaped ("<span size='smaller'>%s</span>   <b>%u / %u</b>", revised,
                                                          index + 1, n)
                               : g_strdup_printf ("<b>%u / %u</b>", index + 1, n);
  PangoLayout *layout = create_layout (cr, "Cantarell 14", counter, -1);
  double w, h;

  layout_size (layout, &w, &h);
  *pill = (MerBox) { width - 12 - w - 24, height - 8 - h - 12, w + 24, h + 12 };
  return layout;
}

/* Where the progress and the slide's number go: furniture like the card. */
static MerBox
progress_box (cairo_t          *cr,
              const MerMapView *view,
              MerDocument      *document,
              guint             index,
              guint             n)
{
  MerBox pill;
  g_autoptr(PangoLayout) layout = progress_layout (cr, document, index, n, &pill, view->width, view->height);

  return (MerBox) { 12, pill.y, pill.x + pill.width - 12, pill.height };
}

static void
draw_progress (cairo_t          *cr,
               const MerMapView *view,
               MerDocument      *document,
               guint             index,
               guint             n)
{
  MerBox pill;
  g_autoptr(PangoLayout) layout = progress_layout (cr, document, index, n, &pill, view->width, view->height);
  double bar_width = pill.x - 12 - 12;

  cairo_rectangle (cr, 12, pill.y + pill.height / 2 - 3, bar_width, 6);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_fill (cr);
  cairo_rectangle (cr, 12, pill.y + pill.height / 2 - 3, bar_width * (index + 1) / n, 6);
  cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
  cairo_fill (cr);

  rounded_rectangle (cr, &pill, pill.height / 2);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.7);
  cairo_fill (cr);
  cairo_move_to (cr, pill.x + 12, pill.y + 6);
  cairo_set_source_rgb (cr, 1, 1, 1);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
}

static char *
card_markup (MerBriefing *briefing,
             MerSlide    *slide,
             MerEvent    *event,
             const char  *pov)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  const char *caption = slide != NULL ? (event != NULL ? mer_slide_get_caption (slide) : NULL)
                                      : (event != NULL ? mer_event_get_summary (event) : NULL);
  g_autofree char *title = NULL;

  if (event != NULL)
    {
      g_autofree char *date = mer_event_format_date (event);
      g_autofree char *escaped = g_markup_printf_escaped ("<span size='16384' weight='bold'>%s</span>\n", date);

      g_string_append (markup, escaped);
      title = g_markup_escape_text (mer_event_get_title (event), -1);
    }
  else if (slide != NULL && mer_slide_get_caption (slide) != NULL)
    title = g_markup_escape_text (mer_slide_get_caption (slide), -1);
  else
    title = g_markup_escape_text (briefing != NULL ? mer_briefing_get_title (briefing) : "", -1);

  g_string_append_printf (markup, "<span size='26624' weight='bold'>%s</span>", title);
  if (caption != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (caption, -1);

      g_string_append_printf (markup, "\n%s", escaped);
    }
  /* The deck has no legend: the card says whose borders the map shows. */
  if (pov != NULL)
    {
      g_autofree char *borders = mer_pov_painter_describe (pov);
      g_autofree char *escaped = g_markup_escape_text (borders, -1);

      g_string_append_printf (markup, "\n<i>%s</i>", escaped);
    }
  return g_string_free (g_steal_pointer (&markup), FALSE);
}

static void
draw_deck_page (cairo_t           *cr,
                MerBasemapPainter *basemap,
                MerDocument       *document,
                MerBriefing       *briefing,
                GPtrArray         *pages,
                guint              index,
                const char        *pov,
                gboolean           vector)
{
  gpointer page = g_ptr_array_index (pages, index);
  MerSlide *slide = MER_IS_SLIDE (page) ? page : NULL;
  MerEvent *event = slide != NULL ? mer_slide_get_event (slide) : page;
  g_autoptr(MerState) state = mer_state_new ();
  g_autofree char *markup = NULL;
  g_autoptr(PangoLayout) card = NULL;
  MerBox over_map[2];   /* the card, the progress */
  MerExportOptions options;
  MerMapView map_view;
  MerView view;

  mer_state_set_document (state, document);
  mer_state_set_pov (state, pov);
  mer_export_prepare_page (state, slide, event, MER_EXPORT_SLIDE_WIDTH, MER_EXPORT_SLIDE_HEIGHT, &view);
  markup = card_markup (briefing, slide, event, mer_state_get_pov (state));
  mer_map_view_init (&map_view, &view, MER_EXPORT_SLIDE_WIDTH, MER_EXPORT_SLIDE_HEIGHT, 1);
  over_map[1] = progress_box (cr, &map_view, document, index, pages->len);
  card = place_card (cr, state, &map_view, markup, &over_map[1], &over_map[0]);

  mer_export_options_init (&options, document, state, &view, MER_EXPORT_SLIDE_WIDTH, MER_EXPORT_SLIDE_HEIGHT);
  options.title = FALSE;
  options.caption = FALSE;
  options.legend = FALSE;
  options.timeline = FALSE;
  options.scale_bar = FALSE;
  options.attribution = FALSE;
  options.obstacles = over_map;
  options.n_obstacles = G_N_ELEMENTS (over_map);
  mer_export_draw (cr, basemap, &options, vector);

  draw_card (cr, card, &over_map[0]);
  draw_progress (cr, &map_view, document, index, pages->len);
}

/**
 * mer_export_draw_slide:
 * @briefing: (nullable): the briefing; %NULL for the first, or the events
 *   one by one when the story has none
 * @index: the slide
 * @vector: whether markers must be paths
 *
 * Draws a slide as the presentation shows it on a 1920 × 1080 screen: the
 * slide's map, its caption card where it hides least, the progress and the
 * slide's number. @cr's user space is %MER_EXPORT_SLIDE_WIDTH ×
 * %MER_EXPORT_SLIDE_HEIGHT.
 */
void
mer_export_draw_slide (cairo_t           *cr,
                       MerBasemapPainter *basemap,
                       MerDocument       *document,
                       MerBriefing       *briefing,
                       guint              index,
                       gboolean           vector)
{
  g_autoptr(GPtrArray) pages = collect_pages (document, &briefing);

  g_return_if_fail (index < pages->len);

  draw_deck_page (cr, basemap, document, briefing, pages, index, NULL, vector);
}

/**
 * mer_export_get_slide_card:
 * @briefing: (nullable): as for mer_export_draw_slide()
 * @box: (out): where the slide's caption card goes, in the slide's units
 *
 * Where mer_export_draw_slide() puts the caption card.
 */
void
mer_export_get_slide_card (MerDocument *document,
                           MerBriefing *briefing,
                           guint        index,
                           MerBox      *box)
{
  g_autoptr(GPtrArray) pages = collect_pages (document, &briefing);
  g_autoptr(MerState) state = mer_state_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *markup = NULL;
  gpointer page;
  MerSlide *slide;
  MerEvent *event;
  MerMapView map_view;
  MerBox progress;
  MerView view;

  g_return_if_fail (index < pages->len);

  page = g_ptr_array_index (pages, index);
  slide = MER_IS_SLIDE (page) ? page : NULL;
  event = slide != NULL ? mer_slide_get_event (slide) : page;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  mer_state_set_document (state, document);
  mer_export_prepare_page (state, slide, event, MER_EXPORT_SLIDE_WIDTH, MER_EXPORT_SLIDE_HEIGHT, &view);
  markup = card_markup (briefing, slide, event, mer_state_get_pov (state));
  mer_map_view_init (&map_view, &view, MER_EXPORT_SLIDE_WIDTH, MER_EXPORT_SLIDE_HEIGHT, 1);
  progress = progress_box (cr, &map_view, document, index, pages->len);
  layout = place_card (cr, state, &map_view, markup, &progress, box);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

typedef struct {
  MerBasemapPainter *basemap;
  MerDocument       *document;
  MerBriefing       *briefing;
  GPtrArray         *pages;
  guint              index;   /* G_MAXUINT: every page */
  const char        *pov;     /* the pages' point of view, unless a slide names one */
  gboolean           vector;
} DeckJob;

static void
draw_deck (cairo_t  *cr,
           gpointer  user_data)
{
  DeckJob *job = user_data;

  if (job->index != G_MAXUINT)
    {
      draw_deck_page (cr, job->basemap, job->document, job->briefing, job->pages, job->index, job->pov, job->vector);
      return;
    }

  for (guint i = 0; i < job->pages->len; i++)
    {
      cairo_save (cr);
      draw_deck_page (cr, job->basemap, job->document, job->briefing, job->pages, i, job->pov, job->vector);
      cairo_restore (cr);
      cairo_show_page (cr);
    }
}

static gboolean
check_pages (GPtrArray  *pages,
             GError    **error)
{
  if (pages->len > 0)
    return TRUE;

  g_set_error (error, MER_EXPORT_ERROR, MER_EXPORT_ERROR_NO_SLIDES, _("the story has no slides and no events to show"));
  return FALSE;
}

/**
 * mer_export_write_deck:
 * @path: the PDF to write
 * @briefing: (nullable): the briefing; %NULL for the first, or the events
 *   one by one when the story has none
 * @pov: (nullable): the point of view of the maps whose slides name none
 *
 * Writes the briefing as presented: a 16:9 PDF with a page per slide, as
 * mer_export_draw_slide() draws it, 20 × 11.25 inches (a 1920 × 1080
 * screen at 96 dots per inch).
 */
gboolean
mer_export_write_deck (const char         *path,
                       MerBasemapPainter  *basemap,
                       MerDocument        *document,
                       MerBriefing        *briefing,
                       const char         *pov,
                       GError            **error)
{
  g_autoptr(GPtrArray) pages = NULL;
  g_autofree char *subject = NULL;
  const char *title = mer_document_get_title (document);
  DeckJob job;
  Target target;

  g_return_val_if_fail (path != NULL, FALSE);

  if (mer_export_format_from_path (path) != MER_EXPORT_FORMAT_PDF)
    {
      g_set_error (error, MER_EXPORT_ERROR, MER_EXPORT_ERROR_FORMAT, _("%s: a deck is a PDF: the name must end in .pdf"),
                   path);
      return FALSE;
    }

  pages = collect_pages (document, &briefing);
  if (!check_pages (pages, error))
    return FALSE;

  subject = dup_subject ("Briefing", briefing);
  job = (DeckJob) { basemap, document, briefing, pages, G_MAXUINT, pov, TRUE };
  target = (Target) {
    MER_EXPORT_FORMAT_PDF, MER_EXPORT_SLIDE_WIDTH, MER_EXPORT_SLIDE_HEIGHT, 1, 96,
    title != NULL ? title : "Meridian", subject, NULL,
  };
  return write_atomically (path, &target, draw_deck, &job, error);
}

/**
 * mer_export_write_slides:
 * @dir: the folder to write into; made if missing
 * @briefing: (nullable): as for mer_export_write_deck()
 * @scale: pixels per unit: 1 for 1920 × 1080, 2 for 3840 × 2160
 * @pov: (nullable): as for mer_export_write_deck()
 *
 * Writes a PNG per slide, as mer_export_draw_slide() draws it, named
 * slide-01.png, slide-02.png and so on.
 *
 * Returns: whether every slide was written; on failure, the slides before
 *   the one that failed are kept
 */
gboolean
mer_export_write_slides (const char         *dir,
                         MerBasemapPainter  *basemap,
                         MerDocument        *document,
                         MerBriefing        *briefing,
                         double              scale,
                         const char         *pov,
                         GError            **error)
{
  g_autoptr(GPtrArray) pages = NULL;
  g_autofree char *subject = NULL;
  const char *title = mer_document_get_title (document);

  g_return_val_if_fail (dir != NULL, FALSE);
  g_return_val_if_fail (scale > 0, FALSE);

  pages = collect_pages (document, &briefing);
  if (!check_pages (pages, error))
    return FALSE;

  if (g_mkdir_with_parents (dir, 0755) != 0)
    return set_write_error (error, dir, g_strerror (errno));

  subject = dup_subject ("Briefing", briefing);
  for (guint i = 0; i < pages->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("slide-%02u.png", i + 1);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      DeckJob job = { basemap, document, briefing, pages, i, pov, FALSE };
      Target target = {
        MER_EXPORT_FORMAT_PNG, MER_EXPORT_SLIDE_WIDTH, MER_EXPORT_SLIDE_HEIGHT, scale, 96,
        title != NULL ? title : "Meridian", subject, NULL,
      };

      if (!write_atomically (path, &target, draw_deck, &job, error))
        return FALSE;
    }

  return TRUE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-export"

#include "config.h"

#include "mer-export.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "mer-event-painter.h"
#include "mer-fit.h"
#include "mer-region-painter.h"
#include "mer-timeline-painter.h"

/* Snapshots of the map for reports and slides, drawn at their own size by
 * the painters that draw the screen: PNG at the requested pixels, SVG and
 * PDF as vectors with real text. A title, the selected event's caption, a
 * legend, a timeline strip, a scale bar and the attribution go over the
 * map. Files are written atomically: a failure leaves no partial file. */

#define MARGIN 14.0
#define PANEL_PADDING 8.0
/* The timeline strip: the widget's look at three quarters of its size,
 * with two rows of events. */
#define STRIP_SCALE 0.75
#define STRIP_ROWS 2
#define STRIP_INK { 0.14, 0.12, 0.19, 1 }
#define STRIP_ACCENT { 0.11, 0.44, 0.85, 1 }
#define STRIP_BACKGROUND { 0.98, 0.98, 0.97, 1 }
#define A4_WIDTH 841.89
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
    document, state, *view, width, height, 1,
    TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, FALSE, NULL,
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

/* Decorations */

static void
draw_title (cairo_t                *cr,
            const MerExportOptions *options)
{
  const char *title = mer_document_get_title (options->document);
  const char *subtitle = mer_document_get_subtitle (options->document);
  g_autofree char *markup = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  double w, h;

  if (title == NULL)
    return;

  markup = subtitle != NULL
             ? g_markup_printf_escaped ("<b>%s</b>\n<span size='smaller'>%s</span>", title, subtitle)
             : g_markup_printf_escaped ("<b>%s</b>", title);
  layout = create_layout (cr, "Cantarell 16", markup, MIN (options->width * 0.5, 520));
  layout_size (layout, &w, &h);
  panel (cr, MARGIN, MARGIN, w + 2 * PANEL_PADDING, h + 2 * PANEL_PADDING);
  show_layout_at (cr, layout, MARGIN + PANEL_PADDING, MARGIN + PANEL_PADDING);
}

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

static void
draw_caption (cairo_t                *cr,
              const MerExportOptions *options)
{
  MerEvent *event = options->state != NULL ? mer_state_get_selected_event (options->state) : NULL;
  g_autofree char *date = NULL;
  g_autofree char *markup = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  double w, h, y;

  if (event == NULL)
    return;

  date = mer_event_format_date (event);
  markup = g_markup_printf_escaped ("<span size='smaller'>%s</span>\n<b>%s</b>", date, mer_event_get_title (event));
  layout = create_layout (cr, "Cantarell 13", markup, MIN (options->width * 0.55, 560));
  layout_size (layout, &w, &h);
  y = bottom_of_map (options) - MARGIN - h - 2 * PANEL_PADDING - (options->scale_bar ? 30 : 0);
  panel (cr, MARGIN, y, w + 2 * PANEL_PADDING, h + 2 * PANEL_PADDING);
  show_layout_at (cr, layout, MARGIN + PANEL_PADDING, y + PANEL_PADDING);
}

static void
draw_scale_bar (cairo_t                *cr,
                const MerMapView       *view,
                const MerExportOptions *options)
{
  static const double steps[] = { 1, 2, 5 };
  double metres_per_unit = mer_map_view_get_meters_per_pixel (view);
  double best = 0, length;
  double x = MARGIN, y = bottom_of_map (options) - MARGIN - 8;
  g_autofree char *label = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  double w, h;

  for (double magnitude = 1; magnitude <= 1e7; magnitude *= 10)
    for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
      if (steps[i] * magnitude / metres_per_unit <= 140)
        best = steps[i] * magnitude;
  if (best == 0)
    return;

  length = best / metres_per_unit;
  label = best >= 1000 ? g_strdup_printf ("%g km", best / 1000) : g_strdup_printf ("%g m", best);
  layout = create_layout (cr, "Cantarell 9", label, -1);
  layout_size (layout, &w, &h);

  panel (cr, x - 4, y - h - 6, MAX (length, w) + 12, h + 14);
  cairo_set_source_rgb (cr, 0.14, 0.12, 0.19);
  cairo_set_line_width (cr, 1.5);
  cairo_move_to (cr, x + 2, y - 4);
  cairo_line_to (cr, x + 2, y);
  cairo_line_to (cr, x + 2 + length, y);
  cairo_line_to (cr, x + 2 + length, y - 4);
  cairo_stroke (cr);
  show_layout_at (cr, layout, x + 2, y - h - 3);
}

static void
draw_attribution (cairo_t                *cr,
                  const MerExportOptions *options)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (options->date != NULL ? options->date : now, "%-d %b %Y");
  const char *sources = mer_document_get_attribution (options->document);
  g_autofree char *text = NULL;
  g_autofree char *markup = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  double w, h;

  text = g_strdup_printf ("Made with Natural Earth%s · %s%s · Exported with Meridian, %s",
                          options->online_layer ? " · Map data © OpenStreetMap contributors" : "",
                          sources != NULL ? sources : "", sources != NULL ? "" : "", date);
  markup = g_markup_escape_text (text, -1);
  layout = create_layout (cr, "Cantarell 7", markup, MIN (options->width * 0.6, 620));
  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  layout_size (layout, &w, &h);
  panel (cr, options->width - MARGIN - w - 8, bottom_of_map (options) - MARGIN - h - 6, w + 8, h + 6);
  show_layout_at (cr, layout, options->width - MARGIN - w - 4 - (pango_layout_get_width (layout) / PANGO_SCALE - w),
                  bottom_of_map (options) - MARGIN - h - 3);
}

static void
draw_legend (cairo_t                *cr,
             const MerMapView       *view,
             const MerExportOptions *options)
{
  GListModel *categories = mer_document_get_categories (options->document);
  GListModel *regions = mer_document_get_regions (options->document);
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autoptr(PangoLayout) layout = NULL;
  double x0, y0, x1, y1, w, h;

  mer_map_view_get_bounds (view, &x0, &y0, &x1, &y1);

  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(MerCategory) category = g_list_model_get_item (categories, i);
      guint32 rgb = mer_category_get_color (category);
      g_autofree char *line = NULL;

      if (options->state != NULL && !mer_state_get_category_visible (options->state, category))
        continue;
      line = g_markup_printf_escaped ("<span foreground='#%06x'>●</span> %s", rgb != MER_NO_COLOR ? rgb : 0x3d3846,
                                      mer_category_get_name (category));
      g_string_append_printf (markup, "%s%s", markup->len > 0 ? "\n" : "", line);
    }

  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(MerRegion) region = g_list_model_get_item (regions, i);
      guint32 rgb = mer_region_get_color (region);
      double west, south, east, north, rx0, ry0, rx1, ry1;
      g_autofree char *line = NULL;

      if (!mer_geometry_get_bounds (mer_region_get_geometry (region), &west, &south, &east, &north))
        continue;
      mer_projection_location_to_normalized (north, west, &rx0, &ry0);
      mer_projection_location_to_normalized (south, east, &rx1, &ry1);
      if (rx1 < x0 || rx0 > x1 || ry1 < y0 || ry0 > y1)
        continue;

      if (mer_region_is_contested (region))
        line = g_markup_printf_escaped ("<span foreground='#%06x'>■</span> %s (%s, hatched)", rgb != MER_NO_COLOR ? rgb : 0x9141ac,
                                        mer_region_get_name (region),
                                        mer_region_status_to_string (mer_region_get_status (region)));
      else
        line = g_markup_printf_escaped ("<span foreground='#%06x'>■</span> %s", rgb != MER_NO_COLOR ? rgb : 0x9141ac,
                                        mer_region_get_name (region));
      g_string_append_printf (markup, "%s%s", markup->len > 0 ? "\n" : "", line);
    }

  if (markup->len == 0)
    return;

  layout = create_layout (cr, "Cantarell 9", markup->str, -1);
  layout_size (layout, &w, &h);
  panel (cr, options->width - MARGIN - w - 2 * PANEL_PADDING, MARGIN, w + 2 * PANEL_PADDING, h + 2 * PANEL_PADDING);
  show_layout_at (cr, layout, options->width - MARGIN - w - PANEL_PADDING, MARGIN + PANEL_PADDING);
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
 * @cr: a context whose user space is the picture's: pixels or points
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
  g_autoptr(MerRegionPainter) regions = mer_region_painter_new (mer_document_get_regions (options->document));
  g_autoptr(MerEventPainter) events = mer_event_painter_new (mer_document_get_events (options->document));
  MerMapView view = {
    options->view.lat, options->view.lon, options->view.zoom,
    options->width, bottom_of_map (options), options->scale,
  };

  g_return_if_fail (cr != NULL);
  g_return_if_fail (options != NULL);

  mer_event_painter_set_vector (events, vector);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, view.width, view.height);
  cairo_clip (cr);
  mer_basemap_painter_draw (basemap, cr, &view, style);
  mer_region_painter_draw (regions, cr, &view, style, options->state);
  mer_event_painter_draw (events, cr, &view, style, options->state);
  mer_region_painter_draw_labels (regions, cr, &view, style, options->state);
  cairo_restore (cr);

  if (options->timeline)
    draw_timeline_strip (cr, options);
  if (options->title)
    draw_title (cr, options);
  if (options->legend)
    draw_legend (cr, &view, options);
  if (options->scale_bar)
    draw_scale_bar (cr, &view, options);
  if (options->caption)
    draw_caption (cr, options);
  if (options->attribution)
    draw_attribution (cr, options);
}

/* Writing */

static cairo_status_t
write_to_fd (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  int fd = GPOINTER_TO_INT (closure);

  while (length > 0)
    {
      ssize_t written = write (fd, data, length);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += written;
      length -= (unsigned int) written;
    }

  return CAIRO_STATUS_SUCCESS;
}

typedef void (*DrawFunc) (cairo_surface_t *surface,
                          gpointer         user_data);

/* Writes through a temporary file in the same folder, renamed over @path
 * only when complete. */
static gboolean
write_atomically (const char       *path,
                  MerExportFormat   format,
                  double            width,
                  double            height,
                  int               pixel_width,
                  int               pixel_height,
                  DrawFunc          draw,
                  gpointer          user_data,
                  GError          **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *temp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  cairo_surface_t *surface = NULL;
  cairo_status_t status;
  int fd;

  fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, MER_EXPORT_ERROR, MER_EXPORT_ERROR_WRITE, "cannot write %s: %s", path,
                   g_strerror (saved_errno));
      return FALSE;
    }

  switch (format)
    {
    case MER_EXPORT_FORMAT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixel_width, pixel_height);
      draw (surface, user_data);
      status = cairo_surface_write_to_png_stream (surface, write_to_fd, GINT_TO_POINTER (fd));
      break;

    case MER_EXPORT_FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (write_to_fd, GINT_TO_POINTER (fd), width, height);
      draw (surface, user_data);
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
      break;

    case MER_EXPORT_FORMAT_PDF:
    case MER_EXPORT_FORMAT_UNKNOWN:
    default:
      surface = cairo_pdf_surface_create_for_stream (write_to_fd, GINT_TO_POINTER (fd), width, height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Meridian");
      draw (surface, user_data);
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
      break;
    }
  cairo_surface_destroy (surface);

  if (status == CAIRO_STATUS_SUCCESS && fsync (fd) != 0)
    status = CAIRO_STATUS_WRITE_ERROR;
  if (close (fd) != 0)
    status = CAIRO_STATUS_WRITE_ERROR;

  if (status != CAIRO_STATUS_SUCCESS || g_rename (temp, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (temp);
      g_set_error (error, MER_EXPORT_ERROR, MER_EXPORT_ERROR_WRITE, "cannot write %s: %s", path,
                   status != CAIRO_STATUS_SUCCESS ? cairo_status_to_string (status) : g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

typedef struct {
  MerBasemapPainter      *basemap;
  const MerExportOptions *options;
  MerExportFormat         format;
} SnapshotJob;

static void
draw_snapshot (cairo_surface_t *surface,
               gpointer         user_data)
{
  SnapshotJob *job = user_data;
  cairo_t *cr = cairo_create (surface);

  if (job->format == MER_EXPORT_FORMAT_PNG)
    cairo_scale (cr, job->options->scale, job->options->scale);
  mer_export_draw (cr, job->basemap, job->options, job->format != MER_EXPORT_FORMAT_PNG);
  cairo_destroy (cr);
}

/**
 * mer_export_write:
 * @path: where to write; the format comes from the extension
 *
 * Returns: whether the file was written; on failure nothing is left at @path
 */
gboolean
mer_export_write (const char              *path,
                  MerBasemapPainter       *basemap,
                  const MerExportOptions  *options,
                  GError                 **error)
{
  SnapshotJob job = { basemap, options, mer_export_format_from_path (path) };

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  if (job.format == MER_EXPORT_FORMAT_UNKNOWN)
    {
      g_set_error (error, MER_EXPORT_ERROR, MER_EXPORT_ERROR_FORMAT,
                   "%s: unknown format; the name must end in .png, .svg or .pdf", path);
      return FALSE;
    }

  return write_atomically (path, job.format, options->width, options->height,
                           (int) ceil (options->width * options->scale), (int) ceil (options->height * options->scale),
                           draw_snapshot, &job, error);
}

/* The handout */

typedef struct {
  MerBasemapPainter *basemap;
  MerDocument       *document;
  GPtrArray         *pages;   /* MerSlide, or MerEvent when there are no briefings */
  MerBriefing       *briefing;
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
  g_autofree char *t = g_markup_escape_text (title != NULL ? title : "Meridian", -1);

  g_string_append_printf (markup, "<span size='xx-large' weight='bold'>%s</span>", t);
  if (subtitle != NULL)
    {
      g_autofree char *s = g_markup_escape_text (subtitle, -1);
      g_string_append_printf (markup, "\n<span size='large'>%s</span>", s);
    }
  if (briefing != NULL)
    {
      g_autofree char *b = g_markup_escape_text (mer_briefing_get_title (briefing), -1);
      g_string_append_printf (markup, "\n\n<b>Briefing:</b> %s", b);
    }
  if (description != NULL)
    {
      g_autofree char *d = g_markup_escape_text (description, -1);
      g_string_append_printf (markup, "\n\n%s", d);
    }
  if (attribution != NULL)
    {
      g_autofree char *a = g_markup_escape_text (attribution, -1);
      g_string_append_printf (markup, "\n\n<span size='small'>%s</span>", a);
    }

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

static void
draw_handout_page (cairo_t    *cr,
                   HandoutJob *job,
                   guint       index)
{
  gpointer page = g_ptr_array_index (job->pages, index);
  MerSlide *slide = MER_IS_SLIDE (page) ? page : NULL;
  MerEvent *event = slide != NULL ? mer_slide_get_event (slide) : page;
  g_autoptr(MerState) state = mer_state_new ();
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autoptr(PangoLayout) text = NULL;
  g_autoptr(PangoLayout) number = NULL;
  g_autofree char *page_number = NULL;
  MerExportOptions options;
  MerView view;
  double map_height = 380;

  mer_state_set_document (state, job->document);
  mer_export_prepare_page (state, slide, event, A4_WIDTH, map_height, &view);

  mer_export_options_init (&options, job->document, state, &view, A4_WIDTH, map_height);
  options.title = FALSE;
  options.caption = FALSE;
  options.timeline = FALSE;
  mer_export_draw (cr, job->basemap, &options, TRUE);

  /* Under the map: the event, its date, the caption and the sources. */
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
        g_string_append (markup, "\n\n<span size='small'><b>Sources</b>");
      for (guint i = 0; i < n_sources; i++)
        {
          g_autofree char *source = sources[i].url != NULL
                                      ? g_markup_printf_escaped ("\n%s — %s", sources[i].title, sources[i].url)
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

  text = create_layout (cr, "Cantarell 10", markup->str, A4_WIDTH - 2 * 40);
  pango_layout_set_height (text, (int) ((A4_HEIGHT - map_height - 50) * PANGO_SCALE));
  pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
  show_layout_at (cr, text, 40, map_height + 14);

  page_number = g_strdup_printf ("%u / %u", index + 2, job->pages->len + 1);
  number = create_layout (cr, "Cantarell 8", page_number, -1);
  show_layout_at (cr, number, A4_WIDTH - 70, A4_HEIGHT - 24);
}

static void
draw_handout (cairo_surface_t *surface,
              gpointer         user_data)
{
  HandoutJob *job = user_data;
  cairo_t *cr = cairo_create (surface);

  draw_text_page (cr, job->document, job->briefing);
  cairo_show_page (cr);

  for (guint i = 0; i < job->pages->len; i++)
    {
      cairo_save (cr);
      draw_handout_page (cr, job, i);
      cairo_restore (cr);
      cairo_show_page (cr);
    }

  cairo_destroy (cr);
}

/**
 * mer_export_write_handout:
 * @briefing: (nullable): the briefing to print; without one, the first
 *   briefing, or every event in time order when the story has none
 *
 * Writes an A4 landscape PDF: a title page, then a page per slide (or
 * event) with the map, the title, date, caption and sources, and a page
 * number.
 */
gboolean
mer_export_write_handout (const char         *path,
                          MerBasemapPainter  *basemap,
                          MerDocument        *document,
                          MerBriefing        *briefing,
                          GError            **error)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *briefings = mer_document_get_briefings (document);
  g_autoptr(MerBriefing) first = NULL;
  HandoutJob job;

  g_return_val_if_fail (path != NULL, FALSE);

  if (mer_export_format_from_path (path) != MER_EXPORT_FORMAT_PDF)
    {
      g_set_error (error, MER_EXPORT_ERROR, MER_EXPORT_ERROR_FORMAT, "%s: a handout is a PDF: the name must end in .pdf",
                   path);
      return FALSE;
    }

  if (briefing == NULL && g_list_model_get_n_items (briefings) > 0)
    briefing = first = g_list_model_get_item (briefings, 0);

  if (briefing != NULL)
    for (guint i = 0; i < mer_briefing_get_n_slides (briefing); i++)
      g_ptr_array_add (pages, g_object_ref (mer_briefing_get_slide (briefing, i)));
  else
    for (guint i = 0; i < g_list_model_get_n_items (mer_document_get_events (document)); i++)
      g_ptr_array_add (pages, g_list_model_get_item (mer_document_get_events (document), i));

  job = (HandoutJob) { basemap, document, pages, briefing };
  return write_atomically (path, MER_EXPORT_FORMAT_PDF, A4_WIDTH, A4_HEIGHT, 0, 0, draw_handout, &job, error);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-basemap-painter"

#include "config.h"

#include "mer-basemap-painter.h"

#include <math.h>

#include "mer-language.h"

/* Draws the offline base map — sea, land, coastline, rivers and country
 * borders — for any view onto any cairo context: map tiles drawn in worker
 * threads and exports alike. The data is cut into cells when it is
 * prepared, so a view visits only the cells it overlaps.
 *
 * Its names are not drawn with it: every picture, the screen's overlay
 * included, adds the names in its frame to its own label pass, after its
 * markers and event labels (mer_basemap_painter_add_labels()), so that no
 * name lies under a marker or is cut by the frame's edge. */

/* Disputed islands show their names in the story's languages from this
 * many zoom levels above the zoom their name appears at. */
#define NATIVE_NAMES_ZOOM_STEP 0.5

struct _MerBasemapPainter
{
  grefcount   ref_count;
  MerBasemap *basemap;
};

MerBasemapPainter *
mer_basemap_painter_new (MerBasemap *basemap)
{
  MerBasemapPainter *self = g_new0 (MerBasemapPainter, 1);

  g_ref_count_init (&self->ref_count);
  self->basemap = mer_basemap_ref (basemap);

  return self;
}

MerBasemapPainter *
mer_basemap_painter_ref (MerBasemapPainter *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_ref_count_inc (&self->ref_count);
  return self;
}

void
mer_basemap_painter_unref (MerBasemapPainter *self)
{
  g_return_if_fail (self != NULL);

  if (g_ref_count_dec (&self->ref_count))
    {
      mer_basemap_unref (self->basemap);
      g_free (self);
    }
}

static MerLabelStyle
style_for (const MerBasemapLabel *label)
{
  switch (label->kind)
    {
    case MER_BASEMAP_LABEL_SEA:
    case MER_BASEMAP_LABEL_RIVER:
      return MER_LABEL_STYLE_WATER;
    case MER_BASEMAP_LABEL_CITY:
    case MER_BASEMAP_LABEL_ISLAND:
      return MER_LABEL_STYLE_PLACE;
    case MER_BASEMAP_LABEL_COUNTRY:
    default:
      return MER_LABEL_STYLE_COUNTRY;
    }
}

/* The label's text: its name in the interface's language where the
 * gazetteer has one (English otherwise) and, for disputed land seen close
 * up, its names in the languages of the dispute's sides that the story
 * uses, on a second line. */
static char *
label_markup (const MerBasemapLabel *label,
              double                 zoom,
              const char * const    *languages)
{
  static const char *const codes[MER_BASEMAP_N_NAMES] = { "en", "ja", "ru", "zh" };
  static const guint parties[MER_BASEMAP_N_NAMES] = {
    0, MER_BASEMAP_LABEL_PARTY_JA, MER_BASEMAP_LABEL_PARTY_RU, MER_BASEMAP_LABEL_PARTY_ZH,
  };
  const char *interface = mer_language_get_interface ();
  const char *shown = label->name;
  g_autoptr(GString) native = g_string_new (NULL);
  g_autofree char *name = NULL;

  for (guint n = 1; n < MER_BASEMAP_N_NAMES; n++)
    if (g_str_equal (interface, codes[n]) && label->names[n] != NULL)
      shown = label->names[n];

  if ((label->flags & MER_BASEMAP_LABEL_DISPUTED) && zoom >= label->min_zoom + NATIVE_NAMES_ZOOM_STEP)
    for (guint l = 0; languages[l] != NULL; l++)
      for (guint n = 1; n < MER_BASEMAP_N_NAMES; n++)
        if (g_str_equal (languages[l], codes[n]) && (label->flags & parties[n]) && label->names[n] != NULL &&
            label->names[n] != shown)
          {
            g_autofree char *escaped = g_markup_escape_text (label->names[n], -1);

            g_string_append_printf (native, "%s%s", native->len > 0 ? " · " : "", escaped);
          }

  name = g_markup_escape_text (shown, -1);
  if (native->len == 0)
    return g_steal_pointer (&name);
  return g_strdup_printf ("%s\n%s", name, native->str);
}

/* A country is about COUNTRY_LABEL_PX across at its label's minimum zoom
 * (tools/basemap/prepare-basemap.mjs): its name may go up to half that
 * from its point, so that Russia is named when its point is off the frame. */
#define COUNTRY_LABEL_PX 40.0
#define MAX_REACH 300.0
#define ISLAND_LABEL_PX 30.0
#define MAX_ISLAND_GAP 60.0

static void
label_candidate (const MerBasemapLabel *label,
                 double                 zoom,
                 double                 x,
                 double                 y,
                 const char            *markup,
                 MerLabel              *candidate)
{
  gboolean city = label->kind == MER_BASEMAP_LABEL_CITY;
  double reach = label->kind == MER_BASEMAP_LABEL_COUNTRY
                   ? MIN (MAX_REACH, COUNTRY_LABEL_PX / 2 * exp2 (zoom - label->min_zoom)) : 0;
  /* A small island is named beside it, not over it: about
   * ISLAND_LABEL_PX across at its label's minimum zoom, it grows twice as
   * large each zoom level; a large one is named on it. */
  double island = label->kind == MER_BASEMAP_LABEL_ISLAND ? ISLAND_LABEL_PX / 2 * exp2 (zoom - label->min_zoom) : 0;
  gboolean beside = city || (island > 0 && island < MAX_ISLAND_GAP);

  *candidate = (MerLabel) {
    .markup = markup,
    .x = x,
    .y = y,
    .gap = city ? 3 : beside ? island : 0,
    .priority = MER_LABEL_PRIORITY_GAZETTEER + label->rank,
    .anchor = beside ? MER_LABEL_ANCHOR_POINT : MER_LABEL_ANCHOR_CENTRE,
    .style = style_for (label),
    .owner = -1,
    .dot = city,
    .reach = reach,
  };
}

typedef struct {
  cairo_t *cr;
  double   scale;     /* world size */
  double   offset_x;  /* pixel of normalized x = 0, for this world copy */
  double   offset_y;
  gboolean close;
} PathContext;

/* Points less than half a pixel from the last one drawn are skipped: at
 * zooms 5 and 6 the 1:10m coast and rivers have far more points than
 * pixels. A part's last point is always drawn, so rings stay closed and
 * lines reach the cell side where the next cell's part goes on. */
static void
append_part (const float *xy,
             guint        n_points,
             gpointer     user_data)
{
  PathContext *ctx = user_data;
  double last_x = xy[0] * ctx->scale + ctx->offset_x;
  double last_y = xy[1] * ctx->scale + ctx->offset_y;

  cairo_move_to (ctx->cr, last_x, last_y);
  for (guint i = 1; i < n_points; i++)
    {
      double x = xy[2 * i] * ctx->scale + ctx->offset_x;
      double y = xy[2 * i + 1] * ctx->scale + ctx->offset_y;

      if (i + 1 < n_points && fabs (x - last_x) < 0.5 && fabs (y - last_y) < 0.5)
        continue;
      cairo_line_to (ctx->cr, x, y);
      last_x = x;
      last_y = y;
    }
  if (ctx->close)
    cairo_close_path (ctx->cr);
}

static void
set_color (cairo_t        *cr,
           const MerColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

/**
 * mer_basemap_painter_add_labels:
 * @labels: a picture's label pass, the size of @view
 * @view: the picture's map
 * @languages: (nullable) (array zero-terminated=1): the story's languages
 *   (mer_labels_dup_story_languages())
 *
 * Adds the base map's names that @view shows at its zoom to @labels, as
 * candidates of %MER_LABEL_PRIORITY_GAZETTEER plus their rank.
 */
void
mer_basemap_painter_add_labels (MerBasemapPainter  *self,
                                MerLabels          *labels,
                                const MerMapView   *view,
                                const char * const *languages)
{
  const char * const empty[] = { NULL };
  double world = mer_map_view_get_world_size (view);
  double cx, cy;

  g_return_if_fail (self != NULL);
  g_return_if_fail (labels != NULL);

  if (languages == NULL)
    languages = empty;

  mer_map_view_get_center_normalized (view, &cx, &cy);
  for (guint i = 0; i < mer_basemap_get_n_labels (self->basemap); i++)
    {
      MerBasemapLabel label;
      g_autofree char *markup = NULL;
      MerLabel candidate;
      double x, y;

      mer_basemap_get_label (self->basemap, i, &label);
      if (view->zoom < label.min_zoom)
        continue;

      /* The copy of the world nearest the view's centre. A country's point
       * may be off the frame by its reach. */
      x = (label.x - cx - round (label.x - cx)) * world + view->width / 2;
      y = (label.y - cy) * world + view->height / 2;
      label_candidate (&label, view->zoom, x, y, "", &candidate);
      if (x < -candidate.reach || y < -candidate.reach || x > view->width + candidate.reach ||
          y > view->height + candidate.reach)
        continue;

      markup = label_markup (&label, view->zoom, languages);
      candidate.markup = markup;
      candidate.name = label.name;
      mer_labels_add (labels, &candidate);
    }
}

static void
draw_base (MerBasemapPainter *self,
           cairo_t           *cr,
           const MerMapView  *view,
           const MerMapStyle *style,
           double             cx,
           double             cy)
{
  static const double dashes[] = { 4, 2 };
  static const MerBasemapLayer order[] = { MER_BASEMAP_LAND, MER_BASEMAP_COAST, MER_BASEMAP_RIVER, MER_BASEMAP_BORDER };
  guint level = mer_basemap_level_for_zoom (self->basemap, view->zoom);
  double world = mer_map_view_get_world_size (view);
  double x0, y0, x1, y1;
  PathContext ctx = { cr, world, 0, 0, FALSE };

  mer_map_view_get_bounds (view, &x0, &y0, &x1, &y1);

  set_color (cr, &style->sea);
  cairo_paint (cr);

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      MerBasemapLayer layer = order[i];

      if (layer == MER_BASEMAP_BORDER && view->zoom < 2)
        continue;

      cairo_new_path (cr);
      ctx.close = layer == MER_BASEMAP_LAND;
      ctx.offset_y = view->height / 2 - cy * world;

      /* Each copy of the world the view shows, the one around ±180° included. */
      for (int k = (int) floor (x0); k <= (int) floor (x1); k++)
        {
          ctx.offset_x = view->width / 2 + (k - cx) * world;
          mer_basemap_foreach_part_at_zoom (self->basemap, level, layer, view->zoom,
                                            MAX (x0 - k, 0), MAX (y0, 0), MIN (x1 - k, 1), MIN (y1, 1),
                                            append_part, &ctx);
        }

      switch (layer)
        {
        case MER_BASEMAP_LAND:
          set_color (cr, &style->land);
          cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
          cairo_fill (cr);
          break;

        case MER_BASEMAP_COAST:
          set_color (cr, &style->coast);
          cairo_set_line_width (cr, view->zoom < 4 ? 0.6 : 0.9);
          cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
          cairo_stroke (cr);
          break;

        case MER_BASEMAP_RIVER:
          set_color (cr, &style->river);
          cairo_set_line_width (cr, view->zoom < 5 ? 0.7 : view->zoom < 7 ? 1.0 : 1.4);
          cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
          cairo_stroke (cr);
          break;

        case MER_BASEMAP_BORDER:
        default:
          set_color (cr, &style->border);
          cairo_set_line_width (cr, 0.8);
          cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          break;
        }
    }
}

/**
 * mer_basemap_painter_draw_map:
 * @cr: a context whose user space is the view's pixels
 * @view: what to draw
 * @style: the colours
 *
 * Draws the base map without its names, which the picture places in its
 * own label pass (mer_basemap_painter_add_labels()). Safe to call from
 * several threads at once.
 */
void
mer_basemap_painter_draw_map (MerBasemapPainter *self,
                              cairo_t           *cr,
                              const MerMapView  *view,
                              const MerMapStyle *style)
{
  double cx, cy;

  g_return_if_fail (self != NULL);

  mer_map_view_get_center_normalized (view, &cx, &cy);
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, view->width, view->height);
  cairo_clip (cr);
  draw_base (self, cr, view, style, cx, cy);
  cairo_restore (cr);
}

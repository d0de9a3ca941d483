/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-basemap-painter"

#include "config.h"

#include "mer-basemap-painter.h"

#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "mer-language.h"

/* Draws the offline base map — sea, land, coastline, rivers, country
 * borders and names — for any view onto any cairo context: map tiles drawn
 * in worker threads and exports alike. The data is cut into cells when it
 * is prepared, so a view visits only the cells it overlaps.
 *
 * Names go through the one label pass (mer-labels.c). On tiles a name
 * crossing a tile edge must be drawn the same in both tiles, so which names
 * are shown is decided once per zoom level for the whole world; a picture
 * (export, handout, slide) instead adds the names in its frame to its own
 * pass, with its markers and event labels (mer_basemap_painter_add_labels()). */

/* Disputed islands show their names in the story's languages from this
 * many zoom levels above the zoom their name appears at. */
#define NATIVE_NAMES_ZOOM_STEP 0.5

struct _MerBasemapPainter
{
  grefcount   ref_count;
  MerBasemap *basemap;

  GMutex      lock;
  GHashTable *placements;  /* zoom × 100 → GArray of Placed */
  GStrv       languages;   /* the story's languages, besides English */
  GHashTable *left_out;    /* names the story's own labels say, not drawn on tiles */
  GArray     *places;      /* the story's places, normalised x, y pairs: names keep off them */
  char       *story_key;   /* all three, as a string */
};

/* How far from an event's place tiles keep their names: a large marker's
 * radius, or the ring markers sharing a place are spread on. */
#define PLACE_CLEARANCE 14.0

typedef struct {
  MerLabelBox box;         /* in world pixels at the zoom */
  MerLabel    label;       /* its markup owned */
} Placed;

static void
placed_clear (gpointer data)
{
  g_free ((char *) ((Placed *) data)->label.markup);
}

MerBasemapPainter *
mer_basemap_painter_new (MerBasemap *basemap)
{
  MerBasemapPainter *self = g_new0 (MerBasemapPainter, 1);

  g_ref_count_init (&self->ref_count);
  self->basemap = mer_basemap_ref (basemap);
  g_mutex_init (&self->lock);
  self->placements = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  self->languages = g_new0 (char *, 1);
  self->left_out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->places = g_array_new (FALSE, FALSE, sizeof (double));
  self->story_key = g_strdup ("");

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
      g_hash_table_unref (self->placements);
      g_strfreev (self->languages);
      g_hash_table_unref (self->left_out);
      g_array_unref (self->places);
      g_free (self->story_key);
      g_mutex_clear (&self->lock);
      mer_basemap_unref (self->basemap);
      g_free (self);
    }
}

/**
 * mer_basemap_painter_set_story:
 * @document: (nullable): the story the map shows
 *
 * What tiles need to know of the story: disputed islands are named in its
 * languages (mer_labels_dup_story_languages()) too when zoomed in; the
 * names its regions and event places carry (mer_labels_dup_story_names())
 * are left to its own labels, which are placed round its markers, so that
 * a name does not show twice; and names keep clear of its places, where
 * its markers are drawn over the tiles. Safe to call while tiles are drawn.
 */
void
mer_basemap_painter_set_story (MerBasemapPainter *self,
                               MerDocument       *document)
{
  g_auto(GStrv) languages = NULL;
  g_auto(GStrv) left_out = NULL;
  g_autoptr(GArray) places = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GString) key = g_string_new (NULL);
  guint hash = 5381;

  g_return_if_fail (self != NULL);

  languages = mer_labels_dup_story_languages (document);
  left_out = mer_labels_dup_story_names (document);
  if (document != NULL)
    {
      GListModel *events = mer_document_get_events (document);

      for (guint i = 0; i < g_list_model_get_n_items (events); i++)
        {
          g_autoptr(MerEvent) event = g_list_model_get_item (events, i);
          const MerPlace *list;
          guint n;

          list = mer_event_get_places (event, &n);
          for (guint p = 0; p < n; p++)
            {
              double xy[2];

              mer_projection_location_to_normalized (list[p].lat, list[p].lon, &xy[0], &xy[1]);
              g_array_append_vals (places, xy, 2);
            }
        }
    }

  /* The key names the languages and a hash of the names and places:
   * libshumate keeps tiles by a source id made from it. */
  for (guint i = 0; left_out[i] != NULL; i++)
    hash = hash * 33 + g_str_hash (left_out[i]);
  for (guint i = 0; i < places->len; i++)
    hash = hash * 33 + (guint) lround (g_array_index (places, double, i) * 1e7);
  for (guint i = 0; languages[i] != NULL; i++)
    g_string_append_printf (key, "%s%s", i > 0 ? "," : "", languages[i]);
  g_string_append_printf (key, "-%08x", hash);

  g_mutex_lock (&self->lock);
  if (!g_str_equal (key->str, self->story_key))
    {
      g_strfreev (self->languages);
      self->languages = g_steal_pointer (&languages);
      g_hash_table_remove_all (self->left_out);
      for (guint i = 0; left_out[i] != NULL; i++)
        g_hash_table_add (self->left_out, g_strdup (left_out[i]));
      g_array_unref (self->places);
      self->places = g_steal_pointer (&places);
      g_free (self->story_key);
      self->story_key = g_strdup (key->str);
      g_hash_table_remove_all (self->placements);
    }
  g_mutex_unlock (&self->lock);
}

/**
 * mer_basemap_painter_dup_story_key:
 *
 * Returns: (transfer full): a string that changes whenever
 *   mer_basemap_painter_set_story() changes what tiles show
 */
char *
mer_basemap_painter_dup_story_key (MerBasemapPainter *self)
{
  char *key;

  g_return_val_if_fail (self != NULL, NULL);

  g_mutex_lock (&self->lock);
  key = g_strdup (self->story_key);
  g_mutex_unlock (&self->lock);
  return key;
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

/**
 * mer_basemap_painter_dup_native_names:
 * @zoom: the map's zoom
 *
 * The disputed places whose names tiles leave to the story's labels, with
 * the text tiles would show at @zoom: "Iturup" with its Japanese and
 * Russian names on a second line, so that the story's label for Iturup
 * says them.
 *
 * Returns: (transfer full): English name → Pango markup
 */
GHashTable *
mer_basemap_painter_dup_native_names (MerBasemapPainter *self,
                                      double             zoom)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_return_val_if_fail (self != NULL, names);

  g_mutex_lock (&self->lock);
  for (guint i = 0; i < mer_basemap_get_n_labels (self->basemap); i++)
    {
      MerBasemapLabel label;
      g_autofree char *markup = NULL;

      mer_basemap_get_label (self->basemap, i, &label);
      if (!(label.flags & MER_BASEMAP_LABEL_DISPUTED) || zoom < label.min_zoom ||
          !g_hash_table_contains (self->left_out, label.name))
        continue;
      markup = label_markup (&label, zoom, (const char * const *) self->languages);
      if (strchr (markup, '\n') != NULL)
        g_hash_table_replace (names, g_markup_escape_text (label.name, -1), g_steal_pointer (&markup));
    }
  g_mutex_unlock (&self->lock);
  return names;
}

/* Which labels are shown at @zoom over the whole world, and where. */
static GArray *
get_placement (MerBasemapPainter *self,
               double             zoom)
{
  guint key = (guint) lround (zoom * 100);
  double world = mer_projection_world_size (zoom);
  g_autoptr(MerLabelMeasure) measure = NULL;
  g_autoptr(MerLabels) labels = NULL;
  g_autoptr(GPtrArray) markups = NULL;
  GArray *placed;

  g_mutex_lock (&self->lock);
  placed = g_hash_table_lookup (self->placements, GUINT_TO_POINTER (key));
  if (placed != NULL)
    {
      g_array_ref (placed);
      g_mutex_unlock (&self->lock);
      return placed;
    }

  measure = mer_label_measure_new ();
  labels = mer_labels_new (measure, world, world, FALSE);
  markups = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i + 1 < self->places->len; i += 2)
    {
      double x = g_array_index (self->places, double, i) * world;
      double y = g_array_index (self->places, double, i + 1) * world;

      mer_labels_add_obstacle (labels, &(MerLabelBox) { x - PLACE_CLEARANCE, y - PLACE_CLEARANCE,
                                                        2 * PLACE_CLEARANCE, 2 * PLACE_CLEARANCE });
    }
  for (guint i = 0; i < mer_basemap_get_n_labels (self->basemap); i++)
    {
      MerBasemapLabel label;
      MerLabel candidate;
      char *markup;

      mer_basemap_get_label (self->basemap, i, &label);
      if (zoom < label.min_zoom || g_hash_table_contains (self->left_out, label.name))
        continue;

      markup = label_markup (&label, zoom, (const char * const *) self->languages);
      g_ptr_array_add (markups, markup);
      label_candidate (&label, zoom, label.x * world, label.y * world, markup, &candidate);
      mer_labels_add (labels, &candidate);
    }
  mer_labels_place (labels);

  placed = g_array_sized_new (FALSE, FALSE, sizeof (Placed), mer_labels_get_n_placed (labels));
  g_array_set_clear_func (placed, placed_clear);
  for (guint i = 0; i < mer_labels_get_n_placed (labels); i++)
    {
      Placed p;

      mer_labels_get_placed (labels, i, &p.box, &p.label);
      p.label.markup = g_strdup (p.label.markup);
      g_array_append_val (placed, p);
    }

  g_hash_table_insert (self->placements, GUINT_TO_POINTER (key), g_array_ref (placed));
  g_mutex_unlock (&self->lock);
  return placed;
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

/* Draws the names placed for the whole world at the view's zoom that meet
 * the view. */
static void
draw_labels (MerBasemapPainter *self,
             cairo_t           *cr,
             const MerMapView  *view,
             const MerMapStyle *style,
             double             cx,
             double             cy)
{
  /* Each tile thread keeps its own texts' layouts: a measure is for one
   * thread, and making the layouts again for every tile would cost more
   * than drawing them. */
  static GPrivate thread_measure = G_PRIVATE_INIT ((GDestroyNotify) mer_label_measure_free);
  MerLabelMeasure *measure = g_private_get (&thread_measure);
  g_autoptr(GArray) placed = get_placement (self, view->zoom);
  g_autoptr(MerLabels) labels = NULL;
  double world = mer_map_view_get_world_size (view);
  double copies = ceil (view->width / world) + 1;

  if (measure == NULL)
    {
      measure = mer_label_measure_new ();
      g_private_set (&thread_measure, measure);
    }
  labels = mer_labels_new (measure, view->width, view->height, FALSE);

  for (guint i = 0; i < placed->len; i++)
    {
      const Placed *p = &g_array_index (placed, Placed, i);

      for (double k = -copies; k <= copies; k++)
        {
          double dx = k * world - cx * world + view->width / 2;
          double dy = view->height / 2 - cy * world;
          MerLabelBox box = { p->box.x + dx, p->box.y + dy, p->box.width, p->box.height };
          MerLabel label = p->label;

          if (box.x + box.width < 0 || box.x > view->width || box.y + box.height < 0 || box.y > view->height)
            continue;

          label.x += dx;
          label.y += dy;
          mer_labels_add_placed (labels, &label, &box);
        }
    }

  mer_labels_draw (labels, cr, style);
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
          mer_basemap_foreach_part (self->basemap, level, layer,
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
 * Draws the base map without its names, for a picture that places them in
 * its own label pass (mer_basemap_painter_add_labels()).
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

/**
 * mer_basemap_painter_draw:
 * @cr: a context whose user space is the view's pixels
 * @view: what to draw
 * @style: the colours
 *
 * Draws the base map over the whole view with its names as placed for the
 * whole world at the view's zoom (so that tiles agree). Safe to call from
 * several threads at once.
 */
void
mer_basemap_painter_draw (MerBasemapPainter *self,
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
  draw_labels (self, cr, view, style, cx, cy);
  cairo_restore (cr);
}

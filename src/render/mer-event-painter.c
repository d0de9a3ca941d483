/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-event-painter"

#include "config.h"

#include "mer-event-painter.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mer-ink.h"

/* Draws one marker per place of each event, coloured by category and sized
 * by importance. Positions are projected once; a frame places the markers on
 * screen and, when there are too many to tell apart, gathers those sharing a
 * grid cell into a cluster showing their count. Markers at the same place
 * are spread round it, each tied to the place by a line, so that every
 * one shows and takes its own clicks. The selected and hovered events are
 * always drawn on their own, on top, with a ring. */

typedef struct {
  double nx, ny;
  guint  event;
  guint  place;
  double radius;
} Marker;

typedef struct {
  double    x, y;
  double    radius;
  MerEvent *event;     /* NULL for a cluster */
  guint     count;
  gboolean  faded;     /* outside the time window */
  gboolean  spread;    /* moved off its place, (place_x, place_y) */
  double    place_x, place_y;
  guint     place;     /* which of the event's places */
} Item;

/* Markers closer than this are at one place: they would hide each other. */
#define SAME_PLACE 8.0
#define MAX_SPREAD 24
/* The dot that marks the place markers are spread round. */
#define PLACE_DOT_RADIUS 3.0

struct _MerEventPainter
{
  GPtrArray *events;   /* MerEvent */
  GArray    *markers;  /* Marker, in time order of their events */

  /* Pre-drawn markers, keyed by colour, size and scale: many markers cost
   * one small copy each instead of a fill and a stroke. */
  GHashTable *sprites;
  gboolean    vector;

  /* The categories' colours as markers show them on the last style's map. */
  GHashTable        *colors;   /* 0xRRGGBB → MerColor */
  const MerMapStyle *colors_style;

  /* The layout of the last view, shared by drawing and picking. */
  GArray     *items;
  MerMapView  layout_view;
  gboolean    have_layout;
  guint       n_base;
};

double
mer_event_marker_radius (guint importance)
{
  return 3.5 + 1.2 * CLAMP (importance, 1, 5);
}

/**
 * mer_event_painter_new:
 * @events: a #GListModel of #MerEvent
 *
 * Returns: (transfer full): a painter for the events' places
 */
MerEventPainter *
mer_event_painter_new (GListModel *events)
{
  MerEventPainter *self = g_new0 (MerEventPainter, 1);
  guint n = g_list_model_get_n_items (events);

  self->events = g_ptr_array_new_full (n, g_object_unref);
  self->markers = g_array_new (FALSE, FALSE, sizeof (Marker));
  self->items = g_array_new (FALSE, FALSE, sizeof (Item));
  self->sprites = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                         (GDestroyNotify) cairo_surface_destroy);
  self->colors = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  for (guint i = 0; i < n; i++)
    {
      MerEvent *event = g_list_model_get_item (events, i);
      const MerPlace *places;
      guint n_places;

      g_ptr_array_add (self->events, event);
      places = mer_event_get_places (event, &n_places);
      for (guint p = 0; p < n_places; p++)
        {
          Marker marker;

          mer_projection_location_to_normalized (places[p].lat, places[p].lon, &marker.nx, &marker.ny);
          marker.event = i;
          marker.place = p;
          marker.radius = mer_event_marker_radius (mer_event_get_importance (event));
          g_array_append_val (self->markers, marker);
        }
    }

  return self;
}

void
mer_event_painter_free (MerEventPainter *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->events);
  g_array_unref (self->markers);
  g_array_unref (self->items);
  g_hash_table_unref (self->sprites);
  g_hash_table_unref (self->colors);
  g_free (self);
}

typedef struct {
  double sx, sy;
  guint  count;
  guint  first;      /* index in visible */
  double x0, y0, x1, y1;
} Cell;

/* Whether a cell's markers are all at one place: zooming in would not
 * part them, so they are spread rather than counted, unless there are so
 * many that their ring would cover the map around. */
static gboolean
cell_is_one_place (const Cell *cell)
{
  return cell->count > 1 && cell->count <= MAX_SPREAD &&
         cell->x1 - cell->x0 < SAME_PLACE && cell->y1 - cell->y0 < SAME_PLACE;
}

/* A cluster's disc grows slowly with its count. */
static double
cluster_radius (guint count)
{
  return 9 + 2.5 * log2 (count);
}

/* Whether a marker at (@x, @y) lies wholly within the view. */
static gboolean
marker_in_view (double            x,
                double            y,
                double            radius,
                const MerMapView *view)
{
  return x - radius >= 0 && y - radius >= 0 && x + radius <= view->width && y + radius <= view->height;
}

/* Whether @n markers no larger than @largest, spread on a ring round
 * (@cx, @cy), all lie wholly within the view. */
static gboolean
ring_in_view (double            cx,
              double            cy,
              double            ring,
              double            largest,
              guint             n,
              const MerMapView *view)
{
  for (guint k = 0; k < n; k++)
    {
      double angle = -G_PI / 2 + 2 * G_PI * k / n;

      if (!marker_in_view (cx + ring * cos (angle), cy + ring * sin (angle), largest, view))
        return FALSE;
    }
  return TRUE;
}

/* The middle of a group of markers and the ring they are spread on: room
 * for the largest between neighbours. */
static void
ring_of (GArray      *items,
         const guint *members,
         guint        n,
         double      *cx,
         double      *cy,
         double      *largest,
         double      *ring)
{
  *cx = *cy = *largest = 0;
  for (guint k = 0; k < n; k++)
    {
      const Item *item = &g_array_index (items, Item, members[k]);

      *cx += item->x;
      *cy += item->y;
      *largest = MAX (*largest, item->radius);
    }
  *cx /= n;
  *cy /= n;
  *ring = MAX (*largest + 6, n * (2 * *largest + 3) / (2 * G_PI));
}

static int
compare_indices (const void *a,
                 const void *b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* Spreads each group of markers at one place, or near enough to touch, on
 * a ring round the group's middle, in time order from the top, clockwise,
 * with room for the largest between neighbours; each keeps a line to its
 * own place. A group whose ring would cross the view's edge, where some of
 * its markers would not be seen, is counted instead: a cluster at its
 * middle, which a click opens (the map goes to it, where the ring fits).
 * The groups are few and the markers no more than the cluster threshold,
 * so pairs are compared directly. */
static void
spread_same_places (GArray           *items,
                    const MerMapView *view)
{
  g_autofree guint *group = g_new (guint, items->len);
  g_autofree guint *members = g_new (guint, items->len);
  g_autoptr(GArray) counted = g_array_new (FALSE, FALSE, sizeof (Item));
  guint n_items = items->len, kept = 0;

  for (guint i = 0; i < n_items; i++)
    group[i] = G_MAXUINT;

  for (guint i = 0; i < n_items; i++)
    {
      Item *first = &g_array_index (items, Item, i);
      double cx = 0, cy = 0, largest = 0, ring = 0;
      gboolean fits;
      guint n = 0, n_touching;

      if (group[i] != G_MAXUINT)
        continue;

      for (guint j = i; j < n_items; j++)
        {
          const Item *item = &g_array_index (items, Item, j);

          /* Touching markers hide each other as much as coincident ones. */
          if (group[j] == G_MAXUINT && hypot (item->x - first->x, item->y - first->y) < item->radius + first->radius)
            {
              group[j] = i;
              members[n++] = j;
            }
        }
      if (n < 2)
        {
          /* Alone, it may yet join a ring laid over it. */
          group[i] = G_MAXUINT;
          continue;
        }

      /* The ring takes in the markers it would cover, so that none hides
       * another: a marker inside it or touching it joins it. */
      n_touching = n;
      for (gboolean grown = TRUE; grown && n <= MAX_SPREAD;)
        {
          ring_of (items, members, n, &cx, &cy, &largest, &ring);
          grown = FALSE;
          for (guint j = 0; j < n_items; j++)
            {
              const Item *item = &g_array_index (items, Item, j);

              if (group[j] == G_MAXUINT && !item->spread &&
                  hypot (item->x - cx, item->y - cy) < ring + largest + item->radius)
                {
                  group[j] = i;
                  members[n++] = j;
                  grown = TRUE;
                }
            }
        }
      ring_of (items, members, n, &cx, &cy, &largest, &ring);
      fits = n <= MAX_SPREAD && ring_in_view (cx, cy, ring, largest, n, view);

      /* Else the markers at the place alone, spread if their ring fits
       * and counted if not: those the ring took in stay on their places. */
      if (!fits && n > n_touching)
        {
          for (guint k = n_touching; k < n; k++)
            group[members[k]] = G_MAXUINT;
          n = n_touching;
          ring_of (items, members, n, &cx, &cy, &largest, &ring);
          fits = ring_in_view (cx, cy, ring, largest, n, view);
        }

      if (!fits)
        {
          Item cluster = { cx, cy, cluster_radius (n), NULL, n, TRUE };

          for (guint k = 0; k < n; k++)
            {
              Item *item = &g_array_index (items, Item, members[k]);

              cluster.faded = cluster.faded && item->faded;
              item->count = 0;
            }
          g_array_append_val (counted, cluster);
          continue;
        }

      /* In time order round the ring. */
      qsort (members, n, sizeof (guint), compare_indices);
      for (guint k = 0; k < n; k++)
        {
          Item *item = &g_array_index (items, Item, members[k]);
          double angle = -G_PI / 2 + 2 * G_PI * k / n;

          item->spread = TRUE;
          item->place_x = item->x;
          item->place_y = item->y;
          item->x = cx + ring * cos (angle);
          item->y = cy + ring * sin (angle);
        }
    }

  /* A count takes in the clusters and the markers on their places that
   * it would cover, so that no two overlap. */
  for (gboolean merged = TRUE; merged;)
    {
      merged = FALSE;
      for (guint c = 0; c < counted->len; c++)
        {
          Item *cluster = &g_array_index (counted, Item, c);

          for (guint i = 0; cluster->count > 0 && i < n_items + counted->len; i++)
            {
              Item *other = i < n_items ? &g_array_index (items, Item, i) : &g_array_index (counted, Item, i - n_items);

              if (other == cluster || other->count == 0 || other->spread ||
                  hypot (other->x - cluster->x, other->y - cluster->y) >= other->radius + cluster->radius)
                continue;
              cluster->x = (cluster->x * cluster->count + other->x * other->count) / (cluster->count + other->count);
              cluster->y = (cluster->y * cluster->count + other->y * other->count) / (cluster->count + other->count);
              cluster->count += other->count;
              cluster->radius = cluster_radius (cluster->count);
              cluster->faded = cluster->faded && other->faded;
              other->count = 0;
              merged = TRUE;
            }
        }
    }

  /* The counted markers make way for their clusters. */
  for (guint i = 0; i < n_items; i++)
    if (g_array_index (items, Item, i).count > 0)
      g_array_index (items, Item, kept++) = g_array_index (items, Item, i);
  g_array_set_size (items, kept);
  for (guint c = 0; c < counted->len; c++)
    if (g_array_index (counted, Item, c).count > 0)
      g_array_append_val (items, g_array_index (counted, Item, c));
}

/* A marker on screen, before it is known whether it is drawn alone: a
 * third of an Item, so that a view of 100,000 markers writes and reads back
 * little memory. */
typedef struct {
  double   x, y;
  guint    marker;
  gboolean faded;
} Point;

static Item
item_for_point (MerEventPainter *self,
                const Point     *point)
{
  const Marker *marker = &g_array_index (self->markers, Marker, point->marker);

  return (Item) {
    point->x, point->y, marker->radius, g_ptr_array_index (self->events, marker->event), 1, point->faded,
    FALSE, 0, 0, marker->place,
  };
}

/* The markers and clusters of a view. They do not depend on what is
 * selected or hovered, so that a new selection costs no relayout: the
 * selected and hovered events are drawn again on top. */
static void
layout_base (MerEventPainter  *self,
             const MerMapView *view,
             MerState         *state)
{
  g_autoptr(GArray) visible = g_array_new (FALSE, FALSE, sizeof (Point));
  gboolean filters = state != NULL && mer_state_has_filters (state);
  gboolean window = state != NULL && mer_state_get_time_window (state, NULL, NULL);
  gboolean hide_outside = window && mer_state_get_hide_outside_window (state);
  double margin = 12;
  double cx, cy, size;

  g_array_set_size (self->items, 0);

  /* mer_map_view_nearest_world_copy() and mer_map_view_normalized_to_point()
   * written out, with the centre and the world's size worked out once: per
   * marker they cost logarithms and powers, most of a frame with 100,000
   * markers. */
  mer_map_view_get_center_normalized (view, &cx, &cy);
  size = mer_map_view_get_world_size (view);

  for (guint i = 0; i < self->markers->len; i++)
    {
      const Marker *marker = &g_array_index (self->markers, Marker, i);
      double shift = ceil (cx - marker->nx - 0.5);
      Point point;

      point.x = (marker->nx + shift - cx) * size + view->width / 2.0;
      point.y = (marker->ny - cy) * size + view->height / 2.0;
      if (point.x < -margin || point.y < -margin || point.x > view->width + margin || point.y > view->height + margin)
        continue;

      point.marker = i;
      point.faded = FALSE;
      if (filters || window)
        {
          MerEvent *event = g_ptr_array_index (self->events, marker->event);

          if (filters && !mer_state_event_passes_filters (state, event))
            continue;
          if (window)
            {
              point.faded = !mer_state_event_in_window (state, event);
              if (point.faded && hide_outside)
                continue;
            }
        }
      g_array_append_val (visible, point);
    }

  if (visible->len <= MER_EVENT_CLUSTER_THRESHOLD)
    {
      for (guint i = 0; i < visible->len; i++)
        {
          Item item = item_for_point (self, &g_array_index (visible, Point, i));

          g_array_append_val (self->items, item);
        }
      spread_same_places (self->items, view);
    }
  else
    {
      guint columns = (guint) ceil ((view->width + 2 * margin) / MER_EVENT_CLUSTER_CELL) + 1;
      guint rows = (guint) ceil ((view->height + 2 * margin) / MER_EVENT_CLUSTER_CELL) + 1;
      g_autofree Cell *cells = g_new0 (Cell, (gsize) columns * rows);
      g_autofree guint *cell_of = g_new (guint, visible->len);
      g_autoptr(GArray) together = g_array_new (FALSE, FALSE, sizeof (Item));

      for (guint i = 0; i < visible->len; i++)
        {
          const Point *point = &g_array_index (visible, Point, i);
          guint column = (guint) CLAMP ((point->x + margin) / MER_EVENT_CLUSTER_CELL, 0, columns - 1);
          guint row = (guint) CLAMP ((point->y + margin) / MER_EVENT_CLUSTER_CELL, 0, rows - 1);
          Cell *cell = &cells[row * columns + column];

          cell_of[i] = row * columns + column;
          if (cell->count++ == 0)
            {
              cell->first = i;
              cell->x0 = cell->x1 = point->x;
              cell->y0 = cell->y1 = point->y;
            }
          cell->x0 = MIN (cell->x0, point->x);
          cell->x1 = MAX (cell->x1, point->x);
          cell->y0 = MIN (cell->y0, point->y);
          cell->y1 = MAX (cell->y1, point->y);
          cell->sx += point->x;
          cell->sy += point->y;
        }

      for (guint c = 0; c < columns * rows; c++)
        {
          const Cell *cell = &cells[c];

          if (cell->count == 1)
            {
              Item item = item_for_point (self, &g_array_index (visible, Point, cell->first));

              g_array_append_val (self->items, item);
            }
          else if (cell->count > 1 && !cell_is_one_place (cell))
            {
              Item cluster = {
                cell->sx / cell->count, cell->sy / cell->count,
                cluster_radius (cell->count), NULL, cell->count, FALSE,
              };

              g_array_append_val (self->items, cluster);
            }
        }

      for (guint i = 0; i < visible->len; i++)
        if (cell_is_one_place (&cells[cell_of[i]]))
          {
            Item item = item_for_point (self, &g_array_index (visible, Point, i));

            g_array_append_val (together, item);
          }
      spread_same_places (together, view);
      g_array_append_vals (self->items, together->data, together->len);
    }

  self->n_base = self->items->len;
  self->layout_view = *view;
  self->have_layout = TRUE;
}

static void
layout (MerEventPainter  *self,
        const MerMapView *view,
        MerState         *state)
{
  MerEvent *selected = state != NULL ? mer_state_get_selected_event (state) : NULL;
  MerEvent *hovered = state != NULL ? mer_state_get_hovered_event (state) : NULL;

  if (!self->have_layout || memcmp (&self->layout_view, view, sizeof *view) != 0)
    layout_base (self, view, state);

  g_array_set_size (self->items, self->n_base);

  /* The hovered and selected events come last, so they are drawn on top. */
  for (int pass = 0; pass < 2; pass++)
    {
      MerEvent *event = pass == 0 ? hovered : selected;
      const MerPlace *places;
      guint n_places, n_found;

      if (event == NULL || (pass == 0 && hovered == selected))
        continue;
      if (state != NULL && (!mer_state_event_passes_filters (state, event) ||
                            (mer_state_get_hide_outside_window (state) && !mer_state_event_in_window (state, event))))
        continue;

      /* Where the base layout put it, spread or not; at its places when
       * it is in a cluster. */
      n_found = 0;
      for (guint i = 0; i < self->n_base; i++)
        {
          Item item = g_array_index (self->items, Item, i);

          if (item.event != event)
            continue;
          item.radius += 2;
          item.faded = FALSE;
          g_array_append_val (self->items, item);
          n_found++;
        }
      if (n_found > 0)
        continue;

      places = mer_event_get_places (event, &n_places);
      for (guint p = 0; p < n_places; p++)
        {
          Item item = { 0, 0, mer_event_marker_radius (mer_event_get_importance (event)) + 2, event, 1, FALSE };

          item.place = p;

          mer_map_view_location_to_point (view, places[p].lat, places[p].lon, &item.x, &item.y);
          g_array_append_val (self->items, item);
        }
    }
}

static void
set_color (cairo_t        *cr,
           const MerColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static MerColor
event_color (MerEventPainter   *self,
             MerEvent          *event,
             const MerMapStyle *style)
{
  MerCategory *category = mer_event_get_category (event);
  guint32 rgb;
  MerColor *color;

  if (category == NULL || mer_category_get_color (category) == MER_NO_COLOR)
    return style->marker_default;

  if (style != self->colors_style)
    {
      g_hash_table_remove_all (self->colors);
      self->colors_style = style;
    }

  rgb = mer_category_get_color (category);
  color = g_hash_table_lookup (self->colors, GUINT_TO_POINTER (rgb));
  if (color == NULL)
    {
      color = g_new (MerColor, 1);
      *color = mer_map_style_marker_color (style, rgb);
      g_hash_table_insert (self->colors, GUINT_TO_POINTER (rgb), color);
    }

  return *color;
}

static void
set_color_rgba (cairo_t        *cr,
                const MerColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static cairo_surface_t *
get_sprite (MerEventPainter *self,
            const MerColor  *fill,
            const MerColor  *outline,
            double           radius,
            double           scale)
{
  gint64 key = ((gint64) lround (fill->red * 255) << 40) | ((gint64) lround (fill->green * 255) << 32) |
               ((gint64) lround (fill->blue * 255) << 24) | ((gint64) lround (fill->alpha * 255) << 16) |
               ((gint64) lround (radius * 4) << 4) | (gint64) MIN (scale, 15);
  cairo_surface_t *sprite = g_hash_table_lookup (self->sprites, &key);
  int size = (int) ceil ((radius + 2) * 2);
  cairo_t *cr;

  if (sprite != NULL)
    return sprite;

  sprite = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (size * scale), (int) (size * scale));
  cairo_surface_set_device_scale (sprite, scale, scale);
  cr = cairo_create (sprite);
  cairo_arc (cr, size / 2.0, size / 2.0, radius, 0, 2 * G_PI);
  set_color_rgba (cr, fill);
  cairo_fill_preserve (cr);
  set_color_rgba (cr, outline);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
  cairo_destroy (cr);

  g_hash_table_insert (self->sprites, g_memdup2 (&key, sizeof key), sprite);
  return sprite;
}

static void
draw_sprite (cairo_t         *cr,
             cairo_surface_t *sprite,
             double           x,
             double           y,
             double           scale,
             double           alpha)
{
  double size = cairo_image_surface_get_width (sprite) / scale;
  /* Whole device pixels: copying is then a plain blend, not a resampling. */
  double left = round ((x - size / 2) * scale) / scale;
  double top = round ((y - size / 2) * scale) / scale;

  cairo_set_source_surface (cr, sprite, left, top);
  if (alpha < 1)
    {
      cairo_save (cr);
      cairo_rectangle (cr, left, top, size, size);
      cairo_clip (cr);
      cairo_paint_with_alpha (cr, alpha);
      cairo_restore (cr);
      return;
    }
  cairo_rectangle (cr, left, top, size, size);
  cairo_fill (cr);
}

/* Events outside the time window stay, faded, to keep their context. */
#define FADED_ALPHA 0.25

static void
draw_marker (MerEventPainter   *self,
             cairo_t           *cr,
             const MerMapStyle *style,
             const MerColor    *fill,
             double             x,
             double             y,
             double             radius,
             double             scale,
             gboolean           faded)
{
  if (!self->vector)
    {
      draw_sprite (cr, get_sprite (self, fill, &style->marker_outline, radius, scale), x, y, scale,
                   faded ? FADED_ALPHA : 1);
      return;
    }

  cairo_new_path (cr);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  if (faded)
    cairo_push_group (cr);
  set_color_rgba (cr, fill);
  cairo_fill_preserve (cr);
  set_color_rgba (cr, &style->marker_outline);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
  if (faded)
    {
      cairo_pop_group_to_source (cr);
      cairo_paint_with_alpha (cr, FADED_ALPHA);
    }
}

static void
draw_clusters (MerEventPainter   *self,
               cairo_t           *cr,
               const MerMapStyle *style,
               double             scale)
{
  gboolean any = FALSE;

  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);

      if (item->event != NULL)
        continue;
      draw_marker (self, cr, style, &style->cluster, item->x, item->y, round (item->radius), scale, FALSE);
      any = TRUE;
    }
  if (!any)
    return;

  /* Counts are digits only: cairo's own text API draws them far faster
   * than laying each out with Pango, and they stay text in exports. */
  cairo_select_font_face (cr, "Cantarell", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, 11);
  set_color_rgba (cr, &style->cluster_text);
  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);
      char count[16];
      cairo_text_extents_t extents;

      if (item->event != NULL)
        continue;
      g_snprintf (count, sizeof count, "%u", item->count);
      cairo_text_extents (cr, count, &extents);
      cairo_move_to (cr, item->x - extents.width / 2 - extents.x_bearing,
                     item->y - extents.height / 2 - extents.y_bearing);
      cairo_show_text (cr, count);
    }
  cairo_new_path (cr);
}

/**
 * mer_event_painter_invalidate:
 *
 * Forgets the layout of the last view: the filters or the time window changed.
 */
void
mer_event_painter_invalidate (MerEventPainter *self)
{
  g_return_if_fail (self != NULL);
  self->have_layout = FALSE;
}

/**
 * mer_event_painter_set_vector:
 * @vector: whether every marker must be a path
 *
 * By default markers are copied from small pre-drawn images, which is much
 * faster on screen; vector exports ask for paths.
 */
void
mer_event_painter_set_vector (MerEventPainter *self,
                              gboolean         vector)
{
  g_return_if_fail (self != NULL);
  self->vector = vector;
}

/**
 * mer_event_painter_draw:
 * @cr: a context whose user space is the view's pixels
 * @state: (nullable): what is selected and hovered
 */
void
mer_event_painter_draw (MerEventPainter   *self,
                        cairo_t           *cr,
                        const MerMapView  *view,
                        const MerMapStyle *style,
                        MerState          *state)
{
  MerEvent *selected = state != NULL ? mer_state_get_selected_event (state) : NULL;
  MerEvent *hovered = state != NULL ? mer_state_get_hovered_event (state) : NULL;

  g_return_if_fail (self != NULL);

  layout (self, view, state);

  cairo_save (cr);
  cairo_new_path (cr);
  draw_clusters (self, cr, style, view->scale_factor);

  /* Spread markers hang on lines from their place, marked by a dot. */
  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);

      if (!item->spread)
        continue;
      cairo_move_to (cr, item->place_x, item->place_y);
      cairo_line_to (cr, item->x, item->y);
    }
  set_color (cr, &style->country_label);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);

      if (!item->spread)
        continue;
      cairo_new_sub_path (cr);
      cairo_arc (cr, item->place_x, item->place_y, PLACE_DOT_RADIUS, 0, 2 * G_PI);
    }
  cairo_fill (cr);

  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);
      MerColor fill;

      if (item->event == NULL)
        continue;

      fill = event_color (self, item->event, style);

      /* The hovered and selected events come last, on top, with a ring. */
      if (item->event == selected || item->event == hovered)
        {
          cairo_new_path (cr);
          cairo_arc (cr, item->x, item->y, item->radius + 4, 0, 2 * G_PI);
          set_color (cr, item->event == selected ? &style->selection : &style->hover);
          cairo_set_line_width (cr, item->event == selected ? 3 : 2);
          cairo_stroke (cr);
        }

      draw_marker (self, cr, style, &fill, item->x, item->y, item->radius, view->scale_factor, item->faded);
    }
  cairo_restore (cr);
}

/**
 * mer_event_painter_list_ink:
 * @ink: (element-type MerInk): where to append what the last
 *   mer_event_painter_draw() drew, in its order
 *
 * The clusters, the lines of spread markers and the markers with their
 * rings, each with the box of its pixels (see #MerInk).
 */
void
mer_event_painter_list_ink (MerEventPainter   *self,
                            const MerMapView  *view,
                            const MerMapStyle *style,
                            MerState          *state,
                            GArray            *ink)
{
  MerEvent *selected = state != NULL ? mer_state_get_selected_event (state) : NULL;
  MerEvent *hovered = state != NULL ? mer_state_get_hovered_event (state) : NULL;
  guint64 base;

  g_return_if_fail (self != NULL);
  g_return_if_fail (ink != NULL);

  base = mer_ink_hash (0, &style, sizeof style);
  base = mer_ink_hash (base, &view->scale_factor, sizeof view->scale_factor);
  base = mer_ink_hash (base, &self->vector, sizeof self->vector);

  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);
      double half;

      if (item->event != NULL)
        continue;
      /* The circle, and its count's digits, 7 pixels wide at most each. */
      half = MAX (round (item->radius) + 3, 4 * (floor (log10 (MAX (item->count, 1))) + 1) + 3);
      mer_ink_add (ink, item->x - half, item->y - half, item->x + half, item->y + half,
                   mer_ink_hash (base, &item->count, sizeof item->count));
    }

  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);
      double margin = PLACE_DOT_RADIUS + 2;

      if (!item->spread)
        continue;
      mer_ink_add (ink, MIN (item->x, item->place_x) - margin, MIN (item->y, item->place_y) - margin,
                   MAX (item->x, item->place_x) + margin, MAX (item->y, item->place_y) + margin, base);
    }

  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);
      struct {
        MerEvent *event;
        MerColor  fill;
        double    radius;
        gboolean  faded, selected, hovered;
      } look;
      double half;

      if (item->event == NULL)
        continue;
      memset (&look, 0, sizeof look);
      look.event = item->event;
      look.fill = event_color (self, item->event, style);
      look.radius = item->radius;
      look.faded = item->faded;
      look.selected = item->event == selected;
      look.hovered = item->event == hovered;
      /* The ring: 4 pixels out, 3 wide; else the marker's outline. */
      half = item->radius + (look.selected || look.hovered ? 7 : 3);
      mer_ink_add (ink, item->x - half, item->y - half, item->x + half, item->y + half,
                   mer_ink_hash (base, &look, sizeof look));
    }
}

/**
 * mer_event_painter_pick:
 * @x: a point of the view, in pixels
 * @y: a point of the view, in pixels
 * @hit: (out): what is under the point
 *
 * Returns: whether a marker or a cluster is under the point (within a few
 *   pixels of its edge); the topmost wins
 */
gboolean
mer_event_painter_pick (MerEventPainter  *self,
                        const MerMapView *view,
                        MerState         *state,
                        double            x,
                        double            y,
                        MerEventHit      *hit)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  layout (self, view, state);

  for (guint i = self->items->len; i > 0; i--)
    {
      const Item *item = &g_array_index (self->items, Item, i - 1);
      double reach = item->radius + 3;

      if ((item->x - x) * (item->x - x) + (item->y - y) * (item->y - y) <= reach * reach)
        {
          *hit = (MerEventHit) { item->event, item->count, item->x, item->y };
          return TRUE;
        }
    }

  return FALSE;
}

/* A label's text: the selected event's title, another event's place name
 * (its title when the place has none). */
static char *
event_label_markup (MerEvent *event,
                    guint     place,
                    gboolean  selected)
{
  const MerPlace *places;
  guint n_places;

  places = mer_event_get_places (event, &n_places);
  if (!selected && place < n_places && places[place].name != NULL && places[place].name[0] != '\0')
    return g_markup_escape_text (places[place].name, -1);
  return g_markup_escape_text (mer_event_get_title (event), -1);
}

/**
 * mer_event_painter_add_labels:
 * @labels: the picture's label pass, the size of @view
 * @state: (nullable): what is selected
 *
 * Adds every marker and cluster of the view to @labels as an obstacle (the
 * selected and the hovered with their rings), the lines of markers spread
 * round a place as an area the base map's names keep off, and a label for
 * each marker: the selected event's title first, then the other events'
 * place names, more important events first. Markers spread round one place
 * share one label at the place.
 */
void
mer_event_painter_add_labels (MerEventPainter  *self,
                              MerLabels        *labels,
                              const MerMapView *view,
                              MerState         *state)
{
  MerEvent *selected = state != NULL ? mer_state_get_selected_event (state) : NULL;
  MerEvent *hovered = state != NULL ? mer_state_get_hovered_event (state) : NULL;
  g_autoptr(GHashTable) spread_places = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree int *owners = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (labels != NULL);

  layout (self, view, state);

  owners = g_new (int, self->items->len);
  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);
      gboolean ringed = item->event != NULL && (item->event == selected || item->event == hovered);
      /* The ring mer_event_painter_draw() draws round them, line included. */
      double r = item->radius + (ringed ? 6 : 1);
      MerLabelBox box = { item->x - r, item->y - r, 2 * r, 2 * r };

      owners[i] = mer_labels_add_obstacle (labels, &box);
      if (item->spread)
        {
          /* The line from the place, with the place's dot. */
          double x0 = MIN (item->place_x - PLACE_DOT_RADIUS - 1, box.x);
          double y0 = MIN (item->place_y - PLACE_DOT_RADIUS - 1, box.y);
          double x1 = MAX (item->place_x + PLACE_DOT_RADIUS + 1, box.x + box.width);
          double y1 = MAX (item->place_y + PLACE_DOT_RADIUS + 1, box.y + box.height);

          mer_labels_add_area (labels, &(MerLabelBox) { x0, y0, x1 - x0, y1 - y0 }, MER_LABEL_PRIORITY_GAZETTEER);
        }
    }

  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);
      gboolean is_selected = item->event != NULL && item->event == selected;
      g_autofree char *markup = NULL;
      MerLabel label = {
        .x = item->x,
        .y = item->y,
        .gap = item->radius + 1,
        .anchor = MER_LABEL_ANCHOR_POINT,
        .style = MER_LABEL_STYLE_EVENT,
        .owner = owners[i],
      };

      if (item->event == NULL)
        continue;

      markup = event_label_markup (item->event, item->place, is_selected);
      label.markup = markup;
      label.priority = is_selected ? MER_LABEL_PRIORITY_SELECTED
                                   : MER_LABEL_PRIORITY_EVENT + 5 - CLAMP (mer_event_get_importance (item->event), 1, 5);

      if (item->spread && !is_selected)
        {
          gint64 key = ((gint64) lround (item->place_y) << 32) ^ (gint64) lround (item->place_x);

          if (g_hash_table_contains (spread_places, &key))
            continue;
          g_hash_table_add (spread_places, g_memdup2 (&key, sizeof key));
          /* Beside the ring of markers round the place. */
          label.x = item->place_x;
          label.y = item->place_y;
          label.gap = hypot (item->x - item->place_x, item->y - item->place_y) + item->radius + 1;
          label.owner = -1;
        }

      mer_labels_add (labels, &label);
    }
}

/**
 * mer_event_painter_list_markers:
 * @hits: (element-type MerEventHit): filled with the markers and clusters
 *   drawn for @view, an event's once (at its first place) however many
 *   places it has
 *
 * What the map shows, for assistive technologies.
 */
void
mer_event_painter_list_markers (MerEventPainter  *self,
                                const MerMapView *view,
                                MerState         *state,
                                GArray           *hits)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  g_return_if_fail (self != NULL);
  g_return_if_fail (hits != NULL);

  layout (self, view, state);
  g_array_set_size (hits, 0);
  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);
      MerEventHit hit = { item->event, item->count, item->x, item->y };

      if (item->event != NULL && !g_hash_table_add (seen, item->event))
        continue;
      g_array_append_val (hits, hit);
    }
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-labels"

#include "config.h"

#include "mer-labels.h"

#include "mer-ink.h"
#include "mer-text-image.h"

#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

/* The one label placement pass: the screen, every export, handout page and
 * slide put their labels through it, the base map's names with the events'
 * and regions' labels.
 *
 * Candidates are placed greedily in order of priority; each tries a few
 * positions around its anchor and takes the first where it overlaps no
 * label already placed, covers no obstacle (a marker) but its own, and —
 * for a frame — is not cut by the frame's edge. A sparse grid of cells
 * indexes what is placed, so each test looks at a few neighbours only.
 *
 * Text is measured once per font and text (MerLabelMeasure keeps the sizes),
 * with hinting off so that sizes do not depend on the surface. A measure
 * kept between the frames of a view also remembers where each text went in
 * the pass before, and a label tries that position first: names do not
 * jump from side to side while the map pans. */

#define CELL_SIZE 64.0
/* Air between two labels, and the halo around the text. */
#define LABEL_PADDING 2.0
#define HALO 1.5
#define DOT_RADIUS 2.5
/* An event's place label within this of a base-map name saying the same is
 * left out. */
#define REPEAT_DISTANCE 60.0
#define REGION_REPEAT_DISTANCE 200.0
/* Rings of eight places a large area's name may take round its point. */
#define REACH_RINGS 3
#define MAX_POSITIONS (11 + 8 * REACH_RINGS)

static const char *const fonts[MER_LABEL_N_STYLES] = {
  [MER_LABEL_STYLE_COUNTRY] = "Cantarell 9",
  [MER_LABEL_STYLE_WATER] = "Cantarell Italic 9",
  [MER_LABEL_STYLE_PLACE] = "Cantarell 8.5",
  [MER_LABEL_STYLE_EVENT] = "Cantarell Bold 9",
  [MER_LABEL_STYLE_REGION] = "Cantarell Bold 10",
};

struct _MerLabelMeasure
{
  PangoContext         *context;
  PangoFontDescription *fonts[MER_LABEL_N_STYLES];
  GHashTable           *sizes;   /* "style\x1fmarkup" → Size */
  guint                 pass;    /* mer_labels_place() calls so far */
};

/* Past this many texts the cache starts again: a long pan over a dense
 * story must not grow it without end. */
#define MAX_CACHED 4096

typedef struct {
  double       width, height;
  PangoLayout *layout;
  guint        placed_in;  /* the pass that last placed the text, or 0 */
  guint        position;   /* where that pass put it, by positions() */

  /* The text and its halo on an image, as last drawn, and its colours. */
  MerTextImage image;
  MerColor     image_color;
  MerColor     image_halo;
} Size;

static void
size_free (gpointer data)
{
  Size *size = data;

  g_object_unref (size->layout);
  mer_text_image_clear (&size->image);
  g_free (size);
}

typedef struct {
  MerLabel    label;
  guint       sequence;
} Candidate;

typedef struct {
  MerLabelBox box;
  int         owner;    /* an obstacle's own id; -1 for a label or an area */
  guint       from;     /* labels of this priority or after keep off it */
} Entry;

typedef struct {
  MerLabelBox box;
  MerLabel    label;    /* markup points into the chunk */
} Placed;

struct _MerLabels
{
  MerLabelMeasure *measure;
  double           width;
  double           height;
  gboolean         inside;

  GStringChunk    *strings;
  GArray          *candidates;   /* Candidate */
  GArray          *entries;      /* Entry: obstacles and areas, then labels as placed */
  GArray          *obstacles;    /* MerLabelBox, by obstacle id */
  GArray          *placed;       /* Placed */
  GHashTable      *cells;        /* cell key → GArray of entry indices */
  double           raster_scale; /* device pixels to a unit of the target */
};

/**
 * mer_label_measure_new:
 *
 * Sizes of label texts, kept between frames. Use it from one thread only.
 *
 * Returns: (transfer full): a new measure
 */
MerLabelMeasure *
mer_label_measure_new (void)
{
  MerLabelMeasure *self = g_new0 (MerLabelMeasure, 1);
  cairo_font_options_t *options = cairo_font_options_create ();

  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);

  for (guint i = 0; i < MER_LABEL_N_STYLES; i++)
    self->fonts[i] = pango_font_description_from_string (fonts[i]);
  self->sizes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, size_free);

  return self;
}

void
mer_label_measure_free (MerLabelMeasure *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->sizes);
  for (guint i = 0; i < MER_LABEL_N_STYLES; i++)
    pango_font_description_free (self->fonts[i]);
  g_object_unref (self->context);
  g_free (self);
}

static PangoLayout *
create_layout (MerLabelMeasure *self,
               MerLabelStyle    style,
               const char      *markup)
{
  PangoLayout *layout = pango_layout_new (self->context);

  pango_layout_set_font_description (layout, self->fonts[style]);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

/* The text's size and its layout, made once. */
static Size *
measure (MerLabelMeasure *self,
         MerLabelStyle    style,
         const char      *markup)
{
  g_autofree char *key = g_strdup_printf ("%d\x1f%s", style, markup);
  Size *size = g_hash_table_lookup (self->sizes, key);

  if (size == NULL)
    {
      PangoRectangle logical;

      if (g_hash_table_size (self->sizes) >= MAX_CACHED)
        g_hash_table_remove_all (self->sizes);

      size = g_new0 (Size, 1);
      size->layout = create_layout (self, style, markup);
      pango_layout_get_extents (size->layout, NULL, &logical);
      size->width = (double) logical.width / PANGO_SCALE + 2 * HALO;
      size->height = (double) logical.height / PANGO_SCALE + 2 * HALO;
      g_hash_table_insert (self->sizes, g_steal_pointer (&key), size);
    }

  return size;
}

/**
 * mer_labels_new:
 * @measure: (transfer none): kept while the labels live
 * @width: the frame's width
 * @height: the frame's height
 * @inside: whether labels must lie wholly inside the frame (a picture);
 *   %FALSE for the whole world of a zoom, which tiles cut
 *
 * Returns: (transfer full): an empty set of labels
 */
MerLabels *
mer_labels_new (MerLabelMeasure *measure,
                double           width,
                double           height,
                gboolean         inside)
{
  MerLabels *self = g_new0 (MerLabels, 1);

  self->measure = measure;
  self->width = width;
  self->height = height;
  self->inside = inside;
  self->raster_scale = 1;
  self->strings = g_string_chunk_new (4096);
  self->candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  self->obstacles = g_array_new (FALSE, FALSE, sizeof (MerLabelBox));
  self->placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  self->cells = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_array_unref);

  return self;
}

void
mer_labels_free (MerLabels *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->cells);
  g_array_unref (self->placed);
  g_array_unref (self->obstacles);
  g_array_unref (self->entries);
  g_array_unref (self->candidates);
  g_string_chunk_free (self->strings);
  g_free (self);
}

static inline gint64
cell_key (gint64 col,
          gint64 row)
{
  return (row << 32) ^ (col & 0xffffffff);
}

static void
index_entry (MerLabels *self,
             guint      index)
{
  const Entry *entry = &g_array_index (self->entries, Entry, index);
  gint64 col0 = (gint64) floor (entry->box.x / CELL_SIZE);
  gint64 col1 = (gint64) floor ((entry->box.x + entry->box.width) / CELL_SIZE);
  gint64 row0 = (gint64) floor (entry->box.y / CELL_SIZE);
  gint64 row1 = (gint64) floor ((entry->box.y + entry->box.height) / CELL_SIZE);

  for (gint64 row = row0; row <= row1; row++)
    for (gint64 col = col0; col <= col1; col++)
      {
        gint64 key = cell_key (col, row);
        GArray *cell = g_hash_table_lookup (self->cells, &key);

        if (cell == NULL)
          {
            cell = g_array_sized_new (FALSE, FALSE, sizeof (guint), 4);
            g_hash_table_insert (self->cells, g_memdup2 (&key, sizeof key), cell);
          }
        g_array_append_val (cell, index);
      }
}

static inline gboolean
boxes_overlap (const MerLabelBox *a,
               const MerLabelBox *b,
               double             padding)
{
  return a->x < b->x + b->width + padding && b->x < a->x + a->width + padding &&
         a->y < b->y + b->height + padding && b->y < a->y + a->height + padding;
}

/* Whether @box is free for a label of @priority: no label placed, no
 * obstacle but @owner's and no area that label keeps off in it. */
static gboolean
box_is_free (MerLabels         *self,
             const MerLabelBox *box,
             int                owner,
             guint              priority)
{
  gint64 col0 = (gint64) floor ((box->x - LABEL_PADDING) / CELL_SIZE);
  gint64 col1 = (gint64) floor ((box->x + box->width + LABEL_PADDING) / CELL_SIZE);
  gint64 row0 = (gint64) floor ((box->y - LABEL_PADDING) / CELL_SIZE);
  gint64 row1 = (gint64) floor ((box->y + box->height + LABEL_PADDING) / CELL_SIZE);

  if (self->inside &&
      (box->x < 0 || box->y < 0 || box->x + box->width > self->width || box->y + box->height > self->height))
    return FALSE;

  for (gint64 row = row0; row <= row1; row++)
    for (gint64 col = col0; col <= col1; col++)
      {
        gint64 key = cell_key (col, row);
        GArray *cell = g_hash_table_lookup (self->cells, &key);

        if (cell == NULL)
          continue;
        for (guint i = 0; i < cell->len; i++)
          {
            const Entry *entry = &g_array_index (self->entries, Entry, g_array_index (cell, guint, i));

            if ((owner >= 0 && entry->owner == owner) || priority < entry->from)
              continue;
            if (boxes_overlap (box, &entry->box, entry->owner < 0 ? LABEL_PADDING : 0))
              return FALSE;
          }
      }

  return TRUE;
}

/**
 * mer_labels_add_obstacle:
 * @box: what labels must not cover: a marker, a piece of furniture
 *
 * Obstacles are added before mer_labels_place().
 *
 * Returns: the obstacle's id, for #MerLabel.owner
 */
int
mer_labels_add_obstacle (MerLabels         *self,
                         const MerLabelBox *box)
{
  Entry entry = { *box, (int) self->obstacles->len, 0 };

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (self->placed->len == 0, -1);

  g_array_append_val (self->entries, entry);
  index_entry (self, self->entries->len - 1);
  g_array_append_val (self->obstacles, *box);
  return entry.owner;
}

/**
 * mer_labels_add_area:
 * @box: what labels from @from on must not cover
 * @from: a priority (#MerLabelPriority plus a rank)
 *
 * Keeps the labels of priority @from or after off @box: the lines of a
 * ring of markers spread round their place, which the base map's names
 * must not cross but the markers' own labels may reach into. Areas are
 * added before mer_labels_place(); they are not obstacles and have no id.
 */
void
mer_labels_add_area (MerLabels         *self,
                     const MerLabelBox *box,
                     guint              from)
{
  Entry entry = { *box, -1, from };

  g_return_if_fail (self != NULL);
  g_return_if_fail (self->placed->len == 0);

  g_array_append_val (self->entries, entry);
  index_entry (self, self->entries->len - 1);
}

/**
 * mer_labels_add:
 * @label: a candidate; its markup is copied
 */
void
mer_labels_add (MerLabels      *self,
                const MerLabel *label)
{
  Candidate candidate = { *label, self->candidates->len };

  g_return_if_fail (self != NULL);
  g_return_if_fail (label->markup != NULL);

  candidate.label.markup = g_string_chunk_insert_const (self->strings, candidate.label.markup);
  if (candidate.label.name != NULL)
    candidate.label.name = g_string_chunk_insert_const (self->strings, candidate.label.name);
  g_array_append_val (self->candidates, candidate);
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a, *cb = b;

  if (ca->label.priority != cb->label.priority)
    return ca->label.priority < cb->label.priority ? -1 : 1;
  return ca->sequence < cb->sequence ? -1 : ca->sequence > cb->sequence;
}

/* The positions a label may take, best first. */
static guint
positions (const MerLabel *label,
           Size            size,
           MerLabelBox    *out)
{
  double x = label->x, y = label->y, w = size.width, h = size.height;
  double g = label->gap + 1;
  double d = g * 0.7;

  /* An area's name may move off its point by a little, not beside it. */
  if (label->anchor == MER_LABEL_ANCHOR_CENTRE)
    {
      static const double offsets[][2] = { { 0, 0 }, { 0, -1 }, { 0, 1 }, { 1, 0 }, { -1, 0 },
                                           { 1, -1 }, { -1, -1 }, { 1, 1 }, { -1, 1 }, { 0, -2 }, { 0, 2 } };
      double dy = h / 2 + 2, dx = MIN (w / 2, 40);

      guint n = 0;

      for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
        out[n++] = (MerLabelBox) { x - w / 2 + offsets[i][0] * dx, y - h / 2 + offsets[i][1] * dy, w, h };

      /* A large area's name may go further, in rings round its point. */
      for (guint ring = 1; label->reach > 0 && ring <= REACH_RINGS; ring++)
        for (guint k = 0; k < 8; k++)
          {
            double r = label->reach * ring / REACH_RINGS, angle = G_PI / 2 + k * G_PI / 4;

            out[n++] = (MerLabelBox) { x - w / 2 + r * cos (angle), y - h / 2 + r * sin (angle), w, h };
          }
      return n;
    }

  out[0] = (MerLabelBox) { x + g, y - h / 2, w, h };
  out[1] = (MerLabelBox) { x - g - w, y - h / 2, w, h };
  out[2] = (MerLabelBox) { x - w / 2, y - g - h, w, h };
  out[3] = (MerLabelBox) { x - w / 2, y + g, w, h };
  out[4] = (MerLabelBox) { x + d, y - d - h, w, h };
  out[5] = (MerLabelBox) { x - d - w, y - d - h, w, h };
  out[6] = (MerLabelBox) { x + d, y + d, w, h };
  out[7] = (MerLabelBox) { x - d - w, y + d, w, h };
  return 8;
}

static char *
first_line (const char *markup)
{
  const char *end = strchr (markup, '\n');

  return end != NULL ? g_strndup (markup, end - markup) : g_strdup (markup);
}

/* What a label says, to find it said twice: a base-map name shown in
 * Japanese still repeats the story's English place name. */
static char *
said (const MerLabel *label)
{
  if (label->name != NULL)
    return g_markup_escape_text (label->name, -1);
  return first_line (label->markup);
}

/* A name said twice close by is said once. An event's place label takes
 * the place of a base-map name saying the same, with the base map's names
 * in other languages if it has them: it is placed round its marker, where
 * the base-map name might find no room. A base-map name gives way to a
 * story region's. */
static void
drop_repeated_names (MerLabels *self)
{
  g_autoptr(GHashTable) gazetteer = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) regions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree gboolean *dropped = g_new0 (gboolean, self->candidates->len);
  guint kept = 0;

  /* A base-map name is known by what it shows and by its English name. */
  for (guint i = 0; i < self->candidates->len; i++)
    {
      Candidate *c = &g_array_index (self->candidates, Candidate, i);

      if (c->label.priority >= MER_LABEL_PRIORITY_GAZETTEER)
        {
          g_hash_table_insert (gazetteer, first_line (c->label.markup), GUINT_TO_POINTER (i));
          g_hash_table_insert (gazetteer, said (&c->label), GUINT_TO_POINTER (i));
        }
      else if (c->label.priority >= MER_LABEL_PRIORITY_REGION && c->label.priority < MER_LABEL_PRIORITY_EVENT)
        g_hash_table_insert (regions, first_line (c->label.markup), GUINT_TO_POINTER (i));
    }

  for (guint i = 0; i < self->candidates->len; i++)
    {
      Candidate *c = &g_array_index (self->candidates, Candidate, i);
      g_autofree char *line = first_line (c->label.markup);
      gpointer found;
      const Candidate *same;

      if (c->label.priority >= MER_LABEL_PRIORITY_GAZETTEER)
        {
          g_autofree char *name = said (&c->label);

          if (g_hash_table_lookup_extended (regions, line, NULL, &found) ||
              g_hash_table_lookup_extended (regions, name, NULL, &found))
            {
              same = &g_array_index (self->candidates, Candidate, GPOINTER_TO_UINT (found));
              if (hypot (same->label.x - c->label.x, same->label.y - c->label.y) < REGION_REPEAT_DISTANCE)
                dropped[i] = TRUE;
            }
        }
      else if (c->label.priority >= MER_LABEL_PRIORITY_EVENT &&
               g_hash_table_lookup_extended (gazetteer, line, NULL, &found))
        {
          guint j = GPOINTER_TO_UINT (found);

          same = &g_array_index (self->candidates, Candidate, j);
          if (hypot (same->label.x - c->label.x, same->label.y - c->label.y) < REPEAT_DISTANCE)
            {
              c->label.markup = same->label.markup;
              dropped[j] = TRUE;
            }
        }
    }

  for (guint i = 0; i < self->candidates->len; i++)
    if (!dropped[i])
      g_array_index (self->candidates, Candidate, kept++) = g_array_index (self->candidates, Candidate, i);
  g_array_set_size (self->candidates, kept);
}

/**
 * mer_labels_place:
 *
 * Places the candidates added so far, in order of priority (then in the
 * order they were added). Call once. A label tries first the position its
 * text took in the last pass with the same measure, if that pass was the
 * one just before: with one measure per view, the previous frame's.
 */
void
mer_labels_place (MerLabels *self)
{
  guint pass;

  g_return_if_fail (self != NULL);

  pass = ++self->measure->pass;
  drop_repeated_names (self);
  g_array_sort (self->candidates, compare_candidates);

  for (guint i = 0; i < self->candidates->len; i++)
    {
      const MerLabel *label = &g_array_index (self->candidates, Candidate, i).label;
      MerLabelBox boxes[MAX_POSITIONS];
      MerLabelBox dot = { label->x - DOT_RADIUS, label->y - DOT_RADIUS, 2 * DOT_RADIUS, 2 * DOT_RADIUS };
      guint order[MAX_POSITIONS];
      guint n;
      Size *size;

      /* The anchor itself must be in the frame (a large area's, within its
       * reach), and a city's dot free. */
      if (self->inside &&
          (label->x < -label->reach || label->y < -label->reach || label->x > self->width + label->reach ||
           label->y > self->height + label->reach))
        continue;
      if (label->dot && !box_is_free (self, &dot, label->owner, label->priority))
        continue;

      size = measure (self->measure, label->style, label->markup);
      n = positions (label, *size, boxes);
      /* The position the pass before took first, then the others in order. */
      for (guint k = 0; k < n; k++)
        order[k] = k;
      if (size->placed_in != 0 && size->placed_in == pass - 1 && size->position < n)
        {
          memmove (order + 1, order, size->position * sizeof (guint));
          order[0] = size->position;
        }
      for (guint k = 0; k < n; k++)
        {
          guint p = order[k];

          if (!box_is_free (self, &boxes[p], label->owner, label->priority))
            continue;
          if (label->dot && boxes_overlap (&boxes[p], &dot, 0))
            continue;

          {
            Placed placed = { boxes[p], *label };
            Entry entry = { boxes[p], -1, 0 };

            g_array_append_val (self->placed, placed);
            g_array_append_val (self->entries, entry);
            index_entry (self, self->entries->len - 1);
            if (label->dot)
              {
                Entry dot_entry = { dot, -1, 0 };

                g_array_append_val (self->entries, dot_entry);
                index_entry (self, self->entries->len - 1);
              }
          }
          size->placed_in = pass;
          size->position = p;
          break;
        }
    }
}

guint
mer_labels_get_n_placed (MerLabels *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->placed->len;
}

/**
 * mer_labels_get_placed:
 * @box: (out) (optional): where the label went, halo included
 * @label: (out) (optional): the label; its markup is borrowed
 */
void
mer_labels_get_placed (MerLabels   *self,
                       guint        index,
                       MerLabelBox *box,
                       MerLabel    *label)
{
  const Placed *placed;

  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->placed->len);

  placed = &g_array_index (self->placed, Placed, index);
  if (box != NULL)
    *box = placed->box;
  if (label != NULL)
    *label = placed->label;
}

/**
 * mer_labels_get_placed_owner:
 *
 * Returns: the obstacle the placed label belongs to, or -1
 */
int
mer_labels_get_placed_owner (MerLabels *self,
                             guint      index)
{
  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (index < self->placed->len, -1);

  return g_array_index (self->placed, Placed, index).label.owner;
}

guint
mer_labels_get_n_obstacles (MerLabels *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->obstacles->len;
}

void
mer_labels_get_obstacle (MerLabels   *self,
                         guint        index,
                         MerLabelBox *box)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->obstacles->len);

  *box = g_array_index (self->obstacles, MerLabelBox, index);
}

static void
set_color (cairo_t        *cr,
           const MerColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

/**
 * mer_labels_set_raster_scale:
 * @scale: device pixels to a unit of the surface the labels are drawn on
 *
 * For a surface rasterised later at a scale of its own, such as the
 * recording of a widget on a screen with 2 device pixels to a pixel: the
 * labels' images are drawn for that scale. 1 unless set.
 */
void
mer_labels_set_raster_scale (MerLabels *self,
                             double     scale)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (scale > 0);

  self->raster_scale = scale;
}

static const double halo_offsets[][2] = {
  { 1, 0 }, { -1, 0 }, { 0, 1 }, { 0, -1 }, { 0.7, 0.7 }, { -0.7, 0.7 }, { 0.7, -0.7 }, { -0.7, -0.7 },
};

/* The text with its halo, its origin at (0, 0): the glyphs copied round
 * it make the halo, since stroking the outlines of every glyph costs ten
 * times more on an image. */
static void
draw_text_raster (cairo_t        *cr,
                  PangoLayout    *layout,
                  const MerColor *color,
                  const MerColor *halo)
{
  set_color (cr, halo);
  for (guint k = 0; k < G_N_ELEMENTS (halo_offsets); k++)
    {
      cairo_move_to (cr, HALO * halo_offsets[k][0], HALO * halo_offsets[k][1]);
      pango_cairo_show_layout (cr, layout);
    }
  cairo_move_to (cr, 0, 0);
  set_color (cr, color);
  pango_cairo_show_layout (cr, layout);
}

/* A label on a raster: its text and halo drawn once on an image (again
 * when a colour or the scale changed) and copied with the text's origin at
 * (@x, @y), so that a label that stays from a frame to the next costs a
 * copy, not nine runs of text. Returns %FALSE where @cr's transformation is
 * not a plain scale, for the caller to draw the text itself. */
static gboolean
draw_image (MerLabels      *self,
            cairo_t        *cr,
            Size           *size,
            double          x,
            double          y,
            const MerColor *color,
            const MerColor *halo)
{
  double scale;

  if (!mer_text_image_get_scale (cr, self->raster_scale, &scale))
    return FALSE;

  if (size->image.surface == NULL || size->image.scale != scale ||
      memcmp (color, &size->image_color, sizeof *color) != 0 || memcmp (halo, &size->image_halo, sizeof *halo) != 0)
    {
      cairo_t *image_cr = mer_text_image_begin (&size->image, size->layout, HALO, scale);

      draw_text_raster (image_cr, size->layout, color, halo);
      mer_text_image_end (&size->image, image_cr);
      size->image_color = *color;
      size->image_halo = *halo;
    }
  mer_text_image_paint (&size->image, cr, self->raster_scale, x, y);
  return TRUE;
}

/**
 * mer_labels_draw:
 * @cr: a context whose user space is the frame's
 *
 * Draws the placed labels, each over a halo.
 */
void
mer_labels_draw (MerLabels         *self,
                 cairo_t           *cr,
                 const MerMapStyle *style)
{
  gboolean raster;

  g_return_if_fail (self != NULL);

  raster = mer_text_image_is_raster (cr);

  cairo_save (cr);
  for (guint i = 0; i < self->placed->len; i++)
    {
      const Placed *placed = &g_array_index (self->placed, Placed, i);
      const MerLabel *label = &placed->label;
      Size *size = measure (self->measure, label->style, label->markup);
      double x = placed->box.x + HALO, y = placed->box.y + HALO;
      MerColor color;

      if (label->dot)
        {
          cairo_new_path (cr);
          cairo_arc (cr, label->x, label->y, DOT_RADIUS - 0.5, 0, 2 * G_PI);
          set_color (cr, &style->label_halo);
          cairo_set_line_width (cr, 1.5);
          cairo_stroke_preserve (cr);
          set_color (cr, &style->country_label);
          cairo_fill (cr);
        }

      switch (label->style)
        {
        case MER_LABEL_STYLE_WATER:
          color = style->sea_label;
          break;
        case MER_LABEL_STYLE_REGION:
          color = label->color;
          break;
        case MER_LABEL_STYLE_COUNTRY:
        case MER_LABEL_STYLE_PLACE:
        case MER_LABEL_STYLE_EVENT:
        case MER_LABEL_N_STYLES:
        default:
          color = style->country_label;
          break;
        }

      if (raster && draw_image (self, cr, size, x, y, &color, &style->label_halo))
        continue;

      if (raster)
        {
          cairo_save (cr);
          cairo_translate (cr, x, y);
          draw_text_raster (cr, size->layout, &color, &style->label_halo);
          cairo_restore (cr);
        }
      else
        {
          /* A vector file keeps one copy of the text, outlined. */
          set_color (cr, &style->label_halo);
          cairo_move_to (cr, x, y);
          pango_cairo_layout_path (cr, size->layout);
          cairo_set_line_width (cr, 2 * HALO + 0.5);
          cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
          cairo_stroke (cr);
          cairo_move_to (cr, x, y);
          set_color (cr, &color);
          pango_cairo_show_layout (cr, size->layout);
        }
      cairo_new_path (cr);
    }
  cairo_restore (cr);
}

/**
 * mer_labels_list_ink:
 * @ink: (element-type MerInk): where to append the labels
 *   mer_labels_draw() draws with @style, in its order
 *
 * Each label with the box of its pixels (see #MerInk): its text and halo,
 * with room for glyphs that reach past their text's extents, and its dot.
 */
void
mer_labels_list_ink (MerLabels         *self,
                     const MerMapStyle *style,
                     GArray            *ink)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (ink != NULL);

  for (guint i = 0; i < self->placed->len; i++)
    {
      const Placed *placed = &g_array_index (self->placed, Placed, i);
      const MerLabel *label = &placed->label;
      const double margin = 3;
      double x0 = placed->box.x - margin, y0 = placed->box.y - margin;
      double x1 = placed->box.x + placed->box.width + margin, y1 = placed->box.y + placed->box.height + margin;
      guint64 key = mer_ink_hash (0, &style, sizeof style);

      key = mer_ink_hash (key, &self->raster_scale, sizeof self->raster_scale);
      key = mer_ink_hash (key, label->markup, strlen (label->markup));
      key = mer_ink_hash (key, &label->style, sizeof label->style);
      if (label->style == MER_LABEL_STYLE_REGION)
        key = mer_ink_hash (key, &label->color, sizeof label->color);
      key = mer_ink_hash (key, &label->dot, sizeof label->dot);
      if (label->dot)
        {
          key = mer_ink_hash (key, &label->x, sizeof label->x);
          key = mer_ink_hash (key, &label->y, sizeof label->y);
          x0 = MIN (x0, label->x - DOT_RADIUS - 1);
          y0 = MIN (y0, label->y - DOT_RADIUS - 1);
          x1 = MAX (x1, label->x + DOT_RADIUS + 1);
          y1 = MAX (y1, label->y + DOT_RADIUS + 1);
        }
      mer_ink_add (ink, x0, y0, x1, y1, key);
    }
}

/**
 * mer_labels_dup_story_languages:
 * @document: (nullable): a story
 *
 * The languages a story names its regions in, besides English, in the
 * order they first appear: the languages disputed places are named in.
 *
 * Returns: (transfer full): language codes, %NULL-terminated
 */
GStrv
mer_labels_dup_story_languages (MerDocument *document)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *regions;

  if (document == NULL)
    return g_strv_builder_end (builder);

  regions = mer_document_get_regions (document);
  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(MerRegion) region = g_list_model_get_item (regions, i);
      const MerName *names;
      guint n_names;

      names = mer_region_get_names (region, &n_names);
      for (guint n = 0; n < n_names; n++)
        if (!g_str_equal (names[n].lang, "en") && g_hash_table_add (seen, (gpointer) names[n].lang))
          g_strv_builder_add (builder, names[n].lang);
    }

  return g_strv_builder_end (builder);
}

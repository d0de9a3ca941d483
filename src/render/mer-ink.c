/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-ink"

#include "config.h"

#include "mer-ink.h"

#include <math.h>
#include <stdlib.h>

/* What changed between two frames of a drawing, from the items each frame
 * drew in order: an item drawn in one frame and not the other (by its key,
 * which holds its box), and two overlapping items drawn in both frames but
 * in the other order. Everything else is drawn the same in both frames. */

#define FNV_OFFSET G_GUINT64_CONSTANT (0xcbf29ce484222325)
#define FNV_PRIME G_GUINT64_CONSTANT (0x100000001b3)

/**
 * mer_ink_hash:
 * @hash: the hash so far, or 0 to start one
 *
 * Returns: @hash with @size bytes of @data added
 */
guint64
mer_ink_hash (guint64       hash,
              gconstpointer data,
              gsize         size)
{
  const guchar *bytes = data;

  if (hash == 0)
    hash = FNV_OFFSET;
  for (gsize i = 0; i < size; i++)
    hash = (hash ^ bytes[i]) * FNV_PRIME;
  return hash;
}

/**
 * mer_ink_add:
 * @ink: (element-type MerInk): the items drawn so far, in order
 * @key: what decides the item's pixels besides its box
 *
 * Appends an item whose pixels lie within (@x0, @y0)–(@x1, @y1).
 */
void
mer_ink_add (GArray  *ink,
             double   x0,
             double   y0,
             double   x1,
             double   y1,
             guint64  key)
{
  MerInk item = { x0, y0, x1, y1, 0 };

  g_return_if_fail (ink != NULL);

  item.key = mer_ink_hash (key, &item, sizeof (double) * 4);
  g_array_append_val (ink, item);
}

typedef struct {
  guint64 key;
  guint   index;
} Entry;

static int
compare_entries (const void *a,
                 const void *b)
{
  const Entry *x = a, *y = b;

  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

static Entry *
sorted_entries (const GArray *ink)
{
  Entry *entries = g_new (Entry, MAX (ink->len, 1));

  for (guint i = 0; i < ink->len; i++)
    entries[i] = (Entry) { g_array_index (ink, MerInk, i).key, i };
  qsort (entries, ink->len, sizeof (Entry), compare_entries);
  return entries;
}

static int
compare_indices (gconstpointer a,
                 gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

static void
damage_box (cairo_region_t *damage,
            const MerInk   *item,
            double          scale)
{
  int x0 = (int) floor (item->x0 * scale), y0 = (int) floor (item->y0 * scale);
  int x1 = (int) ceil (item->x1 * scale), y1 = (int) ceil (item->y1 * scale);

  if (x1 > x0 && y1 > y0)
    cairo_region_union_rectangle (damage, &(cairo_rectangle_int_t) { x0, y0, x1 - x0, y1 - y0 });
}

static gboolean
overlap (const MerInk *a,
         const MerInk *b)
{
  return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

/**
 * mer_ink_add_damage:
 * @before: (element-type MerInk): the items of the last frame, in the order
 *   drawn
 * @after: (element-type MerInk): this frame's
 * @scale: device pixels to a unit of the drawing
 * @damage: where to add, in device pixels, the boxes of the items that
 *   differ between the two frames
 *
 * Pixels outside the boxes added are the same in both frames, if each
 * item's pixels lie within its box and depend only on what its key holds.
 */
void
mer_ink_add_damage (const GArray   *before,
                    const GArray   *after,
                    double          scale,
                    cairo_region_t *damage)
{
  g_autofree Entry *old = NULL, *now = NULL;
  g_autofree guint *pair = NULL;
  g_autoptr(GArray) kept = NULL;
  gboolean in_order = TRUE;
  guint i = 0, j = 0;

  g_return_if_fail (before != NULL && after != NULL && damage != NULL);

  /* Matched by key, the n-th item of a key to the n-th: the others went
   * or came. */
  old = sorted_entries (before);
  now = sorted_entries (after);
  pair = g_new (guint, MAX (after->len, 1));
  kept = g_array_new (FALSE, FALSE, sizeof (guint));
  while (i < before->len || j < after->len)
    {
      if (j >= after->len || (i < before->len && old[i].key < now[j].key))
        damage_box (damage, &g_array_index (before, MerInk, old[i++].index), scale);
      else if (i >= before->len || now[j].key < old[i].key)
        damage_box (damage, &g_array_index (after, MerInk, now[j++].index), scale);
      else
        {
          pair[now[j].index] = old[i].index;
          g_array_append_val (kept, now[j].index);
          i++, j++;
        }
    }

  /* Two items kept whose boxes meet, drawn in the other order now: where
   * they meet, the one on top changed. Most frames keep the order. */
  g_array_sort (kept, compare_indices);
  for (guint a = 1; a < kept->len && in_order; a++)
    in_order = pair[g_array_index (kept, guint, a - 1)] < pair[g_array_index (kept, guint, a)];
  for (guint a = 0; a < kept->len && !in_order; a++)
    for (guint b = a + 1; b < kept->len; b++)
      {
        guint ia = g_array_index (kept, guint, a), ib = g_array_index (kept, guint, b);
        const MerInk *x = &g_array_index (after, MerInk, ia), *y = &g_array_index (after, MerInk, ib);

        if (pair[ia] > pair[ib] && overlap (x, y))
          {
            damage_box (damage, x, scale);
            damage_box (damage, y, scale);
          }
      }
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-time-index"

#include "config.h"

#include "mer-time-index.h"

/* An implicit augmented interval tree (after Heng Li's cgranges): the items,
 * sorted by their first second, are the in-order nodes of a complete binary
 * tree laid over the array, and each node stores the largest last second in
 * its subtree. A window query visits O(log n + hits) nodes and needs no
 * pointers: three arrays of n integers. */
struct _MerTimeIndex
{
  gint64 *firsts;
  gint64 *lasts;
  gint64 *max_lasts;
  guint   n_items;
  int     max_level;
};

static int
build_max_lasts (MerTimeIndex *self)
{
  gint64 n = self->n_items;
  gint64 last_i = 0;
  gint64 last = 0;
  int k;

  for (gint64 i = 0; i < n; i += 2)
    {
      last_i = i;
      last = self->max_lasts[i] = self->lasts[i];
    }

  for (k = 1; (G_GINT64_CONSTANT (1) << k) <= n; k++)
    {
      gint64 x = G_GINT64_CONSTANT (1) << (k - 1);
      gint64 i0 = (x << 1) - 1;
      gint64 step = x << 2;

      for (gint64 i = i0; i < n; i += step)
        {
          gint64 left = self->max_lasts[i - x];
          gint64 right = i + x < n ? self->max_lasts[i + x] : last;
          gint64 e = self->lasts[i];

          e = MAX (e, left);
          e = MAX (e, right);
          self->max_lasts[i] = e;
        }

      /* Up to the parent of the rightmost node at the level below: it is the
       * left child when bit k is clear. */
      last_i = (last_i >> k & 1) ? last_i - x : last_i + x;
      if (last_i < n && self->max_lasts[last_i] > last)
        last = self->max_lasts[last_i];
    }

  return k - 1;
}

/**
 * mer_time_index_new:
 * @firsts: (array length=n_items): each item's first second, ascending
 * @lasts: (array length=n_items): each item's inclusive last second
 *
 * Returns: (transfer full): an index answering window queries
 */
MerTimeIndex *
mer_time_index_new (const gint64 *firsts,
                    const gint64 *lasts,
                    guint         n_items)
{
  return mer_time_index_new_take (g_memdup2 (firsts, sizeof (gint64) * n_items),
                                  g_memdup2 (lasts, sizeof (gint64) * n_items), n_items);
}

/**
 * mer_time_index_new_take:
 * @firsts: (transfer full) (array length=n_items): as for mer_time_index_new()
 * @lasts: (transfer full) (array length=n_items): as for mer_time_index_new()
 *
 * Like mer_time_index_new(), keeping the arrays rather than copies of them,
 * so that a large document does not hold both while it is indexed.
 *
 * Returns: (transfer full): an index answering window queries
 */
MerTimeIndex *
mer_time_index_new_take (gint64 *firsts,
                         gint64 *lasts,
                         guint   n_items)
{
  MerTimeIndex *self = g_new0 (MerTimeIndex, 1);

  self->n_items = n_items;
  self->firsts = firsts;
  self->lasts = lasts;
  self->max_lasts = g_new (gint64, MAX (n_items, 1));

  for (guint i = 1; i < n_items; i++)
    g_return_val_if_fail (firsts[i - 1] <= firsts[i], self);

  self->max_level = n_items > 0 ? build_max_lasts (self) : -1;

  return self;
}

void
mer_time_index_free (MerTimeIndex *self)
{
  if (self == NULL)
    return;

  g_free (self->firsts);
  g_free (self->lasts);
  g_free (self->max_lasts);
  g_free (self);
}

typedef struct {
  gint64 x;
  int    k;
  int    w;
} StackItem;

/**
 * mer_time_index_query:
 * @first: the window's first second
 * @last: the window's inclusive last second
 * @hits: an array of guint to which the positions of the items overlapping
 *   the window are appended, in ascending order
 */
void
mer_time_index_query (MerTimeIndex *self,
                      gint64        first,
                      gint64        last,
                      GArray       *hits)
{
  StackItem stack[64];
  gint64 n = self->n_items;
  int t = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (hits != NULL);

  if (self->max_level < 0 || last < first)
    return;

  stack[t++] = (StackItem) { (G_GINT64_CONSTANT (1) << self->max_level) - 1, self->max_level, 0 };

  while (t > 0)
    {
      StackItem z = stack[--t];

      if (z.k <= 3)
        {
          /* A small subtree: scan it in order. */
          gint64 i0 = z.x >> z.k << z.k;
          gint64 i1 = MIN (i0 + (G_GINT64_CONSTANT (1) << (z.k + 1)) - 1, n);

          for (gint64 i = i0; i < i1 && self->firsts[i] <= last; i++)
            {
              if (self->lasts[i] >= first)
                {
                  guint hit = (guint) i;
                  g_array_append_val (hits, hit);
                }
            }
        }
      else if (z.w == 0)
        {
          gint64 y = z.x - (G_GINT64_CONSTANT (1) << (z.k - 1));

          stack[t++] = (StackItem) { z.x, z.k, 1 };
          if (y >= n || self->max_lasts[y] >= first)
            stack[t++] = (StackItem) { y, z.k - 1, 0 };
        }
      else if (z.x < n && self->firsts[z.x] <= last)
        {
          if (self->lasts[z.x] >= first)
            {
              guint hit = (guint) z.x;
              g_array_append_val (hits, hit);
            }
          stack[t++] = (StackItem) { z.x + (G_GINT64_CONSTANT (1) << (z.k - 1)), z.k - 1, 0 };
        }
    }
}

/**
 * mer_time_index_get_span:
 * @position: an item's position, below the number of items
 * @first: (out): its first second
 * @last: (out): its last second
 */
void
mer_time_index_get_span (MerTimeIndex *self,
                         guint         position,
                         gint64       *first,
                         gint64       *last)
{
  g_return_if_fail (self != NULL && position < self->n_items);

  *first = self->firsts[position];
  *last = self->lasts[position];
}

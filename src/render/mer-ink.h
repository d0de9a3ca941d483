/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/**
 * MerInk:
 * @x0: the left of the box that holds all the item's pixels, in the
 *   drawing's units
 * @y0: its top
 * @x1: its right
 * @y1: its bottom
 * @key: a hash of everything that decides the item's pixels, its box
 *   included
 *
 * One item a painter drew (a marker, a ring, a label), as a widget that
 * keeps last frame's pixels needs it to tell where the next frame differs.
 * A painter that lists its items must list everything it draws that can
 * change while the widget's frame key (its view, layout, style…) stays:
 * what it leaves out keeps last frame's pixels on screen.
 */
typedef struct {
  double  x0, y0, x1, y1;
  guint64 key;
} MerInk;

guint64 mer_ink_hash        (guint64         hash,
                             gconstpointer   data,
                             gsize           size);
void    mer_ink_add         (GArray         *ink,
                             double          x0,
                             double          y0,
                             double          x1,
                             double          y1,
                             guint64         key);
void    mer_ink_add_damage  (const GArray   *before,
                             const GArray   *after,
                             double          scale,
                             cairo_region_t *damage);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  double red, green, blue, alpha;
} MerColor;

/**
 * MerMapStyle:
 *
 * The colours of the map, shared by the screen and every export. Regions and
 * events take their own colours from the document; markers move theirs
 * towards @marker_shift until they stand out on @land and @sea (see
 * mer_map_style_marker_color()).
 */
typedef struct {
  MerColor sea;
  MerColor land;
  MerColor coast;
  MerColor border;
  MerColor river;
  MerColor country_label;
  MerColor sea_label;
  MerColor label_halo;
  MerColor marker_outline;
  MerColor marker_shift;
  MerColor marker_default;
  MerColor selection;
  MerColor hover;
  MerColor cluster;
  MerColor cluster_text;
} MerMapStyle;

/* WCAG 2's least contrast for the parts of a graphic one must see. */
#define MER_MAP_STYLE_MIN_CONTRAST 3.0

const MerMapStyle *mer_map_style_get          (gboolean           dark);
const guint32     *mer_map_style_get_palette  (guint             *n_colors);
MerColor           mer_map_style_marker_color (const MerMapStyle *style,
                                               guint32            rgb);
guint32            mer_map_style_marker_rgb   (gboolean           dark,
                                               guint32            rgb);
MerColor           mer_color_from_rgb         (guint32            rgb,
                                               double             alpha);
guint32            mer_color_to_rgb           (const MerColor    *color);
double             mer_color_get_luminance    (const MerColor    *color);
double             mer_color_get_contrast     (const MerColor    *a,
                                               const MerColor    *b);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-map-style"

#include "config.h"

#include "mer-map-style.h"

#define RGB(hex, a) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, (a) }

/* Muted land and sea, so that the story's regions and markers carry the
 * colour; country borders are dashed grey, never as strong as a region's
 * outline, so that the base map's de facto borders do not read as a verdict. */
static const MerMapStyle light_style = {
  .sea = RGB (0xc9dbe9, 1),
  .land = RGB (0xf3f1ea, 1),
  .coast = RGB (0x8aa4b8, 1),
  .border = RGB (0x9a9996, 1),
  .country_label = RGB (0x5e5c64, 1),
  .sea_label = RGB (0x4a6f8f, 1),
  .label_halo = RGB (0xffffff, 0.85),
  .marker_outline = RGB (0xffffff, 1),
  .marker_default = RGB (0x3d3846, 1),
  .selection = RGB (0x1c71d8, 1),
  .hover = RGB (0x241f31, 0.8),
  .cluster = RGB (0x3d3846, 0.85),
  .cluster_text = RGB (0xffffff, 1),
};

static const MerMapStyle dark_style = {
  .sea = RGB (0x1b2733, 1),
  .land = RGB (0x303236, 1),
  .coast = RGB (0x5b7387, 1),
  .border = RGB (0x77767b, 1),
  .country_label = RGB (0xc0bfbc, 1),
  .sea_label = RGB (0x8fb1cc, 1),
  .label_halo = RGB (0x1e1e1e, 0.85),
  .marker_outline = RGB (0x1e1e1e, 1),
  .marker_default = RGB (0xdeddda, 1),
  .selection = RGB (0x78aeed, 1),
  .hover = RGB (0xffffff, 0.8),
  .cluster = RGB (0xdeddda, 0.85),
  .cluster_text = RGB (0x1e1e1e, 1),
};

/**
 * mer_map_style_get:
 * @dark: whether the dark variant is wanted
 *
 * Returns: (transfer none): the map's colours
 */
const MerMapStyle *
mer_map_style_get (gboolean dark)
{
  return dark ? &dark_style : &light_style;
}

MerColor
mer_color_from_rgb (guint32 rgb,
                    double  alpha)
{
  MerColor color = RGB (rgb, alpha);

  return color;
}

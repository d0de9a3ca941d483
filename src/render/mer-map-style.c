/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-map-style"

#include "config.h"

#include "mer-map-style.h"

#include <math.h>

#define RGB(hex, a) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, (a) }

/* Muted land and sea, so that the story's regions and markers carry the
 * colour; country borders are dashed grey, never as strong as a region's
 * outline, so that the base map's de facto borders do not read as a verdict. */
static const MerMapStyle light_style = {
  .sea = RGB (0xc9dbe9, 1),
  .land = RGB (0xf3f1ea, 1),
  .coast = RGB (0x8aa4b8, 1),
  .border = RGB (0x9a9996, 1),
  .river = RGB (0x8fb3d0, 1),
  .country_label = RGB (0x5e5c64, 1),
  .sea_label = RGB (0x4a6f8f, 1),
  .label_halo = RGB (0xffffff, 0.85),
  .marker_outline = RGB (0xffffff, 1),
  .marker_shift = RGB (0x000000, 1),
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
  .river = RGB (0x3e6482, 1),
  .country_label = RGB (0xc0bfbc, 1),
  .sea_label = RGB (0x8fb1cc, 1),
  .label_halo = RGB (0x1e1e1e, 0.85),
  .marker_outline = RGB (0x1e1e1e, 1),
  .marker_shift = RGB (0xffffff, 1),
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

/* The other way, for what names colours as text (Pango markup); alpha is
 * dropped. */
guint32
mer_color_to_rgb (const MerColor *color)
{
  return (guint32) lround (CLAMP (color->red, 0, 1) * 255) << 16 | (guint32) lround (CLAMP (color->green, 0, 1) * 255) << 8
         | (guint32) lround (CLAMP (color->blue, 0, 1) * 255);
}

/**
 * mer_map_style_marker_rgb:
 * @dark: whether the map is drawn dark
 * @rgb: a category's colour
 *
 * Returns: the colour markers of @rgb have on the map, for the legends and
 *   the panels that show them beside it
 */
guint32
mer_map_style_marker_rgb (gboolean dark,
                          guint32  rgb)
{
  MerColor color = mer_map_style_marker_color (mer_map_style_get (dark), rgb);

  return mer_color_to_rgb (&color);
}

/* GNOME's palette, from which stories are expected to pick their categories'
 * colours: the blues, greens, yellows, oranges, reds, purples and browns of
 * its third and fourth shades, and its darks. */
static const guint32 palette[] = {
  0x3584e4, 0x1c71d8, 0x33d17a, 0x26a269, 0xf6d32d, 0xe5a50a,
  0xff7800, 0xe66100, 0xe01b24, 0xc01c28, 0x9141ac, 0x813d9c,
  0x986a44, 0x865e3c, 0x5e5c64, 0x3d3846, 0x2190a4,
};

/**
 * mer_map_style_get_palette:
 * @n_colors: (out): how many colours there are
 *
 * Returns: (array length=n_colors) (transfer none): the colours stories are
 *   expected to pick their categories' colours from, as 0xRRGGBB
 */
const guint32 *
mer_map_style_get_palette (guint *n_colors)
{
  g_return_val_if_fail (n_colors != NULL, NULL);

  *n_colors = G_N_ELEMENTS (palette);
  return palette;
}

static double
linear (double channel)
{
  return channel <= 0.04045 ? channel / 12.92 : pow ((channel + 0.055) / 1.055, 2.4);
}

/**
 * mer_color_get_luminance:
 *
 * Returns: the colour's relative luminance as WCAG 2 defines it, ignoring
 *   its alpha
 */
double
mer_color_get_luminance (const MerColor *color)
{
  return 0.2126 * linear (color->red) + 0.7152 * linear (color->green) + 0.0722 * linear (color->blue);
}

/**
 * mer_color_get_contrast:
 *
 * Returns: the WCAG 2 contrast ratio of two colours, from 1 to 21
 */
double
mer_color_get_contrast (const MerColor *a,
                        const MerColor *b)
{
  double la = mer_color_get_luminance (a), lb = mer_color_get_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* Drawing rounds channels to 8 bits, which can cost a few hundredths of
 * contrast: a moved colour aims that much higher. */
#define ROUNDING_MARGIN 0.05

static gboolean
stands_out (const MerMapStyle *style,
            const MerColor    *color,
            double             margin)
{
  return mer_color_get_contrast (color, &style->land) >= MER_MAP_STYLE_MIN_CONTRAST + margin &&
         mer_color_get_contrast (color, &style->sea) >= MER_MAP_STYLE_MIN_CONTRAST + margin;
}

static MerColor
mix (const MerColor *from,
     const MerColor *to,
     double          t)
{
  MerColor color = {
    from->red + (to->red - from->red) * t,
    from->green + (to->green - from->green) * t,
    from->blue + (to->blue - from->blue) * t,
    1,
  };

  return color;
}

/**
 * mer_map_style_marker_color:
 * @rgb: a category's colour, 0xRRGGBB
 *
 * A marker must stand out on land and on sea (a WCAG contrast of at least
 * %MER_MAP_STYLE_MIN_CONTRAST against both) in either theme, whatever
 * colour the story gave its category. A colour that does keeps its value;
 * one that does not is moved towards the style's marker_shift (darker on
 * the light map, lighter on the dark one) just far enough, so that it
 * keeps its hue and the categories stay apart.
 *
 * Returns: the colour to draw the category's markers with
 */
MerColor
mer_map_style_marker_color (const MerMapStyle *style,
                            guint32            rgb)
{
  MerColor color = mer_color_from_rgb (rgb, 1);
  double low = 0, high = 1;

  g_return_val_if_fail (style != NULL, color);

  if (stands_out (style, &color, 0))
    return color;

  /* Contrast grows steadily along the way to black or white, which stands
   * out on both: halve the interval down to well under a colour step. */
  for (guint i = 0; i < 16; i++)
    {
      double middle = (low + high) / 2;
      MerColor mixed = mix (&color, &style->marker_shift, middle);

      if (stands_out (style, &mixed, ROUNDING_MARGIN))
        high = middle;
      else
        low = middle;
    }

  return mix (&color, &style->marker_shift, high);
}

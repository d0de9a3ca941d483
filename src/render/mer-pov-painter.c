/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-pov-painter"

#include "config.h"

#include "mer-pov-painter.h"

#include <glib/gi18n.h>
#include <math.h>

/* Draws the borders of a point of view over the base map: where a
 * government draws a line that Natural Earth's de facto set does not (Japan
 * between Iturup and Urup, Russia between Kunashir and Hokkaido), solid,
 * heavier and in the country names' ink on a halo, so that the line the
 * viewer chose stands out from the thin dashed de facto ones. */

#define POV_LINE_WIDTH 2.4

/**
 * mer_pov_painter_draw:
 * @cr: a context whose user space is the view's pixels
 * @pov: (nullable): a point of view's id; %NULL draws nothing (the base
 *   map's de facto borders are the default)
 *
 * Draws the borders @pov draws where they differ from the de facto lines.
 */
void
mer_pov_painter_draw (cairo_t           *cr,
                      const MerMapView  *view,
                      const MerMapStyle *style,
                      const char        *pov)
{
  MerPovSet *set = pov != NULL ? mer_pov_set_get_default () : NULL;
  int index = set != NULL ? mer_pov_set_find (set, pov) : -1;
  const MerPovLine *lines;
  double x0, y0, x1, y1;
  guint n_lines;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (view != NULL);

  if (index < 0)
    return;

  lines = mer_pov_set_get_lines (set, index, &n_lines);
  mer_map_view_get_bounds (view, &x0, &y0, &x1, &y1);

  cairo_save (cr);
  cairo_new_path (cr);
  for (guint i = 0; i < n_lines; i++)
    for (int k = (int) floor (x0); k <= (int) floor (x1); k++)
      for (guint j = 0; j < lines[i].n_points; j++)
        {
          double x, y;

          mer_map_view_normalized_to_point (view, lines[i].points[2 * j] + k, lines[i].points[2 * j + 1], &x, &y);
          if (j == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }

  cairo_set_source_rgba (cr, style->label_halo.red, style->label_halo.green, style->label_halo.blue, 0.8);
  cairo_set_line_width (cr, POV_LINE_WIDTH + 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_stroke_preserve (cr);
  cairo_set_source_rgba (cr, style->country_label.red, style->country_label.green, style->country_label.blue, 1);
  cairo_set_line_width (cr, POV_LINE_WIDTH);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/**
 * mer_pov_painter_describe:
 * @pov: (nullable): a point of view's id, or %NULL for the de facto lines
 *
 * Returns: (transfer full): whose borders the map draws, for legends and
 *   title blocks: "Borders as Tokyo draws them (Japan; Natural Earth point
 *   of view jpn)"
 */
char *
mer_pov_painter_describe (const char *pov)
{
  MerPovSet *set = pov != NULL ? mer_pov_set_get_default () : NULL;
  int index = set != NULL ? mer_pov_set_find (set, pov) : -1;

  if (index < 0)
    return g_strdup (_("Base map borders: Natural Earth, as held de facto"));

  return g_strdup_printf (_("Borders as %s draws them (%s; point of view “%s”)"),
                          mer_pov_set_get_seat (set, index), mer_pov_set_get_name (set, index), pov);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-fit"

#include "config.h"

#include "mer-fit.h"

#include <math.h>

#include "mer-projection.h"

/**
 * mer_fit_bounds:
 * @bounds: the box to show; may cross ±180
 * @width: widget width in logical pixels
 * @height: widget height in logical pixels
 * @padding: margin to keep clear on every side, logical pixels
 * @min_zoom: the least zoom to return
 * @max_zoom: the greatest zoom to return, also used when @bounds is a
 *   single point (which would otherwise zoom without end)
 * @view: (out caller-allocates): where to put the centre and zoom
 *
 * Computes the view that shows @bounds whole in a widget of the given size.
 * The centre is the middle of the box's Web Mercator rectangle (not the
 * middle latitude), so the box sits centred on screen; a box across ±180
 * is centred across it.  The zoom is
 *
 *   log2 (min ((@width - 2 @padding) / (dx × 256),
 *              (@height - 2 @padding) / (dy × 256)))
 *
 * where dx and dy are the rectangle's normalized extents (a zero extent
 * puts no limit), clamped to [@min_zoom, @max_zoom], fractional.  When
 * the padding leaves less than one pixel, one pixel is used.
 *
 * Returns: %FALSE, leaving @view alone, if @bounds is empty
 */
gboolean
mer_fit_bounds (const MerBounds *bounds,
                double           width,
                double           height,
                double           padding,
                double           min_zoom,
                double           max_zoom,
                MerView         *view)
{
  double x_min, y_min, x_max, y_max;
  double dx, dy, available_width, available_height;
  double zoom = INFINITY;

  g_return_val_if_fail (bounds != NULL, FALSE);
  g_return_val_if_fail (width > 0.0 && height > 0.0, FALSE);
  g_return_val_if_fail (padding >= 0.0, FALSE);
  g_return_val_if_fail (min_zoom <= max_zoom, FALSE);
  g_return_val_if_fail (view != NULL, FALSE);

  if (!mer_bounds_get_mercator_extent (bounds, &x_min, &y_min, &x_max, &y_max))
    return FALSE;

  dx = x_max - x_min;
  dy = y_max - y_min;
  available_width = MAX (width - 2.0 * padding, 1.0);
  available_height = MAX (height - 2.0 * padding, 1.0);

  if (dx > 0.0)
    zoom = MIN (zoom, log2 (available_width / (dx * MER_PROJECTION_TILE_SIZE)));
  if (dy > 0.0)
    zoom = MIN (zoom, log2 (available_height / (dy * MER_PROJECTION_TILE_SIZE)));

  view->zoom = CLAMP (zoom, min_zoom, max_zoom);
  view->lat = mer_projection_y_to_lat ((y_min + y_max) / 2.0);
  view->lon = mer_projection_wrap_longitude (mer_projection_x_to_lon ((x_min + x_max) / 2.0));

  return TRUE;
}

/**
 * mer_fit_view:
 * @places: (array length=n_places) (nullable): points to show, e.g. from
 *   mer_event_get_places()
 * @geometries: (array length=n_geometries) (nullable): regions to show
 *   whole; %NULL entries are skipped
 * @view: (out caller-allocates): where to put the centre and zoom
 *
 * Computes the view that shows all @places and @geometries, taking the
 * shortest way round the world: the longitudes left out are the widest gap
 * between them (see mer_bounds_union_all()), so places at 170 and -170 are
 * shown 20 degrees apart, centred on 180.  The other arguments are as for
 * mer_fit_bounds().
 *
 * Returns: %FALSE, leaving @view alone, if there is nothing to show
 */
gboolean
mer_fit_view (const MerPlace     *places,
              guint               n_places,
              MerGeometry *const *geometries,
              guint               n_geometries,
              double              width,
              double              height,
              double              padding,
              double              min_zoom,
              double              max_zoom,
              MerView            *view)
{
  g_autofree MerBounds *boxes = NULL;
  MerBounds bounds = MER_BOUNDS_INIT_EMPTY;
  guint n_boxes = 0;

  g_return_val_if_fail (places != NULL || n_places == 0, FALSE);
  g_return_val_if_fail (geometries != NULL || n_geometries == 0, FALSE);
  g_return_val_if_fail (view != NULL, FALSE);

  boxes = g_new (MerBounds, (gsize) n_places + n_geometries + 1);

  for (guint i = 0; i < n_places; i++)
    mer_bounds_init_point (&boxes[n_boxes++], places[i].lat, places[i].lon);

  for (guint i = 0; i < n_geometries; i++)
    if (geometries[i] != NULL
        && mer_bounds_init_from_geometry (&boxes[n_boxes], geometries[i]))
      n_boxes++;

  mer_bounds_union_all (&bounds, boxes, n_boxes);

  return mer_fit_bounds (&bounds, width, height, padding, min_zoom, max_zoom, view);
}

/**
 * mer_fit_event_view:
 * @places: (array length=n_places) (nullable): the event's places
 * @geometries: (array length=n_geometries) (nullable): the event's regions
 * @view: (out caller-allocates): where to put the centre and zoom
 *
 * Computes the view that frames an event: all its @places, or, when it has
 * none, its regions.  Its regions are context, highlighted wherever they
 * are, and framing them too would shrink the places out of sight.  The zoom
 * never passes %MER_FIT_CONTEXT_ZOOM, at which the coast and the named
 * places around a single place still show.  The other arguments are as for
 * mer_fit_bounds().
 *
 * Returns: %FALSE, leaving @view alone, if there is nothing to show
 */
gboolean
mer_fit_event_view (const MerPlace     *places,
                    guint               n_places,
                    MerGeometry *const *geometries,
                    guint               n_geometries,
                    double              width,
                    double              height,
                    double              padding,
                    double              min_zoom,
                    MerView            *view)
{
  double max_zoom = MAX (min_zoom, MER_FIT_CONTEXT_ZOOM);

  g_return_val_if_fail (places != NULL || n_places == 0, FALSE);
  g_return_val_if_fail (geometries != NULL || n_geometries == 0, FALSE);

  if (n_places > 0)
    return mer_fit_view (places, n_places, NULL, 0, width, height, padding, min_zoom, max_zoom, view);

  return mer_fit_view (NULL, 0, geometries, n_geometries, width, height, padding, min_zoom, max_zoom, view);
}

/**
 * mer_fit_keep_places:
 * @view: a view chosen by the story's author
 * @places: (array length=n_places) (nullable): the places that must show
 * @fitted: (out caller-allocates): @view, or the view that shows both what
 *   @view shows and all @places
 *
 * An event's own view is its author's framing, kept as it is when it shows
 * all the event's places at least @padding pixels inside the widget.  When
 * it leaves a place out, the map would fly to the event without showing
 * it: the view is widened, never zoomed in, to show the places too.
 *
 * Returns: whether @view had to be widened
 */
gboolean
mer_fit_keep_places (const MerView  *view,
                     const MerPlace *places,
                     guint           n_places,
                     double          width,
                     double          height,
                     double          padding,
                     double          min_zoom,
                     MerView        *fitted)
{
  g_autofree MerBounds *boxes = NULL;
  MerBounds bounds = MER_BOUNDS_INIT_EMPTY;
  MerMapView map_view, inner;
  gboolean inside = TRUE;

  g_return_val_if_fail (view != NULL, FALSE);
  g_return_val_if_fail (places != NULL || n_places == 0, FALSE);
  g_return_val_if_fail (width > 0.0 && height > 0.0, FALSE);
  g_return_val_if_fail (fitted != NULL, FALSE);

  *fitted = *view;
  mer_map_view_init (&map_view, view, width, height, 1);

  for (guint i = 0; i < n_places && inside; i++)
    {
      double x, y;

      mer_map_view_location_to_point (&map_view, places[i].lat, places[i].lon, &x, &y);
      inside = x >= padding && x <= width - padding && y >= padding && y <= height - padding;
    }
  if (inside)
    return FALSE;

  /* What the view shows inside the padding, then the places. */
  mer_map_view_init (&inner, view, MAX (width - 2.0 * padding, 1.0), MAX (height - 2.0 * padding, 1.0), 1);
  boxes = g_new (MerBounds, (gsize) n_places + 1);
  mer_bounds_init_from_map_view (&boxes[0], &inner);
  for (guint i = 0; i < n_places; i++)
    mer_bounds_init_point (&boxes[i + 1], places[i].lat, places[i].lon);
  mer_bounds_union_all (&bounds, boxes, n_places + 1);

  return mer_fit_bounds (&bounds, width, height, padding, MIN (min_zoom, view->zoom), view->zoom, fitted);
}

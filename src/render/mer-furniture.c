/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-furniture"

#include "config.h"

#include "mer-furniture.h"

/* Where the furniture over a map goes — the caption card of a slide, and
 * an export's title, legend, scale bar and attribution: of a few places
 * for each, the one that hides least of what the picture is about. */

/* How far from an event's place a box must keep, in units: a marker's
 * radius and a little air. */
#define PLACE_CLEARANCE 30.0
#define PLACE_COST 1e7
/* Any other event the filters show: less than the subject, more than a
 * region's area under a box. */
#define OTHER_PLACE_COST 1e5
/* A region not highlighted, by area: what the map shows, but not what the
 * picture is about. */
#define OTHER_REGION_WEIGHT 0.05
#define TAKEN_COST 1e9
/* The share of a box's area that counts as nothing. */
#define SLIVER 0.02

gboolean
mer_box_intersects (const MerBox *a,
                    const MerBox *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width && a->y < b->y + b->height && b->y < a->y + a->height;
}

/* The area inside (x0, y0)–(x1, y1) of the bounds of each of the region's
 * polygons: each island of a chain on its own, not the chain's bounds. */
static double
region_area_under (MerRegion        *region,
                   const MerMapView *view,
                   double            x0,
                   double            y0,
                   double            x1,
                   double            y1,
                   double           *total)
{
  MerGeometry *geometry = mer_region_get_geometry (region);
  const MerPolygon *polygons;
  const MerRing *rings;
  const MerLonLat *points;
  guint n_polygons, n_rings, n_points;
  double west, south, east, north, area = 0;

  *total = 0;
  if (!mer_geometry_get_bounds (geometry, &west, &south, &east, &north))
    return 0;

  polygons = mer_geometry_get_polygons (geometry, &n_polygons);
  rings = mer_geometry_get_rings (geometry, &n_rings);
  points = mer_geometry_get_points (geometry, &n_points);

  for (guint i = 0; i < n_polygons; i++)
    {
      const MerRing *outer = &rings[polygons[i].first_ring];
      double ax, ay, bx, by;

      west = east = points[outer->first_point].lon;
      south = north = points[outer->first_point].lat;
      for (guint j = 1; j < outer->n_points; j++)
        {
          const MerLonLat *p = &points[outer->first_point + j];

          west = MIN (west, p->lon);
          east = MAX (east, p->lon);
          south = MIN (south, p->lat);
          north = MAX (north, p->lat);
        }

      mer_map_view_location_to_point (view, north, west, &ax, &ay);
      mer_map_view_location_to_point (view, south, east, &bx, &by);
      area += MAX (0, MIN (x1, bx) - MAX (x0, ax)) * MAX (0, MIN (y1, by) - MAX (y0, ay));
      *total += (bx - ax) * (by - ay);
    }

  return area;
}

/* A highlighted region counts by the share of it hidden, all of it as
 * much as a place of the subject, so that a small one is not given up to
 * spare other events; any other region by its area, lightly. */
static double
region_cost (MerRegion        *region,
             gboolean          highlighted,
             const MerMapView *view,
             double            x0,
             double            y0,
             double            x1,
             double            y1)
{
  double total;
  double area = region_area_under (region, view, x0, y0, x1, y1, &total);

  if (!highlighted)
    return OTHER_REGION_WEIGHT * area;
  return total > 0 ? PLACE_COST * area / total : 0;
}

/**
 * mer_furniture_cost:
 * @state: the selected event and the highlighted regions
 * @view: the map under the furniture
 * @box: where the furniture would go
 *
 * How much of what the picture shows @box would hide: each of the selected
 * event's places near it weighs more than anything else; each place of the
 * other events the filters show under it, more than any region; a
 * highlighted region counts by the share of its polygons' bounds under the
 * box, all of it as much as a place of the subject; any other region by a
 * twentieth of the area under the box.
 *
 * Returns: the cost; 0 when the box hides nothing that matters
 */
double
mer_furniture_cost (MerState         *state,
                    const MerMapView *view,
                    const MerBox     *box)
{
  GPtrArray *regions;
  MerEvent *event;
  double x0 = box->x, y0 = box->y, x1 = box->x + box->width, y1 = box->y + box->height;
  double cost = 0;

  g_return_val_if_fail (MER_IS_STATE (state), 0);
  g_return_val_if_fail (view != NULL && box != NULL, 0);

  regions = mer_state_get_highlighted_regions (state);
  event = mer_state_get_selected_event (state);

  if (event != NULL)
    {
      const MerPlace *places;
      guint n_places;

      places = mer_event_get_places (event, &n_places);
      for (guint i = 0; i < n_places; i++)
        {
          double px, py;

          mer_map_view_location_to_point (view, places[i].lat, places[i].lon, &px, &py);
          if (px >= x0 - PLACE_CLEARANCE && px <= x1 + PLACE_CLEARANCE && py >= y0 - PLACE_CLEARANCE
              && py <= y1 + PLACE_CLEARANCE)
            cost += PLACE_COST;
        }
    }

  if (mer_state_get_document (state) != NULL)
    {
      GListModel *events = mer_document_get_events (mer_state_get_document (state));

      for (guint i = 0; i < g_list_model_get_n_items (events); i++)
        {
          g_autoptr(MerEvent) other = g_list_model_get_item (events, i);
          MerCategory *category = mer_event_get_category (other);
          const MerPlace *places;
          guint n_places;

          if (other == event || (category != NULL && !mer_state_get_category_visible (state, category)))
            continue;
          places = mer_event_get_places (other, &n_places);
          for (guint j = 0; j < n_places; j++)
            {
              double px, py;

              mer_map_view_location_to_point (view, places[j].lat, places[j].lon, &px, &py);
              if (px >= x0 && px <= x1 && py >= y0 && py <= y1)
                cost += OTHER_PLACE_COST;
            }
        }
    }

  if (mer_state_get_document (state) != NULL)
    {
      GListModel *all = mer_document_get_regions (mer_state_get_document (state));

      for (guint i = 0; i < g_list_model_get_n_items (all); i++)
        {
          g_autoptr(MerRegion) region = g_list_model_get_item (all, i);
          gboolean highlighted = g_ptr_array_find (regions, region, NULL);

          cost += region_cost (region, highlighted, view, x0, y0, x1, y1);
        }
    }
  else
    for (guint i = 0; i < regions->len; i++)
      cost += region_cost (g_ptr_array_index (regions, i), TRUE, view, x0, y0, x1, y1);

  return cost;
}

/**
 * mer_furniture_place:
 * @candidates: (array length=n_candidates): the places the furniture may
 *   go, the preferred first
 * @taken: (array length=n_taken) (nullable): furniture already placed
 *
 * Returns: the index of the candidate that hides least and overlaps no
 *   furniture already placed if any can; a candidate that hides no more
 *   than a sliver (2% of its area) more than the least goes before any
 *   later one
 */
guint
mer_furniture_place (MerState         *state,
                     const MerMapView *view,
                     const MerBox     *candidates,
                     guint             n_candidates,
                     const MerBox     *taken,
                     guint             n_taken)
{
  g_autofree double *costs = NULL;
  double best_cost = G_MAXDOUBLE;
  guint chosen = 0;

  g_return_val_if_fail (n_candidates > 0, 0);

  costs = g_new (double, n_candidates);
  for (guint i = 0; i < n_candidates; i++)
    {
      costs[i] = mer_furniture_cost (state, view, &candidates[i]);
      for (guint j = 0; j < n_taken; j++)
        if (mer_box_intersects (&candidates[i], &taken[j]))
          costs[i] += TAKEN_COST;
      best_cost = MIN (best_cost, costs[i]);
    }

  /* A spot that hides only a sliver more than the best is as good: the
   * preferred one wins, so that titles stay at the top when they can. */
  while (costs[chosen] > best_cost + SLIVER * candidates[chosen].width * candidates[chosen].height)
    chosen++;

  return chosen;
}

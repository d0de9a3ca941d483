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
#define TAKEN_COST 1e9

gboolean
mer_box_intersects (const MerBox *a,
                    const MerBox *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width && a->y < b->y + b->height && b->y < a->y + a->height;
}

/**
 * mer_furniture_cost:
 * @state: the selected event and the highlighted regions
 * @view: the map under the furniture
 * @box: where the furniture would go
 *
 * How much of what the picture shows @box would hide: each of the selected
 * event's places near it weighs more than any region; a highlighted region
 * counts by the area of its bounds under the box.
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

  for (guint i = 0; i < regions->len; i++)
    {
      double west, south, east, north, ax, ay, bx, by;

      if (!mer_geometry_get_bounds (mer_region_get_geometry (g_ptr_array_index (regions, i)),
                                    &west, &south, &east, &north))
        continue;
      mer_map_view_location_to_point (view, north, west, &ax, &ay);
      mer_map_view_location_to_point (view, south, east, &bx, &by);
      cost += MAX (0, MIN (x1, bx) - MAX (x0, ax)) * MAX (0, MIN (y1, by) - MAX (y0, ay));
    }

  return cost;
}

/**
 * mer_furniture_place:
 * @candidates: (array length=n_candidates): the places the furniture may
 *   go, the preferred first
 * @taken: (array length=n_taken) (nullable): furniture already placed
 *
 * Returns: the index of the candidate that hides least and overlaps no
 *   furniture already placed if any can; ties go to the earlier candidate
 */
guint
mer_furniture_place (MerState         *state,
                     const MerMapView *view,
                     const MerBox     *candidates,
                     guint             n_candidates,
                     const MerBox     *taken,
                     guint             n_taken)
{
  double best_cost = G_MAXDOUBLE;
  guint best = 0;

  g_return_val_if_fail (n_candidates > 0, 0);

  for (guint i = 0; i < n_candidates; i++)
    {
      double cost = mer_furniture_cost (state, view, &candidates[i]);

      for (guint j = 0; j < n_taken; j++)
        if (mer_box_intersects (&candidates[i], &taken[j]))
          cost += TAKEN_COST;

      if (cost < best_cost)
        {
          best_cost = cost;
          best = i;
        }
    }

  return best;
}

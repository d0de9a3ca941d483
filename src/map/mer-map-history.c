/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-map-history"

#include "config.h"

#include "mer-map-history.h"

#include <math.h>

#include "mer-projection.h"

/* Where the user has been, as a browser keeps it: each entry is a view of
 * the map with the selection and the filters that went with it, and a new
 * entry drops those ahead of the current one. The search text and the
 * category switches are left out: their widgets write the state but do not
 * follow it, so restoring them would put the two out of step. */

typedef struct {
  MerView    view;
  MerEvent  *selected_event;
  MerRegion *selected_region;
  MerRegion *filter_region;
  gboolean   has_window;
  double     window_start;
  double     window_end;
} Entry;

struct _MerMapHistory
{
  GArray *entries;   /* Entry */
  guint   index;     /* the current entry, when there is one */
};

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_clear_object (&entry->selected_event);
  g_clear_object (&entry->selected_region);
  g_clear_object (&entry->filter_region);
}

static void
entry_init (Entry         *entry,
            MerState      *state,
            const MerView *view)
{
  MerEvent *event = mer_state_get_selected_event (state);
  MerRegion *selected = mer_state_get_selected_region (state);
  MerRegion *filter = mer_state_get_filter_region (state);

  *entry = (Entry) {
    *view,
    event != NULL ? g_object_ref (event) : NULL,
    selected != NULL ? g_object_ref (selected) : NULL,
    filter != NULL ? g_object_ref (filter) : NULL,
  };
  entry->has_window = mer_state_get_time_window (state, &entry->window_start, &entry->window_end);
}

/* Views a fraction of a pixel apart are the same place: a flight ends
 * exactly on its target, but libshumate may round the way there. */
static gboolean
entry_equal (const Entry *a,
             const Entry *b)
{
  double pixel = 360.0 / mer_projection_world_size (MAX (a->view.zoom, b->view.zoom));

  return fabs (a->view.zoom - b->view.zoom) < 1e-3 &&
         fabs (a->view.lat - b->view.lat) < pixel / 4 &&
         fabs (mer_projection_longitude_delta (a->view.lon, b->view.lon)) < pixel / 4 &&
         a->selected_event == b->selected_event &&
         a->selected_region == b->selected_region &&
         a->filter_region == b->filter_region &&
         a->has_window == b->has_window &&
         (!a->has_window || (a->window_start == b->window_start && a->window_end == b->window_end));
}

MerMapHistory *
mer_map_history_new (void)
{
  MerMapHistory *self = g_new0 (MerMapHistory, 1);

  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);
  return self;
}

void
mer_map_history_free (MerMapHistory *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->entries);
  g_free (self);
}

/**
 * mer_map_history_clear:
 *
 * Forgets every entry, as when another story is opened.
 */
void
mer_map_history_clear (MerMapHistory *self)
{
  g_return_if_fail (self != NULL);

  g_array_set_size (self->entries, 0);
  self->index = 0;
}

/**
 * mer_map_history_record:
 * @view: where the map is
 *
 * Makes the map's view with @state's selection and filters the current
 * entry, unless it already is; the entries ahead of the current one go.
 *
 * Returns: whether an entry was added
 */
gboolean
mer_map_history_record (MerMapHistory *self,
                        MerState      *state,
                        const MerView *view)
{
  Entry entry;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (MER_IS_STATE (state), FALSE);
  g_return_val_if_fail (view != NULL, FALSE);

  entry_init (&entry, state, view);
  if (self->entries->len > 0 && entry_equal (&entry, &g_array_index (self->entries, Entry, self->index)))
    {
      entry_clear (&entry);
      return FALSE;
    }

  if (self->entries->len > 0)
    g_array_set_size (self->entries, ++self->index);
  g_array_append_val (self->entries, entry);
  return TRUE;
}

/**
 * mer_map_history_can_go:
 * @steps: -1 for back, 1 for forward
 *
 * Returns: whether there is an entry @steps away from the current one
 */
gboolean
mer_map_history_can_go (MerMapHistory *self,
                        int            steps)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return (gint64) self->index + steps >= 0 && (gint64) self->index + steps < self->entries->len;
}

/**
 * mer_map_history_go:
 * @steps: -1 for back, 1 for forward
 * @state: the state to put the entry's selection and filters back into
 * @view: (out): where the map must go
 *
 * Returns: %FALSE, changing nothing, when there is no such entry
 */
gboolean
mer_map_history_go (MerMapHistory *self,
                    int            steps,
                    MerState      *state,
                    MerView       *view)
{
  const Entry *entry;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (MER_IS_STATE (state), FALSE);
  g_return_val_if_fail (view != NULL, FALSE);

  if (!mer_map_history_can_go (self, steps))
    return FALSE;

  self->index += steps;
  entry = &g_array_index (self->entries, Entry, self->index);

  mer_state_set_filter_region (state, entry->filter_region);
  if (entry->has_window)
    mer_state_set_time_window (state, entry->window_start, entry->window_end);
  else
    mer_state_clear_time_window (state);
  mer_state_set_selected_region (state, entry->selected_region);
  mer_state_set_selected_event (state, entry->selected_event);
  *view = entry->view;
  return TRUE;
}

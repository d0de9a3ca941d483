/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-state"

#include "config.h"

#include "mer-state.h"

#include "mer-search.h"

#include <string.h>

/* The state the views share: what is open, selected and hovered. Views never
 * call each other; each writes the user's intent here and redraws from the
 * notifications, so they stay in step by construction. */
struct _MerState
{
  GObject parent_instance;

  /* Owned */
  MerDocument *document;
  MerEvent    *selected_event;
  MerEvent    *hovered_event;
  MerRegion   *selected_region;
  MerRegion   *hovered_region;
  MerRegion   *filter_region;
  char        *search;
  MerSearch   *search_query;        /* compiled from search */
  GHashTable  *hidden_categories;   /* MerCategory set */
  GPtrArray   *highlighted;         /* MerRegion, a slide's */

  double       window_start;
  double       window_end;
  gboolean     has_window;
  gboolean     hide_outside_window;

  gint64       pinned_as_of;        /* a date the user picked */
  gboolean     has_pinned_as_of;
  char        *pov;                 /* a point of view's id; NULL for the de facto borders */
};

G_DEFINE_FINAL_TYPE (MerState, mer_state, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SELECTED_EVENT,
  PROP_HOVERED_EVENT,
  PROP_SELECTED_REGION,
  PROP_HOVERED_REGION,
  PROP_FILTER_REGION,
  PROP_SEARCH,
  PROP_HIDE_OUTSIDE_WINDOW,
  PROP_HIGHLIGHTED_REGIONS,
  PROP_POV,
  N_PROPS
};

enum {
  TIME_WINDOW_CHANGED,
  FILTER_CHANGED,
  AS_OF_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GParamSpec *properties[N_PROPS];

static void
mer_state_dispose (GObject *object)
{
  MerState *self = MER_STATE (object);

  g_clear_object (&self->selected_event);
  g_clear_object (&self->hovered_event);
  g_clear_object (&self->selected_region);
  g_clear_object (&self->hovered_region);
  g_clear_object (&self->filter_region);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (mer_state_parent_class)->dispose (object);
}

static void
mer_state_finalize (GObject *object)
{
  MerState *self = MER_STATE (object);

  g_free (self->search);
  g_free (self->pov);
  g_clear_pointer (&self->search_query, mer_search_free);
  g_hash_table_unref (self->hidden_categories);
  g_ptr_array_unref (self->highlighted);

  G_OBJECT_CLASS (mer_state_parent_class)->finalize (object);
}

static void
mer_state_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  MerState *self = MER_STATE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SELECTED_EVENT:
      g_value_set_object (value, self->selected_event);
      break;
    case PROP_HOVERED_EVENT:
      g_value_set_object (value, self->hovered_event);
      break;
    case PROP_SELECTED_REGION:
      g_value_set_object (value, self->selected_region);
      break;
    case PROP_HOVERED_REGION:
      g_value_set_object (value, self->hovered_region);
      break;
    case PROP_FILTER_REGION:
      g_value_set_object (value, self->filter_region);
      break;
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;
    case PROP_HIDE_OUTSIDE_WINDOW:
      g_value_set_boolean (value, self->hide_outside_window);
      break;
    case PROP_HIGHLIGHTED_REGIONS:
      g_value_set_boxed (value, self->highlighted);
      break;
    case PROP_POV:
      g_value_set_string (value, self->pov);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mer_state_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  MerState *self = MER_STATE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      mer_state_set_document (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_EVENT:
      mer_state_set_selected_event (self, g_value_get_object (value));
      break;
    case PROP_HOVERED_EVENT:
      mer_state_set_hovered_event (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_REGION:
      mer_state_set_selected_region (self, g_value_get_object (value));
      break;
    case PROP_HOVERED_REGION:
      mer_state_set_hovered_region (self, g_value_get_object (value));
      break;
    case PROP_FILTER_REGION:
      mer_state_set_filter_region (self, g_value_get_object (value));
      break;
    case PROP_SEARCH:
      mer_state_set_search (self, g_value_get_string (value));
      break;
    case PROP_HIDE_OUTSIDE_WINDOW:
      mer_state_set_hide_outside_window (self, g_value_get_boolean (value));
      break;
    case PROP_POV:
      mer_state_set_pov (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mer_state_class_init (MerStateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mer_state_dispose;
  object_class->finalize = mer_state_finalize;
  object_class->get_property = mer_state_get_property;
  object_class->set_property = mer_state_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, MER_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_EVENT] =
    g_param_spec_object ("selected-event", NULL, NULL, MER_TYPE_EVENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HOVERED_EVENT] =
    g_param_spec_object ("hovered-event", NULL, NULL, MER_TYPE_EVENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_REGION] =
    g_param_spec_object ("selected-region", NULL, NULL, MER_TYPE_REGION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HOVERED_REGION] =
    g_param_spec_object ("hovered-region", NULL, NULL, MER_TYPE_REGION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FILTER_REGION] =
    g_param_spec_object ("filter-region", NULL, NULL, MER_TYPE_REGION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIGHLIGHTED_REGIONS] =
    g_param_spec_boxed ("highlighted-regions", NULL, NULL, G_TYPE_PTR_ARRAY,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIDE_OUTSIDE_WINDOW] =
    g_param_spec_boolean ("hide-outside-window", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The point of view whose borders the map draws (see mer-pov.h): NULL
   * for Natural Earth's de facto lines. */
  properties[PROP_POV] =
    g_param_spec_string ("pov", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MerState::time-window-changed:
   *
   * The time window was set, moved or cleared.
   */
  signals[TIME_WINDOW_CHANGED] = g_signal_new ("time-window-changed", G_TYPE_FROM_CLASS (klass),
                                               G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * MerState::filter-changed:
   *
   * Which events pass the filters (search, categories, region) changed.
   */
  signals[FILTER_CHANGED] = g_signal_new ("filter-changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * MerState::as-of-changed:
   *
   * A date was picked for the map to draw regions as of, or the pick was
   * cleared (see mer_state_pin_as_of()).
   */
  signals[AS_OF_CHANGED] = g_signal_new ("as-of-changed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
mer_state_init (MerState *self)
{
  self->hidden_categories = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->highlighted = g_ptr_array_new_with_free_func (g_object_unref);
}

MerState *
mer_state_new (void)
{
  return g_object_new (MER_TYPE_STATE, NULL);
}

/**
 * mer_state_get_document:
 *
 * Returns: (transfer none) (nullable): the open document
 */
MerDocument *
mer_state_get_document (MerState *self)
{
  g_return_val_if_fail (MER_IS_STATE (self), NULL);
  return self->document;
}

/**
 * mer_state_set_document:
 *
 * Replaces the document; selection and hover, which point into the old one,
 * are cleared first.
 */
void
mer_state_set_document (MerState    *self,
                        MerDocument *document)
{
  gboolean had_window;

  g_return_if_fail (MER_IS_STATE (self));
  g_return_if_fail (document == NULL || MER_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  had_window = self->has_window;

  /* Notifications wait for the thaw, but signals do not: the filter region
   * and the time window are cleared here rather than by their setters, so
   * that no observer hears of them with the old document half cleared. */
  g_object_freeze_notify (G_OBJECT (self));
  mer_state_set_selected_event (self, NULL);
  mer_state_set_hovered_event (self, NULL);
  mer_state_set_selected_region (self, NULL);
  mer_state_set_hovered_region (self, NULL);
  if (self->filter_region != NULL)
    {
      g_clear_object (&self->filter_region);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER_REGION]);
    }
  mer_state_set_highlighted_regions (self, NULL, 0);
  g_hash_table_remove_all (self->hidden_categories);
  self->has_window = FALSE;
  g_set_object (&self->document, document);
  /* The search keeps its answers per event: start them anew. */
  if (self->search_query != NULL)
    {
      g_clear_pointer (&self->search_query, mer_search_free);
      self->search_query = mer_search_new (self->search);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_object_thaw_notify (G_OBJECT (self));

  if (had_window)
    g_signal_emit (self, signals[TIME_WINDOW_CHANGED], 0);
  g_signal_emit (self, signals[FILTER_CHANGED], 0);
}

/**
 * mer_state_get_selected_event:
 *
 * Returns: (transfer none) (nullable): the selected event
 */
MerEvent *
mer_state_get_selected_event (MerState *self)
{
  g_return_val_if_fail (MER_IS_STATE (self), NULL);
  return self->selected_event;
}

void
mer_state_set_selected_event (MerState *self,
                              MerEvent *event)
{
  g_return_if_fail (MER_IS_STATE (self));
  g_return_if_fail (event == NULL || MER_IS_EVENT (event));

  if (g_set_object (&self->selected_event, event))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_EVENT]);
}

/**
 * mer_state_get_hovered_event:
 *
 * Returns: (transfer none) (nullable): the event under the pointer, in any view
 */
MerEvent *
mer_state_get_hovered_event (MerState *self)
{
  g_return_val_if_fail (MER_IS_STATE (self), NULL);
  return self->hovered_event;
}

void
mer_state_set_hovered_event (MerState *self,
                             MerEvent *event)
{
  g_return_if_fail (MER_IS_STATE (self));
  g_return_if_fail (event == NULL || MER_IS_EVENT (event));

  if (g_set_object (&self->hovered_event, event))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOVERED_EVENT]);
}

/**
 * mer_state_get_selected_region:
 *
 * Returns: (transfer none) (nullable): the selected region
 */
MerRegion *
mer_state_get_selected_region (MerState *self)
{
  g_return_val_if_fail (MER_IS_STATE (self), NULL);
  return self->selected_region;
}

void
mer_state_set_selected_region (MerState  *self,
                               MerRegion *region)
{
  g_return_if_fail (MER_IS_STATE (self));
  g_return_if_fail (region == NULL || MER_IS_REGION (region));

  if (g_set_object (&self->selected_region, region))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_REGION]);
}

/**
 * mer_state_get_hovered_region:
 *
 * Returns: (transfer none) (nullable): the region under the pointer
 */
MerRegion *
mer_state_get_hovered_region (MerState *self)
{
  g_return_val_if_fail (MER_IS_STATE (self), NULL);
  return self->hovered_region;
}

void
mer_state_set_hovered_region (MerState  *self,
                              MerRegion *region)
{
  g_return_if_fail (MER_IS_STATE (self));
  g_return_if_fail (region == NULL || MER_IS_REGION (region));

  if (g_set_object (&self->hovered_region, region))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOVERED_REGION]);
}

/**
 * mer_state_is_region_emphasised:
 *
 * Returns: whether @region is selected, hovered, touched by the selected
 *   event, or touched by an event in the time window
 */
gboolean
mer_state_is_region_emphasised (MerState  *self,
                                MerRegion *region)
{
  g_return_val_if_fail (MER_IS_STATE (self), FALSE);

  if (g_ptr_array_find (self->highlighted, region, NULL))
    return TRUE;

  if (region == self->selected_region || region == self->hovered_region ||
      (self->selected_event != NULL && mer_event_touches_region (self->selected_event, region)))
    return TRUE;

  /* A time window marks the regions that its events touch. */
  if (self->has_window && self->document != NULL)
    {
      GPtrArray *events = mer_document_get_region_events (self->document, region);

      for (guint i = 0; events != NULL && i < events->len; i++)
        if (mer_state_event_in_window (self, g_ptr_array_index (events, i)) &&
            mer_state_event_passes_filters (self, g_ptr_array_index (events, i)))
          return TRUE;
    }

  return FALSE;
}

/**
 * mer_state_set_time_window:
 * @start: the window's first second
 * @end: its last second
 *
 * Marks a span of time: the map shows the events in it and fades (or hides)
 * the others, and marks the regions active in it.
 */
void
mer_state_set_time_window (MerState *self,
                           double    start,
                           double    end)
{
  g_return_if_fail (MER_IS_STATE (self));

  if (end < start)
    {
      double swap = start;
      start = end;
      end = swap;
    }

  if (self->has_window && self->window_start == start && self->window_end == end)
    return;

  self->has_window = TRUE;
  self->window_start = start;
  self->window_end = end;
  g_signal_emit (self, signals[TIME_WINDOW_CHANGED], 0);
}

void
mer_state_clear_time_window (MerState *self)
{
  g_return_if_fail (MER_IS_STATE (self));

  if (!self->has_window)
    return;

  self->has_window = FALSE;
  g_signal_emit (self, signals[TIME_WINDOW_CHANGED], 0);
}

/**
 * mer_state_get_as_of:
 * @second: (out): the date, in seconds as mer_date_first_second() counts
 *
 * The date the map draws regions as of, so that borders are those of the
 * moment being looked at: a date the user picked, else the end of the time
 * window, else the selected event's start, else none (each region's own
 * status, today's).
 *
 * Returns: whether there is such a date
 */
gboolean
mer_state_get_as_of (MerState *self,
                     gint64   *second)
{
  g_return_val_if_fail (MER_IS_STATE (self), FALSE);
  g_return_val_if_fail (second != NULL, FALSE);

  if (self->has_pinned_as_of)
    {
      *second = self->pinned_as_of;
      return TRUE;
    }
  if (self->has_window)
    {
      *second = (gint64) self->window_end;
      return TRUE;
    }
  if (self->selected_event != NULL)
    {
      *second = mer_date_last_second (mer_event_get_start (self->selected_event));
      return TRUE;
    }
  return FALSE;
}

/**
 * mer_state_pin_as_of:
 * @second: the date, in seconds as mer_date_last_second() counts
 *
 * Draws the map as of @second whatever the time window and the selection,
 * until mer_state_unpin_as_of().
 */
void
mer_state_pin_as_of (MerState *self,
                     gint64    second)
{
  g_return_if_fail (MER_IS_STATE (self));

  if (self->has_pinned_as_of && self->pinned_as_of == second)
    return;

  self->pinned_as_of = second;
  self->has_pinned_as_of = TRUE;
  g_signal_emit (self, signals[AS_OF_CHANGED], 0);
}

/**
 * mer_state_unpin_as_of:
 *
 * Goes back to drawing the map as of the time window or the selection.
 */
void
mer_state_unpin_as_of (MerState *self)
{
  g_return_if_fail (MER_IS_STATE (self));

  if (!self->has_pinned_as_of)
    return;

  self->has_pinned_as_of = FALSE;
  g_signal_emit (self, signals[AS_OF_CHANGED], 0);
}

/**
 * mer_state_get_pinned_as_of:
 * @second: (out) (optional): the date picked
 *
 * Returns: whether the user picked a date to draw the map as of
 */
gboolean
mer_state_get_pinned_as_of (MerState *self,
                            gint64   *second)
{
  g_return_val_if_fail (MER_IS_STATE (self), FALSE);

  if (second != NULL)
    *second = self->pinned_as_of;
  return self->has_pinned_as_of;
}

/**
 * mer_state_get_pov:
 *
 * Returns: (nullable): the id of the point of view whose borders the map
 *   draws, or %NULL for Natural Earth's de facto borders
 */
const char *
mer_state_get_pov (MerState *self)
{
  g_return_val_if_fail (MER_IS_STATE (self), NULL);
  return self->pov;
}

void
mer_state_set_pov (MerState   *self,
                   const char *pov)
{
  g_return_if_fail (MER_IS_STATE (self));

  if (g_strcmp0 (self->pov, pov) == 0)
    return;

  g_free (self->pov);
  self->pov = g_strdup (pov);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POV]);
}

/**
 * mer_state_get_time_window:
 * @start: (out) (optional): the window's first second
 * @end: (out) (optional): its last second
 *
 * Returns: whether a time window is set
 */
gboolean
mer_state_get_time_window (MerState *self,
                           double   *start,
                           double   *end)
{
  g_return_val_if_fail (MER_IS_STATE (self), FALSE);

  if (start != NULL)
    *start = self->window_start;
  if (end != NULL)
    *end = self->window_end;
  return self->has_window;
}

/**
 * mer_state_event_in_window:
 *
 * Returns: whether @event overlaps the time window, or %TRUE without one
 */
gboolean
mer_state_event_in_window (MerState *self,
                           MerEvent *event)
{
  gint64 first, last;

  g_return_val_if_fail (MER_IS_STATE (self), TRUE);

  if (!self->has_window)
    return TRUE;
  /* Asked of every marker in every frame while the story plays: the
   * document's index has the seconds the dates would be worked into. */
  if (self->document == NULL || !mer_document_get_event_span (self->document, event, &first, &last))
    {
      first = mer_event_get_first_second (event);
      last = mer_event_get_last_second (event);
    }
  return first <= self->window_end && last >= self->window_start;
}

gboolean
mer_state_get_hide_outside_window (MerState *self)
{
  g_return_val_if_fail (MER_IS_STATE (self), FALSE);
  return self->hide_outside_window;
}

void
mer_state_set_hide_outside_window (MerState *self,
                                   gboolean  hide)
{
  g_return_if_fail (MER_IS_STATE (self));

  if (self->hide_outside_window == hide)
    return;

  self->hide_outside_window = hide;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIDE_OUTSIDE_WINDOW]);
}

/**
 * mer_state_get_filter_region:
 *
 * Returns: (transfer none) (nullable): the region whose events alone are shown
 */
MerRegion *
mer_state_get_filter_region (MerState *self)
{
  g_return_val_if_fail (MER_IS_STATE (self), NULL);
  return self->filter_region;
}

void
mer_state_set_filter_region (MerState  *self,
                             MerRegion *region)
{
  g_return_if_fail (MER_IS_STATE (self));
  g_return_if_fail (region == NULL || MER_IS_REGION (region));

  if (!g_set_object (&self->filter_region, region))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER_REGION]);
  g_signal_emit (self, signals[FILTER_CHANGED], 0);
}

/**
 * mer_state_get_search:
 *
 * Returns: (nullable): the search text
 */
const char *
mer_state_get_search (MerState *self)
{
  g_return_val_if_fail (MER_IS_STATE (self), NULL);
  return self->search;
}

/**
 * mer_state_set_search:
 * @text: (nullable): words to find in titles, summaries, tags, places and
 *   the names of regions (see #MerSearch); %NULL or empty shows every event
 */
void
mer_state_set_search (MerState   *self,
                      const char *text)
{
  g_autofree char *folded = NULL;

  g_return_if_fail (MER_IS_STATE (self));

  if (text != NULL && *text != '\0')
    folded = mer_search_fold (text);
  if (g_strcmp0 (self->search, folded) == 0)
    return;

  g_free (self->search);
  self->search = g_steal_pointer (&folded);
  g_clear_pointer (&self->search_query, mer_search_free);
  self->search_query = mer_search_new (self->search);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
  g_signal_emit (self, signals[FILTER_CHANGED], 0);
}

gboolean
mer_state_get_category_visible (MerState    *self,
                                MerCategory *category)
{
  g_return_val_if_fail (MER_IS_STATE (self), TRUE);
  return !g_hash_table_contains (self->hidden_categories, category);
}

void
mer_state_set_category_visible (MerState    *self,
                                MerCategory *category,
                                gboolean     visible)
{
  g_return_if_fail (MER_IS_STATE (self));
  g_return_if_fail (MER_IS_CATEGORY (category));

  if (visible == mer_state_get_category_visible (self, category))
    return;

  if (visible)
    g_hash_table_remove (self->hidden_categories, category);
  else
    g_hash_table_add (self->hidden_categories, g_object_ref (category));
  g_signal_emit (self, signals[FILTER_CHANGED], 0);
}

/**
 * mer_state_has_filters:
 *
 * Returns: whether any filter is on, so that views can skip testing each
 *   event when none is
 */
gboolean
mer_state_has_filters (MerState *self)
{
  g_return_val_if_fail (MER_IS_STATE (self), FALSE);

  return self->search != NULL || self->filter_region != NULL || g_hash_table_size (self->hidden_categories) > 0;
}

/**
 * mer_state_event_passes_filters:
 *
 * Returns: whether @event passes the search, the category toggles and the
 *   region filter, which both views apply alike
 */
gboolean
mer_state_event_passes_filters (MerState *self,
                                MerEvent *event)
{
  MerCategory *category;

  g_return_val_if_fail (MER_IS_STATE (self), TRUE);

  category = mer_event_get_category (event);
  if (category != NULL && g_hash_table_contains (self->hidden_categories, category))
    return FALSE;
  if (self->filter_region != NULL && !mer_event_touches_region (event, self->filter_region))
    return FALSE;
  if (self->search_query != NULL && !mer_search_matches_event (self->search_query, event))
    return FALSE;

  return TRUE;
}

/* Whether @regions, less its %NULLs, are @highlighted in the same order. */
static gboolean
same_regions (GPtrArray         *highlighted,
              MerRegion * const *regions,
              guint              n_regions)
{
  guint n = 0;

  for (guint i = 0; i < n_regions; i++)
    {
      if (regions[i] == NULL)
        continue;
      if (n >= highlighted->len || g_ptr_array_index (highlighted, n) != regions[i])
        return FALSE;
      n++;
    }

  return n == highlighted->len;
}

/**
 * mer_state_set_highlighted_regions:
 * @regions: (array length=n_regions) (nullable): regions to emphasise, a
 *   slide's for instance
 */
void
mer_state_set_highlighted_regions (MerState         *self,
                                   MerRegion * const *regions,
                                   guint             n_regions)
{
  g_return_if_fail (MER_IS_STATE (self));

  if (same_regions (self->highlighted, regions, n_regions))
    return;

  g_ptr_array_set_size (self->highlighted, 0);
  for (guint i = 0; i < n_regions; i++)
    if (regions[i] != NULL)
      g_ptr_array_add (self->highlighted, g_object_ref (regions[i]));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHTED_REGIONS]);
}

/**
 * mer_state_get_highlighted_regions:
 *
 * Returns: (transfer none) (element-type MerRegion): the regions emphasised
 *   besides those of the selection
 */
GPtrArray *
mer_state_get_highlighted_regions (MerState *self)
{
  g_return_val_if_fail (MER_IS_STATE (self), NULL);
  return self->highlighted;
}

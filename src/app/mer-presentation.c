/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-presentation"

#include "config.h"

#include "mer-presentation.h"

#include "mer-export.h"
#include "mer-export-service.h"
#include "mer-texture.h"

/* A briefing given from the window: each slide sets the shared state (the
 * event selected, the regions highlighted, the time window) and the map's
 * view; the views follow as they always do. What was there before is kept
 * and given back, exactly, when the presentation ends. A story without
 * briefings is presented one event per slide, in time order. */

typedef struct {
  MerView     view;
  MerEvent   *selected_event;
  MerRegion  *selected_region;
  MerRegion  *filter_region;
  char       *search;
  GPtrArray  *hidden_categories;
  GPtrArray  *highlighted;
  double      window_start;
  double      window_end;
  gboolean    has_window;
  gboolean    hide_outside_window;
  char       *pov;   /* the presenter's; each slide without its own shows it */
  double      timeline_start;
  double      timeline_end;
} Saved;

struct _MerPresentation
{
  GObject parent_instance;

  /* Owned */
  MerState    *state;
  MerBriefing *briefing;
  GPtrArray   *events;     /* without a briefing: every event */
  Saved        saved;

  /* Borrowed */
  MerMapWidget *map;
  MerTimeline  *timeline;

  guint index;
};

G_DEFINE_FINAL_TYPE (MerPresentation, mer_presentation, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gpointer
ref_object (gconstpointer object,
            gpointer      user_data)
{
  return g_object_ref ((gpointer) object);
}

static void
save_state (MerPresentation *self)
{
  MerDocument *document = mer_state_get_document (self->state);
  MerTimelineViewport *viewport = mer_timeline_get_viewport (self->timeline);
  GListModel *categories = mer_document_get_categories (document);
  MerMapView map_view;
  Saved *saved = &self->saved;

  mer_map_widget_get_map_view (self->map, &map_view);
  saved->view = (MerView) { map_view.lat, map_view.lon, map_view.zoom };
  g_set_object (&saved->selected_event, mer_state_get_selected_event (self->state));
  g_set_object (&saved->selected_region, mer_state_get_selected_region (self->state));
  g_set_object (&saved->filter_region, mer_state_get_filter_region (self->state));
  saved->search = g_strdup (mer_state_get_search (self->state));
  saved->pov = g_strdup (mer_state_get_pov (self->state));
  saved->hidden_categories = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      MerCategory *category = g_list_model_get_item (categories, i);

      if (!mer_state_get_category_visible (self->state, category))
        g_ptr_array_add (saved->hidden_categories, category);
      else
        g_object_unref (category);
    }
  saved->highlighted = g_ptr_array_copy (mer_state_get_highlighted_regions (self->state),
                                         ref_object, NULL);
  g_ptr_array_set_free_func (saved->highlighted, g_object_unref);
  saved->has_window = mer_state_get_time_window (self->state, &saved->window_start, &saved->window_end);
  saved->hide_outside_window = mer_state_get_hide_outside_window (self->state);
  saved->timeline_start = mer_timeline_viewport_get_start (viewport);
  saved->timeline_end = mer_timeline_viewport_get_end (viewport);
}

/**
 * mer_presentation_restore:
 *
 * Gives back the view, selection, time window and filters of before.
 */
void
mer_presentation_restore (MerPresentation *self)
{
  Saved *saved = &self->saved;
  GListModel *categories = mer_document_get_categories (mer_state_get_document (self->state));

  g_return_if_fail (MER_IS_PRESENTATION (self));

  mer_state_set_selected_event (self->state, saved->selected_event);
  mer_state_set_selected_region (self->state, saved->selected_region);
  mer_state_set_filter_region (self->state, saved->filter_region);
  mer_state_set_search (self->state, saved->search);
  mer_state_set_pov (self->state, saved->pov);
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(MerCategory) category = g_list_model_get_item (categories, i);

      mer_state_set_category_visible (self->state, category,
                                      !g_ptr_array_find (saved->hidden_categories, category, NULL));
    }
  mer_state_set_highlighted_regions (self->state, (MerRegion * const *) saved->highlighted->pdata,
                                     saved->highlighted->len);
  if (saved->has_window)
    mer_state_set_time_window (self->state, saved->window_start, saved->window_end);
  else
    mer_state_clear_time_window (self->state);
  mer_state_set_hide_outside_window (self->state, saved->hide_outside_window);

  /* Last, over the moves that the selection started. */
  mer_map_widget_go_to (self->map, &saved->view, FALSE);
  mer_timeline_viewport_set_range (mer_timeline_get_viewport (self->timeline), saved->timeline_start,
                                   saved->timeline_end);
}

guint
mer_presentation_get_n_slides (MerPresentation *self)
{
  g_return_val_if_fail (MER_IS_PRESENTATION (self), 0);

  return self->briefing != NULL ? mer_briefing_get_n_slides (self->briefing) : self->events->len;
}

guint
mer_presentation_get_index (MerPresentation *self)
{
  g_return_val_if_fail (MER_IS_PRESENTATION (self), 0);
  return self->index;
}

/**
 * mer_presentation_get_state:
 *
 * Returns: (transfer none): the state the slides set
 */
MerState *
mer_presentation_get_state (MerPresentation *self)
{
  g_return_val_if_fail (MER_IS_PRESENTATION (self), NULL);
  return self->state;
}

/**
 * mer_presentation_get_map:
 *
 * Returns: (transfer none): the map the slides are shown on
 */
MerMapWidget *
mer_presentation_get_map (MerPresentation *self)
{
  g_return_val_if_fail (MER_IS_PRESENTATION (self), NULL);
  return self->map;
}

/**
 * mer_presentation_get_slide:
 *
 * Returns: (transfer none) (nullable): the briefing's slide, or %NULL when
 *   the events are presented one by one
 */
MerSlide *
mer_presentation_get_slide (MerPresentation *self,
                            guint            index)
{
  g_return_val_if_fail (MER_IS_PRESENTATION (self), NULL);

  return self->briefing != NULL && index < mer_briefing_get_n_slides (self->briefing)
           ? mer_briefing_get_slide (self->briefing, index) : NULL;
}

/**
 * mer_presentation_render_preview:
 *
 * Draws a slide as it will look, with the export painters, for the
 * presenter's next-slide preview.
 *
 * Returns: (transfer full) (nullable): the picture, or %NULL when the base
 *   map cannot be read
 */
GdkTexture *
mer_presentation_render_preview (MerPresentation *self,
                                 guint            index,
                                 int              width,
                                 int              height)
{
  cairo_surface_t *surface;
  MerMapView audience;

  g_return_val_if_fail (MER_IS_PRESENTATION (self), NULL);
  g_return_val_if_fail (index < mer_presentation_get_n_slides (self), NULL);

  /* The audience's map in miniature: the same area, a smaller zoom. */
  mer_map_widget_get_map_view (self->map, &audience);
  surface = mer_export_service_render_slide (mer_export_service_get_default (), mer_state_get_document (self->state),
                                             mer_presentation_get_slide (self, index),
                                             mer_presentation_get_event (self, index), &audience, width, height,
                                             self->saved.pov, NULL);
  return surface != NULL ? mer_texture_new_for_surface (surface) : NULL;
}

/**
 * mer_presentation_get_event:
 *
 * Returns: (transfer none) (nullable): the slide's event
 */
MerEvent *
mer_presentation_get_event (MerPresentation *self,
                            guint            index)
{
  MerSlide *slide;

  g_return_val_if_fail (MER_IS_PRESENTATION (self), NULL);
  g_return_val_if_fail (index < mer_presentation_get_n_slides (self), NULL);

  slide = mer_presentation_get_slide (self, index);
  return slide != NULL ? mer_slide_get_event (slide) : g_ptr_array_index (self->events, index);
}

char *
mer_presentation_dup_title (MerPresentation *self,
                            guint            index)
{
  MerEvent *event = mer_presentation_get_event (self, index);
  MerSlide *slide = mer_presentation_get_slide (self, index);

  if (event != NULL)
    return g_strdup (mer_event_get_title (event));
  if (slide != NULL && mer_slide_get_caption (slide) != NULL)
    return g_strdup (mer_slide_get_caption (slide));
  return g_strdup (mer_briefing_get_title (self->briefing));
}

char *
mer_presentation_dup_date (MerPresentation *self,
                           guint            index)
{
  MerEvent *event = mer_presentation_get_event (self, index);

  return event != NULL ? mer_event_format_date (event) : NULL;
}

/**
 * mer_presentation_get_caption:
 *
 * Returns: (nullable): the line for the audience
 */
const char *
mer_presentation_get_caption (MerPresentation *self,
                              guint            index)
{
  MerSlide *slide = mer_presentation_get_slide (self, index);
  MerEvent *event = mer_presentation_get_event (self, index);

  if (slide != NULL)
    return event != NULL ? mer_slide_get_caption (slide) : NULL;
  return event != NULL ? mer_event_get_summary (event) : NULL;
}

/**
 * mer_presentation_get_notes:
 *
 * Returns: (nullable): the speaker's notes
 */
const char *
mer_presentation_get_notes (MerPresentation *self,
                            guint            index)
{
  MerSlide *slide = mer_presentation_get_slide (self, index);

  return slide != NULL ? mer_slide_get_notes (slide) : NULL;
}

static void
show_everything (MerPresentation *self)
{
  GListModel *categories = mer_document_get_categories (mer_state_get_document (self->state));

  mer_state_set_search (self->state, NULL);
  mer_state_set_filter_region (self->state, NULL);
  mer_state_set_selected_region (self->state, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(MerCategory) category = g_list_model_get_item (categories, i);

      mer_state_set_category_visible (self->state, category, TRUE);
    }
}

static void
apply_slide (MerPresentation *self)
{
  MerSlide *slide = mer_presentation_get_slide (self, self->index);
  MerEvent *event = mer_presentation_get_event (self, self->index);
  MerMapView map_view;
  MerView view;
  MerDate start, end;

  /* The audience sees the whole story, whatever was being explored, with
   * the presenter's borders unless the slide names its own. */
  show_everything (self);
  mer_state_set_pov (self->state, self->saved.pov);

  /* Selecting flies the map to the event; a slide's own view wins. */
  mer_map_widget_get_map_view (self->map, &map_view);
  mer_export_prepare_page (self->state, slide, event, map_view.width, map_view.height, &view);
  if (slide != NULL && mer_slide_get_view (slide) != NULL)
    mer_map_widget_go_to (self->map, &view, TRUE);

  if (slide != NULL && mer_slide_get_time (slide, &start, &end))
    {
      double first = mer_date_first_second (&start), last = mer_date_last_second (&end);
      double margin = (last - first) * 0.05;

      mer_timeline_viewport_set_range (mer_timeline_get_viewport (self->timeline), first - margin, last + margin);
    }

  g_signal_emit (self, signals[CHANGED], 0);
}

void
mer_presentation_go_to (MerPresentation *self,
                        guint            index)
{
  g_return_if_fail (MER_IS_PRESENTATION (self));

  if (mer_presentation_get_n_slides (self) == 0)
    return;

  self->index = MIN (index, mer_presentation_get_n_slides (self) - 1);
  apply_slide (self);
}

/**
 * mer_presentation_next:
 *
 * Returns: whether there was a next slide
 */
gboolean
mer_presentation_next (MerPresentation *self)
{
  g_return_val_if_fail (MER_IS_PRESENTATION (self), FALSE);

  if (self->index + 1 >= mer_presentation_get_n_slides (self))
    return FALSE;

  mer_presentation_go_to (self, self->index + 1);
  return TRUE;
}

gboolean
mer_presentation_previous (MerPresentation *self)
{
  g_return_val_if_fail (MER_IS_PRESENTATION (self), FALSE);

  if (self->index == 0)
    return FALSE;

  mer_presentation_go_to (self, self->index - 1);
  return TRUE;
}

static void
mer_presentation_finalize (GObject *object)
{
  MerPresentation *self = MER_PRESENTATION (object);

  g_clear_object (&self->state);
  g_clear_object (&self->briefing);
  g_clear_pointer (&self->events, g_ptr_array_unref);
  g_clear_object (&self->saved.selected_event);
  g_clear_object (&self->saved.selected_region);
  g_clear_object (&self->saved.filter_region);
  g_free (self->saved.search);
  g_free (self->saved.pov);
  g_clear_pointer (&self->saved.hidden_categories, g_ptr_array_unref);
  g_clear_pointer (&self->saved.highlighted, g_ptr_array_unref);

  G_OBJECT_CLASS (mer_presentation_parent_class)->finalize (object);
}

static void
mer_presentation_class_init (MerPresentationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mer_presentation_finalize;

  /**
   * MerPresentation::changed:
   *
   * Another slide is shown.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
mer_presentation_init (MerPresentation *self)
{
}

/**
 * mer_presentation_new:
 * @briefing: (nullable): the briefing; without one, the events one by one
 *
 * Keeps the state as it is, to give it back with mer_presentation_restore().
 *
 * Returns: (transfer full): a presentation, not yet on a slide
 */
MerPresentation *
mer_presentation_new (MerState     *state,
                      MerMapWidget *map,
                      MerTimeline  *timeline,
                      MerBriefing  *briefing)
{
  MerPresentation *self = g_object_new (MER_TYPE_PRESENTATION, NULL);
  MerDocument *document = mer_state_get_document (state);
  GListModel *events = mer_document_get_events (document);

  self->state = g_object_ref (state);
  self->map = map;
  self->timeline = timeline;
  g_set_object (&self->briefing, briefing);
  self->events = g_ptr_array_new_with_free_func (g_object_unref);
  if (briefing == NULL)
    for (guint i = 0; i < g_list_model_get_n_items (events); i++)
      g_ptr_array_add (self->events, g_list_model_get_item (events, i));

  save_state (self);
  return self;
}

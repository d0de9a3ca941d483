/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-event"

#include "config.h"

#include "mer-event.h"
#include "mer-model-private.h"

#include <glib/gi18n.h>

G_DEFINE_FINAL_TYPE (MerEvent, mer_event, G_TYPE_OBJECT)

static void
mer_event_finalize (GObject *object)
{
  MerEvent *self = MER_EVENT (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->summary);
  g_free (self->date_label);
  g_clear_object (&self->category);

  for (guint i = 0; i < self->n_places; i++)
    g_free (self->places[i].name);
  g_free (self->places);

  for (guint i = 0; i < self->n_regions; i++)
    g_clear_object (&self->regions[i]);
  g_free (self->regions);

  for (guint i = 0; i < self->n_sources; i++)
    {
      g_free (self->sources[i].title);
      g_free (self->sources[i].url);
    }
  g_free (self->sources);

  g_strfreev (self->tags);

  G_OBJECT_CLASS (mer_event_parent_class)->finalize (object);
}

static void
mer_event_class_init (MerEventClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mer_event_finalize;
}

static void
mer_event_init (MerEvent *self)
{
  self->importance = 3;
}

MerEvent *
mer_event_new (void)
{
  return g_object_new (MER_TYPE_EVENT, NULL);
}

const char *
mer_event_get_id (MerEvent *self)
{
  g_return_val_if_fail (MER_IS_EVENT (self), NULL);
  return self->id;
}

const char *
mer_event_get_title (MerEvent *self)
{
  g_return_val_if_fail (MER_IS_EVENT (self), NULL);
  return self->title;
}

/**
 * mer_event_get_summary:
 *
 * Returns: (nullable): the plain-text summary, if the file gave one
 */
const char *
mer_event_get_summary (MerEvent *self)
{
  g_return_val_if_fail (MER_IS_EVENT (self), NULL);
  return self->summary;
}

const MerDate *
mer_event_get_start (MerEvent *self)
{
  g_return_val_if_fail (MER_IS_EVENT (self), NULL);
  return &self->start;
}

/**
 * mer_event_get_end:
 *
 * Returns: (nullable): the inclusive end, or %NULL for an event without one
 */
const MerDate *
mer_event_get_end (MerEvent *self)
{
  g_return_val_if_fail (MER_IS_EVENT (self), NULL);
  return self->has_end ? &self->end : NULL;
}

/**
 * mer_event_get_date_label:
 *
 * Returns: (nullable): the words the file gives for the date ("Spring 1945",
 *   TimelineJS's `display_date`), or %NULL when the date speaks for itself
 *   (an empty label included)
 */
const char *
mer_event_get_date_label (MerEvent *self)
{
  g_return_val_if_fail (MER_IS_EVENT (self), NULL);
  return self->date_label != NULL && *self->date_label != '\0' ? self->date_label : NULL;
}

gboolean
mer_event_get_circa (MerEvent *self)
{
  g_return_val_if_fail (MER_IS_EVENT (self), FALSE);
  return self->circa;
}

/**
 * mer_event_get_first_second:
 *
 * Returns: the first second the event covers (see mer_date_first_second())
 */
gint64
mer_event_get_first_second (MerEvent *self)
{
  g_return_val_if_fail (MER_IS_EVENT (self), 0);
  return self->first_second;
}

/**
 * mer_event_get_last_second:
 *
 * Returns: the last second the event covers: the end of its end date, or of
 *   its start date when it has no end
 */
gint64
mer_event_get_last_second (MerEvent *self)
{
  g_return_val_if_fail (MER_IS_EVENT (self), 0);
  return self->last_second;
}

/**
 * mer_event_get_category:
 *
 * Returns: (transfer none) (nullable): the category
 */
MerCategory *
mer_event_get_category (MerEvent *self)
{
  g_return_val_if_fail (MER_IS_EVENT (self), NULL);
  return self->category;
}

/**
 * mer_event_get_places:
 * @n_places: (out): the number of places
 *
 * Returns: (array length=n_places): the places, in file order
 */
const MerPlace *
mer_event_get_places (MerEvent *self,
                      guint    *n_places)
{
  g_return_val_if_fail (MER_IS_EVENT (self), NULL);

  *n_places = self->n_places;
  return self->places;
}

/**
 * mer_event_get_regions:
 * @n_regions: (out): the number of regions
 *
 * Returns: (array length=n_regions) (transfer none): the regions the event touches
 */
MerRegion *const *
mer_event_get_regions (MerEvent *self,
                       guint    *n_regions)
{
  g_return_val_if_fail (MER_IS_EVENT (self), NULL);

  *n_regions = self->n_regions;
  return self->regions;
}

gboolean
mer_event_touches_region (MerEvent  *self,
                          MerRegion *region)
{
  g_return_val_if_fail (MER_IS_EVENT (self), FALSE);

  for (guint i = 0; i < self->n_regions; i++)
    if (self->regions[i] == region)
      return TRUE;

  return FALSE;
}

/**
 * mer_event_get_sources:
 * @n_sources: (out): the number of sources
 *
 * Returns: (array length=n_sources): the sources, in file order
 */
const MerSource *
mer_event_get_sources (MerEvent *self,
                       guint    *n_sources)
{
  g_return_val_if_fail (MER_IS_EVENT (self), NULL);

  *n_sources = self->n_sources;
  return self->sources;
}

/**
 * mer_event_get_tags:
 *
 * Returns: (nullable) (array zero-terminated=1): the tags
 */
const char * const *
mer_event_get_tags (MerEvent *self)
{
  g_return_val_if_fail (MER_IS_EVENT (self), NULL);
  return (const char * const *) self->tags;
}

/**
 * mer_event_get_importance:
 *
 * Returns: the importance, 1 (minor) to 5 (turning point); 3 if not given
 */
guint
mer_event_get_importance (MerEvent *self)
{
  g_return_val_if_fail (MER_IS_EVENT (self), 3);
  return self->importance;
}

/**
 * mer_event_get_view:
 *
 * Returns: (nullable): the view the file chose for this event
 */
const MerView *
mer_event_get_view (MerEvent *self)
{
  g_return_val_if_fail (MER_IS_EVENT (self), NULL);
  return self->has_view ? &self->view : NULL;
}

/**
 * mer_event_get_line:
 *
 * Returns: the line of the event file where the event starts
 */
guint
mer_event_get_line (MerEvent *self)
{
  g_return_val_if_fail (MER_IS_EVENT (self), 0);
  return self->line;
}

/**
 * mer_event_format_dates:
 *
 * Returns: (transfer full): the event's dates alone, at their precision,
 *   without its date label
 */
char *
mer_event_format_dates (MerEvent *self)
{
  g_return_val_if_fail (MER_IS_EVENT (self), NULL);

  return mer_date_format_range (&self->start, self->has_end ? &self->end : NULL, self->circa);
}

/**
 * mer_event_format_date:
 *
 * The label goes first, in the author's words, and the dates follow so that
 * the reader still sees where the event sits in time; a label that only
 * repeats the dates is not shown twice.
 *
 * Returns: (transfer full): the event's date for display: its date label
 *   followed by its dates, "Spring 1945 (1945)", or its dates alone
 */
char *
mer_event_format_date (MerEvent *self)
{
  g_autofree char *dates = NULL;
  const char *label;

  g_return_val_if_fail (MER_IS_EVENT (self), NULL);

  dates = mer_event_format_dates (self);
  label = mer_event_get_date_label (self);
  if (label == NULL || g_str_equal (label, dates))
    return g_steal_pointer (&dates);

  /* Translators: an event's date label in the author's words, then its dates, as "Spring 1945 (1945)" */
  return g_strdup_printf (C_("date label", "%1$s (%2$s)"), label, dates);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-document"

#include "config.h"

#include "mer-document.h"

#include "mer-document-private.h"
#include "mer-item-list.h"
#include "mer-model-private.h"
#include "mer-time-index.h"

#include <glib/gi18n.h>

struct _MerDocument
{
  GObject parent_instance;

  /* Owned */
  GFile        *file;
  char         *title;
  char         *subtitle;
  char         *description;
  char         *attribution;
  MerDate       revised;
  gboolean      has_revised;
  char         *imported_from;
  MerItemList  *categories;
  MerItemList  *regions;
  MerItemList  *eras;
  MerItemList  *events;
  MerItemList  *briefings;
  GHashTable   *category_ids;
  GHashTable   *region_ids;
  GHashTable   *era_ids;
  guint32      *event_slots;     /* by id: position in events + 1, 0 when free */
  guint         event_mask;
  GHashTable   *briefing_ids;
  GHashTable   *region_events;   /* MerRegion → GPtrArray of MerEvent, in time order */
  MerTimeIndex *time_index;

  MerView       view;
  gboolean      has_view;
};

G_DEFINE_FINAL_TYPE (MerDocument, mer_document, G_TYPE_OBJECT)

static void
mer_document_finalize (GObject *object)
{
  MerDocument *self = MER_DOCUMENT (object);

  g_clear_object (&self->file);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->description);
  g_free (self->attribution);
  g_free (self->imported_from);
  g_clear_pointer (&self->category_ids, g_hash_table_unref);
  g_clear_pointer (&self->region_ids, g_hash_table_unref);
  g_clear_pointer (&self->era_ids, g_hash_table_unref);
  g_clear_pointer (&self->event_slots, g_free);
  g_clear_pointer (&self->briefing_ids, g_hash_table_unref);
  g_clear_pointer (&self->region_events, g_hash_table_unref);
  g_clear_pointer (&self->time_index, mer_time_index_free);
  g_clear_object (&self->categories);
  g_clear_object (&self->regions);
  g_clear_object (&self->eras);
  g_clear_object (&self->events);
  g_clear_object (&self->briefings);

  G_OBJECT_CLASS (mer_document_parent_class)->finalize (object);
}

static void
mer_document_class_init (MerDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mer_document_finalize;
}

static void
mer_document_init (MerDocument *self)
{
}

MerDocument *
mer_document_new (GFile *file)
{
  MerDocument *self = g_object_new (MER_TYPE_DOCUMENT, NULL);

  g_set_object (&self->file, file);
  return self;
}

void
mer_document_set_text (MerDocument *self,
                       const char  *title,
                       const char  *subtitle,
                       const char  *description,
                       const char  *attribution)
{
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->description);
  g_free (self->attribution);
  self->title = g_strdup (title);
  self->subtitle = g_strdup (subtitle);
  self->description = g_strdup (description);
  self->attribution = g_strdup (attribution);
}

void
mer_document_set_revised (MerDocument   *self,
                          const MerDate *revised)
{
  self->has_revised = revised != NULL;
  if (revised != NULL)
    self->revised = *revised;
}

void
mer_document_set_view (MerDocument   *self,
                       const MerView *view)
{
  self->has_view = view != NULL;
  if (view != NULL)
    self->view = *view;
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  MerEvent *x = *(MerEvent * const *) a;
  MerEvent *y = *(MerEvent * const *) b;

  return mer_date_compare (&x->start, &y->start);
}

static GHashTable *
index_ids (GPtrArray   *items,
           const char *(*get_id) (gpointer))
{
  GHashTable *ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < items->len; i++)
    g_hash_table_insert (ids, (gpointer) get_id (g_ptr_array_index (items, i)), g_ptr_array_index (items, i));

  return ids;
}

/* The events by id, in an open-addressed table of 32-bit positions: a
 * GHashTable of 100,000 events takes 5 MiB (a key, a value and a hash for
 * each of 262,144 buckets), this one 1 MiB. */
static void
index_event_ids (MerDocument *self,
                 GPtrArray   *events)
{
  guint size = 8;

  while (size - size / 4 <= events->len)
    size *= 2;
  self->event_mask = size - 1;
  self->event_slots = g_new0 (guint32, size);

  for (guint i = 0; i < events->len; i++)
    {
      MerEvent *event = g_ptr_array_index (events, i);
      guint slot = g_str_hash (mer_event_get_id (event)) & self->event_mask;

      /* The loader and the importers make ids unique, so a free slot is
       * all there is to find: comparing ids on the way would touch an event
       * at random for each slot passed, a cache miss each. */
      while (self->event_slots[slot] != 0)
        slot = (slot + 1) & self->event_mask;
      self->event_slots[slot] = i + 1;
    }
}

/**
 * mer_document_finish:
 *
 * Takes the loaded items, sorts the events by start (a stable sort, so
 * events starting together keep their file order) and builds the indexes.
 */
void
mer_document_finish (MerDocument *self,
                     GPtrArray   *categories,
                     GPtrArray   *regions,
                     GPtrArray   *eras,
                     GPtrArray   *events,
                     GPtrArray   *briefings)
{
  g_autofree gint64 *firsts = NULL;
  g_autofree gint64 *lasts = NULL;

  g_ptr_array_sort (events, compare_events);

  self->categories = mer_item_list_new (MER_TYPE_CATEGORY, categories);
  self->regions = mer_item_list_new (MER_TYPE_REGION, regions);
  self->eras = mer_item_list_new (MER_TYPE_ERA, eras);
  self->events = mer_item_list_new (MER_TYPE_EVENT, events);
  self->briefings = mer_item_list_new (MER_TYPE_BRIEFING, briefings);

  self->category_ids = index_ids (categories, (gpointer) mer_category_get_id);
  self->region_ids = index_ids (regions, (gpointer) mer_region_get_id);
  self->era_ids = index_ids (eras, (gpointer) mer_era_get_id);
  index_event_ids (self, events);
  self->briefing_ids = index_ids (briefings, (gpointer) mer_briefing_get_id);

  self->region_events = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < regions->len; i++)
    g_hash_table_insert (self->region_events, g_ptr_array_index (regions, i), g_ptr_array_new ());

  firsts = g_new (gint64, MAX (events->len, 1));
  lasts = g_new (gint64, MAX (events->len, 1));
  for (guint i = 0; i < events->len; i++)
    {
      MerEvent *event = g_ptr_array_index (events, i);

      event->position = i;
      firsts[i] = mer_event_get_first_second (event);
      lasts[i] = mer_event_get_last_second (event);

      for (guint r = 0; r < event->n_regions; r++)
        g_ptr_array_add (g_hash_table_lookup (self->region_events, event->regions[r]), event);
    }
  self->time_index = mer_time_index_new_take (g_steal_pointer (&firsts), g_steal_pointer (&lasts), events->len);
}

/**
 * mer_document_get_file:
 *
 * Returns: (transfer none) (nullable): the file the document was read from
 */
GFile *
mer_document_get_file (MerDocument *self)
{
  g_return_val_if_fail (MER_IS_DOCUMENT (self), NULL);
  return self->file;
}

/**
 * mer_document_get_title:
 *
 * Returns: (nullable): the story's title
 */
const char *
mer_document_get_title (MerDocument *self)
{
  g_return_val_if_fail (MER_IS_DOCUMENT (self), NULL);
  return self->title;
}

/**
 * mer_document_get_subtitle:
 *
 * Returns: (nullable): the story's subtitle
 */
const char *
mer_document_get_subtitle (MerDocument *self)
{
  g_return_val_if_fail (MER_IS_DOCUMENT (self), NULL);
  return self->subtitle;
}

/**
 * mer_document_get_description:
 *
 * Returns: (nullable): the story's description
 */
const char *
mer_document_get_description (MerDocument *self)
{
  g_return_val_if_fail (MER_IS_DOCUMENT (self), NULL);
  return self->description;
}

/**
 * mer_document_get_revised:
 *
 * Returns: (nullable): the date the story was last revised, which its
 *   facts are as of; %NULL when the file does not say
 */
const MerDate *
mer_document_get_revised (MerDocument *self)
{
  g_return_val_if_fail (MER_IS_DOCUMENT (self), NULL);
  return self->has_revised ? &self->revised : NULL;
}

/**
 * mer_document_dup_revised_text:
 *
 * Returns: (transfer full) (nullable): "As of 29 Nov 2026", for the
 *   title of the story and of every export; %NULL when the file does not
 *   say when it was revised
 */
char *
mer_document_dup_revised_text (MerDocument *self)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (MER_IS_DOCUMENT (self), NULL);

  if (!self->has_revised)
    return NULL;
  date = mer_date_format (&self->revised, FALSE);
  return g_strdup_printf (_("As of %s"), date);
}

/**
 * mer_document_get_attribution:
 *
 * Returns: (nullable): the credit line for the story's sources
 */
const char *
mer_document_get_attribution (MerDocument *self)
{
  g_return_val_if_fail (MER_IS_DOCUMENT (self), NULL);
  return self->attribution;
}

/**
 * mer_document_get_view:
 *
 * Returns: (nullable): the view the story opens on
 */
const MerView *
mer_document_get_view (MerDocument *self)
{
  g_return_val_if_fail (MER_IS_DOCUMENT (self), NULL);
  return self->has_view ? &self->view : NULL;
}

/**
 * mer_document_get_events:
 *
 * Returns: (transfer none): the #MerEvent list, sorted by start
 */
GListModel *
mer_document_get_events (MerDocument *self)
{
  g_return_val_if_fail (MER_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->events);
}

/**
 * mer_document_get_regions:
 *
 * Returns: (transfer none): the #MerRegion list, in file order
 */
GListModel *
mer_document_get_regions (MerDocument *self)
{
  g_return_val_if_fail (MER_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->regions);
}

/**
 * mer_document_get_categories:
 *
 * Returns: (transfer none): the #MerCategory list, in file order
 */
GListModel *
mer_document_get_categories (MerDocument *self)
{
  g_return_val_if_fail (MER_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->categories);
}

/**
 * mer_document_get_eras:
 *
 * Returns: (transfer none): the #MerEra list, in file order
 */
GListModel *
mer_document_get_eras (MerDocument *self)
{
  g_return_val_if_fail (MER_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->eras);
}

/**
 * mer_document_get_briefings:
 *
 * Returns: (transfer none): the #MerBriefing list, in file order
 */
GListModel *
mer_document_get_briefings (MerDocument *self)
{
  g_return_val_if_fail (MER_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->briefings);
}

/**
 * mer_document_get_event_span:
 * @first: (out): the first second @event covers
 * @last: (out): its last second
 *
 * What mer_event_get_first_second() and mer_event_get_last_second() say,
 * read from the document's time index rather than worked out from the
 * dates: for views that ask for every event in every frame.
 *
 * Returns: whether @event is one of the document's
 */
gboolean
mer_document_get_event_span (MerDocument *self,
                             MerEvent    *event,
                             gint64      *first,
                             gint64      *last)
{
  g_return_val_if_fail (MER_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (MER_IS_EVENT (event), FALSE);

  if (self->time_index == NULL || event->position >= g_list_model_get_n_items (G_LIST_MODEL (self->events)) ||
      mer_item_list_peek (self->events, event->position) != event)
    return FALSE;

  mer_time_index_get_span (self->time_index, event->position, first, last);
  return TRUE;
}

/**
 * mer_document_lookup_event:
 *
 * Returns: (transfer none) (nullable): the event with @id
 */
MerEvent *
mer_document_lookup_event (MerDocument *self,
                           const char  *id)
{
  guint slot;

  g_return_val_if_fail (MER_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (self->event_slots == NULL)
    return NULL;

  for (slot = g_str_hash (id) & self->event_mask; self->event_slots[slot] != 0;
       slot = (slot + 1) & self->event_mask)
    {
      MerEvent *event = mer_item_list_peek (self->events, self->event_slots[slot] - 1);

      if (g_str_equal (mer_event_get_id (event), id))
        return event;
    }

  return NULL;
}

/**
 * mer_document_lookup_region:
 *
 * Returns: (transfer none) (nullable): the region with @id
 */
MerRegion *
mer_document_lookup_region (MerDocument *self,
                            const char  *id)
{
  g_return_val_if_fail (MER_IS_DOCUMENT (self), NULL);
  return g_hash_table_lookup (self->region_ids, id);
}

/**
 * mer_document_lookup_category:
 *
 * Returns: (transfer none) (nullable): the category with @id
 */
MerCategory *
mer_document_lookup_category (MerDocument *self,
                              const char  *id)
{
  g_return_val_if_fail (MER_IS_DOCUMENT (self), NULL);
  return g_hash_table_lookup (self->category_ids, id);
}

/**
 * mer_document_lookup_era:
 *
 * Returns: (transfer none) (nullable): the era with @id
 */
MerEra *
mer_document_lookup_era (MerDocument *self,
                         const char  *id)
{
  g_return_val_if_fail (MER_IS_DOCUMENT (self), NULL);
  return g_hash_table_lookup (self->era_ids, id);
}

/**
 * mer_document_lookup_briefing:
 *
 * Returns: (transfer none) (nullable): the briefing with @id
 */
MerBriefing *
mer_document_lookup_briefing (MerDocument *self,
                              const char  *id)
{
  g_return_val_if_fail (MER_IS_DOCUMENT (self), NULL);
  return g_hash_table_lookup (self->briefing_ids, id);
}

/**
 * mer_document_get_region_events:
 *
 * Returns: (transfer none) (element-type MerEvent) (nullable): the events
 *   touching @region, in time order, or %NULL if @region is not in the document
 */
GPtrArray *
mer_document_get_region_events (MerDocument *self,
                                MerRegion   *region)
{
  g_return_val_if_fail (MER_IS_DOCUMENT (self), NULL);
  return g_hash_table_lookup (self->region_events, region);
}

/**
 * mer_document_query_window:
 * @first_second: the window's first second (see mer_date_first_second())
 * @last_second: its inclusive last second
 *
 * Finds the events overlapping the window through the time index, without
 * looking at the others.
 *
 * Returns: (transfer full) (element-type MerEvent): the events, in time order
 */
GPtrArray *
mer_document_query_window (MerDocument *self,
                           gint64       first_second,
                           gint64       last_second)
{
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (guint));
  GPtrArray *events;

  g_return_val_if_fail (MER_IS_DOCUMENT (self), NULL);

  mer_time_index_query (self->time_index, first_second, last_second, hits);

  events = g_ptr_array_new_full (hits->len, g_object_unref);
  for (guint i = 0; i < hits->len; i++)
    g_ptr_array_add (events, g_object_ref (mer_item_list_peek (self->events, g_array_index (hits, guint, i))));

  return events;
}

/**
 * mer_document_query_positions:
 * @positions: an array of guint to which the positions, in
 *   mer_document_get_events(), of the events overlapping the window are
 *   appended in time order
 *
 * Like mer_document_query_window() without taking a reference on each
 * event, for views that lay out many events each frame.
 */
void
mer_document_query_positions (MerDocument *self,
                              gint64       first_second,
                              gint64       last_second,
                              GArray      *positions)
{
  g_return_if_fail (MER_IS_DOCUMENT (self));
  g_return_if_fail (positions != NULL);

  mer_time_index_query (self->time_index, first_second, last_second, positions);
}

/**
 * mer_document_query_dates:
 * @from: the window's first date
 * @to: its last date, inclusive at its precision
 *
 * Returns: (transfer full) (element-type MerEvent): the events overlapping
 *   the window, in time order
 */
GPtrArray *
mer_document_query_dates (MerDocument   *self,
                          const MerDate *from,
                          const MerDate *to)
{
  g_return_val_if_fail (MER_IS_DOCUMENT (self), NULL);

  return mer_document_query_window (self, mer_date_first_second (from), mer_date_last_second (to));
}

/**
 * mer_document_set_imported_from:
 * @format: the name of the format the document was imported from
 *
 * Marks a document built from a file that is not a Meridian story.
 */
void
mer_document_set_imported_from (MerDocument *self,
                                const char  *format)
{
  g_return_if_fail (MER_IS_DOCUMENT (self));

  g_free (self->imported_from);
  self->imported_from = g_strdup (format);
}

/**
 * mer_document_get_imported_from:
 *
 * Returns: (nullable): the format the document's file is in ("TimelineJS",
 *   "CSV"…) when it is not a Meridian story, so that nothing is written
 *   into it as if it were one
 */
const char *
mer_document_get_imported_from (MerDocument *self)
{
  g_return_val_if_fail (MER_IS_DOCUMENT (self), NULL);
  return self->imported_from;
}

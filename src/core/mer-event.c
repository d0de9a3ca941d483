/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-event"

#include "config.h"

#include "mer-event.h"
#include "mer-model-private.h"

#include <glib/gi18n.h>

#include <string.h>

G_DEFINE_FINAL_TYPE (MerEvent, mer_event, G_TYPE_OBJECT)

static void
draft_free (MerEventDraft *draft,
            guint          n_places,
            guint          n_sources)
{
  g_free (draft->id);
  g_free (draft->title);
  g_free (draft->summary);
  g_free (draft->date_label);

  for (guint i = 0; i < n_places; i++)
    g_free (draft->places[i].name);
  g_free (draft->places);

  for (guint i = 0; i < n_sources; i++)
    {
      g_free (draft->sources[i].title);
      g_free (draft->sources[i].url);
    }
  g_free (draft->sources);

  g_strfreev (draft->tags);
  g_free (draft->view);
  g_free (draft);
}

static void
mer_event_finalize (GObject *object)
{
  MerEvent *self = MER_EVENT (object);

  if (self->packed)
    g_free (self->block);
  else
    draft_free (self->draft, self->n_places, self->n_sources);

  g_clear_object (&self->category);

  for (guint i = 0; i < self->n_regions; i++)
    g_clear_object (&self->regions[i]);
  g_free (self->regions);

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
  self->draft = g_new0 (MerEventDraft, 1);
  self->importance = 3;
}

MerEvent *
mer_event_new (void)
{
  return g_object_new (MER_TYPE_EVENT, NULL);
}

/**
 * mer_event_set_view:
 * @view: (nullable): the view the file chose, or %NULL for none
 *
 * For the loader and the importers, before the event is packed.
 */
void
mer_event_set_view (MerEvent      *self,
                    const MerView *view)
{
  g_return_if_fail (!self->packed);

  g_clear_pointer (&self->draft->view, g_free);
  if (view != NULL)
    self->draft->view = g_memdup2 (view, sizeof *view);
}

/* The size a string takes in the packed block: a place or a source named
 * after the event (as importers name them when a file has no better name)
 * shares the title's bytes. */
static gsize
packed_size (const char *text,
             const char *title)
{
  if (text == NULL || (title != NULL && strcmp (text, title) == 0))
    return 0;
  return strlen (text) + 1;
}

typedef struct {
  char       *next;
  const char *title;
} Packer;

static char *
pack_string (Packer     *packer,
             const char *text)
{
  gsize size;
  char *copy;

  if (text == NULL)
    return NULL;
  if (packer->title != NULL && strcmp (text, packer->title) == 0)
    return (char *) packer->title;

  size = strlen (text) + 1;
  copy = memcpy (packer->next, text, size);
  packer->next += size;
  return copy;
}

static guint32
block_offset (const char *block,
              const char *text)
{
  return text != NULL ? (guint32) (text - block) : 0;
}

/* Where the packed arrays are, in the order mer_event_pack() lays them. */
static MerView *
packed_view (MerEvent *self)
{
  return (MerView *) (self->block + self->arrays + (self->has_end ? sizeof (MerDate) : 0));
}

static MerPlace *
packed_places (MerEvent *self)
{
  return (MerPlace *) ((char *) packed_view (self) + (self->has_view ? sizeof (MerView) : 0));
}

static MerSource *
packed_sources (MerEvent *self)
{
  return (MerSource *) (packed_places (self) + self->n_places);
}

/**
 * mer_event_pack:
 *
 * Moves the event's strings, places, sources, tags, view and end date into
 * one allocation, the id first, and frees the draft. An event read from a
 * file is mostly a few short strings, and each allocation of its own cost
 * it 16 to 30 bytes of the allocator's headers and rounding: for 100,000
 * events, a tenth of the document. Called once an event is complete and
 * before anything keeps a pointer to its strings; an event without an id,
 * or too large for 32-bit offsets, is left as it is.
 */
void
mer_event_pack (MerEvent *self)
{
  MerEventDraft *draft = self->draft;
  gsize strings = 0, arrays, size, n_tags = 0;
  Packer packer;
  char *block;
  MerPlace *places;
  MerSource *sources;
  char **tags;

  g_return_if_fail (!self->packed);

  if (draft->id == NULL)
    return;

  strings = strlen (draft->id) + 1;
  if (draft->title != NULL)
    strings += strlen (draft->title) + 1;
  strings += packed_size (draft->summary, draft->title);
  strings += packed_size (draft->date_label, draft->title);
  for (guint i = 0; i < self->n_places; i++)
    strings += packed_size (draft->places[i].name, draft->title);
  for (guint i = 0; i < self->n_sources; i++)
    strings += packed_size (draft->sources[i].title, draft->title) + packed_size (draft->sources[i].url, draft->title);
  if (draft->tags != NULL)
    for (; draft->tags[n_tags] != NULL; n_tags++)
      strings += packed_size (draft->tags[n_tags], draft->title);

  /* The arrays after the strings, aligned for their doubles and pointers. */
  arrays = (strings + 7) & ~(gsize) 7;
  size = arrays;
  size += self->has_end ? sizeof (MerDate) : 0;
  size += draft->view != NULL ? sizeof (MerView) : 0;
  size += self->n_places * sizeof (MerPlace) + self->n_sources * sizeof (MerSource);
  size += draft->tags != NULL ? (n_tags + 1) * sizeof (char *) : 0;
  if (size > G_MAXUINT32)
    return;

  block = g_malloc (size);
  packer.next = block;
  packer.title = NULL;
  pack_string (&packer, draft->id);
  packer.title = pack_string (&packer, draft->title);
  self->title = block_offset (block, packer.title);

  self->block = block;
  self->arrays = (guint32) arrays;
  self->has_view = draft->view != NULL;
  self->has_places = draft->places != NULL;
  self->has_sources = draft->sources != NULL;
  self->has_tags = draft->tags != NULL;

  if (self->has_end)
    *(MerDate *) (block + arrays) = draft->end;
  if (self->has_view)
    *packed_view (self) = *draft->view;
  places = packed_places (self);
  sources = packed_sources (self);
  tags = (char **) (sources + self->n_sources);

  for (guint i = 0; i < self->n_places; i++)
    {
      places[i] = draft->places[i];
      places[i].name = pack_string (&packer, draft->places[i].name);
    }
  for (guint i = 0; i < self->n_sources; i++)
    {
      sources[i].title = pack_string (&packer, draft->sources[i].title);
      sources[i].url = pack_string (&packer, draft->sources[i].url);
    }
  if (self->has_tags)
    {
      for (gsize i = 0; i < n_tags; i++)
        tags[i] = pack_string (&packer, draft->tags[i]);
      tags[n_tags] = NULL;
    }

  self->summary = block_offset (block, pack_string (&packer, draft->summary));
  self->date_label = block_offset (block, pack_string (&packer, draft->date_label));
  g_assert ((gsize) (packer.next - block) == strings);

  draft_free (draft, self->n_places, self->n_sources);
  self->packed = TRUE;
}

static const char *
packed_string (MerEvent *self,
               guint32   offset)
{
  return offset != 0 ? self->block + offset : NULL;
}

const char *
mer_event_get_id (MerEvent *self)
{
  g_return_val_if_fail (MER_IS_EVENT (self), NULL);
  return self->packed ? self->block : self->draft->id;
}

const char *
mer_event_get_title (MerEvent *self)
{
  g_return_val_if_fail (MER_IS_EVENT (self), NULL);
  return self->packed ? packed_string (self, self->title) : self->draft->title;
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
  return self->packed ? packed_string (self, self->summary) : self->draft->summary;
}

const MerDate *
mer_event_get_start (MerEvent *self)
{
  g_return_val_if_fail (MER_IS_EVENT (self), NULL);
  return &self->start;
}

static const MerDate *
end_date (MerEvent *self)
{
  if (!self->has_end)
    return NULL;
  return self->packed ? (const MerDate *) (self->block + self->arrays) : &self->draft->end;
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
  return end_date (self);
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
  const char *label;

  g_return_val_if_fail (MER_IS_EVENT (self), NULL);

  label = self->packed ? packed_string (self, self->date_label) : self->draft->date_label;
  return label != NULL && *label != '\0' ? label : NULL;
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
  return mer_date_first_second (&self->start);
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
  const MerDate *end;
  gint64 last;

  g_return_val_if_fail (MER_IS_EVENT (self), 0);

  last = mer_date_last_second (&self->start);
  end = end_date (self);
  return end != NULL ? MAX (last, mer_date_last_second (end)) : last;
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
  if (!self->packed)
    return self->draft->places;
  return self->has_places ? packed_places (self) : NULL;
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
  if (!self->packed)
    return self->draft->sources;
  return self->has_sources ? packed_sources (self) : NULL;
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
  if (!self->packed)
    return (const char * const *) self->draft->tags;
  return self->has_tags ? (const char * const *) (packed_sources (self) + self->n_sources) : NULL;
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
  if (!self->packed)
    return self->draft->view;
  return self->has_view ? packed_view (self) : NULL;
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

  return mer_date_format_range (&self->start, end_date (self), self->circa);
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

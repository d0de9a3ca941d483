/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-briefing"

#include "config.h"

#include "mer-briefing.h"
#include "mer-model-private.h"

G_DEFINE_FINAL_TYPE (MerSlide, mer_slide, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (MerBriefing, mer_briefing, G_TYPE_OBJECT)

static void
mer_slide_finalize (GObject *object)
{
  MerSlide *self = MER_SLIDE (object);

  g_clear_object (&self->event);
  g_free (self->caption);
  g_free (self->notes);
  g_free (self->pov);
  for (guint i = 0; i < self->n_regions; i++)
    g_clear_object (&self->regions[i]);
  g_free (self->regions);

  G_OBJECT_CLASS (mer_slide_parent_class)->finalize (object);
}

static void
mer_slide_class_init (MerSlideClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mer_slide_finalize;
}

static void
mer_slide_init (MerSlide *self)
{
}

MerSlide *
mer_slide_new (void)
{
  return g_object_new (MER_TYPE_SLIDE, NULL);
}

/**
 * mer_slide_get_event:
 *
 * Returns: (transfer none) (nullable): the event the slide shows
 */
MerEvent *
mer_slide_get_event (MerSlide *self)
{
  g_return_val_if_fail (MER_IS_SLIDE (self), NULL);
  return self->event;
}

/**
 * mer_slide_get_caption:
 *
 * Returns: (nullable): the caption shown to the audience
 */
const char *
mer_slide_get_caption (MerSlide *self)
{
  g_return_val_if_fail (MER_IS_SLIDE (self), NULL);
  return self->caption;
}

/**
 * mer_slide_get_notes:
 *
 * Returns: (nullable): the speaker's notes
 */
const char *
mer_slide_get_notes (MerSlide *self)
{
  g_return_val_if_fail (MER_IS_SLIDE (self), NULL);
  return self->notes;
}

/**
 * mer_slide_get_pov:
 *
 * Returns: (nullable): the point of view whose borders the slide's map
 *   draws, as "jpn" (see mer-pov.h); %NULL for the presenter's own
 */
const char *
mer_slide_get_pov (MerSlide *self)
{
  g_return_val_if_fail (MER_IS_SLIDE (self), NULL);
  return self->pov;
}

/**
 * mer_slide_get_view:
 *
 * Returns: (nullable): the slide's own view
 */
const MerView *
mer_slide_get_view (MerSlide *self)
{
  g_return_val_if_fail (MER_IS_SLIDE (self), NULL);
  return self->has_view ? &self->view : NULL;
}

/**
 * mer_slide_get_regions:
 * @n_regions: (out): the number of regions
 *
 * Returns: (array length=n_regions) (transfer none): the regions to highlight
 */
MerRegion * const *
mer_slide_get_regions (MerSlide *self,
                       guint    *n_regions)
{
  g_return_val_if_fail (MER_IS_SLIDE (self), NULL);

  *n_regions = self->n_regions;
  return self->regions;
}

/**
 * mer_slide_get_time:
 * @start: (out) (optional): the window's first date
 * @end: (out) (optional): the window's inclusive last date
 *
 * Returns: whether the slide sets a time window
 */
gboolean
mer_slide_get_time (MerSlide *self,
                    MerDate  *start,
                    MerDate  *end)
{
  g_return_val_if_fail (MER_IS_SLIDE (self), FALSE);

  if (!self->has_time)
    return FALSE;
  if (start != NULL)
    *start = self->time_start;
  if (end != NULL)
    *end = self->time_end;
  return TRUE;
}

guint
mer_slide_get_line (MerSlide *self)
{
  g_return_val_if_fail (MER_IS_SLIDE (self), 0);
  return self->line;
}

static void
mer_briefing_finalize (GObject *object)
{
  MerBriefing *self = MER_BRIEFING (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->description);
  g_clear_pointer (&self->slides, g_ptr_array_unref);

  G_OBJECT_CLASS (mer_briefing_parent_class)->finalize (object);
}

static void
mer_briefing_class_init (MerBriefingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mer_briefing_finalize;
}

static void
mer_briefing_init (MerBriefing *self)
{
  self->slides = g_ptr_array_new_with_free_func (g_object_unref);
}

MerBriefing *
mer_briefing_new (void)
{
  return g_object_new (MER_TYPE_BRIEFING, NULL);
}

const char *
mer_briefing_get_id (MerBriefing *self)
{
  g_return_val_if_fail (MER_IS_BRIEFING (self), NULL);
  return self->id;
}

const char *
mer_briefing_get_title (MerBriefing *self)
{
  g_return_val_if_fail (MER_IS_BRIEFING (self), NULL);
  return self->title;
}

/**
 * mer_briefing_get_description:
 *
 * Returns: (nullable): the description, if the file gave one
 */
const char *
mer_briefing_get_description (MerBriefing *self)
{
  g_return_val_if_fail (MER_IS_BRIEFING (self), NULL);
  return self->description;
}

guint
mer_briefing_get_n_slides (MerBriefing *self)
{
  g_return_val_if_fail (MER_IS_BRIEFING (self), 0);
  return self->slides->len;
}

/**
 * mer_briefing_get_slide:
 *
 * Returns: (transfer none): the slide at @index
 */
MerSlide *
mer_briefing_get_slide (MerBriefing *self,
                        guint        index)
{
  g_return_val_if_fail (MER_IS_BRIEFING (self), NULL);
  g_return_val_if_fail (index < self->slides->len, NULL);

  return g_ptr_array_index (self->slides, index);
}

guint
mer_briefing_get_line (MerBriefing *self)
{
  g_return_val_if_fail (MER_IS_BRIEFING (self), 0);
  return self->line;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The instance structs of the model classes. The model is immutable once
 * loaded: only the classes themselves and the loader that fills them include
 * this header. */

#include "mer-briefing.h"
#include "mer-category.h"
#include "mer-era.h"
#include "mer-event.h"
#include "mer-geometry.h"
#include "mer-region.h"

G_BEGIN_DECLS

struct _MerCategory
{
  GObject parent_instance;

  char    *id;
  char    *name;
  char    *description;
  guint32  color;
  guint    line;
};

struct _MerRegion
{
  GObject parent_instance;

  char            *id;
  char            *name;
  char            *description;
  MerName         *names;
  guint            n_names;
  MerRegionStatus  status;
  guint32          color;
  char            *geometry_path;   /* as written, when not inline */
  MerGeometry     *geometry;
  MerRegionPeriod *periods;         /* in time order, never overlapping */
  guint            n_periods;
  guint            line;
};

struct _MerEra
{
  GObject parent_instance;

  char    *id;
  char    *title;
  char    *description;
  MerDate  start;
  MerDate  end;
  guint32  color;
  guint    line;
};

/* What an event holds while the loader or an importer fills it, each member
 * in an allocation of its own. */
typedef struct {
  char      *id;
  char      *title;
  char      *summary;
  char      *date_label;
  MerDate    end;
  MerPlace  *places;
  MerSource *sources;
  char     **tags;
  MerView   *view;
} MerEventDraft;

/* An event is mostly a few short strings, and a document may hold a
 * hundred thousand of them: the instance is kept to 96 bytes. Until it is
 * packed (mer_event_pack()) the event's text, places, sources, tags, view
 * and end date live in @draft; once packed, in one allocation, @block:
 *
 *   the id, the other strings, then (aligned for doubles) the end date if
 *   there is one, the view if there is one, the places, the sources and the
 *   tags' array,
 *
 * which the instance finds by offsets from the block's start (0: none). The
 * first and last seconds are the dates' own, worked out when asked for;
 * the document's time index keeps them too, at the event's position.
 * The regions are never packed: the loader resolves them later. */
struct _MerEvent
{
  GObject parent_instance;

  union {
    MerEventDraft *draft;
    char          *block;
  };
  MerCategory  *category;
  MerRegion   **regions;
  MerDate       start;
  guint32       title;
  guint32       summary;
  guint32       date_label;
  guint32       arrays;
  guint32       position;        /* in its document's time order (mer_document_finish()) */
  guint         line;
  guint16       n_places;
  guint16       n_regions;
  guint16       n_sources;
  guint8        importance;
  guint8        has_end : 1;
  guint8        circa : 1;
  guint8        packed : 1;
  guint8        has_view : 1;
  guint8        has_places : 1;
  guint8        has_sources : 1;
  guint8        has_tags : 1;
};

G_STATIC_ASSERT (sizeof (struct _MerEvent) <= 96);

struct _MerSlide
{
  GObject parent_instance;

  MerEvent   *event;
  char       *caption;
  char       *notes;
  char       *pov;        /* a point of view's id, as "jpn" */
  MerRegion **regions;
  guint       n_regions;
  MerView     view;
  MerDate     time_start;
  MerDate     time_end;
  guint       line;
  guint       has_view : 1;
  guint       has_time : 1;
};

struct _MerBriefing
{
  GObject parent_instance;

  char      *id;
  char      *title;
  char      *description;
  GPtrArray *slides;
  guint      line;
};

MerCategory *mer_category_new (void);
MerRegion   *mer_region_new   (void);
MerEra      *mer_era_new      (void);
MerEvent    *mer_event_new    (void);
MerSlide    *mer_slide_new    (void);
MerBriefing *mer_briefing_new (void);

void         mer_event_set_view (MerEvent      *self,
                                 const MerView *view);
void         mer_event_pack     (MerEvent      *self);

G_END_DECLS

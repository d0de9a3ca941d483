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

struct _MerEvent
{
  GObject parent_instance;

  /* Once packed (mer_event_pack()), the strings, places, sources, tags and
   * view live in one allocation that starts with the id; before, each has
   * its own. The regions are never packed: the loader resolves them later. */
  char         *id;
  char         *title;
  char         *summary;
  char         *date_label;
  MerDate       start;
  MerDate       end;
  gint64        first_second;
  gint64        last_second;
  MerCategory  *category;
  MerPlace     *places;
  MerRegion   **regions;
  MerSource    *sources;
  char        **tags;
  MerView      *view;
  guint         line;
  guint16       n_places;
  guint16       n_regions;
  guint16       n_sources;
  guint8        importance;
  guint8        has_end : 1;
  guint8        circa : 1;
  guint8        packed : 1;
};

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

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "mer-category.h"
#include "mer-document.h"
#include "mer-event.h"
#include "mer-state.h"

G_BEGIN_DECLS

/**
 * MerTimelineExtent:
 * @x0: where the event's marker begins, in pixels
 * @x1: where its marker or span ends
 * @after: the room a label after it needs from @x0, marker included
 * @before: the room a label before it needs left of @x0
 * @priority: which events get a label first: the higher the sooner
 * @row: (out): its row, or -1 when no row has room even for its marker
 *   (it is then counted in a cluster badge)
 * @labelled: (out): whether it has room for its label
 * @label_before: (out): whether that label goes before it
 *
 * What one event needs on a row of the timeline, and where it went.
 */
typedef struct {
  double   x0;
  double   x1;
  double   after;
  double   before;
  guint    priority;
  int      row;
  gboolean labelled;
  gboolean label_before;
} MerTimelineExtent;

guint    mer_timeline_layout_rows     (MerTimelineExtent       *extents,
                                       guint                    n_extents,
                                       guint                    max_rows,
                                       double                   width,
                                       double                   gap,
                                       double                   reserved);
double   mer_timeline_extent_start    (const MerTimelineExtent *extent);
double   mer_timeline_extent_end      (const MerTimelineExtent *extent);

/**
 * MerTimelineTitle:
 * @x0: where the era's band starts on screen, in pixels
 * @x1: where it ends
 * @natural_width: the width its whole title needs
 * @x: (out): where the title goes
 * @width: (out): the width it may take, 0 when there is no room for it
 *
 * An era's title on the timeline's shared title row.
 */
typedef struct {
  double x0;
  double x1;
  double natural_width;
  double x;
  double width;
} MerTimelineTitle;

void     mer_timeline_layout_titles   (MerTimelineTitle        *titles,
                                       guint                    n_titles,
                                       double                   width);

/**
 * MerTimelineMetrics:
 * @scale: the size of everything against the widget's: 1 on screen
 * @era_height: the band at the top that carries the eras' titles
 * @rows_top: where the first row of events begins
 * @row_height: the height of a row of events
 * @badge_height: the strip of the badges that count the events left
 *   without a row
 * @axis_height: the axis at the bottom, with its labels
 * @marker_radius: an event's marker
 * @label_gap: the room between a marker and its label, and between
 *   neighbours on a row
 * @whisker: the fading whisker of an approximate date
 * @badge_width: the least width of a cluster badge
 *
 * The timeline's measures, in the units of the surface it is drawn on.
 */
typedef struct {
  double scale;
  double era_height;
  double rows_top;
  double row_height;
  double badge_height;
  double axis_height;
  double marker_radius;
  double label_gap;
  double whisker;
  double badge_width;
} MerTimelineMetrics;

void     mer_timeline_metrics_init    (MerTimelineMetrics       *metrics,
                                       double                    scale);
double   mer_timeline_metrics_height  (const MerTimelineMetrics *metrics,
                                       guint                     n_rows);

/**
 * MerTimelineView:
 * @start: the first second shown, from 1970
 * @end: the last second shown
 * @width: the width they are shown over
 * @height: the height of the timeline, axis included
 *
 * What a timeline shows, and where: @start is at x = 0 and @end at @width.
 */
typedef struct {
  double start;
  double end;
  double width;
  double height;
} MerTimelineView;

double   mer_timeline_view_time_to_x  (const MerTimelineView   *view,
                                       double                   time);

/**
 * MerTimelinePlaced:
 * @event: the event
 * @x0: where its marker is
 * @x1: where its span ends; equal to @x0 for a point, or for a span too
 *   short to show as one
 * @y: the middle of its row
 * @row: its row in its lane
 * @lane: its lane: 0 unless each category has its own
 * @label_before: whether its label goes before it (at the right edge)
 * @label_width: the most its label may take, 0 for a mark without a
 *   label; none is drawn in less than a few characters' room
 *
 * An event laid out on a row of the timeline.
 */
typedef struct {
  MerEvent *event;
  double    x0;
  double    x1;
  double    y;
  int       row;
  int       lane;
  gboolean  label_before;
  double    label_width;
} MerTimelinePlaced;

/**
 * MerTimelineCluster:
 * @x0: where its badge begins
 * @x1: where it ends
 * @count: how many events it stands for
 * @first: the first second of its first event
 * @last: the first second of its last event
 *
 * A badge ("+7") counting the events in view that found no room on a row.
 */
typedef struct {
  double x0;
  double x1;
  guint  count;
  double first;
  double last;
} MerTimelineCluster;

typedef struct _MerTimelineLayout MerTimelineLayout;

MerTimelineLayout        *mer_timeline_layout_new            (void);
void                      mer_timeline_layout_free           (MerTimelineLayout  *self);
void                      mer_timeline_layout_set_document   (MerTimelineLayout  *self,
                                                              MerDocument        *document);
MerDocument              *mer_timeline_layout_get_document   (MerTimelineLayout  *self);
void                      mer_timeline_layout_set_lanes      (MerTimelineLayout  *self,
                                                              gboolean            lanes);
gboolean                  mer_timeline_layout_get_lanes      (MerTimelineLayout  *self);
void                      mer_timeline_layout_set_scale      (MerTimelineLayout  *self,
                                                              double              scale);
void                      mer_timeline_layout_set_char_width (MerTimelineLayout  *self,
                                                              double              char_width);
const MerTimelineMetrics *mer_timeline_layout_get_metrics    (MerTimelineLayout  *self);
guint                     mer_timeline_layout_get_generation (MerTimelineLayout  *self);
void                      mer_timeline_layout_update         (MerTimelineLayout  *self,
                                                              const MerTimelineView *view,
                                                              MerState           *state);
const MerTimelineView    *mer_timeline_layout_get_view       (MerTimelineLayout  *self);
const MerTimelinePlaced  *mer_timeline_layout_get_placed     (MerTimelineLayout  *self,
                                                              guint              *n_placed);
const MerTimelineCluster *mer_timeline_layout_get_clusters   (MerTimelineLayout  *self,
                                                              guint              *n_clusters);
const MerTimelineCluster *mer_timeline_layout_pick_cluster   (MerTimelineLayout  *self,
                                                              double              x,
                                                              double              y);
guint                     mer_timeline_layout_get_n_lanes    (MerTimelineLayout  *self);
void                      mer_timeline_layout_scroll_rows    (MerTimelineLayout  *self,
                                                              guint               first_row);
guint                     mer_timeline_layout_get_rows       (MerTimelineLayout  *self,
                                                              guint              *n_rows,
                                                              guint              *n_visible);
MerCategory              *mer_timeline_layout_get_lane       (MerTimelineLayout  *self,
                                                              guint               lane,
                                                              double             *y,
                                                              double             *name_width);
gboolean                  mer_timeline_layout_get_floating   (MerTimelineLayout  *self,
                                                              MerState           *state,
                                                              MerTimelinePlaced  *floating);
void                      mer_timeline_layout_get_reach      (MerTimelineLayout  *self,
                                                              const MerTimelinePlaced *placed,
                                                              double              text_scale,
                                                              double             *left,
                                                              double             *right);
void                      mer_timeline_layout_get_floating_band (MerTimelineLayout       *self,
                                                                 const MerTimelinePlaced *floating,
                                                                 double                  *left,
                                                                 double                  *right);
gboolean                  mer_timeline_layout_gives_way      (MerTimelineLayout       *self,
                                                              const MerTimelinePlaced *floating,
                                                              const MerTimelinePlaced *placed);
double                    mer_timeline_layout_get_label_lead (MerTimelineLayout  *self,
                                                              MerEvent           *event);
MerEvent                 *mer_timeline_layout_pick           (MerTimelineLayout  *self,
                                                              MerState           *state,
                                                              double              x,
                                                              double              y);
gboolean                  mer_timeline_layout_get_event_position (MerTimelineLayout *self,
                                                                  MerEvent          *event,
                                                                  double            *x,
                                                                  double            *y);
gboolean                  mer_timeline_layout_get_story_span (MerTimelineLayout  *self,
                                                              double             *start,
                                                              double             *end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MerTimelineLayout, mer_timeline_layout_free)

G_END_DECLS

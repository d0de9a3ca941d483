/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "mer-document.h"
#include "mer-map-style.h"

G_BEGIN_DECLS

/**
 * MerLabelPriority:
 * @MER_LABEL_PRIORITY_SELECTED: the selected event's label
 * @MER_LABEL_PRIORITY_REGION: a story region's name
 * @MER_LABEL_PRIORITY_EVENT: another event's place name or title
 * @MER_LABEL_PRIORITY_GAZETTEER: a base-map name; its rank is added
 *
 * Which labels win a place: lower first.
 */
typedef enum {
  MER_LABEL_PRIORITY_SELECTED = 0,
  MER_LABEL_PRIORITY_REGION = 100,
  MER_LABEL_PRIORITY_EVENT = 200,
  MER_LABEL_PRIORITY_GAZETTEER = 300,
} MerLabelPriority;

/**
 * MerLabelAnchor:
 * @MER_LABEL_ANCHOR_CENTRE: centred on its point (areas, seas, rivers), or
 *   moved off it by half its height or a little sideways
 * @MER_LABEL_ANCHOR_POINT: beside a point or marker: right, left, above,
 *   below, then the four diagonals
 */
typedef enum {
  MER_LABEL_ANCHOR_CENTRE,
  MER_LABEL_ANCHOR_POINT,
} MerLabelAnchor;

/**
 * MerLabelStyle:
 * @MER_LABEL_STYLE_COUNTRY: a country, a region of the base map
 * @MER_LABEL_STYLE_WATER: a sea, a strait, a river (italic, blue)
 * @MER_LABEL_STYLE_PLACE: a city or an island
 * @MER_LABEL_STYLE_EVENT: an event's label (bold)
 * @MER_LABEL_STYLE_REGION: a story region's label, in the region's colour
 */
typedef enum {
  MER_LABEL_STYLE_COUNTRY,
  MER_LABEL_STYLE_WATER,
  MER_LABEL_STYLE_PLACE,
  MER_LABEL_STYLE_EVENT,
  MER_LABEL_STYLE_REGION,
  MER_LABEL_N_STYLES,
} MerLabelStyle;

/**
 * MerLabel:
 * @markup: Pango markup of the text
 * @name: (nullable): the plain name the label says in English, when its
 *   text may be in another language (a base-map name), to find the same
 *   name said twice; %NULL to use the text's first line
 * @x: the anchor, in frame units
 * @y: the anchor
 * @gap: for %MER_LABEL_ANCHOR_POINT, the distance kept from the anchor (a
 *   marker's radius)
 * @priority: lower wins (#MerLabelPriority plus a rank)
 * @anchor: where the text may go
 * @style: fonts and colours
 * @color: for %MER_LABEL_STYLE_REGION, the text's colour
 * @owner: the obstacle (marker) the label belongs to and may touch, or -1
 * @dot: draw a small dot at the anchor when placed (cities)
 * @reach: for %MER_LABEL_ANCHOR_CENTRE, how far from its point the label may
 *   go when nearer places are taken or out of the frame, for a large area
 *   (a country); 0 for none
 *
 * A candidate label.
 */
typedef struct {
  const char       *markup;
  const char       *name;
  double            x;
  double            y;
  double            gap;
  guint             priority;
  MerLabelAnchor    anchor;
  MerLabelStyle     style;
  MerColor          color;
  int               owner;
  gboolean          dot;
  double            reach;
} MerLabel;

/**
 * MerLabelBox:
 * @x: left
 * @y: top
 * @width: width
 * @height: height
 */
typedef struct {
  double x;
  double y;
  double width;
  double height;
} MerLabelBox;

typedef struct _MerLabels MerLabels;
typedef struct _MerLabelMeasure MerLabelMeasure;

MerLabelMeasure *mer_label_measure_new       (void);
void             mer_label_measure_free      (MerLabelMeasure   *self);

MerLabels       *mer_labels_new              (MerLabelMeasure   *measure,
                                              double             width,
                                              double             height,
                                              gboolean           inside);
void             mer_labels_free             (MerLabels         *self);
int              mer_labels_add_obstacle     (MerLabels         *self,
                                              const MerLabelBox *box);
void             mer_labels_add_area         (MerLabels         *self,
                                              const MerLabelBox *box,
                                              guint              from);
void             mer_labels_add              (MerLabels         *self,
                                              const MerLabel    *label);
void             mer_labels_place            (MerLabels         *self);
guint            mer_labels_get_n_placed     (MerLabels         *self);
void             mer_labels_get_placed       (MerLabels         *self,
                                              guint              index,
                                              MerLabelBox       *box,
                                              MerLabel          *label);
guint            mer_labels_get_n_obstacles  (MerLabels         *self);
void             mer_labels_get_obstacle     (MerLabels         *self,
                                              guint              index,
                                              MerLabelBox       *box);
int              mer_labels_get_placed_owner (MerLabels         *self,
                                              guint              index);
GStrv            mer_labels_dup_story_languages (MerDocument    *document);
void             mer_labels_set_raster_scale (MerLabels         *self,
                                              double             scale);
void             mer_labels_draw             (MerLabels         *self,
                                              cairo_t           *cr,
                                              const MerMapStyle *style);
void             mer_labels_list_ink         (MerLabels         *self,
                                              const MerMapStyle *style,
                                              GArray            *ink);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MerLabels, mer_labels_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MerLabelMeasure, mer_label_measure_free)

G_END_DECLS

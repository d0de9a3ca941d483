/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "mer-map-style.h"
#include "mer-state.h"
#include "mer-timeline-layout.h"

G_BEGIN_DECLS

/**
 * MerTimelineStyle:
 * @foreground: text, the axis, and eras and events without a colour of
 *   their own
 * @accent: the selection and the time window
 * @background: what the timeline is drawn on, behind a selection drawn over
 *   a dense view
 * @font: (nullable): the labels' font, or %NULL for the context's
 *
 * How the timeline looks: the widget takes it from its CSS, an export from
 * its page.
 */
typedef struct {
  MerColor                    foreground;
  MerColor                    accent;
  MerColor                    background;
  const PangoFontDescription *font;
} MerTimelineStyle;

typedef struct _MerTimelineLabelCache MerTimelineLabelCache;

MerTimelineLabelCache *mer_timeline_label_cache_new       (void);
void                   mer_timeline_label_cache_free      (MerTimelineLabelCache *self);
void                   mer_timeline_label_cache_set_scale (MerTimelineLabelCache *self,
                                                           double                 scale);

double mer_timeline_painter_get_char_width (PangoContext               *context,
                                            const PangoFontDescription *font);
void   mer_timeline_painter_draw           (cairo_t                    *cr,
                                            PangoContext               *context,
                                            const MerTimelineStyle     *style,
                                            MerTimelineLayout          *layout,
                                            MerState                   *state);
void   mer_timeline_painter_list_ink       (MerTimelineLayout          *layout,
                                            MerState                   *state,
                                            GArray                     *ink);
void   mer_timeline_painter_draw_cached    (cairo_t                    *cr,
                                            PangoContext               *context,
                                            const MerTimelineStyle     *style,
                                            MerTimelineLayout          *layout,
                                            MerState                   *state,
                                            MerTimelineLabelCache      *cache);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MerTimelineLabelCache, mer_timeline_label_cache_free)

G_END_DECLS

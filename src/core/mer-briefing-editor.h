/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mer-document.h"
#include "mer-edit.h"

G_BEGIN_DECLS

/**
 * MerSlideData:
 * @event_id: (nullable): the event the slide shows
 * @caption: (nullable): the line for the audience
 * @notes: (nullable): the speaker's notes
 * @has_view: whether @view is set
 * @view: the map's view
 * @region_ids: (nullable) (array zero-terminated=1): regions to highlight
 * @time_start: (nullable): the time window's start, as written in the file
 * @time_end: (nullable): its end
 *
 * A slide being edited, by ids, as it will be written.
 */
typedef struct {
  char     *event_id;
  char     *caption;
  char     *notes;
  gboolean  has_view;
  MerView   view;
  char    **region_ids;
  char     *time_start;
  char     *time_end;
} MerSlideData;

void mer_slide_data_clear (MerSlideData *data);

#define MER_TYPE_BRIEFING_EDITOR (mer_briefing_editor_get_type ())
G_DECLARE_FINAL_TYPE (MerBriefingEditor, mer_briefing_editor, MER, BRIEFING_EDITOR, GObject)

MerBriefingEditor  *mer_briefing_editor_new         (MerDocument        *document,
                                                     const char         *briefing_id,
                                                     GError            **error);
MerBriefingEditor  *mer_briefing_editor_new_for_edit (MerEdit          *edit,
                                                      const char       *briefing_id);
const char         *mer_briefing_editor_get_briefing_id (MerBriefingEditor *self);
guint               mer_briefing_editor_get_n_slides (MerBriefingEditor *self);
const MerSlideData *mer_briefing_editor_get_slide   (MerBriefingEditor  *self,
                                                     guint               index);
void                mer_briefing_editor_add_slide   (MerBriefingEditor  *self,
                                                     guint               position,
                                                     const MerSlideData *data);
void                mer_briefing_editor_remove_slide (MerBriefingEditor *self,
                                                      guint              index);
void                mer_briefing_editor_move_slide  (MerBriefingEditor  *self,
                                                     guint               from,
                                                     guint               to);
void                mer_briefing_editor_set_caption (MerBriefingEditor  *self,
                                                     guint               index,
                                                     const char         *caption);
void                mer_briefing_editor_set_notes   (MerBriefingEditor  *self,
                                                     guint               index,
                                                     const char         *notes);
gboolean            mer_briefing_editor_can_undo    (MerBriefingEditor  *self);
gboolean            mer_briefing_editor_can_redo    (MerBriefingEditor  *self);
void                mer_briefing_editor_undo        (MerBriefingEditor  *self);
void                mer_briefing_editor_redo        (MerBriefingEditor  *self);
gboolean            mer_briefing_editor_is_dirty    (MerBriefingEditor  *self);
gboolean            mer_briefing_editor_save        (MerBriefingEditor  *self,
                                                     GError            **error);

G_END_DECLS

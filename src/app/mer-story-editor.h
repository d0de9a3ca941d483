/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "mer-edit.h"
#include "mer-state.h"

G_BEGIN_DECLS

#define MER_TYPE_STORY_EDITOR (mer_story_editor_get_type ())
G_DECLARE_FINAL_TYPE (MerStoryEditor, mer_story_editor, MER, STORY_EDITOR, GtkWidget)

MerStoryEditor *mer_story_editor_new      (MerState       *state);
void            mer_story_editor_set_edit (MerStoryEditor *self,
                                           MerEdit        *edit);
void            mer_story_editor_focus_region (MerStoryEditor *self,
                                               const char     *id);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "mer-document.h"

G_BEGIN_DECLS

#define MER_EDIT_ERROR (mer_edit_error_quark ())

/**
 * MerEditError:
 * @MER_EDIT_ERROR_INVALID: the edit would make the story invalid; the
 *   message says why, in the user's terms
 * @MER_EDIT_ERROR_NOT_FOUND: no item has that id, or no element that index
 * @MER_EDIT_ERROR_NOT_EDITABLE: the story was imported from another format
 *   and is not written back into it
 * @MER_EDIT_ERROR_NO_FILE: a new story is saved with a name first
 */
typedef enum {
  MER_EDIT_ERROR_INVALID,
  MER_EDIT_ERROR_NOT_FOUND,
  MER_EDIT_ERROR_NOT_EDITABLE,
  MER_EDIT_ERROR_NO_FILE,
} MerEditError;

/**
 * MerEditKind:
 *
 * The kinds of item a story holds, each in its top-level array.
 */
typedef enum {
  MER_EDIT_KIND_EVENT,
  MER_EDIT_KIND_REGION,
  MER_EDIT_KIND_ERA,
  MER_EDIT_KIND_CATEGORY,
  MER_EDIT_KIND_BRIEFING,
} MerEditKind;

GQuark       mer_edit_error_quark     (void);

#define MER_TYPE_EDIT (mer_edit_get_type ())
G_DECLARE_FINAL_TYPE (MerEdit, mer_edit, MER, EDIT, GObject)

MerEdit     *mer_edit_new_for_file    (const char     *path,
                                       GError        **error);
MerEdit     *mer_edit_new_for_document (MerDocument   *document,
                                        GError       **error);
MerEdit     *mer_edit_new_story       (const char     *title,
                                       const MerView  *view);

MerDocument *mer_edit_get_document    (MerEdit        *self);
const char  *mer_edit_get_path        (MerEdit        *self);
JsonNode    *mer_edit_get_root        (MerEdit        *self);
char        *mer_edit_dup_text        (MerEdit        *self);
gboolean     mer_edit_is_dirty        (MerEdit        *self);
gboolean     mer_edit_save            (MerEdit        *self,
                                       GError        **error);
gboolean     mer_edit_save_as         (MerEdit        *self,
                                       const char     *path,
                                       GError        **error);
gboolean     mer_edit_write           (MerEdit        *self,
                                       const char     *path,
                                       GError        **error);
gboolean     mer_edit_write_file      (const char     *path,
                                       const char     *text,
                                       gsize           length,
                                       GError        **error);
gboolean     mer_edit_restore_text    (MerEdit        *self,
                                       const char     *text,
                                       GError        **error);

gboolean     mer_edit_can_undo        (MerEdit        *self);
gboolean     mer_edit_can_redo        (MerEdit        *self);
const char  *mer_edit_get_undo_label  (MerEdit        *self);
const char  *mer_edit_get_redo_label  (MerEdit        *self);
void         mer_edit_undo            (MerEdit        *self);
void         mer_edit_redo            (MerEdit        *self);

gboolean     mer_edit_set_story_text  (MerEdit        *self,
                                       const char     *member,
                                       const char     *value,
                                       GError        **error);

char        *mer_edit_add_event       (MerEdit        *self,
                                       const char     *title,
                                       const char     *start,
                                       const MerPlace *place,
                                       GError        **error);
gboolean     mer_edit_set_event_title (MerEdit        *self,
                                       const char     *id,
                                       const char     *title,
                                       GError        **error);
gboolean     mer_edit_set_event_dates (MerEdit        *self,
                                       const char     *id,
                                       const char     *start,
                                       const char     *end,
                                       gboolean        circa,
                                       GError        **error);
gboolean     mer_edit_set_event_date_label (MerEdit   *self,
                                            const char *id,
                                            const char *label,
                                            GError   **error);
gboolean     mer_edit_set_event_summary (MerEdit      *self,
                                         const char   *id,
                                         const char   *summary,
                                         GError      **error);
gboolean     mer_edit_set_event_category (MerEdit     *self,
                                          const char  *id,
                                          const char  *category_id,
                                          GError     **error);
gboolean     mer_edit_set_event_importance (MerEdit   *self,
                                            const char *id,
                                            guint      importance,
                                            GError   **error);
gboolean     mer_edit_set_event_tags  (MerEdit        *self,
                                       const char     *id,
                                       const char * const *tags,
                                       GError        **error);
gboolean     mer_edit_set_event_regions (MerEdit      *self,
                                         const char   *id,
                                         const char * const *region_ids,
                                         GError      **error);
gboolean     mer_edit_add_place       (MerEdit        *self,
                                       const char     *id,
                                       const MerPlace *place,
                                       GError        **error);
gboolean     mer_edit_remove_place    (MerEdit        *self,
                                       const char     *id,
                                       guint           index,
                                       GError        **error);
gboolean     mer_edit_rename_place    (MerEdit        *self,
                                       const char     *id,
                                       guint           index,
                                       const char     *name,
                                       GError        **error);
gboolean     mer_edit_move_place      (MerEdit        *self,
                                       const char     *id,
                                       guint           index,
                                       double          lat,
                                       double          lon,
                                       GError        **error);
gboolean     mer_edit_add_source      (MerEdit        *self,
                                       const char     *id,
                                       const MerSource *source,
                                       GError        **error);
gboolean     mer_edit_set_source      (MerEdit        *self,
                                       const char     *id,
                                       guint           index,
                                       const MerSource *source,
                                       GError        **error);
gboolean     mer_edit_remove_source   (MerEdit        *self,
                                       const char     *id,
                                       guint           index,
                                       GError        **error);

char        *mer_edit_add_era         (MerEdit        *self,
                                       const char     *title,
                                       const char     *start,
                                       const char     *end,
                                       GError        **error);
gboolean     mer_edit_set_era_dates   (MerEdit        *self,
                                       const char     *id,
                                       const char     *start,
                                       const char     *end,
                                       GError        **error);
char        *mer_edit_add_category    (MerEdit        *self,
                                       const char     *name,
                                       const char     *color,
                                       GError        **error);
gboolean     mer_edit_set_region_names (MerEdit       *self,
                                        const char    *id,
                                        const MerName *names,
                                        guint          n_names,
                                        GError       **error);
char        *mer_edit_add_region      (MerEdit        *self,
                                       const char     *name,
                                       MerGeometry    *geometry,
                                       GError        **error);
char        *mer_edit_add_named_region (MerEdit       *self,
                                        const char    *name,
                                        const MerName *names,
                                        guint          n_names,
                                        MerGeometry   *geometry,
                                        GError       **error);
MerGeometry *mer_edit_read_outline    (const char     *path,
                                       char          **name,
                                       GError        **error);
gboolean     mer_edit_set_string      (MerEdit        *self,
                                       MerEditKind     kind,
                                       const char     *id,
                                       const char     *member,
                                       const char     *value,
                                       GError        **error);
gboolean     mer_edit_remove_item     (MerEdit        *self,
                                       MerEditKind     kind,
                                       const char     *id,
                                       GError        **error);
gboolean     mer_edit_move_item       (MerEdit        *self,
                                       MerEditKind     kind,
                                       const char     *id,
                                       guint           to,
                                       GError        **error);
gboolean     mer_edit_set_slides      (MerEdit        *self,
                                       const char     *briefing_id,
                                       const char     *title,
                                       JsonNode       *slides,
                                       GError        **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mer-diagnostic.h"
#include "mer-document.h"
#include "mer-model-private.h"

G_BEGIN_DECLS

/* What every importer shares: the items it has built so far, unique ids,
 * categories found by name, messages in the loader's compiler style, and
 * the document made at the end through the same calls the loader makes. */

typedef struct {
  /* Owned */
  GPtrArray  *categories;
  GPtrArray  *regions;
  GPtrArray  *eras;
  GPtrArray  *events;
  GPtrArray  *briefings;
  GHashTable *category_names;   /* name → MerCategory, borrowed */
  GHashTable *event_ids;        /* id → MerEvent, borrowed */
  GHashTable *other_ids;        /* ids of categories, regions, eras and briefings */
  char       *title;
  char       *description;
  char       *attribution;
  MerView     view;
  gboolean    has_view;

  /* Borrowed */
  const char *display_name;
  GPtrArray  *diagnostics;

  guint       n_errors;
} MerImportBuilder;

void         mer_import_builder_init         (MerImportBuilder *self,
                                              const char       *display_name,
                                              GPtrArray        *diagnostics);
void         mer_import_builder_clear        (MerImportBuilder *self);
void         mer_import_builder_report       (MerImportBuilder *self,
                                              MerSeverity       severity,
                                              guint             line,
                                              guint             column,
                                              const char       *path,
                                              const char       *format,
                                              ...) G_GNUC_PRINTF (6, 7);
MerCategory *mer_import_builder_get_category (MerImportBuilder *self,
                                              const char       *name);
const char  *mer_import_builder_add_event    (MerImportBuilder *self,
                                              MerEvent         *event,
                                              const char       *wanted_id,
                                              const char       *fallback_id);
void         mer_import_builder_add_region   (MerImportBuilder *self,
                                              MerRegion        *region);
void         mer_import_builder_add_era      (MerImportBuilder *self,
                                              MerEra           *era);
void         mer_import_builder_add_briefing (MerImportBuilder *self,
                                              MerBriefing      *briefing);
MerDocument *mer_import_builder_finish       (MerImportBuilder *self,
                                              const char       *path,
                                              GError          **error);

char        *mer_import_slug                 (const char       *text);
gboolean     mer_import_date_from_parts      (gint64            year,
                                              int               month,
                                              int               day,
                                              int               hour,
                                              int               minute,
                                              int               second,
                                              MerDate          *date,
                                              GError          **error);
void         mer_import_event_set_dates      (MerEvent         *event,
                                              const MerDate    *start,
                                              const MerDate    *end);
void         mer_import_event_add_place      (MerEvent         *event,
                                              const char       *name,
                                              double            lat,
                                              double            lon);
void         mer_import_event_add_source     (MerEvent         *event,
                                              const char       *title,
                                              const char       *url);
gboolean     mer_import_is_link              (const char       *url);

G_END_DECLS

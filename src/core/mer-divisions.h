/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mer-geometry.h"

G_BEGIN_DECLS

#define MER_DIVISIONS_ERROR (mer_divisions_error_quark ())

/**
 * MerDivisionsError:
 * @MER_DIVISIONS_ERROR_INVALID: the file is not a divisions file of a
 *   version this build reads, or an outline in it is damaged
 */
typedef enum {
  MER_DIVISIONS_ERROR_INVALID,
} MerDivisionsError;

/**
 * MerDivisionLevel:
 * @MER_DIVISION_COUNTRY: a country (Natural Earth admin-0)
 * @MER_DIVISION_FIRST_LEVEL: a first-level division of a country: a
 *   state, province, oblast, prefecture… (Natural Earth admin-1)
 */
typedef enum {
  MER_DIVISION_COUNTRY,
  MER_DIVISION_FIRST_LEVEL,
} MerDivisionLevel;

/**
 * MerDivision:
 * @level: a country or a first-level division
 * @id: unique in the file: the ISO 3166-1 code of a country, Natural
 *   Earth's `adm1_code` of a division
 * @code: (nullable): its ISO 3166-1 alpha-2 or ISO 3166-2 code
 * @country: the ISO 3166-1 alpha-2 code of its country (a division is in
 *   the country of its ISO 3166-2 code)
 * @name: its English name
 * @country_name: its country's English name
 * @names: (array length=n_names): its names in other languages
 * @aliases: (array zero-terminated=1): other English spellings
 *
 * One entry of the bundled file, read-only, owned by its #MerDivisions.
 */
typedef struct {
  MerDivisionLevel   level;
  const char        *id;
  const char        *code;
  const char        *country;
  const char        *name;
  const char        *country_name;
  const MerName     *names;
  guint              n_names;
  const char *const *aliases;
} MerDivision;

GQuark        mer_divisions_error_quark         (void);

typedef struct _MerDivisions MerDivisions;

#define MER_TYPE_DIVISIONS (mer_divisions_get_type ())

GType              mer_divisions_get_type       (void) G_GNUC_CONST;
char              *mer_divisions_find_default_path (void);
MerDivisions      *mer_divisions_new_from_file  (const char   *path,
                                                 GError      **error);
MerDivisions      *mer_divisions_ref            (MerDivisions *self);
void               mer_divisions_unref          (MerDivisions *self);

guint              mer_divisions_get_n_items    (MerDivisions *self);
const MerDivision *mer_divisions_get_item       (MerDivisions *self,
                                                 guint         index);
const MerDivision *mer_divisions_lookup         (MerDivisions *self,
                                                 const char   *code);
MerGeometry       *mer_divisions_dup_geometry   (MerDivisions *self,
                                                 guint         index);
GArray            *mer_divisions_search         (MerDivisions *self,
                                                 const char   *query,
                                                 guint         max_results);
GArray            *mer_divisions_find_at        (MerDivisions *self,
                                                 double        lon,
                                                 double        lat);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MerDivisions, mer_divisions_unref)

G_END_DECLS

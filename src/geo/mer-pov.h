/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * MerPovLine:
 * @points: x, y pairs in normalised Web Mercator ([0, 1], y down)
 * @n_points: how many pairs
 *
 * A border as one government draws it.
 */
typedef struct {
  double *points;
  guint   n_points;
} MerPovLine;

typedef struct _MerPovSet MerPovSet;

#define MER_POV_ERROR (mer_pov_error_quark ())

typedef enum {
  MER_POV_ERROR_READ,
  MER_POV_ERROR_FORMAT,
} MerPovError;

GQuark            mer_pov_error_quark   (void);
MerPovSet        *mer_pov_set_new_from_bytes (GBytes     *bytes,
                                              GError    **error);
MerPovSet        *mer_pov_set_load      (const char *path,
                                         GError    **error);
MerPovSet        *mer_pov_set_get_default (void);
void              mer_pov_set_free      (MerPovSet  *self);
guint             mer_pov_set_get_n_povs (MerPovSet *self);
int               mer_pov_set_find      (MerPovSet  *self,
                                         const char *id);
const char       *mer_pov_set_get_id    (MerPovSet  *self,
                                         guint       index);
const char       *mer_pov_set_get_name  (MerPovSet  *self,
                                         guint       index);
const char       *mer_pov_set_get_seat  (MerPovSet  *self,
                                         guint       index);
const MerPovLine *mer_pov_set_get_lines (MerPovSet  *self,
                                         guint       index,
                                         guint      *n_lines);
char             *mer_pov_set_dup_ids   (MerPovSet  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MerPovSet, mer_pov_set_free)

G_END_DECLS

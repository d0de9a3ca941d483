/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "mer-bounds.h"
#include "mer-geometry.h"
#include "mer-types.h"

G_BEGIN_DECLS

/* The closest a fit comes: a single place shows with its coast and the
 * named places around it, not alone on a bare shore. */
#define MER_FIT_CONTEXT_ZOOM 7.0

gboolean  mer_fit_bounds  (const MerBounds    *bounds,
                           double              width,
                           double              height,
                           double              padding,
                           double              min_zoom,
                           double              max_zoom,
                           MerView            *view);
gboolean  mer_fit_view    (const MerPlace     *places,
                           guint               n_places,
                           MerGeometry *const *geometries,
                           guint               n_geometries,
                           double              width,
                           double              height,
                           double              padding,
                           double              min_zoom,
                           double              max_zoom,
                           MerView            *view);
gboolean  mer_fit_event_view (const MerPlace     *places,
                              guint               n_places,
                              MerGeometry *const *geometries,
                              guint               n_geometries,
                              double              width,
                              double              height,
                              double              padding,
                              double              min_zoom,
                              MerView            *view);
gboolean  mer_fit_keep_places (const MerView      *view,
                               const MerPlace     *places,
                               guint               n_places,
                               double              width,
                               double              height,
                               double              padding,
                               double              min_zoom,
                               MerView            *fitted);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "mer-bounds.h"
#include "mer-geometry.h"
#include "mer-types.h"

G_BEGIN_DECLS

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

G_END_DECLS

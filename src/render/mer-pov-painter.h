/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "mer-map-style.h"
#include "mer-pov.h"
#include "mer-projection.h"

G_BEGIN_DECLS

void  mer_pov_painter_draw     (cairo_t           *cr,
                                const MerMapView  *view,
                                const MerMapStyle *style,
                                const char        *pov);
char *mer_pov_painter_describe (const char        *pov);

G_END_DECLS

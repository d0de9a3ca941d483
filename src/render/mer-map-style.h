/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  double red, green, blue, alpha;
} MerColor;

/**
 * MerMapStyle:
 *
 * The colours of the map, shared by the screen and every export. Regions and
 * events take their own colours from the document.
 */
typedef struct {
  MerColor sea;
  MerColor land;
  MerColor coast;
  MerColor border;
  MerColor country_label;
  MerColor sea_label;
  MerColor label_halo;
  MerColor marker_outline;
  MerColor marker_default;
  MerColor selection;
  MerColor hover;
  MerColor cluster;
  MerColor cluster_text;
} MerMapStyle;

const MerMapStyle *mer_map_style_get (gboolean dark);
MerColor           mer_color_from_rgb (guint32 rgb,
                                       double  alpha);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The offline base map: land, coastline, country borders and labels at three levels of
 * detail, read in place from the binary file written by
 * tools/basemap/prepare-basemap.mjs. The byte layout is in docs/basemap-format.md.
 *
 * All coordinates are normalised Web Mercator: x = (lon + 180) / 360 and
 * y = (1 - ln (tan φ + sec φ) / π) / 2, both in [0, 1], y growing southwards, latitude
 * clamped to ±85.0511287798°. Multiply by 256 · 2^zoom for pixels. */

#define MER_TYPE_BASEMAP (mer_basemap_get_type ())

#define MER_BASEMAP_ERROR (mer_basemap_error_quark ())

/**
 * MerBasemapError:
 * @MER_BASEMAP_ERROR_READ: the file cannot be read (missing, a folder, no permission)
 * @MER_BASEMAP_ERROR_FORMAT: the data is not a base-map file (wrong magic)
 * @MER_BASEMAP_ERROR_UNSUPPORTED: a format version this Meridian does not read, or a
 *   big-endian host (the file is little-endian and used in place)
 * @MER_BASEMAP_ERROR_CORRUPT: truncated, or a size, offset or index that does not fit
 */
typedef enum {
  MER_BASEMAP_ERROR_READ,
  MER_BASEMAP_ERROR_FORMAT,
  MER_BASEMAP_ERROR_UNSUPPORTED,
  MER_BASEMAP_ERROR_CORRUPT,
} MerBasemapError;

/**
 * MerBasemapLayer:
 * @MER_BASEMAP_LAND: land fill rings, clipped to their cell. Each ring is closed (its
 *   last point equals its first). Rings of a cell never overlap; outer rings and holes
 *   (the Caspian Sea) wind in opposite directions, so the even-odd and the nonzero fill
 *   rule give the same result.
 * @MER_BASEMAP_COAST: the true coastline as polylines, clipped to their cell: no cell
 *   sides, no ±180° meridian, no clamp latitude. For stroking.
 * @MER_BASEMAP_BORDER: boundaries shared by two different countries as polylines,
 *   clipped to their cell. Never the coastline.
 */
typedef enum {
  MER_BASEMAP_LAND,
  MER_BASEMAP_COAST,
  MER_BASEMAP_BORDER,
} MerBasemapLayer;

/**
 * MerBasemapLabelKind:
 * @MER_BASEMAP_LABEL_COUNTRY: a country, at the pole of inaccessibility of its largest part
 * @MER_BASEMAP_LABEL_SEA: an ocean, sea or strait
 */
typedef enum {
  MER_BASEMAP_LABEL_COUNTRY,
  MER_BASEMAP_LABEL_SEA,
} MerBasemapLabelKind;

/**
 * MerBasemapLabel:
 * @name: UTF-8 name, borrowed from the base map (valid while it lives)
 * @x: normalised Mercator x of the label's centre
 * @y: normalised Mercator y of the label's centre
 * @min_zoom: the smallest zoom at which the label is shown
 * @kind: what is labelled
 * @rank: importance, 1 (oceans, the largest countries) to 10; lower is more important.
 *   Labels are stored sorted by rank and then by size, so placing them in index order
 *   and skipping those that collide gives the important ones priority.
 */
typedef struct {
  const char          *name;
  double               x;
  double               y;
  float                min_zoom;
  MerBasemapLabelKind  kind;
  guint8               rank;
} MerBasemapLabel;

/**
 * MerBasemapLevelInfo:
 * @scale: the Natural Earth scale in millions: 110, 50 or 10 (1:110m, 1:50m, 1:10m)
 * @min_zoom: the level is used from this zoom on (see mer_basemap_level_for_zoom())
 * @grid_size: the level is cut into @grid_size × @grid_size square cells
 * @n_vertices: points stored (land rings and coast share their points)
 * @n_land_parts: rings in %MER_BASEMAP_LAND
 * @n_coast_parts: polylines in %MER_BASEMAP_COAST
 * @n_border_parts: polylines in %MER_BASEMAP_BORDER
 */
typedef struct {
  guint scale;
  float min_zoom;
  guint grid_size;
  guint n_vertices;
  guint n_land_parts;
  guint n_coast_parts;
  guint n_border_parts;
} MerBasemapLevelInfo;

/**
 * MerBasemapPartFunc:
 * @xy: (array): @n_points points as interleaved x, y floats in normalised Mercator,
 *   borrowed from the base map (valid while it lives)
 * @n_points: number of points, at least 2 (at least 4 for a land ring)
 * @user_data: the data passed to mer_basemap_foreach_part()
 */
typedef void (*MerBasemapPartFunc) (const float *xy,
                                    guint        n_points,
                                    gpointer     user_data);

typedef struct _MerBasemap MerBasemap;

GType       mer_basemap_get_type          (void) G_GNUC_CONST;
GQuark      mer_basemap_error_quark       (void);

MerBasemap *mer_basemap_new_from_file     (const char           *path,
                                           GError              **error);
MerBasemap *mer_basemap_new_from_bytes    (GBytes               *bytes,
                                           GError              **error);
MerBasemap *mer_basemap_ref               (MerBasemap           *self);
void        mer_basemap_unref             (MerBasemap           *self);

guint       mer_basemap_get_n_levels      (MerBasemap           *self);
void        mer_basemap_get_level_info    (MerBasemap           *self,
                                           guint                 level,
                                           MerBasemapLevelInfo  *info);
guint       mer_basemap_level_for_zoom    (MerBasemap           *self,
                                           double                zoom);
void        mer_basemap_foreach_part      (MerBasemap           *self,
                                           guint                 level,
                                           MerBasemapLayer       layer,
                                           double                x0,
                                           double                y0,
                                           double                x1,
                                           double                y1,
                                           MerBasemapPartFunc    func,
                                           gpointer              user_data);

guint       mer_basemap_get_n_labels      (MerBasemap           *self);
void        mer_basemap_get_label         (MerBasemap           *self,
                                           guint                 index,
                                           MerBasemapLabel      *label);

char       *mer_basemap_find_default_path (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MerBasemap, mer_basemap_unref)

G_END_DECLS

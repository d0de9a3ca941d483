/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The offline base map: land, coastline, country borders, rivers and labels at three levels of
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
 * @MER_BASEMAP_RIVER: rivers and lake centrelines as polylines, clipped to their cell.
 */
typedef enum {
  MER_BASEMAP_LAND,
  MER_BASEMAP_COAST,
  MER_BASEMAP_BORDER,
  MER_BASEMAP_RIVER,
} MerBasemapLayer;

/**
 * MerBasemapLabelKind:
 * @MER_BASEMAP_LABEL_COUNTRY: a country, at the pole of inaccessibility of its largest part
 * @MER_BASEMAP_LABEL_SEA: an ocean, sea, bay or strait
 * @MER_BASEMAP_LABEL_CITY: a populated place, at the place
 * @MER_BASEMAP_LABEL_ISLAND: an island or island group
 * @MER_BASEMAP_LABEL_RIVER: a river or lake, halfway along its longest line
 */
typedef enum {
  MER_BASEMAP_LABEL_COUNTRY,
  MER_BASEMAP_LABEL_SEA,
  MER_BASEMAP_LABEL_CITY,
  MER_BASEMAP_LABEL_ISLAND,
  MER_BASEMAP_LABEL_RIVER,
} MerBasemapLabelKind;

/**
 * MerBasemapLabelFlags:
 * @MER_BASEMAP_LABEL_CAPITAL: a national capital
 * @MER_BASEMAP_LABEL_DISPUTED: disputed territory: shown with its names in the
 *   languages of its sides that a story uses, when zoomed in
 * @MER_BASEMAP_LABEL_GROUP: an island group rather than one island
 * @MER_BASEMAP_LABEL_PARTY_JA: Japanese is a side's language in the dispute
 * @MER_BASEMAP_LABEL_PARTY_RU: Russian is
 * @MER_BASEMAP_LABEL_PARTY_ZH: Chinese is
 */
typedef enum {
  MER_BASEMAP_LABEL_CAPITAL  = 1 << 0,
  MER_BASEMAP_LABEL_DISPUTED = 1 << 1,
  MER_BASEMAP_LABEL_GROUP    = 1 << 2,
  MER_BASEMAP_LABEL_PARTY_JA = 1 << 3,
  MER_BASEMAP_LABEL_PARTY_RU = 1 << 4,
  MER_BASEMAP_LABEL_PARTY_ZH = 1 << 5,
} MerBasemapLabelFlags;

/**
 * MerBasemapName:
 * @MER_BASEMAP_NAME_EN: the English name, always present
 * @MER_BASEMAP_NAME_JA: Japanese
 * @MER_BASEMAP_NAME_RU: Russian
 * @MER_BASEMAP_NAME_ZH: Chinese
 */
typedef enum {
  MER_BASEMAP_NAME_EN,
  MER_BASEMAP_NAME_JA,
  MER_BASEMAP_NAME_RU,
  MER_BASEMAP_NAME_ZH,
  MER_BASEMAP_N_NAMES,
} MerBasemapName;

/**
 * MerBasemapLabel:
 * @name: UTF-8 English name, borrowed from the base map (valid while it lives)
 * @names: the names by #MerBasemapName, %NULL where the source has none
 * @x: normalised Mercator x of the label's centre
 * @y: normalised Mercator y of the label's centre
 * @min_zoom: the smallest zoom at which the label is shown
 * @kind: what is labelled
 * @rank: importance, 1 (oceans, the largest countries) to 10; lower is more important.
 *   Labels are stored sorted by rank and then by size, so placing them in index order
 *   and skipping those that collide gives the important ones priority.
 * @flags: #MerBasemapLabelFlags
 */
typedef struct {
  const char          *name;
  const char          *names[MER_BASEMAP_N_NAMES];
  double               x;
  double               y;
  float                min_zoom;
  MerBasemapLabelKind  kind;
  guint8               rank;
  guint8               flags;
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
 * @n_river_parts: polylines in %MER_BASEMAP_RIVER
 */
typedef struct {
  guint scale;
  float min_zoom;
  guint grid_size;
  guint n_vertices;
  guint n_land_parts;
  guint n_coast_parts;
  guint n_border_parts;
  guint n_river_parts;
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
void        mer_basemap_foreach_part_at_zoom (MerBasemap        *self,
                                              guint              level,
                                              MerBasemapLayer    layer,
                                              double             zoom,
                                              double             x0,
                                              double             y0,
                                              double             x1,
                                              double             y1,
                                              MerBasemapPartFunc func,
                                              gpointer           user_data);

guint       mer_basemap_get_n_labels      (MerBasemap           *self);
void        mer_basemap_get_label         (MerBasemap           *self,
                                           guint                 index,
                                           MerBasemapLabel      *label);

char       *mer_basemap_find_default_path (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MerBasemap, mer_basemap_unref)

G_END_DECLS

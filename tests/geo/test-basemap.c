/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "mer-basemap.h"

/* Facts about the committed data/basemap/world.mbm (tools/basemap/prepare-basemap.mjs
 * prints the same figures when it writes the file), and the reader's handling of files
 * that are not right. Regenerating the file with other inputs changes the pinned counts
 * on purpose: look at the new figures before updating them. */

#define N_LABELS 9364
/* 1:10m river parts drawn over the world at zooms 5, 6 and 7 (of 5,998). */
#define N_RIVERS_AT_5 2753
#define N_RIVERS_AT_6 4068
#define N_RIVERS_AT_7 5323
#define N_KURIL_RINGS 29  /* land-10m has 22 polygons there; cell sides cut some in two */

typedef struct {
  guint scale;
  float min_zoom;
  guint grid_size;
  guint n_vertices;
  guint n_land_parts;
  guint n_coast_parts;
  guint n_border_parts;
  guint n_river_parts;
} LevelCase;

static const LevelCase levels[] = {
  { 110, 0, 8, 9919, 232, 262, 210, 150 },
  { 50, 3, 32, 101343, 2388, 2404, 449, 891 },
  { 10, 5, 128, 658663, 14090, 10799, 1318, 5998 },
};

static char *
basemap_path (void)
{
  const char *datadir = g_getenv ("MERIDIAN_DATADIR");

  if (datadir == NULL)
    datadir = SRCDIR "/data";

  return g_build_filename (datadir, "basemap", "world.mbm", NULL);
}

static MerBasemap *
load_basemap (void)
{
  g_autofree char *path = basemap_path ();
  g_autoptr(GError) error = NULL;
  MerBasemap *map;

  map = mer_basemap_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (map);

  return map;
}

/* Web Mercator, normalised; mer-projection is written separately. */
static void
lon_lat_to_xy (double  lon,
               double  lat,
               double *x,
               double *y)
{
  double phi = CLAMP (lat, -85.0511287798, 85.0511287798) * G_PI / 180.0;

  *x = (lon + 180.0) / 360.0;
  *y = (1.0 - log (tan (phi) + 1.0 / cos (phi)) / G_PI) / 2.0;
}

typedef struct {
  double   x;
  double   y;
  gboolean inside;
} PointTest;

/* Even-odd crossing test over every ring of the visited cells. */
static void
point_in_rings_cb (const float *xy,
                   guint        n_points,
                   gpointer     user_data)
{
  PointTest *t = user_data;

  for (guint i = 0, j = n_points - 1; i < n_points; j = i++)
    {
      double xi = xy[2 * i], yi = xy[2 * i + 1];
      double xj = xy[2 * j], yj = xy[2 * j + 1];

      if ((yi > t->y) != (yj > t->y) && t->x < (xj - xi) * (t->y - yi) / (yj - yi) + xi)
        t->inside = !t->inside;
    }
}

static gboolean
is_land (MerBasemap *map,
         guint       level,
         double      lon,
         double      lat)
{
  PointTest t = { 0, };

  lon_lat_to_xy (lon, lat, &t.x, &t.y);
  mer_basemap_foreach_part (map, level, MER_BASEMAP_LAND, t.x, t.y, t.x, t.y,
                            point_in_rings_cb, &t);
  return t.inside;
}

static void
test_levels (void)
{
  g_autoptr(MerBasemap) map = load_basemap ();

  g_assert_cmpuint (mer_basemap_get_n_levels (map), ==, G_N_ELEMENTS (levels));
  g_assert_cmpuint (mer_basemap_get_n_labels (map), ==, N_LABELS);

  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      MerBasemapLevelInfo info;

      mer_basemap_get_level_info (map, i, &info);
      g_assert_cmpuint (info.scale, ==, levels[i].scale);
      g_assert_cmpfloat (info.min_zoom, ==, levels[i].min_zoom);
      g_assert_cmpuint (info.grid_size, ==, levels[i].grid_size);
      g_assert_cmpuint (info.n_vertices, ==, levels[i].n_vertices);
      g_assert_cmpuint (info.n_land_parts, ==, levels[i].n_land_parts);
      g_assert_cmpuint (info.n_coast_parts, ==, levels[i].n_coast_parts);
      g_assert_cmpuint (info.n_border_parts, ==, levels[i].n_border_parts);
      g_assert_cmpuint (info.n_river_parts, ==, levels[i].n_river_parts);
    }
}

static void
test_level_for_zoom (void)
{
  g_autoptr(MerBasemap) map = load_basemap ();
  static const struct {
    double zoom;
    guint  level;
  } cases[] = {
    { -1, 0 }, { 0, 0 }, { 2, 0 }, { 2.9, 0 }, { 2.999, 0 },
    { 3, 1 }, { 4, 1 }, { 4.9, 1 },
    { 5, 2 }, { 8, 2 }, { 22, 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("zoom %g", cases[i].zoom);
      g_assert_cmpuint (mer_basemap_level_for_zoom (map, cases[i].zoom), ==, cases[i].level);
    }
  g_assert_cmpuint (mer_basemap_level_for_zoom (map, NAN), ==, 0);
}

static void
test_land (void)
{
  g_autoptr(MerBasemap) map = load_basemap ();
  static const struct {
    const char *place;
    double      lon, lat;
    gboolean    land[3];  /* 110m, 50m, 10m */
  } cases[] = {
    { "Iturup", 147.8, 45.0, { FALSE, TRUE, TRUE } },
    { "Sea of Okhotsk", 150.0, 50.0, { FALSE, FALSE, FALSE } },
    { "Pacific east of the Kurils", 160.0, 40.0, { FALSE, FALSE, FALSE } },
    { "Tokyo", 139.7, 35.7, { TRUE, TRUE, TRUE } },
    { "Caspian Sea (a hole in Eurasia)", 51.0, 42.0, { FALSE, FALSE, FALSE } },
    { "Georgia", 45.0, 42.0, { TRUE, TRUE, TRUE } },
    /* Wrangel Island and Chukotka, on both sides of ±180° */
    { "Wrangel Island, west of 180°", 179.95, 71.2, { TRUE, TRUE, TRUE } },
    { "Wrangel Island, east of 180°", -179.95, 71.2, { TRUE, TRUE, TRUE } },
    { "Chukotka, west of 180°", 175.0, 65.0, { TRUE, TRUE, TRUE } },
    { "Chukotka, east of 180°", -175.0, 66.5, { TRUE, TRUE, TRUE } },
    { "Taveuni (Fiji), east of 180°", -179.95, -16.75, { FALSE, TRUE, TRUE } },
    /* Antarctica is a polygon down to the clamp latitude, not a band */
    { "Antarctica", 0.0, -80.0, { TRUE, TRUE, TRUE } },
    { "Antarctica at the clamp latitude", 0.0, -84.99, { TRUE, TRUE, TRUE } },
    { "Antarctica west of 180°", 179.99, -84.9, { TRUE, TRUE, TRUE } },
    { "Antarctica east of 180°", -179.99, -84.9, { TRUE, TRUE, TRUE } },
    { "Southern Ocean", 0.0, -60.0, { FALSE, FALSE, FALSE } },
    { "Southern Ocean at 180°", 180.0, -60.0, { FALSE, FALSE, FALSE } },
    { "Norwegian Sea", 0.0, 75.0, { FALSE, FALSE, FALSE } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint level = 0; level < 3; level++)
      {
        g_test_message ("%s at level %u", cases[i].place, level);
        g_assert_cmpint (is_land (map, level, cases[i].lon, cases[i].lat), ==, cases[i].land[level]);
      }
}

typedef struct {
  double x0, y0, x1, y1;
  guint  n_rings;
} BoxCount;

static void
count_rings_in_box_cb (const float *xy,
                       guint        n_points,
                       gpointer     user_data)
{
  BoxCount *box = user_data;
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  double cx, cy;

  for (guint i = 0; i < n_points; i++)
    {
      x0 = MIN (x0, xy[2 * i]);
      x1 = MAX (x1, xy[2 * i]);
      y0 = MIN (y0, xy[2 * i + 1]);
      y1 = MAX (y1, xy[2 * i + 1]);
    }
  cx = (x0 + x1) / 2;
  cy = (y0 + y1) / 2;
  if (cx >= box->x0 && cx <= box->x1 && cy >= box->y0 && cy <= box->y1)
    box->n_rings++;
}

static void
test_kurils (void)
{
  g_autoptr(MerBasemap) map = load_basemap ();
  guint level = mer_basemap_level_for_zoom (map, 6);
  BoxCount box = { 0, };

  /* 43–51N 145–157E: Shumshu, Paramushir, Simushir, Urup, Iturup, Kunashir, Shikotan,
   * the Habomai islets… (y grows southwards) */
  lon_lat_to_xy (145, 51, &box.x0, &box.y0);
  lon_lat_to_xy (157, 43, &box.x1, &box.y1);
  mer_basemap_foreach_part (map, level, MER_BASEMAP_LAND, box.x0, box.y0, box.x1, box.y1,
                            count_rings_in_box_cb, &box);

  g_assert_cmpuint (box.n_rings, >=, 22);
  g_assert_cmpuint (box.n_rings, ==, N_KURIL_RINGS);
}

typedef struct {
  guint  n_parts;
  guint  n_points;
  double widest;
} PartStats;

static void
part_stats_cb (const float *xy,
               guint        n_points,
               gpointer     user_data)
{
  PartStats *stats = user_data;
  float x0 = xy[0], x1 = xy[0];

  for (guint i = 0; i < n_points; i++)
    {
      g_assert_true (xy[2 * i] >= 0 && xy[2 * i] <= 1);
      g_assert_true (xy[2 * i + 1] >= 0 && xy[2 * i + 1] <= 1);
      x0 = MIN (x0, xy[2 * i]);
      x1 = MAX (x1, xy[2 * i]);
    }
  stats->n_parts++;
  stats->n_points += n_points;
  stats->widest = MAX (stats->widest, x1 - x0);
}

static void
land_ring_cb (const float *xy,
              guint        n_points,
              gpointer     user_data)
{
  g_assert_cmpuint (n_points, >=, 4);
  g_assert_cmpfloat (xy[0], ==, xy[2 * (n_points - 1)]);
  g_assert_cmpfloat (xy[1], ==, xy[2 * (n_points - 1) + 1]);
  part_stats_cb (xy, n_points, user_data);
}

static void
test_parts (void)
{
  g_autoptr(MerBasemap) map = load_basemap ();

  for (guint level = 0; level < mer_basemap_get_n_levels (map); level++)
    {
      MerBasemapLevelInfo info;
      PartStats land = { 0, }, coast = { 0, }, border = { 0, }, river = { 0, };

      mer_basemap_get_level_info (map, level, &info);
      mer_basemap_foreach_part (map, level, MER_BASEMAP_LAND, 0, 0, 1, 1, land_ring_cb, &land);
      mer_basemap_foreach_part (map, level, MER_BASEMAP_COAST, 0, 0, 1, 1, part_stats_cb, &coast);
      mer_basemap_foreach_part (map, level, MER_BASEMAP_BORDER, 0, 0, 1, 1, part_stats_cb, &border);
      mer_basemap_foreach_part (map, level, MER_BASEMAP_RIVER, 0, 0, 1, 1, part_stats_cb, &river);

      /* Every part once over the whole world. */
      g_assert_cmpuint (land.n_parts, ==, info.n_land_parts);
      g_assert_cmpuint (coast.n_parts, ==, info.n_coast_parts);
      g_assert_cmpuint (border.n_parts, ==, info.n_border_parts);
      g_assert_cmpuint (river.n_parts, ==, info.n_river_parts);
      g_assert_cmpfloat (river.widest, <=, 1.0 / info.grid_size);

      /* Split at ±180°: nothing draws as a band across the world; in fact every part is
       * clipped to its cell. */
      g_assert_cmpfloat (land.widest, <=, 0.5);
      g_assert_cmpfloat (coast.widest, <=, 0.5);
      g_assert_cmpfloat (land.widest, <=, 1.0 / info.grid_size);
      g_assert_cmpfloat (coast.widest, <=, 1.0 / info.grid_size);
      g_assert_cmpfloat (border.widest, <=, 1.0 / info.grid_size);
    }
}

typedef struct {
  guint n_parts;
} Counter;

static void
count_cb (const float *xy,
          guint        n_points,
          gpointer     user_data)
{
  ((Counter *) user_data)->n_parts++;
}

static guint
count_parts (MerBasemap *map,
             guint       level,
             double      x0,
             double      y0,
             double      x1,
             double      y1)
{
  Counter counter = { 0, };

  mer_basemap_foreach_part (map, level, MER_BASEMAP_LAND, x0, y0, x1, y1, count_cb, &counter);
  return counter.n_parts;
}

static void
test_rectangles (void)
{
  g_autoptr(MerBasemap) map = load_basemap ();
  double cell = 1.0 / 128;   /* level 2 */
  guint one, two;

  /* The cell of Tokyo, exactly: a rectangle side on a cell side does not pull in the
   * neighbour, a rectangle past it does. */
  one = count_parts (map, 2, 113 * cell, 50 * cell, 114 * cell, 51 * cell);
  two = count_parts (map, 2, 113 * cell, 50 * cell, 114.5 * cell, 51 * cell);
  g_assert_cmpuint (one, >, 0);
  g_assert_cmpuint (two, >, one);
  g_assert_cmpuint (count_parts (map, 2, 113.2 * cell, 50.2 * cell, 113.8 * cell, 50.8 * cell), ==, one);

  /* Outside the world, reversed or NaN: nothing. */
  g_assert_cmpuint (count_parts (map, 2, -0.5, 0.3, -0.1, 0.6), ==, 0);
  g_assert_cmpuint (count_parts (map, 2, 1.1, 0.3, 1.5, 0.6), ==, 0);
  g_assert_cmpuint (count_parts (map, 2, 0.6, 0.3, 0.5, 0.6), ==, 0);
  g_assert_cmpuint (count_parts (map, 2, NAN, 0.3, 0.5, 0.6), ==, 0);

  /* Clamped to the world. */
  g_assert_cmpuint (count_parts (map, 0, -10, -10, 10, 10), ==, 232);
}

static const MerBasemapLabel *
find_label (MerBasemap      *map,
            const char      *name,
            MerBasemapLabel *label)
{
  for (guint i = 0; i < mer_basemap_get_n_labels (map); i++)
    {
      mer_basemap_get_label (map, i, label);
      if (g_str_equal (label->name, name))
        return label;
    }

  return NULL;
}

static void
test_labels (void)
{
  g_autoptr(MerBasemap) map = load_basemap ();
  static const struct {
    const char          *name;
    MerBasemapLabelKind  kind;
    float                min_zoom;
    guint                rank;
    gboolean             on_land;
  } cases[] = {
    { "Russia", MER_BASEMAP_LABEL_COUNTRY, 1, 1, TRUE },
    { "Japan", MER_BASEMAP_LABEL_COUNTRY, 3, 5, TRUE },
    { "Ukraine", MER_BASEMAP_LABEL_COUNTRY, 2.4f, 4, TRUE },
    { "Sea of Okhotsk", MER_BASEMAP_LABEL_SEA, 3, 2, FALSE },
    { "Sea of Japan (East Sea)", MER_BASEMAP_LABEL_SEA, 3, 2, FALSE },
    { "Sea of Azov", MER_BASEMAP_LABEL_SEA, 5, 4, FALSE },
    { "La Pérouse Strait", MER_BASEMAP_LABEL_SEA, 7, 5, FALSE },
    { "Tatar Strait", MER_BASEMAP_LABEL_SEA, 6, 5, FALSE },
    { "Kunashir", MER_BASEMAP_LABEL_ISLAND, 6, 6, TRUE },
    { "Iturup", MER_BASEMAP_LABEL_ISLAND, 5.4f, 5, TRUE },
    { "Shikotan", MER_BASEMAP_LABEL_ISLAND, 6, 6, TRUE },
    { "Shumshu", MER_BASEMAP_LABEL_ISLAND, 6, 6, TRUE },
    { "Habomai Islands", MER_BASEMAP_LABEL_ISLAND, 6, 6, FALSE },
    { "Sakhalin", MER_BASEMAP_LABEL_ISLAND, 4, 4, TRUE },
    { "Nemuro", MER_BASEMAP_LABEL_CITY, 6, 6, TRUE },
    { "Yuzhno-Kurilsk", MER_BASEMAP_LABEL_CITY, 6, 6, TRUE },
    { "Khabarovsk", MER_BASEMAP_LABEL_CITY, 5.6f, 6, TRUE },
    { "Tokyo", MER_BASEMAP_LABEL_CITY, 1.7f, 2, TRUE },
    { "Amur", MER_BASEMAP_LABEL_RIVER, 4, 5, TRUE },
    { "Ussuri", MER_BASEMAP_LABEL_RIVER, 7, 8, TRUE },
  };
  static const struct {
    const char *name;
    const char *ja;
    const char *ru;
    const char *zh;
    guint       flags;
  } names[] = {
    { "Kunashir", "国後島", "Кунашир", "国后岛",
      MER_BASEMAP_LABEL_DISPUTED | MER_BASEMAP_LABEL_PARTY_JA | MER_BASEMAP_LABEL_PARTY_RU },
    { "Habomai Islands", "歯舞群島", "Хабомаи", "齿舞群岛",
      MER_BASEMAP_LABEL_DISPUTED | MER_BASEMAP_LABEL_GROUP | MER_BASEMAP_LABEL_PARTY_JA | MER_BASEMAP_LABEL_PARTY_RU },
    { "Zhenbao (Damansky) Island", "珍宝島", "Даманский", "珍宝岛",
      MER_BASEMAP_LABEL_DISPUTED | MER_BASEMAP_LABEL_PARTY_RU | MER_BASEMAP_LABEL_PARTY_ZH },
    { "Tokyo", "東京", "Токио", "东京", MER_BASEMAP_LABEL_CAPITAL },
    { "Amur", "アムール川", "Амур", "黑龙江", 0 },
    { "Russia", "ロシア", "Россия", "俄罗斯", 0 },
    { "Zimbabwe", NULL, NULL, NULL, 0 },
  };
  guint previous_rank = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      MerBasemapLabel label;

      g_test_message ("%s", cases[i].name);
      g_assert_nonnull (find_label (map, cases[i].name, &label));
      g_assert_cmpint (label.kind, ==, cases[i].kind);
      g_assert_cmpfloat_with_epsilon (label.min_zoom, cases[i].min_zoom, 1e-6);
      g_assert_cmpuint (label.rank, ==, cases[i].rank);

      /* The label point is where it belongs. */
      {
        PointTest t = { label.x, label.y, FALSE };

        mer_basemap_foreach_part (map, 2, MER_BASEMAP_LAND, t.x, t.y, t.x, t.y, point_in_rings_cb, &t);
        g_assert_cmpint (t.inside, ==, cases[i].on_land);
      }
    }

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      MerBasemapLabel label;

      g_test_message ("%s", names[i].name);
      g_assert_nonnull (find_label (map, names[i].name, &label));
      g_assert_true (label.names[MER_BASEMAP_NAME_EN] == label.name);
      g_assert_cmpstr (label.names[MER_BASEMAP_NAME_JA], ==, names[i].ja);
      g_assert_cmpstr (label.names[MER_BASEMAP_NAME_RU], ==, names[i].ru);
      g_assert_cmpstr (label.names[MER_BASEMAP_NAME_ZH], ==, names[i].zh);
      g_assert_cmpuint (label.flags, ==, names[i].flags);
    }

  for (guint i = 0; i < mer_basemap_get_n_labels (map); i++)
    {
      MerBasemapLabel label;

      mer_basemap_get_label (map, i, &label);
      g_assert_true (g_utf8_validate (label.name, -1, NULL));
      g_assert_cmpstr (label.name, !=, "");
      g_assert_true (label.x >= 0 && label.x <= 1 && label.y >= 0 && label.y <= 1);
      g_assert_cmpfloat (label.min_zoom, >=, 1);
      g_assert_cmpuint (label.rank, >=, previous_rank);
      previous_rank = label.rank;
    }
}

typedef struct {
  char   *dir;
  char   *data;
  gsize   size;
} BadFiles;

static guint32
get_u32 (const char *data,
         gsize       offset)
{
  guint32 v;

  memcpy (&v, data + offset, 4);
  return GUINT32_FROM_LE (v);
}

static void
set_u32 (char    *data,
         gsize    offset,
         guint32  value)
{
  value = GUINT32_TO_LE (value);
  memcpy (data + offset, &value, 4);
}

/* Writes @size bytes of @data to @name in the temporary folder and loads it. */
static void
assert_load_fails (BadFiles   *files,
                   const char *name,
                   const char *data,
                   gsize       size,
                   int         code,
                   const char *message)
{
  g_autofree char *path = g_build_filename (files->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) bytes_error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(MerBasemap) map = NULL;
  g_autoptr(MerBasemap) map_from_bytes = NULL;
  g_autofree char *expected = NULL;

  g_test_message ("%s", name);
  g_assert_true (g_file_set_contents (path, data, size, NULL));

  map = mer_basemap_new_from_file (path, &error);
  g_assert_null (map);
  g_assert_error (error, MER_BASEMAP_ERROR, code);
  if (message != NULL)
    {
      expected = g_strdup_printf ("%s: %s", path, message);
      g_assert_cmpstr (error->message, ==, expected);
    }

  map_from_bytes = mer_basemap_new_from_bytes (bytes, &bytes_error);
  g_assert_null (map_from_bytes);
  g_assert_error (bytes_error, MER_BASEMAP_ERROR, code);

  g_unlink (path);
}

static void
test_bad_files (void)
{
  g_autofree char *path = basemap_path ();
  g_autofree char *data = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *message = NULL;
  g_autofree char *missing = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MerBasemap) map = NULL;
  BadFiles files = { 0, };
  gsize size;
  guint32 level_table, labels, index0, parts0, n_parts0;

  g_assert_true (g_file_get_contents (path, &data, &size, NULL));
  files.dir = g_dir_make_tmp ("test-basemap-XXXXXX", &error);
  g_assert_no_error (error);

  level_table = get_u32 (data, 24);
  labels = get_u32 (data, 32);
  index0 = get_u32 (data, level_table + 12);
  n_parts0 = get_u32 (data, level_table + 16);
  parts0 = get_u32 (data, level_table + 20);

  /* Truncated */
  message = g_strdup_printf ("Corrupt base-map file: the header says %" G_GSIZE_FORMAT
                             " bytes but there are %" G_GSIZE_FORMAT " (truncated?)", size, size / 2);
  assert_load_fails (&files, "truncated.mbm", data, size / 2, MER_BASEMAP_ERROR_CORRUPT, message);
  assert_load_fails (&files, "header-only.mbm", data, 40, MER_BASEMAP_ERROR_CORRUPT,
                     "Corrupt base-map file: the file is 40 bytes long, shorter than its header");

  /* Not a base map */
  copy = g_memdup2 (data, size);
  memcpy (copy, "MERBMAP0", 8);
  assert_load_fails (&files, "magic.mbm", copy, size, MER_BASEMAP_ERROR_FORMAT,
                     "Not a Meridian base-map file (it does not start with “MERBMAP1”)");
  assert_load_fails (&files, "empty.mbm", "", 0, MER_BASEMAP_ERROR_FORMAT, NULL);
  assert_load_fails (&files, "text.mbm", "{ \"meridian\": 1 }", 17, MER_BASEMAP_ERROR_FORMAT, NULL);

  /* Another version */
  memcpy (copy, data, size);
  set_u32 (copy, 8, 1);
  assert_load_fails (&files, "version.mbm", copy, size, MER_BASEMAP_ERROR_UNSUPPORTED,
                     "Base-map format version 1 is not supported (this Meridian reads version 2)");

  /* Offsets and indexes that point outside the data */
  memcpy (copy, data, size);
  set_u32 (copy, level_table + 12, size - 8);
  assert_load_fails (&files, "index-offset.mbm", copy, size, MER_BASEMAP_ERROR_CORRUPT,
                     "Corrupt base-map file: level 0 cell index out of range");

  memcpy (copy, data, size);
  set_u32 (copy, index0 + 4 * 100, 0xfffffff0);
  assert_load_fails (&files, "index-entry.mbm", copy, size, MER_BASEMAP_ERROR_CORRUPT,
                     "Corrupt base-map file: level 0 cell index entry 100 out of order");

  memcpy (copy, data, size);
  set_u32 (copy, parts0 + 8 * (n_parts0 - 1), 0x7fffffff);
  g_free (message);
  message = g_strdup_printf ("Corrupt base-map file: level 0 part %u out of range", n_parts0 - 1);
  assert_load_fails (&files, "part.mbm", copy, size, MER_BASEMAP_ERROR_CORRUPT, message);

  memcpy (copy, data, size);
  set_u32 (copy, level_table + 24, 3);
  assert_load_fails (&files, "vertices.mbm", copy, size, MER_BASEMAP_ERROR_CORRUPT, NULL);

  memcpy (copy, data, size);
  set_u32 (copy, 20, 1000);
  assert_load_fails (&files, "levels.mbm", copy, size, MER_BASEMAP_ERROR_CORRUPT,
                     "Corrupt base-map file: 1000 levels of detail");

  memcpy (copy, data, size);
  set_u32 (copy, labels + 12, 0x10000000);
  assert_load_fails (&files, "label-name.mbm", copy, size, MER_BASEMAP_ERROR_CORRUPT,
                     "Corrupt base-map file: label 0 name out of range");

  /* The English name is required; the others may be missing (0xffffffff), not out of range */
  memcpy (copy, data, size);
  set_u32 (copy, labels + 12, 0xffffffff);
  assert_load_fails (&files, "label-no-name.mbm", copy, size, MER_BASEMAP_ERROR_CORRUPT,
                     "Corrupt base-map file: label 0 name out of range");
  memcpy (copy, data, size);
  set_u32 (copy, labels + 20, 0x10000000);
  assert_load_fails (&files, "label-ru-name.mbm", copy, size, MER_BASEMAP_ERROR_CORRUPT,
                     "Corrupt base-map file: label 0 name out of range");
  memcpy (copy, data, size);
  copy[labels + 28] = 9;
  assert_load_fails (&files, "label-kind.mbm", copy, size, MER_BASEMAP_ERROR_CORRUPT,
                     "Corrupt base-map file: label 0 is of unknown kind 9");
  memcpy (copy, data, size);
  copy[labels + 30] = (char) 0x80;
  assert_load_fails (&files, "label-flags.mbm", copy, size, MER_BASEMAP_ERROR_CORRUPT,
                     "Corrupt base-map file: label 0 has unknown flags 0x80");

  /* Missing, or a folder */
  missing = g_build_filename (files.dir, "missing.mbm", NULL);
  map = mer_basemap_new_from_file (missing, &error);
  g_assert_null (map);
  g_assert_error (error, MER_BASEMAP_ERROR, MER_BASEMAP_ERROR_READ);
  g_assert_true (g_str_has_prefix (error->message, missing));
  g_clear_error (&error);

  map = mer_basemap_new_from_file (files.dir, &error);
  g_assert_null (map);
  g_assert_error (error, MER_BASEMAP_ERROR, MER_BASEMAP_ERROR_READ);
  g_clear_error (&error);

  g_assert_cmpint (g_rmdir (files.dir), ==, 0);
  g_free (files.dir);
}

static void
visit_all_cb (const float *xy,
              guint        n_points,
              gpointer     user_data)
{
  double *sum = user_data;

  /* Read every point, so that a memory checker sees any read outside the data. */
  for (guint i = 0; i < 2 * n_points; i++)
    *sum += xy[i];
}

static void
count_one_cb (const float *xy,
              guint        n_points,
              gpointer     user_data)
{
  (*(guint *) user_data)++;
}

static guint
count_rivers (MerBasemap *map,
              guint       level,
              double      zoom)
{
  guint n = 0;

  mer_basemap_foreach_part_at_zoom (map, level, MER_BASEMAP_RIVER, zoom, 0, 0, 1, 1, count_one_cb, &n);
  return n;
}

/* Rivers show from their own Natural Earth minimum zoom, not from their level's: at the
 * 1:10m level, zoom 5 draws the large rivers only, zoom 7.2 all of them. The coast has
 * no minimum zoom of its own. A file without the table (its offset zeroed) draws every
 * river from the level's zoom, as before. */
static void
test_river_zooms (void)
{
  g_autofree char *path = basemap_path ();
  g_autofree char *data = NULL;
  g_autoptr(MerBasemap) map = load_basemap ();
  g_autoptr(MerBasemap) old = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  MerBasemapLevelInfo info;
  guint coast = 0, all_coast = 0;
  guint32 level_table;
  gsize size;

  mer_basemap_get_level_info (map, 2, &info);
  g_assert_cmpuint (count_rivers (map, 2, 5), ==, N_RIVERS_AT_5);
  g_assert_cmpuint (count_rivers (map, 2, 6), ==, N_RIVERS_AT_6);
  g_assert_cmpuint (count_rivers (map, 2, 7), ==, N_RIVERS_AT_7);
  g_assert_cmpuint (count_rivers (map, 2, 7.2), ==, info.n_river_parts);
  g_assert_cmpuint (count_rivers (map, 2, INFINITY), ==, info.n_river_parts);
  mer_basemap_foreach_part_at_zoom (map, 2, MER_BASEMAP_COAST, 5, 0, 0, 1, 1, count_one_cb, &coast);
  mer_basemap_foreach_part (map, 2, MER_BASEMAP_COAST, 0, 0, 1, 1, count_one_cb, &all_coast);
  g_assert_cmpuint (coast, ==, info.n_coast_parts);
  g_assert_cmpuint (all_coast, ==, info.n_coast_parts);

  g_assert_true (g_file_get_contents (path, &data, &size, NULL));
  level_table = get_u32 (data, 24);
  memset (data + level_table + 64 * 2 + 48, 0, 4);
  bytes = g_bytes_new_static (data, size);
  old = mer_basemap_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_rivers (old, 2, 5), ==, info.n_river_parts);
}

/* Random bytes of the header, the tables and the indexes changed one at a time: each
 * copy either loads, and then every part and label can be read, or gives an error. */
static void
test_damaged_bytes (void)
{
  g_autofree char *path = basemap_path ();
  g_autofree char *data = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240611);
  gsize size, metadata_end;
  guint n_loaded = 0, n_failed = 0;
  guint32 level_table;

  g_assert_true (g_file_get_contents (path, &data, &size, NULL));

  /* Everything before the first level's vertices, plus the other levels' indexes. */
  level_table = get_u32 (data, 24);
  metadata_end = get_u32 (data, level_table + 28);

  for (guint round = 0; round < 600; round++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(MerBasemap) map = NULL;
      g_autoptr(GError) error = NULL;
      guint level = g_rand_int_range (rand, 0, 3);
      gsize offset;
      char saved;

      if (round % 2 == 0)
        offset = g_rand_int_range (rand, 0, metadata_end);
      else
        offset = get_u32 (data, level_table + 64 * level + 12)
          + g_rand_int_range (rand, 0, get_u32 (data, level_table + 64 * level + 28)
                                       - get_u32 (data, level_table + 64 * level + 12));
      saved = data[offset];
      data[offset] = (char) g_rand_int_range (rand, 0, 256);

      bytes = g_bytes_new_static (data, size);
      map = mer_basemap_new_from_bytes (bytes, &error);
      if (map != NULL)
        {
          double sum = 0;

          g_assert_no_error (error);
          for (guint l = 0; l < mer_basemap_get_n_levels (map); l++)
            for (MerBasemapLayer layer = MER_BASEMAP_LAND; layer <= MER_BASEMAP_RIVER; layer++)
              mer_basemap_foreach_part (map, l, layer, 0, 0, 1, 1, visit_all_cb, &sum);
          for (guint i = 0; i < mer_basemap_get_n_labels (map); i++)
            {
              MerBasemapLabel label;

              mer_basemap_get_label (map, i, &label);
              for (guint n = 0; n < MER_BASEMAP_N_NAMES; n++)
                g_assert_true (label.names[n] == NULL || g_utf8_validate (label.names[n], -1, NULL));
            }
          n_loaded++;
        }
      else
        {
          g_assert_true (error->domain == MER_BASEMAP_ERROR);
          n_failed++;
        }

      data[offset] = saved;
    }

  g_test_message ("%u damaged copies loaded, %u refused", n_loaded, n_failed);
  g_assert_cmpuint (n_failed, >, 0);
}

static void
test_unaligned_bytes (void)
{
  g_autofree char *path = basemap_path ();
  g_autofree char *data = NULL;
  g_autofree char *shifted = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(MerBasemap) map = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;

  g_assert_true (g_file_get_contents (path, &data, &size, NULL));
  shifted = g_malloc (size + 1);
  memcpy (shifted + 1, data, size);

  /* Read in place needs 4-aligned data; otherwise the reader copies it. */
  bytes = g_bytes_new_static (shifted + 1, size);
  map = mer_basemap_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_parts (map, 0, 0, 0, 1, 1), ==, 232);
}

static void
test_default_path (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("MERIDIAN_DATADIR"));
  g_autofree char *from_env = NULL;
  g_autofree char *from_source = NULL;

  g_assert_true (g_setenv ("MERIDIAN_DATADIR", "/opt/meridian-test", TRUE));
  from_env = mer_basemap_find_default_path ();
  g_assert_cmpstr (from_env, ==, "/opt/meridian-test/basemap/world.mbm");

  g_unsetenv ("MERIDIAN_DATADIR");
  from_source = mer_basemap_find_default_path ();
  g_assert_cmpstr (from_source, ==, SOURCE_DATADIR "/basemap/world.mbm");

  if (saved != NULL)
    g_setenv ("MERIDIAN_DATADIR", saved, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/geo/basemap/levels", test_levels);
  g_test_add_func ("/geo/basemap/level-for-zoom", test_level_for_zoom);
  g_test_add_func ("/geo/basemap/land", test_land);
  g_test_add_func ("/geo/basemap/kurils", test_kurils);
  g_test_add_func ("/geo/basemap/parts", test_parts);
  g_test_add_func ("/geo/basemap/river-zooms", test_river_zooms);
  g_test_add_func ("/geo/basemap/rectangles", test_rectangles);
  g_test_add_func ("/geo/basemap/labels", test_labels);
  g_test_add_func ("/geo/basemap/bad-files", test_bad_files);
  g_test_add_func ("/geo/basemap/damaged-bytes", test_damaged_bytes);
  g_test_add_func ("/geo/basemap/unaligned-bytes", test_unaligned_bytes);
  g_test_add_func ("/geo/basemap/default-path", test_default_path);

  return g_test_run ();
}

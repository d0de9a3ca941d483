/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-basemap"

#include "config.h"

#include "mer-basemap.h"

#include "mer-paths.h"

#include <math.h>
#include <string.h>

/* The file (docs/basemap-format.md) is little-endian and used where it lies: the
 * vertices handed to callers point into the mapped file. Loading checks the header, the
 * level table, every cell index entry, every part and every label, so that nothing read
 * later can fall outside the data; vertex values themselves are not visited. */

#define MAGIC              "MERBMAP1"
#define FORMAT_VERSION     2
#define HEADER_SIZE        64
#define LEVEL_RECORD_SIZE  64
#define LABEL_RECORD_SIZE  32
#define MAX_LEVELS         16
#define MAX_GRID_SIZE      4096
#define N_LAYERS           4
#define NO_NAME            0xffffffffu
#define KNOWN_FLAGS        (MER_BASEMAP_LABEL_CAPITAL | MER_BASEMAP_LABEL_DISPUTED | MER_BASEMAP_LABEL_GROUP | \
                            MER_BASEMAP_LABEL_PARTY_JA | MER_BASEMAP_LABEL_PARTY_RU | MER_BASEMAP_LABEL_PARTY_ZH)

typedef struct {
  guint          scale;
  float          min_zoom;
  guint          grid_size;
  guint          n_parts;
  guint          n_vertices;
  guint          n_layer_parts[N_LAYERS];

  /* Borrowed from the data */
  const guint32 *index;     /* grid_size² × N_LAYERS + 1 part numbers */
  const guint32 *parts;     /* n_parts × (first vertex, n_points) */
  const float   *vertices;  /* n_vertices × (x, y) */
  const guint8  *part_zooms; /* nullable: n_parts minimum zooms × 10 */
} Level;

struct _MerBasemap
{
  gatomicrefcount  ref_count;

  /* Owned */
  GBytes          *bytes;

  /* Borrowed from bytes */
  const guint8    *data;
  gsize            size;
  const guint8    *labels;
  const char      *strings;
  guint32          strings_size;

  guint            n_levels;
  guint            n_labels;
  Level            levels[MAX_LEVELS];
};

G_DEFINE_BOXED_TYPE (MerBasemap, mer_basemap, mer_basemap_ref, mer_basemap_unref)

G_DEFINE_QUARK (mer-basemap-error-quark, mer_basemap_error)

static inline guint32
read_u32 (const guint8 *p)
{
  guint32 v;

  memcpy (&v, p, sizeof v);
  return GUINT32_FROM_LE (v);
}

static inline float
read_f32 (const guint8 *p)
{
  float v;

  /* Only little-endian hosts get this far (see check_header). */
  memcpy (&v, p, sizeof v);
  return v;
}

/* TRUE when [offset, offset + count × item_size) lies inside the data and offset is
 * 4-aligned (the arrays are read as guint32 and float in place). */
static gboolean
range_ok (MerBasemap *self,
          guint64     offset,
          guint64     count,
          guint64     item_size)
{
  return offset % 4 == 0
    && count <= G_MAXUINT32
    && offset <= self->size
    && count * item_size <= self->size - offset;
}

static gboolean
corrupt (GError    **error,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
corrupt (GError    **error,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, MER_BASEMAP_ERROR, MER_BASEMAP_ERROR_CORRUPT,
               "Corrupt base-map file: %s", message);
  return FALSE;
}

static gboolean
check_header (MerBasemap  *self,
              GError     **error)
{
  guint32 version, header_size, file_size;

  if (self->size < strlen (MAGIC) || memcmp (self->data, MAGIC, strlen (MAGIC)) != 0)
    {
      g_set_error (error, MER_BASEMAP_ERROR, MER_BASEMAP_ERROR_FORMAT,
                   "Not a Meridian base-map file (it does not start with “%s”)", MAGIC);
      return FALSE;
    }

  if (self->size < HEADER_SIZE)
    return corrupt (error, "the file is %" G_GSIZE_FORMAT " bytes long, shorter than its header",
                    self->size);

  version = read_u32 (self->data + 8);
  if (version != FORMAT_VERSION)
    {
      g_set_error (error, MER_BASEMAP_ERROR, MER_BASEMAP_ERROR_UNSUPPORTED,
                   "Base-map format version %u is not supported (this Meridian reads version %u)",
                   version, FORMAT_VERSION);
      return FALSE;
    }

#if G_BYTE_ORDER != G_LITTLE_ENDIAN
  g_set_error_literal (error, MER_BASEMAP_ERROR, MER_BASEMAP_ERROR_UNSUPPORTED,
                       "The base-map file is little-endian and this computer is not");
  return FALSE;
#endif

  header_size = read_u32 (self->data + 12);
  file_size = read_u32 (self->data + 16);
  if (file_size != self->size)
    return corrupt (error, "the header says %u bytes but there are %" G_GSIZE_FORMAT
                    " (truncated?)", file_size, self->size);
  if (header_size < HEADER_SIZE || header_size > self->size)
    return corrupt (error, "header size %u", header_size);

  self->n_levels = read_u32 (self->data + 20);
  self->n_labels = read_u32 (self->data + 28);
  self->strings_size = read_u32 (self->data + 40);

  return TRUE;
}

static gboolean
check_level (MerBasemap  *self,
             guint        i,
             GError     **error)
{
  Level *level = &self->levels[i];
  const guint8 *record = self->data + read_u32 (self->data + 24) + (gsize) i * LEVEL_RECORD_SIZE;
  guint32 index_offset, parts_offset, vertices_offset, part_zooms_offset;
  guint64 n_cells, n_index;
  guint n_layer_parts[N_LAYERS] = { 0, };

  level->scale = read_u32 (record + 0);
  level->min_zoom = read_f32 (record + 4);
  level->grid_size = read_u32 (record + 8);
  index_offset = read_u32 (record + 12);
  level->n_parts = read_u32 (record + 16);
  parts_offset = read_u32 (record + 20);
  level->n_vertices = read_u32 (record + 24);
  vertices_offset = read_u32 (record + 28);
  for (guint l = 0; l < N_LAYERS; l++)
    level->n_layer_parts[l] = read_u32 (record + 32 + 4 * l);
  /* Files written before the table have zero there: every part shows from the level's
   * own minimum zoom. */
  part_zooms_offset = read_u32 (record + 48);

  if (!isfinite (level->min_zoom))
    return corrupt (error, "level %u has no minimum zoom", i);
  if (i > 0 && level->min_zoom < self->levels[i - 1].min_zoom)
    return corrupt (error, "level %u starts at a lower zoom than level %u", i, i - 1);
  if (level->grid_size == 0 || level->grid_size > MAX_GRID_SIZE)
    return corrupt (error, "level %u has a %u × %u grid", i, level->grid_size, level->grid_size);

  n_cells = (guint64) level->grid_size * level->grid_size;
  n_index = n_cells * N_LAYERS + 1;
  if (!range_ok (self, index_offset, n_index, 4))
    return corrupt (error, "level %u cell index out of range", i);
  if (!range_ok (self, parts_offset, level->n_parts, 8))
    return corrupt (error, "level %u parts out of range", i);
  if (!range_ok (self, vertices_offset, level->n_vertices, 8))
    return corrupt (error, "level %u vertices out of range", i);
  if (part_zooms_offset != 0 && !range_ok (self, part_zooms_offset, level->n_parts, 1))
    return corrupt (error, "level %u part zooms out of range", i);

  level->index = (const guint32 *) (gconstpointer) (self->data + index_offset);
  level->parts = (const guint32 *) (gconstpointer) (self->data + parts_offset);
  level->vertices = (const float *) (gconstpointer) (self->data + vertices_offset);
  level->part_zooms = part_zooms_offset != 0 ? self->data + part_zooms_offset : NULL;

  /* The index must count up from 0 to n_parts; then every (cell, layer) range of parts
   * is inside the part array, and each part is checked once. */
  if (level->index[0] != 0 || level->index[n_index - 1] != level->n_parts)
    return corrupt (error, "level %u cell index does not cover its %u parts", i, level->n_parts);

  for (guint64 k = 0; k + 1 < n_index; k++)
    {
      guint32 first = level->index[k];
      guint32 end = level->index[k + 1];
      guint layer = (guint) (k % N_LAYERS);

      if (end < first || end > level->n_parts)
        return corrupt (error, "level %u cell index entry %" G_GUINT64_FORMAT " out of order", i, k + 1);

      n_layer_parts[layer] += end - first;

      for (guint32 p = first; p < end; p++)
        {
          guint32 first_vertex = level->parts[2 * p];
          guint32 n_points = level->parts[2 * p + 1];

          if (n_points < (layer == MER_BASEMAP_LAND ? 4 : 2)
              || (guint64) first_vertex + n_points > level->n_vertices)
            return corrupt (error, "level %u part %u out of range", i, p);
        }
    }

  for (guint l = 0; l < N_LAYERS; l++)
    if (n_layer_parts[l] != level->n_layer_parts[l])
      return corrupt (error, "level %u layer %u has %u parts, not %u",
                      i, l, n_layer_parts[l], level->n_layer_parts[l]);

  return TRUE;
}

static gboolean
check_labels (MerBasemap  *self,
              GError     **error)
{
  guint32 labels_offset = read_u32 (self->data + 32);
  guint32 strings_offset = read_u32 (self->data + 36);

  if (!range_ok (self, labels_offset, self->n_labels, LABEL_RECORD_SIZE))
    return corrupt (error, "label table out of range");
  if (!range_ok (self, strings_offset, self->strings_size, 1))
    return corrupt (error, "label names out of range");
  if (self->n_labels > 0
      && (self->strings_size == 0 || self->data[strings_offset + self->strings_size - 1] != '\0'))
    return corrupt (error, "label names are not terminated");

  self->labels = self->data + labels_offset;
  self->strings = (const char *) self->data + strings_offset;

  for (guint i = 0; i < self->n_labels; i++)
    {
      const guint8 *record = self->labels + (gsize) i * LABEL_RECORD_SIZE;
      float x = read_f32 (record + 0);
      float y = read_f32 (record + 4);
      float min_zoom = read_f32 (record + 8);
      guint8 kind = record[28];

      if (!isfinite (x) || !isfinite (y) || !isfinite (min_zoom))
        return corrupt (error, "label %u has no position", i);
      if (kind > MER_BASEMAP_LABEL_RIVER)
        return corrupt (error, "label %u is of unknown kind %u", i, kind);
      if ((record[30] & ~KNOWN_FLAGS) != 0)
        return corrupt (error, "label %u has unknown flags 0x%x", i, record[30]);

      /* The English name (offset 12) is required, the Japanese, Russian and Chinese ones
       * (16, 20, 24) may be missing. */
      for (guint n = 0; n < MER_BASEMAP_N_NAMES; n++)
        {
          guint32 name_offset = read_u32 (record + 12 + 4 * n);

          if (n > 0 && name_offset == NO_NAME)
            continue;
          if (name_offset >= self->strings_size)
            return corrupt (error, "label %u name out of range", i);
          /* The table ends in a NUL, so strlen stops inside it. */
          if (!g_utf8_validate (self->strings + name_offset, -1, NULL))
            return corrupt (error, "label %u name is not UTF-8", i);
        }
    }

  return TRUE;
}

/**
 * mer_basemap_new_from_bytes:
 * @bytes: the contents of a base-map file
 * @error: return location for a #MER_BASEMAP_ERROR
 *
 * Checks the header and the indexes and uses @bytes in place (when they are 4-aligned;
 * otherwise they are copied once). A truncated or corrupt file gives an error, never a
 * crash.
 *
 * Returns: (transfer full) (nullable): the base map, or %NULL with @error set
 */
MerBasemap *
mer_basemap_new_from_bytes (GBytes  *bytes,
                            GError **error)
{
  g_autoptr(MerBasemap) self = NULL;
  gsize size;
  gconstpointer data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (MerBasemap, 1);
  g_atomic_ref_count_init (&self->ref_count);

  data = g_bytes_get_data (bytes, &size);
  if (GPOINTER_TO_SIZE (data) % 4 != 0)
    self->bytes = g_bytes_new (data, size);
  else
    self->bytes = g_bytes_ref (bytes);

  self->data = g_bytes_get_data (self->bytes, &self->size);
  if (self->data == NULL)
    self->data = (const guint8 *) "";

  if (!check_header (self, error))
    return NULL;

  if (self->n_levels == 0 || self->n_levels > MAX_LEVELS)
    {
      corrupt (error, "%u levels of detail", self->n_levels);
      return NULL;
    }
  if (!range_ok (self, read_u32 (self->data + 24), self->n_levels, LEVEL_RECORD_SIZE))
    {
      corrupt (error, "level table out of range");
      return NULL;
    }

  for (guint i = 0; i < self->n_levels; i++)
    if (!check_level (self, i, error))
      return NULL;

  if (!check_labels (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * mer_basemap_new_from_file:
 * @path: a base-map file, usually mer_basemap_find_default_path()
 * @error: return location for a #MER_BASEMAP_ERROR; the message names @path
 *
 * Maps the file into memory and checks it (see mer_basemap_new_from_bytes()).
 *
 * Returns: (transfer full) (nullable): the base map, or %NULL with @error set
 */
MerBasemap *
mer_basemap_new_from_file (const char  *path,
                           GError     **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = NULL;
  MerBasemap *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_name (path);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, MER_BASEMAP_ERROR, MER_BASEMAP_ERROR_READ,
                   "%s: Is a folder, not a base-map file", display);
      return NULL;
    }

  file = g_mapped_file_new (path, FALSE, &local_error);
  if (file == NULL)
    {
      g_set_error (error, MER_BASEMAP_ERROR, MER_BASEMAP_ERROR_READ,
                   "%s: %s", display, local_error->message);
      return NULL;
    }

  bytes = g_mapped_file_get_bytes (file);
  self = mer_basemap_new_from_bytes (bytes, error);
  if (self == NULL)
    g_prefix_error (error, "%s: ", display);

  return self;
}

/**
 * mer_basemap_ref:
 *
 * Returns: (transfer full): @self
 */
MerBasemap *
mer_basemap_ref (MerBasemap *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * mer_basemap_unref:
 *
 * Drops a reference; the last one unmaps the file. A base map is immutable, so it can be
 * shared between threads (tile rendering) without locking.
 */
void
mer_basemap_unref (MerBasemap *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_clear_pointer (&self->bytes, g_bytes_unref);
      g_free (self);
    }
}

/**
 * mer_basemap_get_n_levels:
 *
 * Returns: the number of levels of detail, from the least detailed (0)
 */
guint
mer_basemap_get_n_levels (MerBasemap *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_levels;
}

/**
 * mer_basemap_get_level_info:
 * @level: a level, below mer_basemap_get_n_levels()
 * @info: (out caller-allocates): what the level holds
 */
void
mer_basemap_get_level_info (MerBasemap          *self,
                            guint                level,
                            MerBasemapLevelInfo *info)
{
  const Level *l;

  g_return_if_fail (self != NULL);
  g_return_if_fail (level < self->n_levels);
  g_return_if_fail (info != NULL);

  l = &self->levels[level];
  info->scale = l->scale;
  info->min_zoom = l->min_zoom;
  info->grid_size = l->grid_size;
  info->n_vertices = l->n_vertices;
  info->n_land_parts = l->n_layer_parts[MER_BASEMAP_LAND];
  info->n_coast_parts = l->n_layer_parts[MER_BASEMAP_COAST];
  info->n_border_parts = l->n_layer_parts[MER_BASEMAP_BORDER];
  info->n_river_parts = l->n_layer_parts[MER_BASEMAP_RIVER];
}

/**
 * mer_basemap_level_for_zoom:
 * @zoom: a map zoom level (a 256-px tile covers 1/2^@zoom of the world's width)
 *
 * Picks the level of detail to draw at @zoom: the most detailed level whose minimum zoom
 * is at most @zoom. With the bundled file: 1:110m below zoom 3, 1:50m from 3 to below 5,
 * 1:10m from 5.
 *
 * Returns: a level, below mer_basemap_get_n_levels()
 */
guint
mer_basemap_level_for_zoom (MerBasemap *self,
                            double      zoom)
{
  guint level = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 1; i < self->n_levels; i++)
    if (zoom >= self->levels[i].min_zoom)
      level = i;

  return level;
}

/* The cells [*first, *last] whose interior overlaps [lo, hi] (a rectangle side on a cell
 * side does not pull in the neighbouring cell). */
static void
cell_span (double  lo,
           double  hi,
           guint   grid_size,
           guint  *first,
           guint  *last)
{
  double a = floor (lo * grid_size);
  double b = ceil (hi * grid_size) - 1;

  a = CLAMP (a, 0, grid_size - 1);
  b = CLAMP (b, a, grid_size - 1);
  *first = (guint) a;
  *last = (guint) b;
}

/**
 * mer_basemap_foreach_part:
 * @level: a level, below mer_basemap_get_n_levels()
 * @layer: which geometry
 * @x0: left side of the rectangle, normalised Mercator
 * @y0: top side
 * @x1: right side
 * @y1: bottom side
 * @func: (scope call): called for each part
 * @user_data: passed to @func
 *
 * Calls @func for each part of @layer (a ring for %MER_BASEMAP_LAND, a polyline
 * otherwise) in every cell whose area overlaps the rectangle, cell by cell, row by row.
 * Parts are clipped to their cell, not to the rectangle; none is visited twice. The
 * rectangle is clamped to the world [0, 1]²; a painter drawing a wrapped copy of the
 * world shifts x itself.
 *
 * To fill land, add the rings of all visited cells to one path and fill it once (either
 * fill rule): filling cell by cell would show antialiasing seams along the cell sides.
 * Stroke coasts and borders with round caps: they are cut at cell sides.
 */
void
mer_basemap_foreach_part (MerBasemap         *self,
                          guint               level,
                          MerBasemapLayer     layer,
                          double              x0,
                          double              y0,
                          double              x1,
                          double              y1,
                          MerBasemapPartFunc  func,
                          gpointer            user_data)
{
  mer_basemap_foreach_part_at_zoom (self, level, layer, INFINITY, x0, y0, x1, y1, func, user_data);
}

/**
 * mer_basemap_foreach_part_at_zoom:
 * @zoom: the zoom drawn at
 *
 * As mer_basemap_foreach_part(), but only for the parts shown at @zoom: a river whose
 * Natural Earth minimum zoom is above @zoom is left out, where the file records it.
 */
void
mer_basemap_foreach_part_at_zoom (MerBasemap         *self,
                                  guint               level,
                                  MerBasemapLayer     layer,
                                  double              zoom,
                                  double              x0,
                                  double              y0,
                                  double              x1,
                                  double              y1,
                                  MerBasemapPartFunc  func,
                                  gpointer            user_data)
{
  const Level *l;
  guint col0, col1, row0, row1;
  /* The table holds tenths; a little slack so that zoom 5 shows a part of 5.0. */
  double tenths = zoom * 10 + 1e-6;

  g_return_if_fail (self != NULL);
  g_return_if_fail (level < self->n_levels);
  g_return_if_fail (layer <= MER_BASEMAP_RIVER);
  g_return_if_fail (func != NULL);

  /* Also false for NaN. */
  if (!(x0 <= x1 && y0 <= y1 && x1 >= 0 && y1 >= 0 && x0 <= 1 && y0 <= 1))
    return;

  l = &self->levels[level];
  cell_span (x0, x1, l->grid_size, &col0, &col1);
  cell_span (y0, y1, l->grid_size, &row0, &row1);

  for (guint row = row0; row <= row1; row++)
    for (guint col = col0; col <= col1; col++)
      {
        gsize k = ((gsize) row * l->grid_size + col) * N_LAYERS + layer;

        for (guint32 p = l->index[k]; p < l->index[k + 1]; p++)
          {
            if (l->part_zooms != NULL && l->part_zooms[p] > tenths)
              continue;
            func (l->vertices + 2 * (gsize) l->parts[2 * p], l->parts[2 * p + 1], user_data);
          }
      }
}

/**
 * mer_basemap_get_n_labels:
 *
 * Returns: the number of labels
 */
guint
mer_basemap_get_n_labels (MerBasemap *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_labels;
}

/**
 * mer_basemap_get_label:
 * @index: a label, below mer_basemap_get_n_labels()
 * @label: (out caller-allocates): the label; its name is borrowed from @self
 */
void
mer_basemap_get_label (MerBasemap      *self,
                       guint            index,
                       MerBasemapLabel *label)
{
  const guint8 *record;

  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->n_labels);
  g_return_if_fail (label != NULL);

  record = self->labels + (gsize) index * LABEL_RECORD_SIZE;
  label->x = read_f32 (record + 0);
  label->y = read_f32 (record + 4);
  label->min_zoom = read_f32 (record + 8);
  for (guint n = 0; n < MER_BASEMAP_N_NAMES; n++)
    {
      guint32 offset = read_u32 (record + 12 + 4 * n);

      label->names[n] = offset == NO_NAME ? NULL : self->strings + offset;
    }
  label->name = label->names[MER_BASEMAP_NAME_EN];
  label->kind = record[28];
  label->rank = record[29];
  label->flags = record[30];
}

/**
 * mer_basemap_find_default_path:
 *
 * Where the bundled base map is: `basemap/world.mbm` in Meridian's data
 * folder (see mer_paths_dup_data_dir()). The file is not opened.
 *
 * Returns: (transfer full) (type filename): a path
 */
char *
mer_basemap_find_default_path (void)
{
  return mer_paths_build_data_path ("basemap", "world.mbm", NULL);
}

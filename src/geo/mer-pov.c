/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-pov"

#include "config.h"

#include "mer-pov.h"

#include "mer-paths.h"
#include "mer-projection.h"

#include <string.h>

/* The points of view: the borders as some governments draw them where they
 * differ from Natural Earth's de facto lines, read from the file that
 * tools/basemap/prepare-pov.mjs writes (layout in docs/basemap-format.md,
 * "Points of view"). The lines are projected once, on reading. */

#define POV_MAGIC "MERPOV\0\1"
#define POV_MAGIC_LENGTH 8

typedef struct {
  char   *id;
  char   *name;
  char   *seat;
  GArray *lines;   /* MerPovLine */
} Pov;

struct _MerPovSet
{
  GArray *povs;   /* Pov */
};

G_DEFINE_QUARK (mer-pov-error-quark, mer_pov_error)

static void
pov_line_clear (gpointer data)
{
  g_free (((MerPovLine *) data)->points);
}

static void
pov_clear (gpointer data)
{
  Pov *pov = data;

  g_free (pov->id);
  g_free (pov->name);
  g_free (pov->seat);
  g_clear_pointer (&pov->lines, g_array_unref);
}

typedef struct {
  const guint8 *data;
  gsize         length;
  gsize         offset;
} Cursor;

static gboolean
take (Cursor        *cursor,
      gsize          n,
      const guint8 **bytes)
{
  if (cursor->length - cursor->offset < n)
    return FALSE;
  *bytes = cursor->data + cursor->offset;
  cursor->offset += n;
  return TRUE;
}

static gboolean
take_u32 (Cursor  *cursor,
          guint32 *value)
{
  const guint8 *b;

  if (!take (cursor, 4, &b))
    return FALSE;
  *value = (guint32) b[0] | (guint32) b[1] << 8 | (guint32) b[2] << 16 | (guint32) b[3] << 24;
  return TRUE;
}

/* A string of up to 255 bytes, its length first; UTF-8 without NULs. */
static char *
take_string (Cursor *cursor)
{
  const guint8 *b, *text;

  if (!take (cursor, 1, &b) || !take (cursor, b[0], &text))
    return NULL;
  if (memchr (text, '\0', b[0]) != NULL || !g_utf8_validate ((const char *) text, b[0], NULL))
    return NULL;
  return g_strndup ((const char *) text, b[0]);
}

static gboolean
read_line (Cursor     *cursor,
           MerPovLine *line)
{
  guint32 n;

  if (!take_u32 (cursor, &n) || n < 2 || n > (cursor->length - cursor->offset) / 8)
    return FALSE;

  line->n_points = n;
  line->points = g_new (double, 2 * (gsize) n);
  for (guint i = 0; i < n; i++)
    {
      guint32 lon, lat;

      take_u32 (cursor, &lon);
      take_u32 (cursor, &lat);
      /* Microdegrees, so that the script writes the same bytes each time. */
      if ((gint32) lon < -180000000 || (gint32) lon > 180000000 || (gint32) lat < -90000000
          || (gint32) lat > 90000000)
        return FALSE;
      mer_projection_location_to_normalized ((gint32) lat / 1e6, (gint32) lon / 1e6, &line->points[2 * i],
                                             &line->points[2 * i + 1]);
    }
  return TRUE;
}

/**
 * mer_pov_set_new_from_bytes:
 * @bytes: the file's bytes
 *
 * Returns: (transfer full) (nullable): the points of view, or %NULL with
 *   %MER_POV_ERROR_FORMAT when the bytes are not such a file
 */
MerPovSet *
mer_pov_set_new_from_bytes (GBytes  *bytes,
                            GError **error)
{
  g_autoptr(MerPovSet) self = g_new0 (MerPovSet, 1);
  Cursor cursor = { 0 };
  const guint8 *magic;
  guint32 n_povs;

  g_return_val_if_fail (bytes != NULL, NULL);

  cursor.data = g_bytes_get_data (bytes, &cursor.length);
  self->povs = g_array_new (FALSE, TRUE, sizeof (Pov));
  g_array_set_clear_func (self->povs, pov_clear);

  if (!take (&cursor, POV_MAGIC_LENGTH, &magic) || memcmp (magic, POV_MAGIC, POV_MAGIC_LENGTH) != 0
      || !take_u32 (&cursor, &n_povs) || n_povs > 255)
    goto bad;

  for (guint i = 0; i < n_povs; i++)
    {
      Pov pov = { 0 };
      Pov *slot;
      guint32 n_lines;

      g_array_append_val (self->povs, pov);
      slot = &g_array_index (self->povs, Pov, self->povs->len - 1);
      slot->lines = g_array_new (FALSE, TRUE, sizeof (MerPovLine));
      g_array_set_clear_func (slot->lines, pov_line_clear);
      if ((slot->id = take_string (&cursor)) == NULL || (slot->name = take_string (&cursor)) == NULL
          || (slot->seat = take_string (&cursor)) == NULL || !take_u32 (&cursor, &n_lines)
          || n_lines > cursor.length)
        goto bad;
      for (guint j = 0; j < n_lines; j++)
        {
          MerPovLine line = { 0 };
          gboolean ok = read_line (&cursor, &line);

          g_array_append_val (slot->lines, line);
          if (!ok)
            goto bad;
        }
    }
  if (cursor.offset != cursor.length)
    goto bad;

  return g_steal_pointer (&self);

bad:
  g_set_error (error, MER_POV_ERROR, MER_POV_ERROR_FORMAT, "not a Meridian points-of-view file, or damaged at byte %"
               G_GSIZE_FORMAT, cursor.offset);
  return NULL;
}

/**
 * mer_pov_set_load:
 * @path: a file written by tools/basemap/prepare-pov.mjs
 *
 * Returns: (transfer full) (nullable): the points of view, or %NULL with
 *   %MER_POV_ERROR_READ or %MER_POV_ERROR_FORMAT
 */
MerPovSet *
mer_pov_set_load (const char  *path,
                  GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, &local_error);
  g_autoptr(GBytes) bytes = NULL;

  if (file == NULL)
    {
      g_set_error (error, MER_POV_ERROR, MER_POV_ERROR_READ, "%s", local_error->message);
      return NULL;
    }
  bytes = g_mapped_file_get_bytes (file);
  return mer_pov_set_new_from_bytes (bytes, error);
}

/**
 * mer_pov_set_get_default:
 *
 * The bundled points of view (data/basemap/pov.mbm), read on first use and
 * kept for the program. Safe from any thread.
 *
 * Returns: (transfer none) (nullable): the bundled set, or %NULL when it
 *   cannot be read (a warning says why)
 */
MerPovSet *
mer_pov_set_get_default (void)
{
  static MerPovSet *set;
  static gsize once;

  if (g_once_init_enter (&once))
    {
      g_autofree char *path = mer_paths_build_data_path ("basemap", "pov.mbm", NULL);
      g_autoptr(GError) error = NULL;

      set = mer_pov_set_load (path, &error);
      if (set == NULL)
        g_warning ("The points of view cannot be read: %s", error->message);
      g_once_init_leave (&once, 1);
    }

  return set;
}

void
mer_pov_set_free (MerPovSet *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->povs, g_array_unref);
  g_free (self);
}

guint
mer_pov_set_get_n_povs (MerPovSet *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->povs->len;
}

/**
 * mer_pov_set_find:
 * @id: a point of view's id, such as "jpn"
 *
 * Returns: its index, or -1 when the set has none with that id
 */
int
mer_pov_set_find (MerPovSet  *self,
                  const char *id)
{
  g_return_val_if_fail (self != NULL, -1);

  for (guint i = 0; id != NULL && i < self->povs->len; i++)
    if (g_str_equal (g_array_index (self->povs, Pov, i).id, id))
      return (int) i;
  return -1;
}

const char *
mer_pov_set_get_id (MerPovSet *self,
                    guint      index)
{
  g_return_val_if_fail (self != NULL && index < self->povs->len, NULL);
  return g_array_index (self->povs, Pov, index).id;
}

/**
 * mer_pov_set_get_name:
 *
 * Returns: the government's country, as "Japan"
 */
const char *
mer_pov_set_get_name (MerPovSet *self,
                      guint      index)
{
  g_return_val_if_fail (self != NULL && index < self->povs->len, NULL);
  return g_array_index (self->povs, Pov, index).name;
}

/**
 * mer_pov_set_get_seat:
 *
 * Returns: the seat of its government, as "Tokyo"
 */
const char *
mer_pov_set_get_seat (MerPovSet *self,
                      guint      index)
{
  g_return_val_if_fail (self != NULL && index < self->povs->len, NULL);
  return g_array_index (self->povs, Pov, index).seat;
}

/**
 * mer_pov_set_get_lines:
 * @n_lines: (out): how many
 *
 * Returns: (array length=n_lines): the borders this point of view draws
 *   where they differ from the de facto lines
 */
const MerPovLine *
mer_pov_set_get_lines (MerPovSet *self,
                       guint      index,
                       guint     *n_lines)
{
  GArray *lines;

  g_return_val_if_fail (self != NULL && index < self->povs->len, NULL);
  g_return_val_if_fail (n_lines != NULL, NULL);

  lines = g_array_index (self->povs, Pov, index).lines;
  *n_lines = lines->len;
  return (const MerPovLine *) lines->data;
}

/**
 * mer_pov_set_dup_ids:
 *
 * Returns: (transfer full): the ids, as "jpn, rus, ukr", for messages
 */
char *
mer_pov_set_dup_ids (MerPovSet *self)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->povs->len; i++)
    g_string_append_printf (ids, "%s%s", i > 0 ? ", " : "", g_array_index (self->povs, Pov, i).id);
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-pov"

#include "config.h"

#include "mer-pov.h"
#include "mer-projection.h"

#include <string.h>

/* Facts about the committed data/basemap/pov.mbm
 * (tools/basemap/prepare-pov.mjs), and what the reader refuses. */

static char *
pov_path (void)
{
  const char *datadir = g_getenv ("MERIDIAN_DATADIR");

  g_assert_nonnull (datadir);
  return g_build_filename (datadir, "basemap", "pov.mbm", NULL);
}

/* The mean longitude of a line's points. */
static double
mean_lon (const MerPovLine *line)
{
  double sum = 0;

  for (guint i = 0; i < line->n_points; i++)
    {
      double lat, lon;

      mer_projection_normalized_to_location (line->points[2 * i], line->points[2 * i + 1], &lat, &lon);
      sum += lon;
    }
  return sum / line->n_points;
}

static void
test_bundled (void)
{
  g_autofree char *path = pov_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MerPovSet) set = mer_pov_set_load (path, &error);
  g_autofree char *ids = NULL;
  const MerPovLine *lines;
  guint n;

  g_assert_no_error (error);
  ids = mer_pov_set_dup_ids (set);
  g_assert_cmpstr (ids, ==, "jpn, rus, ukr, chn");
  g_assert_cmpint (mer_pov_set_find (set, "rus"), ==, 1);
  g_assert_cmpint (mer_pov_set_find (set, "usa"), ==, -1);
  g_assert_cmpint (mer_pov_set_find (set, NULL), ==, -1);
  g_assert_cmpstr (mer_pov_set_get_name (set, 0), ==, "Japan");
  g_assert_cmpstr (mer_pov_set_get_seat (set, 0), ==, "Tokyo");

  /* Japan: the Friza strait, between Iturup and Urup, and the Kerch strait. */
  lines = mer_pov_set_get_lines (set, 0, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpfloat (mean_lon (&lines[0]), >, 148.9);
  g_assert_cmpfloat (mean_lon (&lines[0]), <, 149.4);
  g_assert_cmpfloat (mean_lon (&lines[1]), >, 36.3);
  g_assert_cmpfloat (mean_lon (&lines[1]), <, 36.9);
  /* Russia: between Hokkaido and Kunashir. */
  lines = mer_pov_set_get_lines (set, 1, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpfloat (mean_lon (&lines[0]), >, 145.2);
  g_assert_cmpfloat (mean_lon (&lines[0]), <, 146.0);
  /* China: Natural Earth's nine dashes. */
  mer_pov_set_get_lines (set, 3, &n);
  g_assert_cmpuint (n, ==, 9);
}

static void
assert_refused (const guint8 *data,
                gsize         size,
                const char   *message)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(MerPovSet) set = mer_pov_set_new_from_bytes (bytes, &error);

  g_assert_null (set);
  g_assert_error (error, MER_POV_ERROR, MER_POV_ERROR_FORMAT);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_refused (void)
{
  /* One point of view "a" with one line of two points. */
  static const guint8 good[] = {
    'M', 'E', 'R', 'P', 'O', 'V', 0, 1, 1, 0, 0, 0,
    1, 'a', 1, 'A', 1, 'B', 1, 0, 0, 0,
    2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 64, 66, 15, 0, 64, 66, 15, 0,
  };
  guint8 bad[sizeof good];
  g_autoptr(GBytes) bytes = g_bytes_new_static (good, sizeof good);
  g_autoptr(GError) error = NULL;
  g_autoptr(MerPovSet) set = mer_pov_set_new_from_bytes (bytes, &error);
  guint n;

  g_assert_no_error (error);
  g_assert_cmpuint (mer_pov_set_get_n_povs (set), ==, 1);
  g_assert_cmpuint (mer_pov_set_get_lines (set, 0, &n)[0].n_points, ==, 2);

  memcpy (bad, good, sizeof good);
  bad[7] = 2;
  assert_refused (bad, sizeof bad, "not a Meridian points-of-view file, or damaged at byte 8");
  assert_refused (good, sizeof good - 1, "not a Meridian points-of-view file, or damaged at byte 26");
  memcpy (bad, good, sizeof good);
  bad[22] = 1;
  assert_refused (bad, sizeof bad, "not a Meridian points-of-view file, or damaged at byte 26");
  /* A latitude of 200 degrees. */
  memcpy (bad, good, sizeof good);
  bad[38] = 0x00;
  bad[39] = 0xc2;
  bad[40] = 0xeb;
  bad[41] = 0x0b;
  assert_refused (bad, sizeof bad, "not a Meridian points-of-view file, or damaged at byte 42");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/geo/pov/bundled", test_bundled);
  g_test_add_func ("/geo/pov/refused", test_refused);

  return g_test_run ();
}

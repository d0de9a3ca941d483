/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "mer-basemap.h"

/* How long the base map takes to load, and to visit the land, coast and border parts of
 * one 256-px tile: 200 random tiles (fixed seed) over Japan and the Kurils (30–55N,
 * 125–160E) at zooms 2, 5 and 8, with a callback that only reads and sums the points. That is the
 * data side of drawing a tile; the cairo side is measured with the painter. Nothing here
 * asserts a time.
 *
 * Usage: bench-basemap [FILE]   (default: mer_basemap_find_default_path ()) */

#define N_TILES 200
#define N_LOADS 50
#define SEED 1855

typedef struct {
  guint64 n_parts;
  guint64 n_points;
  double  checksum;
} Sum;

static void
sum_cb (const float *xy,
        guint        n_points,
        gpointer     user_data)
{
  Sum *sum = user_data;

  sum->n_parts++;
  sum->n_points += n_points;
  /* Read every point, as a painter would. */
  for (guint i = 0; i < 2 * n_points; i++)
    sum->checksum += xy[i];
}

static double
now_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (double *sorted,
            guint   n,
            double  p)
{
  guint i = (guint) ceil (p * n) - 1;

  return sorted[MIN (i, n - 1)];
}

static double
mercator_y (double lat)
{
  double phi = lat * G_PI / 180.0;

  return (1.0 - log (tan (phi) + 1.0 / cos (phi)) / G_PI) / 2.0;
}

int
main (int   argc,
      char *argv[])
{
  static const int zooms[] = { 2, 5, 8 };
  g_autofree char *path = argc > 1 ? g_strdup (argv[1]) : mer_basemap_find_default_path ();
  g_autoptr(MerBasemap) map = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  double load_us[N_LOADS];

  for (guint i = 0; i < N_LOADS; i++)
    {
      double t0 = now_us ();

      g_clear_pointer (&map, mer_basemap_unref);
      map = mer_basemap_new_from_file (path, &error);
      load_us[i] = now_us () - t0;
      if (map == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          return EXIT_FAILURE;
        }
    }
  qsort (load_us, N_LOADS, sizeof (double), compare_doubles);
  printf ("%s\n", path);
  printf ("load (map + check): median %.3f ms, p95 %.3f ms (%d loads)\n",
          percentile (load_us, N_LOADS, 0.5) / 1000, percentile (load_us, N_LOADS, 0.95) / 1000, N_LOADS);

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      int zoom = zooms[z];
      guint n = 1u << zoom;
      guint level = mer_basemap_level_for_zoom (map, zoom);
      MerBasemapLevelInfo info;
      double times[N_TILES];
      Sum total = { 0, };

      mer_basemap_get_level_info (map, level, &info);

      for (guint t = 0; t < N_TILES; t++)
        {
          double lon = g_rand_double_range (rand, 125, 160);
          double lat = g_rand_double_range (rand, 30, 55);
          guint tx = (guint) floor ((lon + 180) / 360 * n);
          guint ty = (guint) floor (mercator_y (lat) * n);
          double x0 = (double) tx / n, y0 = (double) ty / n;
          double x1 = (double) (tx + 1) / n, y1 = (double) (ty + 1) / n;
          Sum sum = { 0, };
          double t0 = now_us ();

          for (MerBasemapLayer layer = MER_BASEMAP_LAND; layer <= MER_BASEMAP_BORDER; layer++)
            mer_basemap_foreach_part (map, level, layer, x0, y0, x1, y1, sum_cb, &sum);
          times[t] = now_us () - t0;
          total.n_parts += sum.n_parts;
          total.n_points += sum.n_points;
        }

      qsort (times, N_TILES, sizeof (double), compare_doubles);
      printf ("zoom %d (1:%um, %u×%u cells): median %.2f µs, p95 %.2f µs per tile; "
              "%.0f parts, %.0f points per tile on average\n",
              zoom, info.scale, info.grid_size, info.grid_size,
              percentile (times, N_TILES, 0.5), percentile (times, N_TILES, 0.95),
              (double) total.n_parts / N_TILES, (double) total.n_points / N_TILES);
    }

  return EXIT_SUCCESS;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <malloc.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include "mer-diagnostic.h"
#include "mer-import.h"
#include "mer-loader.h"

/* Imports 100,000 dated points (fixed seed) as a CSV table and as a GeoJSON
 * FeatureCollection, each in a fresh process, against loading the same
 * events from a format-v1 file, and reports the time ratio (target ≤ 1.5)
 * and each import's peak memory against its file's size (target ≤ 2).
 * Figures go into docs/performance.md; nothing here asserts a time. */

#define N_POINTS 100000
#define N_RUNS 3

static const char *words[] = {
  "protest", "march", "clash", "strike", "rally", "border", "talks", "visit", "fleet", "summit",
  "the", "of", "and", "near", "after", "in", "with", "over",
};

static const char *categories[] = { "Protests", "Riots", "Battles", "Strategic developments" };

typedef struct {
  char   title[96];
  char   summary[256];
  char   date[16];
  char   place[24];
  double lat;
  double lon;
  guint  category;
} Point;

static void
fill_words (char   *out,
            gsize   size,
            GRand  *rand,
            guint   n)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
    }
  g_strlcpy (out, s->str, size);
}

static Point *
generate_points (void)
{
  GRand *rand = g_rand_new_with_seed (2020);
  Point *points = g_new0 (Point, N_POINTS);

  for (guint i = 0; i < N_POINTS; i++)
    {
      Point *p = &points[i];

      fill_words (p->title, sizeof p->title, rand, g_rand_int_range (rand, 3, 7));
      fill_words (p->summary, sizeof p->summary, rand, g_rand_int_range (rand, 10, 30));
      g_snprintf (p->date, sizeof p->date, "%04d-%02d-%02d", g_rand_int_range (rand, 1990, 2024),
                  g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
      g_snprintf (p->place, sizeof p->place, "Place %d", g_rand_int_range (rand, 0, 5000));
      p->lat = g_rand_double_range (rand, -60, 70);
      p->lon = g_rand_double_range (rand, -180, 180);
      p->category = g_rand_int_range (rand, 0, G_N_ELEMENTS (categories));
    }
  g_rand_free (rand);
  return points;
}

static char *
write_csv (const Point *points)
{
  GString *s = g_string_sized_new ((gsize) N_POINTS * 200);

  g_string_append (s, "id,event_date,title,event_type,location,latitude,longitude,notes\r\n");
  for (guint i = 0; i < N_POINTS; i++)
    g_string_append_printf (s, "EV%u,%s,%s,%s,%s,%.4f,%.4f,\"%s.\"\r\n", i, points[i].date, points[i].title,
                            categories[points[i].category], points[i].place, points[i].lat, points[i].lon,
                            points[i].summary);
  return g_string_free (s, FALSE);
}

static char *
write_geojson (const Point *points)
{
  GString *s = g_string_sized_new ((gsize) N_POINTS * 300);

  g_string_append (s, "{\n\"type\": \"FeatureCollection\",\n\"name\": \"Points\",\n\"features\": [\n");
  for (guint i = 0; i < N_POINTS; i++)
    g_string_append_printf (s, "{ \"type\": \"Feature\", \"id\": \"EV%u\", \"properties\": { \"time\": \"%s\", "
                               "\"title\": \"%s\", \"category\": \"%s\", \"place\": \"%s\", "
                               "\"description\": \"%s.\" }, \"geometry\": { \"type\": \"Point\", "
                               "\"coordinates\": [ %.4f, %.4f ] } }%s\n",
                            i, points[i].date, points[i].title, categories[points[i].category], points[i].place,
                            points[i].summary, points[i].lon, points[i].lat, i + 1 < N_POINTS ? "," : "");
  g_string_append (s, "]\n}\n");
  return g_string_free (s, FALSE);
}

static char *
write_story (const Point *points)
{
  GString *s = g_string_sized_new ((gsize) N_POINTS * 300);

  g_string_append (s, "{\n  \"meridian\": 1,\n  \"title\": \"Points\",\n  \"categories\": [\n");
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    g_string_append_printf (s, "    { \"id\": \"c%u\", \"name\": \"%s\" }%s\n", i, categories[i],
                            i + 1 < G_N_ELEMENTS (categories) ? "," : "");
  g_string_append (s, "  ],\n  \"events\": [\n");
  for (guint i = 0; i < N_POINTS; i++)
    g_string_append_printf (s, "    { \"id\": \"EV%u\", \"title\": \"%s\", \"start\": \"%s\", \"category\": \"c%u\", "
                               "\"summary\": \"%s.\", \"places\": [ { \"name\": \"%s\", \"lat\": %.4f, "
                               "\"lon\": %.4f } ] }%s\n",
                            i, points[i].title, points[i].date, points[i].category, points[i].summary,
                            points[i].place, points[i].lat, points[i].lon, i + 1 < N_POINTS ? "," : "");
  g_string_append (s, "  ]\n}\n");
  return g_string_free (s, FALSE);
}

static gsize
read_status_kib (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;
  gsize kib = 0;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, field);
  if (line != NULL)
    sscanf (line + strlen (field), ": %zu", &kib);
  return kib;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

/* One load in a fresh process: prints "SECONDS PEAK_MIB N_EVENTS". */
static int
measure_child (const char *mode,
               const char *path)
{
  g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MerDocument) document = NULL;
  gsize before = read_status_kib ("VmRSS");
  gint64 start = g_get_monotonic_time ();
  double seconds;
  gsize peak_kib;

  if (g_str_equal (mode, "--load"))
    document = mer_loader_load_file (path, NULL, diagnostics, &error);
  else
    document = mer_import_load_file (path, NULL, diagnostics, &error);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_assert_no_error (error);

  peak_kib = read_status_kib ("VmHWM");
  /* What stays once the heap gives back its free pages: the document. */
  malloc_trim (0);
  printf ("%f %f %u %f\n", seconds, (peak_kib - before) / 1024.0,
          g_list_model_get_n_items (mer_document_get_events (document)),
          (read_status_kib ("VmRSS") - before) / 1024.0);
  return 0;
}

static void
run_child (const char *self_path,
           const char *mode,
           const char *path,
           double     *seconds,
           double     *peak_mib,
           double     *kept_mib)
{
  const char *argv[] = { self_path, mode, path, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  guint n_events = 0;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpint (sscanf (out, "%lf %lf %u %lf", seconds, peak_mib, &n_events, kept_mib), ==, 4);
  g_assert_cmpuint (n_events, ==, N_POINTS);
}

static void
write_file (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  const char *names[] = { "points.csv", "points.geojson" };
  g_autofree char *story_path = NULL;
  g_autofree Point *points = NULL;
  double story_mib;

  if (argc == 3 && (g_str_equal (argv[1], "--load") || g_str_equal (argv[1], "--import")))
    return measure_child (argv[1], argv[2]);

  dir = g_dir_make_tmp ("meridian-bench-import-XXXXXX", &error);
  g_assert_no_error (error);
  points = generate_points ();

  /* bench-import --generate DIR writes the three files for profiling. */
  if (argc == 3 && g_str_equal (argv[1], "--generate"))
    {
      g_free (dir);
      dir = g_strdup (argv[2]);
    }

  story_path = g_build_filename (dir, "points.json", NULL);
  {
    g_autofree char *csv = write_csv (points);
    g_autofree char *geojson = write_geojson (points);
    g_autofree char *story = write_story (points);
    g_autofree char *csv_path = g_build_filename (dir, names[0], NULL);
    g_autofree char *geojson_path = g_build_filename (dir, names[1], NULL);

    write_file (csv_path, csv);
    write_file (geojson_path, geojson);
    write_file (story_path, story);
    story_mib = strlen (story) / 1048576.0;
  }
  if (argc == 3 && g_str_equal (argv[1], "--generate"))
    return 0;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      double import_times[N_RUNS], import_peaks[N_RUNS], load_times[N_RUNS], load_peaks[N_RUNS];
      double import_kept[N_RUNS], load_kept[N_RUNS];
      GStatBuf st;
      double file_mib, import_time, load_time, import_peak;

      g_assert_cmpint (g_stat (path, &st), ==, 0);
      file_mib = st.st_size / 1048576.0;
      for (guint run = 0; run < N_RUNS; run++)
        {
          run_child (argv[0], "--import", path, &import_times[run], &import_peaks[run], &import_kept[run]);
          run_child (argv[0], "--load", story_path, &load_times[run], &load_peaks[run], &load_kept[run]);
        }
      import_time = median (import_times, N_RUNS);
      load_time = median (load_times, N_RUNS);
      import_peak = median (import_peaks, N_RUNS);

      printf ("%s: %u points, %.1f MiB (the same events in format v1: %.1f MiB)\n", names[i], N_POINTS, file_mib,
              story_mib);
      printf ("  import:          %.2f s median of %u (peak memory +%.0f MiB = %.2f× the file)\n",
              import_time, N_RUNS, import_peak, import_peak / file_mib);
      printf ("  format-v1 load:  %.2f s median of %u (peak memory +%.0f MiB)\n",
              load_time, N_RUNS, median (load_peaks, N_RUNS));
      /* The document alone, as both leave it, against the file: a bound
       * below which no import's peak can go. */
      printf ("  the document once built: +%.0f MiB imported, +%.0f MiB loaded = %.2f× the file\n",
              median (import_kept, N_RUNS), median (load_kept, N_RUNS), median (load_kept, N_RUNS) / file_mib);
      printf ("  import / load: %.2f (target ≤ 1.5); peak / file: %.2f (target ≤ 2)\n",
              import_time / load_time, import_peak / file_mib);
      g_remove (path);
    }

  g_remove (story_path);
  g_rmdir (dir);
  return 0;
}

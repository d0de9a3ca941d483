/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "mer-diagnostic.h"
#include "mer-loader.h"

/* Loads a generated file of 100,000 events (fixed seed) and reports the load
 * time against json-glib's parse of the same bytes alone, the peak memory
 * against the file's size, and the time of a one-year window query.
 * Figures go into docs/performance.md; nothing here asserts a time. */

#define N_EVENTS 100000
#define N_RUNS 3

static const char *words[] = {
  "treaty", "border", "islands", "summit", "talks", "sanctions", "energy", "fleet", "delegation",
  "minister", "agreement", "protest", "trade", "fishing", "garrison", "declaration", "visit",
  "negotiations", "pipeline", "investment", "dispute", "ceasefire", "parliament", "election",
  "the", "of", "and", "with", "over", "after", "before", "during", "against", "near",
};

static const char *categories[] = { "diplomacy", "treaty", "war", "territory", "economy", "sanctions" };
static const char *regions[] = { "kurils", "sakhalin", "hokkaido", "crimea", "donbas" };

static void
append_words (GString *s,
              GRand   *rand,
              guint    n)
{
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
    }
}

static void
append_date (GString *s,
             GRand   *rand,
             int      year)
{
  int precision = g_rand_int_range (rand, 0, 10);

  if (precision < 2)
    g_string_append_printf (s, "\"%04d\"", year);
  else if (precision < 4)
    g_string_append_printf (s, "\"%04d-%02d\"", year, g_rand_int_range (rand, 1, 13));
  else
    g_string_append_printf (s, "\"%04d-%02d-%02d\"", year, g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
}

static char *
generate (guint n_events)
{
  GRand *rand = g_rand_new_with_seed (1855);
  GString *s = g_string_sized_new ((gsize) n_events * 720);

  g_string_append (s, "{\n  \"meridian\": 1,\n  \"title\": \"Synthetic benchmark\",\n  \"categories\": [\n");
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    g_string_append_printf (s, "    { \"id\": \"%s\", \"name\": \"%s\", \"color\": \"#%06x\" }%s\n", categories[i],
                            categories[i], g_rand_int_range (rand, 0, 0xffffff),
                            i + 1 < G_N_ELEMENTS (categories) ? "," : "");
  g_string_append (s, "  ],\n  \"regions\": [\n");
  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    g_string_append_printf (s, "    { \"id\": \"%s\", \"name\": \"%s\", \"status\": \"disputed\",\n"
                               "      \"geometry\": { \"type\": \"Polygon\", \"coordinates\": "
                               "[ [ [ %u, 40 ], [ %u, 40 ], [ %u, 41 ], [ %u, 40 ] ] ] } }%s\n",
                            regions[i], regions[i], 130 + i, 131 + i, 131 + i, 130 + i,
                            i + 1 < G_N_ELEMENTS (regions) ? "," : "");
  g_string_append (s, "  ],\n  \"events\": [\n");

  for (guint i = 0; i < n_events; i++)
    {
      int year = g_rand_int_range (rand, 1800, 2017);
      guint n_places = g_rand_int_range (rand, 1, 4);
      guint n_regions = g_rand_int_range (rand, 0, 3);
      guint n_tags = g_rand_int_range (rand, 1, 5);

      g_string_append_printf (s, "    {\n      \"id\": \"event-%u\",\n      \"title\": \"", i);
      append_words (s, rand, g_rand_int_range (rand, 3, 9));
      g_string_append (s, "\",\n      \"start\": ");
      append_date (s, rand, year);
      if (g_rand_int_range (rand, 0, 4) == 0)
        {
          g_string_append (s, ",\n      \"end\": ");
          append_date (s, rand, year + g_rand_int_range (rand, 1, 6));
        }
      if (g_rand_int_range (rand, 0, 20) == 0)
        g_string_append (s, ",\n      \"circa\": true");
      g_string_append (s, ",\n      \"summary\": \"");
      append_words (s, rand, g_rand_int_range (rand, 25, 70));
      g_string_append_printf (s, ".\",\n      \"category\": \"%s\",\n      \"places\": [",
                              categories[g_rand_int_range (rand, 0, G_N_ELEMENTS (categories))]);
      for (guint p = 0; p < n_places; p++)
        g_string_append_printf (s, "%s\n        { \"name\": \"Place %u\", \"lat\": %.4f, \"lon\": %.4f }", p ? "," : "",
                                g_rand_int_range (rand, 0, 5000),
                                g_rand_double_range (rand, -60, 70), g_rand_double_range (rand, -180, 180));
      g_string_append (s, "\n      ],\n      \"regions\": [");
      for (guint r = 0; r < n_regions; r++)
        g_string_append_printf (s, "%s \"%s\"", r ? "," : "", regions[(i + r) % G_N_ELEMENTS (regions)]);
      g_string_append_printf (s, " ],\n      \"importance\": %d,\n      \"tags\": [", g_rand_int_range (rand, 1, 6));
      for (guint t = 0; t < n_tags; t++)
        {
          g_string_append (s, t ? ", \"" : " \"");
          append_words (s, rand, 1);
          g_string_append_c (s, '"');
        }
      g_string_append_printf (s, " ],\n      \"sources\": [ { \"title\": \"Archive record %u\", "
                                 "\"url\": \"https://archive.example.org/records/%u\" } ]",
                              g_rand_int_range (rand, 0, 1000000), g_rand_int_range (rand, 0, 1000000));
      if (g_rand_int_range (rand, 0, 3) == 0)
        g_string_append_printf (s, ",\n      \"view\": { \"lat\": %.2f, \"lon\": %.2f, \"zoom\": %d }",
                                g_rand_double_range (rand, -60, 70), g_rand_double_range (rand, -180, 180),
                                g_rand_int_range (rand, 2, 10));
      g_string_append_printf (s, "\n    }%s\n", i + 1 < n_events ? "," : "");
    }

  g_string_append (s, "  ]\n}\n");
  g_rand_free (rand);
  return g_string_free (s, FALSE);
}

/* Resident memory in KiB: VmRSS now, or VmHWM, the peak of the process. */
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

/* One measurement in a fresh process, so that neither side profits from a
 * heap the other warmed up: prints "SECONDS PEAK_MIB". */
static int
measure_child (const char *mode,
               const char *path)
{
  g_autoptr(GError) error = NULL;
  gsize before = read_status_kib ("VmRSS");
  gint64 start;
  double seconds;

  if (g_str_equal (mode, "--load"))
    {
      g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
      g_autoptr(MerDocument) document = NULL;

      start = g_get_monotonic_time ();
      document = mer_loader_load_file (path, NULL, diagnostics, &error);
      seconds = (g_get_monotonic_time () - start) / 1e6;
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (mer_document_get_events (document)), ==, N_EVENTS);
      printf ("%f %f\n", seconds, (read_status_kib ("VmHWM") - before) / 1024.0);
    }
  else
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, &error);

      g_assert_no_error (error);
      start = g_get_monotonic_time ();
      json_parser_load_from_data (parser, g_mapped_file_get_contents (mapped),
                                  (gssize) g_mapped_file_get_length (mapped), &error);
      seconds = (g_get_monotonic_time () - start) / 1e6;
      g_assert_no_error (error);
      printf ("%f %f\n", seconds, (read_status_kib ("VmHWM") - before) / 1024.0);
    }

  return 0;
}

static void
run_child (const char *self_path,
           const char *mode,
           const char *path,
           double     *seconds,
           double     *peak_mib)
{
  const char *argv[] = { self_path, mode, path, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpint (sscanf (out, "%lf %lf", seconds, peak_mib), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("meridian-bench-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "synthetic.json", NULL);
  double load_times[N_RUNS], parse_times[N_RUNS], load_peaks[N_RUNS], parse_peaks[N_RUNS];
  double file_mib, query_us;
  gsize length;

  if (argc == 3 && (g_str_equal (argv[1], "--load") || g_str_equal (argv[1], "--parse")))
    return measure_child (argv[1], argv[2]);

  {
    g_autofree char *text = generate (N_EVENTS);

    /* bench-loader --generate FILE writes the file for profiling and stops. */
    if (argc == 3 && g_str_equal (argv[1], "--generate"))
      return g_file_set_contents (argv[2], text, -1, NULL) ? 0 : 1;

    length = strlen (text);
    g_file_set_contents (path, text, (gssize) length, &error);
    g_assert_no_error (error);
  }
  file_mib = length / 1048576.0;

  for (guint run = 0; run < N_RUNS; run++)
    {
      run_child (argv[0], "--load", path, &load_times[run], &load_peaks[run]);
      run_child (argv[0], "--parse", path, &parse_times[run], &parse_peaks[run]);
    }

  {
    g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
    g_autoptr(MerDocument) keep = mer_loader_load_file (path, NULL, diagnostics, &error);
    GRand *rand = g_rand_new_with_seed (2016);
    guint n_queries = 2000;
    guint total_hits = 0;
    gint64 start = g_get_monotonic_time ();

    for (guint q = 0; q < n_queries; q++)
      {
        MerDate from = { .year = g_rand_int_range (rand, 1800, 2017), .precision = MER_DATE_PRECISION_YEAR };
        g_autoptr(GPtrArray) hits = mer_document_query_dates (keep, &from, &from);

        total_hits += hits->len;
      }
    query_us = (g_get_monotonic_time () - start) / (double) n_queries;
    printf ("window query (one year): %.1f µs mean over %u queries, %.0f events per window\n",
            query_us, n_queries, total_hits / (double) n_queries);
    g_rand_free (rand);
  }

  printf ("file: %u events, %.1f MiB\n", N_EVENTS, file_mib);
  printf ("load + validate + index: %.2f s median of %u (peak memory +%.0f MiB = %.2f× the file)\n",
          median (load_times, N_RUNS), N_RUNS, median (load_peaks, N_RUNS), median (load_peaks, N_RUNS) / file_mib);
  printf ("json-glib parse alone:   %.2f s median of %u (peak memory +%.0f MiB = %.2f× the file)\n",
          median (parse_times, N_RUNS), N_RUNS, median (parse_peaks, N_RUNS), median (parse_peaks, N_RUNS) / file_mib);
  printf ("load / parse: %.2f (target ≤ 1.3); peak / file: %.2f (target ≤ 2); query: %.1f µs (target < 1000)\n",
          median (load_times, N_RUNS) / median (parse_times, N_RUNS), median (load_peaks, N_RUNS) / file_mib, query_us);

  g_remove (path);
  g_rmdir (dir);
  return 0;
}

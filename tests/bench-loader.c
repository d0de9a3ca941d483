/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "mer-diagnostic.h"
#include "mer-loader.h"

/* Loads two generated files (fixed seeds) and reports, for each, the load
 * time against json-glib's parse of the same bytes alone and the peak memory
 * against the file's size; then the time of a one-year window query. The
 * first file is 100,000 events; the second, regions with inline polygons of
 * thousands of positions each. Figures go into docs/performance.md; nothing
 * here asserts a time. */

#define N_EVENTS 100000
#define N_POLYGON_REGIONS 400
#define N_POLYGON_POSITIONS 5000
#define N_POLYGON_EVENTS 1000
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

/* Regions whose geometry is an inline polygon of @n_positions positions
 * round a random centre, and a few events that refer to them. */
static char *
generate_polygons (guint n_regions,
                   guint n_positions,
                   guint n_events)
{
  GRand *rand = g_rand_new_with_seed (1945);
  GString *s = g_string_sized_new ((gsize) n_regions * n_positions * 26);

  g_string_append (s, "{\n  \"meridian\": 1,\n  \"title\": \"Synthetic polygons\",\n  \"regions\": [\n");
  for (guint i = 0; i < n_regions; i++)
    {
      double lon = g_rand_double_range (rand, -170, 170), lat = g_rand_double_range (rand, -80, 80);
      double radius = g_rand_double_range (rand, 0.5, 5);
      char first[64];

      g_string_append_printf (s, "    { \"id\": \"region-%u\", \"name\": \"Region %u\", \"status\": \"disputed\",\n"
                                 "      \"geometry\": { \"type\": \"Polygon\", \"coordinates\": [ [", i, i);
      for (guint k = 0; k + 1 < n_positions; k++)
        {
          double angle = 2 * G_PI * k / (n_positions - 1);
          double wobble = 1 + 0.1 * g_rand_double (rand);
          char position[64];

          g_snprintf (position, sizeof position, "[ %.6f, %.6f ]",
                      lon + radius * wobble * cos (angle), lat + radius * wobble * sin (angle));
          g_string_append_printf (s, "%s\n        %s", k ? "," : "", position);
          /* The last position closes the ring on the first, digit for digit. */
          if (k == 0)
            memcpy (first, position, sizeof first);
        }
      g_string_append_printf (s, ",\n        %s", first);
      g_string_append_printf (s, "\n      ] ] } }%s\n", i + 1 < n_regions ? "," : "");
    }
  g_string_append (s, "  ],\n  \"events\": [\n");
  for (guint i = 0; i < n_events; i++)
    g_string_append_printf (s, "    { \"id\": \"event-%u\", \"title\": \"Event %u\", \"start\": \"%d\", "
                               "\"regions\": [ \"region-%u\" ] }%s\n",
                            i, i, g_rand_int_range (rand, 1800, 2017), i % n_regions, i + 1 < n_events ? "," : "");
  g_string_append (s, "  ]\n}\n");
  g_rand_free (rand);
  return g_string_free (s, FALSE);
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

/* Processor time of the whole process so far, all threads, in seconds. */
static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/* One measurement in a fresh process, so that neither side profits from a
 * heap the other warmed up: prints "SECONDS PEAK_MIB N_EVENTS N_REGIONS
 * CPU_SECONDS". */
static int
measure_child (const char *mode,
               const char *path)
{
  g_autoptr(GError) error = NULL;
  gsize before = read_status_kib ("VmRSS");
  guint n_events = 0, n_regions = 0;
  gint64 start;
  double seconds, cpu_start;

  if (g_str_equal (mode, "--load"))
    {
      g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
      g_autoptr(MerDocument) document = NULL;

      cpu_start = cpu_seconds ();
      start = g_get_monotonic_time ();
      document = mer_loader_load_file (path, NULL, diagnostics, &error);
      seconds = (g_get_monotonic_time () - start) / 1e6;
      g_assert_no_error (error);
      n_events = g_list_model_get_n_items (mer_document_get_events (document));
      n_regions = g_list_model_get_n_items (mer_document_get_regions (document));
    }
  else
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, &error);

      g_assert_no_error (error);
      cpu_start = cpu_seconds ();
      start = g_get_monotonic_time ();
      json_parser_load_from_data (parser, g_mapped_file_get_contents (mapped),
                                  (gssize) g_mapped_file_get_length (mapped), &error);
      seconds = (g_get_monotonic_time () - start) / 1e6;
      g_assert_no_error (error);
    }

  printf ("%f %f %u %u %f\n", seconds, (read_status_kib ("VmHWM") - before) / 1024.0, n_events, n_regions,
          cpu_seconds () - cpu_start);
  return 0;
}

static void
run_child (const char *self_path,
           const char *mode,
           const char *path,
           double     *seconds,
           double     *peak_mib,
           guint      *n_events,
           guint      *n_regions,
           double     *cpu)
{
  const char *argv[] = { self_path, mode, path, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpint (sscanf (out, "%lf %lf %u %u %lf", seconds, peak_mib, n_events, n_regions, cpu), ==, 5);
}

/* Loads and parses @text N_RUNS times each, alternating, and prints the
 * medians against each other. */
static void
compare (const char *self_path,
         const char *label,
         const char *path,
         const char *text,
         guint       n_events,
         guint       n_regions)
{
  g_autoptr(GError) error = NULL;
  double load_times[N_RUNS], parse_times[N_RUNS], load_peaks[N_RUNS], parse_peaks[N_RUNS];
  double load_cpus[N_RUNS], parse_cpus[N_RUNS];
  gsize length = strlen (text);
  double file_mib = length / 1048576.0;
  double load_time, parse_time, load_peak, parse_peak;

  g_file_set_contents (path, text, (gssize) length, &error);
  g_assert_no_error (error);

  for (guint run = 0; run < N_RUNS; run++)
    {
      guint loaded_events, loaded_regions;

      run_child (self_path, "--load", path, &load_times[run], &load_peaks[run], &loaded_events, &loaded_regions,
                 &load_cpus[run]);
      g_assert_cmpuint (loaded_events, ==, n_events);
      g_assert_cmpuint (loaded_regions, ==, n_regions);
      run_child (self_path, "--parse", path, &parse_times[run], &parse_peaks[run], &loaded_events, &loaded_regions,
                 &parse_cpus[run]);
    }

  load_time = median (load_times, N_RUNS);
  parse_time = median (parse_times, N_RUNS);
  load_peak = median (load_peaks, N_RUNS);
  parse_peak = median (parse_peaks, N_RUNS);

  printf ("%s: %u events, %u regions, %.1f MiB\n", label, n_events, n_regions, file_mib);
  printf ("  load + validate + index: %.2f s median of %u (peak memory +%.0f MiB = %.2f× the file)\n",
          load_time, N_RUNS, load_peak, load_peak / file_mib);
  printf ("  json-glib parse alone:   %.2f s median of %u (peak memory +%.0f MiB = %.2f× the file)\n",
          parse_time, N_RUNS, parse_peak, parse_peak / file_mib);
  printf ("  load / parse: %.2f (target ≤ 0.8); peak / file: %.2f (target ≤ 1.5)\n",
          load_time / parse_time, load_peak / file_mib);
  printf ("  processor time, all threads: load %.2f s, parse %.2f s (medians)\n",
          median (load_cpus, N_RUNS), median (parse_cpus, N_RUNS));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("meridian-bench-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "synthetic.json", NULL);
  double query_us;

  if (argc == 3 && (g_str_equal (argv[1], "--load") || g_str_equal (argv[1], "--parse")))
    return measure_child (argv[1], argv[2]);

  /* bench-loader --generate FILE and --generate-polygons FILE write a file
   * for profiling and stop. */
  if (argc == 3 && g_str_equal (argv[1], "--generate"))
    {
      g_autofree char *text = generate (N_EVENTS);
      return g_file_set_contents (argv[2], text, -1, NULL) ? 0 : 1;
    }
  if (argc == 3 && g_str_equal (argv[1], "--generate-polygons"))
    {
      g_autofree char *text = generate_polygons (N_POLYGON_REGIONS, N_POLYGON_POSITIONS, N_POLYGON_EVENTS);
      return g_file_set_contents (argv[2], text, -1, NULL) ? 0 : 1;
    }

  {
    g_autofree char *text = generate_polygons (N_POLYGON_REGIONS, N_POLYGON_POSITIONS, N_POLYGON_EVENTS);
    compare (argv[0], "inline polygons", path, text, N_POLYGON_EVENTS, N_POLYGON_REGIONS);
  }
  {
    g_autofree char *text = generate (N_EVENTS);
    compare (argv[0], "events", path, text, N_EVENTS, 5);
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
    printf ("window query (one year): %.1f µs mean over %u queries, %.0f events per window (target < 1000)\n",
            query_us, n_queries, total_hits / (double) n_queries);
    g_rand_free (rand);
  }

  g_remove (path);
  g_rmdir (dir);
  return 0;
}

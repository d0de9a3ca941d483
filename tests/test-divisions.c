/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mer-divisions.h"

#include <glib/gstdio.h>

static MerDivisions *divisions;

/* Even-odd over every ring of @geometry: an oracle independent of the
 * reader's own test on the encoded rings. */
static gboolean
geometry_contains (MerGeometry *geometry,
                   double       lon,
                   double       lat)
{
  guint n_rings, n_points;
  const MerRing *rings = mer_geometry_get_rings (geometry, &n_rings);
  const MerLonLat *points = mer_geometry_get_points (geometry, &n_points);
  gboolean inside = FALSE;

  for (guint r = 0; r < n_rings; r++)
    {
      const MerLonLat *ring = points + rings[r].first_point;

      for (guint i = 1; i < rings[r].n_points; i++)
        {
          const MerLonLat *a = &ring[i - 1];
          const MerLonLat *b = &ring[i];

          if ((a->lat > lat) != (b->lat > lat) && lon < (b->lon - a->lon) * (lat - a->lat) / (b->lat - a->lat) + a->lon)
            inside = !inside;
        }
    }
  return inside;
}

static const MerDivision *
first_hit (const char *query,
           guint      *index)
{
  g_autoptr(GArray) hits = mer_divisions_search (divisions, query, 20);

  g_assert_cmpuint (hits->len, >, 0);
  *index = g_array_index (hits, guint, 0);
  return mer_divisions_get_item (divisions, *index);
}

static const struct {
  const char *query;
  const char *code;
  const char *name;
  const char *country;
  const char *ja;
  const char *ru;
  double inside_lon, inside_lat;      /* the capital */
  double outside_lon, outside_lat;    /* a city just across the border */
} places[] = {
  { "Crimea", "UA-43", "Autonomous Republic of Crimea", "Ukraine", "クリミア自治共和国", "Автономная Республика Крым",
    34.10, 44.95, /* Simferopol */ 32.62, 46.64 /* Kherson */ },
  { "Hokkaido", "JP-01", "Hokkaidō", "Japan", "北海道", "Хоккайдо",
    141.35, 43.06, /* Sapporo */ 140.74, 40.82 /* Aomori */ },
  { "Donetsk", "UA-14", "Donetsk", "Ukraine", "ドネツィク州", "Донецкая область",
    37.80, 48.00, /* Donetsk */ 36.23, 49.99 /* Kharkiv */ },
  { "Sakhalin", "RU-SAK", "Sakhalin", "Russia", "サハリン州", "Сахалинская область",
    142.73, 46.96, /* Yuzhno-Sakhalinsk */ 141.35, 43.06 /* Sapporo */ },
};

static const char *
name_in (const MerDivision *item,
         const char        *lang)
{
  for (guint i = 0; i < item->n_names; i++)
    if (g_str_equal (item->names[i].lang, lang))
      return item->names[i].text;
  return NULL;
}

/* The divisions named in the issue are found by their English name and
 * their outlines hold their capital and not the city across the border. */
static void
test_places (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      guint index;
      const MerDivision *item = first_hit (places[i].query, &index);
      g_autoptr(MerGeometry) geometry = mer_divisions_dup_geometry (divisions, index);

      g_test_message ("%s", places[i].query);
      g_assert_cmpint (item->level, ==, MER_DIVISION_FIRST_LEVEL);
      g_assert_cmpstr (item->code, ==, places[i].code);
      g_assert_cmpstr (item->name, ==, places[i].name);
      g_assert_cmpstr (item->country_name, ==, places[i].country);
      g_assert_cmpstr (name_in (item, "ja"), ==, places[i].ja);
      g_assert_cmpstr (name_in (item, "ru"), ==, places[i].ru);
      g_assert_true (mer_divisions_lookup (divisions, places[i].code) == item);
      g_assert_true (geometry_contains (geometry, places[i].inside_lon, places[i].inside_lat));
      g_assert_false (geometry_contains (geometry, places[i].outside_lon, places[i].outside_lat));
    }
}

/* Crimea is one polygon of 218 points: recognisable, and small. */
static void
test_crimea_outline (void)
{
  const MerDivision *crimea = mer_divisions_lookup (divisions, "UA-43");
  guint index = 0;
  g_autoptr(MerGeometry) geometry = NULL;
  guint n_polygons, n_points;
  double west, south, east, north;

  while (mer_divisions_get_item (divisions, index) != crimea)
    index++;
  geometry = mer_divisions_dup_geometry (divisions, index);
  mer_geometry_get_polygons (geometry, &n_polygons);
  mer_geometry_get_points (geometry, &n_points);
  g_assert_true (mer_geometry_get_bounds (geometry, &west, &south, &east, &north));
  g_assert_cmpuint (n_polygons, ==, 1);
  g_assert_cmpuint (n_points, >, 100);
  g_assert_cmpuint (n_points, <, 1000);
  /* Cape Sarych to the tip of the Kerch peninsula, Cape Kherson to the isthmus. */
  g_assert_cmpfloat_with_epsilon (west, 32.48, 0.02);
  g_assert_cmpfloat_with_epsilon (east, 36.64, 0.02);
  g_assert_cmpfloat_with_epsilon (south, 44.39, 0.02);
  g_assert_cmpfloat_with_epsilon (north, 46.23, 0.03);
}

/* Each row: a query and the code of the best hit. */
static void
test_search (void)
{
  static const struct {
    const char *query;
    const char *code;
    MerDivisionLevel level;
  } rows[] = {
    { "crimea", "UA-43", MER_DIVISION_FIRST_LEVEL },
    { "Avtonomna Respublika Krym", "UA-43", MER_DIVISION_FIRST_LEVEL },    /* the GeoNames spelling */
    { "Крым", "UA-43", MER_DIVISION_FIRST_LEVEL },
    { "ua-43", "UA-43", MER_DIVISION_FIRST_LEVEL },
    { "北海道", "JP-01", MER_DIVISION_FIRST_LEVEL },
    { "Primorsky", "RU-PRI", MER_DIVISION_FIRST_LEVEL },
    { "Luhansk", "UA-09", MER_DIVISION_FIRST_LEVEL },
    { "Japan", "JP", MER_DIVISION_COUNTRY },
    { "Украина", "UA", MER_DIVISION_COUNTRY },
    { "JP", "JP", MER_DIVISION_COUNTRY },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      guint index;
      const MerDivision *item = first_hit (rows[i].query, &index);

      g_test_message ("%s", rows[i].query);
      g_assert_cmpstr (item->code, ==, rows[i].code);
      g_assert_cmpint (item->level, ==, rows[i].level);
    }
}

/* A country is followed by its divisions; nothing matches nonsense; an
 * empty query lists the countries by name. */
static void
test_search_lists (void)
{
  g_autoptr(GArray) ukraine = mer_divisions_search (divisions, "Ukraine", 100);
  g_autoptr(GArray) nothing = mer_divisions_search (divisions, "qqxqq", 100);
  g_autoptr(GArray) all = mer_divisions_search (divisions, "  ", 1000);
  g_autoptr(GArray) three = mer_divisions_search (divisions, "", 3);

  g_assert_cmpstr (mer_divisions_get_item (divisions, g_array_index (ukraine, guint, 0))->code, ==, "UA");
  /* Ukraine's 24 oblasts, Kyiv, Crimea and Sevastopol. */
  g_assert_cmpuint (ukraine->len, ==, 1 + 27);
  for (guint i = 1; i < ukraine->len; i++)
    g_assert_cmpstr (mer_divisions_get_item (divisions, g_array_index (ukraine, guint, i))->country, ==, "UA");
  g_assert_cmpuint (nothing->len, ==, 0);
  g_assert_cmpuint (all->len, ==, 239);
  for (guint i = 0; i < all->len; i++)
    g_assert_cmpint (mer_divisions_get_item (divisions, g_array_index (all, guint, i))->level, ==, MER_DIVISION_COUNTRY);
  g_assert_cmpuint (three->len, ==, 3);
  g_assert_cmpstr (mer_divisions_get_item (divisions, g_array_index (three, guint, 0))->name, ==, "Afghanistan");
}

/* What lies under a point: the division, then the country as Natural
 * Earth draws it (de facto, as the base map does). */
static void
test_find_at (void)
{
  static const struct {
    double lon, lat;
    const char *codes;
  } rows[] = {
    { 34.10, 44.95, "UA-43 RU" },        /* Simferopol */
    { 32.62, 46.64, "UA-65 UA" },        /* Kherson */
    { 141.35, 43.06, "JP-01 JP" },       /* Sapporo */
    { 150.0, 40.0, "" },                 /* the Pacific */
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(GArray) hits = mer_divisions_find_at (divisions, rows[i].lon, rows[i].lat);
      g_autoptr(GString) codes = g_string_new (NULL);

      for (guint h = 0; h < hits->len; h++)
        g_string_append_printf (codes, "%s%s", h > 0 ? " " : "",
                                mer_divisions_get_item (divisions, g_array_index (hits, guint, h))->code);
      g_assert_cmpstr (codes->str, ==, rows[i].codes);
    }
}

/* A damaged file says what is wrong, and where. */
static void
test_damaged (void)
{
  static const struct {
    const char *text;
    const char *message;
  } rows[] = {
    { "{\"format\": \"other\", \"version\": 1}", "not a file of countries and divisions of version 1" },
    { "{\"format\": \"meridian-divisions\", \"version\": 2}", "not a file of countries and divisions of version 1" },
    { "{\"format\": \"meridian-divisions\", \"version\": 1, \"scale\": 1000, \"countries\": []}",
      "the scale, the countries or the divisions are missing" },
    /* A ring of two points. */
    { "{\"format\": \"meridian-divisions\", \"version\": 1, \"scale\": 1000, \"divisions\": [],"
      " \"countries\": [{\"code\": \"XX\", \"name\": \"X\", \"polygons\": [[\"??AA\"]]}]}", "country 1 is damaged" },
    /* A number cut short: a chunk that says more follow, then the end. */
    { "{\"format\": \"meridian-divisions\", \"version\": 1, \"scale\": 1000,"
      " \"countries\": [{\"code\": \"XX\", \"name\": \"X\", \"polygons\": [[\"?????A_\"]]}],"
      " \"divisions\": [{\"id\": \"X-1\", \"country\": \"YY\", \"name\": \"Y\", \"polygons\": [[\"??A??A\"]]}]}",
      "country 1 is damaged" },
    /* A division of a country the file does not have. */
    { "{\"format\": \"meridian-divisions\", \"version\": 1, \"scale\": 1000,"
      " \"countries\": [{\"code\": \"XX\", \"name\": \"X\", \"polygons\": [[\"??A??A\"]]}],"
      " \"divisions\": [{\"id\": \"X-1\", \"country\": \"YY\", \"name\": \"Y\", \"polygons\": [[\"??A??A\"]]}]}",
      "division 1 is damaged" },
  };
  g_autofree char *dir = g_dir_make_tmp ("meridian-divisions-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "divisions.json", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MerDivisions) damaged = NULL;
      g_autofree char *expected = g_strdup_printf ("“%s” cannot be read: %s", path, rows[i].message);

      g_assert_true (g_file_set_contents (path, rows[i].text, -1, NULL));
      damaged = mer_divisions_new_from_file (path, &error);
      g_assert_null (damaged);
      g_assert_error (error, MER_DIVISIONS_ERROR, MER_DIVISIONS_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, expected);
    }

  /* A triangle reads. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(MerDivisions) small = NULL;
    g_autoptr(MerGeometry) geometry = NULL;
    const MerLonLat *points;
    guint n_points;

    g_assert_true (g_file_set_contents (path,
                                        "{\"format\": \"meridian-divisions\", \"version\": 1, \"scale\": 1000,"
                                        " \"countries\": [{\"code\": \"XX\", \"name\": \"X\", \"polygons\": [[\"??A??A\"]]}],"
                                        " \"divisions\": []}", -1, NULL));
    small = mer_divisions_new_from_file (path, &error);
    g_assert_no_error (error);
    geometry = mer_divisions_dup_geometry (small, 0);
    points = mer_geometry_get_points (geometry, &n_points);
    /* Steps of (0, 0), (+0.001, 0), (0, +0.001), then closed. */
    g_assert_cmpuint (n_points, ==, 4);
    g_assert_cmpfloat (points[1].lon, ==, 0.001);
    g_assert_cmpfloat (points[1].lat, ==, 0);
    g_assert_cmpfloat (points[2].lon, ==, 0.001);
    g_assert_cmpfloat (points[2].lat, ==, 0.001);
    g_assert_cmpfloat (points[3].lon, ==, 0);
    g_assert_cmpfloat (points[3].lat, ==, 0);
  }

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  path = mer_divisions_find_default_path ();
  divisions = mer_divisions_new_from_file (path, &error);
  g_assert_no_error (error);

  g_test_add_func ("/core/divisions/places", test_places);
  g_test_add_func ("/core/divisions/crimea-outline", test_crimea_outline);
  g_test_add_func ("/core/divisions/search", test_search);
  g_test_add_func ("/core/divisions/search-lists", test_search_lists);
  g_test_add_func ("/core/divisions/find-at", test_find_at);
  g_test_add_func ("/core/divisions/damaged", test_damaged);

  status = g_test_run ();
  mer_divisions_unref (divisions);
  return status;
}

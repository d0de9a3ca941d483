/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-divisions"

#include "config.h"

#include "mer-divisions.h"

#include "mer-paths.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

/* The countries and first-level divisions a region can be picked from:
 * `basemap/divisions.json`, made from Natural Earth by
 * tools/basemap/prepare-divisions.mjs. The JSON text holds each ring as one
 * string in the polyline encoding (see docs/basemap-format.md), so that
 * json-glib parses some ten thousand strings rather than a million numbers;
 * rings are decoded when an outline is asked for, and once at load time to
 * check them and find each entry's bounds. */

#define FORMAT_NAME "meridian-divisions"
#define FORMAT_VERSION 1

typedef struct {
  MerDivision  pub;             /* first: mer_divisions_get_item() returns it */
  JsonArray   *polygons;        /* borrowed from the root: arrays of ring strings */
  double       west, south, east, north;
  char        *folded_name;
  char        *collate_key;
  /* Folded words and their ASCII alternates, as g_str_match_string()
   * makes them, made once: searching 4,800 entries at each key typed
   * took 60–90 ms when they were made again at each match. */
  GStrv        name_words;
  GPtrArray   *other_words;     /* of GStrv: the code, each other name, each alias */
  GStrv        country_words;
} Entry;

struct _MerDivisions
{
  grefcount   ref_count;
  JsonNode   *root;
  GArray     *entries;          /* of Entry */
  GHashTable *by_code;          /* code → Entry index + 1 */
  double      scale;
};

G_DEFINE_BOXED_TYPE (MerDivisions, mer_divisions, mer_divisions_ref, mer_divisions_unref)

G_DEFINE_QUARK (mer-divisions-error-quark, mer_divisions_error)

/* Decodes one ring into @points (appended), closed. FALSE when the text is
 * not a whole number of coordinate pairs in the encoding. */
static gboolean
decode_ring (const char *text,
             double      scale,
             GArray     *points)
{
  gint64 values[2] = { 0, 0 };
  guint n_values = 0;
  guint first = points->len;
  const char *p = text;
  MerLonLat closing;

  while (*p != '\0')
    {
      guint64 result = 0;
      guint shift = 0;
      int chunk;

      do
        {
          chunk = (guchar) *p - 63;
          if (*p == '\0' || chunk < 0 || chunk > 63 || shift > 60)
            return FALSE;
          result |= (guint64) (chunk & 0x1f) << shift;
          shift += 5;
          p++;
        }
      while (chunk >= 0x20);

      values[n_values % 2] += (result & 1) ? ~(gint64) (result >> 1) : (gint64) (result >> 1);
      if (++n_values % 2 == 0)
        {
          MerLonLat point = { values[0] / scale, values[1] / scale };

          g_array_append_val (points, point);
        }
    }

  if (n_values % 2 != 0 || points->len - first < 3)
    return FALSE;
  /* A copy: appending may move the array the first point is in. */
  closing = g_array_index (points, MerLonLat, first);
  g_array_append_val (points, closing);
  return TRUE;
}

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_free ((gpointer) entry->pub.names);
  g_free ((gpointer) entry->pub.aliases);
  g_free (entry->folded_name);
  g_free (entry->collate_key);
  g_strfreev (entry->name_words);
  g_clear_pointer (&entry->other_words, g_ptr_array_unref);
  g_strfreev (entry->country_words);
}

/* @text's folded words followed by their ASCII alternates. */
static GStrv
words_of (const char *text)
{
  g_auto(GStrv) alternates = NULL;
  g_auto(GStrv) words = g_str_tokenize_and_fold (text, NULL, &alternates);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_strv_builder_addv (builder, (const char **) words);
  g_strv_builder_addv (builder, (const char **) alternates);
  return g_strv_builder_end (builder);
}

static gboolean
invalid (GError     **error,
         const char  *path,
         const char  *what)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, MER_DIVISIONS_ERROR, MER_DIVISIONS_ERROR_INVALID, _("“%s” cannot be read: %s"), display, what);
  return FALSE;
}

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
         ? json_node_get_string (node) : NULL;
}

static JsonObject *
object_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
array_member (JsonObject *object,
              const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* Checks every ring of @entry and finds its bounds. */
static gboolean
measure (MerDivisions *self,
         Entry        *entry)
{
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (MerLonLat));

  entry->west = entry->south = G_MAXDOUBLE;
  entry->east = entry->north = -G_MAXDOUBLE;
  for (guint p = 0; p < json_array_get_length (entry->polygons); p++)
    {
      JsonNode *node = json_array_get_element (entry->polygons, p);
      JsonArray *rings = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

      if (rings == NULL || json_array_get_length (rings) == 0)
        return FALSE;
      for (guint r = 0; r < json_array_get_length (rings); r++)
        {
          JsonNode *ring = json_array_get_element (rings, r);

          g_array_set_size (points, 0);
          if (!JSON_NODE_HOLDS_VALUE (ring) || json_node_get_value_type (ring) != G_TYPE_STRING ||
              !decode_ring (json_node_get_string (ring), self->scale, points))
            return FALSE;
          for (guint i = 0; i < points->len; i++)
            {
              const MerLonLat *point = &g_array_index (points, MerLonLat, i);

              entry->west = MIN (entry->west, point->lon);
              entry->east = MAX (entry->east, point->lon);
              entry->south = MIN (entry->south, point->lat);
              entry->north = MAX (entry->north, point->lat);
            }
        }
    }
  return json_array_get_length (entry->polygons) > 0;
}

static gboolean
read_entry (MerDivisions     *self,
            JsonObject       *object,
            MerDivisionLevel  level,
            GHashTable       *country_names)
{
  Entry entry = { { 0 } };
  JsonObject *names = object_member (object, "names");
  JsonArray *aliases = array_member (object, "aliases");
  g_autoptr(GList) languages = names != NULL ? json_object_get_members (names) : NULL;
  g_autofree char *folded = NULL;
  MerName *name_array;
  const char **alias_array;
  guint n = 0;

  entry.pub.level = level;
  entry.pub.name = string_member (object, "name");
  entry.pub.code = string_member (object, "code");
  entry.pub.country = string_member (object, level == MER_DIVISION_COUNTRY ? "code" : "country");
  entry.pub.id = level == MER_DIVISION_COUNTRY ? entry.pub.code : string_member (object, "id");
  entry.polygons = array_member (object, "polygons");
  if (entry.pub.name == NULL || entry.pub.id == NULL || entry.pub.country == NULL || entry.polygons == NULL)
    return FALSE;
  entry.pub.country_name = level == MER_DIVISION_COUNTRY ? entry.pub.name
                                                         : g_hash_table_lookup (country_names, entry.pub.country);
  if (entry.pub.country_name == NULL)
    return FALSE;

  name_array = g_new0 (MerName, g_list_length (languages) + 1);
  for (GList *l = languages; l != NULL; l = l->next)
    {
      const char *text = string_member (names, l->data);

      if (text == NULL)
        continue;
      name_array[n].lang = l->data;
      name_array[n].text = (char *) text;
      n++;
    }
  entry.pub.names = name_array;
  entry.pub.n_names = n;

  n = 0;
  alias_array = g_new0 (const char *, (aliases != NULL ? json_array_get_length (aliases) : 0) + 1);
  for (guint i = 0; aliases != NULL && i < json_array_get_length (aliases); i++)
    {
      JsonNode *alias = json_array_get_element (aliases, i);

      if (JSON_NODE_HOLDS_VALUE (alias) && json_node_get_value_type (alias) == G_TYPE_STRING)
        alias_array[n++] = json_node_get_string (alias);
    }
  entry.pub.aliases = alias_array;

  entry.name_words = words_of (entry.pub.name);
  entry.country_words = words_of (entry.pub.country_name);
  entry.other_words = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  if (entry.pub.code != NULL)
    g_ptr_array_add (entry.other_words, words_of (entry.pub.code));
  for (guint i = 0; i < entry.pub.n_names; i++)
    g_ptr_array_add (entry.other_words, words_of (entry.pub.names[i].text));
  for (guint i = 0; entry.pub.aliases[i] != NULL; i++)
    g_ptr_array_add (entry.other_words, words_of (entry.pub.aliases[i]));

  folded = g_utf8_casefold (entry.pub.name, -1);
  entry.folded_name = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
  entry.collate_key = g_utf8_collate_key (entry.pub.name, -1);

  if (!measure (self, &entry))
    {
      entry_clear (&entry);
      return FALSE;
    }
  g_array_append_val (self->entries, entry);
  if (entry.pub.code != NULL && !g_hash_table_contains (self->by_code, entry.pub.code))
    g_hash_table_insert (self->by_code, (gpointer) entry.pub.code, GUINT_TO_POINTER (self->entries->len));
  return TRUE;
}

/**
 * mer_divisions_find_default_path:
 *
 * Where the bundled file is: `basemap/divisions.json` in Meridian's data
 * folder (see mer_paths_dup_data_dir()). The file is not opened.
 *
 * Returns: (transfer full) (type filename): a path
 */
char *
mer_divisions_find_default_path (void)
{
  return mer_paths_build_data_path ("basemap", "divisions.json", NULL);
}

/**
 * mer_divisions_new_from_file:
 * @path: a divisions file, as tools/basemap/prepare-divisions.mjs writes it
 *
 * Reads the file whole and checks every outline in it.
 *
 * Returns: (transfer full) (nullable): the countries and divisions, or
 *   %NULL with @error set
 */
MerDivisions *
mer_divisions_new_from_file (const char  *path,
                             GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(MerDivisions) self = NULL;
  g_autoptr(GHashTable) country_names = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *root;
  JsonArray *countries;
  JsonArray *divisions;
  const char *format;

  g_return_val_if_fail (path != NULL, NULL);

  if (!json_parser_load_from_mapped_file (parser, path, error))
    return NULL;

  self = g_new0 (MerDivisions, 1);
  g_ref_count_init (&self->ref_count);
  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);
  self->by_code = g_hash_table_new (g_str_hash, g_str_equal);
  self->root = json_parser_steal_root (parser);

  root = JSON_NODE_HOLDS_OBJECT (self->root) ? json_node_get_object (self->root) : NULL;
  format = root != NULL ? string_member (root, "format") : NULL;
  if (g_strcmp0 (format, FORMAT_NAME) != 0 || json_object_get_int_member_with_default (root, "version", 0) != FORMAT_VERSION)
    {
      invalid (error, path, _("not a file of countries and divisions of version 1"));
      return NULL;
    }
  self->scale = json_object_get_double_member_with_default (root, "scale", 0);
  countries = array_member (root, "countries");
  divisions = array_member (root, "divisions");
  if (self->scale <= 0 || countries == NULL || divisions == NULL)
    {
      invalid (error, path, _("the scale, the countries or the divisions are missing"));
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (countries); i++)
    {
      JsonNode *node = json_array_get_element (countries, i);

      if (!JSON_NODE_HOLDS_OBJECT (node) ||
          !read_entry (self, json_node_get_object (node), MER_DIVISION_COUNTRY, country_names))
        {
          g_autofree char *what = g_strdup_printf (_("country %u is damaged"), i + 1);

          invalid (error, path, what);
          return NULL;
        }
      g_hash_table_insert (country_names, (gpointer) g_array_index (self->entries, Entry, self->entries->len - 1).pub.code,
                           (gpointer) g_array_index (self->entries, Entry, self->entries->len - 1).pub.name);
    }
  for (guint i = 0; i < json_array_get_length (divisions); i++)
    {
      JsonNode *node = json_array_get_element (divisions, i);

      if (!JSON_NODE_HOLDS_OBJECT (node) ||
          !read_entry (self, json_node_get_object (node), MER_DIVISION_FIRST_LEVEL, country_names))
        {
          g_autofree char *what = g_strdup_printf (_("division %u is damaged"), i + 1);

          invalid (error, path, what);
          return NULL;
        }
    }

  return g_steal_pointer (&self);
}

MerDivisions *
mer_divisions_ref (MerDivisions *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_ref_count_inc (&self->ref_count);
  return self;
}

void
mer_divisions_unref (MerDivisions *self)
{
  g_return_if_fail (self != NULL);

  if (g_ref_count_dec (&self->ref_count))
    {
      g_array_unref (self->entries);
      g_hash_table_unref (self->by_code);
      g_clear_pointer (&self->root, json_node_unref);
      g_free (self);
    }
}

/**
 * mer_divisions_get_n_items:
 *
 * Returns: how many countries and divisions there are: countries first
 */
guint
mer_divisions_get_n_items (MerDivisions *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->entries->len;
}

/**
 * mer_divisions_get_item:
 *
 * Returns: (transfer none): the entry at @index, valid as long as @self
 */
const MerDivision *
mer_divisions_get_item (MerDivisions *self,
                        guint         index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);
  return &g_array_index (self->entries, Entry, index).pub;
}

/**
 * mer_divisions_lookup:
 * @code: an ISO 3166-1 alpha-2 or ISO 3166-2 code, such as "JP" or "UA-43"
 *
 * Returns: (transfer none) (nullable): the first entry with that code
 */
const MerDivision *
mer_divisions_lookup (MerDivisions *self,
                      const char   *code)
{
  guint index;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (code != NULL, NULL);

  index = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_code, code));
  return index > 0 ? mer_divisions_get_item (self, index - 1) : NULL;
}

/**
 * mer_divisions_dup_geometry:
 *
 * Returns: (transfer full): the outline of the entry at @index
 */
MerGeometry *
mer_divisions_dup_geometry (MerDivisions *self,
                            guint         index)
{
  Entry *entry;
  MerGeometry *geometry;
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (MerLonLat));

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);

  entry = &g_array_index (self->entries, Entry, index);
  geometry = mer_geometry_new ();
  for (guint p = 0; p < json_array_get_length (entry->polygons); p++)
    {
      JsonArray *rings = json_array_get_array_element (entry->polygons, p);

      mer_geometry_begin_polygon (geometry);
      for (guint r = 0; r < json_array_get_length (rings); r++)
        {
          gboolean valid;

          g_array_set_size (points, 0);
          valid = decode_ring (json_array_get_string_element (rings, r), self->scale, points);
          /* Every ring was decoded once when the file was read. */
          g_assert (valid);
          mer_geometry_add_ring (geometry, (const MerLonLat *) points->data, points->len);
        }
    }
  return geometry;
}

/* Search */

enum {
  MATCH_EXACT,          /* the name or the code, whole */
  MATCH_START,          /* the start of the name */
  MATCH_WORD,           /* the start of words of the name */
  MATCH_OTHER,          /* another spelling, another language, or the code */
  MATCH_COUNTRY,        /* a division of the country searched for */
  MATCH_NONE,
};

typedef struct {
  guint index;
  guint match;
} Hit;

/* As g_str_match_string() with alternates: each word of the query starts
 * a word of the text. */
static gboolean
matches (const char * const *query_words,
         const char * const *words)
{
  if (query_words[0] == NULL)
    return FALSE;
  for (guint q = 0; query_words[q] != NULL; q++)
    {
      gboolean found = FALSE;

      for (guint w = 0; !found && words[w] != NULL; w++)
        found = g_str_has_prefix (words[w], query_words[q]);
      if (!found)
        return FALSE;
    }
  return TRUE;
}

static guint
match_entry (const Entry        *entry,
             const char         *query,
             const char         *folded_query,
             const char * const *query_words)
{
  const MerDivision *item = &entry->pub;

  if (g_str_equal (entry->folded_name, folded_query) ||
      (item->code != NULL && g_ascii_strcasecmp (item->code, query) == 0))
    return MATCH_EXACT;
  if (g_str_has_prefix (entry->folded_name, folded_query))
    return MATCH_START;
  if (matches (query_words, (const char * const *) entry->name_words))
    return MATCH_WORD;
  for (guint i = 0; i < entry->other_words->len; i++)
    if (matches (query_words, g_ptr_array_index (entry->other_words, i)))
      return MATCH_OTHER;
  if (item->level == MER_DIVISION_FIRST_LEVEL &&
      (g_ascii_strcasecmp (item->country, query) == 0 ||
       matches (query_words, (const char * const *) entry->country_words)))
    return MATCH_COUNTRY;
  return MATCH_NONE;
}

static int
compare_hits (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const Hit *hit_a = a;
  const Hit *hit_b = b;
  GArray *entries = user_data;
  const Entry *entry_a = &g_array_index (entries, Entry, hit_a->index);
  const Entry *entry_b = &g_array_index (entries, Entry, hit_b->index);
  int order;

  if (hit_a->match != hit_b->match)
    return hit_a->match < hit_b->match ? -1 : 1;
  if (entry_a->pub.level != entry_b->pub.level)
    return entry_a->pub.level == MER_DIVISION_COUNTRY ? -1 : 1;
  order = strcmp (entry_a->collate_key, entry_b->collate_key);
  if (order != 0)
    return order;
  return hit_a->index < hit_b->index ? -1 : hit_a->index > hit_b->index;
}

/**
 * mer_divisions_search:
 * @query: what the user typed: words of a name in English (any accents),
 *   Japanese or Russian, or an ISO code; empty for every country
 * @max_results: at most this many are returned
 *
 * Finds the countries and divisions that @query names, best first: those
 * named exactly so, then those whose name starts so, then those with a word
 * that starts so, then those matched by another spelling, language or code,
 * then the divisions of a country so named; countries before divisions,
 * then by name.
 *
 * Returns: (transfer full) (element-type guint): indices of entries
 */
GArray *
mer_divisions_search (MerDivisions *self,
                      const char   *query,
                      guint         max_results)
{
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (Hit));
  g_autofree char *trimmed = NULL;
  g_autofree char *casefolded = NULL;
  g_autofree char *folded = NULL;
  g_auto(GStrv) query_words = NULL;
  GArray *result = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_val_if_fail (self != NULL, result);
  g_return_val_if_fail (query != NULL, result);

  trimmed = g_strstrip (g_strdup (query));
  casefolded = g_utf8_casefold (trimmed, -1);
  folded = g_utf8_normalize (casefolded, -1, G_NORMALIZE_ALL);
  query_words = g_str_tokenize_and_fold (trimmed, NULL, NULL);

  for (guint i = 0; i < self->entries->len; i++)
    {
      const Entry *entry = &g_array_index (self->entries, Entry, i);
      Hit hit = { i, MATCH_NONE };

      if (*trimmed == '\0')
        hit.match = entry->pub.level == MER_DIVISION_COUNTRY ? MATCH_WORD : MATCH_NONE;
      else
        hit.match = match_entry (entry, trimmed, folded, (const char * const *) query_words);
      if (hit.match != MATCH_NONE)
        g_array_append_val (hits, hit);
    }

  g_array_sort_with_data (hits, compare_hits, self->entries);
  for (guint i = 0; i < hits->len && i < max_results; i++)
    g_array_append_val (result, g_array_index (hits, Hit, i).index);
  return result;
}

/* Even-odd over every ring, holes included. */
static gboolean
entry_contains (MerDivisions *self,
                const Entry  *entry,
                double        lon,
                double        lat)
{
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (MerLonLat));
  gboolean inside = FALSE;

  if (lon < entry->west || lon > entry->east || lat < entry->south || lat > entry->north)
    return FALSE;

  for (guint p = 0; p < json_array_get_length (entry->polygons); p++)
    {
      JsonArray *rings = json_array_get_array_element (entry->polygons, p);

      for (guint r = 0; r < json_array_get_length (rings); r++)
        {
          const MerLonLat *ring;

          g_array_set_size (points, 0);
          decode_ring (json_array_get_string_element (rings, r), self->scale, points);
          ring = (const MerLonLat *) points->data;
          for (guint i = 0, j = points->len - 1; i < points->len; j = i++)
            if ((ring[i].lat > lat) != (ring[j].lat > lat) &&
                lon < (ring[j].lon - ring[i].lon) * (lat - ring[i].lat) / (ring[j].lat - ring[i].lat) + ring[i].lon)
              inside = !inside;
        }
    }
  return inside;
}

/**
 * mer_divisions_find_at:
 * @lon: longitude in degrees
 * @lat: latitude in degrees
 *
 * Finds what lies at a point: the divisions first, then the countries.
 *
 * Returns: (transfer full) (element-type guint): indices of entries
 */
GArray *
mer_divisions_find_at (MerDivisions *self,
                       double        lon,
                       double        lat)
{
  GArray *result = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_val_if_fail (self != NULL, result);

  for (int level = MER_DIVISION_FIRST_LEVEL; level >= MER_DIVISION_COUNTRY; level--)
    for (guint i = 0; i < self->entries->len; i++)
      {
        const Entry *entry = &g_array_index (self->entries, Entry, i);

        if ((int) entry->pub.level == level && entry_contains (self, entry, lon, lat))
          g_array_append_val (result, i);
      }
  return result;
}

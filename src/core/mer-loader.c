/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-loader"

#include "config.h"

#include "mer-loader.h"

#include "mer-diagnostic.h"
#include "mer-document-private.h"
#include "mer-json-reader.h"
#include "mer-model-private.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

/* Reads event file format v1 (docs/format.md). The file is streamed: each
 * category, region, era, event and briefing is converted into the model as
 * soon as the reader hands its parsed slice over, and its JSON tree is freed. Every problem
 * is recorded with its position; references that point forward in the file
 * are resolved at the end. */

typedef enum {
  REF_CATEGORY,
  REF_REGION,
  REF_EVENT,
} RefKind;

typedef struct {
  RefKind   kind;
  char     *id;
  gpointer *slot;       /* where the resolved object goes */
  char     *path;
  guint     line;
  guint     column;
} PendingRef;

typedef struct {
  /* Owned */
  GString    *path;
  GPtrArray  *categories;
  GPtrArray  *regions;
  GPtrArray  *eras;
  GPtrArray  *events;
  GPtrArray  *briefings;
  GHashTable *category_ids;
  GHashTable *region_ids;
  GHashTable *era_ids;
  GHashTable *event_ids;
  GHashTable *briefing_ids;
  GArray     *pending;
  char       *base_dir;
  char       *display_dir;
  char       *title;
  char       *subtitle;
  char       *description;
  char       *attribution;

  /* Borrowed */
  MerJsonReader *reader;
  GPtrArray     *diagnostics;

  MerView     view;
  gboolean    has_view;
  MerDate     revised;
  gboolean    has_revised;
  gboolean    has_version;
} Loader;

static const char * const root_members[] = {
  "meridian", "title", "subtitle", "description", "attribution", "revised", "view",
  "categories", "regions", "eras", "events", "briefings", NULL
};
static const char * const view_members[] = { "lat", "lon", "zoom", NULL };
static const char * const category_members[] = { "id", "name", "color", "description", NULL };
static const char * const region_members[] = {
  "id", "name", "names", "status", "color", "description", "geometry", "history", NULL
};
static const char * const period_members[] = {
  "start", "end", "held_by", "claimed_by", "status", "geometry", "description", "sources", NULL
};
static const char * const era_members[] = { "id", "title", "start", "end", "color", "description", NULL };
static const char * const event_members[] = {
  "id", "title", "start", "end", "date_label", "circa", "summary", "category", "places",
  "regions", "importance", "tags", "sources", "view", NULL
};
static const char * const place_members[] = { "name", "lat", "lon", NULL };
static const char * const source_members[] = { "title", "url", NULL };
static const char * const briefing_members[] = { "id", "title", "description", "slides", NULL };
static const char * const slide_members[] = {
  "event", "caption", "notes", "view", "regions", "time", "pov", NULL
};
static const char * const time_members[] = { "start", "end", NULL };

G_DEFINE_QUARK (mer-loader-error-quark, mer_loader_error)

/* Paths */

static gsize
path_push_member (Loader     *self,
                  const char *name)
{
  gsize length = self->path->len;

  if (length > 0)
    g_string_append_c (self->path, '.');
  g_string_append (self->path, name);
  return length;
}

static gsize
path_push_index (Loader *self,
                 guint   index)
{
  gsize length = self->path->len;
  char digits[16];
  guint n = 0;

  /* Pushed for every position of every polygon: printf costs more than
   * converting the position. */
  do
    digits[n++] = (char) ('0' + index % 10);
  while ((index /= 10) > 0);

  g_string_append_c (self->path, '[');
  while (n > 0)
    g_string_append_c (self->path, digits[--n]);
  g_string_append_c (self->path, ']');
  return length;
}

static void
path_pop (Loader *self,
          gsize   length)
{
  g_string_truncate (self->path, length);
}

/* Messages */

#define error_at(self, node, ...) \
  mer_json_reader_error ((self)->reader, (node), (self)->path->str, __VA_ARGS__)

static void
type_error (Loader     *self,
            JsonNode   *node,
            const char *expected)
{
  error_at (self, node, "expected %s, found %s", expected, mer_json_describe_node (node));
}

static guint
edit_distance (const char *a,
               const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  g_autofree guint *row = NULL;

  if (la > 32 || lb > 32)
    return G_MAXUINT;

  row = g_new (guint, lb + 1);
  for (gsize j = 0; j <= lb; j++)
    row[j] = (guint) j;

  for (gsize i = 1; i <= la; i++)
    {
      guint diagonal = row[0];

      row[0] = (guint) i;
      for (gsize j = 1; j <= lb; j++)
        {
          guint above = row[j];
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + cost);
          diagonal = above;
        }
    }

  return row[lb];
}

/* Unknown members are warnings: newer files may carry members this version
 * does not know. A likely misspelling gets a suggestion. */
static void
check_members (Loader             *self,
               JsonObject         *object,
               const char * const *known)
{
  JsonObjectIter iter;
  const char *name;

  /* Messages are sorted by position later, so the iteration order of the
   * object does not matter. */
  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, NULL))
    {
      const char *closest = NULL;
      guint best = 3;
      gsize length;

      if (g_strv_contains (known, name))
        continue;

      for (guint i = 0; known[i] != NULL; i++)
        {
          guint d = edit_distance (name, known[i]);

          if (d < best)
            {
              best = d;
              closest = known[i];
            }
        }

      length = path_push_member (self, name);
      if (closest != NULL)
        mer_json_reader_member_warning (self->reader, json_object_get_member (object, name), self->path->str,
                                        "unknown member \"%s\" (did you mean \"%s\"?)", name, closest);
      else
        mer_json_reader_member_warning (self->reader, json_object_get_member (object, name), self->path->str,
                                        "unknown member \"%s\"", name);
      path_pop (self, length);
    }
}

/* Typed members. Each reads one member, reports what is wrong with it at its
 * position, and returns whether a usable value was read. */

static JsonObject *
expect_object (Loader   *self,
               JsonNode *node)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      type_error (self, node, "an object");
      return NULL;
    }

  return json_node_get_object (node);
}

static JsonNode *
get_member (Loader     *self,
            JsonObject *object,
            JsonNode   *object_node,
            const char *name,
            gboolean    required)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL && required)
    error_at (self, object_node, "missing required member \"%s\"", name);

  return node;
}

static gboolean
read_string (Loader      *self,
             JsonObject  *object,
             JsonNode    *object_node,
             const char  *name,
             gboolean     required,
             const char **value)
{
  JsonNode *node = get_member (self, object, object_node, name, required);
  gsize length;
  gboolean ok = FALSE;

  *value = NULL;
  if (node == NULL)
    return !required;

  length = path_push_member (self, name);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    type_error (self, node, "a string");
  else if (required && *json_node_get_string (node) == '\0')
    error_at (self, node, "must not be empty");
  else
    {
      *value = json_node_get_string (node);
      ok = TRUE;
    }
  path_pop (self, length);

  return ok;
}

static char *
dup_string (Loader     *self,
            JsonObject *object,
            JsonNode   *object_node,
            const char *name,
            gboolean    required)
{
  const char *value;

  read_string (self, object, object_node, name, required, &value);
  return g_strdup (value);
}

static gboolean
node_is_number (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

/* Checks a number at the current path; json-glib reads "1e400" as infinity. */
static gboolean
check_number (Loader   *self,
              JsonNode *node,
              double    min,
              double    max,
              double   *value)
{
  double v;

  if (!node_is_number (node))
    {
      type_error (self, node, "a number");
      return FALSE;
    }

  v = json_node_get_double (node);
  if (!isfinite (v))
    {
      g_autofree char *text = mer_json_reader_dup_text (self->reader, node);

      error_at (self, node, "%s is not a finite number", text != NULL ? text : "the number");
      return FALSE;
    }

  if (v < min || v > max)
    {
      g_autofree char *text = mer_json_reader_dup_text (self->reader, node);
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      error_at (self, node, "%s is out of range [%g, %g]",
                text != NULL ? text : g_ascii_dtostr (buffer, sizeof buffer, v), min, max);
      return FALSE;
    }

  *value = v;
  return TRUE;
}

static gboolean
read_number (Loader     *self,
             JsonObject *object,
             JsonNode   *object_node,
             const char *name,
             gboolean    required,
             double      min,
             double      max,
             double     *value)
{
  JsonNode *node = get_member (self, object, object_node, name, required);
  gboolean ok;
  gsize length;

  if (node == NULL)
    return FALSE;

  length = path_push_member (self, name);
  ok = check_number (self, node, min, max, value);
  path_pop (self, length);

  return ok;
}

static gboolean
read_boolean (Loader     *self,
              JsonObject *object,
              const char *name,
              gboolean   *value)
{
  JsonNode *node = json_object_get_member (object, name);
  gsize length;

  if (node == NULL)
    return FALSE;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    {
      *value = json_node_get_boolean (node);
      return TRUE;
    }

  length = path_push_member (self, name);
  type_error (self, node, "true or false");
  path_pop (self, length);
  return FALSE;
}

static gboolean
read_date (Loader     *self,
           JsonObject *object,
           JsonNode   *object_node,
           const char *name,
           gboolean    required,
           MerDate    *date)
{
  const char *text;
  g_autoptr(GError) error = NULL;
  gboolean ok = FALSE;
  gsize length;

  if (!read_string (self, object, object_node, name, required, &text) || text == NULL)
    return FALSE;

  length = path_push_member (self, name);
  if (mer_date_parse (text, date, &error))
    ok = TRUE;
  else
    error_at (self, json_object_get_member (object, name), "\"%s\" is not a valid date (%s)", text, error->message);
  path_pop (self, length);

  return ok;
}

/* Checks that @end does not end before @start begins. */
static gboolean
check_date_order (Loader        *self,
                  JsonObject    *object,
                  const char    *start_name,
                  const MerDate *start,
                  const char    *end_name,
                  const MerDate *end)
{
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  gsize length;

  if (mer_date_last_second (end) >= mer_date_first_second (start))
    return TRUE;

  start_text = mer_date_to_iso (start);
  end_text = mer_date_to_iso (end);
  length = path_push_member (self, end_name);
  error_at (self, json_object_get_member (object, end_name), "%s \"%s\" is before %s \"%s\"",
            end_name, end_text, start_name, start_text);
  path_pop (self, length);

  return FALSE;
}

static guint32
read_color (Loader     *self,
            JsonObject *object,
            JsonNode   *object_node)
{
  const char *text;
  guint32 color = MER_NO_COLOR;
  gsize length;

  if (!read_string (self, object, object_node, "color", FALSE, &text) || text == NULL)
    return MER_NO_COLOR;

  length = path_push_member (self, "color");
  if (!mer_color_parse (text, &color))
    error_at (self, json_object_get_member (object, "color"), "\"%s\" is not a colour (expected #rrggbb)", text);
  path_pop (self, length);

  return color;
}

static JsonArray *
read_array (Loader     *self,
            JsonObject *object,
            JsonNode   *object_node,
            const char *name,
            gboolean    required)
{
  JsonNode *node = get_member (self, object, object_node, name, required);
  gsize length;

  if (node == NULL)
    return NULL;

  if (JSON_NODE_HOLDS_ARRAY (node))
    return json_node_get_array (node);

  length = path_push_member (self, name);
  type_error (self, node, "an array");
  path_pop (self, length);
  return NULL;
}

static gboolean
convert_view (Loader   *self,
              JsonNode *node,
              MerView  *view)
{
  JsonObject *object = expect_object (self, node);
  gboolean ok;

  if (object == NULL)
    return FALSE;

  check_members (self, object, view_members);
  ok = read_number (self, object, node, "lat", TRUE, -90, 90, &view->lat);
  ok &= read_number (self, object, node, "lon", TRUE, -180, 180, &view->lon);
  ok &= read_number (self, object, node, "zoom", TRUE, 0, 20, &view->zoom);

  return ok;
}

static gboolean
read_view (Loader     *self,
           JsonObject *object,
           MerView    *view)
{
  JsonNode *node = json_object_get_member (object, "view");
  gboolean ok;
  gsize length;

  if (node == NULL)
    return FALSE;

  length = path_push_member (self, "view");
  ok = convert_view (self, node, view);
  path_pop (self, length);

  return ok;
}

/* Identifiers and references */

static const char *
read_id (Loader     *self,
         JsonObject *object,
         JsonNode   *object_node,
         GHashTable *ids,
         const char *kind,
         guint     (*get_line) (gpointer))
{
  const char *id;
  gpointer first;
  gsize length;

  if (!read_string (self, object, object_node, "id", TRUE, &id))
    return NULL;

  first = g_hash_table_lookup (ids, id);
  if (first == NULL)
    return id;

  length = path_push_member (self, "id");
  error_at (self, json_object_get_member (object, "id"), "duplicate %s id \"%s\" (first defined on line %u)",
            kind, id, get_line (first));
  path_pop (self, length);

  return NULL;
}

static const char *
ref_kind_name (RefKind kind)
{
  switch (kind)
    {
    case REF_CATEGORY:
      return "category";
    case REF_REGION:
      return "region";
    case REF_EVENT:
    default:
      return "event";
    }
}

static GHashTable *
ids_for_kind (Loader  *self,
              RefKind  kind)
{
  switch (kind)
    {
    case REF_CATEGORY:
      return self->category_ids;
    case REF_REGION:
      return self->region_ids;
    case REF_EVENT:
    default:
      return self->event_ids;
    }
}

/* A reference to an item defined earlier in the file is bound at once; one
 * to an item further on waits, with its position, for the end of the file. */
static void
add_reference (Loader   *self,
               RefKind   kind,
               JsonNode *node,
               gpointer *slot)
{
  PendingRef ref = { kind, NULL, slot, NULL, 0, 0 };
  gpointer item;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      type_error (self, node, "a string");
      return;
    }

  item = g_hash_table_lookup (ids_for_kind (self, kind), json_node_get_string (node));
  if (item != NULL)
    {
      *slot = g_object_ref (item);
      return;
    }

  ref.id = g_strdup (json_node_get_string (node));
  ref.path = g_strdup (self->path->str);
  mer_json_reader_locate (self->reader, node, &ref.line, &ref.column);
  g_array_append_val (self->pending, ref);
}

static void
resolve_references (Loader *self)
{
  for (guint i = 0; i < self->pending->len; i++)
    {
      PendingRef *ref = &g_array_index (self->pending, PendingRef, i);
      gpointer item = g_hash_table_lookup (ids_for_kind (self, ref->kind), ref->id);

      if (item != NULL)
        *ref->slot = g_object_ref (item);
      else
        mer_json_reader_error_at (self->reader, ref->line, ref->column, ref->path,
                                  "unknown %s \"%s\"", ref_kind_name (ref->kind), ref->id);
    }
}

/* Returns the number of slots in *@regions, which are filled in as the
 * references resolve. */
static guint
read_references (Loader      *self,
                 JsonObject  *object,
                 JsonNode    *object_node,
                 const char  *name,
                 MerRegion ***regions)
{
  JsonArray *array = read_array (self, object, object_node, name, FALSE);
  guint n;
  gsize length;

  if (array == NULL)
    return 0;

  n = json_array_get_length (array);
  *regions = g_new0 (MerRegion *, MAX (n, 1));

  length = path_push_member (self, name);
  for (guint i = 0; i < n; i++)
    {
      gsize l = path_push_index (self, i);

      add_reference (self, REF_REGION, json_array_get_element (array, i), (gpointer *) &(*regions)[i]);
      path_pop (self, l);
    }
  path_pop (self, length);

  return n;
}

/* Geometry */

static gboolean
convert_position (Loader    *self,
                  JsonNode  *node,
                  MerLonLat *point)
{
  JsonArray *array;
  gboolean ok;
  gsize length;

  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (array = json_node_get_array (node)) < 2)
    {
      error_at (self, node, "expected a position [lon, lat]");
      return FALSE;
    }

  length = path_push_index (self, 0);
  ok = check_number (self, json_array_get_element (array, 0), -180, 180, &point->lon);
  path_pop (self, length);
  length = path_push_index (self, 1);
  ok &= check_number (self, json_array_get_element (array, 1), -90, 90, &point->lat);
  path_pop (self, length);

  return ok;
}

static gboolean
convert_ring (Loader      *self,
              JsonNode    *node,
              MerGeometry *geometry)
{
  g_autofree MerLonLat *points = NULL;
  JsonArray *array;
  guint n;
  gboolean ok = TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      type_error (self, node, "an array of positions");
      return FALSE;
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  points = g_new (MerLonLat, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      gsize length = path_push_index (self, i);

      ok &= convert_position (self, json_array_get_element (array, i), &points[i]);
      path_pop (self, length);
    }

  if (!ok)
    return FALSE;

  if (n < 4)
    {
      error_at (self, node, "a ring has %u position%s; it needs at least 4", n, n == 1 ? "" : "s");
      return FALSE;
    }

  if (points[0].lon != points[n - 1].lon || points[0].lat != points[n - 1].lat)
    {
      error_at (self, node, "the ring is not closed: its first and last positions differ");
      return FALSE;
    }

  mer_geometry_add_ring (geometry, points, n);
  return TRUE;
}

static gboolean
convert_polygon (Loader      *self,
                 JsonNode    *node,
                 MerGeometry *geometry)
{
  JsonArray *rings;
  gboolean ok = TRUE;
  guint n;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      type_error (self, node, "an array of rings");
      return FALSE;
    }

  rings = json_node_get_array (node);
  n = json_array_get_length (rings);
  if (n == 0)
    {
      error_at (self, node, "a polygon needs at least one ring");
      return FALSE;
    }

  mer_geometry_begin_polygon (geometry);
  for (guint i = 0; i < n; i++)
    {
      gsize length = path_push_index (self, i);

      ok &= convert_ring (self, json_array_get_element (rings, i), geometry);
      path_pop (self, length);
    }

  return ok;
}

/* Adds the polygons of a GeoJSON Geometry, Feature or FeatureCollection. */
static gboolean
convert_geojson (Loader      *self,
                 JsonNode    *node,
                 MerGeometry *geometry,
                 gboolean     geometry_only)
{
  JsonObject *object = expect_object (self, node);
  const char *type;
  JsonArray *array;
  JsonNode *member;
  gboolean ok = TRUE;
  gsize length;

  if (object == NULL || !read_string (self, object, node, "type", TRUE, &type))
    return FALSE;

  if (g_str_equal (type, "Polygon") || g_str_equal (type, "MultiPolygon"))
    {
      gboolean multi = g_str_equal (type, "MultiPolygon");

      member = get_member (self, object, node, "coordinates", TRUE);
      if (member == NULL)
        return FALSE;

      length = path_push_member (self, "coordinates");
      if (!multi)
        ok = convert_polygon (self, member, geometry);
      else if (!JSON_NODE_HOLDS_ARRAY (member))
        {
          type_error (self, member, "an array of polygons");
          ok = FALSE;
        }
      else
        {
          array = json_node_get_array (member);
          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              gsize l = path_push_index (self, i);

              ok &= convert_polygon (self, json_array_get_element (array, i), geometry);
              path_pop (self, l);
            }
        }
      path_pop (self, length);
      return ok;
    }

  if (!geometry_only && g_str_equal (type, "Feature"))
    {
      member = get_member (self, object, node, "geometry", TRUE);
      if (member == NULL)
        return FALSE;

      length = path_push_member (self, "geometry");
      ok = convert_geojson (self, member, geometry, TRUE);
      path_pop (self, length);
      return ok;
    }

  if (!geometry_only && g_str_equal (type, "FeatureCollection"))
    {
      array = read_array (self, object, node, "features", TRUE);
      if (array == NULL)
        return FALSE;

      length = path_push_member (self, "features");
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          gsize l = path_push_index (self, i);
          JsonNode *feature = json_array_get_element (array, i);
          JsonObject *feature_object = expect_object (self, feature);
          const char *feature_type;

          if (feature_object != NULL &&
              read_string (self, feature_object, feature, "type", TRUE, &feature_type))
            {
              if (g_str_equal (feature_type, "Feature"))
                ok &= convert_geojson (self, feature, geometry, FALSE);
              else
                {
                  gsize lt = path_push_member (self, "type");

                  error_at (self, json_object_get_member (feature_object, "type"),
                            "expected \"Feature\", found \"%s\"", feature_type);
                  path_pop (self, lt);
                  ok = FALSE;
                }
            }
          else
            ok = FALSE;
          path_pop (self, l);
        }
      path_pop (self, length);
      return ok;
    }

  length = path_push_member (self, "type");
  error_at (self, json_object_get_member (object, "type"),
            geometry_only ? "a region needs a Polygon or MultiPolygon, found \"%s\""
                          : "expected a GeoJSON Polygon, MultiPolygon, Feature or FeatureCollection, found \"%s\"",
            type);
  path_pop (self, length);
  return FALSE;
}

/* Resolves a geometry path written in the event file: relative, and inside
 * the event file's folder even after following symbolic links. */
static char *
resolve_geometry_path (Loader     *self,
                       JsonNode   *node,
                       const char *relative)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  g_autofree char *joined = NULL;
  g_autofree char *full = NULL;
  g_autofree char *real = NULL;
  g_autofree char *real_base = NULL;

  if (*relative == '\0' || g_path_is_absolute (relative) || relative[0] == '~')
    {
      error_at (self, node, "geometry path \"%s\" must be relative to the event file's folder", relative);
      return NULL;
    }

  parts = g_strsplit (relative, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (*parts[i] == '\0' || g_str_equal (parts[i], "."))
        continue;
      if (g_str_equal (parts[i], ".."))
        {
          if (kept->len == 0)
            {
              error_at (self, node, "geometry path \"%s\" leaves the event file's folder", relative);
              return NULL;
            }
          g_ptr_array_set_size (kept, kept->len - 1);
          continue;
        }
      g_ptr_array_add (kept, parts[i]);
    }
  g_ptr_array_add (kept, NULL);

  joined = g_strjoinv ("/", (char **) kept->pdata);
  full = g_build_filename (self->base_dir, joined, NULL);

  if (g_access (full, R_OK) != 0)
    {
      int saved_errno = errno;

      error_at (self, node, "cannot read geometry file \"%s\": %s", relative, g_strerror (saved_errno));
      return NULL;
    }

  real = realpath (full, NULL);
  real_base = realpath (self->base_dir, NULL);
  if (real == NULL || real_base == NULL ||
      !g_str_has_prefix (real, real_base) || real[strlen (real_base)] != '/')
    {
      error_at (self, node, "geometry path \"%s\" leaves the event file's folder", relative);
      return NULL;
    }

  return g_steal_pointer (&full);
}

static MerGeometry *
load_geometry_file (Loader     *self,
                    JsonNode   *node,
                    const char *relative)
{
  g_autoptr(MerJsonReader) reader = NULL;
  g_autoptr(MerGeometry) geometry = NULL;
  g_autofree char *full = NULL;
  g_autofree char *display = NULL;
  g_autoptr(GString) saved_path = NULL;
  MerJsonReader *saved_reader;
  gboolean ok;

  full = resolve_geometry_path (self, node, relative);
  if (full == NULL)
    return NULL;

  display = g_str_equal (self->display_dir, ".") ? g_strdup (relative)
                                                 : g_build_filename (self->display_dir, relative, NULL);
  reader = mer_json_reader_new (display, self->diagnostics);
  if (!mer_json_reader_load_file (reader, full, MER_LOADER_MAX_FILE_SIZE, NULL))
    {
      /* The geometry file's own messages say what is wrong with it. */
      error_at (self, node, "geometry file \"%s\" has errors", relative);
      return NULL;
    }

  /* Messages about the geometry point into its own file. */
  saved_reader = self->reader;
  saved_path = self->path;
  self->reader = reader;
  self->path = g_string_new (NULL);

  geometry = mer_geometry_new ();
  ok = convert_geojson (self, mer_json_reader_get_root (reader), geometry, FALSE);

  g_string_free (self->path, TRUE);
  self->path = g_steal_pointer (&saved_path);
  self->reader = saved_reader;

  if (!ok)
    {
      error_at (self, node, "geometry file \"%s\" has errors", relative);
      return NULL;
    }

  return g_steal_pointer (&geometry);
}

/* Items */

static void
convert_category (Loader   *self,
                  JsonNode *node)
{
  g_autoptr(MerCategory) category = NULL;
  JsonObject *object = expect_object (self, node);
  const char *id;

  if (object == NULL)
    return;

  check_members (self, object, category_members);
  category = mer_category_new ();
  category->line = mer_json_reader_get_line (self->reader, node);
  id = read_id (self, object, node, self->category_ids, "category", (gpointer) mer_category_get_line);
  category->name = dup_string (self, object, node, "name", TRUE);
  category->description = dup_string (self, object, node, "description", FALSE);
  category->color = read_color (self, object, node);

  if (id == NULL)
    return;

  category->id = g_strdup (id);
  g_hash_table_insert (self->category_ids, category->id, category);
  g_ptr_array_add (self->categories, g_steal_pointer (&category));
}

static void
read_names (Loader     *self,
            JsonObject *object,
            MerRegion  *region)
{
  JsonNode *node = json_object_get_member (object, "names");
  g_autoptr(GList) langs = NULL;
  JsonObject *names;
  gsize length;

  if (node == NULL)
    return;

  length = path_push_member (self, "names");
  names = expect_object (self, node);
  if (names != NULL)
    {
      langs = json_object_get_members (names);
      region->names = g_new0 (MerName, MAX (g_list_length (langs), 1));

      for (const GList *l = langs; l != NULL; l = l->next)
        {
          const char *text;

          if (read_string (self, names, node, l->data, TRUE, &text))
            {
              region->names[region->n_names].lang = g_strdup (l->data);
              region->names[region->n_names].text = g_strdup (text);
              region->n_names++;
            }
        }
    }
  path_pop (self, length);
}

static void
read_sources (Loader      *self,
              JsonObject  *object,
              JsonNode    *object_node,
              MerSource  **sources,
              guint       *n_sources)
{
  JsonArray *array = read_array (self, object, object_node, "sources", FALSE);
  guint n;
  gsize length;

  if (array == NULL)
    return;

  n = json_array_get_length (array);
  *sources = g_new0 (MerSource, MAX (n, 1));

  length = path_push_member (self, "sources");
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gsize l = path_push_index (self, i);
      JsonObject *source = expect_object (self, node);

      if (source != NULL)
        {
          MerSource *s = &(*sources)[*n_sources];
          const char *url;

          check_members (self, source, source_members);
          s->title = dup_string (self, source, node, "title", TRUE);
          if (read_string (self, source, node, "url", FALSE, &url) && url != NULL)
            {
              g_autofree char *scheme = g_uri_parse_scheme (url);

              if (scheme == NULL ||
                  !(g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0 ||
                    g_ascii_strcasecmp (scheme, "mailto") == 0))
                {
                  gsize lu = path_push_member (self, "url");

                  mer_json_reader_warning (self->reader, json_object_get_member (source, "url"), self->path->str,
                                           "\"%s\" is not an http, https or mailto link; Meridian will not open it",
                                           url);
                  path_pop (self, lu);
                }
              s->url = g_strdup (url);
            }
          if (s->title != NULL)
            (*n_sources)++;
          else
            g_clear_pointer (&s->url, g_free);
        }
      path_pop (self, l);
    }
  path_pop (self, length);
}

/* A region's outline: the path of a GeoJSON file, or GeoJSON inline. */
static MerGeometry *
read_geometry (Loader    *self,
               JsonNode  *geometry,
               char     **path)
{
  g_autoptr(MerGeometry) result = NULL;
  gsize length = path_push_member (self, "geometry");

  if (JSON_NODE_HOLDS_VALUE (geometry) && json_node_get_value_type (geometry) == G_TYPE_STRING)
    {
      if (path != NULL)
        *path = g_strdup (json_node_get_string (geometry));
      result = load_geometry_file (self, geometry, json_node_get_string (geometry));
    }
  else if (JSON_NODE_HOLDS_OBJECT (geometry))
    {
      g_autoptr(MerGeometry) inline_geometry = mer_geometry_new ();

      if (convert_geojson (self, geometry, inline_geometry, TRUE))
        result = g_steal_pointer (&inline_geometry);
    }
  else
    type_error (self, geometry, "a GeoJSON Polygon or MultiPolygon, or the path of a GeoJSON file");
  path_pop (self, length);

  return g_steal_pointer (&result);
}

/* claimed_by: one name, or a list of names. */
static char **
read_claimants (Loader     *self,
                JsonObject *object)
{
  JsonNode *node = json_object_get_member (object, "claimed_by");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gsize length;

  if (node == NULL)
    return NULL;

  length = path_push_member (self, "claimed_by");
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    g_strv_builder_add (builder, json_node_get_string (node));
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          gsize l = path_push_index (self, i);

          if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
            g_strv_builder_add (builder, json_node_get_string (element));
          else
            type_error (self, element, "a string");
          path_pop (self, l);
        }
    }
  else
    type_error (self, node, "a string or an array of strings");
  path_pop (self, length);

  return g_strv_builder_end (builder);
}

static int
compare_periods (gconstpointer a,
                 gconstpointer b)
{
  const MerRegionPeriod *pa = a, *pb = b;

  return mer_date_compare (&pa->start, &pb->start);
}

static void
convert_region_history (Loader     *self,
                        JsonObject *object,
                        JsonNode   *object_node,
                        MerRegion  *region)
{
  JsonArray *array = read_array (self, object, object_node, "history", FALSE);
  g_autoptr(GArray) periods = NULL;
  g_autoptr(GArray) nodes = NULL;
  gsize length;

  if (array == NULL)
    return;

  periods = g_array_new (FALSE, TRUE, sizeof (MerRegionPeriod));
  nodes = g_array_new (FALSE, FALSE, sizeof (guint));
  length = path_push_member (self, "history");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gsize l = path_push_index (self, i);
      JsonObject *period_object = expect_object (self, node);
      MerRegionPeriod period = { 0 };
      const char *status;
      JsonNode *geometry;
      gboolean ok;

      if (period_object == NULL)
        {
          path_pop (self, l);
          continue;
        }

      check_members (self, period_object, period_members);
      ok = read_date (self, period_object, node, "start", TRUE, &period.start);
      if (json_object_has_member (period_object, "end"))
        {
          period.has_end = read_date (self, period_object, node, "end", FALSE, &period.end);
          ok &= period.has_end && check_date_order (self, period_object, "start", &period.start, "end", &period.end);
        }
      period.held_by = dup_string (self, period_object, node, "held_by", FALSE);
      period.claimed_by = read_claimants (self, period_object);
      period.description = dup_string (self, period_object, node, "description", FALSE);
      read_sources (self, period_object, node, &period.sources, &period.n_sources);
      if (read_string (self, period_object, node, "status", TRUE, &status) && status != NULL &&
          !mer_region_status_from_string (status, &period.status))
        {
          gsize ls = path_push_member (self, "status");

          error_at (self, json_object_get_member (period_object, "status"),
                    "\"%s\" is not a region status (expected undisputed, disputed, occupied, annexed or settled)",
                    status);
          path_pop (self, ls);
          ok = FALSE;
        }
      geometry = json_object_get_member (period_object, "geometry");
      if (geometry != NULL)
        period.geometry = read_geometry (self, geometry, NULL);

      g_array_append_val (periods, period);
      g_array_append_val (nodes, i);
      if (!ok)
        g_array_index (nodes, guint, nodes->len - 1) = G_MAXUINT;
      path_pop (self, l);
    }

  /* Periods in time order; two that overlap leave the region's status at
   * some date undecided. Only periods whose dates were read are compared. */
  for (guint i = 0; i < periods->len; i++)
    for (guint j = i + 1; j < periods->len; j++)
      {
        MerRegionPeriod *a = &g_array_index (periods, MerRegionPeriod, i);
        MerRegionPeriod *b = &g_array_index (periods, MerRegionPeriod, j);
        guint ia = g_array_index (nodes, guint, i), ib = g_array_index (nodes, guint, j);
        gint64 a_end, b_end;

        if (ia == G_MAXUINT || ib == G_MAXUINT)
          continue;
        /* One period may begin on the day the other ends: the handover. */
        a_end = a->has_end ? mer_date_first_second (&a->end) : G_MAXINT64;
        b_end = b->has_end ? mer_date_first_second (&b->end) : G_MAXINT64;
        if (mer_date_first_second (&a->start) < b_end && mer_date_first_second (&b->start) < a_end)
          {
            JsonNode *later = json_array_get_element (array, MAX (ia, ib));
            g_autofree char *start_text = mer_date_to_iso (ia < ib ? &a->start : &b->start);
            gsize lp = path_push_index (self, MAX (ia, ib));
            gsize ls = path_push_member (self, "start");

            error_at (self, json_object_get_member (json_node_get_object (later), "start"),
                      "this period overlaps history[%u], which starts on \"%s\"", MIN (ia, ib), start_text);
            path_pop (self, ls);
            path_pop (self, lp);
          }
      }
  path_pop (self, length);

  g_array_sort (periods, compare_periods);
  region->n_periods = periods->len;
  region->periods = (MerRegionPeriod *) (gpointer) g_array_free (g_steal_pointer (&periods), FALSE);
}

static void
convert_region (Loader   *self,
                JsonNode *node)
{
  g_autoptr(MerRegion) region = NULL;
  JsonObject *object = expect_object (self, node);
  const char *status;
  const char *id;
  JsonNode *geometry;

  if (object == NULL)
    return;

  check_members (self, object, region_members);
  region = mer_region_new ();
  region->line = mer_json_reader_get_line (self->reader, node);
  id = read_id (self, object, node, self->region_ids, "region", (gpointer) mer_region_get_line);
  region->name = dup_string (self, object, node, "name", TRUE);
  region->description = dup_string (self, object, node, "description", FALSE);
  region->color = read_color (self, object, node);
  read_names (self, object, region);

  if (read_string (self, object, node, "status", FALSE, &status) && status != NULL &&
      !mer_region_status_from_string (status, &region->status))
    {
      gsize length = path_push_member (self, "status");

      error_at (self, json_object_get_member (object, "status"),
                "\"%s\" is not a region status (expected undisputed, disputed, occupied, annexed or settled)", status);
      path_pop (self, length);
    }

  geometry = get_member (self, object, node, "geometry", TRUE);
  if (geometry != NULL)
    region->geometry = read_geometry (self, geometry, &region->geometry_path);
  convert_region_history (self, object, node, region);

  if (id == NULL)
    return;

  region->id = g_strdup (id);
  g_hash_table_insert (self->region_ids, region->id, region);
  g_ptr_array_add (self->regions, g_steal_pointer (&region));
}

static void
convert_era (Loader   *self,
             JsonNode *node)
{
  g_autoptr(MerEra) era = NULL;
  JsonObject *object = expect_object (self, node);
  const char *id;
  gboolean dates_ok;

  if (object == NULL)
    return;

  check_members (self, object, era_members);
  era = mer_era_new ();
  era->line = mer_json_reader_get_line (self->reader, node);
  id = read_id (self, object, node, self->era_ids, "era", (gpointer) mer_era_get_line);
  era->title = dup_string (self, object, node, "title", TRUE);
  era->description = dup_string (self, object, node, "description", FALSE);
  era->color = read_color (self, object, node);
  dates_ok = read_date (self, object, node, "start", TRUE, &era->start);
  dates_ok &= read_date (self, object, node, "end", TRUE, &era->end);
  if (dates_ok)
    check_date_order (self, object, "start", &era->start, "end", &era->end);

  if (id == NULL)
    return;

  era->id = g_strdup (id);
  g_hash_table_insert (self->era_ids, era->id, era);
  g_ptr_array_add (self->eras, g_steal_pointer (&era));
}

static void
read_places (Loader     *self,
             JsonObject *object,
             JsonNode   *object_node,
             MerEvent   *event)
{
  JsonArray *array = read_array (self, object, object_node, "places", FALSE);
  guint n;
  gsize length;

  if (array == NULL)
    return;

  n = json_array_get_length (array);
  event->draft->places = g_new0 (MerPlace, MAX (n, 1));

  length = path_push_member (self, "places");
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gsize l = path_push_index (self, i);
      JsonObject *place = expect_object (self, node);

      if (place != NULL)
        {
          MerPlace *p = &event->draft->places[event->n_places];
          gboolean ok;

          check_members (self, place, place_members);
          p->name = dup_string (self, place, node, "name", FALSE);
          ok = read_number (self, place, node, "lat", TRUE, -90, 90, &p->lat);
          ok &= read_number (self, place, node, "lon", TRUE, -180, 180, &p->lon);
          if (ok)
            event->n_places++;
          else
            g_clear_pointer (&p->name, g_free);
        }
      path_pop (self, l);
    }
  path_pop (self, length);
}

static void
read_tags (Loader     *self,
           JsonObject *object,
           JsonNode   *object_node,
           MerEvent   *event)
{
  JsonArray *array = read_array (self, object, object_node, "tags", FALSE);
  g_autoptr(GStrvBuilder) tags = NULL;
  gsize length;

  if (array == NULL)
    return;

  tags = g_strv_builder_new ();
  length = path_push_member (self, "tags");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        g_strv_builder_add (tags, json_node_get_string (node));
      else
        {
          gsize l = path_push_index (self, i);

          type_error (self, node, "a string");
          path_pop (self, l);
        }
    }
  path_pop (self, length);

  event->draft->tags = g_strv_builder_end (tags);
}

static void
convert_event (Loader   *self,
               JsonNode *node)
{
  g_autoptr(MerEvent) event = NULL;
  JsonObject *object = expect_object (self, node);
  JsonNode *member;
  const char *id;
  double importance;
  gboolean circa = FALSE;
  guint n_sources = 0;
  MerView view;

  if (object == NULL)
    return;

  check_members (self, object, event_members);
  event = mer_event_new ();
  event->line = mer_json_reader_get_line (self->reader, node);
  id = read_id (self, object, node, self->event_ids, "event", (gpointer) mer_event_get_line);
  event->draft->title = dup_string (self, object, node, "title", TRUE);
  event->draft->summary = dup_string (self, object, node, "summary", FALSE);
  event->draft->date_label = dup_string (self, object, node, "date_label", FALSE);

  if (read_date (self, object, node, "start", TRUE, &event->start) &&
      read_date (self, object, node, "end", FALSE, &event->draft->end) &&
      check_date_order (self, object, "start", &event->start, "end", &event->draft->end))
    event->has_end = TRUE;

  if (read_boolean (self, object, "circa", &circa))
    event->circa = circa;

  member = json_object_get_member (object, "category");
  if (member != NULL)
    {
      gsize length = path_push_member (self, "category");

      add_reference (self, REF_CATEGORY, member, (gpointer *) &event->category);
      path_pop (self, length);
    }

  read_places (self, object, node, event);
  event->n_regions = read_references (self, object, node, "regions", &event->regions);
  read_sources (self, object, node, &event->draft->sources, &n_sources);
  event->n_sources = (guint16) MIN (n_sources, G_MAXUINT16);
  read_tags (self, object, node, event);

  member = json_object_get_member (object, "importance");
  if (member != NULL)
    {
      gsize length = path_push_member (self, "importance");

      if (check_number (self, member, 1, 5, &importance))
        {
          if (importance != floor (importance))
            {
              g_autofree char *text = mer_json_reader_dup_text (self->reader, member);

              error_at (self, member, "%s is not a whole number (expected 1 to 5)", text);
            }
          else
            event->importance = (guint8) importance;
        }
      path_pop (self, length);
    }

  if (read_view (self, object, &view))
    mer_event_set_view (event, &view);

  if (id == NULL)
    return;

  event->draft->id = g_strdup (id);
  mer_event_pack (event);
  g_hash_table_insert (self->event_ids, (gpointer) mer_event_get_id (event), event);
  g_ptr_array_add (self->events, g_steal_pointer (&event));
}

/* A point of view is named as Natural Earth names its files' suffixes;
 * which ones the base map has is the painter's business, so that a story
 * is valid whatever the base map's version. */
static gboolean
pov_id_is_valid (const char *id)
{
  for (guint i = 0; i < 3; i++)
    if (!g_ascii_islower (id[i]))
      return FALSE;
  return id[3] == '\0';
}

static MerSlide *
convert_slide (Loader   *self,
               JsonNode *node)
{
  g_autoptr(MerSlide) slide = NULL;
  JsonObject *object = expect_object (self, node);
  JsonNode *member;

  if (object == NULL)
    return NULL;

  check_members (self, object, slide_members);
  slide = mer_slide_new ();
  slide->line = mer_json_reader_get_line (self->reader, node);
  slide->caption = dup_string (self, object, node, "caption", FALSE);
  slide->notes = dup_string (self, object, node, "notes", FALSE);
  slide->pov = dup_string (self, object, node, "pov", FALSE);
  if (slide->pov != NULL && !pov_id_is_valid (slide->pov))
    {
      gsize length = path_push_member (self, "pov");

      error_at (self, json_object_get_member (object, "pov"),
                "\"%s\" is not a point of view: three lowercase letters, as \"jpn\"", slide->pov);
      path_pop (self, length);
    }
  slide->has_view = read_view (self, object, &slide->view);
  slide->n_regions = read_references (self, object, node, "regions", &slide->regions);

  member = json_object_get_member (object, "event");
  if (member != NULL)
    {
      gsize length = path_push_member (self, "event");

      add_reference (self, REF_EVENT, member, (gpointer *) &slide->event);
      path_pop (self, length);
    }
  else if (json_object_get_member (object, "view") == NULL)
    error_at (self, node, "a slide needs an \"event\", a \"view\" or both");

  member = json_object_get_member (object, "time");
  if (member != NULL)
    {
      gsize length = path_push_member (self, "time");
      JsonObject *time = expect_object (self, member);

      if (time != NULL)
        {
          gboolean ok;

          check_members (self, time, time_members);
          ok = read_date (self, time, member, "start", TRUE, &slide->time_start);
          ok &= read_date (self, time, member, "end", TRUE, &slide->time_end);
          if (ok && check_date_order (self, time, "start", &slide->time_start, "end", &slide->time_end))
            slide->has_time = TRUE;
        }
      path_pop (self, length);
    }

  return g_steal_pointer (&slide);
}

static void
convert_briefing (Loader   *self,
                  JsonNode *node)
{
  g_autoptr(MerBriefing) briefing = NULL;
  JsonObject *object = expect_object (self, node);
  JsonArray *slides;
  const char *id;

  if (object == NULL)
    return;

  check_members (self, object, briefing_members);
  briefing = mer_briefing_new ();
  briefing->line = mer_json_reader_get_line (self->reader, node);
  id = read_id (self, object, node, self->briefing_ids, "briefing", (gpointer) mer_briefing_get_line);
  briefing->title = dup_string (self, object, node, "title", TRUE);
  briefing->description = dup_string (self, object, node, "description", FALSE);

  slides = read_array (self, object, node, "slides", TRUE);
  if (slides != NULL)
    {
      gsize length = path_push_member (self, "slides");

      if (json_array_get_length (slides) == 0)
        error_at (self, json_object_get_member (object, "slides"), "a briefing needs at least one slide");

      for (guint i = 0; i < json_array_get_length (slides); i++)
        {
          gsize l = path_push_index (self, i);
          MerSlide *slide = convert_slide (self, json_array_get_element (slides, i));

          if (slide != NULL)
            g_ptr_array_add (briefing->slides, slide);
          path_pop (self, l);
        }
      path_pop (self, length);
    }

  if (id == NULL)
    return;

  briefing->id = g_strdup (id);
  g_hash_table_insert (self->briefing_ids, briefing->id, briefing);
  g_ptr_array_add (self->briefings, g_steal_pointer (&briefing));
}

/* Streaming */

typedef void (*ConvertFunc) (Loader   *self,
                             JsonNode *node);

static ConvertFunc
converter_for (const char *array_name)
{
  if (g_str_equal (array_name, "events"))
    return convert_event;
  if (g_str_equal (array_name, "regions"))
    return convert_region;
  if (g_str_equal (array_name, "categories"))
    return convert_category;
  if (g_str_equal (array_name, "eras"))
    return convert_era;
  if (g_str_equal (array_name, "briefings"))
    return convert_briefing;
  return NULL;
}

static void
convert_element (Loader      *self,
                 ConvertFunc  convert,
                 const char  *array_name,
                 guint        index,
                 JsonNode    *node)
{
  gsize length = path_push_member (self, array_name);

  path_push_index (self, index);
  convert (self, node);
  path_pop (self, length);
}

static void
on_element (MerJsonReader *reader,
            const char    *array_name,
            guint          index,
            JsonNode      *node,
            gpointer       user_data)
{
  Loader *self = user_data;
  ConvertFunc convert = converter_for (array_name);

  if (convert != NULL)
    convert_element (self, convert, array_name, index, node);
}

static void
on_member (MerJsonReader *reader,
           const char    *name,
           JsonNode      *node,
           gpointer       user_data)
{
  Loader *self = user_data;
  ConvertFunc convert = converter_for (name);
  gsize length;

  if (convert != NULL)
    {
      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          length = path_push_member (self, name);
          type_error (self, node, "an array");
          path_pop (self, length);
          return;
        }

      /* The reader has handed the elements over one by one already: the
       * array is empty here unless a reader is used without streaming. */
      for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
        convert_element (self, convert, name, i, json_array_get_element (json_node_get_array (node), i));
      return;
    }

  length = path_push_member (self, name);
  if (g_str_equal (name, "meridian"))
    {
      self->has_version = TRUE;
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
        type_error (self, node, "an integer");
      else if (json_node_get_int (node) != MER_FORMAT_VERSION)
        error_at (self, node, "unsupported version %" G_GINT64_FORMAT " (this Meridian reads version %d)",
                  json_node_get_int (node), MER_FORMAT_VERSION);
    }
  else if (g_str_equal (name, "view"))
    self->has_view = convert_view (self, node, &self->view);
  else if (g_str_equal (name, "revised"))
    {
      g_autoptr(GError) error = NULL;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        type_error (self, node, "a date");
      else if (!mer_date_parse (json_node_get_string (node), &self->revised, &error))
        error_at (self, node, "\"%s\" is not a valid date (%s)", json_node_get_string (node), error->message);
      else
        self->has_revised = TRUE;
    }
  else if (g_strv_contains (root_members, name))
    {
      char **field = g_str_equal (name, "title") ? &self->title :
                     g_str_equal (name, "subtitle") ? &self->subtitle :
                     g_str_equal (name, "description") ? &self->description : &self->attribution;

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        {
          g_free (*field);
          *field = g_strdup (json_node_get_string (node));
        }
      else
        type_error (self, node, "a string");
    }
  else
    {
      const char *closest = NULL;

      for (guint i = 0; root_members[i] != NULL && closest == NULL; i++)
        if (edit_distance (name, root_members[i]) <= 2)
          closest = root_members[i];

      if (closest != NULL)
        mer_json_reader_member_warning (self->reader, node, self->path->str,
                                        "unknown member \"%s\" (did you mean \"%s\"?)", name, closest);
      else
        mer_json_reader_member_warning (self->reader, node, self->path->str, "unknown member \"%s\"", name);
    }
  path_pop (self, length);
}

static void
pending_ref_clear (gpointer data)
{
  PendingRef *ref = data;

  g_free (ref->id);
  g_free (ref->path);
}

static void
loader_clear (Loader *self)
{
  g_string_free (self->path, TRUE);
  g_ptr_array_unref (self->categories);
  g_ptr_array_unref (self->regions);
  g_ptr_array_unref (self->eras);
  g_ptr_array_unref (self->events);
  g_ptr_array_unref (self->briefings);
  g_hash_table_unref (self->category_ids);
  g_hash_table_unref (self->region_ids);
  g_hash_table_unref (self->era_ids);
  g_clear_pointer (&self->event_ids, g_hash_table_unref);
  g_hash_table_unref (self->briefing_ids);
  g_array_unref (self->pending);
  g_free (self->base_dir);
  g_free (self->display_dir);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->description);
  g_free (self->attribution);
}

static MerDocument *load (const char            *path,
                          const char            *display_name,
                          const char            *text,
                          gsize                  length,
                          GPtrArray             *diagnostics,
                          MerLoaderProgressFunc  progress_func,
                          gpointer               user_data,
                          GCancellable          *cancellable,
                          GError               **error);

/**
 * mer_loader_load_file:
 * @path: the event file
 * @display_name: (nullable): the file's name in messages, as the user wrote
 *   it; @path if %NULL
 * @diagnostics: (element-type MerDiagnostic): receives every error and
 *   warning, sorted by position
 * @error: a #MER_LOADER_ERROR saying why the file was not loaded
 *
 * Reads an event file in format v1. Warnings do not stop a file from loading;
 * any error does, and all of them are reported, not only the first.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL on error
 */
MerDocument *
mer_loader_load_file (const char  *path,
                      const char  *display_name,
                      GPtrArray   *diagnostics,
                      GError     **error)
{
  return mer_loader_load_file_full (path, display_name, diagnostics, NULL, NULL, NULL, error);
}

/**
 * mer_loader_load_file_full:
 * @progress_func: (nullable): called now and then, from the calling thread,
 *   with how much of the load is done
 * @cancellable: (nullable): cancels the load; it then fails soon after with
 *   %G_IO_ERROR_CANCELLED (it is checked every few megabytes of the scan and
 *   before each element is converted)
 *
 * Like mer_loader_load_file(), for loading in a worker thread.
 */
MerDocument *
mer_loader_load_file_full (const char            *path,
                           const char            *display_name,
                           GPtrArray             *diagnostics,
                           MerLoaderProgressFunc  progress_func,
                           gpointer               user_data,
                           GCancellable          *cancellable,
                           GError               **error)
{
  return load (path, display_name, NULL, 0, diagnostics, progress_func, user_data, cancellable, error);
}

/**
 * mer_loader_load_data:
 * @path: where the text is (or will be) stored: relative geometry paths
 *   are read from its folder, and it is the document's file
 * @display_name: (nullable): the file's name in messages; @path if %NULL
 * @text: the story's text
 * @length: its length in bytes
 * @diagnostics: (element-type MerDiagnostic): receives every error and
 *   warning, sorted by position
 *
 * Like mer_loader_load_file(), for a story held in memory, such as one
 * being edited.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL on error
 */
MerDocument *
mer_loader_load_data (const char  *path,
                      const char  *display_name,
                      const char  *text,
                      gsize        length,
                      GPtrArray   *diagnostics,
                      GError     **error)
{
  g_return_val_if_fail (text != NULL, NULL);

  return load (path, display_name, text, length, diagnostics, NULL, NULL, NULL, error);
}

static MerDocument *
load (const char            *path,
      const char            *display_name,
      const char            *text,
      gsize                  length,
      GPtrArray             *diagnostics,
      MerLoaderProgressFunc  progress_func,
      gpointer               user_data,
      GCancellable          *cancellable,
      GError               **error)
{
  g_autoptr(MerJsonReader) reader = NULL;
  g_autoptr(GFile) file = NULL;
  MerDocument *document = NULL;
  Loader self = { 0 };
  JsonNode *root;
  guint n_errors;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (diagnostics != NULL, NULL);

  if (display_name == NULL)
    display_name = path;

  self.path = g_string_new (NULL);
  self.categories = g_ptr_array_new_with_free_func (g_object_unref);
  self.regions = g_ptr_array_new_with_free_func (g_object_unref);
  self.eras = g_ptr_array_new_with_free_func (g_object_unref);
  self.events = g_ptr_array_new_with_free_func (g_object_unref);
  self.briefings = g_ptr_array_new_with_free_func (g_object_unref);
  self.category_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self.region_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self.era_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self.event_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self.briefing_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self.pending = g_array_new (FALSE, FALSE, sizeof (PendingRef));
  g_array_set_clear_func (self.pending, pending_ref_clear);
  self.base_dir = g_path_get_dirname (path);
  self.display_dir = g_path_get_dirname (display_name);
  self.diagnostics = diagnostics;

  reader = mer_json_reader_new (display_name, diagnostics);
  self.reader = reader;
  mer_json_reader_set_streaming (reader, on_member, on_element, &self);
  mer_json_reader_set_progress (reader, progress_func, user_data, cancellable);

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !(text != NULL ? mer_json_reader_load_data (reader, text, length, error)
                     : mer_json_reader_load_file (reader, path, MER_LOADER_MAX_FILE_SIZE, error)))
    goto out;

  root = mer_json_reader_get_root (reader);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    error_at (&self, root, "the top level must be an object, found %s", mer_json_describe_node (root));
  else
    {
      if (!self.has_version)
        error_at (&self, root, "missing required member \"meridian\" (the format version, 1)");
      resolve_references (&self);
    }

  n_errors = mer_diagnostics_count (diagnostics, MER_SEVERITY_ERROR);
  if (mer_json_reader_get_n_errors (reader) > 0 || n_errors > 0)
    {
      g_set_error (error, MER_LOADER_ERROR, MER_LOADER_ERROR_INVALID,
                   "%s has %u error%s", display_name, n_errors, n_errors == 1 ? "" : "s");
      goto out;
    }

  /* The references are resolved, and the document indexes the ids again:
   * the two tables need not be held at once. */
  g_clear_pointer (&self.event_ids, g_hash_table_unref);

  file = g_file_new_for_path (path);
  document = mer_document_new (file);
  mer_document_set_text (document, self.title, self.subtitle, self.description, self.attribution);
  mer_document_set_revised (document, self.has_revised ? &self.revised : NULL);
  mer_document_set_view (document, self.has_view ? &self.view : NULL);
  mer_document_finish (document, self.categories, self.regions, self.eras, self.events, self.briefings);

out:
  mer_diagnostics_sort (diagnostics);
  loader_clear (&self);
  return document;
}

/* Async loading */

/* Carries one job's progress from the loading thread to the caller's main
 * context. The loading thread only stores the latest fraction and schedules
 * one idle at a time, so a slow main loop sees fewer, later values, never an
 * older one after a newer. */
typedef struct {
  gatomicrefcount        ref_count;
  GMutex                 mutex;
  double                 latest;      /* under mutex */
  gboolean               scheduled;   /* under mutex */
  double                 delivered;   /* on the context only */

  /* Owned */
  GMainContext          *context;
  gpointer               data;
  GDestroyNotify         destroy;

  MerLoaderProgressFunc  func;
} ProgressRelay;

static ProgressRelay *
progress_relay_ref (ProgressRelay *relay)
{
  g_atomic_ref_count_inc (&relay->ref_count);
  return relay;
}

static void
progress_relay_unref (ProgressRelay *relay)
{
  if (!g_atomic_ref_count_dec (&relay->ref_count))
    return;

  if (relay->destroy != NULL)
    relay->destroy (relay->data);
  g_main_context_unref (relay->context);
  g_mutex_clear (&relay->mutex);
  g_free (relay);
}

static gboolean
progress_relay_deliver (gpointer user_data)
{
  ProgressRelay *relay = user_data;
  double fraction;

  g_mutex_lock (&relay->mutex);
  fraction = relay->latest;
  relay->scheduled = FALSE;
  g_mutex_unlock (&relay->mutex);

  if (fraction > relay->delivered)
    {
      relay->delivered = fraction;
      relay->func (fraction, relay->data);
    }

  return G_SOURCE_REMOVE;
}

/* Called on the loading thread. */
static void
progress_relay_post (double   fraction,
                     gpointer user_data)
{
  ProgressRelay *relay = user_data;
  gboolean schedule = FALSE;

  g_mutex_lock (&relay->mutex);
  if (fraction > relay->latest)
    {
      relay->latest = fraction;
      schedule = !relay->scheduled;
      relay->scheduled = TRUE;
    }
  g_mutex_unlock (&relay->mutex);

  /* At the default priority, like the task's own return, and attached
   * before it: every value reaches the caller before the callback does. */
  if (schedule)
    {
      g_autoptr(GSource) source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, progress_relay_deliver, progress_relay_ref (relay),
                             (GDestroyNotify) progress_relay_unref);
      g_source_set_static_name (source, "[meridian] load progress");
      g_source_attach (source, relay->context);
    }
}

typedef struct {
  char          *path;
  char          *display_name;
  GPtrArray     *diagnostics;
  ProgressRelay *relay;
} LoadJob;

static gboolean
progress_relay_release (gpointer user_data)
{
  progress_relay_unref (user_data);
  return G_SOURCE_REMOVE;
}

static void
load_job_free (gpointer data)
{
  LoadJob *job = data;

  g_free (job->path);
  g_free (job->display_name);
  g_ptr_array_unref (job->diagnostics);
  /* The task may end its life on the loading thread; the progress data is
   * the caller's, so it is freed on the caller's context. */
  if (job->relay != NULL)
    g_main_context_invoke (job->relay->context, progress_relay_release, job->relay);
  g_free (job);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LoadJob *job = task_data;
  GError *error = NULL;
  MerDocument *document;

  document = mer_loader_load_file_full (job->path, job->display_name, job->diagnostics,
                                        job->relay != NULL ? progress_relay_post : NULL, job->relay,
                                        cancellable, &error);
  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

/**
 * mer_loader_load_file_async:
 * @path: the event file
 * @display_name: (nullable): the file's name in messages; @path if %NULL
 * @cancellable: (nullable): stops the load soon after it is cancelled
 * @progress_func: (nullable): called on the thread-default main context of
 *   the caller with how much of the load is done; the values only grow, and
 *   all of them arrive before @callback
 * @progress_data: passed to @progress_func
 * @progress_data_destroy: (nullable): frees @progress_data once the job is done
 * @callback: called on the same main context when the load has ended
 *
 * Loads an event file like mer_loader_load_file(), in a worker thread. Each
 * call is a job of its own, with its own progress; any number may run at
 * once. Call mer_loader_load_file_finish() from @callback.
 */
void
mer_loader_load_file_async (const char            *path,
                            const char            *display_name,
                            GCancellable          *cancellable,
                            MerLoaderProgressFunc  progress_func,
                            gpointer               progress_data,
                            GDestroyNotify         progress_data_destroy,
                            GAsyncReadyCallback    callback,
                            gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadJob *job;

  g_return_if_fail (path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = g_new0 (LoadJob, 1);
  job->path = g_strdup (path);
  job->display_name = g_strdup (display_name != NULL ? display_name : path);
  job->diagnostics = mer_diagnostics_new ();
  if (progress_func != NULL)
    {
      job->relay = g_new0 (ProgressRelay, 1);
      g_atomic_ref_count_init (&job->relay->ref_count);
      g_mutex_init (&job->relay->mutex);
      job->relay->context = g_main_context_ref_thread_default ();
      job->relay->func = progress_func;
      job->relay->data = progress_data;
      job->relay->destroy = progress_data_destroy;
    }
  else if (progress_data_destroy != NULL)
    progress_data_destroy (progress_data);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mer_loader_load_file_async);
  g_task_set_task_data (task, job, load_job_free);
  g_task_run_in_thread (task, load_in_thread);
}

/**
 * mer_loader_load_file_finish:
 * @diagnostics: (out) (optional) (transfer full) (element-type MerDiagnostic):
 *   every error and warning of the load, sorted by position; empty when the
 *   load was cancelled
 * @error: a #MER_LOADER_ERROR, or %G_IO_ERROR_CANCELLED
 *
 * Returns: (transfer full) (nullable): the document, or %NULL on error
 */
MerDocument *
mer_loader_load_file_finish (GAsyncResult  *result,
                             GPtrArray    **diagnostics,
                             GError       **error)
{
  GTask *task = G_TASK (result);
  g_autoptr(GError) local_error = NULL;
  MerDocument *document;
  LoadJob *job;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (task) == mer_loader_load_file_async, NULL);

  job = g_task_get_task_data (task);
  document = g_task_propagate_pointer (task, &local_error);
  if (diagnostics != NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        *diagnostics = mer_diagnostics_new ();
      else
        *diagnostics = g_ptr_array_ref (job->diagnostics);
    }
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));

  return document;
}

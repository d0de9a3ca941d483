/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-import"

#include "config.h"

#include "mer-import.h"

#include "mer-diagnostic.h"
#include "mer-document-private.h"
#include "mer-import-private.h"
#include "mer-loader.h"

#include <string.h>

#include <glib/gstdio.h>

/* Finds a file's format from its content, never its name: people rename
 * exports, and a .json may hold any of four formats. Meridian's own stories
 * go to the loader untouched, so their messages stay the loader's. */

typedef enum {
  KIND_UNKNOWN,
  KIND_MERIDIAN,
  KIND_TIMELINEJS,
  KIND_TIMELINEJS2,
  KIND_GEOJSON,
  KIND_GEOJSON_GEOMETRY,
  KIND_STORYMAPJS,
  KIND_STORYMAPJS_GIGAPIXEL,
} Kind;

G_DEFINE_QUARK (mer-import-error-quark, mer_import_error)

static gboolean
is_object_member (JsonObject *object,
                  const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node);
}

static gboolean
is_array_member (JsonObject *object,
                 const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node);
}

/* Whether some element of the array @name is an object with member @member. */
static gboolean
any_element_has (JsonObject *object,
                 const char *name,
                 const char *member)
{
  JsonArray *array;

  if (!is_array_member (object, name))
    return FALSE;

  array = json_object_get_array_member (object, name);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_OBJECT (element) && json_object_has_member (json_node_get_object (element), member))
        return TRUE;
    }

  return FALSE;
}

static Kind
sniff_json (JsonNode *root)
{
  static const char * const meridian_members[] = {
    "title", "subtitle", "description", "attribution", "view", "categories", "regions", "eras", "events",
    "briefings", NULL
  };
  JsonObject *object;
  JsonObjectIter iter;
  const char *name;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return KIND_UNKNOWN;

  object = json_node_get_object (root);
  if (json_object_has_member (object, "meridian"))
    return KIND_MERIDIAN;

  if (json_object_has_member (object, "type") && JSON_NODE_HOLDS_VALUE (json_object_get_member (object, "type")) &&
      json_node_get_value_type (json_object_get_member (object, "type")) == G_TYPE_STRING)
    {
      static const char * const geometries[] = {
        "Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection", NULL
      };
      const char *type = json_object_get_string_member (object, "type");

      if (g_str_equal (type, "FeatureCollection") || g_str_equal (type, "Feature"))
        return KIND_GEOJSON;
      if (g_strv_contains (geometries, type))
        return KIND_GEOJSON_GEOMETRY;
    }

  if (is_object_member (object, "storymap"))
    {
      JsonObject *storymap = json_object_get_object_member (object, "storymap");
      JsonNode *map_type = json_object_get_member (storymap, "map_type");

      /* A gigapixel story map is pinned to a picture's pixels. */
      if (json_object_has_member (storymap, "zoomify") ||
          (map_type != NULL && JSON_NODE_HOLDS_VALUE (map_type) &&
           json_node_get_value_type (map_type) == G_TYPE_STRING &&
           g_str_equal (json_node_get_string (map_type), "zoomify")))
        return KIND_STORYMAPJS_GIGAPIXEL;
      return KIND_STORYMAPJS;
    }

  if (is_object_member (object, "timeline") &&
      json_object_has_member (json_object_get_object_member (object, "timeline"), "date"))
    return KIND_TIMELINEJS2;

  /* TimelineJS's slides have start_date where Meridian's events have start;
   * its title is a slide, Meridian's a string. */
  if (any_element_has (object, "events", "start_date") || is_object_member (object, "title") ||
      any_element_has (object, "eras", "start_date"))
    return KIND_TIMELINEJS;

  /* A story that lacks only its version is the loader's to explain. */
  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, NULL))
    if (g_strv_contains (meridian_members, name))
      return KIND_MERIDIAN;

  return KIND_UNKNOWN;
}

/* Text whose first line has a separator and no NUL may be a table; the CSV
 * importer then says whether its header is one Meridian reads. */
static gboolean
looks_like_csv (const char *data,
                gsize       length)
{
  const char *newline = memchr (data, '\n', length);
  gsize first_line = newline != NULL ? (gsize) (newline - data) : length;

  if (memchr (data, '\0', length) != NULL || data[0] == '<')
    return FALSE;

  for (gsize i = 0; i < first_line; i++)
    if (data[i] == ',' || data[i] == ';' || data[i] == '\t')
      return TRUE;

  return FALSE;
}

/* Skips the string whose opening quote is at @p; returns the byte after its
 * closing quote, or @end. */
static const char *
skip_string (const char *p,
             const char *end)
{
  /* memchr() finds the quote; the backslashes before it say whether it
   * is escaped (an odd number) or closes the string. */
  for (p++; p < end;)
    {
      const char *quote = memchr (p, '"', (gsize) (end - p));
      const char *q;

      if (quote == NULL)
        return end;
      for (q = quote; q > p && q[-1] == '\\'; q--)
        ;
      if ((quote - q) % 2 == 0)
        return quote + 1;
      p = quote + 1;
    }
  return end;
}

/* Whether the top-level object has a member "meridian", found by a scan
 * that stops at it: Meridian's own stories, which may be hundreds of
 * megabytes, go to the streaming loader without being parsed twice. */
static gboolean
has_meridian_member (const char *data,
                     gsize       length)
{
  const char *p = data;
  const char *end = data + length;
  guint depth = 0;

  while (p < end)
    {
      switch (*p)
        {
        case '"':
          if (depth == 1)
            {
              const char *after = skip_string (p, end);
              const char *q = after;

              while (q < end && g_ascii_isspace (*q))
                q++;
              if (q < end && *q == ':' && after - p == 10 && memcmp (p, "\"meridian\"", 10) == 0)
                return TRUE;
              p = after;
            }
          else
            p = skip_string (p, end);
          continue;
        case '{':
        case '[':
          depth++;
          break;
        case '}':
        case ']':
          if (depth <= 1)
            return FALSE;
          depth--;
          break;
        default:
          break;
        }
      p++;
    }

  return FALSE;
}

static MerDocument *
refuse (const char  *display_name,
        GPtrArray   *diagnostics,
        guint        line,
        guint        column,
        int          code,
        const char  *message,
        GError     **error)
{
  g_ptr_array_add (diagnostics, mer_diagnostic_new (MER_SEVERITY_ERROR, display_name, line, column, NULL, message));
  g_set_error (error, MER_IMPORT_ERROR, code, "%s: %s", display_name, message);
  return NULL;
}

static MerDocument *
imported (MerDocument *document,
          const char  *format)
{
  if (document != NULL)
    mer_document_set_imported_from (document, format);
  return document;
}

/* Reads a JSON file with the loader's reader, the GeoJSON features one at a
 * time: each is checked and built when the importer comes to it. */
static MerJsonReader *
read_json (GMappedFile *mapped,
           const char  *display_name,
           GPtrArray   *syntax_errors)
{
  g_autoptr(MerJsonReader) json = mer_json_reader_new (display_name, syntax_errors);

  mer_json_reader_set_lazy_array (json, "features");
  /* The old parser of the importers read them so, as json-glib does. */
  mer_json_reader_set_big_integers (json, TRUE);
  if (!mer_json_reader_load_mapped (json, mapped, NULL))
    return NULL;

  return g_steal_pointer (&json);
}

static MerDocument *
import_json (GMappedFile            *mapped,
             const char             *data,
             gsize                   length,
             const MerImportOptions *options,
             const char             *path,
             const char  *display_name,
             GPtrArray   *diagnostics,
             GError     **error)
{
  g_autoptr(GPtrArray) syntax_errors = mer_diagnostics_new ();
  g_autoptr(MerJsonReader) json = NULL;
  guint line = 0, column = 0;

  json = read_json (mapped, display_name, syntax_errors);
  if (json == NULL)
    {
      MerDiagnostic *first = g_ptr_array_index (syntax_errors, 0);

      /* A broken Meridian story gets the loader's messages, as before. */
      if (g_strstr_len (data, (gssize) length, "\"meridian\"") != NULL)
        return mer_loader_load_file (path, display_name, diagnostics, error);

      /* In file order; @error names the first, as for one error. */
      refuse (display_name, diagnostics, first->line, first->column, MER_IMPORT_ERROR_SYNTAX, first->message, error);
      for (guint i = 1; i < syntax_errors->len; i++)
        g_ptr_array_add (diagnostics, mer_diagnostic_copy (g_ptr_array_index (syntax_errors, i)));
      return NULL;
    }

  switch (sniff_json (mer_json_reader_get_root (json)))
    {
    case KIND_MERIDIAN:
      return mer_loader_load_file (path, display_name, diagnostics, error);

    case KIND_TIMELINEJS:
      return imported (mer_import_timelinejs (json, path, display_name, diagnostics, error), "TimelineJS");

    case KIND_GEOJSON:
      return imported (mer_import_geojson (json, options, path, display_name, diagnostics, error), "GeoJSON");

    case KIND_GEOJSON_GEOMETRY:
      {
        JsonObject *root = json_node_get_object (mer_json_reader_get_root (json));
        g_autofree char *message = NULL;

        mer_import_locate (json, json_object_get_member (root, "type"), &line, &column);
        message = g_strdup_printf ("this GeoJSON is a bare %s, without properties to give it a time or a title; "
                                   "Meridian reads a Feature or a FeatureCollection",
                                   json_object_get_string_member (root, "type"));
        return refuse (display_name, diagnostics, line, column, MER_IMPORT_ERROR_UNSUPPORTED, message, error);
      }

    case KIND_STORYMAPJS:
      return imported (mer_import_storymap (json, path, display_name, diagnostics, error), "StoryMapJS");

    case KIND_STORYMAPJS_GIGAPIXEL:
      {
        JsonObject *root = json_node_get_object (mer_json_reader_get_root (json));

        mer_import_locate (json, json_object_get_member (root, "storymap"), &line, &column);
        return refuse (display_name, diagnostics, line, column, MER_IMPORT_ERROR_UNSUPPORTED,
                       "this is a gigapixel StoryMapJS story: its points are on a picture, not on the Earth, "
                       "and Meridian maps only the Earth", error);
      }

    case KIND_TIMELINEJS2:
      {
        JsonObject *root = json_node_get_object (mer_json_reader_get_root (json));

        mer_import_locate (json, json_object_get_member (root, "timeline"), &line, &column);
        return refuse (display_name, diagnostics, line, column, MER_IMPORT_ERROR_UNSUPPORTED,
                       "this is TimelineJS 2 JSON ({\"timeline\": {\"date\": [...]}}), which Meridian does not "
                       "read; open it in TimelineJS 3 and save it again, or export its Google sheet as CSV",
                       error);
      }

    case KIND_UNKNOWN:
    default:
      mer_import_locate (json, mer_json_reader_get_root (json), &line, &column);
      return refuse (display_name, diagnostics, line, column, MER_IMPORT_ERROR_UNKNOWN_KIND,
                     "this JSON is not in a format Meridian reads (" MER_IMPORT_FORMATS ")", error);
    }
}

/**
 * mer_import_load_file:
 * @path: a file in any format Meridian reads
 * @display_name: (nullable): the file's name in messages; @path if %NULL
 * @diagnostics: (element-type MerDiagnostic): receives every error and
 *   warning, sorted by position
 * @error: a #MER_LOADER_ERROR when the file cannot be read or a Meridian
 *   story is invalid, a #MER_IMPORT_ERROR when another format is
 *
 * Reads a Meridian story with mer_loader_load_file(), or converts a file in
 * another format into the same document.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL on error
 */
MerDocument *
mer_import_load_file (const char  *path,
                      const char  *display_name,
                      GPtrArray   *diagnostics,
                      GError     **error)
{
  return mer_import_load_file_full (path, display_name, NULL, diagnostics, error);
}

/**
 * mer_import_load_file_full:
 * @options: (nullable): which GeoJSON properties or CSV columns hold the
 *   time and the title, when the usual names do not find them
 *
 * Like mer_import_load_file().
 */
MerDocument *
mer_import_load_file_full (const char             *path,
                           const char             *display_name,
                           const MerImportOptions *options,
                           GPtrArray              *diagnostics,
                           GError                **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  GStatBuf st;
  const char *data;
  gsize length;
  gsize skip = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (diagnostics != NULL, NULL);

  if (display_name == NULL)
    display_name = path;

  /* A file that cannot be read is explained by the loader, as before. */
  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size == 0 ||
      (guint64) st.st_size > MER_LOADER_MAX_FILE_SIZE ||
      (mapped = g_mapped_file_new (path, FALSE, NULL)) == NULL)
    return mer_loader_load_file (path, display_name, diagnostics, error);

  data = g_mapped_file_get_contents (mapped);
  length = g_mapped_file_get_length (mapped);

  /* Positions count from after a byte order mark, as the loader's do. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  while (skip < length && g_ascii_isspace (data[skip]))
    skip++;

  if (skip == length)
    return mer_loader_load_file (path, display_name, diagnostics, error);

  if (data[skip] == '{' && has_meridian_member (data + skip, length - skip))
    return mer_loader_load_file (path, display_name, diagnostics, error);

  if (data[skip] == '{' || data[skip] == '[')
    return import_json (mapped, data, length, options, path, display_name, diagnostics, error);

  /* KMZ is a zip archive, which GIO cannot open. */
  if (length >= 4 && memcmp (data, "PK\x03\x04", 4) == 0)
    return refuse (display_name, diagnostics, 0, 0, MER_IMPORT_ERROR_UNSUPPORTED,
                   "this is a zip archive (KMZ?), which Meridian does not open; unzip it and open the .kml inside",
                   error);

  if (data[skip] == '<' && g_strstr_len (data + skip, (gssize) MIN (length - skip, 4096), "<kml") != NULL)
    return imported (mer_import_kml (data, length, path, display_name, diagnostics, error), "KML");

  if (looks_like_csv (data + skip, length - skip))
    return imported (mer_import_csv (data, length, TRUE, options, path, display_name, diagnostics, error), "CSV");

  return refuse (display_name, diagnostics, 0, 0, MER_IMPORT_ERROR_UNKNOWN_KIND,
                 "this file is not in a format Meridian reads (" MER_IMPORT_FORMATS ")", error);
}

/**
 * mer_import_read_fields:
 * @path: a file in any format Meridian reads
 * @error: a #MER_LOADER_ERROR when the file cannot be read
 *
 * Lists what a GeoJSON file's features or a CSV table's rows may be read
 * from, and which of those the importer picks by itself.
 *
 * Returns: (transfer full) (nullable): the fields, or %NULL when the file
 *   is neither GeoJSON nor a CSV table of points (without @error set) or
 *   cannot be read
 */
MerImportFields *
mer_import_read_fields (const char  *path,
                        GError     **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(MerJsonReader) json = NULL;
  g_autoptr(GPtrArray) syntax_errors = NULL;
  const char *data;
  gsize length, skip = 0;

  g_return_val_if_fail (path != NULL, NULL);

  mapped = g_mapped_file_new (path, FALSE, error);
  if (mapped == NULL)
    return NULL;
  data = g_mapped_file_get_contents (mapped);
  length = g_mapped_file_get_length (mapped);
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  while (skip < length && g_ascii_isspace (data[skip]))
    skip++;
  if (skip == length)
    return NULL;

  if (data[skip] == '{')
    {
      if (has_meridian_member (data + skip, length - skip))
        return NULL;
      syntax_errors = mer_diagnostics_new ();
      json = read_json (mapped, path, syntax_errors);
      if (json == NULL || sniff_json (mer_json_reader_get_root (json)) != KIND_GEOJSON)
        return NULL;
      return mer_import_geojson_fields (json);
    }

  if (data[skip] != '<' && data[skip] != '[' && looks_like_csv (data + skip, length - skip))
    return mer_import_csv_fields (data, length);

  return NULL;
}

void
mer_import_fields_free (MerImportFields *fields)
{
  if (fields == NULL)
    return;
  g_free (fields->format);
  g_strfreev (fields->names);
  g_free (fields->time);
  g_free (fields->end);
  g_free (fields->title);
  g_free (fields);
}

/* Column names are compared as the CSV importer compares them: without
 * case, with '_' and '-' read as spaces; property names without case. */
static char *
fold_name (const char *name,
           gboolean    csv)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name));
  char *folded = g_utf8_strdown (stripped, -1);

  if (csv)
    for (char *p = folded; *p != '\0'; p++)
      if (*p == '_' || *p == '-')
        *p = ' ';
  return folded;
}

/**
 * mer_import_fields_has:
 * @name: a property or column, as an option names it
 *
 * Returns: whether @fields has @name, compared as the importer compares it
 */
gboolean
mer_import_fields_has (const MerImportFields *fields,
                       const char            *name)
{
  gboolean csv = g_str_equal (fields->format, "CSV");
  g_autofree char *wanted = fold_name (name, csv);

  for (guint i = 0; fields->names[i] != NULL; i++)
    {
      g_autofree char *folded = fold_name (fields->names[i], csv);

      if (g_str_equal (folded, wanted))
        return TRUE;
    }
  return FALSE;
}

/* Opening any file without blocking: a Meridian story goes to the loader's
 * own async load, with its progress and cancellation between slices; a file
 * of another kind is imported in a worker thread. The first bytes decide:
 * a story names its "meridian" member at its top. */

#define SNIFF_SIZE 65536

typedef struct {
  GPtrArray             *diagnostics;
  char                  *path;
  char                  *display_name;
  MerLoaderProgressFunc  progress_func;
  gpointer               progress_data;
  GDestroyNotify         progress_data_destroy;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  if (job->progress_data_destroy != NULL)
    job->progress_data_destroy (job->progress_data);
  g_clear_pointer (&job->diagnostics, g_ptr_array_unref);
  g_free (job->path);
  g_free (job->display_name);
  g_free (job);
}

static gboolean
starts_as_story (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  g_autofree char *data = NULL;
  gsize length = 0, skip = 0;

  /* A file that cannot be read is explained by the loader. */
  if (stream == NULL)
    return TRUE;
  data = g_malloc (SNIFF_SIZE);
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), data, SNIFF_SIZE, &length, NULL, NULL))
    return TRUE;
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    skip = 3;
  while (skip < length && g_ascii_isspace (data[skip]))
    skip++;
  return skip == length || (data[skip] == '{' && has_meridian_member (data + skip, length - skip));
}

static void
on_story_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ImportJob *job = g_task_get_task_data (task);
  g_autoptr(GPtrArray) diagnostics = NULL;
  GError *error = NULL;
  MerDocument *document = mer_loader_load_file_finish (result, &diagnostics, &error);

  if (diagnostics != NULL)
    {
      g_ptr_array_unref (job->diagnostics);
      job->diagnostics = g_steal_pointer (&diagnostics);
    }
  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

static void
import_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ImportJob *job = task_data;
  GError *error = NULL;
  MerDocument *document;

  if (g_task_return_error_if_cancelled (task))
    return;
  document = mer_import_load_file (job->path, job->display_name, job->diagnostics, &error);
  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

/* Reading the first bytes is I/O too: it runs in a worker, and the caller's
 * context then starts the load, so that the loader's progress reaches it. */
static void
sniff_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  g_task_return_boolean (task, starts_as_story (task_data));
}

static void
on_sniffed (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ImportJob *job = g_task_get_task_data (task);
  GError *error = NULL;
  gboolean story = g_task_propagate_boolean (G_TASK (result), &error);

  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (story)
    {
      /* The loader owns the progress data from here. */
      GDestroyNotify destroy = g_steal_pointer (&job->progress_data_destroy);
      GCancellable *cancellable = g_task_get_cancellable (task);

      mer_loader_load_file_async (job->path, job->display_name, cancellable,
                                  job->progress_func, job->progress_data, destroy,
                                  on_story_loaded, g_steal_pointer (&task));
      return;
    }

  g_task_run_in_thread (task, import_in_thread);
}

/**
 * mer_import_load_file_async:
 *
 * Opens @path, whatever its kind, without blocking, as
 * mer_loader_load_file_async() does for Meridian stories: @progress_func is
 * called on the caller's thread-default main context (for other kinds not
 * at all), and @cancellable stops the load.
 */
void
mer_import_load_file_async (const char            *path,
                            const char            *display_name,
                            GCancellable          *cancellable,
                            MerLoaderProgressFunc  progress_func,
                            gpointer               progress_data,
                            GDestroyNotify         progress_data_destroy,
                            GAsyncReadyCallback    callback,
                            gpointer               user_data)
{
  GTask *task;
  g_autoptr(GTask) sniff = NULL;
  ImportJob *job;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  job = g_new0 (ImportJob, 1);
  job->path = g_strdup (path);
  job->display_name = g_strdup (display_name != NULL ? display_name : path);
  job->diagnostics = mer_diagnostics_new ();
  job->progress_func = progress_func;
  job->progress_data = progress_data;
  job->progress_data_destroy = progress_data_destroy;
  g_task_set_source_tag (task, mer_import_load_file_async);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);

  sniff = g_task_new (NULL, cancellable, on_sniffed, task);
  g_task_set_task_data (sniff, g_strdup (path), g_free);
  g_task_run_in_thread (sniff, sniff_in_thread);
}

/**
 * mer_import_load_file_finish:
 * @diagnostics: (out) (optional) (transfer full): what was found wrong,
 *   also when the file opened
 *
 * Returns: (transfer full) (nullable): the document, or %NULL on error
 */
MerDocument *
mer_import_load_file_finish (GAsyncResult  *result,
                             GPtrArray    **diagnostics,
                             GError       **error)
{
  ImportJob *job;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  job = g_task_get_task_data (G_TASK (result));
  if (diagnostics != NULL)
    *diagnostics = job->diagnostics != NULL ? g_ptr_array_ref (job->diagnostics) : mer_diagnostics_new ();
  return g_task_propagate_pointer (G_TASK (result), error);
}

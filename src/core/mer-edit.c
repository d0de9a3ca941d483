/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-edit"

#include "config.h"

#include "mer-edit.h"

#include "mer-diagnostic.h"
#include "mer-document-writer.h"
#include "mer-json-writer.h"
#include "mer-loader.h"
#include "import/mer-import.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

/* Edits a story: every change is a command of small steps on the story's
 * JSON tree, each step a member set or removed or an array element
 * inserted, replaced or removed, which knows what was there before and so
 * can be undone. One history holds every edit of the document (events,
 * places, eras, categories, regions, slides).
 *
 * The tree is the file as read, so members Meridian does not know are kept.
 * After each command the story is written to text with
 * mer_json_writer_update() — the bytes a save would write, which change
 * only what was edited — and read back by the loader: that read is the
 * check. A command that makes the story invalid is undone at once and
 * refused with the loader's reason, so the document shown is always one
 * that `meridian --check` passes, and always the one that would be saved. */

/* Map positions are kept to about ten metres: a dragged marker does not
 * write seventeen digits. */
#define COORDINATE_SCALE 1e4

typedef struct {
  char     *path;      /* the container: "" the root, "events/3", "events/3/places" */
  char     *key;       /* an object member, or NULL for an array element */
  guint     index;
  JsonNode *before;    /* NULL: absent */
  JsonNode *after;
} Step;

typedef struct {
  char      *label;
  GPtrArray *steps;    /* Step */
} Command;

struct _MerEdit
{
  GObject parent_instance;

  /* Owned */
  char        *path;       /* NULL until a new story is saved */
  char        *original;   /* the file's text as last read or written */
  gsize        original_length;
  JsonNode    *root;
  char        *text;       /* the story as it would be written now */
  MerDocument *document;
  GPtrArray   *undo;       /* Command */
  GPtrArray   *redo;
  Command     *pending;    /* the command being built */

  int          saved_depth; /* the undo depth that matches the file; -1: none */
};

G_DEFINE_FINAL_TYPE (MerEdit, mer_edit, G_TYPE_OBJECT)
G_DEFINE_QUARK (mer-edit-error-quark, mer_edit_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const kind_arrays[] = { "events", "regions", "eras", "categories", "briefings" };

/* Default categories of a new story: the common threads of a geopolitical
 * briefing, coloured from the palette the bundled story uses. */
static const struct {
  const char *id;
  const char *name;
  const char *color;
} default_categories[] = {
  { "diplomacy", N_("Diplomacy"), "#1c71d8" },
  { "treaty", N_("Treaties and agreements"), "#813d9c" },
  { "war", N_("War and military action"), "#c01c28" },
  { "territory", N_("Territory and sovereignty"), "#986a44" },
  { "economy", N_("Economy and energy"), "#26a269" },
  { "politics", N_("Politics and leadership"), "#2190a4" },
};

static void
step_free (Step *step)
{
  g_free (step->path);
  g_free (step->key);
  g_clear_pointer (&step->before, json_node_unref);
  g_clear_pointer (&step->after, json_node_unref);
  g_free (step);
}

static void
command_free (Command *command)
{
  g_free (command->label);
  g_ptr_array_unref (command->steps);
  g_free (command);
}

/* The tree */

/* A node holding @object or @array, taking the caller's reference. */
static JsonNode *
object_node (JsonObject *object)
{
  JsonNode *node = json_node_init_object (json_node_alloc (), object);

  json_object_unref (object);
  return node;
}

static JsonNode *
array_node (JsonArray *array)
{
  JsonNode *node = json_node_init_array (json_node_alloc (), array);

  json_array_unref (array);
  return node;
}

/* json_node_copy() shares an object's or an array's contents: a step keeps
 * a copy of its own, which no later edit changes. */
static JsonNode *
deep_copy (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_object_new ();
        g_autoptr(GList) members = json_object_get_members (json_node_get_object (node));
        JsonNode *copy;

        for (GList *l = members; l != NULL; l = l->next)
          json_object_set_member (object, l->data,
                                  deep_copy (json_object_get_member (json_node_get_object (node), l->data)));
        copy = json_node_init_object (json_node_alloc (), object);
        json_object_unref (object);
        return copy;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *source = json_node_get_array (node);
        JsonArray *array = json_array_sized_new (json_array_get_length (source));
        JsonNode *copy;

        for (guint i = 0; i < json_array_get_length (source); i++)
          json_array_add_element (array, deep_copy (json_array_get_element (source, i)));
        copy = json_node_init_array (json_node_alloc (), array);
        json_array_unref (array);
        return copy;
      }
    case JSON_NODE_VALUE:
    case JSON_NODE_NULL:
    default:
      return json_node_copy (node);
    }
}

static JsonNode *
resolve (MerEdit    *self,
         const char *path)
{
  g_auto(GStrv) parts = NULL;
  JsonNode *node = self->root;

  if (*path == '\0')
    return node;

  parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i] != NULL && node != NULL; i++)
    {
      if (JSON_NODE_HOLDS_ARRAY (node) && g_ascii_isdigit (parts[i][0]))
        {
          guint64 index = g_ascii_strtoull (parts[i], NULL, 10);
          JsonArray *array = json_node_get_array (node);

          node = index < json_array_get_length (array) ? json_array_get_element (array, (guint) index) : NULL;
        }
      else if (JSON_NODE_HOLDS_OBJECT (node))
        node = json_object_get_member (json_node_get_object (node), parts[i]);
      else
        node = NULL;
    }

  return node;
}

/* Replaces @n_remove elements at @index with @insert, if not %NULL (taken). */
static void
splice (JsonNode *array_node,
        guint     index,
        guint     n_remove,
        JsonNode *insert)
{
  JsonArray *old = json_node_get_array (array_node);
  g_autoptr(JsonArray) array = json_array_sized_new (json_array_get_length (old) + 1);
  guint n = json_array_get_length (old);

  for (guint i = 0; i <= n; i++)
    {
      if (i == index && insert != NULL)
        json_array_add_element (array, insert);
      if (i < n && (i < index || i >= index + n_remove))
        json_array_add_element (array, json_node_ref (json_array_get_element (old, i)));
    }
  json_node_set_array (array_node, array);
}

/* The order of format v1's members, by the kind of object a path leads
 * to: a member added goes where the format lists it, so that "end" follows
 * "start" in the file as in every other event. */
static const char * const *
member_order (const char *path)
{
  static const char * const root[] = {
    "meridian", "title", "subtitle", "description", "attribution", "view", "categories", "regions", "eras",
    "events", "briefings", NULL
  };
  static const char * const event[] = {
    "id", "title", "start", "end", "date_label", "circa", "summary", "category", "places", "regions", "importance",
    "tags",
    "sources", "view", NULL
  };
  static const char * const region[] = {
    "id", "name", "names", "status", "color", "description", "geometry", "history", NULL
  };
  static const char * const era[] = { "id", "title", "start", "end", "color", "description", NULL };
  static const char * const category[] = { "id", "name", "color", "description", NULL };
  static const char * const place[] = { "name", "lat", "lon", NULL };
  static const char * const source[] = { "title", "url", NULL };
  static const char * const briefing[] = { "id", "title", "description", "slides", NULL };
  static const char * const slide[] = { "event", "caption", "notes", "view", "regions", "time", NULL };
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  guint n = g_strv_length (parts);

  if (n == 0)
    return root;
  if (n == 2 && g_str_equal (parts[0], "events"))
    return event;
  if (n == 2 && g_str_equal (parts[0], "regions"))
    return region;
  if (n == 2 && g_str_equal (parts[0], "eras"))
    return era;
  if (n == 2 && g_str_equal (parts[0], "categories"))
    return category;
  if (n == 2 && g_str_equal (parts[0], "briefings"))
    return briefing;
  if (n == 4 && g_str_equal (parts[2], "places"))
    return place;
  if (n == 4 && g_str_equal (parts[2], "sources"))
    return source;
  if (n == 4 && g_str_equal (parts[2], "slides"))
    return slide;
  return NULL;
}

static int
order_of (const char * const *order,
          const char         *key)
{
  for (int i = 0; order[i] != NULL; i++)
    if (g_str_equal (order[i], key))
      return i;
  return -1;
}

/* Adds @key to the object at @container after the last member the format
 * lists before it; at the end if the format does not know it. Takes @value. */
static void
add_member (JsonNode   *container,
            const char *path,
            const char *key,
            JsonNode   *value)
{
  const char * const *order = member_order (path);
  JsonObject *old = json_node_get_object (container);
  g_autoptr(GList) members = json_object_get_members (old);
  g_autoptr(JsonObject) object = NULL;
  int rank = order != NULL ? order_of (order, key) : -1;
  GList *after = NULL;

  if (rank < 0)
    {
      json_object_set_member (old, key, value);
      return;
    }
  for (GList *l = members; l != NULL; l = l->next)
    {
      int other = order_of (order, l->data);

      if (other >= 0 && other < rank)
        after = l;
    }

  object = json_object_new ();
  if (after == NULL)
    json_object_set_member (object, key, value);
  for (GList *l = members; l != NULL; l = l->next)
    {
      json_object_set_member (object, l->data, json_node_ref (json_object_get_member (old, l->data)));
      if (l == after)
        json_object_set_member (object, key, value);
    }
  json_node_set_object (container, object);
}

static void
step_apply (MerEdit    *self,
            const Step *step,
            gboolean    forward)
{
  JsonNode *container = resolve (self, step->path);
  JsonNode *value = forward ? step->after : step->before;
  JsonNode *other = forward ? step->before : step->after;

  g_assert (container != NULL);

  if (step->key != NULL)
    {
      JsonObject *object = json_node_get_object (container);

      if (value != NULL && json_object_has_member (object, step->key))
        json_object_set_member (object, step->key, deep_copy (value));
      else if (value != NULL)
        add_member (container, step->path, step->key, deep_copy (value));
      else
        json_object_remove_member (object, step->key);
    }
  else
    splice (container, step->index, other != NULL ? 1 : 0, value != NULL ? deep_copy (value) : NULL);
}

/* Building a command */

static void
begin (MerEdit *self)
{
  g_assert (self->pending == NULL);

  self->pending = g_new0 (Command, 1);
  self->pending->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
}

static void
add_step (MerEdit  *self,
          Step     *step)
{
  step_apply (self, step, TRUE);
  g_ptr_array_add (self->pending->steps, step);
}

/* Sets (or, with %NULL, removes) a member of the object at @path; takes @value. */
static void
set_member (MerEdit    *self,
            const char *path,
            const char *key,
            JsonNode   *value)
{
  JsonNode *container = resolve (self, path);
  JsonNode *current;
  Step *step;

  g_assert (container != NULL && JSON_NODE_HOLDS_OBJECT (container));

  current = json_object_get_member (json_node_get_object (container), key);
  if (current == NULL && value == NULL)
    return;
  /* The same value again (a field left unchanged) is no edit. */
  if (current != NULL && value != NULL && json_node_equal (current, value))
    {
      json_node_unref (value);
      return;
    }

  step = g_new0 (Step, 1);
  step->path = g_strdup (path);
  step->key = g_strdup (key);
  step->before = current != NULL ? deep_copy (current) : NULL;
  step->after = value;
  add_step (self, step);
}

static void
set_string (MerEdit    *self,
            const char *path,
            const char *key,
            const char *value)
{
  set_member (self, path, key, value != NULL ? json_node_init_string (json_node_alloc (), value) : NULL);
}

/* Inserts (@value set, @replace false), replaces or removes (@value %NULL)
 * the element at @index of the array at @path; takes @value. */
static void
set_element (MerEdit    *self,
             const char *path,
             guint       index,
             gboolean    replace,
             JsonNode   *value)
{
  JsonNode *container = resolve (self, path);
  JsonArray *array;
  Step *step;

  g_assert (container != NULL && JSON_NODE_HOLDS_ARRAY (container));
  array = json_node_get_array (container);

  step = g_new0 (Step, 1);
  step->path = g_strdup (path);
  step->index = MIN (index, json_array_get_length (array));
  if (replace || value == NULL)
    step->before = deep_copy (json_array_get_element (array, step->index));
  step->after = value;
  add_step (self, step);
}

/* The array member @key of the object at @path, made if missing. */
static char *
ensure_array (MerEdit    *self,
              const char *path,
              const char *key)
{
  JsonNode *container = resolve (self, path);
  JsonNode *member = json_object_get_member (json_node_get_object (container), key);

  if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member))
    set_member (self, path, key, array_node (json_array_new ()));
  return *path != '\0' ? g_strconcat (path, "/", key, NULL) : g_strdup (key);
}

/* The story as it would be written. */
static char *
write_text (MerEdit  *self,
            GError  **error)
{
  if (self->original != NULL)
    return mer_json_writer_update (self->original, self->original_length, self->root, error);
  return mer_json_writer_to_text (self->root, "  ", "\n");
}

/* Where the story is read from as it is checked: its file, or for a new
 * story a file in the current folder, against which relative geometry
 * paths are found. */
static char *
load_path (MerEdit *self)
{
  g_autofree char *dir = NULL;

  if (self->path != NULL)
    return g_strdup (self->path);
  dir = g_get_current_dir ();
  return g_build_filename (dir, _("Untitled story.json"), NULL);
}

/* "events/3/places" as the loader's messages write it: "events[3].places". */
static char *
diagnostic_path (const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (g_ascii_isdigit (parts[i][0]))
        g_string_append_printf (out, "[%s]", parts[i]);
      else
        g_string_append_printf (out, "%s%s", out->len > 0 ? "." : "", parts[i]);
    }
  return g_string_free (out, FALSE);
}

/* Writes and reads back the story; on success it becomes the current one. */
static gboolean
check (MerEdit     *self,
       const char  *item_path,
       GError     **error)
{
  g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = write_text (self, error);
  g_autofree char *path = NULL;
  MerDocument *document;

  if (text == NULL)
    return FALSE;

  path = load_path (self);
  document = mer_loader_load_data (path, NULL, text, strlen (text), diagnostics, &local_error);
  if (document == NULL)
    {
      for (guint i = 0; i < diagnostics->len; i++)
        {
          const MerDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);
          g_autofree char *dotted = NULL;

          if (diagnostic->severity != MER_SEVERITY_ERROR)
            continue;

          /* A problem with the item edited is said as it is; one that it
           * causes elsewhere (a slide that shows a deleted event) says where. */
          dotted = item_path != NULL ? diagnostic_path (item_path) : NULL;
          if (dotted != NULL && diagnostic->path != NULL && *diagnostic->path != '\0' &&
              !g_str_has_prefix (diagnostic->path, dotted))
            g_set_error (error, MER_EDIT_ERROR, MER_EDIT_ERROR_INVALID, "%s: %s", diagnostic->path,
                         diagnostic->message);
          else
            g_set_error_literal (error, MER_EDIT_ERROR, MER_EDIT_ERROR_INVALID, diagnostic->message);
          return FALSE;
        }
      g_set_error_literal (error, MER_EDIT_ERROR, MER_EDIT_ERROR_INVALID, local_error->message);
      return FALSE;
    }

  g_free (self->text);
  self->text = g_steal_pointer (&text);
  g_set_object (&self->document, document);
  g_object_unref (document);
  return TRUE;
}

static void
cancel (MerEdit *self)
{
  Command *command = g_steal_pointer (&self->pending);

  for (guint i = command->steps->len; i > 0; i--)
    step_apply (self, g_ptr_array_index (command->steps, i - 1), FALSE);
  command_free (command);
}

/* Ends the command begun: kept in the history if the story is still valid,
 * undone if not. @item_path is the edited item's, for messages. */
static gboolean
finish (MerEdit     *self,
        const char  *label,
        const char  *item_path,
        GError     **error)
{
  Command *command = self->pending;

  if (command->steps->len == 0)
    {
      cancel (self);
      return TRUE;
    }

  if (!check (self, item_path, error))
    {
      cancel (self);
      return FALSE;
    }

  self->pending = NULL;
  command->label = g_strdup (label);
  if (self->saved_depth > (int) self->undo->len)
    self->saved_depth = -1;
  g_ptr_array_add (self->undo, command);
  g_ptr_array_set_size (self->redo, 0);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/* Items */

static JsonNode *
find_item (MerEdit     *self,
           MerEditKind  kind,
           const char  *id,
           char       **path,
           GError     **error)
{
  JsonNode *array = resolve (self, kind_arrays[kind]);

  if (array != NULL && JSON_NODE_HOLDS_ARRAY (array))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (array)); i++)
      {
        JsonNode *node = json_array_get_element (json_node_get_array (array), i);

        if (JSON_NODE_HOLDS_OBJECT (node) &&
            g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (node), "id", ""), id) == 0)
          {
            if (path != NULL)
              *path = g_strdup_printf ("%s/%u", kind_arrays[kind], i);
            return node;
          }
      }

  g_set_error (error, MER_EDIT_ERROR, MER_EDIT_ERROR_NOT_FOUND, _("The story has no %s “%s”."),
               kind_arrays[kind], id);
  return NULL;
}

/* An id made from @text, unique among the items of @kind. */
static char *
make_id (MerEdit     *self,
         MerEditKind  kind,
         const char  *text,
         const char  *fallback)
{
  g_autofree char *ascii = g_str_to_ascii (text != NULL ? text : "", "C");
  GString *id = g_string_new (NULL);
  g_autofree char *base = NULL;

  for (const char *p = ascii; *p != '\0' && id->len < 40; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (id, g_ascii_tolower (*p));
      else if (id->len > 0 && id->str[id->len - 1] != '-')
        g_string_append_c (id, '-');
    }
  while (id->len > 0 && id->str[id->len - 1] == '-')
    g_string_truncate (id, id->len - 1);
  if (id->len == 0)
    g_string_append (id, fallback);

  base = g_strdup (id->str);
  for (guint n = 2; find_item (self, kind, id->str, NULL, NULL) != NULL; n++)
    {
      g_string_truncate (id, 0);
      g_string_append_printf (id, "%s-%u", base, n);
    }
  return g_string_free (id, FALSE);
}

static gboolean
parse_date (const char  *text,
            MerDate     *date,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (mer_date_parse (text, date, &local_error))
    return TRUE;
  g_set_error (error, MER_EDIT_ERROR, MER_EDIT_ERROR_INVALID, _("“%s” is not a valid date (%s)."), text,
               local_error->message);
  return FALSE;
}

/* Checks a start and an optional end as written by a user. */
static gboolean
check_dates (const char  *start,
             const char  *end,
             GError     **error)
{
  MerDate start_date, end_date;

  if (start == NULL || *start == '\0')
    {
      g_set_error_literal (error, MER_EDIT_ERROR, MER_EDIT_ERROR_INVALID, _("A start date is needed."));
      return FALSE;
    }
  if (!parse_date (start, &start_date, error))
    return FALSE;
  if (end == NULL || *end == '\0')
    return TRUE;
  if (!parse_date (end, &end_date, error))
    return FALSE;
  if (mer_date_last_second (&end_date) < mer_date_first_second (&start_date))
    {
      g_set_error (error, MER_EDIT_ERROR, MER_EDIT_ERROR_INVALID, _("The end, %s, is before the start, %s."), end,
                   start);
      return FALSE;
    }
  return TRUE;
}

/* Text fields are stored trimmed; empty is none. */
static char *
trimmed (const char *text)
{
  char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);
  return copy;
}

static gboolean
check_text (const char  *text,
            const char  *what,
            GError     **error)
{
  g_autofree char *clean = trimmed (text);

  if (clean != NULL)
    return TRUE;
  g_set_error (error, MER_EDIT_ERROR, MER_EDIT_ERROR_INVALID, _("The %s cannot be empty."), what);
  return FALSE;
}

static JsonNode *
number_node (double value,
             double scale)
{
  return json_node_init_double (json_node_alloc (), round (value * scale) / scale);
}

static JsonNode *
place_node (const MerPlace *place)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "name", place->name);
  json_object_set_member (object, "lat", number_node (place->lat, COORDINATE_SCALE));
  json_object_set_member (object, "lon", number_node (place->lon, COORDINATE_SCALE));
  return object_node (object);
}

static gboolean
check_url (const char  *url,
           GError     **error)
{
  g_autofree char *scheme = NULL;

  if (url == NULL || *url == '\0')
    return TRUE;
  scheme = g_uri_parse_scheme (url);
  if (scheme != NULL && (g_ascii_strcasecmp (scheme, "https") == 0 || g_ascii_strcasecmp (scheme, "http") == 0) &&
      g_uri_is_valid (url, G_URI_FLAGS_NONE, NULL))
    return TRUE;
  g_set_error (error, MER_EDIT_ERROR, MER_EDIT_ERROR_INVALID,
               _("“%s” is not a web address: a source links to an http:// or https:// address."), url);
  return FALSE;
}

static JsonNode *
source_node (const MerSource  *source,
             GError          **error)
{
  g_autofree char *title = trimmed (source->title);
  g_autofree char *url = trimmed (source->url);
  JsonObject *object;

  if (!check_text (title, _("source’s title"), error) || !check_url (url, error))
    return NULL;
  object = json_object_new ();
  json_object_set_string_member (object, "title", title);
  if (url != NULL)
    json_object_set_string_member (object, "url", url);
  return object_node (object);
}

/* A list of strings; an empty one is written only where the file had one. */
static void
set_string_list (MerEdit            *self,
                 const char         *path,
                 const char         *key,
                 const char * const *values)
{
  JsonNode *container = resolve (self, path);
  JsonArray *array;

  if ((values == NULL || values[0] == NULL) &&
      !json_object_has_member (json_node_get_object (container), key))
    return;

  array = json_array_new ();
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      g_autofree char *value = trimmed (values[i]);

      if (value != NULL)
        json_array_add_string_element (array, value);
    }
  set_member (self, path, key, array_node (array));
}

/* Public API */

static MerEdit *
edit_new (char      *path,
          char      *original,
          gsize      length,
          JsonNode  *root)
{
  MerEdit *self = g_object_new (MER_TYPE_EDIT, NULL);

  self->path = path;
  self->original = original;
  self->original_length = length;
  self->root = root;
  return self;
}

static MerEdit *
edit_for_file (const char   *path,
               MerDocument  *document,
               GError      **error);

/**
 * mer_edit_new_for_file:
 * @path: a Meridian story (format v1)
 *
 * Returns: (transfer full) (nullable): an edit of the story, or %NULL if
 *   it cannot be read, is not a Meridian story (%MER_EDIT_ERROR_NOT_EDITABLE)
 *   or has errors (%MER_EDIT_ERROR_INVALID)
 */
MerEdit *
mer_edit_new_for_file (const char  *path,
                       GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  return edit_for_file (path, NULL, error);
}

/**
 * mer_edit_new_for_document:
 * @document: a story just read from its file
 *
 * Like mer_edit_new_for_file(), with @document as the story before any
 * edit, rather than one read again: the window shows the same document
 * before and after it starts editing.
 *
 * Returns: (transfer full) (nullable): an edit of the story
 */
MerEdit *
mer_edit_new_for_document (MerDocument  *document,
                           GError      **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (MER_IS_DOCUMENT (document), NULL);

  path = g_file_get_path (mer_document_get_file (document));
  if (path == NULL)
    {
      g_set_error_literal (error, MER_EDIT_ERROR, MER_EDIT_ERROR_NO_FILE, _("The story has no file."));
      return NULL;
    }
  return edit_for_file (path, document, error);
}

static MerEdit *
edit_for_file (const char   *path,
               MerDocument  *document,
               GError      **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(MerEdit) self = NULL;
  g_autofree char *text = NULL;
  g_autofree char *display = NULL;
  gsize length;
  JsonNode *root;

  if (!g_file_get_contents (path, &text, &length, error))
    return NULL;

  display = g_filename_display_basename (path);
  root = json_parser_load_from_data (parser, text, (gssize) length, NULL) ? json_parser_get_root (parser) : NULL;
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_has_member (json_node_get_object (root), "meridian"))
    {
      g_set_error (error, MER_EDIT_ERROR, MER_EDIT_ERROR_NOT_EDITABLE,
                   _("“%s” is not a Meridian story: Meridian does not write into it."), display);
      return NULL;
    }

  self = edit_new (g_canonicalize_filename (path, NULL), g_steal_pointer (&text), length, json_node_ref (root));
  if (document != NULL)
    {
      /* Not edited, the story writes as it was read. */
      self->text = g_strndup (self->original, self->original_length);
      self->document = g_object_ref (document);
    }
  else if (!check (self, NULL, error))
    return NULL;
  self->saved_depth = 0;
  return g_steal_pointer (&self);
}

/**
 * mer_edit_new_story:
 * @title: the story's title
 * @view: (nullable): the map's view, where the story opens
 *
 * Returns: (transfer full): a new story with a default set of categories,
 *   and no file until it is saved with mer_edit_save_as()
 */
MerEdit *
mer_edit_new_story (const char    *title,
                    const MerView *view)
{
  JsonObject *root = json_object_new ();
  JsonArray *categories = json_array_new ();
  MerEdit *self;

  json_object_set_int_member (root, "meridian", 1);
  json_object_set_string_member (root, "title", title);
  if (view != NULL)
    {
      JsonObject *object = json_object_new ();

      json_object_set_member (object, "lat", number_node (view->lat, COORDINATE_SCALE));
      json_object_set_member (object, "lon", number_node (view->lon, COORDINATE_SCALE));
      json_object_set_member (object, "zoom", number_node (view->zoom, 100));
      json_object_set_object_member (root, "view", object);
    }
  for (guint i = 0; i < G_N_ELEMENTS (default_categories); i++)
    {
      JsonObject *category = json_object_new ();

      json_object_set_string_member (category, "id", default_categories[i].id);
      json_object_set_string_member (category, "name", _(default_categories[i].name));
      json_object_set_string_member (category, "color", default_categories[i].color);
      json_array_add_object_element (categories, category);
    }
  json_object_set_array_member (root, "categories", categories);
  json_object_set_array_member (root, "events", json_array_new ());

  self = edit_new (NULL, NULL, 0, json_node_init_object (json_node_alloc (), root));
  json_object_unref (root);
  if (!check (self, NULL, NULL))
    g_assert_not_reached ();
  /* Never saved: closing it asks only once something is added. */
  self->saved_depth = 0;
  return self;
}

/**
 * mer_edit_get_document:
 *
 * Returns: (transfer none): the story as edited, replaced by a new
 *   document after each edit (see #MerEdit::changed)
 */
MerDocument *
mer_edit_get_document (MerEdit *self)
{
  g_return_val_if_fail (MER_IS_EDIT (self), NULL);
  return self->document;
}

/**
 * mer_edit_get_path:
 *
 * Returns: (nullable): the story's file; %NULL for a new story not saved
 */
const char *
mer_edit_get_path (MerEdit *self)
{
  g_return_val_if_fail (MER_IS_EDIT (self), NULL);
  return self->path;
}

/**
 * mer_edit_get_root:
 *
 * Returns: (transfer none): the story's JSON tree; change it only through
 *   the edit functions
 */
JsonNode *
mer_edit_get_root (MerEdit *self)
{
  g_return_val_if_fail (MER_IS_EDIT (self), NULL);
  return self->root;
}

/**
 * mer_edit_dup_text:
 *
 * Returns: (transfer full): the bytes a save would write now
 */
char *
mer_edit_dup_text (MerEdit *self)
{
  g_return_val_if_fail (MER_IS_EDIT (self), NULL);
  return g_strdup (self->text);
}

/**
 * mer_edit_is_dirty:
 *
 * Returns: whether the story has edits its file does not have
 */
gboolean
mer_edit_is_dirty (MerEdit *self)
{
  g_return_val_if_fail (MER_IS_EDIT (self), FALSE);
  return self->saved_depth != (int) self->undo->len;
}

/**
 * mer_edit_write_file:
 * @path: where to write
 * @text: (array length=length): what
 *
 * Replaces @path with @text atomically (a temporary file renamed over it:
 * never half written), keeping the previous version, if any, as `@path~`.
 */
gboolean
mer_edit_write_file (const char  *path,
                     const char  *text,
                     gsize        length,
                     GError     **error)
{
  g_autofree char *previous = NULL;
  gsize previous_length;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (g_file_get_contents (path, &previous, &previous_length, NULL))
    {
      g_autofree char *backup = g_strconcat (path, "~", NULL);

      if (!g_file_set_contents (backup, previous, (gssize) previous_length, error))
        return FALSE;
    }
  return g_file_set_contents (path, text, (gssize) length, error);
}

/**
 * mer_edit_write:
 * @path: where to write
 *
 * Writes the story as edited to @path (see mer_edit_write_file()), without
 * making it the story's file: the story read and not edited is written
 * byte for byte as it was read. `meridian --convert` of a Meridian story
 * goes through here.
 */
gboolean
mer_edit_write (MerEdit     *self,
                const char  *path,
                GError     **error)
{
  g_return_val_if_fail (MER_IS_EDIT (self), FALSE);
  return mer_edit_write_file (path, self->text, strlen (self->text), error);
}

static void
mark_saved (MerEdit *self)
{
  g_free (self->original);
  self->original = g_strdup (self->text);
  self->original_length = strlen (self->text);
  self->saved_depth = (int) self->undo->len;
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * mer_edit_save_as:
 * @path: the story's new file
 *
 * Writes the story to @path, which becomes its file. Nothing else changes:
 * the history stays, so edits saved can still be undone.
 */
gboolean
mer_edit_save_as (MerEdit     *self,
                  const char  *path,
                  GError     **error)
{
  g_autofree char *canonical = NULL;

  g_return_val_if_fail (MER_IS_EDIT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  canonical = g_canonicalize_filename (path, NULL);
  /* The outlines go first: a story written without them would not load.
   * Another story's outline of the same name is not overwritten. */
  if (self->path != NULL &&
      !mer_document_writer_copy_geometry_files (self->root, self->path, canonical, FALSE, error))
    return FALSE;
  if (!mer_edit_write (self, canonical, error))
    return FALSE;

  if (g_strcmp0 (canonical, self->path) != 0)
    {
      g_free (self->path);
      self->path = g_steal_pointer (&canonical);
      /* Geometry paths are now read from the new folder. */
      if (!check (self, NULL, NULL))
        g_warning ("The story saved as %s reads differently from its new folder", self->path);
    }
  mark_saved (self);
  return TRUE;
}

/**
 * mer_edit_save:
 *
 * Writes the story to its file, changing only the bytes of what was edited
 * (mer_json_writer_update()). A file another program changed since it was
 * read is not overwritten: %G_IO_ERROR_WOULD_MERGE says so, and
 * mer_edit_save_as() with the same path overwrites it.
 */
gboolean
mer_edit_save (MerEdit  *self,
               GError  **error)
{
  g_autofree char *on_disk = NULL;
  gsize length;

  g_return_val_if_fail (MER_IS_EDIT (self), FALSE);

  if (self->path == NULL)
    {
      g_set_error_literal (error, MER_EDIT_ERROR, MER_EDIT_ERROR_NO_FILE, _("The new story has no file yet."));
      return FALSE;
    }

  if (self->original != NULL && g_file_get_contents (self->path, &on_disk, &length, NULL) &&
      (length != self->original_length || memcmp (on_disk, self->original, length) != 0))
    {
      g_autofree char *display = g_filename_display_basename (self->path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_WOULD_MERGE,
                   _("“%s” was changed by another program since Meridian read it."), display);
      return FALSE;
    }

  return mer_edit_save_as (self, self->path, error);
}

/**
 * mer_edit_restore_text:
 * @text: a version of the story, such as a recovery file
 *
 * Makes @text the story as edited, not saved; the history starts again.
 */
gboolean
mer_edit_restore_text (MerEdit     *self,
                       const char  *text,
                       GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *previous;

  g_return_val_if_fail (MER_IS_EDIT (self), FALSE);

  if (!json_parser_load_from_data (parser, text, -1, error))
    return FALSE;

  previous = self->root;
  self->root = json_node_ref (json_parser_get_root (parser));
  if (!check (self, NULL, error))
    {
      json_node_unref (self->root);
      self->root = previous;
      return FALSE;
    }
  json_node_unref (previous);
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  self->saved_depth = -1;
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

gboolean
mer_edit_can_undo (MerEdit *self)
{
  g_return_val_if_fail (MER_IS_EDIT (self), FALSE);
  return self->undo->len > 0;
}

gboolean
mer_edit_can_redo (MerEdit *self)
{
  g_return_val_if_fail (MER_IS_EDIT (self), FALSE);
  return self->redo->len > 0;
}

/**
 * mer_edit_get_undo_label:
 *
 * Returns: (nullable): what undo would undo, such as "Edit Title"
 */
const char *
mer_edit_get_undo_label (MerEdit *self)
{
  g_return_val_if_fail (MER_IS_EDIT (self), NULL);
  return self->undo->len > 0 ? ((Command *) g_ptr_array_index (self->undo, self->undo->len - 1))->label : NULL;
}

const char *
mer_edit_get_redo_label (MerEdit *self)
{
  g_return_val_if_fail (MER_IS_EDIT (self), NULL);
  return self->redo->len > 0 ? ((Command *) g_ptr_array_index (self->redo, self->redo->len - 1))->label : NULL;
}

static void
travel (MerEdit   *self,
        GPtrArray *from,
        GPtrArray *to,
        gboolean   forward)
{
  Command *command;

  if (from->len == 0)
    return;

  command = g_ptr_array_steal_index (from, from->len - 1);
  if (forward)
    for (guint i = 0; i < command->steps->len; i++)
      step_apply (self, g_ptr_array_index (command->steps, i), TRUE);
  else
    for (guint i = command->steps->len; i > 0; i--)
      step_apply (self, g_ptr_array_index (command->steps, i - 1), FALSE);
  g_ptr_array_add (to, command);

  /* Each state in the history was checked when it was made. */
  if (!check (self, NULL, NULL))
    g_assert_not_reached ();
  g_signal_emit (self, signals[CHANGED], 0);
}

void
mer_edit_undo (MerEdit *self)
{
  g_return_if_fail (MER_IS_EDIT (self));
  travel (self, self->undo, self->redo, FALSE);
}

void
mer_edit_redo (MerEdit *self)
{
  g_return_if_fail (MER_IS_EDIT (self));
  travel (self, self->redo, self->undo, TRUE);
}

/**
 * mer_edit_set_story_text:
 * @member: "title", "subtitle", "description" or "attribution"
 * @value: (nullable): the text; empty removes it
 */
gboolean
mer_edit_set_story_text (MerEdit     *self,
                         const char  *member,
                         const char  *value,
                         GError     **error)
{
  g_autofree char *text = trimmed (value);

  g_return_val_if_fail (MER_IS_EDIT (self), FALSE);

  begin (self);
  set_string (self, "", member, text);
  return finish (self, _("Edit Story"), "", error);
}

/* The position among the events where one starting at @start goes: after
 * those that start earlier or at the same time. */
static guint
event_position (MerEdit       *self,
                const MerDate *start)
{
  JsonNode *events = resolve (self, "events");
  guint n = json_array_get_length (json_node_get_array (events));

  for (guint i = n; i > 0; i--)
    {
      JsonNode *node = json_array_get_element (json_node_get_array (events), i - 1);
      const char *text = JSON_NODE_HOLDS_OBJECT (node)
                           ? json_object_get_string_member_with_default (json_node_get_object (node), "start", NULL)
                           : NULL;
      MerDate date;

      if (text != NULL && mer_date_parse (text, &date, NULL) &&
          mer_date_first_second (&date) <= mer_date_first_second (start))
        return i;
    }
  return 0;
}

/**
 * mer_edit_add_event:
 * @title: its title
 * @start: its start, as ISO 8601
 * @place: (nullable): where it happened
 *
 * Adds an event among the others in time order.
 *
 * Returns: (transfer full) (nullable): the new event's id
 */
char *
mer_edit_add_event (MerEdit         *self,
                    const char      *title,
                    const char      *start,
                    const MerPlace  *place,
                    GError         **error)
{
  g_autofree char *clean_title = trimmed (title);
  g_autofree char *clean_start = trimmed (start);
  g_autofree char *events = NULL;
  g_autofree char *id = NULL;
  g_autofree char *item_path = NULL;
  JsonObject *object;
  MerDate date;
  guint position;

  g_return_val_if_fail (MER_IS_EDIT (self), NULL);

  if (!check_text (clean_title, _("title"), error) || !check_dates (clean_start, NULL, error))
    return NULL;
  mer_date_parse (clean_start, &date, NULL);

  id = make_id (self, MER_EDIT_KIND_EVENT, clean_title, "event");
  object = json_object_new ();
  json_object_set_string_member (object, "id", id);
  json_object_set_string_member (object, "title", clean_title);
  json_object_set_string_member (object, "start", clean_start);
  if (place != NULL)
    {
      JsonArray *places = json_array_new ();

      json_array_add_element (places, place_node (place));
      json_object_set_array_member (object, "places", places);
    }

  begin (self);
  events = ensure_array (self, "", "events");
  position = event_position (self, &date);
  set_element (self, events, position, FALSE, json_node_init_object (json_node_alloc (), object));
  json_object_unref (object);
  item_path = g_strdup_printf ("events/%u", position);
  if (!finish (self, _("Add Event"), item_path, error))
    return NULL;
  return g_steal_pointer (&id);
}

gboolean
mer_edit_set_event_title (MerEdit     *self,
                          const char  *id,
                          const char  *title,
                          GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *text = trimmed (title);

  g_return_val_if_fail (MER_IS_EDIT (self), FALSE);

  if (find_item (self, MER_EDIT_KIND_EVENT, id, &path, error) == NULL || !check_text (text, _("title"), error))
    return FALSE;
  begin (self);
  set_string (self, path, "title", text);
  return finish (self, _("Edit Title"), path, error);
}

/**
 * mer_edit_set_event_dates:
 * @start: the start, ISO 8601 at any precision (year, month, day, minute)
 * @end: (nullable): the end; empty or %NULL for none
 * @circa: whether the dates are approximate
 *
 * Refuses a date that does not exist and an end before the start.
 */
gboolean
mer_edit_set_event_dates (MerEdit     *self,
                          const char  *id,
                          const char  *start,
                          const char  *end,
                          gboolean     circa,
                          GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *clean_start = trimmed (start);
  g_autofree char *clean_end = trimmed (end);
  JsonNode *event;

  g_return_val_if_fail (MER_IS_EDIT (self), FALSE);

  event = find_item (self, MER_EDIT_KIND_EVENT, id, &path, error);
  if (event == NULL || !check_dates (clean_start, clean_end, error))
    return FALSE;

  begin (self);
  set_string (self, path, "start", clean_start);
  set_string (self, path, "end", clean_end);
  /* "circa": false is written only where the file wrote it. */
  if (circa || json_object_has_member (json_node_get_object (event), "circa"))
    set_member (self, path, "circa", json_node_init_boolean (json_node_alloc (), circa));
  return finish (self, _("Edit Dates"), path, error);
}

/* An event's optional text member: trimmed, and removed when empty. */
static gboolean
set_event_text (MerEdit     *self,
                const char  *id,
                const char  *member,
                const char  *value,
                const char  *undo_label,
                GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *text = trimmed (value);

  if (find_item (self, MER_EDIT_KIND_EVENT, id, &path, error) == NULL)
    return FALSE;
  begin (self);
  set_string (self, path, member, text);
  return finish (self, undo_label, path, error);
}

gboolean
mer_edit_set_event_summary (MerEdit     *self,
                            const char  *id,
                            const char  *summary,
                            GError     **error)
{
  g_return_val_if_fail (MER_IS_EDIT (self), FALSE);

  return set_event_text (self, id, "summary", summary, _("Edit Summary"), error);
}

/**
 * mer_edit_set_event_date_label:
 * @label: (nullable): the date in words ("Spring 1945"); empty removes it
 */
gboolean
mer_edit_set_event_date_label (MerEdit     *self,
                               const char  *id,
                               const char  *label,
                               GError     **error)
{
  g_return_val_if_fail (MER_IS_EDIT (self), FALSE);

  return set_event_text (self, id, "date_label", label, _("Edit Date Label"), error);
}

/**
 * mer_edit_set_event_category:
 * @category_id: (nullable): a category's id, or %NULL for none
 */
gboolean
mer_edit_set_event_category (MerEdit     *self,
                             const char  *id,
                             const char  *category_id,
                             GError     **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (MER_IS_EDIT (self), FALSE);

  if (find_item (self, MER_EDIT_KIND_EVENT, id, &path, error) == NULL)
    return FALSE;
  if (category_id != NULL && find_item (self, MER_EDIT_KIND_CATEGORY, category_id, NULL, error) == NULL)
    return FALSE;
  begin (self);
  set_string (self, path, "category", category_id);
  return finish (self, _("Edit Category"), path, error);
}

/**
 * mer_edit_set_event_importance:
 * @importance: 1 to 5, or 0 for none
 */
gboolean
mer_edit_set_event_importance (MerEdit     *self,
                               const char  *id,
                               guint        importance,
                               GError     **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (MER_IS_EDIT (self), FALSE);

  if (find_item (self, MER_EDIT_KIND_EVENT, id, &path, error) == NULL)
    return FALSE;
  if (importance > 5)
    {
      g_set_error (error, MER_EDIT_ERROR, MER_EDIT_ERROR_INVALID, _("Importance goes from 1 to 5, not %u."),
                   importance);
      return FALSE;
    }
  begin (self);
  set_member (self, path, "importance",
              importance > 0 ? json_node_init_int (json_node_alloc (), importance) : NULL);
  return finish (self, _("Edit Importance"), path, error);
}

gboolean
mer_edit_set_event_tags (MerEdit            *self,
                         const char         *id,
                         const char * const *tags,
                         GError            **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (MER_IS_EDIT (self), FALSE);

  if (find_item (self, MER_EDIT_KIND_EVENT, id, &path, error) == NULL)
    return FALSE;
  begin (self);
  set_string_list (self, path, "tags", tags);
  return finish (self, _("Edit Tags"), path, error);
}

gboolean
mer_edit_set_event_regions (MerEdit            *self,
                            const char         *id,
                            const char * const *region_ids,
                            GError            **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (MER_IS_EDIT (self), FALSE);

  if (find_item (self, MER_EDIT_KIND_EVENT, id, &path, error) == NULL)
    return FALSE;
  for (guint i = 0; region_ids != NULL && region_ids[i] != NULL; i++)
    if (find_item (self, MER_EDIT_KIND_REGION, region_ids[i], NULL, error) == NULL)
      return FALSE;
  begin (self);
  set_string_list (self, path, "regions", region_ids);
  return finish (self, _("Edit Regions"), path, error);
}

/* The element @index of the array @key of an event, as a path. */
static char *
element_path (MerEdit     *self,
              const char  *id,
              const char  *key,
              guint        index,
              char       **event_path,
              GError     **error)
{
  JsonNode *event = find_item (self, MER_EDIT_KIND_EVENT, id, event_path, error);
  JsonNode *array;

  if (event == NULL)
    return NULL;
  array = json_object_get_member (json_node_get_object (event), key);
  if (array == NULL || !JSON_NODE_HOLDS_ARRAY (array) || index >= json_array_get_length (json_node_get_array (array)))
    {
      g_set_error (error, MER_EDIT_ERROR, MER_EDIT_ERROR_NOT_FOUND, _("The event “%s” has no %s number %u."), id,
                   key, index + 1);
      return NULL;
    }
  return g_strdup_printf ("%s/%s", *event_path, key);
}

gboolean
mer_edit_add_place (MerEdit         *self,
                    const char      *id,
                    const MerPlace  *place,
                    GError         **error)
{
  g_autofree char *path = NULL;
  g_autofree char *places = NULL;
  g_autofree char *name = trimmed (place->name);
  MerPlace clean = *place;

  g_return_val_if_fail (MER_IS_EDIT (self), FALSE);

  if (find_item (self, MER_EDIT_KIND_EVENT, id, &path, error) == NULL ||
      !check_text (name, _("place’s name"), error))
    return FALSE;
  clean.name = name;
  begin (self);
  places = ensure_array (self, path, "places");
  set_element (self, places, G_MAXUINT, FALSE, place_node (&clean));
  return finish (self, _("Add Place"), path, error);
}

gboolean
mer_edit_remove_place (MerEdit     *self,
                       const char  *id,
                       guint        index,
                       GError     **error)
{
  g_autofree char *event_path = NULL;
  g_autofree char *places = element_path (self, id, "places", index, &event_path, error);

  if (places == NULL)
    return FALSE;
  begin (self);
  set_element (self, places, index, TRUE, NULL);
  return finish (self, _("Remove Place"), event_path, error);
}

gboolean
mer_edit_rename_place (MerEdit     *self,
                       const char  *id,
                       guint        index,
                       const char  *name,
                       GError     **error)
{
  g_autofree char *event_path = NULL;
  g_autofree char *places = element_path (self, id, "places", index, &event_path, error);
  g_autofree char *place = NULL;
  g_autofree char *text = trimmed (name);

  if (places == NULL || !check_text (text, _("place’s name"), error))
    return FALSE;
  place = g_strdup_printf ("%s/%u", places, index);
  begin (self);
  set_string (self, place, "name", text);
  return finish (self, _("Rename Place"), event_path, error);
}

/**
 * mer_edit_move_place:
 * @lat: the new latitude, in degrees
 * @lon: the new longitude
 *
 * Moves a place, as when its marker is dragged; positions are kept to four
 * decimals (about ten metres).
 */
gboolean
mer_edit_move_place (MerEdit     *self,
                     const char  *id,
                     guint        index,
                     double       lat,
                     double       lon,
                     GError     **error)
{
  g_autofree char *event_path = NULL;
  g_autofree char *places = element_path (self, id, "places", index, &event_path, error);
  g_autofree char *place = NULL;

  if (places == NULL)
    return FALSE;
  place = g_strdup_printf ("%s/%u", places, index);
  begin (self);
  set_member (self, place, "lat", number_node (lat, COORDINATE_SCALE));
  set_member (self, place, "lon", number_node (lon, COORDINATE_SCALE));
  return finish (self, _("Move Place"), event_path, error);
}

gboolean
mer_edit_add_source (MerEdit          *self,
                     const char       *id,
                     const MerSource  *source,
                     GError          **error)
{
  g_autofree char *path = NULL;
  g_autofree char *sources = NULL;
  JsonNode *node;

  g_return_val_if_fail (MER_IS_EDIT (self), FALSE);

  if (find_item (self, MER_EDIT_KIND_EVENT, id, &path, error) == NULL ||
      (node = source_node (source, error)) == NULL)
    return FALSE;
  begin (self);
  sources = ensure_array (self, path, "sources");
  set_element (self, sources, G_MAXUINT, FALSE, node);
  return finish (self, _("Add Source"), path, error);
}

gboolean
mer_edit_set_source (MerEdit          *self,
                     const char       *id,
                     guint             index,
                     const MerSource  *source,
                     GError          **error)
{
  g_autofree char *event_path = NULL;
  g_autofree char *sources = element_path (self, id, "sources", index, &event_path, error);
  g_autofree char *element = NULL;
  g_autofree char *title = trimmed (source->title);
  g_autofree char *url = trimmed (source->url);

  if (sources == NULL || !check_text (title, _("source’s title"), error) || !check_url (url, error))
    return FALSE;
  element = g_strdup_printf ("%s/%u", sources, index);
  begin (self);
  /* Member by member, so that what the source has besides stays. */
  set_string (self, element, "title", title);
  set_string (self, element, "url", url);
  return finish (self, _("Edit Source"), event_path, error);
}

gboolean
mer_edit_remove_source (MerEdit     *self,
                        const char  *id,
                        guint        index,
                        GError     **error)
{
  g_autofree char *event_path = NULL;
  g_autofree char *sources = element_path (self, id, "sources", index, &event_path, error);

  if (sources == NULL)
    return FALSE;
  begin (self);
  set_element (self, sources, index, TRUE, NULL);
  return finish (self, _("Remove Source"), event_path, error);
}

/**
 * mer_edit_add_era:
 *
 * Returns: (transfer full) (nullable): the new era's id
 */
char *
mer_edit_add_era (MerEdit     *self,
                  const char  *title,
                  const char  *start,
                  const char  *end,
                  GError     **error)
{
  g_autofree char *clean_title = trimmed (title);
  g_autofree char *clean_start = trimmed (start);
  g_autofree char *clean_end = trimmed (end);
  g_autofree char *eras = NULL;
  g_autofree char *id = NULL;
  g_autofree char *item_path = NULL;
  JsonObject *object;

  g_return_val_if_fail (MER_IS_EDIT (self), NULL);

  if (!check_text (clean_title, _("title"), error) || !check_dates (clean_start, clean_end, error))
    return NULL;
  if (clean_end == NULL)
    {
      g_set_error_literal (error, MER_EDIT_ERROR, MER_EDIT_ERROR_INVALID, _("An era needs an end date."));
      return NULL;
    }

  id = make_id (self, MER_EDIT_KIND_ERA, clean_title, "era");
  object = json_object_new ();
  json_object_set_string_member (object, "id", id);
  json_object_set_string_member (object, "title", clean_title);
  json_object_set_string_member (object, "start", clean_start);
  json_object_set_string_member (object, "end", clean_end);

  begin (self);
  eras = ensure_array (self, "", "eras");
  set_element (self, eras, G_MAXUINT, FALSE, json_node_init_object (json_node_alloc (), object));
  json_object_unref (object);
  item_path = g_strdup_printf ("eras/%u", json_array_get_length (json_node_get_array (resolve (self, "eras"))) - 1);
  if (!finish (self, _("Add Era"), item_path, error))
    return NULL;
  return g_steal_pointer (&id);
}

gboolean
mer_edit_set_era_dates (MerEdit     *self,
                        const char  *id,
                        const char  *start,
                        const char  *end,
                        GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *clean_start = trimmed (start);
  g_autofree char *clean_end = trimmed (end);

  g_return_val_if_fail (MER_IS_EDIT (self), FALSE);

  if (find_item (self, MER_EDIT_KIND_ERA, id, &path, error) == NULL || !check_dates (clean_start, clean_end, error))
    return FALSE;
  if (clean_end == NULL)
    {
      g_set_error_literal (error, MER_EDIT_ERROR, MER_EDIT_ERROR_INVALID, _("An era needs an end date."));
      return FALSE;
    }
  begin (self);
  set_string (self, path, "start", clean_start);
  set_string (self, path, "end", clean_end);
  return finish (self, _("Edit Era Dates"), path, error);
}

/**
 * mer_edit_add_category:
 * @color: (nullable): `#rrggbb`
 *
 * Returns: (transfer full) (nullable): the new category's id
 */
char *
mer_edit_add_category (MerEdit     *self,
                       const char  *name,
                       const char  *color,
                       GError     **error)
{
  g_autofree char *clean_name = trimmed (name);
  g_autofree char *categories = NULL;
  g_autofree char *id = NULL;
  g_autofree char *item_path = NULL;
  JsonObject *object;

  g_return_val_if_fail (MER_IS_EDIT (self), NULL);

  if (!check_text (clean_name, _("name"), error))
    return NULL;

  id = make_id (self, MER_EDIT_KIND_CATEGORY, clean_name, "category");
  object = json_object_new ();
  json_object_set_string_member (object, "id", id);
  json_object_set_string_member (object, "name", clean_name);
  if (color != NULL)
    json_object_set_string_member (object, "color", color);

  begin (self);
  categories = ensure_array (self, "", "categories");
  set_element (self, categories, G_MAXUINT, FALSE, json_node_init_object (json_node_alloc (), object));
  json_object_unref (object);
  item_path = g_strdup_printf ("categories/%u",
                               json_array_get_length (json_node_get_array (resolve (self, "categories"))) - 1);
  if (!finish (self, _("Add Category"), item_path, error))
    return NULL;
  return g_steal_pointer (&id);
}

/**
 * mer_edit_set_region_names:
 * @names: (array length=n_names): the region's names in other languages
 */
gboolean
mer_edit_set_region_names (MerEdit        *self,
                           const char     *id,
                           const MerName  *names,
                           guint           n_names,
                           GError        **error)
{
  g_autofree char *path = NULL;
  JsonObject *object;

  g_return_val_if_fail (MER_IS_EDIT (self), FALSE);

  if (find_item (self, MER_EDIT_KIND_REGION, id, &path, error) == NULL)
    return FALSE;

  object = json_object_new ();
  for (guint i = 0; i < n_names; i++)
    {
      g_autofree char *lang = trimmed (names[i].lang);
      g_autofree char *text = trimmed (names[i].text);

      if (lang == NULL || text == NULL)
        {
          json_object_unref (object);
          g_set_error_literal (error, MER_EDIT_ERROR, MER_EDIT_ERROR_INVALID,
                               _("A name needs both its language and its text."));
          return FALSE;
        }
      json_object_set_string_member (object, lang, text);
    }

  begin (self);
  set_member (self, path, "names",
              n_names > 0 ? json_node_init_object (json_node_alloc (), object) : NULL);
  json_object_unref (object);
  return finish (self, _("Edit Names"), path, error);
}

/* Regions */

static void
append_coordinate (GString *out,
                   double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *end;

  /* Four decimals, about ten metres, as for places; trailing zeros go. */
  g_ascii_formatd (buffer, sizeof buffer, "%.4f", round (value * COORDINATE_SCALE) / COORDINATE_SCALE);
  end = buffer + strlen (buffer) - 1;
  while (*end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';
  g_string_append (out, g_str_equal (buffer, "-0") ? "0" : buffer);
}

/* @geometry as a GeoJSON Polygon or MultiPolygon, a ring to a line. */
static char *
geometry_text (MerGeometry *geometry)
{
  guint n_polygons, n_rings, n_points;
  const MerPolygon *polygons = mer_geometry_get_polygons (geometry, &n_polygons);
  const MerRing *rings = mer_geometry_get_rings (geometry, &n_rings);
  const MerLonLat *points = mer_geometry_get_points (geometry, &n_points);
  gboolean multi = n_polygons > 1;
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "{\n  \"type\": \"%s\",\n  \"coordinates\": [\n", multi ? "MultiPolygon" : "Polygon");
  for (guint p = 0; p < n_polygons; p++)
    {
      if (multi)
        g_string_append (out, "    [\n");
      for (guint r = polygons[p].first_ring; r < polygons[p].first_ring + polygons[p].n_rings; r++)
        {
          g_string_append_printf (out, "%*s[", multi ? 6 : 4, "");
          for (guint i = rings[r].first_point; i < rings[r].first_point + rings[r].n_points; i++)
            {
              g_string_append (out, i > rings[r].first_point ? ", [" : "[");
              append_coordinate (out, points[i].lon);
              g_string_append (out, ", ");
              append_coordinate (out, points[i].lat);
              g_string_append_c (out, ']');
            }
          g_string_append_printf (out, "]%s\n", r + 1 < polygons[p].first_ring + polygons[p].n_rings ? "," : "");
        }
      if (multi)
        g_string_append_printf (out, "    ]%s\n", p + 1 < n_polygons ? "," : "");
    }
  g_string_append (out, "  ]\n}\n");
  return g_string_free (out, FALSE);
}

/* Where the outline of region @id is written: "regions/ID.geojson" next
 * to the story, or "regions/ID-2.geojson"… when a file of that name holds
 * another outline (one a region of the story may use). */
static char *
geometry_file_name (const char *story_dir,
                    const char *id,
                    const char *text)
{
  for (guint n = 1;; n++)
    {
      g_autofree char *name = n == 1 ? g_strdup_printf ("regions/%s.geojson", id)
                                     : g_strdup_printf ("regions/%s-%u.geojson", id, n);
      g_autofree char *full = g_build_filename (story_dir, name, NULL);
      g_autofree char *existing = NULL;

      if (!g_file_get_contents (full, &existing, NULL, NULL) || g_str_equal (existing, text))
        return g_steal_pointer (&name);
    }
}

/**
 * mer_edit_add_region:
 * @name: the region's name in the story's language
 * @geometry: its outline: one or more polygons
 *
 * Adds a region whose outline is written next to the story, in
 * `regions/ID.geojson`, and referred to by its `geometry` member. The
 * file is written at once, since the story is checked by reading it;
 * undoing the edit removes the region from the story but leaves the file,
 * which nothing then refers to, so that redo finds it and a recovery file
 * still reads. A new story is saved first: the file goes next to it.
 *
 * Returns: (transfer full) (nullable): the new region's id
 */
char *
mer_edit_add_region (MerEdit      *self,
                     const char   *name,
                     MerGeometry  *geometry,
                     GError      **error)
{
  return mer_edit_add_named_region (self, name, NULL, 0, geometry, error);
}

/**
 * mer_edit_add_named_region:
 * @name: the region's name in the story's language
 * @names: (array length=n_names) (nullable): its names in other languages
 * @geometry: its outline: one or more polygons
 *
 * Adds a region as mer_edit_add_region() does, with its names in other
 * languages, in one step of the history.
 *
 * Returns: (transfer full) (nullable): the new region's id
 */
char *
mer_edit_add_named_region (MerEdit        *self,
                           const char     *name,
                           const MerName  *names,
                           guint           n_names,
                           MerGeometry    *geometry,
                           GError        **error)
{
  g_autoptr(JsonObject) names_object = json_object_new ();
  g_autofree char *clean_name = trimmed (name);
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  g_autofree char *story_dir = NULL;
  g_autofree char *relative = NULL;
  g_autofree char *full = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *regions = NULL;
  g_autofree char *item_path = NULL;
  gboolean existed;
  guint n_polygons = 0;
  JsonObject *object;

  g_return_val_if_fail (MER_IS_EDIT (self), NULL);
  g_return_val_if_fail (geometry != NULL, NULL);

  if (!check_text (clean_name, _("name"), error))
    return NULL;
  for (guint i = 0; i < n_names; i++)
    {
      g_autofree char *lang = trimmed (names[i].lang);
      g_autofree char *other = trimmed (names[i].text);

      if (lang == NULL || other == NULL)
        {
          g_set_error_literal (error, MER_EDIT_ERROR, MER_EDIT_ERROR_INVALID,
                               _("A name needs both its language and its text."));
          return NULL;
        }
      json_object_set_string_member (names_object, lang, other);
    }
  mer_geometry_get_polygons (geometry, &n_polygons);
  if (n_polygons == 0)
    {
      g_set_error_literal (error, MER_EDIT_ERROR, MER_EDIT_ERROR_INVALID, _("A region needs an outline."));
      return NULL;
    }
  if (self->path == NULL)
    {
      g_set_error_literal (error, MER_EDIT_ERROR, MER_EDIT_ERROR_NO_FILE,
                           _("Save the story first: a region’s outline is written in a file next to it."));
      return NULL;
    }

  id = make_id (self, MER_EDIT_KIND_REGION, clean_name, "region");
  text = geometry_text (geometry);
  story_dir = g_path_get_dirname (self->path);
  relative = geometry_file_name (story_dir, id, text);
  full = g_build_filename (story_dir, relative, NULL);
  folder = g_path_get_dirname (full);
  existed = g_file_test (full, G_FILE_TEST_EXISTS);
  if (g_mkdir_with_parents (folder, 0777) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), _("Cannot make the folder %s: %s"),
                   folder, g_strerror (saved_errno));
      return NULL;
    }
  if (!existed && !mer_edit_write_file (full, text, strlen (text), error))
    return NULL;

  object = json_object_new ();
  json_object_set_string_member (object, "id", id);
  json_object_set_string_member (object, "name", clean_name);
  if (n_names > 0)
    json_object_set_object_member (object, "names", json_object_ref (names_object));
  json_object_set_string_member (object, "geometry", relative);

  begin (self);
  regions = ensure_array (self, "", "regions");
  set_element (self, regions, G_MAXUINT, FALSE, json_node_init_object (json_node_alloc (), object));
  json_object_unref (object);
  item_path = g_strdup_printf ("regions/%u",
                               json_array_get_length (json_node_get_array (resolve (self, "regions"))) - 1);
  if (!finish (self, _("Add Region"), item_path, error))
    {
      if (!existed)
        g_unlink (full);
      return NULL;
    }
  return g_steal_pointer (&id);
}

/**
 * mer_edit_read_outline:
 * @path: a GeoJSON or KML file
 * @name: (out) (optional): the name the file gives the outline, the file's
 *   name if it gives none
 *
 * Reads the polygons of a GeoJSON or KML file, all of them, as one outline
 * for mer_edit_add_region().
 *
 * Returns: (transfer full) (nullable): the outline
 */
MerGeometry *
mer_edit_read_outline (const char  *path,
                       char       **name,
                       GError     **error)
{
  g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
  g_autoptr(MerDocument) document = NULL;
  g_autoptr(MerGeometry) outline = mer_geometry_new ();
  const char *first_name = NULL;
  GListModel *regions;
  guint n_outlines = 0;

  document = mer_import_load_file (path, NULL, diagnostics, error);
  if (document == NULL)
    return NULL;

  regions = mer_document_get_regions (document);
  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(MerRegion) region = g_list_model_get_item (regions, i);
      MerGeometry *geometry = mer_region_get_geometry (region);
      guint n_polygons = 0, n_rings = 0, n_points = 0;
      const MerPolygon *polygons = geometry != NULL ? mer_geometry_get_polygons (geometry, &n_polygons) : NULL;
      const MerRing *rings = geometry != NULL ? mer_geometry_get_rings (geometry, &n_rings) : NULL;
      const MerLonLat *points = geometry != NULL ? mer_geometry_get_points (geometry, &n_points) : NULL;

      for (guint p = 0; p < n_polygons; p++)
        {
          mer_geometry_begin_polygon (outline);
          for (guint r = polygons[p].first_ring; r < polygons[p].first_ring + polygons[p].n_rings; r++)
            mer_geometry_add_ring (outline, points + rings[r].first_point, rings[r].n_points);
        }
      if (n_polygons > 0 && n_outlines++ == 0)
        first_name = mer_region_get_name (region);
    }

  if (n_outlines == 0)
    {
      g_autofree char *display = g_filename_display_basename (path);

      g_set_error (error, MER_EDIT_ERROR, MER_EDIT_ERROR_INVALID, _("%s has no polygon."), display);
      return NULL;
    }
  if (name != NULL)
    {
      /* Several outlines are one region: the file's name says it best. */
      if (n_outlines == 1 && first_name != NULL && *first_name != '\0')
        *name = g_strdup (first_name);
      else
        {
          char *dot;

          *name = g_path_get_basename (path);
          if ((dot = strrchr (*name, '.')) != NULL && dot != *name)
            *dot = '\0';
        }
    }
  return g_steal_pointer (&outline);
}

/**
 * mer_edit_set_string:
 * @kind: the item's kind
 * @member: a string member: "title", "name", "description", "color",
 *   "status"…
 * @value: (nullable): the text; empty removes the member
 *
 * Edits a text member of an era, a category, a region or an event; the
 * story's checks refuse what the format does not allow (a colour not
 * `#rrggbb`, a status not known, a required member removed).
 */
gboolean
mer_edit_set_string (MerEdit      *self,
                     MerEditKind   kind,
                     const char   *id,
                     const char   *member,
                     const char   *value,
                     GError      **error)
{
  g_autofree char *path = NULL;
  g_autofree char *text = trimmed (value);
  g_autofree char *label = NULL;

  g_return_val_if_fail (MER_IS_EDIT (self), FALSE);

  if (find_item (self, kind, id, &path, error) == NULL)
    return FALSE;
  begin (self);
  set_string (self, path, member, text);
  label = g_strdup_printf (_("Edit %s"), member);
  return finish (self, label, path, error);
}

/**
 * mer_edit_remove_item:
 *
 * Deletes an event, region, era, category or briefing. One still referred
 * to (a category events have, an event a slide shows) is not deleted: the
 * error says where it is used.
 */
gboolean
mer_edit_remove_item (MerEdit      *self,
                      MerEditKind   kind,
                      const char   *id,
                      GError      **error)
{
  g_autofree char *path = NULL;
  const char *slash;

  g_return_val_if_fail (MER_IS_EDIT (self), FALSE);

  if (find_item (self, kind, id, &path, error) == NULL)
    return FALSE;
  slash = strrchr (path, '/');
  begin (self);
  set_element (self, kind_arrays[kind], (guint) g_ascii_strtoull (slash + 1, NULL, 10), TRUE, NULL);
  return finish (self, _("Delete"), path, error);
}

/**
 * mer_edit_move_item:
 * @to: the item's new position among its kind
 *
 * Reorders eras, categories (the legend's order), regions or events.
 */
gboolean
mer_edit_move_item (MerEdit      *self,
                    MerEditKind   kind,
                    const char   *id,
                    guint         to,
                    GError      **error)
{
  g_autofree char *path = NULL;
  JsonNode *item;
  guint from;

  g_return_val_if_fail (MER_IS_EDIT (self), FALSE);

  if ((item = find_item (self, kind, id, &path, error)) == NULL)
    return FALSE;
  from = (guint) g_ascii_strtoull (strrchr (path, '/') + 1, NULL, 10);
  to = MIN (to, json_array_get_length (json_node_get_array (resolve (self, kind_arrays[kind]))) - 1);
  if (from == to)
    return TRUE;

  item = deep_copy (item);
  begin (self);
  set_element (self, kind_arrays[kind], from, TRUE, NULL);
  set_element (self, kind_arrays[kind], to, FALSE, item);
  return finish (self, _("Move"), NULL, error);
}

/**
 * mer_edit_set_slides:
 * @title: the briefing's title, if it is new
 * @slides: the briefing's slides, an array (copied)
 *
 * Replaces the slides of a briefing (made if missing); the slide editor
 * records its edits through here, in the story's one history.
 */
gboolean
mer_edit_set_slides (MerEdit     *self,
                     const char  *briefing_id,
                     const char  *title,
                     JsonNode    *slides,
                     GError     **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (MER_IS_EDIT (self), FALSE);
  g_return_val_if_fail (JSON_NODE_HOLDS_ARRAY (slides), FALSE);

  begin (self);
  if (find_item (self, MER_EDIT_KIND_BRIEFING, briefing_id, &path, NULL) == NULL)
    {
      g_autofree char *briefings = ensure_array (self, "", "briefings");
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "id", briefing_id);
      json_object_set_string_member (object, "title", title);
      json_object_set_array_member (object, "slides", json_array_new ());
      set_element (self, briefings, G_MAXUINT, FALSE, json_node_init_object (json_node_alloc (), object));
      json_object_unref (object);
      find_item (self, MER_EDIT_KIND_BRIEFING, briefing_id, &path, NULL);
    }
  set_member (self, path, "slides", deep_copy (slides));
  return finish (self, _("Edit Slides"), path, error);
}

static void
mer_edit_finalize (GObject *object)
{
  MerEdit *self = MER_EDIT (object);

  g_free (self->path);
  g_free (self->original);
  g_clear_pointer (&self->root, json_node_unref);
  g_free (self->text);
  g_clear_object (&self->document);
  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);

  G_OBJECT_CLASS (mer_edit_parent_class)->finalize (object);
}

static void
mer_edit_class_init (MerEditClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mer_edit_finalize;

  /**
   * MerEdit::changed:
   *
   * The story changed (an edit, an undo, a redo, a restore: the document
   * is a new one), or it was saved.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
mer_edit_init (MerEdit *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) command_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) command_free);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-briefing-editor"

#include "config.h"

#include "mer-briefing-editor.h"

#include "mer-edit.h"
#include "mer-json-writer.h"

#include <math.h>

#include <json-glib/json-glib.h>

/* Edits one briefing of a document: slides added (from the current view),
 * reordered, edited and deleted, with undo and redo, then saved back into
 * the event file. Saving reads the file afresh and replaces only that
 * briefing's slides; each slide keeps the members Meridian does not know,
 * and so does everything else in the file. The previous version is kept
 * beside it with a "~", and the file is replaced atomically.
 *
 * Made for a MerEdit, the slides live in the edit's story instead: each
 * slide edit is a command in the story's one history, undo and redo are
 * the story's, and so is saving. */

typedef struct {
  MerSlideData  data;
  JsonNode     *origin;   /* the slide as it was in the file, if it was */
} Slide;

struct _MerBriefingEditor
{
  GObject parent_instance;

  /* Owned */
  char      *path;
  char      *imported_from;   /* the file is not a Meridian story */
  char      *briefing_id;
  char      *briefing_title;
  GPtrArray *slides;     /* Slide */
  GPtrArray *undo;       /* GPtrArray of Slide */
  GPtrArray *redo;
  MerEdit   *edit;       /* the story's, when the slides are kept there */

  gboolean   dirty;
};

G_DEFINE_FINAL_TYPE (MerBriefingEditor, mer_briefing_editor, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
mer_slide_data_clear (MerSlideData *data)
{
  g_clear_pointer (&data->event_id, g_free);
  g_clear_pointer (&data->caption, g_free);
  g_clear_pointer (&data->notes, g_free);
  g_clear_pointer (&data->region_ids, g_strfreev);
  g_clear_pointer (&data->time_start, g_free);
  g_clear_pointer (&data->time_end, g_free);
}

static void
slide_data_copy (MerSlideData       *to,
                 const MerSlideData *from)
{
  *to = *from;
  to->event_id = g_strdup (from->event_id);
  to->caption = g_strdup (from->caption);
  to->notes = g_strdup (from->notes);
  to->region_ids = g_strdupv (from->region_ids);
  to->time_start = g_strdup (from->time_start);
  to->time_end = g_strdup (from->time_end);
}

static void
slide_free (Slide *slide)
{
  mer_slide_data_clear (&slide->data);
  g_clear_pointer (&slide->origin, json_node_unref);
  g_free (slide);
}

static Slide *
slide_copy (const Slide *slide)
{
  Slide *copy = g_new0 (Slide, 1);

  slide_data_copy (&copy->data, &slide->data);
  copy->origin = slide->origin != NULL ? json_node_ref (slide->origin) : NULL;
  return copy;
}

static GPtrArray *
slides_copy (GPtrArray *slides)
{
  GPtrArray *copy = g_ptr_array_new_full (slides->len, (GDestroyNotify) slide_free);

  for (guint i = 0; i < slides->len; i++)
    g_ptr_array_add (copy, slide_copy (g_ptr_array_index (slides, i)));
  return copy;
}

/* Every edit goes through here: what was is kept for undo. */
static void
begin_edit (MerBriefingEditor *self)
{
  if (self->edit != NULL)
    return;
  g_ptr_array_add (self->undo, slides_copy (self->slides));
  g_ptr_array_set_size (self->redo, 0);
}

static JsonNode *slide_to_json (const Slide *slide);
static void      load_from_edit (MerBriefingEditor *self);

static void
end_edit (MerBriefingEditor *self)
{
  if (self->edit != NULL)
    {
      g_autoptr(JsonNode) slides = json_node_init_array (json_node_alloc (), json_array_new ());
      g_autoptr(GError) error = NULL;

      json_array_unref (json_node_get_array (slides));
      for (guint i = 0; i < self->slides->len; i++)
        json_array_add_element (json_node_get_array (slides), slide_to_json (g_ptr_array_index (self->slides, i)));
      /* The edit's change reads the slides back; one it refuses puts the
       * story's slides back. */
      if (!mer_edit_set_slides (self->edit, self->briefing_id, self->briefing_title, slides, &error))
        {
          g_debug ("Slide edit refused: %s", error->message);
          load_from_edit (self);
          g_signal_emit (self, signals[CHANGED], 0);
        }
      return;
    }
  self->dirty = TRUE;
  g_signal_emit (self, signals[CHANGED], 0);
}

static char *
date_text (const MerDate *date)
{
  return mer_date_to_iso (date);
}

static Slide *
slide_from_model (MerSlide *model,
                  JsonNode *origin)
{
  Slide *slide = g_new0 (Slide, 1);
  MerRegion * const *regions;
  guint n_regions;
  MerDate start, end;

  if (mer_slide_get_event (model) != NULL)
    slide->data.event_id = g_strdup (mer_event_get_id (mer_slide_get_event (model)));
  slide->data.caption = g_strdup (mer_slide_get_caption (model));
  slide->data.notes = g_strdup (mer_slide_get_notes (model));
  if (mer_slide_get_view (model) != NULL)
    {
      slide->data.has_view = TRUE;
      slide->data.view = *mer_slide_get_view (model);
    }
  regions = mer_slide_get_regions (model, &n_regions);
  if (n_regions > 0)
    {
      slide->data.region_ids = g_new0 (char *, n_regions + 1);
      for (guint i = 0; i < n_regions; i++)
        slide->data.region_ids[i] = g_strdup (mer_region_get_id (regions[i]));
    }
  if (mer_slide_get_time (model, &start, &end))
    {
      slide->data.time_start = date_text (&start);
      slide->data.time_end = date_text (&end);
    }
  slide->origin = origin != NULL ? json_node_copy (origin) : NULL;
  return slide;
}

static JsonObject *
find_briefing (JsonObject *root,
               const char *id)
{
  JsonNode *briefings = json_object_get_member (root, "briefings");

  if (briefings == NULL || !JSON_NODE_HOLDS_ARRAY (briefings))
    return NULL;

  for (guint i = 0; i < json_array_get_length (json_node_get_array (briefings)); i++)
    {
      JsonNode *node = json_array_get_element (json_node_get_array (briefings), i);

      if (JSON_NODE_HOLDS_OBJECT (node) &&
          g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (node), "id", ""), id) == 0)
        return json_node_get_object (node);
    }

  return NULL;
}

static char *
dup_member (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

static double
number_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_double (node) : 0;
}

/* A slide as the story's file has it; the story was checked, so its
 * members have their types. */
static Slide *
slide_from_json (JsonNode *node)
{
  Slide *slide = g_new0 (Slide, 1);
  JsonObject *object = json_node_get_object (node);
  JsonNode *member;

  slide->data.event_id = dup_member (object, "event");
  slide->data.caption = dup_member (object, "caption");
  slide->data.notes = dup_member (object, "notes");
  member = json_object_get_member (object, "view");
  if (member != NULL && JSON_NODE_HOLDS_OBJECT (member))
    {
      JsonObject *view = json_node_get_object (member);

      slide->data.has_view = TRUE;
      slide->data.view = (MerView) { number_member (view, "lat"), number_member (view, "lon"),
                                     number_member (view, "zoom") };
    }
  member = json_object_get_member (object, "regions");
  if (member != NULL && JSON_NODE_HOLDS_ARRAY (member) && json_array_get_length (json_node_get_array (member)) > 0)
    {
      JsonArray *regions = json_node_get_array (member);

      slide->data.region_ids = g_new0 (char *, json_array_get_length (regions) + 1);
      for (guint i = 0; i < json_array_get_length (regions); i++)
        slide->data.region_ids[i] = g_strdup (json_array_get_string_element (regions, i));
    }
  member = json_object_get_member (object, "time");
  if (member != NULL && JSON_NODE_HOLDS_OBJECT (member))
    {
      slide->data.time_start = dup_member (json_node_get_object (member), "start");
      slide->data.time_end = dup_member (json_node_get_object (member), "end");
    }
  slide->origin = json_node_copy (node);
  return slide;
}

static void
load_from_edit (MerBriefingEditor *self)
{
  JsonNode *root = mer_edit_get_root (self->edit);
  JsonObject *briefing = JSON_NODE_HOLDS_OBJECT (root) ? find_briefing (json_node_get_object (root), self->briefing_id)
                                                       : NULL;
  JsonNode *slides = briefing != NULL ? json_object_get_member (briefing, "slides") : NULL;

  g_ptr_array_set_size (self->slides, 0);
  if (slides == NULL || !JSON_NODE_HOLDS_ARRAY (slides))
    return;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (slides)); i++)
    g_ptr_array_add (self->slides, slide_from_json (json_array_get_element (json_node_get_array (slides), i)));
}

static void
on_edit_changed (MerBriefingEditor *self)
{
  load_from_edit (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * mer_briefing_editor_new_for_edit:
 * @edit: the story being edited
 * @briefing_id: (nullable): the briefing to edit; %NULL, or an id the
 *   story does not have, starts a new briefing (written with its first slide)
 *
 * An editor whose slides are kept in @edit's story, with its history.
 *
 * Returns: (transfer full): an editor
 */
MerBriefingEditor *
mer_briefing_editor_new_for_edit (MerEdit    *edit,
                                  const char *briefing_id)
{
  MerBriefingEditor *self;
  MerDocument *document;
  MerBriefing *briefing;

  g_return_val_if_fail (MER_IS_EDIT (edit), NULL);

  self = g_object_new (MER_TYPE_BRIEFING_EDITOR, NULL);
  document = mer_edit_get_document (edit);
  briefing = briefing_id != NULL ? mer_document_lookup_briefing (document, briefing_id) : NULL;
  self->edit = g_object_ref (edit);
  self->path = g_strdup (mer_edit_get_path (edit));
  if (briefing != NULL)
    {
      self->briefing_id = g_strdup (mer_briefing_get_id (briefing));
      self->briefing_title = g_strdup (mer_briefing_get_title (briefing));
    }
  else
    {
      guint n = g_list_model_get_n_items (mer_document_get_briefings (document));

      self->briefing_id = briefing_id != NULL ? g_strdup (briefing_id) : g_strdup_printf ("briefing-%u", n + 1);
      self->briefing_title = g_strdup ("New briefing");
    }
  load_from_edit (self);
  g_signal_connect_object (edit, "changed", G_CALLBACK (on_edit_changed), self, G_CONNECT_SWAPPED);
  return self;
}

/**
 * mer_briefing_editor_new:
 * @briefing_id: (nullable): the briefing to edit; %NULL, or an id the
 *   document does not have, starts a new briefing
 *
 * Returns: (transfer full) (nullable): an editor, or %NULL if the document's
 *   file cannot be read again
 */
MerBriefingEditor *
mer_briefing_editor_new (MerDocument  *document,
                         const char   *briefing_id,
                         GError      **error)
{
  g_autoptr(MerBriefingEditor) self = g_object_new (MER_TYPE_BRIEFING_EDITOR, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  MerBriefing *briefing = briefing_id != NULL ? mer_document_lookup_briefing (document, briefing_id) : NULL;
  JsonObject *original = NULL;
  JsonArray *original_slides = NULL;

  g_return_val_if_fail (MER_IS_DOCUMENT (document), NULL);

  self->path = g_file_get_path (mer_document_get_file (document));
  self->imported_from = g_strdup (mer_document_get_imported_from (document));
  if (briefing != NULL)
    {
      self->briefing_id = g_strdup (mer_briefing_get_id (briefing));
      self->briefing_title = g_strdup (mer_briefing_get_title (briefing));

      if (self->imported_from == NULL && !json_parser_load_from_file (parser, self->path, error))
        return NULL;
      if (self->imported_from == NULL && JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        original = find_briefing (json_node_get_object (json_parser_get_root (parser)), self->briefing_id);
      if (original != NULL && json_object_has_member (original, "slides") &&
          JSON_NODE_HOLDS_ARRAY (json_object_get_member (original, "slides")))
        original_slides = json_object_get_array_member (original, "slides");

      for (guint i = 0; i < mer_briefing_get_n_slides (briefing); i++)
        {
          JsonNode *origin = original_slides != NULL && i < json_array_get_length (original_slides)
                               ? json_array_get_element (original_slides, i) : NULL;

          g_ptr_array_add (self->slides, slide_from_model (mer_briefing_get_slide (briefing, i), origin));
        }
    }
  else
    {
      guint n = g_list_model_get_n_items (mer_document_get_briefings (document));

      self->briefing_id = briefing_id != NULL ? g_strdup (briefing_id) : g_strdup_printf ("briefing-%u", n + 1);
      self->briefing_title = g_strdup ("New briefing");
    }

  return g_steal_pointer (&self);
}

const char *
mer_briefing_editor_get_briefing_id (MerBriefingEditor *self)
{
  g_return_val_if_fail (MER_IS_BRIEFING_EDITOR (self), NULL);
  return self->briefing_id;
}

guint
mer_briefing_editor_get_n_slides (MerBriefingEditor *self)
{
  g_return_val_if_fail (MER_IS_BRIEFING_EDITOR (self), 0);
  return self->slides->len;
}

/**
 * mer_briefing_editor_get_slide:
 *
 * Returns: (transfer none): the slide at @index, valid until the next edit
 */
const MerSlideData *
mer_briefing_editor_get_slide (MerBriefingEditor *self,
                               guint              index)
{
  g_return_val_if_fail (MER_IS_BRIEFING_EDITOR (self), NULL);
  g_return_val_if_fail (index < self->slides->len, NULL);

  return &((Slide *) g_ptr_array_index (self->slides, index))->data;
}

/**
 * mer_briefing_editor_add_slide:
 * @position: where; past the end appends
 * @data: the slide, copied
 */
void
mer_briefing_editor_add_slide (MerBriefingEditor  *self,
                               guint               position,
                               const MerSlideData *data)
{
  Slide *slide = g_new0 (Slide, 1);

  g_return_if_fail (MER_IS_BRIEFING_EDITOR (self));

  begin_edit (self);
  slide_data_copy (&slide->data, data);
  g_ptr_array_insert (self->slides, (int) MIN (position, self->slides->len), slide);
  end_edit (self);
}

void
mer_briefing_editor_remove_slide (MerBriefingEditor *self,
                                  guint              index)
{
  g_return_if_fail (MER_IS_BRIEFING_EDITOR (self));
  g_return_if_fail (index < self->slides->len);

  begin_edit (self);
  g_ptr_array_remove_index (self->slides, index);
  end_edit (self);
}

void
mer_briefing_editor_move_slide (MerBriefingEditor *self,
                                guint              from,
                                guint              to)
{
  Slide *slide;

  g_return_if_fail (MER_IS_BRIEFING_EDITOR (self));
  g_return_if_fail (from < self->slides->len);

  to = MIN (to, self->slides->len - 1);
  if (from == to)
    return;

  begin_edit (self);
  slide = g_ptr_array_steal_index (self->slides, from);
  g_ptr_array_insert (self->slides, (int) to, slide);
  end_edit (self);
}

static void
set_text (MerBriefingEditor  *self,
          guint               index,
          gboolean            notes,
          const char         *text)
{
  Slide *slide;
  char **field;

  g_return_if_fail (MER_IS_BRIEFING_EDITOR (self));
  g_return_if_fail (index < self->slides->len);

  slide = g_ptr_array_index (self->slides, index);
  field = notes ? &slide->data.notes : &slide->data.caption;
  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (*field, text) == 0)
    return;

  begin_edit (self);
  slide = g_ptr_array_index (self->slides, index);
  field = notes ? &slide->data.notes : &slide->data.caption;
  g_free (*field);
  *field = g_strdup (text);
  end_edit (self);
}

void
mer_briefing_editor_set_caption (MerBriefingEditor *self,
                                 guint              index,
                                 const char        *caption)
{
  set_text (self, index, FALSE, caption);
}

void
mer_briefing_editor_set_notes (MerBriefingEditor *self,
                               guint              index,
                               const char        *notes)
{
  set_text (self, index, TRUE, notes);
}

gboolean
mer_briefing_editor_can_undo (MerBriefingEditor *self)
{
  g_return_val_if_fail (MER_IS_BRIEFING_EDITOR (self), FALSE);
  if (self->edit != NULL)
    return mer_edit_can_undo (self->edit);
  return self->undo->len > 0;
}

gboolean
mer_briefing_editor_can_redo (MerBriefingEditor *self)
{
  g_return_val_if_fail (MER_IS_BRIEFING_EDITOR (self), FALSE);
  if (self->edit != NULL)
    return mer_edit_can_redo (self->edit);
  return self->redo->len > 0;
}

static void
swap_history (MerBriefingEditor *self,
              GPtrArray         *from,
              GPtrArray         *to)
{
  if (from->len == 0)
    return;

  g_ptr_array_add (to, self->slides);
  self->slides = g_ptr_array_steal_index (from, from->len - 1);
  end_edit (self);
}

void
mer_briefing_editor_undo (MerBriefingEditor *self)
{
  g_return_if_fail (MER_IS_BRIEFING_EDITOR (self));
  if (self->edit != NULL)
    mer_edit_undo (self->edit);
  else
    swap_history (self, self->undo, self->redo);
}

void
mer_briefing_editor_redo (MerBriefingEditor *self)
{
  g_return_if_fail (MER_IS_BRIEFING_EDITOR (self));
  if (self->edit != NULL)
    mer_edit_redo (self->edit);
  else
    swap_history (self, self->redo, self->undo);
}

/**
 * mer_briefing_editor_is_dirty:
 *
 * Returns: whether there are edits not saved
 */
gboolean
mer_briefing_editor_is_dirty (MerBriefingEditor *self)
{
  g_return_val_if_fail (MER_IS_BRIEFING_EDITOR (self), FALSE);
  if (self->edit != NULL)
    return mer_edit_is_dirty (self->edit);
  return self->dirty;
}

static void
set_or_remove_string (JsonObject *object,
                      const char *name,
                      const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, name, value);
  else if (json_object_has_member (object, name))
    json_object_remove_member (object, name);
}

static JsonNode *
slide_to_json (const Slide *slide)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_init_object (json_node_alloc (), object);

  /* A new object with the origin's members: json_node_copy() would share
   * the origin's object, and the edits below would change it too. */
  json_object_unref (object);
  if (slide->origin != NULL && JSON_NODE_HOLDS_OBJECT (slide->origin))
    {
      JsonObject *origin = json_node_get_object (slide->origin);
      g_autoptr(GList) members = json_object_get_members (origin);

      for (GList *l = members; l != NULL; l = l->next)
        json_object_set_member (object, l->data, json_node_copy (json_object_get_member (origin, l->data)));
    }

  set_or_remove_string (object, "event", slide->data.event_id);
  set_or_remove_string (object, "caption", slide->data.caption);
  set_or_remove_string (object, "notes", slide->data.notes);

  if (slide->data.has_view)
    {
      JsonObject *view = json_object_new ();

      json_object_set_double_member (view, "lat", round (slide->data.view.lat * 1e4) / 1e4);
      json_object_set_double_member (view, "lon", round (slide->data.view.lon * 1e4) / 1e4);
      json_object_set_double_member (view, "zoom", round (slide->data.view.zoom * 100) / 100);
      json_object_set_object_member (object, "view", view);
    }
  else if (json_object_has_member (object, "view"))
    json_object_remove_member (object, "view");

  if (slide->data.region_ids != NULL && slide->data.region_ids[0] != NULL)
    {
      JsonArray *regions = json_array_new ();

      for (guint i = 0; slide->data.region_ids[i] != NULL; i++)
        json_array_add_string_element (regions, slide->data.region_ids[i]);
      json_object_set_array_member (object, "regions", regions);
    }
  else if (json_object_has_member (object, "regions"))
    /* An empty list the file spelled out stays, as the file had it. */
    json_object_set_array_member (object, "regions", json_array_new ());

  if (slide->data.time_start != NULL && slide->data.time_end != NULL)
    {
      JsonObject *time = json_object_new ();

      json_object_set_string_member (time, "start", slide->data.time_start);
      json_object_set_string_member (time, "end", slide->data.time_end);
      json_object_set_object_member (object, "time", time);
    }
  else if (json_object_has_member (object, "time"))
    json_object_remove_member (object, "time");

  return node;
}

/**
 * mer_briefing_editor_save:
 *
 * Writes the briefing into the document's file, changing only the bytes of
 * what was edited (see mer_json_writer_update()): the rest of the file, and
 * every member Meridian does not know, stay as they were; the previous
 * version is kept as FILE~; the file is replaced atomically.
 */
gboolean
mer_briefing_editor_save (MerBriefingEditor  *self,
                          GError            **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *previous = NULL;
  gsize previous_length;
  JsonObject *root, *briefing;
  JsonArray *slides;
  JsonNode *briefings;

  g_return_val_if_fail (MER_IS_BRIEFING_EDITOR (self), FALSE);

  if (self->edit != NULL)
    return mer_edit_save (self->edit, error);

  if (self->imported_from != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   "%s is a %s file, not a Meridian story: Meridian does not write slides into it", self->path,
                   self->imported_from);
      return FALSE;
    }

  if (!g_file_get_contents (self->path, &previous, &previous_length, error) ||
      !json_parser_load_from_data (parser, previous, (gssize) previous_length, error))
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: the top level is not an object", self->path);
      return FALSE;
    }
  root = json_node_get_object (json_parser_get_root (parser));

  briefings = json_object_get_member (root, "briefings");
  if (briefings == NULL || !JSON_NODE_HOLDS_ARRAY (briefings))
    {
      json_object_set_array_member (root, "briefings", json_array_new ());
      briefings = json_object_get_member (root, "briefings");
    }

  briefing = find_briefing (root, self->briefing_id);
  if (briefing == NULL)
    {
      briefing = json_object_new ();
      json_object_set_string_member (briefing, "id", self->briefing_id);
      json_object_set_string_member (briefing, "title", self->briefing_title);
      json_array_add_object_element (json_node_get_array (briefings), briefing);
    }

  slides = json_array_new ();
  for (guint i = 0; i < self->slides->len; i++)
    json_array_add_element (slides, slide_to_json (g_ptr_array_index (self->slides, i)));
  json_object_set_array_member (briefing, "slides", slides);

  text = mer_json_writer_update (previous, previous_length, json_parser_get_root (parser), error);
  if (text == NULL)
    return FALSE;

  backup = g_strconcat (self->path, "~", NULL);
  if (!g_file_set_contents (backup, previous, (gssize) previous_length, error))
    return FALSE;
  /* A temporary file renamed over the original: never half written. */
  if (!g_file_set_contents (self->path, text, -1, error))
    return FALSE;

  self->dirty = FALSE;
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

static void
mer_briefing_editor_finalize (GObject *object)
{
  MerBriefingEditor *self = MER_BRIEFING_EDITOR (object);

  g_free (self->path);
  g_free (self->imported_from);
  g_free (self->briefing_id);
  g_free (self->briefing_title);
  g_ptr_array_unref (self->slides);
  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);
  g_clear_object (&self->edit);

  G_OBJECT_CLASS (mer_briefing_editor_parent_class)->finalize (object);
}

static void
mer_briefing_editor_class_init (MerBriefingEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mer_briefing_editor_finalize;

  /**
   * MerBriefingEditor::changed:
   *
   * The slides, the history or whether they are saved changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
mer_briefing_editor_init (MerBriefingEditor *self)
{
  self->slides = g_ptr_array_new_with_free_func ((GDestroyNotify) slide_free);
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
}

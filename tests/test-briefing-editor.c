/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "mer-briefing-editor.h"
#include "mer-diagnostic.h"
#include "mer-import.h"
#include "mer-loader.h"

/* A copy of the bundled story, with members Meridian does not know at the
 * top level and in a slide, to check that saving keeps them. */
static char *
copy_story (const char *dir)
{
  g_autofree char *contents = NULL;
  g_autofree char *path = g_build_filename (dir, "story.json", NULL);
  g_autofree char *command = g_strdup_printf ("cp -r %s/data/events/regions %s", SRCDIR, dir);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  JsonObject *root, *briefing;

  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
  g_assert_true (json_parser_load_from_file (parser, SRCDIR "/data/events/russia-japan.json", NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  json_object_set_string_member (root, "x-publisher", "Newsroom desk");
  briefing = json_array_get_object_element (json_object_get_array_member (root, "briefings"), 0);
  json_object_set_string_member (json_array_get_object_element (json_object_get_array_member (briefing, "slides"), 0),
                                 "x-slide-note", "keep me");

  json_generator_set_root (generator, json_parser_get_root (parser));
  g_assert_true (json_generator_to_file (generator, path, NULL));
  return g_steal_pointer (&path);
}

static MerDocument *
load (const char *path)
{
  g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  MerDocument *document = mer_loader_load_file (path, NULL, diagnostics, &error);

  g_assert_no_error (error);
  return document;
}

static void
test_edit_undo_save (void)
{
  g_autofree char *dir = g_dir_make_tmp ("meridian-editor-XXXXXX", NULL);
  g_autofree char *path = copy_story (dir);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *before = NULL;
  g_autofree char *backed_up = NULL;
  g_autofree char *after = NULL;
  g_autofree char *cleanup = g_strdup_printf ("rm -rf %s", dir);
  g_autoptr(MerDocument) document = load (path);
  g_autoptr(MerDocument) saved = NULL;
  g_autoptr(MerBriefingEditor) editor = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  char *regions[] = { (char *) "southern-kurils", NULL };
  MerSlideData added = {
    (char *) "nagato-summit", (char *) "Added from the current view", NULL, TRUE, { 44.0, 146.0, 6 },
    regions, (char *) "2016", (char *) "2016-12",
  };
  MerBriefing *briefing;
  MerSlide *slide;
  MerDate start, end;
  JsonObject *first;

  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  editor = mer_briefing_editor_new (document, "reconciliation", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mer_briefing_editor_get_n_slides (editor), ==, 12);
  g_assert_false (mer_briefing_editor_is_dirty (editor));
  g_assert_false (mer_briefing_editor_can_undo (editor));

  mer_briefing_editor_add_slide (editor, G_MAXUINT, &added);
  mer_briefing_editor_set_caption (editor, 0, "Edited caption");
  mer_briefing_editor_set_notes (editor, 0, "Edited notes");
  g_assert_cmpuint (mer_briefing_editor_get_n_slides (editor), ==, 13);
  g_assert_true (mer_briefing_editor_is_dirty (editor));

  /* Reorder, undo, redo, undo: back where it was. */
  mer_briefing_editor_move_slide (editor, 12, 0);
  g_assert_cmpstr (mer_briefing_editor_get_slide (editor, 0)->event_id, ==, "nagato-summit");
  mer_briefing_editor_undo (editor);
  g_assert_cmpstr (mer_briefing_editor_get_slide (editor, 0)->caption, ==, "Edited caption");
  mer_briefing_editor_redo (editor);
  g_assert_cmpstr (mer_briefing_editor_get_slide (editor, 0)->event_id, ==, "nagato-summit");
  mer_briefing_editor_undo (editor);
  g_assert_true (mer_briefing_editor_can_redo (editor));

  /* Delete and undo. */
  mer_briefing_editor_remove_slide (editor, 5);
  g_assert_cmpuint (mer_briefing_editor_get_n_slides (editor), ==, 12);
  mer_briefing_editor_undo (editor);
  g_assert_cmpuint (mer_briefing_editor_get_n_slides (editor), ==, 13);

  g_assert_true (mer_briefing_editor_save (editor, &error));
  g_assert_no_error (error);
  g_assert_false (mer_briefing_editor_is_dirty (editor));

  /* The previous version is kept beside the file. */
  g_assert_true (g_file_get_contents (backup, &backed_up, NULL, NULL));
  g_assert_cmpstr (backed_up, ==, before);

  /* It round-trips through the loader. */
  saved = load (path);
  briefing = mer_document_lookup_briefing (saved, "reconciliation");
  g_assert_cmpuint (mer_briefing_get_n_slides (briefing), ==, 13);
  slide = mer_briefing_get_slide (briefing, 0);
  g_assert_cmpstr (mer_slide_get_caption (slide), ==, "Edited caption");
  g_assert_cmpstr (mer_slide_get_notes (slide), ==, "Edited notes");
  slide = mer_briefing_get_slide (briefing, 12);
  g_assert_cmpstr (mer_event_get_id (mer_slide_get_event (slide)), ==, "nagato-summit");
  g_assert_cmpstr (mer_slide_get_caption (slide), ==, "Added from the current view");
  g_assert_cmpfloat (mer_slide_get_view (slide)->zoom, ==, 6);
  g_assert_true (mer_slide_get_time (slide, &start, &end));
  g_assert_cmpint (end.month, ==, 12);

  /* Members Meridian does not know survive. */
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_true (json_parser_load_from_data (parser, after, -1, NULL));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)), "x-publisher"),
                   ==, "Newsroom desk");
  first = json_array_get_object_element (
            json_object_get_array_member (
              json_array_get_object_element (
                json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "briefings"), 0),
              "slides"), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "x-slide-note"), ==, "keep me");

  g_spawn_command_line_sync (cleanup, NULL, NULL, NULL, NULL);
}

/* Saving one edited caption changes one line of the file, and nothing
 * else: the rest keeps its bytes, spacing and final newline. */
static void
test_save_changes_only_the_edit (void)
{
  g_autofree char *dir = g_dir_make_tmp ("meridian-editor-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "russia-japan.json", NULL);
  g_autofree char *copy = g_strdup_printf ("cp -r %s/data/events/regions %s/data/events/russia-japan.json %s",
                                           SRCDIR, SRCDIR, dir);
  g_autofree char *cleanup = g_strdup_printf ("rm -rf %s", dir);
  g_autoptr(MerDocument) document = NULL;
  g_autoptr(MerBriefingEditor) editor = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(GStrv) lines_before = NULL;
  g_auto(GStrv) lines_after = NULL;
  guint changed = 0;

  g_assert_true (g_spawn_command_line_sync (copy, NULL, NULL, NULL, NULL));
  document = load (path);
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  editor = mer_briefing_editor_new (document, "reconciliation", &error);
  g_assert_no_error (error);
  mer_briefing_editor_set_caption (editor, 3, "A caption edited in Meridian");
  g_assert_true (mer_briefing_editor_save (editor, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  lines_before = g_strsplit (before, "\n", -1);
  lines_after = g_strsplit (after, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines_before), ==, g_strv_length (lines_after));
  for (guint i = 0; lines_before[i] != NULL; i++)
    if (!g_str_equal (lines_before[i], lines_after[i]))
      {
        g_assert_nonnull (strstr (lines_after[i], "\"caption\": \"A caption edited in Meridian\""));
        changed++;
      }
  g_assert_cmpuint (changed, ==, 1);

  g_assert_cmpint (system (cleanup), ==, 0);
}

/* A story imported from another tool is not written into as if it were a
 * Meridian story: saving says why and leaves the file as it was. */
static void
test_imported_story_is_not_overwritten (void)
{
  g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MerDocument) document = NULL;
  g_autoptr(MerBriefingEditor) editor = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  MerBriefing *briefing;

  document = mer_import_load_file (TESTDATADIR "/import/storymap.json", "storymap.json", diagnostics, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mer_document_get_imported_from (document), ==, "StoryMapJS");
  briefing = g_list_model_get_item (mer_document_get_briefings (document), 0);
  editor = mer_briefing_editor_new (document, mer_briefing_get_id (briefing), &error);
  g_object_unref (briefing);
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (TESTDATADIR "/import/storymap.json", &before, NULL, NULL));
  mer_briefing_editor_set_caption (editor, 0, "Edited");
  g_assert_false (mer_briefing_editor_save (editor, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_cmpstr (error->message, ==,
                   TESTDATADIR "/import/storymap.json is a StoryMapJS file, not a Meridian story: "
                   "Meridian does not write slides into it");
  g_assert_true (g_file_get_contents (TESTDATADIR "/import/storymap.json", &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/briefing-editor/edit-undo-save", test_edit_undo_save);
  g_test_add_func ("/core/briefing-editor/save-changes-only-the-edit", test_save_changes_only_the_edit);
  g_test_add_func ("/core/briefing-editor/imported-story-is-not-overwritten", test_imported_story_is_not_overwritten);

  return g_test_run ();
}

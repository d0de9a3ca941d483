/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "mer-briefing-editor.h"
#include "mer-diagnostic.h"
#include "mer-edit.h"
#include "mer-loader.h"

/* A copy of the bundled story in a folder of its own, with its regions. */
static char *
copy_story (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "story.json", NULL);
  g_autofree char *copied = g_build_filename (dir, "russia-japan.json", NULL);
  g_autofree char *command = g_strdup_printf ("cp -r %s/data/events/regions %s/data/events/russia-japan.json %s",
                                              SRCDIR, SRCDIR, dir);

  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
  g_assert_true (g_rename (copied, path) == 0);
  return g_steal_pointer (&path);
}

static void
remove_dir (const char *dir)
{
  g_autofree char *command = g_strdup_printf ("rm -rf %s", dir);

  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
}

static char *
read_file (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* The lines of @a and @b that differ, as "-old\n+new\n", when both have as
 * many lines; NULL if they do not. */
static char *
changed_lines (const char *a,
               const char *b)
{
  g_auto(GStrv) lines_a = g_strsplit (a, "\n", -1);
  g_auto(GStrv) lines_b = g_strsplit (b, "\n", -1);
  GString *out = g_string_new (NULL);

  if (g_strv_length (lines_a) != g_strv_length (lines_b))
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  for (guint i = 0; lines_a[i] != NULL; i++)
    if (!g_str_equal (lines_a[i], lines_b[i]))
      g_string_append_printf (out, "-%s\n+%s\n", lines_a[i], lines_b[i]);
  return g_string_free (out, FALSE);
}

static void
on_changed (MerEdit *edit,
            guint   *count)
{
  (*count)++;
}

static void
test_unedited_save_is_identical (void)
{
  g_autofree char *dir = g_dir_make_tmp ("meridian-edit-XXXXXX", NULL);
  g_autofree char *path = copy_story (dir);
  g_autofree char *before = read_file (path);
  g_autofree char *text = NULL;
  g_autofree char *after = NULL;
  g_autofree char *copy = g_build_filename (dir, "copy.json", NULL);
  g_autofree char *copied = NULL;
  g_autoptr(MerEdit) edit = NULL;
  g_autoptr(GError) error = NULL;

  edit = mer_edit_new_for_file (path, &error);
  g_assert_no_error (error);
  g_assert_false (mer_edit_is_dirty (edit));
  g_assert_cmpuint (g_list_model_get_n_items (mer_document_get_events (mer_edit_get_document (edit))), ==, 66);

  text = mer_edit_dup_text (edit);
  g_assert_cmpstr (text, ==, before);

  g_assert_true (mer_edit_save (edit, &error));
  g_assert_no_error (error);
  after = read_file (path);
  g_assert_cmpstr (after, ==, before);

  /* What --convert of a Meridian story writes. */
  g_assert_true (mer_edit_write (edit, copy, &error));
  g_assert_no_error (error);
  copied = read_file (copy);
  g_assert_cmpstr (copied, ==, before);
  g_assert_cmpstr (mer_edit_get_path (edit), ==, path);

  g_assert_finalize_object (g_steal_pointer (&edit));
  remove_dir (dir);
}

static void
test_one_title_is_one_line (void)
{
  g_autofree char *dir = g_dir_make_tmp ("meridian-edit-XXXXXX", NULL);
  g_autofree char *path = copy_story (dir);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *before = read_file (path);
  g_autofree char *after = NULL;
  g_autofree char *backed_up = NULL;
  g_autofree char *diff = NULL;
  g_autoptr(MerEdit) edit = mer_edit_new_for_file (path, NULL);
  g_autoptr(GError) error = NULL;
  guint changed = 0;

  g_signal_connect (edit, "changed", G_CALLBACK (on_changed), &changed);
  g_assert_true (mer_edit_set_event_title (edit, "nagato-summit", "Putin–Abe summit in Nagato", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_true (mer_edit_is_dirty (edit));
  g_assert_cmpstr (mer_edit_get_undo_label (edit), ==, "Edit Title");
  g_assert_cmpstr (mer_event_get_title (mer_document_lookup_event (mer_edit_get_document (edit), "nagato-summit")), ==,
                   "Putin–Abe summit in Nagato");

  g_assert_true (mer_edit_save (edit, &error));
  g_assert_no_error (error);
  g_assert_false (mer_edit_is_dirty (edit));
  /* Saving keeps the history. */
  g_assert_true (mer_edit_can_undo (edit));

  after = read_file (path);
  diff = changed_lines (before, after);
  g_assert_cmpstr (diff, ==,
                   "-      \"title\": \"Putin–Abe summit in Nagato and Tokyo\",\n"
                   "+      \"title\": \"Putin–Abe summit in Nagato\",\n");
  backed_up = read_file (backup);
  g_assert_cmpstr (backed_up, ==, before);

  /* A member added goes where the format lists it: one line more. */
  g_assert_true (mer_edit_set_event_dates (edit, "treaty-of-shimoda", "1855-02-07", "1855-02-08", FALSE, &error));
  g_assert_no_error (error);
  {
    g_autofree char *text = mer_edit_dup_text (edit);

    g_assert_nonnull (strstr (text,
                              "      \"start\": \"1855-02-07\",\n"
                              "      \"end\": \"1855-02-08\",\n"
                              "      \"circa\": false,\n"));
    g_assert_cmpuint (strlen (text), ==, strlen (after) + strlen ("      \"end\": \"1855-02-08\",\n"));
  }
  mer_edit_undo (edit);

  /* Undone after the save, it is an edit again. */
  mer_edit_undo (edit);
  g_assert_true (mer_edit_is_dirty (edit));
  mer_edit_redo (edit);
  g_assert_false (mer_edit_is_dirty (edit));

  g_assert_finalize_object (g_steal_pointer (&edit));
  remove_dir (dir);
}

static const struct {
  const char *start;
  const char *end;
  const char *message;
} bad_dates[] = {
  { "2016-12-15", "2016-12-01", "The end, 2016-12-01, is before the start, 2016-12-15." },
  { "2015-02-29", NULL, "“2015-02-29” is not a valid date (February 2015 has 28 days)." },
  { "2016-13", NULL, "“2016-13” is not a valid date (month 13)." },
  { "", NULL, "A start date is needed." },
  { "2016", "2015-06", "The end, 2015-06, is before the start, 2016." },
};

static void
test_invalid_input_is_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("meridian-edit-XXXXXX", NULL);
  g_autofree char *path = copy_story (dir);
  g_autofree char *before = read_file (path);
  g_autofree char *text = NULL;
  g_autoptr(MerEdit) edit = mer_edit_new_for_file (path, NULL);
  MerSource bad_source = { (char *) "A page", (char *) "javascript:alert(1)" };
  MerSource file_source = { (char *) "A page", (char *) "file:///etc/passwd" };
  MerDocument *document = mer_edit_get_document (edit);

  for (guint i = 0; i < G_N_ELEMENTS (bad_dates); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (mer_edit_set_event_dates (edit, "nagato-summit", bad_dates[i].start, bad_dates[i].end, FALSE,
                                                &error));
      g_assert_error (error, MER_EDIT_ERROR, MER_EDIT_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, bad_dates[i].message);
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (mer_edit_set_event_title (edit, "nagato-summit", "  ", &error));
    g_assert_cmpstr (error->message, ==, "The title cannot be empty.");
  }
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (mer_edit_add_source (edit, "nagato-summit", &bad_source, &error));
    g_assert_cmpstr (error->message, ==,
                     "“javascript:alert(1)” is not a web address: a source links to an http:// or https:// address.");
  }
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (mer_edit_add_source (edit, "nagato-summit", &file_source, &error));
    g_assert_error (error, MER_EDIT_ERROR, MER_EDIT_ERROR_INVALID);
  }
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (mer_edit_set_event_importance (edit, "nagato-summit", 6, &error));
    g_assert_cmpstr (error->message, ==, "Importance goes from 1 to 5, not 6.");
  }
  {
    g_autoptr(GError) error = NULL;

    /* Refused by the story's own checks, as --check would refuse it. */
    g_assert_false (mer_edit_set_string (edit, MER_EDIT_KIND_CATEGORY, "diplomacy", "color", "blue", &error));
    g_assert_error (error, MER_EDIT_ERROR, MER_EDIT_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, "\"blue\" is not a colour (expected #rrggbb)");
  }
  {
    g_autoptr(GError) error = NULL;

    /* Events have it: deleting it would leave them pointing at nothing. */
    g_assert_false (mer_edit_remove_item (edit, MER_EDIT_KIND_CATEGORY, "sanctions", &error));
    g_assert_error (error, MER_EDIT_ERROR, MER_EDIT_ERROR_INVALID);
    g_assert_true (g_str_has_prefix (error->message, "events["));
    g_assert_nonnull (strstr (error->message, "unknown category \"sanctions\""));
  }
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (mer_edit_set_event_title (edit, "no-such-event", "Title", &error));
    g_assert_error (error, MER_EDIT_ERROR, MER_EDIT_ERROR_NOT_FOUND);
  }

  /* Nothing was changed, nothing recorded. */
  g_assert_false (mer_edit_can_undo (edit));
  g_assert_false (mer_edit_is_dirty (edit));
  g_assert_true (mer_edit_get_document (edit) == document);
  text = mer_edit_dup_text (edit);
  g_assert_cmpstr (text, ==, before);

  g_assert_finalize_object (g_steal_pointer (&edit));
  remove_dir (dir);
}

static void
test_every_event_member (void)
{
  g_autofree char *dir = g_dir_make_tmp ("meridian-edit-XXXXXX", NULL);
  g_autofree char *path = copy_story (dir);
  g_autofree char *before = read_file (path);
  g_autofree char *text = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  g_autofree char *id = NULL;
  g_autoptr(MerEdit) edit = mer_edit_new_for_file (path, NULL);
  g_autoptr(GError) error = NULL;
  MerPlace place = { (char *) "Sapporo", 43.0618, 141.3545 };
  MerSource source = { (char *) "Kremlin transcript", (char *) "https://en.kremlin.ru/events/president/news/53474" };
  const char *tags[] = { "summit", " visit ", NULL };
  const char *regions[] = { "southern-kurils", NULL };
  MerDocument *document;
  MerEvent *event;
  const MerPlace *places;
  const MerSource *sources;
  guint n_places, n_sources, n_regions;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  id = mer_edit_add_event (edit, "Abe visits Sapporo", "2016-12", &place, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, "abe-visits-sapporo");
  g_assert_true (mer_edit_set_event_dates (edit, id, "2016-12-17T10:30", "2016-12-18", TRUE, &error));
  g_assert_true (mer_edit_set_event_summary (edit, id, "  A visit.  ", &error));
  g_assert_true (mer_edit_set_event_category (edit, id, "diplomacy", &error));
  g_assert_true (mer_edit_set_event_importance (edit, id, 3, &error));
  g_assert_true (mer_edit_set_event_tags (edit, id, tags, &error));
  g_assert_true (mer_edit_set_event_regions (edit, id, regions, &error));
  g_assert_true (mer_edit_add_place (edit, id, &(MerPlace) { (char *) "Otaru", 43.19, 141.0 }, &error));
  g_assert_true (mer_edit_rename_place (edit, id, 1, "Otaru port", &error));
  g_assert_true (mer_edit_move_place (edit, id, 0, 43.123456789, 141.987654321, &error));
  g_assert_true (mer_edit_add_source (edit, id, &source, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mer_edit_get_undo_label (edit) != NULL, ==, TRUE);

  document = mer_edit_get_document (edit);
  g_assert_cmpuint (g_list_model_get_n_items (mer_document_get_events (document)), ==, 67);
  event = mer_document_lookup_event (document, id);
  g_assert_nonnull (event);
  /* In time order: after the last event of the 16th. */
  {
    g_autoptr(MerEvent) previous = g_list_model_get_item (mer_document_get_events (document), 58);
    g_autoptr(MerEvent) added = g_list_model_get_item (mer_document_get_events (document), 59);

    g_assert_cmpstr (mer_event_get_id (previous), ==, "joint-economic-activity");
    g_assert_true (added == event);
  }
  start = mer_date_to_iso (mer_event_get_start (event));
  end = mer_date_to_iso (mer_event_get_end (event));
  g_assert_cmpstr (start, ==, "2016-12-17T10:30");
  g_assert_cmpstr (end, ==, "2016-12-18");
  g_assert_true (mer_event_get_circa (event));
  g_assert_cmpstr (mer_event_get_summary (event), ==, "A visit.");
  g_assert_cmpstr (mer_category_get_id (mer_event_get_category (event)), ==, "diplomacy");
  g_assert_cmpuint (mer_event_get_importance (event), ==, 3);
  g_assert_cmpstr (mer_event_get_tags (event)[1], ==, "visit");
  mer_event_get_regions (event, &n_regions);
  g_assert_cmpuint (n_regions, ==, 1);
  places = mer_event_get_places (event, &n_places);
  g_assert_cmpuint (n_places, ==, 2);
  g_assert_cmpstr (places[0].name, ==, "Sapporo");
  g_assert_cmpfloat (places[0].lat, ==, 43.1235);
  g_assert_cmpfloat (places[0].lon, ==, 141.9877);
  g_assert_cmpstr (places[1].name, ==, "Otaru port");
  sources = mer_event_get_sources (event, &n_sources);
  g_assert_cmpuint (n_sources, ==, 1);
  g_assert_cmpstr (sources[0].url, ==, "https://en.kremlin.ru/events/president/news/53474");

  /* Written as its neighbours are, its members in the format's order
   * whatever order they were added in. */
  text = mer_edit_dup_text (edit);
  g_assert_nonnull (strstr (text,
                            "    {\n"
                            "      \"id\": \"abe-visits-sapporo\",\n"
                            "      \"title\": \"Abe visits Sapporo\",\n"
                            "      \"start\": \"2016-12-17T10:30\",\n"
                            "      \"end\": \"2016-12-18\",\n"
                            "      \"circa\": true,\n"
                            "      \"summary\": \"A visit.\",\n"
                            "      \"category\": \"diplomacy\",\n"
                            "      \"places\": [\n"
                            "        {\n"
                            "          \"name\": \"Sapporo\",\n"
                            "          \"lat\": 43.1235,\n"
                            "          \"lon\": 141.9877\n"
                            "        },\n"
                            "        {\n"
                            "          \"name\": \"Otaru port\",\n"
                            "          \"lat\": 43.19,\n"
                            "          \"lon\": 141.0\n"
                            "        }\n"
                            "      ],\n"
                            "      \"regions\": [\n"
                            "        \"southern-kurils\"\n"
                            "      ],\n"
                            "      \"importance\": 3,\n"
                            "      \"tags\": [\n"
                            "        \"summit\",\n"
                            "        \"visit\"\n"
                            "      ],\n"
                            "      \"sources\": [\n"
                            "        {\n"
                            "          \"title\": \"Kremlin transcript\",\n"
                            "          \"url\": \"https://en.kremlin.ru/events/president/news/53474\"\n"
                            "        }\n"
                            "      ]\n"
                            "    },\n"
                            "    {\n"
                            "      \"id\": \"nagato-summit\",\n"));

  /* One history: every step undone gives the file back. */
  while (mer_edit_can_undo (edit))
    mer_edit_undo (edit);
  undone = mer_edit_dup_text (edit);
  g_assert_cmpstr (undone, ==, before);
  g_assert_false (mer_edit_is_dirty (edit));
  while (mer_edit_can_redo (edit))
    mer_edit_redo (edit);
  redone = mer_edit_dup_text (edit);
  g_assert_cmpstr (redone, ==, text);

  /* Deleted, and the deletion undone. */
  g_assert_true (mer_edit_remove_item (edit, MER_EDIT_KIND_EVENT, id, &error));
  g_assert_null (mer_document_lookup_event (mer_edit_get_document (edit), id));
  mer_edit_undo (edit);
  g_assert_nonnull (mer_document_lookup_event (mer_edit_get_document (edit), id));

  g_assert_true (mer_edit_remove_place (edit, id, 0, &error));
  g_assert_true (mer_edit_remove_source (edit, id, 0, &error));
  event = mer_document_lookup_event (mer_edit_get_document (edit), id);
  places = mer_event_get_places (event, &n_places);
  g_assert_cmpuint (n_places, ==, 1);
  g_assert_cmpstr (places[0].name, ==, "Otaru port");
  g_assert_no_error (error);

  g_assert_finalize_object (g_steal_pointer (&edit));
  remove_dir (dir);
}

/* The date in words: set where the format lists it, after "start" (and
 * "end"), changed in place, removed when emptied. */
static void
test_date_label (void)
{
  g_autofree char *dir = g_dir_make_tmp ("meridian-edit-XXXXXX", NULL);
  g_autofree char *path = copy_story (dir);
  g_autofree char *before = read_file (path);
  g_autoptr(MerEdit) edit = mer_edit_new_for_file (path, NULL);
  g_autoptr(GError) error = NULL;
  MerEvent *event;

  g_assert_true (mer_edit_set_event_date_label (edit, "treaty-of-shimoda", "  Winter 1855 ", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (mer_edit_get_undo_label (edit), ==, "Edit Date Label");
  event = mer_document_lookup_event (mer_edit_get_document (edit), "treaty-of-shimoda");
  g_assert_cmpstr (mer_event_get_date_label (event), ==, "Winter 1855");
  {
    g_autofree char *text = mer_edit_dup_text (edit);

    g_assert_nonnull (strstr (text,
                              "      \"start\": \"1855-02-07\",\n"
                              "      \"date_label\": \"Winter 1855\",\n"
                              "      \"circa\": false,\n"));
    g_assert_cmpuint (strlen (text), ==, strlen (before) + strlen ("      \"date_label\": \"Winter 1855\",\n"));
  }

  g_assert_true (mer_edit_set_event_date_label (edit, "treaty-of-shimoda", "February 1855", &error));
  g_assert_true (mer_edit_save (edit, &error));
  g_assert_no_error (error);
  {
    g_autofree char *after = read_file (path);

    g_assert_nonnull (strstr (after, "      \"date_label\": \"February 1855\",\n      \"circa\": false,\n"));
  }

  /* Emptied, it is removed: the file is as it was. */
  g_assert_true (mer_edit_set_event_date_label (edit, "treaty-of-shimoda", " ", &error));
  g_assert_no_error (error);
  event = mer_document_lookup_event (mer_edit_get_document (edit), "treaty-of-shimoda");
  g_assert_null (mer_event_get_date_label (event));
  {
    g_autofree char *text = mer_edit_dup_text (edit);

    g_assert_cmpstr (text, ==, before);
  }
  mer_edit_undo (edit);
  g_assert_false (mer_edit_is_dirty (edit));
  g_assert_false (mer_edit_set_event_date_label (edit, "no-such-event", "1855", &error));
  g_assert_error (error, MER_EDIT_ERROR, MER_EDIT_ERROR_NOT_FOUND);

  g_assert_finalize_object (g_steal_pointer (&edit));
  remove_dir (dir);
}

static const char outline_kml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n"
  "  <Placemark>\n"
  "    <name>Shikotan</name>\n"
  "    <Polygon><outerBoundaryIs><LinearRing><coordinates>"
  "146.6,43.75 146.95,43.75 146.95,43.9 146.6,43.9 146.6,43.75"
  "</coordinates></LinearRing></outerBoundaryIs></Polygon>\n"
  "  </Placemark>\n"
  "</kml>\n";

static const char two_islands_geojson[] =
  "{\"type\": \"FeatureCollection\", \"features\": [\n"
  " {\"type\": \"Feature\", \"properties\": {\"name\": \"Habomai A\"}, \"geometry\": {\"type\": \"Polygon\",\n"
  "  \"coordinates\": [[[146.1, 43.4], [146.2, 43.4], [146.2, 43.5], [146.1, 43.4]]]}},\n"
  " {\"type\": \"Feature\", \"properties\": {\"name\": \"Habomai B\"}, \"geometry\": {\"type\": \"Polygon\",\n"
  "  \"coordinates\": [[[146.30001, 43.4], [146.4, 43.4], [146.4, 43.5], [146.30001, 43.4]]]}}\n"
  "]}\n";

/* A region made from a file: its outline written next to the story, the
 * region referring to it, one edit that undo takes back. */
/* The outline file mer_edit_add_region() writes for the square near Shikotan
 * the tests add. */
#define SHIKOTAN_OUTLINE \
  "{\n" \
  "  \"type\": \"Polygon\",\n" \
  "  \"coordinates\": [\n" \
  "    [[146.6, 43.75], [146.95, 43.75], [146.95, 43.9], [146.6, 43.9], [146.6, 43.75]]\n" \
  "  ]\n" \
  "}\n"

static void
test_add_region (void)
{
  g_autofree char *dir = g_dir_make_tmp ("meridian-edit-XXXXXX", NULL);
  g_autofree char *path = copy_story (dir);
  g_autofree char *before = read_file (path);
  g_autofree char *kml = g_build_filename (dir, "shikotan.kml", NULL);
  g_autofree char *geojson = g_build_filename (dir, "Habomai islands.geojson", NULL);
  g_autofree char *written_path = g_build_filename (dir, "regions", "shikotan.geojson", NULL);
  g_autofree char *written = NULL;
  g_autofree char *name = NULL;
  g_autofree char *id = NULL;
  g_autofree char *second = NULL;
  g_autoptr(MerEdit) edit = mer_edit_new_for_file (path, NULL);
  g_autoptr(MerEdit) unsaved = NULL;
  g_autoptr(MerGeometry) outline = NULL;
  g_autoptr(GError) error = NULL;
  MerView view = { 44, 146, 6 };
  MerRegion *region;
  guint n_polygons = 0;

  g_assert_true (g_file_set_contents (kml, outline_kml, -1, NULL));
  g_assert_true (g_file_set_contents (geojson, two_islands_geojson, -1, NULL));

  outline = mer_edit_read_outline (kml, &name, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "Shikotan");
  id = mer_edit_add_region (edit, name, outline, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, "shikotan");
  g_assert_cmpstr (mer_edit_get_undo_label (edit), ==, "Add Region");

  written = read_file (written_path);
  g_assert_cmpstr (written, ==, SHIKOTAN_OUTLINE);
  {
    g_autofree char *text = mer_edit_dup_text (edit);

    g_assert_nonnull (strstr (text,
                              "      \"geometry\": \"regions/amur-islands.geojson\"\n"
                              "    },\n"
                              "    {\n"
                              "      \"id\": \"shikotan\",\n"
                              "      \"name\": \"Shikotan\",\n"
                              "      \"geometry\": \"regions/shikotan.geojson\"\n"
                              "    }\n"
                              "  ],\n"));
  }
  region = mer_document_lookup_region (mer_edit_get_document (edit), "shikotan");
  g_assert_nonnull (region);
  mer_geometry_get_polygons (mer_region_get_geometry (region), &n_polygons);
  g_assert_cmpuint (n_polygons, ==, 1);

  /* Its name, status and colour through the fields every region has. */
  g_assert_true (mer_edit_set_string (edit, MER_EDIT_KIND_REGION, id, "status", "disputed", &error));
  g_assert_no_error (error);

  /* Undone, the story is as it was; the file stays, for redo. */
  mer_edit_undo (edit);
  mer_edit_undo (edit);
  g_assert_null (mer_document_lookup_region (mer_edit_get_document (edit), "shikotan"));
  {
    g_autofree char *text = mer_edit_dup_text (edit);

    g_assert_cmpstr (text, ==, before);
  }
  g_assert_false (mer_edit_is_dirty (edit));
  g_assert_true (g_file_test (written_path, G_FILE_TEST_EXISTS));
  mer_edit_redo (edit);
  g_assert_nonnull (mer_document_lookup_region (mer_edit_get_document (edit), "shikotan"));

  /* Two outlines are one region, named after the file; a file of the same
   * name with another outline is not overwritten. */
  g_clear_pointer (&outline, mer_geometry_unref);
  g_clear_pointer (&name, g_free);
  outline = mer_edit_read_outline (geojson, &name, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "Habomai islands");
  mer_edit_undo (edit);
  g_clear_pointer (&second, g_free);
  second = mer_edit_add_region (edit, "Shikotan", outline, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (second, ==, "shikotan");
  g_clear_pointer (&written, g_free);
  written = read_file (written_path);
  g_assert_cmpstr (written, ==, SHIKOTAN_OUTLINE);
  g_clear_pointer (&written, g_free);
  g_clear_pointer (&written_path, g_free);
  written_path = g_build_filename (dir, "regions", "shikotan-2.geojson", NULL);
  written = read_file (written_path);
  g_assert_cmpstr (written, ==,
                   "{\n"
                   "  \"type\": \"MultiPolygon\",\n"
                   "  \"coordinates\": [\n"
                   "    [\n"
                   "      [[146.1, 43.4], [146.2, 43.4], [146.2, 43.5], [146.1, 43.4]]\n"
                   "    ],\n"
                   "    [\n"
                   "      [[146.3, 43.4], [146.4, 43.4], [146.4, 43.5], [146.3, 43.4]]\n"
                   "    ]\n"
                   "  ]\n"
                   "}\n");
  region = mer_document_lookup_region (mer_edit_get_document (edit), "shikotan");
  g_assert_cmpstr (mer_region_get_geometry_path (region), ==, "regions/shikotan-2.geojson");

  /* A file with no polygon is refused with the reason. */
  {
    g_autofree char *points = g_build_filename (dir, "points.geojson", NULL);

    g_assert_true (g_file_set_contents (points,
                                        "{\"type\": \"Feature\", \"properties\": {\"time\": \"1945\"},"
                                        " \"geometry\": {\"type\": \"Point\", \"coordinates\": [146, 44]}}\n",
                                        -1, NULL));
    g_assert_null (mer_edit_read_outline (points, NULL, &error));
    g_assert_error (error, MER_EDIT_ERROR, MER_EDIT_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, "points.geojson has no polygon.");
    g_clear_error (&error);
  }

  /* A new story is saved first. */
  unsaved = mer_edit_new_story ("Untitled", &view);
  g_assert_null (mer_edit_add_region (unsaved, "Shikotan", outline, &error));
  g_assert_error (error, MER_EDIT_ERROR, MER_EDIT_ERROR_NO_FILE);

  g_assert_finalize_object (g_steal_pointer (&edit));
  remove_dir (dir);
}

/* A region picked from the base map comes with its names in other
 * languages, in one step of the history; Save As to another folder takes
 * the outlines the story refers to along, so that the copy loads whole. */
static void
test_named_region_and_save_as (void)
{
  g_autofree char *dir = g_dir_make_tmp ("meridian-edit-XXXXXX", NULL);
  g_autofree char *other = g_dir_make_tmp ("meridian-edit-XXXXXX", NULL);
  g_autofree char *path = copy_story (dir);
  g_autofree char *copy = g_build_filename (other, "copy.json", NULL);
  g_autofree char *id = NULL;
  g_autoptr(MerEdit) edit = mer_edit_new_for_file (path, NULL);
  g_autoptr(MerGeometry) outline = mer_geometry_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
  g_autoptr(MerDocument) reread = NULL;
  const MerLonLat triangle[] = { { 33, 45 }, { 35, 45 }, { 34, 46 }, { 33, 45 } };
  const MerName names[] = { { (char *) "ja", (char *) "クリミア" }, { (char *) "ru", (char *) "Крым" } };
  const MerName half[] = { { (char *) "ja", (char *) " " } };
  const MerName *read_names;
  guint n_names = 0;
  MerRegion *region;

  mer_geometry_begin_polygon (outline);
  mer_geometry_add_ring (outline, triangle, G_N_ELEMENTS (triangle));
  g_assert_null (mer_edit_add_named_region (edit, "Crimea", half, G_N_ELEMENTS (half), outline, &error));
  g_assert_error (error, MER_EDIT_ERROR, MER_EDIT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "A name needs both its language and its text.");
  g_clear_error (&error);
  g_assert_false (mer_edit_can_undo (edit));

  id = mer_edit_add_named_region (edit, "Crimea", names, G_N_ELEMENTS (names), outline, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, "crimea-2");
  g_assert_cmpstr (mer_edit_get_undo_label (edit), ==, "Add Region");
  {
    g_autofree char *text = mer_edit_dup_text (edit);

    g_assert_nonnull (strstr (text,
                              "    {\n"
                              "      \"id\": \"crimea-2\",\n"
                              "      \"name\": \"Crimea\",\n"
                              "      \"names\": {\n"
                              "        \"ja\": \"クリミア\",\n"
                              "        \"ru\": \"Крым\"\n"
                              "      },\n"
                              "      \"geometry\": \"regions/crimea-2.geojson\"\n"
                              "    }\n"
                              "  ],\n"));
  }
  region = mer_document_lookup_region (mer_edit_get_document (edit), id);
  read_names = mer_region_get_names (region, &n_names);
  g_assert_cmpuint (n_names, ==, 2);
  g_assert_cmpstr (read_names[1].text, ==, "Крым");

  /* Another story's outline of the same name in that folder is not
   * overwritten: the story is not saved there. */
  {
    g_autofree char *regions = g_build_filename (other, "regions", NULL);
    g_autofree char *theirs = g_build_filename (regions, "hokkaido.geojson", NULL);
    g_autofree char *kept = NULL;

    g_assert_cmpint (g_mkdir (regions, 0777), ==, 0);
    g_assert_true (g_file_set_contents (theirs, "{\"type\": \"Polygon\", \"coordinates\": []}\n", -1, NULL));
    g_assert_false (mer_edit_save_as (edit, copy, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
    g_assert_cmpstr (error->message, ==,
                     "regions/hokkaido.geojson is already in that folder with another outline: "
                     "the story’s would replace it.");
    g_clear_error (&error);
    g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
    g_assert_cmpstr (mer_edit_get_path (edit), ==, path);
    kept = read_file (theirs);
    g_assert_cmpstr (kept, ==, "{\"type\": \"Polygon\", \"coordinates\": []}\n");
    g_assert_cmpint (g_unlink (theirs), ==, 0);
  }

  g_assert_true (mer_edit_save_as (edit, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (mer_edit_get_path (edit), ==, copy);
  reread = mer_loader_load_file (copy, NULL, diagnostics, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (diagnostics->len, ==, 0);
  g_assert_nonnull (mer_region_get_geometry (mer_document_lookup_region (reread, "crimea-2")));
  g_assert_nonnull (mer_region_get_geometry (mer_document_lookup_region (reread, "sakhalin")));
  {
    g_autofree char *original = g_build_filename (dir, "regions", "crimea-2.geojson", NULL);
    g_autofree char *copied = g_build_filename (other, "regions", "crimea-2.geojson", NULL);
    g_autofree char *original_text = read_file (original);
    g_autofree char *copied_text = read_file (copied);

    g_assert_cmpstr (copied_text, ==, original_text);
  }

  /* Undone after the save, the region is gone from the story only. */
  mer_edit_undo (edit);
  g_assert_null (mer_document_lookup_region (mer_edit_get_document (edit), id));
  g_assert_false (mer_edit_can_undo (edit));

  g_assert_finalize_object (g_steal_pointer (&edit));
  remove_dir (dir);
  remove_dir (other);
}

static void
test_eras_categories_regions (void)
{
  g_autofree char *dir = g_dir_make_tmp ("meridian-edit-XXXXXX", NULL);
  g_autofree char *path = copy_story (dir);
  g_autoptr(MerEdit) edit = mer_edit_new_for_file (path, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *era = NULL;
  g_autofree char *category = NULL;
  MerName names[] = { { (char *) "ja", (char *) "北方領土" }, { (char *) "ru", (char *) "Южные Курилы" } };
  MerDocument *document;
  MerRegion *region;
  g_autoptr(MerCategory) first = NULL;

  era = mer_edit_add_era (edit, "Putin's third term", "2012-05-07", "2018-05-07", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (era, ==, "putin-s-third-term");
  g_assert_false (mer_edit_set_era_dates (edit, era, "2012", "2011", &error));
  g_assert_cmpstr (error->message, ==, "The end, 2011, is before the start, 2012.");
  g_clear_error (&error);

  category = mer_edit_add_category (edit, "Fisheries", "#1a5fb4", &error);
  g_assert_no_error (error);
  g_assert_true (mer_edit_move_item (edit, MER_EDIT_KIND_CATEGORY, category, 0, &error));
  g_assert_true (mer_edit_set_string (edit, MER_EDIT_KIND_REGION, "southern-kurils", "status", "occupied", &error));
  g_assert_true (mer_edit_set_string (edit, MER_EDIT_KIND_REGION, "southern-kurils", "color", "#a51d2d", &error));
  g_assert_true (mer_edit_set_region_names (edit, "southern-kurils", names, G_N_ELEMENTS (names), &error));
  g_assert_no_error (error);

  document = mer_edit_get_document (edit);
  g_assert_nonnull (mer_document_lookup_era (document, era));
  first = g_list_model_get_item (mer_document_get_categories (document), 0);
  g_assert_cmpstr (mer_category_get_id (first), ==, "fisheries");
  region = mer_document_lookup_region (document, "southern-kurils");
  g_assert_cmpuint (mer_region_get_color (region), ==, 0xa51d2d);

  g_assert_true (mer_edit_remove_item (edit, MER_EDIT_KIND_ERA, era, &error));
  g_assert_null (mer_document_lookup_era (mer_edit_get_document (edit), era));

  g_assert_finalize_object (g_steal_pointer (&edit));
  remove_dir (dir);
}

static void
test_new_story (void)
{
  g_autofree char *dir = g_dir_make_tmp ("meridian-edit-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "new.json", NULL);
  g_autofree char *written = NULL;
  g_autofree char *text = NULL;
  g_autofree char *id = NULL;
  g_autoptr(MerEdit) edit = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
  g_autoptr(MerDocument) reread = NULL;
  MerView view = { 45.123456, 145.5, 4.567 };

  edit = mer_edit_new_story ("Kurils", &view);
  g_assert_false (mer_edit_is_dirty (edit));
  g_assert_null (mer_edit_get_path (edit));
  g_assert_cmpstr (mer_document_get_title (mer_edit_get_document (edit)), ==, "Kurils");
  g_assert_cmpuint (g_list_model_get_n_items (mer_document_get_categories (mer_edit_get_document (edit))), ==, 6);
  g_assert_false (mer_edit_save (edit, &error));
  g_assert_error (error, MER_EDIT_ERROR, MER_EDIT_ERROR_NO_FILE);
  g_clear_error (&error);

  id = mer_edit_add_event (edit, "Shimoda", "1855-02-07", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (mer_edit_is_dirty (edit));
  g_assert_true (mer_edit_save_as (edit, path, &error));
  g_assert_no_error (error);
  g_assert_false (mer_edit_is_dirty (edit));
  g_assert_cmpstr (mer_edit_get_path (edit), ==, path);

  written = read_file (path);
  g_assert_true (g_str_has_prefix (written,
                                   "{\n"
                                   "  \"meridian\": 1,\n"
                                   "  \"title\": \"Kurils\",\n"
                                   "  \"view\": {\n"
                                   "    \"lat\": 45.1235,\n"
                                   "    \"lon\": 145.5,\n"
                                   "    \"zoom\": 4.57\n"
                                   "  },\n"));
  g_assert_true (g_str_has_suffix (written,
                                   "  \"events\": [\n"
                                   "    {\n"
                                   "      \"id\": \"shimoda\",\n"
                                   "      \"title\": \"Shimoda\",\n"
                                   "      \"start\": \"1855-02-07\"\n"
                                   "    }\n"
                                   "  ]\n"
                                   "}\n"));
  reread = mer_loader_load_file (path, NULL, diagnostics, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (diagnostics->len, ==, 0);

  /* Edited after its first save, it changes only the edit. */
  g_assert_true (mer_edit_set_event_title (edit, id, "Treaty of Shimoda", &error));
  g_assert_true (mer_edit_save (edit, &error));
  g_assert_no_error (error);
  text = read_file (path);
  {
    g_autofree char *diff = changed_lines (written, text);

    g_assert_cmpstr (diff, ==,
                     "-      \"title\": \"Shimoda\",\n"
                     "+      \"title\": \"Treaty of Shimoda\",\n");
  }

  g_assert_finalize_object (g_steal_pointer (&edit));
  remove_dir (dir);
}

static void
test_unknown_members_and_disk_changes (void)
{
  g_autofree char *dir = g_dir_make_tmp ("meridian-edit-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "story.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr(MerEdit) edit = NULL;
  g_autoptr(GError) error = NULL;
  const char *original =
    "{\"meridian\": 1, \"x-desk\": {\"owner\": \"Newsroom\"},\n"
    " \"events\": [{\"id\": \"a\", \"title\": \"A\", \"start\": \"2000\", \"x-note\": [1, 2.50]}]}";

  g_assert_true (g_file_set_contents (path, original, -1, NULL));
  edit = mer_edit_new_for_file (path, &error);
  g_assert_no_error (error);
  g_assert_true (mer_edit_set_event_title (edit, "a", "B", &error));
  g_assert_true (mer_edit_save (edit, &error));
  g_assert_no_error (error);
  text = read_file (path);
  g_assert_cmpstr (text, ==,
                   "{\"meridian\": 1, \"x-desk\": {\"owner\": \"Newsroom\"},\n"
                   " \"events\": [{\"id\": \"a\", \"title\": \"B\", \"start\": \"2000\", \"x-note\": [1, 2.50]}]}");

  /* Another program writes the file: the edit is not saved over it. */
  g_assert_true (g_file_set_contents (path, "{\"meridian\": 1}", -1, NULL));
  g_assert_true (mer_edit_set_event_title (edit, "a", "C", &error));
  g_assert_false (mer_edit_save (edit, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WOULD_MERGE);
  g_assert_cmpstr (error->message, ==, "“story.json” was changed by another program since Meridian read it.");
  g_clear_pointer (&text, g_free);
  text = read_file (path);
  g_assert_cmpstr (text, ==, "{\"meridian\": 1}");
  g_assert_true (mer_edit_is_dirty (edit));

  g_assert_finalize_object (g_steal_pointer (&edit));
  remove_dir (dir);
}

static void
test_slides_share_the_history (void)
{
  g_autofree char *dir = g_dir_make_tmp ("meridian-edit-XXXXXX", NULL);
  g_autofree char *path = copy_story (dir);
  g_autofree char *before = read_file (path);
  g_autofree char *text = NULL;
  g_autofree char *diff = NULL;
  g_autoptr(MerEdit) edit = mer_edit_new_for_file (path, NULL);
  g_autoptr(MerBriefingEditor) editor = mer_briefing_editor_new_for_edit (edit, "reconciliation");
  g_autoptr(GError) error = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *expected = NULL;

  g_assert_cmpuint (mer_briefing_editor_get_n_slides (editor), ==, 12);
  caption = g_strdup (mer_briefing_editor_get_slide (editor, 0)->caption);
  mer_briefing_editor_set_caption (editor, 0, "The opening slide");
  g_assert_true (mer_edit_set_event_title (edit, "nagato-summit", "Nagato", &error));
  g_assert_true (mer_briefing_editor_is_dirty (editor));
  g_assert_cmpstr (mer_edit_get_undo_label (edit), ==, "Edit Title");

  /* Undone from the slides, the last edit anywhere goes first. */
  mer_briefing_editor_undo (editor);
  g_assert_cmpstr (mer_event_get_title (mer_document_lookup_event (mer_edit_get_document (edit), "nagato-summit")),
                   ==, "Putin–Abe summit in Nagato and Tokyo");
  g_assert_cmpstr (mer_briefing_editor_get_slide (editor, 0)->caption, ==, "The opening slide");
  mer_edit_undo (edit);
  g_assert_cmpstr (mer_briefing_editor_get_slide (editor, 0)->caption, ==, caption);
  g_assert_false (mer_briefing_editor_is_dirty (editor));

  mer_briefing_editor_redo (editor);
  g_assert_true (mer_briefing_editor_save (editor, &error));
  g_assert_no_error (error);
  text = read_file (path);
  diff = changed_lines (before, text);
  expected = g_strdup_printf ("-          \"caption\": \"%s\",\n"
                              "+          \"caption\": \"The opening slide\",\n", caption);
  g_assert_cmpstr (diff, ==, expected);

  g_assert_finalize_object (g_steal_pointer (&editor));
  g_assert_finalize_object (g_steal_pointer (&edit));
  remove_dir (dir);
}

static void
test_not_editable (void)
{
  g_autoptr(GError) error = NULL;
  MerEdit *edit = mer_edit_new_for_file (TESTDATADIR "/import/timelinejs-story.json", &error);

  g_assert_null (edit);
  g_assert_error (error, MER_EDIT_ERROR, MER_EDIT_ERROR_NOT_EDITABLE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/edit/unedited-save-is-identical", test_unedited_save_is_identical);
  g_test_add_func ("/core/edit/one-title-is-one-line", test_one_title_is_one_line);
  g_test_add_func ("/core/edit/invalid-input-is-refused", test_invalid_input_is_refused);
  g_test_add_func ("/core/edit/every-event-member", test_every_event_member);
  g_test_add_func ("/core/edit/date-label", test_date_label);
  g_test_add_func ("/core/edit/add-region", test_add_region);
  g_test_add_func ("/core/edit/named-region-and-save-as", test_named_region_and_save_as);
  g_test_add_func ("/core/edit/eras-categories-regions", test_eras_categories_regions);
  g_test_add_func ("/core/edit/new-story", test_new_story);
  g_test_add_func ("/core/edit/unknown-members-and-disk-changes", test_unknown_members_and_disk_changes);
  g_test_add_func ("/core/edit/slides-share-the-history", test_slides_share_the_history);
  g_test_add_func ("/core/edit/not-editable", test_not_editable);

  return g_test_run ();
}

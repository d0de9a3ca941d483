/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mer-diagnostic.h"
#include "mer-event.h"
#include "mer-loader.h"
#include "mer-search.h"
#include "mer-state.h"

static MerDocument *story;

/* The ids of the bundled story's events that match @text, in time order,
 * joined by spaces. */
static char *
matching_ids (const char *text)
{
  g_autoptr(MerSearch) search = mer_search_new (text);
  GListModel *events = mer_document_get_events (story);
  g_autoptr(GString) ids = g_string_new (NULL);

  g_assert_nonnull (search);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(MerEvent) event = g_list_model_get_item (events, i);

      if (mer_search_matches_event (search, event))
        g_string_append_printf (ids, "%s%s", ids->len > 0 ? " " : "", mer_event_get_id (event));
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static guint
count_matches (const char *text)
{
  g_autofree char *ids = matching_ids (text);
  g_auto(GStrv) split = g_strsplit (ids, " ", -1);

  return ids[0] == '\0' ? 0 : g_strv_length (split);
}

static gboolean
has_id (const char *ids,
        const char *id)
{
  g_auto(GStrv) split = g_strsplit (ids, " ", -1);

  return g_strv_contains ((const char * const *) split, id);
}

/* The names printed on the map find the events of their regions, in every
 * language the story gives them. */
static void
test_region_names (void)
{
  MerRegion *southern = mer_document_lookup_region (story, "southern-kurils");
  GPtrArray *region_events = mer_document_get_region_events (story, southern);
  g_autofree char *japanese = matching_ids ("北方領土");
  g_autofree char *russian = matching_ids ("Курилы");
  g_autofree char *ukrainian = matching_ids ("Крим");

  /* Every event of the southern Kurils, and no other event, carries 北方領土. */
  g_assert_cmpuint (count_matches ("北方領土"), ==, region_events->len);
  for (guint i = 0; i < region_events->len; i++)
    g_assert_true (has_id (japanese, mer_event_get_id (g_ptr_array_index (region_events, i))));

  /* Курилы is in the Russian names of both Kuril regions. */
  g_assert_true (has_id (russian, "joint-declaration-1956"));
  g_assert_true (has_id (russian, "treaty-of-saint-petersburg"));
  g_assert_false (has_id (russian, "crimea-annexation"));

  g_assert_true (has_id (ukrainian, "crimea-annexation"));
}

static void
test_words_and_forms (void)
{
  g_autofree char *hatoyama = matching_ids ("ichiro HATOYAMA");
  g_autofree char *full_width = matching_ids ("ＳＨＩＭＯＤＡ");

  /* Each word must match, in any field, ignoring case and Latin accents
   * (the summary spells Ichirō). */
  g_assert_cmpstr (hatoyama, ==, "joint-declaration-1956");
  g_assert_true (has_id (full_width, "treaty-of-shimoda"));
  g_assert_cmpuint (count_matches ("shimoda zzzz"), ==, 0);
  g_assert_cmpuint (count_matches ("  shimoda  "), ==, count_matches ("shimoda"));

  /* Blank text is no search at all. */
  g_assert_null (mer_search_new ("  \t "));
  g_assert_null (mer_search_new (NULL));
}

/* The state filters with the same search and says so once per change. */
static void
test_state_filters (void)
{
  g_autoptr(MerState) state = mer_state_new ();
  MerEvent *summit = mer_document_lookup_event (story, "nagato-summit");
  MerEvent *shimoda = mer_document_lookup_event (story, "treaty-of-shimoda");

  mer_state_set_document (state, story);
  mer_state_set_search (state, "Nagato");
  g_assert_cmpstr (mer_state_get_search (state), ==, "nagato");
  g_assert_true (mer_state_event_passes_filters (state, summit));
  g_assert_false (mer_state_event_passes_filters (state, shimoda));
  mer_state_set_search (state, "");
  g_assert_null (mer_state_get_search (state));
  g_assert_true (mer_state_event_passes_filters (state, shimoda));

  /* Answers kept for one document's events do not carry over to another's. */
  {
    g_autoptr(GPtrArray) diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) mer_diagnostic_free);
    g_autoptr(MerDocument) other = mer_loader_load_file (SRCDIR "/data/events/russia-japan.json", NULL,
                                                         diagnostics, NULL);

    mer_state_set_search (state, "Shimoda");
    g_assert_false (mer_state_event_passes_filters (state, summit));
    mer_state_set_document (state, other);
    g_assert_true (mer_state_event_passes_filters (state, mer_document_lookup_event (other, "treaty-of-shimoda")));
    g_assert_false (mer_state_event_passes_filters (state, mer_document_lookup_event (other, "nagato-summit")));
    mer_state_set_document (state, NULL);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) mer_diagnostic_free);
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  story = mer_loader_load_file (SRCDIR "/data/events/russia-japan.json", "russia-japan.json", diagnostics, &error);
  g_assert_no_error (error);

  g_test_add_func ("/core/search/region-names", test_region_names);
  g_test_add_func ("/core/search/words-and-forms", test_words_and_forms);
  g_test_add_func ("/core/search/state-filters", test_state_filters);

  status = g_test_run ();
  g_object_unref (story);
  return status;
}

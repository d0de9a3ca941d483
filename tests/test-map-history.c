/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mer-diagnostic.h"
#include "mer-loader.h"
#include "mer-map-history.h"

/* The map's history as a browser keeps one: entries in order, the same
 * place not twice, a new entry dropping those ahead, and going back or
 * forward restoring the view, the selection and the filters. */

static MerDocument *story;

static MerState *
new_state (void)
{
  MerState *state = mer_state_new ();

  mer_state_set_document (state, story);
  return state;
}

static void
test_records_and_goes (void)
{
  g_autoptr(MerState) state = new_state ();
  g_autoptr(MerMapHistory) history = mer_map_history_new ();
  MerEvent *summit = mer_document_lookup_event (story, "nagato-summit");
  MerEvent *shimoda = mer_document_lookup_event (story, "treaty-of-shimoda");
  MerRegion *kurils = mer_document_lookup_region (story, "southern-kurils");
  const MerView start = { 45.0, 145.0, 4.5 };
  const MerView japan = { 36.0, 136.0, 5.0 };
  const MerView near_japan = { 36.0 + 1e-6, 136.0, 5.0 };
  const MerView izu = { 34.68, 138.94, 7.0 };
  MerView view;
  double window_start, window_end;

  g_assert_false (mer_map_history_can_go (history, -1));
  g_assert_false (mer_map_history_can_go (history, 1));
  g_assert_false (mer_map_history_go (history, -1, state, &view));

  g_assert_true (mer_map_history_record (history, state, &start));
  g_assert_false (mer_map_history_can_go (history, -1));

  mer_state_set_selected_event (state, summit);
  g_assert_true (mer_map_history_record (history, state, &japan));
  /* A fraction of a pixel away is the same place. */
  g_assert_false (mer_map_history_record (history, state, &near_japan));

  mer_state_set_filter_region (state, kurils);
  mer_state_set_time_window (state, 0, 86400);
  mer_state_set_selected_event (state, shimoda);
  g_assert_true (mer_map_history_record (history, state, &izu));
  g_assert_true (mer_map_history_can_go (history, -1));
  g_assert_false (mer_map_history_can_go (history, 1));

  /* Back to the summit: no filter, no time window. */
  g_assert_true (mer_map_history_go (history, -1, state, &view));
  g_assert_true (mer_state_get_selected_event (state) == summit);
  g_assert_null (mer_state_get_filter_region (state));
  g_assert_false (mer_state_get_time_window (state, NULL, NULL));
  g_assert_cmpfloat (view.lat, ==, japan.lat);
  g_assert_cmpfloat (view.lon, ==, japan.lon);
  g_assert_cmpfloat (view.zoom, ==, japan.zoom);

  /* Back to the start, then forward twice to Shimoda with its filters. */
  g_assert_true (mer_map_history_go (history, -1, state, &view));
  g_assert_null (mer_state_get_selected_event (state));
  g_assert_cmpfloat (view.zoom, ==, start.zoom);
  g_assert_false (mer_map_history_can_go (history, -1));
  g_assert_true (mer_map_history_go (history, 1, state, &view));
  g_assert_true (mer_map_history_go (history, 1, state, &view));
  g_assert_true (mer_state_get_selected_event (state) == shimoda);
  g_assert_true (mer_state_get_filter_region (state) == kurils);
  g_assert_true (mer_state_get_time_window (state, &window_start, &window_end));
  g_assert_cmpfloat (window_start, ==, 0);
  g_assert_cmpfloat (window_end, ==, 86400);
  g_assert_cmpfloat (view.zoom, ==, izu.zoom);

  /* Back once, then somewhere new: Shimoda's entry is gone. */
  g_assert_true (mer_map_history_go (history, -1, state, &view));
  mer_state_set_selected_event (state, NULL);
  g_assert_true (mer_map_history_record (history, state, &izu));
  g_assert_false (mer_map_history_can_go (history, 1));
  g_assert_true (mer_map_history_go (history, -1, state, &view));
  g_assert_true (mer_state_get_selected_event (state) == summit);
  g_assert_true (mer_map_history_go (history, -1, state, &view));
  g_assert_false (mer_map_history_can_go (history, -1));

  mer_map_history_clear (history);
  g_assert_false (mer_map_history_can_go (history, 1));
  g_assert_false (mer_map_history_can_go (history, -1));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = g_build_filename (SRCDIR, "data", "events", "russia-japan.json", NULL);
  g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  story = mer_loader_load_file (path, NULL, diagnostics, &error);
  g_assert_no_error (error);

  g_test_add_func ("/map/history/records-and-goes", test_records_and_goes);

  status = g_test_run ();
  g_object_unref (story);
  return status;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-state"

#include "config.h"

#include "mer-diagnostic.h"
#include "mer-loader.h"
#include "mer-state.h"

/* The views redraw from MerState's notifications alone, so each setter must
 * tell of every real change exactly once and of nothing else. Each test
 * counts the notifications and signals, and ends with the state and the
 * documents finalized: nothing may keep them alive. */

typedef struct {
  MerState    *state;
  /* Two loads of one file: equal content, different objects */
  MerDocument *document;
  MerDocument *other;
} Fixture;

static MerDocument *
load_small_story (void)
{
  g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  MerDocument *document = mer_loader_load_file (TESTDATADIR "/valid-small.json", NULL, diagnostics, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->document = load_small_story ();
  fixture->other = load_small_story ();
  fixture->state = mer_state_new ();
  mer_state_set_document (fixture->state, fixture->document);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_finalize_object (fixture->state);
  g_assert_finalize_object (fixture->document);
  g_assert_finalize_object (fixture->other);
}

static void
increment (int *count)
{
  (*count)++;
}

/* How often each notification and signal of a state was emitted. */
typedef struct {
  int notify;               /* of any property */
  int property;             /* of the property under test */
  int time_window_changed;
  int filter_changed;
} Counts;

static void
count_emissions (MerState   *state,
                 const char *property,
                 Counts     *counts)
{
  g_autofree char *detailed = g_strconcat ("notify::", property, NULL);

  g_signal_connect_swapped (state, "notify", G_CALLBACK (increment), &counts->notify);
  g_signal_connect_swapped (state, detailed, G_CALLBACK (increment), &counts->property);
  g_signal_connect_swapped (state, "time-window-changed", G_CALLBACK (increment), &counts->time_window_changed);
  g_signal_connect_swapped (state, "filter-changed", G_CALLBACK (increment), &counts->filter_changed);
}

/* After @step, the property was notified @property times (and no other),
 * and the signals emitted as often as given. */
static void
assert_counts_impl (const char   *file,
                    int           line,
                    const char   *function,
                    const Counts *counts,
                    guint         step,
                    int           property,
                    int           time_window_changed,
                    int           filter_changed)
{
  g_autofree char *message = NULL;

  if (counts->property == property && counts->notify == property &&
      counts->time_window_changed == time_window_changed && counts->filter_changed == filter_changed)
    return;

  message = g_strdup_printf ("after step %u: notified %d times (%d of any property), time-window-changed %d, "
                             "filter-changed %d; expected %d, %d, %d, %d",
                             step, counts->property, counts->notify, counts->time_window_changed,
                             counts->filter_changed, property, property, time_window_changed, filter_changed);
  g_assertion_message (G_LOG_DOMAIN, file, line, function, message);
}

#define assert_counts(counts, step, property, time_window_changed, filter_changed) \
  assert_counts_impl (__FILE__, __LINE__, G_STRFUNC, (counts), (step), (property), (time_window_changed), \
                      (filter_changed))

/* The selection, the hover and the region filter: object properties, each
 * with its setter and getter. */
typedef struct {
  const char *name;
  void       (*set_event)  (MerState *self, MerEvent *event);
  MerEvent  *(*get_event)  (MerState *self);
  void       (*set_region) (MerState *self, MerRegion *region);
  MerRegion *(*get_region) (MerState *self);
  /* A change also changes which events pass the filters */
  gboolean    filters;
} ObjectProperty;

static const ObjectProperty object_properties[] = {
  { "selected-event", mer_state_set_selected_event, mer_state_get_selected_event, NULL, NULL, FALSE },
  { "hovered-event", mer_state_set_hovered_event, mer_state_get_hovered_event, NULL, NULL, FALSE },
  { "selected-region", NULL, NULL, mer_state_set_selected_region, mer_state_get_selected_region, FALSE },
  { "hovered-region", NULL, NULL, mer_state_set_hovered_region, mer_state_get_hovered_region, FALSE },
  { "filter-region", NULL, NULL, mer_state_set_filter_region, mer_state_get_filter_region, TRUE },
};

typedef enum {
  VALUE_NONE,
  VALUE_FIRST,
  VALUE_SECOND,
} Value;

/* Each step sets a value, with the C setter or g_object_set(), and says
 * whether that is a change. */
static const struct {
  Value    value;
  gboolean gobject;
  gboolean changes;
} object_steps[] = {
  { VALUE_NONE, FALSE, FALSE },
  { VALUE_FIRST, FALSE, TRUE },
  { VALUE_FIRST, FALSE, FALSE },
  { VALUE_SECOND, FALSE, TRUE },
  { VALUE_SECOND, TRUE, FALSE },
  { VALUE_FIRST, TRUE, TRUE },
  { VALUE_NONE, TRUE, TRUE },
  { VALUE_NONE, FALSE, FALSE },
};

static GObject *
object_value (Fixture              *fixture,
              const ObjectProperty *property,
              Value                 value)
{
  static const char * const events[] = { NULL, "late", "early" };
  static const char * const regions[] = { NULL, "square", "inline" };

  if (value == VALUE_NONE)
    return NULL;
  if (property->set_event != NULL)
    return G_OBJECT (mer_document_lookup_event (fixture->document, events[value]));
  return G_OBJECT (mer_document_lookup_region (fixture->document, regions[value]));
}

static void
test_object_property (Fixture       *fixture,
                      gconstpointer  data)
{
  const ObjectProperty *property = data;
  Counts counts = { 0 };
  int changes = 0;

  count_emissions (fixture->state, property->name, &counts);

  for (guint i = 0; i < G_N_ELEMENTS (object_steps); i++)
    {
      GObject *value = object_value (fixture, property, object_steps[i].value);
      g_autoptr(GObject) read = NULL;

      if (object_steps[i].gobject)
        g_object_set (fixture->state, property->name, value, NULL);
      else if (property->set_event != NULL)
        property->set_event (fixture->state, value != NULL ? MER_EVENT (value) : NULL);
      else
        property->set_region (fixture->state, value != NULL ? MER_REGION (value) : NULL);

      changes += object_steps[i].changes;
      assert_counts (&counts, i, changes, 0, property->filters ? changes : 0);

      g_object_get (fixture->state, property->name, &read, NULL);
      g_assert_true (read == value);
      if (property->get_event != NULL)
        g_assert_true ((GObject *) property->get_event (fixture->state) == value);
      else
        g_assert_true ((GObject *) property->get_region (fixture->state) == value);
    }

  g_assert_cmpint (mer_state_has_filters (fixture->state), ==, FALSE);
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  /* What is typed, what the state keeps (folded; nothing for nothing) and
   * whether that is a change. */
  static const struct {
    const char *text;
    gboolean    gobject;
    const char *search;
    gboolean    changes;
  } steps[] = {
    { NULL, FALSE, NULL, FALSE },
    { "", FALSE, NULL, FALSE },
    { "Nagato", FALSE, "nagato", TRUE },
    { "NAGATO", FALSE, "nagato", FALSE },
    { "Nágato", FALSE, "nagato", FALSE },
    { "nagato", TRUE, "nagato", FALSE },
    { "Square", TRUE, "square", TRUE },
    { "", FALSE, NULL, TRUE },
    { NULL, TRUE, NULL, FALSE },
    { "Early", FALSE, "early", TRUE },
    { NULL, FALSE, NULL, TRUE },
  };
  MerState *state = fixture->state;
  Counts counts = { 0 };
  int changes = 0;

  count_emissions (state, "search", &counts);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autofree char *read = NULL;

      if (steps[i].gobject)
        g_object_set (state, "search", steps[i].text, NULL);
      else
        mer_state_set_search (state, steps[i].text);

      changes += steps[i].changes;
      assert_counts (&counts, i, changes, 0, changes);
      g_assert_cmpstr (mer_state_get_search (state), ==, steps[i].search);
      g_object_get (state, "search", &read, NULL);
      g_assert_cmpstr (read, ==, steps[i].search);
      g_assert_cmpint (mer_state_has_filters (state), ==, steps[i].search != NULL);
    }
}

static void
test_hide_outside_window (Fixture       *fixture,
                          gconstpointer  data)
{
  static const struct {
    gboolean hide;
    gboolean gobject;
    gboolean changes;
  } steps[] = {
    { FALSE, FALSE, FALSE },
    { TRUE, FALSE, TRUE },
    { TRUE, FALSE, FALSE },
    { TRUE, TRUE, FALSE },
    { FALSE, TRUE, TRUE },
    { FALSE, FALSE, FALSE },
    { TRUE, TRUE, TRUE },
  };
  MerState *state = fixture->state;
  Counts counts = { 0 };
  int changes = 0;

  count_emissions (state, "hide-outside-window", &counts);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      gboolean read;

      if (steps[i].gobject)
        g_object_set (state, "hide-outside-window", steps[i].hide, NULL);
      else
        mer_state_set_hide_outside_window (state, steps[i].hide);

      changes += steps[i].changes;
      assert_counts (&counts, i, changes, 0, 0);
      g_assert_cmpint (mer_state_get_hide_outside_window (state), ==, steps[i].hide);
      g_object_get (state, "hide-outside-window", &read, NULL);
      g_assert_cmpint (read, ==, steps[i].hide);
    }
}

/* The time window is no property: it tells of changes with its own signal. */
static void
test_time_window (Fixture       *fixture,
                  gconstpointer  data)
{
  /* 2016-01-01T00:00:00Z and two days that hold the "late" event. */
  static const double year_2016 = 1451606400.0;
  static const double mid_december = 1481760000.0;
  static const struct {
    gboolean set;
    double   start;
    double   end;
    gboolean changes;
    gboolean late_in_window;
  } steps[] = {
    { FALSE, 0, 0, FALSE, TRUE },
    { TRUE, year_2016, year_2016 + 86400, TRUE, FALSE },
    { TRUE, year_2016, year_2016 + 86400, FALSE, FALSE },
    /* Given the wrong way round, the same window. */
    { TRUE, year_2016 + 86400, year_2016, FALSE, FALSE },
    { TRUE, mid_december, mid_december + 2 * 86400, TRUE, TRUE },
    { FALSE, 0, 0, TRUE, TRUE },
    { FALSE, 0, 0, FALSE, TRUE },
    { TRUE, year_2016, year_2016 + 86400, TRUE, FALSE },
  };
  MerState *state = fixture->state;
  MerEvent *late = mer_document_lookup_event (fixture->document, "late");
  Counts counts = { 0 };
  int changes = 0;

  count_emissions (state, "document", &counts);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      double start = -1, end = -1;

      if (steps[i].set)
        mer_state_set_time_window (state, steps[i].start, steps[i].end);
      else
        mer_state_clear_time_window (state);

      changes += steps[i].changes;
      assert_counts (&counts, i, 0, changes, 0);
      g_assert_cmpint (mer_state_get_time_window (state, &start, &end), ==, steps[i].set);
      if (steps[i].set)
        {
          g_assert_cmpfloat (start, ==, MIN (steps[i].start, steps[i].end));
          g_assert_cmpfloat (end, ==, MAX (steps[i].start, steps[i].end));
        }
      g_assert_cmpint (mer_state_event_in_window (state, late), ==, steps[i].late_in_window);
      /* A window is no filter: events outside it are faded, not dropped. */
      g_assert_false (mer_state_has_filters (state));
    }
}

/* The document's index gives each event's seconds as its dates do; an
 * event of another document is not found there, and is still answered. */
static void
test_event_span (Fixture       *fixture,
                 gconstpointer  data)
{
  GListModel *events = mer_document_get_events (fixture->document);
  MerEvent *stranger = mer_document_lookup_event (fixture->other, "late");
  gint64 first, last;

  g_assert_cmpuint (g_list_model_get_n_items (events), >, 1);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(MerEvent) event = g_list_model_get_item (events, i);

      g_assert_true (mer_document_get_event_span (fixture->document, event, &first, &last));
      g_assert_cmpint (first, ==, mer_event_get_first_second (event));
      g_assert_cmpint (last, ==, mer_event_get_last_second (event));
    }
  g_assert_false (mer_document_get_event_span (fixture->document, stranger, &first, &last));

  mer_state_set_document (fixture->state, fixture->document);
  mer_state_set_time_window (fixture->state, mer_event_get_last_second (stranger),
                             mer_event_get_last_second (stranger) + 1);
  g_assert_true (mer_state_event_in_window (fixture->state, mer_document_lookup_event (fixture->document, "late")));
  g_assert_true (mer_state_event_in_window (fixture->state, stranger));
  mer_state_set_time_window (fixture->state, mer_event_get_last_second (stranger) + 1,
                             mer_event_get_last_second (stranger) + 2);
  g_assert_false (mer_state_event_in_window (fixture->state, mer_document_lookup_event (fixture->document, "late")));
  g_assert_false (mer_state_event_in_window (fixture->state, stranger));
}

static void
test_category_visible (Fixture       *fixture,
                       gconstpointer  data)
{
  static const struct {
    gboolean visible;
    gboolean changes;
  } steps[] = {
    { TRUE, FALSE },
    { FALSE, TRUE },
    { FALSE, FALSE },
    { TRUE, TRUE },
    { TRUE, FALSE },
    { FALSE, TRUE },
  };
  MerState *state = fixture->state;
  MerCategory *diplomacy = mer_document_lookup_category (fixture->document, "diplomacy");
  MerEvent *late = mer_document_lookup_event (fixture->document, "late");
  MerEvent *early = mer_document_lookup_event (fixture->document, "early");
  Counts counts = { 0 };
  int changes = 0;

  g_assert_true (mer_event_get_category (late) == diplomacy);
  g_assert_null (mer_event_get_category (early));
  count_emissions (state, "document", &counts);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      mer_state_set_category_visible (state, diplomacy, steps[i].visible);

      changes += steps[i].changes;
      assert_counts (&counts, i, 0, 0, changes);
      g_assert_cmpint (mer_state_get_category_visible (state, diplomacy), ==, steps[i].visible);
      g_assert_cmpint (mer_state_has_filters (state), ==, !steps[i].visible);
      g_assert_cmpint (mer_state_event_passes_filters (state, late), ==, steps[i].visible);
      g_assert_true (mer_state_event_passes_filters (state, early));
    }
}

static void
test_highlighted_regions (Fixture       *fixture,
                          gconstpointer  data)
{
  /* Region ids, NULL-terminated, as a slide lists them; a gap ("") stands
   * for a region the slide could not resolve, which is left out. */
  static const struct {
    const char *ids[4];
    const char *highlighted[3];
    gboolean    changes;
  } steps[] = {
    { { NULL }, { NULL }, FALSE },
    { { "square", NULL }, { "square", NULL }, TRUE },
    { { "square", NULL }, { "square", NULL }, FALSE },
    { { "square", "inline", NULL }, { "square", "inline", NULL }, TRUE },
    { { "square", "", "inline", NULL }, { "square", "inline", NULL }, FALSE },
    /* The order is the slide's, and counts. */
    { { "inline", "square", NULL }, { "inline", "square", NULL }, TRUE },
    { { "inline", NULL }, { "inline", NULL }, TRUE },
    { { "", NULL }, { NULL }, TRUE },
    { { NULL }, { NULL }, FALSE },
  };
  MerState *state = fixture->state;
  MerRegion *square = mer_document_lookup_region (fixture->document, "square");
  MerRegion *inline_region = mer_document_lookup_region (fixture->document, "inline");
  Counts counts = { 0 };
  int changes = 0;

  count_emissions (state, "highlighted-regions", &counts);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      MerRegion *regions[4] = { NULL };
      GPtrArray *highlighted;
      guint n_regions = 0, n_highlighted = 0;

      for (; steps[i].ids[n_regions] != NULL; n_regions++)
        regions[n_regions] = *steps[i].ids[n_regions] != '\0'
                               ? mer_document_lookup_region (fixture->document, steps[i].ids[n_regions])
                               : NULL;
      mer_state_set_highlighted_regions (state, n_regions > 0 ? regions : NULL, n_regions);

      changes += steps[i].changes;
      assert_counts (&counts, i, changes, 0, 0);

      highlighted = mer_state_get_highlighted_regions (state);
      for (; steps[i].highlighted[n_highlighted] != NULL; n_highlighted++)
        g_assert_cmpstr (mer_region_get_id (g_ptr_array_index (highlighted, n_highlighted)), ==,
                         steps[i].highlighted[n_highlighted]);
      g_assert_cmpuint (highlighted->len, ==, n_highlighted);

      /* A highlighted region is emphasised on the map. */
      g_assert_cmpint (mer_state_is_region_emphasised (state, square), ==,
                       g_ptr_array_find (highlighted, square, NULL));
      g_assert_cmpint (mer_state_is_region_emphasised (state, inline_region), ==,
                       g_ptr_array_find (highlighted, inline_region, NULL));
    }
}

/* Notifications of a document swap, which observers must see whole. */
typedef struct {
  MerState    *state;
  MerDocument *expected;
  int          notify;
  int          stale;
} SwapWatch;

/* Whatever tells of the swap, the state is already all new: the new
 * document, and nothing left that points into the old one. */
static void
check_swapped (SwapWatch *watch)
{
  MerState *state = watch->state;

  watch->notify++;
  if (mer_state_get_document (state) != watch->expected ||
      mer_state_get_selected_event (state) != NULL || mer_state_get_hovered_event (state) != NULL ||
      mer_state_get_selected_region (state) != NULL || mer_state_get_hovered_region (state) != NULL ||
      mer_state_get_filter_region (state) != NULL || mer_state_get_highlighted_regions (state)->len > 0 ||
      mer_state_get_time_window (state, NULL, NULL))
    watch->stale++;
}

static void
test_document_swap (Fixture       *fixture,
                    gconstpointer  data)
{
  /* Everything that points into the old document is cleared; the search
   * and the choice to hide events outside the window are the user's and
   * stay. */
  static const struct {
    const char *property;
    int         notifies;
  } properties[] = {
    { "document", 1 },
    { "selected-event", 1 },
    { "hovered-event", 1 },
    { "selected-region", 1 },
    { "hovered-region", 1 },
    { "filter-region", 1 },
    { "highlighted-regions", 1 },
    { "search", 0 },
    { "hide-outside-window", 0 },
  };
  MerState *state = fixture->state;
  MerDocument *document = fixture->document;
  MerRegion *square = mer_document_lookup_region (document, "square");
  MerCategory *diplomacy = mer_document_lookup_category (document, "diplomacy");
  SwapWatch watch = { state, fixture->other, 0, 0 };
  int counts[G_N_ELEMENTS (properties)] = { 0 };
  int time_window_changed = 0, filter_changed = 0;

  mer_state_set_selected_event (state, mer_document_lookup_event (document, "late"));
  mer_state_set_hovered_event (state, mer_document_lookup_event (document, "early"));
  mer_state_set_selected_region (state, square);
  mer_state_set_hovered_region (state, mer_document_lookup_region (document, "inline"));
  mer_state_set_filter_region (state, square);
  mer_state_set_highlighted_regions (state, &square, 1);
  mer_state_set_time_window (state, 0, 86400);
  mer_state_set_category_visible (state, diplomacy, FALSE);
  mer_state_set_search (state, "Late");
  mer_state_set_hide_outside_window (state, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (properties); i++)
    {
      g_autofree char *detailed = g_strconcat ("notify::", properties[i].property, NULL);

      g_signal_connect_swapped (state, detailed, G_CALLBACK (increment), &counts[i]);
    }
  g_signal_connect_swapped (state, "notify", G_CALLBACK (check_swapped), &watch);
  g_signal_connect_swapped (state, "time-window-changed", G_CALLBACK (check_swapped), &watch);
  g_signal_connect_swapped (state, "filter-changed", G_CALLBACK (check_swapped), &watch);
  g_signal_connect_swapped (state, "time-window-changed", G_CALLBACK (increment), &time_window_changed);
  g_signal_connect_swapped (state, "filter-changed", G_CALLBACK (increment), &filter_changed);

  g_object_set (state, "document", fixture->other, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (properties); i++)
    g_assert_cmpint (counts[i], ==, properties[i].notifies);
  g_assert_cmpint (time_window_changed, ==, 1);
  g_assert_cmpint (filter_changed, ==, 1);
  /* Seven notifications and the two signals, none seeing a half swap. */
  g_assert_cmpint (watch.notify, ==, 7 + 2);
  g_assert_cmpint (watch.stale, ==, 0);

  g_assert_true (mer_state_get_document (state) == fixture->other);
  g_assert_cmpstr (mer_state_get_search (state), ==, "late");
  g_assert_true (mer_state_get_hide_outside_window (state));
  g_assert_true (mer_state_get_category_visible (state, diplomacy));

  /* The same document again changes nothing. */
  mer_state_set_document (state, fixture->other);
  g_assert_cmpint (counts[0], ==, 1);
  g_assert_cmpint (watch.notify, ==, 9);

  /* With nothing else to clear, only the document and the filter tell. */
  watch.expected = NULL;
  mer_state_set_document (state, NULL);
  g_assert_cmpint (counts[0], ==, 2);
  for (guint i = 1; i < G_N_ELEMENTS (properties); i++)
    g_assert_cmpint (counts[i], ==, properties[i].notifies);
  g_assert_cmpint (time_window_changed, ==, 1);
  g_assert_cmpint (filter_changed, ==, 2);
  g_assert_cmpint (watch.stale, ==, 0);
}

/* The state holds what it is given: the document outlives its loader's
 * reference, and lets go of it on a swap. */
static void
test_document_references (Fixture       *fixture,
                          gconstpointer  data)
{
  MerDocument *document = load_small_story ();
  MerEvent *event = mer_document_lookup_event (document, "late");

  mer_state_set_document (fixture->state, document);
  mer_state_set_selected_event (fixture->state, event);
  g_object_unref (document);
  g_assert_true (mer_state_get_document (fixture->state) == document);
  g_assert_cmpstr (mer_event_get_id (mer_state_get_selected_event (fixture->state)), ==, "late");

  g_object_add_weak_pointer (G_OBJECT (document), (gpointer *) &document);
  mer_state_set_document (fixture->state, fixture->document);
  g_assert_null (document);
}

/* The map's date: a picked one first, then the time window's end, then
 * the selected event's start; picking and clearing are told once each.
 * The point of view is a property like any other. */
static void
test_as_of_and_pov (Fixture       *fixture,
                    gconstpointer  data)
{
  MerState *state = fixture->state;
  MerEvent *late = mer_document_lookup_event (fixture->document, "late");
  int as_of_changes = 0, pov_notifies = 0;
  gint64 second = 0;

  g_signal_connect_swapped (state, "as-of-changed", G_CALLBACK (increment), &as_of_changes);
  g_signal_connect_swapped (state, "notify::pov", G_CALLBACK (increment), &pov_notifies);

  g_assert_false (mer_state_get_as_of (state, &second));
  mer_state_set_selected_event (state, late);
  g_assert_true (mer_state_get_as_of (state, &second));
  g_assert_cmpint (second, ==, mer_date_last_second (mer_event_get_start (late)));
  mer_state_set_time_window (state, 0, 86400 * 365.0);
  g_assert_true (mer_state_get_as_of (state, &second));
  g_assert_cmpint (second, ==, 86400 * 365);

  mer_state_pin_as_of (state, -2524521600);
  mer_state_pin_as_of (state, -2524521600);
  g_assert_cmpint (as_of_changes, ==, 1);
  g_assert_true (mer_state_get_pinned_as_of (state, &second));
  g_assert_cmpint (second, ==, -2524521600);
  g_assert_true (mer_state_get_as_of (state, &second));
  g_assert_cmpint (second, ==, -2524521600);
  /* Moving the window does not move a picked date. */
  mer_state_set_time_window (state, 0, 86400 * 730.0);
  g_assert_true (mer_state_get_as_of (state, &second));
  g_assert_cmpint (second, ==, -2524521600);

  mer_state_unpin_as_of (state);
  mer_state_unpin_as_of (state);
  g_assert_cmpint (as_of_changes, ==, 2);
  g_assert_false (mer_state_get_pinned_as_of (state, NULL));
  g_assert_true (mer_state_get_as_of (state, &second));
  g_assert_cmpint (second, ==, 86400 * 730);

  g_assert_null (mer_state_get_pov (state));
  mer_state_set_pov (state, "jpn");
  mer_state_set_pov (state, "jpn");
  g_assert_cmpstr (mer_state_get_pov (state), ==, "jpn");
  g_object_set (state, "pov", "rus", NULL);
  mer_state_set_pov (state, NULL);
  g_assert_null (mer_state_get_pov (state));
  g_assert_cmpint (pov_notifies, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (object_properties); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/state/property/%s", object_properties[i].name);

      g_test_add (path, Fixture, &object_properties[i], fixture_setup, test_object_property, fixture_teardown);
    }
  g_test_add ("/core/state/property/search", Fixture, NULL, fixture_setup, test_search, fixture_teardown);
  g_test_add ("/core/state/property/hide-outside-window", Fixture, NULL, fixture_setup, test_hide_outside_window,
              fixture_teardown);
  g_test_add ("/core/state/property/highlighted-regions", Fixture, NULL, fixture_setup, test_highlighted_regions,
              fixture_teardown);
  g_test_add ("/core/state/time-window", Fixture, NULL, fixture_setup, test_time_window, fixture_teardown);
  g_test_add ("/core/state/as-of-and-pov", Fixture, NULL, fixture_setup, test_as_of_and_pov, fixture_teardown);
  g_test_add ("/core/state/category-visible", Fixture, NULL, fixture_setup, test_category_visible, fixture_teardown);
  g_test_add ("/core/state/event-span", Fixture, NULL, fixture_setup, test_event_span, fixture_teardown);
  g_test_add ("/core/state/document/swap", Fixture, NULL, fixture_setup, test_document_swap, fixture_teardown);
  g_test_add ("/core/state/document/references", Fixture, NULL, fixture_setup, test_document_references,
              fixture_teardown);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-search-results"

#include "config.h"

#include "mer-search-results.h"

#include <glib/gi18n.h>

/* Under the search entry: how many events match and a list of them, in time
 * order, from which Up, Down and Enter (or a click) pick one. The events are
 * those the state's filters pass, the search among them, so that the list
 * says what the map and the timeline show. */

/* The most rows listed: the count says how many more there are. */
#define MAX_ROWS 200

struct _MerSearchResults
{
  GtkBox parent_instance;

  /* Owned */
  MerState *state;

  /* Borrowed: children */
  GtkLabel   *count;
  GtkWidget  *scroller;
  GtkListBox *list;

  guint n_results;
};

G_DEFINE_FINAL_TYPE (MerSearchResults, mer_search_results, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
create_row (MerEvent *event)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (mer_event_get_title (event));
  g_autofree char *date_text = mer_event_format_date (event);
  GtkWidget *date = gtk_label_new (date_text);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (date, "dim-label");
  gtk_widget_add_css_class (date, "event-date");
  /* A date label makes the date long: it shares the row with the title
   * instead of squeezing it to nothing, and shows whole as a tooltip. */
  if (mer_event_get_date_label (event) != NULL)
    {
      gtk_label_set_ellipsize (GTK_LABEL (date), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (date), 24);
      gtk_widget_set_tooltip_text (date, date_text);
    }
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), date);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "event", g_object_ref (event), g_object_unref);
  return row;
}

static void
update (MerSearchResults *self)
{
  MerDocument *document = mer_state_get_document (self->state);
  const char *search = mer_state_get_search (self->state);
  GtkWidget *child;
  guint n_results = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  if (document != NULL && search != NULL && search[0] != '\0')
    {
      GListModel *events = mer_document_get_events (document);

      for (guint i = 0; i < g_list_model_get_n_items (events); i++)
        {
          g_autoptr(MerEvent) event = g_list_model_get_item (events, i);

          if (!mer_state_event_passes_filters (self->state, event))
            continue;
          if (n_results++ < MAX_ROWS)
            gtk_list_box_append (self->list, create_row (event));
        }

      if (n_results == 0)
        {
          g_autofree char *text = g_strdup_printf (_("No results for “%s”"), search);

          gtk_label_set_text (self->count, text);
        }
      else
        {
          g_autofree char *text = g_strdup_printf (g_dngettext (NULL, "%u event", "%u events", n_results), n_results);

          gtk_label_set_text (self->count, text);
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self), search != NULL && search[0] != '\0');
  gtk_widget_set_visible (self->scroller, n_results > 0);
  self->n_results = n_results;
}

static void
on_row_activated (MerSearchResults *self,
                  GtkListBoxRow    *row)
{
  mer_state_set_selected_event (self->state, g_object_get_data (G_OBJECT (row), "event"));
}

static void
mer_search_results_constructed (GObject *object)
{
  MerSearchResults *self = MER_SEARCH_RESULTS (object);

  G_OBJECT_CLASS (mer_search_results_parent_class)->constructed (object);

  g_signal_connect_object (self->state, "filter-changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "notify::document", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

static void
mer_search_results_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  MerSearchResults *self = MER_SEARCH_RESULTS (object);

  switch (prop_id)
    {
    case PROP_STATE:
      self->state = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mer_search_results_dispose (GObject *object)
{
  MerSearchResults *self = MER_SEARCH_RESULTS (object);

  g_clear_object (&self->state);

  G_OBJECT_CLASS (mer_search_results_parent_class)->dispose (object);
}

static void
mer_search_results_class_init (MerSearchResultsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = mer_search_results_constructed;
  object_class->set_property = mer_search_results_set_property;
  object_class->dispose = mer_search_results_dispose;

  properties[PROP_STATE] =
    g_param_spec_object ("state", NULL, NULL, MER_TYPE_STATE,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mer_search_results_init (MerSearchResults *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 4);

  self->count = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->count, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->count), "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->count), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search results"), -1);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->count));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_BROWSE);
  gtk_list_box_set_activate_on_single_click (self->list, TRUE);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (on_row_activated), self);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (self->scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (self->scroller), 180);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->list));
  gtk_box_append (GTK_BOX (self), self->scroller);
}

/**
 * mer_search_results_new:
 * @state: the state whose search and filters to list the events of
 */
MerSearchResults *
mer_search_results_new (MerState *state)
{
  g_return_val_if_fail (MER_IS_STATE (state), NULL);

  return g_object_new (MER_TYPE_SEARCH_RESULTS, "state", state, NULL);
}

/**
 * mer_search_results_get_n_results:
 *
 * Returns: how many events the search finds (0 without a search)
 */
guint
mer_search_results_get_n_results (MerSearchResults *self)
{
  g_return_val_if_fail (MER_IS_SEARCH_RESULTS (self), 0);
  return self->n_results;
}

/**
 * mer_search_results_move:
 * @delta: how many rows down (up when negative) to move the highlight
 *
 * Moves the highlighted row, from the first when none is, keeping it in
 * view; the search entry keeps the keys.
 */
void
mer_search_results_move (MerSearchResults *self,
                         int               delta)
{
  GtkListBoxRow *row;
  int index, n = (int) MIN (self->n_results, MAX_ROWS);

  g_return_if_fail (MER_IS_SEARCH_RESULTS (self));

  if (n == 0)
    return;

  row = gtk_list_box_get_selected_row (self->list);
  index = row != NULL ? gtk_list_box_row_get_index (row) + delta : (delta > 0 ? 0 : n - 1);
  row = gtk_list_box_get_row_at_index (self->list, CLAMP (index, 0, n - 1));
  gtk_list_box_select_row (self->list, row);
  {
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
    graphene_rect_t bounds;

    if (gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (self->list), &bounds))
      gtk_adjustment_clamp_page (adjustment, bounds.origin.y, bounds.origin.y + bounds.size.height);
  }
}

/**
 * mer_search_results_activate:
 *
 * Selects the event of the highlighted row, or of the first.
 *
 * Returns: whether there was one
 */
gboolean
mer_search_results_activate (MerSearchResults *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (MER_IS_SEARCH_RESULTS (self), FALSE);

  row = gtk_list_box_get_selected_row (self->list);
  if (row == NULL)
    row = gtk_list_box_get_row_at_index (self->list, 0);
  if (row == NULL)
    return FALSE;

  on_row_activated (self, row);
  return TRUE;
}

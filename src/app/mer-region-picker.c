/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-region-picker"

#include "config.h"

#include "mer-region-picker.h"

#include <glib/gi18n.h>

/* Picks a country or a first-level division from the bundled Natural
 * Earth outlines to make a region of. Typed for: the search entry keeps the
 * focus, Up and Down move through the list, Enter takes the row selected;
 * ::picked says which, and the window makes the region. */

/* More rows than this is a list nobody reads; the search narrows it. */
#define MAX_ROWS 200

struct _MerRegionPicker
{
  GtkWindow parent_instance;

  /* Owned */
  MerDivisions *divisions;
  char         *searched;       /* the text the list shows the hits of */

  /* Borrowed */
  GtkSearchEntry *search;
  GtkListBox     *list;
  GtkScrolledWindow *scrolled;
  GtkLabel       *status;
  GtkWidget      *add_button;
};

G_DEFINE_FINAL_TYPE (MerRegionPicker, mer_region_picker, GTK_TYPE_WINDOW)

enum {
  PICKED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

static GtkWidget *
make_row (MerRegionPicker *self,
          guint            index)
{
  const MerDivision *item = mer_divisions_get_item (self->divisions, index);
  g_autofree char *title = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title_label;
  GtkWidget *subtitle_label;

  if (item->level == MER_DIVISION_COUNTRY)
    {
      title = g_strdup (item->name);
      g_string_append (subtitle, _("Country"));
    }
  else
    {
      /* TRANSLATORS: a first-level division and its country: "Crimea — Ukraine" */
      title = g_strdup_printf (_("%s — %s"), item->name, item->country_name);
      g_string_append (subtitle, _("Division"));
    }
  if (item->code != NULL)
    g_string_append_printf (subtitle, " · %s", item->code);
  for (guint i = 0; i < item->n_names; i++)
    g_string_append_printf (subtitle, " · %s", item->names[i].text);

  title_label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title_label), PANGO_ELLIPSIZE_END);
  subtitle_label = gtk_label_new (subtitle->str);
  gtk_label_set_xalign (GTK_LABEL (subtitle_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle_label, "dim-label");
  gtk_widget_add_css_class (subtitle_label, "caption");
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_box_append (GTK_BOX (box), title_label);
  gtk_box_append (GTK_BOX (box), subtitle_label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_object_set_data (G_OBJECT (row), "mer-division", GUINT_TO_POINTER (index + 1));
  return row;
}

/* Shows the hits of the text typed, the best selected. */
static void
refresh (MerRegionPicker *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search));
  g_autoptr(GArray) hits = NULL;
  GtkWidget *child;

  if (self->searched != NULL && g_str_equal (self->searched, text))
    return;
  g_free (self->searched);
  self->searched = g_strdup (text);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  hits = mer_divisions_search (self->divisions, text, MAX_ROWS);
  for (guint i = 0; i < hits->len; i++)
    gtk_list_box_append (self->list, make_row (self, g_array_index (hits, guint, i)));
  gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, 0));

  gtk_widget_set_visible (GTK_WIDGET (self->status), hits->len == 0);
  gtk_widget_set_sensitive (self->add_button, hits->len > 0);
}

static void
pick (MerRegionPicker *self,
      GtkListBoxRow   *row)
{
  guint index = row != NULL ? GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "mer-division")) : 0;

  if (index == 0)
    return;
  g_signal_emit (self, signals[PICKED], 0, index - 1);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_activate (MerRegionPicker *self)
{
  /* Enter typed faster than the search's delay picks from what was typed. */
  refresh (self);
  pick (self, gtk_list_box_get_selected_row (self->list));
}

static void
on_row_activated (MerRegionPicker *self,
                  GtkListBoxRow   *row)
{
  pick (self, row);
}

/* Up and Down move through the list while the typing goes on. */
static gboolean
on_key_pressed (MerRegionPicker       *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  GtkListBoxRow *selected;
  int index;
  int step;
  GtkListBoxRow *next;

  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    step = 1;
  else if (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up)
    step = -1;
  else
    return GDK_EVENT_PROPAGATE;

  refresh (self);
  selected = gtk_list_box_get_selected_row (self->list);
  index = selected != NULL ? gtk_list_box_row_get_index (selected) + step : 0;
  next = index >= 0 ? gtk_list_box_get_row_at_index (self->list, index) : NULL;
  if (next != NULL)
    {
      gtk_list_box_select_row (self->list, next);
      gtk_widget_grab_focus (GTK_WIDGET (self->search));
      /* Scrolled into view without taking the focus from the entry. */
      {
        GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);
        graphene_rect_t bounds;

        if (gtk_widget_compute_bounds (GTK_WIDGET (next), GTK_WIDGET (self->list), &bounds))
          gtk_adjustment_clamp_page (adjustment, bounds.origin.y, bounds.origin.y + bounds.size.height);
      }
    }
  return GDK_EVENT_STOP;
}

static void
on_add_clicked (MerRegionPicker *self)
{
  on_activate (self);
}

static void
mer_region_picker_finalize (GObject *object)
{
  MerRegionPicker *self = MER_REGION_PICKER (object);

  g_clear_pointer (&self->divisions, mer_divisions_unref);
  g_free (self->searched);

  G_OBJECT_CLASS (mer_region_picker_parent_class)->finalize (object);
}

static void
mer_region_picker_class_init (MerRegionPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = mer_region_picker_finalize;

  /**
   * MerRegionPicker::picked:
   * @index: the entry of the #MerDivisions picked
   */
  signals[PICKED] = g_signal_new ("picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mer_region_picker_init (MerRegionPicker *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *label = gtk_label_new_with_mnemonic (_("_Country or division"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *credit = gtk_label_new (_("Outlines: Natural Earth, 1:10m"));
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Region from the Base Map"));
  gtk_window_set_default_size (GTK_WINDOW (self), 520, 560);

  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search, "placeholder-text", _("Name in English, Japanese or Russian, or ISO code"), NULL);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->search));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->search), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->search));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_BROWSE);
  /* A click chooses, as in a list of files; a double-click or Enter adds. */
  gtk_list_box_set_activate_on_single_click (self->list, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Countries and divisions"), -1);
  self->scrolled = GTK_SCROLLED_WINDOW (scrolled);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_widget_set_size_request (scrolled, -1, 160);
  gtk_box_append (GTK_BOX (box), scrolled);

  self->status = GTK_LABEL (gtk_label_new (_("No country or division has that name.")));
  gtk_label_set_xalign (self->status, 0);
  gtk_label_set_wrap (self->status, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->status), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->status));

  gtk_label_set_xalign (GTK_LABEL (credit), 0);
  gtk_widget_set_hexpand (credit, TRUE);
  gtk_widget_add_css_class (credit, "dim-label");
  gtk_widget_add_css_class (credit, "caption");
  self->add_button = gtk_button_new_with_mnemonic (_("_Add Region"));
  gtk_widget_add_css_class (self->add_button, "suggested-action");
  gtk_box_append (GTK_BOX (buttons), credit);
  gtk_box_append (GTK_BOX (buttons), cancel);
  gtk_box_append (GTK_BOX (buttons), self->add_button);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_window_set_child (GTK_WINDOW (self), box);

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search), keys);
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (refresh), self);
  g_signal_connect_swapped (self->search, "activate", G_CALLBACK (on_activate), self);
  g_signal_connect_swapped (self->search, "stop-search", G_CALLBACK (gtk_window_close), self);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (on_row_activated), self);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), self);
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (on_add_clicked), self);
}

/**
 * mer_region_picker_new:
 * @parent: the story's window
 * @divisions: the outlines to pick from
 *
 * Returns: (transfer none): the dialog, shown, modal to @parent, the
 *   search focused and the countries listed; it emits ::picked and closes
 */
MerRegionPicker *
mer_region_picker_new (GtkWindow    *parent,
                       MerDivisions *divisions)
{
  MerRegionPicker *self = g_object_new (MER_TYPE_REGION_PICKER, "transient-for", parent, "modal", TRUE,
                                        "destroy-with-parent", TRUE, NULL);

  self->divisions = mer_divisions_ref (divisions);
  refresh (self);
  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search));
  return self;
}

/**
 * mer_region_picker_get_search:
 *
 * Returns: (transfer none): the search entry
 */
GtkEditable *
mer_region_picker_get_search (MerRegionPicker *self)
{
  g_return_val_if_fail (MER_IS_REGION_PICKER (self), NULL);
  return GTK_EDITABLE (self->search);
}

/**
 * mer_region_picker_get_n_shown:
 *
 * Returns: how many rows the list shows
 */
guint
mer_region_picker_get_n_shown (MerRegionPicker *self)
{
  guint n = 0;

  g_return_val_if_fail (MER_IS_REGION_PICKER (self), 0);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-event-editor"

#include "config.h"

#include "mer-event-editor.h"

#include "mer-story-editor.h"

#include <glib/gi18n.h>

/* The side panel's editor: the story's title, and every member of the
 * selected event (title, dates with their precision and circa, category,
 * importance, summary, tags, regions, places, sources). A field is written
 * into the story when it is left or Enter is pressed; the edit model
 * checks it, and a refusal is shown under the field with its reason while
 * the field keeps what was typed. Every change is one step of the story's
 * history. The panel follows the selection, and is rebuilt once per change
 * of the story, keeping the focus where it was. */

typedef void (*CommitFunc) (GtkWidget      *widget,
                            MerEventEditor *self);

struct _MerEventEditor
{
  GtkWidget parent_instance;

  /* Owned */
  MerState  *state;
  MerEdit   *edit;
  char      *event_id;       /* the event the fields show */
  GPtrArray *category_ids;   /* char *, the category menu's; NULL first, for none */
  GPtrArray *region_ids;     /* char *, the region buttons' */

  /* Borrowed */
  MerMapWidget *map;
  GtkWidget    *scrolled;
  GtkWidget    *message;
  GtkWidget    *story_title;
  GtkWidget    *story_subtitle;
  GtkWidget    *story_error;
  MerStoryEditor *story_editor;
  GtkWidget    *event_box;
  GtkWidget    *heading;
  GtkWidget    *title;
  GtkWidget    *title_error;
  GtkWidget    *start;
  GtkWidget    *end;
  GtkWidget    *circa;
  GtkWidget    *date_label;
  GtkWidget    *dates_error;
  GtkWidget    *category;
  GtkWidget    *importance;
  GtkWidget    *summary;
  GtkWidget    *tags;
  GtkWidget    *regions;
  GtkWidget    *places;
  GtkWidget    *place_name;
  GtkWidget    *places_error;
  GtkWidget    *sources;
  GtkWidget    *source_title;
  GtkWidget    *source_url;
  GtkWidget    *sources_error;
  GtkWidget    *error;

  guint         refresh_id;
  gboolean      refreshing;
  gboolean      stale;        /* the selection changed while hidden */
};

G_DEFINE_FINAL_TYPE (MerEventEditor, mer_event_editor, GTK_TYPE_WIDGET)

static void schedule_refresh (MerEventEditor *self);

/* Errors */

static void
show_field_error (GtkWidget    *field,
                  GtkWidget    *label,
                  const GError *error)
{
  gtk_label_set_text (GTK_LABEL (label), error != NULL ? error->message : "");
  gtk_widget_set_visible (label, error != NULL);
  if (field == NULL)
    return;
  if (error != NULL)
    gtk_widget_add_css_class (field, "error");
  else
    gtk_widget_remove_css_class (field, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID,
                               error != NULL ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
}

static GtkWidget *
error_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_visible (label, FALSE);
  return label;
}

/* Committing fields */

static const char *
entry_text (GtkWidget *entry)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

static gboolean
can_commit (MerEventEditor *self)
{
  return !self->refreshing && self->edit != NULL;
}

static void
on_commit_activate (GtkWidget      *widget,
                    MerEventEditor *self)
{
  CommitFunc commit = g_object_get_data (G_OBJECT (widget), "commit");

  if (can_commit (self))
    commit (widget, self);
}

static void
on_commit_leave (GtkEventControllerFocus *controller,
                 MerEventEditor          *self)
{
  on_commit_activate (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)), self);
}

/* @widget is written when Enter is pressed in it (an entry) or the focus
 * leaves it. */
static void
connect_commit (MerEventEditor *self,
                GtkWidget      *widget,
                CommitFunc      commit)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_object_set_data (G_OBJECT (widget), "commit", commit);
  if (GTK_IS_ENTRY (widget))
    g_signal_connect (widget, "activate", G_CALLBACK (on_commit_activate), self);
  g_signal_connect (focus, "leave", G_CALLBACK (on_commit_leave), self);
  gtk_widget_add_controller (widget, focus);
}

static void
commit_story_text (GtkWidget      *entry,
                   MerEventEditor *self)
{
  g_autoptr(GError) error = NULL;
  const char *member = entry == self->story_title ? "title" : "subtitle";

  if (entry == self->story_title && *entry_text (entry) == '\0')
    g_set_error_literal (&error, MER_EDIT_ERROR, MER_EDIT_ERROR_INVALID, _("The story needs a title."));
  else
    mer_edit_set_story_text (self->edit, member, entry_text (entry), &error);
  show_field_error (entry, self->story_error, error);
}

static void
commit_title (GtkWidget      *entry,
              MerEventEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (self->event_id == NULL)
    return;
  mer_edit_set_event_title (self->edit, self->event_id, entry_text (entry), &error);
  show_field_error (entry, self->title_error, error);
}

static void
commit_dates (GtkWidget      *widget,
              MerEventEditor *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *field;
  MerDate date;

  if (self->event_id == NULL || !can_commit (self))
    return;
  mer_edit_set_event_dates (self->edit, self->event_id, entry_text (self->start), entry_text (self->end),
                            gtk_check_button_get_active (GTK_CHECK_BUTTON (self->circa)), &error);
  /* The error is shown on the field it is about: the start if it is not
   * a date, the end otherwise. */
  field = mer_date_parse (entry_text (self->start), &date, NULL) ? self->end : self->start;
  show_field_error (self->start, self->dates_error, NULL);
  show_field_error (self->end, self->dates_error, NULL);
  show_field_error (field, self->dates_error, error);
}

static void
commit_date_label (GtkWidget      *entry,
                   MerEventEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (self->event_id == NULL)
    return;
  mer_edit_set_event_date_label (self->edit, self->event_id, entry_text (entry), &error);
  show_field_error (entry, self->dates_error, error);
}

static void
on_circa_toggled (GtkCheckButton *button,
                  MerEventEditor *self)
{
  commit_dates (GTK_WIDGET (button), self);
}

static void
commit_summary (GtkWidget      *view,
                MerEventEditor *self)
{
  g_autoptr(GError) error = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (self->event_id == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  mer_edit_set_event_summary (self->edit, self->event_id, text, &error);
  show_field_error (view, self->error, error);
}

static void
commit_tags (GtkWidget      *entry,
             MerEventEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tags = g_strsplit (entry_text (entry), ",", -1);

  if (self->event_id == NULL)
    return;
  mer_edit_set_event_tags (self->edit, self->event_id, (const char * const *) tags, &error);
  show_field_error (entry, self->error, error);
}

static void
on_category_selected (GtkDropDown    *dropdown,
                      GParamSpec     *pspec,
                      MerEventEditor *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (!can_commit (self) || self->event_id == NULL || selected >= self->category_ids->len)
    return;
  mer_edit_set_event_category (self->edit, self->event_id, g_ptr_array_index (self->category_ids, selected), &error);
  show_field_error (GTK_WIDGET (dropdown), self->error, error);
}

static void
on_importance_selected (GtkDropDown    *dropdown,
                        GParamSpec     *pspec,
                        MerEventEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!can_commit (self) || self->event_id == NULL)
    return;
  mer_edit_set_event_importance (self->edit, self->event_id, gtk_drop_down_get_selected (dropdown), &error);
  show_field_error (GTK_WIDGET (dropdown), self->error, error);
}

static void
on_region_toggled (GtkCheckButton *button,
                   MerEventEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  guint i = 0;

  if (!can_commit (self) || self->event_id == NULL)
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (self->regions); child != NULL;
       child = gtk_widget_get_next_sibling (child), i++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (child)))
      g_strv_builder_add (builder, g_ptr_array_index (self->region_ids, i));
  ids = g_strv_builder_end (builder);
  mer_edit_set_event_regions (self->edit, self->event_id, (const char * const *) ids, &error);
  show_field_error (NULL, self->error, error);
}

/* Places */

/* The row a field is in: each row knows its index and its fields. */
static GtkWidget *
row_of (GtkWidget *widget)
{
  while (g_object_get_data (G_OBJECT (widget), "index") == NULL)
    widget = gtk_widget_get_parent (widget);
  return widget;
}

static guint
row_index (GtkWidget *widget)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row_of (widget)), "index")) - 1;
}

static void
commit_place_name (GtkWidget      *entry,
                   MerEventEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (self->event_id == NULL)
    return;
  mer_edit_rename_place (self->edit, self->event_id, row_index (entry), entry_text (entry), &error);
  show_field_error (entry, self->places_error, error);
}

static void
on_place_moved (GtkSpinButton  *spin,
                MerEventEditor *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *row = row_of (GTK_WIDGET (spin));
  GtkWidget *lat = g_object_get_data (G_OBJECT (row), "lat");
  GtkWidget *lon = g_object_get_data (G_OBJECT (row), "lon");

  if (!can_commit (self) || self->event_id == NULL)
    return;
  mer_edit_move_place (self->edit, self->event_id, row_index (GTK_WIDGET (spin)),
                       gtk_spin_button_get_value (GTK_SPIN_BUTTON (lat)),
                       gtk_spin_button_get_value (GTK_SPIN_BUTTON (lon)), &error);
  show_field_error (GTK_WIDGET (spin), self->places_error, error);
}

static void
on_place_removed (GtkButton      *button,
                  MerEventEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!can_commit (self) || self->event_id == NULL)
    return;
  mer_edit_remove_place (self->edit, self->event_id, row_index (GTK_WIDGET (button)), &error);
  show_field_error (NULL, self->places_error, error);
}

static void
on_place_added (MerEventEditor *self)
{
  g_autoptr(GError) error = NULL;
  MerMapView view;
  MerPlace place;

  if (!can_commit (self) || self->event_id == NULL)
    return;
  /* At the centre of the map; dragging its marker, or the fields, put it
   * where it belongs. */
  mer_map_widget_get_map_view (self->map, &view);
  place = (MerPlace) { (char *) entry_text (self->place_name), view.lat, view.lon };
  if (mer_edit_add_place (self->edit, self->event_id, &place, &error))
    gtk_editable_set_text (GTK_EDITABLE (self->place_name), "");
  show_field_error (self->place_name, self->places_error, error);
}

static GtkWidget *
coordinate_spin (MerEventEditor *self,
                 double          limit,
                 const char     *name)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (-limit, limit, 0.01);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 4);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 4);
  gtk_widget_set_hexpand (spin, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_tooltip_text (spin, name);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_place_moved), self);
  return spin;
}

static GtkWidget *
place_row (MerEventEditor *self,
           guint           index)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *name = gtk_entry_new ();
  GtkWidget *lat = coordinate_spin (self, 90, _("Latitude"));
  GtkWidget *lon = coordinate_spin (self, 180, _("Longitude"));
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

  /* Counted from 1: no index is NULL. */
  g_object_set_data (G_OBJECT (row), "index", GUINT_TO_POINTER (index + 1));
  g_object_set_data (G_OBJECT (row), "name", name);
  g_object_set_data (G_OBJECT (row), "lat", lat);
  g_object_set_data (G_OBJECT (row), "lon", lon);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (name), 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (name), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Place name"), -1);
  connect_commit (self, name, commit_place_name);
  gtk_widget_set_tooltip_text (remove, _("Remove the place"));
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect (remove, "clicked", G_CALLBACK (on_place_removed), self);
  gtk_box_append (GTK_BOX (top), name);
  gtk_box_append (GTK_BOX (top), remove);
  gtk_box_append (GTK_BOX (bottom), lat);
  gtk_box_append (GTK_BOX (bottom), lon);
  gtk_box_append (GTK_BOX (row), top);
  gtk_box_append (GTK_BOX (row), bottom);
  gtk_widget_set_margin_bottom (row, 4);
  return row;
}

/* Sources */

static void
commit_source (GtkWidget      *entry,
               MerEventEditor *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *row = row_of (entry);
  MerSource source = {
    (char *) entry_text (g_object_get_data (G_OBJECT (row), "title")),
    (char *) entry_text (g_object_get_data (G_OBJECT (row), "url")),
  };

  if (self->event_id == NULL)
    return;
  mer_edit_set_source (self->edit, self->event_id, row_index (entry), &source, &error);
  show_field_error (entry, self->sources_error, error);
}

static void
on_source_removed (GtkButton      *button,
                   MerEventEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!can_commit (self) || self->event_id == NULL)
    return;
  mer_edit_remove_source (self->edit, self->event_id, row_index (GTK_WIDGET (button)), &error);
  show_field_error (NULL, self->sources_error, error);
}

static void
on_source_added (MerEventEditor *self)
{
  g_autoptr(GError) error = NULL;
  MerSource source = { (char *) entry_text (self->source_title), (char *) entry_text (self->source_url) };

  if (!can_commit (self) || self->event_id == NULL)
    return;
  if (mer_edit_add_source (self->edit, self->event_id, &source, &error))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->source_title), "");
      gtk_editable_set_text (GTK_EDITABLE (self->source_url), "");
    }
  show_field_error (self->source_url, self->sources_error, error);
}

static GtkWidget *
source_row (MerEventEditor *self,
            guint           index)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *title = gtk_entry_new ();
  GtkWidget *url = gtk_entry_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

  g_object_set_data (G_OBJECT (row), "index", GUINT_TO_POINTER (index + 1));
  g_object_set_data (G_OBJECT (row), "title", title);
  g_object_set_data (G_OBJECT (row), "url", url);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_set_hexpand (url, TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (title), 6);
  gtk_editable_set_width_chars (GTK_EDITABLE (url), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Source title"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (url), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Source address"), -1);
  connect_commit (self, title, commit_source);
  connect_commit (self, url, commit_source);
  gtk_widget_set_tooltip_text (remove, _("Remove the source"));
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect (remove, "clicked", G_CALLBACK (on_source_removed), self);
  gtk_box_append (GTK_BOX (top), title);
  gtk_box_append (GTK_BOX (top), remove);
  gtk_box_append (GTK_BOX (row), top);
  gtk_box_append (GTK_BOX (row), url);
  gtk_widget_set_margin_bottom (row, 4);
  return row;
}

/* Showing the story */

/* Sets a field's text unless it is the one being typed in, which keeps what
 * the user typed (a refused value stays there, with its reason). */
static void
set_text (MerEventEditor *self,
          GtkWidget      *entry,
          const char     *text,
          gboolean        same_event)
{
  GtkRoot *root = gtk_widget_get_root (entry);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (same_event && focus != NULL && (focus == entry || gtk_widget_is_ancestor (focus, entry)))
    return;
  if (g_strcmp0 (entry_text (entry), text != NULL ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
}

static guint
n_children (GtkWidget *box)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static void
clear_children (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

static void
show_places (MerEventEditor *self,
             MerEvent       *event,
             gboolean        same_event)
{
  guint n_places;
  const MerPlace *places = mer_event_get_places (event, &n_places);
  GtkWidget *row;
  guint i = 0;

  /* Rows are kept while their number is, so that the focus stays. */
  if (n_children (self->places) != n_places)
    {
      clear_children (self->places);
      for (guint k = 0; k < n_places; k++)
        gtk_box_append (GTK_BOX (self->places), place_row (self, k));
      same_event = FALSE;
    }

  for (row = gtk_widget_get_first_child (self->places); row != NULL; row = gtk_widget_get_next_sibling (row), i++)
    {
      set_text (self, g_object_get_data (G_OBJECT (row), "name"), places[i].name, same_event);
      gtk_spin_button_set_value (g_object_get_data (G_OBJECT (row), "lat"), places[i].lat);
      gtk_spin_button_set_value (g_object_get_data (G_OBJECT (row), "lon"), places[i].lon);
    }
}

static void
show_sources (MerEventEditor *self,
              MerEvent       *event,
              gboolean        same_event)
{
  guint n_sources;
  const MerSource *sources = mer_event_get_sources (event, &n_sources);
  GtkWidget *row;
  guint i = 0;

  if (n_children (self->sources) != n_sources)
    {
      clear_children (self->sources);
      for (guint k = 0; k < n_sources; k++)
        gtk_box_append (GTK_BOX (self->sources), source_row (self, k));
      same_event = FALSE;
    }

  for (row = gtk_widget_get_first_child (self->sources); row != NULL; row = gtk_widget_get_next_sibling (row), i++)
    {
      set_text (self, g_object_get_data (G_OBJECT (row), "title"), sources[i].title, same_event);
      set_text (self, g_object_get_data (G_OBJECT (row), "url"), sources[i].url, same_event);
    }
}

static void
show_categories (MerEventEditor *self,
                 MerDocument    *document,
                 MerEvent       *event)
{
  GListModel *categories = mer_document_get_categories (document);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  MerCategory *current = mer_event_get_category (event);
  guint selected = 0;

  g_ptr_array_set_size (self->category_ids, 0);
  gtk_string_list_append (names, C_("category", "None"));
  g_ptr_array_add (self->category_ids, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(MerCategory) category = g_list_model_get_item (categories, i);

      gtk_string_list_append (names, mer_category_get_name (category));
      g_ptr_array_add (self->category_ids, g_strdup (mer_category_get_id (category)));
      if (current != NULL && g_str_equal (mer_category_get_id (current), mer_category_get_id (category)))
        selected = i + 1;
    }
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->category), G_LIST_MODEL (names));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->category), selected);
}

static void
show_regions (MerEventEditor *self,
              MerDocument    *document,
              MerEvent       *event)
{
  GListModel *regions = mer_document_get_regions (document);
  guint n = g_list_model_get_n_items (regions);
  gboolean same = n == self->region_ids->len;
  GtkWidget *child;

  for (guint i = 0; same && i < n; i++)
    {
      g_autoptr(MerRegion) region = g_list_model_get_item (regions, i);

      same = g_str_equal (mer_region_get_id (region), g_ptr_array_index (self->region_ids, i));
    }

  if (!same)
    {
      clear_children (self->regions);
      g_ptr_array_set_size (self->region_ids, 0);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(MerRegion) region = g_list_model_get_item (regions, i);
          GtkWidget *button = gtk_check_button_new_with_label (mer_region_get_name (region));

          g_signal_connect (button, "toggled", G_CALLBACK (on_region_toggled), self);
          gtk_box_append (GTK_BOX (self->regions), button);
          g_ptr_array_add (self->region_ids, g_strdup (mer_region_get_id (region)));
        }
    }

  child = gtk_widget_get_first_child (self->regions);
  for (guint i = 0; i < n; i++, child = gtk_widget_get_next_sibling (child))
    {
      g_autoptr(MerRegion) region = g_list_model_get_item (regions, i);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (child), mer_event_touches_region (event, region));
    }
}

static void
refresh (MerEventEditor *self)
{
  MerDocument *document = mer_state_get_document (self->state);
  MerEvent *event = mer_state_get_selected_event (self->state);
  gboolean same_event;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *tags = NULL;

  self->refreshing = TRUE;
  self->stale = FALSE;

  gtk_widget_set_sensitive (self->story_title, self->edit != NULL);
  gtk_widget_set_sensitive (self->story_subtitle, self->edit != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-place", self->edit != NULL && event != NULL);
  if (document != NULL)
    {
      set_text (self, self->story_title, mer_document_get_title (document), TRUE);
      set_text (self, self->story_subtitle, mer_document_get_subtitle (document), TRUE);
    }

  gtk_widget_set_visible (self->event_box, self->edit != NULL && event != NULL);
  /* The hint is for when there is nothing to edit yet. */
  gtk_widget_set_visible (self->message, self->edit == NULL || event == NULL);
  if (self->edit == NULL || event == NULL)
    {
      g_clear_pointer (&self->event_id, g_free);
      self->refreshing = FALSE;
      return;
    }

  same_event = g_strcmp0 (self->event_id, mer_event_get_id (event)) == 0;
  if (!same_event)
    {
      g_free (self->event_id);
      self->event_id = g_strdup (mer_event_get_id (event));
      show_field_error (self->title, self->title_error, NULL);
      show_field_error (self->start, self->dates_error, NULL);
      show_field_error (self->end, self->dates_error, NULL);
      show_field_error (self->place_name, self->places_error, NULL);
      show_field_error (self->source_url, self->sources_error, NULL);
      show_field_error (NULL, self->error, NULL);
    }

  gtk_label_set_text (GTK_LABEL (self->heading), mer_event_get_title (event));
  set_text (self, self->title, mer_event_get_title (event), same_event);
  start = mer_date_to_iso (mer_event_get_start (event));
  end = mer_event_get_end (event) != NULL ? mer_date_to_iso (mer_event_get_end (event)) : NULL;
  set_text (self, self->start, start, same_event);
  set_text (self, self->end, end, same_event);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->circa), mer_event_get_circa (event));
  set_text (self, self->date_label, mer_event_get_date_label (event), same_event);
  show_categories (self, document, event);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->importance), mer_event_get_importance (event));

  {
    GtkRoot *root = gtk_widget_get_root (self->summary);
    GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

    if (!same_event || focus != self->summary)
      {
        GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->summary));
        const char *summary = mer_event_get_summary (event);

        gtk_text_buffer_set_text (buffer, summary != NULL ? summary : "", -1);
      }
  }

  tags = mer_event_get_tags (event) != NULL ? g_strjoinv (", ", (char **) mer_event_get_tags (event)) : NULL;
  set_text (self, self->tags, tags, same_event);
  show_regions (self, document, event);
  show_places (self, event, same_event);
  show_sources (self, event, same_event);

  self->refreshing = FALSE;
}

static gboolean
refresh_idle (gpointer user_data)
{
  MerEventEditor *self = user_data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* Once the change is over: an edit replaces the document, and the window
 * then selects the same event again. While the editor is not shown it is
 * brought up to date when it is, so that a selection made with the
 * details or the slides in view does not fill the editor's fields. */
static void
schedule_refresh (MerEventEditor *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_idle, self, NULL);
}

/* Building */

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 6);
  return label;
}

/* A field with its label above it; the label names the field for screen
 * readers and gives it an Alt shortcut. */
static GtkWidget *
field (GtkWidget  *box,
       const char *mnemonic,
       GtkWidget  *widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), widget);
  return widget;
}

static void
add_place_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  on_place_added (MER_EVENT_EDITOR (widget));
}

static void
add_source_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  on_source_added (MER_EVENT_EDITOR (widget));
}

static void
mer_event_editor_dispose (GObject *object)
{
  MerEventEditor *self = MER_EVENT_EDITOR (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  if (self->edit != NULL)
    g_signal_handlers_disconnect_by_data (self->edit, self);
  g_clear_object (&self->edit);
  g_clear_object (&self->state);

  G_OBJECT_CLASS (mer_event_editor_parent_class)->dispose (object);
}

static void
mer_event_editor_finalize (GObject *object)
{
  MerEventEditor *self = MER_EVENT_EDITOR (object);

  g_free (self->event_id);
  g_ptr_array_unref (self->category_ids);
  g_ptr_array_unref (self->region_ids);

  G_OBJECT_CLASS (mer_event_editor_parent_class)->finalize (object);
}

static void
mer_event_editor_map (GtkWidget *widget)
{
  MerEventEditor *self = MER_EVENT_EDITOR (widget);

  if (self->stale)
    refresh (self);
  GTK_WIDGET_CLASS (mer_event_editor_parent_class)->map (widget);
}

static void
mer_event_editor_class_init (MerEventEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = mer_event_editor_dispose;
  G_OBJECT_CLASS (klass)->finalize = mer_event_editor_finalize;
  widget_class->map = mer_event_editor_map;

  gtk_widget_class_install_action (widget_class, "editor.add-place", NULL, add_place_action);
  gtk_widget_class_install_action (widget_class, "editor.add-source", NULL, add_source_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
mer_event_editor_init (MerEventEditor *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_New Event"));
  GtkWidget *remove = gtk_button_new_with_mnemonic (_("_Delete"));
  GtkWidget *dates = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *start_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *end_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *add_place_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *add_place = gtk_button_new_with_mnemonic (_("Add _Place"));
  GtkWidget *add_source_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *add_source = gtk_button_new_with_mnemonic (_("Add _Source"));
  GtkWidget *summary_frame = gtk_scrolled_window_new ();
  const char * const importance[] = { C_("importance", "None"), "1", "2", "3", "4", "5", NULL };

  self->category_ids = g_ptr_array_new_with_free_func (g_free);
  self->region_ids = g_ptr_array_new_with_free_func (g_free);

  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
  gtk_widget_set_margin_start (box, 10);
  gtk_widget_set_margin_end (box, 10);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), box);

  self->message = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->message), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->message), 0);
  gtk_widget_add_css_class (self->message, "dim-label");
  gtk_box_append (GTK_BOX (box), self->message);

  gtk_box_append (GTK_BOX (box), heading (_("Story")));
  self->story_title = field (box, _("Story _title"), gtk_entry_new ());
  connect_commit (self, self->story_title, commit_story_text);
  self->story_subtitle = field (box, _("Su_btitle"), gtk_entry_new ());
  connect_commit (self, self->story_subtitle, commit_story_text);
  self->story_error = error_label ();
  gtk_box_append (GTK_BOX (box), self->story_error);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "win.new-event");
  gtk_widget_set_tooltip_text (add, _("Add an event at the centre of the map and the timeline"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "win.delete-event");
  gtk_widget_set_tooltip_text (remove, _("Delete the selected event"));
  gtk_widget_add_css_class (remove, "destructive-action");
  gtk_widget_set_margin_top (buttons, 8);
  gtk_box_append (GTK_BOX (buttons), add);
  gtk_box_append (GTK_BOX (buttons), remove);
  gtk_box_append (GTK_BOX (box), buttons);

  self->error = error_label ();
  gtk_box_append (GTK_BOX (box), self->error);

  self->event_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_box_append (GTK_BOX (box), self->event_box);
  box = self->event_box;

  self->heading = heading (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->heading), TRUE);
  gtk_box_append (GTK_BOX (box), self->heading);
  self->title = field (box, _("_Title"), gtk_entry_new ());
  connect_commit (self, self->title, commit_title);
  self->title_error = error_label ();
  gtk_box_append (GTK_BOX (box), self->title_error);

  self->start = field (start_box, _("_Start"), gtk_entry_new ());
  self->end = field (end_box, _("_End"), gtk_entry_new ());
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->start), _("YYYY-MM-DD"));
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->end), _("none"));
  gtk_widget_set_tooltip_text (self->start, _("A year (1855), a month (1855-02), a day (1855-02-07) "
                                              "or a time (1855-02-07T10:30)"));
  gtk_widget_set_tooltip_text (self->end, _("Empty for an event of one day, month or year"));
  gtk_editable_set_width_chars (GTK_EDITABLE (self->start), 6);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->end), 6);
  gtk_widget_set_hexpand (start_box, TRUE);
  gtk_widget_set_hexpand (end_box, TRUE);
  connect_commit (self, self->start, commit_dates);
  connect_commit (self, self->end, commit_dates);
  gtk_box_append (GTK_BOX (dates), start_box);
  gtk_box_append (GTK_BOX (dates), end_box);
  gtk_box_append (GTK_BOX (box), dates);
  self->circa = gtk_check_button_new_with_mnemonic (_("_Circa: the dates are approximate"));
  g_signal_connect (self->circa, "toggled", G_CALLBACK (on_circa_toggled), self);
  gtk_box_append (GTK_BOX (box), self->circa);
  self->date_label = field (box, _("Date in _words"), gtk_entry_new ());
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->date_label), _("none"));
  gtk_widget_set_tooltip_text (self->date_label, _("Shown before the dates when they alone say it badly: "
                                                   "“Spring 1945”, “Late Jōmon period”"));
  connect_commit (self, self->date_label, commit_date_label);
  self->dates_error = error_label ();
  gtk_box_append (GTK_BOX (box), self->dates_error);

  self->category = field (box, _("_Category"), gtk_drop_down_new (NULL, NULL));
  g_signal_connect (self->category, "notify::selected", G_CALLBACK (on_category_selected), self);
  self->importance = field (box, _("_Importance"), gtk_drop_down_new_from_strings (importance));
  g_signal_connect (self->importance, "notify::selected", G_CALLBACK (on_importance_selected), self);

  self->summary = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->summary), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self->summary), FALSE);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->summary), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->summary), 6);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->summary), 4);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->summary), 4);
  connect_commit (self, self->summary, commit_summary);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (summary_frame), self->summary);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (summary_frame), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (summary_frame), 90);
  gtk_widget_add_css_class (summary_frame, "frame");
  /* The details panel's word for it, without a mnemonic of its own. */
  field (box, _("Summary"), summary_frame);
  gtk_label_set_mnemonic_widget (GTK_LABEL (gtk_widget_get_prev_sibling (summary_frame)), self->summary);

  self->tags = field (box, _("T_ags, separated by commas"), gtk_entry_new ());
  connect_commit (self, self->tags, commit_tags);

  gtk_box_append (GTK_BOX (box), heading (_("Regions")));
  self->regions = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), self->regions);

  gtk_box_append (GTK_BOX (box), heading (_("Places")));
  self->places = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_box_append (GTK_BOX (box), self->places);
  self->place_name = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->place_name), _("Name of a new place"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->place_name), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Name of a new place"), -1);
  gtk_widget_set_hexpand (self->place_name, TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->place_name), 8);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add_place), "editor.add-place");
  gtk_widget_set_tooltip_text (add_place, _("Add a place at the centre of the map; drag its marker to move it"));
  g_signal_connect_swapped (self->place_name, "activate", G_CALLBACK (on_place_added), self);
  gtk_box_append (GTK_BOX (add_place_box), self->place_name);
  gtk_box_append (GTK_BOX (add_place_box), add_place);
  gtk_box_append (GTK_BOX (box), add_place_box);
  self->places_error = error_label ();
  gtk_box_append (GTK_BOX (box), self->places_error);

  gtk_box_append (GTK_BOX (box), heading (_("Sources")));
  self->sources = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_box_append (GTK_BOX (box), self->sources);
  self->source_title = gtk_entry_new ();
  self->source_url = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->source_title), _("Title"));
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->source_url), _("https://…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->source_title), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Title of a new source"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->source_url), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Address of a new source"), -1);
  gtk_widget_set_hexpand (self->source_title, TRUE);
  gtk_widget_set_hexpand (self->source_url, TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->source_title), 6);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->source_url), 6);
  g_signal_connect_swapped (self->source_url, "activate", G_CALLBACK (on_source_added), self);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add_source), "editor.add-source");
  gtk_box_append (GTK_BOX (add_source_box), self->source_title);
  gtk_box_append (GTK_BOX (add_source_box), self->source_url);
  gtk_box_append (GTK_BOX (add_source_box), add_source);
  gtk_box_append (GTK_BOX (box), add_source_box);
  self->sources_error = error_label ();
  gtk_box_append (GTK_BOX (box), self->sources_error);
}

/**
 * mer_event_editor_new:
 * @map: where new places go: its centre
 */
MerEventEditor *
mer_event_editor_new (MerState     *state,
                      MerMapWidget *map)
{
  MerEventEditor *self = g_object_new (MER_TYPE_EVENT_EDITOR, NULL);

  self->state = g_object_ref (state);
  self->map = map;
  /* The story's categories and eras, below its title. */
  self->story_editor = mer_story_editor_new (state);
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (self->story_error)), GTK_WIDGET (self->story_editor),
                              self->story_error);
  g_signal_connect_object (state, "notify::selected-event", G_CALLBACK (schedule_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (state, "notify::document", G_CALLBACK (schedule_refresh), self, G_CONNECT_SWAPPED);
  mer_event_editor_set_edit (self, NULL, NULL);
  return self;
}

/**
 * mer_event_editor_set_edit:
 * @edit: (nullable): the story's edit; %NULL when the story cannot be edited
 * @why_not: (nullable): with no edit, why, for the user
 */
void
mer_event_editor_set_edit (MerEventEditor *self,
                           MerEdit        *edit,
                           const char     *why_not)
{
  g_return_if_fail (MER_IS_EVENT_EDITOR (self));

  if (self->edit != NULL)
    g_signal_handlers_disconnect_by_data (self->edit, self);
  g_set_object (&self->edit, edit);
  g_clear_pointer (&self->event_id, g_free);
  if (self->story_editor != NULL)
    mer_story_editor_set_edit (self->story_editor, edit);

  if (edit != NULL)
    gtk_label_set_text (GTK_LABEL (self->message),
                        _("Select an event on the map or the timeline to edit it, or add one: right-click the map "
                          "or the timeline, or use New Event."));
  else
    gtk_label_set_text (GTK_LABEL (self->message), why_not != NULL ? why_not : _("Open or create a story to edit it."));
  show_field_error (NULL, self->error, NULL);
  refresh (self);
}

/**
 * mer_event_editor_focus_title:
 *
 * Puts the focus in the selected event's title, all of it selected, ready
 * to be typed over: for an event just added.
 */
void
mer_event_editor_focus_title (MerEventEditor *self)
{
  g_return_if_fail (MER_IS_EVENT_EDITOR (self));

  refresh (self);
  gtk_widget_grab_focus (self->title);
  gtk_editable_select_region (GTK_EDITABLE (self->title), 0, -1);
}

/**
 * mer_event_editor_show_error:
 * @message: (nullable): why an edit made outside the fields (deleting the
 *   event, moving a marker) was refused; %NULL hides it
 */
void
mer_event_editor_show_error (MerEventEditor *self,
                             const char     *message)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (MER_IS_EVENT_EDITOR (self));

  if (message != NULL)
    error = g_error_new_literal (MER_EDIT_ERROR, MER_EDIT_ERROR_INVALID, message);
  show_field_error (NULL, self->error, error);
}

/**
 * mer_event_editor_focus_region:
 * @id: a region's id, one just made
 *
 * Focuses the new region's name in the story's lists.
 */
void
mer_event_editor_focus_region (MerEventEditor *self,
                               const char     *id)
{
  g_return_if_fail (MER_IS_EVENT_EDITOR (self));

  mer_story_editor_focus_region (self->story_editor, id);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-story-editor"

#include "config.h"

#include "mer-story-editor.h"

#include <string.h>

#include <glib/gi18n.h>

#include "mer-map-style.h"

/* The story's categories, eras and regions, in the side panel's Edit
 * page: each a row to rename, recolour or redate, move up or down, or
 * delete; a row at the end adds a category or an era. A region's name,
 * names in other languages, status, colour and description are edited
 * here; new regions are read from a GeoJSON or KML file or drawn on the
 * map (the window's actions). Colours come from the palette whose every
 * colour stands out on the light and the dark map
 * (mer_map_style_get_palette()).
 * Every change goes through the story's edit, and so into its history; a
 * refusal (a category events still have, an era that ends before it
 * starts) is shown under the list with its reason. */

struct _MerStoryEditor
{
  GtkWidget parent_instance;

  /* Owned */
  MerState *state;
  MerEdit  *edit;

  /* Borrowed */
  GtkWidget *box;
  GtkWidget *categories;
  GtkWidget *category_name;
  GtkWidget *categories_error;
  GtkWidget *eras;
  GtkWidget *era_title;
  GtkWidget *era_start;
  GtkWidget *era_end;
  GtkWidget *eras_error;
  GtkWidget *regions;
  GtkWidget *regions_error;

  GtkWidget *regions_expander;

  char      *focus_region;   /* a new region whose name is focused once its row is made */
  guint      refresh_id;
  gboolean   refreshing;
};

G_DEFINE_FINAL_TYPE (MerStoryEditor, mer_story_editor, GTK_TYPE_WIDGET)

static void
show_error (GtkWidget    *label,
            const GError *error)
{
  gtk_label_set_text (GTK_LABEL (label), error != NULL ? error->message : "");
  gtk_widget_set_visible (label, error != NULL);
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

static const char *
row_id (GtkWidget *widget)
{
  while (g_object_get_data (G_OBJECT (widget), "id") == NULL)
    widget = gtk_widget_get_parent (widget);
  return g_object_get_data (G_OBJECT (widget), "id");
}

static gboolean
can_commit (MerStoryEditor *self)
{
  return !self->refreshing && self->edit != NULL;
}

static void
on_leave (GtkEventControllerFocus *controller)
{
  g_signal_emit_by_name (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)), "activate");
}

/* Writes a field when Enter is pressed in it or the focus leaves it. */
static void
connect_commit (GtkWidget *entry,
                GCallback  commit,
                gpointer   self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (entry, "activate", commit, self);
  g_signal_connect (focus, "leave", G_CALLBACK (on_leave), NULL);
  gtk_widget_add_controller (entry, focus);
}

/* Sets a field's text unless the user is typing in it. */
static void
set_text (GtkWidget  *entry,
          const char *text)
{
  GtkRoot *root = gtk_widget_get_root (entry);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && (focus == entry || gtk_widget_is_ancestor (focus, entry)))
    return;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text != NULL ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
}

/* Categories */

static void
on_category_renamed (GtkEntry       *entry,
                     MerStoryEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (can_commit (self))
    {
      mer_edit_set_string (self->edit, MER_EDIT_KIND_CATEGORY, row_id (GTK_WIDGET (entry)), "name",
                           gtk_editable_get_text (GTK_EDITABLE (entry)), &error);
      show_error (self->categories_error, error);
    }
}

static void
on_category_colour (GtkDropDown    *dropdown,
                    GParamSpec     *pspec,
                    MerStoryEditor *self)
{
  g_autoptr(GError) error = NULL;
  GtkStringObject *item = gtk_drop_down_get_selected_item (dropdown);

  if (can_commit (self) && item != NULL)
    {
      mer_edit_set_string (self->edit, MER_EDIT_KIND_CATEGORY, row_id (GTK_WIDGET (dropdown)), "color",
                           gtk_string_object_get_string (item), &error);
      show_error (self->categories_error, error);
    }
}

static void
on_row_button (GtkButton      *button,
               MerStoryEditor *self)
{
  g_autoptr(GError) error = NULL;
  MerEditKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "kind"));
  const char *what = g_object_get_data (G_OBJECT (button), "what");
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  GtkWidget *label = kind == MER_EDIT_KIND_CATEGORY ? self->categories_error : self->eras_error;

  if (!can_commit (self))
    return;
  if (g_str_equal (what, "up") && index > 0)
    mer_edit_move_item (self->edit, kind, row_id (GTK_WIDGET (button)), index - 1, &error);
  else if (g_str_equal (what, "down"))
    mer_edit_move_item (self->edit, kind, row_id (GTK_WIDGET (button)), index + 1, &error);
  else if (g_str_equal (what, "delete"))
    mer_edit_remove_item (self->edit, kind, row_id (GTK_WIDGET (button)), &error);
  show_error (label, error);
}

static GtkWidget *
row_button (MerStoryEditor *self,
            MerEditKind     kind,
            const char     *icon,
            const char     *tooltip,
            const char     *what,
            guint           index)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_object_set_data (G_OBJECT (button), "kind", GINT_TO_POINTER (kind));
  g_object_set_data (G_OBJECT (button), "what", (gpointer) what);
  g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (index));
  g_signal_connect (button, "clicked", G_CALLBACK (on_row_button), self);
  return button;
}

static void
append_row_buttons (MerStoryEditor *self,
                    GtkWidget      *box,
                    MerEditKind     kind,
                    guint           index)
{
  gtk_box_append (GTK_BOX (box), row_button (self, kind, "go-up-symbolic", _("Move Up"), "up", index));
  gtk_box_append (GTK_BOX (box), row_button (self, kind, "go-down-symbolic", _("Move Down"), "down", index));
  gtk_box_append (GTK_BOX (box), row_button (self, kind, "user-trash-symbolic", _("Delete"), "delete", index));
}

/* The palette's colours as "#rrggbb", shown as a dot of the colour. */
static void
on_colour_setup (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  gtk_list_item_set_child (item, gtk_label_new (NULL));
}

static void
on_colour_bind (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  const char *colour = gtk_string_object_get_string (gtk_list_item_get_item (item));
  g_autofree char *markup = g_markup_printf_escaped ("<span foreground='%s'>●</span> %s", colour, colour);

  gtk_label_set_markup (GTK_LABEL (gtk_list_item_get_child (item)), markup);
}

static GtkWidget *
colour_dropdown (guint32 current)
{
  g_autoptr(GtkStringList) colours = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  guint n_colours, selected = GTK_INVALID_LIST_POSITION;
  const guint32 *palette = mer_map_style_get_palette (&n_colours);
  GtkWidget *dropdown;

  for (guint i = 0; i < n_colours; i++)
    {
      g_autofree char *text = g_strdup_printf ("#%06x", palette[i]);

      gtk_string_list_append (colours, text);
      if (palette[i] == current)
        selected = i;
    }
  /* A colour the file has from elsewhere stays offered. */
  if (current != MER_NO_COLOR && selected == GTK_INVALID_LIST_POSITION)
    {
      g_autofree char *text = g_strdup_printf ("#%06x", current);

      gtk_string_list_append (colours, text);
      selected = n_colours;
    }

  g_signal_connect (factory, "setup", G_CALLBACK (on_colour_setup), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_colour_bind), NULL);
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (colours)), NULL);
  gtk_drop_down_set_factory (GTK_DROP_DOWN (dropdown), factory);
  if (selected != GTK_INVALID_LIST_POSITION)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Colour"), -1);
  return dropdown;
}

static GtkWidget *
category_row (MerStoryEditor *self,
              MerCategory    *category,
              guint           index)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  GtkWidget *name = gtk_entry_new ();
  GtkWidget *colour = colour_dropdown (mer_category_get_color (category));

  g_object_set_data_full (G_OBJECT (row), "id", g_strdup (mer_category_get_id (category)), g_free);
  g_object_set_data (G_OBJECT (row), "name", name);
  g_object_set_data (G_OBJECT (row), "colour", colour);
  gtk_editable_set_text (GTK_EDITABLE (name), mer_category_get_name (category));
  gtk_editable_set_width_chars (GTK_EDITABLE (name), 6);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (name), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Category name"), -1);
  connect_commit (name, G_CALLBACK (on_category_renamed), self);
  g_signal_connect (colour, "notify::selected", G_CALLBACK (on_category_colour), self);
  gtk_box_append (GTK_BOX (top), name);
  append_row_buttons (self, top, MER_EDIT_KIND_CATEGORY, index);
  gtk_box_append (GTK_BOX (row), top);
  gtk_box_append (GTK_BOX (row), colour);
  gtk_widget_set_margin_bottom (row, 4);
  return row;
}

static void
on_category_added (MerStoryEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *colour = NULL;
  MerDocument *document = mer_state_get_document (self->state);
  GListModel *categories = document != NULL ? mer_document_get_categories (document) : NULL;
  guint n_colours, n = categories != NULL ? g_list_model_get_n_items (categories) : 0;
  const guint32 *palette = mer_map_style_get_palette (&n_colours);

  if (!can_commit (self))
    return;
  /* The next colour of the palette, round again after the last. */
  colour = g_strdup_printf ("#%06x", palette[n % n_colours]);
  if (mer_edit_add_category (self->edit, gtk_editable_get_text (GTK_EDITABLE (self->category_name)), colour,
                             &error) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->category_name), "");
  show_error (self->categories_error, error);
}

/* Eras */

static void
on_era_edited (GtkEntry       *entry,
               MerStoryEditor *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *row = gtk_widget_get_parent (GTK_WIDGET (entry));
  const char *id = row_id (GTK_WIDGET (entry));

  while (g_object_get_data (G_OBJECT (row), "id") == NULL)
    row = gtk_widget_get_parent (row);
  if (!can_commit (self))
    return;
  if (GTK_WIDGET (entry) == g_object_get_data (G_OBJECT (row), "title"))
    mer_edit_set_string (self->edit, MER_EDIT_KIND_ERA, id, "title", gtk_editable_get_text (GTK_EDITABLE (entry)),
                         &error);
  else
    mer_edit_set_era_dates (self->edit, id,
                            gtk_editable_get_text (g_object_get_data (G_OBJECT (row), "start")),
                            gtk_editable_get_text (g_object_get_data (G_OBJECT (row), "end")), &error);
  show_error (self->eras_error, error);
}

static GtkWidget *
date_entry (const char *text,
            const char *name)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 6);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return entry;
}

static GtkWidget *
era_row (MerStoryEditor *self,
         MerEra         *era,
         guint           index)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  GtkWidget *dates = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *title = gtk_entry_new ();
  g_autofree char *start_text = mer_date_to_iso (mer_era_get_start (era));
  g_autofree char *end_text = mer_date_to_iso (mer_era_get_end (era));
  GtkWidget *start = date_entry (start_text, _("Start"));
  GtkWidget *end = date_entry (end_text, _("End"));

  g_object_set_data_full (G_OBJECT (row), "id", g_strdup (mer_era_get_id (era)), g_free);
  g_object_set_data (G_OBJECT (row), "title", title);
  g_object_set_data (G_OBJECT (row), "start", start);
  g_object_set_data (G_OBJECT (row), "end", end);
  gtk_editable_set_text (GTK_EDITABLE (title), mer_era_get_title (era));
  gtk_editable_set_width_chars (GTK_EDITABLE (title), 6);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Era title"), -1);
  connect_commit (title, G_CALLBACK (on_era_edited), self);
  connect_commit (start, G_CALLBACK (on_era_edited), self);
  connect_commit (end, G_CALLBACK (on_era_edited), self);
  gtk_box_append (GTK_BOX (top), title);
  append_row_buttons (self, top, MER_EDIT_KIND_ERA, index);
  gtk_box_append (GTK_BOX (dates), start);
  gtk_box_append (GTK_BOX (dates), end);
  gtk_box_append (GTK_BOX (row), top);
  gtk_box_append (GTK_BOX (row), dates);
  gtk_widget_set_margin_bottom (row, 4);
  return row;
}

static void
on_era_added (MerStoryEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!can_commit (self))
    return;
  if (mer_edit_add_era (self->edit, gtk_editable_get_text (GTK_EDITABLE (self->era_title)),
                        gtk_editable_get_text (GTK_EDITABLE (self->era_start)),
                        gtk_editable_get_text (GTK_EDITABLE (self->era_end)), &error) != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->era_title), "");
      gtk_editable_set_text (GTK_EDITABLE (self->era_start), "");
      gtk_editable_set_text (GTK_EDITABLE (self->era_end), "");
    }
  show_error (self->eras_error, error);
}

/* Regions */

static void
on_region_text (GtkEntry       *entry,
                MerStoryEditor *self)
{
  g_autoptr(GError) error = NULL;
  const char *member = g_object_get_data (G_OBJECT (entry), "member");

  if (!can_commit (self))
    return;
  mer_edit_set_string (self->edit, MER_EDIT_KIND_REGION, row_id (GTK_WIDGET (entry)), member,
                       gtk_editable_get_text (GTK_EDITABLE (entry)), &error);
  show_error (self->regions_error, error);
}

/* "ja: 北方領土; ru: Южные Курилы": a language tag and a name, each pair
 * after a semicolon. */
static void
on_region_names (GtkEntry       *entry,
                 MerStoryEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pairs = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (entry)), ";", -1);
  g_autoptr(GArray) names = g_array_new (FALSE, TRUE, sizeof (MerName));
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  if (!can_commit (self))
    return;
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      char *colon = strchr (pairs[i], ':');
      MerName name;

      if (*g_strstrip (pairs[i]) == '\0')
        continue;
      if (colon == NULL)
        {
          g_set_error (&error, MER_EDIT_ERROR, MER_EDIT_ERROR_INVALID,
                       _("“%s” has no language: write it as “ja: 北方領土”."), pairs[i]);
          show_error (self->regions_error, error);
          return;
        }
      *colon = '\0';
      name.lang = g_strdup (pairs[i]);
      name.text = g_strdup (colon + 1);
      g_ptr_array_add (texts, name.lang);
      g_ptr_array_add (texts, name.text);
      g_array_append_val (names, name);
    }
  mer_edit_set_region_names (self->edit, row_id (GTK_WIDGET (entry)), (MerName *) names->data, names->len, &error);
  show_error (self->regions_error, error);
}

static void
on_region_status (GtkDropDown    *dropdown,
                  GParamSpec     *pspec,
                  MerStoryEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!can_commit (self))
    return;
  mer_edit_set_string (self->edit, MER_EDIT_KIND_REGION, row_id (GTK_WIDGET (dropdown)), "status",
                       mer_region_status_to_string (gtk_drop_down_get_selected (dropdown)), &error);
  show_error (self->regions_error, error);
}

static void
on_region_colour (GtkDropDown    *dropdown,
                  GParamSpec     *pspec,
                  MerStoryEditor *self)
{
  g_autoptr(GError) error = NULL;
  GtkStringObject *item = gtk_drop_down_get_selected_item (dropdown);

  if (can_commit (self) && item != NULL)
    {
      mer_edit_set_string (self->edit, MER_EDIT_KIND_REGION, row_id (GTK_WIDGET (dropdown)), "color",
                           gtk_string_object_get_string (item), &error);
      show_error (self->regions_error, error);
    }
}

static char *
names_text (MerRegion *region)
{
  guint n_names;
  const MerName *names = mer_region_get_names (region, &n_names);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_names; i++)
    g_string_append_printf (text, "%s%s: %s", i > 0 ? "; " : "", names[i].lang, names[i].text);
  return g_string_free (text, FALSE);
}

static GtkWidget *
region_entry (MerStoryEditor *self,
              const char     *member,
              const char     *name,
              GCallback       commit)
{
  GtkWidget *entry = gtk_entry_new ();

  g_object_set_data (G_OBJECT (entry), "member", (gpointer) member);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 6);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  connect_commit (entry, commit, self);
  return entry;
}

static GtkWidget *
region_row (MerStoryEditor *self,
            MerRegion      *region)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = region_entry (self, "name", _("Region name"), G_CALLBACK (on_region_text));
  GtkWidget *names = region_entry (self, "names", _("Names in other languages (ja: …; ru: …)"),
                                   G_CALLBACK (on_region_names));
  GtkWidget *description = region_entry (self, "description", _("Description"), G_CALLBACK (on_region_text));
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  GtkWidget *status;
  GtkWidget *colour = colour_dropdown (mer_region_get_color (region));

  for (MerRegionStatus k = MER_REGION_STATUS_UNDISPUTED; k <= MER_REGION_STATUS_ANNEXED; k++)
    gtk_string_list_append (statuses, mer_region_status_get_label (k));
  status = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (statuses)), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (status), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Status"), -1);

  g_object_set_data_full (G_OBJECT (row), "id", g_strdup (mer_region_get_id (region)), g_free);
  g_object_set_data (G_OBJECT (row), "name", name);
  g_object_set_data (G_OBJECT (row), "names", names);
  g_object_set_data (G_OBJECT (row), "description", description);
  g_object_set_data (G_OBJECT (row), "status", status);
  g_object_set_data (G_OBJECT (row), "colour", colour);
  g_signal_connect (status, "notify::selected", G_CALLBACK (on_region_status), self);
  g_signal_connect (colour, "notify::selected", G_CALLBACK (on_region_colour), self);
  gtk_box_append (GTK_BOX (row), name);
  gtk_box_append (GTK_BOX (row), names);
  gtk_box_append (GTK_BOX (row), status);
  gtk_box_append (GTK_BOX (row), colour);
  gtk_box_append (GTK_BOX (row), description);
  gtk_widget_set_margin_bottom (row, 8);
  return row;
}

static void
select_colour (GtkDropDown *dropdown,
               guint32      rgb)
{
  g_autofree char *text = g_strdup_printf ("#%06x", rgb);
  GListModel *colours = gtk_drop_down_get_model (dropdown);

  for (guint k = 0; k < g_list_model_get_n_items (colours); k++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (colours), k), text))
      gtk_drop_down_set_selected (dropdown, k);
}

/* Showing the story */

static void
clear_children (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

/* The ids of the rows of @box, and of the items of @model, agree. */
static gboolean
rows_match (GtkWidget  *box,
            GListModel *model,
            const char *(*get_id) (gpointer))
{
  GtkWidget *child = gtk_widget_get_first_child (box);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++, child = gtk_widget_get_next_sibling (child))
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (child == NULL || g_strcmp0 (g_object_get_data (G_OBJECT (child), "id"), get_id (item)) != 0)
        return FALSE;
    }
  return child == NULL;
}

/* The rows are made again when the items change, not when a field does:
 * the focus stays in the field being typed in. */
static void
refresh (MerStoryEditor *self)
{
  MerDocument *document = mer_state_get_document (self->state);
  GListModel *categories, *eras, *regions;

  gtk_widget_set_visible (self->box, self->edit != NULL && document != NULL);
  if (self->edit == NULL || document == NULL)
    return;

  self->refreshing = TRUE;
  categories = mer_document_get_categories (document);
  eras = mer_document_get_eras (document);
  regions = mer_document_get_regions (document);
  if (!rows_match (self->regions, regions, (const char *(*) (gpointer)) mer_region_get_id))
    {
      clear_children (self->regions);
      for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
        {
          g_autoptr(MerRegion) region = g_list_model_get_item (regions, i);

          gtk_box_append (GTK_BOX (self->regions), region_row (self, region));
        }
    }
  if (!rows_match (self->categories, categories, (const char *(*) (gpointer)) mer_category_get_id))
    {
      clear_children (self->categories);
      for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
        {
          g_autoptr(MerCategory) category = g_list_model_get_item (categories, i);

          gtk_box_append (GTK_BOX (self->categories), category_row (self, category, i));
        }
    }
  if (!rows_match (self->eras, eras, (const char *(*) (gpointer)) mer_era_get_id))
    {
      clear_children (self->eras);
      for (guint i = 0; i < g_list_model_get_n_items (eras); i++)
        {
          g_autoptr(MerEra) era = g_list_model_get_item (eras, i);

          gtk_box_append (GTK_BOX (self->eras), era_row (self, era, i));
        }
    }

  /* Values in place: an undo changes them without changing the rows. */
  {
    GtkWidget *row = gtk_widget_get_first_child (self->categories);

    for (guint i = 0; row != NULL; i++, row = gtk_widget_get_next_sibling (row))
      {
        g_autoptr(MerCategory) category = g_list_model_get_item (categories, i);

        set_text (g_object_get_data (G_OBJECT (row), "name"), mer_category_get_name (category));
        select_colour (g_object_get_data (G_OBJECT (row), "colour"), mer_category_get_color (category));
      }
    row = gtk_widget_get_first_child (self->regions);
    for (guint i = 0; row != NULL; i++, row = gtk_widget_get_next_sibling (row))
      {
        g_autoptr(MerRegion) region = g_list_model_get_item (regions, i);
        g_autofree char *names = names_text (region);

        set_text (g_object_get_data (G_OBJECT (row), "name"), mer_region_get_name (region));
        set_text (g_object_get_data (G_OBJECT (row), "names"), names);
        set_text (g_object_get_data (G_OBJECT (row), "description"), mer_region_get_description (region));
        gtk_drop_down_set_selected (g_object_get_data (G_OBJECT (row), "status"), mer_region_get_status (region));
        select_colour (g_object_get_data (G_OBJECT (row), "colour"), mer_region_get_color (region));
      }
    row = gtk_widget_get_first_child (self->eras);
    for (guint i = 0; row != NULL; i++, row = gtk_widget_get_next_sibling (row))
      {
        g_autoptr(MerEra) era = g_list_model_get_item (eras, i);
        g_autofree char *start = mer_date_to_iso (mer_era_get_start (era));
        g_autofree char *end = mer_date_to_iso (mer_era_get_end (era));

        set_text (g_object_get_data (G_OBJECT (row), "title"), mer_era_get_title (era));
        set_text (g_object_get_data (G_OBJECT (row), "start"), start);
        set_text (g_object_get_data (G_OBJECT (row), "end"), end);
      }
  }
  self->refreshing = FALSE;

  if (self->focus_region != NULL)
    {
      for (GtkWidget *row = gtk_widget_get_first_child (self->regions); row != NULL;
           row = gtk_widget_get_next_sibling (row))
        if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "id"), self->focus_region) == 0)
          {
            gtk_expander_set_expanded (GTK_EXPANDER (self->regions_expander), TRUE);
            gtk_widget_grab_focus (g_object_get_data (G_OBJECT (row), "name"));
          }
      g_clear_pointer (&self->focus_region, g_free);
    }
}

static gboolean
refresh_idle (gpointer user_data)
{
  MerStoryEditor *self = user_data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_refresh (MerStoryEditor *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_idle, self, NULL);
}

static void
mer_story_editor_dispose (GObject *object)
{
  MerStoryEditor *self = MER_STORY_EDITOR (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_pointer (&self->focus_region, g_free);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->edit);
  g_clear_object (&self->state);

  G_OBJECT_CLASS (mer_story_editor_parent_class)->dispose (object);
}

static void
mer_story_editor_class_init (MerStoryEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = mer_story_editor_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static GtkWidget *
expander (GtkWidget  *box,
          const char *mnemonic,
          GtkWidget  *content)
{
  GtkWidget *expander = gtk_expander_new_with_mnemonic (mnemonic);

  gtk_expander_set_child (GTK_EXPANDER (expander), content);
  gtk_widget_set_margin_top (expander, 6);
  gtk_box_append (GTK_BOX (box), expander);
  return expander;
}

static void
mer_story_editor_init (MerStoryEditor *self)
{
  GtkWidget *categories_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *eras_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *regions_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *add_category = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *add_category_button = gtk_button_new_with_mnemonic (_("Add Cate_gory"));
  GtkWidget *add_era_dates = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *add_era_button = gtk_button_new_with_mnemonic (_("Add E_ra"));
  GtkWidget *add_region = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *region_from_file = gtk_button_new_with_mnemonic (_("Region from _File…"));
  GtkWidget *draw_region = gtk_button_new_with_mnemonic (_("_Draw Region"));
  GtkWidget *pick_region = gtk_button_new_with_mnemonic (_("_Pick from Base Map…"));

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->categories = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_box_append (GTK_BOX (categories_box), self->categories);
  self->category_name = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->category_name), _("Name of a new category"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->category_name), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Name of a new category"), -1);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->category_name), 6);
  gtk_widget_set_hexpand (self->category_name, TRUE);
  g_signal_connect_swapped (self->category_name, "activate", G_CALLBACK (on_category_added), self);
  g_signal_connect_swapped (add_category_button, "clicked", G_CALLBACK (on_category_added), self);
  gtk_box_append (GTK_BOX (add_category), self->category_name);
  gtk_box_append (GTK_BOX (add_category), add_category_button);
  gtk_box_append (GTK_BOX (categories_box), add_category);
  self->categories_error = error_label ();
  gtk_box_append (GTK_BOX (categories_box), self->categories_error);
  /* The legend's word, without a mnemonic of its own. */
  expander (self->box, _("Categories"), categories_box);

  self->eras = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_box_append (GTK_BOX (eras_box), self->eras);
  self->era_title = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->era_title), _("Title of a new era"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->era_title), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Title of a new era"), -1);
  gtk_box_append (GTK_BOX (eras_box), self->era_title);
  self->era_start = date_entry (NULL, _("Start"));
  self->era_end = date_entry (NULL, _("End"));
  gtk_box_append (GTK_BOX (add_era_dates), self->era_start);
  gtk_box_append (GTK_BOX (add_era_dates), self->era_end);
  gtk_box_append (GTK_BOX (add_era_dates), add_era_button);
  g_signal_connect_swapped (add_era_button, "clicked", G_CALLBACK (on_era_added), self);
  g_signal_connect_swapped (self->era_end, "activate", G_CALLBACK (on_era_added), self);
  gtk_box_append (GTK_BOX (eras_box), add_era_dates);
  self->eras_error = error_label ();
  gtk_box_append (GTK_BOX (eras_box), self->eras_error);
  expander (self->box, _("E_ras"), eras_box);

  self->regions = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_box_append (GTK_BOX (regions_box), self->regions);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (region_from_file), "win.add-region-from-file");
  gtk_widget_set_tooltip_text (region_from_file, _("A region whose outline is read from a GeoJSON or KML file"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (draw_region), "win.draw-region");
  gtk_widget_set_tooltip_text (draw_region, _("Draw a region’s outline on the map, a click for each corner"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (pick_region), "win.pick-region");
  gtk_widget_set_tooltip_text (pick_region, _("A country or a first-level division as Natural Earth outlines it"));
  gtk_widget_set_hexpand (region_from_file, TRUE);
  gtk_widget_set_hexpand (draw_region, TRUE);
  gtk_box_append (GTK_BOX (add_region), region_from_file);
  gtk_box_append (GTK_BOX (add_region), draw_region);
  gtk_box_append (GTK_BOX (regions_box), pick_region);
  gtk_box_append (GTK_BOX (regions_box), add_region);
  self->regions_error = error_label ();
  gtk_box_append (GTK_BOX (regions_box), self->regions_error);
  self->regions_expander = expander (self->box, _("Regions"), regions_box);
}

MerStoryEditor *
mer_story_editor_new (MerState *state)
{
  MerStoryEditor *self = g_object_new (MER_TYPE_STORY_EDITOR, NULL);

  self->state = g_object_ref (state);
  g_signal_connect_object (state, "notify::document", G_CALLBACK (schedule_refresh), self, G_CONNECT_SWAPPED);
  refresh (self);
  return self;
}

/**
 * mer_story_editor_set_edit:
 * @edit: (nullable): the story's edit; %NULL hides the lists
 */
void
mer_story_editor_set_edit (MerStoryEditor *self,
                           MerEdit        *edit)
{
  g_return_if_fail (MER_IS_STORY_EDITOR (self));

  g_set_object (&self->edit, edit);
  clear_children (self->categories);
  clear_children (self->eras);
  clear_children (self->regions);
  show_error (self->regions_error, NULL);
  show_error (self->categories_error, NULL);
  show_error (self->eras_error, NULL);
  schedule_refresh (self);
}

/**
 * mer_story_editor_focus_region:
 * @id: a region's id, one just made
 *
 * Focuses the region's name, ready to be typed over, once its row shows.
 */
void
mer_story_editor_focus_region (MerStoryEditor *self,
                               const char     *id)
{
  g_return_if_fail (MER_IS_STORY_EDITOR (self));

  g_free (self->focus_region);
  self->focus_region = g_strdup (id);
  schedule_refresh (self);
}

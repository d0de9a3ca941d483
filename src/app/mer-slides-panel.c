/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-slides-panel"

#include "config.h"

#include "mer-slides-panel.h"

#include <glib/gi18n.h>
#include <math.h>

/* Preparing a briefing in the app: the slides of the story's briefing, each
 * with its caption and notes to edit, moved up or down or deleted; "Add
 * Slide" captures the current view, selection, highlighted regions and time
 * window. Undo and redo cover every edit; Save writes the file. */

struct _MerSlidesPanel
{
  GtkWidget parent_instance;

  /* Owned */
  MerState          *state;
  MerBriefingEditor *editor;
  MerEdit           *edit;     /* the story's, when it can be edited */

  /* Borrowed */
  MerMapWidget *map;
  GtkWidget    *box;
  GtkWidget    *title;
  GtkListBox   *list;
  GtkWidget    *message;

  guint         rebuild_id;
  int           focus_caption;  /* a slide whose caption takes the focus next, or -1 */
};

G_DEFINE_FINAL_TYPE (MerSlidesPanel, mer_slides_panel, GTK_TYPE_WIDGET)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
seconds_to_iso (double seconds)
{
  MerDate date = { 0 };
  gint64 year;
  guint month, day;

  mer_date_civil_from_days ((gint64) floor (seconds / 86400), &year, &month, &day);
  date = (MerDate) { .year = year, .month = month, .day = day, .precision = MER_DATE_PRECISION_DAY };
  return mer_date_to_iso (&date);
}

static void
on_entry_commit (GtkEntry       *entry,
                 MerSlidesPanel *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "index"));
  gboolean notes = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "notes"));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (self->editor == NULL || index >= mer_briefing_editor_get_n_slides (self->editor))
    return;

  if (notes)
    mer_briefing_editor_set_notes (self->editor, index, text);
  else
    mer_briefing_editor_set_caption (self->editor, index, text);
}

static void
on_entry_leave (GtkEventControllerFocus *controller,
                MerSlidesPanel          *self)
{
  on_entry_commit (GTK_ENTRY (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))), self);
}

static GtkWidget *
slide_entry (MerSlidesPanel *self,
             guint           index,
             gboolean        notes,
             const char     *text)
{
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), notes ? _("Notes for the speaker") : _("Caption for the audience"));
  g_object_set_data (G_OBJECT (entry), "index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (entry), "notes", GINT_TO_POINTER (notes));
  g_signal_connect (entry, "activate", G_CALLBACK (on_entry_commit), self);
  g_signal_connect (focus, "leave", G_CALLBACK (on_entry_leave), self);
  gtk_widget_add_controller (entry, focus);
  return entry;
}

static void
on_row_button (GtkButton      *button,
               MerSlidesPanel *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  const char *what = g_object_get_data (G_OBJECT (button), "what");

  if (g_str_equal (what, "up") && index > 0)
    mer_briefing_editor_move_slide (self->editor, index, index - 1);
  else if (g_str_equal (what, "down"))
    mer_briefing_editor_move_slide (self->editor, index, index + 1);
  else if (g_str_equal (what, "delete"))
    mer_briefing_editor_remove_slide (self->editor, index);
}

static GtkWidget *
row_button (MerSlidesPanel *self,
            const char     *icon,
            const char     *tooltip,
            const char     *what,
            guint           index)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (button), "what", (gpointer) what);
  g_signal_connect (button, "clicked", G_CALLBACK (on_row_button), self);
  return button;
}

static void
update_actions (MerSlidesPanel *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "slides.undo",
                                 self->editor != NULL && mer_briefing_editor_can_undo (self->editor));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "slides.redo",
                                 self->editor != NULL && mer_briefing_editor_can_redo (self->editor));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "slides.save",
                                 self->editor != NULL && mer_briefing_editor_is_dirty (self->editor));
}

/* The caption or notes entry that has the focus, if one has. */
static gboolean
get_focused_entry (MerSlidesPanel *self,
                   guint          *index,
                   gboolean       *notes)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *entry = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY) : NULL;

  if (entry == NULL || !gtk_widget_is_ancestor (entry, GTK_WIDGET (self->list)))
    return FALSE;

  *index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "index"));
  *notes = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "notes"));
  return TRUE;
}

/* The rows are made again after every edit; the focus stays on the same
 * slide's entry (Tab from a caption to its notes commits the caption), or
 * goes to the caption of a slide just added. */
static void
rebuild (MerSlidesPanel *self)
{
  MerDocument *document = mer_state_get_document (self->state);
  GtkWidget *child, *focus_entry = NULL;
  guint focus_index = G_MAXUINT;
  gboolean focus_notes = FALSE;

  if (self->focus_caption >= 0)
    focus_index = (guint) self->focus_caption;
  else if (!get_focused_entry (self, &focus_index, &focus_notes))
    focus_index = G_MAXUINT;
  self->focus_caption = -1;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  if (self->editor == NULL || document == NULL)
    return;

  for (guint i = 0; i < mer_briefing_editor_get_n_slides (self->editor); i++)
    {
      const MerSlideData *slide = mer_briefing_editor_get_slide (self->editor, i);
      MerEvent *event = slide->event_id != NULL ? mer_document_lookup_event (document, slide->event_id) : NULL;
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
      g_autofree char *heading = g_strdup_printf ("%u. %s", i + 1,
                                                  event != NULL ? mer_event_get_title (event)
                                                  : slide->event_id != NULL ? slide->event_id : _("A view"));
      GtkWidget *label = gtk_label_new (heading);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_add_css_class (label, "heading");
      gtk_box_append (GTK_BOX (header), label);
      gtk_box_append (GTK_BOX (header), row_button (self, "go-up-symbolic", _("Move Up"), "up", i));
      gtk_box_append (GTK_BOX (header), row_button (self, "go-down-symbolic", _("Move Down"), "down", i));
      gtk_box_append (GTK_BOX (header), row_button (self, "user-trash-symbolic", _("Delete Slide"), "delete", i));

      gtk_box_append (GTK_BOX (row), header);
      for (int notes = FALSE; notes <= TRUE; notes++)
        {
          GtkWidget *entry = slide_entry (self, i, notes, notes ? slide->notes : slide->caption);

          gtk_box_append (GTK_BOX (row), entry);
          if (i == focus_index && notes == focus_notes)
            focus_entry = entry;
        }
      gtk_widget_set_margin_top (row, 6);
      gtk_widget_set_margin_bottom (row, 6);
      gtk_widget_set_margin_start (row, 6);
      gtk_widget_set_margin_end (row, 6);
      gtk_list_box_append (self->list, row);
    }

  if (focus_entry != NULL)
    gtk_widget_grab_focus (focus_entry);
}

static gboolean
rebuild_idle (gpointer user_data)
{
  MerSlidesPanel *self = user_data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* The buttons follow at once; the rows once the focus change or the edit
 * that caused the change is over. */
static void
on_editor_changed (MerSlidesPanel *self)
{
  update_actions (self);
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add_full (G_PRIORITY_DEFAULT, rebuild_idle, self, NULL);
}

static void
on_document_changed (MerSlidesPanel *self)
{
  MerDocument *document = mer_state_get_document (self->state);
  g_autoptr(MerBriefing) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  /* Each version of the story the edit makes is shown in turn: its
   * editor goes on through them. */
  if (self->edit != NULL && self->editor != NULL)
    {
      update_actions (self);
      return;
    }

  if (self->edit != NULL)
    document = mer_edit_get_document (self->edit);
  if (document != NULL)
    {
      if (g_list_model_get_n_items (mer_document_get_briefings (document)) > 0)
        first = g_list_model_get_item (mer_document_get_briefings (document), 0);
      if (self->edit != NULL)
        self->editor = mer_briefing_editor_new_for_edit (self->edit, first != NULL ? mer_briefing_get_id (first) : NULL);
      else
        self->editor = mer_briefing_editor_new (document, first != NULL ? mer_briefing_get_id (first) : NULL, &error);
      if (self->editor != NULL)
        g_signal_connect_object (self->editor, "changed", G_CALLBACK (on_editor_changed), self, G_CONNECT_SWAPPED);
    }

  title = first != NULL ? g_strdup_printf (_("Briefing: %s"), mer_briefing_get_title (first))
                        : g_strdup (_("A new briefing: add slides from the current view"));
  gtk_label_set_text (GTK_LABEL (self->title), title);
  gtk_label_set_text (GTK_LABEL (self->message), error != NULL ? error->message : "");
  update_actions (self);
  rebuild (self);
}

/**
 * mer_slides_panel_add_from_view:
 *
 * Adds a slide after the last with what the window shows: the map's view,
 * the selected event, the highlighted (or selected) regions and the time
 * window.
 */
void
mer_slides_panel_add_from_view (MerSlidesPanel *self)
{
  MerEvent *event = mer_state_get_selected_event (self->state);
  GPtrArray *highlighted = mer_state_get_highlighted_regions (self->state);
  MerRegion *selected_region = mer_state_get_selected_region (self->state);
  g_autoptr(GStrvBuilder) regions = g_strv_builder_new ();
  g_auto(GStrv) region_ids = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  MerSlideData data = { 0 };
  MerMapView view;
  double window_start, window_end;

  g_return_if_fail (MER_IS_SLIDES_PANEL (self));

  if (self->editor == NULL)
    return;

  mer_map_widget_get_map_view (self->map, &view);
  for (guint i = 0; i < highlighted->len; i++)
    g_strv_builder_add (regions, mer_region_get_id (g_ptr_array_index (highlighted, i)));
  if (highlighted->len == 0 && selected_region != NULL)
    g_strv_builder_add (regions, mer_region_get_id (selected_region));
  region_ids = g_strv_builder_end (regions);

  if (mer_state_get_time_window (self->state, &window_start, &window_end))
    {
      start = seconds_to_iso (window_start);
      end = seconds_to_iso (window_end);
    }

  data.event_id = event != NULL ? (char *) mer_event_get_id (event) : NULL;
  data.has_view = TRUE;
  data.view = (MerView) { view.lat, view.lon, view.zoom };
  data.region_ids = region_ids[0] != NULL ? region_ids : NULL;
  data.time_start = start;
  data.time_end = end;
  self->focus_caption = (int) mer_briefing_editor_get_n_slides (self->editor);
  mer_briefing_editor_add_slide (self->editor, G_MAXUINT, &data);
}

/**
 * mer_slides_panel_save:
 *
 * Returns: whether the briefing was written into the event file
 */
gboolean
mer_slides_panel_save (MerSlidesPanel  *self,
                       GError         **error)
{
  g_return_val_if_fail (MER_IS_SLIDES_PANEL (self), FALSE);

  if (self->editor == NULL)
    return TRUE;

  if (!mer_briefing_editor_save (self->editor, error))
    return FALSE;

  g_signal_emit (self, signals[SAVED], 0);
  return TRUE;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  mer_slides_panel_add_from_view (MER_SLIDES_PANEL (widget));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MerSlidesPanel *self = MER_SLIDES_PANEL (widget);

  if (self->editor == NULL)
    return;
  if (g_str_equal (action_name, "slides.undo"))
    mer_briefing_editor_undo (self->editor);
  else
    mer_briefing_editor_redo (self->editor);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MerSlidesPanel *self = MER_SLIDES_PANEL (widget);
  g_autoptr(GError) error = NULL;

  /* An imported story goes to a new Meridian file: the window asks for it. */
  if (!mer_slides_panel_save (self, &error) && !(g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED)
                                                 && gtk_widget_activate_action (widget, "win.save-as", NULL)))
    gtk_label_set_text (GTK_LABEL (self->message), error->message);
}

static void
mer_slides_panel_dispose (GObject *object)
{
  MerSlidesPanel *self = MER_SLIDES_PANEL (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->editor);
  g_clear_object (&self->edit);
  g_clear_object (&self->state);

  G_OBJECT_CLASS (mer_slides_panel_parent_class)->dispose (object);
}

static void
mer_slides_panel_class_init (MerSlidesPanelClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = mer_slides_panel_dispose;

  /**
   * MerSlidesPanel::saved:
   *
   * The briefing was written into the event file.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "slides.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "slides.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "slides.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "slides.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "slides.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "slides.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "slides.save", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
mer_slides_panel_init (MerSlidesPanel *self)
{
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *add = gtk_button_new_with_label (_("Add Slide from View"));
  GtkWidget *undo = gtk_button_new_from_icon_name ("edit-undo-symbolic");
  GtkWidget *redo = gtk_button_new_from_icon_name ("edit-redo-symbolic");
  GtkWidget *save = gtk_button_new_with_label (_("Save"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_widget_set_margin_start (self->box, 8);
  gtk_widget_set_margin_end (self->box, 8);
  gtk_widget_set_margin_top (self->box, 8);

  self->title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->title), 0);
  gtk_label_set_wrap (GTK_LABEL (self->title), TRUE);
  gtk_widget_add_css_class (self->title, "heading");
  gtk_box_append (GTK_BOX (self->box), self->title);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "slides.add");
  gtk_widget_set_tooltip_text (add, _("Add a slide with the current view, selection, regions and time window"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (undo), "slides.undo");
  gtk_widget_set_tooltip_text (undo, _("Undo (Ctrl+Z)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (redo), "slides.redo");
  gtk_widget_set_tooltip_text (redo, _("Redo (Ctrl+Shift+Z)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "slides.save");
  gtk_widget_set_tooltip_text (save, _("Save the briefing into the event file (Ctrl+S)"));
  gtk_widget_add_css_class (save, "suggested-action");
  gtk_box_append (GTK_BOX (buttons), add);
  gtk_box_append (GTK_BOX (buttons), undo);
  gtk_box_append (GTK_BOX (buttons), redo);
  gtk_box_append (GTK_BOX (buttons), save);
  gtk_box_append (GTK_BOX (self->box), buttons);

  self->message = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->message), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->message), 0);
  gtk_widget_add_css_class (self->message, "error");
  gtk_box_append (GTK_BOX (self->box), self->message);

  self->focus_caption = -1;
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (self->box), scrolled);
}

MerSlidesPanel *
mer_slides_panel_new (MerState     *state,
                      MerMapWidget *map)
{
  MerSlidesPanel *self = g_object_new (MER_TYPE_SLIDES_PANEL, NULL);

  self->state = g_object_ref (state);
  self->map = map;
  g_signal_connect_object (state, "notify::document", G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);
  on_document_changed (self);
  return self;
}

/**
 * mer_slides_panel_set_edit:
 * @edit: (nullable): the story's edit, which then keeps the slides and
 *   their history; %NULL for a story that cannot be edited, whose slides
 *   are kept by the panel's own editor
 */
void
mer_slides_panel_set_edit (MerSlidesPanel *self,
                           MerEdit        *edit)
{
  g_return_if_fail (MER_IS_SLIDES_PANEL (self));

  if (self->edit == edit && (edit == NULL || self->editor != NULL))
    return;
  g_set_object (&self->edit, edit);
  g_clear_object (&self->editor);
  on_document_changed (self);
}

/**
 * mer_slides_panel_get_editor:
 *
 * Returns: (transfer none) (nullable): the briefing being edited
 */
MerBriefingEditor *
mer_slides_panel_get_editor (MerSlidesPanel *self)
{
  g_return_val_if_fail (MER_IS_SLIDES_PANEL (self), NULL);
  return self->editor;
}

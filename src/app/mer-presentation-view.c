/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-presentation-view"

#include "config.h"

#include "mer-presentation-view.h"

#include "mer-furniture.h"

#include <glib/gi18n.h>

/* What the audience sees over the window while a briefing is given: the
 * caption card, the slide counter and the progress over the map (the
 * stage), clipped to it, and the speaker's notes and the blank screen over
 * everything. Its child is the window's content. Slides are stepped through
 * actions, so that keys (and a presenter's clicker), the presenter window
 * and tests share one path. */

struct _MerPresentationView
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget      *card;
  GtkLabel       *card_date;
  GtkLabel       *card_title;
  GtkLabel       *card_caption;
  GtkWidget      *bottom_bar;
  GtkProgressBar *progress;
  GtkLabel       *counter;
  GtkLabel       *notes;
  GtkWidget      *blank;

  /* Owned */
  GtkWidget       *child;
  MerPresentation *presentation;
  GString         *typed_number;
  GPtrArray       *panes;   /* GtkPaned between the map and the view */

  /* The map whose labels keep clear of the card and the bottom bar. */
  MerMapWidget    *clear_map;  /* weak */

  graphene_rect_t stage;    /* the map, in the view's coordinates */
};

G_DEFINE_FINAL_TYPE (MerPresentationView, mer_presentation_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHILD,
  PROP_PRESENTATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  EXIT,
  SWAP_MONITORS,
  MOVE_SLIDES,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const action_names[] = {
  "presentation.next", "presentation.previous", "presentation.first", "presentation.last",
  "presentation.digit", "presentation.enter", "presentation.black", "presentation.white",
  "presentation.notes", "presentation.exit", "presentation.swap-monitors", "presentation.slides-monitor",
};

/* The caption card goes where it hides least of the slide (the furniture
 * cost that exports and handouts use, mer_furniture_place()): a corner or
 * the middle of the top or bottom edge of the map, narrow and tall or wide
 * and short. It is judged on the view the map is flying to and the card's
 * real size. */
static void
place_card (MerPresentationView   *self,
            const graphene_rect_t *stage,
            const GtkAllocation   *bar,
            GtkAllocation         *allocation)
{
  static const double widths[] = { 0.42, 0.62 };
  MerMapWidget *map = mer_presentation_get_map (self->presentation);
  MerState *state = mer_presentation_get_state (self->presentation);
  int width = (int) stage->size.width;
  int height = (int) stage->size.height;
  GtkAllocation spots[G_N_ELEMENTS (widths) * 6];
  MerBox boxes[G_N_ELEMENTS (widths) * 6];
  MerBox taken;
  guint n = 0;
  int min_width, natural_width;
  MerMapView view;
  MerView target;

  gtk_widget_measure (self->card, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, &natural_width, NULL, NULL);
  mer_map_widget_get_target_view (map, &target);
  mer_map_view_init (&view, &target, width, height, 1);

  /* Bottom left first: ties go where captions usually sit. The card's
   * margins are air, not card. */
  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      int card_width = CLAMP ((int) (width * widths[w]), min_width, MAX (min_width, natural_width));
      int card_height;

      gtk_widget_measure (self->card, GTK_ORIENTATION_VERTICAL, card_width, &card_height, NULL, NULL, NULL);
      for (guint column = 0; column < 3; column++)
        for (guint row = 0; row < 2; row++)
          {
            int x = column == 0 ? 0 : column == 1 ? MAX (0, (width - card_width) / 2) : MAX (0, width - card_width);
            int y = row == 0 ? MAX (0, height - card_height) : 0;

            spots[n] = (GtkAllocation) { x, y, card_width, card_height };
            boxes[n++] = (MerBox) {
              x + gtk_widget_get_margin_start (self->card),
              y + gtk_widget_get_margin_top (self->card),
              card_width - gtk_widget_get_margin_start (self->card) - gtk_widget_get_margin_end (self->card),
              card_height - gtk_widget_get_margin_top (self->card) - gtk_widget_get_margin_bottom (self->card),
            };
          }
    }
  /* The progress bar is furniture the card must not go over. */
  taken = (MerBox) { bar->x - stage->origin.x, bar->y - stage->origin.y, bar->width, bar->height };
  *allocation = spots[mer_furniture_place (state, &view, boxes, n, &taken, bar->width > 0 ? 1 : 0)];

  allocation->x += (int) stage->origin.x;
  allocation->y += (int) stage->origin.y;
}

/* Where GtkOverlay puts an overlay child in @area: by its alignment, at
 * its natural size within the area and never below its minimum. */
static void
place_aligned (GtkWidget             *child,
               const graphene_rect_t *area,
               GtkAllocation         *allocation)
{
  int x = (int) area->origin.x, y = (int) area->origin.y;
  int width = (int) area->size.width, height = (int) area->size.height;
  GtkRequisition minimum, natural;

  gtk_widget_get_preferred_size (child, &minimum, &natural);
  allocation->width = MAX (minimum.width, MIN (natural.width, width));
  allocation->height = MAX (minimum.height, MIN (natural.height, height));

  switch (gtk_widget_get_halign (child))
    {
    case GTK_ALIGN_START:
    case GTK_ALIGN_BASELINE:
      allocation->x = x;
      break;
    case GTK_ALIGN_CENTER:
      allocation->x = x + width / 2 - allocation->width / 2;
      break;
    case GTK_ALIGN_END:
      allocation->x = x + width - allocation->width;
      break;
    case GTK_ALIGN_FILL:
    default:
      allocation->x = x;
      allocation->width = MAX (allocation->width, width);
      break;
    }

  switch (gtk_widget_get_valign (child))
    {
    case GTK_ALIGN_START:
    case GTK_ALIGN_BASELINE:
      allocation->y = y;
      break;
    case GTK_ALIGN_CENTER:
      allocation->y = y + height / 2 - allocation->height / 2;
      break;
    case GTK_ALIGN_END:
      allocation->y = y + height - allocation->height;
      break;
    case GTK_ALIGN_FILL:
    default:
      allocation->y = y;
      allocation->height = MAX (allocation->height, height);
      break;
    }
}

/* A pane that moves relays out only its own children: the card and the
 * progress bar follow the map when the split around it moves. */
static void
follow_panes (MerPresentationView *self,
              GtkWidget           *stage)
{
  for (guint i = 0; i < self->panes->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->panes, i), gtk_widget_queue_allocate, self);
  g_ptr_array_set_size (self->panes, 0);

  for (GtkWidget *widget = stage; widget != NULL && widget != GTK_WIDGET (self);
       widget = gtk_widget_get_parent (widget))
    if (GTK_IS_PANED (widget))
      {
        g_signal_connect_object (widget, "notify::position", G_CALLBACK (gtk_widget_queue_allocate), self,
                                 G_CONNECT_SWAPPED);
        g_ptr_array_add (self->panes, g_object_ref (widget));
      }
}

static void
on_slide_changed (MerPresentationView *self)
{
  guint index = mer_presentation_get_index (self->presentation);
  guint n = mer_presentation_get_n_slides (self->presentation);
  g_autofree char *title = mer_presentation_dup_title (self->presentation, index);
  g_autofree char *date = mer_presentation_dup_date (self->presentation, index);
  g_autofree char *counter = g_strdup_printf ("%u / %u", index + 1, n);
  const char *caption = mer_presentation_get_caption (self->presentation, index);
  const char *notes = mer_presentation_get_notes (self->presentation, index);

  gtk_label_set_text (self->card_title, title);
  gtk_label_set_text (self->card_date, date != NULL ? date : "");
  gtk_widget_set_visible (GTK_WIDGET (self->card_date), date != NULL);
  gtk_label_set_text (self->card_caption, caption != NULL ? caption : "");
  gtk_widget_set_visible (GTK_WIDGET (self->card_caption), caption != NULL);
  gtk_label_set_text (self->counter, counter);
  gtk_progress_bar_set_fraction (self->progress, (index + 1) / (double) n);
  gtk_label_set_text (self->notes, notes != NULL ? notes : _("(no notes for this slide)"));
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
blank (MerPresentationView *self,
       const char          *css_class)
{
  gboolean showing = gtk_widget_get_visible (self->blank) && gtk_widget_has_css_class (self->blank, css_class);

  gtk_widget_remove_css_class (self->blank, "blank-black");
  gtk_widget_remove_css_class (self->blank, "blank-white");
  gtk_widget_add_css_class (self->blank, css_class);
  gtk_widget_set_visible (self->blank, !showing);
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MerPresentationView *self = MER_PRESENTATION_VIEW (widget);
  MerPresentation *presentation = self->presentation;

  g_assert (presentation != NULL);

  if (g_str_equal (action_name, "presentation.next"))
    {
      g_string_truncate (self->typed_number, 0);
      mer_presentation_next (presentation);
    }
  else if (g_str_equal (action_name, "presentation.previous"))
    {
      g_string_truncate (self->typed_number, 0);
      mer_presentation_previous (presentation);
    }
  else if (g_str_equal (action_name, "presentation.first"))
    mer_presentation_go_to (presentation, 0);
  else if (g_str_equal (action_name, "presentation.last"))
    mer_presentation_go_to (presentation, mer_presentation_get_n_slides (presentation) - 1);
}

/* Digits typed, then Enter, go to that slide; Enter alone steps on, as
 * clickers send it too. */
static void
digit_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  MerPresentationView *self = MER_PRESENTATION_VIEW (widget);
  guint digit = g_variant_get_uint32 (parameter);

  g_return_if_fail (digit <= 9);

  g_string_append_c (self->typed_number, (char) ('0' + digit));
}

static void
enter_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  MerPresentationView *self = MER_PRESENTATION_VIEW (widget);
  guint64 number;

  if (self->typed_number->len == 0)
    {
      mer_presentation_next (self->presentation);
      return;
    }

  number = g_ascii_strtoull (self->typed_number->str, NULL, 10);
  g_string_truncate (self->typed_number, 0);
  if (number >= 1)
    mer_presentation_go_to (self->presentation, (guint) MIN (number, G_MAXUINT) - 1);
}

static void
screen_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MerPresentationView *self = MER_PRESENTATION_VIEW (widget);

  if (g_str_equal (action_name, "presentation.black"))
    blank (self, "blank-black");
  else if (g_str_equal (action_name, "presentation.white"))
    blank (self, "blank-white");
  else
    gtk_widget_set_visible (GTK_WIDGET (self->notes), !gtk_widget_get_visible (GTK_WIDGET (self->notes)));
}

static void
exit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_signal_emit (widget, signals[EXIT], 0);
}

/* Which monitor shows what is the window's business: the view only says
 * what the speaker asked for, from whichever window had the keys. */
static void
monitor_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  if (parameter == NULL)
    g_signal_emit (widget, signals[SWAP_MONITORS], 0);
  else
    g_signal_emit (widget, signals[MOVE_SLIDES], 0, g_variant_get_uint32 (parameter));
}

static void
mer_presentation_view_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  MerPresentationView *self = MER_PRESENTATION_VIEW (widget);

  *minimum = *natural = 0;
  if (self->child != NULL && gtk_widget_should_layout (self->child))
    gtk_widget_measure (self->child, orientation, for_size, minimum, natural, NULL, NULL);
}

static void
mer_presentation_view_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  MerPresentationView *self = MER_PRESENTATION_VIEW (widget);
  graphene_rect_t all = GRAPHENE_RECT_INIT (0, 0, width, height);
  GtkAllocation allocation, bar = { 0, };

  if (self->child != NULL && gtk_widget_should_layout (self->child))
    gtk_widget_allocate (self->child, width, height, baseline, NULL);

  /* The map has its place now: the card and the progress go on it. */
  if (self->presentation == NULL ||
      !gtk_widget_compute_bounds (GTK_WIDGET (mer_presentation_get_map (self->presentation)), widget, &self->stage))
    self->stage = all;

  if (gtk_widget_should_layout (self->bottom_bar))
    {
      place_aligned (self->bottom_bar, &self->stage, &bar);
      gtk_widget_size_allocate (self->bottom_bar, &bar, -1);
    }
  if (gtk_widget_should_layout (self->card))
    {
      if (self->presentation != NULL)
        place_card (self, &self->stage, &bar, &allocation);
      else
        place_aligned (self->card, &self->stage, &allocation);
      gtk_widget_size_allocate (self->card, &allocation, -1);
    }
  if (gtk_widget_should_layout (GTK_WIDGET (self->notes)))
    {
      place_aligned (GTK_WIDGET (self->notes), &all, &allocation);
      gtk_widget_size_allocate (GTK_WIDGET (self->notes), &allocation, -1);
    }
  if (gtk_widget_should_layout (self->blank))
    {
      place_aligned (self->blank, &all, &allocation);
      gtk_widget_size_allocate (self->blank, &allocation, -1);
    }
}

/* What is over the map stays within it, as the map's own pane would keep
 * it: a tall card on a short map is cut at the map's edge. */
static void
mer_presentation_view_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  MerPresentationView *self = MER_PRESENTATION_VIEW (widget);

  if (self->child != NULL)
    gtk_widget_snapshot_child (widget, self->child, snapshot);

  gtk_snapshot_push_clip (snapshot, &self->stage);
  gtk_widget_snapshot_child (widget, self->card, snapshot);
  gtk_widget_snapshot_child (widget, self->bottom_bar, snapshot);
  gtk_snapshot_pop (snapshot);

  gtk_widget_snapshot_child (widget, GTK_WIDGET (self->notes), snapshot);
  gtk_widget_snapshot_child (widget, self->blank, snapshot);
}

static void
mer_presentation_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  MerPresentationView *self = MER_PRESENTATION_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, mer_presentation_view_get_child (self));
      break;

    case PROP_PRESENTATION:
      g_value_set_object (value, self->presentation);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mer_presentation_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  MerPresentationView *self = MER_PRESENTATION_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      mer_presentation_view_set_child (self, g_value_get_object (value));
      break;

    case PROP_PRESENTATION:
      mer_presentation_view_set_presentation (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mer_presentation_view_dispose (GObject *object)
{
  MerPresentationView *self = MER_PRESENTATION_VIEW (object);

  if (self->panes != NULL)
    follow_panes (self, NULL);
  g_clear_object (&self->presentation);
  g_clear_weak_pointer (&self->clear_map);
  g_clear_pointer (&self->child, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), MER_TYPE_PRESENTATION_VIEW);

  G_OBJECT_CLASS (mer_presentation_view_parent_class)->dispose (object);
}

static void
mer_presentation_view_finalize (GObject *object)
{
  MerPresentationView *self = MER_PRESENTATION_VIEW (object);

  g_string_free (self->typed_number, TRUE);
  g_ptr_array_unref (self->panes);

  G_OBJECT_CLASS (mer_presentation_view_parent_class)->finalize (object);
}

static void
mer_presentation_view_class_init (MerPresentationViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = mer_presentation_view_get_property;
  object_class->set_property = mer_presentation_view_set_property;
  object_class->dispose = mer_presentation_view_dispose;
  object_class->finalize = mer_presentation_view_finalize;
  widget_class->measure = mer_presentation_view_measure;
  widget_class->size_allocate = mer_presentation_view_size_allocate;
  widget_class->snapshot = mer_presentation_view_snapshot;

  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL,
                         GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRESENTATION] =
    g_param_spec_object ("presentation", NULL, NULL,
                         MER_TYPE_PRESENTATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MerPresentationView::exit:
   *
   * The speaker asked to leave the presentation (Esc).
   */
  signals[EXIT] = g_signal_new ("exit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * MerPresentationView::swap-monitors:
   *
   * The speaker asked for the slides and the presenter view to trade
   * monitors (Ctrl+M).
   */
  signals[SWAP_MONITORS] = g_signal_new ("swap-monitors", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * MerPresentationView::move-slides:
   * @position: the monitor's position in gdk_display_get_monitors()
   *
   * The speaker chose the monitor the slides go to.
   */
  signals[MOVE_SLIDES] = g_signal_new ("move-slides", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/meridian/Meridian/ui/mer-presentation-view.ui");
  gtk_widget_class_bind_template_child (widget_class, MerPresentationView, card);
  gtk_widget_class_bind_template_child (widget_class, MerPresentationView, card_date);
  gtk_widget_class_bind_template_child (widget_class, MerPresentationView, card_title);
  gtk_widget_class_bind_template_child (widget_class, MerPresentationView, card_caption);
  gtk_widget_class_bind_template_child (widget_class, MerPresentationView, bottom_bar);
  gtk_widget_class_bind_template_child (widget_class, MerPresentationView, progress);
  gtk_widget_class_bind_template_child (widget_class, MerPresentationView, counter);
  gtk_widget_class_bind_template_child (widget_class, MerPresentationView, notes);
  gtk_widget_class_bind_template_child (widget_class, MerPresentationView, blank);

  gtk_widget_class_install_action (widget_class, "presentation.next", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "presentation.previous", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "presentation.first", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "presentation.last", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "presentation.digit", "u", digit_action);
  gtk_widget_class_install_action (widget_class, "presentation.enter", NULL, enter_action);
  gtk_widget_class_install_action (widget_class, "presentation.black", NULL, screen_action);
  gtk_widget_class_install_action (widget_class, "presentation.white", NULL, screen_action);
  gtk_widget_class_install_action (widget_class, "presentation.notes", NULL, screen_action);
  gtk_widget_class_install_action (widget_class, "presentation.exit", NULL, exit_action);
  gtk_widget_class_install_action (widget_class, "presentation.swap-monitors", NULL, monitor_action);
  gtk_widget_class_install_action (widget_class, "presentation.slides-monitor", "u", monitor_action);
}

static void
mer_presentation_view_init (MerPresentationView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->typed_number = g_string_new (NULL);
  self->panes = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < G_N_ELEMENTS (action_names); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), action_names[i], FALSE);

  mer_presentation_view_add_shortcuts (GTK_WIDGET (self));
}

static void
add_shortcut (GtkShortcutController *controller,
              guint                  keyval,
              GdkModifierType        modifiers,
              const char            *action_name,
              GVariant              *arguments)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                                            gtk_named_action_new (action_name));

  gtk_shortcut_set_arguments (shortcut, arguments);
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

/**
 * mer_presentation_view_add_shortcuts:
 * @widget: a widget that installs the presentation.* actions
 *
 * Binds the slide keys to the presentation.* actions: Right, Down, Space,
 * Enter and Page Down step on (presenter clickers send Page Up and Page
 * Down), Left, Up, Backspace and Page Up step back, Home and End go to the
 * first and the last slide, digits then Enter jump, B or '.' blank the
 * screen to black, W to white, N shows the notes, Ctrl+M swaps the
 * monitors and Esc leaves. The keys are caught on their way down, so that
 * they come before what the focus would do with them: a map's or a
 * timeline's own keys, or a window's arrow keys moving the focus.
 */
void
mer_presentation_view_add_shortcuts (GtkWidget *widget)
{
  static const guint next_keys[] = { GDK_KEY_Right, GDK_KEY_Down, GDK_KEY_space, GDK_KEY_Page_Down,
                                     GDK_KEY_KP_Page_Down };
  static const guint previous_keys[] = { GDK_KEY_Left, GDK_KEY_Up, GDK_KEY_Page_Up, GDK_KEY_KP_Page_Up,
                                         GDK_KEY_BackSpace };
  GtkShortcutController *controller = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());

  g_return_if_fail (GTK_IS_WIDGET (widget));

  for (guint i = 0; i < G_N_ELEMENTS (next_keys); i++)
    add_shortcut (controller, next_keys[i], 0, "presentation.next", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (previous_keys); i++)
    add_shortcut (controller, previous_keys[i], 0, "presentation.previous", NULL);
  add_shortcut (controller, GDK_KEY_Return, 0, "presentation.enter", NULL);
  add_shortcut (controller, GDK_KEY_KP_Enter, 0, "presentation.enter", NULL);
  add_shortcut (controller, GDK_KEY_Home, 0, "presentation.first", NULL);
  add_shortcut (controller, GDK_KEY_End, 0, "presentation.last", NULL);
  for (guint digit = 0; digit <= 9; digit++)
    {
      add_shortcut (controller, GDK_KEY_0 + digit, 0, "presentation.digit", g_variant_new_uint32 (digit));
      add_shortcut (controller, GDK_KEY_KP_0 + digit, 0, "presentation.digit", g_variant_new_uint32 (digit));
    }
  add_shortcut (controller, GDK_KEY_b, 0, "presentation.black", NULL);
  add_shortcut (controller, GDK_KEY_B, GDK_SHIFT_MASK, "presentation.black", NULL);
  add_shortcut (controller, GDK_KEY_period, 0, "presentation.black", NULL);
  add_shortcut (controller, GDK_KEY_w, 0, "presentation.white", NULL);
  add_shortcut (controller, GDK_KEY_W, GDK_SHIFT_MASK, "presentation.white", NULL);
  add_shortcut (controller, GDK_KEY_n, 0, "presentation.notes", NULL);
  add_shortcut (controller, GDK_KEY_N, GDK_SHIFT_MASK, "presentation.notes", NULL);
  add_shortcut (controller, GDK_KEY_m, GDK_CONTROL_MASK, "presentation.swap-monitors", NULL);
  add_shortcut (controller, GDK_KEY_Escape, 0, "presentation.exit", NULL);

  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (controller), GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (controller));
}

/**
 * mer_presentation_view_get_child:
 *
 * Returns: (transfer none) (nullable): what the presentation is shown over
 */
GtkWidget *
mer_presentation_view_get_child (MerPresentationView *self)
{
  g_return_val_if_fail (MER_IS_PRESENTATION_VIEW (self), NULL);
  return self->child;
}

void
mer_presentation_view_set_child (MerPresentationView *self,
                                 GtkWidget           *child)
{
  g_return_if_fail (MER_IS_PRESENTATION_VIEW (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (self->child == child)
    return;

  g_clear_pointer (&self->child, gtk_widget_unparent);
  /* First, so that everything the view shows is over it. */
  self->child = child;
  if (child != NULL)
    gtk_widget_insert_after (child, GTK_WIDGET (self), NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}

/**
 * mer_presentation_view_get_presentation:
 *
 * Returns: (transfer none) (nullable): the presentation being given
 */
MerPresentation *
mer_presentation_view_get_presentation (MerPresentationView *self)
{
  g_return_val_if_fail (MER_IS_PRESENTATION_VIEW (self), NULL);
  return self->presentation;
}

/**
 * mer_presentation_view_set_presentation:
 * @presentation: (nullable): the presentation to show; %NULL hides the
 *   card, the counter, the notes and the blank screen
 *
 * Shows @presentation's current slide and follows it from slide to slide.
 */
void
mer_presentation_view_set_presentation (MerPresentationView *self,
                                        MerPresentation     *presentation)
{
  gboolean presenting = presentation != NULL;

  g_return_if_fail (MER_IS_PRESENTATION_VIEW (self));
  g_return_if_fail (presentation == NULL || MER_IS_PRESENTATION (presentation));

  if (self->presentation == presentation)
    return;

  if (self->presentation != NULL)
    g_signal_handlers_disconnect_by_func (self->presentation, on_slide_changed, self);
  g_set_object (&self->presentation, presentation);
  if (presentation != NULL)
    g_signal_connect_object (presentation, "changed", G_CALLBACK (on_slide_changed), self, G_CONNECT_SWAPPED);
  follow_panes (self, presentation != NULL ? GTK_WIDGET (mer_presentation_get_map (presentation)) : NULL);
  if (presentation != NULL && self->clear_map != mer_presentation_get_map (presentation))
    {
      g_set_weak_pointer (&self->clear_map, mer_presentation_get_map (presentation));
      mer_map_widget_add_obstacle (self->clear_map, self->card);
      mer_map_widget_add_obstacle (self->clear_map, self->bottom_bar);
    }

  g_string_truncate (self->typed_number, 0);
  for (guint i = 0; i < G_N_ELEMENTS (action_names); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), action_names[i], presenting);
  gtk_widget_set_visible (self->card, presenting);
  gtk_widget_set_visible (GTK_WIDGET (self->counter), presenting);
  gtk_widget_set_visible (GTK_WIDGET (self->progress), presenting);
  gtk_widget_set_visible (GTK_WIDGET (self->notes), FALSE);
  gtk_widget_set_visible (self->blank, FALSE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENTATION]);
}

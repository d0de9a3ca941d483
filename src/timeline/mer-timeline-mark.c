/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-timeline-mark"

#include "config.h"

#include "mer-timeline-mark.h"

#include <glib/gi18n.h>

/* An event on the timeline as assistive technologies see it: a list item
 * named by the event's title and date, selected or not, that takes the
 * keyboard focus when its event is selected so that a screen reader says
 * where the user is. It draws nothing (the timeline painter draws the
 * marks) and takes no pointer input (the timeline picks what was clicked):
 * it only gives the drawn mark a place in the accessibility tree and on the
 * screen. The timeline keeps one for each event in view, recycled as the
 * view moves. */

struct _MerTimelineMark
{
  GtkWidget parent_instance;

  /* Owned */
  MerEvent *event;

  gboolean selected;
};

G_DEFINE_FINAL_TYPE (MerTimelineMark, mer_timeline_mark, GTK_TYPE_WIDGET)

static void
mer_timeline_mark_dispose (GObject *object)
{
  MerTimelineMark *self = MER_TIMELINE_MARK (object);

  g_clear_object (&self->event);

  G_OBJECT_CLASS (mer_timeline_mark_parent_class)->dispose (object);
}

static void
mer_timeline_mark_class_init (MerTimelineMarkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mer_timeline_mark_dispose;

  gtk_widget_class_set_css_name (widget_class, "mer-timeline-mark");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST_ITEM);
}

static void
mer_timeline_mark_init (MerTimelineMark *self)
{
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_SELECTED, FALSE, -1);
}

GtkWidget *
mer_timeline_mark_new (void)
{
  return g_object_new (MER_TYPE_TIMELINE_MARK, NULL);
}

/**
 * mer_timeline_mark_get_event:
 *
 * Returns: (transfer none) (nullable): the event the mark stands for
 */
MerEvent *
mer_timeline_mark_get_event (MerTimelineMark *self)
{
  g_return_val_if_fail (MER_IS_TIMELINE_MARK (self), NULL);

  return self->event;
}

/**
 * mer_timeline_mark_set_event:
 * @event: (nullable): the event the mark now stands for
 *
 * Names the mark after @event: its title and its date, as a screen reader
 * reads it ("Putin–Abe summit in Nagato and Tokyo, 15–16 Dec 2016").
 */
void
mer_timeline_mark_set_event (MerTimelineMark *self,
                             MerEvent        *event)
{
  g_autofree char *date = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (MER_IS_TIMELINE_MARK (self));

  if (!g_set_object (&self->event, event) || event == NULL)
    return;

  date = mer_event_format_date (event);
  /* Translators: an event on the timeline as a screen reader names it:
   * its title, then its date */
  name = g_strdup_printf (C_("accessible event", "%1$s, %2$s"), mer_event_get_title (event), date);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/**
 * mer_timeline_mark_set_selected:
 * @selected: whether the mark's event is the selected one
 *
 * Only the selected mark can take the focus, so that Tab passes the
 * timeline's events in one step rather than one by one.
 */
void
mer_timeline_mark_set_selected (MerTimelineMark *self,
                                gboolean         selected)
{
  g_return_if_fail (MER_IS_TIMELINE_MARK (self));

  selected = !!selected;
  if (self->selected == selected)
    return;

  self->selected = selected;
  gtk_widget_set_focusable (GTK_WIDGET (self), selected);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_SELECTED, selected, -1);
}

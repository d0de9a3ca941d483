/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-after-paint"

#include "config.h"

#include "mer-after-paint.h"

static void
on_after_paint (GdkFrameClock *clock,
                MerAfterPaint *self)
{
  mer_after_paint_flush (self);
}

/**
 * mer_after_paint_schedule:
 * @widget: the widget whose window's frame to wait for
 * @callback: what to do then, given @widget
 *
 * Calls @callback once the next frame of @widget's window is painted, and
 * asks for that frame; at once when @widget is not mapped. Scheduling
 * again before then changes nothing: the callback runs once.
 */
void
mer_after_paint_schedule (MerAfterPaint  *self,
                          GtkWidget      *widget,
                          void          (*callback) (GtkWidget *widget))
{
  GdkFrameClock *clock;

  g_return_if_fail (self != NULL);
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (callback != NULL);

  clock = gtk_widget_get_frame_clock (widget);
  if (clock == NULL || !gtk_widget_get_mapped (widget))
    {
      mer_after_paint_cancel (self);
      callback (widget);
      return;
    }
  if (self->handler != 0)
    return;

  self->widget = widget;
  self->callback = callback;
  self->clock = clock;
  self->handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), self);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

/**
 * mer_after_paint_flush:
 *
 * Does what was waiting for the next frame now, if anything was: call it
 * when the widget is unmapped or goes, since its frame clock goes with it.
 *
 * Returns: whether anything was waiting
 */
gboolean
mer_after_paint_flush (MerAfterPaint *self)
{
  GtkWidget *widget;
  void (*callback) (GtkWidget *widget);

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->handler == 0)
    return FALSE;
  widget = self->widget;
  callback = self->callback;
  mer_after_paint_cancel (self);
  callback (widget);
  return TRUE;
}

/**
 * mer_after_paint_cancel:
 *
 * Forgets what was waiting for the next frame.
 */
void
mer_after_paint_cancel (MerAfterPaint *self)
{
  g_return_if_fail (self != NULL);

  if (self->handler != 0)
    g_clear_signal_handler (&self->handler, self->clock);
  self->clock = NULL;
  self->widget = NULL;
  self->callback = NULL;
}

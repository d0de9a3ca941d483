/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * MerAfterPaint:
 *
 * Work a widget leaves for after its window's next frame is painted: what
 * a change shows first (rings on the map and the timeline) is not held up
 * by what can follow a frame later (text laid out anew, the accessible
 * children placed), which would cost the first frame a layout. Embed it in
 * the widget's instance, zeroed.
 */
typedef struct {
  GtkWidget     *widget;
  GdkFrameClock *clock;
  gulong         handler;
  void         (*callback) (GtkWidget *widget);
} MerAfterPaint;

void     mer_after_paint_schedule (MerAfterPaint *self,
                                   GtkWidget     *widget,
                                   void         (*callback) (GtkWidget *widget));
gboolean mer_after_paint_flush    (MerAfterPaint *self);
void     mer_after_paint_cancel   (MerAfterPaint *self);

G_END_DECLS

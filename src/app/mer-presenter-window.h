/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "mer-presentation-view.h"

G_BEGIN_DECLS

#define MER_TYPE_PRESENTER_WINDOW (mer_presenter_window_get_type ())
G_DECLARE_FINAL_TYPE (MerPresenterWindow, mer_presenter_window, MER, PRESENTER_WINDOW, GtkWindow)

MerPresenterWindow *mer_presenter_window_new                 (MerPresentationView *view);
void                mer_presenter_window_show_slides_monitor (MerPresenterWindow  *self,
                                                              guint                position);

G_END_DECLS

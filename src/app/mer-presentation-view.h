/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "mer-presentation.h"

G_BEGIN_DECLS

#define MER_TYPE_PRESENTATION_VIEW (mer_presentation_view_get_type ())
G_DECLARE_FINAL_TYPE (MerPresentationView, mer_presentation_view, MER, PRESENTATION_VIEW, GtkWidget)

GtkWidget       *mer_presentation_view_get_child        (MerPresentationView *self);
void             mer_presentation_view_set_child        (MerPresentationView *self,
                                                         GtkWidget           *child);
MerPresentation *mer_presentation_view_get_presentation (MerPresentationView *self);
void             mer_presentation_view_set_presentation (MerPresentationView *self,
                                                         MerPresentation     *presentation);
void             mer_presentation_view_add_shortcuts    (GtkWidget           *widget);

G_END_DECLS

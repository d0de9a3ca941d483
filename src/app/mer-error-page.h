/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MER_TYPE_ERROR_PAGE (mer_error_page_get_type ())
G_DECLARE_FINAL_TYPE (MerErrorPage, mer_error_page, MER, ERROR_PAGE, GtkWidget)

MerErrorPage *mer_error_page_new          (void);
void          mer_error_page_show_failure (MerErrorPage *self,
                                           const char   *path,
                                           GPtrArray    *diagnostics,
                                           const GError *error);
const char   *mer_error_page_get_heading  (MerErrorPage *self);
guint         mer_error_page_get_n_rows   (MerErrorPage *self);
char         *mer_error_page_dup_row_text (MerErrorPage *self,
                                           guint         index);

G_END_DECLS

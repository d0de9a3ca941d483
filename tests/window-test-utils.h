/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Shared by the window tests: waits for conditions with a deadline rather
 * than for a time, and finds widgets in a window's tree. */

/* Only reached when something is broken; generous, because CI machines are
 * shared and the first tiles are drawn in a worker. */
#define WINDOW_TEST_WAIT_SECONDS 10

typedef gboolean (*Condition)  (gpointer       data);
typedef gboolean (*WidgetTest) (GtkWidget     *widget,
                                gconstpointer  data);

void       window_test_wait_until (const char *domain,
                                   const char *file,
                                   int         line,
                                   const char *function,
                                   Condition   condition,
                                   gpointer    data,
                                   const char *name);

/* Fails the calling test, naming @condition, when it does not hold in time. */
#define wait_until(condition, data) \
  window_test_wait_until (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, (condition), (data), #condition)

gboolean   widget_mapped          (gpointer      data);
void       wait_for_frame         (GtkWidget    *widget);
GtkWidget *find_widget            (GtkWidget    *root,
                                   WidgetTest    test,
                                   gconstpointer data);
GtkWidget *find_label_with_text   (GtkWidget    *root,
                                   const char   *text);
GtkWindow *find_toplevel          (GType         type);

/* For the tests that run a registered MerApplication. */
guint      window_test_allow_application_warnings (void);

/* X input for the tests that drive real gestures. */
void       xdotool                (GtkWidget    *widget,
                                   const char   *args);
void       to_surface             (GtkWidget    *widget,
                                   double        x,
                                   double        y,
                                   int          *sx,
                                   int          *sy);

G_END_DECLS

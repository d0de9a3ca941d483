/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtk/gtk.h>

#include "mer-cli.h"
#include "mer-window.h"

/* Drives the real window under Xvfb. Without a display the test is skipped,
 * except in CI, which has Xvfb: there it fails rather than pass silently. */

static gboolean have_display;

static gboolean
require_display (void)
{
  if (have_display)
    return TRUE;

  if (g_getenv ("CI") != NULL)
    g_error ("no display in CI: run the window tests under xvfb-run");
  g_test_skip ("no display");
  return FALSE;
}

static void
wait_until_mapped (GtkWidget *widget)
{
  while (!gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);
  /* Let the first frame finish. */
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
}

static GtkWidget *
find_label_with_text (GtkWidget  *root,
                      const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0 &&
      gtk_widget_is_visible (root))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_with_text (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_lists_bundled_story (void)
{
  g_autofree char *story = mer_cli_find_bundled_story ();
  MerWindow *window;
  MerDocument *document;

  if (!require_display ())
    return;

  window = mer_window_new (NULL);
  g_assert_true (mer_window_open_path (window, story));
  gtk_window_present (GTK_WINDOW (window));
  wait_until_mapped (GTK_WIDGET (window));

  document = mer_window_get_document (window);
  g_assert_cmpuint (g_list_model_get_n_items (mer_document_get_events (document)), ==, 53);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Russia and Japan");

  /* The first events of the story are on screen, with their dates. */
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (window), "Treaty of Shimoda draws the first Russo-Japanese border"));
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (window), "7 Feb 1855"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_failed_open_keeps_document (void)
{
  g_autofree char *story = mer_cli_find_bundled_story ();
  MerWindow *window;
  MerDocument *before;
  GtkWidget *errors;

  if (!require_display ())
    return;

  window = mer_window_new (NULL);
  g_assert_true (mer_window_open_path (window, story));
  gtk_window_present (GTK_WINDOW (window));
  wait_until_mapped (GTK_WIDGET (window));
  before = mer_window_get_document (window);

  g_assert_false (mer_window_open_path (window, TESTDATADIR "/version.json"));
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);

  g_assert_true (mer_window_get_document (window) == before);
  errors = find_label_with_text (GTK_WIDGET (window),
                                 TESTDATADIR "/version.json:2:15: error: meridian: "
                                 "unsupported version 2 (this Meridian reads version 1)");
  g_assert_nonnull (errors);
  g_assert_true (gtk_info_bar_get_revealed (GTK_INFO_BAR (gtk_widget_get_ancestor (errors, GTK_TYPE_INFO_BAR))));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  have_display = gtk_init_check ();

  g_test_add_func ("/app/window/lists-bundled-story", test_lists_bundled_story);
  g_test_add_func ("/app/window/failed-open-keeps-document", test_failed_open_keeps_document);

  return g_test_run ();
}

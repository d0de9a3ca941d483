/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "mer-cli.h"
#include "mer-export-dialog.h"
#include "mer-export-service.h"
#include "mer-overlay-layer.h"
#include "mer-presentation-view.h"
#include "mer-presenter-window.h"
#include "mer-window.h"
#include "window-test-utils.h"

/* The presentation view's actions, the presenter window that drives them,
 * and the snapshot copied without a dialog. Needs a display: without one,
 * the program reports SKIP. */

#define DEADLINE_MS 10000

/* Iterates the main loop until @done says so, failing after a deadline. */
static void
wait_for (gboolean (*done) (gpointer),
          gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + DEADLINE_MS * 1000;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
    }
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static MerWindow *
show_story (void)
{
  g_autofree char *story = mer_cli_find_bundled_story ();
  MerWindow *window = mer_window_new (NULL);

  g_assert_true (mer_window_open_path (window, story));
  gtk_window_present (GTK_WINDOW (window));
  wait_for (is_mapped, window);
  return window;
}

static MerPresentationView *
get_view (MerWindow *window)
{
  GtkWidget *view = gtk_window_get_child (GTK_WINDOW (window));

  g_assert_true (MER_IS_PRESENTATION_VIEW (view));
  return MER_PRESENTATION_VIEW (view);
}

/* The visible child of the view with @css_class, or NULL. */
static GtkWidget *
shown_with_class (MerPresentationView *view,
                  const char          *css_class)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child) && gtk_widget_has_css_class (child, css_class))
      return child;
  return NULL;
}

static const char *
counter_text (MerPresentationView *view)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    for (GtkWidget *inner = gtk_widget_get_first_child (child); inner != NULL;
         inner = gtk_widget_get_next_sibling (inner))
      if (gtk_widget_has_css_class (inner, "presentation-counter"))
        return gtk_label_get_text (GTK_LABEL (inner));
  return NULL;
}

/* Digits then Enter jump, the screen blanks and comes back, the notes show
 * and hide, Esc leaves; without a presentation no action is enabled. */
static void
test_view_actions (void)
{
  MerWindow *window = show_story ();
  MerPresentationView *view = get_view (window);
  MerPresentation *presentation;
  g_autofree char *counter = NULL;
  GtkWidget *notes;
  const char *expected_notes;

  g_assert_null (mer_presentation_view_get_presentation (view));
  g_assert_null (shown_with_class (view, "presentation-card"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", "s", ""));
  presentation = mer_window_get_presentation (window);
  g_assert_nonnull (presentation);
  g_assert_true (mer_presentation_view_get_presentation (view) == presentation);
  g_assert_nonnull (shown_with_class (view, "presentation-card"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "presentation.digit", "u", 1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "presentation.digit", "u", 0));
  g_assert_cmpuint (mer_presentation_get_index (presentation), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "presentation.enter", NULL));
  g_assert_cmpuint (mer_presentation_get_index (presentation), ==, 9);
  counter = g_strdup_printf ("10 / %u", mer_presentation_get_n_slides (presentation));
  g_assert_cmpstr (counter_text (view), ==, counter);

  /* Enter alone steps on; a step forgets digits typed before it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "presentation.enter", NULL));
  g_assert_cmpuint (mer_presentation_get_index (presentation), ==, 10);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "presentation.digit", "u", 3));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "presentation.previous", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "presentation.enter", NULL));
  g_assert_cmpuint (mer_presentation_get_index (presentation), ==, 10);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "presentation.first", NULL));
  g_assert_cmpuint (mer_presentation_get_index (presentation), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "presentation.last", NULL));
  g_assert_cmpuint (mer_presentation_get_index (presentation), ==, mer_presentation_get_n_slides (presentation) - 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "presentation.black", NULL));
  g_assert_nonnull (shown_with_class (view, "blank-black"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "presentation.white", NULL));
  g_assert_null (shown_with_class (view, "blank-black"));
  g_assert_nonnull (shown_with_class (view, "blank-white"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "presentation.white", NULL));
  g_assert_null (shown_with_class (view, "blank-white"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "presentation.notes", NULL));
  notes = shown_with_class (view, "presentation-notes");
  g_assert_nonnull (notes);
  expected_notes = mer_presentation_get_notes (presentation, mer_presentation_get_index (presentation));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (notes)), ==,
                   expected_notes != NULL ? expected_notes : "(no notes for this slide)");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "presentation.notes", NULL));
  g_assert_null (shown_with_class (view, "presentation-notes"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "presentation.exit", NULL));
  g_assert_null (mer_window_get_presentation (window));
  g_assert_null (mer_presentation_view_get_presentation (view));
  g_assert_null (shown_with_class (view, "presentation-card"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_overlay_layer (GtkWidget     *widget,
                  gconstpointer  data)
{
  return MER_IS_OVERLAY_LAYER (widget);
}

/* On every slide of the bundled briefing, no label on the map lies under
 * the caption card or the bar of progress and counter: the names of the
 * places and regions a slide is about stay readable. */
static void
test_labels_clear_of_card (void)
{
  MerWindow *window = show_story ();
  MerPresentationView *view = get_view (window);
  GtkWidget *overlay = find_widget (GTK_WIDGET (window), is_overlay_layer, NULL);
  MerPresentation *presentation;
  guint n_checked = 0;

  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", "s", ""));
  presentation = mer_window_get_presentation (window);
  for (guint slide = 0; slide < mer_presentation_get_n_slides (presentation); slide++)
    {
      GtkWidget *card = shown_with_class (view, "presentation-card");
      graphene_rect_t bounds;
      MerLabels *labels;

      if (slide > 0)
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "presentation.next", NULL));
      g_assert_cmpuint (mer_presentation_get_index (presentation), ==, slide);
      wait_for_frame (overlay);
      wait_for_frame (overlay);
      labels = mer_overlay_layer_get_labels (MER_OVERLAY_LAYER (overlay));
      g_assert_nonnull (labels);
      g_assert_nonnull (card);
      g_assert_true (gtk_widget_compute_bounds (card, overlay, &bounds));
      for (guint i = 0; i < mer_labels_get_n_placed (labels); i++)
        {
          MerLabelBox box;
          MerLabel label;

          mer_labels_get_placed (labels, i, &box, &label);
          if (box.x < bounds.origin.x + bounds.size.width && bounds.origin.x < box.x + box.width &&
              box.y < bounds.origin.y + bounds.size.height && bounds.origin.y < box.y + box.height)
            g_error ("slide %u: “%s” at %.0f,%.0f lies under the card at %.0f,%.0f", slide + 1, label.markup, box.x,
                     box.y, bounds.origin.x, bounds.origin.y);
          n_checked++;
        }
    }
  g_test_message ("%u labels checked", n_checked);
  g_assert_cmpuint (n_checked, >, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkLabel *
label_with_prefix (GtkWidget  *root,
                   const char *prefix)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (child) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (child)), prefix))
        return GTK_LABEL (child);
      if ((found = label_with_prefix (child, prefix)) != NULL)
        return found;
    }
  return NULL;
}

/* The speaker's window steps the audience's slides with the same actions,
 * and shows the notes and the next slide. */
static void
test_presenter_window (void)
{
  MerWindow *window = show_story ();
  MerPresentationView *view = get_view (window);
  MerPresenterWindow *presenter;
  MerPresentation *presentation;
  g_autofree char *next_title = NULL;
  g_autofree char *next = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", "s", ""));
  presentation = mer_window_get_presentation (window);
  presenter = mer_presenter_window_new (view);
  gtk_window_present (GTK_WINDOW (presenter));
  wait_for (is_mapped, presenter);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (presenter), "presentation.next", NULL));
  g_assert_cmpuint (mer_presentation_get_index (presentation), ==, 1);

  next_title = mer_presentation_dup_title (presentation, 2);
  next = g_strdup_printf ("Next: %s", next_title);
  g_assert_nonnull (label_with_prefix (GTK_WIDGET (presenter), next));
  g_assert_nonnull (label_with_prefix (GTK_WIDGET (presenter), "00:0"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (presenter), "presentation.digit", "u", 4));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (presenter), "presentation.enter", NULL));
  g_assert_cmpuint (mer_presentation_get_index (presentation), ==, 3);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (presenter), "presentation.exit", NULL));
  g_assert_null (mer_window_get_presentation (window));

  gtk_window_destroy (GTK_WINDOW (presenter));
  gtk_window_destroy (GTK_WINDOW (window));
}

static guchar *
download (GdkTexture *texture)
{
  guchar *pixels = g_malloc ((gsize) gdk_texture_get_width (texture) * gdk_texture_get_height (texture) * 4);

  gdk_texture_download (texture, pixels, (gsize) gdk_texture_get_width (texture) * 4);
  return pixels;
}

/* Ctrl+Shift+C copies the picture the export dialog would make with the
 * last choices, without opening one. */
static void
test_copy_snapshot (void)
{
  MerWindow *window = show_story ();
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  GdkContentProvider *content;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  GdkTexture *copied;
  MerExportDialog *dialog;
  MerExportOptions options;
  MerExportFormat format;
  cairo_surface_t *surface;
  g_autofree guchar *copied_pixels = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-snapshot", NULL));
  g_assert_true (gdk_clipboard_is_local (clipboard));
  content = gdk_clipboard_get_content (clipboard);
  g_assert_nonnull (content);
  g_value_init (&value, GDK_TYPE_TEXTURE);
  g_assert_true (gdk_content_provider_get_value (content, &value, &error));
  g_assert_no_error (error);
  copied = g_value_get_object (&value);
  g_assert_cmpint (gdk_texture_get_width (copied), ==, 1920);
  g_assert_cmpint (gdk_texture_get_height (copied), ==, 1080);

  for (guint i = 0; i < g_list_model_get_n_items (gtk_window_get_toplevels ()); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (gtk_window_get_toplevels (), i);

      g_assert_false (MER_IS_EXPORT_DIALOG (toplevel));
    }

  /* The dialog's own choices make the same picture. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dialog = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (gtk_window_get_toplevels ()) && dialog == NULL; i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (gtk_window_get_toplevels (), i);

      if (MER_IS_EXPORT_DIALOG (toplevel))
        dialog = MER_EXPORT_DIALOG (toplevel);
    }
  g_assert_nonnull (dialog);
  mer_export_dialog_get_options (dialog, &options, &format);
  surface = mer_export_service_render (mer_export_service_get_default (), &options, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1920);
  g_assert_cmpint (cairo_image_surface_get_stride (surface), ==, 1920 * 4);
  copied_pixels = download (copied);
  cairo_surface_flush (surface);
  g_assert_true (memcmp (copied_pixels, cairo_image_surface_get_data (surface), (gsize) 1920 * 1080 * 4) == 0);
  cairo_surface_destroy (surface);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      if (g_getenv ("CI") != NULL)
        g_error ("no display in CI: run the window tests under xvfb-run");
      g_printerr ("no display: skipped\n");
      return 77;
    }
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  /* libadwaita styles the window, as in MerApplication; after animations
   * are off, so that its style manager leaves them off. */
  adw_init ();

  g_test_add_func ("/app/presentation-view/actions", test_view_actions);
  g_test_add_func ("/app/presentation-view/presenter-window", test_presenter_window);
  g_test_add_func ("/app/presentation-view/labels-clear-of-card", test_labels_clear_of_card);
  g_test_add_func ("/app/presentation-view/copy-snapshot", test_copy_snapshot);

  return g_test_run ();
}

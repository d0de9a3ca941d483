/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>

#include "mer-cli.h"
#include "mer-presenter-window.h"
#include "mer-window.h"

/* Presenting on two monitors, as the display reports them: the keys
 * pressed in the presenter window step the slides, the presenter window
 * fills its monitor, and a monitor unplugged and plugged in again (with
 * xrandr) moves the windows without losing the slide. Needs an X display
 * with two monitors or more and a window manager (tools/two-monitors sets
 * one up); elsewhere the program reports SKIP. */

#define DEADLINE_MS 30000

typedef gboolean (*Condition) (gpointer data);

/* Iterates the main loop until @done says so, failing after a deadline. */
static void
wait_for (Condition done,
          gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + DEADLINE_MS * 1000;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
    }
}

static void
run (const char *command_line)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (g_spawn_command_line_sync (command_line, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

/* Gives @window the keyboard, as a window manager does, and presses @key:
 * the X server sends it to the focus, as it does a clicker's. */
static void
press_key (GtkWindow  *window,
           const char *key)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *command = g_strdup_printf ("xdotool windowfocus --sync %lu key %s",
                                              (gulong) gdk_x11_surface_get_xid (surface), key);

  run (command);
}

static GdkMonitor *
monitor_of (GtkWindow *window)
{
  return gdk_display_get_monitor_at_surface (gtk_widget_get_display (GTK_WIDGET (window)),
                                             gtk_native_get_surface (GTK_NATIVE (window)));
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/* The window is full screen on its monitor, at the monitor's size. */
static gboolean
fills_monitor (gpointer window)
{
  GdkSurface *surface = gtk_native_get_surface (window);
  GdkRectangle geometry;

  if (!gtk_widget_get_mapped (window) || !gtk_window_is_fullscreen (window) || monitor_of (window) == NULL)
    return FALSE;
  gdk_monitor_get_geometry (monitor_of (window), &geometry);
  return gdk_surface_get_width (surface) == geometry.width && gdk_surface_get_height (surface) == geometry.height;
}

static MerPresenterWindow *
find_presenter (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (MER_IS_PRESENTER_WINDOW (toplevel))
        return MER_PRESENTER_WINDOW (toplevel);
    }
  return NULL;
}

static gboolean
presenter_fills_monitor (gpointer data)
{
  MerPresenterWindow *presenter = find_presenter ();

  return presenter != NULL && fills_monitor (presenter);
}

static gboolean
no_presenter (gpointer data)
{
  return find_presenter () == NULL;
}

static gboolean
is_on_slide_2 (gpointer window)
{
  return mer_presentation_get_index (mer_window_get_presentation (window)) == 1;
}

static gboolean
is_presenting (gpointer window)
{
  return mer_window_get_presentation (window) != NULL;
}

static gboolean
is_not_presenting (gpointer window)
{
  return mer_window_get_presentation (window) == NULL;
}

typedef struct {
  GtkWindow   *window;
  GdkRectangle place;
} Place;

static void
get_place (GtkWindow    *window,
           GdkRectangle *place)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  Display *xdisplay = gdk_x11_display_get_xdisplay (gdk_surface_get_display (surface));
  Window child;

  XTranslateCoordinates (xdisplay, gdk_x11_surface_get_xid (surface), DefaultRootWindow (xdisplay), 0, 0,
                         &place->x, &place->y, &child);
  place->width = gtk_widget_get_width (GTK_WIDGET (window));
  place->height = gtk_widget_get_height (GTK_WIDGET (window));
}

static gboolean
is_back_in_place (gpointer data)
{
  Place *was = data;
  GdkRectangle place;

  if (gtk_window_is_fullscreen (was->window))
    return FALSE;
  get_place (was->window, &place);
  return gdk_rectangle_equal (&place, &was->place);
}

typedef struct {
  GtkWindow  *window;
  GdkMonitor *monitor;
} OnMonitor;

static gboolean
is_on_monitor (gpointer data)
{
  OnMonitor *on = data;

  return fills_monitor (on->window) && monitor_of (on->window) == on->monitor;
}

/* The visible child of the presentation view with @css_class. */
static gboolean
shows_class (GtkWidget  *view,
             const char *css_class)
{
  for (GtkWidget *child = gtk_widget_get_first_child (view); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child) && gtk_widget_has_css_class (child, css_class))
      return TRUE;
  return FALSE;
}

static gboolean
is_black (gpointer window)
{
  return shows_class (gtk_window_get_child (window), "blank-black");
}

static gboolean
is_not_black (gpointer window)
{
  return !is_black (window);
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

/* F5: the slides go full screen on the other monitor, the presenter window
 * fills the window's own; Right pressed in the presenter window steps the
 * slides; Esc there gives the window back its place. */
static void
test_present (void)
{
  MerWindow *window = show_story ();
  MerPresenterWindow *presenter;
  GdkMonitor *speaker;
  Place was = { GTK_WINDOW (window) };
  GdkRectangle geometry;

  /* Let the window manager place it first. */
  g_usleep (G_USEC_PER_SEC / 2);
  while (g_main_context_iteration (NULL, FALSE));
  get_place (GTK_WINDOW (window), &was.place);
  speaker = monitor_of (GTK_WINDOW (window));
  g_assert_nonnull (speaker);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", "s", ""));
  wait_for (presenter_fills_monitor, NULL);
  wait_for (fills_monitor, window);
  presenter = find_presenter ();
  g_assert_true (monitor_of (GTK_WINDOW (presenter)) == speaker);
  g_assert_true (monitor_of (GTK_WINDOW (window)) != speaker);
  gdk_monitor_get_geometry (speaker, &geometry);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (presenter)), ==, geometry.width);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (presenter)), ==, geometry.height);
  g_assert_cmpuint (mer_presentation_get_index (mer_window_get_presentation (window)), ==, 0);

  press_key (GTK_WINDOW (presenter), "Right");
  wait_for (is_on_slide_2, window);
  press_key (GTK_WINDOW (presenter), "b");
  wait_for (is_black, window);
  press_key (GTK_WINDOW (window), "b");
  wait_for (is_not_black, window);

  /* Ctrl+M from either window trades the monitors, and back. */
  {
    GdkMonitor *audience = monitor_of (GTK_WINDOW (window));
    OnMonitor slides_on_speaker = { GTK_WINDOW (window), speaker };
    OnMonitor presenter_on_audience = { GTK_WINDOW (presenter), audience };
    OnMonitor slides_back = { GTK_WINDOW (window), audience };
    OnMonitor presenter_back = { GTK_WINDOW (presenter), speaker };

    press_key (GTK_WINDOW (presenter), "ctrl+m");
    wait_for (is_on_monitor, &slides_on_speaker);
    wait_for (is_on_monitor, &presenter_on_audience);
    press_key (GTK_WINDOW (window), "ctrl+m");
    wait_for (is_on_monitor, &slides_back);
    wait_for (is_on_monitor, &presenter_back);
    g_assert_true (find_presenter () == presenter);
    g_assert_true (is_on_slide_2 (window));

    /* The chooser's action, given the presenter view's own monitor. */
    GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());

    for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
      {
        g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);

        if (monitor == speaker)
          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (presenter), "presentation.slides-monitor", "u", i));
      }
    wait_for (is_on_monitor, &slides_on_speaker);
    wait_for (is_on_monitor, &presenter_on_audience);
  }

  press_key (GTK_WINDOW (presenter), "Escape");
  wait_for (is_not_presenting, window);
  wait_for (no_presenter, NULL);
  wait_for (is_back_in_place, &was);
  g_assert_true (monitor_of (GTK_WINDOW (window)) == speaker);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The slides' monitor unplugged: they come back full screen on the one
 * left, on the same slide; plugged in again, the presenter view returns. */
static void
test_unplug (void)
{
  MerWindow *window = show_story ();
  g_autofree char *off = NULL;
  g_autofree char *on = NULL;
  GdkMonitor *speaker;
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (window)));
  guint n_monitors = g_list_model_get_n_items (monitors);
  Place was = { GTK_WINDOW (window) };

  g_usleep (G_USEC_PER_SEC / 2);
  while (g_main_context_iteration (NULL, FALSE));
  get_place (GTK_WINDOW (window), &was.place);
  speaker = monitor_of (GTK_WINDOW (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", "s", ""));
  wait_for (presenter_fills_monitor, NULL);
  wait_for (fills_monitor, window);
  press_key (GTK_WINDOW (window), "Right");
  wait_for (is_on_slide_2, window);

  off = g_strdup_printf ("xrandr --output %s --off", gdk_monitor_get_connector (monitor_of (GTK_WINDOW (window))));
  on = g_strdup_printf ("xrandr --output %s --auto --right-of %s",
                        gdk_monitor_get_connector (monitor_of (GTK_WINDOW (window))),
                        gdk_monitor_get_connector (speaker));
  run (off);
  wait_for (no_presenter, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (monitors), ==, n_monitors - 1);
  wait_for (fills_monitor, window);
  g_assert_true (monitor_of (GTK_WINDOW (window)) == speaker);
  g_assert_true (is_presenting (window));
  g_assert_true (is_on_slide_2 (window));

  run (on);
  wait_for (presenter_fills_monitor, NULL);
  wait_for (fills_monitor, window);
  g_assert_true (monitor_of (GTK_WINDOW (find_presenter ())) == speaker);
  g_assert_true (monitor_of (GTK_WINDOW (window)) != speaker);
  g_assert_true (is_on_slide_2 (window));

  /* Esc from the slides' window, this time. */
  press_key (GTK_WINDOW (window), "Escape");
  wait_for (is_not_presenting, window);
  wait_for (no_presenter, NULL);
  wait_for (is_back_in_place, &was);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The presenter view's monitor unplugged: the slides stay where they
 * are, full screen, on the same slide; plugged in again, the presenter view
 * returns on it. */
static void
test_unplug_speaker (void)
{
  MerWindow *window = show_story ();
  g_autofree char *off = NULL;
  g_autofree char *on = NULL;
  GdkMonitor *audience;
  const char *speaker;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", "s", ""));
  wait_for (presenter_fills_monitor, NULL);
  wait_for (fills_monitor, window);
  press_key (GTK_WINDOW (find_presenter ()), "Right");
  wait_for (is_on_slide_2, window);
  audience = monitor_of (GTK_WINDOW (window));
  speaker = gdk_monitor_get_connector (monitor_of (GTK_WINDOW (find_presenter ())));

  off = g_strdup_printf ("xrandr --output %s --off", speaker);
  on = g_strdup_printf ("xrandr --output %s --auto --left-of %s", speaker, gdk_monitor_get_connector (audience));
  run (off);
  wait_for (no_presenter, NULL);
  wait_for (fills_monitor, window);
  g_assert_true (monitor_of (GTK_WINDOW (window)) == audience);
  g_assert_true (is_on_slide_2 (window));

  run (on);
  wait_for (presenter_fills_monitor, NULL);
  wait_for (fills_monitor, window);
  g_assert_true (monitor_of (GTK_WINDOW (window)) == audience);
  g_assert_true (monitor_of (GTK_WINDOW (find_presenter ())) != audience);
  g_assert_true (is_on_slide_2 (window));

  press_key (GTK_WINDOW (find_presenter ()), "Escape");
  wait_for (is_not_presenting, window);
  wait_for (no_presenter, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check () || !GDK_IS_X11_DISPLAY (gdk_display_get_default ()) ||
      !g_find_program_in_path ("xdotool") || !g_find_program_in_path ("xrandr"))
    {
      g_printerr ("no X display with xdotool and xrandr: skipped\n");
      return 77;
    }
  if (g_list_model_get_n_items (gdk_display_get_monitors (gdk_display_get_default ())) < 2)
    {
      g_printerr ("one monitor: skipped (tools/two-monitors runs this test on two)\n");
      return 77;
    }
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  /* libadwaita styles the window, as in MerApplication; after animations
   * are off, so that its style manager leaves them off. */
  adw_init ();

  g_test_add_func ("/app/two-monitors/present", test_present);
  g_test_add_func ("/app/two-monitors/unplug", test_unplug);
  g_test_add_func ("/app/two-monitors/unplug-speaker", test_unplug_speaker);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "window-test-utils.h"

#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

/* Window tests run in parallel, and an edit one of them leaves unsaved is
 * written to a recovery file that the next window opening the same story
 * offers to restore (a bar over the window another test reads). Each test
 * keeps its recovery files in a state folder of its own, under the one
 * tests/meson.build names; a test's subprocess (MERIDIAN_TEST_STATE set)
 * keeps its parent's. Runs before main(), so before GLib reads the
 * variable. */
__attribute__((constructor)) static void
use_own_state_folder (void)
{
  const char *base = g_getenv ("XDG_STATE_HOME");
  g_autofree char *pid = NULL;
  g_autofree char *own = NULL;

  if (base == NULL || g_getenv ("MERIDIAN_TEST_STATE") != NULL)
    return;
  pid = g_strdup_printf ("%d", (int) getpid ());
  own = g_build_filename (base, pid, NULL);
  g_mkdir_with_parents (own, 0700);
  g_setenv ("XDG_STATE_HOME", own, TRUE);
  g_setenv ("MERIDIAN_TEST_STATE", own, TRUE);
}

static gboolean
on_deadline (gpointer user_data)
{
  gboolean *passed = user_data;

  *passed = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
on_poll (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/**
 * window_test_wait_until:
 *
 * Iterates the main context until @condition (@data) holds, and fails the
 * test with @name if it does not within %WINDOW_TEST_WAIT_SECONDS. Use the
 * wait_until() macro.
 */
void
window_test_wait_until (const char *domain,
                        const char *file,
                        int         line,
                        const char *function,
                        Condition   condition,
                        gpointer    data,
                        const char *name)
{
  gboolean passed = FALSE;
  guint deadline_id = g_timeout_add (WINDOW_TEST_WAIT_SECONDS * 1000, on_deadline, &passed);
  /* Most conditions turn true in a main-context dispatch, which ends a
   * blocking iteration; one that a worker thread makes true (by letting go
   * of a reference) or that is read from the file system wakes nothing, so
   * it is looked at again now and then. */
  guint poll_id = g_timeout_add (10, on_poll, NULL);

  while (!condition (data))
    {
      if (passed)
        {
          g_autofree char *message = g_strdup_printf ("timed out after %d s waiting until %s",
                                                      WINDOW_TEST_WAIT_SECONDS, name);

          g_source_remove (poll_id);
          g_assertion_message (domain, file, line, function, message);
          return;
        }
      g_main_context_iteration (NULL, TRUE);
    }

  g_source_remove (poll_id);
  g_source_remove (deadline_id);
}

/**
 * widget_mapped:
 *
 * A #Condition: @data, a widget, is mapped.
 */
gboolean
widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
on_after_paint (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean
frame_painted (gpointer data)
{
  return *(gboolean *) data;
}

/**
 * wait_for_frame:
 *
 * Waits for @widget's window to lay out and paint a whole frame from now:
 * what was queued before (an allocation, a relayout) is then done.
 */
void
wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gulong handler;

  wait_until (widget_mapped, widget);
  clock = gtk_widget_get_frame_clock (widget);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
  gtk_widget_queue_draw (widget);
  wait_until (frame_painted, &painted);
  g_signal_handler_disconnect (clock, handler);
}

/**
 * find_widget:
 *
 * Returns: (nullable): the first widget under @root, depth first, that
 *   @test accepts
 */
GtkWidget *
find_widget (GtkWidget     *root,
             WidgetTest     test,
             gconstpointer  data)
{
  if (test (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, test, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0 &&
         gtk_widget_is_visible (widget);
}

/**
 * find_label_with_text:
 *
 * Returns: (nullable): a visible label under @root reading exactly @text
 */
GtkWidget *
find_label_with_text (GtkWidget  *root,
                      const char *text)
{
  return find_widget (root, is_label_with_text, text);
}

/**
 * find_toplevel:
 *
 * Returns: (nullable): a toplevel window of @type, such as a dialog the
 *   window opened
 */
GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type))
        return GTK_WINDOW (toplevel);
    }

  return NULL;
}

/**
 * xdotool:
 * @args: xdotool's arguments, split at spaces, where each "%" stands for
 *   @widget's window's X id: "mousemove --window % 10 20" moves to (10, 20)
 *   in the window
 *
 * Runs xdotool and fails the test when it fails.
 */
void
xdotool (GtkWidget  *widget,
         const char *args)
{
  GdkSurface *surface = gtk_native_get_surface (gtk_widget_get_native (widget));
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  g_auto(GStrv) words = g_strsplit (args, " ", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_strv_builder_add (builder, "xdotool");
  for (guint i = 0; words[i] != NULL; i++)
    g_strv_builder_add (builder, g_str_equal (words[i], "%") ? xid : words[i]);
  argv = g_strv_builder_end (builder);

  g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

/**
 * to_surface:
 * @sx: (out): @x in the window's surface
 * @sy: (out): @y in the window's surface
 *
 * Where the point (@x, @y) of @widget is in its window's surface, as
 * xdotool's "--window" coordinates take it.
 */
void
to_surface (GtkWidget *widget,
            double     x,
            double     y,
            int       *sx,
            int       *sy)
{
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t point;
  double dx, dy;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &GRAPHENE_POINT_INIT (x, y), &point));
  gtk_native_get_surface_transform (native, &dx, &dy);
  *sx = (int) round (point.x + dx);
  *sy = (int) round (point.y + dy);
}

static void
ignore_message (const char     *log_domain,
                GLogLevelFlags  log_level,
                const char     *message,
                gpointer        user_data)
{
}

static gboolean
is_fatal (const char     *log_domain,
          GLogLevelFlags  log_level,
          const char     *message,
          gpointer        user_data)
{
  /* There may be no session bus in a test. */
  return strstr (message, "session bus") == NULL;
}

/**
 * window_test_allow_application_warnings:
 *
 * For a test that runs a registered MerApplication: GTK's warnings are not
 * shown, and one that there is no session bus is not fatal.
 *
 * Returns: the handler of GTK's warnings, for g_log_remove_handler()
 */
guint
window_test_allow_application_warnings (void)
{
  g_test_log_set_fatal_handler (is_fatal, NULL);
  return g_log_set_handler ("Gtk", G_LOG_LEVEL_WARNING, ignore_message, NULL);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gdk/x11/gdkx.h>
#include <adwaita.h>
#include <gtk/gtk.h>
#include <X11/extensions/XTest.h>

#include <math.h>

#include "mer-cli.h"
#include "mer-window.h"

/* A monkey at the window: thousands of random clicks, drags, wheel turns and
 * key presses at random points of the map and the timeline, delivered as
 * real input through the X server (XTest), so that they pass through GTK's
 * event handling and every controller as a user's would. After each one the
 * window's state must still hold together. Runs under Xvfb; the seed is
 * printed, and MERIDIAN_MONKEY_SEED replays a run. */

#define DEFAULT_N_ACTIONS 3000

typedef enum {
  ACTION_CLICK,
  ACTION_DOUBLE_CLICK,
  ACTION_DRAG,
  ACTION_WHEEL,
  ACTION_KEY,
  ACTION_MOVE,
  N_ACTION_KINDS
} ActionKind;

/* How often each kind is picked, out of the sum. */
static const guint action_weights[N_ACTION_KINDS] = { 30, 5, 20, 20, 15, 10 };
static const char * const action_names[N_ACTION_KINDS] = {
  "click", "double click", "drag", "wheel", "key", "move",
};

/* The keys the map and the timeline bind, and a few they do not. Keys that
 * reach the window's own shortcuts (modifiers, function keys) are left out:
 * they open dialogs, which is not what this test is about. */
static const guint keysyms[] = {
  GDK_KEY_Left, GDK_KEY_Right, GDK_KEY_Up, GDK_KEY_Down, GDK_KEY_Home, GDK_KEY_End,
  GDK_KEY_equal, GDK_KEY_minus, GDK_KEY_KP_Add, GDK_KEY_KP_Subtract, GDK_KEY_Return,
  GDK_KEY_KP_Enter, GDK_KEY_Escape, GDK_KEY_space, GDK_KEY_Page_Up, GDK_KEY_Page_Down,
  GDK_KEY_a, GDK_KEY_z,
};

typedef struct {
  MerWindow   *window;
  MerDocument *document;
  Display     *display;
  Window       xid;
  GRand       *rand;
  GtkWidget   *targets[2];
  guint        n_painted;
  gboolean     verbose;
} Monkey;

/* Handles every event sent so far, and what they caused. */
static void
settle (Monkey *self)
{
  XSync (self->display, False);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
on_after_paint (GdkFrameClock *clock,
                Monkey        *self)
{
  self->n_painted++;
}

/* Lets a frame be drawn, so that painting runs on the state the actions left
 * behind; gives up after half a second. */
static void
wait_for_frame (Monkey *self)
{
  guint before = self->n_painted;
  gint64 deadline = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

  gtk_widget_queue_draw (GTK_WIDGET (self->window));
  while (self->n_painted == before && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}

/* A random point of what the window shows of @widget, in the screen's
 * coordinates; FALSE if none of it is visible. Part of a widget can lie
 * outside the window when its parent gives it less than its minimum size. */
static gboolean
random_point (Monkey    *self,
              GtkWidget *widget,
              int       *x,
              int       *y)
{
  GtkWidget *window = GTK_WIDGET (self->window);
  graphene_rect_t bounds, shown;
  graphene_rect_t inside = GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (window), gtk_widget_get_height (window));
  double surface_x, surface_y;
  int origin_x, origin_y;
  Window child;

  /* A pixel off the widget's edges: on the edge itself, the neighbour
   * there (the header bar above the map) picks the pointer as well, and
   * may be the one that gets it. */
  if (!gtk_widget_compute_bounds (widget, window, &bounds) ||
      !graphene_rect_intersection (&bounds, &inside, &shown) ||
      shown.size.width < 3 || shown.size.height < 3)
    return FALSE;
  graphene_rect_inset (&shown, 1, 1);

  gtk_native_get_surface_transform (GTK_NATIVE (window), &surface_x, &surface_y);
  XTranslateCoordinates (self->display, self->xid, DefaultRootWindow (self->display), 0, 0,
                         &origin_x, &origin_y, &child);
  *x = origin_x + (int) floor (surface_x + g_rand_double_range (self->rand, shown.origin.x,
                                                                  shown.origin.x + shown.size.width));
  *y = origin_y + (int) floor (surface_y + g_rand_double_range (self->rand, shown.origin.y,
                                                                  shown.origin.y + shown.size.height));
  return TRUE;
}

static void
move_to (Monkey *self,
         int     x,
         int     y)
{
  XTestFakeMotionEvent (self->display, -1, x, y, CurrentTime);
}

static void
press_button (Monkey *self,
              guint   button)
{
  XTestFakeButtonEvent (self->display, button, True, CurrentTime);
  XTestFakeButtonEvent (self->display, button, False, CurrentTime);
}

/* Sends one random action to @target. GTK 4 handles the input that arrived
 * since the last frame at the start of the next one, so an action's events
 * are all sent first and then handled together, as a quick hand's would
 * be: one frame per action, not one per event. */
static void
do_action (Monkey    *self,
           GtkWidget *target)
{
  guint total = 0, pick;
  ActionKind kind = 0;
  int x, y;

  for (guint i = 0; i < N_ACTION_KINDS; i++)
    total += action_weights[i];
  pick = g_rand_int_range (self->rand, 0, (gint32) total);
  while (pick >= action_weights[kind])
    pick -= action_weights[kind++];

  if (!random_point (self, target, &x, &y))
    return;
  if (self->verbose)
    g_test_message ("%s at %d,%d on the %s", action_names[kind], x, y, G_OBJECT_TYPE_NAME (target));
  move_to (self, x, y);

  switch (kind)
    {
    case ACTION_CLICK:
      press_button (self, g_rand_int_range (self->rand, 0, 8) == 0 ? 3 : 1);
      break;

    case ACTION_DOUBLE_CLICK:
      press_button (self, 1);
      press_button (self, 1);
      break;

    case ACTION_DRAG:
      {
        guint n_steps = g_rand_int_range (self->rand, 2, 12);
        int to_x, to_y;

        if (!random_point (self, target, &to_x, &to_y))
          {
            to_x = x;
            to_y = y;
          }
        XTestFakeButtonEvent (self->display, 1, True, CurrentTime);
        for (guint i = 1; i <= n_steps; i++)
          move_to (self, x + (to_x - x) * (int) i / (int) n_steps, y + (to_y - y) * (int) i / (int) n_steps);
        XTestFakeButtonEvent (self->display, 1, False, CurrentTime);
      }
      break;

    case ACTION_WHEEL:
      {
        /* Buttons 4 and 5 turn the wheel up and down, 6 and 7 left and right. */
        guint button = g_rand_int_range (self->rand, 0, 5) == 0 ? g_rand_int_range (self->rand, 6, 8)
                                                                 : g_rand_int_range (self->rand, 4, 6);
        guint n_notches = g_rand_int_range (self->rand, 1, 4);

        for (guint i = 0; i < n_notches; i++)
          press_button (self, button);
      }
      break;

    case ACTION_KEY:
      {
        guint keysym = keysyms[g_rand_int_range (self->rand, 0, G_N_ELEMENTS (keysyms))];
        KeyCode keycode = XKeysymToKeycode (self->display, keysym);

        gtk_widget_grab_focus (target);
        XTestFakeKeyEvent (self->display, keycode, True, CurrentTime);
        XTestFakeKeyEvent (self->display, keycode, False, CurrentTime);
      }
      break;

    case ACTION_MOVE:
    case N_ACTION_KINDS:
    default:
      break;
    }

  settle (self);
}

/* @item, if set, must be the document's own item of that id. */
#define assert_in_document(lookup, item, get_id) \
  G_STMT_START { \
    if ((item) != NULL) \
      g_assert_true (lookup (self->document, get_id (item)) == (item)); \
  } G_STMT_END

static void
check_state (Monkey *self)
{
  MerState *state = mer_window_get_state (self->window);
  MerTimelineViewport *viewport = mer_timeline_get_viewport (mer_window_get_timeline (self->window));
  MerMapView view;
  double start, end;

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (self->window)));
  /* A dragged marker or a context menu edits the story: the document
   * shown is then the edit's latest. */
  if (mer_window_get_edit (self->window) != NULL)
    self->document = mer_edit_get_document (mer_window_get_edit (self->window));
  g_assert_true (mer_window_get_document (self->window) == self->document);
  g_assert_true (mer_state_get_document (state) == self->document);

  assert_in_document (mer_document_lookup_event, mer_state_get_selected_event (state), mer_event_get_id);
  assert_in_document (mer_document_lookup_event, mer_state_get_hovered_event (state), mer_event_get_id);
  assert_in_document (mer_document_lookup_region, mer_state_get_selected_region (state), mer_region_get_id);
  assert_in_document (mer_document_lookup_region, mer_state_get_hovered_region (state), mer_region_get_id);

  if (mer_state_get_time_window (state, &start, &end))
    {
      g_assert_true (isfinite (start) && isfinite (end));
      g_assert_cmpfloat (start, <=, end);
    }

  start = mer_timeline_viewport_get_start (viewport);
  end = mer_timeline_viewport_get_end (viewport);
  g_assert_true (isfinite (start) && isfinite (end));
  g_assert_cmpfloat (start, <, end);

  mer_map_widget_get_map_view (mer_window_get_map (self->window), &view);
  g_assert_true (isfinite (view.lat) && isfinite (view.lon));
  g_assert_cmpfloat (fabs (view.lat), <=, 90);
  g_assert_cmpfloat (view.zoom, >=, MER_MAP_MIN_ZOOM);
  g_assert_cmpfloat (view.zoom, <=, MER_MAP_MAX_ZOOM);
}

static guint
env_uint (const char *name,
          guint       fallback)
{
  const char *value = g_getenv (name);

  return value != NULL && *value != '\0' ? (guint) g_ascii_strtoull (value, NULL, 10) : fallback;
}

static void
test_monkey (void)
{
  g_autofree char *story = mer_cli_find_bundled_story ();
  guint seed = env_uint ("MERIDIAN_MONKEY_SEED", g_random_int ());
  guint n_actions = env_uint ("MERIDIAN_MONKEY_ACTIONS", DEFAULT_N_ACTIONS);
  Monkey monkey = { 0 };
  Monkey *self = &monkey;
  GdkSurface *surface;
  GdkFrameClock *clock;
  gulong paint_handler;
  int event_base, error_base, major, minor;

  g_test_message ("seed %u (replay with MERIDIAN_MONKEY_SEED=%u; MERIDIAN_MONKEY_VERBOSE=1 lists the actions)",
                  seed, seed);
  self->verbose = env_uint ("MERIDIAN_MONKEY_VERBOSE", 0) != 0;
  self->rand = g_rand_new_with_seed (seed);

  self->window = mer_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (self->window), 1024, 700);
  g_assert_true (mer_window_open_path (self->window, story));
  gtk_window_present (GTK_WINDOW (self->window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (self->window)))
    g_main_context_iteration (NULL, TRUE);

  surface = gtk_native_get_surface (GTK_NATIVE (self->window));
  self->display = GDK_DISPLAY_XDISPLAY (gdk_surface_get_display (surface));
  self->xid = GDK_SURFACE_XID (surface);
  g_assert_true (XTestQueryExtension (self->display, &event_base, &error_base, &major, &minor));
  /* No window manager runs under Xvfb: give the window the keyboard. */
  XSetInputFocus (self->display, self->xid, RevertToParent, CurrentTime);
  clock = gdk_surface_get_frame_clock (surface);
  paint_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), self);

  self->document = mer_window_get_document (self->window);
  self->targets[0] = GTK_WIDGET (mer_window_get_map (self->window));
  self->targets[1] = GTK_WIDGET (mer_window_get_timeline (self->window));
  wait_for_frame (self);
  check_state (self);

  for (guint i = 0; i < n_actions; i++)
    {
      do_action (self, self->targets[g_rand_int_range (self->rand, 0, G_N_ELEMENTS (self->targets))]);
      if (i % 25 == 0)
        wait_for_frame (self);
      check_state (self);
    }

  g_test_message ("%u actions, %u frames drawn", n_actions, self->n_painted);
  g_assert_cmpuint (self->n_painted, >, n_actions / 25 / 2);

  g_signal_handler_disconnect (clock, paint_handler);
  gtk_window_destroy (GTK_WINDOW (self->window));
  g_rand_free (self->rand);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* What the widgets draw is the same with any GSK renderer; GL under Xvfb
   * is software and several times slower than cairo. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);

  /* Exit status 77 tells meson the test was skipped. */
  if (!gtk_init_check ())
    {
      g_printerr ("no display: run under xvfb-run\n");
      return 77;
    }
  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      g_printerr ("the monkey sends its input through XTest: run under X11\n");
      return 77;
    }
  /* Moves are instant, so that a seed replays the same run. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  /* libadwaita styles the window, as in MerApplication; after animations
   * are off, so that its style manager leaves them off. */
  adw_init ();

  g_test_add_func ("/app/monkey", test_monkey);

  return g_test_run ();
}

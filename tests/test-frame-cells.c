/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-frame-cells"

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <gtk/gtk.h>

#include "mer-cli.h"
#include "mer-map-widget.h"
#include "mer-overlay-layer.h"
#include "mer-timeline.h"
#include "mer-window.h"
#include "window-test-utils.h"

/* The map's overlay and the timeline hand GTK their drawing as cells (see
 * MerCellCache): what they put on screen is, pixel for pixel, what their
 * painters draw in one piece; a frame in which nothing changed makes no
 * new cell; hovering an event makes new cells only round its marker and
 * its ring (cells are made under the cairo renderer only). "As their painters draw in one piece" is as the widgets drew
 * before cells: into one cairo node the size of the widget. Runs once with GTK's default renderer and once with cairo.
 * Without a display the tests cannot run: exit 77. */

typedef struct {
  MerWindow *window;
  MerState  *state;
} Fixture;

static gboolean
is_type (GtkWidget     *widget,
         gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data));
}

/* Cells under the cairo renderer only; the GL renderers get one node. */
static gboolean
drawn_in_cells (Fixture *fixture)
{
  return GSK_IS_CAIRO_RENDERER (gtk_native_get_renderer (GTK_NATIVE (fixture->window)));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *story = mer_cli_find_bundled_story ();

  fixture->window = mer_window_new (NULL);
  fixture->state = mer_window_get_state (fixture->window);
  g_assert_true (mer_window_open_path (fixture->window, story));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1400, 900);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_until (widget_mapped, fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
}

/* The widget's nodes drawn onto a transparent image, as the cairo renderer
 * draws them (and as the GL renderer samples their textures: at whole
 * pixels). */
static cairo_surface_t *
render_nodes (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (image);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (image);
  return image;
}

/* The widget drawn by @draw as it was before cells, in one cairo node the
 * size of the widget: recorded, then drawn onto a transparent image as GTK
 * draws a cairo node. */
static cairo_surface_t *
draw_in_one_node (GtkWidget *widget,
                  void     (*draw) (GtkWidget *widget,
                                    cairo_t   *cr))
{
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autoptr(GskRenderNode) node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = gsk_cairo_node_get_draw_context (node);

  draw (widget, cr);
  cairo_destroy (cr);
  cr = cairo_create (image);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (image);
  return image;
}

static void
draw_overlay (GtkWidget *widget,
              cairo_t   *cr)
{
  mer_overlay_layer_draw (MER_OVERLAY_LAYER (widget), cr);
}

static void
draw_timeline (GtkWidget *widget,
               cairo_t   *cr)
{
  mer_timeline_draw (MER_TIMELINE (widget), cr);
}

/* The two images are the same; returns how many pixels have ink. */
static guint
assert_same_pixels (cairo_surface_t *expected,
                    cairo_surface_t *got)
{
  int width = cairo_image_surface_get_width (expected), height = cairo_image_surface_get_height (expected);
  int stride = cairo_image_surface_get_stride (expected);
  const guint32 *e = (const guint32 *) cairo_image_surface_get_data (expected);
  const guint32 *g = (const guint32 *) cairo_image_surface_get_data (got);
  guint ink = 0;

  cairo_surface_flush (expected);
  g_assert_cmpint (cairo_image_surface_get_width (got), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (got), ==, height);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        if (e[y * stride / 4 + x] != g[y * stride / 4 + x])
          g_error ("pixel %d,%d is %08x on screen, %08x as drawn", x, y, g[y * stride / 4 + x],
                   e[y * stride / 4 + x]);
        ink += e[y * stride / 4 + x] != 0;
      }
  return ink;
}

/* What @widget puts on screen now is what @draw draws in one piece. */
static void
assert_as_drawn (GtkWidget *widget,
                 void     (*draw) (GtkWidget *widget,
                                   cairo_t   *cr))
{
  cairo_surface_t *screen = render_nodes (widget);
  cairo_surface_t *drawn = draw_in_one_node (widget, draw);

  assert_same_pixels (drawn, screen);
  cairo_surface_destroy (screen);
  cairo_surface_destroy (drawn);
}

static void
test_overlay (Fixture       *fixture,
              gconstpointer  data)
{
  MerMapWidget *map = mer_window_get_map (fixture->window);
  MerOverlayLayer *overlay = MER_OVERLAY_LAYER (find_widget (GTK_WIDGET (map), is_type,
                                                             GSIZE_TO_POINTER (MER_TYPE_OVERLAY_LAYER)));
  g_autoptr(GArray) markers = g_array_new (FALSE, FALSE, sizeof (MerEventHit));
  g_autoptr(GPtrArray) regions = NULL;
  MerDocument *document = mer_window_get_document (fixture->window);
  cairo_surface_t *screen, *drawn;
  MerEvent *hovered = NULL;
  guint n_cells, n_new, ink;

  /* Hokkaido and the southern Kurils: regions, markers, rings, labels. */
  mer_map_widget_go_to (map, &(MerView) { 44.5, 145, 6 }, FALSE);
  wait_for_frame (GTK_WIDGET (overlay));

  screen = render_nodes (GTK_WIDGET (overlay));
  drawn = draw_in_one_node (GTK_WIDGET (overlay), draw_overlay);
  ink = assert_same_pixels (drawn, screen);
  g_test_message ("overlay: %u pixels with ink", ink);
  g_assert_cmpuint (ink, >, 20000);
  cairo_surface_destroy (screen);
  cairo_surface_destroy (drawn);

  /* Nothing changed: every cell is kept. The cells with ink are fewer than
   * the layer's. */
  wait_for_frame (GTK_WIDGET (overlay));
  n_cells = mer_overlay_layer_get_n_cells (overlay, &n_new);
  if (drawn_in_cells (fixture))
    {
      g_assert_cmpuint (n_new, ==, 0);
      g_assert_cmpuint (n_cells, >, 10);
      g_assert_cmpuint (n_cells, <, (guint) (gtk_widget_get_width (GTK_WIDGET (overlay)) / 64 + 1) *
                                    (guint) (gtk_widget_get_height (GTK_WIDGET (overlay)) / 64 + 1));
    }
  else
    g_assert_cmpuint (n_cells, ==, 1);

  /* A hovered marker's ring: a few new cells round it. */
  mer_overlay_layer_list_markers (overlay, markers);
  for (guint i = 0; i < markers->len && hovered == NULL; i++)
    hovered = g_array_index (markers, MerEventHit, i).event;
  g_assert_nonnull (hovered);
  mer_state_set_hovered_event (fixture->state, hovered);
  wait_for_frame (GTK_WIDGET (overlay));
  n_cells = mer_overlay_layer_get_n_cells (overlay, &n_new);
  g_test_message ("overlay: %u new cells of %u after a hover", n_new, n_cells);
  g_assert_cmpuint (n_new, >, 0);
  if (drawn_in_cells (fixture))
    g_assert_cmpuint (n_new, <=, n_cells / 4);

  assert_as_drawn (GTK_WIDGET (overlay), draw_overlay);

  /* Every region emphasised: the regions, kept from a frame to the next
   * until then, are drawn again. */
  regions = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (mer_document_get_regions (document)); i++)
    g_ptr_array_add (regions, g_list_model_get_item (mer_document_get_regions (document), i));
  g_assert_cmpuint (regions->len, >, 0);
  mer_state_set_highlighted_regions (fixture->state, (MerRegion * const *) regions->pdata, regions->len);
  wait_for_frame (GTK_WIDGET (overlay));
  n_cells = mer_overlay_layer_get_n_cells (overlay, &n_new);
  g_test_message ("overlay: %u new cells of %u with every region emphasised", n_new, n_cells);
  g_assert_cmpuint (n_new, >, 0);

  assert_as_drawn (GTK_WIDGET (overlay), draw_overlay);

  /* Then one region only, then none: the regions are drawn again where
   * those whose emphasis changed lie, the same pixels as drawn whole. */
  for (guint n = 1; n <= 2; n++)
    {
      mer_state_set_highlighted_regions (fixture->state, (MerRegion * const *) regions->pdata, 2 - n);
      wait_for_frame (GTK_WIDGET (overlay));
      assert_as_drawn (GTK_WIDGET (overlay), draw_overlay);
    }
}


/* Frame after frame in one view, the cells rasterised again only round
 * what changed (markers, rings, labels, regions): every event hovered,
 * then selected (the frame before its flight starts), then a time window
 * round it that fades the others; each frame as drawn whole. */
static void
test_overlay_follows_changes (Fixture       *fixture,
                              gconstpointer  data)
{
  MerMapWidget *map = mer_window_get_map (fixture->window);
  MerOverlayLayer *overlay = MER_OVERLAY_LAYER (find_widget (GTK_WIDGET (map), is_type,
                                                             GSIZE_TO_POINTER (MER_TYPE_OVERLAY_LAYER)));
  GListModel *events = mer_document_get_events (mer_window_get_document (fixture->window));

  /* Only cells are rasterised again in parts. */
  if (!drawn_in_cells (fixture))
    {
      g_test_skip ("one node under the GL renderers");
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (events); i += 2)
    {
      g_autoptr(MerEvent) event = g_list_model_get_item (events, i);
      double start = (double) mer_event_get_first_second (event);

      mer_map_widget_go_to (map, &(MerView) { 44.5, 145, 6 }, FALSE);
      wait_for_frame (GTK_WIDGET (overlay));

      mer_state_set_hovered_event (fixture->state, event);
      wait_for_frame (GTK_WIDGET (overlay));
      assert_as_drawn (GTK_WIDGET (overlay), draw_overlay);

      mer_state_set_selected_event (fixture->state, event);
      wait_for_frame (GTK_WIDGET (overlay));
      assert_as_drawn (GTK_WIDGET (overlay), draw_overlay);

      mer_state_set_hovered_event (fixture->state, NULL);
      mer_state_set_time_window (fixture->state, start, start + 20 * 365.25 * 86400);
      wait_for_frame (GTK_WIDGET (overlay));
      assert_as_drawn (GTK_WIDGET (overlay), draw_overlay);
      mer_state_clear_time_window (fixture->state);
    }
}

static void
test_timeline (Fixture       *fixture,
               gconstpointer  data)
{
  MerTimeline *timeline = mer_window_get_timeline (fixture->window);
  MerDocument *document = mer_window_get_document (fixture->window);
  g_autoptr(MerEvent) event = g_list_model_get_item (mer_document_get_events (document), 3);
  cairo_surface_t *screen, *drawn;
  guint n_cells, n_new, ink;
  double x, y;

  wait_for_frame (GTK_WIDGET (timeline));
  screen = render_nodes (GTK_WIDGET (timeline));
  drawn = draw_in_one_node (GTK_WIDGET (timeline), draw_timeline);
  ink = assert_same_pixels (drawn, screen);
  g_test_message ("timeline: %u pixels with ink", ink);
  g_assert_cmpuint (ink, >, 10000);
  cairo_surface_destroy (screen);
  cairo_surface_destroy (drawn);

  wait_for_frame (GTK_WIDGET (timeline));
  n_cells = mer_timeline_get_n_cells (timeline, &n_new);
  if (drawn_in_cells (fixture))
    {
      g_assert_cmpuint (n_new, ==, 0);
      g_assert_cmpuint (n_cells, >, 10);
    }
  else
    g_assert_cmpuint (n_cells, ==, 1);

  /* An event's hover ring: new cells round its mark only. */
  g_assert_true (mer_timeline_get_event_position (timeline, event, &x, &y));
  mer_state_set_hovered_event (fixture->state, event);
  wait_for_frame (GTK_WIDGET (timeline));
  n_cells = mer_timeline_get_n_cells (timeline, &n_new);
  g_test_message ("timeline: %u new cells of %u after a hover", n_new, n_cells);
  g_assert_cmpuint (n_new, >, 0);
  if (drawn_in_cells (fixture))
    g_assert_cmpuint (n_new, <=, 4);

  assert_as_drawn (GTK_WIDGET (timeline), draw_timeline);
}

/* Frame after frame, the timeline's cells rasterised again only round the
 * events that changed: every event hovered, then selected (its ring, its
 * title floating over the rows when it has none), then a time window round
 * it; each frame as drawn whole. */
static void
test_timeline_follows_changes (Fixture       *fixture,
                               gconstpointer  data)
{
  MerTimeline *timeline = mer_window_get_timeline (fixture->window);
  GListModel *events = mer_document_get_events (mer_window_get_document (fixture->window));

  /* Only cells are rasterised again in parts. */
  if (!drawn_in_cells (fixture))
    {
      g_test_skip ("one node under the GL renderers");
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (events); i += 2)
    {
      g_autoptr(MerEvent) event = g_list_model_get_item (events, i);
      double start = (double) mer_event_get_first_second (event);

      mer_state_set_hovered_event (fixture->state, event);
      wait_for_frame (GTK_WIDGET (timeline));
      assert_as_drawn (GTK_WIDGET (timeline), draw_timeline);

      mer_state_set_selected_event (fixture->state, event);
      wait_for_frame (GTK_WIDGET (timeline));
      /* Its mark takes the focus after that frame, and is placed in the
       * next. */
      wait_for_frame (GTK_WIDGET (timeline));
      assert_as_drawn (GTK_WIDGET (timeline), draw_timeline);

      mer_state_set_hovered_event (fixture->state, NULL);
      mer_state_set_time_window (fixture->state, start, start + 20 * 365.25 * 86400);
      wait_for_frame (GTK_WIDGET (timeline));
      assert_as_drawn (GTK_WIDGET (timeline), draw_timeline);
      mer_state_clear_time_window (fixture->state);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    return 77;
  adw_init ();

  g_test_add ("/map/overlay/cells", Fixture, NULL, fixture_set_up, test_overlay, fixture_tear_down);
  g_test_add ("/map/overlay/cells-follow-changes", Fixture, NULL, fixture_set_up, test_overlay_follows_changes,
              fixture_tear_down);
  g_test_add ("/timeline/cells", Fixture, NULL, fixture_set_up, test_timeline, fixture_tear_down);
  g_test_add ("/timeline/cells-follow-changes", Fixture, NULL, fixture_set_up, test_timeline_follows_changes,
              fixture_tear_down);

  return g_test_run ();
}

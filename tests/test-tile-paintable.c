/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-tile-paintable"

#include "config.h"

#include <adwaita.h>
#include <gtk/gtk.h>
#include <math.h>

#include "mer-cli.h"
#include "mer-map-widget.h"
#include "mer-tile-paintable.h"
#include "mer-window.h"
#include "window-test-utils.h"

/* A base-map tile drawn as a cairo node (under GTK's cairo renderer) puts
 * the same pixels on screen as the texture node it replaces, at the tile's
 * size and scaled between zoom levels; the node is kept while the size is
 * the same; and the application's window under the cairo renderer draws
 * its tiles so. Without a display the tests cannot run: exit 77. */

#define TILE 256

/* A tile with what tiles have: flat colours, antialiased edges, thin
 * lines, translucency at the corner. */
static cairo_surface_t *
make_tile (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, TILE, TILE);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.80, 0.87, 0.93);
  cairo_paint (cr);
  cairo_move_to (cr, 10, 200);
  cairo_curve_to (cr, 60, 20, 180, 250, 246, 30);
  cairo_line_to (cr, 246, 246);
  cairo_line_to (cr, 10, 246);
  cairo_close_path (cr);
  cairo_set_source_rgb (cr, 0.95, 0.93, 0.88);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0.45, 0.55, 0.65);
  cairo_set_line_width (cr, 0.8);
  cairo_stroke (cr);
  for (int i = 0; i < 16; i++)
    {
      cairo_move_to (cr, 16 * i + 0.5, 0);
      cairo_line_to (cr, 16 * i + 7.3, TILE);
    }
  cairo_set_source_rgba (cr, 0.6, 0.2, 0.1, 0.5);
  cairo_set_line_width (cr, 1.3);
  cairo_stroke (cr);
  cairo_rectangle (cr, 0, 0, 40, 40);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_set_source_rgba (cr, 0.2, 0.4, 0.6, 0.4);
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The paintable drawn at @size, @dx, @dy into the window's background, as
 * GTK's cairo renderer draws nodes. */
static cairo_surface_t *
draw_paintable (GdkPaintable *paintable,
                double        dx,
                double        dy,
                double        size,
                GskRenderNode **out_node)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *target = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 400);
  cairo_t *cr = cairo_create (target);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (dx, dy));
  gdk_paintable_snapshot (paintable, snapshot, size, size);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (target);

  if (out_node != NULL)
    *out_node = g_steal_pointer (&node);
  return target;
}

static GskRenderNode *
only_child (GskRenderNode *node)
{
  while (gsk_render_node_get_node_type (node) == GSK_TRANSFORM_NODE)
    node = gsk_transform_node_get_child (node);
  return node;
}

static void
test_same_pixels (void)
{
  static const struct { double dx, dy, size; } cases[] = {
    { 0, 0, TILE },              /* at a whole zoom level */
    { 37, 11, TILE },
    { -20.25, 13.5, TILE },      /* panned by a fraction of a pixel */
    { 5, 5, TILE * 1.4142 },     /* half a zoom level in */
    { 12.7, -3.2, TILE * 0.7071 },
    { 0.5, 0.5, 300.125 },
  };
  cairo_surface_t *tile = make_tile ();
  g_autoptr(MerTilePaintable) as_texture = mer_tile_paintable_new (tile, FALSE);
  g_autoptr(MerTilePaintable) as_cairo = mer_tile_paintable_new (tile, TRUE);

  cairo_surface_destroy (tile);
  g_assert_false (mer_tile_paintable_get_cairo_nodes (as_texture));
  g_assert_true (mer_tile_paintable_get_cairo_nodes (as_cairo));
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (GDK_PAINTABLE (as_cairo)), ==, TILE);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (GDK_PAINTABLE (as_cairo)), ==, TILE);

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GskRenderNode) texture_node = NULL;
      g_autoptr(GskRenderNode) cairo_node = NULL;
      cairo_surface_t *expected = draw_paintable (GDK_PAINTABLE (as_texture), cases[c].dx, cases[c].dy,
                                                  cases[c].size, &texture_node);
      cairo_surface_t *got = draw_paintable (GDK_PAINTABLE (as_cairo), cases[c].dx, cases[c].dy,
                                             cases[c].size, &cairo_node);
      const guint32 *e = (const guint32 *) cairo_image_surface_get_data (expected);
      const guint32 *g = (const guint32 *) cairo_image_surface_get_data (got);
      int stride = cairo_image_surface_get_stride (got) / 4;
      guint n_tile_pixels = 0;

      g_assert_cmpint (gsk_render_node_get_node_type (only_child (texture_node)), ==, GSK_TEXTURE_NODE);
      g_assert_cmpint (gsk_render_node_get_node_type (only_child (cairo_node)), ==, GSK_CAIRO_NODE);
      /* Inside the tile's footprint, the same pixels: exactly when the
       * tile is at its size, within 4/255 when scaled (the cairo node's
       * image is filtered once more). Outside it and the pixel's reach
       * over the next tiles (test_no_seam()), nothing. The pixels the
       * footprint's edge crosses when it lies between pixels differ. */
      for (int y = 0; y < 400; y++)
        for (int x = 0; x < 400; x++)
          {
            gboolean inside = x >= ceil (cases[c].dx) && x + 1 <= floor (cases[c].dx + cases[c].size) &&
                              y >= ceil (cases[c].dy) && y + 1 <= floor (cases[c].dy + cases[c].size);
            gboolean outside = x + 1 <= floor (cases[c].dx) || x >= ceil (cases[c].dx + cases[c].size + 1) ||
                               y + 1 <= floor (cases[c].dy) || y >= ceil (cases[c].dy + cases[c].size + 1);
            guint32 want = e[y * stride + x], have = g[y * stride + x];
            int most = 0;

            for (int shift = 0; shift < 32; shift += 8)
              most = MAX (most, ABS ((int) ((want >> shift) & 0xff) - (int) ((have >> shift) & 0xff)));
            if (outside)
              g_assert_true (want == 0xffffffff && have == 0xffffffff);
            else if (inside && most > (cases[c].size == TILE ? 0 : 4))
              g_error ("case %u: pixel %d,%d is %08x, not %08x as a texture draws it", c, x, y, have, want);
            n_tile_pixels += inside;
          }
      g_assert_cmpuint (n_tile_pixels, >, 150 * 150);
      cairo_surface_destroy (expected);
      cairo_surface_destroy (got);
    }
}

/* Two tiles of one colour meeting between two pixels, at a fractional zoom
 * and pan: where they meet, the colour, not a light seam of the background
 * let through by both tiles' partly covered edges. */
static void
test_no_seam (void)
{
  cairo_surface_t *sea = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, TILE, TILE);
  g_autoptr(MerTilePaintable) left = NULL;
  g_autoptr(MerTilePaintable) right = NULL;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *target = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 400);
  const guint32 *pixels;
  double size = TILE * 0.7071, x0 = 20.37, y0 = 9.61;
  int stride;
  cairo_t *cr = cairo_create (sea);

  cairo_set_source_rgb (cr, 201 / 255.0, 219 / 255.0, 233 / 255.0);
  cairo_paint (cr);
  cairo_destroy (cr);
  left = mer_tile_paintable_new (sea, TRUE);
  right = mer_tile_paintable_new (sea, TRUE);
  cairo_surface_destroy (sea);

  for (int i = 0; i < 2; i++)
    {
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x0 + i * size, y0));
      gdk_paintable_snapshot (GDK_PAINTABLE (i == 0 ? left : right), snapshot, size, size);
      gtk_snapshot_restore (snapshot);
    }
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  cr = cairo_create (target);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (target);

  pixels = (const guint32 *) cairo_image_surface_get_data (target);
  stride = cairo_image_surface_get_stride (target) / 4;
  for (int y = (int) ceil (y0); y + 1 <= (int) floor (y0 + size); y++)
    g_assert_cmphex (pixels[y * stride + (int) floor (x0 + size)] & 0xffffff, ==, 0xc9dbe9);
  cairo_surface_destroy (target);
}

static void
test_node_kept (void)
{
  cairo_surface_t *tile = make_tile ();
  g_autoptr(MerTilePaintable) paintable = mer_tile_paintable_new (tile, TRUE);
  g_autoptr(GskRenderNode) first = NULL;
  g_autoptr(GskRenderNode) second = NULL;
  g_autoptr(GskRenderNode) scaled = NULL;

  cairo_surface_destroy (tile);
  cairo_surface_destroy (draw_paintable (GDK_PAINTABLE (paintable), 3, 4, TILE, &first));
  cairo_surface_destroy (draw_paintable (GDK_PAINTABLE (paintable), 90, 1, TILE, &second));
  cairo_surface_destroy (draw_paintable (GDK_PAINTABLE (paintable), 3, 4, TILE * 1.5, &scaled));

  /* Moved, the same node: the renderer's diff finds nothing changed in it. */
  g_assert_true (only_child (first) == only_child (second));
  g_assert_true (only_child (scaled) != only_child (first));
}

static gboolean
is_shumate_map (GtkWidget     *widget,
                gconstpointer  data)
{
  return SHUMATE_IS_MAP (widget);
}

typedef struct {
  guint textures;  /* texture nodes the size of a tile */
  guint cairo;     /* cairo nodes the size of a tile */
} NodeCount;

static void
count_tile_nodes (GskRenderNode *node,
                  NodeCount     *count)
{
  graphene_rect_t bounds;

  gsk_render_node_get_bounds (node, &bounds);
  switch ((int) gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        count_tile_nodes (gsk_container_node_get_child (node, i), count);
      break;

    case GSK_TRANSFORM_NODE:
      count_tile_nodes (gsk_transform_node_get_child (node), count);
      break;

    case GSK_CLIP_NODE:
      count_tile_nodes (gsk_clip_node_get_child (node), count);
      break;

    case GSK_OPACITY_NODE:
      count_tile_nodes (gsk_opacity_node_get_child (node), count);
      break;

    case GSK_TEXTURE_NODE:
      count->textures += bounds.size.width == TILE && bounds.size.height == TILE;
      break;

    case GSK_CAIRO_NODE:
      /* With the pixel it reaches over the next tile. */
      count->cairo += bounds.size.width == TILE + 1 && bounds.size.height == TILE + 1;
      break;

    default:
      break;
    }
}

static gboolean
tiles_drawn (gpointer data)
{
  MerMapWidget *map = data;

  return mer_map_widget_get_n_filled_tiles (map) > 0 && mer_map_widget_get_n_pending_tiles (map) == 0;
}

/* The window, as the application shows it, with the renderer GSK_RENDERER
 * named (the test runs once with cairo and once with the default). */
static void
test_window_tiles (void)
{
  g_autofree char *story = mer_cli_find_bundled_story ();
  MerWindow *window = mer_window_new (NULL);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer;
  NodeCount count = { 0 };
  MerMapWidget *map;
  GtkWidget *shumate;

  g_assert_true (mer_window_open_path (window, story));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (widget_mapped, window);
  map = mer_window_get_map (window);
  /* The story's view at a whole zoom level, so that tiles are drawn at
   * their size. */
  mer_map_widget_go_to (map, &(MerView) { 45, 143, 5 }, FALSE);
  wait_until (tiles_drawn, map);
  wait_for_frame (GTK_WIDGET (map));

  shumate = find_widget (GTK_WIDGET (map), is_shumate_map, NULL);
  g_assert_nonnull (shumate);
  paintable = gtk_widget_paintable_new (shumate);
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (shumate), gtk_widget_get_height (shumate));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  count_tile_nodes (node, &count);

  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  if (GSK_IS_CAIRO_RENDERER (renderer))
    {
      g_assert_cmpuint (count.textures, ==, 0);
      g_assert_cmpuint (count.cairo, >=, 6);
    }
  else
    {
      g_assert_cmpuint (count.cairo, ==, 0);
      g_assert_cmpuint (count.textures, >=, 6);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    return 77;
  adw_init ();

  g_test_add_func ("/map/tile-paintable/same-pixels", test_same_pixels);
  g_test_add_func ("/map/tile-paintable/no-seam", test_no_seam);
  g_test_add_func ("/map/tile-paintable/node-kept", test_node_kept);
  g_test_add_func ("/map/tile-paintable/window", test_window_tiles);

  return g_test_run ();
}

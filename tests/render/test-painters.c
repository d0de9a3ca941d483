/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "mer-basemap-painter.h"
#include "mer-diagnostic.h"
#include "mer-event-painter.h"
#include "mer-loader.h"
#include "mer-region-painter.h"

/* The painters draw to image surfaces and the tests read the pixels back. */

static MerDocument *story;
static MerBasemapPainter *basemap;

typedef struct {
  guint8 r, g, b;
} Pixel;

static cairo_surface_t *
create_surface (const MerMapView *view)
{
  return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) view->width, (int) view->height);
}

static Pixel
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *data;
  guint32 argb;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  argb = *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4);
  return (Pixel) { argb >> 16 & 0xff, argb >> 8 & 0xff, argb & 0xff };
}

static Pixel
pixel_at_location (cairo_surface_t  *surface,
                   const MerMapView *view,
                   double            lat,
                   double            lon)
{
  double x, y;

  mer_map_view_location_to_point (view, lat, lon, &x, &y);
  return pixel_at (surface, (int) x, (int) y);
}

static gboolean
same_color (Pixel           p,
            const MerColor *color)
{
  return abs (p.r - (int) lround (color->red * 255)) <= 1 &&
         abs (p.g - (int) lround (color->green * 255)) <= 1 &&
         abs (p.b - (int) lround (color->blue * 255)) <= 1;
}

static void
draw_map (cairo_surface_t  *surface,
          const MerMapView *view,
          gboolean          with_regions)
{
  const MerMapStyle *style = mer_map_style_get (FALSE);
  cairo_t *cr = cairo_create (surface);

  mer_basemap_painter_draw (basemap, cr, view, style);
  if (with_regions)
    {
      g_autoptr(MerRegionPainter) regions = mer_region_painter_new (mer_document_get_regions (story));

      mer_region_painter_draw (regions, cr, view, style, NULL);
    }
  cairo_destroy (cr);
}

static void
test_iturup_and_okhotsk (void)
{
  const MerMapStyle *style = mer_map_style_get (FALSE);
  MerMapView view = { 45.0, 147.5, 7, 512, 512, 1 };
  cairo_surface_t *base = create_surface (&view);
  cairo_surface_t *with_regions = create_surface (&view);

  draw_map (base, &view, FALSE);
  draw_map (with_regions, &view, TRUE);

  /* Iturup is land on the base map and carries the region over it. */
  g_assert_true (same_color (pixel_at_location (base, &view, 45.05, 147.84), &style->land));
  g_assert_false (same_color (pixel_at_location (with_regions, &view, 45.05, 147.84), &style->sea));
  g_assert_false (same_color (pixel_at_location (with_regions, &view, 45.05, 147.84), &style->land));

  /* The Sea of Okhotsk north of it is sea in both. */
  g_assert_true (same_color (pixel_at_location (base, &view, 46.2, 146.6), &style->sea));
  g_assert_true (same_color (pixel_at_location (with_regions, &view, 46.2, 146.6), &style->sea));

  cairo_surface_destroy (base);
  cairo_surface_destroy (with_regions);
}

/* Along a row through (@x, @y), counts the pixels in @region's own colour
 * (the hatch's strong lines) and the light ones between them. */
static void
count_hatch (cairo_surface_t *surface,
             MerRegion       *region,
             double           x,
             double           y,
             guint           *strong,
             guint           *light)
{
  MerColor color = mer_color_from_rgb (mer_region_get_color (region), 1);

  *strong = *light = 0;
  for (int dx = -10; dx <= 10; dx++)
    {
      Pixel p = pixel_at (surface, (int) x + dx, (int) y);
      double distance = fabs (p.r - color.red * 255) + fabs (p.g - color.green * 255) +
                        fabs (p.b - color.blue * 255);

      if (distance < 60)
        (*strong)++;
      else if (p.r > 240 && p.g > 200)
        (*light)++;
    }
}

static cairo_surface_t *
draw_regions_on_white (const MerMapView *view)
{
  g_autoptr(MerRegionPainter) regions = mer_region_painter_new (mer_document_get_regions (story));
  cairo_surface_t *surface = create_surface (view);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  mer_region_painter_draw (regions, cr, view, mer_map_style_get (FALSE), NULL);
  cairo_destroy (cr);
  return surface;
}

/* Along a row inside Iturup the disputed hatch alternates strong lines in
 * the region's colour with the lighter fill between them. */
static void
test_disputed_hatch (void)
{
  MerRegion *kurils = mer_document_lookup_region (story, "southern-kurils");
  MerRegion *hokkaido = mer_document_lookup_region (story, "hokkaido");
  MerMapView view = { 44.5, 146.0, 8, 600, 600, 1 };
  cairo_surface_t *surface = draw_regions_on_white (&view);
  guint strong, light;
  double x, y;

  mer_map_view_location_to_point (&view, 45.05, 147.84, &x, &y);
  if (x >= view.width)
    {
      /* Iturup is off this view: use Kunashir. */
      mer_map_view_location_to_point (&view, 44.05, 145.85, &x, &y);
    }
  count_hatch (surface, kurils, x, y, &strong, &light);
  g_assert_cmpuint (strong, >=, 2);
  g_assert_cmpuint (light, >=, 6);

  /* Hokkaido is not disputed: a row inside it is one flat tint. */
  {
    Pixel first, p;

    mer_map_view_location_to_point (&view, 43.5, 143.0, &x, &y);
    g_assert_cmpuint (mer_region_get_status (hokkaido), ==, MER_REGION_STATUS_UNDISPUTED);
    if (x > 10 && x < view.width - 10)
      {
        first = pixel_at (surface, (int) x - 10, (int) y);
        for (int dx = -10; dx <= 10; dx++)
          {
            p = pixel_at (surface, (int) x + dx, (int) y);
            g_assert_cmpint (abs (p.r - first.r) + abs (p.g - first.g) + abs (p.b - first.b), <=, 3);
          }
      }
  }

  cairo_surface_destroy (surface);
}

/* An occupied region is hatched as a disputed one is: Crimea, whose
 * annexation most states do not recognise, never looks like settled land. */
static void
test_occupied_hatch (void)
{
  MerRegion *crimea = mer_document_lookup_region (story, "crimea");
  MerMapView view = { 45.3, 34.4, 8, 600, 600, 1 };
  cairo_surface_t *surface = draw_regions_on_white (&view);
  guint strong, light;
  double x, y;

  g_assert_cmpuint (mer_region_get_status (crimea), ==, MER_REGION_STATUS_OCCUPIED);
  g_assert_true (mer_region_is_contested (crimea));
  mer_map_view_location_to_point (&view, 45.3, 34.4, &x, &y);
  count_hatch (surface, crimea, x, y, &strong, &light);
  g_assert_cmpuint (strong, >=, 2);
  g_assert_cmpuint (light, >=, 6);

  cairo_surface_destroy (surface);
}

/* Polygons crossing ±180° are split when the data is prepared; if one were
 * not, it would draw as a band of land across the whole world. */
static void
test_no_band_at_zoom_0 (void)
{
  const MerMapStyle *style = mer_map_style_get (FALSE);
  MerMapView view = { 0, 0, 0, 256, 256, 1 };
  cairo_surface_t *surface = create_surface (&view);
  guint land_rows = 0;

  draw_map (surface, &view, FALSE);

  for (int y = 0; y < 256; y++)
    {
      double lat, lon;
      guint sea = 0, land = 0;

      mer_map_view_point_to_location (&view, 128, y + 0.5, &lat, &lon);
      for (int x = 0; x < 256; x++)
        {
          Pixel p = pixel_at (surface, x, y);

          sea += same_color (p, &style->sea);
          land += same_color (p, &style->land);
        }

      /* Only Antarctica spans every longitude. */
      if (lat > -60)
        {
          g_test_message ("row %d (lat %.1f): %u sea pixels", y, lat, sea);
          g_assert_cmpuint (sea, >, 0);
        }
      land_rows += land > 0;
    }

  /* And there is land to see at all. */
  g_assert_cmpuint (land_rows, >, 100);
  cairo_surface_destroy (surface);
}

static void
test_pick_region (void)
{
  g_autoptr(MerRegionPainter) regions = mer_region_painter_new (mer_document_get_regions (story));
  MerMapView view = { 45.0, 147.5, 7, 512, 512, 1 };
  double x, y;

  mer_map_view_location_to_point (&view, 45.05, 147.84, &x, &y);
  g_assert_true (mer_region_painter_pick (regions, &view, x, y) ==
                 mer_document_lookup_region (story, "southern-kurils"));

  mer_map_view_location_to_point (&view, 45.95, 150.0, &x, &y);
  g_assert_true (mer_region_painter_pick (regions, &view, x, y) ==
                 mer_document_lookup_region (story, "kuril-islands"));

  mer_map_view_location_to_point (&view, 46.2, 146.6, &x, &y);
  g_assert_null (mer_region_painter_pick (regions, &view, x, y));
}

static void
test_pick_event (void)
{
  g_autoptr(MerEventPainter) events = mer_event_painter_new (mer_document_get_events (story));
  g_autoptr(MerState) state = mer_state_new ();
  MerEvent *summit = mer_document_lookup_event (story, "nagato-summit");
  MerMapView view = { 34.37, 131.18, 9, 400, 400, 1 };
  MerEventHit hit;

  mer_state_set_document (state, story);

  /* Nagato is at the centre of the view; only the summit happened there. */
  g_assert_true (mer_event_painter_pick (events, &view, state, 201, 199, &hit));
  g_assert_true (hit.event == summit);
  g_assert_cmpuint (hit.count, ==, 1);
  g_assert_false (mer_event_painter_pick (events, &view, state, 20, 20, &hit));

  /* Selected, it is still found where it is, now drawn on top. */
  mer_state_set_selected_event (state, summit);
  g_assert_true (mer_event_painter_pick (events, &view, state, 200, 200, &hit));
  g_assert_true (hit.event == summit);
}

static void
test_clusters (void)
{
  g_autoptr(MerEventPainter) events = mer_event_painter_new (mer_document_get_events (story));
  MerMapView view = { 40.0, 140.0, 1, 300, 300, 1 };
  MerEventHit hit;
  double x, y;

  /* 53 events are few enough to draw one by one, even zoomed out. */
  mer_map_view_location_to_point (&view, 34.37, 131.18, &x, &y);
  g_assert_true (mer_event_painter_pick (events, &view, NULL, x, y, &hit));
  g_assert_cmpuint (hit.count, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = g_build_filename (SRCDIR, "data", "events", "russia-japan.json", NULL);
  g_autofree char *basemap_path = NULL;
  g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
  g_autoptr(MerBasemap) data = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  story = mer_loader_load_file (path, NULL, diagnostics, &error);
  g_assert_no_error (error);
  basemap_path = mer_basemap_find_default_path ();
  data = mer_basemap_new_from_file (basemap_path, &error);
  g_assert_no_error (error);
  basemap = mer_basemap_painter_new (data);

  g_test_add_func ("/render/basemap/iturup-and-okhotsk", test_iturup_and_okhotsk);
  g_test_add_func ("/render/basemap/no-band-at-zoom-0", test_no_band_at_zoom_0);
  g_test_add_func ("/render/regions/disputed-hatch", test_disputed_hatch);
  g_test_add_func ("/render/regions/occupied-hatch", test_occupied_hatch);
  g_test_add_func ("/render/regions/pick", test_pick_region);
  g_test_add_func ("/render/events/pick", test_pick_event);
  g_test_add_func ("/render/events/clusters", test_clusters);

  status = g_test_run ();

  mer_basemap_painter_unref (basemap);
  g_object_unref (story);
  return status;
}

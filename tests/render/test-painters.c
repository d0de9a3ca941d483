/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "mer-basemap-painter.h"
#include "mer-diagnostic.h"
#include "mer-event-painter.h"
#include "mer-export.h"
#include "mer-loader.h"
#include "mer-region-painter.h"
#include "mer-timeline-painter.h"

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

  /* The geometry alone: the names would cover the pixels the tests read. */
  mer_basemap_painter_draw_map (basemap, cr, view, style);
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

/* Tiles draw rivers, not only coasts: the Amur past Khabarovsk. Their
 * names are the overlay's (test-labels). */
static void
test_basemap_rivers (void)
{
  const MerMapStyle *style = mer_map_style_get (FALSE);
  MerMapView amur = { 48.4, 135.0, 7, 512, 512, 1 };
  cairo_surface_t *river = create_surface (&amur);
  double x, y;

  /* Khabarovsk stands where the Ussuri meets the Amur; the river runs past it. */
  draw_map (river, &amur, FALSE);
  {
    guint blue = 0;

    for (int py = 0; py < 512; py++)
      for (int px = 0; px < 512; px++)
        blue += same_color (pixel_at (river, px, py), &style->river);
    g_test_message ("%u river pixels", blue);
    g_assert_cmpuint (blue, >, 200);
  }
  mer_map_view_location_to_point (&amur, 48.48, 135.08, &x, &y);
  g_assert_true (x > 0 && x < 512 && y > 0 && y < 512);

  cairo_surface_destroy (river);
}

/* Along a row through (@x, @y), counts the pixels in @region's own colour
 * (the hatch's strong lines) and the light ones between them: the tint
 * over the land colour that a region with a history paints the base map
 * over with. */
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
      else if (p.r > 225 && p.g > 190)
        (*light)++;
    }
}

static cairo_surface_t *
draw_regions_as_of (const MerMapView *view,
                    MerState         *state)
{
  g_autoptr(MerRegionPainter) regions = mer_region_painter_new (mer_document_get_regions (story));
  cairo_surface_t *surface = create_surface (view);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  mer_region_painter_draw (regions, cr, view, mer_map_style_get (FALSE), state);
  cairo_destroy (cr);
  return surface;
}

static cairo_surface_t *
draw_regions_on_white (const MerMapView *view)
{
  return draw_regions_as_of (view, NULL);
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

static MerState *
state_as_of (const char *date)
{
  MerState *state = mer_state_new ();
  MerDate parsed;

  g_assert_true (mer_date_parse (date, &parsed, NULL));
  mer_state_set_document (state, story);
  mer_state_set_time_window (state, mer_date_first_second (&parsed) - 86400 * 365, mer_date_last_second (&parsed));
  return state;
}

static gboolean
is_white (Pixel p)
{
  return p.r == 255 && p.g == 255 && p.b == 255;
}

/* Regions are drawn as of the end of the time window: in 1920 only
 * Karafuto, south of 50°N, is Sakhalin's tinted outline; in 1950 the whole
 * island is. Crimea is hatched from 2014, not in 2000. Picking follows. */
static void
test_regions_as_of (void)
{
  MerMapView sakhalin_view = { 50.0, 142.8, 5, 400, 600, 1 };
  MerMapView crimea_view = { 45.3, 34.4, 8, 600, 600, 1 };
  MerRegion *crimea = mer_document_lookup_region (story, "crimea");
  MerRegion *sakhalin = mer_document_lookup_region (story, "sakhalin");
  g_autoptr(MerState) in_1920 = state_as_of ("1920");
  g_autoptr(MerState) in_1950 = state_as_of ("1950");
  g_autoptr(MerState) in_2000 = state_as_of ("2000");
  g_autoptr(MerState) in_2015 = state_as_of ("2015");
  g_autoptr(MerRegionPainter) painter = mer_region_painter_new (mer_document_get_regions (story));
  cairo_surface_t *surface;
  guint strong, light;
  double x, y;

  surface = draw_regions_as_of (&sakhalin_view, in_1920);
  g_assert_false (is_white (pixel_at_location (surface, &sakhalin_view, 47.0, 142.7)));
  g_assert_true (is_white (pixel_at_location (surface, &sakhalin_view, 52.0, 143.0)));
  cairo_surface_destroy (surface);
  surface = draw_regions_as_of (&sakhalin_view, in_1950);
  g_assert_false (is_white (pixel_at_location (surface, &sakhalin_view, 47.0, 142.7)));
  g_assert_false (is_white (pixel_at_location (surface, &sakhalin_view, 52.0, 143.0)));
  cairo_surface_destroy (surface);

  mer_map_view_location_to_point (&sakhalin_view, 52.0, 143.0, &x, &y);
  g_assert_null (mer_region_painter_pick (painter, &sakhalin_view, x, y, in_1920));
  g_assert_true (mer_region_painter_pick (painter, &sakhalin_view, x, y, in_1950) == sakhalin);

  mer_map_view_location_to_point (&crimea_view, 45.3, 34.4, &x, &y);
  surface = draw_regions_as_of (&crimea_view, in_2000);
  count_hatch (surface, crimea, x, y, &strong, &light);
  g_assert_cmpuint (strong, ==, 0);
  cairo_surface_destroy (surface);
  surface = draw_regions_as_of (&crimea_view, in_2015);
  count_hatch (surface, crimea, x, y, &strong, &light);
  g_assert_cmpuint (strong, >=, 2);
  cairo_surface_destroy (surface);
}

/* A state whose regions are drawn as of @date, with no time window (a
 * window would emphasise the regions its events touch). */
static MerState *
state_pinned_at (const char *date)
{
  MerState *state = mer_state_new ();
  MerDate parsed;

  g_assert_true (mer_date_parse (date, &parsed, NULL));
  mer_state_set_document (state, story);
  mer_state_pin_as_of (state, mer_date_last_second (&parsed));
  return state;
}

/* The looks say what the drawing reads: two dates in the same periods of
 * every region look the same (1960 and 1970), a date where Crimea is
 * contested (2015 against 2000) or Sakhalin's outline differs (1920
 * against 1950) does not, and an emphasised region looks emphasised. */
static void
test_region_looks (void)
{
  g_autoptr(MerRegionPainter) painter = mer_region_painter_new (mer_document_get_regions (story));
  g_autoptr(MerState) in_1920 = state_pinned_at ("1920");
  g_autoptr(MerState) in_1950 = state_pinned_at ("1950");
  g_autoptr(MerState) in_1960 = state_pinned_at ("1960");
  g_autoptr(MerState) in_1970 = state_pinned_at ("1970");
  g_autoptr(MerState) in_2000 = state_pinned_at ("2000");
  g_autoptr(MerState) in_2015 = state_pinned_at ("2015");
  g_autoptr(GArray) a = g_array_new (FALSE, TRUE, sizeof (MerRegionLook));
  g_autoptr(GArray) b = g_array_new (FALSE, TRUE, sizeof (MerRegionLook));
  MerRegion *crimea = mer_document_lookup_region (story, "crimea");
  MerRegion *sakhalin = mer_document_lookup_region (story, "sakhalin");
  GListModel *regions = mer_document_get_regions (story);
  guint n = g_list_model_get_n_items (regions);
  guint crimea_at = n, sakhalin_at = n;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MerRegion) region = g_list_model_get_item (regions, i);

      crimea_at = region == crimea ? i : crimea_at;
      sakhalin_at = region == sakhalin ? i : sakhalin_at;
    }
  g_assert_cmpuint (crimea_at, <, n);
  g_assert_cmpuint (sakhalin_at, <, n);

  mer_region_painter_get_looks (painter, in_1960, a);
  mer_region_painter_get_looks (painter, in_1970, b);
  g_assert_cmpuint (a->len, ==, n);
  g_assert_cmpmem (a->data, a->len * sizeof (MerRegionLook), b->data, b->len * sizeof (MerRegionLook));

  mer_region_painter_get_looks (painter, in_1950, a);
  mer_region_painter_get_looks (painter, in_1920, b);
  g_assert_true (g_array_index (a, MerRegionLook, sakhalin_at).shape !=
                 g_array_index (b, MerRegionLook, sakhalin_at).shape);

  mer_region_painter_get_looks (painter, in_2000, a);
  mer_region_painter_get_looks (painter, in_2015, b);
  g_assert_false (g_array_index (a, MerRegionLook, crimea_at).contested);
  g_assert_true (g_array_index (b, MerRegionLook, crimea_at).contested);
  g_assert_false (g_array_index (b, MerRegionLook, crimea_at).emphasised);

  mer_state_set_highlighted_regions (in_2015, &crimea, 1);
  mer_region_painter_get_looks (painter, in_2015, b);
  g_assert_true (g_array_index (b, MerRegionLook, crimea_at).emphasised);
  g_assert_false (g_array_index (b, MerRegionLook, sakhalin_at).emphasised);

  /* Where a look puts ink: round Crimea in a view of it, nowhere for
   * Sakhalin there. */
  {
    MerMapView view = { 45.3, 34.4, 7, 600, 600, 1 };
    cairo_rectangle_t extents;
    double x, y;

    mer_region_painter_get_look_extents (painter, &view, &g_array_index (b, MerRegionLook, crimea_at), &extents);
    mer_map_view_location_to_point (&view, 45.3, 34.4, &x, &y);
    g_assert_cmpfloat (extents.x, <, x);
    g_assert_cmpfloat (extents.x + extents.width, >, x);
    g_assert_cmpfloat (extents.y, <, y);
    g_assert_cmpfloat (extents.y + extents.height, >, y);
    g_assert_cmpfloat (extents.width, <, 600);
    mer_region_painter_get_look_extents (painter, &view, &g_array_index (b, MerRegionLook, sakhalin_at), &extents);
    g_assert_cmpfloat (extents.width, ==, 0);
  }
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
  g_assert_true (mer_region_painter_pick (regions, &view, x, y, NULL) ==
                 mer_document_lookup_region (story, "southern-kurils"));

  mer_map_view_location_to_point (&view, 45.95, 150.0, &x, &y);
  g_assert_true (mer_region_painter_pick (regions, &view, x, y, NULL) ==
                 mer_document_lookup_region (story, "kuril-islands"));

  mer_map_view_location_to_point (&view, 46.2, 146.6, &x, &y);
  g_assert_null (mer_region_painter_pick (regions, &view, x, y, NULL));
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

/* The timeline painter draws the widget at its own measures and the
 * export's strip at three quarters of them: the same marks at both. */
typedef struct {
  const char *name;
  double      scale;
  const char *font;
} TimelineCase;

static const TimelineCase timeline_cases[] = {
  { "widget", 1, "Cantarell 11" },
  { "export-strip", 0.75, "Cantarell 8" },
};

static Pixel
expected_blend (const MerColor *under,
                const MerColor *over,
                double          alpha)
{
  return (Pixel) {
    (guint8) lround ((under->red * (1 - alpha) + over->red * alpha) * 255),
    (guint8) lround ((under->green * (1 - alpha) + over->green * alpha) * 255),
    (guint8) lround ((under->blue * (1 - alpha) + over->blue * alpha) * 255),
  };
}

static void
assert_pixel_near (Pixel p,
                   Pixel expected,
                   int   tolerance)
{
  g_test_message ("pixel %d,%d,%d, expected %d,%d,%d", p.r, p.g, p.b, expected.r, expected.g, expected.b);
  g_assert_cmpint (abs (p.r - expected.r), <=, tolerance);
  g_assert_cmpint (abs (p.g - expected.g), <=, tolerance);
  g_assert_cmpint (abs (p.b - expected.b), <=, tolerance);
}

static void
test_timeline_painter (gconstpointer data)
{
  const TimelineCase *c = data;
  const MerColor white = { 1, 1, 1, 1 };
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (c->font);
  MerTimelineStyle style = { { 0.1, 0.1, 0.1, 1 }, { 0.9, 0.1, 0.6, 1 }, white, font };
  g_autoptr(MerTimelineLayout) layout = mer_timeline_layout_new ();
  g_autoptr(MerState) state = mer_state_new ();
  MerEvent *declaration = mer_document_lookup_event (story, "joint-declaration-1956");
  MerEvent *shimoda = mer_document_lookup_event (story, "treaty-of-shimoda");
  MerEra *cold_war = NULL;
  const MerTimelineMetrics *metrics;
  MerTimelineView view = { 0, 0, 1200, 0 };
  cairo_surface_t *surface;
  PangoContext *context;
  cairo_t *cr;
  MerColor color, era_color;
  Pixel ring = { 255, 255, 255 };
  double x, y, ring_radius;

  mer_state_set_document (state, story);
  mer_state_set_selected_event (state, declaration);
  /* 1940 to 1960: Shimoda (1855) is faded. */
  mer_state_set_time_window (state, -946771200.0, -315619200.0);

  mer_timeline_layout_set_document (layout, story);
  mer_timeline_layout_set_scale (layout, c->scale);
  metrics = mer_timeline_layout_get_metrics (layout);
  view.height = ceil (mer_timeline_metrics_height (metrics, 10));
  g_assert_true (mer_timeline_layout_get_story_span (layout, &view.start, &view.end));

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) view.width, (int) view.height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  context = pango_cairo_create_context (cr);
  mer_timeline_layout_set_char_width (layout, mer_timeline_painter_get_char_width (context, font));
  mer_timeline_layout_update (layout, &view, state);
  mer_timeline_painter_draw (cr, context, &style, layout, state);
  g_object_unref (context);
  cairo_destroy (cr);

  /* The selected event's marker, on its row or over the first when the
   * rows are full, has its category's colour, whole. */
  if (!mer_timeline_layout_get_event_position (layout, declaration, &x, &y))
    {
      MerTimelinePlaced floating;

      g_assert_true (mer_timeline_layout_get_floating (layout, state, &floating));
      x = floating.x0;
      y = floating.y;
    }
  g_assert_true (mer_timeline_layout_pick (layout, state, x, y) == declaration);
  color = mer_color_from_rgb (mer_category_get_color (mer_event_get_category (declaration)), 1);
  assert_pixel_near (pixel_at (surface, (int) x, (int) y), expected_blend (&white, &color, 1), 1);

  /* Its ring, at the marker's radius and a little more, is the accent: the
   * pixel across it that the stroke covers most. */
  ring_radius = metrics->marker_radius + 3.5 * metrics->scale;
  for (int dx = -1; dx <= 1; dx++)
    {
      Pixel p = pixel_at (surface, (int) floor (x + ring_radius) + dx, (int) y);

      if (p.g < ring.g)
        ring = p;
    }
  assert_pixel_near (ring, expected_blend (&white, &style.accent, 1), 20);

  /* An event outside the time window is faded. */
  g_assert_true (mer_timeline_layout_get_event_position (layout, shimoda, &x, &y));
  color = mer_color_from_rgb (mer_category_get_color (mer_event_get_category (shimoda)), 1);
  assert_pixel_near (pixel_at (surface, (int) x, (int) y), expected_blend (&white, &color, 0.35), 2);

  /* An era's band in its colour: a light wash over the rows, stronger on
   * its title's band. */
  for (guint i = 0; i < g_list_model_get_n_items (mer_document_get_eras (story)); i++)
    {
      g_autoptr(MerEra) era = g_list_model_get_item (mer_document_get_eras (story), i);

      if (g_str_equal (mer_era_get_id (era), "cold-war"))
        cold_war = era;
    }
  g_assert_nonnull (cold_war);
  era_color = mer_color_from_rgb (mer_era_get_color (cold_war), 1);
  {
    Pixel washed = expected_blend (&white, &era_color, 0.07);
    MerColor under = { washed.r / 255.0, washed.g / 255.0, washed.b / 255.0, 1 };

    /* 1970, well past its title. */
    x = mer_timeline_view_time_to_x (&view, 0);
    assert_pixel_near (pixel_at (surface, (int) x, (int) (metrics->era_height / 2)),
                       expected_blend (&under, &era_color, 0.25), 2);
  }

  cairo_surface_destroy (surface);
}

/* Draws the story over @width × the height of @n_rows rows, from @start
 * to @end (the whole story when equal). */
static cairo_surface_t *
draw_timeline (MerTimelineLayout      *layout,
               const MerTimelineStyle *style,
               double                  width,
               guint                   n_rows,
               double                  start,
               double                  end)
{
  MerTimelineView view = { start, end, width, 0 };
  cairo_surface_t *surface;
  PangoContext *context;
  cairo_t *cr;

  mer_timeline_layout_set_document (layout, story);
  view.height = ceil (mer_timeline_metrics_height (mer_timeline_layout_get_metrics (layout), n_rows));
  if (start == end)
    g_assert_true (mer_timeline_layout_get_story_span (layout, &view.start, &view.end));

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) view.width, (int) view.height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  context = pango_cairo_create_context (cr);
  mer_timeline_layout_set_char_width (layout, mer_timeline_painter_get_char_width (context, style->font));
  mer_timeline_layout_update (layout, &view, NULL);
  mer_timeline_painter_draw (cr, context, style, layout, NULL);
  g_object_unref (context);
  cairo_destroy (cr);
  return surface;
}

/* The events without a row are counted in badges over the axis, in the
 * text's colour; zoomed in to months, the axis says the year under them,
 * at the left edge. */
static void
test_timeline_badges_and_axis (void)
{
  const MerColor white = { 1, 1, 1, 1 };
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Cantarell 11");
  MerTimelineStyle style = { { 0.1, 0.1, 0.1, 1 }, { 0.9, 0.1, 0.6, 1 }, white, font };
  g_autoptr(MerTimelineLayout) layout = mer_timeline_layout_new ();
  const MerTimelineMetrics *m = mer_timeline_layout_get_metrics (layout);
  cairo_surface_t *surface = draw_timeline (layout, &style, 600, 2, 0, 0);
  guint n_clusters, counted = 0, n_placed, dark = 0;
  const MerTimelineCluster *clusters = mer_timeline_layout_get_clusters (layout, &n_clusters);
  double top = cairo_image_surface_get_height (surface) - m->axis_height - m->badge_height;
  MerDate from, to;

  mer_timeline_layout_get_placed (layout, &n_placed);
  g_assert_cmpuint (n_clusters, >, 0);
  for (guint c = 0; c < n_clusters; c++)
    {
      int y = (int) (top + m->badge_height / 2);
      /* Over what is beside it: the background, or an era's wash. */
      Pixel beside = pixel_at (surface, MAX ((int) clusters[c].x0 - 3, 0), y);
      MerColor under = { beside.r / 255.0, beside.g / 255.0, beside.b / 255.0, 1 };

      counted += clusters[c].count;
      assert_pixel_near (pixel_at (surface, (int) (clusters[c].x0 + 2.5), y),
                         expected_blend (&under, &style.foreground, 0.7), 2);
    }
  g_assert_cmpuint (n_placed + counted, ==, g_list_model_get_n_items (mer_document_get_events (story)));
  cairo_surface_destroy (surface);

  g_assert_true (mer_date_parse ("2016-03-10", &from, NULL));
  g_assert_true (mer_date_parse ("2016-12-20", &to, NULL));
  surface = draw_timeline (layout, &style, 600, 2, mer_date_first_second (&from), mer_date_last_second (&to));
  top = cairo_image_surface_get_height (surface) - m->axis_height / 2;
  for (int y = (int) top; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < 50; x++)
      dark += pixel_at (surface, x, y).g < 128;
  g_test_message ("%u dark pixels of the year's label", dark);
  g_assert_cmpuint (dark, >, 20);
  cairo_surface_destroy (surface);
}

/* The timeline drawn on a recording, with @cache or without, onto a white
 * image. */
static cairo_surface_t *
record_timeline (MerTimelineLayout      *layout,
                 const MerTimelineStyle *style,
                 PangoContext           *context,
                 MerState               *state,
                 MerTimelineLabelCache  *cache)
{
  const MerTimelineView *view = mer_timeline_layout_get_view (layout);
  cairo_rectangle_t extents = { 0, 0, view->width, view->height };
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) view->width, (int) view->height);
  cairo_t *cr = cairo_create (recording);

  mer_timeline_painter_draw_cached (cr, context, style, layout, state, cache);
  cairo_destroy (cr);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_surface (cr, recording, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (recording);
  cairo_surface_flush (surface);
  return surface;
}

static guint
count_differences (cairo_surface_t *a,
                   cairo_surface_t *b)
{
  guint n = 0;

  for (int y = 0; y < cairo_image_surface_get_height (a); y++)
    for (int x = 0; x < cairo_image_surface_get_width (a); x++)
      {
        Pixel p = pixel_at (a, x, y), q = pixel_at (b, x, y);

        n += p.r != q.r || p.g != q.g || p.b != q.b;
      }
  return n;
}

/* The widget copies its event labels from a cache: the same pixels as the
 * labels drawn, before and after a selection makes one bold. */
static void
test_timeline_label_cache (void)
{
  const MerColor white = { 1, 1, 1, 1 };
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Cantarell 11");
  MerTimelineStyle style = { { 0.1, 0.1, 0.1, 1 }, { 0.9, 0.1, 0.6, 1 }, white, font };
  g_autoptr(MerTimelineLayout) layout = mer_timeline_layout_new ();
  g_autoptr(MerTimelineLabelCache) cache = mer_timeline_label_cache_new ();
  g_autoptr(MerState) state = mer_state_new ();
  g_autoptr(MerEvent) event = g_list_model_get_item (mer_document_get_events (story), 3);
  cairo_surface_t *drawn = draw_timeline (layout, &style, 900, 8, 0, 0);
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());

  cairo_surface_destroy (drawn);
  mer_state_set_document (state, story);
  for (guint round = 0; round < 2; round++)
    {
      cairo_surface_t *cached;

      drawn = record_timeline (layout, &style, context, state, NULL);
      cached = record_timeline (layout, &style, context, state, cache);
      g_assert_cmpuint (count_differences (drawn, cached), ==, 0);
      cairo_surface_destroy (cached);
      /* Again, from the cache. */
      cached = record_timeline (layout, &style, context, state, cache);
      g_assert_cmpuint (count_differences (drawn, cached), ==, 0);
      cairo_surface_destroy (cached);
      cairo_surface_destroy (drawn);
      mer_state_set_selected_event (state, event);
    }
  g_object_unref (context);
}

/* A selection without a row of its own floats over the first row on a
 * band: the labels it would half cover give way, their events staying
 * marks that show through the band, which a click picks, and a click
 * where such a label was picks no hidden label. */
static void
test_timeline_floating_gives_way (void)
{
  const MerColor white = { 1, 1, 1, 1 };
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Cantarell 11");
  MerTimelineStyle style = { { 0.1, 0.1, 0.1, 1 }, { 0.9, 0.1, 0.6, 1 }, white, font };
  g_autoptr(MerTimelineLayout) layout = mer_timeline_layout_new ();
  g_autoptr(MerState) state = mer_state_new ();
  GListModel *events = mer_document_get_events (story);
  cairo_surface_t *drawn = draw_timeline (layout, &style, 1232, 10, 0, 0);
  guint n_floating = 0, n_gave_way = 0;

  cairo_surface_destroy (drawn);
  mer_state_set_document (state, story);
  for (guint e = 0; e < g_list_model_get_n_items (events); e++)
    {
      g_autoptr(MerEvent) event = g_list_model_get_item (events, e);
      const MerTimelinePlaced *placed;
      MerTimelinePlaced floating;
      double band_left, band_right;
      guint n_placed;

      mer_state_set_selected_event (state, event);
      if (!mer_timeline_layout_get_floating (layout, state, &floating))
        continue;
      n_floating++;
      mer_timeline_layout_get_floating_band (layout, &floating, &band_left, &band_right);
      placed = mer_timeline_layout_get_placed (layout, &n_placed);
      for (guint i = 0; i < n_placed; i++)
        {
          const MerTimelinePlaced *p = &placed[i];
          double left, right;

          if (p->event == event || fabs (p->y - floating.y) > 1 || p->label_width <= 0)
            continue;
          mer_timeline_layout_get_reach (layout, p, 1, &left, &right);
          if (!mer_timeline_layout_gives_way (layout, &floating, p))
            {
              /* A label that stays is clear of the band. */
              g_assert_true (right <= band_left || left >= band_right);
              continue;
            }
          n_gave_way++;
          /* Its label is gone: a click on its last letters, past the band,
           * picks nothing there. */
          if (!p->label_before && right - 2 > band_right)
            g_assert_null (mer_timeline_layout_pick (layout, state, right - 2, p->y));
        }
    }
  g_test_message ("%u selections float; %u labels gave way", n_floating, n_gave_way);
  g_assert_cmpuint (n_floating, >, 0);
  g_assert_cmpuint (n_gave_way, >, 0);

  /* The marks under the band show through it: drawn, no mark's middle is
   * the band's plain colour. */
  {
    PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
    guint n_under = 0, n_picked = 0;

    for (guint e = 0; e < g_list_model_get_n_items (events); e++)
      {
        g_autoptr(MerEvent) event = g_list_model_get_item (events, e);
        const MerTimelinePlaced *placed;
        MerTimelinePlaced floating;
        double band_left, band_right, left, right;
        cairo_surface_t *surface;
        guint n_placed;

        mer_state_set_selected_event (state, event);
        if (!mer_timeline_layout_get_floating (layout, state, &floating))
          continue;
        mer_timeline_layout_get_floating_band (layout, &floating, &band_left, &band_right);
        surface = record_timeline (layout, &style, context, state, NULL);
        placed = mer_timeline_layout_get_placed (layout, &n_placed);
        for (guint i = 0; i < n_placed; i++)
          if (placed[i].event != event && fabs (placed[i].y - floating.y) <= 1 && placed[i].x0 > band_left + 2 &&
              placed[i].x0 < band_right - 2)
            {
              Pixel p = pixel_at (surface, (int) placed[i].x0, (int) placed[i].y);

              n_under++;
              if (p.r == 255 && p.g == 255 && p.b == 255)
                g_error ("%s under %s's band is not drawn", mer_event_get_id (placed[i].event),
                         mer_event_get_id (event));
              /* …and a click on one picks its event, unless the selection's
               * own mark is there. */
              mer_timeline_layout_get_reach (layout, &floating, 0, &left, &right);
              if (placed[i].x0 < left || placed[i].x0 > right)
                {
                  g_assert_true (mer_timeline_layout_pick (layout, state, placed[i].x0, placed[i].y) ==
                                 placed[i].event);
                  n_picked++;
                }
            }
        cairo_surface_destroy (surface);
      }
    g_test_message ("%u marks under a band, %u of them picked", n_under, n_picked);
    g_assert_cmpuint (n_under, >, 0);
    g_assert_cmpuint (n_picked, >, 0);
    g_object_unref (context);
  }
}

/* A span's bar runs under its own title faint, so that the title stays
 * legible: drawn with invisible text, the bar under the title is 0.2 of
 * its colour where the rest of it is 0.55. */
static void
test_timeline_bar_faint_under_label (void)
{
  const MerColor white = { 1, 1, 1, 1 };
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Cantarell 11");
  MerTimelineStyle style = { { 0.1, 0.1, 0.1, 0 }, { 0.9, 0.1, 0.6, 1 }, white, font };
  g_autoptr(MerTimelineLayout) layout = mer_timeline_layout_new ();
  cairo_surface_t *surface = draw_timeline (layout, &style, 1232, 10, 0, 0);
  const MerTimelineMetrics *m = mer_timeline_layout_get_metrics (layout);
  const MerTimelinePlaced *placed = NULL;
  guint n_placed = 0, n_checked = 0;

  placed = mer_timeline_layout_get_placed (layout, &n_placed);
  for (guint i = 0; i < n_placed; i++)
    {
      const MerTimelinePlaced *p = &placed[i];
      double under = p->x0 + m->marker_radius + m->label_gap;
      int strong_x = (int) ceil (p->x0 + m->marker_radius + m->scale + 1);
      int faint_x = (int) ((under + p->x1) / 2);
      int y = (int) round (p->y), above = (int) floor (p->y - 4 * m->scale - 3);
      Pixel strong, faint, strong_bg, faint_bg;

      if (p->x1 <= p->x0 || p->label_width <= 0 || p->label_before || strong_x + 1 > under || p->x1 - under < 4)
        continue;
      strong = pixel_at (surface, strong_x, y);
      faint = pixel_at (surface, faint_x, y);
      strong_bg = pixel_at (surface, strong_x, above);
      faint_bg = pixel_at (surface, faint_x, above);
      g_assert_cmpfloat (fabs ((faint.r - faint_bg.r) - 0.2 / 0.55 * (strong.r - strong_bg.r)), <=, 4);
      g_assert_cmpfloat (fabs ((faint.g - faint_bg.g) - 0.2 / 0.55 * (strong.g - strong_bg.g)), <=, 4);
      g_assert_cmpfloat (fabs ((faint.b - faint_bg.b) - 0.2 / 0.55 * (strong.b - strong_bg.b)), <=, 4);
      /* The bar shows: its colour is not the background's. */
      g_assert_cmpint (abs (strong.r - strong_bg.r) + abs (strong.g - strong_bg.g) + abs (strong.b - strong_bg.b), >, 30);
      n_checked++;
    }
  cairo_surface_destroy (surface);
  g_test_message ("%u spans with a title after their start", n_checked);
  g_assert_cmpuint (n_checked, >, 0);
}

/* A tick near the view's end has its label before it, not cut by the end. */
static void
test_timeline_axis_end (void)
{
  const MerColor white = { 1, 1, 1, 1 };
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Cantarell 11");
  MerTimelineStyle style = { { 0.1, 0.1, 0.1, 1 }, { 0.9, 0.1, 0.6, 1 }, white, font };
  g_autoptr(MerTimelineLayout) layout = mer_timeline_layout_new ();
  const MerTimelineMetrics *m = mer_timeline_layout_get_metrics (layout);
  MerDate from, last_tick;
  double start, tick;
  cairo_surface_t *surface;
  guint before = 0, after = 0;
  int top, x;

  /* 1950 to just past 2020, whose tick (of twenty years) is 5 pixels from the end. */
  g_assert_true (mer_date_parse ("1950", &from, NULL));
  g_assert_true (mer_date_parse ("2020", &last_tick, NULL));
  start = mer_date_first_second (&from);
  tick = mer_date_first_second (&last_tick);
  surface = draw_timeline (layout, &style, 600, 2, start, start + (tick - start) * 600 / 595);
  top = cairo_image_surface_get_height (surface) - (int) m->axis_height;
  x = 595;

  for (int y = top + 2; y < top + (int) (m->axis_height / 2); y++)
    {
      for (int i = x - 40; i < x - 1; i++)
        before += pixel_at (surface, i, y).g < 128;
      for (int i = x + 2; i < 600; i++)
        after += pixel_at (surface, i, y).g < 128;
    }
  g_test_message ("%u dark pixels before the last tick, %u after", before, after);
  g_assert_cmpuint (before, >, 20);
  g_assert_cmpuint (after, ==, 0);
  cairo_surface_destroy (surface);
}

/* The export's strip is that painter too: selecting an event rings it in
 * the strip in the accent colour, and changes nothing else. */
static void
test_export_strip_selection (void)
{
  g_autoptr(MerState) state = mer_state_new ();
  /* Mid-Atlantic: no event's place is on the map. */
  MerView atlantic = { 0, -30, 3 };
  MerExportOptions options;
  cairo_surface_t *surfaces[2];
  const MerColor accent = { 0.11, 0.44, 0.85, 1 };
  const MerColor white = { 1, 1, 1, 1 };
  Pixel expected = expected_blend (&white, &accent, 1);
  int width = 1000, height = 600, top = height, accented = 0;

  mer_state_set_document (state, story);
  mer_export_options_init (&options, story, state, &atlantic, width, height);
  options.title = options.caption = options.legend = options.scale_bar = options.attribution = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (surfaces); i++)
    {
      cairo_t *cr;

      /* A treaty, in purple: the ring is the only blue around it. */
      mer_state_set_selected_event (state, i == 0 ? NULL : mer_document_lookup_event (story, "tokyo-declaration"));
      surfaces[i] = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      cr = cairo_create (surfaces[i]);
      mer_export_draw (cr, basemap, &options, FALSE);
      cairo_destroy (cr);
    }

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        Pixel a = pixel_at (surfaces[0], x, y), b = pixel_at (surfaces[1], x, y);

        if (a.r == b.r && a.g == b.g && a.b == b.b)
          continue;
        top = MIN (top, y);
        accented += abs (b.r - expected.r) + abs (b.g - expected.g) + abs (b.b - expected.b) <= 12;
      }

  /* Only the strip, in the lowest eighth, changed, and the ring is there. */
  g_test_message ("changes from row %d, %d pixels of the accent", top, accented);
  g_assert_cmpint (top, >, height * 7 / 8);
  g_assert_cmpint (accented, >=, 4);

  cairo_surface_destroy (surfaces[0]);
  cairo_surface_destroy (surfaces[1]);
}

/* A square across the Russia–Ukraine land border north of Kharkiv; with a
 * history, or without. */
static MerDocument *
load_border_square (gboolean with_history)
{
  g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("meridian-cover-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "story.json", NULL);
  g_autofree char *text = g_strdup_printf (
    "{ \"meridian\": 1, \"regions\": [ { \"id\": \"square\", \"name\": \"Square\", \"status\": \"undisputed\",\n"
    "  \"geometry\": { \"type\": \"Polygon\", \"coordinates\": [ [ [36.5, 49.8], [38.5, 49.8], [38.5, 50.8], [36.5, 50.8], "
    "[36.5, 49.8] ] ] }%s } ] }\n",
    with_history ? ", \"history\": [ { \"start\": \"1991-08-24\", \"held_by\": \"Ukraine\", \"status\": \"undisputed\" } ]"
                 : "");
  MerDocument *document;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  document = mer_loader_load_file (path, NULL, diagnostics, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (diagnostics->len, ==, 0);
  g_unlink (path);
  g_rmdir (dir);
  return document;
}

/* Pixels of the base map's border colour, as the region's tint makes it,
 * inside the square (its outline left out). */
static guint
count_border_pixels (MerDocument *document)
{
  const MerMapStyle *style = mer_map_style_get (FALSE);
  MerMapView view = { 50.3, 37.5, 8, 600, 500, 1 };
  g_autoptr(MerRegionPainter) regions = mer_region_painter_new (mer_document_get_regions (document));
  cairo_surface_t *surface = create_surface (&view);
  cairo_t *cr = cairo_create (surface);
  double x0, y0, x1, y1;
  Pixel land;
  guint count = 0;

  mer_basemap_painter_draw_map (basemap, cr, &view, style);
  mer_region_painter_draw (regions, cr, &view, style, NULL);
  cairo_destroy (cr);

  mer_map_view_location_to_point (&view, 50.75, 36.55, &x0, &y0);
  mer_map_view_location_to_point (&view, 49.85, 38.45, &x1, &y1);
  land = pixel_at (surface, (int) x0 + 4, (int) y0 + 4);
  for (int y = (int) y0 + 4; y < (int) y1 - 4; y++)
    for (int x = (int) x0 + 4; x < (int) x1 - 4; x++)
      {
        Pixel p = pixel_at (surface, x, y);

        if (abs (p.r - land.r) + abs (p.g - land.g) + abs (p.b - land.b) > 24)
          count++;
      }

  cairo_surface_destroy (surface);
  return count;
}

/* A region with a history says who held it when: the base map's de facto
 * border does not cross it. Without a history, the border shows through
 * its tint as before. */
static void
assert_same_image (cairo_surface_t *expected,
                   cairo_surface_t *got)
{
  int height = cairo_image_surface_get_height (expected), stride = cairo_image_surface_get_stride (expected);

  cairo_surface_flush (expected);
  cairo_surface_flush (got);
  for (int y = 0; y < height; y++)
    g_assert_cmpmem (cairo_image_surface_get_data (expected) + y * stride, cairo_image_surface_get_width (expected) * 4,
                     cairo_image_surface_get_data (got) + y * stride, cairo_image_surface_get_width (got) * 4);
}

/* The plain pass and then the emphasis pass are the regions drawn at
 * once, pixel for pixel; emphasis deepens the fill to 0.4 of the region's
 * colour. Drawn within a clip, the regions are those drawn whole there:
 * the painter leaves out only the regions that cannot reach it. */
static void
test_region_passes (void)
{
  g_autoptr(MerRegionPainter) painter = mer_region_painter_new (mer_document_get_regions (story));
  g_autoptr(MerState) state = state_pinned_at ("2016");
  MerRegion *kurils = mer_document_lookup_region (story, "southern-kurils");
  MerRegion *hokkaido = mer_document_lookup_region (story, "hokkaido");
  MerMapView view = { 44.0, 145.0, 6, 640, 480, 1 };
  const MerMapStyle *style = mer_map_style_get (FALSE);
  cairo_surface_t *whole = create_surface (&view), *passes = create_surface (&view);
  cairo_surface_t *clipped = create_surface (&view), *plain = create_surface (&view);
  MerColor color = mer_color_from_rgb (mer_region_get_color (hokkaido), 1);
  cairo_t *cr;
  double x, y;
  guint32 argb;
  guint ink = 0;

  mer_state_set_highlighted_regions (state, &kurils, 1);
  cr = cairo_create (whole);
  mer_region_painter_draw (painter, cr, &view, style, state);
  cairo_destroy (cr);
  cr = cairo_create (passes);
  mer_region_painter_draw_passes (painter, cr, &view, style, state, MER_REGION_PASS_PLAIN);
  mer_region_painter_draw_passes (painter, cr, &view, style, state, MER_REGION_PASS_EMPHASIS);
  cairo_destroy (cr);
  assert_same_image (whole, passes);

  /* Hokkaido, emphasised over the plain pass: its fill's opacity goes
   * from 0.18 to 0.4 (premultiplied, within rounding). */
  mer_state_set_highlighted_regions (state, &hokkaido, 1);
  cr = cairo_create (plain);
  mer_region_painter_draw_passes (painter, cr, &view, style, state, MER_REGION_PASS_PLAIN);
  mer_map_view_location_to_point (&view, 43.3, 142.8, &x, &y);
  cairo_surface_flush (plain);
  argb = *(guint32 *) (cairo_image_surface_get_data (plain) + (int) y * cairo_image_surface_get_stride (plain) + (int) x * 4);
  g_assert_cmpint (abs ((int) (argb >> 24) - (int) lround (0.18 * 255)), <=, 1);
  mer_region_painter_draw_passes (painter, cr, &view, style, state, MER_REGION_PASS_EMPHASIS);
  cairo_destroy (cr);
  cairo_surface_flush (plain);
  argb = *(guint32 *) (cairo_image_surface_get_data (plain) + (int) y * cairo_image_surface_get_stride (plain) + (int) x * 4);
  g_assert_cmpint (abs ((int) (argb >> 24) - (int) lround (0.4 * 255)), <=, 1);
  g_assert_cmpint (abs ((int) (argb >> 16 & 0xff) - (int) lround (color.red * 0.4 * 255)), <=, 2);

  /* A clip that meets the southern Kurils' outline and the edge of
   * Hokkaido's emphasised line: the same pixels inside it, none outside. */
  mer_map_view_location_to_point (&view, 43.6, 145.6, &x, &y);
  cr = cairo_create (clipped);
  cairo_rectangle (cr, floor (x) - 40, floor (y) - 30, 80, 60);
  cairo_clip (cr);
  mer_region_painter_draw (painter, cr, &view, style, state);
  cairo_destroy (cr);
  cr = cairo_create (whole);
  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  mer_region_painter_draw (painter, cr, &view, style, state);
  cairo_destroy (cr);
  cairo_surface_flush (whole);
  cairo_surface_flush (clipped);
  for (int py = 0; py < (int) view.height; py++)
    for (int px = 0; px < (int) view.width; px++)
      {
        int stride = cairo_image_surface_get_stride (whole);
        guint32 w = *(guint32 *) (cairo_image_surface_get_data (whole) + py * stride + px * 4);
        guint32 c = *(guint32 *) (cairo_image_surface_get_data (clipped) + py * stride + px * 4);
        gboolean inside = px >= floor (x) - 40 && px < floor (x) + 40 && py >= floor (y) - 30 && py < floor (y) + 30;

        g_assert_cmphex (c, ==, inside ? w : 0);
        ink += inside && c != 0;
      }
  g_assert_cmpuint (ink, >, 500);

  /* A clip one pixel high below the southern tip of Crimea's emphasised
   * outline, outside the box of its points: the line's half width still
   * reaches it. */
  {
    MerRegion *crimea = mer_document_lookup_region (story, "crimea");
    MerMapView crimea_view = { 45.3, 34.4, 7, 640, 480, 1 };
    int stride = cairo_image_surface_get_stride (whole), bottom = -1;

    mer_state_set_highlighted_regions (state, &crimea, 1);
    cr = cairo_create (whole);
    cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
    cairo_paint (cr);
    cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
    mer_region_painter_draw (painter, cr, &crimea_view, style, state);
    cairo_destroy (cr);
    cairo_surface_flush (whole);
    for (int py = 0; py < (int) crimea_view.height; py++)
      for (int px = 0; px < (int) crimea_view.width; px++)
        if (*(guint32 *) (cairo_image_surface_get_data (whole) + py * stride + px * 4) != 0)
          bottom = MAX (bottom, py);
    g_assert_cmpint (bottom, >, 0);
    g_assert_cmpint (bottom, <, (int) crimea_view.height - 1);

    cr = cairo_create (clipped);
    cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
    cairo_paint (cr);
    cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
    cairo_rectangle (cr, 0, bottom, crimea_view.width, 1);
    cairo_clip (cr);
    mer_region_painter_draw (painter, cr, &crimea_view, style, state);
    cairo_destroy (cr);
    cairo_surface_flush (clipped);
    ink = 0;
    for (int px = 0; px < (int) crimea_view.width; px++)
      {
        guint32 w = *(guint32 *) (cairo_image_surface_get_data (whole) + bottom * stride + px * 4);
        guint32 c = *(guint32 *) (cairo_image_surface_get_data (clipped) + bottom * stride + px * 4);

        g_assert_cmphex (c, ==, w);
        ink += c != 0;
      }
    g_assert_cmpuint (ink, >, 0);
  }

  cairo_surface_destroy (whole);
  cairo_surface_destroy (passes);
  cairo_surface_destroy (clipped);
  cairo_surface_destroy (plain);
}

static void
test_history_covers_base_map (void)
{
  g_autoptr(MerDocument) plain = load_border_square (FALSE);
  g_autoptr(MerDocument) dated = load_border_square (TRUE);

  g_assert_cmpuint (count_border_pixels (plain), >, 40);
  g_assert_cmpuint (count_border_pixels (dated), ==, 0);
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
  g_test_add_func ("/render/basemap/rivers", test_basemap_rivers);
  g_test_add_func ("/render/regions/disputed-hatch", test_disputed_hatch);
  g_test_add_func ("/render/regions/occupied-hatch", test_occupied_hatch);
  g_test_add_func ("/render/regions/as-of", test_regions_as_of);
  g_test_add_func ("/render/regions/looks", test_region_looks);
  g_test_add_func ("/render/regions/passes", test_region_passes);
  g_test_add_func ("/render/regions/history-covers-base-map", test_history_covers_base_map);
  g_test_add_func ("/render/regions/pick", test_pick_region);
  g_test_add_func ("/render/events/pick", test_pick_event);
  g_test_add_func ("/render/events/clusters", test_clusters);
  for (guint i = 0; i < G_N_ELEMENTS (timeline_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/render/timeline/painter/%s", timeline_cases[i].name);

      g_test_add_data_func (name, &timeline_cases[i], test_timeline_painter);
    }
  g_test_add_func ("/render/timeline/export-strip-selection", test_export_strip_selection);
  g_test_add_func ("/render/timeline/badges-and-axis", test_timeline_badges_and_axis);
  g_test_add_func ("/render/timeline/axis-end", test_timeline_axis_end);
  g_test_add_func ("/render/timeline/label-cache", test_timeline_label_cache);
  g_test_add_func ("/render/timeline/floating-gives-way", test_timeline_floating_gives_way);
  g_test_add_func ("/render/timeline/bar-faint-under-label", test_timeline_bar_faint_under_label);

  status = g_test_run ();

  mer_basemap_painter_unref (basemap);
  g_object_unref (story);
  return status;
}

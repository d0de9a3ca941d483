/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "mer-diagnostic.h"
#include "mer-export.h"
#include "mer-loader.h"

/* An export's furniture — title, legend, caption, scale bar, attribution —
 * never covers what the picture is about: on every slide of the bundled
 * briefings, at every size the exports come in, no place of the slide's
 * event is under a piece, at most a tenth of its highlighted regions is,
 * and the pieces stay in the map and apart. */

/* A marker's radius around its place. */
#define MARKER 4.0

typedef struct {
  const char *name;
  double      width;    /* units */
  double      height;
  gboolean    handout;  /* the handout's map: no title, caption or strip */
} Size;

static const Size sizes[] = {
  { "1920x1080", 1920, 1080, FALSE },
  { "1024x768", 1024, 768, FALSE },
  { "3840x2160", 3840, 2160, FALSE },
  { "a4-landscape", 297 / 25.4 * 96, 210 / 25.4 * 96, FALSE },
  { "a4-portrait", 210 / 25.4 * 96, 297 / 25.4 * 96, FALSE },
  { "letter-landscape", 1056, 816, FALSE },
  /* The handout's map: 841.89 × 380 points, in units. */
  { "handout", 841.89 * 96 / 72, 380.0 * 96 / 72, TRUE },
};

static MerDocument *
load_story (void)
{
  g_autofree char *path = g_build_filename (SOURCE_DATADIR, "events", "russia-japan.json", NULL);
  g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  MerDocument *document = mer_loader_load_file (path, path, diagnostics, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static gboolean
covers (const MerBox *box,
        double        x,
        double        y)
{
  return x + MARKER > box->x && x - MARKER < box->x + box->width && y + MARKER > box->y
         && y - MARKER < box->y + box->height;
}

/* The share of the highlighted regions' pixels in the map that the
 * furniture covers, drawn at a quarter of the size. */
static double
region_share_covered (const MerExportOptions *options,
                      const MerMapView       *view,
                      const MerBox           *boxes,
                      guint                   shown)
{
  GPtrArray *regions = mer_state_get_highlighted_regions (options->state);
  int width = (int) ceil (view->width / 4), height = (int) ceil (view->height / 4);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, width, height);
  cairo_t *cr = cairo_create (surface);
  guint total = 0, covered = 0;
  const guint8 *data;
  int stride;

  cairo_scale (cr, 0.25, 0.25);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  for (guint r = 0; r < regions->len; r++)
    {
      MerGeometry *geometry = mer_region_get_geometry (g_ptr_array_index (regions, r));
      const MerRing *rings;
      const MerLonLat *points;
      guint n_rings, n_points;

      rings = mer_geometry_get_rings (geometry, &n_rings);
      points = mer_geometry_get_points (geometry, &n_points);
      for (guint i = 0; i < n_rings; i++)
        {
          for (guint j = 0; j < rings[i].n_points; j++)
            {
              double x, y;

              mer_map_view_location_to_point (view, points[rings[i].first_point + j].lat,
                                              points[rings[i].first_point + j].lon, &x, &y);
              cairo_line_to (cr, x, y);
            }
          cairo_close_path (cr);
        }
    }
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (data[y * stride + x] >= 128)
        {
          total++;
          for (guint i = 0; i < MER_EXPORT_N_FURNITURE; i++)
            if ((shown & (1u << i)) && x * 4 + 2 >= boxes[i].x && x * 4 + 2 < boxes[i].x + boxes[i].width
                && y * 4 + 2 >= boxes[i].y && y * 4 + 2 < boxes[i].y + boxes[i].height)
              {
                covered++;
                break;
              }
        }

  cairo_surface_destroy (surface);
  return total > 0 ? covered / (double) total : 0;
}

/* Checks one picture; returns how many of its event's places were in the
 * frame. */
static guint
check_picture (const MerExportOptions *options,
               const char             *what)
{
  MerEvent *event = options->state != NULL ? mer_state_get_selected_event (options->state) : NULL;
  MerBox boxes[MER_EXPORT_N_FURNITURE];
  guint shown = mer_export_get_furniture (options, boxes);
  double map_height = mer_export_get_map_height (options);
  guint in_frame = 0;
  MerMapView view;

  mer_map_view_init (&view, &options->view, options->width, map_height, 1);

  for (guint i = 0; i < MER_EXPORT_N_FURNITURE; i++)
    {
      if (!(shown & (1u << i)))
        continue;

      if (boxes[i].x < 0 || boxes[i].y < 0 || boxes[i].x + boxes[i].width > options->width + 1e-9
          || boxes[i].y + boxes[i].height > map_height + 1e-9)
        g_error ("%s: furniture %u (%g, %g, %g × %g) leaves the map", what, i, boxes[i].x, boxes[i].y,
                 boxes[i].width, boxes[i].height);
      for (guint j = 0; j < i; j++)
        if ((shown & (1u << j)) && mer_box_intersects (&boxes[i], &boxes[j]))
          g_error ("%s: furniture %u and %u overlap", what, j, i);
    }

  if (options->state != NULL && mer_state_get_highlighted_regions (options->state)->len > 0)
    {
      double share = region_share_covered (options, &view, boxes, shown);

      if (share > 0.1)
        g_error ("%s: the furniture covers %.0f%% of the highlighted regions", what, share * 100);
    }

  if (event != NULL)
    {
      const MerPlace *places;
      guint n_places;

      places = mer_event_get_places (event, &n_places);
      for (guint p = 0; p < n_places; p++)
        {
          double x, y;

          mer_map_view_location_to_point (&view, places[p].lat, places[p].lon, &x, &y);
          if (x < 0 || y < 0 || x > view.width || y > view.height)
            continue;
          in_frame++;
          for (guint i = 0; i < MER_EXPORT_N_FURNITURE; i++)
            if ((shown & (1u << i)) && covers (&boxes[i], x, y))
              g_error ("%s: furniture %u (%g, %g, %g × %g) covers %s at (%g, %g)", what, i, boxes[i].x, boxes[i].y,
                       boxes[i].width, boxes[i].height, places[p].name, x, y);
        }
    }

  return in_frame;
}

static void
test_slides (void)
{
  g_autoptr(MerDocument) document = load_story ();
  GListModel *briefings = mer_document_get_briefings (document);
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 11, 29, 12, 0, 0);
  guint checked = 0, n_slides = 0;

  g_assert_cmpuint (g_list_model_get_n_items (briefings), ==, 2);

  for (guint b = 0; b < g_list_model_get_n_items (briefings); b++)
    {
      g_autoptr(MerBriefing) briefing = g_list_model_get_item (briefings, b);

      for (guint s = 0; s < mer_briefing_get_n_slides (briefing); s++)
        {
          MerSlide *slide = mer_briefing_get_slide (briefing, s);

          n_slides++;
          for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
            {
              g_autoptr(MerState) state = mer_state_new ();
              g_autofree char *what = g_strdup_printf ("%s slide %u at %s", mer_briefing_get_id (briefing), s + 1,
                                                       sizes[z].name);
              MerExportOptions options;
              MerView view;

              mer_state_set_document (state, document);
              mer_export_prepare_page (state, slide, mer_slide_get_event (slide), sizes[z].width, sizes[z].height,
                                       &view);
              mer_export_options_init (&options, document, state, &view, sizes[z].width, sizes[z].height);
              options.date = date;
              if (sizes[z].handout)
                options.title = options.caption = options.timeline = FALSE;
              checked += check_picture (&options, what);
            }
        }
    }

  /* Both briefings, and most slides' places in their frames. */
  g_assert_cmpuint (n_slides, ==, 26);
  g_assert_cmpuint (checked, >, n_slides * G_N_ELEMENTS (sizes) / 2);
}

/* The deck's caption card, as presented, on every slide of both
 * briefings: none of the slide's places under it, at most a tenth of the
 * slide's highlighted regions. */
static void
test_deck_card (void)
{
  g_autoptr(MerDocument) document = load_story ();
  GListModel *briefings = mer_document_get_briefings (document);
  guint checked = 0;

  for (guint b = 0; b < g_list_model_get_n_items (briefings); b++)
    {
      g_autoptr(MerBriefing) briefing = g_list_model_get_item (briefings, b);

      for (guint s = 0; s < mer_briefing_get_n_slides (briefing); s++)
        {
          MerSlide *slide = mer_briefing_get_slide (briefing, s);
          MerEvent *event = mer_slide_get_event (slide);
          g_autoptr(MerState) state = mer_state_new ();
          const MerPlace *places;
          guint n_places;
          MerMapView map_view;
          MerView view;
          MerBox card;

          mer_export_get_slide_card (document, briefing, s, &card);
          g_assert_cmpfloat (card.x, >=, 0);
          g_assert_cmpfloat (card.y, >=, 0);
          g_assert_cmpfloat (card.x + card.width, <=, MER_EXPORT_SLIDE_WIDTH);
          g_assert_cmpfloat (card.y + card.height, <=, MER_EXPORT_SLIDE_HEIGHT);
          if (event == NULL)
            continue;

          mer_state_set_document (state, document);
          mer_export_prepare_page (state, slide, event, MER_EXPORT_SLIDE_WIDTH, MER_EXPORT_SLIDE_HEIGHT, &view);
          mer_map_view_init (&map_view, &view, MER_EXPORT_SLIDE_WIDTH, MER_EXPORT_SLIDE_HEIGHT, 1);
          if (mer_state_get_highlighted_regions (state)->len > 0)
            {
              MerExportOptions options;
              MerBox boxes[MER_EXPORT_N_FURNITURE] = { card, };
              double share;

              mer_export_options_init (&options, document, state, &view, MER_EXPORT_SLIDE_WIDTH,
                                       MER_EXPORT_SLIDE_HEIGHT);
              share = region_share_covered (&options, &map_view, boxes, 1);
              if (share > 0.1)
                g_error ("%s slide %u: the card covers %.0f%% of the highlighted regions",
                         mer_briefing_get_id (briefing), s + 1, share * 100);
            }
          places = mer_event_get_places (event, &n_places);
          for (guint p = 0; p < n_places; p++)
            {
              double x, y;

              mer_map_view_location_to_point (&map_view, places[p].lat, places[p].lon, &x, &y);
              if (x < 0 || y < 0 || x > map_view.width || y > map_view.height)
                continue;
              checked++;
              if (covers (&card, x, y))
                g_error ("%s slide %u: the card covers %s", mer_briefing_get_id (briefing), s + 1, places[p].name);
            }
        }
    }

  g_assert_cmpuint (checked, >, 12);
}

/* The default export, the story's own view with nothing selected, at each
 * size: the furniture in the map and apart. */
static void
test_default (void)
{
  g_autoptr(MerDocument) document = load_story ();
  g_autoptr(MerState) state = mer_state_new ();

  mer_state_set_document (state, document);
  for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
    {
      MerExportOptions options;

      mer_export_options_init (&options, document, state, mer_document_get_view (document), sizes[z].width,
                               sizes[z].height);
      check_picture (&options, sizes[z].name);
    }
}

/* The legend lists only what the frame shows. */
static void
test_legend_lists_frame (void)
{
  g_autoptr(MerDocument) document = load_story ();
  MerView kurils = { 44.2, 146.5, 7 };
  MerView world = { 40, 100, 2 };
  MerExportOptions options;
  MerBox near[MER_EXPORT_N_FURNITURE], far[MER_EXPORT_N_FURNITURE];

  mer_export_options_init (&options, document, NULL, &kurils, 1920, 1080);
  mer_export_get_furniture (&options, near);
  mer_export_options_init (&options, document, NULL, &world, 1920, 1080);
  mer_export_get_furniture (&options, far);
  /* The world's longer list may take two columns: compare the areas. */
  g_assert_cmpfloat (near[MER_EXPORT_FURNITURE_LEGEND].height * near[MER_EXPORT_FURNITURE_LEGEND].width, <,
                     far[MER_EXPORT_FURNITURE_LEGEND].height * far[MER_EXPORT_FURNITURE_LEGEND].width);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/export-furniture/slides", test_slides);
  g_test_add_func ("/render/export-furniture/default", test_default);
  g_test_add_func ("/render/export-furniture/deck-card", test_deck_card);
  g_test_add_func ("/render/export-furniture/legend", test_legend_lists_frame);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-geometry"

#include "config.h"

#include "fuzz-common.h"

#include <math.h>

#include "mer-bounds.h"
#include "mer-diagnostic.h"
#include "mer-fit.h"
#include "mer-hit.h"
#include "mer-loader.h"
#include "mer-map-style.h"
#include "mer-region-painter.h"

/* A GeoJSON file as a region names it ("geometry": "region.geojson"): the
 * input becomes that file beside a fixed event file, so it goes through the
 * path the loader takes for geometry files, and whatever loads is then
 * measured, hit-tested, fitted and painted the way the map does it. */

static const char story[] =
  "{ \"meridian\": 1,\n"
  "  \"regions\": [ { \"id\": \"r\", \"name\": \"R\", \"geometry\": \"region.geojson\" } ],\n"
  "  \"events\": [ { \"id\": \"e\", \"title\": \"E\", \"start\": \"2000\", \"regions\": [ \"r\" ] } ] }\n";

static char *story_path;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  story_path = fuzz_write_file ("story.json", (const uint8_t *) story, sizeof story - 1);
  return 0;
}

static void
use_geometry (MerDocument *document,
              MerGeometry *geometry)
{
  g_autoptr(MerRegionPainter) painter = NULL;
  MerBounds bounds;
  MerView fitted;
  MerMapView view;
  cairo_surface_t *surface;
  cairo_t *cr;
  double lat, lon;

  if (!mer_bounds_init_from_geometry (&bounds, geometry))
    return;

  g_assert_cmpfloat (bounds.south, <=, bounds.north);
  lat = (bounds.south + bounds.north) / 2;
  lon = bounds.west + mer_bounds_get_width (&bounds) / 2;
  g_assert_true (isfinite (lat) && isfinite (lon));
  mer_hit_geometry_contains (geometry, lat, lon);
  mer_hit_geometry_contains (geometry, bounds.south, bounds.west);

  if (mer_fit_view (NULL, 0, &geometry, 1, 320, 200, 16, 0, 20, &fitted))
    g_assert_true (fitted.zoom >= 0 && fitted.zoom <= 20);
  else
    fitted = (MerView) { .lat = lat, .lon = lon, .zoom = 2 };

  /* A small surface: painting cost grows with it, what goes wrong does not. */
  mer_map_view_init (&view, &fitted, 64, 48, 1);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 64, 48);
  cr = cairo_create (surface);
  painter = mer_region_painter_new (mer_document_get_regions (document));
  mer_region_painter_draw (painter, cr, &view, mer_map_style_get (FALSE), NULL);
  mer_region_painter_pick (painter, &view, 32, 24, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MerDocument) document = NULL;

  g_free (fuzz_write_file ("region.geojson", data, size));
  document = mer_loader_load_file (story_path, "story.json", diagnostics, &error);
  fuzz_check_load (document, diagnostics, error);
  if (document != NULL)
    {
      MerRegion *region = mer_document_lookup_region (document, "r");

      use_geometry (document, mer_region_get_geometry (region));
    }
  return 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "mer-basemap-painter.h"
#include "mer-document.h"
#include "mer-furniture.h"
#include "mer-state.h"

G_BEGIN_DECLS

typedef enum {
  MER_EXPORT_FORMAT_UNKNOWN,
  MER_EXPORT_FORMAT_PNG,
  MER_EXPORT_FORMAT_SVG,
  MER_EXPORT_FORMAT_PDF,
} MerExportFormat;

/**
 * MerExportOptions:
 * @document: the story
 * @state: (nullable): the selection, highlights, filters and time window to show
 * @view: the map's centre and zoom
 * @width: the picture's width in units: what text, symbols and the map's
 *   zoom are measured in (a unit is a pixel of the screen at scale 1)
 * @height: its height
 * @scale: device pixels per unit, for PNG: 2 draws the same picture with
 *   twice the pixels, everything twice as large
 * @units_per_inch: how large a unit is on paper: 96 (a screen's pixel) unless
 *   the picture is a page whose text is made larger or smaller; sets a
 *   PDF's or SVG's page size and a PNG's resolution (@scale × this, in dots
 *   per inch)
 * @title: draw the story's title and subtitle
 * @caption: draw the selected event's date and title
 * @legend: draw the legend of the categories and regions shown
 * @timeline: draw a strip with the time window and its events
 * @scale_bar: draw a scale bar
 * @attribution: draw the sources' credit and the export date
 * @online_layer: the OpenStreetMap layer was on: credit it too
 * @date: (nullable): the export date for the attribution; now if %NULL
 *
 * What to draw. The same painters draw the screen, so the picture matches it.
 */
typedef struct {
  MerDocument *document;
  MerState    *state;
  MerView      view;
  double       width;
  double       height;
  double       scale;
  double       units_per_inch;
  gboolean     title;
  gboolean     caption;
  gboolean     legend;
  gboolean     timeline;
  gboolean     scale_bar;
  gboolean     attribution;
  gboolean     online_layer;
  GDateTime   *date;
  /* Furniture the caller draws over the map afterwards (a slide's caption
   * card and progress): the export's own furniture and labels keep clear. */
  const MerBox *obstacles;
  guint         n_obstacles;
} MerExportOptions;

/* The furniture over an export's map, in the order it is placed. */
typedef enum {
  MER_EXPORT_FURNITURE_TITLE,
  MER_EXPORT_FURNITURE_LEGEND,
  MER_EXPORT_FURNITURE_CAPTION,
  MER_EXPORT_FURNITURE_SCALE_BAR,
  MER_EXPORT_FURNITURE_ATTRIBUTION,
  MER_EXPORT_N_FURNITURE,
} MerExportFurniture;

#define MER_EXPORT_ERROR (mer_export_error_quark ())

typedef enum {
  MER_EXPORT_ERROR_FORMAT,
  MER_EXPORT_ERROR_WRITE,
  MER_EXPORT_ERROR_NO_SLIDES,
} MerExportError;

/* A slide of a deck, as presented on a 1920 × 1080 screen. */
#define MER_EXPORT_SLIDE_WIDTH 1920.0
#define MER_EXPORT_SLIDE_HEIGHT 1080.0

GQuark          mer_export_error_quark       (void);
void            mer_export_options_init      (MerExportOptions        *options,
                                              MerDocument             *document,
                                              MerState                *state,
                                              const MerView           *view,
                                              double                   width,
                                              double                   height);
MerExportFormat mer_export_format_from_path  (const char              *path);
double          mer_export_get_map_height    (const MerExportOptions  *options);
guint           mer_export_get_furniture     (const MerExportOptions  *options,
                                              MerBox                  *boxes);
void            mer_export_draw              (cairo_t                 *cr,
                                              MerBasemapPainter       *basemap,
                                              const MerExportOptions  *options,
                                              gboolean                 vector);
gboolean        mer_export_write             (const char              *path,
                                              MerBasemapPainter       *basemap,
                                              const MerExportOptions  *options,
                                              GError                 **error);
gboolean        mer_export_write_handout     (const char              *path,
                                              MerBasemapPainter       *basemap,
                                              MerDocument             *document,
                                              MerBriefing             *briefing,
                                              const char              *pov,
                                              GError                 **error);
void            mer_export_draw_slide        (cairo_t                 *cr,
                                              MerBasemapPainter       *basemap,
                                              MerDocument             *document,
                                              MerBriefing             *briefing,
                                              guint                    index,
                                              gboolean                 vector);
void            mer_export_get_slide_card    (MerDocument             *document,
                                              MerBriefing             *briefing,
                                              guint                    index,
                                              MerBox                  *box);
gboolean        mer_export_write_deck        (const char              *path,
                                              MerBasemapPainter       *basemap,
                                              MerDocument             *document,
                                              MerBriefing             *briefing,
                                              const char              *pov,
                                              GError                 **error);
gboolean        mer_export_write_slides      (const char              *dir,
                                              MerBasemapPainter       *basemap,
                                              MerDocument             *document,
                                              MerBriefing             *briefing,
                                              double                   scale,
                                              const char              *pov,
                                              GError                 **error);
void            mer_export_prepare_page      (MerState                *state,
                                              MerSlide                *slide,
                                              MerEvent                *event,
                                              double                   width,
                                              double                   height,
                                              MerView                 *view);
gboolean        mer_export_view_for_event    (MerEvent                *event,
                                              double                   width,
                                              double                   height,
                                              MerView                 *view);

G_END_DECLS

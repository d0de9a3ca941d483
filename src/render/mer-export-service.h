/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "mer-basemap-painter.h"
#include "mer-export.h"

G_BEGIN_DECLS

#define MER_TYPE_EXPORT_SERVICE (mer_export_service_get_type ())
G_DECLARE_FINAL_TYPE (MerExportService, mer_export_service, MER, EXPORT_SERVICE, GObject)

MerExportService  *mer_export_service_new           (const char              *basemap_path);
MerExportService  *mer_export_service_get_default   (void);
MerBasemapPainter *mer_export_service_dup_basemap   (MerExportService        *self,
                                                     GError                 **error);
cairo_surface_t   *mer_export_service_render        (MerExportService        *self,
                                                     const MerExportOptions  *options,
                                                     GError                 **error);
cairo_surface_t   *mer_export_service_render_slide  (MerExportService        *self,
                                                     MerDocument             *document,
                                                     MerSlide                *slide,
                                                     MerEvent                *event,
                                                     const MerMapView        *audience,
                                                     int                      width,
                                                     int                      height,
                                                     const char              *pov,
                                                     GError                 **error);
gboolean           mer_export_service_write         (MerExportService        *self,
                                                     const char              *path,
                                                     const MerExportOptions  *options,
                                                     GError                 **error);
gboolean           mer_export_service_write_handout (MerExportService        *self,
                                                     const char              *path,
                                                     MerDocument             *document,
                                                     MerBriefing             *briefing,
                                                     const char              *pov,
                                                     GError                 **error);
gboolean           mer_export_service_write_deck    (MerExportService        *self,
                                                     const char              *path,
                                                     MerDocument             *document,
                                                     MerBriefing             *briefing,
                                                     const char              *pov,
                                                     GError                 **error);
gboolean           mer_export_service_write_slides  (MerExportService        *self,
                                                     const char              *dir,
                                                     MerDocument             *document,
                                                     MerBriefing             *briefing,
                                                     double                   scale,
                                                     const char              *pov,
                                                     GError                 **error);

G_END_DECLS

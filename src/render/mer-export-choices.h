/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "mer-export.h"

G_BEGIN_DECLS

typedef enum {
  MER_EXPORT_SIZE_VIEW,
  MER_EXPORT_SIZE_1920X1080,
  MER_EXPORT_SIZE_3840X2160,
  MER_EXPORT_SIZE_A3,
  MER_EXPORT_SIZE_A4,
  MER_EXPORT_SIZE_A5,
  MER_EXPORT_SIZE_LETTER,
  MER_EXPORT_SIZE_LEGAL,
  MER_EXPORT_SIZE_CUSTOM,
  MER_EXPORT_N_SIZES,
} MerExportSize;

typedef enum {
  MER_EXPORT_INCLUDE_TITLE,
  MER_EXPORT_INCLUDE_CAPTION,
  MER_EXPORT_INCLUDE_LEGEND,
  MER_EXPORT_INCLUDE_TIMELINE,
  MER_EXPORT_INCLUDE_SCALE_BAR,
  MER_EXPORT_INCLUDE_ATTRIBUTION,
  MER_EXPORT_N_INCLUDES,
} MerExportInclude;

/**
 * MerExportChoices:
 * @format: the file format
 * @size: the picture's size
 * @custom_width: the width when @size is %MER_EXPORT_SIZE_CUSTOM
 * @custom_height: its height
 * @include: what goes over the map, by #MerExportInclude
 * @landscape: whether paper lies on its long side
 * @scale: how many times larger text and symbols are on a size in pixels,
 *   the area shown the same
 * @dpi: the dots per inch of a PNG of paper
 *
 * What the user last chose to export, as the settings keep it: the export
 * dialog shows and edits these, and the clipboard snapshot uses them as
 * they are.
 */
typedef struct {
  MerExportFormat format;
  MerExportSize   size;
  int             custom_width;
  int             custom_height;
  gboolean        include[MER_EXPORT_N_INCLUDES];
  gboolean        landscape;
  double          scale;
  int             dpi;
} MerExportChoices;

#define MER_EXPORT_MIN_SIZE 16
#define MER_EXPORT_MAX_SIZE 16384
#define MER_EXPORT_MIN_SCALE 0.25
#define MER_EXPORT_MAX_SCALE 8.0
#define MER_EXPORT_MIN_DPI 36
#define MER_EXPORT_MAX_DPI 1200

void        mer_export_choices_load       (MerExportChoices       *choices,
                                           GSettings              *settings);
void        mer_export_choices_save       (const MerExportChoices *choices,
                                           GSettings              *settings);
gboolean    mer_export_size_is_paper      (MerExportSize           size);
void        mer_export_choices_get_size   (const MerExportChoices *choices,
                                           const MerMapView       *window_view,
                                           double                 *width,
                                           double                 *height);
void        mer_export_choices_to_options (const MerExportChoices *choices,
                                           MerDocument            *document,
                                           MerState               *state,
                                           const MerMapView       *window_view,
                                           MerExportOptions       *options);
const char *mer_export_format_get_extension (MerExportFormat       format);

G_END_DECLS

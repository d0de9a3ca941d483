/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses of the headless commands. */
enum {
  MER_EXIT_OK = 0,
  MER_EXIT_INVALID = 1,
  MER_EXIT_USAGE = 2,
};

/**
 * MerCliExport:
 * @out: the picture to write; .png, .svg or .pdf
 * @event: (nullable): fit the map to this event and emphasise its regions
 * @view: (nullable): "LAT,LON,ZOOM"
 * @time: (nullable): "START/END", a time window
 * @size: (nullable): "WxH" in pixels
 * @paper: (nullable): "a4-portrait" and the like
 * @scale: (nullable): how many times larger text and symbols are
 * @dpi: (nullable): a paper PNG's dots per inch
 * @as_of: (nullable): a date to draw the regions as of
 * @pov: (nullable): a point of view's id, whose borders to draw
 * @file: (nullable): the story; the bundled one if %NULL
 *
 * The command line's --export, as typed.
 */
typedef struct {
  const char *out;
  const char *event;
  const char *view;
  const char *time;
  const char *size;
  const char *paper;
  const char *scale;
  const char *dpi;
  const char *as_of;
  const char *pov;
  const char *file;
} MerCliExport;

gboolean mer_cli_check_options    (GVariantDict       *options);
int   mer_cli_check               (const char * const *files);
int   mer_cli_export              (const MerCliExport *args);
int   mer_cli_deck                (const char         *out,
                                   const char         *briefing_id,
                                   const char         *pov,
                                   const char         *file);
int   mer_cli_slides              (const char         *dir,
                                   const char         *briefing_id,
                                   const char         *scale,
                                   const char         *pov,
                                   const char         *file);
int   mer_cli_handout             (const char         *out,
                                   const char         *briefing_id,
                                   const char         *pov,
                                   const char         *file);
char *mer_cli_find_bundled_story  (void);
void  mer_cli_set_import_options  (const char         *time_property,
                                   const char         *title_property);
int   mer_cli_convert             (const char         *in,
                                   const char         *out);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * MerImportLink:
 * @title: the link's text, or its address when it has none
 * @url: the address, an http, https or mailto link
 */
typedef struct {
  char *title;
  char *url;
} MerImportLink;

void  mer_import_link_free     (MerImportLink *link);
char *mer_import_html_to_text  (const char    *html,
                                GPtrArray     *links);
char *mer_import_html_to_line  (const char    *html,
                                GPtrArray     *links);

G_END_DECLS

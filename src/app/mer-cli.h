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

int   mer_cli_check               (const char * const *files);
int   mer_cli_export              (const char         *out,
                                   const char         *event_id,
                                   const char         *view,
                                   const char         *time,
                                   const char         *size,
                                   const char         *file);
int   mer_cli_handout             (const char         *out,
                                   const char         *briefing_id,
                                   const char         *file);
char *mer_cli_find_bundled_story  (void);

G_END_DECLS

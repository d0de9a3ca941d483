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
char *mer_cli_find_bundled_story  (void);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Shared by the tests that run the real meridian executable as a user
 * would, with no display. */

typedef struct {
  int   status;
  char *out;
  char *err;
} Result;

void result_clear (Result *result);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

void run_meridian (Result     *result,
                   const char *dir,
                   const char *first,
                   ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS

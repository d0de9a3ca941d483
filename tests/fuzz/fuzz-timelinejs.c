/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-timelinejs"

#include "config.h"

#include "fuzz-common.h"

/* A file opened through the importers' dispatcher, its seeds in the
 * TimelineJS 3 JSON format; see fuzz_import(). */

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  fuzz_import ("timelinejs.json", data, size);
  return 0;
}

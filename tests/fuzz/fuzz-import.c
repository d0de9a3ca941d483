/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-import"

#include "config.h"

#include "fuzz-common.h"

/* One harness per importer, built from this file with FUZZ_IMPORT_FILE set
 * to the file name the input is opened as (tests/fuzz/meson.build): a file
 * opened through the importers' dispatcher, which finds its format from the
 * content whatever the name, its seeds in that importer's format; see
 * fuzz_import(). */

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
  fuzz_import (FUZZ_IMPORT_FILE, data, size);
  return 0;
}

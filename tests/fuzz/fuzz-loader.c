/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-loader"

#include "config.h"

#include "fuzz-common.h"

#include "mer-diagnostic.h"
#include "mer-loader.h"

/* A whole event file: the loader, the JSON reader under it, inline
 * geometry, dates, references, and the document built from the result. */

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
  g_autofree char *path = fuzz_write_file ("story.json", data, size);
  g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MerDocument) document = NULL;

  document = mer_loader_load_file (path, "story.json", diagnostics, &error);
  fuzz_check_load (document, diagnostics, error);
  return 0;
}

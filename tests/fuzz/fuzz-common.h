/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "mer-document.h"

G_BEGIN_DECLS

/* The libFuzzer entry points every harness defines. fuzz-replay.c calls the
 * same two functions, so a plain test replays the inputs the fuzzer kept. */
int   LLVMFuzzerInitialize   (int            *argc,
                              char         ***argv);
int   LLVMFuzzerTestOneInput (const uint8_t  *data,
                              size_t          size);

void  fuzz_init              (void);
char *fuzz_write_file        (const char     *name,
                              const uint8_t  *data,
                              size_t          size);
void  fuzz_check_load        (MerDocument    *document,
                              GPtrArray      *diagnostics,
                              const GError   *error);

void  fuzz_import            (const char     *name,
                              const uint8_t  *data,
                              size_t          size);

G_END_DECLS

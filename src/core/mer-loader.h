/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "mer-document.h"

G_BEGIN_DECLS

/* Files larger than this are refused before any byte is parsed. */
#define MER_LOADER_MAX_FILE_SIZE ((gsize) 512 * 1024 * 1024)

/* The version of the event file format this Meridian reads. */
#define MER_FORMAT_VERSION 1

#define MER_LOADER_ERROR (mer_loader_error_quark ())

/**
 * MerLoaderError:
 * @MER_LOADER_ERROR_READ: the file cannot be read (missing, a folder, no permission)
 * @MER_LOADER_ERROR_TOO_LARGE: the file is over %MER_LOADER_MAX_FILE_SIZE
 * @MER_LOADER_ERROR_INVALID: the file has errors; the diagnostics list them
 */
typedef enum {
  MER_LOADER_ERROR_READ,
  MER_LOADER_ERROR_TOO_LARGE,
  MER_LOADER_ERROR_INVALID,
} MerLoaderError;

GQuark       mer_loader_error_quark (void);

/**
 * MerLoaderProgressFunc:
 * @fraction: how much of the load is done, from 0 to 1; it only grows, and
 *   reaches 1 once every element of the file has been converted
 *
 * mer_loader_load_file_full() calls it from the loading thread;
 * mer_loader_load_file_async() on the caller's thread-default main context.
 */
typedef void (*MerLoaderProgressFunc) (double   fraction,
                                       gpointer user_data);

MerDocument *mer_loader_load_file   (const char  *path,
                                     const char  *display_name,
                                     GPtrArray   *diagnostics,
                                     GError     **error);
MerDocument *mer_loader_load_file_full (const char            *path,
                                        const char            *display_name,
                                        GPtrArray             *diagnostics,
                                        MerLoaderProgressFunc  progress_func,
                                        gpointer               user_data,
                                        GCancellable          *cancellable,
                                        GError               **error);

MerDocument *mer_loader_load_data   (const char  *path,
                                     const char  *display_name,
                                     const char  *text,
                                     gsize        length,
                                     GPtrArray   *diagnostics,
                                     GError     **error);

void         mer_loader_load_file_async  (const char            *path,
                                          const char            *display_name,
                                          GCancellable          *cancellable,
                                          MerLoaderProgressFunc  progress_func,
                                          gpointer               progress_data,
                                          GDestroyNotify         progress_data_destroy,
                                          GAsyncReadyCallback    callback,
                                          gpointer               user_data);
MerDocument *mer_loader_load_file_finish (GAsyncResult          *result,
                                          GPtrArray            **diagnostics,
                                          GError               **error);

G_END_DECLS

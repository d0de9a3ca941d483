/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-paths"

#include "config.h"

#include "mer-paths.h"

#include <stdarg.h>

/* Where Meridian's data (the bundled stories and the base map) is.
 *
 * A build run from its build tree reads the source tree's data, so that
 * editing a story or preparing a new base map needs no install. An
 * installed build reads only its installed data, even when the source tree
 * it was built from is still on the disk: it looks next to its executable
 * first (so that a relocated or DESTDIR install finds its own copy), then
 * in the prefix it was configured for. */

static char *
find_executable_dir (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);

  return exe != NULL ? g_path_get_dirname (exe) : NULL;
}

/**
 * mer_paths_is_uninstalled:
 *
 * Returns: whether the running executable is the one in the build tree
 */
gboolean
mer_paths_is_uninstalled (void)
{
  static gsize result = 0;

  if (g_once_init_enter (&result))
    {
      g_autofree char *dir = find_executable_dir ();
      gboolean uninstalled = dir != NULL &&
                             (g_str_equal (dir, BUILD_ROOT) || g_str_has_prefix (dir, BUILD_ROOT G_DIR_SEPARATOR_S));

      g_once_init_leave (&result, uninstalled ? 2 : 1);
    }

  return result == 2;
}

static char *
find_data_dir (void)
{
  const char *override = g_getenv ("MERIDIAN_DATADIR");
  g_autofree char *exe_dir = NULL;

  if (override != NULL && override[0] != '\0')
    return g_strdup (override);

  if (mer_paths_is_uninstalled ())
    return g_strdup (SOURCE_DATADIR);

  exe_dir = find_executable_dir ();
  if (exe_dir != NULL)
    {
      g_autofree char *prefix = g_path_get_dirname (exe_dir);
      g_autofree char *relocated = g_build_filename (prefix, RELATIVE_PKGDATADIR, NULL);

      if (g_file_test (relocated, G_FILE_TEST_IS_DIR))
        return g_steal_pointer (&relocated);
    }

  return g_strdup (PKGDATADIR);
}

/**
 * mer_paths_dup_locale_dir:
 *
 * The folder holding the translations (`LANG/LC_MESSAGES/meridian.mo`),
 * found like the data: the catalogues compiled in the build tree when
 * running from it, else the installed ones next to the executable or in the
 * configured prefix.
 *
 * Returns: (transfer full) (type filename): the folder
 */
char *
mer_paths_dup_locale_dir (void)
{
  g_autofree char *exe_dir = NULL;

  if (mer_paths_is_uninstalled ())
    return g_strdup (BUILD_LOCALEDIR);

  exe_dir = find_executable_dir ();
  if (exe_dir != NULL)
    {
      g_autofree char *prefix = g_path_get_dirname (exe_dir);
      g_autofree char *relocated = g_build_filename (prefix, RELATIVE_LOCALEDIR, NULL);

      if (g_file_test (relocated, G_FILE_TEST_IS_DIR))
        return g_steal_pointer (&relocated);
    }

  return g_strdup (LOCALEDIR);
}

/**
 * mer_paths_dup_data_dir:
 *
 * The folder holding `events/` and `basemap/`: `$MERIDIAN_DATADIR` when set
 * (tests), the source tree's `data/` when running from the build tree, else
 * the installed data next to the executable or in the configured prefix.
 *
 * Returns: (transfer full) (type filename): the folder
 */
char *
mer_paths_dup_data_dir (void)
{
  return find_data_dir ();
}

/**
 * mer_paths_build_data_path:
 * @first_element: the first element of a path inside the data folder
 * @...: more elements, then %NULL
 *
 * Returns: (transfer full) (type filename): the path; the file is not opened
 */
char *
mer_paths_build_data_path (const char *first_element,
                           ...)
{
  g_autofree char *data_dir = mer_paths_dup_data_dir ();
  g_autoptr(GPtrArray) elements = g_ptr_array_new ();
  va_list args;

  g_ptr_array_add (elements, data_dir);
  g_ptr_array_add (elements, (gpointer) first_element);
  va_start (args, first_element);
  for (const char *element = va_arg (args, const char *); element != NULL; element = va_arg (args, const char *))
    g_ptr_array_add (elements, (gpointer) element);
  va_end (args);
  g_ptr_array_add (elements, NULL);

  return g_build_filenamev ((char **) elements->pdata);
}

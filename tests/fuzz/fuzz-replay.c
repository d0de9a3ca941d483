/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fuzz-common.h"

#include <string.h>

/* Links a harness into a plain test: each input that once crashed it
 * (FUZZ_REGRESSIONS_DIR) and each of its seeds (FUZZ_SEED_DIRS) becomes a
 * test case that feeds the file to the harness, asserts and all. */

static void
feed (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
}

static void
replay (gconstpointer data)
{
  feed (data);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Adds a case /fuzz/HARNESS/LABEL/FILE for each file in @folder. */
static void
add_folder (const char *folder,
            const char *label)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  /* A harness that never crashed has no regressions folder yet. */
  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      g_autofree char *test_path = g_strdup_printf ("/fuzz/%s/%s/%s", FUZZ_HARNESS, label, file);

      g_test_add_data_func_full (test_path, g_build_filename (folder, file, NULL), replay, g_free);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_auto(GStrv) seed_dirs = g_strsplit (FUZZ_SEED_DIRS, G_SEARCHPATH_SEPARATOR_S, -1);

  g_test_init (&argc, &argv, NULL);
  LLVMFuzzerInitialize (&argc, &argv);

  add_folder (FUZZ_REGRESSIONS_DIR, "regressions");
  for (guint i = 0; seed_dirs[i] != NULL; i++)
    {
      g_autofree char *label = NULL;

      if (*seed_dirs[i] == '\0')
        continue;
      label = g_strconcat ("seeds-", strrchr (seed_dirs[i], '/') + 1, NULL);
      add_folder (seed_dirs[i], label);
    }

  return g_test_run ();
}

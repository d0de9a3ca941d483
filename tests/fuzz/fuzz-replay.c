/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fuzz-common.h"

/* Links a harness into a plain test: each file in the folders named on the
 * command line (the inputs that once crashed it, and its seeds) becomes a
 * test case that feeds the file to the harness, asserts and all. */

static void
replay (gconstpointer data)
{
  const char *path = data;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
add_folder (const char *harness,
            const char *folder)
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
      g_autofree char *base = g_path_get_basename (folder);
      g_autofree char *test_path = g_strdup_printf ("/fuzz/%s/%s/%s", harness, base, file);

      g_test_add_data_func_full (test_path, g_build_filename (folder, file, NULL), replay, g_free);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  LLVMFuzzerInitialize (&argc, &argv);

  /* argv[1] names the harness; the rest are folders of inputs. */
  g_assert_cmpint (argc, >=, 2);
  for (int i = 2; i < argc; i++)
    add_folder (argv[1], argv[i]);

  return g_test_run ();
}

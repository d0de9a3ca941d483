/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "mer-renderer.h"

/* Without a GPU the window asks GTK for its cairo renderer; with one, or
 * when the user names a renderer, GTK's choice stands. */

static char *
make_dri_dir (gboolean with_render_node)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("meridian-dri-XXXXXX", &error);
  g_autofree char *card = NULL;

  g_assert_no_error (error);
  card = g_build_filename (dir, "card0", NULL);
  g_file_set_contents (card, "", 0, &error);
  g_assert_no_error (error);
  if (with_render_node)
    {
      g_autofree char *node = g_build_filename (dir, "renderD128", NULL);

      g_file_set_contents (node, "", 0, &error);
      g_assert_no_error (error);
    }
  return dir;
}

static void
remove_dri_dir (const char *dir)
{
  const char *names[] = { "card0", "renderD128" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);

      g_unlink (path);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_software (void)
{
  g_autofree char *gpu = make_dri_dir (TRUE);
  g_autofree char *no_gpu = make_dri_dir (FALSE);
  g_autofree char *missing = g_build_filename (no_gpu, "missing", NULL);

  g_unsetenv ("LIBGL_ALWAYS_SOFTWARE");
  g_assert_false (mer_renderer_is_software (gpu));
  /* A card without a render node (a display controller alone), no DRM. */
  g_assert_true (mer_renderer_is_software (no_gpu));
  g_assert_true (mer_renderer_is_software (missing));

  g_setenv ("LIBGL_ALWAYS_SOFTWARE", "1", TRUE);
  g_assert_true (mer_renderer_is_software (gpu));
  g_setenv ("LIBGL_ALWAYS_SOFTWARE", "0", TRUE);
  g_assert_false (mer_renderer_is_software (gpu));
  g_unsetenv ("LIBGL_ALWAYS_SOFTWARE");

  remove_dri_dir (gpu);
  remove_dri_dir (no_gpu);
}

static void
test_choose (void)
{
  g_autofree char *gpu = make_dri_dir (TRUE);
  g_autofree char *no_gpu = make_dri_dir (FALSE);

  g_unsetenv ("LIBGL_ALWAYS_SOFTWARE");
  g_unsetenv ("GSK_RENDERER");
  g_assert_null (mer_renderer_choose (gpu));
  g_assert_null (g_getenv ("GSK_RENDERER"));

  g_assert_cmpstr (mer_renderer_choose (no_gpu), ==, "cairo");
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "cairo");

  /* The user's choice stands. */
  g_setenv ("GSK_RENDERER", "ngl", TRUE);
  g_assert_null (mer_renderer_choose (no_gpu));
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "ngl");

  remove_dri_dir (gpu);
  remove_dri_dir (no_gpu);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/app/renderer/software", test_software);
  g_test_add_func ("/app/renderer/choose", test_choose);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-renderer"

#include "config.h"

#include "mer-renderer.h"

#include <unistd.h>

/* Which of GTK's renderers draws the window. On a machine without a GPU,
 * OpenGL is Mesa's software rasteriser, and GTK 4.8's GL renderer, without
 * buffer age there, draws the whole window for every frame; its cairo
 * renderer draws only what changed, and the map and the timeline hand it
 * cells that keep their nodes (docs/performance.md: a selection's first
 * frame 33–39 ms median against 55 ms). With a GPU, GL is GTK's choice and
 * stays it; GSK_RENDERER, when set, is the user's. */

/**
 * mer_renderer_is_software:
 * @dri_dir: where the kernel's DRM devices are: "/dev/dri"
 *
 * Returns: whether OpenGL here can only be a software rasteriser: Mesa is
 *   told so (LIBGL_ALWAYS_SOFTWARE), or there is no render node
 *   ("renderD128") this user may open
 */
gboolean
mer_renderer_is_software (const char *dri_dir)
{
  const char *forced = g_getenv ("LIBGL_ALWAYS_SOFTWARE");
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (dri_dir != NULL, FALSE);

  if (forced != NULL && *forced != '\0' && !g_str_equal (forced, "0") && g_ascii_strcasecmp (forced, "false") != 0)
    return TRUE;

  dir = g_dir_open (dri_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!g_str_has_prefix (name, "renderD"))
        continue;
      path = g_build_filename (dri_dir, name, NULL);
      if (access (path, R_OK | W_OK) == 0)
        return FALSE;
    }
  return TRUE;
}

/**
 * mer_renderer_choose:
 * @dri_dir: as for mer_renderer_is_software()
 *
 * Asks GTK for its cairo renderer when OpenGL would be software and
 * GSK_RENDERER does not name one. Call before GTK makes a window.
 *
 * Returns: (nullable): the renderer asked for, or %NULL when GTK chooses
 */
const char *
mer_renderer_choose (const char *dri_dir)
{
  if (g_getenv ("GSK_RENDERER") != NULL || !mer_renderer_is_software (dri_dir))
    return NULL;

  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  return "cairo";
}

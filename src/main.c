/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "mer-application.h"
#include "mer-paths.h"
#include "mer-renderer.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(MerApplication) application = NULL;
  g_autofree char *locale_dir = NULL;

  setlocale (LC_ALL, "");
  /* The build tree's catalogues when run from it, the installed ones
   * otherwise: a build never reads another install's translations. */
  locale_dir = mer_paths_dup_locale_dir ();
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  mer_renderer_choose ("/dev/dri");
  application = mer_application_new ();
  return g_application_run (G_APPLICATION (application), argc, argv);
}

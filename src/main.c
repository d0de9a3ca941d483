/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "mer-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(MerApplication) application = NULL;

  setlocale (LC_ALL, "");

  application = mer_application_new ();
  return g_application_run (G_APPLICATION (application), argc, argv);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cli-test-utils.h"

#include <sys/wait.h>

void
result_clear (Result *result)
{
  g_free (result->out);
  g_free (result->err);
}

/**
 * run_meridian:
 * @dir: the working directory
 * @first: the first argument, then the others, then %NULL
 *
 * Runs MERIDIAN_BIN in @dir without a display (headless commands must not
 * need one) and fills @result with its exit status and output.
 */
void
run_meridian (Result     *result,
              const char *dir,
              const char *first,
              ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  int wait_status;
  va_list args;

  g_ptr_array_add (argv, (gpointer) MERIDIAN_BIN);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");

  g_spawn_sync (dir, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &result->out, &result->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  result->status = WEXITSTATUS (wait_status);
}

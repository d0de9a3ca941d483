/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <glib.h>

/* Runs the real meridian executable as a user would, with no display. */

typedef struct {
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *result)
{
  g_free (result->out);
  g_free (result->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static void
run (Result     *result,
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

  /* Headless commands must not need a display. */
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");

  g_spawn_sync (TESTDATADIR, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &result->out, &result->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  result->status = WEXITSTATUS (wait_status);
}

static void
test_check_valid (void)
{
  g_auto(Result) r = { 0 };

  run (&r, "--check", "valid-small.json", SRCDIR "/data/events/russia-japan.json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==,
                   "valid-small.json: 3 events, 2 regions, 1 eras, 1 briefings\n"
                   SRCDIR "/data/events/russia-japan.json: 53 events, 9 regions, 6 eras, 2 briefings\n");
  g_assert_cmpstr (r.err, ==, "");
}

static void
test_check_invalid (void)
{
  g_auto(Result) r = { 0 };

  run (&r, "--check", "valid-small.json", "end-before-start.json", "unknown-member.json", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.out, ==,
                   "valid-small.json: 3 events, 2 regions, 1 eras, 1 briefings\n"
                   "unknown-member.json: 1 events, 0 regions, 0 eras, 0 briefings\n");
  g_assert_cmpstr (r.err, ==,
                   "end-before-start.json:3:64: error: eras[0].end: end \"1947\" is before start \"1991\"\n"
                   "end-before-start.json:5:62: error: events[0].end: end \"2016-12-14\" is before start \"2016-12-15\"\n"
                   "unknown-member.json:3:3: warning: titel: unknown member \"titel\" (did you mean \"title\"?)\n"
                   "unknown-member.json:5:49: warning: events[0].colour: unknown member \"colour\"\n"
                   "unknown-member.json:5:70: warning: events[0].x-note: unknown member \"x-note\"\n");
}

static void
test_check_unreadable (void)
{
  g_auto(Result) r = { 0 };

  run (&r, "--check", "version.json", "no-such-file.json", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_cmpstr (r.out, ==, "");
  g_assert_cmpstr (r.err, ==,
                   "version.json:2:15: error: meridian: unsupported version 2 (this Meridian reads version 1)\n"
                   "no-such-file.json: error: cannot read the file: No such file or directory\n");
}

static void
test_usage (void)
{
  g_auto(Result) no_files = { 0 };
  g_auto(Result) unknown = { 0 };
  g_auto(Result) version = { 0 };
  g_auto(Result) help = { 0 };

  run (&no_files, "--check", NULL);
  g_assert_cmpint (no_files.status, ==, 2);
  g_assert_cmpstr (no_files.err, ==, "meridian: --check needs at least one FILE\n");

  run (&unknown, "--frobnicate", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "Unknown option --frobnicate"));

  run (&version, "--version", NULL);
  g_assert_cmpint (version.status, ==, 0);
  g_assert_cmpstr (version.out, ==, "meridian " PACKAGE_VERSION "\n");

  run (&help, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--check"));
  g_assert_nonnull (strstr (help.out, "Russia–Japan"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/check/valid", test_check_valid);
  g_test_add_func ("/cli/check/invalid", test_check_invalid);
  g_test_add_func ("/cli/check/unreadable", test_check_unreadable);
  g_test_add_func ("/cli/usage", test_usage);

  return g_test_run ();
}

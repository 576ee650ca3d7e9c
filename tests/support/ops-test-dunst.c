/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-test"

#include "config.h"

#include <signal.h>
#include <string.h>

#include "ops-test-dunst.h"
#include "ops-test-process.h"
#include "ops-test-util.h"

static gboolean
name_has_owner (gpointer data)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  if (bus == NULL)
    return FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", "org.freedesktop.Notifications"),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                                       NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);

  return owned;
}

/**
 * ops_test_dunst_start:
 *
 * Starts dunst with notifications that stay until closed, and waits until
 * it owns `org.freedesktop.Notifications`. Fails the test loudly when it
 * cannot start.
 *
 * Returns: (transfer full): the running service
 */
OpsTestDunst *
ops_test_dunst_start (void)
{
  OpsTestDunst *self = g_new0 (OpsTestDunst, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *config_path = NULL;
  g_autofree char *config = NULL;
  g_autofree char *log_path = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;

  g_assert_nonnull (g_getenv ("DISPLAY"));
  g_assert_nonnull (g_getenv ("DBUS_SESSION_BUS_ADDRESS"));

  self->dir = ops_test_make_server_dir ("dunst");
  self->print_path = g_build_filename (self->dir, "printed.txt", NULL);
  self->choice_path = g_build_filename (self->dir, "choice.txt", NULL);
  config_path = g_build_filename (self->dir, "dunstrc", NULL);
  log_path = g_build_filename (self->dir, "dunst.log", NULL);

  g_file_set_contents (self->choice_path, "no choice yet\n", -1, &error);
  g_assert_no_error (error);

  /* The context menu (“dmenu”) gets one line per button and answers with
   * the line it picks: the one that contains the chosen text. */
  config = g_strdup_printf ("[global]\n"
                            "    dmenu = /bin/grep -m1 -F -f %s\n"
                            "    history_length = 100\n"
                            "    show_indicators = yes\n"
                            "[urgency_low]\n    timeout = 0\n"
                            "[urgency_normal]\n    timeout = 0\n"
                            "[urgency_critical]\n    timeout = 0\n",
                            self->choice_path);
  g_file_set_contents (config_path, config, -1, &error);
  g_assert_no_error (error);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_subprocess_launcher_set_cwd (launcher, self->dir);
  g_subprocess_launcher_set_child_setup (launcher, ops_test_process_die_with_parent, NULL, NULL);
  g_subprocess_launcher_set_stdout_file_path (launcher, self->print_path);
  g_subprocess_launcher_set_stderr_file_path (launcher, log_path);
  self->process = g_subprocess_launcher_spawn (launcher, &error, "/usr/bin/dunst", "-config",
                                               config_path, "-print", NULL);
  if (self->process == NULL)
    g_error ("Could not start dunst: %s. Is it installed (build-aux/packages-test.txt)?",
             error->message);

  if (!ops_test_wait_until (name_has_owner, NULL, 20000))
    {
      g_autofree char *log = NULL;

      g_file_get_contents (log_path, &log, NULL, NULL);
      g_error ("dunst did not take the notification service name within 20 s. Its log:\n%s",
               log != NULL ? log : "(none)");
    }

  return self;
}

void
ops_test_dunst_stop (OpsTestDunst *self)
{
  if (self == NULL)
    return;

  if (g_subprocess_get_identifier (self->process) != NULL)
    {
      g_subprocess_send_signal (self->process, SIGTERM);
      g_subprocess_wait (self->process, NULL, NULL);
    }
  g_clear_object (&self->process);
  ops_test_remove_tree (self->dir);
  g_free (self->dir);
  g_free (self->print_path);
  g_free (self->choice_path);
  g_free (self);
}

/* Returns: (transfer full): what dunst printed of the notifications it got */
char *
ops_test_dunst_read_printed (OpsTestDunst *self)
{
  char *contents = NULL;

  if (!g_file_get_contents (self->print_path, &contents, NULL, NULL))
    return g_strdup ("");

  return contents;
}

typedef struct
{
  OpsTestDunst *dunst;
  const char   *text;
} WaitPrinted;

static gboolean
printed (gpointer data)
{
  WaitPrinted     *wait = data;
  g_autofree char *contents = ops_test_dunst_read_printed (wait->dunst);

  return strstr (contents, wait->text) != NULL;
}

/* Waits, iterating the main context, until dunst printed @text. */
gboolean
ops_test_dunst_wait_printed (OpsTestDunst *self,
                             const char   *text,
                             guint         timeout_ms)
{
  WaitPrinted wait = { self, text };

  return ops_test_wait_until (printed, &wait, timeout_ms);
}

/**
 * ops_test_dunst_ctl:
 * @self: the service
 * @first_arg: the first argument of dunstctl, such as `history`
 *
 * Runs dunstctl, as a person at the desktop would.
 *
 * Returns: (transfer full): what it printed
 */
char *
ops_test_dunst_ctl (OpsTestDunst *self,
                    const char   *first_arg,
                    ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char       *out = NULL;
  const char *arg;
  va_list     args;

  g_ptr_array_add (argv, (gpointer) "/usr/bin/dunstctl");
  va_start (args, first_arg);
  for (arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char *const *)argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (process))
    g_error ("dunstctl %s failed: %s", first_arg, out);

  return out;
}

/**
 * ops_test_dunst_sync:
 * @self: the service
 *
 * Makes a round trip to dunst on the session bus and runs what is
 * pending in the main context: the answers to every notification sent
 * before have then been handled (GLib needs them to withdraw one).
 */
void
ops_test_dunst_sync (OpsTestDunst *self)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;

  g_assert_nonnull (bus);
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.Notifications",
                                       "/org/freedesktop/Notifications",
                                       "org.freedesktop.Notifications", "GetServerInformation",
                                       NULL, NULL, G_DBUS_CALL_FLAGS_NONE, 5000, NULL, NULL);
  g_assert_nonnull (reply);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* How many notifications are `displayed`, in `history` or `waiting`. */
guint
ops_test_dunst_count (OpsTestDunst *self,
                      const char   *which)
{
  g_autofree char *out = ops_test_dunst_ctl (self, "count", which, NULL);

  return (guint)g_ascii_strtoull (out, NULL, 10);
}

/* What the context menu will pick: the button whose line contains @text,
 * such as `alert-acknowledge(int64 3)`. */
void
ops_test_dunst_choose (OpsTestDunst *self,
                       const char   *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *line = g_strconcat (text, "\n", NULL);

  g_file_set_contents (self->choice_path, line, -1, &error);
  g_assert_no_error (error);
}

typedef struct
{
  OpsTestDunst *dunst;
  guint         displayed;
} WaitDisplayed;

static gboolean
displayed_is (gpointer data)
{
  WaitDisplayed *wait = data;

  return ops_test_dunst_count (wait->dunst, "displayed") == wait->displayed;
}

/* Waits, iterating the main context, until @n notifications are on screen. */
gboolean
ops_test_dunst_wait_displayed (OpsTestDunst *self,
                               guint         n,
                               guint         timeout_ms)
{
  WaitDisplayed wait = { self, n };

  return ops_test_wait_until (displayed_is, &wait, timeout_ms);
}

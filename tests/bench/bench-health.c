/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

/*
 * The health engine under load: N HTTP checks (or checks of another kind)
 * at an interval against a URL (a local nginx), through the real
 * scheduler, probes and history, for a while. Prints the CPU used (percent
 * of one core), the peak resident memory and the history rows written per
 * second.
 *
 *   bench-health --checks 1000 --interval 5 --duration 60 --url http://127.0.0.1:8080/health
 *   bench-health --kind prometheus --checks 1000 --interval 5 --url http://127.0.0.1:8080/metrics
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/resource.h>

#include "health/ops-check-list-private.h"
#include "health/ops-health-engine.h"
#include "ops-paths.h"

static guint64
cpu_usec (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (guint64)usage.ru_utime.tv_sec * G_USEC_PER_SEC + usage.ru_utime.tv_usec +
         (guint64)usage.ru_stime.tv_sec * G_USEC_PER_SEC + usage.ru_stime.tv_usec;
}

/* Peak resident set, from the kernel's high-water mark. */
static gint64
peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char      *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;

  line = strstr (status, "VmHWM:");
  return line != NULL ? g_ascii_strtoll (line + 6, NULL, 10) : -1;
}

typedef struct
{
  guint results;
  guint healthy;
  guint down;
  char *first_error;
} Tally;

static void
result_cb (OpsHealthEngine *engine,
           OpsCheck        *check,
           OpsCheckResult  *result,
           Tally           *tally)
{
  tally->results++;
  if (ops_check_result_get_status (result) == OPS_HEALTH_STATUS_HEALTHY)
    tally->healthy++;
  else if (ops_check_result_get_status (result) == OPS_HEALTH_STATUS_DOWN)
    {
      tally->down++;
      if (tally->first_error == NULL)
        tally->first_error = g_strdup (ops_check_result_get_error (result));
    }
}

static void
remove_data_dir (const char *dir)
{
  static const char *const files[] = { "opsdeck.db", "opsdeck.db-wal", "opsdeck.db-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i], NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static gboolean
stop_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  int                n_checks = 1000, interval = 5, duration = 60;
  g_autofree char   *url = NULL;
  g_autofree char   *kind_name = NULL;
  OpsCheckKind       kind = OPS_CHECK_KIND_HTTP;
  g_autofree char   *data_dir = NULL;
  const GOptionEntry entries[] = {
    { "checks", 'n', 0, G_OPTION_ARG_INT, &n_checks, "How many checks", "N" },
    { "interval", 'i', 0, G_OPTION_ARG_INT, &interval, "Their interval in seconds", "S" },
    { "duration", 'd', 0, G_OPTION_ARG_INT, &duration, "How long to run, in seconds", "S" },
    { "url", 'u', 0, G_OPTION_ARG_STRING, &url, "What they probe", "URL" },
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind_name, "Their kind (http, prometheus…)", "KIND" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(OpsStore) store = NULL;
  g_autoptr(OpsHealthEngine) engine = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autofree char *db_path = NULL;
  Tally            tally = { 0 };
  guint64          cpu_before, cpu_after;
  gint64           wall_before, wall_after;
  guint64          rows;
  double           seconds, cpu_percent;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || url == NULL)
    {
      g_printerr ("bench-health: %s\n", error != NULL ? error->message : "--url is needed");
      return 2;
    }
  if (kind_name != NULL && !ops_check_kind_from_string (kind_name, &kind))
    {
      g_printerr ("bench-health: unknown kind %s\n", kind_name);
      return 2;
    }

  data_dir = g_dir_make_tmp ("opsdeck-bench-XXXXXX", &error);
  g_assert_no_error (error);
  ops_paths_set_data_dir_override (data_dir);
  db_path = g_build_filename (data_dir, "opsdeck.db", NULL);
  store = ops_store_open (db_path, &error);
  g_assert_no_error (error);

  /* The checks, in one transaction. */
  g_assert_true (ops_store_begin (store, &error));
  for (int i = 0; i < n_checks; i++)
    {
      g_autofree char *name = g_strdup_printf ("check-%05d", i);
      g_autoptr(OpsCheck) check = ops_check_new (kind, name, url);

      ops_check_set_interval_ms (check, interval * 1000);
      ops_check_set_timeout_ms (check, MIN (interval * 1000, 10000));
      g_assert_cmpint (_ops_check_list_write_row (store, check, 0, FALSE, &error), >, 0);
    }
  g_assert_true (ops_store_commit (store, &error));

  engine = ops_health_engine_new (store, NULL, NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (engine, "result", G_CALLBACK (result_cb), &tally);

  cpu_before = cpu_usec ();
  wall_before = g_get_monotonic_time ();
  ops_health_engine_start (engine);
  g_timeout_add_seconds (duration, stop_cb, loop);
  g_main_loop_run (loop);
  ops_health_engine_stop (engine);
  cpu_after = cpu_usec ();
  wall_after = g_get_monotonic_time ();

  ops_history_flush_sync (ops_health_engine_get_history (engine), &error);
  g_assert_no_error (error);
  rows = ops_history_get_rows_written (ops_health_engine_get_history (engine));

  seconds = (wall_after - wall_before) / (double)G_USEC_PER_SEC;
  cpu_percent = 100.0 * (cpu_after - cpu_before) / (wall_after - wall_before);

  g_print ("checks=%d kind=%s interval=%ds duration=%.1fs\n", n_checks,
           ops_check_kind_to_string (kind), interval, seconds);
  g_print ("  results: %u (%u healthy, %u down)%s%s\n", tally.results, tally.healthy, tally.down,
           tally.first_error != NULL ? "; first error: " : "",
           tally.first_error != NULL ? tally.first_error : "");
  g_print ("  CPU: %.1f %% of one core\n", cpu_percent);
  g_print ("  peak RSS: %.1f MB\n", peak_rss_kib () / 1024.0);
  g_print ("  history rows written: %" G_GUINT64_FORMAT " (%.1f rows/s)\n", rows, rows / seconds);
  g_print ("RESULT checks=%d interval=%d cpu_percent=%.2f peak_rss_mb=%.1f rows_per_s=%.1f results=%u down=%u\n",
           n_checks, interval, cpu_percent, peak_rss_kib () / 1024.0, rows / seconds, tally.results,
           tally.down);

  g_clear_object (&engine);
  g_clear_object (&store);
  remove_data_dir (data_dir);
  g_free (tally.first_error);

  return 0;
}

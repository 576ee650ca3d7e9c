/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include <math.h>
#include <string.h>

#include "health/ops-check.h"
#include "health/ops-health-score.h"
#include "health/ops-prometheus-text.h"
#include "ops-test-nginx.h"
#include "ops-test-node-exporter.h"
#include "ops-test-probe.h"
#include "ops-test-util.h"

/* Host metrics: the real node_exporter, pages served by nginx (garbled
 * ones too), the text format parser and the health score. */

static OpsTestNodeExporter *exporter;
static OpsTestNginx        *nginx;
static OpsProbeContext     *context;

typedef struct
{
  guint  samples;
  double last;
  char  *last_name;
  char  *label;
} Collected;

static void
collect_cb (const OpsPrometheusSample *sample,
            gpointer                   user_data)
{
  Collected *c = user_data;

  c->samples++;
  c->last = sample->value;
  g_free (c->last_name);
  c->last_name = g_strdup (sample->name);
  g_free (c->label);
  c->label = g_strdup (g_hash_table_lookup (sample->labels, "path"));
}

static void
test_parser (void)
{
  static const char text[] =
      "# HELP node_load1 1m load average.\n"
      "# TYPE node_load1 gauge\n"
      "node_load1 0.21\n"
      "this line is garbage\n"
      "node_cpu_seconds_total{cpu=\"0\",mode=\"idle\"} 1234.5 1700000000000\n"
      "broken{label=\"unterminated} 1\n"
      "no_value_here\n"
      "   \n"
      "weird{path=\"a \\\"quoted\\\" \\\\ value\",} +Inf\n";
  Collected c = { 0 };
  guint     ignored = 0;
  guint     samples;

  samples = ops_prometheus_text_parse (text, strlen (text), collect_cb, &c, &ignored);
  g_assert_cmpuint (samples, ==, 3);
  g_assert_cmpuint (c.samples, ==, 3);
  g_assert_cmpuint (ignored, ==, 3);
  g_assert_cmpstr (c.last_name, ==, "weird");
  g_assert_true (isinf (c.last));
  g_assert_cmpstr (c.label, ==, "a \"quoted\" \\ value");

  g_free (c.last_name);
  g_free (c.label);
}

/* The score of DESIGN.md, case by case. */
static void
test_score (void)
{
  static const struct
  {
    double       cpu, memory, disk;
    double       score;
    OpsScoreBand band;
  } cases[] = {
    { 0, 0, 0, 100, OPS_SCORE_HEALTHY },
    { 10, 20, 30, 85, OPS_SCORE_DEGRADED },
    { 75, 10, 10, 67.5, OPS_SCORE_WARNING },  /* 100-22.5-3-2-5 (CPU warning) */
    { 95, 95, 50, 3, OPS_SCORE_CRITICAL },    /* 100-28.5-28.5-10-15-15 */
    { 100, 100, 100, 0, OPS_SCORE_CRITICAL }, /* clamped */
    { NAN, 50, 50, 75, OPS_SCORE_DEGRADED },  /* unknown CPU takes nothing */
    { 20, 80, 85, 43, OPS_SCORE_CRITICAL },   /* 100-6-24-17-5-5 */
  };
  OpsScoreThresholds limits = OPS_SCORE_THRESHOLDS_DEFAULT;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      OpsScore score = ops_health_score_compute (cases[i].cpu, cases[i].memory, cases[i].disk,
                                                 &limits);

      g_test_message ("case %u: score %.1f", i, score.score);
      g_assert_cmpfloat_with_epsilon (score.score, cases[i].score, 1e-9);
      g_assert_cmpint (score.band, ==, cases[i].band);
    }

  g_assert_cmpint (ops_score_band_to_status (OPS_SCORE_WARNING), ==, OPS_HEALTH_STATUS_DEGRADED);
  g_assert_cmpint (ops_score_band_to_status (OPS_SCORE_CRITICAL), ==, OPS_HEALTH_STATUS_DOWN);
}

static void
test_node_exporter (void)
{
  g_autofree char *url = ops_test_node_exporter_url (exporter);
  g_autoptr(OpsCheck) check = ops_check_new (OPS_CHECK_KIND_PROMETHEUS, "host", url);
  g_autoptr(OpsProbe) probe = NULL;
  g_autoptr(OpsCheckResult) first = NULL;
  g_autoptr(OpsCheckResult) second = NULL;
  double cpu = -1, memory = -1, disk = -1, score = -1, rx = -1;

  ops_check_set_timeout_ms (check, 10000);
  probe = ops_probe_new_for_check (check, context);

  /* The first run takes two scrapes to have rates at once. */
  first = ops_test_run_probe (probe);
  g_assert_cmpint (ops_check_result_get_status (first), !=, OPS_HEALTH_STATUS_UNKNOWN);
  g_assert_true (ops_check_result_get_detail_double (first, "cpu_percent", &cpu));
  g_assert_true (ops_check_result_get_detail_double (first, "memory_percent", &memory));
  g_assert_true (ops_check_result_get_detail_double (first, "health_score", &score));
  g_assert_true (ops_check_result_get_detail_double (first, "network_receive_bytes_per_second", &rx));
  g_assert_cmpfloat (cpu, >=, 0);
  g_assert_cmpfloat (cpu, <=, 100);
  g_assert_cmpfloat (memory, >, 0);
  g_assert_cmpfloat (memory, <, 100);
  g_assert_cmpfloat (score, >=, 0);
  g_assert_cmpfloat (score, <=, 100);
  g_assert_cmpfloat (rx, >=, 0);
  if (ops_check_result_get_detail_double (first, "disk_percent", &disk))
    g_assert_cmpfloat (disk, <=, 100);

  /* The next run uses the previous scrape. */
  second = ops_test_run_probe (probe);
  g_assert_true (ops_check_result_get_detail_double (second, "cpu_percent", &cpu));
  g_assert_nonnull (ops_check_result_get_detail_string (second, "score_band"));
}

/* A page of node_exporter's format with known values and garbage lines. */
static void
test_garbage_lines (void)
{
  static const char page[] =
      "# HELP node_memory_MemTotal_bytes Memory information field MemTotal_bytes.\n"
      "node_memory_MemTotal_bytes 1000\n"
      "node_memory_MemAvailable_bytes 50\n"
      "%%% not a metric %%%\n"
      "node_filesystem_size_bytes{device=\"/dev/sda1\",fstype=\"ext4\",mountpoint=\"/\"} 100\n"
      "node_filesystem_avail_bytes{device=\"/dev/sda1\",fstype=\"ext4\",mountpoint=\"/\"} 3\n"
      "node_filesystem_size_bytes{device=\"tmpfs\",fstype=\"tmpfs\",mountpoint=\"/run\"} 100\n"
      "node_filesystem_avail_bytes{device=\"tmpfs\",fstype=\"tmpfs\",mountpoint=\"/run\"} 0\n"
      "node_cpu_seconds_total{cpu=\"0\",mode=\"idle\"} oops\n"
      "{\"json\": \"in a metrics page\"}\n";
  g_autofree char *url = ops_test_nginx_url (nginx, "/metrics.txt");
  g_autoptr(OpsCheck) check = ops_check_new (OPS_CHECK_KIND_PROMETHEUS, "host", url);
  g_autoptr(OpsCheckResult) result = NULL;
  double memory = 0, disk = 0, ignored = 0, score = 0;

  ops_test_nginx_write_file (nginx, "metrics.txt", page, -1);
  ops_check_set_timeout_ms (check, 5000);
  result = ops_test_run_check (context, check);

  g_assert_true (ops_check_result_get_detail_double (result, "ignored_lines", &ignored));
  g_assert_cmpfloat (ignored, ==, 3);
  g_assert_true (ops_check_result_get_detail_double (result, "memory_percent", &memory));
  g_assert_cmpfloat_with_epsilon (memory, 95, 1e-9);
  /* The tmpfs at /run, full as it is, is not a disk. */
  g_assert_true (ops_check_result_get_detail_double (result, "disk_percent", &disk));
  g_assert_cmpfloat_with_epsilon (disk, 97, 1e-9);
  g_assert_cmpstr (ops_check_result_get_detail_string (result, "disk_mount"), ==, "/");
  /* 100 - 28.5 - 19.4 - 15 - 15: critical, so down, with the reasons. */
  g_assert_true (ops_check_result_get_detail_double (result, "health_score", &score));
  g_assert_cmpfloat_with_epsilon (score, 22.1, 1e-9);
  ops_test_assert_error (result, OPS_HEALTH_STATUS_DOWN,
                         "health score 22 (critical): memory 95 %, disk / 97 %");
  g_assert_nonnull (strstr (ops_check_result_get_summary (result), "3 lines skipped"));
}

static void
test_not_metrics (void)
{
  g_autofree char *url = ops_test_nginx_url (nginx, "/page.html");
  g_autoptr(OpsCheck) check = ops_check_new (OPS_CHECK_KIND_PROMETHEUS, "host", url);
  g_autoptr(OpsCheck) missing = NULL;
  g_autoptr(OpsCheckResult) result = NULL;
  g_autoptr(OpsCheckResult) not_found = NULL;
  g_autofree char *missing_url = ops_test_nginx_url (nginx, "/nothing");

  ops_test_nginx_write_file (nginx, "page.html", "<html><body>Hello</body></html>\n", -1);
  result = ops_test_run_check (context, check);
  ops_test_assert_error (result, OPS_HEALTH_STATUS_DOWN,
                         "no host metrics found: 1 line is not in the Prometheus text format");

  missing = ops_check_new (OPS_CHECK_KIND_PROMETHEUS, "host", missing_url);
  not_found = ops_test_run_check (context, missing);
  ops_test_assert_error (not_found, OPS_HEALTH_STATUS_DOWN, "HTTP status 404");
}

static void
test_thresholds_option (void)
{
  g_autofree char *url = ops_test_nginx_url (nginx, "/calm.txt");
  g_autoptr(OpsCheck) check = ops_check_new (OPS_CHECK_KIND_PROMETHEUS, "host", url);
  g_autoptr(OpsCheckResult) strict = NULL;

  ops_test_nginx_write_file (nginx, "calm.txt",
                             "node_memory_MemTotal_bytes 100\nnode_memory_MemAvailable_bytes 40\n", -1);

  /* 60 % memory: fine by default, critical with a limit of 50 %. */
  ops_test_set_option (check, "memory_warning", "40");
  ops_test_set_option (check, "memory_critical", "50");
  strict = ops_test_run_check (context, check);
  ops_test_assert_error (strict, OPS_HEALTH_STATUS_DEGRADED, "memory 60 %");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  ops_test_init (&argc, &argv);
  context = ops_probe_context_new (NULL);
  exporter = ops_test_node_exporter_start ();
  nginx = ops_test_nginx_start (NULL, NULL, NULL);

  g_test_add_func ("/opsdeck/health/prometheus/parser", test_parser);
  g_test_add_func ("/opsdeck/health/prometheus/score", test_score);
  g_test_add_func ("/opsdeck/health/prometheus/node-exporter", test_node_exporter);
  g_test_add_func ("/opsdeck/health/prometheus/garbage-lines", test_garbage_lines);
  g_test_add_func ("/opsdeck/health/prometheus/not-metrics", test_not_metrics);
  g_test_add_func ("/opsdeck/health/prometheus/thresholds", test_thresholds_option);

  status = g_test_run ();

  ops_test_nginx_stop (nginx);
  ops_test_node_exporter_stop (exporter);
  g_clear_object (&context);
  return status;
}

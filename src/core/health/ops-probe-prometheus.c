/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-probe-prometheus"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ops-health-score.h"
#include "ops-probe-http-fetch.h"
#include "ops-probe-kinds.h"
#include "ops-prometheus-text.h"

/*
 * Host metrics from a Prometheus text endpoint (node_exporter's /metrics):
 * CPU % and network bytes/s from two consecutive scrapes (the first run
 * takes two, a second apart), memory % from MemAvailable, disk % of the
 * fullest real filesystem, and the host health score of DESIGN.md from
 * them. Lines that do not parse are counted and skipped.
 */
struct _OpsProbePrometheus
{
  OpsProbe parent_instance;

  /* The previous scrape, for rates. */
  gint64   previous_at;
  double   previous_cpu_total;
  double   previous_cpu_idle;
  double   previous_rx;
  double   previous_tx;
  double   last_cpu;
  gboolean has_previous;
};

G_DEFINE_FINAL_TYPE (OpsProbePrometheus, ops_probe_prometheus, OPS_TYPE_PROBE)

#define FIRST_GAP_USEC (G_USEC_PER_SEC)

/* Pseudo filesystems take no real space. */
static const char *const ignored_fstypes[] = {
  "tmpfs",
  "devtmpfs",
  "squashfs",
  "ramfs",
  "nsfs",
  "proc",
  "sysfs",
  "cgroup",
  "cgroup2",
  "autofs",
  "iso9660",
  "tracefs",
  "debugfs",
  "mqueue",
  "hugetlbfs",
  "securityfs",
  "pstore",
  "bpf",
  "configfs",
  "binfmt_misc",
  "rpc_pipefs",
  "fusectl",
  "devpts",
  "fuse.lxcfs",
  "efivarfs",
  NULL,
};

typedef struct
{
  double      cpu_total;
  double      cpu_idle;
  double      memory_total;
  double      memory_available;
  double      rx;
  double      tx;
  GHashTable *fs_size; /* mount point → bytes */
  GHashTable *fs_avail;
  guint       cpu_samples;
  guint       node_samples;
  guint       samples;
  guint       ignored;
  gint64      at;
} Scrape;

typedef struct
{
  OpsCheckResult *result;
  Scrape          first;
  Scrape          second;
  guint           wait_id;
  gboolean        twice;
} RunData;

static void
scrape_clear (Scrape *scrape)
{
  g_clear_pointer (&scrape->fs_size, g_hash_table_unref);
  g_clear_pointer (&scrape->fs_avail, g_hash_table_unref);
}

static void
scrape_init (Scrape *scrape)
{
  memset (scrape, 0, sizeof *scrape);
  scrape->memory_total = NAN;
  scrape->memory_available = NAN;
  scrape->fs_size = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  scrape->fs_avail = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
run_data_free (gpointer data)
{
  RunData *d = data;

  g_clear_handle_id (&d->wait_id, g_source_remove);
  g_clear_object (&d->result);
  scrape_clear (&d->first);
  scrape_clear (&d->second);
  g_free (d);
}

static void
sample_cb (const OpsPrometheusSample *sample,
           gpointer                   user_data)
{
  Scrape     *s = user_data;
  const char *name = sample->name;

  if (!g_str_has_prefix (name, "node_"))
    return;
  if (!isfinite (sample->value))
    return;

  if (g_str_equal (name, "node_cpu_seconds_total"))
    {
      const char *mode = g_hash_table_lookup (sample->labels, "mode");

      s->cpu_total += sample->value;
      if (g_strcmp0 (mode, "idle") == 0)
        s->cpu_idle += sample->value;
      s->cpu_samples++;
    }
  else if (g_str_equal (name, "node_memory_MemTotal_bytes"))
    s->memory_total = sample->value;
  else if (g_str_equal (name, "node_memory_MemAvailable_bytes"))
    s->memory_available = sample->value;
  else if (g_str_equal (name, "node_filesystem_size_bytes") ||
           g_str_equal (name, "node_filesystem_avail_bytes"))
    {
      const char *mount = g_hash_table_lookup (sample->labels, "mountpoint");
      const char *fstype = g_hash_table_lookup (sample->labels, "fstype");

      if (mount == NULL || (fstype != NULL && g_strv_contains (ignored_fstypes, fstype)))
        return;
      g_hash_table_replace (g_str_equal (name, "node_filesystem_size_bytes") ? s->fs_size : s->fs_avail,
                            g_strdup (mount), g_memdup2 (&sample->value, sizeof (double)));
    }
  else if (g_str_equal (name, "node_network_receive_bytes_total") ||
           g_str_equal (name, "node_network_transmit_bytes_total"))
    {
      if (g_strcmp0 (g_hash_table_lookup (sample->labels, "device"), "lo") == 0)
        return;
      if (name[13] == 'r')
        s->rx += sample->value;
      else
        s->tx += sample->value;
    }
  else
    return;

  s->node_samples++;
}

static gboolean
read_scrape (OpsHttpResponse *response,
             Scrape          *scrape,
             GError         **error)
{
  gsize       size = 0;
  const char *text = g_bytes_get_data (response->body, &size);

  if (response->status >= 400)
    {
      g_set_error (error, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_PROBE, _("HTTP status %u %s"),
                   response->status, soup_status_get_phrase (response->status));
      return FALSE;
    }

  scrape->at = g_get_monotonic_time ();
  scrape->samples = ops_prometheus_text_parse (text, size, sample_cb, scrape, &scrape->ignored);

  if (scrape->node_samples == 0)
    {
      if (scrape->ignored > 0)
        g_set_error (error, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_PROBE,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "no host metrics found: %u line is not in the Prometheus text "
                                  "format, and none of the %u samples is node_exporter’s",
                                  "no host metrics found: %u lines are not in the Prometheus text "
                                  "format, and none of the %u samples is node_exporter’s",
                                  scrape->ignored),
                     scrape->ignored, scrape->samples);
      else
        g_set_error (error, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_PROBE,
                     _("no host metrics found (node_cpu_seconds_total, node_memory_…, "
                        "node_filesystem_…); is this node_exporter’s /metrics?"));
      return FALSE;
    }

  return TRUE;
}

static double
worst_disk (Scrape      *s,
            const char **mount,
            JsonArray   *list)
{
  GHashTableIter iter;
  const char    *point;
  double        *size;
  double         worst = NAN;

  g_hash_table_iter_init (&iter, s->fs_size);
  while (g_hash_table_iter_next (&iter, (gpointer *)&point, (gpointer *)&size))
    {
      double     *avail = g_hash_table_lookup (s->fs_avail, point);
      double      percent;
      JsonObject *item;

      if (avail == NULL || *size <= 0)
        continue;

      percent = 100.0 * (1.0 - *avail / *size);
      item = json_object_new ();
      json_object_set_string_member (item, "mount", point);
      json_object_set_double_member (item, "percent", percent);
      json_array_add_object_element (list, item);

      if (isnan (worst) || percent > worst)
        {
          worst = percent;
          *mount = point;
        }
    }

  return worst;
}

G_GNUC_PRINTF (2, 3)
static void
append_reason (GString    *why,
               const char *format,
               ...)
{
  va_list args;

  if (why->len > 0)
    g_string_append (why, ", ");
  va_start (args, format);
  g_string_append_vprintf (why, format, args);
  va_end (args);
}

static void
judge (OpsProbePrometheus *self,
       RunData            *d)
{
  OpsCheck          *check = ops_probe_get_check (OPS_PROBE (self));
  Scrape            *now = d->twice ? &d->second : &d->first;
  OpsScoreThresholds limits = {
    ops_check_get_option_double (check, "cpu_warning"),
    ops_check_get_option_double (check, "cpu_critical"),
    ops_check_get_option_double (check, "memory_warning"),
    ops_check_get_option_double (check, "memory_critical"),
    ops_check_get_option_double (check, "disk_warning"),
    ops_check_get_option_double (check, "disk_critical"),
  };
  JsonArray  *filesystems = json_array_new ();
  const char *mount = NULL;
  double      cpu = NAN, memory = NAN, disk;
  double      seconds = (now->at - self->previous_at) / (double)G_USEC_PER_SEC;
  g_autoptr(GString) why = g_string_new (NULL);
  g_autofree char *summary = NULL;
  gboolean         advanced = self->has_previous && now->cpu_total > self->previous_cpu_total;
  OpsScore         score;

  /* CPU counters move in hundredths of a second: scrapes too close
   * together keep the last figure and the older base. */
  if (advanced)
    {
      cpu = 100.0 * (1.0 - (now->cpu_idle - self->previous_cpu_idle) /
                               (now->cpu_total - self->previous_cpu_total));
      cpu = self->last_cpu = CLAMP (cpu, 0, 100);
    }
  else
    cpu = self->last_cpu;
  if (!isnan (now->memory_total) && !isnan (now->memory_available) && now->memory_total > 0)
    memory = 100.0 * (1.0 - now->memory_available / now->memory_total);
  disk = worst_disk (now, &mount, filesystems);

  if (!isnan (cpu))
    ops_check_result_set_detail_double (d->result, "cpu_percent", cpu);
  if (!isnan (memory))
    ops_check_result_set_detail_double (d->result, "memory_percent", memory);
  if (!isnan (disk))
    {
      ops_check_result_set_detail_double (d->result, "disk_percent", disk);
      ops_check_result_set_detail_string (d->result, "disk_mount", mount);
    }
  ops_check_result_set_detail (d->result, "filesystems",
                               json_node_init_array (json_node_alloc (), filesystems));
  json_array_unref (filesystems);

  if (self->has_previous && seconds > 0 && now->rx >= self->previous_rx && now->tx >= self->previous_tx)
    {
      ops_check_result_set_detail_double (d->result, "network_receive_bytes_per_second",
                                          (now->rx - self->previous_rx) / seconds);
      ops_check_result_set_detail_double (d->result, "network_transmit_bytes_per_second",
                                          (now->tx - self->previous_tx) / seconds);
    }
  ops_check_result_set_detail_int (d->result, "samples", now->samples);
  ops_check_result_set_detail_int (d->result, "ignored_lines", now->ignored);

  score = ops_health_score_compute (cpu, memory, disk, &limits);
  ops_check_result_set_detail_double (d->result, "health_score", score.score);
  ops_check_result_set_detail_string (d->result, "score_band", ops_score_band_to_string (score.band));
  ops_check_result_set_status (d->result, OPS_HEALTH_STATUS_HEALTHY);

  if (!isnan (cpu) && cpu >= limits.cpu_warning)
    append_reason (why, _("CPU %.0f %%"), cpu);
  if (!isnan (memory) && memory >= limits.memory_warning)
    append_reason (why, _("memory %.0f %%"), memory);
  if (!isnan (disk) && disk >= limits.disk_warning)
    append_reason (why, _("disk %s %.0f %%"), mount, disk);

  if (score.band != OPS_SCORE_HEALTHY)
    {
      if (why->len > 0)
        ops_check_result_fail (d->result, ops_score_band_to_status (score.band),
                               _("health score %.0f (%s): %s"), score.score,
                               ops_score_band_to_string (score.band), why->str);
      else
        ops_check_result_fail (d->result, ops_score_band_to_status (score.band),
                               _("health score %.0f (%s)"), score.score,
                               ops_score_band_to_string (score.band));
    }

  if (now->ignored > 0)
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "score %.0f, %u line skipped",
                                            "score %.0f, %u lines skipped", now->ignored),
                               score.score, now->ignored);
  else
    summary = g_strdup_printf (_("score %.0f"), score.score);
  ops_check_result_set_summary (d->result, summary);

  /* This scrape is the base of the next rates. */
  if (!advanced && now->cpu_samples > 0)
    return;
  self->previous_at = now->at;
  self->previous_cpu_total = now->cpu_total;
  self->previous_cpu_idle = now->cpu_idle;
  self->previous_rx = now->rx;
  self->previous_tx = now->tx;
  self->has_previous = TRUE;
}

static void fetch (GTask *task);

static gboolean
second_scrape_cb (gpointer user_data)
{
  GTask   *task = user_data;
  RunData *d = g_task_get_task_data (task);

  d->wait_id = 0;
  if (!g_task_return_error_if_cancelled (task))
    fetch (g_object_ref (task));
  return G_SOURCE_REMOVE;
}

static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OpsProbePrometheus *self = OPS_PROBE_PROMETHEUS (object);
  RunData            *d = g_task_get_task_data (task);
  g_autoptr(OpsHttpResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  Scrape *scrape = d->twice ? &d->second : &d->first;

  response = ops_probe_http_fetch_finish (OPS_PROBE (self), result, &error);
  if (response == NULL || !read_scrape (response, scrape, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!d->twice)
    ops_check_result_set_timing (d->result, &response->timing);

  /* Counters that went backwards: the host restarted; start afresh. */
  if (self->has_previous && scrape->cpu_total < self->previous_cpu_total)
    self->has_previous = FALSE;

  if (!self->has_previous && !d->twice)
    {
      self->previous_at = scrape->at;
      self->previous_cpu_total = scrape->cpu_total;
      self->previous_cpu_idle = scrape->cpu_idle;
      self->previous_rx = scrape->rx;
      self->previous_tx = scrape->tx;
      self->has_previous = TRUE;

      /* Rates need two scrapes: take the second a second later. */
      d->twice = TRUE;
      ops_probe_set_phase (OPS_PROBE (self), N_("waiting between two scrapes"));
      d->wait_id = g_timeout_add_full (G_PRIORITY_DEFAULT, FIRST_GAP_USEC / 1000, second_scrape_cb,
                                       g_object_ref (task), g_object_unref);
      return;
    }

  judge (self, d);
  g_task_return_boolean (task, TRUE);
}

/* Takes a reference on @task. */
static void
fetch (GTask *task)
{
  OpsProbe *self = g_task_get_source_object (task);
  OpsCheck *check = ops_probe_get_check (self);
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GError) error = NULL;

  message = ops_probe_http_new_message (self, "GET", ops_check_get_target (check), &error);
  if (message == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  soup_message_headers_replace (soup_message_get_request_headers (message), "Accept",
                                "text/plain;version=0.0.4;q=1, */*;q=0.1");
  ops_probe_http_fetch_async (self, message, ops_check_get_option_int (check, "max_body"),
                              g_task_get_cancellable (task), fetched_cb, task);
}

static void
ops_probe_prometheus_run_async (OpsProbe           *self,
                                OpsCheckResult     *result,
                                GCancellable       *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer            user_data)
{
  GTask   *task = g_task_new (self, cancellable, callback, user_data);
  RunData *d = g_new0 (RunData, 1);

  g_task_set_source_tag (task, ops_probe_prometheus_run_async);
  g_task_set_task_data (task, d, run_data_free);
  d->result = g_object_ref (result);
  scrape_init (&d->first);
  scrape_init (&d->second);

  fetch (task);
}

static void
ops_probe_prometheus_class_init (OpsProbePrometheusClass *klass)
{
  OpsProbeClass *probe_class = OPS_PROBE_CLASS (klass);

  probe_class->run_async = ops_probe_prometheus_run_async;
}

static void
ops_probe_prometheus_init (OpsProbePrometheus *self)
{
  self->last_cpu = NAN;
}

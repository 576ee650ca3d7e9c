/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-alerts"

#include "config.h"

#include "ops-alert-db.h"
#include "ops-alert-health-feed.h"

/**
 * OpsAlertHealthFeed:
 *
 * Feeds the alert engine from the health engine: every result of a check
 * becomes a sample (the check's state after its failure and success
 * thresholds, the error, the latency and every number the probe measured),
 * and the list of checks tells the engine which checks exist (for absence
 * rules), their environment and tags (for scopes), which are no longer
 * watched (removed, disabled or paused: their alerts resolve), and their
 * new names (rules, dependencies and maintenance windows follow a rename).
 */
struct _OpsAlertHealthFeed
{
  GObject parent_instance;

  /* Owned */
  OpsAlertEngine  *alerts;
  OpsHealthEngine *health;
  GHashTable      *known; /* gint64* id → Known */
};

typedef struct
{
  gint64    id;
  OpsCheck *check;
  char     *name;
} Known;

G_DEFINE_FINAL_TYPE (OpsAlertHealthFeed, ops_alert_health_feed, G_TYPE_OBJECT)

static void check_notify_cb (OpsCheck           *check,
                             GParamSpec         *pspec,
                             OpsAlertHealthFeed *self);

static void
known_free (gpointer data)
{
  Known *known = data;

  g_signal_handlers_disconnect_by_func (known->check, check_notify_cb, NULL);
  g_object_unref (known->check);
  g_free (known->name);
  g_free (known);
}

static void
ops_alert_health_feed_dispose (GObject *object)
{
  OpsAlertHealthFeed *self = OPS_ALERT_HEALTH_FEED (object);

  if (self->known != NULL)
    {
      GHashTableIter iter;
      Known         *known;

      g_hash_table_iter_init (&iter, self->known);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&known))
        g_signal_handlers_disconnect_by_data (known->check, self);
    }
  g_clear_pointer (&self->known, g_hash_table_unref);
  if (self->health != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->health, self);
      g_signal_handlers_disconnect_by_data (ops_health_engine_get_checks (self->health), self);
    }
  g_clear_object (&self->health);
  g_clear_object (&self->alerts);

  G_OBJECT_CLASS (ops_alert_health_feed_parent_class)->dispose (object);
}

static void
ops_alert_health_feed_class_init (OpsAlertHealthFeedClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ops_alert_health_feed_dispose;
}

static void
ops_alert_health_feed_init (OpsAlertHealthFeed *self)
{
  self->known = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, known_free);
}

/* The health engine's names for some values, and the alert rules'. */
static const struct
{
  const char *detail;
  const char *metric;
} aliases[] = {
  { "certificate_days_left", "cert_days" },
  { "replication_lag_seconds", "replication_lag_s" },
};

/**
 * ops_alert_sample_new_from_result:
 * @check: a check
 * @result: its latest result, already applied to its state
 *
 * Returns: (transfer full): the sample the alert engine evaluates
 */
OpsAlertSample *
ops_alert_sample_new_from_result (OpsCheck       *check,
                                  OpsCheckResult *result)
{
  OpsAlertSample *sample;
  JsonObject     *details;
  OpsSampleStatus status;

  g_return_val_if_fail (OPS_IS_CHECK (check), NULL);
  g_return_val_if_fail (OPS_IS_CHECK_RESULT (result), NULL);

  /* The state after the thresholds: a check is down after its failure
   * threshold, not at its first failed probe. */
  switch (ops_check_get_status (check))
    {
    case OPS_HEALTH_STATUS_HEALTHY:
      status = OPS_SAMPLE_STATUS_HEALTHY;
      break;
    case OPS_HEALTH_STATUS_DEGRADED:
      status = OPS_SAMPLE_STATUS_DEGRADED;
      break;
    case OPS_HEALTH_STATUS_DOWN:
      status = OPS_SAMPLE_STATUS_DOWN;
      break;
    case OPS_HEALTH_STATUS_UNKNOWN:
    default:
      status = OPS_SAMPLE_STATUS_UNKNOWN;
      break;
    }

  sample = ops_alert_sample_new (ops_check_get_id (check), ops_check_get_name (check),
                                 ops_check_result_get_time (result), status);
  ops_alert_sample_set_environment (sample,
                                    ops_environment_to_string (ops_check_get_environment (check)));
  ops_alert_sample_set_tags (sample, ops_check_get_tags (check));
  ops_alert_sample_set_error (sample, ops_check_result_get_error (result));

  if (ops_check_result_get_latency_ms (result) >= 0)
    ops_alert_sample_set_metric (sample, "latency_ms", ops_check_result_get_latency_ms (result));

  /* Every number the probe measured, by its name. */
  details = ops_check_result_get_details (result);
  if (details != NULL)
    {
      g_autoptr(GList) names = json_object_get_members (details);

      for (GList *l = names; l != NULL; l = l->next)
        {
          JsonNode *node = json_object_get_member (details, l->data);
          GType     type;

          if (!JSON_NODE_HOLDS_VALUE (node))
            continue;
          type = json_node_get_value_type (node);
          if (type != G_TYPE_DOUBLE && type != G_TYPE_INT64)
            continue;

          ops_alert_sample_set_metric (sample, l->data, json_node_get_double (node));
          for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
            if (g_str_equal (l->data, aliases[i].detail))
              ops_alert_sample_set_metric (sample, aliases[i].metric, json_node_get_double (node));
        }
    }

  return sample;
}

static void
result_cb (OpsHealthEngine    *health,
           OpsCheck           *check,
           OpsCheckResult     *result,
           OpsAlertHealthFeed *self)
{
  g_autoptr(OpsAlertSample) sample = NULL;

  /* A check being tried in its editor is not watched yet. */
  if (ops_check_get_id (check) <= 0)
    return;

  sample = ops_alert_sample_new_from_result (check, result);
  ops_alert_engine_observe (self->alerts, sample);
}

static gboolean
watched (OpsCheck *check)
{
  return ops_check_get_enabled (check) && !ops_check_get_paused (check);
}

static void
tell_engine (OpsAlertHealthFeed *self,
             OpsCheck           *check)
{
  if (watched (check))
    ops_alert_engine_set_check (self->alerts, ops_check_get_id (check), ops_check_get_name (check),
                                ops_environment_to_string (ops_check_get_environment (check)),
                                ops_check_get_tags (check));
  else
    ops_alert_engine_forget_check (self->alerts, ops_check_get_id (check));
}

/* A renamed check: what named it by its old name follows. */
static void
renamed (OpsAlertHealthFeed *self,
         Known              *known,
         const char         *name)
{
  g_autoptr(GError) error = NULL;

  if (!ops_alert_db_rename_check (ops_alert_engine_get_store (self->alerts), known->name, name,
                                  &error) ||
      !ops_alert_engine_reload (self->alerts, &error))
    g_warning ("Alert rules still name the check “%s”: %s", known->name, error->message);

  g_free (known->name);
  known->name = g_strdup (name);
}

static void
check_notify_cb (OpsCheck           *check,
                 GParamSpec         *pspec,
                 OpsAlertHealthFeed *self)
{
  gint64 id = ops_check_get_id (check);
  Known *known = g_hash_table_lookup (self->known, &id);

  if (known == NULL)
    return;

  if (g_str_equal (pspec->name, "name") && g_strcmp0 (known->name, ops_check_get_name (check)) != 0)
    renamed (self, known, ops_check_get_name (check));

  if (g_str_equal (pspec->name, "name") || g_str_equal (pspec->name, "environment") ||
      g_str_equal (pspec->name, "tags") || g_str_equal (pspec->name, "enabled") ||
      g_str_equal (pspec->name, "paused"))
    tell_engine (self, check);
}

/* Learns the checks that came, and forgets those that went. */
static void
sync_checks (OpsAlertHealthFeed *self)
{
  GListModel *checks = G_LIST_MODEL (ops_health_engine_get_checks (self->health));
  g_autoptr(GHashTable) present = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) gone = g_ptr_array_new ();
  GHashTableIter iter;
  Known         *known;

  for (guint i = 0; i < g_list_model_get_n_items (checks); i++)
    {
      g_autoptr(OpsCheck) check = g_list_model_get_item (checks, i);
      gint64 id = ops_check_get_id (check);

      known = g_hash_table_lookup (self->known, &id);
      if (known == NULL)
        {
          known = g_new0 (Known, 1);
          known->id = id;
          known->check = g_object_ref (check);
          known->name = g_strdup (ops_check_get_name (check));
          g_hash_table_insert (self->known, &known->id, known);
          g_signal_connect_object (check, "notify", G_CALLBACK (check_notify_cb), self, 0);
          tell_engine (self, check);
        }
      g_hash_table_add (present, &known->id);
    }

  g_hash_table_iter_init (&iter, self->known);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&known))
    if (!g_hash_table_contains (present, &known->id))
      g_ptr_array_add (gone, known);

  for (guint i = 0; i < gone->len; i++)
    {
      Known *removed = g_ptr_array_index (gone, i);
      gint64 id = removed->id;

      g_signal_handlers_disconnect_by_data (removed->check, self);
      ops_alert_engine_forget_check (self->alerts, id);
      g_hash_table_remove (self->known, &id);
    }
}

static void
items_changed_cb (GListModel         *checks,
                  guint               position,
                  guint               removed,
                  guint               added,
                  OpsAlertHealthFeed *self)
{
  sync_checks (self);
}

/**
 * ops_alert_health_feed_new:
 * @alerts: the alert engine
 * @health: the health engine whose results it evaluates
 *
 * Returns: (transfer full): the feed, feeding from now on
 */
OpsAlertHealthFeed *
ops_alert_health_feed_new (OpsAlertEngine  *alerts,
                           OpsHealthEngine *health)
{
  OpsAlertHealthFeed *self;

  g_return_val_if_fail (OPS_IS_ALERT_ENGINE (alerts), NULL);
  g_return_val_if_fail (OPS_IS_HEALTH_ENGINE (health), NULL);

  self = g_object_new (OPS_TYPE_ALERT_HEALTH_FEED, NULL);
  self->alerts = g_object_ref (alerts);
  self->health = g_object_ref (health);

  g_signal_connect_object (health, "result", G_CALLBACK (result_cb), self, 0);
  g_signal_connect_object (ops_health_engine_get_checks (health), "items-changed",
                           G_CALLBACK (items_changed_cb), self, 0);
  sync_checks (self);

  return self;
}

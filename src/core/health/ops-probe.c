/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-probe"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ops-check-private.h"
#include "ops-probe-kinds.h"
#include "ops-probe-net.h"
#include "ops-probe.h"
#include "secrets/ops-secrets.h"

/**
 * OpsProbe:
 *
 * Probes one check. ops_probe_run_async() always gives a result, down
 * with an error in words when something failed; only cancellation is an
 * error. Every run is bounded by the check's timeout, and a timeout names
 * what was being waited for: “timed out after 10 s waiting for the first
 * byte”.
 *
 * The secret of the check (a password or a token) is read from the
 * keyring on the first run and kept in memory while the probe lives.
 */
typedef struct
{
  /* Owned */
  OpsCheck        *check;
  OpsProbeContext *context;
  char            *secret;
  GTask           *task;        /* the run under way */
  GCancellable    *cancellable; /* of the run: cancelled by its timeout */
  OpsCheckResult  *result;
  const char      *phase; /* static, translatable */

  gulong   cancelled_id;
  guint    timeout_id;
  gint64   start;
  gboolean secret_loaded;
  gboolean timed_out;
} OpsProbePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (OpsProbe, ops_probe, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CHECK,
  PROP_CONTEXT,
  N_PROPS
};

enum
{
  RESULT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

static void
forget_secret (OpsProbePrivate *priv)
{
  if (priv->secret != NULL)
    ops_secrets_free (g_steal_pointer (&priv->secret));
  priv->secret_loaded = FALSE;
}

static void
secret_changed_cb (OpsCheck   *check,
                   GParamSpec *pspec,
                   OpsProbe   *self)
{
  forget_secret (ops_probe_get_instance_private (self));
}

static void
ops_probe_dispose (GObject *object)
{
  OpsProbe        *self = OPS_PROBE (object);
  OpsProbePrivate *priv = ops_probe_get_instance_private (self);

  ops_probe_stop (self);
  g_clear_handle_id (&priv->timeout_id, g_source_remove);
  forget_secret (priv);

  G_OBJECT_CLASS (ops_probe_parent_class)->dispose (object);
}

static void
ops_probe_finalize (GObject *object)
{
  OpsProbe        *self = OPS_PROBE (object);
  OpsProbePrivate *priv = ops_probe_get_instance_private (self);

  g_clear_object (&priv->check);
  g_clear_object (&priv->context);
  g_clear_object (&priv->cancellable);
  g_clear_object (&priv->result);

  G_OBJECT_CLASS (ops_probe_parent_class)->finalize (object);
}

static void
ops_probe_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  OpsProbePrivate *priv = ops_probe_get_instance_private (OPS_PROBE (object));

  switch (prop_id)
    {
    case PROP_CHECK:
      g_value_set_object (value, priv->check);
      break;
    case PROP_CONTEXT:
      g_value_set_object (value, priv->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ops_probe_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  OpsProbe        *self = OPS_PROBE (object);
  OpsProbePrivate *priv = ops_probe_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_CHECK:
      priv->check = g_value_dup_object (value);
      g_signal_connect_object (priv->check, "notify::has-secret", G_CALLBACK (secret_changed_cb),
                               self, 0);
      break;
    case PROP_CONTEXT:
      priv->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ops_probe_real_start (OpsProbe *self)
{
}

/* Most probes answer with a boolean task; the result is filled in place. */
static gboolean
ops_probe_real_run_finish (OpsProbe     *self,
                           GAsyncResult *result,
                           GError      **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
ops_probe_class_init (OpsProbeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ops_probe_dispose;
  object_class->finalize = ops_probe_finalize;
  object_class->get_property = ops_probe_get_property;
  object_class->set_property = ops_probe_set_property;

  klass->run_finish = ops_probe_real_run_finish;
  klass->start = ops_probe_real_start;
  klass->stop = ops_probe_real_start;

  properties[PROP_CHECK] =
      g_param_spec_object ("check", NULL, NULL, OPS_TYPE_CHECK,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTEXT] =
      g_param_spec_object ("context", NULL, NULL, OPS_TYPE_PROBE_CONTEXT,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * OpsProbe::result:
   * @result: a result the probe found on its own
   *
   * Emitted by probes that are told things rather than asking (event
   * streams), between scheduled runs.
   */
  signals[RESULT] = g_signal_new ("result", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 1, OPS_TYPE_CHECK_RESULT);
}

static void
ops_probe_init (OpsProbe *self)
{
}

/**
 * ops_probe_new_for_check:
 * @check: a check
 * @context: what probes share
 *
 * Returns: (transfer full): the probe for the check's kind
 */
OpsProbe *
ops_probe_new_for_check (OpsCheck        *check,
                         OpsProbeContext *context)
{
  GType type;

  g_return_val_if_fail (OPS_IS_CHECK (check), NULL);
  g_return_val_if_fail (OPS_IS_PROBE_CONTEXT (context), NULL);

  switch (ops_check_get_kind (check))
    {
    case OPS_CHECK_KIND_HTTP:
      type = OPS_TYPE_PROBE_HTTP;
      break;
    case OPS_CHECK_KIND_TCP:
      type = OPS_TYPE_PROBE_TCP;
      break;
    case OPS_CHECK_KIND_DNS:
      type = OPS_TYPE_PROBE_DNS;
      break;
    case OPS_CHECK_KIND_TLS:
      type = OPS_TYPE_PROBE_TLS;
      break;
    case OPS_CHECK_KIND_POSTGRESQL:
      type = OPS_TYPE_PROBE_POSTGRES;
      break;
    case OPS_CHECK_KIND_REDIS:
      type = OPS_TYPE_PROBE_REDIS;
      break;
    case OPS_CHECK_KIND_PROMETHEUS:
      type = OPS_TYPE_PROBE_PROMETHEUS;
      break;
    case OPS_CHECK_KIND_WEBSOCKET:
      type = OPS_TYPE_PROBE_WEBSOCKET;
      break;
    case OPS_CHECK_N_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }

  return g_object_new (type, "check", check, "context", context, NULL);
}

OpsCheck *
ops_probe_get_check (OpsProbe *self)
{
  OpsProbePrivate *priv = ops_probe_get_instance_private (self);

  g_return_val_if_fail (OPS_IS_PROBE (self), NULL);

  return priv->check;
}

OpsProbeContext *
ops_probe_get_context (OpsProbe *self)
{
  OpsProbePrivate *priv = ops_probe_get_instance_private (self);

  g_return_val_if_fail (OPS_IS_PROBE (self), NULL);

  return priv->context;
}

/* The check's secret during a run, or NULL when it has none. */
const char *
ops_probe_get_secret (OpsProbe *self)
{
  OpsProbePrivate *priv = ops_probe_get_instance_private (self);

  g_return_val_if_fail (OPS_IS_PROBE (self), NULL);

  return priv->secret != NULL && *priv->secret != '\0' ? priv->secret : NULL;
}

/**
 * ops_probe_set_phase:
 * @self: a probe
 * @phase: (nullable): what the probe waits for now, as the end of
 *   “timed out after 10 s …”, such as N_("waiting for the first byte")
 */
void
ops_probe_set_phase (OpsProbe   *self,
                     const char *phase)
{
  OpsProbePrivate *priv = ops_probe_get_instance_private (self);

  priv->phase = phase;
}

/* The monotonic time the run started at. */
gint64
ops_probe_get_run_start (OpsProbe *self)
{
  OpsProbePrivate *priv = ops_probe_get_instance_private (self);

  return priv->start;
}

/**
 * ops_probe_new_result:
 * @self: a probe
 *
 * Returns: (transfer full): an empty result of the probe's check, now
 */
OpsCheckResult *
ops_probe_new_result (OpsProbe *self)
{
  OpsProbePrivate *priv = ops_probe_get_instance_private (self);

  return ops_check_result_new (ops_check_get_id (priv->check),
                               ops_clock_get_real (ops_probe_context_get_clock (priv->context)));
}

/**
 * ops_probe_apply_conditions:
 * @self: a probe
 * @result: its result so far
 * @context: what it measured
 *
 * Evaluates the check's conditions: the first that is not met makes the
 * result down, with the reason. Each is listed in the `conditions` detail
 * with whether it was met.
 *
 * Returns: %TRUE when all are met
 */
gboolean
ops_probe_apply_conditions (OpsProbe            *self,
                            OpsCheckResult      *result,
                            OpsConditionContext *context)
{
  OpsProbePrivate *priv = ops_probe_get_instance_private (self);
  GPtrArray       *conditions = _ops_check_get_parsed_conditions (priv->check);
  JsonArray       *list;
  gboolean         all = TRUE;

  g_return_val_if_fail (OPS_IS_PROBE (self), FALSE);

  if (conditions == NULL)
    {
      ops_check_result_fail (result, OPS_HEALTH_STATUS_DOWN,
                             _("a condition of the check is not valid; edit the check"));
      return FALSE;
    }

  if (conditions->len == 0)
    return TRUE;

  list = json_array_new ();
  for (guint i = 0; i < conditions->len; i++)
    {
      OpsCondition    *condition = g_ptr_array_index (conditions, i);
      g_autofree char *failure = NULL;
      JsonObject      *item = json_object_new ();
      gboolean         met = ops_condition_evaluate (condition, context, &failure);

      json_object_set_string_member (item, "condition", ops_condition_get_text (condition));
      json_object_set_boolean_member (item, "met", met);
      if (failure != NULL)
        json_object_set_string_member (item, "failure", failure);
      json_array_add_object_element (list, item);

      if (!met && all)
        ops_check_result_fail (result, OPS_HEALTH_STATUS_DOWN, "%s", failure);
      all = all && met;
    }

  ops_check_result_set_detail (result, "conditions", json_node_init_array (json_node_alloc (), list));
  json_array_unref (list);

  return all;
}

/* Hands out a result found between runs (see OpsProbe::result). */
void
ops_probe_push_result (OpsProbe       *self,
                       OpsCheckResult *result)
{
  g_return_if_fail (OPS_IS_PROBE (self));

  g_signal_emit (self, signals[RESULT], 0, result);
}

void
ops_probe_start (OpsProbe *self)
{
  g_return_if_fail (OPS_IS_PROBE (self));

  OPS_PROBE_GET_CLASS (self)->start (self);
}

void
ops_probe_stop (OpsProbe *self)
{
  g_return_if_fail (OPS_IS_PROBE (self));

  OPS_PROBE_GET_CLASS (self)->stop (self);
}

static void
finish_run (OpsProbe *self,
            GError   *error)
{
  OpsProbePrivate *priv = ops_probe_get_instance_private (self);
  g_autoptr(GTask) task = g_steal_pointer (&priv->task);
  g_autoptr(OpsCheckResult) result = g_steal_pointer (&priv->result);
  GCancellable *outer = g_task_get_cancellable (task);
  gint64        elapsed = g_get_monotonic_time () - priv->start;
  gint64        degraded_ms;

  g_clear_handle_id (&priv->timeout_id, g_source_remove);
  if (outer != NULL && priv->cancelled_id != 0)
    g_cancellable_disconnect (outer, priv->cancelled_id);
  priv->cancelled_id = 0;
  g_clear_object (&priv->cancellable);

  if (error != NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && !priv->timed_out)
    {
      g_task_return_error (task, error);
      return;
    }

  if (priv->timed_out)
    {
      g_autofree char *limit = ops_probe_format_seconds (ops_check_get_timeout_ms (priv->check));

      /* The timeout wins over what the cancelled operation said. */
      ops_check_result_set_error (result, NULL);
      if (priv->phase != NULL)
        ops_check_result_fail (result, OPS_HEALTH_STATUS_DOWN, _("timed out after %s %s"), limit,
                               _(priv->phase));
      else
        ops_check_result_fail (result, OPS_HEALTH_STATUS_DOWN, _("timed out after %s"), limit);
    }
  else if (error != NULL)
    ops_check_result_fail (result, OPS_HEALTH_STATUS_DOWN, "%s", error->message);

  g_clear_error (&error);

  if (ops_check_result_get_timing (result)->total_us < 0)
    ops_check_result_set_total_us (result, elapsed);

  /* Slow but working: degraded, when the check says how slow is slow. */
  degraded_ms = ops_check_option_applies (ops_check_option_lookup ("degraded_latency"),
                                          ops_check_get_kind (priv->check))
                    ? ops_check_get_option_int (priv->check, "degraded_latency")
                    : 0;
  if (degraded_ms > 0 && ops_check_result_get_status (result) == OPS_HEALTH_STATUS_HEALTHY &&
      ops_check_result_get_latency_ms (result) > degraded_ms)
    ops_check_result_fail (result, OPS_HEALTH_STATUS_DEGRADED,
                           _("slow: %.0f ms, more than %" G_GINT64_FORMAT " ms"),
                           ops_check_result_get_latency_ms (result), degraded_ms);

  if (ops_check_get_tls_verification_disabled (priv->check))
    ops_check_result_set_detail_boolean (result, "tls_verification_disabled", TRUE);

  g_task_return_pointer (task, g_steal_pointer (&result), g_object_unref);
}

static void
subclass_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  OpsProbe *self = OPS_PROBE (object);
  GError   *error = NULL;

  OPS_PROBE_GET_CLASS (self)->run_finish (self, result, &error);
  finish_run (self, error);
}

static gboolean
timeout_cb (gpointer user_data)
{
  OpsProbe        *self = user_data;
  OpsProbePrivate *priv = ops_probe_get_instance_private (self);

  priv->timeout_id = 0;
  priv->timed_out = TRUE;
  g_cancellable_cancel (priv->cancellable);

  return G_SOURCE_REMOVE;
}

static void
outer_cancelled_cb (GCancellable *outer,
                    GCancellable *inner)
{
  g_cancellable_cancel (inner);
}

static void
run_subclass (OpsProbe *self)
{
  OpsProbePrivate *priv = ops_probe_get_instance_private (self);

  if (g_cancellable_is_cancelled (priv->cancellable))
    {
      finish_run (self, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled"));
      return;
    }

  OPS_PROBE_GET_CLASS (self)->run_async (self, priv->result, priv->cancellable, subclass_done_cb,
                                         NULL);
}

static void
secret_looked_up_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(OpsProbe) self = user_data;
  OpsProbePrivate *priv = ops_probe_get_instance_private (self);
  g_autoptr(GError) error = NULL;
  char *secret;

  secret = ops_secrets_lookup_finish (result, &error);
  if (error != NULL)
    {
      finish_run (self, g_error_new (OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_PROBE,
                                     _("could not read the check’s password or token: %s"),
                                     error->message));
      return;
    }

  forget_secret (priv);
  priv->secret = secret != NULL ? secret : g_strdup ("");
  priv->secret_loaded = TRUE;

  if (secret == NULL)
    {
      finish_run (self, g_error_new (OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_PROBE,
                                     _("the check’s password or token is missing from the "
                                        "keyring; edit the check and enter it again")));
      return;
    }

  run_subclass (self);
}

/**
 * ops_probe_run_async:
 * @self: a probe
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the result
 * @user_data: data for @callback
 *
 * Probes the check once. One run at a time per probe.
 */
void
ops_probe_run_async (OpsProbe           *self,
                     GCancellable       *cancellable,
                     GAsyncReadyCallback callback,
                     gpointer            user_data)
{
  OpsProbePrivate *priv = ops_probe_get_instance_private (self);
  const char      *pending;

  g_return_if_fail (OPS_IS_PROBE (self));
  g_return_if_fail (priv->task == NULL);

  priv->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (priv->task, ops_probe_run_async);
  priv->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    priv->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (outer_cancelled_cb),
                                                g_object_ref (priv->cancellable), g_object_unref);
  priv->result = ops_probe_new_result (self);
  priv->timed_out = FALSE;
  priv->phase = NULL;
  priv->start = g_get_monotonic_time ();
  priv->timeout_id = g_timeout_add (ops_check_get_timeout_ms (priv->check), timeout_cb, self);

  /* An unsaved check (the Test button) carries its secret; a saved one
   * has it in the keyring. */
  pending = _ops_check_get_pending_secret (priv->check);
  if (pending != NULL)
    {
      forget_secret (priv);
      priv->secret = g_strdup (pending);
      priv->secret_loaded = TRUE;
    }
  else if (!priv->secret_loaded && ops_check_get_has_secret (priv->check) &&
           ops_check_get_id (priv->check) > 0)
    {
      g_autofree char *key = ops_check_dup_secret_key (priv->check);

      ops_probe_set_phase (self, N_("reading the password from the keyring"));
      ops_secrets_lookup_async (key, priv->cancellable, secret_looked_up_cb, g_object_ref (self));
      return;
    }

  run_subclass (self);
}

/**
 * ops_probe_run_finish:
 * @self: a probe
 * @result: the #GAsyncResult
 * @error: return location for a #GError; only cancellation
 *
 * Returns: (transfer full): the result, or %NULL when cancelled
 */
OpsCheckResult *
ops_probe_run_finish (OpsProbe     *self,
                      GAsyncResult *result,
                      GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-alerts"

#include "config.h"

#include <math.h>

#include "ops-alert-sample.h"

struct _OpsAlertSample
{
  gint64          check_id;
  char           *check_name;
  char           *environment;
  GStrv           tags;
  gint64          time;
  OpsSampleStatus status;
  char           *error;
  GHashTable     *metrics; /* name → double* */
};

G_DEFINE_BOXED_TYPE (OpsAlertSample, ops_alert_sample, ops_alert_sample_ref, ops_alert_sample_unref)

static void
ops_alert_sample_clear (OpsAlertSample *self)
{
  g_free (self->check_name);
  g_free (self->environment);
  g_strfreev (self->tags);
  g_free (self->error);
  g_hash_table_unref (self->metrics);
}

/**
 * ops_alert_sample_new:
 * @check_id: the check's id
 * @check_name: its name
 * @time_usec: when the result was taken, in microseconds since 1970
 * @status: the check's status after this result
 *
 * Returns: (transfer full): a new sample, without values yet
 */
OpsAlertSample *
ops_alert_sample_new (gint64          check_id,
                      const char     *check_name,
                      gint64          time_usec,
                      OpsSampleStatus status)
{
  OpsAlertSample *self;

  g_return_val_if_fail (check_name != NULL, NULL);

  self = g_atomic_rc_box_new0 (OpsAlertSample);
  self->check_id = check_id;
  self->check_name = g_strdup (check_name);
  self->time = time_usec;
  self->status = status;
  self->metrics = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  return self;
}

OpsAlertSample *
ops_alert_sample_ref (OpsAlertSample *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
ops_alert_sample_unref (OpsAlertSample *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify)ops_alert_sample_clear);
}

void
ops_alert_sample_set_environment (OpsAlertSample *self,
                                  const char     *environment)
{
  g_return_if_fail (self != NULL);

  g_free (self->environment);
  self->environment = g_strdup (environment);
}

void
ops_alert_sample_set_tags (OpsAlertSample    *self,
                           const char *const *tags)
{
  g_return_if_fail (self != NULL);

  g_strfreev (self->tags);
  self->tags = g_strdupv ((char **)tags);
}

void
ops_alert_sample_set_error (OpsAlertSample *self,
                            const char     *error)
{
  g_return_if_fail (self != NULL);

  g_free (self->error);
  self->error = g_strdup (error);
}

/* A value that is not a finite number is not recorded. */
void
ops_alert_sample_set_metric (OpsAlertSample *self,
                             const char     *name,
                             double          value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);

  if (!isfinite (value))
    return;

  g_hash_table_insert (self->metrics, g_strdup (name), g_memdup2 (&value, sizeof value));
}

gint64
ops_alert_sample_get_check_id (OpsAlertSample *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->check_id;
}

const char *
ops_alert_sample_get_check_name (OpsAlertSample *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->check_name;
}

const char *
ops_alert_sample_get_environment (OpsAlertSample *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->environment;
}

const char *const *
ops_alert_sample_get_tags (OpsAlertSample *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char *const *)self->tags;
}

gint64
ops_alert_sample_get_time (OpsAlertSample *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->time;
}

OpsSampleStatus
ops_alert_sample_get_status (OpsAlertSample *self)
{
  g_return_val_if_fail (self != NULL, OPS_SAMPLE_STATUS_UNKNOWN);

  return self->status;
}

const char *
ops_alert_sample_get_error (OpsAlertSample *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->error;
}

gboolean
ops_alert_sample_get_metric (OpsAlertSample *self,
                             const char     *name,
                             double         *value)
{
  double *found;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  found = g_hash_table_lookup (self->metrics, name);
  if (found == NULL)
    return FALSE;

  if (value != NULL)
    *value = *found;
  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **)a, *(const char **)b);
}

/* Returns: (transfer full): the names of the values, sorted */
GStrv
ops_alert_sample_list_metrics (OpsAlertSample *self)
{
  GStrv names;
  guint n;

  g_return_val_if_fail (self != NULL, NULL);

  names = (GStrv)g_hash_table_get_keys_as_array (self->metrics, &n);
  for (guint i = 0; i < n; i++)
    names[i] = g_strdup (names[i]);
  qsort (names, n, sizeof (char *), compare_strings);

  return names;
}

OpsAlertCheckRef
ops_alert_sample_get_check_ref (OpsAlertSample *self)
{
  OpsAlertCheckRef ref = { self->check_name, self->environment,
                           (const char *const *)self->tags };

  return ref;
}

/* Writes the sample as a JSON object: what an alert keeps as its
 * snapshot of the values that fired it. */
void
ops_alert_sample_to_json (OpsAlertSample *self,
                          JsonBuilder    *builder)
{
  g_auto(GStrv) names = ops_alert_sample_list_metrics (self);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "check_id");
  json_builder_add_int_value (builder, self->check_id);
  json_builder_set_member_name (builder, "check");
  json_builder_add_string_value (builder, self->check_name);
  json_builder_set_member_name (builder, "time");
  json_builder_add_int_value (builder, self->time);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, ops_sample_status_to_string (self->status));
  if (self->environment != NULL)
    {
      json_builder_set_member_name (builder, "environment");
      json_builder_add_string_value (builder, self->environment);
    }
  if (self->tags != NULL && self->tags[0] != NULL)
    {
      json_builder_set_member_name (builder, "tags");
      json_builder_begin_array (builder);
      for (guint i = 0; self->tags[i] != NULL; i++)
        json_builder_add_string_value (builder, self->tags[i]);
      json_builder_end_array (builder);
    }
  if (self->error != NULL)
    {
      json_builder_set_member_name (builder, "error");
      json_builder_add_string_value (builder, self->error);
    }
  json_builder_set_member_name (builder, "values");
  json_builder_begin_object (builder);
  for (guint i = 0; names[i] != NULL; i++)
    {
      double value = 0;

      ops_alert_sample_get_metric (self, names[i], &value);
      json_builder_set_member_name (builder, names[i]);
      json_builder_add_double_value (builder, value);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-test"

#include "config.h"

#include <string.h>

#include "health/ops-check-options.h"
#include "ops-test-probe.h"

static void
ran_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  OpsCheckResult **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = ops_probe_run_finish (OPS_PROBE (object), result, &error);
  g_assert_no_error (error);
}

/* Runs one probe to its end on the main context. */
OpsCheckResult *
ops_test_run_probe (OpsProbe *probe)
{
  OpsCheckResult *result = NULL;

  ops_probe_run_async (probe, NULL, ran_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_test_message ("%s: %s — %s (%s)", ops_check_get_name (ops_probe_get_check (probe)),
                  ops_health_status_to_string (ops_check_result_get_status (result)),
                  ops_check_result_get_error (result) != NULL ? ops_check_result_get_error (result) : "no error",
                  ops_check_result_get_summary (result) != NULL ? ops_check_result_get_summary (result) : "");
  return result;
}

OpsCheckResult *
ops_test_run_check (OpsProbeContext *context,
                    OpsCheck        *check)
{
  g_autoptr(OpsProbe) probe = NULL;
  g_autoptr(GError) error = NULL;

  ops_check_validate (check, &error);
  g_assert_no_error (error);

  probe = ops_probe_new_for_check (check, context);
  return ops_test_run_probe (probe);
}

/* Sets an option from its command-line text form; lists append. */
void
ops_test_set_option (OpsCheck   *check,
                     const char *key,
                     const char *value)
{
  const OpsCheckOptionSpec *spec = ops_check_option_lookup (key);
  g_autoptr(JsonObject) options = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) members = NULL;
  JsonNode *node;

  g_assert_nonnull (spec);
  members = json_object_get_members (ops_check_get_options (check));
  for (GList *l = members; l != NULL; l = l->next)
    json_object_set_member (options, l->data,
                            json_node_copy (json_object_get_member (ops_check_get_options (check),
                                                                    l->data)));

  node = ops_check_option_parse_text (spec, value, &error);
  g_assert_no_error (error);
  if (spec->type == OPS_CHECK_OPTION_STRING_LIST && json_object_has_member (options, key))
    {
      JsonArray *list = json_node_get_array (json_object_get_member (options, key));

      json_array_add_string_element (list, value);
      json_node_unref (node);
    }
  else
    json_object_set_member (options, key, node);

  ops_check_set_options (check, options);
}

void
ops_test_set_conditions (OpsCheck   *check,
                         const char *first,
                         ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) conditions = NULL;
  va_list args;

  va_start (args, first);
  for (const char *c = first; c != NULL; c = va_arg (args, const char *))
    g_strv_builder_add (builder, c);
  va_end (args);

  conditions = g_strv_builder_end (builder);
  ops_check_set_conditions (check, (const char *const *)conditions);
}

/* Asserts the status, and that the error holds @part (NULL: no error). */
void
ops_test_assert_error (OpsCheckResult *result,
                       OpsHealthStatus status,
                       const char     *part)
{
  const char *error = ops_check_result_get_error (result);

  if (ops_check_result_get_status (result) != status)
    g_error ("Expected %s, got %s (%s)", ops_health_status_to_string (status),
             ops_health_status_to_string (ops_check_result_get_status (result)),
             error != NULL ? error : "no error");

  if (part == NULL)
    {
      if (error != NULL)
        g_error ("Expected no error, got “%s”", error);
      return;
    }

  if (error == NULL || strstr (error, part) == NULL)
    g_error ("Expected an error with “%s”, got “%s”", part, error != NULL ? error : "no error");
}

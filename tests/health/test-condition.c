/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include <string.h>

#include "health/ops-check-options.h"
#include "health/ops-condition.h"
#include "ops-test-util.h"

#define HTTP_PLACEHOLDERS (ops_check_kind_get_placeholders (OPS_CHECK_KIND_HTTP))

typedef struct
{
  const char *condition;
  guint       status;
  double      response_time_ms;
  const char *body;
  gboolean    met;
  const char *failure; /* a part of the message when not met */
} EvalCase;

static const EvalCase eval_cases[] = {
  { "[STATUS] == 200", 200, 10, "", TRUE, NULL },
  { "[STATUS] == 200", 503, 10, "", FALSE, "HTTP status 503, expected 200" },
  { "[STATUS] != 500", 200, 10, "", TRUE, NULL },
  { "[STATUS] < 300", 204, 10, "", TRUE, NULL },
  { "[STATUS] < 300", 302, 10, "", FALSE, "expected under 300" },
  { "[STATUS] >= 200", 200, 10, "", TRUE, NULL },
  { "[STATUS] == any(200, 204)", 204, 10, "", TRUE, NULL },
  { "[STATUS] == any(200, 204)", 500, 10, "", FALSE, "one of 200, 204" },
  { "[STATUS] == pat(2*)", 201, 10, "", TRUE, NULL },
  { "[RESPONSE_TIME] < 300", 200, 120, "", TRUE, NULL },
  { "[RESPONSE_TIME] < 300", 200, 350, "", FALSE, "response time 350 ms, expected under 300 ms" },
  { "[RESPONSE_TIME] < 1s", 200, 999, "", TRUE, NULL },
  { "[BODY].status == UP", 200, 1, "{\"status\":\"UP\"}", TRUE, NULL },
  { "[BODY].checks.db.status == UP", 200, 1, "{\"checks\":{\"db\":{\"status\":\"DOWN\"}}}", FALSE,
    "JSON field checks.db.status is DOWN, expected UP" },
  { "[BODY].checks.db.status == UP", 200, 1, "{\"checks\":{}}", FALSE,
    "JSON field checks.db.status is missing" },
  { "[BODY].status == UP", 200, 1, "{not json", FALSE, "the body is not JSON" },
  { "len([BODY].items) > 0", 200, 1, "{\"items\":[1,2]}", TRUE, NULL },
  { "len([BODY].items) > 0", 200, 1, "{\"items\":[]}", FALSE, "len([BODY].items) is 0" },
  { "[BODY].items[1].id == 7", 200, 1, "{\"items\":[{\"id\":3},{\"id\":7}]}", TRUE, NULL },
  { "[BODY].count >= 2.5", 200, 1, "{\"count\":3}", TRUE, NULL },
  { "[BODY].ok == true", 200, 1, "{\"ok\":true}", TRUE, NULL },
  { "[BODY] == pat(*fine*)", 200, 1, "all is fine here", TRUE, NULL },
  { "[BODY] == pat(*fine*)", 200, 1, "broken", FALSE, "the body is “broken”" },
  { "has([BODY].errors) == false", 200, 1, "{\"data\":1}", TRUE, NULL },
  { "has([BODY].errors) == false", 200, 1, "{\"errors\":[]}", FALSE, NULL },
  { "[BODY].name < 5", 200, 1, "{\"name\":\"abc\"}", FALSE, "is not a number" },
  { "200 == [STATUS]", 200, 1, "", TRUE, NULL },
};

static void
test_evaluate (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (eval_cases); i++)
    {
      const EvalCase *c = &eval_cases[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(OpsCondition) condition = NULL;
      g_autoptr(GBytes) body = g_bytes_new_static (c->body, strlen (c->body));
      g_autofree char    *failure = NULL;
      OpsConditionContext context = { 0 };
      gboolean            met;

      g_test_message ("%s on “%s”", c->condition, c->body);
      condition = ops_condition_parse (c->condition, HTTP_PLACEHOLDERS, &error);
      g_assert_no_error (error);

      context.available = OPS_PLACEHOLDER_STATUS | OPS_PLACEHOLDER_RESPONSE_TIME |
                          OPS_PLACEHOLDER_BODY;
      context.status = c->status;
      context.response_time_ms = c->response_time_ms;
      context.body = body;
      met = ops_condition_evaluate (condition, &context, &failure);
      ops_condition_context_clear (&context);

      g_assert_cmpint (met, ==, c->met);
      if (met)
        g_assert_null (failure);
      else
        g_assert_nonnull (failure);
      if (c->failure != NULL)
        g_assert_nonnull (strstr (failure, c->failure));
    }
}

static void
test_certificate_and_connected (void)
{
  g_autoptr(OpsCondition) expiry = NULL;
  g_autoptr(OpsCondition) connected = NULL;
  g_autofree char    *failure = NULL;
  OpsConditionContext context = { 0 };

  expiry = ops_condition_parse ("[CERTIFICATE_EXPIRATION] > 48h", HTTP_PLACEHOLDERS, NULL);
  connected = ops_condition_parse ("[CONNECTED] == true", HTTP_PLACEHOLDERS, NULL);
  g_assert_nonnull (expiry);
  g_assert_nonnull (connected);

  context.available = OPS_PLACEHOLDER_CERTIFICATE_EXPIRATION | OPS_PLACEHOLDER_CONNECTED;
  context.certificate_expiration_ms = 72 * 3600 * 1000LL;
  context.connected = TRUE;
  g_assert_true (ops_condition_evaluate (expiry, &context, NULL));
  g_assert_true (ops_condition_evaluate (connected, &context, NULL));

  context.certificate_expiration_ms = 20 * 3600 * 1000LL;
  context.connected = FALSE;
  g_assert_false (ops_condition_evaluate (expiry, &context, &failure));
  g_assert_nonnull (strstr (failure, "TLS certificate expires in 20.0 hours, expected over 2.0 days"));
  g_clear_pointer (&failure, g_free);
  g_assert_false (ops_condition_evaluate (connected, &context, NULL));

  /* Not measured (a plain HTTP check has no certificate): a failure that says so. */
  context.available = OPS_PLACEHOLDER_CONNECTED;
  g_assert_false (ops_condition_evaluate (expiry, &context, &failure));
  g_assert_nonnull (strstr (failure, "was not measured"));
}

typedef struct
{
  const char *condition;
  const char *error; /* a part of the message, with the column */
} ParseErrorCase;

static const ParseErrorCase parse_errors[] = {
  { "[STATUS] 200", "column 10: no operator found" },
  { "200", "column 4: no operator found" },
  { "[STATUS] == ", "column 13: a value is missing after the operator" },
  { " == 200", "column 2: a value is missing before the operator" },
  { "[STATSU] == 200", "column 1: unknown placeholder [STATSU]" },
  { "[STATUS == 200", "column 1: “[” is never closed" },
  { "[STATUS].x == 200", "column 9: unexpected text after [STATUS]" },
  { "[BODY]. == 1", "column 8: a field name is missing" },
  { "[BODY].a[x] == 1", "column 10: an array index such as [0]" },
  { "len(x) > 0", "column 5: len() takes a placeholder" },
  { "len([BODY] > 0", "column 4: “(” is never closed" },
  { "pat(a*) == [STATUS]", "column 1: pat() can only be used on the right" },
  { "[STATUS] < pat(2*)", "column 10: pat() and any() work only with == and !=" },
  { "[STATUS] < abc", "column 12: “abc” is not a number" },
  { "[RESPONSE_TIME] < soon", "column 19: “soon” is not a number or a duration" },
};

static void
test_parse_errors (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (parse_errors); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(OpsCondition) condition = NULL;

      condition = ops_condition_parse (parse_errors[i].condition, HTTP_PLACEHOLDERS, &error);
      g_assert_null (condition);
      g_assert_error (error, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_CONDITION);
      if (strstr (error->message, parse_errors[i].error) == NULL)
        g_error ("“%s”: expected “%s” in “%s”", parse_errors[i].condition, parse_errors[i].error,
                 error->message);
    }
}

static void
test_placeholder_not_available (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OpsCondition) condition = NULL;

  condition = ops_condition_parse ("[BODY].status == UP",
                                   ops_check_kind_get_placeholders (OPS_CHECK_KIND_TCP), &error);
  g_assert_null (condition);
  g_assert_error (error, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_CONDITION);
  g_assert_nonnull (strstr (error->message, "[BODY] is not available for this kind of check"));
}

int
main (int   argc,
      char *argv[])
{
  ops_test_init (&argc, &argv);

  g_test_add_func ("/opsdeck/health/condition/evaluate", test_evaluate);
  g_test_add_func ("/opsdeck/health/condition/certificate-and-connected",
                   test_certificate_and_connected);
  g_test_add_func ("/opsdeck/health/condition/parse-errors", test_parse_errors);
  g_test_add_func ("/opsdeck/health/condition/placeholder-not-available",
                   test_placeholder_not_available);

  return g_test_run ();
}

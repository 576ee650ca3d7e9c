/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "events/ops-event.h"

G_BEGIN_DECLS

#define OPS_ALERT_ERROR (ops_alert_error_quark ())

typedef enum
{
  OPS_ALERT_ERROR_INVALID,   /* a rule, window or dependency that cannot be used */
  OPS_ALERT_ERROR_NOT_FOUND, /* no such alert, rule, window or source */
  OPS_ALERT_ERROR_EXISTS,    /* the name is taken */
  OPS_ALERT_ERROR_CYCLE,     /* a dependency that would close a loop */
  OPS_ALERT_ERROR_STATE,     /* not possible in the alert's state */
} OpsAlertError;

/* The status of a check in one sample, as the health engine reports it. */
typedef enum
{
  OPS_SAMPLE_STATUS_UNKNOWN,
  OPS_SAMPLE_STATUS_HEALTHY,
  OPS_SAMPLE_STATUS_DEGRADED,
  OPS_SAMPLE_STATUS_DOWN,
} OpsSampleStatus;

typedef enum
{
  OPS_ALERT_STATE_PENDING,
  OPS_ALERT_STATE_FIRING,
  OPS_ALERT_STATE_ACKNOWLEDGED,
  OPS_ALERT_STATE_RESOLVED,
} OpsAlertState;

typedef enum
{
  OPS_ALERT_RULE_DOWN,
  OPS_ALERT_RULE_THRESHOLD,
  OPS_ALERT_RULE_ABSENCE,
} OpsAlertRuleKind;

typedef enum
{
  OPS_ALERT_AGGREGATE_LAST,
  OPS_ALERT_AGGREGATE_AVG,
  OPS_ALERT_AGGREGATE_MIN,
  OPS_ALERT_AGGREGATE_MAX,
} OpsAlertAggregate;

typedef enum
{
  OPS_ALERT_OPERATOR_GT,
  OPS_ALERT_OPERATOR_GE,
  OPS_ALERT_OPERATOR_LT,
  OPS_ALERT_OPERATOR_LE,
  OPS_ALERT_OPERATOR_EQ,
  OPS_ALERT_OPERATOR_NE,
} OpsAlertOperator;

typedef enum
{
  OPS_ALERT_SCOPE_ALL,
  OPS_ALERT_SCOPE_CHECK,
  OPS_ALERT_SCOPE_TAG,
  OPS_ALERT_SCOPE_ENVIRONMENT,
} OpsAlertScopeKind;

/* Which checks a rule or a maintenance window covers: every check, one
 * check (by name), the checks with a tag, or an environment. */
typedef struct
{
  OpsAlertScopeKind kind;
  char             *value; /* NULL for OPS_ALERT_SCOPE_ALL */
} OpsAlertScope;

/* What a rule or a window needs to know of a check to match it. */
typedef struct
{
  const char        *name;
  const char        *environment;
  const char *const *tags;
} OpsAlertCheckRef;

#define OPS_ALERT_MAX_NAME_LENGTH 200
#define OPS_ALERT_MAX_NOTE_LENGTH 2000

#define OPS_TYPE_ALERT_STATE   (ops_alert_state_get_type ())
#define OPS_TYPE_SAMPLE_STATUS (ops_sample_status_get_type ())

/* clang-format off */
GQuark            ops_alert_error_quark          (void);
GType             ops_alert_state_get_type       (void) G_GNUC_CONST;
GType             ops_sample_status_get_type     (void) G_GNUC_CONST;

const char       *ops_alert_state_to_string      (OpsAlertState       state);
gboolean          ops_alert_state_from_string    (const char         *text,
                                                  OpsAlertState      *state);
const char       *ops_alert_state_to_label       (OpsAlertState       state);
gboolean          ops_alert_state_is_open        (OpsAlertState       state);
const char       *ops_sample_status_to_string    (OpsSampleStatus     status);
gboolean          ops_sample_status_from_string  (const char         *text,
                                                  OpsSampleStatus    *status);
const char       *ops_alert_rule_kind_to_string  (OpsAlertRuleKind    kind);
gboolean          ops_alert_rule_kind_from_string (const char        *text,
                                                  OpsAlertRuleKind   *kind);
const char       *ops_alert_aggregate_to_string  (OpsAlertAggregate   aggregate);
gboolean          ops_alert_aggregate_from_string (const char        *text,
                                                  OpsAlertAggregate  *aggregate);
const char       *ops_alert_operator_to_string   (OpsAlertOperator    op);
gboolean          ops_alert_operator_from_string (const char         *text,
                                                  OpsAlertOperator   *op);
gboolean          ops_alert_operator_compare     (OpsAlertOperator    op,
                                                  double              value,
                                                  double              threshold);
const char       *ops_alert_scope_kind_to_string (OpsAlertScopeKind   kind);

gboolean          ops_alert_validate_name        (const char         *what,
                                                  const char         *name,
                                                  GError            **error);
gboolean          ops_alert_validate_note        (const char         *note,
                                                  GError            **error);
gboolean          ops_alert_validate_metric      (const char         *metric,
                                                  GError            **error);
gboolean          ops_alert_validate_environment (const char         *environment,
                                                  GError            **error);

gboolean          ops_alert_parse_duration       (const char         *text,
                                                  gint64             *seconds,
                                                  GError            **error);
char             *ops_alert_format_duration      (gint64              seconds);
char             *ops_alert_format_value         (double              value);
char             *ops_alert_format_time          (gint64              time_usec);

void              ops_alert_scope_clear          (OpsAlertScope      *scope);
void              ops_alert_scope_copy           (const OpsAlertScope *src,
                                                  OpsAlertScope      *dest);
gboolean          ops_alert_scope_set            (OpsAlertScope      *scope,
                                                  OpsAlertScopeKind   kind,
                                                  const char         *value,
                                                  GError            **error);
gboolean          ops_alert_scope_equal          (const OpsAlertScope *a,
                                                  const OpsAlertScope *b);
gboolean          ops_alert_scope_matches        (const OpsAlertScope *scope,
                                                  const OpsAlertCheckRef *check);
char             *ops_alert_scope_describe       (const OpsAlertScope *scope);
void              ops_alert_scope_to_json        (const OpsAlertScope *scope,
                                                  JsonBuilder        *builder);
gboolean          ops_alert_scope_from_json      (OpsAlertScope      *scope,
                                                  JsonNode           *node,
                                                  const char         *where,
                                                  GError            **error);

const char       *ops_alert_get_user_name        (void);
const char       *ops_alert_json_get_string      (JsonObject         *object,
                                                  const char         *member);
/* clang-format on */

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (OpsAlertScope, ops_alert_scope_clear)

G_END_DECLS

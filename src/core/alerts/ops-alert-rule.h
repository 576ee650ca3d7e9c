/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include "ops-alert-types.h"

G_BEGIN_DECLS

/* Limits of a rule. */
#define OPS_ALERT_RULE_MAX_WINDOW  (24 * 3600)
#define OPS_ALERT_RULE_MAX_FOR     (24 * 3600)
#define OPS_ALERT_RULE_MIN_ABSENCE 10
#define OPS_ALERT_RULE_MAX_ABSENCE (7 * 24 * 3600)

#define OPS_TYPE_ALERT_RULE (ops_alert_rule_get_type ())

G_DECLARE_FINAL_TYPE (OpsAlertRule, ops_alert_rule, OPS, ALERT_RULE, GObject)

/* clang-format off */
OpsAlertRule       *ops_alert_rule_new                 (OpsAlertRuleKind     kind,
                                                        const char          *name);
OpsAlertRule       *ops_alert_rule_copy                (OpsAlertRule        *self);
gboolean            ops_alert_rule_validate            (OpsAlertRule        *self,
                                                        GError             **error);
gboolean            ops_alert_rule_equal_definition    (OpsAlertRule        *self,
                                                        OpsAlertRule        *other);

gint64              ops_alert_rule_get_id              (OpsAlertRule        *self);
void                ops_alert_rule_set_id              (OpsAlertRule        *self,
                                                        gint64               id);
const char         *ops_alert_rule_get_name            (OpsAlertRule        *self);
void                ops_alert_rule_set_name            (OpsAlertRule        *self,
                                                        const char          *name);
OpsAlertRuleKind    ops_alert_rule_get_kind            (OpsAlertRule        *self);
gboolean            ops_alert_rule_get_enabled         (OpsAlertRule        *self);
void                ops_alert_rule_set_enabled         (OpsAlertRule        *self,
                                                        gboolean             enabled);
gboolean            ops_alert_rule_get_builtin         (OpsAlertRule        *self);
void                ops_alert_rule_set_builtin         (OpsAlertRule        *self,
                                                        gboolean             builtin);
const OpsAlertScope *ops_alert_rule_get_scope          (OpsAlertRule        *self);
void                ops_alert_rule_set_scope           (OpsAlertRule        *self,
                                                        const OpsAlertScope *scope);
OpsSeverity         ops_alert_rule_get_severity        (OpsAlertRule        *self);
void                ops_alert_rule_set_severity        (OpsAlertRule        *self,
                                                        OpsSeverity          severity);
gint64              ops_alert_rule_get_for             (OpsAlertRule        *self);
void                ops_alert_rule_set_for             (OpsAlertRule        *self,
                                                        gint64               seconds);

const char         *ops_alert_rule_get_metric          (OpsAlertRule        *self);
OpsAlertAggregate   ops_alert_rule_get_aggregate       (OpsAlertRule        *self);
OpsAlertOperator    ops_alert_rule_get_operator        (OpsAlertRule        *self);
void                ops_alert_rule_set_measure         (OpsAlertRule        *self,
                                                        OpsAlertAggregate    aggregate,
                                                        const char          *metric,
                                                        OpsAlertOperator     op);
gboolean            ops_alert_rule_get_level           (OpsAlertRule        *self,
                                                        OpsSeverity          severity,
                                                        double              *threshold);
void                ops_alert_rule_set_level           (OpsAlertRule        *self,
                                                        OpsSeverity          severity,
                                                        double               threshold);
void                ops_alert_rule_unset_level         (OpsAlertRule        *self,
                                                        OpsSeverity          severity);
gint64              ops_alert_rule_get_window          (OpsAlertRule        *self);
void                ops_alert_rule_set_window          (OpsAlertRule        *self,
                                                        gint64               seconds);
gint64              ops_alert_rule_get_absence         (OpsAlertRule        *self);
void                ops_alert_rule_set_absence         (OpsAlertRule        *self,
                                                        gint64               seconds);

gboolean            ops_alert_rule_set_conditions      (OpsAlertRule        *self,
                                                        const char          *warning,
                                                        const char          *critical,
                                                        GError             **error);
gboolean            ops_alert_rule_evaluate            (OpsAlertRule        *self,
                                                        double               value,
                                                        OpsSeverity         *severity);
gboolean            ops_alert_rule_applies_to          (OpsAlertRule        *self,
                                                        const OpsAlertCheckRef *check);
char               *ops_alert_rule_describe            (OpsAlertRule        *self);
char               *ops_alert_rule_describe_measure    (OpsAlertRule        *self);

void                ops_alert_rule_to_json             (OpsAlertRule        *self,
                                                        JsonBuilder         *builder);
OpsAlertRule       *ops_alert_rule_new_from_json       (JsonNode            *node,
                                                        GError             **error);

gboolean            ops_alert_parse_condition          (const char          *text,
                                                        OpsAlertAggregate   *aggregate,
                                                        char               **metric,
                                                        OpsAlertOperator    *op,
                                                        double              *threshold,
                                                        GError             **error);
/* clang-format on */

G_END_DECLS

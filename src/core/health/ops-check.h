/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <json-glib/json-glib.h>

#include "ops-check-options.h"
#include "ops-check-result.h"
#include "ops-health-types.h"

G_BEGIN_DECLS

#define OPS_TYPE_CHECK (ops_check_get_type ())

G_DECLARE_FINAL_TYPE (OpsCheck, ops_check, OPS, CHECK, GObject)

/* clang-format off */
OpsCheck        *ops_check_new                     (OpsCheckKind      kind,
                                                    const char       *name,
                                                    const char       *target);
OpsCheck        *ops_check_copy                    (OpsCheck         *self);
void             ops_check_set_definition_from     (OpsCheck         *self,
                                                    OpsCheck         *other);
gboolean         ops_check_validate                (OpsCheck         *self,
                                                    GError          **error);

gint64           ops_check_get_id                  (OpsCheck         *self);
const char      *ops_check_get_name                (OpsCheck         *self);
void             ops_check_set_name                (OpsCheck         *self,
                                                    const char       *name);
OpsCheckKind     ops_check_get_kind                (OpsCheck         *self);
const char      *ops_check_get_target              (OpsCheck         *self);
void             ops_check_set_target              (OpsCheck         *self,
                                                    const char       *target);
guint            ops_check_get_interval_ms         (OpsCheck         *self);
void             ops_check_set_interval_ms         (OpsCheck         *self,
                                                    guint             interval_ms);
guint            ops_check_get_timeout_ms          (OpsCheck         *self);
void             ops_check_set_timeout_ms          (OpsCheck         *self,
                                                    guint             timeout_ms);
guint            ops_check_get_failure_threshold   (OpsCheck         *self);
void             ops_check_set_failure_threshold   (OpsCheck         *self,
                                                    guint             threshold);
guint            ops_check_get_success_threshold   (OpsCheck         *self);
void             ops_check_set_success_threshold   (OpsCheck         *self,
                                                    guint             threshold);
OpsEnvironment   ops_check_get_environment         (OpsCheck         *self);
void             ops_check_set_environment         (OpsCheck         *self,
                                                    OpsEnvironment    environment);
const char * const *ops_check_get_tags             (OpsCheck         *self);
void             ops_check_set_tags                (OpsCheck         *self,
                                                    const char * const *tags);
const char * const *ops_check_get_conditions       (OpsCheck         *self);
void             ops_check_set_conditions          (OpsCheck         *self,
                                                    const char * const *conditions);
JsonObject      *ops_check_get_options             (OpsCheck         *self);
void             ops_check_set_options             (OpsCheck         *self,
                                                    JsonObject       *options);
gboolean         ops_check_get_enabled             (OpsCheck         *self);
void             ops_check_set_enabled             (OpsCheck         *self,
                                                    gboolean          enabled);
gboolean         ops_check_get_paused              (OpsCheck         *self);
void             ops_check_set_paused              (OpsCheck         *self,
                                                    gboolean          paused);
gboolean         ops_check_get_has_secret          (OpsCheck         *self);
void             ops_check_set_secret              (OpsCheck         *self,
                                                    const char       *secret);
gboolean         ops_check_get_tls_verification_disabled (OpsCheck   *self);

const char      *ops_check_get_option_string       (OpsCheck         *self,
                                                    const char       *key);
gint64           ops_check_get_option_int          (OpsCheck         *self,
                                                    const char       *key);
double           ops_check_get_option_double       (OpsCheck         *self,
                                                    const char       *key);
gboolean         ops_check_get_option_boolean      (OpsCheck         *self,
                                                    const char       *key);
GStrv            ops_check_dup_option_strv         (OpsCheck         *self,
                                                    const char       *key);

OpsHealthStatus  ops_check_get_status              (OpsCheck         *self);
OpsCheckResult  *ops_check_get_last_result         (OpsCheck         *self);
double           ops_check_get_last_latency_ms     (OpsCheck         *self);
const char      *ops_check_get_last_error          (OpsCheck         *self);
gint64           ops_check_get_last_result_time    (OpsCheck         *self);
guint            ops_check_get_consecutive_failures  (OpsCheck       *self);
guint            ops_check_get_consecutive_successes (OpsCheck       *self);
double           ops_check_get_uptime_24h          (OpsCheck         *self);
gboolean         ops_check_get_running             (OpsCheck         *self);

JsonNode        *ops_check_to_json                 (OpsCheck         *self,
                                                    gboolean          with_state);
OpsCheck        *ops_check_new_from_json           (JsonNode         *node,
                                                    GError          **error);
char            *ops_check_dup_secret_key          (OpsCheck         *self);
/* clang-format on */

G_END_DECLS

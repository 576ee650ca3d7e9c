/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include "ops-alert-types.h"

G_BEGIN_DECLS

/* One result of one check, as the alert engine sees it: who, when, the
 * status, the error in words and the measured values by name
 * (latency_ms, cpu_percent, memory_percent, disk_percent, cert_days,
 * replication_lag_s…). */
typedef struct _OpsAlertSample OpsAlertSample;

#define OPS_TYPE_ALERT_SAMPLE (ops_alert_sample_get_type ())

/* clang-format off */
GType               ops_alert_sample_get_type        (void) G_GNUC_CONST;
OpsAlertSample     *ops_alert_sample_new             (gint64              check_id,
                                                      const char         *check_name,
                                                      gint64              time_usec,
                                                      OpsSampleStatus     status);
OpsAlertSample     *ops_alert_sample_ref             (OpsAlertSample     *self);
void                ops_alert_sample_unref           (OpsAlertSample     *self);

void                ops_alert_sample_set_environment (OpsAlertSample     *self,
                                                      const char         *environment);
void                ops_alert_sample_set_tags        (OpsAlertSample     *self,
                                                      const char * const *tags);
void                ops_alert_sample_set_error       (OpsAlertSample     *self,
                                                      const char         *error);
void                ops_alert_sample_set_metric      (OpsAlertSample     *self,
                                                      const char         *name,
                                                      double              value);

gint64              ops_alert_sample_get_check_id    (OpsAlertSample     *self);
const char         *ops_alert_sample_get_check_name  (OpsAlertSample     *self);
const char         *ops_alert_sample_get_environment (OpsAlertSample     *self);
const char * const *ops_alert_sample_get_tags        (OpsAlertSample     *self);
gint64              ops_alert_sample_get_time        (OpsAlertSample     *self);
OpsSampleStatus     ops_alert_sample_get_status      (OpsAlertSample     *self);
const char         *ops_alert_sample_get_error       (OpsAlertSample     *self);
gboolean            ops_alert_sample_get_metric      (OpsAlertSample     *self,
                                                      const char         *name,
                                                      double             *value);
GStrv               ops_alert_sample_list_metrics    (OpsAlertSample     *self);
OpsAlertCheckRef    ops_alert_sample_get_check_ref   (OpsAlertSample     *self);
void                ops_alert_sample_to_json         (OpsAlertSample     *self,
                                                      JsonBuilder        *builder);
/* clang-format on */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpsAlertSample, ops_alert_sample_unref)

G_END_DECLS

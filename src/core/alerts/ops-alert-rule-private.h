/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include "ops-alert-rule.h"

G_BEGIN_DECLS

struct _OpsAlertRule
{
  GObject parent_instance;

  /* Owned */
  char         *name;
  char         *metric;
  OpsAlertScope scope;

  gint64            id;
  OpsAlertRuleKind  kind;
  OpsSeverity       severity; /* down and absence */
  OpsAlertAggregate aggregate;
  OpsAlertOperator  op;
  double            warning;
  double            critical;
  gint64            window;
  gint64            for_seconds;
  gint64            absence;
  guint             has_warning : 1;
  guint             has_critical : 1;
  guint             enabled : 1;
  guint             builtin : 1;
};

/* clang-format off */
gboolean _ops_alert_rule_invalid (GError     **error,
                                  const char  *name,
                                  const char  *format,
                                  ...) G_GNUC_PRINTF (3, 4);
/* clang-format on */

G_END_DECLS

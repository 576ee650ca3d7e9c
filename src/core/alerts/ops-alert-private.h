/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include "ops-alert.h"

G_BEGIN_DECLS

/* The alert's fields, for the engine and the database code that keep
 * them. Whoever changes them calls _ops_alert_changed(). */
struct _OpsAlert
{
  GObject parent_instance;

  /* Owned */
  char *rule_name;
  char *check_name;
  char *cause;
  char *snapshot; /* JSON text */
  char *acknowledged_by;
  char *ack_note;
  char *resolved_by;
  char *resolve_note;
  char *blocked_by;     /* the name of the check at the root of the outage */
  char *in_maintenance; /* the name of the window */

  gint64        id;
  gint64        rule_id;
  gint64        check_id;
  OpsAlertState state;
  OpsSeverity   severity;
  double        value;
  gboolean      has_value;
  gint64        pending_at;
  gint64        fired_at;
  gint64        acknowledged_at;
  gint64        resolved_at;
  gint64        notified_at;
  guint         notify_count;
  gint64        blocked_by_alert;
  gboolean      flapping;
  guint         dependents;
};

/* clang-format off */
OpsAlert *_ops_alert_new          (void);
void      _ops_alert_changed      (OpsAlert    *self);
void      _ops_alert_set_string   (char       **field,
                                   const char  *value);
/* clang-format on */

G_END_DECLS

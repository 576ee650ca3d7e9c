/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include "ops-maintenance-window.h"

G_BEGIN_DECLS

struct _OpsMaintenanceWindow
{
  GObject parent_instance;

  /* Owned */
  char         *name;
  char         *time_zone;
  GTimeZone    *tz; /* time_zone, looked up once */
  OpsAlertScope scope;

  gint64             id;
  OpsMaintenanceKind kind;
  gint64             start; /* once */
  gint64             end;   /* once */
  guint              days;  /* weekly */
  guint              start_minute;
  gint64             duration; /* weekly, seconds */
};

G_END_DECLS

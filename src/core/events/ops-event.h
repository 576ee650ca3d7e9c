/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  OPS_SEVERITY_INFO,
  OPS_SEVERITY_WARNING,
  OPS_SEVERITY_CRITICAL,
} OpsSeverity;

#define OPS_TYPE_SEVERITY (ops_severity_get_type ())
#define OPS_TYPE_EVENT    (ops_event_get_type ())

G_DECLARE_FINAL_TYPE (OpsEvent, ops_event, OPS, EVENT, GObject)

/* clang-format off */
GType         ops_severity_get_type      (void) G_GNUC_CONST;
const char   *ops_severity_to_string     (OpsSeverity   severity);
gboolean      ops_severity_from_string   (const char   *text,
                                          OpsSeverity  *severity);

OpsEvent     *ops_event_new              (const char   *kind,
                                          OpsSeverity   severity,
                                          const char   *source,
                                          const char   *service);
const char   *ops_event_get_kind         (OpsEvent     *self);
OpsSeverity   ops_event_get_severity     (OpsEvent     *self);
const char   *ops_event_get_source       (OpsEvent     *self);
const char   *ops_event_get_service      (OpsEvent     *self);
gint64        ops_event_get_timestamp    (OpsEvent     *self);
void          ops_event_set_timestamp    (OpsEvent     *self,
                                          gint64        timestamp_usec);
gboolean      ops_event_matches_prefix   (OpsEvent     *self,
                                          const char   *prefix);

void          ops_event_set_field        (OpsEvent     *self,
                                          const char   *name,
                                          GVariant     *value);
void          ops_event_set_field_string (OpsEvent     *self,
                                          const char   *name,
                                          const char   *value);
void          ops_event_set_field_int    (OpsEvent     *self,
                                          const char   *name,
                                          gint64        value);
void          ops_event_set_field_double (OpsEvent     *self,
                                          const char   *name,
                                          double        value);
GVariant     *ops_event_get_field        (OpsEvent     *self,
                                          const char   *name);
const char   *ops_event_get_field_string (OpsEvent     *self,
                                          const char   *name);
GStrv         ops_event_list_fields      (OpsEvent     *self);
GVariant     *ops_event_dup_fields       (OpsEvent     *self);
JsonNode     *ops_event_to_json          (OpsEvent     *self);

void          _ops_event_seal            (OpsEvent     *self);
/* clang-format on */

G_END_DECLS

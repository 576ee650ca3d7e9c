/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "ops-load-threshold.h"

G_BEGIN_DECLS

typedef enum
{
  OPS_LOAD_MODE_MAX_THROUGHPUT, /* closed loop: next request when the last one completes */
  OPS_LOAD_MODE_CONSTANT_RATE,  /* open loop: requests scheduled at a rate */
} OpsLoadMode;

/* One step of a ramp: over @duration_usec the target (requests per second
 * in constant-rate mode, connections otherwise) moves in a straight line
 * from the previous step's target (0 before the first) to @target. */
typedef struct
{
  gint64 duration_usec;
  double target;
} OpsLoadStage;

/* What a load test does. Plain data, shared by reference. */
typedef struct
{
  char       *name; /* nullable: a saved scenario's name */
  char       *url;
  char       *method;
  GPtrArray  *headers; /* "Name: value" */
  GBytes     *body;    /* nullable */
  guint       connections;
  guint       threads;
  gint64      duration_usec;
  OpsLoadMode mode;
  double      rate;   /* requests per second, constant-rate mode */
  GArray     *stages; /* OpsLoadStage */
  gint64      timeout_usec;
  GPtrArray  *thresholds; /* OpsLoadThreshold */
  gboolean    abort_on_fail;
  gboolean    insecure; /* TLS certificates are not verified */
  char       *ca_file;  /* nullable: trust this PEM file too */

  /*< private >*/
  gatomicrefcount ref_count;
} OpsLoadScenario;

#define OPS_TYPE_LOAD_SCENARIO (ops_load_scenario_get_type ())

#define OPS_LOAD_DEFAULT_CONNECTIONS 10
#define OPS_LOAD_DEFAULT_DURATION    (10 * G_USEC_PER_SEC)
#define OPS_LOAD_DEFAULT_TIMEOUT     (2 * G_USEC_PER_SEC)
#define OPS_LOAD_MAX_CONNECTIONS     10000
#define OPS_LOAD_MAX_THREADS         64

/* clang-format off */
GType            ops_load_scenario_get_type          (void) G_GNUC_CONST;
OpsLoadScenario *ops_load_scenario_new               (const char             *url);
OpsLoadScenario *ops_load_scenario_ref               (OpsLoadScenario        *self);
void             ops_load_scenario_unref             (OpsLoadScenario        *self);
OpsLoadScenario *ops_load_scenario_copy              (const OpsLoadScenario  *self);
gboolean         ops_load_scenario_add_header        (OpsLoadScenario        *self,
                                                      const char             *header,
                                                      GError                **error);
gboolean         ops_load_scenario_add_threshold     (OpsLoadScenario        *self,
                                                      const char             *expression,
                                                      GError                **error);
gboolean         ops_load_scenario_add_stage_text    (OpsLoadScenario        *self,
                                                      const char             *text,
                                                      GError                **error);
gboolean         ops_load_scenario_validate          (const OpsLoadScenario  *self,
                                                      GError                **error);
gint64           ops_load_scenario_total_duration    (const OpsLoadScenario  *self);
double           ops_load_scenario_target_at         (const OpsLoadScenario  *self,
                                                      gint64                  elapsed_usec);
guint            ops_load_scenario_max_connections   (const OpsLoadScenario  *self);
JsonNode        *ops_load_scenario_to_json           (const OpsLoadScenario  *self,
                                                      gboolean                mask_secrets);
OpsLoadScenario *ops_load_scenario_from_json         (JsonNode               *node,
                                                      GError                **error);
gboolean         ops_load_header_is_sensitive        (const char             *header);
char            *ops_load_header_masked              (const char             *header);
gboolean         ops_load_parse_duration             (const char             *text,
                                                      gint64                 *usec,
                                                      GError                **error);
char            *ops_load_format_duration            (gint64                  usec);
/* clang-format on */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpsLoadScenario, ops_load_scenario_unref)

G_END_DECLS

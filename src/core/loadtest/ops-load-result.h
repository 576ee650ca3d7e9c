/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include "ops-load-counters.h"
#include "ops-load-scenario.h"

G_BEGIN_DECLS

/* One second of a run, as the run reports it while it goes. */
typedef struct
{
  guint           second;        /* from 0 */
  gint64          duration_usec; /* 1 s, the last one may be shorter */
  double          target;        /* the rate or connections wanted then */
  OpsLoadCounters counters;

  /*< private >*/
  gatomicrefcount ref_count;
} OpsLoadSnapshot;

/* A threshold's outcome. */
typedef struct
{
  char    *expression;
  double   observed;
  char    *observed_text; /* in the threshold's unit, such as “212.40ms” */
  gboolean passed;
} OpsLoadVerdict;

typedef enum
{
  OPS_LOAD_END_COMPLETED, /* ran for its whole duration */
  OPS_LOAD_END_STOPPED,   /* stopped by the operator */
  OPS_LOAD_END_ABORTED,   /* a threshold could no longer pass */
} OpsLoadEnd;

/* Everything a run leaves behind. */
typedef struct
{
  gint64           id;   /* in the database, 0 until saved */
  char            *name; /* nullable */
  OpsLoadScenario *scenario;
  gint64           started_at;    /* wall clock, µs since the epoch */
  gint64           duration_usec; /* start to the last response */
  OpsLoadEnd       end;
  OpsLoadCounters  totals;
  GPtrArray       *timeline;                   /* OpsLoadSnapshot, one per second */
  GPtrArray       *verdicts;                   /* OpsLoadVerdict */
  guint            dropped_seconds;            /* seconds missing from the timeline */
  char            *notes[OPS_LOAD_N_FAILURES]; /* the first failure of each kind, in words */

  /*< private >*/
  gatomicrefcount ref_count;
} OpsLoadResult;

#define OPS_TYPE_LOAD_SNAPSHOT (ops_load_snapshot_get_type ())
#define OPS_TYPE_LOAD_RESULT   (ops_load_result_get_type ())

/* clang-format off */
GType            ops_load_snapshot_get_type    (void) G_GNUC_CONST;
OpsLoadSnapshot *ops_load_snapshot_new         (void);
OpsLoadSnapshot *ops_load_snapshot_ref         (OpsLoadSnapshot       *self);
void             ops_load_snapshot_unref       (OpsLoadSnapshot       *self);
double           ops_load_snapshot_get_rps     (const OpsLoadSnapshot *self);
JsonNode        *ops_load_snapshot_to_json     (const OpsLoadSnapshot *self);

void             ops_load_verdict_free         (OpsLoadVerdict        *self);

GType            ops_load_result_get_type      (void) G_GNUC_CONST;
OpsLoadResult   *ops_load_result_new           (OpsLoadScenario       *scenario);
OpsLoadResult   *ops_load_result_ref           (OpsLoadResult         *self);
void             ops_load_result_unref         (OpsLoadResult         *self);
void             ops_load_result_evaluate      (OpsLoadResult         *self);
gboolean         ops_load_result_passed        (const OpsLoadResult   *self);
double           ops_load_result_get_rps       (const OpsLoadResult   *self);
const char      *ops_load_end_to_string        (OpsLoadEnd             end);
gboolean         ops_load_end_from_string      (const char            *text,
                                                OpsLoadEnd            *end);
JsonNode        *ops_load_result_to_json       (const OpsLoadResult   *self,
                                                gboolean               with_timeline);
/* clang-format on */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpsLoadSnapshot, ops_load_snapshot_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpsLoadResult, ops_load_result_unref)

G_END_DECLS

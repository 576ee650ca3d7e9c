/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One sample of the Prometheus text exposition format. */
typedef struct
{
  const char *name;
  GHashTable *labels; /* name → value */
  double      value;
} OpsPrometheusSample;

typedef void (*OpsPrometheusSampleFunc) (const OpsPrometheusSample *sample,
                                         gpointer                   user_data);

/* clang-format off */
guint ops_prometheus_text_parse (const char              *text,
                                 gsize                    length,
                                 OpsPrometheusSampleFunc  func,
                                 gpointer                 user_data,
                                 guint                   *n_ignored);
/* clang-format on */

G_END_DECLS

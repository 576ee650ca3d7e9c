/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The placeholders of the condition language (Gatus's), as flags so that a
 * check kind can say which ones it offers. */
typedef enum
{
  OPS_PLACEHOLDER_STATUS = 1 << 0,
  OPS_PLACEHOLDER_RESPONSE_TIME = 1 << 1,
  OPS_PLACEHOLDER_BODY = 1 << 2,
  OPS_PLACEHOLDER_CERTIFICATE_EXPIRATION = 1 << 3,
  OPS_PLACEHOLDER_CONNECTED = 1 << 4,
  OPS_PLACEHOLDER_IP = 1 << 5,
} OpsPlaceholders;

/* What a probe measured, for conditions to look at. Unset members are
 * “not available”: a condition that uses them fails with a message. */
typedef struct
{
  OpsPlaceholders available;
  guint           status;
  double          response_time_ms;
  GBytes         *body;
  gint64          certificate_expiration_ms;
  gboolean        connected;
  const char     *ip;

  /* Private: the body parsed once, on first use. */
  JsonNode *body_json;
  char     *body_json_error;
  gboolean  body_parsed;
} OpsConditionContext;

typedef struct _OpsCondition OpsCondition;

/* clang-format off */
OpsCondition *ops_condition_parse            (const char           *text,
                                              OpsPlaceholders       allowed,
                                              GError              **error);
void          ops_condition_free             (OpsCondition         *self);
const char   *ops_condition_get_text         (OpsCondition         *self);
gboolean      ops_condition_evaluate         (OpsCondition         *self,
                                              OpsConditionContext  *context,
                                              char                **failure);
void          ops_condition_context_clear    (OpsConditionContext  *context);
/* clang-format on */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpsCondition, ops_condition_free)

G_END_DECLS

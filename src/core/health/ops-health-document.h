/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <json-glib/json-glib.h>

#include "ops-health-types.h"

G_BEGIN_DECLS

typedef enum
{
  OPS_HEALTH_DOCUMENT_NONE,
  OPS_HEALTH_DOCUMENT_HEALTH_JSON, /* application/health+json (draft-inadarei) */
  OPS_HEALTH_DOCUMENT_ACTUATOR,    /* Spring Boot Actuator /actuator/health */
} OpsHealthDocumentFormat;

/* What a service says about its own health. */
typedef struct
{
  OpsHealthDocumentFormat format;
  OpsHealthStatus         status;
  char                   *raw_status; /* as written: "pass", "UP", "OUT_OF_SERVICE" */
  char                   *output;     /* the document's own error text, if any */
  JsonArray              *components; /* {"name", "status", "raw_status", "output"?, … } */
} OpsHealthDocument;

/* clang-format off */
gboolean    ops_health_document_read       (JsonNode          *root,
                                            const char        *content_type,
                                            OpsHealthDocument *document);
void        ops_health_document_clear      (OpsHealthDocument *document);
const char *ops_health_document_format_name (OpsHealthDocumentFormat format);
/* clang-format on */

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (OpsHealthDocument, ops_health_document_clear)

G_END_DECLS

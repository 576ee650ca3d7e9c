/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <libsoup/soup.h>

#include "ops-probe.h"

G_BEGIN_DECLS

/* One HTTP exchange of a probe: the answer, read whole up to a size cap. */
typedef struct
{
  SoupMessage     *message;
  guint            status;
  char            *content_type; /* without parameters, lower case */
  GBytes          *body;
  GTlsCertificate *certificate;
  char            *remote_ip;
  OpsProbeTiming   timing;
} OpsHttpResponse;

/* clang-format off */
SoupMessage     *ops_probe_http_new_message     (OpsProbe             *probe,
                                                 const char           *method,
                                                 const char           *uri,
                                                 GError              **error);
void             ops_probe_http_fetch_async     (OpsProbe             *probe,
                                                 SoupMessage          *message,
                                                 gsize                 max_body,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
OpsHttpResponse *ops_probe_http_fetch_finish    (OpsProbe             *probe,
                                                 GAsyncResult         *result,
                                                 GError              **error);
void             ops_http_response_free         (OpsHttpResponse      *response);
/* clang-format on */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpsHttpResponse, ops_http_response_free)

G_END_DECLS

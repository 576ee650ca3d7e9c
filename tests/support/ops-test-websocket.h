/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* A stand-in for a service's event stream, following our WebSocket
 * contract (contracts/health, section C), on a loopback port. */
typedef struct
{
  SoupServer *server;
  GPtrArray  *connections; /* SoupWebsocketConnection */
  GPtrArray  *received;    /* char *: text frames from clients */
  char       *token;       /* the bearer token it requires, or NULL */
  guint16     port;
  guint       n_connected; /* connections ever accepted */
  guint       n_refused;   /* handshakes refused for a bad token */
} OpsTestWebsocket;

/* clang-format off */
OpsTestWebsocket *ops_test_websocket_new          (const char        *token);
void              ops_test_websocket_free         (OpsTestWebsocket  *self);
char             *ops_test_websocket_url          (OpsTestWebsocket  *self);
void              ops_test_websocket_send         (OpsTestWebsocket  *self,
                                                   const char        *text);
void              ops_test_websocket_send_health  (OpsTestWebsocket  *self,
                                                   const char        *service,
                                                   const char        *status,
                                                   double             response_time_ms,
                                                   const char        *error);
void              ops_test_websocket_send_binary  (OpsTestWebsocket  *self,
                                                   gsize              size);
void              ops_test_websocket_drop         (OpsTestWebsocket  *self);
/* clang-format on */

G_END_DECLS

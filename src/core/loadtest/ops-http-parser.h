/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A small, strict parser of HTTP/1.1 responses for the load engine. It
 * parses the head in place (the caller keeps the head's bytes together in
 * its buffer until it is complete), then skips the body as it streams by,
 * with Content-Length, chunked transfer encoding, or up to the end of the
 * connection. 1xx responses are skipped. It allocates nothing. */

typedef enum
{
  OPS_HTTP_PARSE_MORE,  /* give it more bytes */
  OPS_HTTP_PARSE_DONE,  /* one response is complete */
  OPS_HTTP_PARSE_ERROR, /* malformed: see the parser's `error` */
} OpsHttpParseStatus;

typedef enum
{
  OPS_HTTP_PARSER_OK,
  OPS_HTTP_PARSER_BAD_STATUS_LINE,
  OPS_HTTP_PARSER_BAD_VERSION,
  OPS_HTTP_PARSER_BAD_STATUS_CODE,
  OPS_HTTP_PARSER_BAD_HEADER,
  OPS_HTTP_PARSER_BAD_CONTENT_LENGTH,
  OPS_HTTP_PARSER_BAD_TRANSFER_ENCODING,
  OPS_HTTP_PARSER_BAD_CHUNK,
  OPS_HTTP_PARSER_HEAD_TOO_LARGE,
  OPS_HTTP_PARSER_TRUNCATED,
  OPS_HTTP_PARSER_UNEXPECTED_UPGRADE,
  OPS_HTTP_PARSER_N_ERRORS,
} OpsHttpParserError;

typedef enum
{
  OPS_HTTP_STATE_HEAD,
  OPS_HTTP_STATE_BODY_LENGTH,
  OPS_HTTP_STATE_BODY_UNTIL_CLOSE,
  OPS_HTTP_STATE_CHUNK_SIZE,
  OPS_HTTP_STATE_CHUNK_EXTENSION,
  OPS_HTTP_STATE_CHUNK_SIZE_LF,
  OPS_HTTP_STATE_CHUNK_DATA,
  OPS_HTTP_STATE_CHUNK_DATA_CR,
  OPS_HTTP_STATE_CHUNK_DATA_LF,
  OPS_HTTP_STATE_TRAILER_START,
  OPS_HTTP_STATE_TRAILER_LINE,
  OPS_HTTP_STATE_TRAILER_LF,
  OPS_HTTP_STATE_FINAL_LF,
  OPS_HTTP_STATE_DONE,
  OPS_HTTP_STATE_ERROR,
} OpsHttpParserState;

typedef struct
{
  OpsHttpParserState state;
  OpsHttpParserError error;
  guint              status;        /* of the final response */
  guint              minor_version; /* HTTP/1.x */
  gboolean           head_request;  /* the request was HEAD: no body follows */
  gboolean           keep_alive;    /* FALSE: the server closes the connection */
  gboolean           chunked;
  guint64            remaining;  /* body or chunk bytes still to come */
  guint64            body_bytes; /* body bytes seen (without chunk framing) */
  guint              chunk_digits;
  gsize              max_head; /* a longer head is an error */
} OpsHttpParser;

#define OPS_HTTP_PARSER_DEFAULT_MAX_HEAD 16384

/* clang-format off */
void                ops_http_parser_init          (OpsHttpParser      *self,
                                                   gboolean            head_request);
OpsHttpParseStatus  ops_http_parser_feed          (OpsHttpParser      *self,
                                                   const char         *data,
                                                   gsize               length,
                                                   gsize              *consumed);
OpsHttpParseStatus  ops_http_parser_finish        (OpsHttpParser      *self);
gboolean            ops_http_parser_in_head       (const OpsHttpParser *self);
const char         *ops_http_parser_error_message (OpsHttpParserError  error);
/* clang-format on */

G_END_DECLS

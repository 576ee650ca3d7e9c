/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include <string.h>

#include "loadtest/ops-http-parser.h"
#include "ops-test-util.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            gsize         size);

typedef struct
{
  OpsHttpParseStatus status;
  OpsHttpParserError error;
  guint              status_code;
  gboolean           keep_alive;
  guint64            body_bytes;
  gsize              consumed;
} Outcome;

/* Feeds @text in pieces of @step bytes as the engine does. */
static Outcome
parse (const char *text,
       gsize       step,
       gboolean    head_request,
       gboolean    eof)
{
  OpsHttpParser    parser = { 0 };
  g_autofree char *buffer = g_malloc (strlen (text) + 1);
  gsize            length = 0, offset = 0, total = strlen (text), consumed_total = 0;
  Outcome          outcome = { 0 };

  ops_http_parser_init (&parser, head_request);
  outcome.status = OPS_HTTP_PARSE_MORE;

  while (offset < total)
    {
      gsize n = MIN (step, total - offset);
      gsize consumed;

      memcpy (buffer + length, text + offset, n);
      offset += n;
      length += n;
      outcome.status = ops_http_parser_feed (&parser, buffer, length, &consumed);
      consumed_total += consumed;
      if (outcome.status != OPS_HTTP_PARSE_MORE)
        break;
      memmove (buffer, buffer + consumed, length - consumed);
      length -= consumed;
    }

  if (outcome.status == OPS_HTTP_PARSE_MORE && eof)
    outcome.status = ops_http_parser_finish (&parser);

  outcome.error = parser.error;
  outcome.status_code = parser.status;
  outcome.keep_alive = parser.keep_alive;
  outcome.body_bytes = parser.body_bytes;
  outcome.consumed = consumed_total;
  return outcome;
}

static void
assert_done (const char *text,
             guint       status_code,
             guint64     body_bytes,
             gboolean    keep_alive,
             gboolean    head_request,
             gboolean    eof)
{
  /* Whole, byte by byte, and in odd pieces: always the same answer. */
  static const gsize steps[] = { G_MAXSIZE / 2, 1, 3, 7 };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      Outcome o = parse (text, steps[i], head_request, eof);

      g_assert_cmpint (o.status, ==, OPS_HTTP_PARSE_DONE);
      g_assert_cmpuint (o.status_code, ==, status_code);
      g_assert_cmpuint (o.body_bytes, ==, body_bytes);
      g_assert_cmpint (o.keep_alive, ==, keep_alive);
    }
}

static void
assert_error (const char        *text,
              OpsHttpParserError error,
              gboolean           eof)
{
  static const gsize steps[] = { G_MAXSIZE / 2, 1, 5 };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      Outcome o = parse (text, steps[i], FALSE, eof);

      g_test_message ("%s", text);
      g_assert_cmpint (o.status, ==, OPS_HTTP_PARSE_ERROR);
      g_assert_cmpint (o.error, ==, error);
    }
  g_assert_nonnull (ops_http_parser_error_message (error));
}

static void
test_content_length (void)
{
  assert_done ("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nfine", 200, 4, TRUE, FALSE, FALSE);
  assert_done ("HTTP/1.1 404 Not Found\r\ncontent-length:0\r\n\r\n", 404, 0, TRUE, FALSE, FALSE);
  assert_done ("HTTP/1.1 200\r\nContent-Length: 1\r\n\r\nx", 200, 1, TRUE, FALSE, FALSE);
  assert_done ("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc", 200, 3, TRUE, FALSE, FALSE);
}

static void
test_chunked (void)
{
  assert_done ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6;x=y\r\n world\r\n0\r\n\r\n",
               200, 11, TRUE, FALSE, FALSE);
  assert_done ("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, Chunked\r\n\r\nA\r\n0123456789\r\n0\r\nX-Sum: 1\r\n\r\n",
               200, 10, TRUE, FALSE, FALSE);
}

static void
test_connection_close_and_http10 (void)
{
  assert_done ("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok", 200, 2, FALSE, FALSE, FALSE);
  assert_done ("HTTP/1.1 200 OK\r\nConnection: Upgrade, Close\r\nContent-Length: 0\r\n\r\n", 200, 0, FALSE, FALSE, FALSE);
  assert_done ("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok", 200, 2, FALSE, FALSE, FALSE);
  assert_done ("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\nok", 200, 2, TRUE, FALSE, FALSE);
  /* No length at all: the body runs to the end of the connection. */
  assert_done ("HTTP/1.1 200 OK\r\n\r\nall of it", 200, 9, FALSE, FALSE, TRUE);
}

static void
test_no_body (void)
{
  assert_done ("HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n", 200, 0, TRUE, TRUE, FALSE);
  assert_done ("HTTP/1.1 204 No Content\r\n\r\n", 204, 0, TRUE, FALSE, FALSE);
  assert_done ("HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\n", 304, 0, TRUE, FALSE, FALSE);
}

static void
test_informational_skipped (void)
{
  assert_done ("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n"
               "HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok",
               201, 2, TRUE, FALSE, FALSE);
}

static void
test_consumed_stops_at_end_of_response (void)
{
  const char *two = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 200 OK\r\n";
  Outcome     o = parse (two, G_MAXSIZE / 2, FALSE, FALSE);

  g_assert_cmpint (o.status, ==, OPS_HTTP_PARSE_DONE);
  g_assert_cmpuint (o.consumed, ==, strlen ("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));
}

static void
test_malformed (void)
{
  g_autofree char *long_head = NULL;

  assert_error ("HTTP/1.1 abc OK\r\n\r\n", OPS_HTTP_PARSER_BAD_STATUS_CODE, FALSE);
  assert_error ("HTTP/1.1 999 Odd\r\n\r\n", OPS_HTTP_PARSER_BAD_STATUS_CODE, FALSE);
  assert_error ("HTTP/1.1 2000 OK\r\n\r\n", OPS_HTTP_PARSER_BAD_STATUS_CODE, FALSE);
  assert_error ("HTTP/2.0 200 OK\r\n\r\n", OPS_HTTP_PARSER_BAD_VERSION, FALSE);
  assert_error ("SSH-2.0-OpenSSH\r\n\r\n", OPS_HTTP_PARSER_BAD_STATUS_LINE, FALSE);
  assert_error ("HTTP/1.1 200 OK\nContent-Length: 0\n\n", OPS_HTTP_PARSER_BAD_STATUS_LINE, FALSE);
  assert_error ("HTTP/1.1 200 OK\r\nX: 1\r\n  folded\r\n\r\n", OPS_HTTP_PARSER_BAD_HEADER, FALSE);
  assert_error ("HTTP/1.1 200 OK\r\nContent-Length : 0\r\n\r\n", OPS_HTTP_PARSER_BAD_HEADER, FALSE);
  assert_error ("HTTP/1.1 200 OK\r\nNo colon here\r\n\r\n", OPS_HTTP_PARSER_BAD_HEADER, FALSE);
  assert_error ("HTTP/1.1 200 OK\r\nX: a\001b\r\n\r\n", OPS_HTTP_PARSER_BAD_HEADER, FALSE);
  assert_error ("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab", OPS_HTTP_PARSER_BAD_CONTENT_LENGTH, FALSE);
  assert_error ("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", OPS_HTTP_PARSER_BAD_CONTENT_LENGTH, FALSE);
  assert_error ("HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999\r\n\r\n", OPS_HTTP_PARSER_BAD_CONTENT_LENGTH, FALSE);
  assert_error ("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
                OPS_HTTP_PARSER_BAD_TRANSFER_ENCODING, FALSE);
  assert_error ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", OPS_HTTP_PARSER_BAD_CHUNK, FALSE);
  assert_error ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nfffffffffffffffff\r\n", OPS_HTTP_PARSER_BAD_CHUNK, FALSE);
  assert_error ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX", OPS_HTTP_PARSER_BAD_CHUNK, FALSE);
  assert_error ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n", OPS_HTTP_PARSER_UNEXPECTED_UPGRADE, FALSE);
  assert_error ("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort", OPS_HTTP_PARSER_TRUNCATED, TRUE);
  assert_error ("HTTP/1.1 200 OK\r\nContent-Le", OPS_HTTP_PARSER_TRUNCATED, TRUE);

  long_head = g_strdup_printf ("HTTP/1.1 200 OK\r\nX-Long: %0*d\r\n\r\n", 20000, 0);
  assert_error (long_head, OPS_HTTP_PARSER_HEAD_TOO_LARGE, FALSE);
}

/* Replays every input of the fuzzing corpus through the fuzz target's own
 * driver, so CI checks what the fuzzer found, without clang. */
static void
test_replay_corpus (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "..", "fuzz", "corpus", "http-parser", NULL);
  g_autoptr(GDir) d = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint       replayed = 0;

  d = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GBytes) input = ops_test_read_file (path);

      LLVMFuzzerTestOneInput (g_bytes_get_data (input, NULL), g_bytes_get_size (input));
      replayed++;
    }

  g_test_message ("%u corpus inputs replayed", replayed);
  g_assert_cmpuint (replayed, >=, 20);
}

int
main (int   argc,
      char *argv[])
{
  ops_test_init (&argc, &argv);

  g_test_add_func ("/opsdeck/loadtest/http-parser/content-length", test_content_length);
  g_test_add_func ("/opsdeck/loadtest/http-parser/chunked", test_chunked);
  g_test_add_func ("/opsdeck/loadtest/http-parser/connection-close-and-http10", test_connection_close_and_http10);
  g_test_add_func ("/opsdeck/loadtest/http-parser/no-body", test_no_body);
  g_test_add_func ("/opsdeck/loadtest/http-parser/informational-skipped", test_informational_skipped);
  g_test_add_func ("/opsdeck/loadtest/http-parser/consumed-stops-at-end-of-response", test_consumed_stops_at_end_of_response);
  g_test_add_func ("/opsdeck/loadtest/http-parser/malformed", test_malformed);
  g_test_add_func ("/opsdeck/loadtest/http-parser/replay-corpus", test_replay_corpus);

  return g_test_run ();
}

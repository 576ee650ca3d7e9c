/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

/* libFuzzer target for the load engine's HTTP/1.1 response parser. It
 * drives the parser as the engine does: bytes arrive in chunks into a
 * fixed buffer, the head stays together until it is parsed, and what a
 * response consumed is dropped. The first input byte picks the chunk size
 * and whether the request was HEAD. The same function replays the corpus
 * in a normal unit test (tests/loadtest/test-http-parser.c). */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "loadtest/ops-http-parser.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

#define FUZZ_BUFFER_SIZE 4096

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static char   buffer[FUZZ_BUFFER_SIZE];
  OpsHttpParser parser = { 0 };
  gsize         chunk, length = 0, offset = 0;
  gboolean      head_request;
  gboolean      stop = FALSE;

  if (size < 1)
    return 0;

  chunk = (data[0] & 0x3f) + 1;
  head_request = (data[0] & 0x40) != 0;
  data++;
  size--;

  parser.max_head = FUZZ_BUFFER_SIZE / 2;
  ops_http_parser_init (&parser, head_request);

  while (!stop && (offset < size || length > 0))
    {
      gsize              n = MIN (MIN (chunk, size - offset), FUZZ_BUFFER_SIZE - length);
      gsize              consumed = 0;
      OpsHttpParseStatus status;

      memcpy (buffer + length, data + offset, n);
      offset += n;
      length += n;

      status = ops_http_parser_feed (&parser, buffer, length, &consumed);
      g_assert (consumed <= length);

      switch (status)
        {
        case OPS_HTTP_PARSE_MORE:
          /* Once the head is parsed, MORE means every byte was used. */
          g_assert (ops_http_parser_in_head (&parser) || consumed == length);
          memmove (buffer, buffer + consumed, length - consumed);
          length -= consumed;
          if (length == FUZZ_BUFFER_SIZE || (n == 0 && offset >= size))
            stop = TRUE;
          break;

        case OPS_HTTP_PARSE_DONE:
          g_assert (parser.status >= 200 && parser.status <= 599);
          memmove (buffer, buffer + consumed, length - consumed);
          length -= consumed;
          ops_http_parser_init (&parser, head_request);
          if (consumed == 0 && n == 0)
            stop = TRUE;
          break;

        case OPS_HTTP_PARSE_ERROR:
        default:
          g_assert (parser.error != OPS_HTTP_PARSER_OK);
          g_assert (ops_http_parser_error_message (parser.error) != NULL);
          stop = TRUE;
          break;
        }
    }

  /* The server closes the connection. */
  (void)ops_http_parser_finish (&parser);
  return 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define _GNU_SOURCE
#define G_LOG_DOMAIN "ops-loadtest"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ops-http-parser.h"

#define MAX_CONTENT_LENGTH G_GUINT64_CONSTANT (0x3fffffffffffffff)
#define MAX_CHUNK_DIGITS   15

void
ops_http_parser_init (OpsHttpParser *self,
                      gboolean       head_request)
{
  gsize max_head = self->max_head != 0 ? self->max_head : OPS_HTTP_PARSER_DEFAULT_MAX_HEAD;

  memset (self, 0, sizeof *self);
  self->state = OPS_HTTP_STATE_HEAD;
  self->head_request = head_request;
  self->max_head = max_head;
}

gboolean
ops_http_parser_in_head (const OpsHttpParser *self)
{
  return self->state == OPS_HTTP_STATE_HEAD;
}

static OpsHttpParseStatus
fail (OpsHttpParser     *self,
      OpsHttpParserError error)
{
  self->state = OPS_HTTP_STATE_ERROR;
  self->error = error;
  return OPS_HTTP_PARSE_ERROR;
}

/* RFC 9110 token characters. */
static inline gboolean
is_tchar (guchar c)
{
  static const char extra[] = "!#$%&'*+-.^_`|~";

  return g_ascii_isalnum (c) || (c != '\0' && memchr (extra, c, sizeof extra - 1) != NULL);
}

/* Field values and reason phrases: visible characters, space, tab and
 * obs-text; no other control character. */
static inline gboolean
is_field_char (guchar c)
{
  return c == '\t' || c == ' ' || (c > 0x20 && c != 0x7f);
}

static gboolean
equal_ci (const char *a,
          gsize       a_length,
          const char *b)
{
  return strlen (b) == a_length && g_ascii_strncasecmp (a, b, a_length) == 0;
}

static void
trim (const char **value,
      gsize       *length)
{
  while (*length > 0 && ((*value)[0] == ' ' || (*value)[0] == '\t'))
    {
      (*value)++;
      (*length)--;
    }
  while (*length > 0 && ((*value)[*length - 1] == ' ' || (*value)[*length - 1] == '\t'))
    (*length)--;
}

/* Calls @func on each comma-separated, trimmed, non-empty element. */
static void
each_list_element (const char *value,
                   gsize       length,
                   void (*func) (OpsHttpParser *self, const char *element, gsize element_length),
                   OpsHttpParser *self)
{
  const char *end = value + length;

  while (value < end)
    {
      const char *comma = memchr (value, ',', end - value);
      const char *element_end = comma != NULL ? comma : end;
      const char *element = value;
      gsize       element_length = element_end - value;

      trim (&element, &element_length);
      if (element_length > 0)
        func (self, element, element_length);
      value = comma != NULL ? comma + 1 : end;
    }
}

static void
connection_option (OpsHttpParser *self,
                   const char    *element,
                   gsize          length)
{
  if (equal_ci (element, length, "close"))
    self->keep_alive = FALSE;
  else if (equal_ci (element, length, "keep-alive") && self->minor_version == 0)
    self->keep_alive = TRUE;
}

static void
transfer_coding (OpsHttpParser *self,
                 const char    *element,
                 gsize          length)
{
  /* Only whether the last coding is chunked matters; recorded through the
   * chunked flag, and settled in parse_head(). */
  self->chunked = equal_ci (element, length, "chunked");
}

static OpsHttpParseStatus
parse_status_line (OpsHttpParser *self,
                   const char    *line,
                   gsize          length)
{
  guint status;

  if (length < 12 || memcmp (line, "HTTP/", 5) != 0)
    return fail (self, OPS_HTTP_PARSER_BAD_STATUS_LINE);
  if (line[5] != '1' || line[6] != '.' || (line[7] != '0' && line[7] != '1'))
    return fail (self, OPS_HTTP_PARSER_BAD_VERSION);
  self->minor_version = line[7] - '0';
  if (line[8] != ' ')
    return fail (self, OPS_HTTP_PARSER_BAD_STATUS_LINE);
  if (!g_ascii_isdigit (line[9]) || !g_ascii_isdigit (line[10]) || !g_ascii_isdigit (line[11]))
    return fail (self, OPS_HTTP_PARSER_BAD_STATUS_CODE);
  status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
  if (status < 100 || status > 599)
    return fail (self, OPS_HTTP_PARSER_BAD_STATUS_CODE);
  if (length > 12)
    {
      if (line[12] != ' ')
        return fail (self, OPS_HTTP_PARSER_BAD_STATUS_CODE);
      for (gsize i = 13; i < length; i++)
        if (!is_field_char (line[i]))
          return fail (self, OPS_HTTP_PARSER_BAD_STATUS_LINE);
    }

  self->status = status;
  self->keep_alive = self->minor_version == 1;
  return OPS_HTTP_PARSE_MORE;
}

static gboolean
parse_content_length (const char *value,
                      gsize       length,
                      guint64    *result)
{
  guint64 n = 0;

  if (length == 0 || length > 19)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isdigit (value[i]))
        return FALSE;
      n = n * 10 + (value[i] - '0');
    }
  if (n > MAX_CONTENT_LENGTH)
    return FALSE;

  *result = n;
  return TRUE;
}

/* Parses a complete head, @length bytes ending with the empty line. */
static OpsHttpParseStatus
parse_head (OpsHttpParser *self,
            const char    *head,
            gsize          length)
{
  const char *end = head + length - 2; /* before the final CRLF */
  const char *line = head;
  const char *eol;
  gboolean    content_length_seen = FALSE;
  gboolean    transfer_encoding_seen = FALSE;
  gboolean    no_body;
  guint64     content_length = 0;

  eol = memchr (line, '\r', end - line + 2);
  g_assert (eol != NULL);
  if (eol[1] != '\n')
    return fail (self, OPS_HTTP_PARSER_BAD_STATUS_LINE);
  if (parse_status_line (self, line, eol - line) == OPS_HTTP_PARSE_ERROR)
    return OPS_HTTP_PARSE_ERROR;
  line = eol + 2;
  self->chunked = FALSE;

  while (line < end)
    {
      const char *colon;
      const char *value;
      gsize       name_length, value_length;

      eol = memchr (line, '\r', end - line + 2);
      if (eol == NULL || eol[1] != '\n')
        return fail (self, OPS_HTTP_PARSER_BAD_HEADER);

      /* A line starting with white space is an obsolete line folding. */
      colon = memchr (line, ':', eol - line);
      if (colon == NULL || colon == line)
        return fail (self, OPS_HTTP_PARSER_BAD_HEADER);
      for (const char *c = line; c < colon; c++)
        if (!is_tchar (*c))
          return fail (self, OPS_HTTP_PARSER_BAD_HEADER);
      for (const char *c = colon + 1; c < eol; c++)
        if (!is_field_char (*c))
          return fail (self, OPS_HTTP_PARSER_BAD_HEADER);

      name_length = colon - line;
      value = colon + 1;
      value_length = eol - value;
      trim (&value, &value_length);

      if (equal_ci (line, name_length, "content-length"))
        {
          guint64 n;

          if (!parse_content_length (value, value_length, &n) ||
              (content_length_seen && n != content_length))
            return fail (self, OPS_HTTP_PARSER_BAD_CONTENT_LENGTH);
          content_length_seen = TRUE;
          content_length = n;
        }
      else if (equal_ci (line, name_length, "transfer-encoding"))
        {
          transfer_encoding_seen = TRUE;
          each_list_element (value, value_length, transfer_coding, self);
        }
      else if (equal_ci (line, name_length, "connection"))
        each_list_element (value, value_length, connection_option, self);

      line = eol + 2;
    }

  if (self->status == 101)
    return fail (self, OPS_HTTP_PARSER_UNEXPECTED_UPGRADE);

  /* Both framings at once is how responses are smuggled: refuse it. */
  if (transfer_encoding_seen && content_length_seen)
    return fail (self, OPS_HTTP_PARSER_BAD_TRANSFER_ENCODING);
  if (transfer_encoding_seen && self->minor_version == 0)
    return fail (self, OPS_HTTP_PARSER_BAD_TRANSFER_ENCODING);

  if (self->status < 200)
    return OPS_HTTP_PARSE_MORE; /* 1xx: the final response follows */

  no_body = self->head_request || self->status == 204 || self->status == 304;
  if (no_body)
    {
      self->chunked = FALSE;
      self->state = OPS_HTTP_STATE_DONE;
    }
  else if (transfer_encoding_seen && self->chunked)
    {
      self->state = OPS_HTTP_STATE_CHUNK_SIZE;
      self->remaining = 0;
      self->chunk_digits = 0;
    }
  else if (transfer_encoding_seen || !content_length_seen)
    {
      self->chunked = FALSE;
      self->keep_alive = FALSE;
      self->state = OPS_HTTP_STATE_BODY_UNTIL_CLOSE;
    }
  else
    {
      self->remaining = content_length;
      self->state = content_length > 0 ? OPS_HTTP_STATE_BODY_LENGTH : OPS_HTTP_STATE_DONE;
    }

  return OPS_HTTP_PARSE_MORE;
}

static inline int
hex_value (guchar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Consumes body bytes; stops at the end of the response. */
static OpsHttpParseStatus
feed_body (OpsHttpParser *self,
           const char    *data,
           gsize          length,
           gsize         *consumed)
{
  gsize i = 0;

  while (i < length && self->state != OPS_HTTP_STATE_DONE)
    {
      guchar c = data[i];

      switch (self->state)
        {
        case OPS_HTTP_STATE_BODY_LENGTH:
          {
            gsize take = MIN ((guint64)(length - i), self->remaining);

            self->remaining -= take;
            self->body_bytes += take;
            i += take;
            if (self->remaining == 0)
              self->state = OPS_HTTP_STATE_DONE;
          }
          continue;

        case OPS_HTTP_STATE_BODY_UNTIL_CLOSE:
          self->body_bytes += length - i;
          i = length;
          continue;

        case OPS_HTTP_STATE_CHUNK_SIZE:
          {
            int digit = hex_value (c);

            if (digit >= 0)
              {
                if (++self->chunk_digits > MAX_CHUNK_DIGITS)
                  return fail (self, OPS_HTTP_PARSER_BAD_CHUNK);
                self->remaining = self->remaining * 16 + digit;
              }
            else if (self->chunk_digits == 0)
              return fail (self, OPS_HTTP_PARSER_BAD_CHUNK);
            else if (c == ';' || c == ' ' || c == '\t')
              self->state = OPS_HTTP_STATE_CHUNK_EXTENSION;
            else if (c == '\r')
              self->state = OPS_HTTP_STATE_CHUNK_SIZE_LF;
            else
              return fail (self, OPS_HTTP_PARSER_BAD_CHUNK);
          }
          break;

        case OPS_HTTP_STATE_CHUNK_EXTENSION:
          if (c == '\r')
            self->state = OPS_HTTP_STATE_CHUNK_SIZE_LF;
          else if (!is_field_char (c))
            return fail (self, OPS_HTTP_PARSER_BAD_CHUNK);
          break;

        case OPS_HTTP_STATE_CHUNK_SIZE_LF:
          if (c != '\n')
            return fail (self, OPS_HTTP_PARSER_BAD_CHUNK);
          self->state = self->remaining == 0 ? OPS_HTTP_STATE_TRAILER_START : OPS_HTTP_STATE_CHUNK_DATA;
          break;

        case OPS_HTTP_STATE_CHUNK_DATA:
          {
            gsize take = MIN ((guint64)(length - i), self->remaining);

            self->remaining -= take;
            self->body_bytes += take;
            i += take;
            if (self->remaining == 0)
              self->state = OPS_HTTP_STATE_CHUNK_DATA_CR;
          }
          continue;

        case OPS_HTTP_STATE_CHUNK_DATA_CR:
          if (c != '\r')
            return fail (self, OPS_HTTP_PARSER_BAD_CHUNK);
          self->state = OPS_HTTP_STATE_CHUNK_DATA_LF;
          break;

        case OPS_HTTP_STATE_CHUNK_DATA_LF:
          if (c != '\n')
            return fail (self, OPS_HTTP_PARSER_BAD_CHUNK);
          self->state = OPS_HTTP_STATE_CHUNK_SIZE;
          self->chunk_digits = 0;
          self->remaining = 0;
          break;

        case OPS_HTTP_STATE_TRAILER_START:
          if (c == '\r')
            self->state = OPS_HTTP_STATE_FINAL_LF;
          else if (is_tchar (c))
            self->state = OPS_HTTP_STATE_TRAILER_LINE;
          else
            return fail (self, OPS_HTTP_PARSER_BAD_CHUNK);
          break;

        case OPS_HTTP_STATE_TRAILER_LINE:
          if (c == '\r')
            self->state = OPS_HTTP_STATE_TRAILER_LF;
          else if (!is_field_char (c))
            return fail (self, OPS_HTTP_PARSER_BAD_CHUNK);
          break;

        case OPS_HTTP_STATE_TRAILER_LF:
          if (c != '\n')
            return fail (self, OPS_HTTP_PARSER_BAD_CHUNK);
          self->state = OPS_HTTP_STATE_TRAILER_START;
          break;

        case OPS_HTTP_STATE_FINAL_LF:
          if (c != '\n')
            return fail (self, OPS_HTTP_PARSER_BAD_CHUNK);
          self->state = OPS_HTTP_STATE_DONE;
          break;

        case OPS_HTTP_STATE_HEAD:
        case OPS_HTTP_STATE_DONE:
        case OPS_HTTP_STATE_ERROR:
        default:
          g_assert_not_reached ();
        }

      i++;
    }

  *consumed += i;
  return self->state == OPS_HTTP_STATE_DONE ? OPS_HTTP_PARSE_DONE : OPS_HTTP_PARSE_MORE;
}

/**
 * ops_http_parser_feed:
 * @self: a parser
 * @data: bytes received
 * @length: how many
 * @consumed: (out): how many bytes belong to the response so far
 *
 * While the head is incomplete, @data must hold the whole head received so
 * far (from its first byte) and nothing is consumed. Once a head is parsed,
 * its bytes and the body's are consumed; the caller drops them and feeds
 * what follows. After %OPS_HTTP_PARSE_DONE, bytes past @consumed are not
 * part of this response.
 *
 * Returns: whether the response is complete, needs more, or is malformed
 */
OpsHttpParseStatus
ops_http_parser_feed (OpsHttpParser *self,
                      const char    *data,
                      gsize          length,
                      gsize         *consumed)
{
  *consumed = 0;

  if (self->state == OPS_HTTP_STATE_ERROR)
    return OPS_HTTP_PARSE_ERROR;
  if (self->state == OPS_HTTP_STATE_DONE)
    return OPS_HTTP_PARSE_DONE;

  while (self->state == OPS_HTTP_STATE_HEAD)
    {
      const char *rest = data + *consumed;
      gsize       available = length - *consumed;
      const char *end = available >= 4 ? memmem (rest, available, "\r\n\r\n", 4) : NULL;
      gsize       head_length;

      if (end == NULL)
        {
          if (available > self->max_head)
            return fail (self, OPS_HTTP_PARSER_HEAD_TOO_LARGE);
          /* A bare LF is not accepted: fail early rather than wait for a
           * CRLF CRLF that never comes. */
          if (available > 0 && memchr (rest, '\n', available) != NULL)
            {
              const char *lf = memchr (rest, '\n', available);

              if (lf == rest || lf[-1] != '\r')
                return fail (self, OPS_HTTP_PARSER_BAD_STATUS_LINE);
            }
          return OPS_HTTP_PARSE_MORE;
        }

      head_length = end - rest + 4;
      if (head_length > self->max_head)
        return fail (self, OPS_HTTP_PARSER_HEAD_TOO_LARGE);
      if (parse_head (self, rest, head_length) == OPS_HTTP_PARSE_ERROR)
        return OPS_HTTP_PARSE_ERROR;
      *consumed += head_length;

      if (self->state == OPS_HTTP_STATE_HEAD)
        {
          /* A 1xx response: start over with the next head. */
          self->status = 0;
          self->chunked = FALSE;
        }
    }

  if (self->state == OPS_HTTP_STATE_DONE)
    return OPS_HTTP_PARSE_DONE;

  return feed_body (self, data + *consumed, length - *consumed, consumed);
}

/**
 * ops_http_parser_finish:
 * @self: a parser
 *
 * Tells the parser that the server closed the connection.
 *
 * Returns: %OPS_HTTP_PARSE_DONE if that ends the response, else an error
 */
OpsHttpParseStatus
ops_http_parser_finish (OpsHttpParser *self)
{
  switch (self->state)
    {
    case OPS_HTTP_STATE_DONE:
      return OPS_HTTP_PARSE_DONE;
    case OPS_HTTP_STATE_BODY_UNTIL_CLOSE:
      self->state = OPS_HTTP_STATE_DONE;
      return OPS_HTTP_PARSE_DONE;
    case OPS_HTTP_STATE_ERROR:
      return OPS_HTTP_PARSE_ERROR;
    default:
      return fail (self, OPS_HTTP_PARSER_TRUNCATED);
    }
}

const char *
ops_http_parser_error_message (OpsHttpParserError error)
{
  switch (error)
    {
    case OPS_HTTP_PARSER_OK:
      return _("No error.");
    case OPS_HTTP_PARSER_BAD_STATUS_LINE:
      return _("The response’s status line is malformed.");
    case OPS_HTTP_PARSER_BAD_VERSION:
      return _("The response is not HTTP/1.0 or HTTP/1.1.");
    case OPS_HTTP_PARSER_BAD_STATUS_CODE:
      return _("The response’s status code is not a number from 100 to 599.");
    case OPS_HTTP_PARSER_BAD_HEADER:
      return _("A header of the response is malformed.");
    case OPS_HTTP_PARSER_BAD_CONTENT_LENGTH:
      return _("The response’s Content-Length is not a number, or is given twice with different values.");
    case OPS_HTTP_PARSER_BAD_TRANSFER_ENCODING:
      return _("The response’s Transfer-Encoding cannot be used (or comes with a Content-Length).");
    case OPS_HTTP_PARSER_BAD_CHUNK:
      return _("A chunk of the response’s chunked body is malformed.");
    case OPS_HTTP_PARSER_HEAD_TOO_LARGE:
      return _("The response’s headers are larger than 16 KiB.");
    case OPS_HTTP_PARSER_TRUNCATED:
      return _("The server closed the connection before the response was complete.");
    case OPS_HTTP_PARSER_UNEXPECTED_UPGRADE:
      return _("The server switched protocols, which a load test does not ask for.");
    case OPS_HTTP_PARSER_N_ERRORS:
    default:
      return _("Unknown error.");
    }
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-loadtest"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ops-load-error.h"
#include "ops-load-scenario.h"

#define MAX_DURATION  (24 * G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC)
#define MAX_TIMEOUT   (60 * G_USEC_PER_SEC)
#define MAX_RATE      1e7
#define MAX_BODY_SIZE (16 * 1024 * 1024)
#define SECRET_MASK   "********"

G_DEFINE_BOXED_TYPE (OpsLoadScenario, ops_load_scenario, ops_load_scenario_ref, ops_load_scenario_unref)

OpsLoadScenario *
ops_load_scenario_new (const char *url)
{
  OpsLoadScenario *self = g_new0 (OpsLoadScenario, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->url = g_strdup (url);
  self->method = g_strdup ("GET");
  self->headers = g_ptr_array_new_with_free_func (g_free);
  self->connections = OPS_LOAD_DEFAULT_CONNECTIONS;
  self->threads = 1;
  self->duration_usec = OPS_LOAD_DEFAULT_DURATION;
  self->mode = OPS_LOAD_MODE_MAX_THROUGHPUT;
  self->stages = g_array_new (FALSE, TRUE, sizeof (OpsLoadStage));
  self->timeout_usec = OPS_LOAD_DEFAULT_TIMEOUT;
  self->thresholds = g_ptr_array_new_with_free_func ((GDestroyNotify)ops_load_threshold_free);

  return self;
}

OpsLoadScenario *
ops_load_scenario_ref (OpsLoadScenario *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
ops_load_scenario_unref (OpsLoadScenario *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->name);
  g_free (self->url);
  g_free (self->method);
  g_ptr_array_unref (self->headers);
  g_clear_pointer (&self->body, g_bytes_unref);
  g_array_unref (self->stages);
  g_ptr_array_unref (self->thresholds);
  g_free (self->ca_file);
  g_free (self);
}

OpsLoadScenario *
ops_load_scenario_copy (const OpsLoadScenario *self)
{
  OpsLoadScenario *copy = ops_load_scenario_new (self->url);

  copy->name = g_strdup (self->name);
  g_free (copy->method);
  copy->method = g_strdup (self->method);
  for (guint i = 0; i < self->headers->len; i++)
    g_ptr_array_add (copy->headers, g_strdup (self->headers->pdata[i]));
  copy->body = self->body != NULL ? g_bytes_ref (self->body) : NULL;
  copy->connections = self->connections;
  copy->threads = self->threads;
  copy->duration_usec = self->duration_usec;
  copy->mode = self->mode;
  copy->rate = self->rate;
  g_array_append_vals (copy->stages, self->stages->data, self->stages->len);
  copy->timeout_usec = self->timeout_usec;
  for (guint i = 0; i < self->thresholds->len; i++)
    g_ptr_array_add (copy->thresholds, ops_load_threshold_copy (self->thresholds->pdata[i]));
  copy->abort_on_fail = self->abort_on_fail;
  copy->insecure = self->insecure;
  copy->ca_file = g_strdup (self->ca_file);

  return copy;
}

static gboolean
is_token (const char *text,
          gsize       length)
{
  static const char extra[] = "!#$%&'*+-.^_`|~";

  if (length == 0)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalnum (text[i]) && strchr (extra, text[i]) == NULL)
      return FALSE;

  return TRUE;
}

/**
 * ops_load_scenario_add_header:
 * @self: a scenario
 * @header: `Name: value`
 * @error: return location for an error
 *
 * Returns: %FALSE if @header is not a valid header line
 */
gboolean
ops_load_scenario_add_header (OpsLoadScenario *self,
                              const char      *header,
                              GError         **error)
{
  const char      *colon = strchr (header, ':');
  g_autofree char *value = NULL;

  if (colon == NULL || !is_token (header, colon - header))
    {
      g_set_error (error, OPS_LOAD_ERROR, OPS_LOAD_ERROR_INVALID_SCENARIO,
                   _("The header “%s” is not of the form “Name: value”."), header);
      return FALSE;
    }

  value = g_strstrip (g_strdup (colon + 1));
  for (const char *c = value; *c != '\0'; c++)
    if ((guchar)*c < 0x20 || *c == 0x7f)
      {
        g_set_error (error, OPS_LOAD_ERROR, OPS_LOAD_ERROR_INVALID_SCENARIO,
                     _("The value of the header “%.*s” has a control character."),
                     (int)(colon - header), header);
        return FALSE;
      }

  if (g_ascii_strncasecmp (header, "Host:", 5) == 0 ||
      g_ascii_strncasecmp (header, "Content-Length:", 15) == 0 ||
      g_ascii_strncasecmp (header, "Transfer-Encoding:", 18) == 0)
    {
      g_set_error (error, OPS_LOAD_ERROR, OPS_LOAD_ERROR_INVALID_SCENARIO,
                   _("The header “%.*s” is set by Opsdeck from the URL and the body; leave it out."),
                   (int)(colon - header), header);
      return FALSE;
    }

  g_ptr_array_add (self->headers, g_strdup_printf ("%.*s: %s", (int)(colon - header), header, value));
  return TRUE;
}

gboolean
ops_load_scenario_add_threshold (OpsLoadScenario *self,
                                 const char      *expression,
                                 GError         **error)
{
  OpsLoadThreshold *threshold = ops_load_threshold_parse (expression, error);

  if (threshold == NULL)
    return FALSE;

  g_ptr_array_add (self->thresholds, threshold);
  return TRUE;
}

/**
 * ops_load_parse_duration:
 * @text: such as `10s`, `500ms`, `2m`, `1h`; a plain number is in seconds
 * @usec: (out): the duration
 * @error: return location for an error
 *
 * Returns: %FALSE if @text is not a duration
 */
gboolean
ops_load_parse_duration (const char *text,
                         gint64     *usec,
                         GError    **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char            *end = NULL;
  double           value;
  double           unit = G_USEC_PER_SEC;

  value = g_ascii_strtod (copy, &end);
  if (end == copy || !isfinite (value) || value < 0 || copy[0] == '-' || copy[0] == '+' ||
      g_ascii_isspace (copy[0]))
    goto invalid;

  if (*end == '\0' || g_str_equal (end, "s"))
    unit = G_USEC_PER_SEC;
  else if (g_str_equal (end, "ms"))
    unit = 1000;
  else if (g_str_equal (end, "us"))
    unit = 1;
  else if (g_str_equal (end, "m"))
    unit = 60.0 * G_USEC_PER_SEC;
  else if (g_str_equal (end, "h"))
    unit = 3600.0 * G_USEC_PER_SEC;
  else
    goto invalid;

  if (value * unit > (double)MAX_DURATION)
    {
      g_set_error (error, OPS_LOAD_ERROR, OPS_LOAD_ERROR_INVALID_SCENARIO,
                   _("The duration “%s” is longer than 24 hours."), text);
      return FALSE;
    }

  *usec = (gint64)llround (value * unit);
  return TRUE;

invalid:
  g_set_error (error, OPS_LOAD_ERROR, OPS_LOAD_ERROR_INVALID_SCENARIO,
               _("“%s” is not a duration; write a number with s, ms, m or h, as in “30s”."), text);
  return FALSE;
}

/* Such as “10s” or “1.5s” or “250ms”, for the plan and the summary. */
char *
ops_load_format_duration (gint64 usec)
{
  if (usec % G_USEC_PER_SEC == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT "s", usec / G_USEC_PER_SEC);
  if (usec < G_USEC_PER_SEC)
    return g_strdup_printf ("%gms", usec / 1000.0);
  return g_strdup_printf ("%gs", usec / 1e6);
}

/* `DURATION:TARGET`, as in `30s:200`. */
gboolean
ops_load_scenario_add_stage_text (OpsLoadScenario *self,
                                  const char      *text,
                                  GError         **error)
{
  const char      *colon = strrchr (text, ':');
  g_autofree char *duration = NULL;
  OpsLoadStage     stage = { 0 };
  char            *end = NULL;

  if (colon == NULL)
    {
      g_set_error (error, OPS_LOAD_ERROR, OPS_LOAD_ERROR_INVALID_SCENARIO,
                   _("The stage “%s” must be DURATION:TARGET, as in “30s:200”."), text);
      return FALSE;
    }

  duration = g_strndup (text, colon - text);
  if (!ops_load_parse_duration (duration, &stage.duration_usec, error))
    return FALSE;

  stage.target = g_ascii_strtod (colon + 1, &end);
  if (end == colon + 1 || *end != '\0' || !isfinite (stage.target) || stage.target < 0)
    {
      g_set_error (error, OPS_LOAD_ERROR, OPS_LOAD_ERROR_INVALID_SCENARIO,
                   _("The target of the stage “%s” must be a number of 0 or more."), text);
      return FALSE;
    }

  g_array_append_val (self->stages, stage);
  return TRUE;
}

static gboolean
scenario_invalid (GError    **error,
                  const char *message)
{
  g_set_error_literal (error, OPS_LOAD_ERROR, OPS_LOAD_ERROR_INVALID_SCENARIO, message);
  return FALSE;
}

/**
 * ops_load_scenario_validate:
 * @self: a scenario
 * @error: return location for an error that says what to change
 *
 * Returns: %TRUE if the scenario can run
 */
gboolean
ops_load_scenario_validate (const OpsLoadScenario *self,
                            GError               **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) uri_error = NULL;
  const char *scheme;

  if (self->url == NULL || *self->url == '\0')
    return scenario_invalid (error, _("The scenario has no URL."));

  uri = g_uri_parse (self->url, G_URI_FLAGS_ENCODED, &uri_error);
  if (uri == NULL)
    {
      g_set_error (error, OPS_LOAD_ERROR, OPS_LOAD_ERROR_INVALID_SCENARIO,
                   _("“%s” is not a valid URL: %s"), self->url, uri_error->message);
      return FALSE;
    }

  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    {
      g_set_error (error, OPS_LOAD_ERROR, OPS_LOAD_ERROR_INVALID_SCENARIO,
                   _("The URL “%s” must start with http:// or https://."), self->url);
      return FALSE;
    }
  if (g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, OPS_LOAD_ERROR, OPS_LOAD_ERROR_INVALID_SCENARIO,
                   _("The URL “%s” has no host name."), self->url);
      return FALSE;
    }
  if (g_uri_get_user (uri) != NULL)
    return scenario_invalid (error, _("Put credentials in an Authorization header, not in the URL."));

  if (self->method == NULL || !is_token (self->method, strlen (self->method)))
    return scenario_invalid (error, _("The method must be a single word such as GET or POST."));

  if (self->connections < 1 || self->connections > OPS_LOAD_MAX_CONNECTIONS)
    {
      g_set_error (error, OPS_LOAD_ERROR, OPS_LOAD_ERROR_INVALID_SCENARIO,
                   _("The number of connections must be from 1 to %u."), OPS_LOAD_MAX_CONNECTIONS);
      return FALSE;
    }
  if (self->threads < 1 || self->threads > OPS_LOAD_MAX_THREADS)
    {
      g_set_error (error, OPS_LOAD_ERROR, OPS_LOAD_ERROR_INVALID_SCENARIO,
                   _("The number of threads must be from 1 to %u."), OPS_LOAD_MAX_THREADS);
      return FALSE;
    }
  if (self->threads > ops_load_scenario_max_connections (self))
    return scenario_invalid (error, _("Each thread needs at least one connection: use fewer threads "
                                       "or more connections."));

  if (self->stages->len == 0 && (self->duration_usec <= 0 || self->duration_usec > MAX_DURATION))
    return scenario_invalid (error, _("The duration must be more than 0 and at most 24 hours."));
  if (ops_load_scenario_total_duration (self) <= 0)
    return scenario_invalid (error, _("The stages last no time at all."));
  if (ops_load_scenario_total_duration (self) > MAX_DURATION)
    return scenario_invalid (error, _("The stages last more than 24 hours."));

  for (guint i = 0; i < self->stages->len; i++)
    {
      const OpsLoadStage *stage = &g_array_index (self->stages, OpsLoadStage, i);

      if (self->mode == OPS_LOAD_MODE_MAX_THROUGHPUT && stage->target > OPS_LOAD_MAX_CONNECTIONS)
        return scenario_invalid (error, _("A stage asks for more connections than Opsdeck can open."));
      if (self->mode == OPS_LOAD_MODE_CONSTANT_RATE && stage->target > MAX_RATE)
        return scenario_invalid (error, _("A stage asks for more than 10,000,000 requests per second."));
    }

  if (self->mode == OPS_LOAD_MODE_CONSTANT_RATE)
    {
      if (!isfinite (self->rate) || self->rate < 0 || self->rate > MAX_RATE)
        return scenario_invalid (error, _("The rate must be from 0 to 10,000,000 requests per second."));
      if (self->rate <= 0 && self->stages->len == 0)
        return scenario_invalid (error, _("A constant rate must be more than 0 requests per second."));
    }

  if (self->timeout_usec < 1000 || self->timeout_usec > MAX_TIMEOUT)
    return scenario_invalid (error, _("The timeout must be from 1 ms to 60 seconds."));

  if (self->body != NULL && g_bytes_get_size (self->body) > MAX_BODY_SIZE)
    return scenario_invalid (error, _("The request body is larger than 16 MiB."));

  return TRUE;
}

gint64
ops_load_scenario_total_duration (const OpsLoadScenario *self)
{
  gint64 total = 0;

  if (self->stages->len == 0)
    return self->duration_usec;

  for (guint i = 0; i < self->stages->len; i++)
    total += g_array_index (self->stages, OpsLoadStage, i).duration_usec;

  return total;
}

/**
 * ops_load_scenario_target_at:
 * @self: a scenario
 * @elapsed_usec: time since the start of the run
 *
 * Returns: the rate (constant-rate mode) or the number of connections
 *   wanted at that time
 */
double
ops_load_scenario_target_at (const OpsLoadScenario *self,
                             gint64                 elapsed_usec)
{
  double previous = self->mode == OPS_LOAD_MODE_CONSTANT_RATE ? self->rate : 0;
  gint64 start = 0;

  if (self->stages->len == 0)
    return self->mode == OPS_LOAD_MODE_CONSTANT_RATE ? self->rate : self->connections;

  for (guint i = 0; i < self->stages->len; i++)
    {
      const OpsLoadStage *stage = &g_array_index (self->stages, OpsLoadStage, i);

      if (elapsed_usec < start + stage->duration_usec)
        {
          double fraction = (double)(elapsed_usec - start) / (double)stage->duration_usec;

          return previous + (stage->target - previous) * fraction;
        }
      previous = stage->target;
      start += stage->duration_usec;
    }

  return previous;
}

/* How many connections the run may open at most. */
guint
ops_load_scenario_max_connections (const OpsLoadScenario *self)
{
  double most = 0;

  if (self->mode == OPS_LOAD_MODE_CONSTANT_RATE || self->stages->len == 0)
    return self->connections;

  for (guint i = 0; i < self->stages->len; i++)
    most = MAX (most, g_array_index (self->stages, OpsLoadStage, i).target);

  return MAX (1, (guint)ceil (most));
}

gboolean
ops_load_header_is_sensitive (const char *header)
{
  static const char *const names[] = {
    "authorization",
    "proxy-authorization",
    "cookie",
    "x-api-key",
    "api-key",
    "x-auth-token",
  };
  const char *colon = strchr (header, ':');
  gsize       length = colon != NULL ? (gsize)(colon - header) : strlen (header);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strlen (names[i]) == length && g_ascii_strncasecmp (header, names[i], length) == 0)
      return TRUE;

  /* Anything that looks like it carries a credential. */
  {
    g_autofree char *lower = g_ascii_strdown (header, length);

    return strstr (lower, "token") != NULL || strstr (lower, "secret") != NULL ||
           strstr (lower, "password") != NULL;
  }
}

/* The header with its value hidden if it is a credential. */
char *
ops_load_header_masked (const char *header)
{
  const char *colon = strchr (header, ':');

  if (colon == NULL || !ops_load_header_is_sensitive (header))
    return g_strdup (header);

  return g_strdup_printf ("%.*s: %s", (int)(colon - header), header, SECRET_MASK);
}

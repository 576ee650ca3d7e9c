/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-secrets"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>
#include <string.h>

#include "ops-secrets.h"

/*
 * Secrets (webhook URLs, API keys, passwords) live in the Secret Service
 * (GNOME Keyring, KWallet, or the portal inside Flatpak), never in the
 * database, logs or exports. Each is found by a stable key chosen by the
 * feature, such as `slack.destination.3`. Nothing here ever logs a value.
 */

#define ATTRIBUTE_KEY "opsdeck-key"

G_DEFINE_QUARK (ops-secrets-error-quark, ops_secrets_error)

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    APPLICATION_ID ".Secret",
    SECRET_SCHEMA_NONE,
    {
        { ATTRIBUTE_KEY, SECRET_SCHEMA_ATTRIBUTE_STRING },
        { NULL, 0 },
    },
  };

  return &schema;
}

static GError *
translate_error (GError *error)
{
  GError *translated;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return error;

  if (g_error_matches (error, SECRET_ERROR, SECRET_ERROR_IS_LOCKED))
    translated = g_error_new (OPS_SECRETS_ERROR, OPS_SECRETS_ERROR_LOCKED,
                              _("The keyring is locked. Unlock it and try again."));
  else if (error->domain == G_DBUS_ERROR || error->domain == G_IO_ERROR)
    translated = g_error_new (OPS_SECRETS_ERROR, OPS_SECRETS_ERROR_UNAVAILABLE,
                              _("The keyring is not available (%s). Install and start GNOME "
                                 "Keyring or another Secret Service, then try again."),
                              error->message);
  else
    translated = g_error_new (OPS_SECRETS_ERROR, OPS_SECRETS_ERROR_FAILED,
                              _("The keyring refused the request: %s"), error->message);

  g_error_free (error);
  return translated;
}

static void
store_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!secret_password_store_finish (result, &error))
    g_task_return_error (task, translate_error (error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * ops_secrets_store_async:
 * @key: a stable key, such as `slack.destination.3`
 * @label: what the keyring shows to people, such as “Opsdeck: Slack #ops”
 * @value: the secret
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Stores @value under @key, replacing what was there.
 */
void
ops_secrets_store_async (const char         *key,
                         const char         *label,
                         const char         *value,
                         GCancellable       *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (key != NULL && key[0] != '\0');
  g_return_if_fail (label != NULL);
  g_return_if_fail (value != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ops_secrets_store_async);

  secret_password_store (get_schema (), SECRET_COLLECTION_DEFAULT, label, value, cancellable,
                         store_cb, g_steal_pointer (&task),
                         ATTRIBUTE_KEY, key,
                         NULL);
}

gboolean
ops_secrets_store_finish (GAsyncResult *result,
                          GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char   *value;

  value = secret_password_lookup_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, translate_error (error));
  else
    g_task_return_pointer (task, value, (GDestroyNotify)secret_password_free);
}

/**
 * ops_secrets_lookup_async:
 * @key: the key the secret was stored under
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 */
void
ops_secrets_lookup_async (const char         *key,
                          GCancellable       *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (key != NULL && key[0] != '\0');

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ops_secrets_lookup_async);

  secret_password_lookup (get_schema (), cancellable, lookup_cb, g_steal_pointer (&task),
                          ATTRIBUTE_KEY, key,
                          NULL);
}

/**
 * ops_secrets_lookup_finish:
 * @result: the result
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the secret, to free with
 *   ops_secrets_free(); %NULL without an error when there is none
 */
char *
ops_secrets_lookup_finish (GAsyncResult *result,
                           GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
delete_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  /* Deleting what is not there is not an error: the secret is gone. */
  secret_password_clear_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, translate_error (error));
  else
    g_task_return_boolean (task, TRUE);
}

void
ops_secrets_delete_async (const char         *key,
                          GCancellable       *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (key != NULL && key[0] != '\0');

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ops_secrets_delete_async);

  secret_password_clear (get_schema (), cancellable, delete_cb, g_steal_pointer (&task),
                         ATTRIBUTE_KEY, key,
                         NULL);
}

gboolean
ops_secrets_delete_finish (GAsyncResult *result,
                           GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * ops_secrets_store_sync:
 *
 * Like ops_secrets_store_async(), blocking: for `opsdeckctl` and worker
 * threads only, never the main thread of the app.
 */
gboolean
ops_secrets_store_sync (const char   *key,
                        const char   *label,
                        const char   *value,
                        GCancellable *cancellable,
                        GError      **error)
{
  GError *local_error = NULL;

  g_return_val_if_fail (key != NULL && key[0] != '\0', FALSE);
  g_return_val_if_fail (label != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (!secret_password_store_sync (get_schema (), SECRET_COLLECTION_DEFAULT, label, value,
                                   cancellable, &local_error,
                                   ATTRIBUTE_KEY, key,
                                   NULL))
    {
      g_propagate_error (error, translate_error (local_error));
      return FALSE;
    }

  return TRUE;
}

char *
ops_secrets_lookup_sync (const char   *key,
                         GCancellable *cancellable,
                         GError      **error)
{
  GError *local_error = NULL;
  char   *value;

  g_return_val_if_fail (key != NULL && key[0] != '\0', NULL);

  value = secret_password_lookup_sync (get_schema (), cancellable, &local_error,
                                       ATTRIBUTE_KEY, key,
                                       NULL);
  if (local_error != NULL)
    g_propagate_error (error, translate_error (local_error));

  return value;
}

gboolean
ops_secrets_delete_sync (const char   *key,
                         GCancellable *cancellable,
                         GError      **error)
{
  GError *local_error = NULL;

  g_return_val_if_fail (key != NULL && key[0] != '\0', FALSE);

  secret_password_clear_sync (get_schema (), cancellable, &local_error,
                              ATTRIBUTE_KEY, key,
                              NULL);
  if (local_error != NULL)
    {
      g_propagate_error (error, translate_error (local_error));
      return FALSE;
    }

  return TRUE;
}

/**
 * ops_secrets_free:
 * @value: (nullable): a secret from a lookup
 *
 * Wipes the memory of @value and frees it.
 */
void
ops_secrets_free (char *value)
{
  if (value != NULL)
    secret_password_free (value);
}

/**
 * ops_secrets_mask:
 * @value: (nullable): a secret
 *
 * Returns: (transfer full): the secret as shown to people: bullets, with
 *   the last four characters of a long secret so that two can be told
 *   apart
 */
char *
ops_secrets_mask (const char *value)
{
  glong    len;
  GString *masked;

  if (value == NULL || value[0] == '\0')
    return g_strdup ("");

  len = g_utf8_strlen (value, -1);
  masked = g_string_new (NULL);

  for (guint i = 0; i < 8; i++)
    g_string_append (masked, "•");

  if (len >= 16)
    g_string_append (masked, g_utf8_offset_to_pointer (value, len - 4));

  return g_string_free (masked, FALSE);
}

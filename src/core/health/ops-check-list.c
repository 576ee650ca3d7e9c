/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-check-list"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ops-check-list-private.h"
#include "ops-check-private.h"
#include "secrets/ops-secrets.h"

/**
 * OpsCheckList:
 *
 * The saved checks, as a #GListModel of #OpsCheck in the order they were
 * added. It writes definitions to the `health_checks` table and secrets to
 * the keyring; pausing or disabling a check (setting its property) is
 * saved at once, so a switch in the UI can simply bind to it.
 *
 * A removed check disappears from the list at once; its row and history
 * are deleted later, in small batches (see #OpsHistory).
 */
struct _OpsCheckList
{
  GObject parent_instance;

  /* Owned */
  GPtrArray *checks; /* OpsCheck */

  /* Borrowed */
  OpsStore *store;

  gboolean loading;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (OpsCheckList, ops_check_list, G_TYPE_OBJECT, G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

#define LIST_DATA_KEY "ops-check-list"

static GType
get_item_type (GListModel *model)
{
  return OPS_TYPE_CHECK;
}

static guint
get_n_items (GListModel *model)
{
  return OPS_CHECK_LIST (model)->checks->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  OpsCheckList *self = OPS_CHECK_LIST (model);

  if (position >= self->checks->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->checks, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void flags_changed_cb (OpsCheck     *check,
                              GParamSpec   *pspec,
                              OpsCheckList *self);

static void
disconnect_check (gpointer data,
                  gpointer user_data)
{
  g_signal_handlers_disconnect_by_func (data, flags_changed_cb, user_data);
}

static void
ops_check_list_dispose (GObject *object)
{
  OpsCheckList *self = OPS_CHECK_LIST (object);

  if (self->store != NULL)
    {
      if (g_object_get_data (G_OBJECT (self->store), LIST_DATA_KEY) == self)
        g_object_set_data (G_OBJECT (self->store), LIST_DATA_KEY, NULL);
      g_clear_weak_pointer (&self->store);
    }

  if (self->checks != NULL)
    g_ptr_array_foreach (self->checks, disconnect_check, self);
  g_clear_pointer (&self->checks, g_ptr_array_unref);

  G_OBJECT_CLASS (ops_check_list_parent_class)->dispose (object);
}

static void
ops_check_list_class_init (OpsCheckListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ops_check_list_dispose;
}

static void
ops_check_list_init (OpsCheckList *self)
{
  self->checks = g_ptr_array_new_with_free_func (g_object_unref);
}

static void
watch_check (OpsCheckList *self,
             OpsCheck     *check)
{
  g_signal_connect_object (check, "notify::paused", G_CALLBACK (flags_changed_cb), self, 0);
  g_signal_connect_object (check, "notify::enabled", G_CALLBACK (flags_changed_cb), self, 0);
}

/**
 * ops_check_list_reload:
 * @self: a list
 * @error: return location for a #GError
 *
 * Reads the checks again (after a configuration import): checks keep
 * their objects and live state, new ones are added and removed ones
 * dropped, with items-changed for each.
 *
 * Returns: %TRUE on success
 */
gboolean
ops_check_list_reload (OpsCheckList *self,
                       GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) state_stmt = NULL;
  g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3 *db;
  int      rc;

  g_return_val_if_fail (OPS_IS_CHECK_LIST (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  db = ops_store_get_handle (self->store);
  stmt = ops_store_prepare (self->store,
                            "SELECT " OPS_CHECK_LIST_COLUMNS " FROM health_checks "
                            "WHERE removed_at IS NULL ORDER BY id",
                            error);
  state_stmt = ops_store_prepare (self->store,
                                  "SELECT state, time, latency_us, error FROM health_samples "
                                  "WHERE check_id = ?1 ORDER BY time DESC LIMIT 1",
                                  error);
  if (stmt == NULL || state_stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OpsCheck *check = _ops_check_list_check_from_row (stmt);

      if (check != NULL)
        g_ptr_array_add (loaded, check);
    }
  if (rc != SQLITE_DONE)
    return ops_store_set_error_from_sqlite (error, db, rc, _("Could not read the checks"));

  self->loading = TRUE;

  /* Drop the checks that are gone, from the end so positions hold. */
  for (guint i = self->checks->len; i > 0; i--)
    {
      OpsCheck *check = g_ptr_array_index (self->checks, i - 1);
      gboolean  found = FALSE;

      for (guint j = 0; j < loaded->len && !found; j++)
        found = ops_check_get_id (g_ptr_array_index (loaded, j)) == ops_check_get_id (check);

      if (!found)
        {
          disconnect_check (check, self);
          g_ptr_array_remove_index (self->checks, i - 1);
          g_list_model_items_changed (G_LIST_MODEL (self), i - 1, 0 + 1, 0);
        }
    }

  /* Update the others in place; append the new ones. */
  for (guint j = 0; j < loaded->len; j++)
    {
      OpsCheck *fresh = g_ptr_array_index (loaded, j);
      OpsCheck *existing = ops_check_list_find_by_id (self, ops_check_get_id (fresh));

      if (existing != NULL && ops_check_get_kind (existing) == ops_check_get_kind (fresh))
        {
          ops_check_set_definition_from (existing, fresh);
          _ops_check_set_has_secret (existing, ops_check_get_has_secret (fresh));
        }
      else
        {
          guint position = self->checks->len;

          _ops_check_list_restore_state (state_stmt, fresh);
          watch_check (self, fresh);
          g_ptr_array_add (self->checks, g_object_ref (fresh));
          g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
        }
    }

  self->loading = FALSE;
  return TRUE;
}

/**
 * ops_check_list_new:
 * @store: the database
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the saved checks, or %NULL
 */
OpsCheckList *
ops_check_list_new (OpsStore *store,
                    GError  **error)
{
  g_autoptr(OpsCheckList) self = NULL;

  g_return_val_if_fail (OPS_IS_STORE (store), NULL);

  self = g_object_new (OPS_TYPE_CHECK_LIST, NULL);
  g_set_weak_pointer (&self->store, store);

  if (!ops_check_list_reload (self, error))
    return NULL;

  /* So that a configuration import can tell the list to reload. */
  g_object_set_data (G_OBJECT (store), LIST_DATA_KEY, self);

  return g_steal_pointer (&self);
}

/* The list that shows @store's checks, if there is one. */
OpsCheckList *
_ops_check_list_get_for_store (OpsStore *store)
{
  return g_object_get_data (G_OBJECT (store), LIST_DATA_KEY);
}

OpsStore *
ops_check_list_get_store (OpsCheckList *self)
{
  g_return_val_if_fail (OPS_IS_CHECK_LIST (self), NULL);

  return self->store;
}

/**
 * ops_check_list_find_by_id:
 * @self: a list
 * @id: a check's id
 *
 * Returns: (transfer none) (nullable): the check
 */
OpsCheck *
ops_check_list_find_by_id (OpsCheckList *self,
                           gint64        id)
{
  g_return_val_if_fail (OPS_IS_CHECK_LIST (self), NULL);

  for (guint i = 0; i < self->checks->len; i++)
    if (ops_check_get_id (g_ptr_array_index (self->checks, i)) == id)
      return g_ptr_array_index (self->checks, i);

  return NULL;
}

/**
 * ops_check_list_find_by_name:
 * @self: a list
 * @name: a check's name
 *
 * Returns: (transfer none) (nullable): the check
 */
OpsCheck *
ops_check_list_find_by_name (OpsCheckList *self,
                             const char   *name)
{
  g_return_val_if_fail (OPS_IS_CHECK_LIST (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < self->checks->len; i++)
    if (g_strcmp0 (ops_check_get_name (g_ptr_array_index (self->checks, i)), name) == 0)
      return g_ptr_array_index (self->checks, i);

  return NULL;
}

static void
append (OpsCheckList *self,
        OpsCheck     *check)
{
  guint position = self->checks->len;

  watch_check (self, check);
  g_ptr_array_add (self->checks, g_object_ref (check));
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

static char *
secret_label (OpsCheck *check)
{
  return g_strdup_printf (_("Opsdeck: secret of the check “%s”"), ops_check_get_name (check));
}

static gboolean
pending_secret_is_set (OpsCheck *check)
{
  const char *secret = _ops_check_get_pending_secret (check);

  return secret != NULL && *secret != '\0';
}

static gboolean
validate_for_save (OpsCheckList *self,
                   OpsCheck     *check,
                   GError      **error)
{
  if (!ops_check_validate (check, error))
    return FALSE;

  if (pending_secret_is_set (check) &&
      ops_check_kind_get_secret_type (ops_check_get_kind (check)) == OPS_CHECK_SECRET_NONE)
    {
      g_set_error (error, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_INVALID,
                   _("%s checks take no password or token."),
                   ops_check_kind_to_string (ops_check_get_kind (check)));
      return FALSE;
    }

  return TRUE;
}

/**
 * ops_check_list_add:
 * @self: a list
 * @check: a new check (id 0), with its secret set by ops_check_set_secret()
 * @error: return location for a #GError
 *
 * Validates and saves @check, its secret to the keyring (a blocking call:
 * for the command line; the app uses ops_check_list_add_async()), and
 * appends it. On error nothing is saved.
 *
 * Returns: %TRUE when the check was added
 */
gboolean
ops_check_list_add (OpsCheckList *self,
                    OpsCheck     *check,
                    GError      **error)
{
  g_autofree char *key = NULL;
  g_autofree char *label = NULL;
  gboolean         with_secret;
  gint64           id;

  g_return_val_if_fail (OPS_IS_CHECK_LIST (self), FALSE);
  g_return_val_if_fail (OPS_IS_CHECK (check), FALSE);
  g_return_val_if_fail (ops_check_get_id (check) == 0, FALSE);

  if (!validate_for_save (self, check, error))
    return FALSE;

  with_secret = pending_secret_is_set (check);
  if (!ops_store_begin (self->store, error))
    return FALSE;

  id = _ops_check_list_write_row (self->store, check, 0, with_secret, error);
  if (id == 0)
    {
      ops_store_rollback (self->store);
      return FALSE;
    }

  _ops_check_set_id (check, id);
  if (with_secret)
    {
      key = ops_check_dup_secret_key (check);
      label = secret_label (check);
      if (!ops_secrets_store_sync (key, label, _ops_check_get_pending_secret (check), NULL, error))
        {
          ops_store_rollback (self->store);
          _ops_check_set_id (check, 0);
          return FALSE;
        }
    }

  if (!ops_store_commit (self->store, error))
    {
      if (with_secret)
        ops_secrets_delete_sync (key, NULL, NULL);
      _ops_check_set_id (check, 0);
      return FALSE;
    }

  _ops_check_clear_pending_secret (check);
  _ops_check_set_has_secret (check, with_secret);
  append (self, check);
  return TRUE;
}

static void
add_secret_stored_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OpsCheckList *self = g_task_get_source_object (task);
  OpsCheck     *check = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!ops_secrets_store_finish (result, &error))
    {
      /* Nothing half-saved: the row goes too. */
      if (self->store != NULL)
        _ops_check_list_delete_row (self->store, ops_check_get_id (check));
      _ops_check_set_id (check, 0);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  _ops_check_clear_pending_secret (check);
  _ops_check_set_has_secret (check, TRUE);
  append (self, check);
  g_task_return_boolean (task, TRUE);
}

/**
 * ops_check_list_add_async:
 * @self: a list
 * @check: a new check (id 0)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when it is saved or failed
 * @user_data: data for @callback
 *
 * Like ops_check_list_add(), without blocking on the keyring.
 */
void
ops_check_list_add_async (OpsCheckList       *self,
                          OpsCheck           *check,
                          GCancellable       *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *label = NULL;
  gint64           id;

  g_return_if_fail (OPS_IS_CHECK_LIST (self));
  g_return_if_fail (OPS_IS_CHECK (check));
  g_return_if_fail (ops_check_get_id (check) == 0);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ops_check_list_add_async);
  g_task_set_task_data (task, g_object_ref (check), g_object_unref);

  if (!pending_secret_is_set (check))
    {
      if (ops_check_list_add (self, check, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!validate_for_save (self, check, &error) ||
      (id = _ops_check_list_write_row (self->store, check, 0, TRUE, &error)) == 0)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  _ops_check_set_id (check, id);
  key = ops_check_dup_secret_key (check);
  label = secret_label (check);
  ops_secrets_store_async (key, label, _ops_check_get_pending_secret (check), cancellable,
                           add_secret_stored_cb, g_steal_pointer (&task));
}

gboolean
ops_check_list_add_finish (OpsCheckList *self,
                           GAsyncResult *result,
                           GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static OpsCheck *
find_for_update (OpsCheckList *self,
                 OpsCheck     *edited,
                 GError      **error)
{
  OpsCheck *live = ops_check_list_find_by_id (self, ops_check_get_id (edited));

  if (live == NULL)
    {
      g_set_error (error, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_NOT_FOUND,
                   _("The check “%s” no longer exists."), ops_check_get_name (edited));
      return NULL;
    }

  if (ops_check_get_kind (live) != ops_check_get_kind (edited))
    {
      g_set_error (error, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_INVALID,
                   _("A check cannot change its kind; add a new check instead."));
      return NULL;
    }

  return live;
}

static void
apply_update (OpsCheckList *self,
              OpsCheck     *live,
              OpsCheck     *edited,
              gboolean      has_secret)
{
  gboolean new_secret = _ops_check_get_pending_secret (edited) != NULL;

  self->loading = TRUE;
  ops_check_set_definition_from (live, edited);
  _ops_check_clear_pending_secret (live);
  _ops_check_clear_pending_secret (edited);
  _ops_check_set_has_secret (live, has_secret);
  _ops_check_set_has_secret (edited, has_secret);
  /* A probe keeps the secret it read: tell it there is a new one. */
  if (new_secret && has_secret)
    g_object_notify (G_OBJECT (live), "has-secret");
  self->loading = FALSE;
}

/**
 * ops_check_list_update:
 * @self: a list
 * @edited: a copy of a saved check (ops_check_copy()), changed
 * @error: return location for a #GError
 *
 * Saves the definition of @edited into the check with the same id, which
 * keeps its live state. A secret set on @edited replaces the one in the
 * keyring (blocking; the app uses ops_check_list_update_async()); an empty
 * one removes it.
 *
 * Returns: %TRUE when saved
 */
gboolean
ops_check_list_update (OpsCheckList *self,
                       OpsCheck     *edited,
                       GError      **error)
{
  const char      *secret;
  g_autofree char *key = NULL;
  g_autofree char *label = NULL;
  OpsCheck        *live;
  gboolean         has_secret;

  g_return_val_if_fail (OPS_IS_CHECK_LIST (self), FALSE);
  g_return_val_if_fail (OPS_IS_CHECK (edited), FALSE);

  live = find_for_update (self, edited, error);
  if (live == NULL || !validate_for_save (self, edited, error))
    return FALSE;

  secret = _ops_check_get_pending_secret (edited);
  has_secret = secret != NULL ? *secret != '\0' : ops_check_get_has_secret (live);
  key = ops_check_dup_secret_key (live);
  label = secret_label (edited);

  if (!ops_store_begin (self->store, error))
    return FALSE;
  if (_ops_check_list_write_row (self->store, edited, ops_check_get_id (live), has_secret,
                                 error) == 0)
    {
      ops_store_rollback (self->store);
      return FALSE;
    }
  if (secret != NULL && *secret != '\0' &&
      !ops_secrets_store_sync (key, label, secret, NULL, error))
    {
      ops_store_rollback (self->store);
      return FALSE;
    }
  if (!ops_store_commit (self->store, error))
    return FALSE;
  if (secret != NULL && *secret == '\0' && ops_check_get_has_secret (live))
    ops_secrets_delete_sync (key, NULL, NULL);

  apply_update (self, live, edited, has_secret);
  return TRUE;
}

static void
update_secret_done_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OpsCheckList *self = g_task_get_source_object (task);
  OpsCheck     *edited = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  const char *secret = _ops_check_get_pending_secret (edited);
  gboolean    removing = secret != NULL && *secret == '\0';
  OpsCheck   *live;
  gboolean    ok;

  ok = removing ? ops_secrets_delete_finish (result, &error)
                : ops_secrets_store_finish (result, &error);
  if (!ok)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  live = find_for_update (self, edited, &error);
  if (live == NULL ||
      _ops_check_list_write_row (self->store, edited, ops_check_get_id (live), !removing,
                                 &error) == 0)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  apply_update (self, live, edited, !removing);
  g_task_return_boolean (task, TRUE);
}

/**
 * ops_check_list_update_async:
 * @self: a list
 * @edited: a copy of a saved check, changed
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when it is saved or failed
 * @user_data: data for @callback
 *
 * Like ops_check_list_update(), without blocking on the keyring: the
 * secret is stored first, then the definition.
 */
void
ops_check_list_update_async (OpsCheckList       *self,
                             OpsCheck           *edited,
                             GCancellable       *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *label = NULL;
  const char      *secret;
  OpsCheck        *live;

  g_return_if_fail (OPS_IS_CHECK_LIST (self));
  g_return_if_fail (OPS_IS_CHECK (edited));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ops_check_list_update_async);
  g_task_set_task_data (task, g_object_ref (edited), g_object_unref);

  secret = _ops_check_get_pending_secret (edited);
  live = find_for_update (self, edited, &error);
  if (live == NULL || !validate_for_save (self, edited, &error) ||
      !_ops_check_list_check_name_free (self->store, ops_check_get_name (edited), ops_check_get_id (live),
                                        &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (secret == NULL)
    {
      if (ops_check_list_update (self, edited, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  key = ops_check_dup_secret_key (live);
  label = secret_label (edited);
  if (*secret == '\0')
    ops_secrets_delete_async (key, cancellable, update_secret_done_cb, g_steal_pointer (&task));
  else
    ops_secrets_store_async (key, label, secret, cancellable, update_secret_done_cb,
                             g_steal_pointer (&task));
}

gboolean
ops_check_list_update_finish (OpsCheckList *self,
                              GAsyncResult *result,
                              GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
secret_deleted_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!ops_secrets_delete_finish (result, &error))
    g_warning ("The secret of a removed check stays in the keyring: %s", error->message);
}

/**
 * ops_check_list_remove:
 * @self: a list
 * @check: a saved check
 * @error: return location for a #GError
 *
 * Removes the check from the list at once and marks its row removed; its
 * history is deleted later in small batches, and its secret is removed
 * from the keyring in the background.
 *
 * Returns: %TRUE when removed
 */
gboolean
ops_check_list_remove (OpsCheckList *self,
                       OpsCheck     *check,
                       GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint position;
  int   rc;

  g_return_val_if_fail (OPS_IS_CHECK_LIST (self), FALSE);
  g_return_val_if_fail (OPS_IS_CHECK (check), FALSE);

  if (!g_ptr_array_find (self->checks, check, &position))
    {
      g_set_error (error, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_NOT_FOUND,
                   _("The check “%s” no longer exists."), ops_check_get_name (check));
      return FALSE;
    }

  stmt = ops_store_prepare (self->store,
                            "UPDATE health_checks SET removed_at = ?2, updated_at = ?2 "
                            "WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ops_check_get_id (check));
  sqlite3_bind_int64 (stmt, 2, g_get_real_time () / G_USEC_PER_SEC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return ops_store_set_error_from_sqlite (error, ops_store_get_handle (self->store), rc,
                                            _("Could not remove the check"));

  if (ops_check_get_has_secret (check))
    {
      g_autofree char *key = ops_check_dup_secret_key (check);

      ops_secrets_delete_async (key, NULL, secret_deleted_cb, NULL);
    }

  disconnect_check (check, self);
  g_ptr_array_remove_index (self->checks, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  return TRUE;
}

/* Pausing or disabling a check is saved at once. */
static void
flags_changed_cb (OpsCheck     *check,
                  GParamSpec   *pspec,
                  OpsCheckList *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  if (self->loading || self->store == NULL)
    return;

  stmt = ops_store_prepare (self->store,
                            "UPDATE health_checks SET paused = ?2, enabled = ?3, updated_at = ?4 "
                            "WHERE id = ?1",
                            &error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, ops_check_get_id (check));
      sqlite3_bind_int (stmt, 2, ops_check_get_paused (check));
      sqlite3_bind_int (stmt, 3, ops_check_get_enabled (check));
      sqlite3_bind_int64 (stmt, 4, g_get_real_time () / G_USEC_PER_SEC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        ops_store_set_error_from_sqlite (&error, ops_store_get_handle (self->store),
                                         sqlite3_errcode (ops_store_get_handle (self->store)),
                                         _("Could not save the check"));
    }

  if (error != NULL)
    g_warning ("Could not save whether “%s” is paused: %s", ops_check_get_name (check),
               error->message);
}

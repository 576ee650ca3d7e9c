/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-settings"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ops-settings.h"
#include "ops-store-private.h"

#define MAX_STRING_LENGTH 4096

struct _OpsSettings
{
  GObject parent_instance;

  /* Borrowed: the store owns us */
  OpsStore *store;

  /* Owned: key → text of every stored setting */
  GHashTable *values;
};

G_DEFINE_FINAL_TYPE (OpsSettings, ops_settings, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
ops_settings_finalize (GObject *object)
{
  OpsSettings *self = OPS_SETTINGS (object);

  g_clear_weak_pointer (&self->store);
  g_clear_pointer (&self->values, g_hash_table_unref);

  G_OBJECT_CLASS (ops_settings_parent_class)->finalize (object);
}

static void
ops_settings_class_init (OpsSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ops_settings_finalize;

  /**
   * OpsSettings::changed:
   * @self: the settings
   * @key: the key that changed
   *
   * Emitted after a setting's value changed, with the key as detail, so
   * that `changed::history.retention-days` watches one setting.
   */
  signals[CHANGED] =
      g_signal_new ("changed",
                    G_TYPE_FROM_CLASS (klass),
                    G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                    0, NULL, NULL, NULL,
                    G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
ops_settings_init (OpsSettings *self)
{
  self->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static GHashTable *
read_all (sqlite3 *db,
          GError **error)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT key, value FROM settings", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      ops_store_set_error_from_sqlite (error, db, rc, _("Could not read the settings"));
      return NULL;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *)sqlite3_column_text (stmt, 0);
      const char *text = (const char *)sqlite3_column_text (stmt, 1);
      g_autoptr(GError) local_error = NULL;
      g_autofree char *normalized = NULL;

      if (key == NULL || text == NULL)
        continue;

      /* Keys from removed features, or values edited by hand, fall back
       * to the default instead of breaking the app. */
      normalized = ops_settings_normalize_text (key, text, &local_error);
      if (normalized == NULL)
        {
          g_debug ("Ignoring stored setting: %s", local_error->message);
          continue;
        }

      g_hash_table_insert (values, g_strdup (key), g_steal_pointer (&normalized));
    }

  if (rc != SQLITE_DONE)
    {
      ops_store_set_error_from_sqlite (error, db, rc, _("Could not read the settings"));
      return NULL;
    }

  return g_steal_pointer (&values);
}

OpsSettings *
_ops_settings_new (OpsStore *store,
                   GError  **error)
{
  g_autoptr(OpsSettings) self = NULL;
  GHashTable *values;

  values = read_all (ops_store_get_handle (store), error);
  if (values == NULL)
    return NULL;

  self = g_object_new (OPS_TYPE_SETTINGS, NULL);
  g_set_weak_pointer (&self->store, store);
  g_hash_table_unref (self->values);
  self->values = values;

  return g_steal_pointer (&self);
}

static const OpsSettingSpec *
require_spec (const char    *key,
              OpsSettingType type)
{
  const OpsSettingSpec *spec = ops_settings_lookup_spec (key);

  if (spec == NULL)
    g_critical ("Unknown setting “%s”", key);
  else if (spec->type != type)
    g_critical ("Setting “%s” is not of the type asked for", key);

  return spec != NULL && spec->type == type ? spec : NULL;
}

/**
 * ops_settings_get_text:
 * @self: a #OpsSettings
 * @key: a known key
 *
 * Returns: (transfer none): the value in its stored text form, or the
 *   default when it was never set
 */
const char *
ops_settings_get_text (OpsSettings *self,
                       const char  *key)
{
  const OpsSettingSpec *spec;
  const char           *text;

  g_return_val_if_fail (OPS_IS_SETTINGS (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  spec = ops_settings_lookup_spec (key);
  g_return_val_if_fail (spec != NULL, NULL);

  text = g_hash_table_lookup (self->values, key);

  return text != NULL ? text : spec->default_value;
}

gboolean
ops_settings_get_boolean (OpsSettings *self,
                          const char  *key)
{
  g_return_val_if_fail (OPS_IS_SETTINGS (self), FALSE);

  if (require_spec (key, OPS_SETTING_BOOLEAN) == NULL)
    return FALSE;

  return g_str_equal (ops_settings_get_text (self, key), "true");
}

gint64
ops_settings_get_int (OpsSettings *self,
                      const char  *key)
{
  g_return_val_if_fail (OPS_IS_SETTINGS (self), 0);

  if (require_spec (key, OPS_SETTING_INT) == NULL)
    return 0;

  return g_ascii_strtoll (ops_settings_get_text (self, key), NULL, 10);
}

double
ops_settings_get_double (OpsSettings *self,
                         const char  *key)
{
  g_return_val_if_fail (OPS_IS_SETTINGS (self), 0.0);

  if (require_spec (key, OPS_SETTING_DOUBLE) == NULL)
    return 0.0;

  return g_ascii_strtod (ops_settings_get_text (self, key), NULL);
}

char *
ops_settings_dup_string (OpsSettings *self,
                         const char  *key)
{
  g_return_val_if_fail (OPS_IS_SETTINGS (self), NULL);

  if (require_spec (key, OPS_SETTING_STRING) == NULL)
    return NULL;

  return g_strdup (ops_settings_get_text (self, key));
}

static gboolean
out_of_range (const OpsSettingSpec *spec,
              double                value)
{
  return spec->minimum != spec->maximum && (value < spec->minimum || value > spec->maximum);
}

/**
 * ops_settings_normalize_text:
 * @key: a key
 * @text: a value in text form, as found in an imported document
 * @error: return location for a #GError
 *
 * Checks @text against the key's type and range.
 *
 * Returns: (transfer full): the value in its canonical text form, or
 *   %NULL with @error set to a message that names the key
 */
char *
ops_settings_normalize_text (const char *key,
                             const char *text,
                             GError    **error)
{
  const OpsSettingSpec *spec;

  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  spec = ops_settings_lookup_spec (key);
  if (spec == NULL)
    {
      g_set_error (error, OPS_STORE_ERROR, OPS_STORE_ERROR_INVALID_VALUE,
                   _("Unknown setting “%s”."), key);
      return NULL;
    }

  switch (spec->type)
    {
    case OPS_SETTING_BOOLEAN:
      if (g_ascii_strcasecmp (text, "true") == 0 || g_str_equal (text, "1"))
        return g_strdup ("true");
      if (g_ascii_strcasecmp (text, "false") == 0 || g_str_equal (text, "0"))
        return g_strdup ("false");
      g_set_error (error, OPS_STORE_ERROR, OPS_STORE_ERROR_INVALID_VALUE,
                   _("The setting “%s” must be true or false, not “%s”."), key, text);
      return NULL;

    case OPS_SETTING_INT:
      {
        gint64 value;

        if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &value, NULL) ||
            out_of_range (spec, value))
          {
            g_set_error (error, OPS_STORE_ERROR, OPS_STORE_ERROR_INVALID_VALUE,
                         _("The setting “%s” must be a whole number from %.0f to %.0f, not “%s”."),
                         key, spec->minimum, spec->maximum, text);
            return NULL;
          }
        return g_strdup_printf ("%" G_GINT64_FORMAT, value);
      }

    case OPS_SETTING_DOUBLE:
      {
        char   buffer[G_ASCII_DTOSTR_BUF_SIZE];
        char  *end = NULL;
        double value = g_ascii_strtod (text, &end);

        if (text[0] == '\0' || end == NULL || *end != '\0' || !isfinite (value) ||
            out_of_range (spec, value))
          {
            g_set_error (error, OPS_STORE_ERROR, OPS_STORE_ERROR_INVALID_VALUE,
                         _("The setting “%s” must be a number from %g to %g, not “%s”."),
                         key, spec->minimum, spec->maximum, text);
            return NULL;
          }
        return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value));
      }

    case OPS_SETTING_STRING:
      if (!g_utf8_validate (text, -1, NULL) || strlen (text) > MAX_STRING_LENGTH)
        {
          g_set_error (error, OPS_STORE_ERROR, OPS_STORE_ERROR_INVALID_VALUE,
                       _("The setting “%s” must be text of at most %d bytes."),
                       key, MAX_STRING_LENGTH);
          return NULL;
        }
      if (spec->choices != NULL && !g_strv_contains (spec->choices, text))
        {
          g_autofree char *choices = g_strjoinv (", ", (char **)spec->choices);

          g_set_error (error, OPS_STORE_ERROR, OPS_STORE_ERROR_INVALID_VALUE,
                       _("The setting “%s” must be one of %s, not “%s”."), key, choices, text);
          return NULL;
        }
      return g_strdup (text);

    default:
      g_assert_not_reached ();
    }
}

/**
 * ops_settings_write_text:
 * @self: a #OpsSettings
 * @key: a known key
 * @text: the value in text form
 * @error: return location for a #GError
 *
 * Validates and stores a value, then emits #OpsSettings::changed when it
 * differs from the one before.
 *
 * Returns: %TRUE when the value was stored
 */
gboolean
ops_settings_write_text (OpsSettings *self,
                         const char  *key,
                         const char  *text,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *normalized = NULL;
  gboolean         changed;
  sqlite3         *db;
  int              rc;

  g_return_val_if_fail (OPS_IS_SETTINGS (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  normalized = ops_settings_normalize_text (key, text, error);
  if (normalized == NULL)
    return FALSE;

  if (self->store == NULL)
    {
      g_set_error (error, OPS_STORE_ERROR, OPS_STORE_ERROR_FAILED,
                   _("Could not save the setting: the database is closed."));
      return FALSE;
    }

  db = ops_store_get_handle (self->store);
  rc = sqlite3_prepare_v2 (db,
                           "INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, ?3) "
                           "ON CONFLICT (key) DO UPDATE "
                           "SET value = excluded.value, updated_at = excluded.updated_at",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, normalized, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, g_get_real_time () / G_USEC_PER_SEC);
      rc = sqlite3_step (stmt);
    }

  if (rc != SQLITE_DONE && rc != SQLITE_OK)
    {
      g_autofree char *context = g_strdup_printf (_("Could not save the setting “%s”"), key);

      return ops_store_set_error_from_sqlite (error, db, rc, context);
    }

  changed = g_strcmp0 (ops_settings_get_text (self, key), normalized) != 0;
  g_hash_table_insert (self->values, g_strdup (key), g_steal_pointer (&normalized));

  if (changed)
    g_signal_emit (self, signals[CHANGED], g_quark_from_string (key), key);

  return TRUE;
}

gboolean
ops_settings_set_boolean (OpsSettings *self,
                          const char  *key,
                          gboolean     value,
                          GError     **error)
{
  g_return_val_if_fail (require_spec (key, OPS_SETTING_BOOLEAN) != NULL, FALSE);

  return ops_settings_write_text (self, key, value ? "true" : "false", error);
}

gboolean
ops_settings_set_int (OpsSettings *self,
                      const char  *key,
                      gint64       value,
                      GError     **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (require_spec (key, OPS_SETTING_INT) != NULL, FALSE);

  text = g_strdup_printf ("%" G_GINT64_FORMAT, value);
  return ops_settings_write_text (self, key, text, error);
}

gboolean
ops_settings_set_double (OpsSettings *self,
                         const char  *key,
                         double       value,
                         GError     **error)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (require_spec (key, OPS_SETTING_DOUBLE) != NULL, FALSE);

  return ops_settings_write_text (self, key, g_ascii_dtostr (buffer, sizeof buffer, value), error);
}

gboolean
ops_settings_set_string (OpsSettings *self,
                         const char  *key,
                         const char  *value,
                         GError     **error)
{
  g_return_val_if_fail (require_spec (key, OPS_SETTING_STRING) != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  return ops_settings_write_text (self, key, value, error);
}

/**
 * ops_settings_reset:
 * @self: a #OpsSettings
 * @key: a known key
 * @error: return location for a #GError
 *
 * Forgets the stored value so that the default applies again.
 *
 * Returns: %TRUE on success
 */
gboolean
ops_settings_reset (OpsSettings *self,
                    const char  *key,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *before = NULL;
  sqlite3         *db;
  int              rc;

  g_return_val_if_fail (OPS_IS_SETTINGS (self), FALSE);
  g_return_val_if_fail (ops_settings_lookup_spec (key) != NULL, FALSE);

  if (self->store == NULL)
    {
      g_set_error (error, OPS_STORE_ERROR, OPS_STORE_ERROR_FAILED,
                   _("Could not save the setting: the database is closed."));
      return FALSE;
    }

  db = ops_store_get_handle (self->store);
  rc = sqlite3_prepare_v2 (db, "DELETE FROM settings WHERE key = ?1", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
    }
  if (rc != SQLITE_DONE && rc != SQLITE_OK)
    {
      g_autofree char *context = g_strdup_printf (_("Could not reset the setting “%s”"), key);

      return ops_store_set_error_from_sqlite (error, db, rc, context);
    }

  before = g_strdup (ops_settings_get_text (self, key));
  g_hash_table_remove (self->values, key);

  if (!g_str_equal (before, ops_settings_get_text (self, key)))
    g_signal_emit (self, signals[CHANGED], g_quark_from_string (key), key);

  return TRUE;
}

/**
 * ops_settings_reload:
 * @self: a #OpsSettings
 * @error: return location for a #GError
 *
 * Reads every setting from the database again, after something wrote the
 * table directly (an import in a transaction), and emits
 * #OpsSettings::changed for each value that differs.
 *
 * Returns: %TRUE on success
 */
gboolean
ops_settings_reload (OpsSettings *self,
                     GError     **error)
{
  g_autoptr(GHashTable) old_values = NULL;
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  const OpsSettingSpec *specs;
  GHashTable           *values;
  guint                 n_specs;

  g_return_val_if_fail (OPS_IS_SETTINGS (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  values = read_all (ops_store_get_handle (self->store), error);
  if (values == NULL)
    return FALSE;

  specs = ops_settings_list_specs (&n_specs);
  old_values = g_steal_pointer (&self->values);
  self->values = values;

  for (guint i = 0; i < n_specs; i++)
    {
      const char *before = g_hash_table_lookup (old_values, specs[i].key);

      if (before == NULL)
        before = specs[i].default_value;

      if (!g_str_equal (before, ops_settings_get_text (self, specs[i].key)))
        g_ptr_array_add (changed, (gpointer)specs[i].key);
    }

  for (guint i = 0; i < changed->len; i++)
    {
      const char *key = g_ptr_array_index (changed, i);

      g_signal_emit (self, signals[CHANGED], g_quark_from_string (key), key);
    }

  return TRUE;
}

/* Binding a setting to an object property, both ways. */

typedef struct
{
  OpsSettings         *settings; /* weak */
  GObject             *object;   /* weak */
  char                *key;
  GParamSpec          *pspec;
  OpsSettingsBindFlags flags;
  gulong               changed_id;
  gulong               notify_id;
  gboolean             updating;
} Binding;

static void
binding_free (Binding *binding)
{
  g_free (binding->key);
  g_param_spec_unref (binding->pspec);
  g_free (binding);
}

static void
setting_to_gvalue (OpsSettings          *self,
                   const OpsSettingSpec *spec,
                   GValue               *value)
{
  const char *text = ops_settings_get_text (self, spec->key);

  switch (spec->type)
    {
    case OPS_SETTING_BOOLEAN:
      g_value_init (value, G_TYPE_BOOLEAN);
      g_value_set_boolean (value, g_str_equal (text, "true"));
      break;
    case OPS_SETTING_INT:
      g_value_init (value, G_TYPE_INT64);
      g_value_set_int64 (value, g_ascii_strtoll (text, NULL, 10));
      break;
    case OPS_SETTING_DOUBLE:
      g_value_init (value, G_TYPE_DOUBLE);
      g_value_set_double (value, g_ascii_strtod (text, NULL));
      break;
    case OPS_SETTING_STRING:
      g_value_init (value, G_TYPE_STRING);
      g_value_set_string (value, text);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
binding_push_to_object (Binding *binding)
{
  const OpsSettingSpec *spec = ops_settings_lookup_spec (binding->key);
  g_auto(GValue) from = G_VALUE_INIT;
  g_auto(GValue) to = G_VALUE_INIT;

  setting_to_gvalue (binding->settings, spec, &from);
  g_value_init (&to, binding->pspec->value_type);

  if (!g_value_transform (&from, &to))
    {
      g_critical ("Cannot bind setting “%s” to property “%s”", binding->key, binding->pspec->name);
      return;
    }

  binding->updating = TRUE;
  g_object_set_property (binding->object, binding->pspec->name, &to);
  binding->updating = FALSE;
}

static void
binding_settings_changed_cb (OpsSettings *settings,
                             const char  *key,
                             Binding     *binding)
{
  if (!binding->updating)
    binding_push_to_object (binding);
}

static void
binding_notify_cb (GObject    *object,
                   GParamSpec *pspec,
                   Binding    *binding)
{
  const OpsSettingSpec *spec = ops_settings_lookup_spec (binding->key);
  g_autoptr(GError) error = NULL;
  g_auto(GValue) from = G_VALUE_INIT;
  g_auto(GValue) to = G_VALUE_INIT;
  g_autofree char *text = NULL;
  char             buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (binding->updating || binding->settings == NULL)
    return;

  g_value_init (&from, binding->pspec->value_type);
  g_object_get_property (object, binding->pspec->name, &from);

  switch (spec->type)
    {
    case OPS_SETTING_BOOLEAN:
      g_value_init (&to, G_TYPE_BOOLEAN);
      if (g_value_transform (&from, &to))
        text = g_strdup (g_value_get_boolean (&to) ? "true" : "false");
      break;
    case OPS_SETTING_INT:
      g_value_init (&to, G_TYPE_DOUBLE);
      if (g_value_transform (&from, &to))
        text = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64)llround (g_value_get_double (&to)));
      break;
    case OPS_SETTING_DOUBLE:
      g_value_init (&to, G_TYPE_DOUBLE);
      if (g_value_transform (&from, &to))
        text = g_strdup (g_ascii_dtostr (buffer, sizeof buffer, g_value_get_double (&to)));
      break;
    case OPS_SETTING_STRING:
      g_value_init (&to, G_TYPE_STRING);
      if (g_value_transform (&from, &to))
        text = g_value_dup_string (&to);
      break;
    default:
      g_assert_not_reached ();
    }

  if (text == NULL)
    return;

  binding->updating = TRUE;
  if (!ops_settings_write_text (binding->settings, binding->key, text, &error))
    g_warning ("%s", error->message);
  binding->updating = FALSE;
}

static void binding_settings_gone_cb (gpointer data,
                                      GObject *where_the_settings_were);

static void
binding_object_gone_cb (gpointer data,
                        GObject *where_the_object_was)
{
  Binding *binding = data;

  binding->object = NULL;
  if (binding->settings != NULL)
    {
      g_clear_signal_handler (&binding->changed_id, binding->settings);
      g_object_weak_unref (G_OBJECT (binding->settings), binding_settings_gone_cb, binding);
    }
  binding_free (binding);
}

static void
binding_settings_gone_cb (gpointer data,
                          GObject *where_the_settings_were)
{
  Binding *binding = data;

  binding->settings = NULL;
  if (binding->object != NULL)
    {
      g_clear_signal_handler (&binding->notify_id, binding->object);
      g_object_weak_unref (binding->object, binding_object_gone_cb, binding);
    }
  binding_free (binding);
}

/**
 * ops_settings_bind:
 * @self: a #OpsSettings
 * @key: a known key
 * @object: (type GObject): an object
 * @property: one of its properties, of a type the setting converts to
 * @flags: the directions to bind; %OPS_SETTINGS_BIND_DEFAULT is both
 *
 * Keeps @property equal to the setting (%OPS_SETTINGS_BIND_GET) and
 * stores changes of @property (%OPS_SETTINGS_BIND_SET), like
 * g_settings_bind(). The binding ends when either object goes away.
 */
void
ops_settings_bind (OpsSettings         *self,
                   const char          *key,
                   gpointer             object,
                   const char          *property,
                   OpsSettingsBindFlags flags)
{
  Binding    *binding;
  GParamSpec *pspec;

  g_return_if_fail (OPS_IS_SETTINGS (self));
  g_return_if_fail (ops_settings_lookup_spec (key) != NULL);
  g_return_if_fail (G_IS_OBJECT (object));

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_return_if_fail (pspec != NULL);

  if (flags == OPS_SETTINGS_BIND_DEFAULT)
    flags = OPS_SETTINGS_BIND_GET | OPS_SETTINGS_BIND_SET;

  binding = g_new0 (Binding, 1);
  binding->settings = self;
  binding->object = object;
  binding->key = g_strdup (key);
  binding->pspec = g_param_spec_ref (pspec);
  binding->flags = flags;

  g_object_weak_ref (G_OBJECT (self), binding_settings_gone_cb, binding);
  g_object_weak_ref (G_OBJECT (object), binding_object_gone_cb, binding);

  if (flags & OPS_SETTINGS_BIND_GET)
    {
      g_autofree char *signal = g_strdup_printf ("changed::%s", key);

      binding->changed_id = g_signal_connect (self, signal,
                                              G_CALLBACK (binding_settings_changed_cb), binding);
      binding_push_to_object (binding);
    }

  if (flags & OPS_SETTINGS_BIND_SET)
    {
      g_autofree char *signal = g_strdup_printf ("notify::%s", property);

      binding->notify_id = g_signal_connect (object, signal,
                                             G_CALLBACK (binding_notify_cb), binding);
    }
}

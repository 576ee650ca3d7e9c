/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include <string.h>

#include "ops-test-util.h"
#include "store/ops-settings.h"
#include "store/ops-store.h"

/* A small object with one property of each type, to bind settings to. */

#define TEST_TYPE_TARGET (test_target_get_type ())
G_DECLARE_FINAL_TYPE (TestTarget, test_target, TEST, TARGET, GObject)

struct _TestTarget
{
  GObject  parent_instance;
  gboolean active;
  double   value;
  char    *text;
};

G_DEFINE_FINAL_TYPE (TestTarget, test_target, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ACTIVE,
  PROP_VALUE,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *target_properties[N_PROPS];

static void
test_target_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TestTarget *self = TEST_TARGET (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;
    case PROP_VALUE:
      g_value_set_double (value, self->value);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
test_target_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  TestTarget *self = TEST_TARGET (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      self->active = g_value_get_boolean (value);
      break;
    case PROP_VALUE:
      self->value = g_value_get_double (value);
      break;
    case PROP_TEXT:
      g_free (self->text);
      self->text = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
test_target_finalize (GObject *object)
{
  g_free (TEST_TARGET (object)->text);
  G_OBJECT_CLASS (test_target_parent_class)->finalize (object);
}

static void
test_target_class_init (TestTargetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = test_target_get_property;
  object_class->set_property = test_target_set_property;
  object_class->finalize = test_target_finalize;

  target_properties[PROP_ACTIVE] = g_param_spec_boolean ("active", NULL, NULL, FALSE,
                                                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  target_properties[PROP_VALUE] = g_param_spec_double ("value", NULL, NULL, -1e9, 1e9, 0,
                                                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  target_properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL,
                                                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, target_properties);
}

static void
test_target_init (TestTarget *self)
{
}

typedef struct
{
  char      *path;
  OpsStore  *store;
  GPtrArray *changes;
} Fixture;

static void
record_change_cb (OpsSettings *settings,
                  const char  *key,
                  Fixture     *fixture)
{
  g_ptr_array_add (fixture->changes, g_strdup (key));
}

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  fixture->path = ops_test_fresh_db_path ();
  fixture->store = ops_store_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->changes = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (ops_store_get_settings (fixture->store), "changed",
                    G_CALLBACK (record_change_cb), fixture);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->changes, g_ptr_array_unref);
  g_clear_pointer (&fixture->path, g_free);
}

static void
reopen (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&fixture->store);
  fixture->store = ops_store_open (fixture->path, &error);
  g_assert_no_error (error);
}

static void
test_defaults (Fixture      *fixture,
               gconstpointer data)
{
  OpsSettings     *settings = ops_store_get_settings (fixture->store);
  g_autofree char *tab = NULL;

  g_assert_true (ops_settings_get_boolean (settings, OPS_SETTINGS_KEY_RUN_IN_BACKGROUND));
  g_assert_cmpint (ops_settings_get_int (settings, OPS_SETTINGS_KEY_RETENTION_DAYS), ==, 30);
  tab = ops_settings_dup_string (settings, OPS_SETTINGS_KEY_WINDOW_LAST_TAB);
  g_assert_cmpstr (tab, ==, "health");
}

static void
test_round_trip (Fixture      *fixture,
                 gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  OpsSettings *settings = ops_store_get_settings (fixture->store);

  g_assert_true (ops_settings_set_boolean (settings, OPS_SETTINGS_KEY_RUN_IN_BACKGROUND, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (ops_settings_set_int (settings, OPS_SETTINGS_KEY_RETENTION_DAYS, 90, &error));
  g_assert_no_error (error);
  g_assert_true (ops_settings_set_string (settings, OPS_SETTINGS_KEY_WINDOW_LAST_TAB, "dr", &error));
  g_assert_no_error (error);

  reopen (fixture);
  settings = ops_store_get_settings (fixture->store);

  g_assert_false (ops_settings_get_boolean (settings, OPS_SETTINGS_KEY_RUN_IN_BACKGROUND));
  g_assert_cmpint (ops_settings_get_int (settings, OPS_SETTINGS_KEY_RETENTION_DAYS), ==, 90);
  g_assert_cmpstr (ops_settings_get_text (settings, OPS_SETTINGS_KEY_WINDOW_LAST_TAB), ==, "dr");

  g_assert_true (ops_settings_reset (settings, OPS_SETTINGS_KEY_RETENTION_DAYS, &error));
  g_assert_no_error (error);
  reopen (fixture);
  g_assert_cmpint (ops_settings_get_int (ops_store_get_settings (fixture->store),
                                         OPS_SETTINGS_KEY_RETENTION_DAYS),
                   ==, 30);
}

static void
count_cb (guint *counter)
{
  (*counter)++;
}

static void
test_change_notification (Fixture      *fixture,
                          gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  OpsSettings *settings = ops_store_get_settings (fixture->store);
  guint        detailed = 0;

  g_signal_connect_swapped (settings, "changed::" OPS_SETTINGS_KEY_RETENTION_DAYS,
                            G_CALLBACK (count_cb), &detailed);

  ops_settings_set_int (settings, OPS_SETTINGS_KEY_RETENTION_DAYS, 7, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changes->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->changes, 0), ==, OPS_SETTINGS_KEY_RETENTION_DAYS);
  g_assert_cmpuint (detailed, ==, 1);

  /* The same value again: nothing changed, nothing emitted. */
  ops_settings_set_int (settings, OPS_SETTINGS_KEY_RETENTION_DAYS, 7, &error);
  g_assert_cmpuint (fixture->changes->len, ==, 1);

  /* Another key: the detailed handler stays quiet. */
  ops_settings_set_boolean (settings, OPS_SETTINGS_KEY_WINDOW_MAXIMIZED, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changes->len, ==, 2);
  g_assert_cmpuint (detailed, ==, 1);

  /* Resetting to the default is a change. */
  ops_settings_reset (settings, OPS_SETTINGS_KEY_RETENTION_DAYS, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (detailed, ==, 2);
}

static void
test_invalid_values (Fixture      *fixture,
                     gconstpointer data)
{
  OpsSettings *settings = ops_store_get_settings (fixture->store);
  struct
  {
    const char *key;
    const char *text;
    const char *message_part;
  } cases[] = {
    { OPS_SETTINGS_KEY_RETENTION_DAYS, "0", "from 1 to 3650" },
    { OPS_SETTINGS_KEY_RETENTION_DAYS, "99999", "from 1 to 3650" },
    { OPS_SETTINGS_KEY_RETENTION_DAYS, "thirty", "whole number" },
    { OPS_SETTINGS_KEY_RETENTION_DAYS, "", "whole number" },
    { OPS_SETTINGS_KEY_RUN_IN_BACKGROUND, "maybe", "true or false" },
    { "no.such.setting", "1", "Unknown setting" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (ops_settings_write_text (settings, cases[i].key, cases[i].text, &error));
      g_assert_error (error, OPS_STORE_ERROR, OPS_STORE_ERROR_INVALID_VALUE);
      g_assert_nonnull (strstr (error->message, cases[i].message_part));
      g_assert_nonnull (strstr (error->message, cases[i].key));
    }

  g_assert_cmpuint (fixture->changes->len, ==, 0);
  g_assert_cmpint (ops_settings_get_int (settings, OPS_SETTINGS_KEY_RETENTION_DAYS), ==, 30);
}

static void
test_bad_stored_value_falls_back (Fixture      *fixture,
                                  gconstpointer data)
{
  g_clear_object (&fixture->store);
  ops_test_sqlite_exec (fixture->path,
                        "INSERT INTO settings (key, value) VALUES ('history.retention-days', 'lots');"
                        "INSERT INTO settings (key, value) VALUES ('removed.feature', 'x');");
  reopen (fixture);

  g_assert_cmpint (ops_settings_get_int (ops_store_get_settings (fixture->store),
                                         OPS_SETTINGS_KEY_RETENTION_DAYS),
                   ==, 30);
}

static void
test_bind (Fixture      *fixture,
           gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  OpsSettings *settings = ops_store_get_settings (fixture->store);
  TestTarget  *target = g_object_new (TEST_TYPE_TARGET, NULL);

  ops_settings_bind (settings, OPS_SETTINGS_KEY_RUN_IN_BACKGROUND, target, "active",
                     OPS_SETTINGS_BIND_DEFAULT);
  ops_settings_bind (settings, OPS_SETTINGS_KEY_RETENTION_DAYS, target, "value",
                     OPS_SETTINGS_BIND_DEFAULT);
  ops_settings_bind (settings, OPS_SETTINGS_KEY_WINDOW_LAST_TAB, target, "text",
                     OPS_SETTINGS_BIND_GET);

  /* The object starts with the settings' values. */
  g_assert_true (target->active);
  g_assert_cmpfloat (target->value, ==, 30.0);
  g_assert_cmpstr (target->text, ==, "health");

  /* Settings → object. */
  ops_settings_set_int (settings, OPS_SETTINGS_KEY_RETENTION_DAYS, 60, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (target->value, ==, 60.0);
  ops_settings_set_string (settings, OPS_SETTINGS_KEY_WINDOW_LAST_TAB, "slack", &error);
  g_assert_cmpstr (target->text, ==, "slack");

  /* Object → settings, and into the database. */
  g_object_set (target, "active", FALSE, "value", 12.0, NULL);
  g_assert_false (ops_settings_get_boolean (settings, OPS_SETTINGS_KEY_RUN_IN_BACKGROUND));
  g_assert_cmpint (ops_settings_get_int (settings, OPS_SETTINGS_KEY_RETENTION_DAYS), ==, 12);

  /* GET only: the object does not write back. */
  g_object_set (target, "text", "workflows", NULL);
  g_assert_cmpstr (ops_settings_get_text (settings, OPS_SETTINGS_KEY_WINDOW_LAST_TAB), ==, "slack");

  /* The binding ends with the object; the settings go on. */
  g_object_unref (target);
  ops_settings_set_int (settings, OPS_SETTINGS_KEY_RETENTION_DAYS, 14, &error);
  g_assert_no_error (error);

  reopen (fixture);
  g_assert_cmpint (ops_settings_get_int (ops_store_get_settings (fixture->store),
                                         OPS_SETTINGS_KEY_RETENTION_DAYS),
                   ==, 14);
}

static void
test_bind_outlives_store (Fixture      *fixture,
                          gconstpointer data)
{
  TestTarget *target = g_object_new (TEST_TYPE_TARGET, NULL);

  ops_settings_bind (ops_store_get_settings (fixture->store), OPS_SETTINGS_KEY_RUN_IN_BACKGROUND,
                     target, "active", OPS_SETTINGS_BIND_DEFAULT);
  g_clear_object (&fixture->store);

  /* The store and its settings are gone: changing the object is harmless. */
  g_object_set (target, "active", FALSE, NULL);
  g_object_unref (target);
}

static void
test_locked (Fixture      *fixture,
             gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  OpsSettings *settings = ops_store_get_settings (fixture->store);
  sqlite3     *other = NULL;

  /* Another program holds the write lock. */
  g_assert_cmpint (sqlite3_open (fixture->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (ops_store_get_handle (fixture->store), 50);

  g_assert_false (ops_settings_set_int (settings, OPS_SETTINGS_KEY_RETENTION_DAYS, 5, &error));
  g_assert_error (error, OPS_STORE_ERROR, OPS_STORE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "locked by another program"));
  g_assert_nonnull (strstr (error->message, OPS_SETTINGS_KEY_RETENTION_DAYS));

  /* Nothing changed in memory either. */
  g_assert_cmpint (ops_settings_get_int (settings, OPS_SETTINGS_KEY_RETENTION_DAYS), ==, 30);
  g_assert_cmpuint (fixture->changes->len, ==, 0);

  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);

  g_clear_error (&error);
  g_assert_true (ops_settings_set_int (settings, OPS_SETTINGS_KEY_RETENTION_DAYS, 5, &error));
  g_assert_no_error (error);
}

static void
test_disk_full (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  OpsSettings     *settings = ops_store_get_settings (fixture->store);
  g_autofree char *big = g_strnfill (4096, 'x');
  int              pages;

  /* The database may not grow by a single page: as good as a full disk. */
  pages = ops_test_sqlite_int (fixture->path, "PRAGMA page_count");
  {
    g_autofree char *sql = g_strdup_printf ("PRAGMA max_page_count = %d", MAX (pages, 1));

    ops_store_exec (fixture->store, sql, &error);
    g_assert_no_error (error);
  }
  ops_store_exec (fixture->store, "CREATE TABLE filler (x); ", NULL);
  g_clear_error (&error);

  g_assert_false (ops_settings_set_string (settings, OPS_SETTINGS_KEY_WINDOW_LAST_TAB, big, &error));
  g_assert_error (error, OPS_STORE_ERROR, OPS_STORE_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, "disk is full"));
  g_assert_cmpstr (ops_settings_get_text (settings, OPS_SETTINGS_KEY_WINDOW_LAST_TAB), ==, "health");
}

int
main (int   argc,
      char *argv[])
{
  ops_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/opsdeck/settings/defaults", test_defaults);
  ADD ("/opsdeck/settings/round-trip", test_round_trip);
  ADD ("/opsdeck/settings/change-notification", test_change_notification);
  ADD ("/opsdeck/settings/invalid-values", test_invalid_values);
  ADD ("/opsdeck/settings/bad-stored-value", test_bad_stored_value_falls_back);
  ADD ("/opsdeck/settings/bind", test_bind);
  ADD ("/opsdeck/settings/bind-outlives-store", test_bind_outlives_store);
  ADD ("/opsdeck/settings/locked", test_locked);
  ADD ("/opsdeck/settings/disk-full", test_disk_full);
#undef ADD

  return g_test_run ();
}

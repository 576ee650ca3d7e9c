/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ops-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(OpsApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Opsdeck"));

  app = ops_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}

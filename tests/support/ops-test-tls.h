/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Certificates made by the test with openssl, dated from now: nothing
 * committed that could rot. Every leaf but the self-signed one is signed
 * by `ca`. */
typedef struct
{
  char *dir;
  char *ca;         /* the test CA, to trust with a check's ca_file */
  char *valid_cert; /* for 127.0.0.1 and localhost, 30 days */
  char *valid_key;
  char *expired_cert; /* ended yesterday */
  char *expired_key;
  char *self_signed_cert; /* for 127.0.0.1, signed by itself */
  char *self_signed_key;
  char *wrong_host_cert; /* for wrong.example.invalid */
  char *wrong_host_key;
  char *soon_cert; /* for 127.0.0.1, ends in 3 days */
  char *soon_key;
} OpsTestCerts;

/* clang-format off */
OpsTestCerts *ops_test_certs_new  (void);
void          ops_test_certs_free (OpsTestCerts *self);
void          ops_test_run        (const char * const *argv,
                                   const char         *cwd);
/* clang-format on */

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include "ops-condition.h"

G_BEGIN_DECLS

/* A parsed condition, shared by the parser (ops-condition.c) and the
 * evaluation (ops-condition-eval.c). */

typedef enum
{
  OPERAND_LITERAL,
  OPERAND_PLACEHOLDER,
  OPERAND_LEN,
  OPERAND_HAS,
  OPERAND_PATTERN,
  OPERAND_ANY,
} OperandType;

typedef struct
{
  OperandType     type;
  OpsPlaceholders placeholder;
  char           *path; /* after [BODY]: "checks.db.status", or NULL */
  char           *text; /* literal, pattern, or the operand as written */
  GStrv           values;
} Operand;

typedef enum
{
  OP_EQ,
  OP_NE,
  OP_LT,
  OP_LE,
  OP_GT,
  OP_GE,
} Operator;

struct _OpsCondition
{
  char    *text;
  Operand  left;
  Operand  right;
  Operator op;
};

/* clang-format off */
gboolean _ops_condition_is_time_placeholder (OpsPlaceholders  placeholder);
gboolean _ops_condition_parse_number        (const char      *text,
                                             double          *value);
gboolean _ops_condition_parse_quantity      (const char      *text,
                                             OpsPlaceholders  placeholder,
                                             double          *value);
/* clang-format on */

G_END_DECLS

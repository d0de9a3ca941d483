/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mer-date.h"

G_BEGIN_DECLS

/**
 * MerImportDayOrder:
 * @MER_IMPORT_DAY_ORDER_UNKNOWN: "03/04/2020" is refused as ambiguous
 * @MER_IMPORT_DAY_ORDER_DMY: slashed dates are day/month/year
 * @MER_IMPORT_DAY_ORDER_MDY: slashed dates are month/day/year
 *
 * How to read a date with slashes. A column or a property has one order,
 * found from a value that settles it (a first number over 12, say).
 */
typedef enum {
  MER_IMPORT_DAY_ORDER_UNKNOWN,
  MER_IMPORT_DAY_ORDER_DMY,
  MER_IMPORT_DAY_ORDER_MDY,
} MerImportDayOrder;

gboolean          mer_import_date_parse_text (const char        *text,
                                              MerImportDayOrder  order,
                                              MerDate           *date,
                                              GError           **error);
gboolean          mer_import_date_parse_span (const char        *text,
                                              MerImportDayOrder  order,
                                              MerDate           *start,
                                              MerDate           *end,
                                              gboolean          *has_end,
                                              GError           **error);
MerImportDayOrder mer_import_date_day_order  (const char        *text);

G_END_DECLS

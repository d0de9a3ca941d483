/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-types"

#include "config.h"

#include "mer-types.h"

#include <glib/gi18n.h>
#include <string.h>

static const char * const status_names[] = {
  [MER_REGION_STATUS_UNDISPUTED] = "undisputed",
  [MER_REGION_STATUS_DISPUTED] = "disputed",
  [MER_REGION_STATUS_OCCUPIED] = "occupied",
  [MER_REGION_STATUS_SETTLED] = "settled",
  [MER_REGION_STATUS_ANNEXED] = "annexed",
};

static const char * const status_labels[] = {
  [MER_REGION_STATUS_UNDISPUTED] = NC_("region status", "undisputed"),
  [MER_REGION_STATUS_DISPUTED] = NC_("region status", "disputed"),
  [MER_REGION_STATUS_OCCUPIED] = NC_("region status", "occupied"),
  [MER_REGION_STATUS_SETTLED] = NC_("region status", "settled"),
  [MER_REGION_STATUS_ANNEXED] = NC_("region status", "annexed"),
};

/**
 * mer_region_status_get_label:
 *
 * Returns: the status as shown to people, in their language; the file
 *   format's own word is mer_region_status_to_string()
 */
const char *
mer_region_status_get_label (MerRegionStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (status_labels), NULL);

  return g_dpgettext2 (NULL, "region status", status_labels[status]);
}

const char *
mer_region_status_to_string (MerRegionStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (status_names), NULL);

  return status_names[status];
}

gboolean
mer_region_status_from_string (const char      *text,
                               MerRegionStatus *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    {
      if (g_strcmp0 (text, status_names[i]) == 0)
        {
          *status = (MerRegionStatus) i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * mer_color_parse:
 * @text: a colour written "#rrggbb"
 * @color: (out): the colour as 0xRRGGBB
 *
 * Returns: whether @text is exactly "#" and six hexadecimal digits
 */
gboolean
mer_color_parse (const char *text,
                 guint32    *color)
{
  guint32 value = 0;

  if (text == NULL || text[0] != '#' || strlen (text) != 7)
    return FALSE;

  for (guint i = 1; i < 7; i++)
    {
      int digit = g_ascii_xdigit_value (text[i]);

      if (digit < 0)
        return FALSE;
      value = (value << 4) | (guint32) digit;
    }

  *color = value;
  return TRUE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-language"

#include "config.h"

#include "mer-language.h"

#include <glib/gi18n.h>
#include <string.h>

/**
 * mer_language_get_interface:
 *
 * The language the interface is shown in, for choosing among names a story
 * or the base map gives in several languages.
 *
 * It is the language of the catalogue gettext actually uses, read from the
 * catalogue's own header, rather than guessed from $LANGUAGE or $LANG: with
 * LANGUAGE=ja under the C locale, or with a language Meridian has no
 * translation for, the interface is English and so are the names.
 *
 * Returns: a language code without region, e.g. "ja", "ru"; "en" when the
 *   interface is not translated. Interned: valid for the process's life.
 */
const char *
mer_language_get_interface (void)
{
  /* gettext answers the empty message with the catalogue's header. */
  const char *header = dgettext (GETTEXT_PACKAGE, "");
  const char *field = header != NULL ? strstr (header, "Language: ") : NULL;
  g_autofree char *code = NULL;
  gsize length;

  if (field == NULL)
    return g_intern_static_string ("en");

  field += strlen ("Language: ");
  length = strcspn (field, "_-.@\n ");
  if (length == 0)
    return g_intern_static_string ("en");

  code = g_ascii_strdown (field, length);
  return g_intern_string (code);
}

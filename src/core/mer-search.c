/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-search"

#include "config.h"

#include "mer-search.h"

#include "mer-event.h"
#include "mer-region.h"

#include <string.h>

/* A search the way people type one: each word must be found somewhere in
 * an event — its title, summary, date label, tags, places, or any name of its regions
 * in any language, so that 北方領土 or Курилы finds what the map labels so —
 * ignoring case, compatibility forms (full-width letters) and Latin
 * accents (Hoppo finds Hoppō). */

struct _MerSearch
{
  char       *text;
  char      **words;     /* folded */

  /* Views ask again for every event on every frame; the answer for an
   * event of an immutable document never changes, so it is kept. */
  GMutex      lock;
  GHashTable *answers;   /* MerEvent → MATCHES or DIFFERS */
};

enum { MATCHES = 1, DIFFERS = 2 };

/**
 * mer_search_fold:
 * @text: any text
 *
 * Folds @text for matching: case-folded, compatibility-decomposed, with
 * the combining diacritical marks (U+0300–U+036F) dropped.
 *
 * Returns: (transfer full): the folded text
 */
char *
mer_search_fold (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  g_autofree char *decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
  GString *result;

  if (decomposed == NULL)
    return g_strdup ("");

  result = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x0300 || c > 0x036F)
        g_string_append_unichar (result, c);
    }

  return g_string_free (result, FALSE);
}

/**
 * mer_search_new:
 * @text: (nullable): the words to find
 *
 * Returns: (transfer full) (nullable): the search, or %NULL when @text has
 *   no words (every event matches)
 */
MerSearch *
mer_search_new (const char *text)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  MerSearch *self;

  if (text == NULL)
    return NULL;

  folded = mer_search_fold (text);
  words = g_strsplit_set (folded, " \t\n\r", -1);
  kept = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_ptr_array_add (kept, g_strdup (words[i]));
  if (kept->len == 0)
    return NULL;
  g_ptr_array_add (kept, NULL);

  self = g_new0 (MerSearch, 1);
  self->text = g_strdup (text);
  self->words = (char **) g_ptr_array_free (g_steal_pointer (&kept), FALSE);
  g_mutex_init (&self->lock);
  self->answers = g_hash_table_new (NULL, NULL);
  return self;
}

void
mer_search_free (MerSearch *self)
{
  if (self == NULL)
    return;
  g_free (self->text);
  g_strfreev (self->words);
  g_hash_table_unref (self->answers);
  g_mutex_clear (&self->lock);
  g_free (self);
}

/**
 * mer_search_get_text:
 *
 * Returns: (transfer none): the text as the user typed it
 */
const char *
mer_search_get_text (MerSearch *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->text;
}

static void
append_field (GString    *haystack,
              const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return;
  folded = mer_search_fold (text);
  g_string_append (haystack, folded);
  g_string_append_c (haystack, '\n');
}

static gboolean
matches_event (MerSearch *self,
               MerEvent  *event)
{
  g_autoptr(GString) haystack = g_string_new (NULL);
  const char * const *tags = mer_event_get_tags (event);
  MerRegion *const *regions;
  const MerPlace *places;
  guint n_places, n_regions;

  append_field (haystack, mer_event_get_title (event));
  append_field (haystack, mer_event_get_summary (event));
  append_field (haystack, mer_event_get_date_label (event));
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    append_field (haystack, tags[i]);
  places = mer_event_get_places (event, &n_places);
  for (guint i = 0; i < n_places; i++)
    append_field (haystack, places[i].name);
  regions = mer_event_get_regions (event, &n_regions);
  for (guint i = 0; i < n_regions; i++)
    {
      const MerName *names;
      guint n_names;

      append_field (haystack, mer_region_get_name (regions[i]));
      names = mer_region_get_names (regions[i], &n_names);
      for (guint k = 0; k < n_names; k++)
        append_field (haystack, names[k].text);
    }

  for (guint i = 0; self->words[i] != NULL; i++)
    if (strstr (haystack->str, self->words[i]) == NULL)
      return FALSE;

  return TRUE;
}

/**
 * mer_search_matches_event:
 *
 * Returns: whether every word of the search is found in one of @event's
 *   fields
 */
gboolean
mer_search_matches_event (MerSearch *self,
                          MerEvent  *event)
{
  gpointer answer;

  g_return_val_if_fail (self != NULL, FALSE);

  g_mutex_lock (&self->lock);
  answer = g_hash_table_lookup (self->answers, event);
  g_mutex_unlock (&self->lock);
  if (answer == NULL)
    {
      answer = GINT_TO_POINTER (matches_event (self, event) ? MATCHES : DIFFERS);
      g_mutex_lock (&self->lock);
      g_hash_table_insert (self->answers, event, answer);
      g_mutex_unlock (&self->lock);
    }

  return GPOINTER_TO_INT (answer) == MATCHES;
}

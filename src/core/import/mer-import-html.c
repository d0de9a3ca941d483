/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-import-html"

#include "config.h"

#include "mer-import-html.h"

#include "mer-import-builder.h"

#include <string.h>

/* TimelineJS, StoryMapJS and KML carry text as HTML fragments. Meridian shows
 * plain text, so tags go, paragraphs stay (as blank lines), line breaks stay,
 * entities are decoded and links are kept aside as sources. Runs of white
 * space collapse as a browser collapses them. This is not a full HTML parser:
 * it needs only to read the fragments people type into those tools. */

typedef struct {
  const char *name;
  gunichar    c;
} Entity;

static const Entity entities[] = {
  { "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' }, { "apos", '\'' },
  { "nbsp", 0x00A0 }, { "ndash", 0x2013 }, { "mdash", 0x2014 }, { "hellip", 0x2026 },
  { "lsquo", 0x2018 }, { "rsquo", 0x2019 }, { "ldquo", 0x201C }, { "rdquo", 0x201D },
  { "sbquo", 0x201A }, { "bdquo", 0x201E }, { "laquo", 0x00AB }, { "raquo", 0x00BB },
  { "copy", 0x00A9 }, { "reg", 0x00AE }, { "trade", 0x2122 }, { "deg", 0x00B0 },
  { "middot", 0x00B7 }, { "bull", 0x2022 }, { "times", 0x00D7 }, { "divide", 0x00F7 },
  { "plusmn", 0x00B1 }, { "minus", 0x2212 }, { "prime", 0x2032 }, { "Prime", 0x2033 },
  { "euro", 0x20AC }, { "pound", 0x00A3 }, { "yen", 0x00A5 }, { "cent", 0x00A2 },
  { "sect", 0x00A7 }, { "para", 0x00B6 }, { "frac12", 0x00BD }, { "frac14", 0x00BC },
  { "frac34", 0x00BE }, { "iexcl", 0x00A1 }, { "iquest", 0x00BF },
  { "aacute", 0x00E1 }, { "agrave", 0x00E0 }, { "acirc", 0x00E2 }, { "atilde", 0x00E3 },
  { "auml", 0x00E4 }, { "aring", 0x00E5 }, { "aelig", 0x00E6 }, { "ccedil", 0x00E7 },
  { "eacute", 0x00E9 }, { "egrave", 0x00E8 }, { "ecirc", 0x00EA }, { "euml", 0x00EB },
  { "iacute", 0x00ED }, { "igrave", 0x00EC }, { "icirc", 0x00EE }, { "iuml", 0x00EF },
  { "ntilde", 0x00F1 }, { "oacute", 0x00F3 }, { "ograve", 0x00F2 }, { "ocirc", 0x00F4 },
  { "otilde", 0x00F5 }, { "ouml", 0x00F6 }, { "oslash", 0x00F8 }, { "szlig", 0x00DF },
  { "uacute", 0x00FA }, { "ugrave", 0x00F9 }, { "ucirc", 0x00FB }, { "uuml", 0x00FC },
  { "yacute", 0x00FD }, { "yuml", 0x00FF },
  { "Aacute", 0x00C1 }, { "Agrave", 0x00C0 }, { "Acirc", 0x00C2 }, { "Auml", 0x00C4 },
  { "Aring", 0x00C5 }, { "Ccedil", 0x00C7 }, { "Eacute", 0x00C9 }, { "Egrave", 0x00C8 },
  { "Ecirc", 0x00CA }, { "Iacute", 0x00CD }, { "Ntilde", 0x00D1 }, { "Oacute", 0x00D3 },
  { "Ouml", 0x00D6 }, { "Oslash", 0x00D8 }, { "Uacute", 0x00DA }, { "Uuml", 0x00DC },
};

/* Elements that begin and end a paragraph. */
static const char * const block_elements[] = {
  "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "dl", "dt", "dd",
  "table", "tr", "section", "article", "header", "footer", "aside", "figure", "figcaption",
  "pre", "hr", "address", "nav", "main", NULL
};

/* Elements whose content is not text. */
static const char * const hidden_elements[] = { "script", "style", "iframe", "object", "noscript", NULL };

typedef struct {
  GString   *out;
  GPtrArray *links;
  guint      pending_breaks;   /* newlines owed before the next text */
  gboolean   pending_space;
  char      *href;             /* of the open <a> */
  gsize      link_start;
} Writer;

void
mer_import_link_free (MerImportLink *link)
{
  if (link == NULL)
    return;

  g_free (link->title);
  g_free (link->url);
  g_free (link);
}

/* Whether @text is its own plain text, as most GeoJSON descriptions and CSV
 * notes are: ASCII without markup or entities, words one space apart. Told
 * in one pass, it is copied whole rather than character by character. */
static gboolean
is_plain (const char *text)
{
  const char *p = text;

  if (*p == ' ')
    return FALSE;
  for (; *p != '\0'; p++)
    {
      if ((guchar) *p >= 0x80 || *p == '<' || *p == '&' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f')
        return FALSE;
      if (*p == ' ' && (p[1] == ' ' || p[1] == '\0'))
        return FALSE;
    }
  return TRUE;
}

static void
put_char (Writer   *w,
          gunichar  c)
{
  if (w->out->len > 0)
    {
      if (w->pending_breaks > 0)
        {
          for (guint i = 0; i < w->pending_breaks; i++)
            g_string_append_c (w->out, '\n');
        }
      else if (w->pending_space && w->out->str[w->out->len - 1] != '\n')
        g_string_append_c (w->out, ' ');
    }

  w->pending_breaks = 0;
  w->pending_space = FALSE;
  if (c < 0x80)
    g_string_append_c (w->out, (char) c);
  else
    g_string_append_unichar (w->out, c);
}

static void
owe_breaks (Writer *w,
            guint   n)
{
  w->pending_breaks = MAX (w->pending_breaks, n);
  w->pending_space = FALSE;
}

/* At '&'; returns the character and moves past the entity, or returns 0
 * when it is not one (a bare ampersand stays as written). */
static gunichar
read_entity (const char **p)
{
  const char *s = *p + 1;
  const char *semicolon = s;
  gunichar c = 0;

  while (*semicolon != '\0' && *semicolon != ';' && semicolon - s < 10 &&
         (g_ascii_isalnum (*semicolon) || *semicolon == '#'))
    semicolon++;
  if (*semicolon != ';' || semicolon == s)
    return 0;

  if (*s == '#')
    {
      guint64 v = 0;
      gboolean hex = s[1] == 'x' || s[1] == 'X';
      const char *d = s + (hex ? 2 : 1);

      if (d == semicolon)
        return 0;
      for (; d < semicolon; d++)
        {
          int digit = hex ? g_ascii_xdigit_value (*d) : g_ascii_digit_value (*d);

          if (digit < 0 || v > 0x10FFFF)
            return 0;
          v = v * (hex ? 16 : 10) + (guint) digit;
        }
      c = (gunichar) v;
      /* What a browser does with a reference to no character. */
      if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        c = 0xFFFD;
    }
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
        if (strlen (entities[i].name) == (gsize) (semicolon - s) &&
            strncmp (entities[i].name, s, semicolon - s) == 0)
          {
            c = entities[i].c;
            break;
          }
      if (c == 0)
        return 0;
    }

  *p = semicolon + 1;
  return c;
}

/* Reads the value of attribute @name from the attribute text of a tag. */
static char *
find_attribute (const char *attrs,
                gsize       length,
                const char *name)
{
  const char *p = attrs;
  const char *end = attrs + length;
  gsize n = strlen (name);

  while (p < end)
    {
      const char *key;
      gsize key_length;
      const char *value = NULL;
      gsize value_length = 0;

      while (p < end && (g_ascii_isspace (*p) || *p == '/'))
        p++;
      key = p;
      while (p < end && !g_ascii_isspace (*p) && *p != '=' && *p != '/')
        p++;
      key_length = (gsize) (p - key);
      while (p < end && g_ascii_isspace (*p))
        p++;

      if (p < end && *p == '=')
        {
          p++;
          while (p < end && g_ascii_isspace (*p))
            p++;
          if (p < end && (*p == '"' || *p == '\''))
            {
              char quote = *p++;

              value = p;
              while (p < end && *p != quote)
                p++;
              value_length = (gsize) (p - value);
              if (p < end)
                p++;
            }
          else
            {
              value = p;
              while (p < end && !g_ascii_isspace (*p))
                p++;
              value_length = (gsize) (p - value);
            }
        }

      if (key_length == n && g_ascii_strncasecmp (key, name, n) == 0 && value != NULL)
        {
          g_autofree char *raw = g_strndup (value, value_length);

          /* An attribute may hold entities too ("?a=1&amp;b=2"). */
          return mer_import_html_to_text (raw, NULL);
        }

      if (key_length == 0 && p < end)
        p++;
    }

  return NULL;
}

static void
close_link (Writer *w)
{
  g_autofree char *title = NULL;
  MerImportLink *link;

  if (w->href == NULL)
    return;

  title = g_strstrip (g_strndup (w->out->str + w->link_start, w->out->len - w->link_start));
  if (w->links != NULL && mer_import_is_link (w->href))
    {
      for (guint i = 0; i < w->links->len; i++)
        if (g_str_equal (((MerImportLink *) g_ptr_array_index (w->links, i))->url, w->href))
          goto done;

      link = g_new0 (MerImportLink, 1);
      link->title = *title != '\0' ? g_steal_pointer (&title) : g_strdup (w->href);
      link->url = g_strdup (w->href);
      g_ptr_array_add (w->links, link);
    }

done:
  g_clear_pointer (&w->href, g_free);
}

/* At '<'; handles the tag and moves past it. Returns FALSE when the '<' does
 * not start a tag, so that it is text. */
static gboolean
read_tag (Writer      *w,
          const char **p)
{
  const char *s = *p + 1;
  const char *name;
  const char *gt;
  g_autofree char *lower = NULL;
  gboolean closing = FALSE;
  gsize name_length;

  if (g_str_has_prefix (s, "!--"))
    {
      const char *end = strstr (s + 3, "-->");

      *p = end != NULL ? end + 3 : s + strlen (s);
      return TRUE;
    }

  if (*s == '!' || *s == '?')
    {
      gt = strchr (s, '>');
      *p = gt != NULL ? gt + 1 : s + strlen (s);
      return TRUE;
    }

  if (*s == '/')
    {
      closing = TRUE;
      s++;
    }
  if (!g_ascii_isalpha (*s))
    return FALSE;

  name = s;
  while (g_ascii_isalnum (*s))
    s++;
  name_length = (gsize) (s - name);
  lower = g_ascii_strdown (name, (gssize) name_length);

  /* The tag ends at the first '>' outside quotes. */
  gt = s;
  while (*gt != '\0' && *gt != '>')
    {
      if (*gt == '"' || *gt == '\'')
        {
          const char *q = strchr (gt + 1, *gt);

          if (q == NULL)
            break;
          gt = q;
        }
      gt++;
    }

  if (!closing && g_strv_contains (hidden_elements, lower))
    {
      g_autofree char *end_tag = g_strdup_printf ("</%s", lower);
      const char *q = *gt != '\0' ? gt + 1 : gt;
      const char *found = NULL;

      for (; *q != '\0'; q++)
        if (*q == '<' && g_ascii_strncasecmp (q, end_tag, strlen (end_tag)) == 0)
          {
            found = q;
            break;
          }

      if (found == NULL)
        *p = q;
      else
        {
          const char *close = strchr (found, '>');

          *p = close != NULL ? close + 1 : found + strlen (found);
        }
      return TRUE;
    }

  if (g_strv_contains (block_elements, lower) || g_str_equal (lower, "li"))
    owe_breaks (w, g_str_equal (lower, "li") ? 1 : 2);
  else if (g_str_equal (lower, "br"))
    {
      /* A line break is kept even at the start of a paragraph. */
      if (w->out->len > 0)
        w->pending_breaks++;
      w->pending_space = FALSE;
    }
  else if (g_str_equal (lower, "a"))
    {
      close_link (w);
      if (!closing)
        {
          w->href = find_attribute (s, (gsize) (gt - s), "href");
          w->link_start = w->out->len;
        }
    }

  *p = *gt != '\0' ? gt + 1 : gt;
  return TRUE;
}

/**
 * mer_import_html_to_text:
 * @html: an HTML fragment (or plain text, which it leaves as it is but for
 *   white space and entities)
 * @links: (nullable) (element-type MerImportLink): receives each http,
 *   https or mailto link once, in order
 *
 * Returns: (transfer full): the text: paragraphs separated by a blank line,
 *   line breaks kept, entities decoded, no leading or trailing space
 */
char *
mer_import_html_to_text (const char *html,
                         GPtrArray  *links)
{
  Writer w = { 0 };
  const char *p = html;

  g_return_val_if_fail (html != NULL, NULL);

  if (is_plain (html))
    return g_strdup (html);

  w.out = g_string_new (NULL);
  w.links = links;

  while (*p != '\0')
    {
      gunichar c;

      if (*p == '<' && read_tag (&w, &p))
        continue;

      if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f')
        {
          if (w.out->len > 0 && w.pending_breaks == 0)
            w.pending_space = TRUE;
          p++;
          continue;
        }

      if (*p == '&' && (c = read_entity (&p)) != 0)
        {
          put_char (&w, c);
          continue;
        }

      /* Most text is ASCII, which needs no decoding. */
      if ((guchar) *p < 0x80)
        {
          put_char (&w, (guchar) *p++);
          continue;
        }

      c = g_utf8_get_char_validated (p, -1);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          put_char (&w, 0xFFFD);
          p++;
          continue;
        }
      put_char (&w, c);
      p = g_utf8_next_char (p);
    }

  close_link (&w);

  /* A non-breaking space is a space in plain text. */
  for (char *q = w.out->str; (q = strstr (q, "\xc2\xa0")) != NULL;)
    {
      gsize at = (gsize) (q - w.out->str);

      g_string_erase (w.out, (gssize) at, 2);
      g_string_insert_c (w.out, (gssize) at, ' ');
      q = w.out->str + at + 1;
    }

  return g_string_free (w.out, FALSE);
}

/**
 * mer_import_html_to_line:
 *
 * As mer_import_html_to_text(), for a title: its lines ("Russia &amp;
 * Japan<br>1855–2016") joined by a space.
 *
 * Returns: (transfer full): the text on one line
 */
char *
mer_import_html_to_line (const char *html,
                         GPtrArray  *links)
{
  g_autofree char *text = mer_import_html_to_text (html, links);
  GString *line = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p != '\n')
        g_string_append_c (line, *p);
      else if (line->len > 0 && line->str[line->len - 1] != ' ')
        g_string_append_c (line, ' ');
    }
  return g_string_free (line, FALSE);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-json-writer"

#include "config.h"

#include "mer-json-writer.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Writes a JSON document back into the text it was read from, changing only
 * what changed. People keep stories in git and mail them around: a save
 * that reformats 4,000 lines to change one title hides the edit.
 *
 * The original text is scanned into a tree of byte spans. The new document
 * is then written by walking both: a value equal to the original (compared
 * by meaning, so 5 and 5.0 or "\u00e9" and "é" are the same) is copied
 * byte for byte; a changed object or array keeps its own layout — the text
 * between its members, its comments-free whitespace, its closing line — and
 * recurses into its members; only new or changed scalars and new members
 * are written, in the file's own style (indent unit, spacing around the
 * colon, newlines). Members no longer present are dropped with their
 * separator. */

typedef struct _Span Span;

struct _Span
{
  JsonNodeType  type;
  gsize         start;
  gsize         end;
  GPtrArray    *children;    /* Span, for objects and arrays */
  GPtrArray    *keys;        /* char *, decoded, for objects */
  GArray       *key_starts;  /* gsize: the key's opening quote */
  GArray       *key_ends;    /* gsize: after the key's closing quote */
};

typedef struct
{
  const char *text;
  gsize       length;
  char       *unit;         /* one level of indentation */
  char       *colon;        /* what stands between a key and its value */
  const char *newline;
} Writer;

static void
span_free (Span *span)
{
  if (span == NULL)
    return;
  g_clear_pointer (&span->children, g_ptr_array_unref);
  g_clear_pointer (&span->keys, g_ptr_array_unref);
  g_clear_pointer (&span->key_starts, g_array_unref);
  g_clear_pointer (&span->key_ends, g_array_unref);
  g_free (span);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Span, span_free)

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static gsize
skip_space (const Writer *w,
            gsize         i)
{
  while (i < w->length && is_space (w->text[i]))
    i++;
  return i;
}

static gunichar
read_hex4 (const char *text)
{
  char digits[5] = { text[0], text[1], text[2], text[3], '\0' };

  return (gunichar) g_ascii_strtoull (digits, NULL, 16);
}

/* From an opening quote, the offset after the closing one, or 0. */
static gsize
skip_string (const Writer *w,
             gsize         i)
{
  for (i++; i < w->length; i++)
    {
      if (w->text[i] == '\\')
        i++;
      else if (w->text[i] == '"')
        return i + 1;
    }
  return 0;
}

/* Decodes a JSON string literal [start, end), quotes included. */
static char *
decode_string (const char *text,
               gsize       start,
               gsize       end)
{
  GString *out = g_string_sized_new (end - start);

  for (gsize i = start + 1; i + 1 < end; i++)
    {
      gunichar c;

      if (text[i] != '\\')
        {
          g_string_append_c (out, text[i]);
          continue;
        }
      switch (text[++i])
        {
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'u':
          if (i + 4 >= end)
            break;
          c = read_hex4 (text + i + 1);
          i += 4;
          if (c >= 0xD800 && c < 0xDC00 && i + 6 < end && text[i + 1] == '\\' && text[i + 2] == 'u')
            {
              gunichar low = read_hex4 (text + i + 3);

              if (low >= 0xDC00 && low < 0xE000)
                {
                  c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
                  i += 6;
                }
            }
          g_string_append_unichar (out, c);
          break;
        default:
          g_string_append_c (out, text[i]);
          break;
        }
    }

  return g_string_free (out, FALSE);
}

static Span *
scan_value (const Writer *w,
            gsize        *i,
            guint         depth);

static Span *
scan_container (const Writer *w,
                gsize        *i,
                guint         depth,
                gboolean      is_object)
{
  g_autoptr(Span) span = g_new0 (Span, 1);
  char close = is_object ? '}' : ']';

  span->type = is_object ? JSON_NODE_OBJECT : JSON_NODE_ARRAY;
  span->start = *i;
  span->children = g_ptr_array_new_with_free_func ((GDestroyNotify) span_free);
  if (is_object)
    {
      span->keys = g_ptr_array_new_with_free_func (g_free);
      span->key_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
      span->key_ends = g_array_new (FALSE, FALSE, sizeof (gsize));
    }

  *i = skip_space (w, *i + 1);
  if (*i < w->length && w->text[*i] == close)
    {
      span->end = ++*i;
      return g_steal_pointer (&span);
    }

  while (*i < w->length)
    {
      Span *child;

      if (is_object)
        {
          gsize key_end;

          if (w->text[*i] != '"' || (key_end = skip_string (w, *i)) == 0)
            return NULL;
          g_array_append_val (span->key_starts, *i);
          g_array_append_val (span->key_ends, key_end);
          g_ptr_array_add (span->keys, decode_string (w->text, *i, key_end));
          *i = skip_space (w, key_end);
          if (*i >= w->length || w->text[*i] != ':')
            return NULL;
          *i = skip_space (w, *i + 1);
        }

      child = scan_value (w, i, depth + 1);
      if (child == NULL)
        return NULL;
      g_ptr_array_add (span->children, child);

      *i = skip_space (w, *i);
      if (*i < w->length && w->text[*i] == ',')
        *i = skip_space (w, *i + 1);
      else if (*i < w->length && w->text[*i] == close)
        {
          span->end = ++*i;
          return g_steal_pointer (&span);
        }
      else
        return NULL;
    }

  return NULL;
}

static Span *
scan_value (const Writer *w,
            gsize        *i,
            guint         depth)
{
  Span *span;

  if (*i >= w->length || depth > 512)
    return NULL;

  switch (w->text[*i])
    {
    case '{':
      return scan_container (w, i, depth, TRUE);
    case '[':
      return scan_container (w, i, depth, FALSE);
    case '"':
      span = g_new0 (Span, 1);
      span->type = JSON_NODE_VALUE;
      span->start = *i;
      span->end = skip_string (w, *i);
      if (span->end == 0)
        {
          span_free (span);
          return NULL;
        }
      *i = span->end;
      return span;
    default:
      span = g_new0 (Span, 1);
      span->start = *i;
      while (*i < w->length && strchr (",]} \t\r\n", w->text[*i]) == NULL)
        ++*i;
      span->end = *i;
      span->type = span->end - span->start == 4 && memcmp (w->text + span->start, "null", 4) == 0
                     ? JSON_NODE_NULL : JSON_NODE_VALUE;
      if (span->end == span->start)
        {
          span_free (span);
          return NULL;
        }
      return span;
    }
}

static gboolean
is_number_text (const char *text,
                gsize       length)
{
  return length > 0 && (text[0] == '-' || g_ascii_isdigit (text[0]));
}

/* Whether @node means what the text of @span says. */
static gboolean
span_equals (const Writer *w,
             const Span   *span,
             JsonNode     *node)
{
  const char *raw = w->text + span->start;
  gsize raw_length = span->end - span->start;

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_NULL:
      return span->type == JSON_NODE_NULL;

    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);

        if (span->type != JSON_NODE_OBJECT || span->children->len != json_object_get_size (object))
          return FALSE;
        for (guint k = 0; k < span->children->len; k++)
          {
            JsonNode *member = json_object_get_member (object, g_ptr_array_index (span->keys, k));

            if (member == NULL || !span_equals (w, g_ptr_array_index (span->children, k), member))
              return FALSE;
          }
        return TRUE;
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        if (span->type != JSON_NODE_ARRAY || span->children->len != json_array_get_length (array))
          return FALSE;
        for (guint k = 0; k < span->children->len; k++)
          if (!span_equals (w, g_ptr_array_index (span->children, k), json_array_get_element (array, k)))
            return FALSE;
        return TRUE;
      }

    case JSON_NODE_VALUE:
      if (span->type != JSON_NODE_VALUE)
        return FALSE;
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          {
            g_autofree char *decoded = NULL;

            if (raw[0] != '"')
              return FALSE;
            decoded = decode_string (w->text, span->start, span->end);
            return g_strcmp0 (decoded, json_node_get_string (node)) == 0;
          }
        case G_TYPE_BOOLEAN:
          return json_node_get_boolean (node) ? raw_length == 4 && memcmp (raw, "true", 4) == 0
                                              : raw_length == 5 && memcmp (raw, "false", 5) == 0;
        case G_TYPE_INT64:
        case G_TYPE_DOUBLE:
          {
            g_autofree char *number = g_strndup (raw, raw_length);

            if (!is_number_text (raw, raw_length))
              return FALSE;
            return g_ascii_strtod (number, NULL) == json_node_get_double (node);
          }
        default:
          return FALSE;
        }
    }

  return FALSE;
}

static void
append_escaped (GString    *out,
                const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if ((guchar) *p < 0x20)
            g_string_append_printf (out, "\\u%04x", (guchar) *p);
          else
            g_string_append_c (out, *p);
        }
    }
  g_string_append_c (out, '"');
}

/* The shortest text that reads back as @value, with a decimal point when it
 * is whole, as a double is written. */
static void
append_double (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      g_string_append (out, "null");
      return;
    }
  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  g_string_append (out, buffer);
  if (strpbrk (buffer, ".eEn") == NULL)
    g_string_append (out, ".0");
}

/* Writes @node in the file's style; @indent is the indentation of the line
 * it starts on. */
static void
write_node (const Writer *w,
            GString      *out,
            JsonNode     *node,
            const char   *indent)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;

    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);
        g_autofree char *inner = g_strconcat (indent, w->unit, NULL);

        if (members == NULL)
          {
            g_string_append (out, "{}");
            break;
          }
        g_string_append_c (out, '{');
        for (GList *l = members; l != NULL; l = l->next)
          {
            g_string_append_printf (out, "%s%s%s", l != members ? "," : "", w->newline, inner);
            append_escaped (out, l->data);
            g_string_append (out, w->colon);
            write_node (w, out, json_object_get_member (object, l->data), inner);
          }
        g_string_append_printf (out, "%s%s}", w->newline, indent);
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);
        g_autofree char *inner = g_strconcat (indent, w->unit, NULL);

        if (n == 0)
          {
            g_string_append (out, "[]");
            break;
          }
        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            g_string_append_printf (out, "%s%s%s", i > 0 ? "," : "", w->newline, inner);
            write_node (w, out, json_array_get_element (array, i), inner);
          }
        g_string_append_printf (out, "%s%s]", w->newline, indent);
      }
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          append_escaped (out, json_node_get_string (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          append_double (out, json_node_get_double (node));
          break;
        default:
          g_string_append (out, "null");
          break;
        }
      break;
    }
}

/* The whitespace that starts the line holding @offset. */
static char *
line_indent (const Writer *w,
             gsize         offset)
{
  gsize start = offset, end;

  while (start > 0 && w->text[start - 1] != '\n')
    start--;
  for (end = start; end < offset && (w->text[end] == ' ' || w->text[end] == '\t'); end++)
    ;
  return g_strndup (w->text + start, end - start);
}

/* What separates two members or elements of @span, to join a new one in the
 * same way: the text between its first two, or a newline and the first's
 * indentation. */
static char *
separator (const Writer *w,
           const Span   *span,
           const char   *indent)
{
  const Span *first, *second;

  if (span->children->len >= 2)
    {
      gsize second_start;

      first = g_ptr_array_index (span->children, 0);
      second = g_ptr_array_index (span->children, 1);
      second_start = span->keys != NULL ? g_array_index (span->key_starts, gsize, 1) : second->start;
      return g_strndup (w->text + first->end, second_start - first->end);
    }
  if (span->children->len == 1)
    {
      gsize first_start = span->keys != NULL ? g_array_index (span->key_starts, gsize, 0)
                                              : ((Span *) g_ptr_array_index (span->children, 0))->start;
      g_autofree char *first_indent = line_indent (w, first_start);

      return g_strconcat (",", w->newline, first_indent, NULL);
    }
  return g_strconcat (",", w->newline, indent, w->unit, NULL);
}

static void write_span (const Writer *w,
                        GString      *out,
                        const Span   *span,
                        JsonNode     *node);

/* The indentation that follows the last newline of @lead, or @fallback. */
static char *
indent_of_lead (const char *lead,
                const char *fallback)
{
  const char *newline = strrchr (lead, '\n');

  return g_strdup (newline != NULL ? newline + 1 : fallback);
}

static void
write_members (const Writer *w,
               GString      *out,
               const Span   *span,
               JsonNode     *node)
{
  gboolean is_object = span->type == JSON_NODE_OBJECT;
  JsonObject *object = is_object ? json_node_get_object (node) : NULL;
  JsonArray *array = is_object ? NULL : json_node_get_array (node);
  g_autofree char *indent = line_indent (w, span->start);
  g_autofree char *join = separator (w, span, indent);
  g_autofree char *first_lead = NULL;
  g_autofree char *new_indent = NULL;
  guint n_old = span->children->len;
  gboolean written = FALSE;

#define CHILD_START(k) (is_object ? g_array_index (span->key_starts, gsize, (k)) \
                                  : ((Span *) g_ptr_array_index (span->children, (k)))->start)
#define CHILD_END(k) (((Span *) g_ptr_array_index (span->children, (k)))->end)
#define LEAD(k) ((k) == 0 ? span->start + 1 : CHILD_END ((k) - 1))

  first_lead = n_old > 0 ? g_strndup (w->text + span->start + 1, CHILD_START (0) - span->start - 1)
                         : g_strconcat (w->newline, indent, w->unit, NULL);
  new_indent = indent_of_lead (n_old > 0 ? join : first_lead, indent);

  g_string_append_c (out, is_object ? '{' : '[');

  if (is_object)
    {
      g_autoptr(GList) members = json_object_get_members (object);

      /* In the document's order: a member kept is written with the text
       * that led to it, one added where the document has it, joined as
       * its neighbours are. */
      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *member = json_object_get_member (object, l->data);
          int k = -1;

          for (guint j = 0; j < n_old && k < 0; j++)
            if (g_str_equal (g_ptr_array_index (span->keys, j), l->data))
              k = (int) j;

          if (k >= 0)
            {
              gsize key_start = CHILD_START (k);
              const Span *value = g_ptr_array_index (span->children, k);

              if (!written)
                g_string_append (out, first_lead);
              else if (k > 0)
                g_string_append_len (out, w->text + LEAD (k), key_start - LEAD (k));
              else
                g_string_append (out, join);
              g_string_append_len (out, w->text + key_start, value->start - key_start);
              write_span (w, out, value, member);
            }
          else
            {
              g_string_append (out, written ? join : first_lead);
              append_escaped (out, l->data);
              g_string_append (out, w->colon);
              write_node (w, out, member, new_indent);
            }
          written = TRUE;
        }
    }
  else
    {
      guint n_new = json_array_get_length (array);
      guint prefix = 0, suffix = 0, middle_old;

      /* Elements kept at the start and at the end are matched as they are,
       * so that an insertion or a deletion anywhere touches only itself;
       * those in between are paired in order, which keeps an edited element
       * in place. */
      while (prefix < n_old && prefix < n_new &&
             span_equals (w, g_ptr_array_index (span->children, prefix), json_array_get_element (array, prefix)))
        prefix++;
      while (suffix < n_old - prefix && suffix < n_new - prefix &&
             span_equals (w, g_ptr_array_index (span->children, n_old - 1 - suffix),
                          json_array_get_element (array, n_new - 1 - suffix)))
        suffix++;
      middle_old = n_old - prefix - suffix;

      for (guint i = 0; i < n_new; i++)
        {
          gint old_index;

          if (i < prefix)
            old_index = i;
          else if (i >= n_new - suffix)
            old_index = (gint) (n_old - (n_new - i));
          else if (i - prefix < middle_old)
            old_index = (gint) i;
          else
            old_index = -1;

          if (old_index >= 0)
            {
              if (!written)
                g_string_append (out, first_lead);
              else if (old_index > 0)
                g_string_append_len (out, w->text + LEAD (old_index), CHILD_START (old_index) - LEAD (old_index));
              else
                g_string_append (out, join);
              write_span (w, out, g_ptr_array_index (span->children, old_index), json_array_get_element (array, i));
            }
          else
            {
              g_string_append (out, written ? join : first_lead);
              write_node (w, out, json_array_get_element (array, i), new_indent);
            }
          written = TRUE;
        }
    }

  if (n_old > 0 && written)
    g_string_append_len (out, w->text + CHILD_END (n_old - 1), span->end - CHILD_END (n_old - 1));
  else if (written)
    g_string_append_printf (out, "%s%s%c", w->newline, indent, is_object ? '}' : ']');
  else
    g_string_append_c (out, is_object ? '}' : ']');

#undef CHILD_START
#undef CHILD_END
#undef LEAD
}

static void
write_span (const Writer *w,
            GString      *out,
            const Span   *span,
            JsonNode     *node)
{
  JsonNodeType type = json_node_get_node_type (node);

  if (span_equals (w, span, node))
    g_string_append_len (out, w->text + span->start, span->end - span->start);
  else if (type == span->type && (type == JSON_NODE_OBJECT || type == JSON_NODE_ARRAY))
    write_members (w, out, span, node);
  else
    {
      g_autofree char *indent = line_indent (w, span->start);

      write_node (w, out, node, indent);
    }
}

static void
detect_style (Writer     *w,
              const Span *root)
{
  const char *newline = memchr (w->text, '\n', w->length);

  w->newline = newline != NULL && newline > w->text && newline[-1] == '\r' ? "\r\n" : "\n";
  w->unit = g_strdup ("  ");
  w->colon = g_strdup (": ");

  if (root->type == JSON_NODE_OBJECT || root->type == JSON_NODE_ARRAY)
    {
      if (root->children->len > 0)
        {
          gsize first = root->keys != NULL ? g_array_index (root->key_starts, gsize, 0)
                                           : ((Span *) g_ptr_array_index (root->children, 0))->start;
          g_autofree char *indent = line_indent (w, first);

          if (indent[0] != '\0')
            {
              g_free (w->unit);
              w->unit = g_steal_pointer (&indent);
            }
        }
      if (root->keys != NULL && root->children->len > 0)
        {
          gsize key_end = g_array_index (root->key_ends, gsize, 0);
          const Span *value = g_ptr_array_index (root->children, 0);

          g_free (w->colon);
          w->colon = g_strndup (w->text + key_end, value->start - key_end);
        }
    }
}

/**
 * mer_json_writer_update:
 * @original: the text the document was read from
 * @length: its length in bytes
 * @root: the document to write
 *
 * Writes @root as the new version of @original, keeping every byte of
 * what did not change; what changed is written in the file's own style.
 * Writing the document read from @original gives @original back.
 *
 * Returns: (transfer full) (nullable): the new text, or %NULL if @original
 *   is not JSON
 */
char *
mer_json_writer_update (const char  *original,
                        gsize        length,
                        JsonNode    *root,
                        GError     **error)
{
  Writer w = { original, length, NULL, NULL, NULL };
  g_autoptr(Span) span = NULL;
  GString *out;
  gsize i;

  g_return_val_if_fail (original != NULL, NULL);
  g_return_val_if_fail (root != NULL, NULL);

  i = skip_space (&w, length >= 3 && memcmp (original, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0);
  span = scan_value (&w, &i, 0);
  if (span == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "the file is not JSON");
      return NULL;
    }

  detect_style (&w, span);
  out = g_string_sized_new (length + 256);
  g_string_append_len (out, original, span->start);
  write_span (&w, out, span, root);
  g_string_append_len (out, original + span->end, length - span->end);

  g_free (w.unit);
  g_free (w.colon);
  return g_string_free (out, FALSE);
}

/**
 * mer_json_writer_to_text:
 * @root: a document
 * @indent: one level of indentation
 * @newline: the line end
 *
 * Writes a new document the way mer_json_writer_update() writes new
 * members, ending with a newline.
 *
 * Returns: (transfer full): the text
 */
char *
mer_json_writer_to_text (JsonNode   *root,
                         const char *indent,
                         const char *newline)
{
  Writer w = { "", 0, (char *) indent, (char *) ": ", newline };
  GString *out = g_string_new (NULL);

  write_node (&w, out, root, "");
  g_string_append (out, newline);
  return g_string_free (out, FALSE);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-import-json"

#include "config.h"

#include "mer-import-json.h"

#include "mer-import.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* json-glib's parser does not say where a value is, and the importers must
 * point at the value a message is about; a recursive descent over the bytes
 * records each value's offset as it builds the same JsonNode trees. Nesting
 * is bounded so that recursion cannot overflow the stack. */

struct _MerImportJson
{
  /* Owned */
  JsonNode   *root;
  GHashTable *offsets;      /* JsonNode → offset + 1 */
  GArray     *line_starts;  /* gsize, built when a message first needs it */
  gsize       cached_offset; /* the last offset given a column, and its column: */
  guint       cached_column; /* messages come in order, and a whole file may be one line */
  guint       cached_line;

  /* Borrowed */
  const char *data;
  gsize       length;
};

typedef struct {
  MerImportJson *json;
  const char    *p;
  const char    *end;
  guint          depth;
  const char    *error_at;
  char          *error_message;
} Parser;

static gboolean
fail (Parser     *parser,
      const char *at,
      const char *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (Parser     *parser,
      const char *at,
      const char *format,
      ...)
{
  va_list args;

  if (parser->error_message != NULL)
    return FALSE;

  va_start (args, format);
  parser->error_message = g_strdup_vprintf (format, args);
  va_end (args);
  parser->error_at = at;
  return FALSE;
}

static void
skip_space (Parser *parser)
{
  while (parser->p < parser->end &&
         (*parser->p == ' ' || *parser->p == '\t' || *parser->p == '\n' || *parser->p == '\r'))
    parser->p++;
}

/* Names the character at @p for a message: "`}'", "the end of the file". */
static char *
describe_at (Parser     *parser,
             const char *p)
{
  gunichar c;

  if (p >= parser->end)
    return g_strdup ("the end of the file");

  c = g_utf8_get_char (p);
  if (c < 0x20)
    return g_strdup_printf ("control character U+%04X", c);
  return g_strdup_printf ("`%.*s'", (int) (g_utf8_next_char (p) - p), p);
}

static void
remember (Parser     *parser,
          JsonNode   *node,
          const char *at)
{
  g_hash_table_insert (parser->json->offsets, node,
                       GSIZE_TO_POINTER ((gsize) (at - parser->json->data) + 1));
}

static JsonNode *parse_value (Parser *parser);

static gboolean
read_hex4 (Parser   *parser,
           guint    *value)
{
  guint v = 0;

  if (parser->end - parser->p < 4)
    return fail (parser, parser->p, "a \\u escape needs four hexadecimal digits");

  for (guint i = 0; i < 4; i++)
    {
      int d = g_ascii_xdigit_value (parser->p[i]);

      if (d < 0)
        return fail (parser, parser->p, "a \\u escape needs four hexadecimal digits");
      v = v * 16 + (guint) d;
    }

  parser->p += 4;
  *value = v;
  return TRUE;
}

/* At the opening quote; returns the decoded string. */
static char *
parse_string (Parser *parser)
{
  g_autoptr(GString) s = g_string_new (NULL);
  const char *start = parser->p;

  parser->p++;
  for (;;)
    {
      const char *run = parser->p;

      while (parser->p < parser->end && *parser->p != '"' && *parser->p != '\\' &&
             (guchar) *parser->p >= 0x20)
        parser->p++;
      g_string_append_len (s, run, parser->p - run);

      if (parser->p >= parser->end)
        {
          fail (parser, start, "the string is not closed");
          return NULL;
        }

      if (*parser->p == '"')
        {
          parser->p++;
          return g_string_free (g_steal_pointer (&s), FALSE);
        }

      if (*parser->p != '\\')
        {
          g_autofree char *what = describe_at (parser, parser->p);

          fail (parser, parser->p, "%s is not allowed in a string (write it escaped)", what);
          return NULL;
        }

      parser->p++;
      if (parser->p >= parser->end)
        {
          fail (parser, start, "the string is not closed");
          return NULL;
        }

      switch (*parser->p++)
        {
        case '"': g_string_append_c (s, '"'); break;
        case '\\': g_string_append_c (s, '\\'); break;
        case '/': g_string_append_c (s, '/'); break;
        case 'b': g_string_append_c (s, '\b'); break;
        case 'f': g_string_append_c (s, '\f'); break;
        case 'n': g_string_append_c (s, '\n'); break;
        case 'r': g_string_append_c (s, '\r'); break;
        case 't': g_string_append_c (s, '\t'); break;
        case 'u':
          {
            const char *escape = parser->p - 2;
            guint unit, low;

            if (!read_hex4 (parser, &unit))
              return NULL;

            if (unit >= 0xD800 && unit <= 0xDBFF)
              {
                if (parser->end - parser->p < 2 || parser->p[0] != '\\' || parser->p[1] != 'u')
                  {
                    fail (parser, escape, "a high surrogate \\u%04X must be followed by a low one", unit);
                    return NULL;
                  }
                parser->p += 2;
                if (!read_hex4 (parser, &low))
                  return NULL;
                if (low < 0xDC00 || low > 0xDFFF)
                  {
                    fail (parser, escape, "a high surrogate \\u%04X must be followed by a low one", unit);
                    return NULL;
                  }
                unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
              }
            else if (unit >= 0xDC00 && unit <= 0xDFFF)
              {
                fail (parser, escape, "a low surrogate \\u%04X without a high one", unit);
                return NULL;
              }
            else if (unit == 0)
              {
                fail (parser, escape, "\\u0000 is not allowed in a string");
                return NULL;
              }

            g_string_append_unichar (s, unit);
          }
          break;
        default:
          {
            const char *c = parser->p - 1;

            fail (parser, parser->p - 2, "invalid escape \\%.*s in a string",
                  (int) (g_utf8_next_char (c) - c), c);
            return NULL;
          }
        }
    }
}

static JsonNode *
parse_number (Parser *parser)
{
  const char *start = parser->p;
  const char *p = parser->p;
  gboolean integral = TRUE;
  g_autofree char *text = NULL;
  JsonNode *node;

  if (p < parser->end && *p == '-')
    p++;
  if (p >= parser->end || !g_ascii_isdigit (*p))
    {
      fail (parser, start, "a number needs a digit after the sign");
      return NULL;
    }
  if (*p == '0' && p + 1 < parser->end && g_ascii_isdigit (p[1]))
    {
      fail (parser, start, "a number must not start with 0");
      return NULL;
    }
  while (p < parser->end && g_ascii_isdigit (*p))
    p++;

  if (p < parser->end && *p == '.')
    {
      integral = FALSE;
      p++;
      if (p >= parser->end || !g_ascii_isdigit (*p))
        {
          fail (parser, start, "a number needs a digit after its decimal point");
          return NULL;
        }
      while (p < parser->end && g_ascii_isdigit (*p))
        p++;
    }

  if (p < parser->end && (*p == 'e' || *p == 'E'))
    {
      integral = FALSE;
      p++;
      if (p < parser->end && (*p == '+' || *p == '-'))
        p++;
      if (p >= parser->end || !g_ascii_isdigit (*p))
        {
          fail (parser, start, "a number needs a digit in its exponent");
          return NULL;
        }
      while (p < parser->end && g_ascii_isdigit (*p))
        p++;
    }

  text = g_strndup (start, p - start);
  parser->p = p;

  if (integral)
    {
      gint64 v;

      errno = 0;
      v = g_ascii_strtoll (text, NULL, 10);
      if (errno == 0)
        {
          node = json_node_init_int (json_node_alloc (), v);
          remember (parser, node, start);
          return node;
        }
    }

  node = json_node_init_double (json_node_alloc (), g_ascii_strtod (text, NULL));
  remember (parser, node, start);
  return node;
}

static gboolean
expect_word (Parser     *parser,
             const char *word)
{
  gsize n = strlen (word);

  if ((gsize) (parser->end - parser->p) >= n && memcmp (parser->p, word, n) == 0)
    {
      parser->p += n;
      return TRUE;
    }

  return FALSE;
}

static JsonNode *
parse_object (Parser *parser)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), NULL);
  g_autoptr(JsonObject) object = json_object_new ();

  remember (parser, node, parser->p);
  parser->p++;
  skip_space (parser);
  if (parser->p < parser->end && *parser->p == '}')
    {
      parser->p++;
      json_node_take_object (node, g_steal_pointer (&object));
      return g_steal_pointer (&node);
    }

  for (;;)
    {
      g_autofree char *name = NULL;
      JsonNode *value;

      skip_space (parser);
      if (parser->p >= parser->end || *parser->p != '"')
        {
          g_autofree char *what = describe_at (parser, parser->p);

          fail (parser, parser->p, "unexpected %s, expected a member name in double quotes", what);
          return NULL;
        }

      name = parse_string (parser);
      if (name == NULL)
        return NULL;

      skip_space (parser);
      if (parser->p >= parser->end || *parser->p != ':')
        {
          g_autofree char *what = describe_at (parser, parser->p);

          fail (parser, parser->p, "unexpected %s, expected `:' after the member name", what);
          return NULL;
        }
      parser->p++;

      value = parse_value (parser);
      if (value == NULL)
        return NULL;
      json_object_set_member (object, name, value);

      skip_space (parser);
      if (parser->p < parser->end && *parser->p == ',')
        {
          const char *comma = parser->p++;

          skip_space (parser);
          if (parser->p < parser->end && *parser->p == '}')
            {
              fail (parser, comma, "trailing comma: nothing may follow the last comma in an object or array");
              return NULL;
            }
          continue;
        }
      if (parser->p < parser->end && *parser->p == '}')
        {
          parser->p++;
          json_node_take_object (node, g_steal_pointer (&object));
          return g_steal_pointer (&node);
        }

      {
        g_autofree char *what = describe_at (parser, parser->p);

        fail (parser, parser->p, "unexpected %s, expected `,' or `}'", what);
        return NULL;
      }
    }
}

static JsonNode *
parse_array (Parser *parser)
{
  g_autoptr(JsonNode) node = json_node_init_array (json_node_alloc (), NULL);
  g_autoptr(JsonArray) array = json_array_new ();

  remember (parser, node, parser->p);
  parser->p++;
  skip_space (parser);
  if (parser->p < parser->end && *parser->p == ']')
    {
      parser->p++;
      json_node_take_array (node, g_steal_pointer (&array));
      return g_steal_pointer (&node);
    }

  for (;;)
    {
      JsonNode *value = parse_value (parser);

      if (value == NULL)
        return NULL;
      json_array_add_element (array, value);

      skip_space (parser);
      if (parser->p < parser->end && *parser->p == ',')
        {
          const char *comma = parser->p++;

          skip_space (parser);
          if (parser->p < parser->end && *parser->p == ']')
            {
              fail (parser, comma, "trailing comma: nothing may follow the last comma in an object or array");
              return NULL;
            }
          continue;
        }
      if (parser->p < parser->end && *parser->p == ']')
        {
          parser->p++;
          json_node_take_array (node, g_steal_pointer (&array));
          return g_steal_pointer (&node);
        }

      {
        g_autofree char *what = describe_at (parser, parser->p);

        fail (parser, parser->p, "unexpected %s, expected `,' or `]'", what);
        return NULL;
      }
    }
}

static JsonNode *
parse_value (Parser *parser)
{
  const char *start;
  JsonNode *node = NULL;

  skip_space (parser);
  start = parser->p;
  if (parser->p >= parser->end)
    {
      fail (parser, parser->p, "unexpected end of the file, expected a value");
      return NULL;
    }

  switch (*parser->p)
    {
    case '{':
    case '[':
      if (parser->depth == MER_IMPORT_JSON_MAX_DEPTH)
        {
          fail (parser, start, "nested deeper than %d levels", MER_IMPORT_JSON_MAX_DEPTH);
          return NULL;
        }
      parser->depth++;
      node = *parser->p == '{' ? parse_object (parser) : parse_array (parser);
      parser->depth--;
      return node;

    case '"':
      {
        g_autofree char *text = parse_string (parser);

        if (text == NULL)
          return NULL;
        node = json_node_init_string (json_node_alloc (), text);
        remember (parser, node, start);
        return node;
      }

    case 't':
    case 'f':
    case 'n':
      if (expect_word (parser, "true"))
        node = json_node_init_boolean (json_node_alloc (), TRUE);
      else if (expect_word (parser, "false"))
        node = json_node_init_boolean (json_node_alloc (), FALSE);
      else if (expect_word (parser, "null"))
        node = json_node_init_null (json_node_alloc ());
      break;

    default:
      if (*parser->p == '-' || g_ascii_isdigit (*parser->p))
        return parse_number (parser);
      break;
    }

  if (node == NULL)
    {
      g_autofree char *what = describe_at (parser, start);

      fail (parser, start, "unexpected character %s, expected a value", what);
      return NULL;
    }

  remember (parser, node, start);
  return node;
}

/**
 * mer_import_text_locate:
 * @offset: a byte offset into @data
 * @line: (out): its 1-based line
 * @column: (out): its 1-based column, in characters
 *
 * For a single message; mer_import_json_locate() is faster for many.
 */
void
mer_import_text_locate (const char *data,
                        gsize       length,
                        gsize       offset,
                        guint      *line,
                        guint      *column)
{
  gsize start = 0;
  guint l = 1;

  offset = MIN (offset, length);
  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      {
        l++;
        start = i + 1;
      }

  *line = l;
  *column = (guint) g_utf8_strlen (data + start, (gssize) (offset - start)) + 1;
}

/**
 * mer_import_json_parse:
 * @data: UTF-8 text, without a byte order mark
 * @error_line: (out) (optional): where the first syntax error is, when there is one
 * @error_column: (out) (optional): its column, in characters
 * @error: a #MER_IMPORT_ERROR_SYNTAX saying what is wrong
 *
 * @data must stay alive as long as the result.
 *
 * Returns: (transfer full) (nullable): the parsed text
 */
MerImportJson *
mer_import_json_parse (const char  *data,
                       gsize        length,
                       guint       *error_line,
                       guint       *error_column,
                       GError     **error)
{
  g_autoptr(MerImportJson) self = g_new0 (MerImportJson, 1);
  Parser parser = { 0 };
  const char *invalid;
  guint line, column;

  self->data = data;
  self->length = length;
  self->offsets = g_hash_table_new (NULL, NULL);

  if (!g_utf8_validate_len (data, length, &invalid))
    {
      mer_import_text_locate (data, length, (gsize) (invalid - data), &line, &column);
      if (error_line != NULL)
        *error_line = line;
      if (error_column != NULL)
        *error_column = column;
      g_set_error_literal (error, MER_IMPORT_ERROR, MER_IMPORT_ERROR_SYNTAX, "the file is not valid UTF-8 text");
      return NULL;
    }

  parser.json = self;
  parser.p = data;
  parser.end = data + length;

  self->root = parse_value (&parser);
  if (self->root != NULL)
    {
      skip_space (&parser);
      if (parser.p < parser.end)
        {
          g_autofree char *what = describe_at (&parser, parser.p);

          fail (&parser, parser.p, "unexpected %s after the end of the document", what);
        }
    }

  if (parser.error_message != NULL)
    {
      mer_import_text_locate (data, length, (gsize) (parser.error_at - data), &line, &column);
      if (error_line != NULL)
        *error_line = line;
      if (error_column != NULL)
        *error_column = column;
      g_set_error_literal (error, MER_IMPORT_ERROR, MER_IMPORT_ERROR_SYNTAX, parser.error_message);
      g_free (parser.error_message);
      return NULL;
    }

  return g_steal_pointer (&self);
}

void
mer_import_json_free (MerImportJson *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->root, json_node_unref);
  g_clear_pointer (&self->offsets, g_hash_table_unref);
  g_clear_pointer (&self->line_starts, g_array_unref);
  g_free (self);
}

JsonNode *
mer_import_json_get_root (MerImportJson *self)
{
  return self->root;
}

/**
 * mer_import_json_locate:
 * @node: a node of the parsed tree
 * @line: (out): the 1-based line where @node starts
 * @column: (out) (optional): its 1-based column, in characters; counting
 *   them costs a scan of the line, so pass %NULL when only the line is needed
 *
 * Sets both to 0 for a node that is not from the text.
 */
void
mer_import_json_locate (MerImportJson *self,
                        JsonNode      *node,
                        guint         *line,
                        guint         *column)
{
  gsize offset = GPOINTER_TO_SIZE (g_hash_table_lookup (self->offsets, node));
  guint lo, hi;
  gsize start;

  *line = 0;
  if (column != NULL)
    *column = 0;
  if (offset == 0)
    return;
  offset--;

  if (self->line_starts == NULL)
    {
      gsize zero = 0;

      self->line_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
      g_array_append_val (self->line_starts, zero);
      for (const char *p = self->data; (p = memchr (p, '\n', self->length - (gsize) (p - self->data))) != NULL;)
        {
          gsize next = (gsize) (++p - self->data);

          g_array_append_val (self->line_starts, next);
        }
    }

  lo = 0;
  hi = self->line_starts->len;
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (self->line_starts, gsize, mid) <= offset)
        lo = mid;
      else
        hi = mid;
    }

  start = g_array_index (self->line_starts, gsize, lo);
  *line = lo + 1;
  if (column == NULL)
    return;

  if (self->cached_line == *line && self->cached_offset <= offset)
    *column = self->cached_column +
              (guint) g_utf8_strlen (self->data + self->cached_offset, (gssize) (offset - self->cached_offset));
  else
    *column = (guint) g_utf8_strlen (self->data + start, (gssize) (offset - start)) + 1;

  self->cached_line = *line;
  self->cached_offset = offset;
  self->cached_column = *column;
}

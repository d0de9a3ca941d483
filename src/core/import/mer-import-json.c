/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-import-json"

#include "config.h"

#include "mer-import-json.h"

#include "mer-import.h"
#include "mer-import-private.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>


/* json-glib's parser does not say where a value is, and the importers must
 * point at the value a message is about. A recursive descent over the bytes
 * builds the same JsonNode trees with their parents set; where a node starts
 * is found only when a message asks, by walking from the start of its tree
 * down the members and elements that lead to it, as the loader's reader
 * does (remembering every node's offset cost a hash table insertion and
 * removal per value, a fifth of an import). Nesting is bounded so that
 * recursion cannot overflow the stack.
 *
 * The top-level "features" array (GeoJSON's) is only scanned for where its
 * elements begin and end; each is parsed, with the same checks and
 * messages, when the importer asks for it, and let go of once converted. */

/* Pages of a mapped file are given back this many bytes at a time. */
#define RELEASE_STEP (1 << 20)

struct _MerImportJson
{
  /* Owned */
  JsonNode   *root;
  gsize       root_offset;
  GHashTable *elements;     /* a live element of the lazy array → its offset + 1 */
  GArray     *marks;        /* WalkMark, by depth: where the last walk went */
  JsonNode   *marks_top;    /* the tree the marks are in */
  GArray     *line_starts;  /* gsize, built when a message first needs it */
  gsize       cached_offset; /* the last offset given a column, and its column: */
  guint       cached_column; /* messages come in order, and a whole file may be one line */
  guint       cached_line;

  /* The top-level "features" array, whose elements are parsed one at a
   * time (mer_import_json_parse_element()): a GeoJSON feed of 100,000
   * features would otherwise be held whole as JSON nodes, many times its
   * size. */
  JsonNode   *lazy_array;    /* borrowed: empty, in the tree */
  GArray     *lazy_starts;   /* gsize: each element's first byte */
  GArray     *lazy_ends;     /* gsize: after its last */

  /* Borrowed */
  const char *data;
  gsize       length;
  gboolean    mapped;        /* @data is a read-only file mapping */
  gsize       released;      /* its pages before this were given back */
};

/* A walk's step at one depth, kept so that the next walk, to the same
 * member or a later element of the same container, starts from it: the
 * importers locate the elements of an array in order. */
typedef struct {
  JsonNode   *container;
  const char *name;         /* the member's name, or %NULL for an element */
  guint       index;
  gsize       offset;       /* where the member's value or the element starts */
} WalkMark;

typedef struct {
  MerImportJson *json;
  const char    *p;
  const char    *end;
  guint          depth;
  const char    *error_at;
  char          *error_message;
  GString       *text;      /* scratch for the string being read */
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

/* At the opening quote; returns the decoded string, which lives in
 * parser->text until the next string is read. */
static const char *
parse_string (Parser *parser)
{
  GString *s = parser->text;
  const char *start = parser->p;

  g_string_truncate (s, 0);

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
          return s->str;
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
  char buffer[64];
  const char *text;
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

  /* The bytes after a number may be the end of the file's mapping. */
  if ((gsize) (p - start) < sizeof buffer)
    {
      memcpy (buffer, start, p - start);
      buffer[p - start] = '\0';
      text = buffer;
    }
  else
    {
      g_string_truncate (parser->text, 0);
      g_string_append_len (parser->text, start, p - start);
      text = parser->text->str;
    }
  parser->p = p;

  if (integral)
    {
      gint64 v;

      errno = 0;
      v = g_ascii_strtoll (text, NULL, 10);
      if (errno == 0)
        {
          node = json_node_init_int (json_node_alloc (), v);
          return node;
        }
    }

  node = json_node_init_double (json_node_alloc (), g_ascii_strtod (text, NULL));
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

/* Past a string, at its opening quote; %NULL if it is not closed. */
static const char *
skip_string (const char *p,
             const char *end)
{
  /* memchr() finds the quote; the backslashes before it say whether it
   * is escaped (an odd number) or closes the string. */
  for (p++; p < end;)
    {
      const char *quote = memchr (p, '"', (gsize) (end - p));
      const char *q;

      if (quote == NULL)
        return NULL;
      for (q = quote; q > p && q[-1] == '\\'; q--)
        ;
      if ((quote - q) % 2 == 0)
        return quote + 1;
      p = quote + 1;
    }
  return NULL;
}

/* Past a value, without checking it: only strings and the depth of
 * brackets are followed. %NULL when the brackets do not balance. */
static const char *
skip_value (const char *p,
            const char *end)
{
  guint depth = 0;

  if (p < end && *p == '"')
    return skip_string (p, end);

  if (p < end && *p != '{' && *p != '[')
    {
      while (p < end && *p != ',' && *p != ']' && *p != '}' && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
        p++;
      return p;
    }

  while (p < end)
    {
      switch (*p)
        {
        case '"':
          p = skip_string (p, end);
          if (p == NULL)
            return NULL;
          continue;
        case '{':
        case '[':
          depth++;
          break;
        case '}':
        case ']':
          if (--depth == 0)
            return p + 1;
          break;
        default:
          break;
        }
      p++;
    }
  return NULL;
}

/* At the '[' of the top-level "features" array: finds where its elements
 * are. Anything amiss between them (a missing or trailing comma, brackets
 * that do not balance) returns FALSE, and the array is then parsed whole,
 * which says what is wrong. */
static gboolean
scan_lazy_array (Parser *parser)
{
  MerImportJson *json = parser->json;
  const char *p = parser->p + 1;
  const char *end = parser->end;
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (gsize));

#define SKIP_SPACE() while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')) p++

  SKIP_SPACE ();
  if (p < end && *p == ']')
    p++;
  else
    for (;;)
      {
        gsize start = (gsize) (p - json->data), stop;

        if (p >= end || *p == ',' || *p == ']' || *p == '}')
          return FALSE;
        p = skip_value (p, end);
        if (p == NULL)
          return FALSE;
        stop = (gsize) (p - json->data);
        g_array_append_val (starts, start);
        g_array_append_val (ends, stop);

        SKIP_SPACE ();
        if (p < end && *p == ',')
          {
            p++;
            SKIP_SPACE ();
            continue;
          }
        if (p < end && *p == ']')
          {
            p++;
            break;
          }
        return FALSE;
      }

#undef SKIP_SPACE

  json->lazy_starts = g_steal_pointer (&starts);
  json->lazy_ends = g_steal_pointer (&ends);
  parser->p = p;
  return TRUE;
}

static JsonNode *
parse_object (Parser *parser)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), NULL);
  g_autoptr(JsonObject) object = json_object_new ();

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
      /* The name must outlive the value, which reuses parser->text. */
      char short_name[64];
      g_autofree char *long_name = NULL;
      const char *name;
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
      if (parser->text->len < sizeof short_name)
        name = memcpy (short_name, parser->text->str, parser->text->len + 1);
      else
        name = long_name = g_strndup (parser->text->str, parser->text->len);

      skip_space (parser);
      if (parser->p >= parser->end || *parser->p != ':')
        {
          g_autofree char *what = describe_at (parser, parser->p);

          fail (parser, parser->p, "unexpected %s, expected `:' after the member name", what);
          return NULL;
        }
      parser->p++;

      skip_space (parser);
      if (parser->depth == 1 && parser->json->lazy_array == NULL && g_str_equal (name, "features") &&
          parser->p < parser->end && *parser->p == '[')
        {
          if (scan_lazy_array (parser))
            {
              g_autoptr(JsonArray) empty = json_array_new ();

              value = json_node_init_array (json_node_alloc (), empty);
              json_node_set_parent (value, node);
              parser->json->lazy_array = value;
              json_object_set_member (object, name, value);
              goto next;
            }
        }

      value = parse_value (parser);
      if (value == NULL)
        return NULL;
      json_node_set_parent (value, node);
      json_object_set_member (object, name, value);

    next:

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
      json_node_set_parent (value, node);
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
        const char *text = parse_string (parser);

        if (text == NULL)
          return NULL;
        node = json_node_init_string (json_node_alloc (), text);
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

static void
add_syntax_error (GPtrArray  *errors,
                  const char *data,
                  gsize       length,
                  gsize       offset,
                  const char *message)
{
  MerImportJsonError *e = g_new0 (MerImportJsonError, 1);

  mer_import_text_locate (data, length, offset, &e->line, &e->column);
  e->message = g_strdup (message);
  g_ptr_array_add (errors, e);
}

static void
syntax_error_free (MerImportJsonError *e)
{
  g_free (e->message);
  g_free (e);
}

/**
 * mer_import_json_parse_all:
 * @data: UTF-8 text, without a byte order mark
 * @errors: (out) (optional) (transfer full): the syntax errors, in file
 *   order, as #MerImportJsonError, when the text has any
 *
 * A syntax error stops the parse, except that the elements of the lazy
 * "features" array are bounded by the scan that found them: when the text
 * after that array is broken, each element is parsed too, so that an error
 * inside one is reported before the later one, as it comes in the file.
 *
 * @data must stay alive as long as the result.
 *
 * Returns: (transfer full) (nullable): the parsed text, or %NULL when it has
 *   syntax errors
 */
MerImportJson *
mer_import_json_parse_all (const char  *data,
                           gsize        length,
                           GPtrArray  **errors)
{
  g_autoptr(MerImportJson) self = g_new0 (MerImportJson, 1);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) syntax_error_free);
  Parser parser = { 0 };
  const char *invalid;

  if (errors != NULL)
    *errors = NULL;
  self->data = data;
  self->length = length;
  self->elements = g_hash_table_new (NULL, NULL);
  self->marks = g_array_new (FALSE, FALSE, sizeof (WalkMark));

  if (!g_utf8_validate_len (data, length, &invalid))
    {
      add_syntax_error (found, data, length, (gsize) (invalid - data), "the file is not valid UTF-8 text");
      if (errors != NULL)
        *errors = g_steal_pointer (&found);
      return NULL;
    }

  parser.json = self;
  parser.p = data;
  parser.end = data + length;
  parser.text = g_string_new (NULL);

  skip_space (&parser);
  self->root_offset = (gsize) (parser.p - data);
  self->root = parse_value (&parser);
  g_string_free (parser.text, TRUE);
  if (self->root != NULL)
    {
      skip_space (&parser);
      if (parser.p < parser.end)
        {
          g_autofree char *what = describe_at (&parser, parser.p);

          fail (&parser, parser.p, "unexpected %s after the end of the document", what);
        }
    }

  if (parser.error_message == NULL)
    return g_steal_pointer (&self);

  /* The scan of the lazy array came before the error, so its elements
   * all lie before it. */
  for (guint i = 0; i < mer_import_json_get_n_elements (self); i++)
    {
      g_autoptr(GError) error = NULL;
      guint line, column;
      JsonNode *node = mer_import_json_parse_element (self, i, &line, &column, &error);

      if (node != NULL)
        mer_import_json_forget (self, node);
      else
        {
          MerImportJsonError *e = g_new0 (MerImportJsonError, 1);

          e->line = line;
          e->column = column;
          e->message = g_strdup (error->message);
          g_ptr_array_add (found, e);
        }
    }

  add_syntax_error (found, data, length, (gsize) (parser.error_at - data), parser.error_message);
  g_free (parser.error_message);
  if (errors != NULL)
    *errors = g_steal_pointer (&found);
  return NULL;
}

/**
 * mer_import_json_parse:
 * @data: UTF-8 text, without a byte order mark
 * @error_line: (out) (optional): where the first syntax error is, when there is one
 * @error_column: (out) (optional): its column, in characters
 * @error: a #MER_IMPORT_ERROR_SYNTAX saying what is wrong
 *
 * As mer_import_json_parse_all(), for a caller that needs only the first
 * syntax error.
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
  g_autoptr(GPtrArray) errors = NULL;
  MerImportJson *self = mer_import_json_parse_all (data, length, &errors);
  MerImportJsonError *first;

  if (self != NULL)
    return self;

  first = g_ptr_array_index (errors, 0);
  if (error_line != NULL)
    *error_line = first->line;
  if (error_column != NULL)
    *error_column = first->column;
  g_set_error_literal (error, MER_IMPORT_ERROR, MER_IMPORT_ERROR_SYNTAX, first->message);
  return NULL;
}

void
mer_import_json_free (MerImportJson *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->root, json_node_unref);
  g_clear_pointer (&self->elements, g_hash_table_unref);
  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_pointer (&self->lazy_starts, g_array_unref);
  g_clear_pointer (&self->lazy_ends, g_array_unref);
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
/* Past a member's name and its colon, at its value. */
static gsize
skip_to_value (MerImportJson *self,
               gsize          i)
{
  const char *end = self->data + self->length;
  const char *p = skip_string (self->data + i, end);

  while (p < end && *p != ':')
    p++;
  for (p++; p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'); p++)
    ;
  return (gsize) (p - self->data);
}

static gsize
skip_space_at (MerImportJson *self,
               gsize          i)
{
  while (i < self->length &&
         (self->data[i] == ' ' || self->data[i] == '\t' || self->data[i] == '\n' || self->data[i] == '\r'))
    i++;
  return i;
}

/* Whether the member name whose quote is at @i is @name. */
static gboolean
name_is (MerImportJson *self,
         gsize          i,
         const char    *name)
{
  const char *end = skip_string (self->data + i, self->data + self->length);
  gsize n = (gsize) (end - (self->data + i)) - 2;
  Parser parser = { .json = self, .p = self->data + i, .end = self->data + self->length };
  g_autoptr(GString) text = NULL;

  if (memchr (self->data + i + 1, '\\', n) == NULL)
    return n == strlen (name) && memcmp (self->data + i + 1, name, n) == 0;

  text = parser.text = g_string_new (NULL);
  return g_str_equal (parse_string (&parser), name);
}

/* From the '{' at @offset, to the value of member @name. The parse kept
 * the value given last when a name is given twice, so the last is found. */
static gboolean
walk_member (MerImportJson *self,
             gsize         *offset,
             const char    *name)
{
  gsize i = skip_space_at (self, *offset + 1);
  gboolean found = FALSE;

  while (i < self->length && self->data[i] == '"')
    {
      gboolean match = name_is (self, i, name);

      i = skip_to_value (self, i);
      if (match)
        {
          *offset = i;
          found = TRUE;
        }
      i = skip_space_at (self, (gsize) (skip_value (self->data + i, self->data + self->length) - self->data));
      if (i >= self->length || self->data[i] != ',')
        break;
      i = skip_space_at (self, i + 1);
    }
  return found;
}

/* From the '[' at @offset, to element @index. */
static gboolean
walk_element (MerImportJson *self,
              gsize         *offset,
              guint          from,
              guint          index)
{
  gsize i = *offset;

  if (from == G_MAXUINT)
    {
      i = skip_space_at (self, i + 1);
      from = 0;
    }
  for (guint k = from; k < index; k++)
    {
      i = skip_space_at (self, (gsize) (skip_value (self->data + i, self->data + self->length) - self->data));
      if (i >= self->length || self->data[i] != ',')
        return FALSE;
      i = skip_space_at (self, i + 1);
    }
  *offset = i;
  return TRUE;
}

/* Where @node starts: + 1, or 0 when it is not in a tree from the text. */
static gsize
find_offset (MerImportJson *self,
             JsonNode      *node)
{
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  JsonNode *top = node;
  gsize i;

  while (json_node_get_parent (top) != NULL)
    {
      g_ptr_array_add (path, top);
      top = json_node_get_parent (top);
    }

  if (top == self->root && self->root != NULL)
    i = self->root_offset;
  else if ((i = GPOINTER_TO_SIZE (g_hash_table_lookup (self->elements, top))) != 0)
    i--;
  else
    return 0;

  if (self->marks_top != top)
    {
      g_array_set_size (self->marks, 0);
      self->marks_top = top;
    }

  for (guint depth = 0; depth < path->len; depth++)
    {
      JsonNode *child = g_ptr_array_index (path, path->len - 1 - depth);
      JsonNode *container = json_node_get_parent (child);
      WalkMark step = { .container = container, .index = G_MAXUINT };
      WalkMark *mark = depth < self->marks->len ? &g_array_index (self->marks, WalkMark, depth) : NULL;
      gboolean found = FALSE;

      if (JSON_NODE_HOLDS_OBJECT (container))
        {
          JsonObjectIter iter;
          const char *name;
          JsonNode *member;

          json_object_iter_init (&iter, json_node_get_object (container));
          while (json_object_iter_next (&iter, &name, &member))
            if (member == child)
              {
                step.name = name;
                break;
              }
          if (step.name == NULL)
            break;
          step.offset = i;
          if (mark != NULL && mark->container == container && mark->name == step.name)
            step.offset = mark->offset, found = TRUE;
          else
            found = self->data[i] == '{' && walk_member (self, &step.offset, step.name);
        }
      else if (JSON_NODE_HOLDS_ARRAY (container))
        {
          JsonArray *array = json_node_get_array (container);
          guint n = json_array_get_length (array);
          guint from = G_MAXUINT;
          guint first = mark != NULL && mark->container == container && mark->name == NULL ? mark->index : 0;

          /* Starting where the last walk was: the next element asked for
           * is most often the one after it. */
          for (guint k = 0; k < n; k++)
            if (json_array_get_element (array, (first + k) % n) == child)
              {
                step.index = (first + k) % n;
                break;
              }
          if (step.index == G_MAXUINT)
            break;
          step.offset = i;
          if (mark != NULL && mark->container == container && mark->name == NULL && mark->index <= step.index)
            {
              step.offset = mark->offset;
              from = mark->index;
            }
          found = self->data[i] == '[' && walk_element (self, &step.offset, from, step.index);
        }

      if (!found)
        break;
      /* The marks deeper than this one are inside it: kept while the walk
       * goes through the same step. */
      if (mark == NULL || mark->container != step.container || mark->name != step.name ||
          mark->index != step.index)
        {
          g_array_set_size (self->marks, depth + 1);
          g_array_index (self->marks, WalkMark, depth) = step;
        }
      i = step.offset;
    }

  return i + 1;
}

void
mer_import_json_locate (MerImportJson *self,
                        JsonNode      *node,
                        guint         *line,
                        guint         *column)
{
  gsize offset = find_offset (self, node);
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
      /* The scan read the whole file in: what is read next comes back. */
      mer_import_json_release (self, self->length);
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

/**
 * mer_import_json_get_lazy_array:
 *
 * Returns: (nullable) (transfer none): the top-level "features" array,
 *   empty in the tree, when its elements are to be parsed one at a time
 */
JsonNode *
mer_import_json_get_lazy_array (MerImportJson *self)
{
  return self->lazy_array;
}

/**
 * mer_import_json_get_n_elements:
 *
 * Returns: how many elements the lazy array has
 */
guint
mer_import_json_get_n_elements (MerImportJson *self)
{
  return self->lazy_starts != NULL ? self->lazy_starts->len : 0;
}

/**
 * mer_import_json_parse_element:
 * @index: an element of the lazy array
 * @error_line: (out): where its syntax error is, when it has one
 * @error_column: (out): its column
 * @error: a #MER_IMPORT_ERROR_SYNTAX
 *
 * Parses one element, with the checks and messages of a whole parse; its
 * nodes are located by mer_import_json_locate() until
 * mer_import_json_forget() lets go of them.
 *
 * Returns: (transfer full) (nullable): the element
 */
JsonNode *
mer_import_json_parse_element (MerImportJson  *self,
                               guint           index,
                               guint          *error_line,
                               guint          *error_column,
                               GError        **error)
{
  Parser parser = { 0 };
  JsonNode *node;

  g_return_val_if_fail (index < mer_import_json_get_n_elements (self), NULL);

  parser.json = self;
  parser.p = self->data + g_array_index (self->lazy_starts, gsize, index);
  parser.end = self->data + self->length;
  /* As deep as inside the top-level object's array. */
  parser.depth = 2;
  parser.text = g_string_new (NULL);

  /* Elements are read in order: what lies before this one is done with. */
  if ((gsize) (parser.p - self->data) >= self->released + RELEASE_STEP)
    {
      self->released = (gsize) (parser.p - self->data);
      mer_import_json_release (self, self->released);
    }

  node = parse_value (&parser);
  g_string_free (parser.text, TRUE);
  if (node != NULL)
    g_hash_table_insert (self->elements, node,
                         GSIZE_TO_POINTER (g_array_index (self->lazy_starts, gsize, index) + 1));
  if (node != NULL && parser.p != self->data + g_array_index (self->lazy_ends, gsize, index))
    {
      g_autofree char *what = describe_at (&parser, parser.p);

      fail (&parser, parser.p, "unexpected %s, expected `,' or `]'", what);
    }

  if (parser.error_message != NULL)
    {
      if (node != NULL)
        mer_import_json_forget (self, node);
      mer_import_text_locate (self->data, self->length, (gsize) (parser.error_at - self->data), error_line,
                              error_column);
      g_set_error_literal (error, MER_IMPORT_ERROR, MER_IMPORT_ERROR_SYNTAX, parser.error_message);
      g_free (parser.error_message);
      return NULL;
    }

  return node;
}

/**
 * mer_import_json_forget:
 * @node: (transfer full): an element from mer_import_json_parse_element()
 *
 * Frees @node and what was known of where its parts are.
 */
void
mer_import_json_forget (MerImportJson *self,
                        JsonNode      *node)
{
  g_hash_table_remove (self->elements, node);
  if (self->marks_top == node)
    {
      g_array_set_size (self->marks, 0);
      self->marks_top = NULL;
    }
  json_node_unref (node);
}

/**
 * mer_import_json_set_mapped:
 *
 * Says that the text is a read-only mapping of a file, whose pages
 * mer_import_json_release() may give back.
 */
void
mer_import_json_set_mapped (MerImportJson *self)
{
  self->mapped = TRUE;
}

/**
 * mer_import_json_release:
 * @up_to: an offset into the text
 *
 * Gives back the memory of the mapped file's pages before @up_to: a large
 * file read once, feature by feature, would otherwise stay resident whole
 * beside the document it becomes. A page read again is read from the file
 * again. Does nothing when the text is not a file mapping.
 */
void
mer_import_json_release (MerImportJson *self,
                         gsize          up_to)
{
  if (self->mapped)
    mer_import_release_pages (self->data, MIN (up_to, self->length));
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-import-json-util"

#include "config.h"

#include "mer-import-private.h"
#include "mer-json-reader.h"

#include <math.h>
#include <string.h>

/* Reading members of the JSON formats, each problem reported at the value
 * it is about, in the loader's words. */

/**
 * mer_import_locate:
 * @line: (out): the line where @node starts, or 0 when it is not known
 * @column: (out) (optional): its column, in characters, or 0
 */
void
mer_import_locate (MerJsonReader *json,
                   JsonNode      *node,
                   guint         *line,
                   guint         *column)
{
  guint l = 0, c = 0;

  if (!mer_json_reader_locate (json, node, &l, &c))
    l = c = 0;
  *line = l;
  if (column != NULL)
    *column = c;
}

/**
 * mer_import_report_node:
 * @node: (nullable): the value the message is about; the whole file if %NULL
 */
void
mer_import_report_node (MerImportBuilder *builder,
                        MerJsonReader    *json,
                        JsonNode         *node,
                        MerSeverity       severity,
                        const char       *path,
                        const char       *format,
                        ...)
{
  g_autofree char *message = NULL;
  guint line = 0, column = 0;
  va_list args;

  if (node != NULL)
    mer_import_locate (json, node, &line, &column);

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  mer_import_builder_report (builder, severity, line, column, path, "%s", message);
}

/**
 * mer_import_member_path:
 * @path: (nullable): the path of an object
 *
 * Returns: (transfer full): the path of its member @member
 */
char *
mer_import_member_path (const char *path,
                        const char *member)
{
  if (path == NULL || *path == '\0')
    return g_strdup (member);
  return g_strconcat (path, ".", member, NULL);
}

/* Members a format may carry that Meridian has no use for are warnings, as
 * unknown members are for the loader, so that nothing is dropped unsaid. */
void
mer_import_check_members (MerImportBuilder   *builder,
                          MerJsonReader      *json,
                          JsonObject         *object,
                          const char         *path,
                          const char * const *known)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &value))
    {
      g_autofree char *member_path = NULL;

      if (g_strv_contains (known, name))
        continue;

      member_path = mer_import_member_path (path, name);
      mer_import_report_node (builder, json, value, MER_SEVERITY_WARNING, member_path,
                              "unknown member \"%s\" is dropped", name);
    }
}

/**
 * mer_import_get_string:
 *
 * Returns: (nullable): the string value of @member; %NULL when it is absent
 *   or null, and then also, with an error, when it is not a string
 */
const char *
mer_import_get_string (MerImportBuilder *builder,
                       MerJsonReader    *json,
                       JsonObject       *object,
                       const char       *path,
                       const char       *member)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *member_path = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);

  member_path = mer_import_member_path (path, member);
  mer_import_report_node (builder, json, node, MER_SEVERITY_ERROR, member_path,
                          "expected a string, found %s", mer_json_describe_node (node));
  return NULL;
}

/**
 * mer_import_get_object:
 *
 * Returns: (nullable): the object value of @member, as for
 *   mer_import_get_string()
 */
JsonObject *
mer_import_get_object (MerImportBuilder *builder,
                       MerJsonReader    *json,
                       JsonObject       *object,
                       const char       *path,
                       const char       *member)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *member_path = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (JSON_NODE_HOLDS_OBJECT (node))
    return json_node_get_object (node);

  member_path = mer_import_member_path (path, member);
  mer_import_report_node (builder, json, node, MER_SEVERITY_ERROR, member_path,
                          "expected an object, found %s", mer_json_describe_node (node));
  return NULL;
}

/**
 * mer_import_get_number:
 *
 * Reads a number, or a string that holds one (the tools these formats come
 * from write both). Absent, null and empty values are not errors.
 *
 * Returns: whether a number in [@min, @max] was read
 */
gboolean
mer_import_get_number (MerImportBuilder *builder,
                       MerJsonReader    *json,
                       JsonObject       *object,
                       const char       *path,
                       const char       *member,
                       double            min,
                       double            max,
                       double           *value)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *member_path = NULL;
  double v;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return FALSE;

  member_path = mer_import_member_path (path, member);
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      g_autofree char *text = g_strstrip (g_strdup (json_node_get_string (node)));
      char *end;

      if (*text == '\0')
        return FALSE;
      v = g_ascii_strtod (text, &end);
      if (*end != '\0' || end == text)
        {
          mer_import_report_node (builder, json, node, MER_SEVERITY_ERROR, member_path,
                                  "\"%s\" is not a number", json_node_get_string (node));
          return FALSE;
        }
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    v = json_node_get_double (node);
  else
    {
      mer_import_report_node (builder, json, node, MER_SEVERITY_ERROR, member_path,
                              "expected a number, found %s", mer_json_describe_node (node));
      return FALSE;
    }

  if (!isfinite (v) || v < min || v > max)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      mer_import_report_node (builder, json, node, MER_SEVERITY_ERROR, member_path,
                              "%s is out of range [%g, %g]", g_ascii_dtostr (buffer, sizeof buffer, v), min, max);
      return FALSE;
    }

  *value = v;
  return TRUE;
}

/**
 * mer_import_get_zoom:
 *
 * Reads a map zoom. Web maps allow zooms past Meridian's 20; such a zoom is
 * brought into [0, 20] with a warning rather than refused.
 *
 * Returns: whether a zoom was read
 */
gboolean
mer_import_get_zoom (MerImportBuilder *builder,
                     MerJsonReader    *json,
                     JsonObject       *object,
                     const char       *path,
                     double           *zoom)
{
  g_autofree char *zoom_path = NULL;
  double v;

  if (!mer_import_get_number (builder, json, object, path, "zoom", -G_MAXDOUBLE, G_MAXDOUBLE, &v))
    return FALSE;

  *zoom = CLAMP (v, 0, 20);
  if (*zoom != v)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      zoom_path = mer_import_member_path (path, "zoom");
      mer_import_report_node (builder, json, json_object_get_member (object, "zoom"), MER_SEVERITY_WARNING,
                              zoom_path, "zoom %s is outside [0, 20]; %g is used",
                              g_ascii_dtostr (buffer, sizeof buffer, v), *zoom);
    }
  return TRUE;
}

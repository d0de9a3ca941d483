/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-state"

#include "config.h"

#include "mer-state.h"

/* The state the views share: what is open, selected and hovered. Views never
 * call each other; each writes the user's intent here and redraws from the
 * notifications, so they stay in step by construction. */
struct _MerState
{
  GObject parent_instance;

  /* Owned */
  MerDocument *document;
  MerEvent    *selected_event;
  MerEvent    *hovered_event;
  MerRegion   *selected_region;
  MerRegion   *hovered_region;
};

G_DEFINE_FINAL_TYPE (MerState, mer_state, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SELECTED_EVENT,
  PROP_HOVERED_EVENT,
  PROP_SELECTED_REGION,
  PROP_HOVERED_REGION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mer_state_dispose (GObject *object)
{
  MerState *self = MER_STATE (object);

  g_clear_object (&self->selected_event);
  g_clear_object (&self->hovered_event);
  g_clear_object (&self->selected_region);
  g_clear_object (&self->hovered_region);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (mer_state_parent_class)->dispose (object);
}

static void
mer_state_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  MerState *self = MER_STATE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SELECTED_EVENT:
      g_value_set_object (value, self->selected_event);
      break;
    case PROP_HOVERED_EVENT:
      g_value_set_object (value, self->hovered_event);
      break;
    case PROP_SELECTED_REGION:
      g_value_set_object (value, self->selected_region);
      break;
    case PROP_HOVERED_REGION:
      g_value_set_object (value, self->hovered_region);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mer_state_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  MerState *self = MER_STATE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      mer_state_set_document (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_EVENT:
      mer_state_set_selected_event (self, g_value_get_object (value));
      break;
    case PROP_HOVERED_EVENT:
      mer_state_set_hovered_event (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_REGION:
      mer_state_set_selected_region (self, g_value_get_object (value));
      break;
    case PROP_HOVERED_REGION:
      mer_state_set_hovered_region (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mer_state_class_init (MerStateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mer_state_dispose;
  object_class->get_property = mer_state_get_property;
  object_class->set_property = mer_state_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, MER_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_EVENT] =
    g_param_spec_object ("selected-event", NULL, NULL, MER_TYPE_EVENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HOVERED_EVENT] =
    g_param_spec_object ("hovered-event", NULL, NULL, MER_TYPE_EVENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_REGION] =
    g_param_spec_object ("selected-region", NULL, NULL, MER_TYPE_REGION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HOVERED_REGION] =
    g_param_spec_object ("hovered-region", NULL, NULL, MER_TYPE_REGION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mer_state_init (MerState *self)
{
}

MerState *
mer_state_new (void)
{
  return g_object_new (MER_TYPE_STATE, NULL);
}

/**
 * mer_state_get_document:
 *
 * Returns: (transfer none) (nullable): the open document
 */
MerDocument *
mer_state_get_document (MerState *self)
{
  g_return_val_if_fail (MER_IS_STATE (self), NULL);
  return self->document;
}

/**
 * mer_state_set_document:
 *
 * Replaces the document; selection and hover, which point into the old one,
 * are cleared first.
 */
void
mer_state_set_document (MerState    *self,
                        MerDocument *document)
{
  g_return_if_fail (MER_IS_STATE (self));
  g_return_if_fail (document == NULL || MER_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  mer_state_set_selected_event (self, NULL);
  mer_state_set_hovered_event (self, NULL);
  mer_state_set_selected_region (self, NULL);
  mer_state_set_hovered_region (self, NULL);
  g_set_object (&self->document, document);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * mer_state_get_selected_event:
 *
 * Returns: (transfer none) (nullable): the selected event
 */
MerEvent *
mer_state_get_selected_event (MerState *self)
{
  g_return_val_if_fail (MER_IS_STATE (self), NULL);
  return self->selected_event;
}

void
mer_state_set_selected_event (MerState *self,
                              MerEvent *event)
{
  g_return_if_fail (MER_IS_STATE (self));
  g_return_if_fail (event == NULL || MER_IS_EVENT (event));

  if (g_set_object (&self->selected_event, event))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_EVENT]);
}

/**
 * mer_state_get_hovered_event:
 *
 * Returns: (transfer none) (nullable): the event under the pointer, in any view
 */
MerEvent *
mer_state_get_hovered_event (MerState *self)
{
  g_return_val_if_fail (MER_IS_STATE (self), NULL);
  return self->hovered_event;
}

void
mer_state_set_hovered_event (MerState *self,
                             MerEvent *event)
{
  g_return_if_fail (MER_IS_STATE (self));
  g_return_if_fail (event == NULL || MER_IS_EVENT (event));

  if (g_set_object (&self->hovered_event, event))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOVERED_EVENT]);
}

/**
 * mer_state_get_selected_region:
 *
 * Returns: (transfer none) (nullable): the selected region
 */
MerRegion *
mer_state_get_selected_region (MerState *self)
{
  g_return_val_if_fail (MER_IS_STATE (self), NULL);
  return self->selected_region;
}

void
mer_state_set_selected_region (MerState  *self,
                               MerRegion *region)
{
  g_return_if_fail (MER_IS_STATE (self));
  g_return_if_fail (region == NULL || MER_IS_REGION (region));

  if (g_set_object (&self->selected_region, region))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_REGION]);
}

/**
 * mer_state_get_hovered_region:
 *
 * Returns: (transfer none) (nullable): the region under the pointer
 */
MerRegion *
mer_state_get_hovered_region (MerState *self)
{
  g_return_val_if_fail (MER_IS_STATE (self), NULL);
  return self->hovered_region;
}

void
mer_state_set_hovered_region (MerState  *self,
                              MerRegion *region)
{
  g_return_if_fail (MER_IS_STATE (self));
  g_return_if_fail (region == NULL || MER_IS_REGION (region));

  if (g_set_object (&self->hovered_region, region))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOVERED_REGION]);
}

/**
 * mer_state_is_region_emphasised:
 *
 * Returns: whether @region is selected, hovered, or touched by the selected
 *   event
 */
gboolean
mer_state_is_region_emphasised (MerState  *self,
                                MerRegion *region)
{
  g_return_val_if_fail (MER_IS_STATE (self), FALSE);

  return region == self->selected_region || region == self->hovered_region ||
         (self->selected_event != NULL && mer_event_touches_region (self->selected_event, region));
}

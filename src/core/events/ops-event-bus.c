/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-event-bus"

#include "config.h"

#include "ops-event-bus.h"

/**
 * OpsEventBus:
 *
 * Where features publish #OpsEvent<!-- -->s and notifiers hear them.
 *
 * Subscribers choose events by kind prefix (`health.`, `alert.firing`, or
 * everything with an empty prefix) and are called on the main context of
 * the thread that created the bus, in the order the events were published
 * and, for one event, in the order they subscribed. An event published
 * while subscribers handle another is delivered after that one, so every
 * subscriber sees the same order. Events may be published from any
 * thread.
 */
struct _OpsEventBus
{
  GObject parent_instance;

  /* Owned */
  GPtrArray    *subscriptions; /* Subscription */
  GQueue        pending;       /* OpsEvent, guarded by lock */
  GMainContext *context;
  GThread      *owner;
  GMutex        lock;

  guint    last_id;
  gboolean dispatching;
  gboolean dispatch_scheduled;
};

G_DEFINE_FINAL_TYPE (OpsEventBus, ops_event_bus, G_TYPE_OBJECT)

typedef struct
{
  guint          id;
  char          *prefix;
  OpsEventFunc   func;
  gpointer       user_data;
  GDestroyNotify destroy;
  gboolean       removed;
} Subscription;

static void
subscription_free (gpointer data)
{
  Subscription *sub = data;

  if (sub->destroy != NULL)
    sub->destroy (sub->user_data);
  g_free (sub->prefix);
  g_free (sub);
}

static void
ops_event_bus_finalize (GObject *object)
{
  OpsEventBus *self = OPS_EVENT_BUS (object);

  g_queue_clear_full (&self->pending, g_object_unref);
  g_clear_pointer (&self->subscriptions, g_ptr_array_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (ops_event_bus_parent_class)->finalize (object);
}

static void
ops_event_bus_class_init (OpsEventBusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ops_event_bus_finalize;
}

static void
ops_event_bus_init (OpsEventBus *self)
{
  self->subscriptions = g_ptr_array_new_with_free_func (subscription_free);
  self->context = g_main_context_ref_thread_default ();
  self->owner = g_thread_self ();
  g_mutex_init (&self->lock);
  g_queue_init (&self->pending);
}

OpsEventBus *
ops_event_bus_new (void)
{
  return g_object_new (OPS_TYPE_EVENT_BUS, NULL);
}

/**
 * ops_event_bus_subscribe:
 * @self: a #OpsEventBus
 * @prefix: (nullable): the kinds to hear, such as `health.`; empty or
 *   %NULL for every event
 * @func: (scope notified): called for every matching event
 * @user_data: data for @func
 * @destroy: (nullable): frees @user_data when the subscription ends
 *
 * Returns: an id for ops_event_bus_unsubscribe()
 */
guint
ops_event_bus_subscribe (OpsEventBus   *self,
                         const char    *prefix,
                         OpsEventFunc   func,
                         gpointer       user_data,
                         GDestroyNotify destroy)
{
  Subscription *sub;

  g_return_val_if_fail (OPS_IS_EVENT_BUS (self), 0);
  g_return_val_if_fail (func != NULL, 0);
  g_return_val_if_fail (g_thread_self () == self->owner, 0);

  sub = g_new0 (Subscription, 1);
  sub->id = ++self->last_id;
  sub->prefix = g_strdup (prefix != NULL ? prefix : "");
  sub->func = func;
  sub->user_data = user_data;
  sub->destroy = destroy;
  g_ptr_array_add (self->subscriptions, sub);

  return sub->id;
}

static void
sweep_removed (OpsEventBus *self)
{
  for (guint i = self->subscriptions->len; i > 0; i--)
    {
      Subscription *sub = g_ptr_array_index (self->subscriptions, i - 1);

      if (sub->removed)
        g_ptr_array_remove_index (self->subscriptions, i - 1);
    }
}

/**
 * ops_event_bus_unsubscribe:
 * @self: a #OpsEventBus
 * @subscription_id: what ops_event_bus_subscribe() returned
 *
 * Ends a subscription. Safe to call from a subscriber, even for itself;
 * the subscriber then hears nothing more, not even the rest of the
 * current event's delivery.
 */
void
ops_event_bus_unsubscribe (OpsEventBus *self,
                           guint        subscription_id)
{
  g_return_if_fail (OPS_IS_EVENT_BUS (self));
  g_return_if_fail (g_thread_self () == self->owner);

  for (guint i = 0; i < self->subscriptions->len; i++)
    {
      Subscription *sub = g_ptr_array_index (self->subscriptions, i);

      if (sub->id == subscription_id && !sub->removed)
        {
          sub->removed = TRUE;
          if (!self->dispatching)
            sweep_removed (self);
          return;
        }
    }

  g_critical ("No subscription %u on this event bus", subscription_id);
}

static OpsEvent *
pop_pending (OpsEventBus *self)
{
  OpsEvent *event;

  g_mutex_lock (&self->lock);
  event = g_queue_pop_head (&self->pending);
  g_mutex_unlock (&self->lock);

  return event;
}

static void
dispatch_pending (OpsEventBus *self)
{
  OpsEvent *event;

  if (self->dispatching)
    return;

  self->dispatching = TRUE;

  while ((event = pop_pending (self)) != NULL)
    {
      /* Subscribers added while this event is delivered hear the next one. */
      guint n = self->subscriptions->len;

      for (guint i = 0; i < n; i++)
        {
          Subscription *sub = g_ptr_array_index (self->subscriptions, i);

          if (!sub->removed && ops_event_matches_prefix (event, sub->prefix))
            sub->func (event, sub->user_data);
        }

      g_object_unref (event);
    }

  self->dispatching = FALSE;
  sweep_removed (self);
}

static gboolean
dispatch_idle_cb (gpointer user_data)
{
  OpsEventBus *self = user_data;

  g_mutex_lock (&self->lock);
  self->dispatch_scheduled = FALSE;
  g_mutex_unlock (&self->lock);

  dispatch_pending (self);

  return G_SOURCE_REMOVE;
}

/**
 * ops_event_bus_publish:
 * @self: a #OpsEventBus
 * @event: the event; it is sealed and may no longer change
 *
 * Delivers @event to every matching subscriber. From the thread that made
 * the bus, outside a delivery, subscribers are called before this returns;
 * from a subscriber, after the current event; from another thread, from
 * the bus's main context.
 */
void
ops_event_bus_publish (OpsEventBus *self,
                       OpsEvent    *event)
{
  gboolean deliver_now;
  gboolean schedule = FALSE;

  g_return_if_fail (OPS_IS_EVENT_BUS (self));
  g_return_if_fail (OPS_IS_EVENT (event));

  _ops_event_seal (event);

  g_mutex_lock (&self->lock);
  g_queue_push_tail (&self->pending, g_object_ref (event));
  deliver_now = g_thread_self () == self->owner;
  if (!deliver_now && !self->dispatch_scheduled)
    schedule = self->dispatch_scheduled = TRUE;
  g_mutex_unlock (&self->lock);

  if (deliver_now)
    dispatch_pending (self);
  else if (schedule)
    {
      g_autoptr(GSource) source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, dispatch_idle_cb, g_object_ref (self), g_object_unref);
      g_source_set_static_name (source, "[opsdeck] event bus");
      g_source_attach (source, self->context);
    }
}

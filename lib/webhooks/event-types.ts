// The event types an endpoint can subscribe to ("*" means all of them). docs/webhooks.md lists them.
export const EVENT_TYPES = [
  "customer.created",
  "customer.updated",
  "customer.merged",
  "customer.redacted",
  "checkout.session.completed",
  "payment.succeeded",
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/**
 * Which deliveries must stay in order: events about the same customer. For customer.* events the
 * customer is the object; for payments and checkout sessions it is the object's customerId (an
 * object without one is ordered on its own id).
 */
export function orderingKey(type: string, object: { id: string } & Record<string, unknown>): string {
  if (type.startsWith("customer.")) return object.id;
  return typeof object.customerId === "string" && object.customerId ? object.customerId : object.id;
}

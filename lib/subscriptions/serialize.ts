import type { Subscription as SubscriptionRow } from "@/lib/generated/prisma/client";
import { toJsonInteger } from "@/lib/money/minor-units";
import type { Subscription } from "@/lib/subscriptions/schemas";

/** The public subscription object, field by field: the API, events and the dashboard all use it. */
export function serializeSubscription(row: SubscriptionRow): Subscription {
  return {
    id: row.id,
    object: "subscription",
    customerId: row.customerId,
    status: row.status as Subscription["status"],
    amount: toJsonInteger(row.amount),
    currency: row.currency,
    interval: row.interval as Subscription["interval"],
    currentPeriodEnd: row.currentPeriodEnd.toISOString(),
    livemode: row.livemode,
    createdAt: row.createdAt.toISOString(),
  };
}

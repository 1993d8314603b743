import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";
import type { Scope } from "@/lib/scope";
import { enqueueDeliveries } from "@/lib/webhooks/enqueue-deliveries";
import { orderingKey } from "@/lib/webhooks/event-types";

export type EventData = {
  object: { id: string } & Record<string, unknown>;
  previousAttributes?: Record<string, unknown>;
};

/**
 * Writes events in the caller's transaction, so an event exists exactly when its change does,
 * and with them their webhook deliveries (the outbox), so a subscribed endpoint is never missed.
 */
export async function recordEvents(
  tx: Prisma.TransactionClient,
  scope: Scope,
  type: string,
  items: EventData[],
): Promise<void> {
  if (!items.length) return;
  const events = items.map((data) => ({
    id: newId("event"),
    workspaceId: scope.workspaceId,
    livemode: scope.livemode,
    type,
    objectId: data.object.id,
    data: data as Prisma.InputJsonValue,
  }));
  await tx.event.createMany({ data: events });
  await enqueueDeliveries(
    tx,
    scope,
    type,
    events.map((event, index) => ({
      id: event.id,
      type,
      orderingKey: orderingKey(type, items[index].object),
    })),
  );
}

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
 * One INSERT … FROM unnest(…) for any number of events (a bulk create writes 1,000), in the
 * order given.
 */
export async function recordEvents(
  tx: Prisma.TransactionClient,
  scope: Scope,
  type: string,
  items: EventData[],
): Promise<void> {
  if (!items.length) return;
  const ids = items.map(() => newId("event"));
  // The time of writing, not the column's default now() (the transaction's start): a change that
  // waited for a row lock must list after the change it waited for, as its own updatedAt does.
  const createdAt = new Date();
  await tx.$executeRaw`
    INSERT INTO events (id, workspace_id, livemode, type, object_id, data, created_at)
    SELECT id, ${scope.workspaceId}, ${scope.livemode}, ${type}, object_id, data, ${createdAt}
    FROM unnest(${ids}::text[], ${items.map((data) => data.object.id)}::text[],
                ${items.map((data) => JSON.stringify(data))}::jsonb[]) WITH ORDINALITY
      AS event(id, object_id, data, n)
    ORDER BY n`;
  await enqueueDeliveries(
    tx,
    scope,
    type,
    ids.map((id, index) => ({ id, type, orderingKey: orderingKey(type, items[index].object) })),
  );
}

import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";
import type { Scope } from "@/lib/scope";

export type RecordedEvent = { id: string; type: string; orderingKey: string };

/**
 * The outbox: one pending delivery per event and enabled endpoint of the same workspace and mode
 * that subscribes to the event's type (or to "*"), written in the caller's transaction, so a
 * delivery exists exactly when its event does. The worker (lib/webhooks/deliver-webhooks.ts) sends it.
 */
export async function enqueueDeliveries(
  tx: Prisma.TransactionClient,
  scope: Scope,
  type: string,
  events: RecordedEvent[],
): Promise<number> {
  if (!events.length) return 0;
  const endpoints = await tx.webhookEndpoint.findMany({
    where: {
      workspaceId: scope.workspaceId,
      livemode: scope.livemode,
      disabledAt: null,
      events: { hasSome: [type, "*"] },
    },
    select: { id: true },
  });
  if (!endpoints.length) return 0;

  // Order per customer is the order of `seq`, which is the order rows are inserted. Two
  // transactions writing events about the same customer could otherwise commit in the opposite
  // order of their seqs; this lock makes them take turns from here to their commit. A *.created
  // event is about an object nobody else can know of yet, so bulk creates take no locks.
  if (!type.endsWith(".created")) {
    const keys = [...new Set(events.map((event) => event.orderingKey))].sort();
    for (const key of keys) {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`webhook-order:${scope.workspaceId}:${key}`}, 0))`;
    }
  }

  // One row per (event, endpoint), in event order: `seq` follows the order of the rows inserted.
  const rows = events.flatMap((event) => endpoints.map((endpoint) => ({ event, endpoint })));
  const now = new Date();
  return tx.$executeRaw`
    INSERT INTO webhook_deliveries (id, workspace_id, livemode, endpoint_id, event_id, ordering_key,
                                    status, next_attempt_at, created_at, updated_at)
    SELECT id, ${scope.workspaceId}, ${scope.livemode}, endpoint_id, event_id, ordering_key,
           'pending', ${now}::timestamptz, ${now}::timestamptz, ${now}::timestamptz
    FROM unnest(${rows.map(() => newId("webhookDelivery"))}::text[],
                ${rows.map((row) => row.endpoint.id)}::text[], ${rows.map((row) => row.event.id)}::text[],
                ${rows.map((row) => row.event.orderingKey)}::text[]) WITH ORDINALITY
      AS delivery(id, endpoint_id, event_id, ordering_key, n)
    ORDER BY n`;
}

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

  const now = new Date();
  const result = await tx.webhookDelivery.createMany({
    data: events.flatMap((event) =>
      endpoints.map((endpoint) => ({
        id: newId("webhookDelivery"),
        workspaceId: scope.workspaceId,
        livemode: scope.livemode,
        endpointId: endpoint.id,
        eventId: event.id,
        orderingKey: event.orderingKey,
        status: "pending",
        nextAttemptAt: now,
        createdAt: now,
        updatedAt: now,
      })),
    ),
  });
  return result.count;
}

import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";
import type { Scope } from "@/lib/scope";

export type EventData = {
  object: { id: string } & Record<string, unknown>;
  previousAttributes?: Record<string, unknown>;
};

/** Writes events in the caller's transaction, so an event exists exactly when its change does. */
export async function recordEvents(
  tx: Prisma.TransactionClient,
  scope: Scope,
  type: string,
  items: EventData[],
): Promise<void> {
  if (!items.length) return;
  await tx.event.createMany({
    data: items.map((data) => ({
      id: newId("event"),
      workspaceId: scope.workspaceId,
      livemode: scope.livemode,
      type,
      objectId: data.object.id,
      data: data as Prisma.InputJsonValue,
    })),
  });
}

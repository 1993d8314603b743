import "server-only";
// The dashboard's view of deliveries: the mode's most recent ones, and Resend.
import { ApiError } from "@/lib/api/errors";
import { prisma } from "@/lib/db/prisma";
import type { Scope } from "@/lib/scope";

export type DeliverySummary = {
  id: string;
  endpointUrl: string;
  eventId: string;
  eventType: string;
  status: "pending" | "succeeded" | "failed";
  attempts: number;
  responseStatus: number | null;
  error: string | null;
  nextAttemptAt: Date | null;
  lastAttemptAt: Date | null;
  createdAt: Date;
};

/** The mode's `limit` newest deliveries, with the endpoint's URL and the event's type. */
export async function listRecentDeliveries(scope: Scope, limit = 20): Promise<DeliverySummary[]> {
  const rows = await prisma.webhookDelivery.findMany({
    where: { workspaceId: scope.workspaceId, livemode: scope.livemode },
    orderBy: [{ createdAt: "desc" }, { seq: "desc" }],
    take: limit,
    include: { endpoint: { select: { url: true } }, event: { select: { type: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    endpointUrl: row.endpoint.url,
    eventId: row.eventId,
    eventType: row.event.type,
    status: row.status as DeliverySummary["status"],
    attempts: row.attempts,
    responseStatus: row.responseStatus,
    error: row.error,
    nextAttemptAt: row.nextAttemptAt,
    lastAttemptAt: row.lastAttemptAt,
    createdAt: row.createdAt,
  }));
}

/**
 * Resend: the delivery becomes pending again, due now, with a fresh retry schedule (attempts
 * start over). The same delivery id is sent again, so a receiver can still deduplicate. It keeps
 * its place in its customer's order: it waits for earlier pending deliveries of that customer.
 */
export async function resendDelivery(scope: Scope, id: string): Promise<void> {
  const { count } = await prisma.webhookDelivery.updateMany({
    where: { workspaceId: scope.workspaceId, livemode: scope.livemode, id },
    data: { status: "pending", attempts: 0, nextAttemptAt: new Date(), lockedUntil: null, error: null },
  });
  if (!count) throw new ApiError("resource_missing", `No such webhook delivery: '${id}'`, { param: "id" });
}

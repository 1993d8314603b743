import "server-only";
import { notFound } from "@/lib/api/errors";
import { prisma } from "@/lib/db/prisma";
import type { Db } from "@/lib/db/transaction";
import type { Scope } from "@/lib/scope";
import type { Subscription } from "@/lib/subscriptions/schemas";
import { serializeSubscription } from "@/lib/subscriptions/serialize";

/** Another workspace's or mode's subscription is "not found", exactly as if it did not exist. */
export async function retrieveSubscription(scope: Scope, id: string, db: Db = prisma): Promise<Subscription> {
  const row = await db.subscription.findUnique({
    where: { workspaceId_id: { workspaceId: scope.workspaceId, id } },
  });
  if (!row || row.livemode !== scope.livemode) throw notFound("subscription", id);
  return serializeSubscription(row);
}

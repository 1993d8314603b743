import "server-only";
import { notFound } from "@/lib/api/errors";
import { prisma } from "@/lib/db/prisma";
import type { Db } from "@/lib/db/transaction";
import type { Scope } from "@/lib/scope";
import { serializeEvent, type PublicEvent } from "@/lib/events/serialize-event";

export async function retrieveEvent(scope: Scope, id: string, db: Db = prisma): Promise<PublicEvent> {
  const row = await db.event.findUnique({
    where: { workspaceId_id: { workspaceId: scope.workspaceId, id } },
  });
  if (!row || row.livemode !== scope.livemode) throw notFound("event", id);
  return serializeEvent(row);
}

import "server-only";
import { listByCreatedAt } from "@/lib/api/created-at-list";
import { prisma } from "@/lib/db/prisma";
import type { Db } from "@/lib/db/transaction";
import { Prisma, type Event as EventRow } from "@/lib/generated/prisma/client";
import type { Scope } from "@/lib/scope";
import type { EventListQuery } from "@/lib/events/schemas";
import { serializeEvent, type PublicEvent } from "@/lib/events/serialize-event";

const EVENT_COLUMNS = Prisma.sql`id, type, livemode, data, created_at AS "createdAt"`;

/** One page of the workspace's events in one mode, newest first, optionally of one type. */
export async function listEvents(
  scope: Scope,
  query: EventListQuery,
  db: Db = prisma,
): Promise<{ data: PublicEvent[]; hasMore: boolean; nextCursor: string | null }> {
  const page = await listByCreatedAt<Pick<EventRow, "id" | "type" | "livemode" | "data" | "createdAt">>(
    db,
    scope,
    "events",
    EVENT_COLUMNS,
    { limit: query.limit, cursor: query.cursor, type: query.type },
  );
  return { data: page.rows.map(serializeEvent), hasMore: page.hasMore, nextCursor: page.nextCursor };
}

import "server-only";
// The lists of payments, subscriptions, invoices and events: newest first, keyset-paginated on
// (created_at DESC, id DESC), optionally for one customer. Hand-written SQL for the same reason as
// lib/customers/customer-query.ts: the row comparison (created_at, id) < ($1, $2) lets PostgreSQL
// seek straight into the (workspace_id, livemode, [customer_id,] created_at, id) indexes, so a deep
// page costs what the first does.
import { decodeCursor, encodeCursor } from "@/lib/api/cursor";
import { ApiError } from "@/lib/api/errors";
import type { Db } from "@/lib/db/transaction";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Scope } from "@/lib/scope";

export type CreatedAtListQuery = { limit: number; cursor?: string; customerId?: string; type?: string };
export type CreatedAtPage<Row> = { rows: Row[]; hasMore: boolean; nextCursor: string | null };
export type CreatedAtTable = "payments" | "subscriptions" | "invoices" | "events";

/** A cursor only resumes the list it came from: this workspace, mode, resource and order. */
function cursorOptions(scope: Scope, table: CreatedAtTable) {
  if (!env.AUTH_SECRET) throw new Error("AUTH_SECRET is not set: it signs list cursors.");
  return {
    secret: env.AUTH_SECRET,
    scope: `${scope.workspaceId}:${scope.livemode ? "live" : "test"}:${table}:-createdAt`,
  };
}

/** The SQL of one page (exported for the query-plan test). */
export function createdAtPageSql(
  scope: Scope,
  table: CreatedAtTable,
  columns: Prisma.Sql,
  query: { customerId?: string; type?: string; after?: { createdAt: string; id: string } },
  count: number,
): Prisma.Sql {
  const conditions = [
    Prisma.sql`workspace_id = ${scope.workspaceId}`,
    Prisma.sql`livemode = ${scope.livemode}`,
  ];
  if (query.customerId !== undefined) conditions.push(Prisma.sql`customer_id = ${query.customerId}`);
  // Events only: (workspace_id, livemode, type, created_at, id) serves it.
  if (query.type !== undefined) conditions.push(Prisma.sql`type = ${query.type}`);
  if (query.after)
    conditions.push(
      Prisma.sql`(created_at, id) < (${query.after.createdAt}::timestamptz, ${query.after.id})`,
    );
  return Prisma.sql`SELECT ${columns} FROM ${Prisma.raw(table)}
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY created_at DESC, id DESC LIMIT ${count}`;
}

export async function listByCreatedAt<Row extends { id: string; createdAt: Date }>(
  db: Db,
  scope: Scope,
  table: CreatedAtTable,
  columns: Prisma.Sql,
  query: CreatedAtListQuery,
): Promise<CreatedAtPage<Row>> {
  const options = cursorOptions(scope, table);
  let after: { createdAt: string; id: string } | undefined;
  if (query.cursor !== undefined) {
    const position = decodeCursor(query.cursor, options);
    const [createdAt] = position.values;
    // Signed by us, so this only guards against a future change of the cursor's shape.
    if (
      position.values.length !== 1 ||
      typeof createdAt !== "string" ||
      Number.isNaN(Date.parse(createdAt))
    ) {
      throw new ApiError("cursor_invalid", "The cursor is invalid or belongs to another list.", {
        param: "cursor",
      });
    }
    after = { createdAt, id: position.id };
  }
  // One more than asked tells whether another page exists.
  const rows = await db.$queryRaw<Row[]>(
    createdAtPageSql(
      scope,
      table,
      columns,
      { customerId: query.customerId, type: query.type, after },
      query.limit + 1,
    ),
  );
  const hasMore = rows.length > query.limit;
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    rows: page,
    hasMore,
    nextCursor:
      hasMore && last ? encodeCursor({ values: [last.createdAt.toISOString()], id: last.id }, options) : null,
  };
}

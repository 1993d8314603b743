import "server-only";
import { decodeCursor, encodeCursor } from "@/lib/api/cursor";
import { prisma } from "@/lib/db/prisma";
import type { Db } from "@/lib/db/transaction";
import { env } from "@/lib/env";
import type { Scope } from "@/lib/scope";
import { customerReads, readCustomersAfter, sortSpec, type Position } from "@/lib/customers/customer-query";
import type { Customer, CustomerListQuery } from "@/lib/customers/schemas";
import { serializeCustomer } from "@/lib/customers/serialize";

export type CustomerPage = { data: Customer[]; hasMore: boolean; nextCursor: string | null };

function cursorOptions(scope: Scope, sort: string) {
  if (!env.AUTH_SECRET) throw new Error("AUTH_SECRET is not set: it signs list cursors.");
  return {
    secret: env.AUTH_SECRET,
    scope: `${scope.workspaceId}:${scope.livemode ? "live" : "test"}:${sort}`,
  };
}

/**
 * One page of customers, keyset-paginated: the cursor holds the last row's sort value and id,
 * so a page resumes exactly after it and deep pages cost what the first does. The cursor is
 * signed for this workspace, mode and sort (a foreign or tampered one is cursor_invalid).
 */
export async function listCustomers(
  scope: Scope,
  query: CustomerListQuery,
  db: Db = prisma,
): Promise<CustomerPage> {
  const spec = sortSpec(query.sort);
  const options = cursorOptions(scope, query.sort);
  let after: Position | undefined;
  if (query.cursor !== undefined) {
    const position = decodeCursor(query.cursor, options);
    after = { value: (position.values[0] ?? null) as string | null, id: position.id };
  }
  // One more than asked tells whether another page exists. On the root client (not a transaction),
  // straight through node-postgres: the list is the API's hottest read.
  const reader = db !== prisma ? db : customerReads(query);
  const rows = await readCustomersAfter(reader, scope, query, after, query.limit + 1);
  const hasMore = rows.length > query.limit;
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map(serializeCustomer),
    hasMore,
    nextCursor: hasMore && last ? encodeCursor({ values: [spec.key(last)], id: last.id }, options) : null,
  };
}

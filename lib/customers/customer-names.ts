import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Db } from "@/lib/db/transaction";
import type { Scope } from "@/lib/scope";
import { displayName } from "@/lib/customers/presentation";

/**
 * The display names of these customers, in one query: for lists of payments, subscriptions and
 * invoices, whose rows link to their customer. Ids of another workspace or mode are left out.
 */
export async function findCustomerNames(
  scope: Scope,
  ids: readonly (string | null)[],
  db: Db = prisma,
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.customer.findMany({
    where: { workspaceId: scope.workspaceId, livemode: scope.livemode, id: { in: wanted } },
    select: { id: true, name: true },
  });
  return new Map(rows.map((row) => [row.id, displayName(row)]));
}

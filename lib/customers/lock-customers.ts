import "server-only";
import type { Customer as CustomerRow, Prisma } from "@/lib/generated/prisma/client";
import type { Scope } from "@/lib/scope";

/**
 * Locks the scope's customers among `ids` until the transaction ends and returns their rows (ids
 * of another workspace or mode are simply not there). Rows are locked in id order, whoever calls,
 * so two transactions locking overlapping sets (a merge A→B against B→A) wait for each other
 * instead of deadlocking. NO KEY UPDATE, the lock an UPDATE of the row takes anyway: writers of the
 * customer take turns, while a payment or session being inserted for it (whose foreign key check
 * only needs the key) is not held up — a checkout completing during a merge or an erasure would
 * otherwise wait for it while holding the session row it is about to move or scrub: a deadlock.
 */
export async function lockCustomers(
  tx: Prisma.TransactionClient,
  scope: Scope,
  ids: string[],
): Promise<CustomerRow[]> {
  if (!ids.length) return [];
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM customers
    WHERE workspace_id = ${scope.workspaceId} AND livemode = ${scope.livemode} AND id = ANY(${ids}::text[])
    ORDER BY id
    FOR NO KEY UPDATE`;
  if (!locked.length) return [];
  return tx.customer.findMany({
    where: {
      workspaceId: scope.workspaceId,
      livemode: scope.livemode,
      id: { in: locked.map((row) => row.id) },
    },
    orderBy: { id: "asc" },
  });
}

import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Scope } from "@/lib/scope";

const mergeGraphKey = (scope: Scope) => `customer-merges:${scope.workspaceId}:${scope.livemode}`;

/**
 * Merges and redactions of one workspace and mode take turns (a transaction advisory lock): while
 * one holds it, no customer joins or leaves a merge chain, so a redaction sees every customer
 * merged into the one it erases. Both are rare and short, so the lock costs nothing noticeable.
 */
export async function lockMergeGraph(tx: Prisma.TransactionClient, scope: Scope): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${mergeGraphKey(scope)}, 0))`;
}

/**
 * The same lock, shared: held by a checkout completion, so that no merge or redaction of its
 * workspace and mode commits between its choice of a customer and its payment (decision 67).
 * Completions do not wait for each other, only for a merge or redaction in flight, and it for them.
 */
export async function shareMergeGraph(tx: Prisma.TransactionClient, scope: Scope): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(hashtextextended(${mergeGraphKey(scope)}, 0))`;
}

/** The customers merged into `id`, directly or through a chain (C into B, B into A). */
export async function customersMergedInto(
  tx: Prisma.TransactionClient,
  scope: Scope,
  id: string,
): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE merged(id) AS (
      SELECT c.id FROM customers c
      WHERE c.workspace_id = ${scope.workspaceId} AND c.livemode = ${scope.livemode} AND c.merged_into_id = ${id}
      UNION
      SELECT c.id FROM customers c JOIN merged m ON c.merged_into_id = m.id
      WHERE c.workspace_id = ${scope.workspaceId} AND c.livemode = ${scope.livemode}
    )
    SELECT id FROM merged ORDER BY id`;
  return rows.map((row) => row.id);
}

import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Scope } from "@/lib/scope";

/**
 * Merges and redactions of one workspace and mode take turns (a transaction advisory lock): while
 * one holds it, no customer joins or leaves a merge chain, so a redaction sees every customer
 * merged into the one it erases. Both are rare and short, so the lock costs nothing noticeable.
 */
export async function lockMergeGraph(tx: Prisma.TransactionClient, scope: Scope): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`customer-merges:${scope.workspaceId}:${scope.livemode}`}, 0))`;
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

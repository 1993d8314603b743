import "server-only";
import type { Customer as CustomerRow, PaymentToken } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/transaction";
import type { Scope } from "@/lib/scope";
import {
  alreadyMerged,
  archivedMergeTarget,
  customerNotFound,
  mergeIntoItself,
  redactedInMerge,
} from "@/lib/customers/errors";
import { lockCustomers } from "@/lib/customers/lock-customers";

export type MergePair = { target: CustomerRow; source: CustomerRow };

/**
 * The two customers of a merge (the target survives), and every refusal a merge can meet: the same
 * customer twice, an unknown one (another workspace's or mode's too), a redacted one, one already
 * merged, an archived target. The preview and the merge share it, so they refuse alike. With
 * `lock` (the merge) both rows stay locked, in id order, until the transaction ends.
 */
export async function mergePair(
  db: Db,
  scope: Scope,
  targetId: string,
  sourceId: string,
  options: { lock: boolean },
): Promise<MergePair> {
  if (targetId === sourceId) throw mergeIntoItself();
  const ids = [targetId, sourceId];
  const rows = options.lock
    ? await lockCustomers(db, scope, ids)
    : await db.customer.findMany({
        where: { workspaceId: scope.workspaceId, livemode: scope.livemode, id: { in: ids } },
      });
  const target = rows.find((row) => row.id === targetId);
  const source = rows.find((row) => row.id === sourceId);
  if (!target) throw customerNotFound(targetId);
  if (!source) throw customerNotFound(sourceId, "sourceId");
  if (target.redactedAt) throw redactedInMerge(targetId, "id");
  if (source.redactedAt) throw redactedInMerge(sourceId, "sourceId");
  if (target.mergedIntoId) throw alreadyMerged(targetId, target.mergedIntoId, "id");
  if (source.mergedIntoId) throw alreadyMerged(sourceId, source.mergedIntoId, "sourceId");
  if (target.archivedAt) throw archivedMergeTarget(targetId);
  return { target, source };
}

/** What happens to the source's payment tokens: moved, or dropped for the target's own of the same fingerprint. */
export type TokenPlan = { moved: string[]; duplicates: { id: string; keptId: string }[] };

export async function paymentTokenPlan(db: Db, scope: Scope, pair: MergePair): Promise<TokenPlan> {
  const tokens = await db.paymentToken.findMany({
    where: {
      workspaceId: scope.workspaceId,
      livemode: scope.livemode,
      customerId: { in: [pair.target.id, pair.source.id] },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, customerId: true, fingerprint: true },
  });
  // The target's oldest token of each fingerprint is the one that stays.
  const kept = new Map<string, string>();
  for (const token of tokens as Pick<PaymentToken, "id" | "customerId" | "fingerprint">[]) {
    if (token.customerId === pair.target.id && !kept.has(token.fingerprint))
      kept.set(token.fingerprint, token.id);
  }
  const plan: TokenPlan = { moved: [], duplicates: [] };
  for (const token of tokens) {
    if (token.customerId !== pair.source.id) continue;
    const keptId = kept.get(token.fingerprint);
    if (keptId) plan.duplicates.push({ id: token.id, keptId });
    else plan.moved.push(token.id);
  }
  return plan;
}

import "server-only";
import { prisma } from "@/lib/db/prisma";
import { inTransaction, type Db } from "@/lib/db/transaction";
import type { Scope } from "@/lib/scope";
import { mergePair, paymentTokenPlan, type MergePair } from "@/lib/customers/merge-pair";
import type { Customer } from "@/lib/customers/schemas";
import { serializeCustomer } from "@/lib/customers/serialize";

export type MergePreview = {
  target: Customer;
  source: Customer;
  payments: number;
  subscriptions: number;
  invoices: number;
  checkoutSessions: number;
  /** The source's payment tokens, duplicates included. */
  paymentTokens: number;
  /** Of those, the ones whose fingerprint the target already has: dropped, their payments repointed. */
  duplicatePaymentTokens: number;
};

/**
 * What merging `sourceId` into `targetId` would move, counted now; refuses exactly what
 * mergeCustomers refuses, with the same errors. Reads only (nothing is locked or changed).
 */
export async function previewMerge(
  scope: Scope,
  targetId: string,
  sourceId: string,
  db: Db = prisma,
): Promise<MergePreview> {
  return inTransaction(db, async (tx) => {
    const pair = await mergePair(tx, scope, targetId, sourceId, { lock: false });
    return {
      target: serializeCustomer(pair.target),
      source: serializeCustomer(pair.source),
      ...(await mergeCounts(tx, scope, pair)),
    };
  });
}

/** What the source owns, as mergeCustomers moves it. */
export async function mergeCounts(db: Db, scope: Scope, pair: MergePair) {
  const where = { workspaceId: scope.workspaceId, livemode: scope.livemode, customerId: pair.source.id };
  const tokens = await paymentTokenPlan(db, scope, pair);
  return {
    payments: await db.payment.count({ where }),
    subscriptions: await db.subscription.count({ where }),
    invoices: await db.invoice.count({ where }),
    checkoutSessions: await db.checkoutSession.count({ where }),
    paymentTokens: tokens.moved.length + tokens.duplicates.length,
    duplicatePaymentTokens: tokens.duplicates.length,
  };
}

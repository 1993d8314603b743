import "server-only";
import { isDeepStrictEqual } from "node:util";
import { prisma } from "@/lib/db/prisma";
import { inTransaction, type Db } from "@/lib/db/transaction";
import { recordEvents } from "@/lib/events/record-event";
import type { Scope } from "@/lib/scope";
import { mergePair, paymentTokenPlan } from "@/lib/customers/merge-pair";
import { lockMergeGraph } from "@/lib/customers/merge-graph";
import type { Customer } from "@/lib/customers/schemas";
import { serializeCustomer } from "@/lib/customers/serialize";

/**
 * POST /customers/{id}/merge: the source's payments, subscriptions, invoices, checkout sessions and
 * payment tokens move to the target, in one transaction. A source token whose fingerprint the
 * target already has is dropped and its payments point at the target's token instead. The source
 * is archived (if it was not), gets mergedIntoId, and frees its externalId (and its default token,
 * which is now the target's); the target's own fields do not change. Invoices keep their snapshot.
 * One customer.merged event: the source as it is now, with previousAttributes.
 *
 * Both rows are locked in id order, under the workspace's merge lock, so A→B racing B→A ends with
 * one merge and one 409, never a deadlock or a cycle.
 */
export async function mergeCustomers(
  scope: Scope,
  targetId: string,
  sourceId: string,
  db: Db = prisma,
): Promise<Customer> {
  return inTransaction(db, async (tx) => {
    await lockMergeGraph(tx, scope);
    const pair = await mergePair(tx, scope, targetId, sourceId, { lock: true });
    const { target, source } = pair;
    const tokens = await paymentTokenPlan(tx, scope, pair);
    const inScope = { workspaceId: scope.workspaceId, livemode: scope.livemode };
    const ofSource = { ...inScope, customerId: source.id };
    const moveTo = { customerId: target.id };

    // First the source itself: its default token may be a duplicate about to go (a foreign key).
    const merged = serializeCustomer(
      await tx.customer.update({
        where: { workspaceId_id: { workspaceId: scope.workspaceId, id: source.id } },
        data: {
          archivedAt: source.archivedAt ?? new Date(),
          mergedIntoId: target.id,
          externalId: null,
          defaultPaymentTokenId: null,
        },
      }),
    );
    for (const duplicate of tokens.duplicates) {
      await tx.payment.updateMany({
        where: { ...inScope, paymentTokenId: duplicate.id },
        data: { paymentTokenId: duplicate.keptId },
      });
    }
    if (tokens.duplicates.length) {
      await tx.paymentToken.deleteMany({
        where: { ...inScope, id: { in: tokens.duplicates.map((duplicate) => duplicate.id) } },
      });
    }
    // Sessions before payments: moving a session waits for a completion of it in flight (which
    // holds its row), so that completion's new payment is committed, and moved, by the next line.
    await tx.checkoutSession.updateMany({ where: ofSource, data: moveTo });
    await tx.payment.updateMany({ where: ofSource, data: moveTo });
    await tx.paymentToken.updateMany({ where: ofSource, data: moveTo });
    await tx.subscription.updateMany({ where: ofSource, data: moveTo });
    await tx.invoice.updateMany({ where: ofSource, data: moveTo });

    const before = serializeCustomer(source);
    const previousAttributes = Object.fromEntries(
      (["externalId", "defaultPaymentTokenId", "archivedAt", "mergedIntoId"] as const)
        .filter((field) => !isDeepStrictEqual(before[field], merged[field]))
        .map((field) => [field, before[field]]),
    );
    await recordEvents(tx, scope, "customer.merged", [{ object: merged, previousAttributes }]);
    return serializeCustomer(target);
  });
}

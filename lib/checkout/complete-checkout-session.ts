import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db/prisma";
import { inTransaction, type Db } from "@/lib/db/transaction";
import { recordEvents } from "@/lib/events/record-event";
import { newId } from "@/lib/ids";
import type { Scope } from "@/lib/scope";
import { createCustomers } from "@/lib/customers/create-customers";
import { shareMergeGraph } from "@/lib/customers/merge-graph";
import { serializePayment } from "@/lib/payments/serialize";
import type { Payment } from "@/lib/payments/schemas";
import { checkoutSessionExpired, checkoutSessionNotFound } from "@/lib/checkout/errors";
import type { CheckoutCompleteInput, CheckoutSession } from "@/lib/checkout/schemas";
import { checkoutStatus, serializeCheckoutSession } from "@/lib/checkout/serialize";

export type CompletedCheckout = {
  session: CheckoutSession;
  payment: Payment;
  /** True when the session had been completed before: nothing new was made. */
  alreadyCompleted: boolean;
};

/**
 * The payer pays: one succeeded payment, hung on a customer chosen by the contract's rule — the
 * session's customer, else the oldest non-archived customer with the payer's email (any case), else a
 * new customer made from the email and name. All in one transaction with its events
 * (customer.created when one is made, payment.succeeded, checkout.session.completed).
 *
 * Races: the session row is locked first, so completing one session twice makes one payment (the
 * second call finds it complete and returns it). The email is then locked for this workspace and mode
 * (an advisory lock), so two sessions of one fresh email completing together find or make one customer.
 * Before both, the workspace's merge lock is shared (shareMergeGraph): a merge or an erasure either
 * commits before the customer is chosen, and its source or tombstone is passed over, or waits for
 * this payment, and then moves or scrubs it. A session's own customer erased since the session was
 * made is passed over too: the payer is matched by email instead (decision 67).
 *
 * `scope`, when given (the API), must be the session's own; the hosted page passes none.
 */
export async function completeCheckoutSession(
  id: string,
  input: CheckoutCompleteInput,
  scope?: Scope,
  db: Db = prisma,
): Promise<CompletedCheckout> {
  return inTransaction(db, async (tx) => {
    // A session's workspace and mode never change: read them without a lock, to take the merge lock
    // before the session's row, in the order a merge takes them.
    const [located] = await tx.$queryRaw<{ workspace_id: string; livemode: boolean }[]>`
      SELECT workspace_id, livemode FROM checkout_sessions WHERE id = ${id}`;
    if (
      !located ||
      (scope && (located.workspace_id !== scope.workspaceId || located.livemode !== scope.livemode))
    ) {
      throw checkoutSessionNotFound(id);
    }
    const sessionScope: Scope = { workspaceId: located.workspace_id, livemode: located.livemode };
    await shareMergeGraph(tx, sessionScope);
    await tx.$queryRaw`SELECT 1 FROM checkout_sessions WHERE id = ${id} FOR UPDATE`;
    const session = await tx.checkoutSession.findUniqueOrThrow({
      where: { workspaceId_id: { workspaceId: sessionScope.workspaceId, id } },
    });

    if (session.status === "complete") {
      const payment = await tx.payment.findUniqueOrThrow({
        where: { workspaceId_checkoutSessionId: { workspaceId: session.workspaceId, checkoutSessionId: id } },
      });
      return {
        session: serializeCheckoutSession(session, payment.id),
        payment: serializePayment(payment),
        alreadyCompleted: true,
      };
    }
    const now = new Date();
    if (checkoutStatus(session, now) === "expired") throw checkoutSessionExpired(id);

    const customerId =
      (session.customerId && (await unerased(tx, sessionScope, session.customerId))) ||
      (await customerForEmail(tx, sessionScope, input));
    const paymentRow = await tx.payment.create({
      data: {
        id: newId("payment", now.getTime()),
        workspaceId: sessionScope.workspaceId,
        livemode: sessionScope.livemode,
        customerId,
        checkoutSessionId: id,
        amount: session.amount,
        currency: session.currency,
        status: "succeeded",
        email: input.email,
        name: input.name ?? null,
        description: session.description,
        metadata: (session.metadata ?? {}) as Prisma.InputJsonValue,
        createdAt: now,
      },
    });
    const completedRow = await tx.checkoutSession.update({
      where: { workspaceId_id: { workspaceId: sessionScope.workspaceId, id } },
      data: { status: "complete", completedAt: now, customerId },
    });
    const payment = serializePayment(paymentRow);
    const completed = serializeCheckoutSession(completedRow, payment.id);
    await recordEvents(tx, sessionScope, "payment.succeeded", [{ object: payment }]);
    await recordEvents(tx, sessionScope, "checkout.session.completed", [{ object: completed }]);
    return { session: completed, payment, alreadyCompleted: false };
  });
}

async function customerForEmail(
  tx: Prisma.TransactionClient,
  scope: Scope,
  input: CheckoutCompleteInput,
): Promise<string> {
  const emailNormalized = input.email.toLowerCase();
  // Held until commit: a concurrent completion for the same email waits, then sees this one's customer.
  await tx.$queryRaw`
    SELECT pg_advisory_xact_lock(hashtextextended(${`checkout:${scope.workspaceId}:${scope.livemode}:${emailNormalized}`}, 0))::text`;
  const existing = await tx.customer.findFirst({
    where: {
      workspaceId: scope.workspaceId,
      livemode: scope.livemode,
      emailNormalized,
      archivedAt: null,
      redactedAt: null,
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  if (existing) return existing.id;
  const [outcome] = await createCustomers(scope, [{ email: input.email, name: input.name ?? null }], tx);
  if ("error" in outcome) throw outcome.error;
  return outcome.customer.id;
}

async function unerased(tx: Prisma.TransactionClient, scope: Scope, id: string): Promise<string | null> {
  const customer = await tx.customer.findFirst({
    where: { workspaceId: scope.workspaceId, livemode: scope.livemode, id, redactedAt: null },
    select: { id: true },
  });
  return customer?.id ?? null;
}

import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Db } from "@/lib/db/transaction";
import type { Scope } from "@/lib/scope";
import { checkoutSessionNotFound } from "@/lib/checkout/errors";
import type { CheckoutSession } from "@/lib/checkout/schemas";
import { serializeCheckoutSession } from "@/lib/checkout/serialize";

async function paymentIdOf(db: Db, workspaceId: string, sessionId: string): Promise<string | null> {
  const payment = await db.payment.findUnique({
    where: { workspaceId_checkoutSessionId: { workspaceId, checkoutSessionId: sessionId } },
    select: { id: true },
  });
  return payment?.id ?? null;
}

/** A session of this workspace and mode, for its API. */
export async function retrieveCheckoutSession(
  scope: Scope,
  id: string,
  db: Db = prisma,
): Promise<CheckoutSession> {
  const row = await db.checkoutSession.findUnique({
    where: { workspaceId_id: { workspaceId: scope.workspaceId, id } },
  });
  if (!row || row.livemode !== scope.livemode) throw checkoutSessionNotFound(id);
  return serializeCheckoutSession(row, await paymentIdOf(db, row.workspaceId, row.id));
}

export type PayerCheckout = { session: CheckoutSession; merchantName: string };

/**
 * What the payer's hosted page may show, found by the session id alone (the payer has nothing
 * else): the session and the merchant's name; null for an unknown id.
 */
export async function findCheckoutForPayer(id: string): Promise<PayerCheckout | null> {
  const row = await prisma.checkoutSession.findUnique({
    where: { id },
    include: { workspace: { select: { name: true } } },
  });
  if (!row) return null;
  const { workspace, ...session } = row;
  return {
    session: serializeCheckoutSession(session, await paymentIdOf(prisma, row.workspaceId, row.id)),
    merchantName: workspace.name,
  };
}

// Rows the API cannot make (payment tokens) or that a merge test wants quickly (payments),
// inserted straight into their tables, and what a customer owns, counted.
import { prisma } from "@/lib/db/prisma";
import { newId } from "@/lib/ids";
import type { Scope } from "@/lib/scope";

export async function givePaymentToken(
  scope: Scope,
  customerId: string,
  fingerprint: string,
): Promise<string> {
  const id = newId("paymentToken");
  await prisma.paymentToken.create({
    data: { ...scope, id, customerId, type: "card", brand: "visa", last4: "4242", fingerprint },
  });
  return id;
}

export async function givePayment(
  scope: Scope,
  customerId: string,
  paymentTokenId: string | null,
): Promise<string> {
  const id = newId("payment");
  await prisma.payment.create({
    data: {
      ...scope,
      id,
      customerId,
      paymentTokenId,
      amount: BigInt(1000),
      currency: "IDR",
      status: "succeeded",
    },
  });
  return id;
}

export async function ownedCounts(scope: Scope, customerId: string) {
  const where = { ...scope, customerId };
  return {
    payments: await prisma.payment.count({ where }),
    subscriptions: await prisma.subscription.count({ where }),
    invoices: await prisma.invoice.count({ where }),
    checkoutSessions: await prisma.checkoutSession.count({ where }),
    paymentTokens: await prisma.paymentToken.count({ where }),
  };
}

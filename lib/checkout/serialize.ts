import { env } from "@/lib/env";
import { toJsonInteger } from "@/lib/money/minor-units";
import type { CheckoutSession as CheckoutSessionRow } from "@/lib/generated/prisma/client";
import type { CheckoutSession } from "@/lib/checkout/schemas";

/** An open session past its expiry reads as expired, whether or not a job has marked it yet. */
export function checkoutStatus(row: Pick<CheckoutSessionRow, "status" | "expiresAt">, now = new Date()) {
  if (row.status === "open" && row.expiresAt <= now) return "expired" as const;
  return row.status as CheckoutSession["status"];
}

export function serializeCheckoutSession(row: CheckoutSessionRow, paymentId: string | null): CheckoutSession {
  return {
    id: row.id,
    object: "checkout.session",
    status: checkoutStatus(row),
    url: `${env.APP_URL}/checkout/${row.id}`,
    amount: toJsonInteger(row.amount),
    currency: row.currency,
    customerId: row.customerId,
    customerEmail: row.customerEmail,
    description: row.description,
    metadata: (row.metadata ?? {}) as Record<string, string>,
    paymentId,
    livemode: row.livemode,
    expiresAt: row.expiresAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ApiError } from "@/lib/api/errors";
import { prisma } from "@/lib/db/prisma";
import type { Db } from "@/lib/db/transaction";
import { newId } from "@/lib/ids";
import type { Scope } from "@/lib/scope";
import {
  CHECKOUT_SESSION_LIFETIME_MS,
  type CheckoutSession,
  type CheckoutSessionCreateInput,
} from "@/lib/checkout/schemas";
import { serializeCheckoutSession } from "@/lib/checkout/serialize";

/** An open session the payer completes on /checkout/{id}; it expires after 24 hours. */
export async function createCheckoutSession(
  scope: Scope,
  input: CheckoutSessionCreateInput,
  db: Db = prisma,
): Promise<CheckoutSession> {
  if (input.customerId !== undefined) {
    const customer = await db.customer.findUnique({
      where: { workspaceId_id: { workspaceId: scope.workspaceId, id: input.customerId } },
      select: { livemode: true, redactedAt: true },
    });
    if (!customer || customer.livemode !== scope.livemode || customer.redactedAt) {
      throw new ApiError("parameter_invalid", `customerId: no such customer: '${input.customerId}'`, {
        param: "customerId",
      });
    }
  }
  const now = new Date();
  const row = await db.checkoutSession.create({
    data: {
      id: newId("checkoutSession"),
      workspaceId: scope.workspaceId,
      livemode: scope.livemode,
      customerId: input.customerId ?? null,
      customerEmail: input.customerEmail ?? null,
      amount: BigInt(input.amount),
      currency: input.currency,
      description: input.description || null,
      metadata: (input.metadata ?? {}) as Prisma.InputJsonValue,
      status: "open",
      expiresAt: new Date(now.getTime() + CHECKOUT_SESSION_LIFETIME_MS),
      createdAt: now,
    },
  });
  return serializeCheckoutSession(row, null);
}

import type { Payment as PaymentRow } from "@/lib/generated/prisma/client";
import { toJsonInteger } from "@/lib/money/minor-units";
import type { Payment } from "@/lib/payments/schemas";

/** The public payment object, field by field: the API, events and the dashboard all use it. */
export function serializePayment(row: PaymentRow): Payment {
  return {
    id: row.id,
    object: "payment",
    customerId: row.customerId,
    amount: toJsonInteger(row.amount),
    amountRefunded: toJsonInteger(row.amountRefunded),
    currency: row.currency,
    status: row.status as Payment["status"],
    email: row.email,
    name: row.name,
    description: row.description,
    metadata: (row.metadata ?? {}) as Record<string, string>,
    livemode: row.livemode,
    createdAt: row.createdAt.toISOString(),
  };
}

import type { Customer as CustomerRow } from "@/lib/generated/prisma/client";
import type { Customer } from "@/lib/customers/schemas";

/** The public customer object, field by field: the API, events and the dashboard all use it. */
export function serializeCustomer(row: CustomerRow): Customer {
  return {
    id: row.id,
    object: "customer",
    externalId: row.externalId,
    email: row.email,
    name: row.name,
    phone: row.phone,
    taxId: row.taxId,
    defaultPaymentTokenId: row.defaultPaymentTokenId,
    metadata: (row.metadata ?? {}) as Record<string, string>,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    redactedAt: row.redactedAt?.toISOString() ?? null,
    mergedIntoId: row.mergedIntoId,
    livemode: row.livemode,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

import type { Customer as CustomerRow } from "@/lib/generated/prisma/client";
import { isoTimestamp, type Timestamp } from "@/lib/db/timestamps";
import type { Customer } from "@/lib/customers/schemas";

/** A customer's row as any read returns it: through Prisma (Dates) or lib/db/pg-reads.ts (strings). */
export type StoredCustomer = Omit<CustomerRow, "archivedAt" | "redactedAt" | "createdAt" | "updatedAt"> & {
  archivedAt: Timestamp | null;
  redactedAt: Timestamp | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
};

/** The public customer object, field by field: the API, events and the dashboard all use it. */
export function serializeCustomer(row: StoredCustomer): Customer {
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
    archivedAt: isoTimestamp(row.archivedAt),
    redactedAt: isoTimestamp(row.redactedAt),
    mergedIntoId: row.mergedIntoId,
    livemode: row.livemode,
    createdAt: isoTimestamp(row.createdAt),
    updatedAt: isoTimestamp(row.updatedAt),
  };
}

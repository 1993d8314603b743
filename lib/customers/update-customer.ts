import "server-only";
import { isDeepStrictEqual } from "node:util";
import { prisma } from "@/lib/db/prisma";
import { inTransaction, type Db } from "@/lib/db/transaction";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordEvents } from "@/lib/events/record-event";
import type { Scope } from "@/lib/scope";
import {
  customerNotFound,
  mergedStaysArchived,
  duplicateExternalId,
  invalidDefaultPaymentToken,
  personalDataOnRedacted,
} from "@/lib/customers/errors";
import type { Customer, CustomerUpdateInput } from "@/lib/customers/schemas";
import { lockCustomers } from "@/lib/customers/lock-customers";
import { serializeCustomer } from "@/lib/customers/serialize";

const PERSONAL_FIELDS = ["email", "name", "phone", "taxId", "metadata"] as const;

/**
 * PATCH /customers/{id}: fields left out stay, `null` clears, `metadata` replaces the whole map
 * (`null` wipes it), `archived` sets or clears archivedAt. One customer.updated event with the
 * previous values of what changed; none when nothing changed. The row is locked for the update,
 * so concurrent PATCHes apply one after the other and each event's previousAttributes is exact.
 */
export async function updateCustomer(
  scope: Scope,
  id: string,
  input: CustomerUpdateInput,
  db: Db = prisma,
): Promise<Customer> {
  return inTransaction(db, async (tx) => {
    const [row] = await lockCustomers(tx, scope, [id]);
    if (!row) throw customerNotFound(id);
    const before = serializeCustomer(row);

    const wanted: Partial<Customer> = {};
    for (const field of ["externalId", "email", "name", "phone", "taxId", "defaultPaymentTokenId"] as const) {
      if (input[field] !== undefined) wanted[field] = input[field];
    }
    if (input.metadata !== undefined) wanted.metadata = input.metadata ?? {};
    if (input.archived !== undefined) {
      wanted.archivedAt = input.archived ? (before.archivedAt ?? new Date().toISOString()) : null;
    }
    const changed = (Object.keys(wanted) as (keyof Customer)[]).filter(
      (field) => !isDeepStrictEqual(wanted[field], before[field]),
    );
    if (!changed.length) return before;

    if (
      row.redactedAt &&
      PERSONAL_FIELDS.some((field) => changed.includes(field) && !isEmpty(wanted[field]))
    ) {
      throw personalDataOnRedacted(PERSONAL_FIELDS.find((field) => changed.includes(field)));
    }
    if (row.mergedIntoId && changed.includes("archivedAt") && !wanted.archivedAt) {
      throw mergedStaysArchived(id, row.mergedIntoId);
    }
    if (changed.includes("defaultPaymentTokenId") && wanted.defaultPaymentTokenId) {
      const token = await tx.paymentToken.findFirst({
        where: {
          workspaceId: scope.workspaceId,
          livemode: scope.livemode,
          id: wanted.defaultPaymentTokenId,
          customerId: id,
        },
        select: { id: true },
      });
      if (!token) {
        throw invalidDefaultPaymentToken();
      }
    }
    if (changed.includes("externalId") && wanted.externalId) {
      const holder = await tx.customer.findFirst({
        where: {
          workspaceId: scope.workspaceId,
          livemode: scope.livemode,
          externalId: wanted.externalId,
          NOT: { id },
        },
        select: { id: true },
      });
      if (holder) throw duplicateExternalId(wanted.externalId, holder.id);
    }

    // Later than the version it replaces, even within the same millisecond: under the row lock,
    // a customer's updatedAt orders its versions (and its customer.updated events) strictly.
    const data: Prisma.CustomerUncheckedUpdateInput = {
      updatedAt: new Date(Math.max(Date.now(), row.updatedAt.getTime() + 1)),
    };
    for (const field of changed) {
      if (field === "metadata") data.metadata = wanted.metadata as Prisma.InputJsonValue;
      else if (field === "archivedAt")
        data.archivedAt = wanted.archivedAt ? new Date(wanted.archivedAt) : null;
      else if (field === "email") {
        data.email = wanted.email;
        data.emailNormalized = wanted.email?.toLowerCase() ?? null;
      } else (data as Record<string, unknown>)[field] = wanted[field];
    }
    const updated = serializeCustomer(
      await tx.customer.update({ where: { workspaceId_id: { workspaceId: scope.workspaceId, id } }, data }),
    );
    const previousAttributes = Object.fromEntries(changed.map((field) => [field, before[field]]));
    await recordEvents(tx, scope, "customer.updated", [{ object: updated, previousAttributes }]);
    return updated;
  });
}

function isEmpty(value: unknown): boolean {
  return value === null || (typeof value === "object" && Object.keys(value as object).length === 0);
}

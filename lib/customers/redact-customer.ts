import "server-only";
import { prisma } from "@/lib/db/prisma";
import { inTransaction, type Db } from "@/lib/db/transaction";
import { loadCustomerHistory, personalValuesOf } from "@/lib/erasure/customer-records";
import { containsPersonalValue, erasureOf } from "@/lib/erasure/erase-values";
import { requestScrubOnCommit } from "@/lib/erasure/scrub-signal";
import { recordEvents } from "@/lib/events/record-event";
import type { Scope } from "@/lib/scope";
import { customerNotFound } from "@/lib/customers/errors";
import { lockCustomers } from "@/lib/customers/lock-customers";
import { customersMergedInto, lockMergeGraph } from "@/lib/customers/merge-graph";
import type { Customer } from "@/lib/customers/schemas";
import { serializeCustomer } from "@/lib/customers/serialize";

/**
 * POST /customers/{id}/redact: the customer becomes a tombstone — email, name, phone and tax ID
 * null, metadata {}, redactedAt set — with a customer.redacted event (the tombstone, nothing
 * personal) in the same transaction. Customers merged into it (the same person, by the merchant's
 * own decision) are erased with it, each with its own event. externalId stays (the merchant's
 * reference, how they find the tombstone) unless it contains one of the erased values.
 *
 * The copies elsewhere (payments, sessions, invoices, event payloads, webhook responses, stored
 * idempotent responses) are scrubbed by the erasure job once this commits (lib/erasure/).
 * Redacting a redacted customer changes nothing, emits nothing and returns the same tombstone.
 */
export async function redactCustomer(scope: Scope, id: string, db: Db = prisma): Promise<Customer> {
  return inTransaction(db, async (tx) => {
    await lockMergeGraph(tx, scope);
    const rows = await lockCustomers(tx, scope, [id, ...(await customersMergedInto(tx, scope, id))]);
    const customer = rows.find((row) => row.id === id);
    if (!customer) throw customerNotFound(id);
    if (customer.redactedAt) return serializeCustomer(customer);

    const erasing = rows.filter((row) => !row.redactedAt);
    const ids = erasing.map((row) => row.id);
    const erasure = erasureOf(ids, personalValuesOf(await loadCustomerHistory(tx, scope, ids)));
    const now = new Date();
    const tombstones: Customer[] = [];
    for (const row of erasing) {
      const tombstone = await tx.customer.update({
        where: { workspaceId_id: { workspaceId: scope.workspaceId, id: row.id } },
        data: {
          email: null,
          emailNormalized: null,
          name: null,
          phone: null,
          taxId: null,
          metadata: {},
          externalId:
            row.externalId && containsPersonalValue(row.externalId, erasure) ? null : row.externalId,
          redactedAt: now,
          scrubPendingSince: now,
          updatedAt: now,
        },
      });
      tombstones.push(serializeCustomer(tombstone));
    }
    await recordEvents(
      tx,
      scope,
      "customer.redacted",
      tombstones.map((object) => ({ object })),
    );
    await requestScrubOnCommit(tx, { workspaceId: scope.workspaceId, customerId: id });
    return tombstones.find((tombstone) => tombstone.id === id)!;
  });
}

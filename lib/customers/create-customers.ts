import "server-only";
import type { ApiError } from "@/lib/api/errors";
import { prisma } from "@/lib/db/prisma";
import { inTransaction, type Db } from "@/lib/db/transaction";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordEvents } from "@/lib/events/record-event";
import { newId } from "@/lib/ids";
import type { Scope } from "@/lib/scope";
import { duplicateExternalId, invalidDefaultPaymentToken } from "@/lib/customers/errors";
import type { Customer, CustomerCreateInput } from "@/lib/customers/schemas";
import { serializeCustomer } from "@/lib/customers/serialize";

export type CreateOutcome = { customer: Customer } | { error: ApiError };

/**
 * Creates customers (one for POST /customers, up to 1,000 for the bulk endpoint) with their
 * customer.created events, in one transaction. An item whose externalId is taken — by an
 * existing customer, a concurrent request or an earlier item of the same batch — gets a 409
 * with existingId; the others are created. Duplicates are skipped by the insert itself
 * (ON CONFLICT DO NOTHING), so a clash never aborts the transaction or races into a 500.
 */
export async function createCustomers(
  scope: Scope,
  inputs: CustomerCreateInput[],
  db: Db = prisma,
): Promise<CreateOutcome[]> {
  const outcomes: (CreateOutcome | undefined)[] = inputs.map((input) =>
    input.defaultPaymentTokenId ? { error: invalidDefaultPaymentToken() } : undefined,
  );
  const now = new Date();
  const rows = inputs.map((input, index) => ({
    index,
    data: {
      id: newId("customer", now.getTime()),
      workspaceId: scope.workspaceId,
      livemode: scope.livemode,
      externalId: input.externalId ?? null,
      email: input.email ?? null,
      emailNormalized: input.email?.toLowerCase() ?? null,
      name: input.name ?? null,
      phone: input.phone ?? null,
      taxId: input.taxId ?? null,
      metadata: (input.metadata ?? {}) as Prisma.InputJsonValue,
      createdAt: now,
      updatedAt: now,
    },
  }));
  const pending = rows.filter((row) => !outcomes[row.index]);
  if (!pending.length) return outcomes as CreateOutcome[];

  return inTransaction(db, async (tx) => {
    const created = await tx.customer.createManyAndReturn({
      data: pending.map((row) => row.data),
      skipDuplicates: true,
    });
    const byId = new Map(created.map((row) => [row.id, row]));
    const clashes = pending.filter((row) => !byId.has(row.data.id)).map((row) => row.data.externalId!);
    const holders = clashes.length
      ? await tx.customer.findMany({
          where: { workspaceId: scope.workspaceId, livemode: scope.livemode, externalId: { in: clashes } },
          select: { id: true, externalId: true },
        })
      : [];
    const holderOf = new Map(holders.map((holder) => [holder.externalId, holder.id]));

    const customers: Customer[] = [];
    for (const row of pending) {
      const createdRow = byId.get(row.data.id);
      if (createdRow) {
        const customer = serializeCustomer(createdRow);
        customers.push(customer);
        outcomes[row.index] = { customer };
      } else {
        const externalId = row.data.externalId!;
        outcomes[row.index] = {
          error: duplicateExternalId(externalId, holderOf.get(externalId) ?? "unknown"),
        };
      }
    }
    await recordEvents(
      tx,
      scope,
      "customer.created",
      customers.map((object) => ({ object })),
    );
    return outcomes as CreateOutcome[];
  });
}

/** POST /customers: one customer, or the error that refused it. */
export async function createCustomer(
  scope: Scope,
  input: CustomerCreateInput,
  db: Db = prisma,
): Promise<Customer> {
  const [outcome] = await createCustomers(scope, [input], db);
  if ("error" in outcome) throw outcome.error;
  return outcome.customer;
}

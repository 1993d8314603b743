import "server-only";
import type { ApiError } from "@/lib/api/errors";
import { prisma } from "@/lib/db/prisma";
import { inTransaction, type Db } from "@/lib/db/transaction";
import type { Customer as CustomerRow } from "@/lib/generated/prisma/client";
import { recordEvents } from "@/lib/events/record-event";
import { newId } from "@/lib/ids";
import type { Scope } from "@/lib/scope";
import { CUSTOMER_COLUMNS } from "@/lib/customers/customer-query";
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
 *
 * One INSERT … SELECT FROM unnest(…) writes the whole batch (docs/benchmarks.md, "bulkCreate"):
 * Prisma's createManyAndReturn spent ~2 ms a row building and binding a 12,000-parameter VALUES
 * list, ten times what PostgreSQL needs to store the rows.
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
  // A later item repeating an earlier item's externalId loses to it, as it would in input order;
  // settling that here leaves the database only clashes with rows it already holds.
  const firstWith = new Map<string, number>();
  const laterDuplicates: { index: number; first: number }[] = [];
  const pending: { index: number; id: string; input: CustomerCreateInput }[] = [];
  inputs.forEach((input, index) => {
    if (outcomes[index]) return;
    const externalId = input.externalId ?? null;
    if (externalId !== null) {
      const first = firstWith.get(externalId);
      if (first !== undefined) return void laterDuplicates.push({ index, first });
      firstWith.set(externalId, index);
    }
    pending.push({ index, id: newId("customer", now.getTime()), input });
  });
  if (!pending.length) return outcomes as CreateOutcome[];

  return inTransaction(
    db,
    async (tx) => {
      const column = <T>(pick: (input: CustomerCreateInput) => T | null | undefined) =>
        pending.map((row) => pick(row.input) ?? null);
      const created = await tx.$queryRaw<CustomerRow[]>`
      INSERT INTO customers (id, workspace_id, livemode, external_id, email, email_normalized, name,
                             phone, tax_id, metadata, created_at, updated_at)
      SELECT id, ${scope.workspaceId}, ${scope.livemode}, external_id, email, email_normalized, name,
             phone, tax_id, metadata, ${now}::timestamptz, ${now}::timestamptz
      FROM unnest(${pending.map((row) => row.id)}::text[], ${column((i) => i.externalId)}::text[],
                  ${column((i) => i.email)}::text[], ${column((i) => i.email?.toLowerCase())}::text[],
                  ${column((i) => i.name)}::text[], ${column((i) => i.phone)}::text[],
                  ${column((i) => i.taxId)}::text[], ${column((i) => JSON.stringify(i.metadata ?? {}))}::jsonb[])
        AS item(id, external_id, email, email_normalized, name, phone, tax_id, metadata)
      ON CONFLICT DO NOTHING
      RETURNING ${CUSTOMER_COLUMNS}`;
      const byId = new Map(created.map((row) => [row.id, row]));
      const clashes = pending.filter((row) => !byId.has(row.id)).map((row) => row.input.externalId!);
      const holders = clashes.length
        ? await tx.customer.findMany({
            where: { workspaceId: scope.workspaceId, livemode: scope.livemode, externalId: { in: clashes } },
            select: { id: true, externalId: true },
          })
        : [];
      const holderOf = new Map(holders.map((holder) => [holder.externalId, holder.id]));

      const customers: Customer[] = [];
      for (const row of pending) {
        const createdRow = byId.get(row.id);
        if (createdRow) {
          const customer = serializeCustomer(createdRow);
          customers.push(customer);
          outcomes[row.index] = { customer };
        } else {
          const externalId = row.input.externalId!;
          outcomes[row.index] = {
            error: duplicateExternalId(externalId, holderOf.get(externalId) ?? "unknown"),
          };
        }
      }
      for (const { index, first } of laterDuplicates) {
        const earlier = outcomes[first]!;
        const externalId = inputs[index].externalId!;
        outcomes[index] = {
          error: duplicateExternalId(
            externalId,
            "customer" in earlier ? earlier.customer.id : (holderOf.get(externalId) ?? "unknown"),
          ),
        };
      }
      await recordEvents(
        tx,
        scope,
        "customer.created",
        customers.map((object) => ({ object })),
      );
      return outcomes as CreateOutcome[];
    },
    // Prisma's default 5 s ended 1,000-item batches on the loaded bench machine with a 500; these
    // are the limits of a request under an Idempotency-Key (lib/api/idempotency.ts).
    { maxWait: 10_000, timeout: 30_000 },
  );
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

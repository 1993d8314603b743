import "server-only";
import { ApiError } from "@/lib/api/errors";
import { toApiError } from "@/lib/api/error-response";
import { requestFingerprint, runIdempotently } from "@/lib/api/idempotency";
import { apiErrorFromZod } from "@/lib/api/zod-error";
import { prisma } from "@/lib/db/prisma";
import { inTransaction, type Db } from "@/lib/db/transaction";
import type { Prisma } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";
import type { Scope } from "@/lib/scope";
import { TEXT_FIELDS } from "@/lib/customers/csv-import/column-mapping";
import {
  createInputOf,
  importBatchKey,
  updateInputOf,
  type ImportBatch,
  type ImportBatchResult,
  type ImportRow,
  type ImportRowResult,
} from "@/lib/customers/csv-import/import-batch";
import { createCustomers } from "@/lib/customers/create-customers";
import {
  customerCreateSchema,
  customerUpdateSchema,
  type Customer,
  type CustomerCreateInput,
  type CustomerUpdateInput,
} from "@/lib/customers/schemas";
import { serializeCustomer } from "@/lib/customers/serialize";
import { updateCustomer } from "@/lib/customers/update-customer";

/** The path batches are recorded under in the idempotency store (the dashboard route's). */
export const IMPORT_BATCH_PATH = "/dashboard/customers/import/batch";

/**
 * One batch of a dashboard CSV import, at most once: it runs under the idempotency key
 * `dashboard-import:<importId>:<batch>`, so a batch sent again (a retry after a lost answer, or a
 * resumed import) answers what it answered the first time and changes nothing. The batch must have
 * been started in this workspace and mode: switching mode in another tab cannot split an import.
 */
export async function importCustomerBatch(scope: Scope, batch: ImportBatch, requestId = newId("request")) {
  if (batch.workspaceId !== scope.workspaceId || batch.livemode !== scope.livemode) {
    const mode = batch.livemode ? "live" : "test";
    throw new ApiError(
      "parameter_invalid",
      `This import was started in another workspace or mode (${mode}). Switch back to it to continue.`,
      { param: "livemode" },
    );
  }
  return runIdempotently(
    scope,
    {
      key: importBatchKey(batch.importId, batch.batch),
      method: "POST",
      path: IMPORT_BATCH_PATH,
      fingerprint: requestFingerprint("POST", IMPORT_BATCH_PATH, batch),
      requestId,
    },
    async (tx) => ({ status: 200, body: await importCustomers(scope, batch.rows, tx) }),
  );
}

type Failure = Extract<ImportRowResult, { status: "failed" }>["error"];

function rowError(error: ApiError): Failure {
  const prefix = error.param ? `${error.param}: ` : "";
  const message =
    prefix && error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  return { code: error.code, message, ...(error.param ? { field: error.param } : {}) };
}

function sameMetadata(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && a[key] === b[key])
  );
}

/** Whether applying `input` would change anything: most rows of a re-imported export change nothing. */
function changes(before: Customer, input: CustomerUpdateInput): boolean {
  return (
    TEXT_FIELDS.some((field) => input[field] !== undefined && input[field] !== before[field]) ||
    (input.metadata !== undefined && !sameMetadata(input.metadata ?? {}, before.metadata))
  );
}

/**
 * Applies imported rows: a row whose `id` names a customer of this workspace and mode, or whose
 * externalId belongs to one, updates that customer through updateCustomer (the API's PATCH: events,
 * the redacted-customer and externalId 409s); any other row creates a customer through the bulk
 * create path. Rows that would change nothing are counted as unchanged without a write. A bad row
 * fails alone; results come back in row order. The customers to update are locked up front, in id
 * order, so the metadata merged here is the metadata being replaced.
 */
export async function importCustomers(
  scope: Scope,
  rows: ImportRow[],
  db: Db = prisma,
): Promise<ImportBatchResult> {
  return inTransaction(db, async (tx) => {
    const results: ImportRowResult[] = new Array(rows.length);
    const fail = (index: number, error: ApiError) => {
      results[index] = { line: rows[index].line, status: "failed", error: rowError(error) };
    };

    // Every row must at least be a valid create body (the API's rules); updates are checked again
    // once their customer's metadata is known.
    const valid: { index: number; input: CustomerCreateInput }[] = [];
    rows.forEach((row, index) => {
      const parsed = customerCreateSchema.safeParse(createInputOf(row), { reportInput: true });
      if (!parsed.success) fail(index, apiErrorFromZod(parsed.error));
      else valid.push({ index, input: parsed.data });
    });

    const existing = await lockExisting(tx, scope, rows, valid);
    const byId = new Map(existing.map((row) => [row.id, row]));
    const byExternalId = new Map(
      existing.filter((row) => row.externalId).map((row) => [row.externalId!, row]),
    );

    const updates: { index: number; customer: Customer }[] = [];
    const claimedBy = new Map<string, number>();
    const newRows: typeof valid = [];
    for (const item of valid) {
      const row = rows[item.index];
      const match = row.id
        ? byId.get(row.id)
        : item.input.externalId
          ? byExternalId.get(item.input.externalId)
          : undefined;
      if (row.id && !match) {
        fail(
          item.index,
          new ApiError(
            "resource_missing",
            `id: no customer ${row.id} in this workspace's ${scope.livemode ? "live" : "test"} data. To copy it as a new customer, set the id column to “Don't import”.`,
            { param: "id" },
          ),
        );
      } else if (match && claimedBy.has(match.id)) {
        fail(
          item.index,
          new ApiError(
            "parameter_invalid",
            `Line ${rows[claimedBy.get(match.id)!].line} already imports customer ${match.id}.`,
          ),
        );
      } else if (match) {
        claimedBy.set(match.id, item.index);
        updates.push({ index: item.index, customer: serializeCustomer(match) });
      } else newRows.push(item);
    }

    for (const { index, customer } of updates) {
      results[index] = await applyUpdate(tx, scope, rows[index], customer).catch((error: unknown) => {
        const apiError = toApiError(error);
        if (apiError.status >= 500) throw error;
        return { line: rows[index].line, status: "failed" as const, error: rowError(apiError) };
      });
    }

    const outcomes = await createCustomers(
      scope,
      newRows.map((item) => item.input),
      tx,
    );
    outcomes.forEach((outcome, position) => {
      const { index } = newRows[position];
      if ("error" in outcome) fail(index, outcome.error);
      else results[index] = { line: rows[index].line, status: "created", id: outcome.customer.id };
    });
    return { results };
  });
}

/** The customers rows point at (by id, or by externalId for rows without one), locked FOR UPDATE. */
async function lockExisting(
  tx: Prisma.TransactionClient,
  scope: Scope,
  rows: ImportRow[],
  valid: { index: number; input: CustomerCreateInput }[],
) {
  const ids = valid.flatMap(({ index }) => (rows[index].id ? [rows[index].id!] : []));
  const externalIds = valid.flatMap(({ index, input }) =>
    !rows[index].id && input.externalId ? [input.externalId] : [],
  );
  if (!ids.length && !externalIds.length) return [];
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM customers
    WHERE workspace_id = ${scope.workspaceId} AND livemode = ${scope.livemode}
      AND (id = ANY(${ids}::text[]) OR external_id = ANY(${externalIds}::text[]))
    ORDER BY id
    FOR UPDATE`;
  if (!locked.length) return [];
  return tx.customer.findMany({
    where: { workspaceId: scope.workspaceId, id: { in: locked.map((row) => row.id) } },
  });
}

/** One row onto one existing customer, in a savepoint so a refused row leaves the batch usable. */
async function applyUpdate(
  tx: Prisma.TransactionClient,
  scope: Scope,
  row: ImportRow,
  before: Customer,
): Promise<ImportRowResult> {
  const parsed = customerUpdateSchema.safeParse(updateInputOf(row, before.metadata), { reportInput: true });
  if (!parsed.success) throw apiErrorFromZod(parsed.error);
  if (!changes(before, parsed.data)) return { line: row.line, status: "unchanged", id: before.id };
  await tx.$executeRawUnsafe("SAVEPOINT import_row");
  try {
    const after = await updateCustomer(scope, before.id, parsed.data, tx);
    await tx.$executeRawUnsafe("RELEASE SAVEPOINT import_row");
    return {
      line: row.line,
      status: after.updatedAt === before.updatedAt ? "unchanged" : "updated",
      id: before.id,
    };
  } catch (error) {
    // Undo the row's partial work (and clear an aborted transaction); if even that fails, the
    // original error is the one worth reporting.
    try {
      await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT import_row");
      await tx.$executeRawUnsafe("RELEASE SAVEPOINT import_row");
    } catch {
      // the transaction is beyond repair: the batch fails with the original error
    }
    throw error;
  }
}

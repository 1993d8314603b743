import "server-only";
import { isoTimestamp } from "@/lib/db/timestamps";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Scope } from "@/lib/scope";
import { CUSTOMER_EXPORT_COLUMNS } from "@/lib/customers/export-columns";
import { csvRecord } from "@/lib/customers/export-csv";
import { customerReads, readCustomersAfter, sortSpec, type Position } from "@/lib/customers/customer-query";
import type { CustomerFilters } from "@/lib/customers/schemas";
import type { StoredCustomer } from "@/lib/customers/serialize";

/**
 * Rows per query: each query and each chunk written costs a fixed overhead, so batches of 2,000
 * export faster than the 1,000 before; larger ones were no faster over HTTP and grew the server's
 * heap (docs/benchmarks.md, "export"). One batch's rows and CSV are all the export holds.
 */
const EXPORT_BATCH_SIZE = 2000;

// The CSV's columns plus the sort keys (email_normalized for the email sorts), nothing more:
// every column read is a value to decode.
const EXPORT_SELECT = Prisma.sql`
  id, external_id AS "externalId", email, email_normalized AS "emailNormalized", name, phone,
  tax_id AS "taxId", metadata, archived_at AS "archivedAt", created_at AS "createdAt"`;

type ExportRow = Pick<
  StoredCustomer,
  | "id"
  | "externalId"
  | "email"
  | "emailNormalized"
  | "name"
  | "phone"
  | "taxId"
  | "metadata"
  | "archivedAt"
  | "createdAt"
>;

const encoder = new TextEncoder();

function csvRow(row: ExportRow): string {
  return csvRecord([
    row.id,
    row.externalId,
    row.email,
    row.name,
    row.phone,
    row.taxId,
    isoTimestamp(row.createdAt),
    isoTimestamp(row.archivedAt),
    JSON.stringify(row.metadata ?? {}),
  ]);
}

/**
 * Every customer matching the list's filters, in the list's order, as a CSV byte stream. Memory
 * stays flat: rows are fetched in keyset batches (never OFFSET), and only when the reader asks
 * (`pull`), so a slow client holds the export back instead of the server buffering it. Each batch
 * resumes after the previous batch's last row, so every customer that exists throughout the
 * export appears exactly once, without holding a transaction open for the client's whole download.
 * Not given a `db`: a request's transaction would end before the stream does.
 */
export function exportCustomers(scope: Scope, filters: CustomerFilters): ReadableStream<Uint8Array> {
  const spec = sortSpec(filters.sort);
  let after: Position | undefined;
  const reads = customerReads(filters);
  const nextBatch = () =>
    readCustomersAfter(reads, scope, filters, after, EXPORT_BATCH_SIZE, EXPORT_SELECT) as Promise<
      ExportRow[]
    >;

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(csvRecord(CUSTOMER_EXPORT_COLUMNS)));
      },
      async pull(controller) {
        const rows = await nextBatch();
        if (rows.length > 0) {
          let csv = "";
          for (const row of rows) csv += csvRow(row);
          controller.enqueue(encoder.encode(csv));
        }
        const last = rows.at(-1);
        if (!last || rows.length < EXPORT_BATCH_SIZE) return controller.close();
        after = { value: spec.key(last as StoredCustomer), id: last.id };
      },
    },
    // One batch queued ahead lets the next query overlap the network write, and caps the buffer.
    { highWaterMark: 1 },
  );
}

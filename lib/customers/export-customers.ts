import "server-only";
import { stringify, type Options } from "csv-stringify/sync";
import { prisma } from "@/lib/db/prisma";
import type { Customer as CustomerRow } from "@/lib/generated/prisma/client";
import type { Scope } from "@/lib/scope";
import { CUSTOMER_EXPORT_COLUMNS } from "@/lib/customers/export-columns";
import { readCustomersAfter, sortSpec, type Position } from "@/lib/customers/customer-query";
import type { CustomerFilters } from "@/lib/customers/schemas";

/** Rows per query: large enough that round trips are cheap, small enough to hold one in memory. */
const EXPORT_BATCH_SIZE = 1000;

const CSV_OPTIONS: Options = {
  record_delimiter: "windows",
  // Giving record_delimiter switches csv-stringify's quoting of lone CR or LF off; RFC 4180 wants it.
  quote_record_delimiter: true,
  // OWASP's CSV-injection advice: a cell starting with = + - @ tab or CR gets a leading '. This
  // also prefixes legitimate values such as phones in E.164 (+6281…) — the documented trade-off:
  // a spreadsheet must never run a formula from customer data, and the ' is visibly removable.
  escape_formulas: true,
};

const encoder = new TextEncoder();

function csvRow(row: CustomerRow): (string | null)[] {
  return [
    row.id,
    row.externalId,
    row.email,
    row.name,
    row.phone,
    row.taxId,
    row.createdAt.toISOString(),
    row.archivedAt?.toISOString() ?? null,
    JSON.stringify(row.metadata ?? {}),
  ];
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
  const nextBatch = () => readCustomersAfter(prisma, scope, filters, after, EXPORT_BATCH_SIZE);

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(stringify([CUSTOMER_EXPORT_COLUMNS], CSV_OPTIONS)));
      },
      async pull(controller) {
        const rows = await nextBatch();
        if (rows.length > 0) controller.enqueue(encoder.encode(stringify(rows.map(csvRow), CSV_OPTIONS)));
        const last = rows.at(-1);
        if (!last || rows.length < EXPORT_BATCH_SIZE) return controller.close();
        after = { value: spec.key(last), id: last.id };
      },
    },
    // One batch queued ahead lets the next query overlap the network write, and caps the buffer.
    { highWaterMark: 1 },
  );
}

// What the import wizard sends to the server: rows already mapped from CSV cells, in batches.
// Shared by the browser (building batches) and lib/customers/import-customers.ts (applying them).
import { z } from "zod";

/** The most rows the server takes in one batch (the API's bulk limit)… */
export const IMPORT_BATCH_MAX_ROWS = 1000;
/**
 * …and the most the browser sends: a batch is one transaction (30 s at most, lib/api/idempotency.ts),
 * and 1,000 rows that all change an existing customer took 8-10 s on a busy 2-core machine (each goes
 * through updateCustomer), so 500 keeps a wide margin. New rows cost far less (one bulk insert).
 */
export const IMPORT_BATCH_TARGET_ROWS = 500;
/** The browser packs batches up to this many bytes of JSON… */
export const IMPORT_BATCH_TARGET_BYTES = 512 * 1024;
/** …and the server refuses bodies beyond this (one row can never reach it: cells are capped). */
export const IMPORT_BATCH_MAX_BYTES = 2 * 1024 * 1024;
/** A cell longer than any field allows is still sent, cut here, and refused by the field rules. */
const CELL_MAX = 20_000;

const cell = z.string().max(CELL_MAX);

export const importRowSchema = z.strictObject({
  /** Where the row starts in the file, for the report. */
  line: z.int().min(1),
  /** The id column: finds the customer to update; never written. */
  id: z.string().max(64).optional(),
  /** The mapped text cells, as in the file; "" clears the field (null), like the export's empty cells. */
  values: z
    .strictObject({
      externalId: cell.optional(),
      email: cell.optional(),
      name: cell.optional(),
      phone: cell.optional(),
      taxId: cell.optional(),
    })
    .default({}),
  /** The metadata column, parsed: replaces the whole map. Checked by the API's metadata rules. */
  metadata: z.unknown().optional(),
  /** metadata.KEY columns when there is no metadata column: set each key; "" removes it. */
  metadataKeys: z.record(z.string().max(100), cell).optional(),
});
export type ImportRow = z.output<typeof importRowSchema>;

export const importBatchSchema = z.strictObject({
  /** Made by the browser when an import starts; with `batch` it names the batch's idempotency key. */
  importId: z.string().regex(/^[0-9a-f]{32}$/, "must be 32 lowercase hex characters"),
  batch: z
    .int()
    .min(0)
    .max(IMPORT_BATCH_MAX_ROWS * 1000),
  /** The workspace and mode the import started in: a mode switched in another tab must not split it. */
  workspaceId: z.string().max(64),
  livemode: z.boolean(),
  rows: z.array(importRowSchema).min(1).max(IMPORT_BATCH_MAX_ROWS),
});
export type ImportBatch = z.output<typeof importBatchSchema>;

/** An error on one row, shown in the preview and written to the failed-rows file. */
export type RowError = { field?: string; message: string };

export type ImportRowResult =
  | { line: number; status: "created" | "updated" | "unchanged"; id: string }
  | { line: number; status: "failed"; error: RowError & { code: string } };
export type ImportBatchResult = { results: ImportRowResult[] };

const withoutEmptyValues = (entries: [string, string][]) => entries.filter(([, value]) => value !== "");

/** The create body a row stands for: what POST /customers would receive. */
export function createInputOf(row: ImportRow): Record<string, unknown> {
  const input: Record<string, unknown> = { ...row.values };
  if (row.metadata !== undefined) input.metadata = row.metadata;
  else if (row.metadataKeys) {
    input.metadata = Object.fromEntries(withoutEmptyValues(Object.entries(row.metadataKeys)));
  }
  return input;
}

/**
 * The PATCH body a row stands for, given the customer's current metadata: a metadata column
 * replaces the map; metadata.KEY columns change only their keys. Object.fromEntries, never
 * assignment, so a key such as "__proto__" stays an ordinary key.
 */
export function updateInputOf(
  row: ImportRow,
  currentMetadata: Record<string, string>,
): Record<string, unknown> {
  const input: Record<string, unknown> = { ...row.values };
  if (row.metadata !== undefined) input.metadata = row.metadata;
  else if (row.metadataKeys) {
    const merged = new Map(Object.entries(currentMetadata));
    for (const [key, value] of Object.entries(row.metadataKeys)) {
      if (value === "") merged.delete(key);
      else merged.set(key, value);
    }
    input.metadata = Object.fromEntries(merged);
  }
  return input;
}

export function importBatchKey(importId: string, batch: number): string {
  return `dashboard-import:${importId}:${batch}`;
}

/** UTF-8 length of a string without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      index++;
    } else bytes += 3;
  }
  return bytes;
}

/** What a row adds to a batch's body: its JSON and a comma. */
export function rowBytes(row: ImportRow): number {
  return utf8Length(JSON.stringify(row)) + 1;
}

/**
 * Cuts rows (given by their rowBytes) into batches of at most IMPORT_BATCH_TARGET_ROWS rows and about
 * IMPORT_BATCH_TARGET_BYTES of JSON, in order. Deterministic: the same rows always give the same
 * batches, which is what lets a resumed import replay its finished batches under the same keys.
 */
export function planBatches(
  sizes: number[],
  limits: { maxRows?: number; maxBytes?: number } = {},
): { start: number; end: number }[] {
  const maxRows = limits.maxRows ?? IMPORT_BATCH_TARGET_ROWS;
  const maxBytes = limits.maxBytes ?? IMPORT_BATCH_TARGET_BYTES;
  const batches: { start: number; end: number }[] = [];
  let start = 0;
  let bytes = 0;
  sizes.forEach((size, index) => {
    if (index > start && (index - start >= maxRows || bytes + size > maxBytes)) {
      batches.push({ start, end: index });
      start = index;
      bytes = 0;
    }
    bytes += size;
  });
  if (sizes.length > start) batches.push({ start, end: sizes.length });
  return batches;
}

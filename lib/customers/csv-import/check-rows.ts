// CSV rows → the rows an import sends, each checked with the API's own schema (customerCreateSchema),
// so the preview refuses exactly what the server would.
import type { z } from "zod";
import type { ColumnTarget, TextField } from "@/lib/customers/csv-import/column-mapping";
import {
  createInputOf,
  rowBytes,
  type ImportRow,
  type RowError,
} from "@/lib/customers/csv-import/import-batch";
import type { CsvRow, CsvTable } from "@/lib/customers/csv-import/parse-csv";
import { normalizeText } from "@/lib/customers/fields";
import { customerCreateSchema } from "@/lib/customers/schemas";
import { isId } from "@/lib/ids";

const FORMULA_ESCAPED = /^'[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * Undoes the export's formula escaping: a cell that starts with = + - @ (or tab, CR) is written with
 * a leading ' so spreadsheets never run it; reading it back drops that '. A value that really starts
 * with '= comes back without its ' — the one thing this round trip cannot keep.
 */
export function unescapeFormula(cell: string): string {
  return FORMULA_ESCAPED.test(cell) ? cell.slice(1) : cell;
}

const METADATA_JSON_ERROR = 'must be a JSON object, e.g. {"plan":"pro"}';

/** A CSV row as the row the server receives, plus what is wrong with it before any schema runs. */
export function toImportRow(row: CsvRow, targets: ColumnTarget[]): { row: ImportRow; errors: RowError[] } {
  const errors: RowError[] = [];
  const values: Partial<Record<TextField, string>> = {};
  const keys: [string, string][] = [];
  let metadata: unknown;
  let id: string | undefined;
  targets.forEach((target, index) => {
    if (target === "skip") return;
    const cell = unescapeFormula(row.cells[index] ?? "");
    if (target === "id") {
      const value = cell.trim();
      if (value && !isId("customer", value)) {
        errors.push({ field: "id", message: "must be a customer ID (cus_…) as the export writes it" });
      } else if (value) id = value;
    } else if (target === "metadata") {
      const text = cell.trim();
      if (text === "") metadata = {};
      else {
        try {
          metadata = JSON.parse(text);
        } catch {
          metadata = undefined;
        }
        if (typeof metadata !== "object" || metadata === null || Array.isArray(metadata)) {
          errors.push({ field: "metadata", message: METADATA_JSON_ERROR });
          metadata = {};
        }
      }
    } else if (target.startsWith("metadata.")) {
      keys.push([target.slice("metadata.".length), cell]);
    } else {
      // Sent as the API will store it (NFC, trimmed; "" clears): the same rules either way, and a
      // valid row's values then stay within the field limits on the wire too.
      values[target as TextField] = normalizeText(cell) ?? "";
    }
  });
  const importRow: ImportRow = { line: row.line, values };
  if (id) importRow.id = id;
  if (metadata !== undefined) {
    // metadata.KEY columns refine the metadata column: set their key, or remove it when empty.
    const merged = new Map(Object.entries(metadata as Record<string, unknown>));
    for (const [key, value] of keys) {
      if (value === "") merged.delete(key);
      else merged.set(key, value);
    }
    importRow.metadata = Object.fromEntries(merged);
  } else if (keys.length) importRow.metadataKeys = Object.fromEntries(keys);
  return { row: importRow, errors };
}

/** zod's issues as one error per field, named as the API's `param` would name it. */
export function rowErrorsFromZod(error: z.ZodError): RowError[] {
  const seen = new Set<string>();
  const errors: RowError[] = [];
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".");
    if (seen.has(field)) continue;
    seen.add(field);
    const message = issue.message.startsWith("Invalid input") ? "is not valid" : issue.message;
    errors.push(field ? { field, message } : { message });
  }
  return errors;
}

export type CheckedRow = { line: number; cells: string[]; errors: RowError[]; row?: ImportRow };

/**
 * Checks rows one at a time (so the wizard can pause between slices of a large file): cell count,
 * the API's field rules, and IDs or external IDs that appear more than once in the file (the later
 * rows are refused: one customer, one row).
 */
export function createRowChecker(header: string[], targets: ColumnTarget[]) {
  const linesById = new Map<string, number>();
  const linesByExternalId = new Map<string, number>();
  const mapsSomething = targets.some((target) => target !== "skip" && target !== "id");

  return function check(csvRow: CsvRow): CheckedRow {
    const { line, cells } = csvRow;
    if (cells.length !== header.length) {
      const message = `has ${cells.length} cells where the header has ${header.length}; a cell with a delimiter in it must be quoted`;
      return { line, cells, errors: [{ message }] };
    }
    const { row, errors } = toImportRow(csvRow, targets);
    const parsed = customerCreateSchema.safeParse(createInputOf(row));
    if (!parsed.success) {
      const known = new Set(errors.map((error) => error.field));
      errors.push(...rowErrorsFromZod(parsed.error).filter((error) => !known.has(error.field)));
    }
    const mappedCells = targets.some(
      (target, index) => target !== "skip" && unescapeFormula(cells[index] ?? "").trim() !== "",
    );
    if (mapsSomething && !mappedCells) {
      errors.push({ message: "has no values in the columns being imported" });
    }
    if (row.id) {
      const first = linesById.get(row.id);
      if (first !== undefined) {
        errors.push({
          field: "id",
          message: `is also on line ${first}: each customer can appear once per file`,
        });
      } else linesById.set(row.id, line);
    }
    const externalId = row.values.externalId === undefined ? null : normalizeText(row.values.externalId);
    if (externalId) {
      const first = linesByExternalId.get(externalId);
      if (first !== undefined) {
        errors.push({
          field: "externalId",
          message: `is also on line ${first}: each external ID can appear once per file`,
        });
      } else linesByExternalId.set(externalId, line);
    }
    return errors.length ? { line, cells, errors } : { line, cells, errors, row };
  };
}

export type CheckResult = {
  /** Rows ready to send, in file order, with their cells (for the failed-rows file). */
  valid: { row: ImportRow; cells: string[]; bytes: number }[];
  invalid: CheckedRow[];
};

/** Checks every row of a table, giving the browser a turn every `slice` rows. */
export async function checkRows(
  table: CsvTable,
  targets: ColumnTarget[],
  options: { onProgress?: (fraction: number) => void; slice?: number; nextTurn?: () => Promise<void> } = {},
): Promise<CheckResult> {
  const slice = options.slice ?? 500;
  const check = createRowChecker(table.header, targets);
  const result: CheckResult = { valid: [], invalid: [] };
  for (let start = 0; start < table.rows.length; start += slice) {
    for (const csvRow of table.rows.slice(start, start + slice)) {
      const checked = check(csvRow);
      if (checked.row)
        result.valid.push({ row: checked.row, cells: checked.cells, bytes: rowBytes(checked.row) });
      else result.invalid.push(checked);
    }
    options.onProgress?.(Math.min(1, (start + slice) / table.rows.length));
    if (options.nextTurn) await options.nextTurn();
  }
  return result;
}

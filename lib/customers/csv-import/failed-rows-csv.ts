// The "failed rows" report: each refused row's original cells, then its line and why it was refused.
// Built in the browser (the file never goes to the server), with the export's CSV rules.
import { stringify } from "csv-stringify/browser/esm/sync";
import type { RowError } from "@/lib/customers/csv-import/import-batch";

export type FailedRow = { line: number; cells: string[]; errors: RowError[] };

export function describeErrors(errors: RowError[]): string {
  return errors.map((error) => (error.field ? `${error.field}: ${error.message}` : error.message)).join("; ");
}

/** "line" and "error" unless the file already has such columns, so a fixed report re-imports cleanly. */
function reportColumns(header: string[]): [string, string] {
  const taken = new Set(header.map((name) => name.trim().toLowerCase()));
  const free = (name: string) => {
    let candidate = name;
    while (taken.has(candidate)) candidate = `import_${candidate}`;
    return candidate;
  };
  return [free("line"), free("error")];
}

/**
 * The report as CSV text: the file's own header plus two columns, rows in line order, with the file's
 * own delimiter (a spreadsheet that wrote `;` reads `;` back). It starts with
 * a BOM so spreadsheets read it as UTF-8 (the importer accepts one), uses CRLF like the export, and
 * escapes cells a spreadsheet would run as formulas. Fix the rows and import the report itself: the
 * two extra columns are guessed as "Don't import".
 */
export function failedRowsCsv(header: string[], rows: FailedRow[], delimiter: "," | ";" = ","): string {
  const sorted = [...rows].sort((a, b) => a.line - b.line);
  const width = Math.max(header.length, ...sorted.map((row) => row.cells.length));
  const pad = (cells: string[]) => [...cells, ...Array<string>(width - cells.length).fill("")];
  return stringify(
    [
      [...pad(header), ...reportColumns(header)],
      ...sorted.map((row) => [...pad(row.cells), String(row.line), describeErrors(row.errors)]),
    ],
    {
      delimiter,
      bom: true,
      record_delimiter: "windows",
      quote_record_delimiter: true,
      escape_formulas: true,
    },
  );
}

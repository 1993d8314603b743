// One CSV record of the export, written by hand: RFC 4180 (CRLF records; a cell holding a quote,
// comma, CR or LF is quoted, quotes doubled) and formula-injection-safe cells. csv-stringify did
// this before at a third of the export's CPU time (docs/benchmarks.md, "export");
// export-csv.test.ts checks the output is csv-stringify's, byte for byte, for any cells.

const NEEDS_QUOTES = /[",\r\n]/;

// OWASP's CSV-injection advice, as csv-stringify's escape_formulas applies it: a cell starting with
// = + - @ tab or CR (or the full-width = + - @ that Apple Numbers folds) gets a leading '. This
// also prefixes legitimate values such as phones in E.164 (+6281…) — the documented trade-off:
// a spreadsheet must never run a formula from customer data, and the ' is visibly removable.
const FORMULA_START = new Set(["=", "+", "-", "@", "\t", "\r", "\uFF1D", "\uFF0B", "\uFF0D", "\uFF20"]);

function csvCell(value: string | null): string {
  if (value === null || value === "") return "";
  const text = FORMULA_START.has(value[0]) ? `'${value}` : value;
  return NEEDS_QUOTES.test(value) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The cells as one CSV record, CRLF included; null is an empty cell. */
export function csvRecord(cells: readonly (string | null)[]): string {
  let record = csvCell(cells[0]);
  for (let i = 1; i < cells.length; i++) record += `,${csvCell(cells[i])}`;
  return `${record}\r\n`;
}

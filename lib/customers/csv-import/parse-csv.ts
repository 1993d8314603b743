// Reading a CSV file in the browser for the dashboard's import (docs/dashboard.md, "Import CSV").
// Pure: no DOM, no server code, so the wizard, unit tests and property tests share it.
import { parse, type CsvError } from "csv-parse/browser/esm";
import { IMPORT_MAX_BYTES, IMPORT_MAX_COLUMNS, IMPORT_MAX_ROWS } from "@/lib/customers/csv-import/limits";
/** A record longer than this is almost always a quote left open, which swallows the rest of the file. */
const MAX_RECORD_CHARS = 1_000_000;
const CHUNK_BYTES = 128 * 1024;

export type Delimiter = "," | ";";
/** `line` is where the record starts in the file (1-based), as a text editor or spreadsheet numbers it. */
export type CsvRow = { line: number; cells: string[] };
export type CsvTable = { delimiter: Delimiter; header: string[]; headerLine: number; rows: CsvRow[] };

/** A file that cannot be imported at all; the message is meant for the user. */
export class CsvFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CsvFileError";
  }
}

/**
 * `;` when the header line has more semicolons than commas outside quotes (spreadsheets in locales
 * with a decimal comma write `;`), else `,`. Leading blank lines are skipped. `complete` says whether
 * the header line ended within `text` (a reader waits for it before choosing).
 */
export function scanHeaderLine(text: string): { delimiter: Delimiter; complete: boolean } {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  let content = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (char === "\n" || char === "\r") {
      if (content) return { delimiter: semicolons > commas ? ";" : ",", complete: true };
      continue;
    } else if (char === ",") commas++;
    else if (char === ";") semicolons++;
    if (char !== "\ufeff" && char.trim() !== "") content = true;
  }
  return { delimiter: semicolons > commas ? ";" : ",", complete: false };
}

export function detectDelimiter(text: string): Delimiter {
  return scanHeaderLine(text).delimiter;
}

function countLineBreaks(raw: string): number {
  let breaks = 0;
  for (let index = 0; index < raw.length; index++) {
    const char = raw.charCodeAt(index);
    if (char === 10) breaks++;
    else if (char === 13) {
      breaks++;
      if (raw.charCodeAt(index + 1) === 10) index++;
    }
  }
  return breaks;
}

const FRIENDLY_CSV_ERRORS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: "a quoted cell is never closed",
  CSV_INVALID_CLOSING_QUOTE: 'a quote inside a quoted cell is not doubled (write "" for a quote)',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: "there is text after the closing quote of a cell",
  CSV_MAX_RECORD_SIZE: "a row is longer than 1,000,000 characters (a quote may be missing)",
};

/**
 * An incremental reader: feed it text in pieces of any size; it calls `onRecord` for each record
 * with the line it starts on. csv-parse's own `info.lines` miscounts CRLF inside quoted cells, so
 * lines are counted here from each record's raw text. Blank records (an empty line, or `;;;` rows
 * that spreadsheets write for formatted but empty rows) are skipped but still counted.
 */
export function createCsvReader(delimiter: Delimiter, onRecord: (cells: string[], line: number) => void) {
  let nextLine = 1;
  let failure: CsvFileError | undefined;
  const parser = parse({
    delimiter,
    bom: true,
    raw: true,
    // Any line ending, even mixed in one file (a hand-edited export); csv-parse would otherwise take
    // the first one it sees and leave the others inside the last cell.
    record_delimiter: ["\r\n", "\n", "\r"],
    relax_column_count: true,
    skip_empty_lines: false,
    max_record_size: MAX_RECORD_CHARS,
  });
  parser.on("data", ({ record, raw }: { record: string[]; raw: string }) => {
    const line = nextLine;
    nextLine += countLineBreaks(raw);
    if (failure) return;
    if (record.every((cell) => cell.trim() === "")) return;
    try {
      onRecord(record, line);
    } catch (error) {
      failure = error instanceof CsvFileError ? error : new CsvFileError(String(error));
    }
  });
  parser.on("error", (error: CsvError) => {
    const reason = FRIENDLY_CSV_ERRORS[error.code] ?? error.message;
    failure ??= new CsvFileError(`This is not a valid CSV file: near line ${nextLine}, ${reason}.`);
  });
  const check = () => {
    if (failure) throw failure;
  };
  // A piece that ends halfway through a surrogate pair (an emoji) keeps that half for the next one:
  // the parser turns each piece into UTF-8 bytes, and half a pair has none.
  let held = "";
  let wrote = false;
  return {
    write(piece: string) {
      check();
      let text = held + piece;
      const last = text.charCodeAt(text.length - 1);
      held = last >= 0xd800 && last <= 0xdbff ? text.slice(-1) : "";
      if (held) text = text.slice(0, -1);
      if (text) parser.write(text);
      wrote ||= text !== "";
      check();
    },
    end() {
      check();
      if (held) parser.write(held);
      // csv-parse's browser build fails on ending a stream that never had data; nothing to end then.
      if (wrote || held) parser.end();
      check();
    },
  };
}

/** Collects a reader's records into a table: the first record is the header; limits are enforced. */
function tableBuilder(delimiter: Delimiter) {
  let header: string[] | undefined;
  let headerLine = 0;
  const rows: CsvRow[] = [];
  const reader = createCsvReader(delimiter, (cells, line) => {
    if (!header) {
      if (cells.length > IMPORT_MAX_COLUMNS) {
        throw new CsvFileError(
          `The file has ${cells.length} columns; at most ${IMPORT_MAX_COLUMNS} can be read.`,
        );
      }
      header = cells;
      headerLine = line;
      return;
    }
    if (rows.length >= IMPORT_MAX_ROWS) {
      throw new CsvFileError(
        `The file has more than ${IMPORT_MAX_ROWS.toLocaleString("en-US")} rows. Split it into smaller files and import them one after the other.`,
      );
    }
    rows.push({ line, cells });
  });
  return {
    reader,
    table(): CsvTable {
      if (!header) throw new CsvFileError("The file is empty: it needs a header row and at least one row.");
      if (!rows.length) throw new CsvFileError("The file has a header row but no rows to import.");
      return { delimiter, header, headerLine, rows };
    },
  };
}

/** Parses a whole CSV text at once (tests, small inputs). */
export function parseCsvText(text: string): CsvTable {
  const builder = tableBuilder(detectDelimiter(text.slice(0, 65_536)));
  builder.reader.write(text);
  builder.reader.end();
  return builder.table();
}

export type ReadProgress = (fraction: number) => void;

/**
 * Parses a file's bytes as UTF-8 CSV in chunks, giving the browser a turn between chunks so the page
 * stays responsive on a 50 MB file. Text that is not valid UTF-8 (a spreadsheet's "CSV" in a legacy
 * code page) is refused with instructions rather than imported with mangled characters.
 */
export async function parseCsvBytes(
  bytes: Uint8Array,
  options: { onProgress?: ReadProgress; signal?: AbortSignal; chunkBytes?: number } = {},
): Promise<CsvTable> {
  if (bytes.length > IMPORT_MAX_BYTES) throw new CsvFileError(tooLargeMessage(bytes.length));
  const chunkBytes = options.chunkBytes ?? CHUNK_BYTES;
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const decode = (chunk: Uint8Array, stream: boolean) => {
    try {
      return decoder.decode(chunk, { stream });
    } catch {
      throw new CsvFileError(
        "This file is not UTF-8 text. In Excel, save it as “CSV UTF-8 (Comma delimited)”; in Google Sheets or Numbers, export it as CSV.",
      );
    }
  };
  let builder: ReturnType<typeof tableBuilder> | undefined;
  let head = ""; // text read before the header line is complete and the delimiter known
  const feed = (text: string, last: boolean) => {
    if (!builder) {
      head += text;
      const scan = scanHeaderLine(head);
      if (!scan.complete && !last) return;
      builder = tableBuilder(scan.delimiter);
      text = head;
    }
    builder.reader.write(text);
  };
  for (let start = 0; start < bytes.length; start += chunkBytes) {
    options.signal?.throwIfAborted();
    feed(decode(bytes.subarray(start, start + chunkBytes), true), false);
    options.onProgress?.(Math.min(1, (start + chunkBytes) / bytes.length));
    await nextTurn();
  }
  feed(decode(new Uint8Array(0), false), true);
  builder!.reader.end();
  return builder!.table();
}

export function tooLargeMessage(size: number): string {
  const megabytes = (size / 1024 / 1024).toFixed(1);
  return `The file is ${megabytes} MB; at most ${IMPORT_MAX_BYTES / 1024 / 1024} MB can be imported at once. Split it into smaller files.`;
}

/** Lets the browser paint and handle input before the next slice of work. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

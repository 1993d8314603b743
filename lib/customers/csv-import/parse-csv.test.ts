import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IMPORT_MAX_ROWS } from "@/lib/customers/csv-import/limits";
import {
  CsvFileError,
  createCsvReader,
  detectDelimiter,
  parseCsvBytes,
  parseCsvText,
  type Delimiter,
} from "@/lib/customers/csv-import/parse-csv";

const encode = (text: string) => new TextEncoder().encode(text);

describe("detectDelimiter", () => {
  it("counts commas and semicolons on the header line, outside quotes", () => {
    expect(detectDelimiter("a,b,c\n1;2;3;4;5")).toBe(",");
    expect(detectDelimiter("a;b;c\n1,2,3,4,5")).toBe(";");
    expect(detectDelimiter('"a,b,c";d;e\n')).toBe(";");
    expect(detectDelimiter('"x;y;z",b\n')).toBe(",");
    expect(detectDelimiter('"multi\nline;;;",b\n')).toBe(",");
  });

  it("skips leading blank lines and a BOM, and defaults to a comma", () => {
    expect(detectDelimiter("\ufeff\r\n\r\nname;email\r\n")).toBe(";");
    expect(detectDelimiter("name\nAlice")).toBe(",");
    expect(detectDelimiter("")).toBe(",");
  });
});

describe("parseCsvText", () => {
  it("reads a spreadsheet's semicolon file with a BOM, CRLF, quotes, embedded delimiters and newlines", () => {
    const text =
      '\ufeffname;email;note\r\n"Smith; Alice";alice@example.com;"said ""hi""\r\ntwice"\r\nBob;bob@example.com;\r\n';
    expect(parseCsvText(text)).toEqual({
      delimiter: ";",
      header: ["name", "email", "note"],
      headerLine: 1,
      rows: [
        { line: 2, cells: ["Smith; Alice", "alice@example.com", 'said "hi"\r\ntwice'] },
        { line: 4, cells: ["Bob", "bob@example.com", ""] },
      ],
    });
  });

  it("skips empty and all-blank lines but keeps counting them, so lines match the file", () => {
    const table = parseCsvText("\n\nname,email\n\nAlice,a@x.com\n,\n , \n\r\nBob,b@x.com");
    expect(table.headerLine).toBe(3);
    expect(table.rows).toEqual([
      { line: 5, cells: ["Alice", "a@x.com"] },
      { line: 9, cells: ["Bob", "b@x.com"] },
    ]);
  });

  it("takes any line ending, even mixed in one file", () => {
    expect(parseCsvText("a,b\r\n1,2\n3,4\r5,6\r\n").rows).toEqual([
      { line: 2, cells: ["1", "2"] },
      { line: 3, cells: ["3", "4"] },
      { line: 4, cells: ["5", "6"] },
    ]);
  });

  it("keeps rows with the wrong number of cells (the checks refuse them, one row at a time)", () => {
    expect(parseCsvText("a,b\n1,2,3\n4\n").rows.map((row) => row.cells)).toEqual([["1", "2", "3"], ["4"]]);
  });

  it("refuses broken quoting with the line it starts on", () => {
    expect(() => parseCsvText('a,b\n1,2\n"open,3\n4,5\n')).toThrow(
      /near line 3, a quoted cell is never closed/,
    );
    expect(() => parseCsvText('a,b\n1,"2"x\n')).toThrow(CsvFileError);
  });

  it("refuses an empty file and a header without rows", () => {
    expect(() => parseCsvText("")).toThrow(/empty/);
    expect(() => parseCsvText("\ufeff")).toThrow(/empty/);
    expect(() => parseCsvText("\n\n")).toThrow(/empty/);
    expect(() => parseCsvText("\ufeffname,email\r\n\r\n")).toThrow(/no rows/);
  });
});

describe("parseCsvBytes", () => {
  it("decodes UTF-8 across chunk boundaries, multi-byte characters included", async () => {
    const text = "name;city\nRené;Zürich\n王小明;北京\n🙂 Ayu;Jakarta\n";
    for (const chunkBytes of [1, 2, 3, 7, 1024]) {
      const table = await parseCsvBytes(encode(text), { chunkBytes });
      expect(table.rows.map((row) => row.cells)).toEqual([
        ["René", "Zürich"],
        ["王小明", "北京"],
        ["🙂 Ayu", "Jakarta"],
      ]);
    }
  });

  it("refuses text that is not UTF-8 (a legacy code page) with instructions", async () => {
    const latin1 = new Uint8Array([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0x52, 0x65, 0x6e, 0xe9, 0x0a]);
    await expect(parseCsvBytes(latin1)).rejects.toThrow(/not UTF-8.*CSV UTF-8/);
  });

  it(`refuses more than ${IMPORT_MAX_ROWS.toLocaleString("en-US")} rows`, async () => {
    const text = `name\n${"x\n".repeat(IMPORT_MAX_ROWS + 1)}`;
    await expect(parseCsvBytes(encode(text))).rejects.toThrow(/more than 200,000 rows/);
  });

  it("reads 100,000 rows with their line numbers", async () => {
    const lines = ["id,externalId,email,name,phone,taxId,createdAt,archivedAt,metadata"];
    for (let n = 0; n < 100_000; n++) {
      lines.push(`,ext-${n},c${n}@example.com,"Customer, ${n}",+62 811 ${n},,,,"{""n"":""${n}""}"`);
    }
    const started = Date.now();
    const table = await parseCsvBytes(encode(lines.join("\r\n")));
    expect(table.rows).toHaveLength(100_000);
    expect(table.rows[99_999]).toEqual({
      line: 100_001,
      cells: [
        "",
        "ext-99999",
        "c99999@example.com",
        "Customer, 99999",
        "+62 811 99999",
        "",
        "",
        "",
        '{"n":"99999"}',
      ],
    });
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 60_000);
});

// Any table of strings: quotes, both delimiters, CR, LF, CRLF, BOM-looking characters, emoji.
const cellArbitrary = fc.oneof(
  fc.string({ unit: fc.constantFrom("a", "b", " ", ",", ";", '"', "\n", "\r", "é", "🙂", "'", "=") }),
  fc.string(),
);

function tableArbitrary(minColumns = 1) {
  return fc.integer({ min: minColumns, max: 5 }).chain((columns) =>
    fc.array(fc.array(cellArbitrary, { minLength: columns, maxLength: columns }), {
      minLength: 2,
      maxLength: 8,
    }),
  );
}

/** Blank records are skipped by design; the property is about every other record. */
const isBlank = (cells: string[]) => cells.every((cell) => cell.trim() === "");

const breaks = (text: string) => (text.match(/\r\n|\r|\n/g) ?? []).length;

describe("properties", () => {
  it("round-trips csv-stringify's output, in pieces of any size, with each record's starting line", () => {
    fc.assert(
      fc.property(
        tableArbitrary(),
        fc.constantFrom<Delimiter>(",", ";"),
        fc.constantFrom("unix", "windows"),
        fc.boolean(),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 5 }),
        (table, delimiter, recordDelimiter, bom, pieces) => {
          // As the export writes it: a lone CR or LF in a cell is quoted too.
          const options = {
            delimiter,
            record_delimiter: recordDelimiter as "unix" | "windows",
            quote_record_delimiter: true,
          };
          const records = table.map((cells) => stringify([cells], options));
          const text = (bom ? "\ufeff" : "") + records.join("");
          const got: { cells: string[]; line: number }[] = [];
          const reader = createCsvReader(delimiter, (cells, line) => got.push({ cells, line }));
          for (let at = 0, i = 0; at < text.length; i++) {
            const size = pieces[i % pieces.length];
            reader.write(text.slice(at, at + size));
            at += size;
          }
          reader.end();
          let line = 1;
          const expected: { cells: string[]; line: number }[] = [];
          table.forEach((cells, index) => {
            if (!isBlank(cells)) expected.push({ cells, line });
            line += breaks(records[index]);
          });
          expect(got).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("detects the delimiter of any file whose header names are words", () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,10}$/), { minLength: 2, maxLength: 6 }),
        tableArbitrary(),
        fc.constantFrom<Delimiter>(",", ";"),
        fc.boolean(),
        (header, body, delimiter, bom) => {
          const rows = body.map((cells) => header.map((_, i) => cells[i % cells.length]));
          const text =
            (bom ? "\ufeff" : "") +
            stringify([header, ...rows], {
              delimiter,
              record_delimiter: "windows",
              quote_record_delimiter: true,
            });
          if (rows.every(isBlank)) return;
          const parsed = parseCsvText(text);
          expect(parsed.delimiter).toBe(delimiter);
          expect(parsed.header).toEqual(header);
          expect(parsed.rows.map((row) => row.cells)).toEqual(rows.filter((cells) => !isBlank(cells)));
        },
      ),
      { numRuns: 200 },
    );
  });
});

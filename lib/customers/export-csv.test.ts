import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvRecord } from "@/lib/customers/export-csv";

// What the export used before: csv-stringify with these options. The hand-written encoder must
// write exactly the same bytes.
const csvStringify = (cells: (string | null)[]) =>
  stringify([cells], {
    record_delimiter: "windows",
    quote_record_delimiter: true,
    escape_formulas: true,
  });

// Strings rich in what matters: quotes, separators, line breaks, formula starters.
const cell = fc.oneof(
  fc.constant(null),
  fc.string(),
  fc.string({
    unit: fc.constantFrom(
      '"',
      ",",
      "\r",
      "\n",
      "=",
      "+",
      "-",
      "@",
      "\t",
      "＝",
      "＋",
      "－",
      "＠",
      "'",
      "a",
      " ",
      "é",
    ),
  }),
);

describe("csvRecord", () => {
  it("quotes, doubles quotes and defuses formulas as RFC 4180 and OWASP ask", () => {
    expect(csvRecord(["cus_1", null, 'say "hi"', "a,b", "+6281", "=SUM(A1)", "line\nbreak", ""])).toBe(
      `cus_1,,"say ""hi""","a,b",'+6281,'=SUM(A1),"line\nbreak",\r\n`,
    );
    expect(csvRecord(["\r=x", "-", "@a"])).toBe(`"'\r=x",'-,'@a\r\n`);
  });

  it("writes exactly what csv-stringify wrote (property)", () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 9 }), (cells) => {
        expect(csvRecord(cells)).toBe(csvStringify(cells));
      }),
      { numRuns: 2000 },
    );
  });
});

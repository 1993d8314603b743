import { describe, expect, it } from "vitest";
import { guessMapping } from "@/lib/customers/csv-import/column-mapping";
import { describeErrors, failedRowsCsv } from "@/lib/customers/csv-import/failed-rows-csv";
import { parseCsvText } from "@/lib/customers/csv-import/parse-csv";

describe("failedRowsCsv", () => {
  it("writes the original cells, the line and the reasons, in line order, with a BOM and CRLF", () => {
    const csv = failedRowsCsv(
      ["name", "email"],
      [
        { line: 9, cells: ["Zed", "z@x.com"], errors: [{ field: "externalId", message: "already taken" }] },
        {
          line: 3,
          cells: ["Smith; Ann", "nope"],
          errors: [
            { field: "email", message: "must be a valid email address" },
            { message: "has no values" },
          ],
        },
      ],
    );
    expect(csv).toBe(
      "\ufeffname,email,line,error\r\n" +
        "Smith; Ann,nope,3,email: must be a valid email address; has no values\r\n" +
        "Zed,z@x.com,9,externalId: already taken\r\n",
    );
  });

  it("escapes cells a spreadsheet would run, quotes what needs quoting, and pads short rows", () => {
    const csv = failedRowsCsv(
      ["name", "phone"],
      [{ line: 2, cells: ["=HYPERLINK(1)"], errors: [{ message: 'a "b", c' }] }],
    );
    expect(csv).toBe('\ufeffname,phone,line,error\r\n\'=HYPERLINK(1),,2,"a ""b"", c"\r\n');
  });

  it("uses the file's delimiter", () => {
    expect(
      failedRowsCsv(["a", "b"], [{ line: 2, cells: ["x;y", "z"], errors: [{ message: "m" }] }], ";"),
    ).toBe('\ufeffa;b;line;error\r\n"x;y";z;2;m\r\n');
  });

  it("re-imports: the report parses back to the same cells, and its extra columns are not imported", () => {
    const header = ["name", "line", "note"];
    const rows = [
      { line: 4, cells: ["Multi\r\nline", "x", '"q"'], errors: [{ field: "name", message: "bad" }] },
    ];
    const parsed = parseCsvText(failedRowsCsv(header, rows));
    expect(parsed.header).toEqual(["name", "line", "note", "import_line", "error"]);
    expect(parsed.rows[0].cells).toEqual(["Multi\r\nline", "x", '"q"', "4", "name: bad"]);
    expect(guessMapping(parsed.header)).toEqual(["name", "skip", "skip", "skip", "skip"]);
  });

  it("describes errors as field: message", () => {
    expect(describeErrors([{ field: "id", message: "unknown" }, { message: "too many cells" }])).toBe(
      "id: unknown; too many cells",
    );
  });
});

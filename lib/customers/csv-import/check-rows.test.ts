import { describe, expect, it } from "vitest";
import {
  checkRows,
  createRowChecker,
  toImportRow,
  unescapeFormula,
} from "@/lib/customers/csv-import/check-rows";
import { guessMapping, type ColumnTarget } from "@/lib/customers/csv-import/column-mapping";
import { parseCsvText } from "@/lib/customers/csv-import/parse-csv";
import { CUSTOMER_EXPORT_COLUMNS } from "@/lib/customers/export-columns";

const EXPORT_HEADER = [...CUSTOMER_EXPORT_COLUMNS];
const EXPORT_TARGETS: ColumnTarget[] = [
  "id",
  "externalId",
  "email",
  "name",
  "phone",
  "taxId",
  "skip",
  "skip",
  "metadata",
];
const ID = "cus_01JDQ4W3Y2ZJ8M9V0T3B5K7N2P";

describe("unescapeFormula", () => {
  it("drops the ' the export puts before = + - @ tab and CR, and nothing else", () => {
    expect(unescapeFormula("'+6281234")).toBe("+6281234");
    expect(unescapeFormula("'=SUM(A1)")).toBe("=SUM(A1)");
    expect(unescapeFormula("'-5")).toBe("-5");
    expect(unescapeFormula("'@home")).toBe("@home");
    expect(unescapeFormula("'＝x")).toBe("＝x");
    expect(unescapeFormula("O'Brien")).toBe("O'Brien");
    expect(unescapeFormula("'quoted'")).toBe("'quoted'");
    expect(unescapeFormula("+62")).toBe("+62");
  });
});

describe("toImportRow", () => {
  it("maps an export row: the id to find the customer, text cells as they are, metadata parsed", () => {
    expect(guessMapping(EXPORT_HEADER)).toEqual(EXPORT_TARGETS);
    const cells = [
      ID,
      "crm_1",
      "a@x.com",
      "Alice",
      "'+6281234567890",
      "",
      "2026-11-24T10:00:00.000Z",
      "",
      '{"plan":"pro"}',
    ];
    expect(toImportRow({ line: 2, cells }, EXPORT_TARGETS)).toEqual({
      row: {
        line: 2,
        id: ID,
        values: { externalId: "crm_1", email: "a@x.com", name: "Alice", phone: "+6281234567890", taxId: "" },
        metadata: { plan: "pro" },
      },
      errors: [],
    });
  });

  it("an empty metadata cell clears the map; metadata.KEY cells set or remove keys", () => {
    expect(toImportRow({ line: 2, cells: ["", "x"] }, ["metadata", "metadata.plan"]).row.metadata).toEqual({
      plan: "x",
    });
    expect(
      toImportRow({ line: 2, cells: ['{"plan":"a","b":"c"}', ""] }, ["metadata", "metadata.plan"]).row,
    ).toEqual({
      line: 2,
      values: {},
      metadata: { b: "c" },
    });
    expect(toImportRow({ line: 2, cells: ["x", ""] }, ["metadata.plan", "metadata.tier"]).row).toEqual({
      line: 2,
      values: {},
      metadataKeys: { plan: "x", tier: "" },
    });
  });

  it("keeps a __proto__ metadata key an ordinary key", () => {
    const { row } = toImportRow({ line: 2, cells: ['{"__proto__":"x"}', "y"] }, ["metadata", "metadata.k"]);
    expect(Object.keys(row.metadata as object)).toEqual(["__proto__", "k"]);
    expect(Object.getPrototypeOf(row.metadata)).toBe(Object.prototype);
  });

  it("flags an id that is not a customer ID and metadata that is not a JSON object", () => {
    expect(toImportRow({ line: 3, cells: ["42", "[1]"] }, ["id", "metadata"]).errors).toEqual([
      { field: "id", message: "must be a customer ID (cus_…) as the export writes it" },
      { field: "metadata", message: 'must be a JSON object, e.g. {"plan":"pro"}' },
    ]);
  });
});

describe("createRowChecker", () => {
  const header = ["externalId", "email", "phone", "metadata.plan"];
  const targets: ColumnTarget[] = ["externalId", "email", "phone", "metadata.plan"];

  it("applies the API's field rules, one error per field, named like the API's param", () => {
    const check = createRowChecker(header, targets);
    expect(check({ line: 2, cells: ["e1", "nope", "12", "x".repeat(501)] }).errors).toEqual([
      { field: "email", message: "must be a valid email address" },
      { field: "phone", message: "must be digits, spaces and + - ( ), with at least 4 digits" },
      { field: "metadata.plan", message: "values must be at most 500 characters" },
    ]);
    const ok = check({ line: 3, cells: [" e2 ", "b@x.com", "+62 811", "pro"] });
    expect(ok.errors).toEqual([]);
    expect(ok.row).toEqual({
      line: 3,
      values: { externalId: "e2", email: "b@x.com", phone: "+62 811" },
      metadataKeys: { plan: "pro" },
    });
  });

  it("refuses later rows repeating an external ID (after trimming) or an id, pointing at the first", () => {
    const check = createRowChecker(["id", "externalId"], ["id", "externalId"]);
    expect(check({ line: 2, cells: [ID, "e1"] }).errors).toEqual([]);
    expect(check({ line: 5, cells: ["", " e1"] }).errors).toEqual([
      { field: "externalId", message: "is also on line 2: each external ID can appear once per file" },
    ]);
    expect(check({ line: 6, cells: [ID, ""] }).errors).toEqual([
      { field: "id", message: "is also on line 2: each customer can appear once per file" },
    ]);
  });

  it("refuses a row with the wrong number of cells and a row with nothing in the imported columns", () => {
    const check = createRowChecker(["name", "notes"], ["name", "skip"]);
    expect(check({ line: 2, cells: ["a", "b", "c"] }).errors[0].message).toMatch(
      /has 3 cells where the header has 2/,
    );
    expect(check({ line: 3, cells: ["", "only notes"] }).errors).toEqual([
      { message: "has no values in the columns being imported" },
    ]);
  });
});

describe("checkRows", () => {
  it("sorts a table's rows into ready and refused, keeping each row's cells for the report", async () => {
    const table = parseCsvText("\ufeffname;email\r\nAnn;ann@x.com\r\nBad;not-an-email\r\n");
    const fractions: number[] = [];
    const result = await checkRows(table, ["name", "email"], {
      slice: 1,
      onProgress: (f) => fractions.push(f),
    });
    const row = { line: 2, values: { name: "Ann", email: "ann@x.com" } };
    expect(result.valid).toEqual([
      { row, cells: ["Ann", "ann@x.com"], bytes: JSON.stringify(row).length + 1 },
    ]);
    expect(result.invalid).toEqual([
      {
        line: 3,
        cells: ["Bad", "not-an-email"],
        errors: [{ field: "email", message: "must be a valid email address" }],
      },
    ]);
    expect(fractions).toEqual([0.5, 1]);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createInputOf,
  importBatchKey,
  importBatchSchema,
  planBatches,
  rowBytes,
  updateInputOf,
  utf8Length,
  type ImportRow,
} from "@/lib/customers/csv-import/import-batch";

describe("createInputOf / updateInputOf", () => {
  it("a metadata column is the whole map; metadata.KEY columns only touch their keys", () => {
    const replace: ImportRow = { line: 2, values: { name: "A" }, metadata: { x: "1" } };
    expect(createInputOf(replace)).toEqual({ name: "A", metadata: { x: "1" } });
    expect(updateInputOf(replace, { old: "1" })).toEqual({ name: "A", metadata: { x: "1" } });

    const keys: ImportRow = { line: 2, values: {}, metadataKeys: { plan: "pro", gone: "" } };
    expect(createInputOf(keys)).toEqual({ metadata: { plan: "pro" } });
    expect(updateInputOf(keys, { gone: "1", kept: "2" })).toEqual({ metadata: { kept: "2", plan: "pro" } });
    expect(updateInputOf({ line: 2, values: { email: "" } }, { k: "v" })).toEqual({ email: "" });
  });
});

describe("importBatchSchema", () => {
  const batch = {
    importId: "0123456789abcdef0123456789abcdef",
    batch: 0,
    workspaceId: "ws_1",
    livemode: false,
    rows: [{ line: 2, values: { name: "A" } }],
  };
  it("accepts a batch and refuses unknown keys, bad import ids and empty or oversized batches", () => {
    expect(importBatchSchema.parse(batch).rows[0]).toEqual({ line: 2, values: { name: "A" } });
    expect(importBatchSchema.safeParse({ ...batch, extra: 1 }).success).toBe(false);
    expect(importBatchSchema.safeParse({ ...batch, importId: "../x" }).success).toBe(false);
    expect(importBatchSchema.safeParse({ ...batch, rows: [] }).success).toBe(false);
    expect(importBatchSchema.safeParse({ ...batch, rows: Array(1001).fill(batch.rows[0]) }).success).toBe(
      false,
    );
    expect(
      importBatchSchema.safeParse({ ...batch, rows: [{ line: 2, values: { archived: "true" } }] }).success,
    ).toBe(false);
  });
  it("names one idempotency key per import and batch", () => {
    expect(importBatchKey(batch.importId, 7)).toBe("dashboard-import:0123456789abcdef0123456789abcdef:7");
  });
});

describe("planBatches", () => {
  const rows = (n: number, name = "x"): ImportRow[] =>
    Array.from({ length: n }, (_, i) => ({ line: i + 2, values: { name } }));

  it("cuts at 500 rows", () => {
    expect(planBatches(rows(1200).map(rowBytes))).toEqual([
      { start: 0, end: 500 },
      { start: 500, end: 1000 },
      { start: 1000, end: 1200 },
    ]);
    expect(planBatches([])).toEqual([]);
  });

  it("cuts earlier when rows are large, and never leaves a batch empty", () => {
    const big = rows(10, "y".repeat(100_000));
    const batches = planBatches(big.map(rowBytes), { maxBytes: 250_000 });
    expect(batches.every(({ start, end }) => end - start === 2)).toBe(true);
    expect(planBatches(big.map(rowBytes), { maxBytes: 10 })).toHaveLength(10);
  });

  it("covers every row once, in order, within both limits (a batch over the byte limit holds one row)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 300 }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 50, max: 2000 }),
        (names, maxRows, maxBytes) => {
          const input = names.map((name, i) => ({ line: i + 2, values: { name } }));
          const batches = planBatches(input.map(rowBytes), { maxRows, maxBytes });
          expect(batches.flatMap(({ start, end }) => input.slice(start, end))).toEqual(input);
          for (const { start, end } of batches) {
            expect(end - start).toBeGreaterThan(0);
            expect(end - start).toBeLessThanOrEqual(maxRows);
            const bytes = input
              .slice(start, end)
              .reduce((sum, row) => sum + utf8Length(JSON.stringify(row)) + 1, 0);
            if (end - start > 1) expect(bytes).toBeLessThanOrEqual(maxBytes);
          }
        },
      ),
    );
  });

  it("counts UTF-8 bytes like TextEncoder", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
      }),
    );
  });
});

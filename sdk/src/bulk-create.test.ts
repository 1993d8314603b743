import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_BATCH_SIZE, planBatches } from "./bulk-create.js";

describe("planBatches", () => {
  it("keeps every item once, in order, in batches of at most the size asked (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ name: fc.string(), externalId: fc.string() }), { maxLength: 300 }),
        fc.integer({ min: 1, max: MAX_BATCH_SIZE }),
        (items, size) => {
          const batches = planBatches(items, size);
          expect(batches.flatMap((batch) => batch.json)).toEqual(items.map((item) => JSON.stringify(item)));
          let start = 0;
          for (const batch of batches) {
            expect(batch.start).toBe(start);
            expect(batch.json.length).toBeGreaterThan(0);
            expect(batch.json.length).toBeLessThanOrEqual(size);
            start += batch.json.length;
          }
        },
      ),
    );
  });

  it("cuts before a batch's JSON passes 9 MiB, whatever the count", () => {
    const big = {
      metadata: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, "é".repeat(500)])),
    };
    const batches = planBatches(
      Array.from({ length: 400 }, () => big),
      1000,
    );
    const bytes = (json: string[]) => new TextEncoder().encode(`{"items":[${json.join(",")}]}`).length;
    expect(batches.length).toBeGreaterThan(1);
    for (const batch of batches) expect(bytes(batch.json)).toBeLessThan(9 * 1024 * 1024 + 32);
  });
});

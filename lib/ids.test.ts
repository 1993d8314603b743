import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { idPrefixes, isId, newId, type IdKind } from "@/lib/ids";

const kinds = Object.keys(idPrefixes) as IdKind[];

describe("newId", () => {
  it("is the kind's prefix plus a 26-character ULID", () => {
    for (const kind of kinds) {
      const id = newId(kind);
      expect(id.startsWith(`${idPrefixes[kind]}_`)).toBe(true);
      expect(isId(kind, id)).toBe(true);
    }
  });

  it("sorts by creation time, so keyset order by id follows createdAt", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 40 }), fc.integer({ min: 1, max: 2 ** 20 }), (time, gap) => {
        expect(newId("customer", time) < newId("customer", time + gap)).toBe(true);
      }),
    );
  });

  it("never repeats", () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newId("customer")));
    expect(ids.size).toBe(10_000);
  });
});

describe("isId", () => {
  it("rejects another kind's ID, lower case, and anything with extra characters", () => {
    const id = newId("customer");
    expect(isId("payment", id)).toBe(false);
    expect(isId("customer", id.toLowerCase())).toBe(false);
    expect(isId("customer", `${id} `)).toBe(false);
    expect(isId("customer", `x${id}`)).toBe(false);
  });

  it("accepts nothing but well-formed IDs (property)", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(isId("customer", text)).toBe(/^cus_[0-9A-HJKMNP-TV-Z]{26}$/.test(text));
      }),
    );
  });
});

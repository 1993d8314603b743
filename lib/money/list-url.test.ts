import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { moneyListHref, parseMoneyListParams } from "@/lib/money/list-url";

describe("parseMoneyListParams", () => {
  it("keeps the customer filter and cursor, trimmed, and drops what a bookmark got wrong", () => {
    expect(parseMoneyListParams({ customerId: " cus_1 ", cursor: "abc.def" })).toEqual({
      customerId: "cus_1",
      cursor: "abc.def",
    });
    expect(parseMoneyListParams({ customerId: ["cus_1", "cus_2"] })).toEqual({ customerId: "cus_1" });
    expect(parseMoneyListParams({ customerId: "", cursor: "  " })).toEqual({});
    expect(parseMoneyListParams({ customerId: "x".repeat(65), cursor: "c".repeat(1025) })).toEqual({});
    expect(parseMoneyListParams({ page: "2", sort: "name" })).toEqual({});
  });

  it("never throws, whatever the query", () => {
    const value = fc.option(fc.oneof(fc.string(), fc.array(fc.string())), { nil: undefined });
    fc.assert(
      fc.property(fc.record({ customerId: value, cursor: value }), (query) => {
        parseMoneyListParams(query);
      }),
    );
  });
});

describe("moneyListHref", () => {
  it("writes only what is set, filter first, and round-trips through the parser", () => {
    expect(moneyListHref("/dashboard/payments", {})).toBe("/dashboard/payments");
    expect(moneyListHref("/dashboard/payments", { cursor: "a.b", customerId: "cus_1" })).toBe(
      "/dashboard/payments?customerId=cus_1&cursor=a.b",
    );
    fc.assert(
      fc.property(
        fc.record(
          { customerId: fc.stringMatching(/^\S(.{0,30}\S)?$/), cursor: fc.stringMatching(/^[\w.-]{1,40}$/) },
          { requiredKeys: [] },
        ),
        (params) => {
          const url = new URL(moneyListHref("/dashboard/invoices", params), "http://x");
          expect(parseMoneyListParams(Object.fromEntries(url.searchParams))).toEqual(params);
        },
      ),
    );
  });
});

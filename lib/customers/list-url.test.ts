import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { customerListHref, isFiltered, nextSort, parseCustomerListParams } from "@/lib/customers/list-url";

describe("parseCustomerListParams", () => {
  it("reads every filter, the sort and the cursor", () => {
    expect(
      parseCustomerListParams({
        email: "alice@example.com",
        q: "ali",
        sort: "name",
        createdFrom: "2026-11-01",
        createdTo: "2026-11-30",
        archived: "all",
        cursor: "abc",
      }),
    ).toEqual({
      email: "alice@example.com",
      q: "ali",
      sort: "name",
      createdFrom: "2026-11-01",
      createdTo: "2026-11-30",
      archived: "all",
      cursor: "abc",
    });
  });

  it("falls back to the defaults on a hand-edited bookmark instead of failing", () => {
    expect(
      parseCustomerListParams({ sort: "shoe-size", archived: "maybe", createdFrom: "2026-02-30", q: "  " }),
    ).toEqual({ sort: "-createdAt", archived: "false" });
  });

  it("drops a value with a NUL character, which no query could take", () => {
    expect(parseCustomerListParams({ q: "a\u0000b", email: "\u0000", cursor: "x\u0000" })).toEqual({
      sort: "-createdAt",
      archived: "false",
    });
  });

  it("takes the first of repeated parameters", () => {
    expect(parseCustomerListParams({ email: ["a@x.com", "b@x.com"] }).email).toBe("a@x.com");
  });

  it("never throws, whatever the query string holds", () => {
    const value = fc.option(fc.oneof(fc.string(), fc.array(fc.string())), { nil: undefined });
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom("email", "q", "sort", "archived", "createdFrom", "cursor", "x"), value),
        (query) => {
          const params = parseCustomerListParams(query);
          expect(params.sort).toBeTypeOf("string");
        },
      ),
    );
  });
});

describe("customerListHref", () => {
  it("leaves out defaults and keeps the filters across pages", () => {
    expect(customerListHref({ sort: "-createdAt", archived: "false" })).toBe("/dashboard/customers");
    expect(
      customerListHref({ email: "alice@example.com", sort: "-createdAt", archived: "false", cursor: "c1" }),
    ).toBe("/dashboard/customers?email=alice%40example.com&cursor=c1");
  });

  it("round-trips through the parser", () => {
    const params = { q: "a b&c", sort: "-name", archived: "true", createdFrom: "2026-01-01" } as const;
    const href = customerListHref(params);
    const parsed = parseCustomerListParams(Object.fromEntries(new URL(href, "http://x").searchParams));
    expect(parsed).toEqual(params);
  });
});

describe("isFiltered and nextSort", () => {
  it("counts filters but not the sort or the cursor", () => {
    expect(isFiltered(parseCustomerListParams({ sort: "name", cursor: "x" }))).toBe(false);
    expect(isFiltered(parseCustomerListParams({ archived: "all" }))).toBe(true);
  });

  it("toggles a column between ascending and descending", () => {
    expect(nextSort("-createdAt", "name")).toBe("name");
    expect(nextSort("name", "name")).toBe("-name");
    expect(nextSort("-createdAt", "createdAt")).toBe("createdAt");
    expect(nextSort("createdAt", "createdAt")).toBe("-createdAt");
  });
});

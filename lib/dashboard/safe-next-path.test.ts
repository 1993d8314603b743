import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_AFTER_SIGN_IN, loginUrl, safeNextPath } from "@/lib/dashboard/safe-next-path";

describe("safeNextPath", () => {
  it("keeps a dashboard path with its query string exactly", () => {
    expect(safeNextPath("/dashboard/customers?email=alice@example.com")).toBe(
      "/dashboard/customers?email=alice@example.com",
    );
    expect(safeNextPath("/dashboard/customers?cursor=abc_-1&sort=name")).toBe(
      "/dashboard/customers?cursor=abc_-1&sort=name",
    );
  });

  it.each([
    ["absent", undefined],
    ["empty", ""],
    ["another origin", "https://evil.example/dashboard"],
    ["protocol-relative", "//evil.example/x"],
    ["backslash trick", "/\\evil.example"],
    ["a tab browsers would drop", "/\t/evil.example"],
    ["javascript:", "javascript:alert(1)"],
    ["relative", "dashboard"],
  ])("refuses %s and falls back to the customers list", (_label, value) => {
    expect(safeNextPath(value)).toBe(DEFAULT_AFTER_SIGN_IN);
  });

  it("never yields anything but a same-site path, whatever the input", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (value) => {
        const result = safeNextPath(value);
        expect(result.startsWith("/")).toBe(true);
        expect(result.startsWith("//")).toBe(false);
        expect(new URL(result, "https://plugipay.test").origin).toBe("https://plugipay.test");
      }),
    );
  });
});

describe("loginUrl", () => {
  it("carries the page, query included, in next", () => {
    expect(loginUrl("/dashboard/customers?email=alice@example.com")).toBe(
      "/login?next=%2Fdashboard%2Fcustomers%3Femail%3Dalice%40example.com",
    );
  });

  it("sends an unknown page to the customers list", () => {
    expect(loginUrl(null)).toBe("/login?next=%2Fdashboard%2Fcustomers");
  });
});

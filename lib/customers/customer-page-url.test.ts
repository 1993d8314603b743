import { describe, expect, it } from "vitest";
import { customerPageHref, parseCustomerPageParams } from "@/lib/customers/customer-page-url";

describe("parseCustomerPageParams", () => {
  it("defaults to the payments tab with no cursor", () => {
    expect(parseCustomerPageParams({})).toEqual({ tab: "payments", cursor: undefined, merged: undefined });
  });

  it("reads a known tab and a cursor", () => {
    expect(parseCustomerPageParams({ tab: "invoices", cursor: "abc" })).toEqual({
      tab: "invoices",
      cursor: "abc",
      merged: undefined,
    });
  });

  it("falls back to payments for an unknown or repeated tab, and drops an oversized cursor", () => {
    expect(parseCustomerPageParams({ tab: "refunds" }).tab).toBe("payments");
    expect(parseCustomerPageParams({ tab: ["subscriptions", "invoices"] }).tab).toBe("subscriptions");
    expect(parseCustomerPageParams({ cursor: "x".repeat(2000) }).cursor).toBeUndefined();
  });
});

describe("customerPageHref", () => {
  it("leaves the default tab out and keeps a cursor", () => {
    expect(customerPageHref("cus_1")).toBe("/dashboard/customers/cus_1");
    expect(customerPageHref("cus_1", { tab: "payments", cursor: "c1" })).toBe(
      "/dashboard/customers/cus_1?cursor=c1",
    );
    expect(customerPageHref("cus_1", { tab: "invoices" })).toBe("/dashboard/customers/cus_1?tab=invoices");
  });

  it("escapes an id that is not a plain ID", () => {
    expect(customerPageHref("a/b?c")).toBe("/dashboard/customers/a%2Fb%3Fc");
  });
});

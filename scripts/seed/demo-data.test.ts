import { describe, expect, it } from "vitest";
import { demoCustomers, randomSource } from "./demo-data";

describe("demoCustomers", () => {
  const customers = demoCustomers(130, randomSource(42));

  it("is the same on every run", () => {
    expect(demoCustomers(130, randomSource(42))).toEqual(customers);
  });

  it("covers the shapes the dashboard must handle", () => {
    expect(customers.some((c) => c.name === null && c.email !== null)).toBe(true);
    expect(customers.some((c) => c.name === null && c.email === null)).toBe(true);
    expect(customers.some((c) => c.externalId !== null)).toBe(true);
    expect(customers.some((c) => c.externalId === null)).toBe(true);
    expect(customers.some((c) => c.name && /\p{Extended_Pictographic}/u.test(c.name))).toBe(true);
    expect(
      customers.some((c) => c.name && /[\p{Script=Han}\p{Script=Cyrillic}\p{Script=Arabic}]/u.test(c.name)),
    ).toBe(true);
    expect(customers.some((c) => c.email && c.email !== c.email.toLowerCase())).toBe(true);
  });

  it("makes externalIds unique and emails valid-looking", () => {
    const externalIds = customers.map((c) => c.externalId).filter(Boolean);
    expect(new Set(externalIds).size).toBe(externalIds.length);
    for (const c of customers) if (c.email) expect(c.email).toMatch(/^[^\s@]+@[^\s@]+\.[^\s@]+$/);
  });
});

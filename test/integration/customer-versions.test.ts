// A customer's updatedAt orders its versions: each update is later than the one it replaces, even
// when the clock has not moved (two PATCHes in one millisecond, or a clock that stepped back).
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { createCustomer } from "@/lib/customers/create-customers";
import { updateCustomer } from "@/lib/customers/update-customer";
import { newId } from "@/lib/ids";
import type { Scope } from "@/lib/scope";

let scope: Scope;

beforeAll(async () => {
  const workspaceId = newId("workspace");
  await prisma.workspace.create({ data: { id: workspaceId, name: "Versions" } });
  scope = { workspaceId, livemode: false };
});

afterEach(() => vi.useRealTimers());

describe("updatedAt", () => {
  it("moves forward by at least a millisecond with every update, whatever the clock says", async () => {
    const customer = await createCustomer(scope, { name: "Version 0" });
    const frozen = new Date(Date.parse(customer.updatedAt) - 60_000);
    vi.useFakeTimers({ toFake: ["Date"], now: frozen });

    const versions = [customer.updatedAt];
    for (let i = 1; i <= 5; i++)
      versions.push((await updateCustomer(scope, customer.id, { name: `Version ${i}` })).updatedAt);
    expect(versions.map((at) => Date.parse(at) - Date.parse(customer.updatedAt))).toEqual([0, 1, 2, 3, 4, 5]);

    // Each customer.updated event carries its version (ids made in one millisecond do not sort).
    const events = await prisma.event.findMany({
      where: { workspaceId: scope.workspaceId, type: "customer.updated" },
    });
    const carried = events.map((event) => (event.data as { object: { updatedAt: string } }).object.updatedAt);
    expect(carried.sort()).toEqual(versions.slice(1));
  });
});

// The customer page's lifetime revenue (spec/dashboard.md, "Customer page"): succeeded payments
// minus refunds, per currency, for one customer in one workspace and mode — and the index serves it.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { lifetimeRevenue } from "@/lib/customers/lifetime-revenue";
import type { Prisma } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";
import type { Scope } from "@/lib/scope";
import { insertCustomer } from "@/test/support/money-rows";
import { explainAnalyze, planNodes, recordingDb, rowsRead } from "@/test/support/query-plans";

let scope: Scope;

beforeAll(async () => {
  const workspaceId = newId("workspace");
  await prisma.workspace.create({ data: { id: workspaceId, name: "Revenue" } });
  scope = { workspaceId, livemode: false };
});

async function pay(
  customerId: string,
  amount: number,
  currency: string,
  status: string,
  amountRefunded = 0,
  where: Scope = scope,
) {
  await prisma.payment.create({
    data: {
      id: newId("payment"),
      ...where,
      customerId,
      amount: BigInt(amount),
      amountRefunded: BigInt(amountRefunded),
      currency,
      status,
    },
  });
}

describe("lifetimeRevenue", () => {
  it("sums succeeded payments minus refunds per currency; pending, failed and fully refunded add nothing", async () => {
    const customer = await insertCustomer(scope, "Payer");
    await pay(customer, 1_000_000, "IDR", "succeeded");
    await pay(customer, 500_000, "IDR", "succeeded", 250_000); // partly refunded
    await pay(customer, 300_000, "IDR", "refunded", 300_000); // fully refunded
    await pay(customer, 999_999, "IDR", "pending");
    await pay(customer, 888_888, "IDR", "failed");
    await pay(customer, 1250, "USD", "succeeded");
    await pay(customer, 700, "EUR", "refunded", 700); // nets to zero: not shown
    expect(await lifetimeRevenue(scope, customer)).toEqual([
      { currency: "IDR", amount: BigInt(1_250_000) },
      { currency: "USD", amount: BigInt(1250) },
    ]);
  });

  it("counts only this customer's payments in this workspace and mode, exactly beyond 2^53", async () => {
    const customer = await insertCustomer(scope, "Big");
    const other = await insertCustomer(scope, "Other");
    await pay(customer, 9_000_000_000_000_000, "IDR", "succeeded");
    await pay(customer, 9_000_000_000_000_001, "IDR", "succeeded", 1);
    await pay(other, 5, "IDR", "succeeded");
    const otherWorkspace = newId("workspace");
    await prisma.workspace.create({ data: { id: otherWorkspace, name: "Elsewhere" } });
    const live: Scope = { ...scope, livemode: true };
    expect(await lifetimeRevenue(scope, customer)).toEqual([
      { currency: "IDR", amount: BigInt("18000000000000000") },
    ]);
    expect(await lifetimeRevenue(live, customer)).toEqual([]);
    expect(await lifetimeRevenue({ workspaceId: otherWorkspace, livemode: false }, customer)).toEqual([]);
  });

  it("reads the customer's payments through the (workspace, mode, customer) index", async () => {
    const customer = await insertCustomer(scope, "Indexed");
    await prisma.$executeRaw`
      INSERT INTO customers (id, workspace_id, livemode, created_at, updated_at)
      SELECT 'cus_other' || i, ${scope.workspaceId}, false, now(), now() FROM generate_series(0, 49) AS i`;
    await prisma.$executeRaw`
      INSERT INTO payments (id, workspace_id, livemode, customer_id, amount, currency, status, created_at, updated_at)
      SELECT 'pay_' || lpad(i::text, 26, '0'), ${scope.workspaceId}, false,
             CASE WHEN i % 1000 = 0 THEN ${customer} ELSE 'cus_other' || (i % 50) END,
             1000, 'IDR', 'succeeded', now(), now()
      FROM generate_series(1, 20000) AS i`;
    await prisma.$executeRaw`ANALYZE payments`;
    const queries: Prisma.Sql[] = [];
    expect(await lifetimeRevenue(scope, customer, recordingDb(queries))).toEqual([
      { currency: "IDR", amount: BigInt(20_000) },
    ]);
    const plan = await explainAnalyze(queries[0]);
    const scans = planNodes(plan).filter((node) => node["Node Type"].includes("Scan"));
    expect(scans.map((node) => node["Node Type"])).not.toContain("Seq Scan");
    expect(scans.some((node) => String(node["Index Name"]).includes("customer_id"))).toBe(true);
    // The customer's 20 payments, not the workspace's 20,000.
    expect(rowsRead(plan, "payments")).toBeLessThanOrEqual(40);
  });
});

// The payments, subscriptions and invoices lists at scale: the SQL listByCreatedAt runs, EXPLAIN
// ANALYZEd on a first and a deep page, with and without customerId. The (workspace_id, livemode,
// [customer_id,] created_at, id) index must drive it and a page must read about a page of rows.
import { beforeAll, describe, expect, it } from "vitest";
import { createdAtPageSql, type CreatedAtTable } from "@/lib/api/created-at-list";
import { prisma } from "@/lib/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";
import type { Scope } from "@/lib/scope";
import { describePlan, explainAnalyze, planNodes, rowsRead } from "@/test/support/query-plans";

const ROWS = 30_000;
const CUSTOMERS = 300;
let scope: Scope;

beforeAll(async () => {
  const workspaceId = newId("workspace");
  await prisma.workspace.create({ data: { id: workspaceId, name: "At scale" } });
  scope = { workspaceId, livemode: false };
  await prisma.$executeRaw`
    INSERT INTO customers (id, workspace_id, livemode, created_at, updated_at)
    SELECT 'cus_' || lpad(i::text, 26, '0'), ${workspaceId}, i % 10 = 0, now(), now()
    FROM generate_series(1, ${CUSTOMERS}) AS i`;
  const customer = Prisma.sql`'cus_' || lpad((i % ${CUSTOMERS} + 1)::text, 26, '0')`;
  const livemode = Prisma.sql`(i % ${CUSTOMERS} + 1) % 10 = 0`;
  const createdAt = Prisma.sql`timestamptz '2026-01-01' + (i / 2) * interval '1 second'`;
  await prisma.$executeRaw`
    INSERT INTO payments (id, workspace_id, livemode, customer_id, amount, currency, status, created_at, updated_at)
    SELECT 'pay_' || lpad(i::text, 26, '0'), ${workspaceId}, ${livemode}, ${customer}, 1000, 'IDR', 'succeeded', ${createdAt}, now()
    FROM generate_series(1, ${ROWS}) AS i`;
  await prisma.$executeRaw`
    INSERT INTO subscriptions (id, workspace_id, livemode, customer_id, status, amount, currency, interval, current_period_end, created_at, updated_at)
    SELECT 'sub_' || lpad(i::text, 26, '0'), ${workspaceId}, ${livemode}, ${customer}, 'active', 1000, 'IDR', 'month', now(), ${createdAt}, now()
    FROM generate_series(1, ${ROWS}) AS i`;
  await prisma.$executeRaw`
    INSERT INTO invoices (id, workspace_id, livemode, customer_id, number, status, amount_due, currency, created_at, updated_at)
    SELECT 'inv_' || lpad(i::text, 26, '0'), ${workspaceId}, ${livemode}, ${customer}, 'N-' || i, 'open', 1000, 'IDR', ${createdAt}, now()
    FROM generate_series(1, ${ROWS}) AS i`;
  await prisma.$executeRaw`ANALYZE customers, payments, subscriptions, invoices`;
}, 120_000);

const tables: CreatedAtTable[] = ["payments", "subscriptions", "invoices"];

describe.each(tables)("the %s list at scale", (table) => {
  const deep = { createdAt: "2026-01-01T02:00:00.000Z", id: `${table.slice(0, 3)}_zzz` };
  // PostgreSQL cuts index names at 63 characters: the customer index is matched by its prefix.
  it.each([
    ["first page", {}, new RegExp(`^${table}_workspace_id_livemode_created_at_id_idx$`)],
    ["deep page", { after: deep }, new RegExp(`^${table}_workspace_id_livemode_created_at_id_idx$`)],
    [
      "one customer's first page",
      { customerId: `cus_${"2".padStart(26, "0")}` },
      new RegExp(`^${table}_workspace_id_livemode_customer_id_created_at_`),
    ],
    [
      "one customer's deep page",
      { customerId: `cus_${"2".padStart(26, "0")}`, after: deep },
      new RegExp(`^${table}_workspace_id_livemode_customer_id_created_at_`),
    ],
  ] as const)("%s: seeks through its index and reads about a page", async (_, query, index) => {
    const plan = await explainAnalyze(createdAtPageSql(scope, table, Prisma.sql`id`, query, 51));
    const description = describePlan(plan);
    expect(
      planNodes(plan).some((node) => index.test(node["Index Name"] ?? "")),
      description,
    ).toBe(true);
    expect(
      planNodes(plan).some((node) => node["Node Type"] === "Sort"),
      description,
    ).toBe(false);
    expect(rowsRead(plan, table), description).toBeLessThanOrEqual(60);
  });
});

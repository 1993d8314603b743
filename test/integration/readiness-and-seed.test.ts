import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient, prisma } from "@/lib/db/prisma";
import { checkReadiness } from "@/lib/health/check-readiness";
import { readMigrations } from "@/lib/db/migrate";
import { seedDemoWorkspace } from "@/scripts/seed/seed-demo-workspace";
import { createTestDatabase } from "@/test/support/test-database";

const clients: { $disconnect(): Promise<void> }[] = [];
afterAll(async () => Promise.all(clients.map((c) => c.$disconnect())));

describe("readiness", () => {
  it("is ready on a migrated database", async () => {
    expect(await checkReadiness()).toEqual({ status: "ready" });
  });

  it("names pending migrations when the database is behind", async () => {
    const db = await createTestDatabase(inject("databaseServerUrl"), {
      prefix: inject("testDatabasePrefix"),
    });
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const [latest] = (await readMigrations()).slice(-1);
    await client.query(`DELETE FROM "_prisma_migrations" WHERE migration_name = $1`, [latest.name]);
    await client.end();
    const behind = createPrismaClient(db.url);
    clients.push(behind);
    expect(await checkReadiness(behind)).toEqual({
      status: "unavailable",
      reason: "migrations_pending",
      pending: [latest.name],
    });
  });

  it("is not ready on an empty database or an unreachable one", async () => {
    const empty = await createTestDatabase(inject("databaseServerUrl"), {
      migrate: false,
      prefix: inject("testDatabasePrefix"),
    });
    const emptyClient = createPrismaClient(empty.url);
    const downClient = createPrismaClient("postgresql://nobody:x@127.0.0.1:9/none");
    clients.push(emptyClient, downClient);
    expect(await checkReadiness(emptyClient)).toMatchObject({
      status: "unavailable",
      reason: "migrations_pending",
    });
    const started = Date.now();
    expect(await checkReadiness(downClient)).toEqual({
      status: "unavailable",
      reason: "database_unreachable",
    });
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe("demo seed", () => {
  it("makes a varied demo workspace once, and nothing more when run again", async () => {
    const first = await seedDemoWorkspace();
    expect(first.created).toBe(true);
    const scope = { workspaceId: first.workspaceId };
    const customers = await prisma.customer.findMany({ where: { ...scope, livemode: false } });
    expect(customers.length).toBeGreaterThanOrEqual(120);
    expect(customers.some((c) => c.name === null)).toBe(true);
    expect(customers.some((c) => c.email === null)).toBe(true);
    expect(customers.some((c) => c.externalId !== null)).toBe(true);
    expect(customers.some((c) => c.name && /\p{Extended_Pictographic}/u.test(c.name))).toBe(true);
    for (const c of customers) expect(c.emailNormalized).toBe(c.email?.toLowerCase() ?? null);
    expect(await prisma.customer.count({ where: { ...scope, livemode: true } })).toBeGreaterThan(0);
    expect(await prisma.payment.count({ where: scope })).toBeGreaterThan(50);
    expect(await prisma.subscription.count({ where: scope })).toBeGreaterThan(5);
    expect(await prisma.invoice.count({ where: scope })).toBeGreaterThan(5);

    const total = await prisma.customer.count({ where: scope });
    const again = await seedDemoWorkspace();
    expect(again).toEqual({ created: false, workspaceId: first.workspaceId });
    expect(await prisma.customer.count({ where: scope })).toBe(total);
  });
});

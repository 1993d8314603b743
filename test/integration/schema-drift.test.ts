// schema.prisma and prisma/migrations must describe the same database. If this fails, write the
// next migration: `npm run db:migration:new -- <name>` (docs/architecture.md, "Migrations").
import { readFile } from "node:fs/promises";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { diffDatamodels } from "@/scripts/lib/schema-engine";
import { readCatalog } from "@/test/support/catalog";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";

// Objects the migrations add by hand because Prisma's schema cannot express them, by name.
// Keep this list as short as possible and say why beside each name.
const HAND_WRITTEN_OBJECTS: string[] = [
  // Partial index (WHERE status = 'pending'): the webhook worker's queue, prisma/migrations/*_webhook_delivery_ordering.
  "webhook_deliveries_due_idx",
];

const created: TestDatabase[] = [];
afterAll(async () => Promise.all(created.map((db) => db.drop())));

function withoutHandWritten(lines: string[]): string[] {
  return lines.filter((line) => !HAND_WRITTEN_OBJECTS.some((name) => line.includes(name)));
}

describe("schema drift", () => {
  it("builds the same catalog from the migrations as from schema.prisma", async () => {
    const server = inject("databaseServerUrl");
    const fromMigrations = await createTestDatabase(server, { prefix: inject("testDatabasePrefix") });
    const fromSchema = await createTestDatabase(server, {
      migrate: false,
      prefix: inject("testDatabasePrefix"),
    });
    created.push(fromMigrations, fromSchema);

    const schema = { path: "prisma/schema.prisma", content: await readFile("prisma/schema.prisma", "utf8") };
    const sql = await diffDatamodels("empty", schema, fromSchema.url);
    const client = new pg.Client({ connectionString: fromSchema.url });
    await client.connect();
    await client.query(sql);
    await client.end();

    const [expected, actual] = await Promise.all([
      readCatalog(fromSchema.url),
      readCatalog(fromMigrations.url),
    ]);
    expect(expected.columns.length).toBeGreaterThan(50);
    expect(withoutHandWritten(actual.columns)).toEqual(expected.columns);
    expect(withoutHandWritten(actual.indexes)).toEqual(expected.indexes);
    expect(withoutHandWritten(actual.constraints)).toEqual(expected.constraints);
    expect(actual.extensions).toEqual(expected.extensions);
  });

  it("notices a difference (the comparison is not vacuous)", async () => {
    const server = inject("databaseServerUrl");
    const db = await createTestDatabase(server, { prefix: inject("testDatabasePrefix") });
    created.push(db);
    const before = await readCatalog(db.url);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query(`CREATE INDEX "customers_drift_probe_idx" ON "customers" ("workspace_id", "phone")`);
    await client.end();
    const after = await readCatalog(db.url);
    expect(after.indexes).not.toEqual(before.indexes);
  });
});

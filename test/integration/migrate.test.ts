import { createHash } from "node:crypto";
import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { migrate, MigrationError, readMigrations } from "@/lib/db/migrate";
import { createTestDatabase, type TestDatabase } from "@/test/support/test-database";

const created: TestDatabase[] = [];
afterAll(async () => Promise.all(created.map((db) => db.drop())));

async function freshDatabase(): Promise<TestDatabase> {
  const db = await createTestDatabase(inject("databaseServerUrl"), {
    migrate: false,
    prefix: inject("testDatabasePrefix"),
  });
  created.push(db);
  return db;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function migrationsDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "plugipay-migrations-"));
  for (const [name, sql] of Object.entries(files)) {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

describe("migrate", () => {
  it("applies every migration once, recorded in Prisma's format, and is a no-op afterwards", async () => {
    const db = await freshDatabase();
    const onDisk = await readMigrations();
    const first = await migrate(db.url);
    expect(first.applied).toEqual(onDisk.map((m) => m.name));

    const rows = await query<{
      migration_name: string;
      checksum: string;
      applied_steps_count: number;
      finished_at: Date | null;
      id: string;
    }>(db.url, `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(rows.map((r) => r.migration_name)).toEqual(onDisk.map((m) => m.name));
    for (const [i, row] of rows.entries()) {
      expect(row.checksum).toBe(createHash("sha256").update(onDisk[i].sql).digest("hex"));
      expect(row.applied_steps_count).toBe(1);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
    }

    const second = await migrate(db.url);
    expect(second).toEqual({ applied: [], alreadyApplied: onDisk.length });
    expect(await query(db.url, `SELECT 1 FROM "_prisma_migrations"`)).toHaveLength(onDisk.length);
  });

  it("lets concurrent runners take turns: each migration is applied exactly once", async () => {
    const db = await freshDatabase();
    const results = await Promise.all([migrate(db.url), migrate(db.url), migrate(db.url)]);
    const appliedCounts = results.map((r) => r.applied.length).sort();
    const total = (await readMigrations()).length;
    expect(appliedCounts).toEqual([0, 0, total]);
    const rows = await query<{ n: string }>(db.url, `SELECT count(*) AS n FROM "_prisma_migrations"`);
    expect(Number(rows[0].n)).toBe(total);
  });

  it("rolls a failing migration back whole and records nothing for it", async () => {
    const db = await freshDatabase();
    const dir = await migrationsDir({
      "20260101000000_good": `CREATE TABLE good (id int);`,
      "20260102000000_bad": `CREATE TABLE half_done (id int);\nSELECT * FROM no_such_table;`,
    });
    const error = await migrate(db.url, { dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toMatch(
      /20260102000000_bad failed and was rolled back: .*no_such_table/,
    );

    const tables = await query<{ table_name: string }>(
      db.url,
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(["_prisma_migrations", "good"]);
    const recorded = await query<{ migration_name: string }>(
      db.url,
      `SELECT migration_name FROM "_prisma_migrations"`,
    );
    expect(recorded.map((r) => r.migration_name)).toEqual(["20260101000000_good"]);
  });

  it("fails fast with host and port when the database refuses connections", async () => {
    const started = Date.now();
    const error = await migrate("postgresql://nobody:secret@127.0.0.1:9/none").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toMatch(
      /^Cannot reach the database at 127\.0\.0\.1:9\/none: .*ECONNREFUSED/,
    );
    expect((error as Error).message).not.toContain("secret");
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("gives up within 10 s on a server that accepts connections but never answers", async () => {
    const silent = net.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as net.AddressInfo;
    try {
      const started = Date.now();
      const error = await migrate(`postgresql://nobody@127.0.0.1:${port}/none`, {
        connectTimeoutMs: 2000,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MigrationError);
      expect((error as Error).message).toContain(`127.0.0.1:${port}`);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      silent.close();
    }
  });
});

describe("the migration invoice_number_sequences", () => {
  it("starts each workspace and mode's sequence after its highest number in issueInvoice's shape", async () => {
    const db = await freshDatabase();
    const migrations = await readMigrations();
    const index = migrations.findIndex((migration) => migration.name.endsWith("_invoice_number_sequences"));
    const before = Object.fromEntries(migrations.slice(0, index).map((m) => [m.name, m.sql]));
    await migrate(db.url, { dir: await migrationsDir(before) });
    await query(
      db.url,
      `INSERT INTO workspaces (id, name, updated_at) VALUES ('ws_a', 'A', now()), ('ws_b', 'B', now());
       INSERT INTO customers (id, workspace_id, livemode, updated_at) VALUES ('cus_a', 'ws_a', false, now()), ('cus_l', 'ws_a', true, now());
       INSERT INTO invoices (id, workspace_id, livemode, customer_id, number, status, amount_due, currency, updated_at)
       SELECT 'inv_' || n, 'ws_a', n % 2 = 0, CASE WHEN n % 2 = 0 THEN 'cus_l' ELSE 'cus_a' END, number, 'open', 100, 'USD', now()
       FROM (VALUES (1, 'TEST-000009'), (3, 'TEST-000010'), (5, 'TEST-0001-1'), (7, 'TEST-999'), (2, 'INV-000004'), (4, 'INV-12'))
         AS seeded (n, number);`,
    );

    await migrate(db.url);
    const sequences = await query<{ workspace_id: string; livemode: boolean; last_number: string }>(
      db.url,
      `SELECT workspace_id, livemode, last_number FROM invoice_number_sequences ORDER BY workspace_id, livemode`,
    );
    // Numbers compare as numbers ("TEST-999" over "TEST-000010"); ws_b, with no invoices, starts at 1 when it first issues one.
    expect(sequences).toEqual([
      { workspace_id: "ws_a", livemode: false, last_number: "999" },
      { workspace_id: "ws_a", livemode: true, last_number: "12" },
    ]);
  });
});

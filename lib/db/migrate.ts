// Applies prisma/migrations/*/migration.sql in name order, recording each in Prisma's own
// `_prisma_migrations` table (same columns, same SHA-256 checksum), so `prisma migrate deploy`
// agrees wherever Prisma's native engine is available. Each migration runs in its own
// transaction; an advisory lock makes concurrent runners (two app processes starting at once)
// take turns, and the later one finds nothing left to do.
import { createHash, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { describeDatabase } from "@/lib/db/describe-database";

// Any constant works; this one spells "plugipay" in hex-ish, and nothing else in the app uses it.
const MIGRATION_LOCK_ID = 0x706c7567;

export const MIGRATIONS_DIR = path.resolve(process.cwd(), "prisma/migrations");

export type Migration = { name: string; sql: string; checksum: string };

export type MigrateResult = { applied: string[]; alreadyApplied: number };

export class MigrationError extends Error {}

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  // Read at run time from the project folder, not bundled: keep Next from tracing the whole tree.
  const entries = await readdir(/*turbopackIgnore: true*/ dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

export async function migrate(
  databaseUrl: string,
  options: { dir?: string; log?: (line: string) => void; connectTimeoutMs?: number } = {},
): Promise<MigrateResult> {
  const log = options.log ?? (() => {});
  const migrations = await readMigrations(options.dir);
  const client = new pg.Client({
    connectionString: databaseUrl,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 8000,
  });
  try {
    await client.connect();
  } catch (error) {
    throw new MigrationError(
      `Cannot reach the database at ${describeDatabase(databaseUrl)}: ${reason(error)}`,
    );
  }
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
    await client.query(CREATE_MIGRATIONS_TABLE);
    const { rows } = await client.query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
    }>(`SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`);
    const recorded = new Map(rows.map((row) => [row.migration_name, row]));
    const failed = rows.find((row) => row.finished_at === null);
    if (failed) {
      throw new MigrationError(
        `Migration ${failed.migration_name} started but never finished (recorded by another tool); resolve it before migrating.`,
      );
    }

    const applied: string[] = [];
    for (const migration of migrations) {
      const existing = recorded.get(migration.name);
      if (existing) {
        if (existing.checksum !== migration.checksum) {
          log(`warning: migration ${migration.name} was edited after it was applied (checksum differs).`);
        }
        continue;
      }
      await applyOne(client, migration);
      applied.push(migration.name);
      log(`Applied migration ${migration.name}`);
    }
    return { applied, alreadyApplied: migrations.length - applied.length };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_ID]).catch(() => {});
    await client.end().catch(() => {});
  }
}

async function applyOne(client: pg.Client, migration: Migration): Promise<void> {
  const id = randomUUID();
  try {
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), 0)`,
      [id, migration.checksum, migration.name],
    );
    await client.query(migration.sql);
    await client.query(
      `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
      [id],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${reason(error)}`);
  }
}

/** Names of migrations on disk that the database has not recorded as applied. */
export async function pendingMigrations(client: pg.ClientBase, dir?: string): Promise<string[]> {
  const migrations = await readMigrations(dir);
  const exists = await client.query(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS present`);
  if (!exists.rows[0].present) return migrations.map((m) => m.name);
  const { rows } = await client.query<{ migration_name: string }>(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const done = new Set(rows.map((row) => row.migration_name));
  return migrations.filter((m) => !done.has(m.name)).map((m) => m.name);
}

function reason(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length) return reason(error.errors[0]);
  if (error instanceof Error) {
    const code = (error as { code?: string }).code;
    return (error.message || code || error.name).split("\n")[0];
  }
  return String(error);
}

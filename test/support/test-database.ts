// Fresh databases for tests: each test file (and the e2e server) gets its own database on the
// test server, created and migrated on demand and dropped afterwards, so files run in parallel
// without resets. The server is TEST_DATABASE_URL (set by `npm test`), else DATABASE_URL, else
// the embedded one. Refuses non-local servers: a test must never drop someone's real data.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { migrate } from "@/lib/db/migrate";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]", ""]);

export function assertLocalDatabase(url: string): void {
  const host = new URL(url).hostname;
  if (!LOCAL_HOSTS.has(host) && process.env.ALLOW_NONLOCAL_TEST_DATABASE !== "1") {
    throw new Error(
      `Refusing to run tests against a non-local database (${host}). Set ALLOW_NONLOCAL_TEST_DATABASE=1 to override.`,
    );
  }
}

export function withDatabaseName(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export type TestDatabase = { url: string; name: string; drop(): Promise<void> };

export async function createTestDatabase(
  serverUrl: string,
  options: { migrate?: boolean; prefix?: string } = {},
): Promise<TestDatabase> {
  assertLocalDatabase(serverUrl);
  const name = `${options.prefix ?? "plugipay_test"}_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: withDatabaseName(serverUrl, "postgres") });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = withDatabaseName(serverUrl, name);
  if (options.migrate !== false) await migrate(url);
  return { url, name, drop: () => dropDatabase(serverUrl, name) };
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: withDatabaseName(serverUrl, "postgres") });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** Drops every database whose name starts with `prefix_` (what a crashed test file left behind). */
export async function dropDatabasesWithPrefix(serverUrl: string, prefix: string): Promise<void> {
  const admin = new pg.Client({ connectionString: withDatabaseName(serverUrl, "postgres") });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE starts_with(datname, $1)`,
      [`${prefix}_`],
    );
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

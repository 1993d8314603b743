// The data model's rules, checked on the database the migrations build (docs/architecture.md):
// tenant tables lead every index with workspace_id (so the data shards by workspace), and money
// is an integer in minor units beside an ISO currency.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";

// Lookups that happen before any workspace is known; docs/decisions.md says why each exists.
const INDEXES_NOT_LED_BY_WORKSPACE = [
  "api_keys_secret_hash_key",
  "memberships_user_id_idx",
  "checkout_sessions_id_key",
  // Each key in search_keys starts with its workspace's tag, so the index's posting lists are per
  // workspace already (decision 61; test/integration/customer-search-words.test.ts checks the tag).
  "customers_search_keys_idx",
];

let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
});
afterAll(() => client.end());

describe("schema conventions", () => {
  it("leads every index of a tenant-owned table with workspace_id", async () => {
    const { rows } = await client.query<{ table: string; index: string; first_column: string }>(`
      SELECT t.relname AS table, i.relname AS index, a.attname AS first_column
      FROM pg_index x
      JOIN pg_class i ON i.oid = x.indexrelid
      JOIN pg_class t ON t.oid = x.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = x.indkey[0]
      WHERE n.nspname = 'public'
        AND EXISTS (SELECT 1 FROM information_schema.columns c
                    WHERE c.table_schema = 'public' AND c.table_name = t.relname AND c.column_name = 'workspace_id')`);
    expect(rows.length).toBeGreaterThan(30);
    const offenders = rows
      .filter(
        (row) => row.first_column !== "workspace_id" && !INDEXES_NOT_LED_BY_WORKSPACE.includes(row.index),
      )
      .map((row) => `${row.table}.${row.index} (${row.first_column})`);
    expect(offenders).toEqual([]);
  });

  it("stores money as bigint minor units with a three-letter currency beside it", async () => {
    const { rows } = await client.query<{ table_name: string; column_name: string; data_type: string }>(`
      SELECT table_name, column_name, data_type FROM information_schema.columns
      WHERE table_schema = 'public' AND (column_name LIKE 'amount%' OR column_name = 'currency')`);
    const amounts = rows.filter((r) => r.column_name.startsWith("amount"));
    expect(amounts.length).toBeGreaterThanOrEqual(5);
    for (const amount of amounts) {
      expect(amount.data_type, `${amount.table_name}.${amount.column_name}`).toBe("bigint");
      const currency = rows.find((r) => r.table_name === amount.table_name && r.column_name === "currency");
      expect(currency?.data_type, `${amount.table_name}.currency`).toBe("character varying");
    }
  });

  it("keeps every tenant-owned row unreachable from another workspace by key", async () => {
    // Primary keys of tenant tables include workspace_id, and references between tenant tables
    // are composite (workspace_id, …_id): a payment cannot point at another workspace's customer.
    const { rows } = await client.query<{ name: string; definition: string }>(`
      SELECT con.conname AS name, pg_get_constraintdef(con.oid) AS definition
      FROM pg_constraint con JOIN pg_namespace n ON n.oid = con.connamespace
      WHERE n.nspname = 'public' AND con.contype = 'f'
        AND pg_get_constraintdef(con.oid) NOT LIKE '%REFERENCES workspaces(id)%'
        AND pg_get_constraintdef(con.oid) NOT LIKE '%REFERENCES users(id)%'`);
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows)
      expect(row.definition, row.name).toMatch(
        /^FOREIGN KEY \(workspace_id, \w+\) REFERENCES \w+\(workspace_id, id\)/,
      );
  });
});

// Where a piece of text lives in a whole database: every text, character, JSON, array or enum
// column of every table in every schema (pg-boss's included), searched case-insensitively.
// The erasure test uses it to prove that no copy of a redacted customer's data is left.
import pg from "pg";

/** "schema.table.column" for each column holding `needle` in some row. */
export async function columnsContaining(databaseUrl: string, needle: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const columns = await textColumns(client);
    const pattern = `%${needle.replace(/[\\%_]/g, "\\$&")}%`;
    const found: string[] = [];
    for (const { schema, table, column } of columns) {
      const { rows } = await client.query<{ hit: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM ${quote(schema)}.${quote(table)} WHERE ${quote(column)}::text ILIKE $1) AS hit`,
        [pattern],
      );
      if (rows[0].hit) found.push(`${schema}.${table}.${column}`);
    }
    return found;
  } finally {
    await client.end();
  }
}

/** Every column columnsContaining searches, as "schema.table.column". */
export async function searchedColumns(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await textColumns(client)).map(({ schema, table, column }) => `${schema}.${table}.${column}`);
  } finally {
    await client.end();
  }
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function textColumns(client: pg.Client) {
  const { rows: columns } = await client.query<{ schema: string; table: string; column: string }>(`
      SELECT c.table_schema AS schema, c.table_name AS table, c.column_name AS column
      FROM information_schema.columns c
      JOIN information_schema.tables t
        ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema')
        AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'USER-DEFINED')
      ORDER BY 1, 2, 3`);
  return columns;
}

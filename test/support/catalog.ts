// A database's schema as comparable text: tables, columns, indexes, constraints and extensions.
// Used to prove that the migrations build exactly what schema.prisma describes.
import pg from "pg";

export type Catalog = { columns: string[]; indexes: string[]; constraints: string[]; extensions: string[] };

export async function readCatalog(
  url: string,
  ignoreTables: string[] = ["_prisma_migrations"],
): Promise<Catalog> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = await client.query(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default,
              character_maximum_length, numeric_precision, datetime_precision
       FROM information_schema.columns
       WHERE table_schema = 'public' AND NOT (table_name = ANY($1))
       ORDER BY table_name, column_name`,
      [ignoreTables],
    );
    const indexes = await client.query(
      `SELECT tablename, indexname, indexdef FROM pg_indexes
       WHERE schemaname = 'public' AND NOT (tablename = ANY($1)) ORDER BY tablename, indexname`,
      [ignoreTables],
    );
    const constraints = await client.query(
      `SELECT rel.relname AS table_name, con.conname, con.contype, pg_get_constraintdef(con.oid) AS definition
       FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid
       JOIN pg_namespace ns ON ns.oid = rel.relnamespace
       WHERE ns.nspname = 'public' AND NOT (rel.relname = ANY($1))
       ORDER BY rel.relname, con.conname`,
      [ignoreTables],
    );
    const extensions = await client.query(`SELECT extname FROM pg_extension ORDER BY extname`);
    const line = (row: Record<string, unknown>) =>
      Object.values(row)
        .map((v) => (v === null ? "∅" : String(v)))
        .join(" | ");
    return {
      columns: columns.rows.map(line),
      indexes: indexes.rows.map(line),
      constraints: constraints.rows.map(line),
      extensions: extensions.rows.map(line),
    };
  } finally {
    await client.end();
  }
}

import "server-only";
// Hot reads that skip Prisma's query engine: a `$queryRaw` on the Prisma client's own node-postgres
// pool (same connections, same timeouts). For the customer list, Prisma's $queryRaw (query
// interpreter, result mapping) cost about as much again as the query itself (docs/benchmarks.md,
// "The read path"). Rows come back typed by node-postgres as $queryRaw gives them (parsed JSON for
// jsonb), except timestamptz, which comes back as an ISO 8601 string rather than a Date
// (lib/db/timestamps.ts; callers type it `Timestamp`), and bigint and numeric, which come back as
// strings, so only for queries without those two. Connection failures keep node-postgres' codes,
// which lib/db/errors.ts maps to 503 like Prisma's.
import { createHash } from "node:crypto";
import { prismaPool } from "@/lib/db/prisma";
import type { Db } from "@/lib/db/transaction";
import { Prisma } from "@/lib/generated/prisma/client";
import { isoTimestampTypes } from "@/lib/db/timestamps";

type RawValue = Parameters<typeof Prisma.sql>[1];

// Statement names by SQL text: the texts come from code (values are parameters), so there are a few
// hundred at most, and node-postgres keeps each connection's prepared statements by name.
const names = new Map<string, string>();

function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `pg_reads_${createHash("sha256").update(text).digest("hex").slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

function reader(prepared: boolean): Db {
  return {
    async $queryRaw(strings: TemplateStringsArray | Prisma.Sql, ...values: RawValue[]) {
      const query = strings instanceof Prisma.Sql ? strings : Prisma.sql(strings, ...values);
      const name = prepared ? statementName(query.text) : undefined;
      const config = { name, text: query.text, values: query.values, types: isoTimestampTypes };
      return (await prismaPool().query(config)).rows;
    },
  } as unknown as Db;
}

export const pgReads = reader(false);

/**
 * The same as named prepared statements: each connection parses a query text once, and after five
 * runs PostgreSQL may keep one generic plan for it instead of planning every call (the list's
 * `email=` planned in 1.5 ms and ran in 0.5). Only for SQL whose best plan does not depend on its
 * values: equality and keyset conditions, not search or date ranges.
 */
export const pgPreparedReads = reader(true);

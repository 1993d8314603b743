import "server-only";
// Hot reads that skip Prisma's query engine: a `$queryRaw` on the Prisma client's own node-postgres
// pool (same connections, same timeouts). For the customer list, Prisma's $queryRaw (query
// interpreter, result mapping) cost about as much again as the query itself (docs/benchmarks.md,
// "Read path"). Rows come back typed by node-postgres: Date for timestamptz, parsed JSON for jsonb,
// as $queryRaw gives them — but bigint and numeric come back as strings, so only for queries
// without such columns. Connection failures keep node-postgres' codes, which lib/db/errors.ts
// maps to 503 like Prisma's.
import { prismaPool } from "@/lib/db/prisma";
import type { Db } from "@/lib/db/transaction";
import { Prisma } from "@/lib/generated/prisma/client";

type RawValue = Parameters<typeof Prisma.sql>[1];

export const pgReads = {
  async $queryRaw(strings: TemplateStringsArray | Prisma.Sql, ...values: RawValue[]) {
    const query = strings instanceof Prisma.Sql ? strings : Prisma.sql(strings, ...values);
    return (await prismaPool().query(query.text, query.values)).rows;
  },
} as unknown as Db;

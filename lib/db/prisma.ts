// The one Prisma client of the process, on node-postgres through @prisma/adapter-pg.
// Created on first use, not on import: `next build` imports route modules without a database,
// and launchers set the database URL (lib/env) before anything queries. Cached on globalThis so
// Next's dev server reloads do not open a new pool each time.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

function createPool(databaseUrl: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    // Fail fast instead of hanging when the database is down (API answers 503 within 5 s).
    connectionTimeoutMillis: 3000,
    max: 10,
  });
  // An idle client dropped by a database restart must not crash the process (the adapter listens
  // too, but only once Prisma has connected; lib/db/pg-reads.ts may query first).
  pool.on("error", () => {});
  return pool;
}

export function createPrismaClient(
  databaseUrl: string,
  pool: pg.Pool = createPool(databaseUrl),
): PrismaClient {
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  return new PrismaClient({ adapter });
}

const globalForPrisma = globalThis as unknown as { plugipayPrisma?: PrismaClient; plugipayPool?: pg.Pool };

function client(): PrismaClient {
  if (!globalForPrisma.plugipayPrisma) {
    if (!env.DATABASE_URL) {
      throw new Error(
        "DATABASE_URL is not set: start the app with `npm run dev` or `npm start`, which provide it.",
      );
    }
    const pool = createPool(env.DATABASE_URL);
    globalForPrisma.plugipayPool = pool;
    globalForPrisma.plugipayPrisma = createPrismaClient(env.DATABASE_URL, pool);
  }
  return globalForPrisma.plugipayPrisma;
}

/**
 * The node-postgres pool under the Prisma client: the same connections, for the few hot reads that
 * skip Prisma's query engine (lib/db/pg-reads.ts).
 */
export function prismaPool(): pg.Pool {
  client();
  // $disconnect ends the pool (Prisma opens a new one of its own if used again): reads then get theirs.
  if (globalForPrisma.plugipayPool!.ending) globalForPrisma.plugipayPool = createPool(env.DATABASE_URL!);
  return globalForPrisma.plugipayPool!;
}

export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  has: (_target, property) => Reflect.has(client(), property),
  get(_target, property) {
    const real = client();
    const value = Reflect.get(real, property, real);
    return typeof value === "function" ? value.bind(real) : value;
  },
});

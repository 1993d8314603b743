// The one Prisma client of the process, on node-postgres through @prisma/adapter-pg.
// Created on first use, not on import: `next build` imports route modules without a database,
// and launchers set the database URL (lib/env) before anything queries. Cached on globalThis so
// Next's dev server reloads do not open a new pool each time.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

export function createPrismaClient(databaseUrl: string): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    // Fail fast instead of hanging when the database is down (API answers 503 within 5 s).
    connectionTimeoutMillis: 3000,
    max: 10,
  });
  return new PrismaClient({ adapter });
}

const globalForPrisma = globalThis as unknown as { plugipayPrisma?: PrismaClient };

function client(): PrismaClient {
  if (!globalForPrisma.plugipayPrisma) {
    if (!env.DATABASE_URL) {
      throw new Error(
        "DATABASE_URL is not set: start the app with `npm run dev` or `npm start`, which provide it.",
      );
    }
    globalForPrisma.plugipayPrisma = createPrismaClient(env.DATABASE_URL);
  }
  return globalForPrisma.plugipayPrisma;
}

export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  has: (_target, property) => Reflect.has(client(), property),
  get(_target, property) {
    const real = client();
    const value = Reflect.get(real, property, real);
    return typeof value === "function" ? value.bind(real) : value;
  },
});

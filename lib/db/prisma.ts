// The one Prisma client of the process, on node-postgres through @prisma/adapter-pg.
// Cached on globalThis so Next's dev server reloads do not open a new pool each time.
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

function databaseUrl(): string {
  if (!env.DATABASE_URL) {
    throw new Error(
      "DATABASE_URL is not set: start the app with `npm run dev` or `npm start`, which provide it.",
    );
  }
  return env.DATABASE_URL;
}

export const prisma: PrismaClient = (globalForPrisma.plugipayPrisma ??= createPrismaClient(databaseUrl()));

import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

/** The root client or a transaction's: domain functions accept either. */
export type Db = PrismaClient | Prisma.TransactionClient;

/**
 * Runs `work` atomically: in a new transaction on the root client, or inside the caller's
 * transaction (the API's idempotency wrapper runs a whole request in one).
 */
export function inTransaction<T>(
  db: Db,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
  options?: { maxWait?: number; timeout?: number },
): Promise<T> {
  return "$transaction" in db ? (db as PrismaClient).$transaction(work, options) : work(db);
}

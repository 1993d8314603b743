import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { readMigrations } from "@/lib/db/migrate";

export type Readiness =
  | { status: "ready" }
  | { status: "unavailable"; reason: "database_unreachable" | "migrations_pending"; pending?: string[] };

const TIMEOUT_MS = 4000;

export async function checkReadiness(db: PrismaClient = prisma): Promise<Readiness> {
  try {
    const rows = await withTimeout(
      db.$queryRaw<{ migration_name: string }[]>`
        SELECT migration_name FROM "_prisma_migrations"
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Set(rows.map((row) => row.migration_name));
    const pending = (await readMigrations()).map((m) => m.name).filter((name) => !applied.has(name));
    return pending.length
      ? { status: "unavailable", reason: "migrations_pending", pending }
      : { status: "ready" };
  } catch (error) {
    // An empty database has no _prisma_migrations table yet (42P01): reachable, not migrated.
    if (isUndefinedTable(error)) return { status: "unavailable", reason: "migrations_pending" };
    return { status: "unavailable", reason: "database_unreachable" };
  }
}

function isUndefinedTable(error: unknown): boolean {
  return JSON.stringify(error ?? "").includes("42P01") || String(error).includes("does not exist");
}

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error("timed out")), TIMEOUT_MS).unref()),
  ]);
}

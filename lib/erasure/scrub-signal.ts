import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/** A redacted customer whose copies are to be scrubbed: ids only, never personal data. */
export type ScrubRef = { workspaceId: string; customerId: string };

export const SCRUB_CHANNEL = "plugipay_customer_scrub";

/**
 * Tells every process that runs the erasure job (lib/erasure/erasure-jobs.ts listens) to scrub
 * this customer's copies now. PostgreSQL delivers a NOTIFY only when its transaction commits and
 * drops it on rollback, so the job never runs before the tombstone is visible, and whichever
 * transaction the caller is in (its own, or an API request's idempotency transaction) decides.
 * A notification nobody hears (no job process running, a crash) is caught by the periodic sweep.
 */
export async function requestScrubOnCommit(tx: Prisma.TransactionClient, ref: ScrubRef): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${SCRUB_CHANNEL}, ${JSON.stringify(ref)})`;
}

export function parseScrubRef(payload: string | undefined): ScrubRef | undefined {
  try {
    const ref = JSON.parse(payload ?? "") as Partial<ScrubRef>;
    return typeof ref.workspaceId === "string" && typeof ref.customerId === "string"
      ? { workspaceId: ref.workspaceId, customerId: ref.customerId }
      : undefined;
  } catch {
    return undefined;
  }
}

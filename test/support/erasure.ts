// Waiting for the erasure job, which runs in the app server's process: poll, bounded.
import { prisma } from "@/lib/db/prisma";

export async function waitFor(condition: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Until the redacted customer's copies are scrubbed (its scrub_pending_since is cleared). */
export async function waitUntilScrubbed(
  workspaceId: string,
  customerId: string,
  timeoutMs = 30_000,
): Promise<void> {
  await waitFor(async () => {
    const row = await prisma.customer.findUniqueOrThrow({
      where: { workspaceId_id: { workspaceId, id: customerId } },
      select: { redactedAt: true, scrubPendingSince: true },
    });
    return row.redactedAt !== null && row.scrubPendingSince === null;
  }, timeoutMs);
}

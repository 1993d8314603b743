import "server-only";
import { prisma } from "@/lib/db/prisma";

/**
 * Deletes expired idempotency keys (expires_at < now), `batchSize` rows per statement so no
 * statement holds many locks or runs long, until none are left or `maxBatches` ran. Walks the
 * workspaces so each batch uses the (workspace_id, expires_at) index. Returns the number deleted.
 */
export async function sweepIdempotencyKeys(
  options: { batchSize?: number; maxBatches?: number } = {},
): Promise<number> {
  const batchSize = options.batchSize ?? 1000;
  const maxBatches = options.maxBatches ?? 100;
  let deleted = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const count = await prisma.$executeRaw`
      DELETE FROM idempotency_keys k
      USING (
        SELECT x.workspace_id, x.livemode, x.key
        FROM workspaces w
        CROSS JOIN LATERAL (
          SELECT i.workspace_id, i.livemode, i.key FROM idempotency_keys i
          WHERE i.workspace_id = w.id AND i.expires_at < now()
          LIMIT ${batchSize}
        ) x
        LIMIT ${batchSize}
      ) expired
      WHERE k.workspace_id = expired.workspace_id AND k.livemode = expired.livemode AND k.key = expired.key`;
    deleted += count;
    if (count < batchSize) break;
  }
  return deleted;
}

import "server-only";
import { forgetApiKey } from "@/lib/api/authenticate";
import { notFound } from "@/lib/api/errors";
import { prisma } from "@/lib/db/prisma";
import type { Scope } from "@/lib/scope";

/**
 * Revokes a key of this workspace and mode: from the next request on, it is refused like an unknown
 * key. Revoking twice is harmless (the first revocation time stays).
 */
export async function revokeApiKey(scope: Scope, id: string): Promise<void> {
  const where = { workspaceId: scope.workspaceId, livemode: scope.livemode, id };
  const { count } = await prisma.apiKey.updateMany({
    where: { ...where, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  // This process refuses it from the next request on; others within KEY_CACHE_MS (lib/api/authenticate.ts).
  forgetApiKey(id);
  if (count === 0 && !(await prisma.apiKey.findFirst({ where, select: { id: true } }))) {
    throw notFound("API key", id);
  }
}

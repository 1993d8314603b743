import "server-only";
import { prisma } from "@/lib/db/prisma";
import { newId } from "@/lib/ids";
import type { Prisma } from "@/lib/generated/prisma/client";
import { generateSecretKey, hashSecretKey, type Mode } from "@/lib/api-keys/secret-key";

export type CreatedApiKey = { id: string; secretKey: string; livemode: boolean; last4: string };

/** Creates a key and returns its secret: the only time the secret exists outside the caller. */
export async function createApiKey(
  scope: { workspaceId: string; mode: Mode; name?: string },
  db: Prisma.TransactionClient = prisma,
): Promise<CreatedApiKey> {
  const secretKey = generateSecretKey(scope.mode);
  const key = await db.apiKey.create({
    data: {
      id: newId("apiKey"),
      workspaceId: scope.workspaceId,
      livemode: scope.mode === "live",
      name: scope.name,
      secretHash: hashSecretKey(secretKey),
      last4: secretKey.slice(-4),
    },
    select: { id: true, livemode: true, last4: true },
  });
  return { ...key, secretKey };
}

import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Scope } from "@/lib/scope";

export type ApiKeySummary = {
  id: string;
  name: string | null;
  livemode: boolean;
  /** The secret itself is never stored: its last four characters are all that can be shown. */
  last4: string;
  createdAt: Date;
  revokedAt: Date | null;
};

/** The workspace's keys in one mode, newest first, revoked ones included (marked). */
export async function listApiKeys(scope: Scope): Promise<ApiKeySummary[]> {
  return prisma.apiKey.findMany({
    where: { workspaceId: scope.workspaceId, livemode: scope.livemode },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, name: true, livemode: true, last4: true, createdAt: true, revokedAt: true },
  });
}

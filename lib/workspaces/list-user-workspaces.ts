import "server-only";
import { prisma } from "@/lib/db/prisma";

export type UserWorkspace = { id: string; name: string; timeZone: string; role: string };

/** The workspaces a user belongs to, oldest membership first: the only ones the dashboard may show. */
export async function listUserWorkspaces(userId: string): Promise<UserWorkspace[]> {
  const memberships = await prisma.membership.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { role: true, workspace: { select: { id: true, name: true, timeZone: true } } },
  });
  return memberships.map(({ role, workspace }) => ({ ...workspace, role }));
}

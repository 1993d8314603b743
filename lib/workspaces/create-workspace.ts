import "server-only";
import { hashPassword } from "better-auth/crypto";
import { prisma } from "@/lib/db/prisma";
import { newId } from "@/lib/ids";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { workspaceSignupSchema, type WorkspaceSignup } from "@/lib/workspaces/schemas";

export class EmailTakenError extends Error {
  constructor(email: string) {
    super(`A user with the email ${email} already exists.`);
  }
}

export type CreatedWorkspace = {
  workspaceId: string;
  userId: string;
  userEmail: string;
  testSecretKey: string;
  liveSecretKey: string;
};

/**
 * Sign-up: a user (with a password account in better-auth's format), their workspace, the
 * membership and a first pair of secret keys — all or nothing.
 */
export async function createWorkspace(input: WorkspaceSignup): Promise<CreatedWorkspace> {
  const { name, email, password } = workspaceSignupSchema.parse(input);
  const userEmail = email.toLowerCase();
  const passwordHash = await hashPassword(password);
  try {
    return await prisma.$transaction(async (tx) => {
      const userId = newId("user");
      const workspaceId = newId("workspace");
      await tx.user.create({ data: { id: userId, name: userEmail.split("@")[0], email: userEmail } });
      await tx.account.create({
        data: {
          id: newId("user"),
          accountId: userId,
          providerId: "credential",
          userId,
          password: passwordHash,
        },
      });
      await tx.workspace.create({ data: { id: workspaceId, name } });
      await tx.membership.create({ data: { workspaceId, userId, role: "owner" } });
      const test = await createApiKey({ workspaceId, mode: "test", name: "Default test key" }, tx);
      const live = await createApiKey({ workspaceId, mode: "live", name: "Default live key" }, tx);
      return { workspaceId, userId, userEmail, testSecretKey: test.secretKey, liveSecretKey: live.secretKey };
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new EmailTakenError(userEmail);
    throw error;
  }
}

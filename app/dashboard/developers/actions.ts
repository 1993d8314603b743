"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { dashboardAction, type ActionState } from "@/lib/dashboard/dashboard-action";

export type CreateKeyState = ActionState<{ secretKey: string; last4: string }>;
export type RevokeKeyState = ActionState<{ revoked: string }>;

const createKeyForm = z.object({
  name: z
    .string()
    .trim()
    .max(100, "must be at most 100 characters")
    .transform((value) => value || undefined),
});

const createKey = dashboardAction(createKeyForm, async ({ name }, { scope }) => {
  const key = await createApiKey({
    workspaceId: scope.workspaceId,
    mode: scope.livemode ? "live" : "test",
    name,
  });
  revalidatePath("/dashboard/developers");
  return { secretKey: key.secretKey, last4: key.last4 };
});

const revokeKey = dashboardAction(z.object({ keyId: z.string().max(64) }), async ({ keyId }, { scope }) => {
  await revokeApiKey(scope, keyId);
  revalidatePath("/dashboard/developers");
  return { revoked: keyId };
});

// Form actions of /dashboard/developers: a new key in the current mode (its secret shown once), or a revocation.
export async function createKeyAction(previous: CreateKeyState, formData: FormData): Promise<CreateKeyState> {
  return createKey(previous, formData);
}

export async function revokeKeyAction(previous: RevokeKeyState, formData: FormData): Promise<RevokeKeyState> {
  return revokeKey(previous, formData);
}

"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getDashboardContext } from "@/lib/dashboard/context";
import { MODE_COOKIE, PREFERENCE_COOKIE_OPTIONS, WORKSPACE_COOKIE } from "@/lib/dashboard/preferences";
import { safeNextPath } from "@/lib/dashboard/safe-next-path";

// The header's test-mode switch. Back to the same page without its query: a cursor or filter of one
// mode means nothing in the other.
export async function switchModeAction(formData: FormData): Promise<void> {
  await getDashboardContext();
  const mode = formData.get("mode") === "live" ? "live" : "test";
  (await cookies()).set(MODE_COOKIE, mode, PREFERENCE_COOKIE_OPTIONS);
  redirect(safeNextPath(String(formData.get("returnTo") ?? "")).split("?")[0]);
}

// The header's workspace picker: only a workspace the user belongs to is accepted.
export async function switchWorkspaceAction(formData: FormData): Promise<void> {
  const { workspaces } = await getDashboardContext();
  const chosen = workspaces.find(({ id }) => id === formData.get("workspaceId"));
  if (chosen) (await cookies()).set(WORKSPACE_COOKIE, chosen.id, PREFERENCE_COOKIE_OPTIONS);
  redirect("/dashboard/customers");
}

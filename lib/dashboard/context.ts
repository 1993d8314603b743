// Who is looking at the dashboard, in which workspace and mode. Every dashboard page, action and
// route starts here: this is the security boundary (proxy.ts only redirects early).
import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDashboardSession } from "@/lib/auth/session-cache";
import { loginUrl } from "@/lib/dashboard/safe-next-path";
import { MODE_COOKIE, REQUEST_PATH_HEADER, WORKSPACE_COOKIE } from "@/lib/dashboard/preferences";
import type { Scope } from "@/lib/scope";
import { listUserWorkspaces, type UserWorkspace } from "@/lib/workspaces/list-user-workspaces";

export type DashboardContext = {
  user: { id: string; email: string };
  workspace: UserWorkspace;
  workspaces: UserWorkspace[];
  livemode: boolean;
  scope: Scope;
};

/** Redirects to /login?next=<this page> without a valid session. Cached per request. */
export const getDashboardContext = cache(async (): Promise<DashboardContext> => {
  const requestHeaders = await headers();
  // Cached per process for a few seconds, forgotten at once on sign-out here (lib/auth/session-cache.ts).
  const session = await getDashboardSession(requestHeaders);
  if (!session) redirect(loginUrl(requestHeaders.get(REQUEST_PATH_HEADER)));
  const workspaces = await listUserWorkspaces(session.user.id);
  // A user always has one (sign-up creates it); without any there is nothing to show.
  if (workspaces.length === 0) redirect("/logout");
  const jar = await cookies();
  const chosen = jar.get(WORKSPACE_COOKIE)?.value;
  const workspace = workspaces.find(({ id }) => id === chosen) ?? workspaces[0];
  // Test mode unless the user switched: a new workspace has only test data, and the demo prints a test key.
  const livemode = jar.get(MODE_COOKIE)?.value === "live";
  return {
    user: { id: session.user.id, email: session.user.email },
    workspace,
    workspaces,
    livemode,
    scope: { workspaceId: workspace.id, livemode },
  };
});

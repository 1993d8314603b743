// The dashboard's per-process session cache (lib/auth/session-cache.ts, decision 62): what it keeps,
// what it never keeps, and that sign-out in this process ends a cached session at once.
import { describe, expect, it } from "vitest";
import { getAuth } from "@/lib/auth/auth";
import { forgetDashboardSession, getDashboardSession } from "@/lib/auth/session-cache";
import { prisma } from "@/lib/db/prisma";
import { createWorkspace } from "@/lib/workspaces/create-workspace";

let counter = 0;
async function signedIn(): Promise<{ headers: Headers; userId: string; email: string }> {
  const email = `session${++counter}-${Date.now()}@example.com`;
  await createWorkspace({ name: "Shop", email, password: "long enough" });
  const response = await getAuth().api.signInEmail({
    body: { email, password: "long enough" },
    asResponse: true,
  });
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  const user = await prisma.user.findUniqueOrThrow({ where: { email } });
  return { headers: new Headers({ cookie }), userId: user.id, email };
}

describe("getDashboardSession", () => {
  it("answers better-auth's session, then keeps it for a few seconds in this process", async () => {
    const { headers, userId, email } = await signedIn();
    expect(await getDashboardSession(headers)).toEqual({ user: { id: userId, email } });
    // The row gone behind its back (as a sign-out in another process): still accepted, for a moment.
    await prisma.session.deleteMany({ where: { userId } });
    expect(await getDashboardSession(headers)).toEqual({ user: { id: userId, email } });
    expect(await getAuth().api.getSession({ headers })).toBeNull();
  });

  it("forgets a session at once on sign-out in this process, and does not keep it again", async () => {
    const { headers, userId } = await signedIn();
    expect(await getDashboardSession(headers)).toMatchObject({ user: { id: userId } });
    await forgetDashboardSession(headers);
    await getAuth().api.signOut({ headers });
    expect(await getDashboardSession(headers)).toBeNull();
  });

  it("does not keep a session whose lookup was in flight when sign-out forgot it", async () => {
    const { headers, userId } = await signedIn();
    // The lookup waits on the database; sign-out's forgetting needs none, so it lands first.
    const inFlight = getDashboardSession(headers);
    await forgetDashboardSession(headers);
    expect(await inFlight).toMatchObject({ user: { id: userId } });
    await prisma.session.deleteMany({ where: { userId } });
    expect(await getDashboardSession(headers)).toBeNull();
  });

  it("never keeps a missing, forged or unknown cookie", async () => {
    const { headers } = await signedIn();
    expect(await getDashboardSession(new Headers())).toBeNull();
    const cookie = headers.get("cookie")!;
    const forged = cookie.replace(/(session_token=)([^;.]+)/, "$1forged");
    expect(forged).not.toBe(cookie);
    expect(await getDashboardSession(new Headers({ cookie: forged }))).toBeNull();
    expect(await getDashboardSession(new Headers({ cookie: forged }))).toBeNull();
  });
});

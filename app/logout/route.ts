import { headers } from "next/headers";
import { getAuth } from "@/lib/auth/auth";
import { forgetDashboardSession } from "@/lib/auth/session-cache";

// GET|POST /logout — end the session (its row and its cookie), then show the sign-in page.
// GET works too, so a plain link or a typed URL signs out; the worst a forged link can do is the same.
// 303, so the browser follows a POST with a GET of /login.
async function signOut(): Promise<Response> {
  const requestHeaders = await headers();
  // Before the row goes: from here on, no page in this process accepts the session from its cache.
  await forgetDashboardSession(requestHeaders);
  try {
    await getAuth().api.signOut({ headers: requestHeaders });
  } catch {
    // No session (already signed out): nothing to end.
  }
  return new Response(null, { status: 303, headers: { Location: "/login" } });
}

export const GET = signOut;
export const POST = signOut;

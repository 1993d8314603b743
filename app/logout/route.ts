import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAuth } from "@/lib/auth/auth";

// GET|POST /logout — end the session (its row and its cookie), then show the sign-in page.
// GET works too, so a plain link or a typed URL signs out; the worst a forged link can do is the same.
async function signOut(): Promise<never> {
  const requestHeaders = await headers();
  try {
    await getAuth().api.signOut({ headers: requestHeaders });
  } catch {
    // No session (already signed out): nothing to end.
  }
  redirect("/login");
}

export const GET = signOut;
export const POST = signOut;

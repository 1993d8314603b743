// The dashboard's session check, kept per process for a few seconds (docs/decisions.md, decision 62).
// better-auth's getSession verifies the cookie's signature and reads the session and its user from the
// database on every call: about a sixth of a customers-list render's CPU. A page view and the requests
// behind it (server actions, exports, the next page) arrive within seconds with the same cookie, so a
// validated session is kept by the SHA-256 of its signed cookie for SESSION_CACHE_MS, never past its
// expiry. Only valid sessions are kept: a new session works at once and a forged cookie is always
// checked. /logout forgets the session in this process before it answers; another app process on the
// same database may accept an ended session for at most SESSION_CACHE_MS more, as with secret keys.
import "server-only";
import { createHash } from "node:crypto";
import { parseCookies } from "better-auth/cookies";
import { getAuth } from "@/lib/auth/auth";
import { processCache } from "@/lib/process-cache";

export type DashboardSession = { user: { id: string; email: string } };

export const SESSION_CACHE_MS = 5_000;
const sessions = processCache<DashboardSession>("dashboard-sessions", {
  ttlMs: SESSION_CACHE_MS,
  max: 10_000,
});
// Cookies signed out here lately: a lookup in flight when /logout answered must not keep its session.
const ended = processCache<true>("ended-sessions", { ttlMs: SESSION_CACHE_MS, max: 10_000 });

/** The hash of the session cookie better-auth itself reads (its exact name), if the request has one. */
async function cookieKey(requestHeaders: Headers): Promise<string | undefined> {
  const header = requestHeaders.get("cookie");
  if (!header) return undefined;
  const { authCookies } = await getAuth().$context;
  const signed = parseCookies(header).get(authCookies.sessionToken.name);
  return signed ? createHash("sha256").update(signed).digest("base64url") : undefined;
}

/** better-auth's getSession, from this process's cache when it validated the same cookie lately. */
export async function getDashboardSession(requestHeaders: Headers): Promise<DashboardSession | null> {
  const key = await cookieKey(requestHeaders);
  const cached = key ? sessions.get(key) : undefined;
  if (cached) return cached;
  const found = await getAuth().api.getSession({ headers: requestHeaders });
  if (!found) return null;
  const session = { user: { id: found.user.id, email: found.user.email } };
  if (key && !ended.get(key)) {
    sessions.set(key, session, new Date(found.session.expiresAt).getTime() - Date.now());
  }
  return session;
}

/** Forgets the request's session in this process (on sign-out), and keeps it from being cached again. */
export async function forgetDashboardSession(requestHeaders: Headers): Promise<void> {
  const key = await cookieKey(requestHeaders);
  if (!key) return;
  sessions.delete(key);
  ended.set(key, true);
}

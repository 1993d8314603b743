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

export type DashboardSession = { user: { id: string; email: string } };

export const SESSION_CACHE_MS = 5_000;
const SESSION_CACHE_MAX = 10_000;

type Entry = { session: DashboardSession; until: number };
// On globalThis: Next bundles the pages and /logout each with its own copy of this module, and a
// sign-out must reach every copy's cache.
const globalForSessions = globalThis as unknown as {
  plugipaySessionCache?: { sessions: Map<string, Entry>; ended: Map<string, number> };
};
const store = (globalForSessions.plugipaySessionCache ??= { sessions: new Map(), ended: new Map() });

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
  const now = Date.now();
  if (key) {
    const cached = store.sessions.get(key);
    if (cached && cached.until > now) return cached.session;
    store.sessions.delete(key);
  }
  const found = await getAuth().api.getSession({ headers: requestHeaders });
  if (!found) return null;
  const session = { user: { id: found.user.id, email: found.user.email } };
  // Not when /logout ended this cookie's session while the lookup was in flight.
  const ended = key ? store.ended.get(key) : undefined;
  if (key && !(ended !== undefined && ended > now)) {
    if (store.sessions.size >= SESSION_CACHE_MAX) store.sessions.clear();
    const expires = new Date(found.session.expiresAt).getTime();
    store.sessions.set(key, { session, until: Math.min(now + SESSION_CACHE_MS, expires) });
  }
  return session;
}

/** Forgets the request's session in this process (on sign-out), and keeps it from being cached again. */
export async function forgetDashboardSession(requestHeaders: Headers): Promise<void> {
  const key = await cookieKey(requestHeaders);
  if (!key) return;
  store.sessions.delete(key);
  if (store.ended.size >= SESSION_CACHE_MAX) store.ended.clear();
  store.ended.set(key, Date.now() + SESSION_CACHE_MS);
}

// Password sign-in for the dashboard, with its rate limit (spec/dashboard.md, "Sign-in and workspaces").
import "server-only";
import { APIError } from "better-auth/api";
import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { configuredStore, secondsUntilNext, storeLimiter } from "@/lib/api/rate-limit";
import { getAuth } from "@/lib/auth/auth";
import { env } from "@/lib/env";

/** Attempts per window: per email (someone guessing one account) and per client address (spraying many). */
export const SIGN_IN_LIMITS = {
  perEmail: { points: env.SIGN_IN_LIMIT_PER_EMAIL, duration: env.SIGN_IN_LIMIT_WINDOW_SECONDS },
  perClient: { points: env.SIGN_IN_LIMIT_PER_CLIENT, duration: env.SIGN_IN_LIMIT_WINDOW_SECONDS },
};

export type SignInResult =
  | { ok: true }
  | { ok: false; reason: "invalid_credentials" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

let limiters: Promise<[RateLimiterAbstract, RateLimiterAbstract]> | undefined;

function signInLimiters() {
  const store = configuredStore();
  limiters ??= Promise.all([
    storeLimiter(store, { keyPrefix: "signin_email", ...SIGN_IN_LIMITS.perEmail }),
    storeLimiter(store, { keyPrefix: "signin_client", ...SIGN_IN_LIMITS.perClient }),
  ]);
  return limiters;
}

/**
 * Checks the password and, when it matches, sets the session cookie (through better-auth's
 * nextCookies plugin, so this runs inside a server action). Every attempt costs a point for its
 * email and its client; a successful one gives them back, so only failures add up. A wrong password
 * and an unknown email get the same answer, after the same amount of hashing work.
 */
export async function signIn(input: { email: string; password: string; client: string; headers: Headers }) {
  const email = input.email.trim().toLowerCase();
  const [byEmail, byClient] = await signInLimiters();
  try {
    await Promise.all([byEmail.consume(email), byClient.consume(input.client)]);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    return {
      ok: false,
      reason: "rate_limited",
      retryAfterSeconds: secondsUntilNext(error),
    } satisfies SignInResult;
  }
  try {
    await getAuth().api.signInEmail({ body: { email, password: input.password }, headers: input.headers });
  } catch (error) {
    if (error instanceof APIError && (error.statusCode === 401 || error.statusCode === 400))
      return { ok: false, reason: "invalid_credentials" } satisfies SignInResult;
    throw error;
  }
  await Promise.all([byEmail.reward(email), byClient.reward(input.client)]);
  return { ok: true } satisfies SignInResult;
}

// The sign-up rate limit: /signup makes a user, a workspace, two secret keys and a memory-hard
// password hash, and says whether an email already has an account, so one client address gets a
// few per window (SIGN_UP_LIMIT_PER_CLIENT per SIGN_UP_LIMIT_WINDOW_SECONDS), counted where the
// API's and sign-in's counts are (RATE_LIMIT_STORE).
import "server-only";
import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { configuredStore, secondsUntilNext, storeLimiter } from "@/lib/api/rate-limit";
import { env } from "@/lib/env";

let limiter: Promise<RateLimiterAbstract> | undefined;

/**
 * Charges one sign-up attempt to `client` (lib/client-address.ts). Only attempts that would reach
 * the database count: a form refused for its fields costs nothing. A sign-up is not refunded when
 * it succeeds, since making workspaces is what the limit is for.
 */
export async function chargeSignUp(
  client: string,
): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }> {
  limiter ??= storeLimiter(configuredStore(), {
    keyPrefix: "signup_client",
    points: env.SIGN_UP_LIMIT_PER_CLIENT,
    duration: env.SIGN_UP_LIMIT_WINDOW_SECONDS,
  });
  try {
    await (await limiter).consume(client);
    return { ok: true };
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    return { ok: false, retryAfterSeconds: secondsUntilNext(error) };
  }
}

// When the SDK tries a request again, and how long it waits first.
import { ApiConnectionError, ApiError, IdempotencyError, PlugipayError, RateLimitError } from "./errors.js";

export const BASE_DELAY_MS = 500;
export const MAX_DELAY_MS = 8_000;
/** A Retry-After longer than this is not waited for: the error is returned instead. */
export const MAX_RETRY_AFTER_MS = 60_000;

/**
 * Network failures and timeouts, 5xx, 429 and 409 `idempotency_key_in_use` (the first attempt is
 * still running) are worth another try; every other 4xx would fail the same way again. Safe for
 * POST and PATCH because each attempt carries the same Idempotency-Key.
 */
export function isRetryable(error: unknown): boolean {
  if (error instanceof ApiConnectionError || error instanceof ApiError || error instanceof RateLimitError)
    return true;
  return error instanceof IdempotencyError && error.code === "idempotency_key_in_use";
}

/**
 * The wait before retry number `attempt` (0 for the first retry): exponential from 500 ms, capped
 * at 8 s, with "equal jitter" (half fixed, half random) so clients that failed together do not
 * come back together. A server's Retry-After (429, 503) is honoured as the minimum.
 */
export function retryDelayMs(attempt: number, error: unknown, random: () => number = Math.random): number {
  const exponential = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt);
  const jittered = exponential / 2 + (random() * exponential) / 2;
  const retryAfter = retryAfterMs(error);
  return retryAfter === undefined ? jittered : Math.max(retryAfter, jittered);
}

function retryAfterMs(error: unknown): number | undefined {
  if (error instanceof RateLimitError && error.retryAfter !== undefined) return error.retryAfter * 1000;
  if (error instanceof PlugipayError && error.headers) {
    const seconds = Number(error.headers.get("retry-after"));
    if (error.headers.has("retry-after") && Number.isFinite(seconds)) return seconds * 1000;
  }
  return undefined;
}

/** Resolves after `ms`, or rejects as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ApiConnectionError,
  ApiError,
  AuthenticationError,
  ConflictError,
  IdempotencyError,
  InvalidRequestError,
  RateLimitError,
} from "./errors.js";
import { BASE_DELAY_MS, isRetryable, MAX_DELAY_MS, retryDelayMs, sleep } from "./retry.js";

describe("isRetryable", () => {
  it("retries what may succeed next time, never a request the API refused", () => {
    expect(isRetryable(new ApiConnectionError("down"))).toBe(true);
    expect(isRetryable(new ApiError("boom", { status: 500 }))).toBe(true);
    expect(isRetryable(new ApiError("away", { status: 503 }))).toBe(true);
    expect(isRetryable(new RateLimitError("slow", { status: 429 }))).toBe(true);
    expect(isRetryable(new IdempotencyError("busy", { status: 409, code: "idempotency_key_in_use" }))).toBe(
      true,
    );

    expect(isRetryable(new IdempotencyError("reused", { status: 422, code: "idempotency_key_reused" }))).toBe(
      false,
    );
    expect(isRetryable(new ConflictError("taken", { status: 409, code: "resource_already_exists" }))).toBe(
      false,
    );
    expect(isRetryable(new InvalidRequestError("bad", { status: 400 }))).toBe(false);
    expect(isRetryable(new AuthenticationError("who", { status: 401 }))).toBe(false);
    expect(isRetryable(new Error("not ours"))).toBe(false);
  });
});

describe("retryDelayMs", () => {
  it("grows exponentially with equal jitter, capped, for any attempt and randomness (property)", () => {
    fc.assert(
      fc.property(fc.nat(40), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, r) => {
        const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt);
        const delay = retryDelayMs(attempt, new ApiConnectionError("x"), () => r);
        expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
        expect(delay).toBeLessThanOrEqual(ceiling);
      }),
    );
  });

  it("waits at least the server's Retry-After", () => {
    const limited = new RateLimitError("slow", { status: 429, retryAfter: 3 });
    expect(retryDelayMs(0, limited, () => 0)).toBe(3000);
    const unavailable = new ApiError("away", { status: 503, headers: new Headers({ "Retry-After": "5" }) });
    expect(retryDelayMs(0, unavailable, () => 0)).toBe(5000);
    // A Retry-After shorter than the backoff does not shorten it.
    expect(retryDelayMs(4, new RateLimitError("slow", { retryAfter: 1 }), () => 0)).toBe(4000);
  });
});

describe("sleep", () => {
  it("rejects at once when its signal aborts", async () => {
    const controller = new AbortController();
    const started = Date.now();
    const waiting = sleep(10_000, controller.signal);
    controller.abort(new Error("stop"));
    await expect(waiting).rejects.toThrow("stop");
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

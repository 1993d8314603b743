import { afterEach, describe, expect, it, vi } from "vitest";
import { createRateLimiter, rateLimitHeaders, type RateLimiter } from "@/lib/api/rate-limit";

const memory = (rate: number, burstSeconds = 2) =>
  createRateLimiter({ rate, burstSeconds, store: "memory", keyPrefix: "t" });

async function consumeTimes(limiter: RateLimiter, id: string, times: number) {
  const decisions = [];
  for (let i = 0; i < times; i++) decisions.push(await limiter.consume(id));
  return decisions;
}

// consumeRateLimit reads lib/env, which parses process.env on import.
async function withEnv(vars: Record<string, string>) {
  for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value);
  vi.resetModules();
  return import("@/lib/api/rate-limit");
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("createRateLimiter", () => {
  it("allows rate × burstSeconds at once, then refuses with Retry-After", async () => {
    const limiter = await memory(5, 2);
    const allowed = await consumeTimes(limiter, "key_a", 10);
    expect(allowed.every((d) => d.allowed)).toBe(true);
    const refused = await limiter.consume("key_a");
    expect(refused).toMatchObject({ allowed: false, limit: 5, remaining: 0 });
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(Number.isInteger(refused.retryAfterSeconds)).toBe(true);
  });

  it("counts remaining down within the second and never below zero", async () => {
    const limiter = await memory(5, 2);
    const decisions = await consumeTimes(limiter, "key_a", 12);
    expect(decisions.map((d) => d.remaining)).toEqual([4, 3, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    for (const d of decisions) {
      expect(d.limit).toBe(5);
      expect(d.resetSeconds).toBeGreaterThanOrEqual(1);
      expect(Number.isInteger(d.resetSeconds)).toBe(true);
    }
  });

  it("keeps keys independent", async () => {
    const limiter = await memory(5, 1);
    await consumeTimes(limiter, "key_a", 5);
    expect((await limiter.consume("key_a")).allowed).toBe(false);
    expect(await limiter.consume("key_b")).toMatchObject({ allowed: true, remaining: 4 });
  });

  it("allows a refused key again after about a second", async () => {
    const limiter = await memory(5, 2);
    await consumeTimes(limiter, "key_a", 10);
    const refused = await limiter.consume("key_a");
    expect(refused.allowed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, refused.retryAfterSeconds! * 1000 + 50));
    expect((await limiter.consume("key_a")).allowed).toBe(true);
  });
});

describe("consumeRateLimit", () => {
  it("gives live and test keys their own rates", async () => {
    const { consumeRateLimit } = await withEnv({
      RATE_LIMIT_LIVE: "3",
      RATE_LIMIT_TEST: "2",
      RATE_LIMIT_BURST_SECONDS: "1",
    });
    const live = { id: "key_live", livemode: true };
    const test = { id: "key_test", livemode: false };
    const liveAllowed = [];
    const testAllowed = [];
    for (let i = 0; i < 4; i++) {
      liveAllowed.push((await consumeRateLimit(live))?.allowed);
      testAllowed.push((await consumeRateLimit(test))?.allowed);
    }
    expect(liveAllowed).toEqual([true, true, true, false]);
    expect(testAllowed).toEqual([true, true, false, false]);
    expect((await consumeRateLimit(live))?.limit).toBe(3);
  });

  it("is off (undefined) when the mode's limit is 0", async () => {
    const { consumeRateLimit } = await withEnv({ RATE_LIMIT_LIVE: "0", RATE_LIMIT_TEST: "1" });
    for (let i = 0; i < 5; i++)
      expect(await consumeRateLimit({ id: "key_a", livemode: true })).toBeUndefined();
    expect(await consumeRateLimit({ id: "key_b", livemode: false })).toMatchObject({ allowed: true });
  });

  it("fails open when the Postgres store is unreachable", async () => {
    const { consumeRateLimit } = await withEnv({
      RATE_LIMIT_STORE: "postgres",
      RATE_LIMIT_TEST: "1",
      DATABASE_URL: "postgresql://postgres@127.0.0.1:9/none",
    });
    for (let i = 0; i < 3; i++) {
      expect(await consumeRateLimit({ id: "key_a", livemode: false })).toMatchObject({
        allowed: true,
        limit: 1,
      });
    }
  });
});

describe("rateLimitHeaders", () => {
  it("sends the three RateLimit headers when allowed", () => {
    expect(rateLimitHeaders({ allowed: true, limit: 100, remaining: 99, resetSeconds: 1 })).toEqual({
      "RateLimit-Limit": "100",
      "RateLimit-Remaining": "99",
      "RateLimit-Reset": "1",
    });
  });

  it("adds Retry-After when refused", () => {
    expect(
      rateLimitHeaders({ allowed: false, limit: 25, remaining: 0, resetSeconds: 1, retryAfterSeconds: 1 }),
    ).toEqual({
      "RateLimit-Limit": "25",
      "RateLimit-Remaining": "0",
      "RateLimit-Reset": "1",
      "Retry-After": "1",
    });
  });
});

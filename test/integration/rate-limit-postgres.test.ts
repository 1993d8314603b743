// Two app processes on one database share one count: two limiters, each on its own pool (as two
// processes would have), see each other's requests through the `rate_limits` table.
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createRateLimiter } from "@/lib/api/rate-limit";
import { env } from "@/lib/env";

const pools: pg.Pool[] = [];
afterAll(() => Promise.all(pools.map((pool) => pool.end())));

function processLimiter() {
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL });
  pools.push(pool);
  return createRateLimiter({ rate: 5, burstSeconds: 2, store: pool, keyPrefix: "rl_test" });
}

describe("rate limits in PostgreSQL", () => {
  it("shares one count between two limiter instances", async () => {
    const [first, second] = await Promise.all([processLimiter(), processLimiter()]);
    const decisions = [];
    for (let i = 0; i < 10; i++) decisions.push(await (i % 2 === 0 ? first : second).consume("key_shared"));
    expect(decisions.every((d) => d.allowed)).toBe(true);
    expect(decisions.slice(0, 5).map((d) => d.remaining)).toEqual([4, 3, 2, 1, 0]);

    const refusedBySecond = await second.consume("key_shared");
    expect(refusedBySecond).toMatchObject({ allowed: false, limit: 5, remaining: 0 });
    expect(refusedBySecond.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect((await first.consume("key_shared")).allowed).toBe(false);
    expect((await first.consume("key_other")).allowed).toBe(true);
  });

  it("stores counts under the key id in the rate_limits table", async () => {
    const limiter = await processLimiter();
    await limiter.consume("key_stored");
    const { rows } = await pools[0].query<{ key: string }>(
      `SELECT key FROM rate_limits WHERE key LIKE '%key_stored' ORDER BY key`,
    );
    expect(rows.map((row) => row.key)).toEqual(["rl_test:key_stored"]);
  });
});

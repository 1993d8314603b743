// Per-secret-key rate limits (spec/api.md, "Rate limits"): a sustained rate per second with bursts,
// counted in process memory or, with RATE_LIMIT_STORE=postgres, in PostgreSQL so that several app
// processes share one count.
import "server-only";
import pg from "pg";
import {
  BurstyRateLimiter,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { env } from "@/lib/env";

export type RateLimitDecision = {
  allowed: boolean;
  limit: number;
  remaining: number;
  resetSeconds: number;
  retryAfterSeconds?: number;
};

export type RateLimiterSettings = {
  /** Sustained requests per second. */
  rate: number;
  /** A key may spend this many seconds' worth of `rate` at once. */
  burstSeconds: number;
  /** Where the counts live: this process's memory, or PostgreSQL through this pool. */
  store: "memory" | pg.Pool;
  /** Separates limiters that share a store (e.g. live and test mode). */
  keyPrefix: string;
};

export type RateLimiter = { consume(id: string): Promise<RateLimitDecision> };

const TABLE = "rate_limits";

// Why BurstyRateLimiter rather than a hand-written token bucket: it works unchanged on both of the
// library's stores, and RateLimiterPostgres counts with one atomic upsert, so concurrent processes
// cannot race. A per-second limiter gives the sustained rate; when it is spent, a burst limiter
// holding R × (burstSeconds − 1) more points lets R × burstSeconds through at once. Those burst
// points come back every 10 × (burstSeconds − 1) seconds, so a key that never pauses averages at
// most 1.1 × R per second, while one that pauses gets its full burst back.
export async function createRateLimiter(settings: RateLimiterSettings): Promise<RateLimiter> {
  const { rate, burstSeconds, keyPrefix } = settings;
  const burstPoints = Math.round(rate * (burstSeconds - 1));
  const perSecond = await storeLimiter(settings.store, { keyPrefix, points: rate, duration: 1 });
  const limiter =
    burstPoints > 0
      ? new BurstyRateLimiter(
          perSecond,
          await storeLimiter(settings.store, {
            keyPrefix: `${keyPrefix}_burst`,
            points: burstPoints,
            duration: Math.ceil(10 * (burstSeconds - 1)),
          }),
        )
      : perSecond;

  return {
    async consume(id) {
      try {
        return decision(rate, await limiter.consume(id), true);
      } catch (error) {
        if (error instanceof RateLimiterRes) return decision(rate, error, false);
        throw error;
      }
    },
  };
}

export type LimiterOptions = { keyPrefix: string; points: number; duration: number };

export function storeLimiter(
  store: RateLimiterSettings["store"],
  options: LimiterOptions,
): Promise<RateLimiterAbstract> {
  if (store === "memory") return Promise.resolve(new RateLimiterMemory(options));
  // The table comes with the migrations (prisma/schema.prisma, RateLimit): left to the library,
  // processes starting together race to CREATE it and one fails with "type already exists".
  return Promise.resolve(
    new RateLimiterPostgres({ ...options, storeClient: store, tableName: TABLE, tableCreated: true }),
  );
}

/** Where RATE_LIMIT_STORE says counts live: this process's memory, or PostgreSQL. */
export const configuredStore = (): RateLimiterSettings["store"] =>
  env.RATE_LIMIT_STORE === "postgres" ? postgresPool() : "memory";

/** Whole seconds, at least 1, until a refused caller may try again. */
export const secondsUntilNext = (res: RateLimiterRes): number =>
  Math.max(1, Math.ceil(res.msBeforeNext / 1000));

// RateLimit-* describe the per-second policy (RateLimit-Limit is R), so Remaining is what is left
// of this second's R: it reads 0 while a key is spending its burst.
function decision(rate: number, res: RateLimiterRes, allowed: boolean): RateLimitDecision {
  const seconds = secondsUntilNext(res);
  const remaining = Math.max(0, Math.floor(res.remainingPoints));
  return allowed
    ? { allowed, limit: rate, remaining, resetSeconds: seconds }
    : { allowed, limit: rate, remaining, resetSeconds: seconds, retryAfterSeconds: seconds };
}

let pool: pg.Pool | undefined;

export function postgresPool(): pg.Pool {
  if (!pool) {
    pool = new pg.Pool({
      connectionString: env.DATABASE_URL,
      max: 5,
      // Rate limiting must not be what makes a request hang while the database is down.
      connectionTimeoutMillis: 1000,
      query_timeout: 1000,
    });
    // An idle client dropped by a database restart must not crash the process; the next query reconnects.
    pool.on("error", () => {});
  }
  return pool;
}

type Counted = "live" | "test" | "anonymous";

const limiters = new Map<Counted, Promise<RateLimiter>>();

function limiterFor(counted: Counted, rate: number): Promise<RateLimiter> {
  let limiter = limiters.get(counted);
  if (!limiter) {
    limiter = createRateLimiter({
      rate,
      burstSeconds: env.RATE_LIMIT_BURST_SECONDS,
      store: configuredStore(),
      keyPrefix: `rl_${counted}`,
    });
    limiters.set(counted, limiter);
  }
  return limiter;
}

async function consume(counted: Counted, rate: number, id: string): Promise<RateLimitDecision | undefined> {
  if (rate === 0) return undefined;
  try {
    return await (await limiterFor(counted, rate)).consume(id);
  } catch {
    // Fail open: when the Postgres store errors (database down) we let the request through rather
    // than refuse all traffic; the API's own database calls will answer 503 anyway.
    return { allowed: true, limit: rate, remaining: rate, resetSeconds: 1 };
  }
}

/** Counts one request for this secret key; undefined when the mode's limit is 0 (off). */
export function consumeRateLimit(key: {
  id: string;
  livemode: boolean;
}): Promise<RateLimitDecision | undefined> {
  return key.livemode
    ? consume("live", env.RATE_LIMIT_LIVE, key.id)
    : consume("test", env.RATE_LIMIT_TEST, key.id);
}

/**
 * Counts one request that names no valid key, per client address (lib/client-address.ts), at the
 * test mode's rate, so that its answer carries RateLimit-* headers like every other and a flood of
 * them is refused. Undefined when the test mode's limit is 0 (off).
 */
export function consumeAnonymousRateLimit(address: string): Promise<RateLimitDecision | undefined> {
  return consume("anonymous", env.RATE_LIMIT_TEST, address);
}

/** RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset (and Retry-After when refused). */
export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  const headers: Record<string, string> = {
    "RateLimit-Limit": String(decision.limit),
    "RateLimit-Remaining": String(decision.remaining),
    "RateLimit-Reset": String(decision.resetSeconds),
  };
  if (!decision.allowed) headers["Retry-After"] = String(decision.retryAfterSeconds ?? decision.resetSeconds);
  return headers;
}

// The one place that reads configuration. Everything else imports `env` (docs: README, "Configuration").
import { z } from "zod";

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: optionalString,
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  APP_URL: optionalString,
  AUTH_SECRET: optionalString,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  RATE_LIMIT_LIVE: z.coerce.number().min(0).default(100),
  RATE_LIMIT_TEST: z.coerce.number().min(0).default(25),
  // Bursts: a key may spend this many seconds' worth of its rate at once.
  RATE_LIMIT_BURST_SECONDS: z.coerce.number().min(1).default(2),
  // Where the limiter counts: this process's memory, or PostgreSQL when several app processes share one database.
  RATE_LIMIT_STORE: z.enum(["memory", "postgres"]).default("memory"),
  // Dashboard sign-in attempts allowed per window, per email and per client address (tests shorten
  // the window so that "refused while limited, accepted after" runs in seconds).
  SIGN_IN_LIMIT_PER_EMAIL: z.coerce.number().int().min(1).default(10),
  SIGN_IN_LIMIT_PER_CLIENT: z.coerce.number().int().min(1).default(100),
  SIGN_IN_LIMIT_WINDOW_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .default(15 * 60),
  // Dashboard sign-ups allowed per client address and window: each makes a workspace, its keys and a
  // memory-hard password hash, so a script must not make them without end (the e2e suite raises it).
  SIGN_UP_LIMIT_PER_CLIENT: z.coerce.number().int().min(1).default(100),
  SIGN_UP_LIMIT_WINDOW_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .default(60 * 60),
  // Where the embedded PostgreSQL keeps its data and state (tests point it elsewhere).
  PLUGIPAY_DATA_DIR: optionalString,
  EMBEDDED_POSTGRES_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  // The background jobs (webhook deliveries, erasure, idempotency-key sweep) run inside the app's
  // server process; "off" for a process that should only serve requests.
  JOBS_WORKER: z.enum(["on", "off"]).default("on"),
  // Webhook deliveries: per-attempt timeout, how often the outbox is polled, how many attempts run
  // at once per process, and the retry schedule (exponential from BASE, capped at MAX, retried
  // until WINDOW has been covered). Tests shorten them.
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  WEBHOOK_POLL_MS: z.coerce.number().int().min(50).default(1000),
  WEBHOOK_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(10),
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(1).default(30_000),
  WEBHOOK_RETRY_MAX_MS: z.coerce
    .number()
    .int()
    .min(1)
    .default(2 * 60 * 60 * 1000),
  // Whether webhooks may go to loopback, private and link-local addresses (decision 65). Unset:
  // "refuse" in a production build, "allow" under `npm run dev`, whose receivers are often local.
  WEBHOOK_PRIVATE_URLS: z.enum(["allow", "refuse"]).optional(),
  WEBHOOK_RETRY_WINDOW_MS: z.coerce
    .number()
    .int()
    .min(1)
    .default(24 * 60 * 60 * 1000),
});

export type Env = z.infer<typeof envSchema> & { APP_URL: string };

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`Invalid configuration: ${issue.path.join(".")}: ${issue.message}`);
  }
  const parsed = result.data;
  return { ...parsed, APP_URL: parsed.APP_URL ?? `http://localhost:${parsed.PORT}` };
}

export const env: Env = parseEnv(process.env);

/**
 * For the launchers (scripts/): once they have provided a database (DATABASE_URL or the embedded
 * one), modules loaded after this see its URL. The Next server gets it as DATABASE_URL instead.
 */
export function setDatabaseUrl(url: string): void {
  env.DATABASE_URL = url;
}

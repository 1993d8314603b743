import "server-only";
// The app's background jobs, started in the server process by instrumentation.ts: pg-boss (its own
// schema, `pgboss`, created and migrated by pg-boss itself under an advisory lock, so processes
// starting together are safe) runs the scheduled jobs and the erasure job; the webhook worker
// drains the outbox.
import pg from "pg";
import PgBoss from "pg-boss";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { setUpErasureQueues, startErasureWorkers } from "@/lib/erasure/erasure-jobs";
import { sweepIdempotencyKeys } from "@/lib/jobs/sweep-idempotency-keys";
import { startDeliveryWorker, type DeliveryWorker } from "@/lib/webhooks/deliver-webhooks";

export const SWEEP_QUEUE = "idempotency-keys-sweep";
const SWEEP_CRON = "*/10 * * * *";

export type Jobs = { stop(): Promise<void> };

export async function startJobs(databaseUrl: string): Promise<Jobs> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: "pgboss",
    max: 3,
    application_name: "plugipay-jobs",
  });
  boss.on("error", (error) => log.warn({ err: error }, "job queue error"));
  // pg-boss guards its schema install against a concurrent one, but two processes creating the
  // same queue at once deadlock (each creates and attaches a partition): processes set up one at a time.
  await oneAtATime(databaseUrl, async () => {
    await boss.start();
    if (!(await boss.getQueue(SWEEP_QUEUE))) {
      await boss.createQueue(SWEEP_QUEUE, { name: SWEEP_QUEUE, policy: "singleton", retryLimit: 3 });
    }
    await boss.schedule(SWEEP_QUEUE, SWEEP_CRON, {}, { retryLimit: 3 });
    await setUpErasureQueues(boss);
  });
  await boss.work(SWEEP_QUEUE, async () => {
    const deleted = await sweepIdempotencyKeys();
    if (deleted) log.info({ deleted }, "expired idempotency keys deleted");
  });
  const erasure = await startErasureWorkers(boss, databaseUrl);

  const deliveries: DeliveryWorker = startDeliveryWorker({
    timeoutMs: env.WEBHOOK_TIMEOUT_MS,
    pollMs: env.WEBHOOK_POLL_MS,
    concurrency: env.WEBHOOK_CONCURRENCY,
    schedule: {
      baseMs: env.WEBHOOK_RETRY_BASE_MS,
      maxMs: env.WEBHOOK_RETRY_MAX_MS,
      windowMs: env.WEBHOOK_RETRY_WINDOW_MS,
    },
  });
  log.info("background jobs started");

  return {
    async stop() {
      // Claim nothing new, let the attempts in flight finish and record (each is bounded by its
      // timeout), then let pg-boss finish its running jobs.
      await deliveries.stop();
      await erasure.stop();
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      log.info("background jobs stopped");
    },
  };
}

/** Runs `work` while holding a session advisory lock on a connection of its own. */
async function oneAtATime(databaseUrl: string, work: () => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "plugipay-jobs-setup" });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock(hashtextextended('plugipay:jobs-setup', 0))");
    await work();
  } finally {
    await client.end(); // ending the session releases the lock
  }
}

const globalJobs = globalThis as unknown as { plugipayJobs?: Promise<Jobs | undefined> };

/**
 * From instrumentation.ts: starts the jobs once per process (unless JOBS_WORKER=off) and stops
 * them on SIGTERM/SIGINT before the process exits. A database that is not reachable yet is retried.
 */
export function startJobsInServer(): void {
  if (env.JOBS_WORKER === "off" || !env.DATABASE_URL || globalJobs.plugipayJobs) return;
  const databaseUrl = env.DATABASE_URL;
  let stopping = false;
  globalJobs.plugipayJobs = (async () => {
    while (!stopping) {
      try {
        return await startJobs(databaseUrl);
      } catch (error) {
        log.warn({ err: error }, "background jobs could not start; retrying in 5 s");
        await new Promise((resolve) => setTimeout(resolve, 5000));
      }
    }
  })();

  const shutdown = () => {
    stopping = true;
    const stopped = globalJobs
      .plugipayJobs!.then((jobs) => jobs?.stop())
      .catch((error) => log.error({ err: error }, "background jobs did not stop cleanly"));
    holdExitUntil(stopped);
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}

/**
 * Next's own SIGTERM handler closes the HTTP server and then calls process.exit; this makes that
 * exit wait until the job queue has flushed (at most the attempt timeout plus a few seconds).
 */
function holdExitUntil(done: Promise<unknown>): void {
  const exit = process.exit.bind(process);
  let finished = false;
  void done.finally(() => (finished = true));
  process.exit = ((code?: number) => {
    if (finished) return exit(code);
    void done.finally(() => exit(code));
  }) as typeof process.exit;
}

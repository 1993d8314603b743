import "server-only";
// The erasure job on pg-boss (started with the other jobs by lib/jobs/start-jobs.ts). A redaction
// NOTIFYs on commit (scrub-signal.ts); every job process LISTENs and queues a scrub job for the
// customer — ids only, since pg-boss keeps job data in its own tables. One job per customer at a
// time ("stately" queue keyed by customer). For the notifications nobody heard (no job process at
// that moment, a crash, JOBS_WORKER=off), a process queues every pending customer each time it
// starts listening, and a sweep every minute queues those redacted more than a minute ago.
import pg from "pg";
import type PgBoss from "pg-boss";
import { prisma } from "@/lib/db/prisma";
import { log } from "@/lib/log";
import { DeliveriesInFlight, scrubCustomerCopies } from "@/lib/erasure/scrub-customer-copies";
import { parseScrubRef, SCRUB_CHANNEL, type ScrubRef } from "@/lib/erasure/scrub-signal";

export const SCRUB_QUEUE = "customer-scrub";
export const SCRUB_SWEEP_QUEUE = "customer-scrub-sweep";
const SWEEP_CRON = "* * * * *";
// Leaves a just-committed redaction to its notification.
const SWEEP_GRACE_MS = 60_000;

/** Queues and schedule; run under start-jobs' setup lock, like the other queues. */
export async function setUpErasureQueues(boss: PgBoss): Promise<void> {
  if (!(await boss.getQueue(SCRUB_QUEUE))) {
    // Retries wait out a webhook attempt in flight (DeliveriesInFlight): 15 s, 30 s, 60 s…
    await boss.createQueue(SCRUB_QUEUE, {
      name: SCRUB_QUEUE,
      policy: "stately",
      retryLimit: 8,
      retryDelay: 15,
      retryBackoff: true,
    });
  }
  if (!(await boss.getQueue(SCRUB_SWEEP_QUEUE))) {
    await boss.createQueue(SCRUB_SWEEP_QUEUE, {
      name: SCRUB_SWEEP_QUEUE,
      policy: "singleton",
      retryLimit: 3,
    });
  }
  await boss.schedule(SCRUB_SWEEP_QUEUE, SWEEP_CRON, {}, { retryLimit: 3 });
}

export type ErasureWorkers = { stop(): Promise<void> };

export async function startErasureWorkers(boss: PgBoss, databaseUrl: string): Promise<ErasureWorkers> {
  const worker = await boss.work<ScrubRef>(SCRUB_QUEUE, async ([job]) => {
    await scrub(job.data);
  });
  const queueScrub = async (ref: ScrubRef) => {
    await boss.send(SCRUB_QUEUE, ref, { singletonKey: `${ref.workspaceId}:${ref.customerId}` });
    boss.notifyWorker(worker); // now, not at the next poll
  };
  const queuePending = async (olderThanMs: number) => {
    const pending = await customersAwaitingScrub({ olderThanMs });
    for (const ref of pending) await queueScrub(ref);
    if (pending.length) log.info({ count: pending.length }, "queued pending erasure jobs");
  };
  await boss.work(SCRUB_SWEEP_QUEUE, () => queuePending(SWEEP_GRACE_MS));
  const listener = listen(databaseUrl, {
    onRedacted: (ref) =>
      void queueScrub(ref).catch((error) => log.warn({ err: error }, "could not queue an erasure job")),
    // A redaction committed while this process was not listening (starting up, reconnecting) will
    // not be notified again: catch up now rather than at the sweep, a minute or two later.
    onListening: () =>
      void queuePending(0).catch((error) => log.warn({ err: error }, "could not queue pending erasure jobs")),
  });
  return { stop: () => listener.stop() };
}

/** The job's body: never lets a personal value reach a log line or pg-boss's stored output. */
async function scrub(ref: ScrubRef): Promise<void> {
  try {
    if (await scrubCustomerCopies(ref)) log.info(ref, "redacted customer's copies scrubbed");
  } catch (error) {
    if (error instanceof DeliveriesInFlight) throw error;
    const code = (error as { code?: unknown }).code;
    log.error({ ...ref, error: (error as Error).name, code }, "erasure job failed; pg-boss retries it");
    throw new Error(`erasure failed (${(error as Error).name}${typeof code === "string" ? ` ${code}` : ""})`);
  }
}

/**
 * Redacted customers whose copies are not scrubbed yet, redacted more than `olderThanMs` ago.
 * Walks the workspaces so each probe is an index seek on (workspace_id, scrub_pending_since).
 */
export async function customersAwaitingScrub(options: {
  olderThanMs: number;
  limit?: number;
}): Promise<ScrubRef[]> {
  const before = new Date(Date.now() - options.olderThanMs);
  const limit = options.limit ?? 1000;
  const rows = await prisma.$queryRaw<{ workspace_id: string; id: string }[]>`
    SELECT p.workspace_id, p.id
    FROM workspaces w
    CROSS JOIN LATERAL (
      SELECT c.workspace_id, c.id FROM customers c
      WHERE c.workspace_id = w.id AND c.scrub_pending_since IS NOT NULL AND c.scrub_pending_since <= ${before}
      LIMIT ${limit}
    ) p
    LIMIT ${limit}`;
  return rows.map((row) => ({ workspaceId: row.workspace_id, customerId: row.id }));
}

/** LISTENs on its own connection, reconnecting after a failure until stopped. */
function listen(
  databaseUrl: string,
  handlers: { onRedacted(ref: ScrubRef): void; onListening(): void },
): { stop(): Promise<void> } {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const retryLater = () => {
    if (!stopped) retry = setTimeout(() => void connect(), 5000);
  };
  const connect = async () => {
    const candidate = new pg.Client({ connectionString: databaseUrl, application_name: "plugipay-erasure" });
    candidate.on("notification", (message) => {
      const ref = parseScrubRef(message.payload);
      if (ref) handlers.onRedacted(ref);
    });
    candidate.on("error", (error) => log.warn({ err: error }, "erasure listener connection failed"));
    try {
      await candidate.connect();
      await candidate.query(`LISTEN ${SCRUB_CHANNEL}`);
    } catch (error) {
      log.warn({ err: error }, "erasure listener could not connect; retrying in 5 s");
      await candidate.end().catch(() => {});
      return retryLater();
    }
    if (stopped) return void (await candidate.end());
    client = candidate;
    candidate.on("end", () => {
      if (client !== candidate) return;
      client = undefined;
      retryLater();
    });
    handlers.onListening();
  };
  void connect();
  return {
    async stop() {
      stopped = true;
      clearTimeout(retry);
      const current = client;
      client = undefined;
      await current?.end().catch(() => {});
    },
  };
}

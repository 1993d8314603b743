import "server-only";
// The webhook worker: claims due deliveries from the outbox (webhook_deliveries), sends them and
// records each attempt. Several processes can run it at once: a claim takes rows with
// FOR UPDATE SKIP LOCKED and leases them (locked_until), so each attempt has one owner; a worker
// that dies mid-attempt (SIGKILL) leaves a lease that runs out, and the next claim takes the
// delivery again: at-least-once. Only the oldest pending delivery of each (endpoint, ordering key)
// can be claimed, so a later event about a customer never overtakes an earlier one.
import { prisma } from "@/lib/db/prisma";
import { serializeEvent } from "@/lib/events/serialize-event";
import { log } from "@/lib/log";
import { retryDelayMs, type RetrySchedule } from "@/lib/webhooks/backoff";
import { NoAnswerInTime, postWebhook } from "@/lib/webhooks/post-webhook";
import { signatureHeader, SIGNATURE_HEADER } from "@/lib/webhooks/signature";

export const DELIVERY_ID_HEADER = "Plugipay-Delivery-Id";

export type DeliveryWorkerOptions = {
  timeoutMs: number;
  pollMs: number;
  concurrency: number;
  schedule: RetrySchedule;
};

type Claimed = { workspace_id: string; id: string; endpoint_id: string; event_id: string; attempts: number };

/**
 * A slow or stalling receiver may hold at most this many of a process's attempt slots at once, so
 * it cannot starve the other endpoints.
 */
export const MAX_IN_FLIGHT_PER_ENDPOINT = 3;

/**
 * Leases up to `limit` due deliveries for one attempt each: only the oldest pending one of each
 * (endpoint, ordering key), and no more than MAX_IN_FLIGHT_PER_ENDPOINT in flight per endpoint.
 * Candidates are chosen first, then locked; rows another worker took meanwhile are skipped.
 */
async function claimDeliveries(limit: number, leaseMs: number): Promise<Claimed[]> {
  return prisma.$queryRaw<Claimed[]>`
    WITH candidates AS (
      SELECT workspace_id, id FROM (
        SELECT d.workspace_id, d.id, d.next_attempt_at, d.seq,
          row_number() OVER (PARTITION BY d.workspace_id, d.endpoint_id ORDER BY d.next_attempt_at, d.seq) AS rank,
          (SELECT count(*) FROM webhook_deliveries l
           WHERE l.workspace_id = d.workspace_id AND l.endpoint_id = d.endpoint_id
             AND l.status = 'pending' AND l.locked_until > now()) AS busy
        FROM webhook_deliveries d
        JOIN webhook_endpoints e
          ON e.workspace_id = d.workspace_id AND e.id = d.endpoint_id AND e.disabled_at IS NULL
        WHERE d.status = 'pending'
          AND d.next_attempt_at <= now()
          AND (d.locked_until IS NULL OR d.locked_until <= now())
          AND NOT EXISTS (
            SELECT 1 FROM webhook_deliveries p
            WHERE p.workspace_id = d.workspace_id AND p.endpoint_id = d.endpoint_id
              AND p.ordering_key = d.ordering_key AND p.seq < d.seq AND p.status = 'pending')
      ) ranked
      WHERE rank + busy <= ${MAX_IN_FLIGHT_PER_ENDPOINT}
      ORDER BY next_attempt_at, seq
      LIMIT ${limit}
    ),
    due AS (
      SELECT d.workspace_id, d.id
      FROM webhook_deliveries d JOIN candidates c ON c.workspace_id = d.workspace_id AND c.id = d.id
      WHERE d.status = 'pending' AND (d.locked_until IS NULL OR d.locked_until <= now())
      FOR UPDATE OF d SKIP LOCKED
    )
    UPDATE webhook_deliveries w
    SET locked_until = now() + make_interval(secs => ${leaseMs / 1000}::float8),
        attempts = w.attempts + 1, last_attempt_at = now(), updated_at = now()
    FROM due
    WHERE w.workspace_id = due.workspace_id AND w.id = due.id
    RETURNING w.workspace_id, w.id, w.endpoint_id, w.event_id, w.attempts`;
}

type Outcome = { ok: boolean; status: number | null; body: string | null; error: string | null };

async function send(claimed: Claimed, timeoutMs: number): Promise<Outcome> {
  const [endpoint, event] = await Promise.all([
    prisma.webhookEndpoint.findUniqueOrThrow({
      where: { workspaceId_id: { workspaceId: claimed.workspace_id, id: claimed.endpoint_id } },
      select: { url: true, secret: true },
    }),
    prisma.event.findUniqueOrThrow({
      where: { workspaceId_id: { workspaceId: claimed.workspace_id, id: claimed.event_id } },
    }),
  ]);
  const body = JSON.stringify(serializeEvent(event));
  try {
    const answer = await postWebhook(
      endpoint.url,
      body,
      {
        "Content-Type": "application/json",
        "User-Agent": "Plugipay-Webhooks/1.0",
        [SIGNATURE_HEADER]: signatureHeader(endpoint.secret, body, Math.floor(Date.now() / 1000)),
        [DELIVERY_ID_HEADER]: claimed.id,
      },
      timeoutMs,
    );
    const ok = answer.status >= 200 && answer.status < 300;
    return { ok, status: answer.status, body: answer.body, error: ok ? null : `HTTP ${answer.status}` };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      status: null,
      body: null,
      error: error instanceof NoAnswerInTime ? message : `Network error: ${message}`.slice(0, 300),
    };
  }
}

/**
 * Writes the attempt's outcome, unless the lease was lost meanwhile (another worker took over,
 * or the delivery was resent): the `attempts` it claimed with must still be there.
 */
async function record(claimed: Claimed, outcome: Outcome, schedule: RetrySchedule): Promise<void> {
  const delay = outcome.ok ? null : retryDelayMs(claimed.attempts, schedule);
  const status = outcome.ok ? "succeeded" : delay === null ? "failed" : "pending";
  await prisma.webhookDelivery.updateMany({
    where: {
      workspaceId: claimed.workspace_id,
      id: claimed.id,
      attempts: claimed.attempts,
      status: "pending",
    },
    data: {
      status,
      responseStatus: outcome.status,
      responseBody: outcome.body,
      error: outcome.error,
      lockedUntil: null,
      nextAttemptAt: delay === null ? null : new Date(Date.now() + delay),
    },
  });
}

export type DeliveryWorker = { stop(): Promise<void> };

/** Runs until stopped; stop() claims nothing more and waits for the attempts in flight. */
export function startDeliveryWorker(options: DeliveryWorkerOptions): DeliveryWorker {
  const leaseMs = options.timeoutMs + 5000;
  const inFlight = new Set<Promise<void>>();
  let running = true;
  let unreachable = false;
  let wake: () => void = () => {};

  const attempt = async (claimed: Claimed) => {
    try {
      const outcome = await send(claimed, options.timeoutMs);
      await record(claimed, outcome, options.schedule);
    } catch (error) {
      // The lease runs out and the delivery is claimed again.
      log.error({ err: error, deliveryId: claimed.id }, "webhook attempt could not be recorded");
    }
  };

  const loop = (async () => {
    while (running) {
      let claimedAll = false;
      const free = options.concurrency - inFlight.size;
      if (free > 0) {
        try {
          const claimed = await claimDeliveries(free, leaseMs);
          claimedAll = claimed.length === free;
          for (const delivery of claimed) {
            const task = attempt(delivery).finally(() => {
              inFlight.delete(task);
              wake(); // its successor in the same ordering chain may now be due
            });
            inFlight.add(task);
          }
          if (unreachable) log.info("webhook outbox reachable again");
          unreachable = false;
        } catch (error) {
          // Once per outage, not once per poll.
          if (!unreachable) log.warn({ err: error }, "webhook outbox unreachable; retrying");
          unreachable = true;
        }
      }
      if (!running) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, claimedAll && free > 0 ? 0 : options.pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  })();

  return {
    async stop() {
      running = false;
      wake();
      await loop;
      await Promise.all([...inFlight]);
    },
  };
}

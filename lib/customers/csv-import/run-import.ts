// Sending an import's batches one after the other, retrying what can be retried. Each batch carries
// the same idempotency key on every attempt, so a batch that committed but whose answer was lost
// (network cut, server restart) replays its first answer instead of running twice.
import type { ImportBatch, ImportBatchResult } from "@/lib/customers/csv-import/import-batch";

export const IMPORT_BATCH_URL = "/dashboard/customers/import/batch";
export const MAX_ATTEMPTS = 8;

export type SendOutcome =
  | { kind: "ok"; result: ImportBatchResult }
  | { kind: "retry"; reason: string; retryAfterMs?: number }
  | { kind: "stop"; reason: string };

const RETRYABLE_STATUSES = new Set([408, 409, 425, 429, 500, 502, 503, 504]);

/**
 * One attempt at one batch. Retry on network failures, 5xx, 429 and 409 (the same batch still
 * running from an earlier attempt); stop on anything else, with the server's message. A redirect
 * means the session ended (the dashboard sends signed-out requests to the sign-in page).
 */
export async function sendImportBatch(
  batch: ImportBatch,
  options: { signal?: AbortSignal; fetch?: typeof fetch } = {},
): Promise<SendOutcome> {
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(IMPORT_BATCH_URL, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(batch),
      redirect: "manual",
      cache: "no-store",
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    return { kind: "retry", reason: "The server could not be reached." };
  }
  if (response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400)) {
    return { kind: "stop", reason: "You were signed out. Sign in again in another tab, then resume." };
  }
  const body = (await response.json().catch(() => undefined)) as
    (ImportBatchResult & { error?: { message?: string } }) | undefined;
  if (response.ok && body && Array.isArray(body.results)) return { kind: "ok", result: body };
  const message = body?.error?.message ?? `The server answered ${response.status}.`;
  if (RETRYABLE_STATUSES.has(response.status)) {
    const retryAfter = Number(response.headers.get("retry-after"));
    return {
      kind: "retry",
      reason: message,
      ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}),
    };
  }
  return { kind: "stop", reason: message };
}

/** 1 s, 2 s, 4 s … up to 30 s, plus up to a quarter more so retrying browsers spread out. */
export function retryDelay(attempt: number, retryAfterMs?: number, random = Math.random): number {
  const base = retryAfterMs ?? Math.min(30_000, 1000 * 2 ** (attempt - 1));
  return Math.min(60_000, Math.round(base * (1 + random() / 4)));
}

export type RetryInfo = { batch: number; attempt: number; delayMs: number; reason: string };
export type RunOutcome = { status: "done" } | { status: "stopped"; batch: number; reason: string };

/**
 * Sends batches `from` … `count - 1` in order. A batch is retried up to MAX_ATTEMPTS times; then,
 * or on an error that retrying cannot fix, the run stops at that batch so the user can resume it.
 */
export async function runBatches(options: {
  from: number;
  count: number;
  send: (batch: number) => Promise<SendOutcome>;
  onResult: (batch: number, result: ImportBatchResult) => void;
  onRetry?: (info: RetryInfo) => void;
  sleep?: (ms: number) => Promise<void>;
  signal?: AbortSignal;
  maxAttempts?: number;
}): Promise<RunOutcome> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
  for (let batch = options.from; batch < options.count; batch++) {
    for (let attempt = 1; ; attempt++) {
      options.signal?.throwIfAborted();
      const outcome = await options.send(batch);
      if (outcome.kind === "ok") {
        options.onResult(batch, outcome.result);
        break;
      }
      if (outcome.kind === "stop") return { status: "stopped", batch, reason: outcome.reason };
      if (attempt >= maxAttempts) {
        return { status: "stopped", batch, reason: `${outcome.reason} Gave up after ${attempt} attempts.` };
      }
      const delayMs = retryDelay(attempt, outcome.retryAfterMs);
      options.onRetry?.({ batch, attempt, delayMs, reason: outcome.reason });
      await sleep(delayMs);
    }
  }
  return { status: "done" };
}

// customers.bulkCreate: any number of customers through POST /v1/customers/bulk, in batches sent
// `concurrency` at a time. Each batch has its own Idempotency-Key, reused by its retries, so a batch
// whose answer was lost (a dropped connection, a server restart) is replayed, never created twice.
import { AuthenticationError, PlugipayError } from "./errors.js";
import type { HttpClient } from "./http-client.js";
import type { BulkCreateResult, CustomerBulkResult, CustomerCreateParams } from "./types.js";

export type BulkProgress = {
  /** Items with a result so far. */
  completed: number;
  total: number;
  created: number;
  failed: number;
};

export type BulkCreateOptions = {
  /** Items per request, 1-1000. Default 500. Batches are also kept under 9 MiB of JSON. */
  batchSize?: number;
  /** Requests in flight at once. Default 2. */
  concurrency?: number;
  /** Called after each batch. */
  onProgress?: (progress: BulkProgress) => void;
  /**
   * Batch `n`'s Idempotency-Key is `${prefix}:${n}`. Default: a new random prefix per call. Pass
   * your own (and the same items) to resume a run that stopped: within 24 hours, the batches that
   * went through are replayed instead of created again.
   */
  idempotencyKeyPrefix?: string;
  /** Retries per batch. Default 10 (about a minute of backoff: enough to ride out a restart). */
  maxRetries?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
};

export const MAX_BATCH_SIZE = 1000;
const MAX_BATCH_BYTES = 9 * 1024 * 1024;

type Batch = { start: number; json: string[] };

/** The items cut into batches of at most `size` items and 9 MiB, each item's JSON made once. */
export function planBatches(items: CustomerCreateParams[], size: number): Batch[] {
  const encoder = new TextEncoder();
  const batches: Batch[] = [];
  let current: Batch = { start: 0, json: [] };
  let bytes = 0;
  items.forEach((item, index) => {
    const json = JSON.stringify(item ?? {});
    const itemBytes = encoder.encode(json).length + 1;
    if (current.json.length && (current.json.length >= size || bytes + itemBytes > MAX_BATCH_BYTES)) {
      batches.push(current);
      current = { start: index, json: [] };
      bytes = 0;
    }
    current.json.push(json);
    bytes += itemBytes;
  });
  if (current.json.length) batches.push(current);
  return batches;
}

export async function bulkCreate(
  http: HttpClient,
  items: CustomerCreateParams[],
  options: BulkCreateOptions = {},
): Promise<BulkCreateResult[]> {
  const size = options.batchSize ?? 500;
  if (!Number.isInteger(size) || size < 1 || size > MAX_BATCH_SIZE) {
    throw new PlugipayError(`batchSize must be an integer from 1 to ${MAX_BATCH_SIZE}.`);
  }
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 2));
  const prefix = options.idempotencyKeyPrefix ?? `sdk_bulk_${globalThis.crypto.randomUUID()}`;
  const batches = planBatches(items, size);
  const results: BulkCreateResult[] = new Array(items.length);
  const progress: BulkProgress = { completed: 0, total: items.length, created: 0, failed: 0 };

  const record = (result: BulkCreateResult) => {
    results[result.index] = result;
    progress.completed++;
    if (result.status === 201) progress.created++;
    else progress.failed++;
  };

  const runBatch = async (number: number) => {
    const batch = batches[number];
    try {
      const answer = await http.json<CustomerBulkResult>({
        method: "POST",
        path: "/v1/customers/bulk",
        body: `{"items":[${batch.json.join(",")}]}`,
        options: {
          idempotencyKey: `${prefix}:${number}`,
          maxRetries: options.maxRetries ?? 10,
          timeoutMs: options.timeoutMs,
          signal: options.signal,
        },
      });
      for (const result of answer.results) record({ ...result, index: batch.start + result.index });
    } catch (error) {
      // Every batch would fail the same way, or the caller gave up: stop the whole run.
      if (error instanceof AuthenticationError || options.signal?.aborted) throw error;
      const failure =
        error instanceof PlugipayError ? error : new PlugipayError(String(error), { cause: error });
      batch.json.forEach((_, offset) =>
        record({ index: batch.start + offset, status: failure.status ?? 0, error: errorDetail(failure) }),
      );
    }
    options.onProgress?.({ ...progress });
  };

  let next = 0;
  const worker = async () => {
    while (next < batches.length) await runBatch(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, batches.length) }, worker));
  return results;
}

/** A failed batch's error, in the shape of the API's per-item errors. */
function errorDetail(error: PlugipayError): Extract<BulkCreateResult, { error: unknown }>["error"] {
  return {
    type: (error.type ?? "api_error") as never,
    code: (error.code ?? "api_connection_error") as never,
    message: error.message,
    ...(error.param ? { param: error.param } : {}),
    requestId: error.requestId ?? "",
  };
}

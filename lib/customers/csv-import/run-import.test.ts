import { describe, expect, it } from "vitest";
import type { ImportBatch, ImportBatchResult } from "@/lib/customers/csv-import/import-batch";
import {
  retryDelay,
  runBatches,
  sendImportBatch,
  type SendOutcome,
} from "@/lib/customers/csv-import/run-import";

const batch: ImportBatch = {
  importId: "a".repeat(32),
  batch: 0,
  workspaceId: "ws_1",
  livemode: false,
  rows: [{ line: 2, values: { name: "A" } }],
};
const ok: ImportBatchResult = { results: [{ line: 2, status: "created", id: "cus_1" }] };

function fakeFetch(response: Response | Error) {
  const calls: RequestInit[] = [];
  const fetch = async (_url: unknown, init?: RequestInit) => {
    calls.push(init!);
    if (response instanceof Error) throw response;
    return response;
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

describe("sendImportBatch", () => {
  it("posts the batch as JSON without following redirects", async () => {
    const { fetch, calls } = fakeFetch(Response.json(ok));
    expect(await sendImportBatch(batch, { fetch })).toEqual({ kind: "ok", result: ok });
    expect(calls[0]).toMatchObject({ method: "POST", redirect: "manual", body: JSON.stringify(batch) });
  });

  it("retries network failures, 5xx, 429 and a batch still in progress (409), honouring Retry-After", async () => {
    expect((await sendImportBatch(batch, fakeFetch(new TypeError("Failed to fetch")))).kind).toBe("retry");
    const unavailable = Response.json(
      { error: { message: "The database is unavailable; retry shortly." } },
      { status: 503, headers: { "Retry-After": "5" } },
    );
    expect(await sendImportBatch(batch, fakeFetch(unavailable))).toEqual({
      kind: "retry",
      reason: "The database is unavailable; retry shortly.",
      retryAfterMs: 5000,
    });
    expect((await sendImportBatch(batch, fakeFetch(new Response("<html>", { status: 502 })))).kind).toBe(
      "retry",
    );
    expect((await sendImportBatch(batch, fakeFetch(Response.json({}, { status: 409 })))).kind).toBe("retry");
  });

  it("stops on errors a retry cannot fix, and when the session is gone", async () => {
    const reused = Response.json({ error: { message: "key reused" } }, { status: 422 });
    expect(await sendImportBatch(batch, fakeFetch(reused))).toEqual({ kind: "stop", reason: "key reused" });
    const redirect = new Response(null, { status: 307, headers: { Location: "/login" } });
    expect(await sendImportBatch(batch, fakeFetch(redirect))).toMatchObject({
      kind: "stop",
      reason: /signed out/,
    });
  });
});

describe("retryDelay", () => {
  it("doubles from 1 s to 30 s, adds up to a quarter, and prefers Retry-After", () => {
    expect([1, 2, 3, 6, 10].map((attempt) => retryDelay(attempt, undefined, () => 0))).toEqual([
      1000, 2000, 4000, 30_000, 30_000,
    ]);
    expect(retryDelay(1, undefined, () => 0.999)).toBe(1250);
    expect(retryDelay(4, 5000, () => 0)).toBe(5000);
  });
});

describe("runBatches", () => {
  it("sends every batch in order, retrying the same batch until it answers", async () => {
    const answers: Record<number, SendOutcome[]> = {
      0: [{ kind: "ok", result: ok }],
      1: [
        { kind: "retry", reason: "down" },
        { kind: "retry", reason: "down" },
        { kind: "ok", result: ok },
      ],
      2: [{ kind: "ok", result: ok }],
    };
    const sent: number[] = [];
    const done: number[] = [];
    const sleeps: number[] = [];
    const outcome = await runBatches({
      from: 0,
      count: 3,
      send: async (n) => (sent.push(n), answers[n].shift()!),
      onResult: (n) => done.push(n),
      sleep: async (ms) => void sleeps.push(ms),
    });
    expect(outcome).toEqual({ status: "done" });
    expect(sent).toEqual([0, 1, 1, 1, 2]);
    expect(done).toEqual([0, 1, 2]);
    expect(sleeps).toHaveLength(2);
  });

  it("stops at a batch that cannot be sent, to be resumed there", async () => {
    const stopped = await runBatches({
      from: 1,
      count: 3,
      send: async () => ({ kind: "stop", reason: "signed out" }),
      onResult: () => {},
    });
    expect(stopped).toEqual({ status: "stopped", batch: 1, reason: "signed out" });
    const exhausted = await runBatches({
      from: 0,
      count: 1,
      maxAttempts: 3,
      send: async () => ({ kind: "retry", reason: "The server could not be reached." }),
      onResult: () => {},
      sleep: async () => {},
    });
    expect(exhausted).toEqual({
      status: "stopped",
      batch: 0,
      reason: "The server could not be reached. Gave up after 3 attempts.",
    });
  });
});

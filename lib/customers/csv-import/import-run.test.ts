// A whole import as the browser runs it, against a fake server that behaves like the real one:
// it remembers each batch's answer under its key, so a resumed import replays instead of re-running.
import { describe, expect, it } from "vitest";
import { checkRows } from "@/lib/customers/csv-import/check-rows";
import { guessMapping } from "@/lib/customers/csv-import/column-mapping";
import {
  importBatchKey,
  type ImportBatch,
  type ImportBatchResult,
} from "@/lib/customers/csv-import/import-batch";
import { createImportRun } from "@/lib/customers/csv-import/import-run";
import { parseCsvText } from "@/lib/customers/csv-import/parse-csv";
import { loadSavedImport } from "@/lib/customers/csv-import/resume-store";
import type { SendOutcome } from "@/lib/customers/csv-import/run-import";
import { memoryStorage } from "@/test/support/memory-storage";

function fakeServer() {
  const answers = new Map<string, ImportBatchResult>();
  const created = new Set<number>();
  let executions = 0;
  let failNext = 0;
  return {
    created,
    executions: () => executions,
    failNext: (n: number) => void (failNext = n),
    async send(batch: ImportBatch): Promise<SendOutcome> {
      const key = importBatchKey(batch.importId, batch.batch);
      const stored = answers.get(key);
      if (stored) return { kind: "ok", result: stored };
      executions++;
      const result: ImportBatchResult = {
        results: batch.rows.map((row) =>
          row.values.email === "taken@x.com"
            ? {
                line: row.line,
                status: "failed",
                error: { code: "resource_already_exists", field: "email", message: "taken" },
              }
            : (created.add(row.line), { line: row.line, status: "created", id: `cus_${row.line}` }),
        ),
      };
      answers.set(key, result);
      // Committed, but the answer never arrives.
      if (failNext > 0) {
        failNext--;
        return { kind: "stop", reason: "lost" };
      }
      return { kind: "ok", result };
    },
  };
}

const rowsCsv = (n: number) =>
  [
    "name,email",
    ...Array.from({ length: n }, (_, i) => `Customer ${i},${i === 1500 ? "taken@x.com" : `c${i}@x.com`}`),
  ]
    .concat(["Broken,not-an-email"])
    .join("\n");

async function setup(server: ReturnType<typeof fakeServer>, store = memoryStorage()) {
  const table = parseCsvText(rowsCsv(2500));
  const targets = guessMapping(table.header);
  const check = await checkRows(table, targets);
  const make = (saved?: ReturnType<typeof loadSavedImport>) =>
    createImportRun({
      fingerprint: { name: "c.csv", size: 1, lastModified: 1, sha256: "x" },
      table,
      targets,
      check,
      workspaceId: "ws_1",
      livemode: false,
      storageKey: "import",
      saved,
      storage: store,
      send: (batch) => server.send(batch),
    });
  return { make, store };
}

describe("createImportRun", () => {
  it("sends the valid rows in batches, adds up the results and collects every failed row with its cells", async () => {
    const server = fakeServer();
    const { make, store } = await setup(server);
    const run = make();
    const progress: number[] = [];
    const outcome = await run.send({
      signal: new AbortController().signal,
      onProgress: (done) => progress.push(done),
    });
    expect(outcome).toEqual({ status: "done" });
    expect(progress).toEqual([500, 1000, 1500, 2000, 2500]);
    expect(run.totals()).toEqual({ created: 2499, updated: 0, unchanged: 0, failed: 2 });
    expect(run.failures().map((row) => [row.line, row.cells])).toEqual([
      [2502, ["Broken", "not-an-email"]],
      [1502, ["Customer 1500", "taken@x.com"]],
    ]);
    // Finished: nothing left to resume.
    expect(loadSavedImport(store, "import")).toBeUndefined();
  });

  it("resumes after a reload with the same import id: finished batches replay, nothing runs twice", async () => {
    const server = fakeServer();
    const { make, store } = await setup(server);
    const first = make();
    server.failNext(0);
    // Batch 0 answers; batch 1 commits but its answer is lost; the tab is then closed.
    let sent = 0;
    const interrupted = await first.send({
      signal: new AbortController().signal,
      onProgress: () => {
        if (++sent === 1) server.failNext(1);
      },
    });
    expect(interrupted).toMatchObject({ status: "stopped", batch: 1 });
    const saved = loadSavedImport(store, "import")!;
    expect(saved).toMatchObject({ importId: first.importId, rowsDone: 500, rowsTotal: 2500 });

    const resumed = make(saved);
    expect(resumed.importId).toBe(first.importId);
    expect(await resumed.send({ signal: new AbortController().signal })).toEqual({ status: "done" });
    expect(server.executions()).toBe(5);
    expect(server.created.size).toBe(2499);
    expect(resumed.totals()).toEqual({ created: 2499, updated: 0, unchanged: 0, failed: 2 });
  });

  it("stops when paused and continues from the batch it stopped at", async () => {
    const server = fakeServer();
    const { make } = await setup(server);
    const run = make();
    const controller = new AbortController();
    const paused = await run.send({ signal: controller.signal, onProgress: () => controller.abort() });
    expect(paused).toMatchObject({ status: "stopped", batch: 1 });
    expect(run.rowsDone()).toBe(500);
    expect(await run.send({ signal: new AbortController().signal })).toEqual({ status: "done" });
    expect(run.totals().created).toBe(2499);
    expect(server.executions()).toBe(5);
  });
});

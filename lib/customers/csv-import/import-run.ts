// One import as the browser runs it: the checked rows cut into batches, sent in order, their results
// added up, and the progress remembered so a reload can resume with the same import id.
import type { CheckResult } from "@/lib/customers/csv-import/check-rows";
import type { ColumnTarget } from "@/lib/customers/csv-import/column-mapping";
import type { FailedRow } from "@/lib/customers/csv-import/failed-rows-csv";
import {
  planBatches,
  type ImportBatch,
  type ImportBatchResult,
} from "@/lib/customers/csv-import/import-batch";
import type { CsvTable } from "@/lib/customers/csv-import/parse-csv";
import {
  forgetImport,
  newImportId,
  saveImport,
  type FileFingerprint,
  type SavedImport,
} from "@/lib/customers/csv-import/resume-store";
import {
  runBatches,
  sendImportBatch,
  type RetryInfo,
  type RunOutcome,
  type SendOutcome,
} from "@/lib/customers/csv-import/run-import";

type Storage = Parameters<typeof saveImport>[0];

export type ImportRun = ReturnType<typeof createImportRun>;

export function createImportRun(options: {
  fingerprint: FileFingerprint;
  table: CsvTable;
  targets: ColumnTarget[];
  check: CheckResult;
  workspaceId: string;
  livemode: boolean;
  storageKey: string;
  /** The interrupted import this one resumes: same import id, so finished batches replay. */
  saved?: SavedImport;
  storage?: Storage;
  send?: (batch: ImportBatch, signal: AbortSignal) => Promise<SendOutcome>;
}) {
  const { check, storageKey } = options;
  const storage = options.storage ?? globalThis.localStorage;
  const send = options.send ?? ((batch, signal) => sendImportBatch(batch, { signal }));
  const importId = options.saved?.importId ?? newImportId();
  const startedAt = options.saved?.startedAt ?? Date.now();
  const batches = planBatches(check.valid.map((item) => item.bytes));
  const rowsTotal = check.valid.length;
  const counts = { created: 0, updated: 0, unchanged: 0 };
  const serverFailures: FailedRow[] = [];
  // A resumed import starts again at batch 0: finished batches answer from the idempotency store,
  // which also gives back their results for the summary.
  let nextBatch = 0;

  const rowsDone = () => (nextBatch === 0 ? 0 : batches[nextBatch - 1].end);
  const remember = () =>
    saveImport(storage, storageKey, {
      version: 1,
      importId,
      file: options.fingerprint,
      targets: options.targets,
      rowsDone: Math.max(rowsDone(), options.saved?.rowsDone ?? 0),
      rowsTotal,
      startedAt,
    });

  function record(batch: number, result: ImportBatchResult) {
    const { start } = batches[batch];
    result.results.forEach((outcome, offset) => {
      if (outcome.status === "failed") {
        serverFailures.push({
          line: outcome.line,
          cells: check.valid[start + offset].cells,
          errors: [outcome.error],
        });
      } else counts[outcome.status]++;
    });
    nextBatch = batch + 1;
  }

  return {
    importId,
    fileName: options.fingerprint.name,
    header: options.table.header,
    delimiter: options.table.delimiter,
    rowsTotal,
    batchCount: batches.length,
    rowsDone,
    totals: () => ({ ...counts, failed: check.invalid.length + serverFailures.length }),
    failures: (): FailedRow[] => [...check.invalid, ...serverFailures],

    /** Sends the batches not yet answered; resolves when all are, or when one cannot be sent. */
    async send(handlers: {
      signal: AbortSignal;
      onProgress?: (rowsDone: number) => void;
      onRetry?: (info: RetryInfo) => void;
    }): Promise<RunOutcome> {
      remember();
      const outcome = await runBatches({
        from: nextBatch,
        count: batches.length,
        signal: handlers.signal,
        onRetry: handlers.onRetry,
        send: (batch) =>
          send(
            {
              importId,
              batch,
              workspaceId: options.workspaceId,
              livemode: options.livemode,
              rows: check.valid.slice(batches[batch].start, batches[batch].end).map((item) => item.row),
            },
            handlers.signal,
          ),
        onResult: (batch, result) => {
          record(batch, result);
          remember();
          handlers.onProgress?.(rowsDone());
        },
      }).catch((error: unknown) => {
        if (handlers.signal.aborted)
          return { status: "stopped", batch: nextBatch, reason: "Paused." } as const;
        throw error;
      });
      if (outcome.status === "done") forgetImport(storage, storageKey);
      return outcome;
    },
  };
}

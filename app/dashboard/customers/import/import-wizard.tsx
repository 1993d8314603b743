"use client";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { ColumnMappingStep } from "@/app/dashboard/customers/import/column-mapping-step";
import { downloadCsv, reportName } from "@/app/dashboard/customers/import/download-csv";
import {
  ImportProgressBar,
  ImportRunning,
  ImportSummary,
} from "@/app/dashboard/customers/import/import-progress";
import { PreviewStep } from "@/app/dashboard/customers/import/preview-step";
import { createImportRun, type ImportRun } from "@/lib/customers/csv-import/import-run";
import { Alert } from "@/components/ui/alert";
import { primaryButton, secondaryButton } from "@/components/ui/styles";
import { checkRows, type CheckResult } from "@/lib/customers/csv-import/check-rows";
import { guessMapping, targetOptions, type ColumnTarget } from "@/lib/customers/csv-import/column-mapping";
import { failedRowsCsv } from "@/lib/customers/csv-import/failed-rows-csv";
import { IMPORT_MAX_BYTES } from "@/lib/customers/csv-import/limits";
import {
  CsvFileError,
  nextTurn,
  parseCsvBytes,
  tooLargeMessage,
  type CsvTable,
} from "@/lib/customers/csv-import/parse-csv";
import {
  forgetImport,
  loadSavedImport,
  parseSavedImport,
  resumableImport,
  resumeStorageKey,
  sha256Hex,
  type FileFingerprint,
  type SavedImport,
} from "@/lib/customers/csv-import/resume-store";
import type { RetryInfo } from "@/lib/customers/csv-import/run-import";

type LoadedFile = { fingerprint: FileFingerprint; table: CsvTable };

type Step =
  | { kind: "choose"; error?: string }
  | { kind: "working"; title: string; fraction: number }
  | { kind: "resume"; file: LoadedFile; saved: SavedImport }
  | { kind: "mapping"; file: LoadedFile; targets: ColumnTarget[] }
  | { kind: "preview"; file: LoadedFile; targets: ColumnTarget[]; check: CheckResult }
  | { kind: "importing"; run: ImportRun; done: number; retry?: RetryInfo }
  | { kind: "stopped"; run: ImportRun; done: number; reason: string }
  | { kind: "finished"; run: ImportRun };

const TITLES: Record<Step["kind"], string> = {
  choose: "Choose a CSV file",
  working: "Reading",
  resume: "Resume the interrupted import?",
  mapping: "Match the columns",
  preview: "Check the rows",
  importing: "Importing",
  stopped: "Import paused",
  finished: "Import finished",
};

const count = (n: number) => n.toLocaleString("en-US");

/** Saved column choices still fit the file (same content, but the code may have changed since). */
function savedTargets(saved: SavedImport, table: CsvTable): ColumnTarget[] | undefined {
  const fits =
    saved.targets.length === table.header.length &&
    saved.targets.every((target, index) =>
      targetOptions(table.header[index]).some((o) => o.value === target),
    );
  return fits ? (saved.targets as ColumnTarget[]) : undefined;
}

/**
 * The import, step by step: choose a file → match columns → check rows → import with a progress
 * bar → summary. The file is parsed here, in the browser; only mapped rows go to the server.
 */
export function ImportWizard({ workspaceId, livemode }: { workspaceId: string; livemode: boolean }) {
  const [step, setStep] = useState<Step>({ kind: "choose" });
  const heading = useRef<HTMLHeadingElement>(null);
  const abort = useRef<AbortController | null>(null);
  const storageKey = resumeStorageKey(workspaceId, livemode);
  const started = useRef(false);
  // An unfinished import, to point the user back to its file. Read from localStorage after
  // hydration (the server has none); other tabs' changes arrive as storage events.
  const savedText = useSyncExternalStore(
    (onChange) => {
      window.addEventListener("storage", onChange);
      return () => window.removeEventListener("storage", onChange);
    },
    () => localStorage.getItem(storageKey),
    () => null,
  );
  const interrupted =
    step.kind === "choose" ? resumableImport(parseSavedImport(savedText), undefined) : undefined;

  // Each step announces itself: focus its heading (not on first render, which would steal focus).
  useEffect(() => {
    if (started.current) heading.current?.focus();
    started.current = true;
  }, [step.kind]);
  useEffect(() => () => abort.current?.abort(), []);

  async function readFile(file: File) {
    if (file.size > IMPORT_MAX_BYTES) return setStep({ kind: "choose", error: tooLargeMessage(file.size) });
    setStep({ kind: "working", title: `Reading “${file.name}”…`, fraction: 0 });
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const [sha256, table] = await Promise.all([
        sha256Hex(bytes),
        parseCsvBytes(bytes, {
          onProgress: (fraction) => setStep({ kind: "working", title: `Reading “${file.name}”…`, fraction }),
        }),
      ]);
      const loaded = {
        fingerprint: { name: file.name, size: file.size, lastModified: file.lastModified, sha256 },
        table,
      };
      const saved = resumableImport(loadSavedImport(localStorage, storageKey), loaded.fingerprint);
      if (saved && savedTargets(saved, table)) setStep({ kind: "resume", file: loaded, saved });
      else setStep({ kind: "mapping", file: loaded, targets: guessMapping(table.header) });
    } catch (error) {
      const message = error instanceof CsvFileError ? error.message : "The file could not be read.";
      setStep({ kind: "choose", error: message });
    }
  }

  async function check(file: LoadedFile, targets: ColumnTarget[]): Promise<CheckResult> {
    setStep({ kind: "working", title: "Checking rows…", fraction: 0 });
    return checkRows(file.table, targets, {
      nextTurn,
      onProgress: (fraction) => setStep({ kind: "working", title: "Checking rows…", fraction }),
    });
  }

  async function start(run: ImportRun) {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setStep({ kind: "importing", run, done: run.rowsDone() });
    const outcome = await run.send({
      signal: controller.signal,
      onProgress: (done) => setStep({ kind: "importing", run, done }),
      onRetry: (retry) => setStep({ kind: "importing", run, done: run.rowsDone(), retry }),
    });
    if (controller.signal.aborted) return;
    if (outcome.status === "done") setStep({ kind: "finished", run });
    else setStep({ kind: "stopped", run, done: run.rowsDone(), reason: outcome.reason });
  }

  async function resume(file: LoadedFile, saved: SavedImport) {
    const targets = savedTargets(saved, file.table)!;
    const checked = await check(file, targets);
    await start(
      createImportRun({ ...file, targets, check: checked, workspaceId, livemode, storageKey, saved }),
    );
  }

  function stop(run: ImportRun) {
    abort.current?.abort();
    setStep({
      kind: "stopped",
      run,
      done: run.rowsDone(),
      reason: "You paused the import.",
    });
  }

  return (
    <section
      aria-labelledby="import-step"
      className="space-y-4 rounded-lg border border-slate-200 p-4 sm:p-6"
    >
      <h2
        id="import-step"
        ref={heading}
        tabIndex={-1}
        className="text-lg font-semibold text-slate-900 focus:outline-none"
      >
        {step.kind === "working" ? step.title : TITLES[step.kind]}
      </h2>

      {step.kind === "choose" && (
        <div className="space-y-3">
          {step.error && <Alert tone="error">{step.error}</Alert>}
          {interrupted && (
            <Alert tone="info">
              An import of “{interrupted.file.name}” stopped at {count(interrupted.rowsDone)} of{" "}
              {count(interrupted.rowsTotal)} rows. Choose that file again to resume it.
            </Alert>
          )}
          <label htmlFor="csv-file" className="block text-sm font-medium text-slate-800">
            CSV file
          </label>
          <input
            id="csv-file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby="csv-file-hint"
            className="block text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-2 file:text-sm file:font-medium focus-visible:outline-2 focus-visible:outline-indigo-700"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = "";
              if (file) void readFile(file);
            }}
          />
          <p id="csv-file-hint" className="text-xs text-slate-600">
            The first row must name the columns. The export&apos;s CSV works as it is.
          </p>
        </div>
      )}

      {step.kind === "working" && (
        <progress
          className="h-2 w-full max-w-xl"
          value={step.fraction}
          max={1}
          aria-labelledby="import-step"
        />
      )}

      {step.kind === "resume" && (
        <div className="space-y-3">
          <p className="text-sm text-slate-800">
            An import of this file stopped at {count(step.saved.rowsDone)} of {count(step.saved.rowsTotal)}{" "}
            rows (started {new Date(step.saved.startedAt).toLocaleString("en-US")}). Resuming sends the rest
            with the same column choices; rows already imported are not imported again.
          </p>
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              className={primaryButton}
              onClick={() => void resume(step.file, step.saved)}
            >
              Resume
            </button>
            <button
              type="button"
              className={secondaryButton}
              onClick={() => {
                forgetImport(localStorage, storageKey);
                setStep({ kind: "mapping", file: step.file, targets: guessMapping(step.file.table.header) });
              }}
            >
              Start over
            </button>
          </div>
        </div>
      )}

      {step.kind === "mapping" && (
        <ColumnMappingStep
          fileName={step.file.fingerprint.name}
          table={step.file.table}
          targets={step.targets}
          onChange={(targets) => setStep({ ...step, targets })}
          onCancel={() => setStep({ kind: "choose" })}
          onContinue={async () => {
            const checked = await check(step.file, step.targets);
            setStep({ kind: "preview", file: step.file, targets: step.targets, check: checked });
          }}
        />
      )}

      {step.kind === "preview" && (
        <PreviewStep
          header={step.file.table.header}
          targets={step.targets}
          check={step.check}
          onBack={() => setStep({ kind: "mapping", file: step.file, targets: step.targets })}
          onDownloadErrors={() =>
            downloadCsv(
              reportName(step.file.fingerprint.name, "rows-with-errors"),
              failedRowsCsv(step.file.table.header, step.check.invalid, step.file.table.delimiter),
            )
          }
          onImport={() =>
            void start(
              createImportRun({
                ...step.file,
                targets: step.targets,
                check: step.check,
                workspaceId,
                livemode,
                storageKey,
              }),
            )
          }
        />
      )}

      {(step.kind === "importing" || step.kind === "stopped") && (
        <ImportRunning
          done={step.done}
          total={step.run.rowsTotal}
          retry={step.kind === "importing" ? step.retry : undefined}
          stoppedReason={step.kind === "stopped" ? step.reason : undefined}
          onPause={() => stop(step.run)}
          onResume={() => void start(step.run)}
        />
      )}

      {step.kind === "finished" && (
        <div className="space-y-3">
          <ImportProgressBar done={step.run.rowsTotal} total={step.run.rowsTotal} />
          <ImportSummary
            totals={step.run.totals()}
            onRestart={() => setStep({ kind: "choose" })}
            onDownloadFailed={() =>
              downloadCsv(
                reportName(step.run.fileName, "failed-rows"),
                failedRowsCsv(step.run.header, step.run.failures(), step.run.delimiter),
              )
            }
          />
        </div>
      )}
    </section>
  );
}

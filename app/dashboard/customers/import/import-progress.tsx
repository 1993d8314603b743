"use client";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { primaryButton, secondaryButton } from "@/components/ui/styles";
import type { RetryInfo } from "@/lib/customers/csv-import/run-import";

const count = (n: number) => n.toLocaleString("en-US");

/** The live progress bar: an ARIA progressbar with its value in rows, and the same in words. */
export function ImportProgressBar({ done, total }: { done: number; total: number }) {
  const text = `${count(done)} of ${count(total)} rows`;
  const percent = total === 0 ? 100 : Math.round((done / total) * 100);
  return (
    <div className="space-y-1">
      <div
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={text}
        className="h-3 w-full max-w-xl overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full bg-indigo-700 transition-[width]" style={{ width: `${percent}%` }} />
      </div>
      <p className="text-sm text-slate-800 tabular-nums" data-testid="import-progress-text">
        {text}
      </p>
    </div>
  );
}

/** While batches are sent (Pause), or after they stopped (Resume, and why it stopped). */
export function ImportRunning({
  done,
  total,
  retry,
  stoppedReason,
  onPause,
  onResume,
}: {
  done: number;
  total: number;
  retry?: RetryInfo;
  stoppedReason?: string;
  onPause: () => void;
  onResume: () => void;
}) {
  return (
    <div className="space-y-3">
      <ImportProgressBar done={done} total={total} />
      {retry && (
        <p role="status" className="text-sm text-amber-900">
          {retry.reason} Trying again in {Math.ceil(retry.delayMs / 1000)} s (attempt {retry.attempt + 1}).
        </p>
      )}
      {stoppedReason !== undefined && (
        <Alert tone="error">
          {stoppedReason} Progress is saved in this browser: resume now, or later by choosing the same file
          again.
        </Alert>
      )}
      <div className="flex flex-wrap gap-2">
        {stoppedReason === undefined ? (
          <button type="button" className={secondaryButton} onClick={onPause}>
            Pause
          </button>
        ) : (
          <button type="button" className={primaryButton} onClick={onResume}>
            Resume
          </button>
        )}
      </div>
    </div>
  );
}

export type ImportTotals = { created: number; updated: number; unchanged: number; failed: number };

/** The end: what happened to every row, and the failed rows to download. */
export function ImportSummary({
  totals,
  onDownloadFailed,
  onRestart,
}: {
  totals: ImportTotals;
  onDownloadFailed: () => void;
  onRestart: () => void;
}) {
  const items: [string, number][] = [
    ["Created", totals.created],
    ["Updated", totals.updated],
    ["Unchanged", totals.unchanged],
    ["Failed", totals.failed],
  ];
  return (
    <div className="space-y-4">
      <dl className="grid max-w-xl grid-cols-2 gap-3 text-sm sm:grid-cols-4">
        {items.map(([label, value]) => (
          <div key={label} className="rounded-lg border border-slate-200 px-3 py-2">
            <dt className="text-slate-600">{label}</dt>
            <dd
              className="text-lg font-semibold text-slate-900 tabular-nums"
              data-testid={`summary-${label}`}
            >
              {count(value)}
            </dd>
          </div>
        ))}
      </dl>
      <div className="flex flex-wrap gap-2">
        {totals.failed > 0 && (
          <button type="button" className={primaryButton} onClick={onDownloadFailed}>
            Download failed rows (CSV)
          </button>
        )}
        <Link className={secondaryButton} href="/dashboard/customers">
          View customers
        </Link>
        <button type="button" className={secondaryButton} onClick={onRestart}>
          Import another file
        </button>
      </div>
    </div>
  );
}

"use client";
import { Alert } from "@/components/ui/alert";
import { primaryButton, secondaryButton } from "@/components/ui/styles";
import type { CheckResult } from "@/lib/customers/csv-import/check-rows";
import { columnForField, type ColumnTarget } from "@/lib/customers/csv-import/column-mapping";

/** Rows with errors shown on the page; the rest are counted and are in the downloadable report. */
export const PREVIEW_ERROR_ROWS = 100;

const count = (n: number) => n.toLocaleString("en-US");

/** Step 3: counts, the rows with errors (line, column, problem), then import the valid rows. */
export function PreviewStep({
  header,
  targets,
  check,
  onImport,
  onBack,
  onDownloadErrors,
}: {
  header: string[];
  targets: ColumnTarget[];
  check: CheckResult;
  onImport: () => void;
  onBack: () => void;
  onDownloadErrors: () => void;
}) {
  const total = check.valid.length + check.invalid.length;
  const shown = check.invalid.slice(0, PREVIEW_ERROR_ROWS);
  return (
    <div className="space-y-4">
      <dl className="grid max-w-lg grid-cols-3 gap-3 text-sm">
        {[
          ["Rows", total],
          ["Ready to import", check.valid.length],
          ["With errors", check.invalid.length],
        ].map(([label, value]) => (
          <div key={label} className="rounded-lg border border-slate-200 px-3 py-2">
            <dt className="text-slate-600">{label}</dt>
            <dd className="text-lg font-semibold text-slate-900" data-testid={`preview-${label}`}>
              {count(value as number)}
            </dd>
          </div>
        ))}
      </dl>
      {check.invalid.length === 0 ? (
        <Alert tone="success">Every row passed the checks.</Alert>
      ) : (
        <>
          <p className="text-sm text-slate-700">
            Rows with errors are not imported. They are listed below and in the report of failed rows, with
            their cells, so you can fix them and import the report itself.
          </p>
          <div className="overflow-x-auto rounded-lg border border-slate-200">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <caption className="sr-only">Rows with errors</caption>
              <thead className="bg-slate-50 text-left text-slate-700">
                <tr>
                  <th scope="col" className="px-4 py-3 font-semibold">
                    Line
                  </th>
                  <th scope="col" className="px-4 py-3 font-semibold">
                    Column
                  </th>
                  <th scope="col" className="px-4 py-3 font-semibold">
                    Problem
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {shown.flatMap((row) =>
                  row.errors.map((error, index) => (
                    <tr key={`${row.line}-${index}`} data-line={row.line}>
                      <td className="px-4 py-2 tabular-nums">{row.line}</td>
                      <td className="px-4 py-2 break-all">{columnForField(header, targets, error.field)}</td>
                      <td className="px-4 py-2">{error.message}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </div>
          {check.invalid.length > shown.length && (
            <p className="text-sm text-slate-700">
              Showing the first {count(shown.length)} of {count(check.invalid.length)} rows with errors; the
              report has them all.
            </p>
          )}
        </>
      )}
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={primaryButton}
          disabled={check.valid.length === 0}
          onClick={onImport}
        >
          Import {count(check.valid.length)} {check.valid.length === 1 ? "row" : "rows"}
        </button>
        {check.invalid.length > 0 && (
          <button type="button" className={secondaryButton} onClick={onDownloadErrors}>
            Download rows with errors (CSV)
          </button>
        )}
        <button type="button" className={secondaryButton} onClick={onBack}>
          Back to columns
        </button>
      </div>
    </div>
  );
}

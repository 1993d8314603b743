"use client";
import { Alert } from "@/components/ui/alert";
import { primaryButton, secondaryButton } from "@/components/ui/styles";
import {
  columnNote,
  columnTitle,
  mappingProblems,
  targetOptions,
  type ColumnTarget,
} from "@/lib/customers/csv-import/column-mapping";
import type { CsvTable } from "@/lib/customers/csv-import/parse-csv";

const select =
  "block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus:border-indigo-600 focus:ring-2 focus:ring-indigo-600 focus:outline-none";

/** The first non-blank cell of a column among the first rows, to show what the column holds. */
function example(table: CsvTable, index: number): string {
  for (const row of table.rows.slice(0, 20)) {
    const cell = row.cells[index]?.trim();
    if (cell) return cell.length > 60 ? `${cell.slice(0, 60)}…` : cell;
  }
  return "";
}

/** Step 2: one labelled select per column, pre-set from the headers. */
export function ColumnMappingStep({
  fileName,
  table,
  targets,
  onChange,
  onContinue,
  onCancel,
}: {
  fileName: string;
  table: CsvTable;
  targets: ColumnTarget[];
  onChange: (targets: ColumnTarget[]) => void;
  onContinue: () => void;
  onCancel: () => void;
}) {
  const problems = mappingProblems(table.header, targets);
  const separator = table.delimiter === ";" ? "semicolon" : "comma";
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">
        {table.rows.length.toLocaleString("en-US")} rows in “{fileName}” ({separator}-separated). Choose what
        each column fills; the choices are guessed from the headers.
      </p>
      <div className="overflow-x-auto rounded-lg border border-slate-200">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">Columns in your file and what they import as</caption>
          <thead className="bg-slate-50 text-left text-slate-700">
            <tr>
              <th scope="col" className="px-4 py-3 font-semibold">
                Column
              </th>
              <th scope="col" className="px-4 py-3 font-semibold">
                Example
              </th>
              <th scope="col" className="px-4 py-3 font-semibold">
                Import as
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {table.header.map((header, index) => {
              const title = columnTitle(table.header, index);
              const id = `column-target-${index}`;
              const note = columnNote(header, targets[index]);
              return (
                <tr key={index}>
                  <th scope="row" className="px-4 py-2 text-left font-medium break-all text-slate-900">
                    {title}
                  </th>
                  <td className="max-w-xs px-4 py-2 break-all text-slate-700">{example(table, index)}</td>
                  <td className="min-w-56 px-4 py-2">
                    <label htmlFor={id} className="sr-only">
                      Import column “{title}” as
                    </label>
                    <select
                      id={id}
                      className={select}
                      value={targets[index]}
                      aria-describedby={note ? `${id}-note` : undefined}
                      onChange={(event) =>
                        onChange(
                          targets.map((target, i) =>
                            i === index ? (event.target.value as ColumnTarget) : target,
                          ),
                        )
                      }
                    >
                      {targetOptions(header).map((option) => (
                        <option key={option.value} value={option.value}>
                          {option.label}
                        </option>
                      ))}
                    </select>
                    {note && (
                      <p id={`${id}-note`} className="mt-1 text-xs text-slate-600">
                        {note}
                      </p>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {problems.length > 0 && (
        <Alert tone="error">
          <ul className="list-disc space-y-1 pl-4">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </Alert>
      )}
      <div className="flex flex-wrap gap-2">
        <button type="button" className={primaryButton} disabled={problems.length > 0} onClick={onContinue}>
          Check rows
        </button>
        <button type="button" className={secondaryButton} onClick={onCancel}>
          Choose another file
        </button>
      </div>
    </div>
  );
}

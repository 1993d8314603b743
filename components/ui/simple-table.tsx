import type { ReactNode } from "react";

const headerCell = "px-4 py-3 font-semibold";

/**
 * The dashboard's plain tables (keys, webhook endpoints, deliveries): a labelled, horizontally
 * scrollable table with one header row, and a one-line message in place of rows when there are none.
 * A header given as null is an actions column, named for screen readers only.
 */
export function SimpleTable({
  caption,
  headers,
  emptyMessage,
  children,
}: {
  caption: string;
  headers: (string | null)[];
  /** Shown as the only row when set (pass it when there are no rows). */
  emptyMessage?: string;
  children?: ReactNode;
}) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-left text-slate-700">
          <tr>
            {headers.map((header, index) => (
              <th key={header ?? `actions-${index}`} scope="col" className={headerCell}>
                {header ?? <span className="sr-only">Actions</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {emptyMessage !== undefined && (
            <tr>
              <td colSpan={headers.length} className="px-4 py-6 text-center text-slate-600">
                {emptyMessage}
              </td>
            </tr>
          )}
          {children}
        </tbody>
      </table>
    </div>
  );
}

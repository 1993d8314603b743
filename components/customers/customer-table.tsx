import Link from "next/link";
import { CustomerAvatar } from "@/components/customers/customer-avatar";
import { ROW_LINK } from "@/components/customers/row-link";
import { RowLinks } from "@/components/customers/row-links";
import { customerListHref, nextSort, type CustomerListParams } from "@/lib/customers/list-url";
import { displayName, formatShortDate } from "@/lib/customers/presentation";
import type { Customer } from "@/lib/customers/schemas";

type SortableColumn = "name" | "email" | "createdAt";

function SortHeader({
  label,
  column,
  params,
}: {
  label: string;
  column: SortableColumn;
  params: CustomerListParams;
}) {
  const direction =
    params.sort === column ? "ascending" : params.sort === `-${column}` ? "descending" : undefined;
  const href = customerListHref({ ...params, cursor: undefined, sort: nextSort(params.sort, column) });
  return (
    <th scope="col" aria-sort={direction ?? "none"} className="px-4 py-3 text-left font-semibold">
      <Link
        href={href}
        className="inline-flex items-center gap-1 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-700"
      >
        {label}
        <span aria-hidden="true" className="text-slate-500">
          {direction === "ascending" ? "▲" : direction === "descending" ? "▼" : "↕"}
        </span>
        {direction && <span className="sr-only">(sorted {direction})</span>}
      </Link>
    </th>
  );
}

/** The four columns of the spec, in its order; every value is rendered as text, never as HTML. */
export function CustomerTable({
  customers,
  params,
  timeZone,
}: {
  customers: Customer[];
  params: CustomerListParams;
  timeZone: string;
}) {
  return (
    <RowLinks className="relative overflow-x-auto rounded-lg border border-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Customers</caption>
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            <SortHeader label="Customer" column="name" params={params} />
            <SortHeader label="Email" column="email" params={params} />
            <th scope="col" className="px-4 py-3 text-left font-semibold">
              External ID
            </th>
            <SortHeader label="Created" column="createdAt" params={params} />
          </tr>
        </thead>
        {/* Styled by .customer-rows in app/globals.css: 50 rows, each class list written once. */}
        <tbody className="customer-rows divide-y divide-slate-100 bg-white">
          {customers.map((customer) => (
            <tr key={customer.id} data-customer-id={customer.id}>
              <td className="customer">
                {/* A plain <a>: RowLinks navigates client-side for all 50 (see there why not next/link). */}
                <a {...ROW_LINK} href={`/dashboard/customers/${customer.id}`}>
                  <CustomerAvatar customer={customer} />
                  <span className="name" data-testid="display-name">
                    {displayName(customer)}
                  </span>
                  {customer.archivedAt && <span className="archived-badge">Archived</span>}
                </a>
              </td>
              <td className="email">{customer.email ?? "—"}</td>
              <td className="external-id">{customer.externalId ?? ""}</td>
              <td className="created">
                <time dateTime={customer.createdAt}>{formatShortDate(customer.createdAt, timeZone)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </RowLinks>
  );
}

export function CustomerTableSkeleton() {
  return (
    <div className="rounded-lg border border-slate-200" aria-busy="true" aria-label="Loading customers">
      {Array.from({ length: 8 }, (_, index) => (
        <div
          key={index}
          className="flex items-center gap-3 border-b border-slate-100 px-4 py-3 last:border-0"
        >
          <span className="h-8 w-8 animate-pulse rounded-full bg-slate-200" />
          <span className="h-4 w-40 animate-pulse rounded bg-slate-200" />
          <span className="ml-auto h-4 w-24 animate-pulse rounded bg-slate-200" />
        </div>
      ))}
    </div>
  );
}

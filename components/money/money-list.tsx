// The payments, subscriptions and invoices pages share one shape (spec/dashboard.md: 50 a page,
// the cursor in the URL, Next / First page, a removable customer filter): this is it. Each page
// names its columns; every value is rendered as text, never as HTML.
import Link from "next/link";
import type { ReactNode } from "react";
import { ExpiredPageLink, NoMoreRows } from "@/components/ui/page-link-notices";
import { secondaryButton } from "@/components/ui/styles";
import { ApiError } from "@/lib/api/errors";
import { findCustomerNames } from "@/lib/customers/customer-names";
import { moneyListHref, type MoneyListParams } from "@/lib/money/list-url";
import type { Scope } from "@/lib/scope";

export type MoneyRow = { id: string; customerId: string | null };
export type MoneyPage<T> = { data: T[]; hasMore: boolean; nextCursor: string | null };
/** A column of the table; `names` maps the page's customer ids to their display names. */
export type Column<T> = {
  header: string;
  cell: (row: T, names: Map<string, string>) => ReactNode;
  className?: string;
  /** The column links to the row's customer, so the page needs their display names. */
  showsCustomer?: boolean;
};

type Noun = { singular: string; plural: string };

/** The heading, the customer chip and the list below them. */
export function MoneyListHeader({
  title,
  description,
  base,
  params,
  customerName,
}: {
  title: string;
  description: string;
  base: string;
  params: MoneyListParams;
  customerName?: string;
}) {
  return (
    <>
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{title}</h1>
        <p className="mt-1 text-sm text-slate-700">{description}</p>
      </div>
      {params.customerId && (
        <div className="flex flex-wrap gap-2">
          <span className="inline-flex max-w-full items-center gap-1 rounded-full border border-indigo-200 bg-indigo-50 py-1 pr-1 pl-3 text-sm text-indigo-900">
            <span className="truncate">Customer: {customerName ?? params.customerId}</span>
            <Link
              href={base}
              aria-label={`Remove the customer filter ${customerName ?? params.customerId}`}
              className="rounded-full px-2 text-indigo-900 hover:bg-indigo-100 focus-visible:outline-2 focus-visible:outline-indigo-700"
            >
              ×
            </Link>
          </span>
        </div>
      )}
    </>
  );
}

/** A link to the row's customer by display name; a row without a customer shows an em-dash. */
export function CustomerCell({
  customerId,
  names,
}: {
  customerId: string | null;
  names: Map<string, string>;
}) {
  if (!customerId) return <span className="text-slate-500">—</span>;
  return (
    <Link
      href={`/dashboard/customers/${customerId}`}
      className="block truncate font-medium text-slate-900 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-700"
      data-testid="customer-link"
    >
      {names.get(customerId) ?? customerId}
    </Link>
  );
}

const statusTones: Record<string, string> = {
  succeeded: "bg-emerald-100 text-emerald-900",
  paid: "bg-emerald-100 text-emerald-900",
  active: "bg-emerald-100 text-emerald-900",
  trialing: "bg-sky-100 text-sky-900",
  open: "bg-sky-100 text-sky-900",
  pending: "bg-amber-100 text-amber-900",
  past_due: "bg-amber-100 text-amber-900",
  failed: "bg-red-100 text-red-900",
};

export function StatusBadge({ status }: { status: string }) {
  return (
    <span
      className={`rounded px-1.5 py-0.5 text-xs font-medium ${statusTones[status] ?? "bg-slate-200 text-slate-800"}`}
    >
      {status.replace("_", " ")}
    </span>
  );
}

/** One page of a list page (/dashboard/payments …), optionally narrowed to one customer. */
export function MoneyListResults<T extends MoneyRow>({
  scope,
  load,
  columns,
  base,
  params,
  noun,
  emptyHint,
}: {
  scope: Scope;
  load: () => Promise<MoneyPage<T>>;
  columns: Column<T>[];
  base: string;
  params: MoneyListParams;
  noun: Noun;
  emptyHint: string;
}) {
  return (
    <PagedMoneyTable
      scope={scope}
      load={load}
      columns={columns}
      noun={noun}
      cursor={params.cursor}
      firstPage={moneyListHref(base, { customerId: params.customerId })}
      pageHref={(cursor) => moneyListHref(base, { ...params, cursor })}
      empty={
        <div className="rounded-lg border border-dashed border-slate-300 px-6 py-10 text-center">
          <p className="font-medium text-slate-900">
            {params.customerId ? `This customer has no ${noun.plural}.` : `No ${noun.plural} yet`}
          </p>
          {params.customerId ? (
            <Link className={`${secondaryButton} mt-4`} href={base}>
              Show all {noun.plural}
            </Link>
          ) : (
            <p className="mx-auto mt-2 max-w-prose text-sm text-slate-700">{emptyHint}</p>
          )}
        </div>
      }
    />
  );
}

/**
 * One page of a table of payments, subscriptions or invoices: loads it, and shows the table with
 * Next / First page, `empty` for an empty first page, or a friendly message for a broken cursor
 * (never an error page). The list pages and the customer page's tabs both use it.
 */
export async function PagedMoneyTable<T extends MoneyRow>({
  scope,
  load,
  columns,
  noun,
  cursor,
  firstPage,
  pageHref,
  empty,
}: {
  scope: Scope;
  load: () => Promise<MoneyPage<T>>;
  columns: Column<T>[];
  noun: Noun;
  cursor?: string;
  firstPage: string;
  pageHref: (cursor: string) => string;
  empty: ReactNode;
}) {
  let page: MoneyPage<T>;
  try {
    page = await load();
  } catch (error) {
    if (error instanceof ApiError && error.code === "cursor_invalid") {
      return <ExpiredPageLink firstPage={firstPage} madeFor="the other mode" />;
    }
    throw error;
  }

  if (page.data.length === 0) {
    return cursor ? <NoMoreRows plural={noun.plural} firstPage={firstPage} /> : empty;
  }

  // Every customer of the page in one query, not one per row (and none when no column shows one).
  const names = columns.some((column) => column.showsCustomer)
    ? await findCustomerNames(
        scope,
        page.data.map((row) => row.customerId),
      )
    : new Map<string, string>();
  return (
    <>
      <div className="relative overflow-x-auto rounded-lg border border-slate-200">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">{noun.plural[0].toUpperCase() + noun.plural.slice(1)}</caption>
          <thead className="bg-slate-50 text-slate-700">
            <tr>
              {columns.map((column) => (
                <th key={column.header} scope="col" className="px-4 py-3 text-left font-semibold">
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 bg-white">
            {page.data.map((row) => (
              <tr key={row.id} className="hover:bg-slate-50" data-row-id={row.id}>
                {columns.map((column) => (
                  <td key={column.header} className={`px-4 py-3 text-slate-700 ${column.className ?? ""}`}>
                    {column.cell(row, names)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label="Pagination" className="mt-4 flex items-center justify-end gap-3">
        {cursor && (
          <Link className={secondaryButton} href={firstPage}>
            First page
          </Link>
        )}
        {page.hasMore && page.nextCursor && (
          <Link className={secondaryButton} href={pageHref(page.nextCursor)}>
            Next
          </Link>
        )}
      </nav>
    </>
  );
}

export function MoneyTableSkeleton({ label }: { label: string }) {
  return (
    <div className="rounded-lg border border-slate-200" aria-busy="true" aria-label={label}>
      {Array.from({ length: 8 }, (_, index) => (
        <div
          key={index}
          className="flex items-center gap-3 border-b border-slate-100 px-4 py-3 last:border-0"
        >
          <span className="h-4 w-24 animate-pulse rounded bg-slate-200" />
          <span className="h-4 w-40 animate-pulse rounded bg-slate-200" />
          <span className="ml-auto h-4 w-24 animate-pulse rounded bg-slate-200" />
        </div>
      ))}
    </div>
  );
}

// The customer page's history: Payments, Subscriptions and Invoices tabs (the tab and its cursor in
// the URL), each a paginated table from the same list functions as the API's ?customerId= filter.
import Link from "next/link";
import { Suspense } from "react";
import { invoiceColumns, paymentColumns, subscriptionColumns } from "@/components/money/money-columns";
import { MoneyTableSkeleton, PagedMoneyTable } from "@/components/money/money-list";
import {
  CUSTOMER_TAB_ROWS,
  customerPageHref,
  customerTabs,
  type CustomerPageParams,
  type CustomerTab,
} from "@/lib/customers/customer-page-url";
import { listInvoices } from "@/lib/invoices/list-invoices";
import { listPayments } from "@/lib/payments/list-payments";
import type { Scope } from "@/lib/scope";
import { listSubscriptions } from "@/lib/subscriptions/list-subscriptions";

const LABELS: Record<CustomerTab, string> = {
  payments: "Payments",
  subscriptions: "Subscriptions",
  invoices: "Invoices",
};

type HistoryProps = { customerId: string; params: CustomerPageParams; scope: Scope; timeZone: string };

export function CustomerHistory({ customerId, params, scope, timeZone }: HistoryProps) {
  return (
    <section aria-labelledby="history-heading" className="space-y-3">
      <h2 id="history-heading" className="sr-only">
        History
      </h2>
      <nav aria-label="Customer history" className="flex gap-1 overflow-x-auto border-b border-slate-200">
        {customerTabs.map((tab) => {
          const current = tab === params.tab;
          return (
            <Link
              key={tab}
              href={customerPageHref(customerId, { tab })}
              aria-current={current ? "page" : undefined}
              className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap focus-visible:outline-2 focus-visible:outline-indigo-700 ${
                current
                  ? "border-indigo-700 text-indigo-800"
                  : "border-transparent text-slate-700 hover:border-slate-300 hover:text-slate-900"
              }`}
            >
              {LABELS[tab]}
            </Link>
          );
        })}
      </nav>
      <Suspense
        key={customerPageHref(customerId, params)}
        fallback={<MoneyTableSkeleton label={`Loading ${params.tab}`} />}
      >
        <HistoryTable customerId={customerId} params={params} scope={scope} timeZone={timeZone} />
      </Suspense>
    </section>
  );
}

function HistoryTable({ customerId, params, scope, timeZone }: HistoryProps) {
  const query = { customerId, cursor: params.cursor, limit: CUSTOMER_TAB_ROWS };
  const options = { timeZone, withCustomer: false };
  const paging = {
    scope,
    cursor: params.cursor,
    firstPage: customerPageHref(customerId, { tab: params.tab }),
    pageHref: (cursor: string) => customerPageHref(customerId, { tab: params.tab, cursor }),
    empty: <EmptyTab noun={params.tab} />,
  };
  switch (params.tab) {
    case "subscriptions":
      return (
        <PagedMoneyTable
          {...paging}
          load={() => listSubscriptions(scope, query)}
          columns={subscriptionColumns(options)}
          noun={{ singular: "subscription", plural: "subscriptions" }}
        />
      );
    case "invoices":
      return (
        <PagedMoneyTable
          {...paging}
          load={() => listInvoices(scope, query)}
          columns={invoiceColumns(options)}
          noun={{ singular: "invoice", plural: "invoices" }}
        />
      );
    default:
      return (
        <PagedMoneyTable
          {...paging}
          load={() => listPayments(scope, query)}
          columns={paymentColumns(options)}
          noun={{ singular: "payment", plural: "payments" }}
        />
      );
  }
}

function EmptyTab({ noun }: { noun: CustomerTab }) {
  return (
    <p className="rounded-lg border border-dashed border-slate-300 px-6 py-8 text-center text-sm text-slate-700">
      No {noun} for this customer yet.
    </p>
  );
}

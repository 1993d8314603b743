import type { Metadata } from "next";
import { Suspense } from "react";
import {
  CustomerCell,
  MoneyListHeader,
  MoneyListResults,
  MoneyTableSkeleton,
  StatusBadge,
  type Column,
} from "@/components/money/money-list";
import { findCustomerNames } from "@/lib/customers/customer-names";
import { formatShortDate } from "@/lib/customers/presentation";
import { getDashboardContext } from "@/lib/dashboard/context";
import { listInvoices } from "@/lib/invoices/list-invoices";
import type { Invoice } from "@/lib/invoices/schemas";
import { formatMoney } from "@/lib/money/format-money";
import { MONEY_ROWS_PER_PAGE, moneyListHref, parseMoneyListParams } from "@/lib/money/list-url";

export const metadata: Metadata = { title: "Invoices" };

const BASE = "/dashboard/invoices";

export default async function InvoicesPage({ searchParams }: PageProps<"/dashboard/invoices">) {
  const params = parseMoneyListParams(await searchParams);
  const { scope, workspace } = await getDashboardContext();
  const customerName = params.customerId
    ? (await findCustomerNames(scope, [params.customerId])).get(params.customerId)
    : undefined;
  const columns: Column<Invoice>[] = [
    { header: "Number", cell: (invoice) => invoice.number, className: "font-mono text-xs whitespace-nowrap" },
    {
      header: "Customer",
      cell: (invoice, names) => <CustomerCell customerId={invoice.customerId} names={names} />,
      className: "max-w-xs",
    },
    { header: "Status", cell: (invoice) => <StatusBadge status={invoice.status} /> },
    {
      header: "Amount due",
      cell: (invoice) => formatMoney(invoice.amountDue, invoice.currency),
      className: "font-medium whitespace-nowrap text-slate-900 tabular-nums",
    },
    {
      header: "Created",
      cell: (invoice) => (
        <time dateTime={invoice.createdAt}>{formatShortDate(invoice.createdAt, workspace.timeZone)}</time>
      ),
      className: "whitespace-nowrap",
    },
  ];
  return (
    <div className="space-y-4">
      <MoneyListHeader
        title="Invoices"
        description="Every invoice you issued, newest first."
        base={BASE}
        params={params}
        customerName={customerName}
      />
      <Suspense key={moneyListHref(BASE, params)} fallback={<MoneyTableSkeleton label="Loading invoices" />}>
        <MoneyListResults
          scope={scope}
          load={() => listInvoices(scope, { ...params, limit: MONEY_ROWS_PER_PAGE })}
          columns={columns}
          base={BASE}
          params={params}
          noun={{ singular: "invoice", plural: "invoices" }}
          emptyHint="Invoices appear here when you bill a customer or a subscription renews."
        />
      </Suspense>
    </div>
  );
}

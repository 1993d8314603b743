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
import { formatMoney } from "@/lib/money/format-money";
import { MONEY_ROWS_PER_PAGE, moneyListHref, parseMoneyListParams } from "@/lib/money/list-url";
import { listPayments } from "@/lib/payments/list-payments";
import type { Payment } from "@/lib/payments/schemas";

export const metadata: Metadata = { title: "Payments" };

const BASE = "/dashboard/payments";

export default async function PaymentsPage({ searchParams }: PageProps<"/dashboard/payments">) {
  const params = parseMoneyListParams(await searchParams);
  const { scope, workspace } = await getDashboardContext();
  const customerName = params.customerId
    ? (await findCustomerNames(scope, [params.customerId])).get(params.customerId)
    : undefined;
  const columns: Column<Payment>[] = [
    {
      header: "Amount",
      cell: (payment) => formatMoney(payment.amount, payment.currency),
      className: "font-medium whitespace-nowrap text-slate-900 tabular-nums",
    },
    { header: "Status", cell: (payment) => <StatusBadge status={payment.status} /> },
    {
      header: "Customer",
      cell: (payment, names) => <CustomerCell customerId={payment.customerId} names={names} />,
      className: "max-w-xs",
    },
    { header: "Description", cell: (payment) => payment.description ?? "", className: "max-w-xs truncate" },
    {
      header: "Created",
      cell: (payment) => (
        <time dateTime={payment.createdAt}>{formatShortDate(payment.createdAt, workspace.timeZone)}</time>
      ),
      className: "whitespace-nowrap",
    },
  ];
  return (
    <div className="space-y-4">
      <MoneyListHeader
        title="Payments"
        description="Every payment your customers made, newest first."
        base={BASE}
        params={params}
        customerName={customerName}
      />
      <Suspense key={moneyListHref(BASE, params)} fallback={<MoneyTableSkeleton label="Loading payments" />}>
        <MoneyListResults
          scope={scope}
          load={() => listPayments(scope, { ...params, limit: MONEY_ROWS_PER_PAGE })}
          columns={columns}
          base={BASE}
          params={params}
          noun={{ singular: "payment", plural: "payments" }}
          emptyHint="Payments appear here when customers pay through checkout."
        />
      </Suspense>
    </div>
  );
}

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
import { listSubscriptions } from "@/lib/subscriptions/list-subscriptions";
import type { Subscription } from "@/lib/subscriptions/schemas";

export const metadata: Metadata = { title: "Subscriptions" };

const BASE = "/dashboard/subscriptions";

export default async function SubscriptionsPage({ searchParams }: PageProps<"/dashboard/subscriptions">) {
  const params = parseMoneyListParams(await searchParams);
  const { scope, workspace } = await getDashboardContext();
  const customerName = params.customerId
    ? (await findCustomerNames(scope, [params.customerId])).get(params.customerId)
    : undefined;
  const date = (iso: string) => <time dateTime={iso}>{formatShortDate(iso, workspace.timeZone)}</time>;
  const columns: Column<Subscription>[] = [
    {
      header: "Customer",
      cell: (subscription, names) => <CustomerCell customerId={subscription.customerId} names={names} />,
      className: "max-w-xs",
    },
    { header: "Status", cell: (subscription) => <StatusBadge status={subscription.status} /> },
    {
      header: "Amount",
      cell: (subscription) =>
        `${formatMoney(subscription.amount, subscription.currency)} / ${subscription.interval}`,
      className: "font-medium whitespace-nowrap text-slate-900 tabular-nums",
    },
    {
      header: "Current period ends",
      cell: (subscription) => date(subscription.currentPeriodEnd),
      className: "whitespace-nowrap",
    },
    {
      header: "Created",
      cell: (subscription) => date(subscription.createdAt),
      className: "whitespace-nowrap",
    },
  ];
  return (
    <div className="space-y-4">
      <MoneyListHeader
        title="Subscriptions"
        description="Your customers' recurring plans, newest first."
        base={BASE}
        params={params}
        customerName={customerName}
      />
      <Suspense
        key={moneyListHref(BASE, params)}
        fallback={<MoneyTableSkeleton label="Loading subscriptions" />}
      >
        <MoneyListResults
          scope={scope}
          load={() => listSubscriptions(scope, { ...params, limit: MONEY_ROWS_PER_PAGE })}
          columns={columns}
          base={BASE}
          params={params}
          noun={{ singular: "subscription", plural: "subscriptions" }}
          emptyHint="Subscriptions appear here when customers sign up for a recurring plan."
        />
      </Suspense>
    </div>
  );
}

import type { Metadata } from "next";
import { Suspense } from "react";
import { subscriptionColumns } from "@/components/money/money-columns";
import { MoneyListHeader, MoneyListResults, MoneyTableSkeleton } from "@/components/money/money-list";
import { findCustomerNames } from "@/lib/customers/customer-names";
import { getDashboardContext } from "@/lib/dashboard/context";
import { MONEY_ROWS_PER_PAGE, moneyListHref, parseMoneyListParams } from "@/lib/money/list-url";
import { listSubscriptions } from "@/lib/subscriptions/list-subscriptions";

export const metadata: Metadata = { title: "Subscriptions" };

const BASE = "/dashboard/subscriptions";

export default async function SubscriptionsPage({ searchParams }: PageProps<"/dashboard/subscriptions">) {
  const params = parseMoneyListParams(await searchParams);
  const { scope, workspace } = await getDashboardContext();
  const customerName = params.customerId
    ? (await findCustomerNames(scope, [params.customerId])).get(params.customerId)
    : undefined;
  const columns = subscriptionColumns({ timeZone: workspace.timeZone, withCustomer: true });
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

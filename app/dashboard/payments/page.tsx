import type { Metadata } from "next";
import { Suspense } from "react";
import { paymentColumns } from "@/components/money/money-columns";
import { MoneyListHeader, MoneyListResults, MoneyTableSkeleton } from "@/components/money/money-list";
import { findCustomerNames } from "@/lib/customers/customer-names";
import { getDashboardContext } from "@/lib/dashboard/context";
import { MONEY_ROWS_PER_PAGE, moneyListHref, parseMoneyListParams } from "@/lib/money/list-url";
import { listPayments } from "@/lib/payments/list-payments";

export const metadata: Metadata = { title: "Payments" };

const BASE = "/dashboard/payments";

export default async function PaymentsPage({ searchParams }: PageProps<"/dashboard/payments">) {
  const params = parseMoneyListParams(await searchParams);
  const { scope, workspace } = await getDashboardContext();
  const customerName = params.customerId
    ? (await findCustomerNames(scope, [params.customerId])).get(params.customerId)
    : undefined;
  const columns = paymentColumns({ timeZone: workspace.timeZone, withCustomer: true });
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

import type { Metadata } from "next";
import { Suspense } from "react";
import { invoiceColumns } from "@/components/money/money-columns";
import { MoneyListHeader, MoneyListResults, MoneyTableSkeleton } from "@/components/money/money-list";
import { findCustomerNames } from "@/lib/customers/customer-names";
import { getDashboardContext } from "@/lib/dashboard/context";
import { listInvoices } from "@/lib/invoices/list-invoices";
import { MONEY_ROWS_PER_PAGE, moneyListHref, parseMoneyListParams } from "@/lib/money/list-url";

export const metadata: Metadata = { title: "Invoices" };

const BASE = "/dashboard/invoices";

export default async function InvoicesPage({ searchParams }: PageProps<"/dashboard/invoices">) {
  const params = parseMoneyListParams(await searchParams);
  const { scope, workspace } = await getDashboardContext();
  const customerName = params.customerId
    ? (await findCustomerNames(scope, [params.customerId])).get(params.customerId)
    : undefined;
  const columns = invoiceColumns({ timeZone: workspace.timeZone, withCustomer: true });
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

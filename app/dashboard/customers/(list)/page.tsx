import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { CustomerFilters } from "@/components/customers/customer-filters";
import { CustomerResults } from "@/components/customers/customer-results";
import { CustomerTableSkeleton } from "@/components/customers/customer-table";
import { primaryButton, secondaryButton } from "@/components/ui/styles";
import { getDashboardContext } from "@/lib/dashboard/context";
import { customerListHref, listFilters, parseCustomerListParams } from "@/lib/customers/list-url";

export const metadata: Metadata = { title: "Customers" };

export default async function CustomersPage({ searchParams }: PageProps<"/dashboard/customers">) {
  const params = parseCustomerListParams(await searchParams);
  const { scope, workspace } = await getDashboardContext();
  const filters = listFilters(params);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold text-slate-900">Customers</h1>
          <p className="mt-1 text-sm text-slate-700">
            Everyone who&apos;s ever paid you, pending, or has an active subscription.
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {/* A plain link: the browser downloads the stream as it comes. */}
          <a
            className={secondaryButton}
            href={customerListHref(filters, "/dashboard/customers/export")}
            download
          >
            Export CSV
          </a>
          <Link className={secondaryButton} href="/dashboard/customers/import">
            Import CSV
          </Link>
          <Link className={primaryButton} href="/dashboard/customers/new">
            New customer
          </Link>
        </div>
      </div>
      <CustomerFilters params={params} />
      {params.email && (
        <div className="flex flex-wrap gap-2">
          <span className="inline-flex max-w-full items-center gap-1 rounded-full border border-indigo-200 bg-indigo-50 py-1 pr-1 pl-3 text-sm text-indigo-900">
            <span className="truncate">Email: {params.email}</span>
            <Link
              href={customerListHref({ ...filters, email: undefined })}
              aria-label={`Remove the email filter ${params.email}`}
              className="rounded-full px-2 text-indigo-900 hover:bg-indigo-100 focus-visible:outline-2 focus-visible:outline-indigo-700"
            >
              ×
            </Link>
          </span>
        </div>
      )}
      <Suspense key={customerListHref(params)} fallback={<CustomerTableSkeleton />}>
        <CustomerResults params={params} scope={scope} timeZone={workspace.timeZone} />
      </Suspense>
    </div>
  );
}

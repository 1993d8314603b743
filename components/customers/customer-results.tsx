import Link from "next/link";
import { CustomerTable } from "@/components/customers/customer-table";
import { NoCustomersYet } from "@/components/customers/no-customers-yet";
import { ExpiredPageLink, NoMoreRows } from "@/components/ui/page-link-notices";
import { secondaryButton } from "@/components/ui/styles";
import { ApiError } from "@/lib/api/errors";
import { listCustomers, type CustomerPage } from "@/lib/customers/list-customers";
import {
  CUSTOMERS_PER_PAGE,
  customerListHref,
  isFiltered,
  listFilters,
  type CustomerListParams,
} from "@/lib/customers/list-url";
import { customerListQuerySchema } from "@/lib/customers/schemas";
import type { Scope } from "@/lib/scope";

/** One page of the list: the same listCustomers the API uses, 50 at a time. */
export async function CustomerResults({
  params,
  scope,
  timeZone,
}: {
  params: CustomerListParams;
  scope: Scope;
  timeZone: string;
}) {
  const firstPage = customerListHref(listFilters(params));
  let page: CustomerPage;
  try {
    const query = customerListQuerySchema.parse({ ...params, limit: String(CUSTOMERS_PER_PAGE) });
    page = await listCustomers(scope, query);
  } catch (error) {
    if (error instanceof ApiError && error.code === "cursor_invalid") {
      return <ExpiredPageLink firstPage={firstPage} madeFor="other filters or the other mode" />;
    }
    throw error;
  }

  if (page.data.length === 0) {
    if (params.cursor) {
      return <NoMoreRows plural="customers" firstPage={firstPage} />;
    }
    if (!isFiltered(params)) return <NoCustomersYet livemode={scope.livemode} />;
    return (
      <div className="rounded-lg border border-dashed border-slate-300 px-6 py-10 text-center">
        <p className="font-medium text-slate-900">
          {params.email && !params.q && !params.createdFrom && !params.createdTo
            ? `No customer has the email ${params.email}.`
            : "No customers match these filters."}
        </p>
        <Link className={`${secondaryButton} mt-4`} href={customerListHref({ sort: params.sort })}>
          Clear filters
        </Link>
      </div>
    );
  }

  return (
    <>
      <CustomerTable customers={page.data} params={params} timeZone={timeZone} />
      <nav aria-label="Pagination" className="mt-4 flex items-center justify-end gap-3">
        {params.cursor && (
          <Link className={secondaryButton} href={firstPage}>
            First page
          </Link>
        )}
        {page.hasMore && page.nextCursor && (
          <Link className={secondaryButton} href={customerListHref({ ...params, cursor: page.nextCursor })}>
            Next
          </Link>
        )}
      </nav>
    </>
  );
}

"use client";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { primaryButton, secondaryButton } from "@/components/ui/styles";
import { customerListHref, type CustomerListParams } from "@/lib/customers/list-url";

const input =
  "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-indigo-600 focus:ring-2 focus:ring-indigo-600 focus:outline-none";

/**
 * Search, created-date range and archived filter. A plain GET form underneath, so it works before
 * JavaScript loads; with it, empty fields are left out of the URL. Applying filters starts from the
 * first page (a cursor belongs to the old filters) and keeps the email filter and the sort.
 */
export function CustomerFilters({ params }: { params: CustomerListParams }) {
  const router = useRouter();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? "").trim() || undefined;
    router.push(
      customerListHref({
        email: params.email,
        sort: params.sort,
        q: value("q"),
        createdFrom: value("createdFrom"),
        createdTo: value("createdTo"),
        archived: (value("archived") as CustomerListParams["archived"]) ?? "false",
      }),
    );
  }
  return (
    <form
      role="search"
      method="get"
      action="/dashboard/customers"
      onSubmit={submit}
      className="grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-slate-50 p-3 lg:grid-cols-[2fr_1fr_1fr_1fr_auto] lg:items-end"
    >
      {params.email && <input type="hidden" name="email" value={params.email} />}
      {params.sort !== "-createdAt" && <input type="hidden" name="sort" value={params.sort} />}
      <div className="col-span-2 lg:col-span-1">
        <label htmlFor="customer-search" className="text-sm font-medium text-slate-800">
          Search
        </label>
        <input
          id="customer-search"
          name="q"
          type="search"
          defaultValue={params.q}
          placeholder="Name, email, external ID or cus_…"
          className={input}
        />
      </div>
      <div>
        <label htmlFor="created-from" className="text-sm font-medium text-slate-800">
          Created from
        </label>
        <input
          id="created-from"
          name="createdFrom"
          type="date"
          defaultValue={params.createdFrom?.slice(0, 10)}
          className={input}
        />
      </div>
      <div>
        <label htmlFor="created-to" className="text-sm font-medium text-slate-800">
          Created to
        </label>
        <input
          id="created-to"
          name="createdTo"
          type="date"
          defaultValue={params.createdTo?.slice(0, 10)}
          className={input}
        />
      </div>
      <div className="col-span-2 sm:col-span-1">
        <label htmlFor="archived-filter" className="text-sm font-medium text-slate-800">
          Show
        </label>
        <select id="archived-filter" name="archived" defaultValue={params.archived} className={input}>
          <option value="false">Active customers</option>
          <option value="true">Archived customers</option>
          <option value="all">All customers</option>
        </select>
      </div>
      <div className="col-span-2 flex items-end gap-2 sm:col-span-1">
        <button type="submit" className={primaryButton}>
          Apply
        </button>
        <a href={customerListHref({ email: params.email, sort: params.sort })} className={secondaryButton}>
          Reset
        </a>
      </div>
    </form>
  );
}

// The customers list's state lives in its URL (spec/dashboard.md, "Customers list"), so links and
// bookmarks carry it. Parsing is lenient, as a bookmark may be old or hand-edited: a bad value is
// dropped rather than failing the page. A cursor is kept as given; listCustomers checks it.
import { z } from "zod";
import { singleParam, type SearchParams } from "@/lib/dashboard/search-params";
import { customerSortValues, parseDateBound, type CustomerSort } from "@/lib/customers/schemas";

export const CUSTOMERS_PER_PAGE = 50;

const archivedValues = ["false", "true", "all"] as const;

export type CustomerListParams = {
  email?: string;
  q?: string;
  sort: CustomerSort;
  createdFrom?: string;
  createdTo?: string;
  archived: (typeof archivedValues)[number];
  cursor?: string;
};

const date = (edge: "start" | "end") =>
  singleParam.transform((value) => (value && parseDateBound(value, edge) ? value : undefined));

const listParams = z.object({
  email: singleParam.pipe(z.string().max(512).optional()).catch(undefined),
  q: singleParam.pipe(z.string().max(256).optional()).catch(undefined),
  sort: singleParam.pipe(z.enum(customerSortValues).default("-createdAt")).catch("-createdAt"),
  createdFrom: date("start").catch(undefined),
  createdTo: date("end").catch(undefined),
  archived: singleParam.pipe(z.enum(archivedValues).default("false")).catch("false"),
  cursor: singleParam.pipe(z.string().max(1024).optional()).catch(undefined),
});

export function parseCustomerListParams(searchParams: SearchParams): CustomerListParams {
  return listParams.parse(searchParams);
}

/** The filters and sort, without the cursor: what the list shows, whichever page of it. */
export function listFilters(params: CustomerListParams): Omit<CustomerListParams, "cursor"> {
  const filters = { ...params };
  delete filters.cursor;
  return filters;
}

/** True when anything narrows the list (sort and cursor do not). */
export function isFiltered(params: CustomerListParams): boolean {
  return Boolean(
    params.email || params.q || params.createdFrom || params.createdTo || params.archived !== "false",
  );
}

const ORDER = ["q", "email", "archived", "createdFrom", "createdTo", "sort", "cursor"] as const;

/** `/dashboard/customers?…` with only the non-default values, in a stable order. */
export function customerListHref(params: Partial<CustomerListParams>, base = "/dashboard/customers"): string {
  const query = new URLSearchParams();
  for (const key of ORDER) {
    const value = params[key];
    if (!value) continue;
    if (key === "sort" && value === "-createdAt") continue;
    if (key === "archived" && value === "false") continue;
    query.set(key, value);
  }
  const search = query.toString();
  return search ? `${base}?${search}` : base;
}

/** The sort a column header links to: ascending first, then flipped (newest first for dates). */
export function nextSort(current: CustomerSort, column: "name" | "email" | "createdAt"): CustomerSort {
  if (column === "createdAt") return current === "-createdAt" ? "createdAt" : "-createdAt";
  return current === column ? (`-${column}` as CustomerSort) : column;
}

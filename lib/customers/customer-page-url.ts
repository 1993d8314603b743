// The customer page's URL state (spec/dashboard.md, "Customer page"): which history tab is open and
// the cursor of its page. Lenient like every page's URL: an unknown tab falls back to Payments.
import { z } from "zod";
import { singleParam, type SearchParams } from "@/lib/dashboard/search-params";

export const customerTabs = ["payments", "subscriptions", "invoices"] as const;
export type CustomerTab = (typeof customerTabs)[number];

/** Rows per page in each history tab: a detail page shows the recent history, Next shows more. */
export const CUSTOMER_TAB_ROWS = 20;

export type CustomerPageParams = {
  tab: CustomerTab;
  cursor?: string;
  /** Set by the merge flow's redirect: the customer just merged into this one (a notice, not state). */
  merged?: string;
};

const pageParams = z.object({
  tab: singleParam.pipe(z.enum(customerTabs).default("payments")).catch("payments"),
  cursor: singleParam.pipe(z.string().max(1024).optional()).catch(undefined),
  merged: singleParam.pipe(z.string().max(64).optional()).catch(undefined),
});

export function parseCustomerPageParams(searchParams: SearchParams): CustomerPageParams {
  return pageParams.parse(searchParams);
}

/** `/dashboard/customers/{id}` with the tab (unless Payments, the default) and a cursor. */
export function customerPageHref(id: string, params: Partial<CustomerPageParams> = {}): string {
  const query = new URLSearchParams();
  if (params.tab && params.tab !== "payments") query.set("tab", params.tab);
  if (params.cursor) query.set("cursor", params.cursor);
  const search = query.toString();
  const path = `/dashboard/customers/${encodeURIComponent(id)}`;
  return search ? `${path}?${search}` : path;
}

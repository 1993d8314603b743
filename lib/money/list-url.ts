// The URL state of the payments, subscriptions and invoices pages: a customer filter and a cursor.
// Parsed leniently (a bookmark may be old or hand-edited): a bad value is dropped, never an error
// page. A cursor is kept as given; the list function checks it.
import { z } from "zod";
import { singleParam, type SearchParams } from "@/lib/dashboard/search-params";

export const MONEY_ROWS_PER_PAGE = 50;

export type MoneyListParams = { customerId?: string; cursor?: string };

const listParams = z.object({
  customerId: singleParam.pipe(z.string().max(64).optional()).catch(undefined),
  cursor: singleParam.pipe(z.string().max(1024).optional()).catch(undefined),
});

export function parseMoneyListParams(searchParams: SearchParams): MoneyListParams {
  return listParams.parse(searchParams);
}

/** `base?customerId=…&cursor=…` with only what is set, in a stable order. */
export function moneyListHref(base: string, params: MoneyListParams): string {
  const query = new URLSearchParams();
  if (params.customerId) query.set("customerId", params.customerId);
  if (params.cursor) query.set("cursor", params.cursor);
  const search = query.toString();
  return search ? `${base}?${search}` : base;
}

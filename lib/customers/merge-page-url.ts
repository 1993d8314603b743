// The merge page's URL state: the search for the surviving customer (`q`) and the one chosen
// (`into`). Lenient like every page's URL: a value that cannot be read is dropped.
import { z } from "zod";
import { singleParam, type SearchParams } from "@/lib/dashboard/search-params";

export type MergePageParams = { q?: string; into?: string };

const mergeParams = z.object({
  q: singleParam.pipe(z.string().max(256).optional()).catch(undefined),
  into: singleParam.pipe(z.string().max(64).optional()).catch(undefined),
});

export function parseMergePageParams(searchParams: SearchParams): MergePageParams {
  return mergeParams.parse(searchParams);
}

export function mergePageHref(sourceId: string, params: MergePageParams = {}): string {
  const query = new URLSearchParams();
  if (params.q) query.set("q", params.q);
  if (params.into) query.set("into", params.into);
  const search = query.toString();
  const path = `/dashboard/customers/${encodeURIComponent(sourceId)}/merge`;
  return search ? `${path}?${search}` : path;
}

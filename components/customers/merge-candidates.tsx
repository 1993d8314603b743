// The merge page's first step: pick the customer that survives. Rows are the API's own list
// (search, or the customers sharing the source's email), each a link that chooses it.
import Link from "next/link";
import { CustomerAvatar } from "@/components/customers/customer-avatar";
import { primaryButton, secondaryButton } from "@/components/ui/styles";
import { listCustomers } from "@/lib/customers/list-customers";
import { mergePageHref, type MergePageParams } from "@/lib/customers/merge-page-url";
import { displayName } from "@/lib/customers/presentation";
import { customerListQuerySchema, type Customer } from "@/lib/customers/schemas";
import type { Scope } from "@/lib/scope";

const CANDIDATES = 10;

export async function MergeCandidates({
  scope,
  source,
  params,
}: {
  scope: Scope;
  source: Customer;
  params: MergePageParams;
}) {
  // Without a search, the likeliest duplicates: other customers with the same email.
  const filter = params.q ? { q: params.q } : source.email ? { email: source.email } : undefined;
  const candidates = filter
    ? (
        await listCustomers(
          scope,
          customerListQuerySchema.parse({ ...filter, limit: String(CANDIDATES + 1) }),
        )
      ).data
        .filter((customer) => customer.id !== source.id)
        .slice(0, CANDIDATES)
    : [];
  return (
    <section aria-labelledby="choose-heading" className="space-y-3">
      <h2 id="choose-heading" className="text-lg font-semibold">
        1. Choose the customer that stays
      </h2>
      <form role="search" method="get" className="flex max-w-xl items-end gap-2">
        <div className="flex-1">
          <label htmlFor="merge-search" className="text-sm font-medium text-slate-800">
            Find by name, email, external ID or ID
          </label>
          <input
            id="merge-search"
            name="q"
            type="search"
            defaultValue={params.q}
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-indigo-600 focus:ring-2 focus:ring-indigo-600 focus:outline-none"
          />
        </div>
        <button type="submit" className={secondaryButton}>
          Search
        </button>
      </form>
      {filter && (
        <p className="text-sm wrap-anywhere text-slate-700">
          {params.q ? `Customers matching “${params.q}”` : `Other customers with the email ${source.email}`}
          {candidates.length === 0 && ": none."}
        </p>
      )}
      {candidates.length > 0 && (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {candidates.map((candidate) => (
            <li
              key={candidate.id}
              className="flex flex-wrap items-center gap-3 px-4 py-3"
              data-candidate-id={candidate.id}
            >
              <CustomerAvatar customer={candidate} />
              <div className="min-w-0 flex-1 text-sm">
                <p className="truncate font-medium text-slate-900">{displayName(candidate)}</p>
                <p className="truncate text-slate-700">
                  {[candidate.email, candidate.externalId, candidate.id].filter(Boolean).join(" · ")}
                </p>
              </div>
              <Link
                className={primaryButton}
                href={mergePageHref(source.id, { q: params.q, into: candidate.id })}
                aria-label={`Merge into ${displayName(candidate)}`}
              >
                Choose
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

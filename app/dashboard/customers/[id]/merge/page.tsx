import type { Metadata } from "next";
import Link from "next/link";
import { mergeIntoAction } from "@/app/dashboard/customers/[id]/actions";
import { CustomerAvatar } from "@/components/customers/customer-avatar";
import { MergeCandidates } from "@/components/customers/merge-candidates";
import { MergeConfirmForm } from "@/components/customers/merge-confirm-form";
import { Alert } from "@/components/ui/alert";
import { textLink } from "@/components/ui/styles";
import { ApiError } from "@/lib/api/errors";
import { mergePageHref, parseMergePageParams } from "@/lib/customers/merge-page-url";
import { previewMerge, type MergePreview } from "@/lib/customers/preview-merge";
import { displayName } from "@/lib/customers/presentation";
import type { Customer } from "@/lib/customers/schemas";
import { getDashboardContext } from "@/lib/dashboard/context";
import { customerOr404 } from "@/lib/dashboard/customer-or-404";
import type { Scope } from "@/lib/scope";

export const metadata: Metadata = { title: "Merge customer" };

// Merge into… (spec/dashboard.md, "Customer page"): pick the surviving customer, preview what
// moves, confirm. The customer whose page this is ({id}) is the one merged away.
export default async function MergePage({
  params,
  searchParams,
}: PageProps<"/dashboard/customers/[id]/merge">) {
  const [{ id }, query, { scope }] = await Promise.all([params, searchParams, getDashboardContext()]);
  const source = await customerOr404(scope, id);
  const state = parseMergePageParams(query);
  return (
    <div className="max-w-3xl space-y-6">
      <Link className={`${textLink} text-sm`} href={`/dashboard/customers/${source.id}`}>
        ← {displayName(source)}
      </Link>
      <div>
        <h1 className="text-2xl font-semibold wrap-anywhere text-slate-900">
          Merge {displayName(source)} into another customer
        </h1>
        <p className="mt-1 text-sm text-slate-700">
          For duplicates of one person: everything of this customer moves to the one you choose, and this
          record is archived, pointing at it.
        </p>
      </div>
      {state.into ? (
        <Preview scope={scope} source={source} targetId={state.into} q={state.q} />
      ) : (
        <MergeCandidates scope={scope} source={source} params={state} />
      )}
    </div>
  );
}

async function Preview({
  scope,
  source,
  targetId,
  q,
}: {
  scope: Scope;
  source: Customer;
  targetId: string;
  q?: string;
}) {
  const chooseAgain = (
    <Link className={textLink} href={mergePageHref(source.id, { q })}>
      Choose another customer
    </Link>
  );
  let preview: MergePreview;
  try {
    preview = await previewMerge(scope, targetId, source.id);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status >= 500) throw error;
    return (
      <Alert tone="error">
        {error.message} {chooseAgain}
      </Alert>
    );
  }
  const { target } = preview;
  const moves: [number, string, string][] = [
    [preview.payments, "payment", "payments"],
    [preview.subscriptions, "subscription", "subscriptions"],
    [preview.invoices, "invoice", "invoices"],
    [preview.checkoutSessions, "checkout session", "checkout sessions"],
    [preview.paymentTokens - preview.duplicatePaymentTokens, "payment token", "payment tokens"],
  ];
  return (
    <section aria-labelledby="preview-heading" className="space-y-4">
      <h2 id="preview-heading" className="text-lg font-semibold">
        2. Check what moves
      </h2>
      <div className="grid gap-3 sm:grid-cols-2">
        <CustomerCard label="Merged away (archived)" customer={source} />
        <CustomerCard label="Stays" customer={target} />
      </div>
      <ul className="list-disc space-y-1 pl-5 text-sm text-slate-800" aria-label="What moves">
        {moves.map(([count, one, many]) => (
          <li key={many} data-moves={many}>
            {count} {count === 1 ? one : many} move to {displayName(target)}
          </li>
        ))}
        {preview.duplicatePaymentTokens > 0 && (
          <li data-moves="duplicate payment tokens">
            {preview.duplicatePaymentTokens} duplicate payment{" "}
            {preview.duplicatePaymentTokens === 1 ? "token is" : "tokens are"} dropped: {displayName(target)}{" "}
            already has the same card or wallet, and its payments point there instead
          </li>
        )}
        <li>
          {displayName(source)} is archived and marked as merged into {displayName(target)}
          {source.externalId && <>; its external ID {source.externalId} is freed</>}
        </li>
        <li>{displayName(target)}&apos;s own details and metadata stay as they are</li>
      </ul>
      <p className="text-sm font-medium text-slate-900">A merge cannot be undone.</p>
      <div className="flex flex-wrap items-center gap-4">
        <MergeConfirmForm
          action={mergeIntoAction.bind(null, source.id, target.id)}
          label={`Merge into ${displayName(target)}`}
        />
        {chooseAgain}
      </div>
    </section>
  );
}

function CustomerCard({ label, customer }: { label: string; customer: Customer }) {
  return (
    <div className="rounded-lg border border-slate-200 p-3 text-sm" data-testid={`card-${label}`}>
      <p className="mb-2 text-xs font-semibold tracking-wide text-slate-600 uppercase">{label}</p>
      <div className="flex items-center gap-3">
        <CustomerAvatar customer={customer} />
        <div className="min-w-0">
          <p className="truncate font-medium text-slate-900">{displayName(customer)}</p>
          <p className="truncate text-slate-700">{customer.email ?? "—"}</p>
          <p className="truncate font-mono text-xs text-slate-600">{customer.id}</p>
        </div>
      </div>
    </div>
  );
}

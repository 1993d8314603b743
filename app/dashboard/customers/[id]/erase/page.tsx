import type { Metadata } from "next";
import Link from "next/link";
import { eraseAction } from "@/app/dashboard/customers/[id]/actions";
import { EraseConfirmForm } from "@/components/customers/erase-confirm-form";
import { Alert } from "@/components/ui/alert";
import { textLink } from "@/components/ui/styles";
import { displayName } from "@/lib/customers/presentation";
import { getDashboardContext } from "@/lib/dashboard/context";
import { customerOr404 } from "@/lib/dashboard/customer-or-404";

export const metadata: Metadata = { title: "Erase personal data" };

// Erase personal data (spec/dashboard.md, "Customer page"): GDPR erasure, the same
// POST /v1/customers/{id}/redact the API offers, confirmed by typing the customer's ID.
export default async function ErasePage({ params }: PageProps<"/dashboard/customers/[id]/erase">) {
  const [{ id }, { scope }] = await Promise.all([params, getDashboardContext()]);
  const customer = await customerOr404(scope, id);
  const back = (
    <Link className={`${textLink} text-sm`} href={`/dashboard/customers/${customer.id}`}>
      ← {displayName(customer)}
    </Link>
  );
  if (customer.redactedAt) {
    return (
      <div className="max-w-2xl space-y-4">
        {back}
        <h1 className="text-2xl font-semibold text-slate-900">Erase personal data</h1>
        <Alert tone="info">This customer&apos;s personal data has already been erased.</Alert>
      </div>
    );
  }
  return (
    <div className="max-w-2xl space-y-5">
      {back}
      <div>
        <h1 className="text-2xl font-semibold wrap-anywhere text-slate-900">
          Erase personal data of {displayName(customer)}
        </h1>
        <p className="mt-1 text-sm text-slate-700">
          For a data-erasure request (GDPR “right to be forgotten”). <strong>This cannot be undone.</strong>
        </p>
      </div>
      <div className="grid gap-4 text-sm sm:grid-cols-2">
        <div>
          <h2 className="mb-1 font-semibold text-slate-900">Erased</h2>
          <ul className="list-disc space-y-1 pl-5 text-slate-800">
            <li>Name, email, phone and tax ID</li>
            <li>All metadata</li>
            <li>The same for every customer that was merged into this one</li>
            <li>
              The same details in this customer&apos;s payments, invoices, checkout sessions, stored events
              and webhook deliveries, scrubbed in the background within moments
            </li>
          </ul>
        </div>
        <div>
          <h2 className="mb-1 font-semibold text-slate-900">Kept</h2>
          <ul className="list-disc space-y-1 pl-5 text-slate-800">
            <li>The customer ID, so payments and invoices still add up</li>
            <li>Amounts, currencies, dates and statuses</li>
            <li>Your external ID, unless it contains the erased details</li>
          </ul>
        </div>
      </div>
      <EraseConfirmForm customerId={customer.id} action={eraseAction.bind(null, customer.id)} />
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import {
  setArchivedAction,
  updateDetailsAction,
  updateMetadataAction,
} from "@/app/dashboard/customers/[id]/actions";
import { Alert } from "@/components/ui/alert";
import { CustomerDetails } from "@/components/customers/customer-details";
import { CustomerHeader } from "@/components/customers/customer-header";
import { CustomerHistory } from "@/components/customers/customer-history";
import { MetadataEditor } from "@/components/customers/metadata-editor";
import { dangerButton, secondaryButton, textLink } from "@/components/ui/styles";
import { parseCustomerPageParams } from "@/lib/customers/customer-page-url";
import { lifetimeRevenue } from "@/lib/customers/lifetime-revenue";
import { getDashboardContext } from "@/lib/dashboard/context";
import { customerOr404 } from "@/lib/dashboard/customer-or-404";

export const metadata: Metadata = { title: "Customer" };

// The lookup runs before anything streams (no loading boundary above this page), so an unknown ID
// answers with a real 404 status, not a 200 that shows the not-found page.
export default async function CustomerPage({ params, searchParams }: PageProps<"/dashboard/customers/[id]">) {
  const [{ id }, query, { scope, workspace }] = await Promise.all([
    params,
    searchParams,
    getDashboardContext(),
  ]);
  const [customer, revenue] = await Promise.all([customerOr404(scope, id), lifetimeRevenue(scope, id)]);
  const archived = customer.archivedAt !== null;
  const pageParams = parseCustomerPageParams(query);
  return (
    <div className="max-w-5xl space-y-6">
      <Link className={`${textLink} text-sm`} href="/dashboard/customers">
        ← Customers
      </Link>
      {pageParams.merged && (
        <Alert tone="success">
          Merged {pageParams.merged} into this customer: its payments, subscriptions, invoices and payment
          tokens are here now.
        </Alert>
      )}
      <CustomerHeader customer={customer} revenue={revenue} timeZone={workspace.timeZone} />
      <div className="flex flex-wrap gap-2" aria-label="Customer actions" role="group">
        {/* A merged customer stays archived: its history lives on the customer it was merged into. */}
        {!customer.mergedIntoId && (
          <form action={setArchivedAction.bind(null, customer.id, !archived)}>
            <button type="submit" className={secondaryButton}>
              {archived ? "Unarchive" : "Archive"}
            </button>
          </form>
        )}
        {!customer.mergedIntoId && !customer.redactedAt && (
          <Link className={secondaryButton} href={`/dashboard/customers/${customer.id}/merge`}>
            Merge into…
          </Link>
        )}
        {!customer.redactedAt && (
          <Link className={dangerButton} href={`/dashboard/customers/${customer.id}/erase`}>
            Erase personal data
          </Link>
        )}
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <CustomerDetails
          customer={customer}
          personalDataErased={customer.redactedAt !== null}
          action={updateDetailsAction.bind(null, customer.id)}
        />
        <MetadataEditor
          // A fresh editor whenever the saved map changes (after a save, or an edit elsewhere).
          key={customer.updatedAt}
          metadata={customer.metadata}
          action={updateMetadataAction.bind(null, customer.id)}
        />
      </div>
      <CustomerHistory
        customerId={customer.id}
        params={pageParams}
        scope={scope}
        timeZone={workspace.timeZone}
      />
    </div>
  );
}

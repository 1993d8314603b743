import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CustomerAvatar } from "@/components/customers/customer-avatar";
import { textLink } from "@/components/ui/styles";
import { ApiError } from "@/lib/api/errors";
import { retrieveCustomer } from "@/lib/customers/retrieve-customer";
import { displayName, formatShortDate } from "@/lib/customers/presentation";
import { getDashboardContext } from "@/lib/dashboard/context";

export const metadata: Metadata = { title: "Customer" };

async function findCustomer(id: string) {
  const { scope } = await getDashboardContext();
  try {
    return await retrieveCustomer(scope, id);
  } catch (error) {
    // Unknown, another workspace's or the other mode's: all the same 404.
    if (error instanceof ApiError && error.code === "resource_missing") notFound();
    throw error;
  }
}

export default async function CustomerPage({ params }: PageProps<"/dashboard/customers/[id]">) {
  const { id } = await params;
  const [customer, { workspace }] = await Promise.all([findCustomer(id), getDashboardContext()]);
  const details: [string, string | null][] = [
    ["ID", customer.id],
    ["Email", customer.email],
    ["Phone", customer.phone],
    ["External ID", customer.externalId],
    ["Tax ID", customer.taxId],
  ];
  const metadata = Object.entries(customer.metadata);
  return (
    <div className="space-y-6">
      <Link className={`${textLink} text-sm`} href="/dashboard/customers">
        ← Customers
      </Link>
      <header className="flex flex-wrap items-center gap-4">
        <CustomerAvatar customer={customer} size="lg" />
        <div className="min-w-0">
          <h1 className="truncate text-2xl font-semibold">{displayName(customer)}</h1>
          <p className="text-sm text-slate-700">{customer.email ?? "—"}</p>
          <p className="text-sm text-slate-600">
            Customer since{" "}
            <time dateTime={customer.createdAt}>
              {formatShortDate(customer.createdAt, workspace.timeZone)}
            </time>
            {customer.archivedAt && " · Archived"}
          </p>
        </div>
      </header>
      <section aria-labelledby="details-heading">
        <h2 id="details-heading" className="mb-2 text-lg font-semibold">
          Details
        </h2>
        <dl className="grid max-w-2xl grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
          {details.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-medium text-slate-700">{label}</dt>
              <dd className="break-all text-slate-900">{value ?? "—"}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="metadata-heading">
        <h2 id="metadata-heading" className="mb-2 text-lg font-semibold">
          Metadata
        </h2>
        {metadata.length === 0 ? (
          <p className="text-sm text-slate-600">No metadata.</p>
        ) : (
          <table className="max-w-2xl text-sm">
            <thead>
              <tr>
                <th scope="col" className="pr-6 text-left font-medium text-slate-700">
                  Key
                </th>
                <th scope="col" className="text-left font-medium text-slate-700">
                  Value
                </th>
              </tr>
            </thead>
            <tbody>
              {metadata.map(([key, value]) => (
                <tr key={key}>
                  <td className="pr-6 font-mono break-all">{key}</td>
                  <td className="break-all">{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

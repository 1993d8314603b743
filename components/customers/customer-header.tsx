// The top of the customer page (spec/dashboard.md, "Customer page"): avatar, name (or ID), email,
// lifetime revenue per currency and the customer-since date, plus what state the record is in.
import Link from "next/link";
import { CustomerAvatar } from "@/components/customers/customer-avatar";
import { textLink } from "@/components/ui/styles";
import type { RevenueByCurrency } from "@/lib/customers/lifetime-revenue";
import { displayName, formatShortDate } from "@/lib/customers/presentation";
import type { Customer } from "@/lib/customers/schemas";
import { formatMoney } from "@/lib/money/format-money";

export function CustomerHeader({
  customer,
  revenue,
  timeZone,
}: {
  customer: Customer;
  revenue: RevenueByCurrency;
  timeZone: string;
}) {
  return (
    <header className="space-y-3">
      <div className="flex flex-wrap items-center gap-4">
        <CustomerAvatar customer={customer} size="lg" />
        <div className="min-w-0 flex-1">
          <h1 className="text-2xl font-semibold wrap-anywhere text-slate-900">{displayName(customer)}</h1>
          <p className="text-sm wrap-anywhere text-slate-700">{customer.email ?? "—"}</p>
        </div>
      </div>
      <dl className="flex flex-wrap gap-x-8 gap-y-2 text-sm">
        <div>
          <dt className="text-slate-600">Lifetime revenue</dt>
          <dd className="font-medium text-slate-900 tabular-nums" data-testid="lifetime-revenue">
            {revenue.length === 0
              ? "—"
              : revenue.map(({ currency, amount }, index) => (
                  <span key={currency}>
                    {index > 0 && <span className="text-slate-500"> · </span>}
                    <span className="whitespace-nowrap">{formatMoney(amount, currency)}</span>
                  </span>
                ))}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">Customer since</dt>
          <dd className="font-medium text-slate-900">
            <time dateTime={customer.createdAt}>{formatShortDate(customer.createdAt, timeZone)}</time>
          </dd>
        </div>
      </dl>
      <CustomerStatus customer={customer} timeZone={timeZone} />
    </header>
  );
}

function CustomerStatus({ customer, timeZone }: { customer: Customer; timeZone: string }) {
  const notes = [];
  if (customer.redactedAt) {
    notes.push(
      <li key="redacted">
        Personal data erased on{" "}
        <time dateTime={customer.redactedAt}>{formatShortDate(customer.redactedAt, timeZone)}</time>. The
        record stays so that its payments remain.
      </li>,
    );
  }
  if (customer.mergedIntoId) {
    notes.push(
      <li key="merged">
        Merged into{" "}
        <Link className={textLink} href={`/dashboard/customers/${customer.mergedIntoId}`}>
          {customer.mergedIntoId}
        </Link>
        ; its payments, subscriptions and invoices moved there.
      </li>,
    );
  }
  if (customer.archivedAt) {
    notes.push(
      <li key="archived">
        Archived on{" "}
        <time dateTime={customer.archivedAt}>{formatShortDate(customer.archivedAt, timeZone)}</time>: hidden
        from the customers list unless it shows archived customers.
      </li>,
    );
  }
  if (notes.length === 0) return null;
  return (
    <ul
      className="space-y-1 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
      data-testid="customer-status"
    >
      {notes}
    </ul>
  );
}

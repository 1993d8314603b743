import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PayForm } from "@/app/checkout/[id]/pay-form";
import { findCheckoutForPayer } from "@/lib/checkout/retrieve-checkout-session";
import { formatShortDate } from "@/lib/customers/presentation";
import { formatMoney } from "@/lib/money/format-money";

export const metadata: Metadata = { title: "Checkout", robots: { index: false, follow: false } };

// The payer's page: no sign-in, only the session id. Shows the open checkout, its receipt once paid,
// or that it expired.
export default async function CheckoutPage({ params }: PageProps<"/checkout/[id]">) {
  const { id } = await params;
  const checkout = await findCheckoutForPayer(id);
  if (!checkout) notFound();
  const { session, merchantName } = checkout;
  const amount = formatMoney(session.amount, session.currency);
  return (
    <main className="flex min-h-screen flex-col items-center bg-slate-50 px-4 py-10">
      <div className="w-full max-w-md space-y-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <div>
          <p className="text-sm font-medium text-slate-600">{merchantName}</p>
          <p className="mt-1 text-3xl font-semibold text-slate-900" data-testid="checkout-amount">
            {amount}
          </p>
          {session.description && <p className="mt-1 text-slate-700">{session.description}</p>}
          {!session.livemode && (
            <p className="mt-2 inline-block rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-950">
              Test mode
            </p>
          )}
        </div>
        {session.status === "complete" ? (
          <section aria-labelledby="receipt-heading" className="space-y-2">
            <h1 id="receipt-heading" className="text-xl font-semibold text-emerald-800">
              Payment received
            </h1>
            <p className="text-sm text-slate-700">Thank you. {merchantName} has received your payment.</p>
            <dl className="grid grid-cols-[8rem_1fr] gap-y-1 text-sm">
              <dt className="text-slate-600">Amount</dt>
              <dd>{amount}</dd>
              <dt className="text-slate-600">Receipt</dt>
              <dd className="font-mono break-all">{session.paymentId}</dd>
              {session.completedAt && (
                <>
                  <dt className="text-slate-600">Date</dt>
                  <dd>
                    <time dateTime={session.completedAt}>{formatShortDate(session.completedAt)}</time>
                  </dd>
                </>
              )}
            </dl>
          </section>
        ) : session.status === "expired" ? (
          <section className="space-y-2">
            <h1 className="text-xl font-semibold">This checkout has expired</h1>
            <p className="text-sm text-slate-700">Ask {merchantName} for a new payment link.</p>
          </section>
        ) : session.livemode ? (
          <section className="space-y-2">
            <h1 className="text-xl font-semibold">Pay {merchantName}</h1>
            <p className="text-sm text-slate-700">Card payments are not available for live checkouts yet.</p>
          </section>
        ) : (
          <section aria-labelledby="pay-heading" className="space-y-4">
            <h1 id="pay-heading" className="text-xl font-semibold">
              Pay {merchantName}
            </h1>
            <PayForm sessionId={session.id} email={session.customerEmail} amount={amount} />
          </section>
        )}
      </div>
    </main>
  );
}

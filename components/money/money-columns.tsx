// The columns of payments, subscriptions and invoices tables: one definition each, shared by the
// list pages and the customer page's tabs (which leave the Customer column out).
import { CustomerCell, StatusBadge, type Column } from "@/components/money/money-list";
import { formatShortDate } from "@/lib/customers/presentation";
import type { Invoice } from "@/lib/invoices/schemas";
import { formatMoney } from "@/lib/money/format-money";
import type { Payment } from "@/lib/payments/schemas";
import type { Subscription } from "@/lib/subscriptions/schemas";

type Options = { timeZone: string; withCustomer: boolean };

const amountClass = "font-medium whitespace-nowrap text-slate-900 tabular-nums";

function dateColumn<T>(header: string, iso: (row: T) => string, timeZone: string): Column<T> {
  return {
    header,
    cell: (row) => <time dateTime={iso(row)}>{formatShortDate(iso(row), timeZone)}</time>,
    className: "whitespace-nowrap",
  };
}

function customerColumn<T extends { customerId: string | null }>(): Column<T> {
  return {
    header: "Customer",
    cell: (row, names) => <CustomerCell customerId={row.customerId} names={names} />,
    className: "max-w-xs",
    showsCustomer: true,
  };
}

export function paymentColumns({ timeZone, withCustomer }: Options): Column<Payment>[] {
  return [
    {
      header: "Amount",
      cell: (payment) => formatMoney(payment.amount, payment.currency),
      className: amountClass,
    },
    { header: "Status", cell: (payment) => <StatusBadge status={payment.status} /> },
    ...(withCustomer ? [customerColumn<Payment>()] : []),
    { header: "Description", cell: (payment) => payment.description ?? "", className: "max-w-xs truncate" },
    dateColumn<Payment>("Created", (payment) => payment.createdAt, timeZone),
  ];
}

export function subscriptionColumns({ timeZone, withCustomer }: Options): Column<Subscription>[] {
  return [
    ...(withCustomer ? [customerColumn<Subscription>()] : []),
    { header: "Status", cell: (subscription) => <StatusBadge status={subscription.status} /> },
    {
      header: "Amount",
      cell: (subscription) =>
        `${formatMoney(subscription.amount, subscription.currency)} / ${subscription.interval}`,
      className: amountClass,
    },
    dateColumn<Subscription>(
      "Current period ends",
      (subscription) => subscription.currentPeriodEnd,
      timeZone,
    ),
    dateColumn<Subscription>("Created", (subscription) => subscription.createdAt, timeZone),
  ];
}

export function invoiceColumns({ timeZone, withCustomer }: Options): Column<Invoice>[] {
  return [
    { header: "Number", cell: (invoice) => invoice.number, className: "font-mono text-xs whitespace-nowrap" },
    ...(withCustomer ? [customerColumn<Invoice>()] : []),
    { header: "Status", cell: (invoice) => <StatusBadge status={invoice.status} /> },
    {
      header: "Amount due",
      cell: (invoice) => formatMoney(invoice.amountDue, invoice.currency),
      className: amountClass,
    },
    dateColumn<Invoice>("Created", (invoice) => invoice.createdAt, timeZone),
  ];
}

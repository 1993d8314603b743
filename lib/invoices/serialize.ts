import type { Invoice as InvoiceRow } from "@/lib/generated/prisma/client";
import type { Invoice } from "@/lib/invoices/schemas";
import { toJsonInteger } from "@/lib/money/minor-units";

/** The public invoice object, field by field: the API, events and the dashboard all use it. */
export function serializeInvoice(row: InvoiceRow): Invoice {
  return {
    id: row.id,
    object: "invoice",
    customerId: row.customerId,
    subscriptionId: row.subscriptionId,
    number: row.number,
    status: row.status as Invoice["status"],
    amountDue: toJsonInteger(row.amountDue),
    currency: row.currency,
    customerName: row.customerName,
    customerEmail: row.customerEmail,
    customerTaxId: row.customerTaxId,
    livemode: row.livemode,
    createdAt: row.createdAt.toISOString(),
  };
}

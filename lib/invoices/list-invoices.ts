import "server-only";
import { listByCreatedAt, type CreatedAtListQuery } from "@/lib/api/created-at-list";
import { prisma } from "@/lib/db/prisma";
import type { Db } from "@/lib/db/transaction";
import { Prisma, type Invoice as InvoiceRow } from "@/lib/generated/prisma/client";
import type { Scope } from "@/lib/scope";
import type { Invoice } from "@/lib/invoices/schemas";
import { serializeInvoice } from "@/lib/invoices/serialize";

export type InvoicePage = { data: Invoice[]; hasMore: boolean; nextCursor: string | null };

const INVOICE_COLUMNS = Prisma.sql`
  id, workspace_id AS "workspaceId", livemode, customer_id AS "customerId",
  subscription_id AS "subscriptionId", number, status, amount_due AS "amountDue", currency,
  customer_name AS "customerName", customer_email AS "customerEmail",
  customer_tax_id AS "customerTaxId", created_at AS "createdAt", updated_at AS "updatedAt"`;

/** One page of invoices, newest first, optionally one customer's (lib/api/created-at-list.ts). */
export async function listInvoices(
  scope: Scope,
  query: CreatedAtListQuery,
  db: Db = prisma,
): Promise<InvoicePage> {
  const page = await listByCreatedAt<InvoiceRow>(db, scope, "invoices", INVOICE_COLUMNS, query);
  return { data: page.rows.map(serializeInvoice), hasMore: page.hasMore, nextCursor: page.nextCursor };
}

import "server-only";
import { ApiError } from "@/lib/api/errors";
import { prisma } from "@/lib/db/prisma";
import { inTransaction, type Db } from "@/lib/db/transaction";
import type { Prisma } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";
import type { Scope } from "@/lib/scope";
import type { Invoice } from "@/lib/invoices/schemas";
import { serializeInvoice } from "@/lib/invoices/serialize";

export type IssueInvoiceInput = {
  customerId: string;
  subscriptionId?: string | null;
  /** Minor units. */
  amountDue: bigint | number;
  currency: string;
  status?: Invoice["status"];
};

// Numbers this function gives: INV-000001 (live) and TEST-000001 (test mode), one sequence per
// workspace and mode. Numbers in any other shape (the demo seed's TEST-0001-1) never match it.
const NUMBER_PATTERN = "^(?:INV|TEST)-([0-9]+)$";

/**
 * Issues an invoice to a customer, copying the customer's name, email and tax ID onto it as they
 * are now: an invoice is a legal document, so later edits to the customer never change it. Runs
 * in one transaction; a per-workspace-and-mode advisory lock hands out the next number, so two
 * concurrent issues never draw the same one.
 */
export async function issueInvoice(
  scope: Scope,
  input: IssueInvoiceInput,
  db: Db = prisma,
): Promise<Invoice> {
  const amountDue = BigInt(input.amountDue);
  if (amountDue < BigInt(0)) {
    throw new ApiError("parameter_invalid", "amountDue: must be zero or more", { param: "amountDue" });
  }
  if (!/^[A-Z]{3}$/.test(input.currency)) {
    throw new ApiError("parameter_invalid", "currency: must be a three-letter ISO 4217 code", {
      param: "currency",
    });
  }
  return inTransaction(db, async (tx) => {
    const customer = await tx.customer.findUnique({
      where: { workspaceId_id: { workspaceId: scope.workspaceId, id: input.customerId } },
      select: { livemode: true, name: true, email: true, taxId: true },
    });
    if (!customer || customer.livemode !== scope.livemode) {
      throw new ApiError("parameter_invalid", "customerId: no such customer", { param: "customerId" });
    }
    if (input.subscriptionId) {
      const subscription = await tx.subscription.findUnique({
        where: { workspaceId_id: { workspaceId: scope.workspaceId, id: input.subscriptionId } },
        select: { livemode: true, customerId: true },
      });
      if (
        !subscription ||
        subscription.livemode !== scope.livemode ||
        subscription.customerId !== input.customerId
      ) {
        throw new ApiError("parameter_invalid", "subscriptionId: must name a subscription of this customer", {
          param: "subscriptionId",
        });
      }
    }
    const row = await tx.invoice.create({
      data: {
        id: newId("invoice"),
        workspaceId: scope.workspaceId,
        livemode: scope.livemode,
        customerId: input.customerId,
        subscriptionId: input.subscriptionId ?? null,
        number: await nextInvoiceNumber(tx, scope),
        status: input.status ?? "open",
        amountDue,
        currency: input.currency,
        customerName: customer.name,
        customerEmail: customer.email,
        customerTaxId: customer.taxId,
      },
    });
    return serializeInvoice(row);
  });
}

/** The next number of this workspace and mode; holds a lock on the sequence until the transaction ends. */
async function nextInvoiceNumber(tx: Prisma.TransactionClient, scope: Scope): Promise<string> {
  const mode = scope.livemode ? "live" : "test";
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`invoice-number:${scope.workspaceId}:${mode}`}, 0))`;
  // An index-only scan of the scope's invoice numbers, (workspace_id, livemode, number).
  const [{ last }] = await tx.$queryRaw<{ last: bigint | null }[]>`
    SELECT max(substring(number FROM ${NUMBER_PATTERN})::bigint) AS last FROM invoices
    WHERE workspace_id = ${scope.workspaceId} AND livemode = ${scope.livemode} AND number ~ ${NUMBER_PATTERN}`;
  const next = (last ?? BigInt(0)) + BigInt(1);
  return `${scope.livemode ? "INV" : "TEST"}-${next.toString().padStart(6, "0")}`;
}

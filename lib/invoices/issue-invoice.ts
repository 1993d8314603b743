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

/**
 * Issues an invoice to a customer, copying the customer's name, email and tax ID onto it as they
 * are now: an invoice is a legal document, so later edits to the customer never change it. Runs
 * in one transaction, which holds its workspace and mode's number sequence row until it ends, so
 * two concurrent issues never draw the same number and a rolled-back issue gives its number back.
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

/**
 * The next number of this workspace and mode: INV-000001 (live) and TEST-000001 (test mode), from
 * its row of invoice_number_sequences, which stays locked until the transaction ends. Numbers in
 * any other shape (the demo seed's TEST-0001-1) are not drawn from it.
 */
async function nextInvoiceNumber(tx: Prisma.TransactionClient, scope: Scope): Promise<string> {
  const [{ next }] = await tx.$queryRaw<{ next: bigint }[]>`
    INSERT INTO invoice_number_sequences AS sequence (workspace_id, livemode, last_number)
    VALUES (${scope.workspaceId}, ${scope.livemode}, 1)
    ON CONFLICT (workspace_id, livemode) DO UPDATE SET last_number = sequence.last_number + 1
    RETURNING last_number AS next`;
  return `${scope.livemode ? "INV" : "TEST"}-${next.toString().padStart(6, "0")}`;
}

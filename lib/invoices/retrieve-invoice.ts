import "server-only";
import { notFound } from "@/lib/api/errors";
import { prisma } from "@/lib/db/prisma";
import type { Db } from "@/lib/db/transaction";
import type { Scope } from "@/lib/scope";
import type { Invoice } from "@/lib/invoices/schemas";
import { serializeInvoice } from "@/lib/invoices/serialize";

/** Another workspace's or mode's invoice is "not found", exactly as if it did not exist. */
export async function retrieveInvoice(scope: Scope, id: string, db: Db = prisma): Promise<Invoice> {
  const row = await db.invoice.findUnique({
    where: { workspaceId_id: { workspaceId: scope.workspaceId, id } },
  });
  if (!row || row.livemode !== scope.livemode) throw notFound("invoice", id);
  return serializeInvoice(row);
}

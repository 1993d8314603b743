import "server-only";
import { notFound } from "@/lib/api/errors";
import { prisma } from "@/lib/db/prisma";
import type { Db } from "@/lib/db/transaction";
import type { Scope } from "@/lib/scope";
import type { Payment } from "@/lib/payments/schemas";
import { serializePayment } from "@/lib/payments/serialize";

/** Another workspace's or mode's payment is "not found", exactly as if it did not exist. */
export async function retrievePayment(scope: Scope, id: string, db: Db = prisma): Promise<Payment> {
  const row = await db.payment.findUnique({
    where: { workspaceId_id: { workspaceId: scope.workspaceId, id } },
  });
  if (!row || row.livemode !== scope.livemode) throw notFound("payment", id);
  return serializePayment(row);
}

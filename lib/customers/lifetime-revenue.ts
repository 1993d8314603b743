import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Db } from "@/lib/db/transaction";
import type { Scope } from "@/lib/scope";

export type RevenueByCurrency = { currency: string; amount: bigint }[];

/**
 * What a customer has paid, per currency: succeeded payments minus what was refunded of them (a
 * fully refunded payment has status "refunded" and adds nothing; a partial refund leaves the
 * payment "succeeded" with amountRefunded set). One aggregate over the customer's payments,
 * served by the (workspace_id, livemode, customer_id, created_at, id) index.
 */
export async function lifetimeRevenue(
  scope: Scope,
  customerId: string,
  db: Db = prisma,
): Promise<RevenueByCurrency> {
  const rows = await db.$queryRaw<{ currency: string; amount: bigint }[]>`
    SELECT currency, SUM(amount - amount_refunded)::bigint AS amount
    FROM payments
    WHERE workspace_id = ${scope.workspaceId} AND livemode = ${scope.livemode}
      AND customer_id = ${customerId} AND status IN ('succeeded', 'refunded')
    GROUP BY currency
    ORDER BY currency`;
  return rows.filter((row) => row.amount !== BigInt(0));
}

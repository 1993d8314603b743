import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Db } from "@/lib/db/transaction";
import type { Scope } from "@/lib/scope";
import { customerNotFound } from "@/lib/customers/errors";
import type { Customer } from "@/lib/customers/schemas";
import { serializeCustomer } from "@/lib/customers/serialize";

/** Another workspace's or mode's customer is "not found", exactly as if it did not exist. */
export async function retrieveCustomer(scope: Scope, id: string, db: Db = prisma): Promise<Customer> {
  const row = await db.customer.findUnique({
    where: { workspaceId_id: { workspaceId: scope.workspaceId, id } },
  });
  if (!row || row.livemode !== scope.livemode) throw customerNotFound(id);
  return serializeCustomer(row);
}

import "server-only";
import { listByCreatedAt, type CreatedAtListQuery } from "@/lib/api/created-at-list";
import { prisma } from "@/lib/db/prisma";
import type { Db } from "@/lib/db/transaction";
import { Prisma, type Payment as PaymentRow } from "@/lib/generated/prisma/client";
import type { Scope } from "@/lib/scope";
import type { Payment } from "@/lib/payments/schemas";
import { serializePayment } from "@/lib/payments/serialize";

export type PaymentPage = { data: Payment[]; hasMore: boolean; nextCursor: string | null };

const PAYMENT_COLUMNS = Prisma.sql`
  id, workspace_id AS "workspaceId", livemode, customer_id AS "customerId",
  payment_token_id AS "paymentTokenId", checkout_session_id AS "checkoutSessionId", amount,
  amount_refunded AS "amountRefunded", currency, status, email, name, description, metadata,
  created_at AS "createdAt", updated_at AS "updatedAt"`;

/** One page of payments, newest first, optionally one customer's (lib/api/created-at-list.ts). */
export async function listPayments(
  scope: Scope,
  query: CreatedAtListQuery,
  db: Db = prisma,
): Promise<PaymentPage> {
  const page = await listByCreatedAt<PaymentRow>(db, scope, "payments", PAYMENT_COLUMNS, query);
  return { data: page.rows.map(serializePayment), hasMore: page.hasMore, nextCursor: page.nextCursor };
}

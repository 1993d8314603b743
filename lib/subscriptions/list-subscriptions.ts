import "server-only";
import { listByCreatedAt, type CreatedAtListQuery } from "@/lib/api/created-at-list";
import { prisma } from "@/lib/db/prisma";
import type { Db } from "@/lib/db/transaction";
import { Prisma, type Subscription as SubscriptionRow } from "@/lib/generated/prisma/client";
import type { Scope } from "@/lib/scope";
import type { Subscription } from "@/lib/subscriptions/schemas";
import { serializeSubscription } from "@/lib/subscriptions/serialize";

export type SubscriptionPage = { data: Subscription[]; hasMore: boolean; nextCursor: string | null };

const SUBSCRIPTION_COLUMNS = Prisma.sql`
  id, workspace_id AS "workspaceId", livemode, customer_id AS "customerId", status, amount, currency,
  interval, current_period_end AS "currentPeriodEnd", canceled_at AS "canceledAt", metadata,
  created_at AS "createdAt", updated_at AS "updatedAt"`;

/** One page of subscriptions, newest first, optionally one customer's (lib/api/created-at-list.ts). */
export async function listSubscriptions(
  scope: Scope,
  query: CreatedAtListQuery,
  db: Db = prisma,
): Promise<SubscriptionPage> {
  const page = await listByCreatedAt<SubscriptionRow>(
    db,
    scope,
    "subscriptions",
    SUBSCRIPTION_COLUMNS,
    query,
  );
  return { data: page.rows.map(serializeSubscription), hasMore: page.hasMore, nextCursor: page.nextCursor };
}

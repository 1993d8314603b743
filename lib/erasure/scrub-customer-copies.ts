import "server-only";
// The erasure job's work: after a redaction, erase the same personal data from every copy the
// database keeps, in one transaction, then clear the customer's scrub_pending_since. Safe to run
// again (pg-boss retries, the sweep, a second notification): a scrubbed customer is a no-op and
// scrubbing scrubbed data changes nothing. It never logs or returns a personal value.
import { prisma } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Scope } from "@/lib/scope";
import { lockCustomers } from "@/lib/customers/lock-customers";
import { customersMergedInto } from "@/lib/customers/merge-graph";
import {
  loadCustomerHistory,
  loadOwnedRecords,
  personalValuesOf,
  type EventRow,
  type OwnedRecords,
} from "@/lib/erasure/customer-records";
import {
  changes,
  erasureOf,
  redactText,
  scrubEventData,
  scrubJson,
  type Erasure,
} from "@/lib/erasure/erase-values";
import type { ScrubRef } from "@/lib/erasure/scrub-signal";

/** A webhook attempt of an event being scrubbed is in flight: its receiver's answer could echo the old data. */
export class DeliveriesInFlight extends Error {
  constructor() {
    super("webhook attempts of this customer's events are in flight; the erasure retries later");
    this.name = "DeliveriesInFlight";
  }
}

const json = (value: unknown) => value as Prisma.InputJsonValue;

/** Returns false when there was nothing (left) to scrub. */
export async function scrubCustomerCopies(ref: ScrubRef): Promise<boolean> {
  return prisma.$transaction(
    async (tx) => {
      const root = await tx.customer.findUnique({
        where: { workspaceId_id: { workspaceId: ref.workspaceId, id: ref.customerId } },
        select: { livemode: true },
      });
      if (!root) return false;
      const scope: Scope = { workspaceId: ref.workspaceId, livemode: root.livemode };
      // The customers merged into it were redacted with it (lib/customers/redact-customer.ts).
      const family = [ref.customerId, ...(await customersMergedInto(tx, scope, ref.customerId))];
      const rows = (await lockCustomers(tx, scope, family)).filter((row) => row.redactedAt);
      if (!rows.some((row) => row.id === ref.customerId && row.scrubPendingSince)) return false;
      const ids = rows.map((row) => row.id);

      const history = await loadCustomerHistory(tx, scope, ids);
      const owned = await loadOwnedRecords(tx, scope, ids);
      const erasure = erasureOf(ids, personalValuesOf(history, owned));
      const events = scrubbedEvents([...history.events, ...owned.events], erasure);
      await scrubDeliveries(tx, scope, events, erasure);
      for (const event of events.changed) {
        await tx.event.update({
          where: { workspaceId_id: { workspaceId: scope.workspaceId, id: event.id } },
          data: { data: json(event.data) },
        });
      }
      await scrubOwnedRows(tx, scope, ids, owned, erasure);
      await scrubStoredResponses(tx, scope, ids, erasure);
      // Raw SQL: Prisma would also move updatedAt, and the tombstone has not changed.
      await tx.$executeRaw`
        UPDATE customers SET scrub_pending_since = NULL
        WHERE workspace_id = ${scope.workspaceId} AND livemode = ${scope.livemode} AND id = ANY(${ids}::text[])`;
      return true;
    },
    { maxWait: 10_000, timeout: 120_000 },
  );
}

function scrubbedEvents(rows: EventRow[], erasure: Erasure) {
  const changed: EventRow[] = [];
  for (const row of rows) {
    const data = scrubEventData(row.data, erasure);
    if (changes(row.data, data)) changed.push({ ...row, data: data as Prisma.JsonValue });
  }
  return { all: rows.map((row) => row.id), changed };
}

/**
 * Receivers' answers recorded on the deliveries of these events. Their rows are locked first, so
 * the webhook worker cannot claim them meanwhile (it skips locked rows); an attempt already in
 * flight for an event that still holds personal data would record an echo of it after we are done,
 * so the job gives way and is retried (pg-boss) once the attempt has finished.
 */
async function scrubDeliveries(
  tx: Prisma.TransactionClient,
  scope: Scope,
  events: { all: string[]; changed: EventRow[] },
  erasure: Erasure,
): Promise<void> {
  if (!events.all.length) return;
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { workspaceId: scope.workspaceId, livemode: scope.livemode },
    select: { id: true },
  });
  if (!endpoints.length) return;
  const deliveries = await tx.$queryRaw<
    { id: string; event_id: string; in_flight: boolean; response_body: string | null; error: string | null }[]
  >`
    SELECT id, event_id, (status = 'pending' AND locked_until > now()) AS in_flight, response_body, error
    FROM webhook_deliveries
    WHERE workspace_id = ${scope.workspaceId}
      AND endpoint_id = ANY(${endpoints.map((endpoint) => endpoint.id)}::text[])
      AND event_id = ANY(${events.all}::text[])
    ORDER BY id
    FOR UPDATE`;
  const changedEvents = new Set(events.changed.map((event) => event.id));
  if (deliveries.some((delivery) => delivery.in_flight && changedEvents.has(delivery.event_id))) {
    throw new DeliveriesInFlight();
  }
  for (const delivery of deliveries) {
    const responseBody = delivery.response_body === null ? null : redactText(delivery.response_body, erasure);
    const error = delivery.error === null ? null : redactText(delivery.error, erasure);
    if (responseBody === delivery.response_body && error === delivery.error) continue;
    await tx.webhookDelivery.update({
      where: { workspaceId_id: { workspaceId: scope.workspaceId, id: delivery.id } },
      data: { responseBody, error },
    });
  }
}

/** The customers' payments, checkout sessions, invoices and subscriptions. */
async function scrubOwnedRows(
  tx: Prisma.TransactionClient,
  scope: Scope,
  ids: string[],
  owned: OwnedRecords,
  erasure: Erasure,
): Promise<void> {
  const where = (id: string) => ({ workspaceId_id: { workspaceId: scope.workspaceId, id } });
  const text = (value: string | null) => (value === null ? null : redactText(value, erasure));
  for (const payment of owned.payments) {
    const { email, name, description, metadata } = payment;
    const data = {
      email: null,
      name: null,
      description: text(description),
      metadata: scrubJson(metadata, erasure),
    };
    if (changes({ email, name, description, metadata }, data)) {
      await tx.payment.update({ where: where(payment.id), data: { ...data, metadata: json(data.metadata) } });
    }
  }
  for (const session of owned.sessions) {
    const { customerEmail, description, metadata } = session;
    const data = {
      customerEmail: null,
      description: text(description),
      metadata: scrubJson(metadata, erasure),
    };
    if (changes({ customerEmail, description, metadata }, data)) {
      await tx.checkoutSession.update({
        where: where(session.id),
        data: { ...data, metadata: json(data.metadata) },
      });
    }
  }
  // Decision 24 keeps an invoice's snapshot as issued; an erasure is the one exception.
  await tx.invoice.updateMany({
    where: {
      workspaceId: scope.workspaceId,
      livemode: scope.livemode,
      customerId: { in: ids },
      OR: [
        { customerName: { not: null } },
        { customerEmail: { not: null } },
        { customerTaxId: { not: null } },
      ],
    },
    data: { customerName: null, customerEmail: null, customerTaxId: null },
  });
  for (const subscription of owned.subscriptions) {
    const metadata = scrubJson(subscription.metadata, erasure);
    if (changes(subscription.metadata, metadata)) {
      await tx.subscription.update({ where: where(subscription.id), data: { metadata: json(metadata) } });
    }
  }
}

/**
 * Responses stored under Idempotency-Keys (kept 24 hours) that show the customers: a replay must
 * not bring the erased data back. Found by the customers' ids or identifiers in the body.
 */
async function scrubStoredResponses(
  tx: Prisma.TransactionClient,
  scope: Scope,
  ids: string[],
  erasure: Erasure,
): Promise<void> {
  const patterns = [...ids, ...erasure.values.identifiers].map(
    (value) => `%${value.replace(/[\\%_]/g, "\\$&")}%`,
  );
  const stored = await tx.$queryRaw<{ key: string; response_body: Prisma.JsonValue }[]>`
    SELECT key, response_body FROM idempotency_keys
    WHERE workspace_id = ${scope.workspaceId} AND livemode = ${scope.livemode}
      AND response_body::text ILIKE ANY(${patterns}::text[])
    FOR UPDATE`;
  for (const row of stored) {
    const body = scrubJson(row.response_body, erasure);
    if (!changes(row.response_body, body)) continue;
    await tx.idempotencyKey.update({
      where: {
        workspaceId_livemode_key: { workspaceId: scope.workspaceId, livemode: scope.livemode, key: row.key },
      },
      data: { responseBody: json(body) },
    });
  }
}

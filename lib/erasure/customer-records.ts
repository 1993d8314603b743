import "server-only";
// Where a customer's personal data has copies: its own row and events (every email, name, phone
// and tax ID it ever had, through customer.created/updated objects and previousAttributes), its
// payments, checkout sessions, invoices and subscriptions, and the events about those.
import type {
  CheckoutSession,
  Customer as CustomerRow,
  Invoice,
  Payment,
  Prisma,
  Subscription,
} from "@/lib/generated/prisma/client";
import type { Scope } from "@/lib/scope";
import { personalValues, type PersonalValues } from "@/lib/erasure/erase-values";

export type EventRow = { id: string; objectId: string; data: Prisma.JsonValue };

/** The customers themselves and the events about them. */
export type CustomerHistory = { customers: CustomerRow[]; events: EventRow[] };

/** What belongs to the customers, and the events about it. */
export type OwnedRecords = {
  payments: Payment[];
  sessions: CheckoutSession[];
  invoices: Invoice[];
  subscriptions: Subscription[];
  events: EventRow[];
};

const eventColumns = { id: true, objectId: true, data: true } as const;

export async function loadCustomerHistory(
  tx: Prisma.TransactionClient,
  scope: Scope,
  customerIds: string[],
): Promise<CustomerHistory> {
  const inScope = { workspaceId: scope.workspaceId, livemode: scope.livemode };
  const customers = await tx.customer.findMany({ where: { ...inScope, id: { in: customerIds } } });
  const events = await tx.event.findMany({
    where: { ...inScope, objectId: { in: customerIds } },
    select: eventColumns,
  });
  return { customers, events };
}

export async function loadOwnedRecords(
  tx: Prisma.TransactionClient,
  scope: Scope,
  customerIds: string[],
): Promise<OwnedRecords> {
  const inScope = { workspaceId: scope.workspaceId, livemode: scope.livemode };
  const ofCustomers = { ...inScope, customerId: { in: customerIds } };
  const payments = await tx.payment.findMany({ where: ofCustomers });
  const paidSessionIds = payments.flatMap((payment) => payment.checkoutSessionId ?? []);
  const sessions = await tx.checkoutSession.findMany({
    where: { ...inScope, OR: [{ customerId: { in: customerIds } }, { id: { in: paidSessionIds } }] },
  });
  const invoices = await tx.invoice.findMany({ where: ofCustomers });
  const subscriptions = await tx.subscription.findMany({ where: ofCustomers });
  const objectIds = [payments, sessions, invoices, subscriptions].flatMap((rows) =>
    rows.map((row) => row.id),
  );
  const events = objectIds.length
    ? await tx.event.findMany({ where: { ...inScope, objectId: { in: objectIds } }, select: eventColumns })
    : [];
  return { payments, sessions, invoices, subscriptions, events };
}

const CUSTOMER_IDENTIFIERS = ["email", "phone", "taxId"] as const;

/**
 * Every personal value the records hold: the customers' emails, phones, tax IDs and names now and
 * in the past (their events), the payers' emails and names, the sessions' emails, the invoices'
 * snapshots. Metadata values are not searched for elsewhere (they are often plain words).
 */
export function personalValuesOf(history: CustomerHistory, owned?: OwnedRecords): PersonalValues {
  const identifiers: unknown[] = [];
  const names: unknown[] = [];
  const addCustomer = (fields: Record<string, unknown> | undefined) => {
    if (!fields) return;
    for (const key of CUSTOMER_IDENTIFIERS) identifiers.push(fields[key]);
    names.push(fields.name);
  };
  for (const customer of history.customers) addCustomer(customer);
  for (const event of history.events) {
    const data = event.data as {
      object?: Record<string, unknown>;
      previousAttributes?: Record<string, unknown>;
    };
    if (data?.object?.object !== "customer") continue;
    addCustomer(data.object);
    addCustomer(data.previousAttributes);
  }
  for (const payment of owned?.payments ?? []) {
    identifiers.push(payment.email);
    names.push(payment.name);
  }
  for (const session of owned?.sessions ?? []) identifiers.push(session.customerEmail);
  for (const invoice of owned?.invoices ?? []) {
    identifiers.push(invoice.customerEmail, invoice.customerTaxId);
    names.push(invoice.customerName);
  }
  return personalValues({ identifiers, names });
}

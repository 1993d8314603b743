// Payments, subscriptions and invoices inserted straight into their tables (fast, with chosen
// creation times) for the list tests, plus the order the lists must return them in.
import { prisma } from "@/lib/db/prisma";
import { newId } from "@/lib/ids";
import type { Scope } from "@/lib/scope";

export type MoneyResource = "payments" | "subscriptions" | "invoices";
export type InsertedRow = { id: string; customerId: string; createdAt: Date };

let invoiceSequence = 0;

/** One row per creation time, each for the customer at the same index (cycling). */
export async function insertRows(
  resource: MoneyResource,
  scope: Scope,
  customerIds: string[],
  createdAts: Date[],
): Promise<InsertedRow[]> {
  const rows = createdAts.map((createdAt, i) => ({
    ...scope,
    customerId: customerIds[i % customerIds.length],
    createdAt,
    updatedAt: createdAt,
  }));
  if (resource === "payments") {
    const data = rows.map((row, i) => ({
      ...row,
      id: newId("payment", row.createdAt.getTime()),
      amount: BigInt(1_250_000 + i),
      currency: "IDR",
      status: "succeeded",
      email: "payer@example.com",
      name: "Payer",
      description: `Payment ${i}`,
      metadata: { order: String(i) },
    }));
    await prisma.payment.createMany({ data });
    return data;
  }
  if (resource === "subscriptions") {
    const data = rows.map((row, i) => ({
      ...row,
      id: newId("subscription", row.createdAt.getTime()),
      status: "active",
      amount: BigInt(149_000 + i),
      currency: "IDR",
      interval: "month",
      currentPeriodEnd: new Date(row.createdAt.getTime() + 30 * 86_400_000),
    }));
    await prisma.subscription.createMany({ data });
    return data;
  }
  const data = rows.map((row, i) => ({
    ...row,
    id: newId("invoice", row.createdAt.getTime()),
    number: `SEEDED-${++invoiceSequence}`,
    status: "open",
    amountDue: BigInt(1250 + i),
    currency: "USD",
    customerName: "Snapshot Name",
    customerEmail: "snapshot@example.com",
    customerTaxId: null,
  }));
  await prisma.invoice.createMany({ data });
  return data;
}

/** Newest first, ties broken by id descending: the lists' order. */
export function newestFirst<T extends { id: string; createdAt: Date }>(rows: T[]): string[] {
  return [...rows]
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .map((row) => row.id);
}

export async function insertCustomer(scope: Scope, name: string): Promise<string> {
  const id = newId("customer");
  await prisma.customer.create({ data: { id, ...scope, name } });
  return id;
}

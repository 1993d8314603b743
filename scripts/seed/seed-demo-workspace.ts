// The demo workspace of `npm run dev` and `npm run db:seed`: created once, found afterwards.
import { createHash } from "node:crypto";
import { prisma } from "@/lib/db/prisma";
import { newId } from "@/lib/ids";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { demoCustomers, randomSource, CURRENCIES, DESCRIPTIONS } from "./demo-data";

export const DEMO_USER = {
  email: "demo@plugipay.test",
  password: "plugipay-demo",
  workspaceName: "Demo Coffee Co.",
};

const DAY = 24 * 60 * 60 * 1000;
const TEST_CUSTOMERS = 130;
const LIVE_CUSTOMERS = 6;

export type SeedResult = { created: boolean; workspaceId: string; testSecretKey?: string };

export async function seedDemoWorkspace(now = Date.now()): Promise<SeedResult> {
  const existing = await prisma.user.findUnique({
    where: { email: DEMO_USER.email },
    select: { memberships: { select: { workspaceId: true }, take: 1 } },
  });
  if (existing?.memberships[0]) return { created: false, workspaceId: existing.memberships[0].workspaceId };

  const workspace = await createWorkspace({
    name: DEMO_USER.workspaceName,
    email: DEMO_USER.email,
    password: DEMO_USER.password,
  });
  const random = randomSource(7);
  await prisma.$transaction(async (tx) => {
    for (const [livemode, count] of [
      [false, TEST_CUSTOMERS],
      [true, LIVE_CUSTOMERS],
    ] as const) {
      const people = demoCustomers(count, randomSource(livemode ? 99 : 42));
      // Oldest first, spread over the last ~200 days, so "newest first" has something to order.
      const customers = people.map((person, i) => {
        const createdAt = new Date(now - (count - i) * 1.5 * DAY - random.int(0, DAY / 2));
        return {
          id: newId("customer", createdAt.getTime()),
          workspaceId: workspace.workspaceId,
          livemode,
          ...person,
          externalId: person.externalId && livemode ? `live_${person.externalId}` : person.externalId,
          emailNormalized: person.email?.toLowerCase() ?? null,
          createdAt,
          updatedAt: createdAt,
        };
      });
      await tx.customer.createMany({ data: customers });

      const scope = { workspaceId: workspace.workspaceId, livemode };
      const tokens = customers
        .filter(() => random.chance(0.4))
        .map((customer) => ({
          id: newId("paymentToken", customer.createdAt.getTime()),
          ...scope,
          customerId: customer.id,
          type: random.chance(0.7) ? "card" : "ewallet",
          brand: random.pick(["visa", "mastercard", "gopay", "ovo"]),
          last4: String(random.int(1000, 9999)),
          fingerprint: createHash("sha256").update(customer.id).digest("hex").slice(0, 16),
          createdAt: customer.createdAt,
        }));
      await tx.paymentToken.createMany({ data: tokens });

      const payments = customers.flatMap((customer) =>
        Array.from({ length: random.int(0, 3) }, () => {
          const currency = random.pick(CURRENCIES);
          const createdAt = new Date(customer.createdAt.getTime() + random.int(0, 30) * DAY);
          const status = random.pick([
            "succeeded",
            "succeeded",
            "succeeded",
            "pending",
            "failed",
            "refunded",
          ]);
          const amount = BigInt(currency === "IDR" ? random.int(10, 2500) * 1000 : random.int(500, 50000));
          return {
            id: newId("payment", createdAt.getTime()),
            ...scope,
            customerId: customer.id,
            amount,
            amountRefunded: status === "refunded" ? amount : BigInt(0),
            currency,
            status,
            email: customer.email,
            name: customer.name,
            description: random.pick(DESCRIPTIONS),
            createdAt,
            updatedAt: createdAt,
          };
        }),
      );
      await tx.payment.createMany({ data: payments });

      const subscribers = customers.filter(() => random.chance(0.25));
      const subscriptions = subscribers.map((customer) => {
        const createdAt = new Date(customer.createdAt.getTime() + DAY);
        const interval = random.chance(0.8) ? "month" : "year";
        return {
          id: newId("subscription", createdAt.getTime()),
          ...scope,
          customerId: customer.id,
          status: random.pick(["active", "active", "trialing", "past_due", "canceled"]),
          amount: BigInt(random.pick([99000, 149000, 1490000])),
          currency: "IDR",
          interval,
          currentPeriodEnd: new Date(now + random.int(1, 30) * DAY),
          createdAt,
          updatedAt: createdAt,
        };
      });
      await tx.subscription.createMany({ data: subscriptions });

      const invoices = subscriptions.flatMap((subscription, s) => {
        const customer = subscribers[s];
        return Array.from({ length: random.int(1, 3) }, (_, n) => {
          const createdAt = new Date(subscription.createdAt.getTime() + n * 30 * DAY);
          return {
            id: newId("invoice", createdAt.getTime()),
            ...scope,
            customerId: customer.id,
            subscriptionId: subscription.id,
            number: `${livemode ? "INV" : "TEST"}-${String(s + 1).padStart(4, "0")}-${n + 1}`,
            status: n === 0 ? "paid" : random.pick(["paid", "open", "draft", "void"]),
            amountDue: subscription.amount,
            currency: subscription.currency,
            customerName: customer.name,
            customerEmail: customer.email,
            customerTaxId: customer.taxId,
            createdAt,
            updatedAt: createdAt,
          };
        });
      });
      await tx.invoice.createMany({ data: invoices });
    }
  });
  return { created: true, workspaceId: workspace.workspaceId, testSecretKey: workspace.testSecretKey };
}

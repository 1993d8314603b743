// issueInvoice: an invoice keeps the customer's name, email and tax ID as they were when it was
// issued, and numbers are unique per workspace and mode, even when issued concurrently.
import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { prisma } from "@/lib/db/prisma";
import { issueInvoice } from "@/lib/invoices/issue-invoice";
import { newId } from "@/lib/ids";
import { startListTestbed, testScope } from "@/test/support/list-testbed";

const { newWorkspace } = startListTestbed();

describe("issueInvoice", () => {
  it("snapshots the customer: editing the customer through the API leaves the invoice as issued", async () => {
    const { api, ...workspace } = await newWorkspace();
    const created = await api.post("/api/v1/customers", {
      name: "Alice Smith",
      email: "alice@example.com",
      taxId: "01.234.567.8-901.000",
    });
    expect(created.status).toBe(201);
    const invoice = await issueInvoice(testScope(workspace), {
      customerId: created.body.id,
      amountDue: 149_000,
      currency: "IDR",
    });
    expect(invoice).toMatchObject({
      object: "invoice",
      customerId: created.body.id,
      number: "TEST-000001",
      status: "open",
      amountDue: 149_000,
      customerName: "Alice Smith",
      customerEmail: "alice@example.com",
      customerTaxId: "01.234.567.8-901.000",
      livemode: false,
    });

    const patched = await api.patch(`/api/v1/customers/${created.body.id}`, {
      name: "Alice Jones",
      email: "alice.jones@example.com",
      taxId: null,
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: "Alice Jones", taxId: null });

    const read = await api.get(`/api/v1/invoices/${invoice.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(invoice);
    const listed = await api.get(`/api/v1/invoices?customerId=${created.body.id}`);
    expect(listed.body.data).toEqual([invoice]);

    // A new invoice takes the new details.
    const next = await issueInvoice(testScope(workspace), {
      customerId: created.body.id,
      amountDue: BigInt(149_000),
      currency: "IDR",
    });
    expect(next).toMatchObject({
      number: "TEST-000002",
      customerName: "Alice Jones",
      customerEmail: "alice.jones@example.com",
      customerTaxId: null,
    });
  });

  it("numbers invoices uniquely per workspace and mode, even when issued concurrently", async () => {
    const workspace = await newWorkspace();
    const scope = testScope(workspace);
    const liveScope = { ...scope, livemode: true };
    const [customer, liveCustomer] = [newId("customer"), newId("customer")];
    await prisma.customer.createMany({
      data: [
        { id: customer, ...scope, name: "Test" },
        { id: liveCustomer, ...liveScope, name: "Live" },
      ],
    });
    // A number in another shape (the demo seed's) does not disturb the sequence.
    await prisma.invoice.create({
      data: {
        id: newId("invoice"),
        ...scope,
        customerId: customer,
        number: "TEST-0001-1",
        status: "paid",
        amountDue: BigInt(1),
        currency: "IDR",
      },
    });
    const issued = await Promise.all(
      Array.from({ length: 12 }, () =>
        issueInvoice(scope, { customerId: customer, amountDue: 1000, currency: "USD" }),
      ),
    );
    expect(issued.map((invoice) => invoice.number).sort()).toEqual(
      Array.from({ length: 12 }, (_, i) => `TEST-${String(i + 1).padStart(6, "0")}`),
    );
    const live = await issueInvoice(liveScope, {
      customerId: liveCustomer,
      amountDue: 1000,
      currency: "USD",
    });
    expect(live).toMatchObject({ number: "INV-000001", livemode: true });
    const other = await newWorkspace();
    const otherCustomer = newId("customer");
    await prisma.customer.create({ data: { id: otherCustomer, ...testScope(other) } });
    expect(
      (await issueInvoice(testScope(other), { customerId: otherCustomer, amountDue: 0, currency: "IDR" }))
        .number,
    ).toBe("TEST-000001");
  });

  it("refuses another workspace's or mode's customer, a foreign subscription and bad amounts", async () => {
    const workspace = await newWorkspace();
    const scope = testScope(workspace);
    const other = await newWorkspace();
    const [mine, theirs, live] = [newId("customer"), newId("customer"), newId("customer")];
    await prisma.customer.createMany({
      data: [
        { id: mine, ...scope },
        { id: theirs, ...testScope(other) },
        { id: live, ...scope, livemode: true },
      ],
    });
    const subscription = newId("subscription");
    await prisma.subscription.create({
      data: {
        id: subscription,
        ...testScope(other),
        customerId: theirs,
        status: "active",
        amount: BigInt(1),
        currency: "IDR",
        interval: "month",
        currentPeriodEnd: new Date(),
      },
    });
    const attempt = (input: Partial<Parameters<typeof issueInvoice>[1]>) =>
      issueInvoice(scope, { customerId: mine, amountDue: 100, currency: "IDR", ...input }).then(
        () => undefined,
        (error: unknown) => error,
      );
    for (const [input, param] of [
      [{ customerId: theirs }, "customerId"],
      [{ customerId: live }, "customerId"],
      [{ subscriptionId: subscription }, "subscriptionId"],
      [{ amountDue: -1 }, "amountDue"],
      [{ currency: "idr" }, "currency"],
    ] as const) {
      const error = await attempt(input);
      expect(error, JSON.stringify(input)).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ code: "parameter_invalid", param });
    }
    expect(await prisma.invoice.count({ where: { workspaceId: workspace.workspaceId } })).toBe(0);
  });
});

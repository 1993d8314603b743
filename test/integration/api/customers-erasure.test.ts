// Erasure over real HTTP, end to end: a customer with a history (an idempotent create, an email
// change, checkouts, an invoice, webhook deliveries whose receiver echoes them back) is redacted,
// the background job runs in the app's own process, and afterwards no column of any table in any
// schema holds the old email, the earlier one, the phone or the tax ID.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { newId } from "@/lib/ids";
import { issueInvoice } from "@/lib/invoices/issue-invoice";
import { apiClient, createTestWorkspace } from "@/test/support/api-client";
import { startApiTestbed } from "@/test/support/api-testbed";
import { columnsContaining, searchedColumns } from "@/test/support/text-search";
import { startWebhookReceiver, type WebhookReceiver } from "@/test/support/webhook-receiver";
import { waitFor, waitUntilScrubbed } from "@/test/support/erasure";

const t = startApiTestbed({ WEBHOOK_POLL_MS: "100" });

let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(() => receiver?.close());

describe("POST /customers/{id}/redact — the copies", () => {
  it("leaves no copy of the erased email, earlier email, phone or tax ID anywhere in the database", async () => {
    const tag = randomBytes(4).toString("hex");
    const digits = String(parseInt(tag, 16)).padStart(10, "0").slice(0, 8);
    const earlierEmail = `first.${tag}@example.com`;
    const email = `Erin.${tag}@Example.org`;
    const phone = `+62 811 ${digits}`;
    const taxId = `77.${digits}-901.000`;
    const secrets = [earlierEmail, email, phone, taxId];

    const workspace = await createTestWorkspace();
    const api = apiClient(t.server.url, workspace.testKey);
    const scope = { workspaceId: workspace.workspaceId, livemode: false };
    const endpoint = await api.post("/api/v1/webhook_endpoints", {
      url: `${receiver.url}/echo-${tag}`,
      events: ["*"],
    });
    expect(endpoint.status).toBe(201);
    // The receiver answers each delivery with its own body: the deliveries' response bodies hold the data too.
    receiver.route(`/echo-${tag}`, endpoint.body.secret, (request) => ({ status: 200, body: request.body }));

    const createBody = {
      email: earlierEmail,
      name: "Erin Example",
      phone,
      taxId,
      externalId: `crm_${tag}`,
      metadata: { note: `call ${phone}` },
    };
    const created = await api.post("/api/v1/customers", createBody, { "Idempotency-Key": `create-${tag}` });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const changed = await api.patch(
      `/api/v1/customers/${id}`,
      { email },
      { "Idempotency-Key": `email-${tag}` },
    );
    expect(changed.status).toBe(200);

    const sessions = [
      {
        customerId: id,
        customerEmail: earlierEmail,
        description: `Order for ${email}`,
        metadata: { contact: email },
      },
      { description: "Kopi Susu x2" }, // no customer: the payer's email finds it
    ];
    for (const [index, body] of sessions.entries()) {
      const session = await api.post("/api/v1/checkout/sessions", {
        amount: 125000,
        currency: "IDR",
        ...body,
      });
      expect(session.status).toBe(201);
      const paid = await api.post(
        `/api/v1/checkout/sessions/${session.body.id}/complete`,
        { email: email.toUpperCase(), name: "Erin Example" },
        { "Idempotency-Key": `pay-${tag}-${index}` },
      );
      expect(paid.body.customerId).toBe(id);
    }
    await issueInvoice(scope, { customerId: id, amountDue: 149_000, currency: "IDR" });
    await prisma.subscription.create({
      data: {
        ...scope,
        id: newId("subscription"),
        customerId: id,
        status: "active",
        amount: BigInt(149_000),
        currency: "IDR",
        interval: "month",
        currentPeriodEnd: new Date(Date.now() + 30 * 86_400_000),
        metadata: { billingContact: email },
      },
    });
    // Every delivery answered (and its echo recorded) before the erasure, so the test is about the
    // erasure, not about a delivery racing it.
    await waitFor(async () => {
      const deliveries = await prisma.webhookDelivery.findMany({ where: { workspaceId: scope.workspaceId } });
      return deliveries.length === 6 && deliveries.every((delivery) => delivery.status === "succeeded");
    });
    // The search covers every schema, pg-boss's job data included, and finds what is there.
    expect(await searchedColumns(env.DATABASE_URL!)).toEqual(
      expect.arrayContaining(["pgboss.job.data", "pgboss.job.output", "public.payments.description"]),
    );
    for (const secret of secrets) {
      expect(await columnsContaining(env.DATABASE_URL!, secret), secret).not.toEqual([]);
    }
    expect(await columnsContaining(env.DATABASE_URL!, earlierEmail)).toEqual(
      expect.arrayContaining([
        "public.events.data",
        "public.idempotency_keys.response_body",
        "public.webhook_deliveries.response_body",
      ]),
    );

    const redacted = await api.post(
      `/api/v1/customers/${id}/redact`,
      {},
      { "Idempotency-Key": `redact-${tag}` },
    );
    expect(redacted.status).toBe(202);
    await waitUntilScrubbed(scope.workspaceId, id);
    await receiver.waitFor((all) =>
      all.some((r) => r.event?.type === "customer.redacted" && r.event.data.object.id === id),
    );

    for (const secret of [...secrets, secrets[1].toLowerCase()]) {
      expect(await columnsContaining(env.DATABASE_URL!, secret), secret).toEqual([]);
    }
    // The tombstone is as the 202 showed it (the job does not touch it); the records stay, without the personal data.
    expect((await api.get(`/api/v1/customers/${id}`)).body).toEqual(redacted.body);
    const payments = await api.get(`/api/v1/payments?customerId=${id}`);
    expect(payments.body.data).toHaveLength(2);
    for (const payment of payments.body.data)
      expect(payment).toMatchObject({ email: null, name: null, customerId: id });
    expect(payments.body.data.map((payment: { description: string }) => payment.description).sort()).toEqual([
      "Kopi Susu x2",
      "Order for [redacted]",
    ]);
    const invoices = await api.get(`/api/v1/invoices?customerId=${id}`);
    expect(invoices.body.data[0]).toMatchObject({
      customerName: null,
      customerEmail: null,
      customerTaxId: null,
      amountDue: 149_000,
    });
    // A replay of the create shows what the customer is now: nothing personal.
    const replay = await api.post("/api/v1/customers", createBody, { "Idempotency-Key": `create-${tag}` });
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.body).toMatchObject({
      id,
      email: null,
      name: null,
      phone: null,
      taxId: null,
      metadata: {},
    });
  });

  it("leaves another customer who shares the email untouched", async () => {
    const email = `shared.${randomBytes(4).toString("hex")}@example.com`;
    const mine = (await t.api.post("/api/v1/customers", { email, name: "Same Person?" })).body;
    const theirs = (await t.api.post("/api/v1/customers", { email, name: "Same Person?" })).body;
    const session = await t.api.post("/api/v1/checkout/sessions", {
      amount: 1000,
      currency: "IDR",
      customerId: theirs.id,
    });
    await t.api.post(`/api/v1/checkout/sessions/${session.body.id}/complete`, { email });

    expect((await t.api.post(`/api/v1/customers/${mine.id}/redact`)).status).toBe(202);
    await waitUntilScrubbed(t.workspace.workspaceId, mine.id);

    expect((await t.api.get(`/api/v1/customers/${theirs.id}`)).body).toEqual(theirs);
    const [payment] = (await t.api.get(`/api/v1/payments?customerId=${theirs.id}`)).body.data;
    expect(payment.email).toBe(email);
    const events = await prisma.event.findMany({
      where: { workspaceId: t.workspace.workspaceId, objectId: theirs.id },
    });
    expect(JSON.stringify(events.map((event) => event.data))).toContain(email);
  });

  it("erases the customers merged into the redacted one, and not the one a redacted source was merged into", async () => {
    const tag = randomBytes(4).toString("hex");
    const target = (await t.api.post("/api/v1/customers", { email: `target.${tag}@example.com` })).body;
    const source = (
      await t.api.post("/api/v1/customers", { email: `source.${tag}@example.com`, name: "Src" })
    ).body;
    expect((await t.api.post(`/api/v1/customers/${target.id}/merge`, { sourceId: source.id })).status).toBe(
      200,
    );

    const redacted = await t.api.post(`/api/v1/customers/${target.id}/redact`);
    expect(redacted.status).toBe(202);
    const sourceNow = (await t.api.get(`/api/v1/customers/${source.id}`)).body;
    expect(sourceNow).toMatchObject({ email: null, name: null, mergedIntoId: target.id });
    expect(sourceNow.redactedAt).toBe(redacted.body.redactedAt);
    const events = await prisma.event.findMany({
      where: {
        workspaceId: t.workspace.workspaceId,
        type: "customer.redacted",
        objectId: { in: [target.id, source.id] },
      },
    });
    expect(events).toHaveLength(2);
    await waitUntilScrubbed(t.workspace.workspaceId, target.id);
    expect(await columnsContaining(env.DATABASE_URL!, `source.${tag}@example.com`)).toEqual([]);

    // A merged source redacted on its own: the customer it was merged into keeps its data.
    const keeper = (await t.api.post("/api/v1/customers", { email: `keeper.${tag}@example.com` })).body;
    const gone = (await t.api.post("/api/v1/customers", { email: `gone.${tag}@example.com` })).body;
    await t.api.post(`/api/v1/customers/${keeper.id}/merge`, { sourceId: gone.id });
    expect((await t.api.post(`/api/v1/customers/${gone.id}/redact`)).status).toBe(202);
    expect((await t.api.get(`/api/v1/customers/${keeper.id}`)).body).toEqual(keeper);
  });
});

// POST /customers/{id}/redact over real HTTP: the tombstone, its event, idempotency, scoping, and
// what a redacted customer refuses. The copies elsewhere: customers-erasure.test.ts.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { customersAwaitingScrub } from "@/lib/erasure/erasure-jobs";
import { DeliveriesInFlight, scrubCustomerCopies } from "@/lib/erasure/scrub-customer-copies";
import { newId } from "@/lib/ids";
import { apiClient, createTestWorkspace } from "@/test/support/api-client";
import { startApiTestbed } from "@/test/support/api-testbed";
import { waitUntilScrubbed } from "@/test/support/erasure";

const t = startApiTestbed();

async function createCustomer(body: Record<string, unknown> = {}) {
  const response = await t.api.post("/api/v1/customers", body);
  expect(response.status).toBe(201);
  return response.body;
}

const redactedEvents = (id: string) =>
  prisma.event.findMany({
    where: { workspaceId: t.workspace.workspaceId, objectId: id, type: "customer.redacted" },
  });

describe("POST /customers/{id}/redact", () => {
  it("answers 202 with the tombstone, at /v1 too, and records customer.redacted without personal data", async () => {
    const tag = randomBytes(4).toString("hex");
    const customer = await createCustomer({
      externalId: `crm_${tag}`,
      email: `alice.${tag}@example.com`,
      name: "Alice Smith",
      phone: "+62 811 000 111",
      taxId: "VAT-QX-7788",
      metadata: { segment: "enterprise" },
    });
    const token = { workspaceId: t.workspace.workspaceId, livemode: false, id: newId("paymentToken") };
    await prisma.paymentToken.create({
      data: { ...token, customerId: customer.id, type: "card", fingerprint: "fp" },
    });
    const before = (
      await t.api.patch(`/api/v1/customers/${customer.id}`, {
        defaultPaymentTokenId: token.id,
        archived: true,
      })
    ).body;

    const response = await t.api.post(`/v1/customers/${customer.id}/redact`);
    expect(response.status).toBe(202);
    expect(response.headers.get("request-id")).toMatch(/^req_/);
    const tombstone = response.body;
    expect(tombstone).toEqual({
      ...before,
      email: null,
      name: null,
      phone: null,
      taxId: null,
      metadata: {},
      redactedAt: expect.stringMatching(/Z$/),
      updatedAt: expect.stringMatching(/Z$/),
    });
    expect(tombstone).toMatchObject({
      externalId: `crm_${tag}`,
      defaultPaymentTokenId: token.id,
      archivedAt: before.archivedAt,
      mergedIntoId: null,
    });
    expect(tombstone.updatedAt > before.updatedAt).toBe(true);
    expect(tombstone.redactedAt).toBe(tombstone.updatedAt);
    expect((await t.api.get(`/api/v1/customers/${customer.id}`)).body).toEqual(tombstone);

    const [event] = await redactedEvents(customer.id);
    expect(event.data).toEqual({ object: tombstone });
    const text = JSON.stringify(event.data);
    for (const personal of [`alice.${tag}`, "Alice", "+62 811 000 111", "QX-7788", "enterprise"]) {
      expect(text).not.toContain(personal);
    }
  });

  it("is idempotent: a second redaction answers the same tombstone and records nothing", async () => {
    const customer = await createCustomer({ email: "twice@example.com" });
    const first = await t.api.post(`/api/v1/customers/${customer.id}/redact`);
    const second = await t.api.post(`/api/v1/customers/${customer.id}/redact`);
    expect(second.status).toBe(202);
    expect(second.body).toEqual(first.body);
    await waitUntilScrubbed(t.workspace.workspaceId, customer.id);
    expect((await t.api.post(`/api/v1/customers/${customer.id}/redact`)).body).toEqual(first.body);
    expect(await redactedEvents(customer.id)).toHaveLength(1);

    const keyed = await createCustomer({ email: "keyed@example.com" });
    const headers = { "Idempotency-Key": `redact-${keyed.id}` };
    const original = await t.api.post(`/api/v1/customers/${keyed.id}/redact`, {}, headers);
    const replayed = await t.api.post(`/api/v1/customers/${keyed.id}/redact`, {}, headers);
    expect(replayed.headers.get("idempotent-replayed")).toBe("true");
    expect(replayed.body).toEqual(original.body);
    expect(await redactedEvents(keyed.id)).toHaveLength(1);
  });

  it("clears an externalId that holds the erased email; keeps any other", async () => {
    const customer = await createCustomer({ email: "Bob@Example.com", externalId: "bob@example.com" });
    const response = await t.api.post(`/api/v1/customers/${customer.id}/redact`);
    expect(response.body.externalId).toBeNull();
  });

  it("refuses personal data afterwards (409 customer_redacted) but lets the customer be archived", async () => {
    const customer = await createCustomer({ name: "Carol" });
    await t.api.post(`/api/v1/customers/${customer.id}/redact`);
    const refused = await t.api.patch(`/api/v1/customers/${customer.id}`, { name: "Carol again" });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      type: "invalid_request_error",
      code: "customer_redacted",
      param: "name",
    });
    expect((await t.api.patch(`/api/v1/customers/${customer.id}`, { archived: true })).status).toBe(200);
  });

  it("is 404 for an unknown id and for another workspace's or mode's customer, changing nothing", async () => {
    const customer = await createCustomer({ email: "mine@example.com" });
    const other = apiClient(t.server.url, (await createTestWorkspace()).testKey);
    const live = apiClient(t.server.url, t.workspace.liveKey);
    for (const [api, id] of [
      [t.api, "cus_unknown"],
      [other, customer.id],
      [live, customer.id],
    ] as const) {
      const response = await api.post(`/api/v1/customers/${id}/redact`);
      expect(response.status).toBe(404);
      expect(response.body.error).toMatchObject({ code: "resource_missing", param: "id" });
    }
    expect((await t.api.get(`/api/v1/customers/${customer.id}`)).body).toEqual(customer);
  });

  it("refuses unknown body fields (400) and other methods (405 with Allow: POST)", async () => {
    const customer = await createCustomer();
    const unknown = await t.api.post(`/api/v1/customers/${customer.id}/redact`, { email: null });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: "parameter_unknown", param: "email" });
    const get = await t.api.get(`/api/v1/customers/${customer.id}/redact`);
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    expect((await t.api.get(`/api/v1/customers/${customer.id}`)).body.redactedAt).toBeNull();
  });
});

describe("the erasure job, called directly", () => {
  const scope = () => ({ workspaceId: t.workspace.workspaceId, livemode: false });

  /**
   * A redacted customer written straight to the database: no notification, and written after this
   * file's job process started listening (the scrub test above waited for it), so only the sweep finds it.
   */
  async function pendingCustomer(email: string) {
    const id = newId("customer");
    const now = new Date();
    await prisma.customer.create({ data: { ...scope(), id, redactedAt: now, scrubPendingSince: now } });
    const eventId = newId("event");
    await prisma.event.create({
      data: {
        ...scope(),
        id: eventId,
        type: "customer.created",
        objectId: id,
        data: { object: { id, object: "customer", email, name: null, metadata: {} } },
      },
    });
    return { id, eventId };
  }

  it("is found by the sweep, scrubs once, and is a no-op the second time", async () => {
    const { id, eventId } = await pendingCustomer("swept@example.com");
    const pending = await customersAwaitingScrub({ olderThanMs: 0 });
    expect(pending).toContainEqual({ workspaceId: t.workspace.workspaceId, customerId: id });
    // Not yet for the scheduled sweep, which leaves a fresh redaction to its notification.
    expect(await customersAwaitingScrub({ olderThanMs: 60_000 })).not.toContainEqual(
      expect.objectContaining({ customerId: id }),
    );

    expect(await scrubCustomerCopies({ workspaceId: t.workspace.workspaceId, customerId: id })).toBe(true);
    const event = await prisma.event.findUniqueOrThrow({
      where: { workspaceId_id: { workspaceId: t.workspace.workspaceId, id: eventId } },
    });
    expect(JSON.stringify(event.data)).not.toContain("swept@example.com");
    expect(await scrubCustomerCopies({ workspaceId: t.workspace.workspaceId, customerId: id })).toBe(false);
    expect(await customersAwaitingScrub({ olderThanMs: 0 })).not.toContainEqual(
      expect.objectContaining({ customerId: id }),
    );
  });

  it("gives way to a webhook attempt in flight for an event it must change, and finishes afterwards", async () => {
    const { id, eventId } = await pendingCustomer("inflight@example.com");
    const endpointId = newId("webhookEndpoint");
    await prisma.webhookEndpoint.create({
      data: { ...scope(), id: endpointId, url: "http://127.0.0.1:9/never", events: ["*"], secret: "whsec_x" },
    });
    const deliveryId = newId("webhookDelivery");
    await prisma.webhookDelivery.create({
      data: {
        ...scope(),
        id: deliveryId,
        endpointId,
        eventId,
        orderingKey: id,
        status: "pending",
        attempts: 1,
        lockedUntil: new Date(Date.now() + 60_000),
        nextAttemptAt: new Date(Date.now() + 60_000),
      },
    });
    const ref = { workspaceId: t.workspace.workspaceId, customerId: id };
    await expect(scrubCustomerCopies(ref)).rejects.toBeInstanceOf(DeliveriesInFlight);
    await prisma.webhookDelivery.update({
      where: { workspaceId_id: { workspaceId: t.workspace.workspaceId, id: deliveryId } },
      data: {
        status: "succeeded",
        lockedUntil: null,
        nextAttemptAt: null,
        responseBody: "got inflight@example.com",
      },
    });
    await prisma.webhookEndpoint.update({
      where: { workspaceId_id: { workspaceId: t.workspace.workspaceId, id: endpointId } },
      data: { disabledAt: new Date() },
    });
    expect(await scrubCustomerCopies(ref)).toBe(true);
    const delivery = await prisma.webhookDelivery.findUniqueOrThrow({
      where: { workspaceId_id: { workspaceId: t.workspace.workspaceId, id: deliveryId } },
    });
    expect(delivery.responseBody).toBe("got [redacted]");
  });
});

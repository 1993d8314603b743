import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { newId } from "@/lib/ids";
import { apiClient, createTestWorkspace } from "@/test/support/api-client";
import { startApiTestbed } from "@/test/support/api-testbed";

const t = startApiTestbed();

async function createCustomer(body: Record<string, unknown> = {}) {
  const response = await t.api.post("/api/v1/customers", body);
  expect(response.status).toBe(201);
  return response.body;
}

async function eventsOf(id: string) {
  return prisma.event.findMany({
    where: { workspaceId: t.workspace.workspaceId, objectId: id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

describe("PATCH /customers/{id}", () => {
  it("changes only the fields sent; null clears; one customer.updated event with previousAttributes", async () => {
    const customer = await createCustomer({
      name: "Old Name",
      email: "old@example.com",
      phone: "+62 811 000",
    });
    const response = await t.api.patch(`/api/v1/customers/${customer.id}`, { name: "New Name", phone: null });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ name: "New Name", phone: null, email: "old@example.com" });
    expect(response.body.updatedAt > customer.updatedAt).toBe(true);

    const events = await eventsOf(customer.id);
    expect(events.map((e) => e.type)).toEqual(["customer.created", "customer.updated"]);
    expect(events[1].data).toEqual({
      object: response.body,
      previousAttributes: { name: "Old Name", phone: "+62 811 000" },
    });
  });

  it("replaces the whole metadata map; null wipes it to {}; metadata passes through events unchanged", async () => {
    const customer = await createCustomer({ metadata: { a: "1", b: "2" } });
    const replaced = await t.api.patch(`/api/v1/customers/${customer.id}`, {
      metadata: { b: "2", c: "  3 " },
    });
    expect(replaced.body.metadata).toEqual({ b: "2", c: "  3 " });
    const wiped = await t.api.patch(`/api/v1/customers/${customer.id}`, { metadata: null });
    expect(wiped.body.metadata).toEqual({});
    const events = await eventsOf(customer.id);
    expect(events.map((e) => (e.data as { previousAttributes?: unknown }).previousAttributes)).toEqual([
      undefined,
      { metadata: { a: "1", b: "2" } },
      { metadata: { b: "2", c: "  3 " } },
    ]);
  });

  it("writes no event and changes nothing when nothing changes", async () => {
    const customer = await createCustomer({ name: "Same", metadata: { k: "v" } });
    const response = await t.api.patch(`/api/v1/customers/${customer.id}`, {
      name: " Same ",
      metadata: { k: "v" },
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual(customer);
    expect((await eventsOf(customer.id)).map((e) => e.type)).toEqual(["customer.created"]);
  });

  it("archives and unarchives with the write-only archived field (form booleans too)", async () => {
    const customer = await createCustomer();
    const archived = await t.api.patch(`/api/v1/customers/${customer.id}`, { archived: true });
    expect(archived.body.archivedAt).toMatch(/Z$/);
    const again = await t.api.patch(`/api/v1/customers/${customer.id}`, { archived: true });
    expect(again.body.archivedAt).toBe(archived.body.archivedAt);
    const restored = await t.api.request("PATCH", `/api/v1/customers/${customer.id}`, {
      form: "archived=false",
    });
    expect(restored.body.archivedAt).toBeNull();
    expect(
      (await t.api.patch(`/api/v1/customers/${customer.id}`, { archived: "yes" })).body.error,
    ).toMatchObject({
      code: "parameter_invalid",
      param: "archived",
    });
  });

  it("refuses an externalId another customer holds with 409 and existingId; null frees it", async () => {
    const holder = await createCustomer({ externalId: "taken_1" });
    const other = await createCustomer({ externalId: "mine_1" });
    const clash = await t.api.patch(`/api/v1/customers/${other.id}`, { externalId: "taken_1" });
    expect(clash.status).toBe(409);
    expect(clash.body.error).toMatchObject({
      code: "resource_already_exists",
      existingId: holder.id,
      param: "externalId",
    });
    expect((await t.api.get(`/api/v1/customers/${other.id}`)).body.externalId).toBe("mine_1");
    await t.api.patch(`/api/v1/customers/${holder.id}`, { externalId: null });
    expect((await t.api.patch(`/api/v1/customers/${other.id}`, { externalId: "taken_1" })).status).toBe(200);
  });

  it("accepts a defaultPaymentTokenId only when the token is attached to this customer", async () => {
    const customer = await createCustomer();
    const someoneElse = await createCustomer();
    const scope = { workspaceId: t.workspace.workspaceId, livemode: false };
    const token = {
      ...scope,
      id: newId("paymentToken"),
      customerId: customer.id,
      type: "card",
      fingerprint: "fp1",
    };
    const foreign = {
      ...scope,
      id: newId("paymentToken"),
      customerId: someoneElse.id,
      type: "card",
      fingerprint: "fp2",
    };
    await prisma.paymentToken.createMany({ data: [token, foreign] });

    const wrong = await t.api.patch(`/api/v1/customers/${customer.id}`, {
      defaultPaymentTokenId: foreign.id,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ code: "parameter_invalid", param: "defaultPaymentTokenId" });
    const unknown = await t.api.patch(`/api/v1/customers/${customer.id}`, {
      defaultPaymentTokenId: "ptok_nope",
    });
    expect(unknown.status).toBe(400);
    const right = await t.api.patch(`/api/v1/customers/${customer.id}`, { defaultPaymentTokenId: token.id });
    expect(right.body.defaultPaymentTokenId).toBe(token.id);
    expect(
      (await t.api.patch(`/api/v1/customers/${customer.id}`, { defaultPaymentTokenId: null })).body
        .defaultPaymentTokenId,
    ).toBeNull();
  });

  it("refuses personal data on a redacted customer with 409, but allows clearing and archiving", async () => {
    const customer = await createCustomer({ externalId: "redacted_1" });
    await prisma.customer.update({
      where: { workspaceId_id: { workspaceId: t.workspace.workspaceId, id: customer.id } },
      data: { redactedAt: new Date() },
    });
    const refused = await t.api.patch(`/api/v1/customers/${customer.id}`, { email: "back@example.com" });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: "customer_redacted", param: "email" });
    expect(
      (await t.api.patch(`/api/v1/customers/${customer.id}`, { archived: true, name: null })).status,
    ).toBe(200);
  });

  it("validates like create, refuses read-only and unknown fields, and is 404 elsewhere", async () => {
    const customer = await createCustomer();
    for (const [body, code, param] of [
      [{ email: "nope" }, "parameter_invalid", "email"],
      [{ id: "cus_other" }, "parameter_unknown", "id"],
      [{ object: "customer" }, "parameter_unknown", "object"],
      [{ updatedAt: "2026-01-01T00:00:00.000Z" }, "parameter_unknown", "updatedAt"],
      [{ tax_id: "x" }, "parameter_unknown", "tax_id"],
    ] as const) {
      const response = await t.api.patch(`/api/v1/customers/${customer.id}`, body);
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({ code, param });
    }
    const other = await createTestWorkspace();
    const theirs = await apiClient(t.server.url, other.testKey).patch(`/api/v1/customers/${customer.id}`, {
      name: "Mine now",
    });
    expect(theirs.status).toBe(404);
    const live = await apiClient(t.server.url, t.workspace.liveKey).patch(
      `/api/v1/customers/${customer.id}`,
      {
        name: "Live",
      },
    );
    expect(live.status).toBe(404);
    expect((await t.api.get(`/api/v1/customers/${customer.id}`)).body.name).toBeNull();
  });
});

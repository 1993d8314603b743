// POST /customers/{id}/merge over real HTTP: what moves, the source afterwards, the event, every
// refusal (nothing moves), scoping, races and Idempotency-Key.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { issueInvoice } from "@/lib/invoices/issue-invoice";
import { apiClient, createTestWorkspace } from "@/test/support/api-client";
import { startApiTestbed } from "@/test/support/api-testbed";
import { givePayment, givePaymentToken, ownedCounts } from "@/test/support/merge-rows";

const t = startApiTestbed();
const scope = () => ({ workspaceId: t.workspace.workspaceId, livemode: false });

async function createCustomer(body: Record<string, unknown> = {}, api = t.api) {
  const response = await api.post("/api/v1/customers", body);
  expect(response.status).toBe(201);
  return response.body;
}

const merge = (targetId: string, sourceId: unknown, headers?: Record<string, string>, api = t.api) =>
  api.post(`/api/v1/customers/${targetId}/merge`, { sourceId }, headers);

describe("POST /customers/{id}/merge", () => {
  it("moves payments, subscriptions, invoices, sessions and tokens; drops tokens the target already has", async () => {
    const target = await createCustomer({ email: "target@example.com", externalId: "ext_target" });
    const source = await createCustomer({
      email: "source@example.com",
      name: "Source",
      externalId: "ext_source",
    });
    const kept = await givePaymentToken(scope(), target.id, "fp_same");
    const duplicate = await givePaymentToken(scope(), source.id, "fp_same");
    const moved = await givePaymentToken(scope(), source.id, "fp_other");
    await t.api.patch(`/api/v1/customers/${source.id}`, { defaultPaymentTokenId: duplicate });
    const paidWithDuplicate = await givePayment(scope(), source.id, duplicate);
    await givePayment(scope(), source.id, moved);
    await givePayment(scope(), source.id, null);
    await givePayment(scope(), target.id, kept);
    const invoice = await issueInvoice(scope(), { customerId: source.id, amountDue: 1000, currency: "IDR" });
    const session = await t.api.post("/api/v1/checkout/sessions", {
      amount: 1000,
      currency: "IDR",
      customerId: source.id,
    });
    const targetBefore = (await t.api.get(`/api/v1/customers/${target.id}`)).body;
    const sourceBefore = (await t.api.get(`/api/v1/customers/${source.id}`)).body;

    const response = await merge(target.id, source.id);
    expect(response.status).toBe(200);
    expect(response.body).toEqual(targetBefore); // the target's own fields do not change

    expect(await ownedCounts(scope(), source.id)).toEqual({
      payments: 0,
      subscriptions: 0,
      invoices: 0,
      checkoutSessions: 0,
      paymentTokens: 0,
    });
    expect(await ownedCounts(scope(), target.id)).toEqual({
      payments: 4,
      subscriptions: 0,
      invoices: 1,
      checkoutSessions: 1,
      paymentTokens: 2,
    });
    expect(await prisma.paymentToken.findFirst({ where: { id: duplicate } })).toBeNull();
    const repointed = await prisma.payment.findFirstOrThrow({ where: { id: paidWithDuplicate } });
    expect(repointed.paymentTokenId).toBe(kept);
    // An invoice is a record of what was issued: its snapshot stays the source's.
    expect((await t.api.get(`/api/v1/invoices/${invoice.id}`)).body).toMatchObject({
      customerId: target.id,
      customerEmail: "source@example.com",
    });
    expect((await t.api.get(`/api/v1/checkout/sessions/${session.body.id}`)).body.customerId).toBe(target.id);

    const sourceAfter = (await t.api.get(`/api/v1/customers/${source.id}`)).body;
    expect(sourceAfter).toEqual({
      ...sourceBefore,
      externalId: null,
      defaultPaymentTokenId: null,
      archivedAt: expect.stringMatching(/Z$/),
      mergedIntoId: target.id,
      updatedAt: expect.stringMatching(/Z$/),
    });
    const events = await prisma.event.findMany({
      where: { workspaceId: t.workspace.workspaceId, type: "customer.merged" },
    });
    expect(events.filter((event) => event.objectId === source.id).map((event) => event.data)).toEqual([
      {
        object: sourceAfter,
        previousAttributes: {
          externalId: "ext_source",
          defaultPaymentTokenId: duplicate,
          archivedAt: null,
          mergedIntoId: null,
        },
      },
    ]);
    // The freed externalId can be taken at once.
    expect((await t.api.post("/api/v1/customers", { externalId: "ext_source" })).status).toBe(201);
  });

  it("keeps an archived source's archivedAt, and answers at /v1 too", async () => {
    const target = await createCustomer();
    const source = await createCustomer();
    const archived = (await t.api.patch(`/api/v1/customers/${source.id}`, { archived: true })).body;
    const response = await t.api.post(`/v1/customers/${target.id}/merge`, { sourceId: source.id });
    expect(response.status).toBe(200);
    const after = (await t.api.get(`/api/v1/customers/${source.id}`)).body;
    expect(after).toMatchObject({ archivedAt: archived.archivedAt, mergedIntoId: target.id });
  });

  it("a merged source stays archived: unarchiving it is 409 customer_merged, and changes nothing", async () => {
    const target = await createCustomer();
    const source = await createCustomer({ name: "Merged Away" });
    expect((await merge(target.id, source.id)).status).toBe(200);
    const merged = (await t.api.get(`/api/v1/customers/${source.id}`)).body;

    const response = await t.api.patch(`/api/v1/customers/${source.id}`, { archived: false, name: "Back" });
    expect(response.status).toBe(409);
    expect(response.body.error).toMatchObject({ code: "customer_merged", param: "archived" });
    expect(response.body.error.message).toContain(target.id);
    expect((await t.api.get(`/api/v1/customers/${source.id}`)).body).toEqual(merged);
    // Its other fields can still be corrected.
    expect((await t.api.patch(`/api/v1/customers/${source.id}`, { name: "Corrected" })).body).toMatchObject({
      name: "Corrected",
      archivedAt: merged.archivedAt,
    });
  });

  it("refuses, with a clear error, every merge it cannot do — and moves nothing", async () => {
    const target = await createCustomer();
    const source = await createCustomer();
    await givePayment(scope(), source.id, null);
    const archived = await createCustomer();
    await t.api.patch(`/api/v1/customers/${archived.id}`, { archived: true });
    const redacted = await createCustomer();
    await t.api.post(`/api/v1/customers/${redacted.id}/redact`);
    const survivor = await createCustomer();
    const merged = await createCustomer();
    expect((await merge(survivor.id, merged.id)).status).toBe(200);

    const cases: [string, unknown, number, string, string][] = [
      [target.id, target.id, 400, "parameter_invalid", "sourceId"],
      [target.id, undefined, 400, "parameter_missing", "sourceId"],
      [target.id, 42, 400, "parameter_invalid", "sourceId"],
      [target.id, "cus_unknown", 404, "resource_missing", "sourceId"],
      ["cus_unknown", source.id, 404, "resource_missing", "id"],
      [archived.id, source.id, 409, "customer_archived", "id"],
      [redacted.id, source.id, 409, "customer_redacted", "id"],
      [target.id, redacted.id, 409, "customer_redacted", "sourceId"],
      [target.id, merged.id, 409, "customer_merged", "sourceId"],
      [merged.id, source.id, 409, "customer_merged", "id"],
    ];
    for (const [targetId, sourceId, status, code, param] of cases) {
      const response = await merge(targetId, sourceId);
      expect(response.status, `${targetId} ← ${String(sourceId)}`).toBe(status);
      expect(response.body.error).toMatchObject({ code, param });
      expect(response.body.error.message.length).toBeGreaterThan(10);
    }
    const unknown = await t.api.post(`/api/v1/customers/${target.id}/merge`, {
      sourceId: source.id,
      into: "x",
    });
    expect(unknown.body.error).toMatchObject({ code: "parameter_unknown", param: "into" });
    expect((await ownedCounts(scope(), source.id)).payments).toBe(1);
    expect((await t.api.get(`/api/v1/customers/${source.id}`)).body).toEqual(source);
    expect(await prisma.event.count({ where: { objectId: source.id, type: "customer.merged" } })).toBe(0);
    const get = await t.api.get(`/api/v1/customers/${target.id}/merge`);
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
  });

  it("is 404 across workspaces and modes, in either role", async () => {
    const mine = await createCustomer();
    const other = apiClient(t.server.url, (await createTestWorkspace()).testKey);
    const theirs = await createCustomer({}, other);
    const live = apiClient(t.server.url, t.workspace.liveKey);
    const liveOne = await createCustomer({}, live);
    for (const [api, targetId, sourceId, param] of [
      [t.api, mine.id, theirs.id, "sourceId"],
      [t.api, theirs.id, mine.id, "id"],
      [t.api, mine.id, liveOne.id, "sourceId"],
      [live, liveOne.id, mine.id, "sourceId"],
      [live, mine.id, liveOne.id, "id"],
    ] as const) {
      const response = await merge(targetId, sourceId, undefined, api);
      expect(response.status).toBe(404);
      expect(response.body.error).toMatchObject({ code: "resource_missing", param });
    }
    for (const customer of [mine, theirs, liveOne]) {
      expect(await prisma.customer.count({ where: { id: customer.id, mergedIntoId: { not: null } } })).toBe(
        0,
      );
    }
  });

  it("merges A→B racing B→A exactly once: one 200, one 409, a consistent database", async () => {
    for (let round = 0; round < 4; round++) {
      const a = await createCustomer();
      const b = await createCustomer();
      await givePayment(scope(), a.id, null);
      await givePayment(scope(), b.id, null);
      const responses = await Promise.all([merge(a.id, b.id), merge(b.id, a.id)]);
      expect(responses.map((response) => response.status).sort()).toEqual([200, 409]);
      expect(responses.find((response) => response.status === 409)!.body.error.code).toBe("customer_merged");
      const survivor = responses.find((response) => response.status === 200)!.body.id;
      const gone = survivor === a.id ? b.id : a.id;
      const rows = await prisma.customer.findMany({ where: { id: { in: [a.id, b.id] } } });
      expect(rows.find((row) => row.id === survivor)!.mergedIntoId).toBeNull();
      expect(rows.find((row) => row.id === gone)!.mergedIntoId).toBe(survivor);
      expect((await ownedCounts(scope(), survivor)).payments).toBe(2);
      expect(
        await prisma.event.count({ where: { objectId: { in: [a.id, b.id] }, type: "customer.merged" } }),
      ).toBe(1);
    }
  });

  it("runs two identical merges at once as one: 200 and 409 customer_merged", async () => {
    const target = await createCustomer();
    const source = await createCustomer();
    const responses = await Promise.all([merge(target.id, source.id), merge(target.id, source.id)]);
    expect(responses.map((response) => response.status).sort()).toEqual([200, 409]);
    expect(responses.find((response) => response.status === 409)!.body.error).toMatchObject({
      code: "customer_merged",
      param: "sourceId",
    });
  });

  it("replays a merge sent again with the same Idempotency-Key; 422 for another body", async () => {
    const target = await createCustomer();
    const source = await createCustomer();
    const other = await createCustomer();
    const headers = { "Idempotency-Key": `merge-${source.id}` };
    const first = await merge(target.id, source.id, headers);
    const again = await merge(target.id, source.id, headers);
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body).toEqual(first.body);
    expect(await prisma.event.count({ where: { objectId: source.id, type: "customer.merged" } })).toBe(1);
    expect((await merge(target.id, other.id, headers)).status).toBe(422);
  });
});

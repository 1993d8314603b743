// Checkout sessions over HTTP (spec/api.md, "Related resources"): creation, the completion rules,
// and the races the issue names.
import { describe, expect, it } from "vitest";
import { lockMergeGraph } from "@/lib/customers/merge-graph";
import { prisma } from "@/lib/db/prisma";
import { apiClient, createTestWorkspace } from "@/test/support/api-client";
import { startApiTestbed } from "@/test/support/api-testbed";

const t = startApiTestbed();

async function openSession(body: Record<string, unknown> = {}) {
  const response = await t.api.post("/api/v1/checkout/sessions", {
    amount: 125000,
    currency: "idr",
    ...body,
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

const complete = (id: string, body: Record<string, unknown>, api = t.api) =>
  api.post(`/api/v1/checkout/sessions/${id}/complete`, body);

const customersWithEmail = (email: string) =>
  prisma.customer.findMany({
    where: { workspaceId: t.workspace.workspaceId, emailNormalized: email.toLowerCase() },
  });

describe("POST /checkout/sessions", () => {
  it("opens a session with its hosted page's url, 24 hours to pay, the currency upper-cased", async () => {
    const session = await openSession({ description: "Kopi Susu x2", metadata: { order: "4711" } });
    expect(session).toMatchObject({
      object: "checkout.session",
      status: "open",
      amount: 125000,
      currency: "IDR",
      customerId: null,
      paymentId: null,
      description: "Kopi Susu x2",
      metadata: { order: "4711" },
      livemode: false,
      completedAt: null,
    });
    expect(session.id).toMatch(/^cs_[0-9A-Z]{26}$/);
    expect(session.url.endsWith(`/checkout/${session.id}`)).toBe(true);
    const hours = (Date.parse(session.expiresAt) - Date.parse(session.createdAt)) / 3_600_000;
    expect(hours).toBe(24);
    expect((await t.api.get(`/api/v1/checkout/sessions/${session.id}`)).body).toEqual(session);
  });

  it.each([
    [{ currency: "IDR" }, "amount", "parameter_missing"],
    [{ amount: 0, currency: "IDR" }, "amount", "parameter_invalid"],
    [{ amount: 12.5, currency: "USD" }, "amount", "parameter_invalid"],
    [{ amount: "12x", currency: "USD" }, "amount", "parameter_invalid"],
    [{ amount: 100, currency: "XYZ" }, "currency", "parameter_invalid"],
    [{ amount: 100 }, "currency", "parameter_missing"],
    [{ amount: 100, currency: "IDR", customerEmail: "nope" }, "customerEmail", "parameter_invalid"],
    [{ amount: 100, currency: "IDR", customerId: "cus_unknown" }, "customerId", "parameter_invalid"],
    [{ amount: 100, currency: "IDR", customer_id: "cus_x" }, "customer_id", "parameter_unknown"],
  ])("refuses %j: 400 naming %s, nothing stored", async (body, param, code) => {
    const before = await prisma.checkoutSession.count({ where: { workspaceId: t.workspace.workspaceId } });
    const response = await t.api.post("/api/v1/checkout/sessions", body);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code, param });
    expect(await prisma.checkoutSession.count({ where: { workspaceId: t.workspace.workspaceId } })).toBe(
      before,
    );
  });

  it("accepts a form body, as curl -d sends it", async () => {
    const response = await t.api.request("POST", "/api/v1/checkout/sessions", {
      form: "amount=5000&currency=usd&metadata[order]=9",
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ amount: 5000, currency: "USD", metadata: { order: "9" } });
  });
});

describe("completing a session", () => {
  it("auto-creates a customer for a fresh email, with one succeeded payment and its events", async () => {
    const email = `fresh-${Date.now()}@example.com`;
    const session = await openSession({ metadata: { order: "1" } });
    const response = await complete(session.id, { email, name: "Guest Payer" });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: "complete", paymentId: expect.stringMatching(/^pay_/) });
    const [customer] = await customersWithEmail(email);
    expect(customer).toMatchObject({ email, name: "Guest Payer", livemode: false });
    expect(response.body.customerId).toBe(customer.id);
    const payment = await prisma.payment.findFirstOrThrow({ where: { checkoutSessionId: session.id } });
    expect(payment).toMatchObject({
      customerId: customer.id,
      status: "succeeded",
      amount: 125000n,
      currency: "IDR",
      email,
    });
    const events = await prisma.event.findMany({
      where: {
        workspaceId: t.workspace.workspaceId,
        objectId: { in: [customer.id, payment.id, session.id] },
      },
      orderBy: { id: "asc" },
    });
    expect(events.map((event) => event.type).sort()).toEqual([
      "checkout.session.completed",
      "customer.created",
      "payment.succeeded",
    ]);
  });

  it("reuses the oldest non-archived customer with that email, whatever its case", async () => {
    const email = `known-${Date.now()}@example.com`;
    const archived = (await t.api.post("/api/v1/customers", { email })).body;
    await t.api.patch(`/api/v1/customers/${archived.id}`, { archived: true });
    const oldest = (await t.api.post("/api/v1/customers", { email: email.toUpperCase() })).body;
    await t.api.post("/api/v1/customers", { email });
    const session = await openSession();
    const response = await complete(session.id, { email: `  ${email.replace("known", "KNOWN")} ` });
    expect(response.body.customerId).toBe(oldest.id);
    expect(await customersWithEmail(email)).toHaveLength(3);
  });

  it("hangs the payment on the session's own customer, whatever email is paid with", async () => {
    const owner = (await t.api.post("/api/v1/customers", { email: "owner@example.com" })).body;
    const session = await openSession({ customerId: owner.id });
    const response = await complete(session.id, { email: "someone-else@example.com" });
    expect(response.body.customerId).toBe(owner.id);
    expect(await customersWithEmail("someone-else@example.com")).toHaveLength(0);
  });

  it("is harmless twice, even at once: one payment, one customer", async () => {
    const email = `twice-${Date.now()}@example.com`;
    const session = await openSession();
    const responses = await Promise.all(Array.from({ length: 10 }, () => complete(session.id, { email })));
    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(200));
    expect(new Set(responses.map((response) => response.body.paymentId)).size).toBe(1);
    expect(await prisma.payment.count({ where: { checkoutSessionId: session.id } })).toBe(1);
    expect(await customersWithEmail(email)).toHaveLength(1);
  });

  it("two sessions of one fresh email completed at the same moment end with one customer", async () => {
    const email = `race-${Date.now()}@example.com`;
    const sessions = await Promise.all(Array.from({ length: 6 }, () => openSession()));
    const responses = await Promise.all(sessions.map((session) => complete(session.id, { email })));
    expect(responses.map((response) => response.status)).toEqual(Array(6).fill(200));
    const customers = await customersWithEmail(email);
    expect(customers).toHaveLength(1);
    expect(new Set(responses.map((response) => response.body.customerId))).toEqual(
      new Set([customers[0].id]),
    );
    expect(await prisma.payment.count({ where: { customerId: customers[0].id } })).toBe(6);
  });

  it("a session's customer erased before the payer pays: the payment goes by email, never on the tombstone", async () => {
    const email = `erased-owner-${Date.now()}@example.com`;
    const owner = (await t.api.post("/api/v1/customers", { email, name: "Erin Erased" })).body;
    const session = await openSession({ customerId: owner.id });
    expect((await t.api.post(`/api/v1/customers/${owner.id}/redact`)).status).toBe(202);

    const response = await complete(session.id, { email, name: "Erin Again" });
    expect(response.status).toBe(200);
    expect(response.body.customerId).not.toBe(owner.id);
    const [payer] = await customersWithEmail(email);
    expect(payer).toMatchObject({ id: response.body.customerId, name: "Erin Again", redactedAt: null });
    expect(await prisma.payment.count({ where: { customerId: owner.id } })).toBe(0);
  });

  it("a completion matched by email while a merge of that customer commits pays the merge's target", async () => {
    const email = `merging-${Date.now()}@example.com`;
    const source = (await t.api.post("/api/v1/customers", { email })).body;
    const target = (await t.api.post("/api/v1/customers", { email })).body;
    const session = await openSession();
    const scope = { workspaceId: t.workspace.workspaceId, livemode: false };

    // A merge in flight, as mergeCustomers runs it: the workspace's merge lock, then the source archived.
    let completion: ReturnType<typeof complete> | undefined;
    await prisma.$transaction(
      async (tx) => {
        await lockMergeGraph(tx, scope);
        completion = complete(session.id, { email });
        await waitUntilWaitingOnALock();
        await tx.customer.update({
          where: { workspaceId_id: { workspaceId: scope.workspaceId, id: source.id } },
          data: { archivedAt: new Date(), mergedIntoId: target.id },
        });
      },
      { timeout: 20_000 },
    );
    const response = await completion!;
    expect(response.status).toBe(200);
    expect(response.body.customerId).toBe(target.id);
    expect(await prisma.payment.count({ where: { customerId: source.id } })).toBe(0);
  });

  it("an expired session cannot be paid: 409 checkout_session_expired, nothing made", async () => {
    const session = await openSession();
    await prisma.checkoutSession.update({
      where: { workspaceId_id: { workspaceId: t.workspace.workspaceId, id: session.id } },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const email = `late-${Date.now()}@example.com`;
    const response = await complete(session.id, { email });
    expect(response.status).toBe(409);
    expect(response.body.error).toMatchObject({ code: "checkout_session_expired" });
    expect((await t.api.get(`/api/v1/checkout/sessions/${session.id}`)).body.status).toBe("expired");
    expect(await customersWithEmail(email)).toHaveLength(0);
  });

  it("needs an email, and refuses a bad one, naming the field", async () => {
    const session = await openSession();
    expect((await complete(session.id, {})).body.error).toMatchObject({
      code: "parameter_missing",
      param: "email",
    });
    expect((await complete(session.id, { email: "x" })).body.error).toMatchObject({ param: "email" });
    expect((await t.api.get(`/api/v1/checkout/sessions/${session.id}`)).body.status).toBe("open");
  });

  it("is test mode only through the API, and another workspace or mode cannot see the session", async () => {
    const session = await openSession();
    const live = apiClient(t.server.url, t.workspace.liveKey);
    const liveSession = (await live.post("/api/v1/checkout/sessions", { amount: 5000, currency: "IDR" }))
      .body;
    const liveAttempt = await complete(liveSession.id, { email: "a@example.com" }, live);
    expect(liveAttempt.status).toBe(400);
    expect(liveAttempt.body.error.code).toBe("test_mode_only");
    expect((await live.get(`/api/v1/checkout/sessions/${liveSession.id}`)).body.status).toBe("open");
    // The test session is the other mode's: a live key cannot see it, to complete it or otherwise.
    expect((await complete(session.id, { email: "a@example.com" }, live)).status).toBe(404);
    expect((await live.get(`/api/v1/checkout/sessions/${session.id}`)).status).toBe(404);
    const stranger = apiClient(t.server.url, (await createTestWorkspace()).testKey);
    expect((await complete(session.id, { email: "a@example.com" }, stranger)).status).toBe(404);
    expect((await stranger.get(`/api/v1/checkout/sessions/${session.id}`)).status).toBe(404);
    expect((await t.api.get(`/api/v1/checkout/sessions/${session.id}`)).body.status).toBe("open");
  });

  it("answers 405 to methods the resources do not have", async () => {
    expect((await t.api.get("/api/v1/checkout/sessions")).status).toBe(405);
    expect((await t.api.request("DELETE", "/api/v1/checkout/sessions/cs_x")).status).toBe(405);
  });
});

/** Until another connection of this database waits for a lock (the completion, at the merge lock). */
async function waitUntilWaitingOnALock() {
  for (let i = 0; i < 100; i++) {
    const [{ waiting }] = await prisma.$queryRaw<{ waiting: number }[]>`
      SELECT count(*)::int AS waiting FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    if (waiting > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("the completion never waited for the merge lock");
}

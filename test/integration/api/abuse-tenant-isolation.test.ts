// Tenant isolation as a matrix (issue 8, item 4): every customer-related endpoint × another
// workspace's IDs and the other mode's IDs (test key against live data and the reverse). Always
// 404, an empty list, or the 400 the contract names; never the other tenant's data, never a 500,
// and nothing of theirs changed. A new endpoint is one line in ENDPOINTS.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { newId } from "@/lib/ids";
import type { Scope } from "@/lib/scope";
import { apiClient, createTestWorkspace, type ApiResponse } from "@/test/support/api-client";
import { startApiServer, type ApiServer } from "@/test/support/api-server";
import { insertRows } from "@/test/support/money-rows";

type Client = ReturnType<typeof apiClient>;

/** One tenant's customer and everything hanging on it, planted through the API where it can be. */
type Planted = {
  scope: Scope;
  client: Client;
  customerId: string;
  name: string;
  email: string;
  externalId: string;
  paymentId: string;
  subscriptionId: string;
  invoiceId: string;
  sessionId: string;
  tokenId: string;
  eventId: string;
  webhookEndpointId: string;
};

type Expected =
  | { status: 404; param?: string }
  | { status: 400; code: string; param?: string }
  | "empty list"
  | "csv header only"
  /** 200, and none of their ids in the answer. */
  | "not listed";

type Endpoint = [
  name: string,
  call: (api: Client, theirs: Planted, mine: Planted) => Promise<ApiResponse>,
  expected: Expected | ((mine: Planted) => Expected),
];

const q = (params: Record<string, string>) => `?${new URLSearchParams(params)}`;

// One line per endpoint, so the table reads as a table.
// prettier-ignore
const ENDPOINTS: Endpoint[] = [
  ["GET /customers/{id}", (api, t) => api.get(`/api/v1/customers/${t.customerId}`), { status: 404, param: "id" }],
  ["GET /v1/customers/{id}", (api, t) => api.get(`/v1/customers/${t.customerId}`), { status: 404, param: "id" }],
  ["PATCH /customers/{id}", (api, t) => api.patch(`/api/v1/customers/${t.customerId}`, { name: "Taken over", metadata: null }), { status: 404, param: "id" }],
  ["PATCH /customers/{id} archived", (api, t) => api.patch(`/api/v1/customers/${t.customerId}`, { archived: true }), { status: 404, param: "id" }],
  ["POST /customers/{id}/redact", (api, t) => api.post(`/api/v1/customers/${t.customerId}/redact`), { status: 404, param: "id" }],
  ["POST /customers/{theirs}/merge {mine}", (api, t, m) => api.post(`/api/v1/customers/${t.customerId}/merge`, { sourceId: m.customerId }), { status: 404, param: "id" }],
  ["POST /customers/{mine}/merge {theirs}", (api, t, m) => api.post(`/api/v1/customers/${m.customerId}/merge`, { sourceId: t.customerId }), { status: 404, param: "sourceId" }],
  ["PATCH /customers/{mine} their token", (api, t, m) => api.patch(`/api/v1/customers/${m.customerId}`, { defaultPaymentTokenId: t.tokenId }), { status: 400, code: "parameter_invalid", param: "defaultPaymentTokenId" }],
  // q is typo-tolerant, so it may find the attacker's own look-alike "Victim …": never theirs.
  ["GET /customers?q=their id", (api, t) => api.get(`/api/v1/customers${q({ q: t.customerId })}`), "not listed"],
  ["GET /customers?q=their name", (api, t) => api.get(`/api/v1/customers${q({ q: t.name, archived: "all" })}`), "not listed"],
  ["GET /customers?email=", (api, t) => api.get(`/api/v1/customers${q({ email: t.email, archived: "all" })}`), "empty list"],
  ["GET /customers?externalId=", (api, t) => api.get(`/api/v1/customers${q({ externalId: t.externalId })}`), "empty list"],
  ["GET /customers?archived=all", (api) => api.get(`/api/v1/customers${q({ archived: "all", limit: "100" })}`), "not listed"],
  ["GET /customers/export?email=", (api, t) => api.get(`/api/v1/customers/export${q({ email: t.email, archived: "all" })}`), "csv header only"],
  ["GET /customers/export?q=", (api, t) => api.get(`/api/v1/customers/export${q({ q: t.customerId })}`), "csv header only"],
  ["GET /payments?customerId=", (api, t) => api.get(`/api/v1/payments${q({ customerId: t.customerId })}`), "empty list"],
  ["GET /subscriptions?customerId=", (api, t) => api.get(`/api/v1/subscriptions${q({ customerId: t.customerId })}`), "empty list"],
  ["GET /invoices?customerId=", (api, t) => api.get(`/api/v1/invoices${q({ customerId: t.customerId })}`), "empty list"],
  ["GET /payments", (api) => api.get("/api/v1/payments?limit=100"), "not listed"],
  ["GET /subscriptions", (api) => api.get("/api/v1/subscriptions?limit=100"), "not listed"],
  ["GET /invoices", (api) => api.get("/api/v1/invoices?limit=100"), "not listed"],
  ["GET /payments/{id}", (api, t) => api.get(`/api/v1/payments/${t.paymentId}`), { status: 404, param: "id" }],
  ["GET /subscriptions/{id}", (api, t) => api.get(`/api/v1/subscriptions/${t.subscriptionId}`), { status: 404, param: "id" }],
  ["GET /invoices/{id}", (api, t) => api.get(`/api/v1/invoices/${t.invoiceId}`), { status: 404, param: "id" }],
  ["GET /events", (api) => api.get("/api/v1/events?limit=100"), "not listed"],
  ["GET /events?type=customer.created", (api) => api.get("/api/v1/events?limit=100&type=customer.created"), "not listed"],
  ["GET /events/{id}", (api, t) => api.get(`/api/v1/events/${t.eventId}`), { status: 404, param: "id" }],
  ["POST /checkout/sessions {customerId}", (api, t) => api.post("/api/v1/checkout/sessions", { amount: 5000, currency: "IDR", customerId: t.customerId }), { status: 400, code: "parameter_invalid", param: "customerId" }],
  ["GET /checkout/sessions/{id}", (api, t) => api.get(`/api/v1/checkout/sessions/${t.sessionId}`), { status: 404, param: "id" }],
  // Completing through the API is test mode only, but a live key hears that only of its own sessions.
  ["POST /checkout/sessions/{id}/complete", (api, t) => api.post(`/api/v1/checkout/sessions/${t.sessionId}/complete`, { email: "thief@example.com" }), { status: 404, param: "id" }],
  ["GET /webhook_endpoints/{id}", (api, t) => api.get(`/api/v1/webhook_endpoints/${t.webhookEndpointId}`), { status: 404, param: "id" }],
  ["PATCH /webhook_endpoints/{id}", (api, t) => api.patch(`/api/v1/webhook_endpoints/${t.webhookEndpointId}`, { url: "http://127.0.0.1:9/stolen" }), { status: 404, param: "id" }],
  ["GET /webhook_endpoints", (api) => api.get("/api/v1/webhook_endpoints"), "not listed"],
  // Last, as it changes the attacker's own customer: externalId is unique per workspace and mode,
  // so theirs is free here, and taking it tells nothing about them.
  ["PATCH /customers/{mine} their externalId", (api, t, m) => api.patch(`/api/v1/customers/${m.customerId}`, { externalId: t.externalId }), "not listed"],
];

let server: ApiServer;
beforeAll(async () => {
  // No background jobs: nothing but the requests below may touch a row while they run.
  server = await startApiServer({ JOBS_WORKER: "off" });
  return () => server.stop();
});

async function plant(secretKey: string, workspaceId: string, livemode: boolean): Promise<Planted> {
  const client = apiClient(server.url, secretKey);
  const scope = { workspaceId, livemode };
  const marker = randomBytes(4).toString("hex");
  const name = `Victim ${marker}`;
  const email = `victim-${marker}@example.com`;
  const externalId = `victim_${marker}`;
  const created = await client.post("/api/v1/customers", { name, email, externalId, metadata: { marker } });
  expect(created.status).toBe(201);
  const customerId = created.body.id;
  const session = await client.post("/api/v1/checkout/sessions", {
    amount: 125000,
    currency: "IDR",
    customerId,
  });
  expect(session.status).toBe(201);
  const at = [new Date()];
  const [[payment], [subscription], [invoice]] = await Promise.all([
    insertRows("payments", scope, [customerId], at),
    insertRows("subscriptions", scope, [customerId], at),
    insertRows("invoices", scope, [customerId], at),
  ]);
  const tokenId = newId("paymentToken");
  await prisma.paymentToken.create({
    data: { ...scope, id: tokenId, customerId, type: "card", fingerprint: `fp_${marker}` },
  });
  expect(
    (await client.patch(`/api/v1/customers/${customerId}`, { defaultPaymentTokenId: tokenId })).status,
  ).toBe(200);
  const events = (await client.get("/api/v1/events?type=customer.created&limit=100")).body.data;
  const eventId = events.find(
    (event: { data: { object: { id: string } } }) => event.data.object.id === customerId,
  ).id;
  // An event type nothing below emits, so no delivery is attempted; the address is loopback anyway.
  const webhook = await client.post("/api/v1/webhook_endpoints", {
    url: "http://127.0.0.1:9/hook",
    events: ["customer.merged"],
  });
  expect(webhook.status).toBe(201);
  return {
    scope,
    client,
    customerId,
    name,
    email,
    externalId,
    paymentId: payment.id,
    subscriptionId: subscription.id,
    invoiceId: invoice.id,
    sessionId: session.body.id,
    tokenId,
    eventId,
    webhookEndpointId: webhook.body.id,
  };
}

/** Every row a tenant owns in one mode, as stored. */
async function snapshot({ workspaceId, livemode }: Scope) {
  const where = { workspaceId, livemode };
  const byId = { orderBy: { id: "asc" as const } };
  return Promise.all([
    prisma.customer.findMany({ where, ...byId }),
    prisma.paymentToken.findMany({ where, ...byId }),
    prisma.payment.findMany({ where, ...byId }),
    prisma.subscription.findMany({ where, ...byId }),
    prisma.invoice.findMany({ where, ...byId }),
    prisma.checkoutSession.findMany({ where, ...byId }),
    prisma.event.findMany({ where, ...byId }),
    prisma.webhookEndpoint.findMany({ where, ...byId }),
  ]);
}

function idsOf(theirs: Planted): string[] {
  return [
    theirs.customerId,
    theirs.paymentId,
    theirs.subscriptionId,
    theirs.invoiceId,
    theirs.sessionId,
    theirs.eventId,
    theirs.webhookEndpointId,
  ];
}

function check(name: string, response: ApiResponse, expected: Expected, theirs: Planted) {
  const text = typeof response.body === "string" ? response.body : JSON.stringify(response.body);
  expect(response.status, `${name}: ${text.slice(0, 300)}`).toBeLessThan(500);
  // Their personal data never comes back, whatever the answer.
  expect(text, name).not.toContain(theirs.email);
  expect(text, name).not.toContain(theirs.name);
  if (expected === "empty list") {
    expect(response.status, name).toBe(200);
    expect(response.body, name).toMatchObject({ object: "list", data: [], hasMore: false, nextCursor: null });
  } else if (expected === "csv header only") {
    expect(response.status, name).toBe(200);
    expect((response.body as string).trim().split("\r\n"), name).toHaveLength(1);
  } else if (expected === "not listed") {
    expect(response.status, name).toBe(200);
    for (const id of idsOf(theirs)) expect(text, name).not.toContain(id);
  } else if (expected.status === 404) {
    expect(response.status, name).toBe(404);
    expect(response.body.error, name).toMatchObject({
      type: "invalid_request_error",
      code: "resource_missing",
    });
    if (expected.param) expect(response.body.error.param, name).toBe(expected.param);
  } else {
    expect(response.status, name).toBe(expected.status);
    expect(response.body.error, name).toMatchObject({ code: expected.code });
    expect(response.body.error.param, name).toBe(expected.param);
  }
}

describe("tenant isolation", () => {
  it.each([
    ["another workspace's ids, with a test key", "other workspace"],
    ["the live mode's ids, with the same workspace's test key", "live from test"],
    ["the test mode's ids, with the same workspace's live key", "test from live"],
  ] as const)("%s: every endpoint answers as if they did not exist, and changes nothing", async (_, pair) => {
    const [a, b] = await Promise.all([createTestWorkspace(), createTestWorkspace()]);
    const [attacker, theirs] =
      pair === "other workspace"
        ? await Promise.all([plant(a.testKey, a.workspaceId, false), plant(b.testKey, b.workspaceId, false)])
        : pair === "live from test"
          ? await Promise.all([plant(a.testKey, a.workspaceId, false), plant(a.liveKey, a.workspaceId, true)])
          : await Promise.all([
              plant(a.liveKey, a.workspaceId, true),
              plant(a.testKey, a.workspaceId, false),
            ]);
    const before = await snapshot(theirs.scope);

    for (const [name, call, expected] of ENDPOINTS) {
      const answer = await call(attacker.client, theirs, attacker);
      check(name, answer, typeof expected === "function" ? expected(attacker) : expected, theirs);
    }

    expect(await snapshot(theirs.scope)).toEqual(before);
    // And the owner still sees all of it.
    expect((await theirs.client.get(`/api/v1/customers/${theirs.customerId}`)).body).toMatchObject({
      name: theirs.name,
      email: theirs.email,
      defaultPaymentTokenId: theirs.tokenId,
      archivedAt: null,
      redactedAt: null,
    });
  });
});

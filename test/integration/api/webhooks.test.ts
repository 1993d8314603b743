// Webhooks over real HTTP: the app (`next start`, its worker in the same process) delivers to a
// real local receiver that checks every signature. Retry delays are shortened; the 10 s attempt
// timeout is the real one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { sweepIdempotencyKeys } from "@/lib/jobs/sweep-idempotency-keys";
import { apiClient, createTestWorkspace } from "@/test/support/api-client";
import { startApiTestbed } from "@/test/support/api-testbed";
import { startWebhookReceiver, type WebhookReceiver } from "@/test/support/webhook-receiver";

const t = startApiTestbed({
  WEBHOOK_POLL_MS: "100",
  WEBHOOK_RETRY_BASE_MS: "300",
  WEBHOOK_RETRY_MAX_MS: "1000",
  WEBHOOK_RETRY_WINDOW_MS: "60000",
});

let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(() => receiver?.close());

/** A fresh workspace with one endpoint at `path` subscribed to `events`. */
async function endpointAt(path: string, events: string[] = ["*"]) {
  const workspace = await createTestWorkspace();
  const api = apiClient(t.server.url, workspace.testKey);
  const created = await api.post("/api/v1/webhook_endpoints", { url: `${receiver.url}${path}`, events });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return { api, workspace, endpoint: created.body };
}

describe("webhook endpoints API", () => {
  it("creates an endpoint with a whsec_ secret shown once; lists and retrieves it without", async () => {
    const { api, endpoint } = await endpointAt("/api-shape", ["customer.created", "customer.created"]);
    expect(endpoint).toMatchObject({
      object: "webhook_endpoint",
      url: `${receiver.url}/api-shape`,
      events: ["customer.created"],
      description: null,
      status: "enabled",
      livemode: false,
    });
    expect(endpoint.id).toMatch(/^we_/);
    expect(endpoint.secret).toMatch(/^whsec_/);

    const retrieved = await api.get(`/api/v1/webhook_endpoints/${endpoint.id}`);
    expect(retrieved.status).toBe(200);
    const withoutSecret = { ...endpoint };
    delete withoutSecret.secret;
    expect(retrieved.body).toEqual(withoutSecret);
    const list = await api.get("/api/v1/webhook_endpoints");
    expect(list.body).toEqual({
      object: "list",
      url: "/api/v1/webhook_endpoints",
      data: [withoutSecret],
      hasMore: false,
      nextCursor: null,
    });
  });

  it("answers 400 naming the bad field", async () => {
    const cases: [unknown, string, string][] = [
      [{ url: "ftp://example.com/x", events: ["*"] }, "parameter_invalid", "url"],
      [{ url: "not a url", events: ["*"] }, "parameter_invalid", "url"],
      [{ events: ["*"] }, "parameter_missing", "url"],
      [{ url: "https://example.com" }, "parameter_missing", "events"],
      [{ url: "https://example.com", events: [] }, "parameter_invalid", "events"],
      [{ url: "https://example.com", events: ["customer.deleted"] }, "parameter_invalid", "events.0"],
      [{ url: "https://example.com", events: "*" }, "parameter_invalid", "events"],
      [{ url: "https://example.com", events: ["*"], secret: "mine" }, "parameter_unknown", "secret"],
    ];
    for (const [body, code, param] of cases) {
      const response = await t.api.post("/api/v1/webhook_endpoints", body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error, JSON.stringify(body)).toMatchObject({ code, param });
    }
    const patched = await t.api.patch("/api/v1/webhook_endpoints/we_x", { disabled: "yes" });
    expect(patched.body.error).toMatchObject({ code: "parameter_invalid", param: "disabled" });
  });

  it("hides another workspace's and the other mode's endpoints (404)", async () => {
    const { endpoint, workspace } = await endpointAt("/private");
    const foreign = await t.api.get(`/api/v1/webhook_endpoints/${endpoint.id}`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error).toMatchObject({ code: "resource_missing", param: "id" });
    expect((await t.api.patch(`/api/v1/webhook_endpoints/${endpoint.id}`, { disabled: true })).status).toBe(
      404,
    );
    const live = apiClient(t.server.url, workspace.liveKey);
    expect((await live.get(`/api/v1/webhook_endpoints/${endpoint.id}`)).status).toBe(404);
    expect((await live.get("/api/v1/webhook_endpoints")).body.data).toEqual([]);
  });

  it("honours Idempotency-Key: a retried create makes one endpoint and replays its secret", async () => {
    const body = { url: "https://example.com/hook", events: ["*"] };
    const first = await t.api.post("/api/v1/webhook_endpoints", body, { "Idempotency-Key": "we-1" });
    const again = await t.api.post("/api/v1/webhook_endpoints", body, { "Idempotency-Key": "we-1" });
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body).toEqual(first.body);
  });

  it("answers 405 to DELETE, pointing to disabling", async () => {
    const response = await t.api.request("DELETE", "/api/v1/webhook_endpoints/we_x");
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, PATCH");
  });
});

describe("deliveries", () => {
  it("delivers customer.created, signed, with the event as its body", async () => {
    const { api, endpoint } = await endpointAt("/created", ["customer.created"]);
    receiver.route("/created", endpoint.secret);
    const customer = (
      await api.post("/api/v1/customers", { email: "hook@example.com", metadata: { a: "1" } })
    ).body;
    await api.patch(`/api/v1/customers/${customer.id}`, { name: "not subscribed" });

    await receiver.waitFor((all) => all.some((r) => r.path === "/created"));
    const delivery = receiver.received.find((r) => r.path === "/created")!;
    expect(delivery.signatureValid).toBe(true);
    expect(delivery.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(delivery.deliveryId).toMatch(/^whd_/);
    expect(delivery.event).toEqual({
      id: expect.stringMatching(/^evt_/),
      object: "event",
      type: "customer.created",
      livemode: false,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      data: { object: customer },
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.received.filter((r) => r.path === "/created")).toHaveLength(1);
    const row = await prisma.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
    await expect
      .poll(async () => (await prisma.webhookDelivery.findFirstOrThrow({ where: { id: row.id } })).status)
      .toBe("succeeded");
  });

  it("retries after a 500 and records one success", async () => {
    const { api, endpoint } = await endpointAt("/flaky");
    receiver.route("/flaky", endpoint.secret, (_request, attempt) => ({ status: attempt === 1 ? 500 : 200 }));
    await api.post("/api/v1/customers", { name: "Retry me" });
    await receiver.waitFor((all) => all.filter((r) => r.path === "/flaky").length >= 2);
    const attempts = receiver.received.filter((r) => r.path === "/flaky");
    expect(attempts.map((r) => r.deliveryId)).toEqual([attempts[0].deliveryId, attempts[0].deliveryId]);
    expect(attempts.every((r) => r.signatureValid)).toBe(true);
    expect(attempts[1].at - attempts[0].at).toBeGreaterThanOrEqual(250);
    await expect
      .poll(() => prisma.webhookDelivery.findFirst({ where: { endpointId: endpoint.id } }))
      .toMatchObject({ status: "succeeded", attempts: 2, responseStatus: 200, error: null });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(receiver.received.filter((r) => r.path === "/flaky")).toHaveLength(2);
  });

  it("keeps each customer's events in order, even when an earlier one needs retries", async () => {
    const { api, endpoint } = await endpointAt("/ordered");
    // Every event's first attempt fails, so each must wait for a retry before the next may go.
    receiver.route("/ordered", endpoint.secret, (_request, attempt) => ({
      status: attempt === 1 ? 503 : 200,
    }));
    const a = (await api.post("/api/v1/customers", { name: "A0" })).body;
    const b = (await api.post("/api/v1/customers", { name: "B0" })).body;
    for (let i = 1; i <= 3; i++) {
      await api.patch(`/api/v1/customers/${a.id}`, { name: `A${i}` });
      await api.patch(`/api/v1/customers/${b.id}`, { name: `B${i}` });
    }
    await receiver.waitFor(
      (all) => all.filter((r) => r.path === "/ordered" && r.status === 200).length === 8,
      60_000,
    );
    for (const customer of [a, b]) {
      const names = receiver.received
        .filter((r) => r.path === "/ordered" && r.event.data.object.id === customer.id)
        .map((r) => `${r.event.data.object.name}:${r.status}`);
      const prefix = customer.name[0];
      // Each event fails once and then succeeds before the next event is tried at all.
      expect(names).toEqual([0, 1, 2, 3].flatMap((i) => [`${prefix}${i}:503`, `${prefix}${i}:200`]));
    }
  });

  it("a receiver that stalls for 10 s never slows the API", async () => {
    const { api, endpoint } = await endpointAt("/stall");
    receiver.route("/stall", endpoint.secret, () => ({ delayMs: 12_000 }));
    for (let i = 0; i < 5; i++) await api.post("/api/v1/customers", { name: `Stalled ${i}` });
    await receiver.waitFor((all) => all.some((r) => r.path === "/stall"));
    const timings: number[] = [];
    for (let i = 0; i < 10; i++) {
      const started = Date.now();
      const response = await t.api.post("/api/v1/customers", { name: `Fast ${i}` });
      expect(response.status).toBe(201);
      timings.push(Date.now() - started);
    }
    expect(Math.max(...timings)).toBeLessThan(1500);
    // The stalled attempt times out at 10 s and is retried.
    await expect
      .poll(
        () =>
          prisma.webhookDelivery.findFirst({
            where: { endpointId: endpoint.id, attempts: { gte: 1 }, error: { not: null } },
          }),
        {
          timeout: 20_000,
        },
      )
      .toMatchObject({ error: "No response within 10000 ms", status: "pending" });
    // Its five deliveries hold at most 3 of the worker's 10 attempt slots: other endpoints still get theirs.
    const beside = await endpointAt("/beside-stall");
    receiver.route("/beside-stall", beside.endpoint.secret);
    await beside.api.post("/api/v1/customers", { name: "Not starved" });
    await receiver.waitFor((all) => all.some((r) => r.path === "/beside-stall"), 5000);
    receiver.route("/stall", endpoint.secret);
  }, 60_000);

  it("a disabled endpoint gets nothing; enabled again, it gets the events from then on", async () => {
    const { api, endpoint } = await endpointAt("/paused");
    receiver.route("/paused", endpoint.secret);
    const disabled = await api.patch(`/api/v1/webhook_endpoints/${endpoint.id}`, { disabled: true });
    expect(disabled.body.status).toBe("disabled");
    await api.post("/api/v1/customers", { name: "While paused" });
    expect(await prisma.webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(0);
    const enabled = await api.patch(`/api/v1/webhook_endpoints/${endpoint.id}`, { disabled: false });
    expect(enabled.body.status).toBe("enabled");
    await api.post("/api/v1/customers", { name: "After" });
    await receiver.waitFor((all) => all.some((r) => r.path === "/paused"));
    const delivery = receiver.received.find((r) => r.path === "/paused")!;
    expect(delivery.event.data.object.name).toBe("After");
  });
});

describe("the idempotency-key sweep", () => {
  it("is scheduled in pg-boss, and deletes expired keys in batches, keeping live ones", async () => {
    const [schedule] = await prisma.$queryRaw<{ name: string; cron: string }[]>`
      SELECT name, cron FROM pgboss.schedule WHERE name = 'idempotency-keys-sweep'`;
    expect(schedule).toMatchObject({ cron: "*/10 * * * *" });

    const workspace = await createTestWorkspace();
    const past = new Date(Date.now() - 60_000);
    const future = new Date(Date.now() + 3600_000);
    const key = (index: number, expiresAt: Date) => ({
      workspaceId: workspace.workspaceId,
      livemode: false,
      key: `k${index}`,
      method: "POST",
      path: "/v1/customers",
      requestHash: "x",
      expiresAt,
    });
    await prisma.idempotencyKey.createMany({
      data: [...Array.from({ length: 25 }, (_, i) => key(i, past)), key(99, future)],
    });
    expect(await sweepIdempotencyKeys({ batchSize: 10 })).toBeGreaterThanOrEqual(25);
    const left = await prisma.idempotencyKey.findMany({ where: { workspaceId: workspace.workspaceId } });
    expect(left.map((row) => row.key)).toEqual(["k99"]);
  });
});

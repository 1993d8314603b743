import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { prisma } from "@/lib/db/prisma";
import {
  apiClient,
  createTestWorkspace,
  type ApiResponse,
  type TestWorkspace,
} from "@/test/support/api-client";
import { startApiServer, type ApiServer } from "@/test/support/api-server";

let server: ApiServer;
let limited: ApiServer;
let workspace: TestWorkspace;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  [server, limited, workspace] = await Promise.all([
    startApiServer(),
    startApiServer({ RATE_LIMIT_TEST: "5", RATE_LIMIT_LIVE: "10", RATE_LIMIT_BURST_SECONDS: "2" }),
    createTestWorkspace(),
  ]);
  api = apiClient(server.url, workspace.testKey);
});
afterAll(() => Promise.all([server?.stop(), limited?.stop()]));

describe("POST /customers/bulk", () => {
  it("answers one result per item, in input order; one bad item never fails the others", async () => {
    await api.post("/api/v1/customers", { externalId: "bulk_existing" });
    const items = [
      { email: "one@example.com", externalId: "bulk_1" },
      { email: "not-an-email" },
      { externalId: "bulk_existing" },
      { externalId: "bulk_1" }, // clashes with item 0 of the same batch
      { nmae: "typo" },
      { name: "Six" },
    ];
    const response = await api.post("/api/v1/customers/bulk", { items });
    expect(response.status).toBe(200);
    expect(response.body.object).toBe("bulk_result");
    const results = response.body.results;
    expect(results.map((r: { index: number; status: number }) => [r.index, r.status])).toEqual([
      [0, 201],
      [1, 400],
      [2, 409],
      [3, 409],
      [4, 400],
      [5, 201],
    ]);
    expect(results[0].customer).toMatchObject({ object: "customer", email: "one@example.com" });
    expect(results[1].error).toMatchObject({ code: "parameter_invalid", param: "email" });
    expect(results[3].error).toMatchObject({
      code: "resource_already_exists",
      existingId: results[0].customer.id,
    });
    expect(results[4].error).toMatchObject({ code: "parameter_unknown", param: "nmae" });
    const created = await prisma.event.count({
      where: { workspaceId: workspace.workspaceId, type: "customer.created" },
    });
    expect(created).toBe(3); // bulk_existing + items 0 and 5
  });

  it("emits one customer.created event per created customer, as returned, and one delivery per subscribed endpoint", async () => {
    const own = await createTestWorkspace();
    const ownApi = apiClient(server.url, own.testKey);
    const subscribed = await ownApi.post("/api/v1/webhook_endpoints", {
      url: "http://127.0.0.1:9/created",
      events: ["customer.created"],
    });
    await ownApi.post("/api/v1/webhook_endpoints", {
      url: "http://127.0.0.1:9/updated",
      events: ["customer.updated"],
    });
    const taken = (await ownApi.post("/api/v1/customers", { externalId: "taken" })).body;
    const response = await ownApi.post("/api/v1/customers/bulk", {
      items: [
        { externalId: "taken" },
        { externalId: "new_1", metadata: { zeta: "1", a: "2" } },
        { externalId: "taken" }, // repeats an item that clashes with an existing customer
        { externalId: "new_1" }, // repeats a created item
        { email: "bad" },
        { name: "Six" },
      ],
    });
    const results = response.body.results;
    expect(results.map((r: { status: number }) => r.status)).toEqual([409, 201, 409, 409, 400, 201]);
    expect(results[0].error.existingId).toBe(taken.id);
    expect(results[2].error.existingId).toBe(taken.id);
    expect(results[3].error.existingId).toBe(results[1].customer.id);

    const created = [results[1].customer, results[5].customer];
    const events = await prisma.event.findMany({
      where: { workspaceId: own.workspaceId, type: "customer.created", objectId: { not: taken.id } },
      include: { deliveries: true },
    });
    expect(events).toHaveLength(2);
    for (const customer of created) {
      const event = events.find((e) => e.objectId === customer.id)!;
      expect(event.data).toEqual({ object: customer });
      expect(event.deliveries.map((d) => [d.endpointId, d.orderingKey, d.status])).toEqual([
        [subscribed.body.id, customer.id, "pending"],
      ]);
    }
    expect(await prisma.customer.count({ where: { workspaceId: own.workspaceId } })).toBe(3);
  });

  it("takes up to 1,000 items and refuses more, or none", async () => {
    const thousand = Array.from({ length: 1000 }, (_, i) => ({
      externalId: `bulk_k_${i}`,
      name: `Bulk ${i}`,
    }));
    const ok = await api.post("/api/v1/customers/bulk", { items: thousand });
    expect(ok.status).toBe(200);
    expect(ok.body.results.every((r: { status: number }) => r.status === 201)).toBe(true);
    const tooMany = await api.post("/api/v1/customers/bulk", { items: [...thousand, { name: "x" }] });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error).toMatchObject({ code: "parameter_invalid", param: "items" });
    expect((await api.post("/api/v1/customers/bulk", { items: [] })).body.error.param).toBe("items");
    expect((await api.post("/api/v1/customers/bulk", {})).body.error).toMatchObject({
      code: "parameter_missing",
      param: "items",
    });
  });

  it("replays with the same Idempotency-Key instead of creating twice", async () => {
    const headers = { "Idempotency-Key": "bulk-retry-1" };
    const items = [{ externalId: "bulk_idem_a" }, { externalId: "bulk_idem_b" }];
    const first = await api.post("/api/v1/customers/bulk", { items }, headers);
    const again = await api.post("/api/v1/customers/bulk", { items }, headers);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body).toEqual(first.body);
    expect(again.body.results.map((r: { status: number }) => r.status)).toEqual([201, 201]);
  });
});

describe("rate limits", () => {
  it("sends RateLimit headers, and 429 with Retry-After past the burst; keys and modes count apart", async () => {
    const testApi = apiClient(limited.url, workspace.testKey);
    const responses = [];
    for (let i = 0; i < 14; i++) responses.push(await testApi.get("/api/v1/customers?limit=1"));
    expect(responses[0].headers.get("ratelimit-limit")).toBe("5");
    expect(Number(responses[0].headers.get("ratelimit-remaining"))).toBeGreaterThanOrEqual(0);
    const refused = responses.filter((r) => r.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    expect(responses.slice(0, 10).every((r) => r.status === 200)).toBe(true);
    expect(refused[0].body.error).toMatchObject({ type: "rate_limit_error", code: "rate_limited" });
    expect(Number(refused[0].headers.get("retry-after"))).toBeGreaterThanOrEqual(1);

    const live = await apiClient(limited.url, workspace.liveKey).get("/api/v1/customers?limit=1");
    expect(live.status).toBe(200);
    expect(live.headers.get("ratelimit-limit")).toBe("10");
  });
});

describe("rate limits, honoured by a client", () => {
  it("every authenticated answer carries them; waiting Retry-After gets through; one key's exhaustion limits no other", async () => {
    const [mine, other] = await Promise.all([createTestWorkspace(), createTestWorkspace()]);
    const api = apiClient(limited.url, mine.testKey);
    const answers = [
      await api.post("/api/v1/customers", { name: "Counted" }),
      await api.get("/api/v1/customers?limit=0"),
      await api.get("/api/v1/customers/cus_00000000000000000000000000"),
      await api.get("/api/v1/customers/export"),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([201, 400, 404, 200]);
    for (const answer of answers) {
      expect(answer.headers.get("ratelimit-limit")).toBe("5");
      expect(answer.headers.get("ratelimit-remaining")).toMatch(/^\d+$/);
      expect(Number(answer.headers.get("ratelimit-reset"))).toBeGreaterThanOrEqual(1);
    }

    let refused: Awaited<ReturnType<typeof api.get>> | undefined;
    for (let i = 0; i < 30 && !refused; i++) {
      const answer = await api.get("/api/v1/customers?limit=1");
      if (answer.status === 429) refused = answer;
    }
    expect(refused, "no 429 within 30 requests").toBeDefined();
    const retryAfter = Number(refused!.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(refused!.headers.get("ratelimit-remaining")).toBe("0");
    expect(refused!.headers.get("ratelimit-limit")).toBe("5");

    // Another workspace's key, and this workspace's live key, are not held up by it.
    expect((await apiClient(limited.url, other.testKey).get("/api/v1/customers?limit=1")).status).toBe(200);
    expect((await apiClient(limited.url, mine.liveKey).get("/api/v1/customers?limit=1")).status).toBe(200);

    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
    const again = await api.get("/api/v1/customers?limit=1");
    expect(again.status).toBe(200);
    expect(again.headers.get("ratelimit-limit")).toBe("5");
  });
});

describe("rate limits without a valid key", () => {
  it("a 401, a 405 and unknown paths (undecodable ones too) carry RateLimit headers, counted per client address; a flood gets 429", async () => {
    const anonymous = apiClient(limited.url);
    const wrongKey = apiClient(limited.url, "sk_test_" + "x".repeat(32));
    // One address of its own (X-Forwarded-For, as a proxy in front would send it), so no other test's
    // requests count against it.
    const from = { "X-Forwarded-For": "203.0.113.7" };
    const answers = [
      await anonymous.get("/api/v1/customers", from),
      await wrongKey.get("/api/v1/customers", from),
      await anonymous.request("DELETE", "/api/v1/customers/cus_none", { headers: from }),
      await anonymous.get("/api/v1/no_such_resource", from),
      // Undecodable escapes, which proxy.ts hands to the catch-all (decision 64).
      await anonymous.get("/api/v1/%FF", from),
      await anonymous.get("/v1/customers/cus_%FF", from),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([401, 401, 405, 404, 404, 404]);
    for (const answer of answers) {
      expect(answer.headers.get("ratelimit-limit")).toBe("5");
      expect(answer.headers.get("ratelimit-remaining")).toMatch(/^\d+$/);
      expect(Number(answer.headers.get("ratelimit-reset"))).toBeGreaterThanOrEqual(1);
    }

    let refused: ApiResponse | undefined;
    for (let i = 0; i < 30 && !refused; i++) {
      const answer = await wrongKey.get("/api/v1/customers", from);
      if (answer.status === 429) refused = answer;
      else expect(answer.status).toBe(401);
    }
    expect(refused, "no 429 within 30 requests").toBeDefined();
    expect(refused!.body.error).toMatchObject({ type: "rate_limit_error", code: "rate_limited" });
    expect(Number(refused!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);

    // A valid key from the same address counts on its own, and another address is not held up.
    expect(
      (await apiClient(limited.url, workspace.testKey).get("/api/v1/customers?limit=1", from)).status,
    ).toBe(200);
    expect((await anonymous.get("/api/v1/customers", { "X-Forwarded-For": "203.0.113.8" })).status).toBe(401);
  });

  it("a flooding address's unverified keys are refused before they are looked up; keys verified moments ago still pass (decision 70)", async () => {
    const from = { "X-Forwarded-For": "203.0.113.9" };
    const wrongKey = apiClient(limited.url, "sk_test_" + "y".repeat(32));
    const floodUntilRefused = async () => {
      for (let i = 0; i < 30; i++) if ((await wrongKey.get("/api/v1/customers", from)).status === 429) return;
      throw new Error("no 429 within 30 requests");
    };
    const verified = apiClient(limited.url, workspace.testKey);
    const unseen = await Promise.all(
      Array.from({ length: 5 }, () => createApiKey({ workspaceId: workspace.workspaceId, mode: "test" })),
    );

    // The address's window may roll over between the flood's 429 and the next request, so an unseen
    // key gets a few tries, each a key this server has never looked up (a lookup would have let it in).
    let refusedUnseen: ApiResponse | undefined;
    let refusedKey = "";
    for (const key of unseen) {
      expect((await verified.get("/api/v1/customers?limit=1", from)).status).toBe(200);
      await floodUntilRefused();
      const answer = await apiClient(limited.url, key.secretKey).get("/api/v1/customers?limit=1", from);
      if (answer.status === 429) {
        [refusedUnseen, refusedKey] = [answer, key.secretKey];
        expect((await verified.get("/api/v1/customers?limit=1", from)).status).toBe(200);
        break;
      }
    }
    expect(refusedUnseen, "an unseen valid key was let in from a flooding address").toBeDefined();
    expect(refusedUnseen!.body.error.code).toBe("rate_limited");
    expect(Number(refusedUnseen!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);

    // From another address, the same key is looked up and let in.
    const elsewhere = { "X-Forwarded-For": "203.0.113.10" };
    expect(
      (await apiClient(limited.url, refusedKey).get("/api/v1/customers?limit=1", elsewhere)).status,
    ).toBe(200);
  });
});

describe("every response", () => {
  it("carries a Request-Id, errors included", async () => {
    const responses = await Promise.all([
      api.get("/api/v1/customers"),
      api.get("/v1/customers/cus_none"),
      apiClient(server.url).get("/api/v1/customers"),
      api.request("DELETE", "/api/v1/customers/cus_none"),
    ]);
    for (const response of responses)
      expect(response.headers.get("request-id")).toMatch(/^req_[0-9A-Z]{26}$/);
  });
});

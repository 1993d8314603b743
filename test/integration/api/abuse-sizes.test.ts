// Hostile sizes over real HTTP (issue 8, item 4): metadata with 10,000 keys, JSON nested 10,000
// deep, bodies over the size limits (with a chunked body and a lying Content-Length), and cursors
// no list handed out. Every case is a clean 4xx: never a 500, never a hang, nothing stored.
import { describe, expect, it } from "vitest";
import { apiClient, createTestWorkspace } from "@/test/support/api-client";
import { startApiTestbed } from "@/test/support/api-testbed";
import { basicAuth, rawRequest, requestHead } from "@/test/support/raw-http";
import { refusalChecks } from "@/test/support/refusal-checks";

const t = startApiTestbed();
const { stored, expect400, newCustomer } = refusalChecks(t);
const MiB = 1_048_576;

describe("metadata with 10,000 keys and JSON nested 10,000 deep", () => {
  const tenThousandKeys = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`key${i}`, "v"]));
  const nestedArrays = "[".repeat(10_000) + "]".repeat(10_000);
  const nestedObjects = '{"a":'.repeat(10_000) + "1" + "}".repeat(10_000);

  it("are 400 naming the field, on create, update, bulk and forms; the server keeps serving", async () => {
    const customer = await newCustomer({ metadata: { kept: "yes" } });
    const before = await stored();
    expect400(
      await t.api.post("/api/v1/customers", { metadata: tenThousandKeys }),
      "parameter_invalid",
      "metadata",
    );
    expect400(
      await t.api.patch(`/api/v1/customers/${customer.id}`, { metadata: tenThousandKeys }),
      "parameter_invalid",
      "metadata",
    );
    const form = Object.keys(tenThousandKeys)
      .map((key) => `metadata[${key}]=v`)
      .join("&");
    expect400(await t.api.request("POST", "/api/v1/customers", { form }), "parameter_invalid", "metadata");

    const raw = (body: string, path = "/api/v1/customers", headers: Record<string, string> = {}) =>
      t.api.request("POST", path, { raw: body, headers: { "content-type": "application/json", ...headers } });
    expect400(await raw(`{"metadata":{"a":${nestedArrays}}}`), "parameter_invalid", "metadata.a");
    expect400(await raw(`{"name":${nestedObjects}}`), "parameter_invalid", "name");
    expect400(
      await raw(`{"deep":${nestedArrays}}`, undefined, { "Idempotency-Key": "deep-1" }),
      "parameter_unknown",
      "deep",
    );
    const far = "[".repeat(200_000) + "]".repeat(200_000);
    expect((await raw(`{"deep":${far}}`)).status).toBe(400);
    expect400(
      await t.api.request("POST", "/api/v1/customers", { form: `metadata${"[a]".repeat(10_000)}=1` }),
      "body_invalid",
    );
    const bulk = await raw(
      `{"items":[{"metadata":${nestedObjects}},{"name":"Fine"}]}`,
      "/api/v1/customers/bulk",
    );
    expect(bulk.status).toBe(200);
    expect(bulk.body.results.map((result: { status: number }) => result.status)).toEqual([400, 201]);
    expect(bulk.body.results[0].error.param).toBe("metadata.a");

    expect(await stored()).toEqual({ ...before, customers: before.customers + 1, events: before.events + 1 });
    expect((await t.api.get(`/api/v1/customers/${customer.id}`)).body.metadata).toEqual({ kept: "yes" });
  });
});

describe("bodies over the limit", () => {
  const auth = () => basicAuth(t.workspace.testKey);
  const jsonOfSize = (bytes: number) => {
    const head = '{"name":"x","metadata":{}}';
    return head.slice(0, -1) + " ".repeat(bytes - head.length) + "}";
  };

  it("1 MiB passes and 1 MiB + 1 byte is 413 body_too_large on every write; 10 MiB + 1 on bulk", async () => {
    const customer = await newCustomer();
    const before = await stored();
    const send = (method: string, path: string, bytes: number) =>
      t.api.request(method, path, {
        raw: jsonOfSize(bytes),
        headers: { "content-type": "application/json" },
      });
    for (const [method, path] of [
      ["POST", "/api/v1/customers"],
      ["PATCH", `/api/v1/customers/${customer.id}`],
      ["POST", `/api/v1/customers/${customer.id}/merge`],
      ["POST", `/api/v1/customers/${customer.id}/redact`],
      ["POST", "/api/v1/checkout/sessions"],
      ["POST", "/api/v1/webhook_endpoints"],
    ]) {
      const response = await send(method, path, MiB + 1);
      expect(response.status, `${method} ${path}`).toBe(413);
      expect(response.body.error).toMatchObject({ type: "invalid_request_error", code: "body_too_large" });
    }
    expect(await stored()).toEqual(before);
    expect((await send("PATCH", `/api/v1/customers/${customer.id}`, MiB)).status).toBe(200);

    const bulkOfSize = (bytes: number) => {
      const head = '{"items":[{"name":"Bulk"}]}';
      return head.slice(0, -1) + " ".repeat(bytes - head.length) + "}";
    };
    const bulk = (bytes: number) =>
      t.api.request("POST", "/api/v1/customers/bulk", {
        raw: bulkOfSize(bytes),
        headers: { "content-type": "application/json" },
      });
    expect((await bulk(10 * MiB + 1)).status).toBe(413);
    expect((await bulk(10 * MiB)).body.results[0].status).toBe(201);
  });

  it("is counted as it arrives: a chunked body, or a Content-Length that lies, never gets past the limit", async () => {
    const before = await stored();
    const post = (path: string, headers: Record<string, string | number>) =>
      requestHead("POST", path, { Authorization: auth(), "Content-Type": "application/json", ...headers });
    const chunked = (path: string, size: number) =>
      rawRequest(
        t.server.url,
        Buffer.concat([
          Buffer.from(post(path, { "Transfer-Encoding": "chunked" })),
          Buffer.from(`${size.toString(16)}\r\n${jsonOfSize(size)}\r\n0\r\n\r\n`),
        ]),
      );
    for (const [path, limit] of [
      ["/api/v1/customers", MiB],
      ["/api/v1/customers/bulk", 10 * MiB],
    ] as const) {
      const response = await chunked(path, limit + 1);
      expect(response.status, path).toBe(413);
      expect(response.body).toContain('"code":"body_too_large"');
    }
    // Declares 2 MiB, sends a few bytes: refused up front, without waiting for the rest.
    const declaredHuge = await rawRequest(
      t.server.url,
      post("/api/v1/customers", { "Content-Length": 2 * MiB }) + '{"name":"lying"}',
      { endAfterMs: 5000 },
    );
    expect(declaredHuge.status).toBe(413);
    // Declares 5 bytes and sends more: the body is the 5 bytes (bad JSON); the rest is no request.
    const understated = await rawRequest(
      t.server.url,
      post("/api/v1/customers", { "Content-Length": 5 }) + '{"name":"lying"}',
    );
    expect(understated.status).toBe(400);
    // Declares 500 bytes, sends 16 and stops: a 4xx for the client, not a 500 in the server's log.
    const overstated = await rawRequest(
      t.server.url,
      post("/api/v1/customers", { "Content-Length": 500 }) + '{"name":"lying"}',
      { endAfterMs: 300 },
    );
    expect(overstated.status).toBe(400);
    const both = await rawRequest(
      t.server.url,
      post("/api/v1/customers", { "Content-Length": 3, "Transfer-Encoding": "chunked" }) +
        '10\r\n{"name":"lying"}\r\n0\r\n\r\n',
    );
    expect(both.status).toBe(400);
    expect(await stored()).toEqual(before);
    expect(t.server.output()).not.toMatch(/"level":50[^\n]*"msg":"request failed"/);
    expect((await t.api.get("/api/v1/customers?limit=1")).status).toBe(200);
  });
});

describe("cursors no list handed out", () => {
  it("are 400 cursor_invalid on every list, whatever their size; one past Node's header limit is 431", async () => {
    const lists = [
      "/api/v1/customers",
      "/api/v1/payments",
      "/api/v1/subscriptions",
      "/api/v1/invoices",
      "/api/v1/events",
    ];
    const tenKiB = `${"A".repeat(10_000)}.${"B".repeat(24)}`;
    for (const list of lists) {
      expect400(await t.api.get(`${list}?cursor=${tenKiB}`), "cursor_invalid", "cursor");
    }
    const huge = await t.api.get(`/api/v1/customers?cursor=${"A".repeat(100_000)}`);
    expect(huge.status).toBe(431);
  });

  it("on GET /events: another workspace's, the other mode's or another list's cursor is 400", async () => {
    const mine = await createTestWorkspace();
    const api = apiClient(t.server.url, mine.testKey);
    const live = apiClient(t.server.url, mine.liveKey);
    const stranger = apiClient(t.server.url, (await createTestWorkspace()).testKey);
    for (const client of [api, live, stranger]) {
      await client.post("/api/v1/customers/bulk", { items: [{ name: "A" }, { name: "B" }, { name: "C" }] });
    }
    const cursorOf = async (client: typeof api, path: string) =>
      (await client.get(path)).body.nextCursor as string;
    const own = await cursorOf(api, "/api/v1/events?limit=1");
    expect((await api.get(`/api/v1/events?cursor=${own}`)).status).toBe(200);
    const flipped = own.slice(0, 5) + (own[5] === "A" ? "B" : "A") + own.slice(6);
    for (const [what, cursor] of [
      ["a flipped byte", flipped],
      ["the other mode's", await cursorOf(live, "/api/v1/events?limit=1")],
      ["another workspace's", await cursorOf(stranger, "/api/v1/events?limit=1")],
      ["the customers list's", await cursorOf(api, "/api/v1/customers?limit=1")],
    ]) {
      const response = await api.get(`/api/v1/events?cursor=${cursor}`);
      expect(response.status, what).toBe(400);
      expect(response.body.error).toMatchObject({ code: "cursor_invalid", param: "cursor" });
    }
    expect((await live.get(`/api/v1/events?cursor=${own}`)).status).toBe(400);
  });
});

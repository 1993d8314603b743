// Hostile input over real HTTP (issue 8, item 4): NUL characters, bytes that are not UTF-8,
// injection strings, metadata with 10,000 keys, JSON nested 10,000 deep, bodies over the size
// limits (with a chunked body and a lying Content-Length), and cursors no list handed out.
// Every case is a clean 4xx in the contract's envelope: never a 500, never a hang, nothing stored.
import { describe, expect, it } from "vitest";
import { parse as parseCsv } from "csv-parse/sync";
import { prisma } from "@/lib/db/prisma";
import { apiClient, createTestWorkspace, type ApiResponse } from "@/test/support/api-client";
import { startApiTestbed } from "@/test/support/api-testbed";
import { basicAuth, rawRequest, requestHead } from "@/test/support/raw-http";

const t = startApiTestbed();
const MiB = 1_048_576;

/** What the workspace holds: a refused request must leave both unchanged. */
async function stored() {
  const where = { workspaceId: t.workspace.workspaceId };
  const [customers, events, checkoutSessions, webhookEndpoints] = await Promise.all([
    prisma.customer.count({ where }),
    prisma.event.count({ where }),
    prisma.checkoutSession.count({ where }),
    prisma.webhookEndpoint.count({ where }),
  ]);
  return { customers, events, checkoutSessions, webhookEndpoints };
}

function expect400(response: ApiResponse, code: string, param?: string) {
  expect(response.status, JSON.stringify(response.body)).toBe(400);
  expect(response.body.error).toMatchObject({ type: "invalid_request_error", code });
  if (param !== undefined) expect(response.body.error.param).toBe(param);
  expect(response.body.error.requestId).toMatch(/^req_/);
}

async function newCustomer(body: Record<string, unknown> = {}) {
  const response = await t.api.post("/api/v1/customers", body);
  expect(response.status).toBe(201);
  return response.body;
}

describe("NUL characters (PostgreSQL text cannot hold U+0000)", () => {
  it("are refused in every body field with 400 naming the field, and nothing is stored", async () => {
    const customer = await newCustomer();
    const other = await newCustomer();
    const cases: [string, string, unknown, string][] = [
      ["POST", "/api/v1/customers", { name: "Ali\u0000ce" }, "name"],
      ["POST", "/api/v1/customers", { externalId: "crm\u0000" }, "externalId"],
      ["POST", "/api/v1/customers", { email: "a\u0000@example.com" }, "email"],
      ["POST", "/api/v1/customers", { metadata: { plan: "pro\u0000" } }, "metadata.plan"],
      ["POST", "/api/v1/customers", { metadata: { "pl\u0000an": "pro" } }, "metadata.pl\u0000an"],
      ["PATCH", `/api/v1/customers/${customer.id}`, { taxId: "\u0000" }, "taxId"],
      ["PATCH", `/api/v1/customers/${customer.id}`, { phone: "+62 811\u0000" }, "phone"],
      ["POST", `/api/v1/customers/${customer.id}/merge`, { sourceId: `${other.id}\u0000` }, "sourceId"],
      [
        "POST",
        "/api/v1/checkout/sessions",
        { amount: 1, currency: "IDR", description: "\u0000" },
        "description",
      ],
      [
        "POST",
        "/api/v1/checkout/sessions",
        { amount: 1, currency: "IDR", customerId: "cus_\u0000" },
        "customerId",
      ],
      ["POST", "/api/v1/webhook_endpoints", { url: "https://example.com/\u0000", events: ["*"] }, "url"],
      [
        "POST",
        "/api/v1/webhook_endpoints",
        { url: "https://example.com/", events: ["*"], description: "\u0000" },
        "description",
      ],
    ];
    const before = await stored();
    for (const [method, path, json, param] of cases) {
      const response = await t.api.request(method, path, { json });
      expect400(response, "parameter_invalid", param);
      expect(response.body.error.message).toContain(param.split(".")[0]);
    }
    const form = await t.api.request("POST", "/api/v1/customers", { form: "name=a%00b" });
    expect400(form, "parameter_invalid", "name");
    expect(await stored()).toEqual(before);
    expect((await t.api.get(`/api/v1/customers/${customer.id}`)).body).toEqual(customer);
  });

  it("in one bulk item fail that item only", async () => {
    const response = await t.api.post("/api/v1/customers/bulk", {
      items: [{ name: "Good" }, { name: "Bad\u0000" }, { metadata: { k: "\u0000" } }],
    });
    expect(response.status).toBe(200);
    const [good, bad, badMetadata] = response.body.results;
    expect(good).toMatchObject({ status: 201, customer: { name: "Good" } });
    expect(bad).toMatchObject({ status: 400, error: { code: "parameter_invalid", param: "name" } });
    expect(badMetadata).toMatchObject({
      status: 400,
      error: { code: "parameter_invalid", param: "metadata.k" },
    });
  });

  it("are refused in query parameters (400 naming them) and path ids (404)", async () => {
    for (const path of [
      "/api/v1/customers?q=a%00b",
      "/api/v1/customers?email=a%00@example.com",
      "/api/v1/customers?externalId=%00",
      "/api/v1/customers/export?q=%00",
      "/api/v1/payments?customerId=cus_%00",
      "/api/v1/subscriptions?customerId=cus_%00",
      "/api/v1/invoices?customerId=cus_%00",
      "/api/v1/events?type=customer.%00",
    ]) {
      const param = /\?(\w+)=/.exec(path)![1];
      expect400(await t.api.get(path), "parameter_invalid", param);
    }
    expect400(await t.api.get("/api/v1/customers?na%00me=x"), "parameter_invalid", "na\u0000me");
    for (const path of [
      "/api/v1/customers/cus_%00",
      "/api/v1/payments/pay_%00",
      "/api/v1/events/evt_%00",
      "/api/v1/checkout/sessions/cs_%00",
      "/api/v1/webhook_endpoints/we_%00",
    ]) {
      const response = await t.api.get(path);
      expect(response.status, path).toBe(404);
      expect(response.body.error).toMatchObject({ code: "resource_missing", param: "id" });
    }
    const patch = await t.api.patch("/api/v1/customers/cus_%00", { name: "x" });
    expect(patch.status).toBe(404);
    const redact = await t.api.post("/api/v1/customers/cus_%00/redact");
    expect(redact.status).toBe(404);
  });
});

describe("bytes that are not UTF-8", () => {
  it("are 400 in a JSON body, a form body, a query parameter's value or name; a bad header is 4xx", async () => {
    const before = await stored();
    const json = await t.api.request("POST", "/api/v1/customers", {
      raw: Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]),
      headers: { "content-type": "application/json" },
    });
    expect400(json, "body_invalid");
    const rawForm = await t.api.request("POST", "/api/v1/customers", {
      raw: Buffer.concat([Buffer.from("name="), Buffer.from([0xc3, 0x28])]),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect400(rawForm, "body_invalid");
    expect400(await t.api.request("POST", "/api/v1/customers", { form: "name=%FF" }), "body_invalid", "name");

    // URLSearchParams would quietly read %FF as U+FFFD and search for something else.
    expect400(await t.api.get("/api/v1/customers?q=%FF%FE"), "parameter_invalid", "q");
    expect400(await t.api.get("/api/v1/customers?email=%C3%28@example.com"), "parameter_invalid", "email");
    expect400(await t.api.get("/api/v1/customers/export?name=%ED%A0%80"), "parameter_invalid");
    expect400(await t.api.get("/api/v1/events?%FF=1"), "parameter_invalid");
    // A "%" that is not an escape stays a "%", as URLSearchParams reads it.
    expect((await t.api.get("/api/v1/customers?q=100%")).status).toBe(200);

    const idempotencyKey = await t.api.request("POST", "/api/v1/customers", {
      json: {},
      headers: { "Idempotency-Key": "key-\u00ff\u00fe" },
    });
    expect400(idempotencyKey, "parameter_invalid", "Idempotency-Key");
    const contentType = await t.api.request("POST", "/api/v1/customers", {
      raw: "{}",
      headers: { "content-type": "application/json\u00ff" },
    });
    expect(contentType.status).toBe(415);
    const authorization = await apiClient(t.server.url).get("/api/v1/customers", {
      authorization: `Basic ${Buffer.from([0xff, 0xfe, 0x3a]).toString("base64")}`,
    });
    expect(authorization.status).toBe(401);
    // Raw 0xFF bytes in a header value and in the request line: Node's parser answers 400.
    const rawHeader = await rawRequest(
      t.server.url,
      Buffer.concat([
        Buffer.from(
          `GET /api/v1/customers?q=\xff HTTP/1.1\r\nHost: x\r\nAuthorization: ${basicAuth(t.workspace.testKey)}\r\nX-Note: `,
          "latin1",
        ),
        Buffer.from([0xff, 0xfe]),
        Buffer.from("\r\nConnection: close\r\n\r\n"),
      ]),
    );
    expect(rawHeader.status).toBe(400);
    expect(await stored()).toEqual(before);
  });
});

describe("injection strings", () => {
  const SQL = "'; DROP TABLE customers; --";
  const HTML = "<script>alert(1)</script>";
  const WILDCARD = "%' OR 1=1 --";
  const EMAIL = "o'hara%_1=1@example.com";

  it("are stored and returned literally by create, update, retrieve, list filters and export", async () => {
    const workspace = await createTestWorkspace();
    const api = apiClient(t.server.url, workspace.testKey);
    const decoy = (await api.post("/api/v1/customers", { name: "Decoy Person", email: "decoy@example.com" }))
      .body;
    const created = await api.post("/api/v1/customers", {
      name: SQL,
      email: EMAIL,
      externalId: WILDCARD,
      taxId: HTML,
      metadata: { [HTML]: SQL, note: WILDCARD },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: SQL,
      email: EMAIL,
      externalId: WILDCARD,
      taxId: HTML,
      metadata: { [HTML]: SQL, note: WILDCARD },
    });
    const id = created.body.id;
    const updated = await api.patch(`/api/v1/customers/${id}`, { name: HTML, phone: "+1 (555) 0100" });
    expect(updated.body).toMatchObject({ name: HTML, email: EMAIL, externalId: WILDCARD });
    expect((await api.get(`/api/v1/customers/${id}`)).body).toEqual(updated.body);

    const ids = async (query: Record<string, string>) => {
      const response = await api.get(`/api/v1/customers?${new URLSearchParams(query)}`);
      expect(response.status, JSON.stringify(query)).toBe(200);
      return response.body.data.map((customer: { id: string }) => customer.id);
    };
    // The strings match themselves, and their wildcards and quotes match nothing else.
    expect(await ids({ q: "script>alert" })).toEqual([id]);
    expect(await ids({ q: WILDCARD })).toEqual([id]);
    expect(await ids({ q: "%" })).toEqual([id]);
    expect(await ids({ q: "%_" })).toEqual([id]);
    expect(await ids({ q: "' OR '1'='1" })).toEqual([]);
    expect(await ids({ email: EMAIL.toUpperCase() })).toEqual([id]);
    expect(await ids({ email: "%@example.com" })).toEqual([]);
    expect(await ids({ email: "o'hara__1=1@example.com" })).toEqual([]);
    expect(await ids({ externalId: WILDCARD })).toEqual([id]);
    expect(await ids({ externalId: "%" })).toEqual([]);
    expect(await ids({})).toEqual([id, decoy.id]);

    const csv = await api.get(`/api/v1/customers/export?${new URLSearchParams({ q: WILDCARD })}`);
    expect(csv.status).toBe(200);
    const [header, row, ...rest] = parseCsv(csv.body as string) as string[][];
    expect(rest).toEqual([]);
    const cells = Object.fromEntries(header.map((column, i) => [column, row[i]]));
    expect(cells).toMatchObject({ id, name: HTML, email: EMAIL, externalId: WILDCARD, taxId: HTML });
    expect(JSON.parse(cells.metadata)).toEqual({ [HTML]: SQL, note: WILDCARD });
    // And the tables are all still there.
    expect(await prisma.customer.count({ where: { workspaceId: workspace.workspaceId } })).toBe(2);
  });
});

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

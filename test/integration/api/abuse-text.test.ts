// Hostile text over real HTTP (issue 8, item 4): NUL characters, bytes that are not UTF-8 and
// injection strings. Every case is a clean 4xx in the contract's envelope or the text stored and
// returned literally: never a 500, nothing stored half-way. Sizes: abuse-sizes.test.ts.
import { describe, expect, it } from "vitest";
import { parse as parseCsv } from "csv-parse/sync";
import { prisma } from "@/lib/db/prisma";
import { apiClient, createTestWorkspace } from "@/test/support/api-client";
import { startApiTestbed } from "@/test/support/api-testbed";
import { basicAuth, rawRequest } from "@/test/support/raw-http";
import { refusalChecks } from "@/test/support/refusal-checks";

const t = startApiTestbed();
const { stored, expect400, newCustomer } = refusalChecks(t);

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

describe("paths whose percent-escapes are not UTF-8", () => {
  it("are 404, never Next's plain 500: the contract's JSON under /api/v1 and /v1, the not-found page elsewhere", async () => {
    const before = await stored();
    for (const [method, path, body] of [
      ["GET", "/api/v1/customers/cus_%FF", undefined],
      ["GET", "/v1/customers/%C3%28", undefined],
      ["PATCH", "/api/v1/customers/cus_%FF", { name: "x" }],
      ["POST", "/api/v1/customers/cus_%ED%A0%80/redact", {}],
      ["GET", "/api/v1/payments/pay_%FF", undefined],
      ["GET", "/api/v1/%FF", undefined],
      ["GET", "/api/v1/customers/cus_50%", undefined],
    ] as const) {
      const response = await t.api.request(method, path, body ? { json: body } : {});
      expect(response.status, path).toBe(404);
      expect(response.body.error, path).toMatchObject({
        type: "invalid_request_error",
        code: "resource_missing",
      });
      expect(response.body.error.message, path).toBe(
        `Unrecognized request URL (${method} ${path}): its percent-escapes are not UTF-8.`,
      );
      expect(response.headers.get("request-id")).toMatch(/^req_/);
    }
    for (const path of [
      "/dashboard/customers/cus_%FF",
      "/dashboard/customers/cus_%FF/merge",
      "/checkout/cs_%FF",
    ]) {
      const response = await fetch(`${t.server.url}${path}`, {
        headers: { cookie: "plugipay.session_token=any" },
        redirect: "manual",
      });
      expect(response.status, path).toBe(404);
      expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    }
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

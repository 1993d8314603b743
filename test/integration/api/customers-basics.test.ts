import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { apiClient, createTestWorkspace } from "@/test/support/api-client";
import { startApiTestbed } from "@/test/support/api-testbed";

const t = startApiTestbed();

const CUSTOMER_KEYS = [
  "archivedAt",
  "createdAt",
  "defaultPaymentTokenId",
  "email",
  "externalId",
  "id",
  "livemode",
  "mergedIntoId",
  "metadata",
  "name",
  "object",
  "phone",
  "redactedAt",
  "taxId",
  "updatedAt",
];

describe("POST /customers", () => {
  it("creates a customer: 201, Location, every key present, a customer.created event", async () => {
    const response = await t.api.post("/api/v1/customers", {
      email: "Alice@Example.com",
      name: "  Alice Smith ",
      externalId: "crm_1",
      metadata: { segment: "enterprise", note: "  kept as sent  " },
    });
    expect(response.status).toBe(201);
    const customer = response.body;
    expect(Object.keys(customer).sort()).toEqual(CUSTOMER_KEYS);
    expect(customer).toMatchObject({
      object: "customer",
      email: "Alice@Example.com",
      name: "Alice Smith",
      externalId: "crm_1",
      phone: null,
      metadata: { segment: "enterprise", note: "  kept as sent  " },
      livemode: false,
    });
    expect(customer.id).toMatch(/^cus_[0-9A-Z]{26}$/);
    expect(customer.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(response.headers.get("location")).toBe(`/api/v1/customers/${customer.id}`);
    expect(response.headers.get("request-id")).toMatch(/^req_/);

    const events = await prisma.event.findMany({
      where: { workspaceId: t.workspace.workspaceId, objectId: customer.id },
    });
    expect(events.map((e) => e.type)).toEqual(["customer.created"]);
    expect((events[0].data as { object: unknown }).object).toEqual(customer);
  });

  it("accepts an empty customer, and form bodies as curl -d sends them", async () => {
    const empty = await t.api.post("/api/v1/customers", {});
    expect(empty.status).toBe(201);
    expect(empty.body).toMatchObject({ email: null, name: null, metadata: {} });

    const form = await t.api.request("POST", "/v1/customers", {
      form: "email=bob%40example.com&name=Bob+Builder&metadata[plan]=pro&phone=",
    });
    expect(form.status).toBe(201);
    expect(form.body).toMatchObject({
      email: "bob@example.com",
      name: "Bob Builder",
      phone: null,
      metadata: { plan: "pro" },
    });
  });

  it("normalises text: NFC, trimmed, empty means null", async () => {
    const response = await t.api.post("/api/v1/customers", { name: "Zoe\u0308", taxId: "   ", email: null });
    expect(response.status).toBe(201);
    expect(response.body.name).toBe("Zoë");
    expect(response.body.taxId).toBeNull();
  });

  it.each([
    [{ email: "not-an-email" }, "parameter_invalid", "email"],
    [{ email: `${"a".repeat(510)}@x.co` }, "parameter_invalid", "email"],
    [{ name: "n".repeat(257) }, "parameter_invalid", "name"],
    [{ phone: "12a4" }, "parameter_invalid", "phone"],
    [{ phone: "+1 (2)" }, "parameter_invalid", "phone"],
    [{ taxId: "t".repeat(65) }, "parameter_invalid", "taxId"],
    [{ externalId: "x".repeat(256) }, "parameter_invalid", "externalId"],
    [{ email: 42 }, "parameter_invalid", "email"],
    [{ metadata: "plan" }, "parameter_invalid", "metadata"],
    [{ metadata: [] }, "parameter_invalid", "metadata"],
    [{ metadata: { plan: 3 } }, "parameter_invalid", "metadata.plan"],
    [{ metadata: { "a[b]": "x" } }, "parameter_invalid", "metadata.a[b]"],
    [{ metadata: { ["k".repeat(41)]: "x" } }, "parameter_invalid", `metadata.${"k".repeat(41)}`],
    [{ metadata: { plan: "v".repeat(501) } }, "parameter_invalid", "metadata.plan"],
    [
      { metadata: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"])) },
      "parameter_invalid",
      "metadata",
    ],
    [{ external_id: "x" }, "parameter_unknown", "external_id"],
    [{ id: "cus_x" }, "parameter_unknown", "id"],
    [{ livemode: true }, "parameter_unknown", "livemode"],
    [{ createdAt: "2026-01-01" }, "parameter_unknown", "createdAt"],
    [{ archived: true }, "parameter_unknown", "archived"],
    [{ defaultPaymentTokenId: "ptok_x" }, "parameter_invalid", "defaultPaymentTokenId"],
  ])("refuses %j with 400 %s naming %s, and stores nothing", async (body, code, param) => {
    const before = await prisma.customer.count({ where: { workspaceId: t.workspace.workspaceId } });
    const response = await t.api.post("/api/v1/customers", body);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ type: "invalid_request_error", code, param });
    expect(response.body.error.message).toContain(param);
    expect(await prisma.customer.count({ where: { workspaceId: t.workspace.workspaceId } })).toBe(before);
  });

  it("refuses malformed bodies, other media types and oversized bodies", async () => {
    const malformed = await t.api.request("POST", "/api/v1/customers", {
      raw: "{oops",
      headers: { "content-type": "application/json" },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe("body_invalid");
    const array = await t.api.request("POST", "/api/v1/customers", { json: [1, 2] });
    expect(array.body.error.code).toBe("body_invalid");
    const xml = await t.api.request("POST", "/api/v1/customers", {
      raw: "<x/>",
      headers: { "content-type": "application/xml" },
    });
    expect(xml.status).toBe(415);
    expect(xml.body.error.code).toBe("unsupported_media_type");
    const huge = await t.api.post("/api/v1/customers", { name: "x".repeat(1024 * 1024) });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe("body_too_large");
  });

  it("answers a duplicate externalId with 409 and the existing customer's id", async () => {
    const first = await t.api.post("/api/v1/customers", { externalId: "dup_1" });
    const second = await t.api.post("/api/v1/customers", { externalId: "dup_1", email: "x@example.com" });
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({
      code: "resource_already_exists",
      param: "externalId",
      existingId: first.body.id,
    });
  });
});

describe("GET /customers/{id}", () => {
  it("retrieves, at /api/v1 and at the /v1 alias", async () => {
    const created = await t.api.post("/api/v1/customers", { name: "Retrieve Me" });
    for (const path of [`/api/v1/customers/${created.body.id}`, `/v1/customers/${created.body.id}`]) {
      const response = await t.api.get(path);
      expect(response.status).toBe(200);
      expect(response.body).toEqual(created.body);
      expect(response.headers.get("request-id")).toMatch(/^req_/);
    }
  });

  it("is 404 for an unknown id, another workspace's customer, or the other mode's", async () => {
    const other = await createTestWorkspace();
    const theirs = await apiClient(t.server.url, other.testKey).post("/api/v1/customers", { name: "Theirs" });
    const live = await apiClient(t.server.url, t.workspace.liveKey).post("/api/v1/customers", {
      name: "Live one",
    });
    for (const id of ["cus_00000000000000000000000000", theirs.body.id, live.body.id]) {
      const response = await t.api.get(`/api/v1/customers/${id}`);
      expect(response.status).toBe(404);
      expect(response.body.error).toMatchObject({
        type: "invalid_request_error",
        code: "resource_missing",
        param: "id",
      });
    }
  });
});

describe("DELETE /customers/{id}", () => {
  it("is 405 with Allow and points to erasure", async () => {
    const response = await t.api.request("DELETE", "/api/v1/customers/cus_00000000000000000000000000");
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, PATCH");
    expect(response.body.error).toMatchObject({ code: "method_not_allowed" });
    expect(response.body.error.message).toContain("/redact");
  });
});

describe("unknown paths and methods", () => {
  it("answer in the contract's JSON: 404 for a path, 405 with Allow for a method", async () => {
    const unknown = await t.api.get("/api/v1/custmers");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ type: "invalid_request_error", code: "resource_missing" });
    expect(unknown.headers.get("request-id")).toMatch(/^req_/);
    const put = await t.api.request("PUT", "/api/v1/customers", { json: {} });
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("GET, POST");
    expect(put.body.error.code).toBe("method_not_allowed");
  });
});

describe("authentication", () => {
  it("is 401 with a Basic challenge for no key, a malformed header, an unknown or a revoked key — never echoing it", async () => {
    const revoked = await createTestWorkspace();
    await prisma.apiKey.updateMany({
      where: { workspaceId: revoked.workspaceId },
      data: { revokedAt: new Date() },
    });
    const unknown = `sk_test_${"Z".repeat(32)}`;
    const attempts: Record<string, string>[] = [
      {},
      { authorization: "Basic" },
      { authorization: "Token abc" },
      { authorization: `Bearer ${unknown}` },
      { authorization: `Basic ${Buffer.from(`${unknown}:`).toString("base64")}` },
      { authorization: `Bearer ${revoked.testKey}` },
    ];
    for (const headers of attempts) {
      const response = await apiClient(t.server.url).get("/api/v1/customers", headers);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe('Basic realm="Plugipay"');
      expect(response.body.error).toMatchObject({ type: "authentication_error", code: "invalid_api_key" });
      expect(JSON.stringify(response.body)).not.toContain(unknown.slice(8));
      expect(JSON.stringify(response.body)).not.toContain(revoked.testKey.slice(8));
    }
  });

  it("accepts Bearer as well as Basic, and keeps test and live data apart", async () => {
    const live = apiClient(t.server.url, t.workspace.liveKey);
    const liveCustomer = await live.post("/api/v1/customers", { email: "live-only@example.com" });
    const bearer = await apiClient(t.server.url).get("/api/v1/customers?email=live-only@example.com", {
      authorization: `Bearer ${t.workspace.testKey}`,
    });
    expect(bearer.status).toBe(200);
    expect(bearer.body.data).toEqual([]);
    const asLive = await live.get("/api/v1/customers?email=live-only@example.com");
    expect(asLive.body.data.map((c: { id: string }) => c.id)).toEqual([liveCustomer.body.id]);
    expect(asLive.body.data[0].livemode).toBe(true);
  });
});

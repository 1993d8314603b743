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


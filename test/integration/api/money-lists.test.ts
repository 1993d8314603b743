// GET /payments, /subscriptions, /invoices and their {id}: the customers list's envelope, paging,
// the customerId filter, strict input, and scoping by workspace and mode (spec/api.md, "Related
// resources").
import { describe, expect, it } from "vitest";
import type { ApiResponse } from "@/test/support/api-client";
import type { ApiClient } from "@/test/support/customer-list";
import { expectError, startListTestbed, testScope } from "@/test/support/list-testbed";
import { insertCustomer, insertRows, newestFirst, type MoneyResource } from "@/test/support/money-rows";

const { newWorkspace } = startListTestbed();

type Page = {
  object: string;
  url: string;
  data: { id: string; [key: string]: unknown }[];
  hasMore: boolean;
  nextCursor: string | null;
};

const path = (resource: string, params: Record<string, string | null | undefined> = {}) => {
  const given = Object.entries(params).filter((entry): entry is [string, string] => entry[1] != null);
  const query = new URLSearchParams(given).toString();
  return `/api/v1/${resource}${query ? `?${query}` : ""}`;
};

async function allIds(api: ApiClient, resource: string, params: Record<string, string>): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const response: ApiResponse<Page> = await api.get<Page>(path(resource, { ...params, cursor }));
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.nextCursor === null).toBe(!response.body.hasMore);
    pages.push(response.body.data.map((item) => item.id));
    cursor = response.body.nextCursor;
  } while (cursor);
  return pages;
}

const minutesBefore = (count: number, newest = new Date("2026-06-01T12:00:00.000Z")) =>
  Array.from({ length: count }, (_, i) => new Date(newest.getTime() - i * 60_000));

const objects: Record<MoneyResource, { object: string; keys: string[]; other: MoneyResource }> = {
  payments: {
    object: "payment",
    other: "invoices",
    keys: ["id", "object", "customerId", "amount", "amountRefunded", "currency", "status", "email", "name", "description", "metadata", "livemode", "createdAt"],
  },
  subscriptions: {
    object: "subscription",
    other: "payments",
    keys: ["id", "object", "customerId", "status", "amount", "currency", "interval", "currentPeriodEnd", "livemode", "createdAt"],
  },
  invoices: {
    object: "invoice",
    other: "subscriptions",
    keys: ["id", "object", "customerId", "subscriptionId", "number", "status", "amountDue", "currency", "customerName", "customerEmail", "customerTaxId", "livemode", "createdAt"],
  },
}; // prettier-ignore

describe.each(Object.keys(objects) as MoneyResource[])("GET /%s", (resource) => {
  const { object, keys, other } = objects[resource];

  it("answers the list envelope, 10 by default, newest first, with the object's keys and integer amounts", async () => {
    const { api, ...workspace } = await newWorkspace();
    const scope = testScope(workspace);
    const customer = await insertCustomer(scope, "Alice");
    const rows = await insertRows(resource, scope, [customer], minutesBefore(25));
    const expected = newestFirst(rows);

    for (const url of [path(resource), `/v1/${resource}`]) {
      const response = await api.get<Page>(url);
      expect(response.status).toBe(200);
      expect(response.headers.get("request-id")).toMatch(/^req_/);
      expect(Object.keys(response.body).sort()).toEqual(["data", "hasMore", "nextCursor", "object", "url"]);
      expect(response.body).toMatchObject({ object: "list", url: `/api/v1/${resource}`, hasMore: true });
      expect(response.body.data.map((item) => item.id)).toEqual(expected.slice(0, 10));
      const first = response.body.data[0];
      expect(Object.keys(first)).toEqual(keys);
      expect(first).toMatchObject({ object, customerId: customer, livemode: false });
      const amount = first.amount ?? first.amountDue;
      expect(Number.isInteger(amount)).toBe(true);
    }
    const all = await api.get<Page>(path(resource, { limit: "100" }));
    expect(all.body.data.map((item) => item.id)).toEqual(expected);
    expect(all.body).toMatchObject({ hasMore: false, nextCursor: null });
  });

  it("pages 120 objects 50 at a time, ties on createdAt included: each exactly once, in order", async () => {
    const { api, ...workspace } = await newWorkspace();
    const scope = testScope(workspace);
    const customer = await insertCustomer(scope, "Bob");
    // Pairs share a creation time, so the id breaks ties.
    const times = minutesBefore(60).flatMap((time) => [time, time]);
    const rows = await insertRows(resource, scope, [customer], times);
    const pages = await allIds(api, resource, { limit: "50" });
    expect(pages.map((page) => page.length)).toEqual([50, 50, 20]);
    expect(pages.flat()).toEqual(newestFirst(rows));
  });

  it("filters by customerId, pages within the filter, and gives an empty list for an unknown id", async () => {
    const { api, live, ...workspace } = await newWorkspace();
    const scope = testScope(workspace);
    const [alice, bob] = [await insertCustomer(scope, "Alice"), await insertCustomer(scope, "Bob")];
    const rows = await insertRows(resource, scope, [alice, bob, bob], minutesBefore(30));
    const alices = rows.filter((row) => row.customerId === alice);

    const pages = await allIds(api, resource, { customerId: alice, limit: "3" });
    expect(pages.flat()).toEqual(newestFirst(alices));
    expect(pages).toHaveLength(4);
    const bobs = await api.get<Page>(path(resource, { customerId: bob, limit: "100" }));
    expect(bobs.body.data).toHaveLength(20);
    expect(bobs.body.data.every((item) => item.customerId === bob)).toBe(true);

    const unknown = await api.get<Page>(path(resource, { customerId: "cus_00000000000000000000000000" }));
    expect(unknown.body).toMatchObject({ data: [], hasMore: false, nextCursor: null });
    // The live key sees none of the test-mode objects, filtered or not.
    expect((await live.get<Page>(path(resource))).body.data).toEqual([]);
    expect((await live.get<Page>(path(resource, { customerId: alice }))).body.data).toEqual([]);
  });

  it("refuses a bad limit, an unknown or repeated parameter, a blank customerId and foreign or tampered cursors", async () => {
    const { api, ...workspace } = await newWorkspace();
    const scope = testScope(workspace);
    const customer = await insertCustomer(scope, "Carol");
    await insertRows(resource, scope, [customer], minutesBefore(3));

    for (const limit of ["0", "101", "-1", "1.5", "abc", ""])
      await expectError(api, path(resource, { limit }), "parameter_invalid", "limit");
    await expectError(api, path(resource, { customer: customer }), "parameter_unknown", "customer");
    await expectError(api, path(resource, { customer_id: customer }), "parameter_unknown", "customer_id");
    await expectError(api, path(resource, { sort: "createdAt" }), "parameter_unknown", "sort");
    await expectError(api, `${path(resource)}?limit=1&limit=2`, "parameter_invalid", "limit");
    await expectError(api, path(resource, { customerId: "" }), "parameter_invalid", "customerId");

    const first = await api.get<Page>(path(resource, { limit: "1" }));
    const cursor = first.body.nextCursor!;
    expect(cursor).toEqual(expect.any(String));
    const [payload, mac] = cursor.split(".");
    const flipped = `${payload}.${mac[0] === "A" ? "B" : "A"}${mac.slice(1)}`;
    for (const bad of [flipped, "garbage", `${payload}.`, cursor.slice(0, -1)])
      await expectError(api, path(resource, { cursor: bad }), "cursor_invalid", "cursor");

    // A cursor resumes only its own list: not another resource's, customers', workspace's or mode's.
    await insertRows(other, scope, [customer], minutesBefore(3));
    const otherCursor = (await api.get<Page>(path(other, { limit: "1" }))).body.nextCursor!;
    await expectError(api, path(resource, { cursor: otherCursor }), "cursor_invalid", "cursor");
    await api.post("/api/v1/customers", { name: "Second" });
    const customerCursor = (await api.get<Page>("/api/v1/customers?limit=1")).body.nextCursor!;
    await expectError(api, path(resource, { cursor: customerCursor }), "cursor_invalid", "cursor");
    const elsewhere = await newWorkspace();
    await expectError(elsewhere.api, path(resource, { cursor }), "cursor_invalid", "cursor");
    await expectError(elsewhere.live, path(resource, { cursor }), "cursor_invalid", "cursor");
    // The genuine cursor still works.
    expect((await api.get<Page>(path(resource, { cursor }))).status).toBe(200);
  });

  it(`GET /${resource}/{id}: the object, or 404 for an unknown id, another workspace's and the other mode's`, async () => {
    const { api, live, ...workspace } = await newWorkspace();
    const scope = testScope(workspace);
    const customer = await insertCustomer(scope, "Dan");
    const [row] = await insertRows(resource, scope, [customer], minutesBefore(1));
    const listed = (await api.get<Page>(path(resource))).body.data[0];

    for (const url of [`/api/v1/${resource}/${row.id}`, `/v1/${resource}/${row.id}`]) {
      const response = await api.get(url);
      expect(response.status).toBe(200);
      expect(response.body).toEqual(listed);
    }
    await expectError(api, `/api/v1/${resource}/${row.id}?expand=customer`, "parameter_unknown", "expand");

    const elsewhere = await newWorkspace();
    // Another id: its last character changed (to one it is not; 1 id in 32 ends in X).
    const unknownId = row.id.slice(0, -1) + (row.id.endsWith("X") ? "Y" : "X");
    const missing = [
      [api, `/api/v1/${resource}/${unknownId}`],
      [live, `/api/v1/${resource}/${row.id}`],
      [elsewhere.api, `/api/v1/${resource}/${row.id}`],
      [elsewhere.live, `/api/v1/${resource}/${row.id}`],
    ] as const;
    for (const [client, url] of missing) {
      const response = await client.get(url);
      expect(response.status, url).toBe(404);
      expect(response.body.error).toMatchObject({
        type: "invalid_request_error",
        code: "resource_missing",
        param: "id",
      });
      expect(response.body.error.message).toContain(object);
    }
  });

  it("answers other methods with a JSON 405 and Allow: GET", async () => {
    const { api } = await newWorkspace();
    for (const url of [`/api/v1/${resource}`, `/api/v1/${resource}/x_1`]) {
      for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
        const response = await api.request(method, url, { json: {} });
        expect(response.status, `${method} ${url}`).toBe(405);
        expect(response.headers.get("allow")).toBe("GET");
        expect(response.body.error).toMatchObject({ code: "method_not_allowed" });
      }
    }
  });
});

describe("amounts", () => {
  it("are JSON integers in minor units, exactly as stored", async () => {
    const { api, ...workspace } = await newWorkspace();
    const scope = testScope(workspace);
    const customer = await insertCustomer(scope, "Erin");
    const [payment] = await insertRows("payments", scope, [customer], minutesBefore(1));
    const response = await api.get(`/api/v1/payments/${payment.id}`);
    expect(response.body).toMatchObject({
      amount: 1_250_000,
      amountRefunded: 0,
      currency: "IDR",
      metadata: { order: "0" },
    });
  });
});

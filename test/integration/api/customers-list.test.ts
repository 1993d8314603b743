import { describe, expect, it } from "vitest";
import { customerSortValues } from "@/lib/customers/schemas";
import { type ApiResponse } from "@/test/support/api-client";
import {
  expectedOrder,
  idsOf,
  insertCustomers,
  listAllPages,
  listPath,
  minutesApart,
  type ApiClient,
  type ListBody,
} from "@/test/support/customer-list";
import { expectError, listIds, startListTestbed, testScope } from "@/test/support/list-testbed";

const { newWorkspace } = startListTestbed();

describe("GET /customers — the envelope and its parameters", () => {
  it("answers the list envelope with 10 customers by default; nextCursor is null exactly when hasMore is false", async () => {
    const { api, ...workspace } = await newWorkspace();
    const customers = await insertCustomers(
      testScope(workspace),
      minutesApart(25, new Date("2026-05-01T12:00:00.000Z")),
    );
    const newestFirst = idsOf(customers);

    for (const path of [listPath(), "/v1/customers"]) {
      const response = await api.get<ListBody>(path);
      expect(response.status).toBe(200);
      expect(Object.keys(response.body).sort()).toEqual(["data", "hasMore", "nextCursor", "object", "url"]);
      expect(response.body).toMatchObject({ object: "list", url: "/api/v1/customers", hasMore: true });
      expect(idsOf(response.body.data)).toEqual(newestFirst.slice(0, 10));
      expect(response.body.nextCursor).toEqual(expect.any(String));
      expect(response.body.data[0]).toMatchObject({ object: "customer", livemode: false, metadata: {} });
    }

    const cases: [string, number, boolean][] = [
      ["1", 1, true],
      ["24", 24, true],
      ["25", 25, false], // exactly what is left: no empty next page
      ["100", 25, false],
    ];
    for (const [limit, count, hasMore] of cases) {
      const response = await api.get<ListBody>(listPath({ limit }));
      expect(response.status).toBe(200);
      expect(idsOf(response.body.data)).toEqual(newestFirst.slice(0, count));
      expect(response.body.hasMore).toBe(hasMore);
      expect(response.body.nextCursor === null).toBe(!hasMore);
    }
  });

  it("returns 100 customers at limit=100", async () => {
    const { api, ...workspace } = await newWorkspace();
    await insertCustomers(testScope(workspace), minutesApart(101, new Date("2026-05-01T12:00:00.000Z")));
    const response = await api.get<ListBody>(listPath({ limit: "100" }));
    expect(response.body.data).toHaveLength(100);
    expect(response.body.hasMore).toBe(true);
  });

  it("refuses a bad limit, an unknown parameter, a parameter given twice and a bad sort", async () => {
    const { api } = await newWorkspace();
    for (const limit of ["0", "101", "-1", "1.5", "abc", "", "1e2", " 5"])
      await expectError(api, listPath({ limit }), "parameter_invalid", "limit");

    const unknown = await api.get(listPath({ external_id: "crm_1" }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: "parameter_unknown", param: "external_id" });
    expect(unknown.body.error.message).toContain("externalId");
    await expectError(api, listPath({ page: "2" }), "parameter_unknown", "page");

    await expectError(api, "/api/v1/customers?limit=5&limit=6", "parameter_invalid", "limit");
    await expectError(api, "/api/v1/customers?email=a%40x.io&email=b%40x.io", "parameter_invalid", "email");

    for (const sort of ["created_at", "-id", "NAME", ""])
      await expectError(api, listPath({ sort }), "parameter_invalid", "sort");
  });
});

describe("GET /customers — paging", () => {
  it("pages through 120 customers 50 at a time: each exactly once, newest first, in 3 pages", async () => {
    const { api, ...workspace } = await newWorkspace();
    const customers = await insertCustomers(
      testScope(workspace),
      minutesApart(120, new Date("2026-04-01T00:00:00.000Z")),
    );
    const pages = await listAllPages(api, { limit: "50" });
    expect(pages.map((page) => page.data.length)).toEqual([50, 50, 20]);
    expect(pages.map((page) => page.hasMore)).toEqual([true, true, false]);
    expect(pages.flatMap((page) => idsOf(page.data))).toEqual(idsOf(customers));
  });

  it.each(["-createdAt", "createdAt"])(
    "never repeats or skips an existing customer while others are created between and during page requests (sort=%s)",
    async (sort) => {
      const { api, ...workspace } = await newWorkspace();
      const existing = await insertCustomers(
        testScope(workspace),
        minutesApart(120, new Date(Date.now() - 60_000)),
      );
      const createdMeanwhile: string[] = [];
      const createSome = async (count: number) => {
        const responses = await Promise.all(
          Array.from({ length: count }, (_, i) => api.post("/api/v1/customers", { name: `New ${i}` })),
        );
        for (const response of responses) {
          expect(response.status).toBe(201);
          createdMeanwhile.push(response.body.id);
        }
      };
      // Creations race each page request as well as running between them.
      const pages: ListBody[] = [];
      let cursor: string | null = null;
      do {
        const [response]: [ApiResponse<ListBody>, void] = await Promise.all([
          api.get<ListBody>(listPath({ limit: "50", sort, cursor })),
          createSome(2),
        ]);
        expect(response.status).toBe(200);
        pages.push(response.body);
        cursor = response.body.nextCursor;
        await createSome(3);
      } while (cursor);

      const seen = pages.flatMap((page) => idsOf(page.data));
      expect(new Set(seen).size).toBe(seen.length);
      const existingIds = new Set(idsOf(existing));
      const expected = sort === "-createdAt" ? idsOf(existing) : idsOf(existing).reverse();
      expect(seen.filter((id) => existingIds.has(id))).toEqual(expected);
      const newOnes = seen.filter((id) => !existingIds.has(id));
      expect(newOnes.every((id) => createdMeanwhile.includes(id))).toBe(true);
      if (sort === "-createdAt")
        expect(newOnes).toEqual([]); // newer than the first page
      else expect(seen.slice(0, existing.length)).toEqual(expected); // the new ones come last
    },
  );
});

describe("GET /customers — sorts", () => {
  it("pages every sort 7 at a time in the contract's order: nulls after values ascending, ties by id, emails case-insensitively", async () => {
    const { api, ...workspace } = await newWorkspace();
    const names = [
      "alice", "Alice", "ALICE", "Bob", "bob", "Émile", "emile", "Zoë", "zoe", "Zack",
      "Ωmega", "Ærø", "😀 Smiley", "𝒜lpha", "ｚ fullwidth", "a", "a b", "a-b", "a_b", "[x]",
      "123", "Same Name", "Same Name", "Same Name", "Same Name", "Same Name",
    ]; // prettier-ignore
    const emails = [
      "Alice@Example.com", "alice@example.com", "ALICE@EXAMPLE.COM", "bob@x.io", "Bob@X.io", "zed@z.io",
      "émile@x.fr", "Émile@x.fr", "a@b.co", "A@b.co", "z@a.co", "0@0.io", "_@x.io", "same@x.io", "same@x.io",
    ]; // prettier-ignore
    const base = new Date("2026-03-10T08:00:00.000Z").getTime();
    const seeds = Array.from({ length: 40 }, (_, i) => ({
      name: names[i] ?? null, // 14 nulls
      email: emails[(i * 7) % 40] ?? null, // 25 nulls, spread through the set
      // Pairs share a creation time: the createdAt sorts need their id tie-break too.
      createdAt: new Date(base - Math.floor(i / 2) * 3_600_000),
    }));
    const customers = await insertCustomers(testScope(workspace), seeds);

    for (const sort of customerSortValues) {
      const pages = await listAllPages(api, { sort, limit: "7" });
      expect(pages.map((page) => page.data.length)).toEqual([7, 7, 7, 7, 7, 5]);
      expect(
        pages.flatMap((page) => idsOf(page.data)),
        `sort=${sort}`,
      ).toEqual(await expectedOrder(customers, sort));
    }
  });
});

describe("GET /customers — cursors", () => {
  it("answers 400 cursor_invalid for a tampered, truncated, garbage or foreign cursor", async () => {
    const { api, live, ...workspace } = await newWorkspace();
    const other = await newWorkspace();
    const start = new Date("2026-06-01T00:00:00.000Z");
    await insertCustomers(
      testScope(workspace),
      minutesApart(15, start, (i) => ({ name: `N${i}` })),
    );
    await insertCustomers({ workspaceId: workspace.workspaceId, livemode: true }, minutesApart(15, start));
    await insertCustomers(testScope(other), minutesApart(15, start));

    const cursorOf = async (client: ApiClient, params: Record<string, string> = {}) =>
      (await client.get<ListBody>(listPath({ limit: "5", ...params }))).body.nextCursor!;
    const cursor = await cursorOf(api);
    expect((await api.get(listPath({ cursor }))).status).toBe(200);
    expect((await api.get(listPath({ cursor, limit: "3", sort: "-createdAt" }))).status).toBe(200);

    const swap = (token: string, at: number) =>
      token.slice(0, at) + (token[at] === "A" ? "B" : "A") + token.slice(at + 1);
    const dot = cursor.indexOf(".");
    const bad: [string, string, Record<string, string>?][] = [
      ["one payload character changed", swap(cursor, 3)],
      ["one signature character changed", swap(cursor, cursor.length - 1)],
      ["the last character dropped", cursor.slice(0, -1)],
      ["the signature dropped", cursor.slice(0, dot)],
      ["cut in half", cursor.slice(0, cursor.length >> 1)],
      ["garbage", "garbage"],
      ["garbage with a dot", "Zm9v.YmFy"],
      ["not base64url", "%%%.!!!"],
      ["empty", ""],
      ["a name-sorted cursor on the default sort", await cursorOf(api, { sort: "name" })],
      ["a createdAt cursor on sort=name", cursor, { sort: "name" }],
      ["a -createdAt cursor on sort=createdAt", cursor, { sort: "createdAt" }],
      ["another workspace's cursor", await cursorOf(other.api)],
      ["a live cursor in test mode", await cursorOf(live)],
    ];
    for (const [what, token, params] of bad) {
      const response = await api.get(listPath({ ...params, cursor: token }));
      expect(response.status, what).toBe(400);
      expect(response.body.error, what).toMatchObject({ code: "cursor_invalid", param: "cursor" });
    }
    const testCursorInLive = await live.get(listPath({ cursor }));
    expect(testCursorInLive.body.error).toMatchObject({ code: "cursor_invalid", param: "cursor" });
  });
});

describe("GET /customers — scope", () => {
  it("shows a key only its own workspace's customers in its own mode", async () => {
    const a = await newWorkspace();
    const b = await newWorkspace();
    const body = { name: "Same Person", email: "same@example.com" };
    const aTest = (await a.api.post("/api/v1/customers", body)).body.id;
    const aLive = (await a.live.post("/api/v1/customers", body)).body.id;
    const bTest = (await b.api.post("/api/v1/customers", body)).body.id;
    const bLive = (await b.live.post("/api/v1/customers", body)).body.id;

    const filters: Record<string, string>[] = [
      {},
      { email: "same@example.com" },
      { q: "Same Persn" },
      { archived: "all" },
    ];
    for (const params of filters) {
      expect(await listIds(a.api, params)).toEqual([aTest]);
      expect(await listIds(a.live, params)).toEqual([aLive]);
      expect(await listIds(b.api, params)).toEqual([bTest]);
      expect(await listIds(b.live, params)).toEqual([bLive]);
    }
    const live = await a.live.get<ListBody>(listPath());
    expect(live.body.data.map((customer) => customer.livemode)).toEqual([true]);
  });
});

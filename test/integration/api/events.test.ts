// GET /events and /events/{id} over HTTP: what each change recorded, scoped like everything else.
import { describe, expect, it } from "vitest";
import { apiClient, createTestWorkspace } from "@/test/support/api-client";
import { startApiTestbed } from "@/test/support/api-testbed";

const t = startApiTestbed();

describe("events", () => {
  it("records customer.created and customer.updated, metadata unchanged, newest first", async () => {
    const metadata = { note: "  spaced  ", ключ: "値 🙂", empty: "" };
    const customer = (await t.api.post("/api/v1/customers", { name: "Alice Smith", metadata })).body;
    await t.api.patch(`/api/v1/customers/${customer.id}`, { name: "Alice Jones" });
    const list = await t.api.get("/api/v1/events?limit=2");
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ object: "list", url: "/api/v1/events" });
    const [updated, created] = list.body.data;
    expect(updated).toMatchObject({
      object: "event",
      type: "customer.updated",
      livemode: false,
      data: {
        object: { id: customer.id, name: "Alice Jones", metadata },
        previousAttributes: { name: "Alice Smith" },
      },
    });
    expect(created).toMatchObject({
      type: "customer.created",
      data: { object: { id: customer.id, metadata } },
    });
    expect(created.data).not.toHaveProperty("previousAttributes");
    expect((await t.api.get(`/api/v1/events/${updated.id}`)).body).toEqual(updated);
  });

  it("filters by type and pages with cursors, without gaps or repeats", async () => {
    const workspace = await createTestWorkspace();
    const api = apiClient(t.server.url, workspace.testKey);
    const bulk = await api.post("/api/v1/customers/bulk", {
      items: Array.from({ length: 7 }, (_, i) => ({ name: `C${i}` })),
    });
    expect(bulk.status).toBe(200);
    await api.patch(`/api/v1/customers/${bulk.body.results[0].customer.id}`, { name: "Changed" });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await api.get(
        `/api/v1/events?type=customer.created&limit=3${cursor ? `&cursor=${cursor}` : ""}`,
      );
      expect(page.status).toBe(200);
      seen.push(
        ...page.body.data.map(
          (event: { id: string; type: string }) => (expect(event.type).toBe("customer.created"), event.id),
        ),
      );
      cursor = page.body.nextCursor;
      expect(page.body.hasMore).toBe(cursor !== null);
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect((await api.get("/api/v1/events?type=customer.updated")).body.data).toHaveLength(1);
  });

  it("never shows another workspace's or the other mode's events", async () => {
    const customer = (await t.api.post("/api/v1/customers", { name: "Mine" })).body;
    const [event] = (await t.api.get("/api/v1/events?limit=1")).body.data;
    expect(event.data.object.id).toBe(customer.id);
    const live = apiClient(t.server.url, t.workspace.liveKey);
    expect((await live.get(`/api/v1/events/${event.id}`)).status).toBe(404);
    expect((await live.get("/api/v1/events")).body.data).toEqual([]);
    const stranger = apiClient(t.server.url, (await createTestWorkspace()).testKey);
    const response = await stranger.get(`/api/v1/events/${event.id}`);
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe("resource_missing");
  });

  it.each([
    ["limit=0", "limit", "parameter_invalid"],
    ["limit=abc", "limit", "parameter_invalid"],
    ["objectId=cus_x", "objectId", "parameter_unknown"],
    ["cursor=tampered", "cursor", "cursor_invalid"],
  ])("refuses ?%s: 400 naming %s", async (query, param, code) => {
    const response = await t.api.get(`/api/v1/events?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code, param });
  });

  it("is read-only: 405 with Allow", async () => {
    const response = await t.api.post("/api/v1/events", {});
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET");
  });
});

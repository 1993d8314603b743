import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { apiClient, createTestWorkspace } from "@/test/support/api-client";
import { startApiTestbed } from "@/test/support/api-testbed";

const t = startApiTestbed();

const key = () => `key-${Math.random().toString(36).slice(2)}`;
const count = (where: object = {}) =>
  prisma.customer.count({ where: { workspaceId: t.workspace.workspaceId, ...where } });

describe("Idempotency-Key", () => {
  it("replays the first response for the same key, method, path and body, executing nothing again", async () => {
    const headers = { "Idempotency-Key": key() };
    const first = await t.api.post("/api/v1/customers", { email: "once@example.com" }, headers);
    const second = await t.api.post("/api/v1/customers", { email: "once@example.com" }, headers);
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(second.headers.get("location")).toBe(first.headers.get("location"));
    expect(second.headers.get("request-id")).not.toBe(first.headers.get("request-id"));
    expect(await count({ email: "once@example.com" })).toBe(1);
  });

  it("answers 422 when the key is reused with another body, method or path", async () => {
    const k = key();
    const created = await t.api.post("/api/v1/customers", { name: "A" }, { "Idempotency-Key": k });
    const otherBody = await t.api.post("/api/v1/customers", { name: "B" }, { "Idempotency-Key": k });
    expect(otherBody.status).toBe(422);
    expect(otherBody.body.error).toMatchObject({ type: "idempotency_error", code: "idempotency_key_reused" });
    const otherMethod = await t.api.patch(
      `/api/v1/customers/${created.body.id}`,
      { name: "A" },
      { "Idempotency-Key": k },
    );
    expect(otherMethod.status).toBe(422);
    expect(await count({ name: "B" })).toBe(0);
  });

  it("creates exactly one customer from 50 concurrent identical POSTs with one key", async () => {
    const headers = { "Idempotency-Key": key() };
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        t.api.post("/api/v1/customers", { email: "fifty@example.com" }, headers),
      ),
    );
    const statuses = new Set(responses.map((r) => r.status));
    expect([...statuses].every((s) => s === 201 || s === 409)).toBe(true);
    const created = responses.filter((r) => r.status === 201);
    expect(new Set(created.map((r) => r.body.id)).size).toBe(1);
    for (const busy of responses.filter((r) => r.status === 409)) {
      expect(busy.body.error).toMatchObject({ type: "idempotency_error", code: "idempotency_key_in_use" });
    }
    expect(await count({ email: "fifty@example.com" })).toBe(1);
    const replay = await t.api.post("/api/v1/customers", { email: "fifty@example.com" }, headers);
    expect(replay.body.id).toBe(created[0].body.id);
  });

  it("stores 4xx answers too: a replayed 409 stays a 409 even after the clash is gone", async () => {
    const holder = await t.api.post("/api/v1/customers", { externalId: "idem_clash" });
    const k = key();
    const clash = await t.api.post(
      "/api/v1/customers",
      { externalId: "idem_clash" },
      { "Idempotency-Key": k },
    );
    expect(clash.status).toBe(409);
    await t.api.patch(`/api/v1/customers/${holder.body.id}`, { externalId: null });
    const replay = await t.api.post(
      "/api/v1/customers",
      { externalId: "idem_clash" },
      { "Idempotency-Key": k },
    );
    expect(replay.status).toBe(409);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await count({ externalId: "idem_clash" })).toBe(0);
  });

  it("makes PATCH retries safe and scopes keys by workspace and mode", async () => {
    const customer = await t.api.post("/api/v1/customers", { name: "Patch me" });
    const k = key();
    const first = await t.api.patch(
      `/api/v1/customers/${customer.body.id}`,
      { name: "Patched" },
      { "Idempotency-Key": k },
    );
    const retry = await t.api.patch(
      `/api/v1/customers/${customer.body.id}`,
      { name: "Patched" },
      { "Idempotency-Key": k },
    );
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.body).toEqual(first.body);
    const updates = await prisma.event.count({
      where: { objectId: customer.body.id, type: "customer.updated" },
    });
    expect(updates).toBe(1);

    // The same key in the other mode and in another workspace is a different key.
    const live = await apiClient(t.server.url, t.workspace.liveKey).post(
      "/api/v1/customers",
      { name: "Patched" },
      { "Idempotency-Key": k },
    );
    expect(live.status).toBe(201);
    const other = await createTestWorkspace();
    const theirs = await apiClient(t.server.url, other.testKey).post(
      "/api/v1/customers",
      { name: "Patched" },
      { "Idempotency-Key": k },
    );
    expect(theirs.status).toBe(201);
  });

  it("refuses a malformed key", async () => {
    for (const bad of ["", "x".repeat(256), "tab\there", "ünïcode"]) {
      const response = await t.api.request("POST", "/api/v1/customers", {
        json: {},
        headers: { "Idempotency-Key": bad },
      });
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({ code: "parameter_invalid", param: "Idempotency-Key" });
    }
  });
});

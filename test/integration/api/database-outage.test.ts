// Database down: the API answers 503 service_unavailable with Retry-After within 5 s (never a
// hang), and recovers by itself when the database returns — no restart of the app.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { apiClient, createTestWorkspace, type TestWorkspace } from "@/test/support/api-client";
import { startApiServer, type ApiServer } from "@/test/support/api-server";
import { startTcpProxy, type TcpProxy } from "@/test/support/tcp-proxy";

let proxy: TcpProxy;
let server: ApiServer;
let workspace: TestWorkspace;

beforeAll(async () => {
  const database = new URL(env.DATABASE_URL!);
  proxy = await startTcpProxy(database.hostname, Number(database.port || 5432));
  database.port = String(proxy.port);
  [server, workspace] = await Promise.all([
    startApiServer({ DATABASE_URL: database.toString() }),
    createTestWorkspace(),
  ]);
});
afterAll(async () => {
  await server?.stop();
  await proxy?.close();
});

describe("database outage", () => {
  it("answers 503 with Retry-After quickly while the database is away, then recovers", async () => {
    const api = apiClient(server.url, workspace.testKey);
    expect((await api.post("/api/v1/customers", { name: "Before" })).status).toBe(201);

    await proxy.cut();
    for (const call of [
      () => api.get("/api/v1/customers"),
      () => api.post("/api/v1/customers", { name: "During" }),
    ]) {
      const started = Date.now();
      const response = await call();
      expect(Date.now() - started).toBeLessThan(5000);
      expect(response.status).toBe(503);
      expect(response.body.error).toMatchObject({ type: "api_error", code: "service_unavailable" });
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(JSON.stringify(response.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|postgres/i);
    }
    const ready = await apiClient(server.url).get("/api/ready");
    expect(ready.status).toBe(503);
    const idempotent = () =>
      api.post("/api/v1/customers", { name: "Retried" }, { "Idempotency-Key": "outage-1" });
    expect((await idempotent()).status).toBe(503);

    await proxy.restore();
    let recovered = 0;
    for (let attempt = 0; attempt < 40 && recovered !== 200; attempt++) {
      recovered = (await api.get("/api/v1/customers")).status;
      if (recovered !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(recovered).toBe(200);
    const names = (await api.get("/api/v1/customers?limit=100")).body.data.map(
      (c: { name: string }) => c.name,
    );
    expect(names).toEqual(["Before"]); // the request made during the outage left nothing behind
  });
});

// PostgreSQL ending the app's sessions (a restart, a failover, pg_terminate_backend) while requests
// run: each request in flight answers 503 service_unavailable with Retry-After (never a 500), and
// the app carries on with new connections. Found by bench/reliability/faults.ts: a query cut by
// "terminating connection due to administrator command" (57P01) reached Prisma as P2039/P2010 with
// the code only under meta.driverAdapterError, and a transaction whose connection had died failed
// with node-postgres's "Client has encountered a connection error and is not queryable".
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { apiClient, createTestWorkspace, type TestWorkspace } from "@/test/support/api-client";
import { startApiServer, type ApiServer } from "@/test/support/api-server";

let server: ApiServer;
let workspace: TestWorkspace;
let admin: pg.Client;

beforeAll(async () => {
  [server, workspace] = await Promise.all([startApiServer(), createTestWorkspace()]);
  admin = new pg.Client({ connectionString: env.DATABASE_URL });
  await admin.connect();
});
afterAll(async () => {
  await admin?.end();
  await server?.stop();
});

describe("database sessions terminated under load", () => {
  it("answers 200/201 or the contract's 503, never a 500, and recovers", async () => {
    const api = apiClient(server.url, workspace.testKey);
    const { body: first } = await api.post("/api/v1/customers", { name: "Target" });
    const statuses: { status: number; code?: string; retryAfter: string | null }[] = [];
    let running = true;
    const clients = Array.from({ length: 6 }, async (_, i) => {
      while (running) {
        const response =
          i % 3 === 0
            ? await api.post(
                "/api/v1/customers",
                { name: "During" },
                { "Idempotency-Key": `k-${Math.random()}` },
              )
            : i % 3 === 1
              ? await api.patch(`/api/v1/customers/${first.id}`, { name: `n-${Math.random()}` })
              : await api.get("/api/v1/customers?limit=5");
        statuses.push({
          status: response.status,
          code: response.body?.error?.code,
          retryAfter: response.headers.get("retry-after"),
        });
      }
    });
    // Every 50 ms, end every session of this database but our own: in-flight queries, idle pooled
    // connections and open transactions alike.
    const deadline = Date.now() + 3000;
    while (Date.now() < deadline) {
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    running = false;
    await Promise.all(clients);

    const failures = statuses.filter((s) => ![200, 201, 503].includes(s.status));
    expect(failures).toEqual([]);
    const unavailable = statuses.filter((s) => s.status === 503);
    expect(unavailable.length).toBeGreaterThan(0); // the terminations did hit requests
    for (const s of unavailable) {
      expect(s.code).toBe("service_unavailable");
      expect(Number(s.retryAfter)).toBeGreaterThanOrEqual(1);
    }
    // The pool replaces the ended connections by itself.
    expect((await api.get("/api/v1/customers?limit=1")).status).toBe(200);
  });
});

// The webhook worker across process lifetimes: two app processes starting together on a new
// database, a process killed (SIGKILL) while a receiver holds its delivery, and SIGTERM letting
// the attempt in flight finish first. Each server here is this file's own `next start`.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { apiClient, createTestWorkspace } from "@/test/support/api-client";
import { startApiServer, type ApiServer } from "@/test/support/api-server";
import { startWebhookReceiver, type WebhookReceiver } from "@/test/support/webhook-receiver";

const settings = {
  WEBHOOK_POLL_MS: "100",
  WEBHOOK_TIMEOUT_MS: "3000", // lease = timeout + 5 s
  WEBHOOK_RETRY_BASE_MS: "300",
  WEBHOOK_RETRY_MAX_MS: "1000",
  LOG_LEVEL: "info",
};

let receiver: WebhookReceiver;
const servers: ApiServer[] = [];
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
// Every test ends with no app process left, so none delivers another test's events.
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.stop()));
});
afterAll(() => receiver?.close());

async function start(): Promise<ApiServer> {
  const server = await startApiServer(settings);
  servers.push(server);
  return server;
}

async function endpointAt(server: ApiServer, path: string) {
  const workspace = await createTestWorkspace();
  const api = apiClient(server.url, workspace.testKey);
  const endpoint = (
    await api.post("/api/v1/webhook_endpoints", { url: `${receiver.url}${path}`, events: ["*"] })
  ).body;
  return { api, endpoint };
}

describe("the worker across restarts", () => {
  it("two processes starting together on a new database both start their job queue cleanly", async () => {
    const [first, second] = await Promise.all([start(), start()]);
    await expect
      .poll(
        async () =>
          (await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.version`)[0]?.n,
        {
          timeout: 20_000,
        },
      )
      .toBe(1);
    const { api, endpoint } = await endpointAt(first, "/two");
    receiver.route("/two", endpoint.secret);
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => api.post("/api/v1/customers", { name: `Two ${i}` })),
    );
    await receiver.waitFor((all) => all.filter((r) => r.path === "/two" && r.status === 200).length >= 10);
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Ten deliveries; each claimed by one process only (no duplicate without a failure).
    const ids = receiver.received.filter((r) => r.path === "/two").map((r) => r.deliveryId);
    expect(new Set(ids).size).toBe(10);
    expect(ids).toHaveLength(10);
    for (const server of [first, second])
      expect(server.output()).not.toMatch(/"level":(40|50|60)|already exists/);
    await Promise.all([first.stop(), second.stop()]);
  }, 120_000);

  it("a delivery in flight when the process is SIGKILLed is sent again after a restart", async () => {
    const server = await start();
    const { api, endpoint } = await endpointAt(server, "/killed");
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    receiver.route("/killed", endpoint.secret, (_request, attempt) =>
      attempt === 1 ? { hold: held } : { status: 200 },
    );
    await api.post("/api/v1/customers", { name: "Survivor" });
    await receiver.waitFor((all) => all.some((r) => r.path === "/killed"));
    const first = receiver.received.find((r) => r.path === "/killed")!;
    await server.kill();
    await new Promise((resolve) => setTimeout(resolve, 300)); // the receiver sees the connection drop
    release();

    const restarted = await start();
    await receiver.waitFor(
      (all) => all.filter((r) => r.path === "/killed" && r.status === 200).length === 1,
      60_000,
    );
    const killed = receiver.received.filter((r) => r.path === "/killed");
    expect(killed).toHaveLength(2);
    const second = killed[1];
    expect(second.deliveryId).toBe(first.deliveryId);
    expect(second.signatureValid).toBe(true);
    await expect
      .poll(() => prisma.webhookDelivery.findFirst({ where: { endpointId: endpoint.id } }))
      .toMatchObject({ status: "succeeded", attempts: 2 });
    await restarted.stop();
  }, 120_000);

  it("SIGTERM lets the attempt in flight finish and records it before the process exits", async () => {
    const server = await start();
    const { api, endpoint } = await endpointAt(server, "/term");
    receiver.route("/term", endpoint.secret, () => ({ delayMs: 1500, status: 200 }));
    await api.post("/api/v1/customers", { name: "Graceful" });
    await receiver.waitFor((all) => all.some((r) => r.path === "/term"));
    await server.stop();
    expect(server.output()).toContain("background jobs stopped");
    const row = await prisma.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
    expect(row, server.output()).toMatchObject({ status: "succeeded", attempts: 1, lockedUntil: null });
  }, 60_000);
});

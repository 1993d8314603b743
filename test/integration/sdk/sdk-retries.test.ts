// The SDK's retries against real failures: an answer lost on the way back, a call that times out
// while the server still works on it (409 idempotency_key_in_use), and 429 with Retry-After.
// Every retry of a write carries the first attempt's Idempotency-Key, so nothing happens twice.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { ApiConnectionError, Plugipay, RateLimitError } from "@/sdk/src/index";
import { env } from "@/lib/env";
import { startApiServer } from "@/test/support/api-server";
import { startTcpProxy } from "@/test/support/tcp-proxy";
import { startSdkTestbed } from "@/test/support/sdk-testbed";

const t = startSdkTestbed();

/** A fetch that records each request's method and Idempotency-Key. */
function recordingFetch(calls: { method: string; key: string | null }[]): typeof fetch {
  return (input, init) => {
    calls.push({ method: init?.method ?? "GET", key: new Headers(init?.headers).get("idempotency-key") });
    return fetch(input, init);
  };
}

describe("retries", () => {
  it("a create whose answer is lost is retried with the same key and replayed: one customer", async () => {
    const calls: { method: string; key: string | null }[] = [];
    const plugipay = t.client({ fetch: recordingFetch(calls) });
    const externalId = `lost-answer-${Date.now()}`;
    t.proxy.dropAnswers(1);
    const customer = await plugipay.customers.create({ externalId, name: "Once" });
    expect(customer.externalId).toBe(externalId);
    expect(calls).toHaveLength(2);
    expect(calls[0].key).toMatch(/^sdk_/);
    expect(calls[1].key).toBe(calls[0].key);
    expect(await prisma.customer.count({ where: { workspaceId: t.workspace.workspaceId, externalId } })).toBe(
      1,
    );
  });

  it("gives up with ApiConnectionError after maxRetries, and the caller's own key is used", async () => {
    const calls: { method: string; key: string | null }[] = [];
    const plugipay = t.client({ fetch: recordingFetch(calls), maxRetries: 1 });
    t.proxy.dropAnswers(2);
    const externalId = `given-up-${Date.now()}`;
    await expect(
      plugipay.customers.create({ externalId }, { idempotencyKey: `mine-${externalId}` }),
    ).rejects.toBeInstanceOf(ApiConnectionError);
    expect(calls.map((call) => call.key)).toEqual([`mine-${externalId}`, `mine-${externalId}`]);
    // The server did create it (the answers were lost, not the requests): a retry with the key replays it.
    const replayed = await plugipay.customers.create(
      { externalId },
      { idempotencyKey: `mine-${externalId}` },
    );
    expect(replayed.externalId).toBe(externalId);
    expect(await prisma.customer.count({ where: { workspaceId: t.workspace.workspaceId, externalId } })).toBe(
      1,
    );
  });

  it("a batch that times out while the server works on it is retried through 409 in_use to its replay", async () => {
    const calls: { method: string; key: string | null }[] = [];
    const plugipay = t.client({ fetch: recordingFetch(calls) });
    const prefix = `slow-${Date.now()}`;
    const items = Array.from({ length: 1000 }, (_, i) => ({
      externalId: `${prefix}-${i}`,
      name: `Slow ${i}`,
    }));
    const results = await plugipay.customers.bulkCreate(items, { batchSize: 1000, timeoutMs: 150 });
    expect(results.every((result) => result.status === 201)).toBe(true);
    expect(calls.length).toBeGreaterThan(1);
    expect(new Set(calls.map((call) => call.key)).size).toBe(1);
    expect(
      await prisma.customer.count({
        where: { workspaceId: t.workspace.workspaceId, externalId: { startsWith: `${prefix}-` } },
      }),
    ).toBe(1000);
  });

  it("GETs are retried too, and carry no Idempotency-Key", async () => {
    const calls: { method: string; key: string | null }[] = [];
    const plugipay = t.client({ fetch: recordingFetch(calls) });
    t.proxy.dropAnswers(1);
    await plugipay.customers.list({ limit: 1 });
    expect(calls).toEqual([
      { method: "GET", key: null },
      { method: "GET", key: null },
    ]);
  });
});

describe("503 while the database is away", () => {
  it("waits the server's Retry-After, retries with the same key once the database is back: one customer", async () => {
    const database = new URL(env.DATABASE_URL!);
    const databaseProxy = await startTcpProxy(database.hostname, Number(database.port || 5432));
    database.port = String(databaseProxy.port);
    const server = await startApiServer({ DATABASE_URL: database.toString() });
    try {
      const statuses: number[] = [];
      const plugipay = new Plugipay(t.workspace.testKey, {
        baseUrl: server.url,
        maxRetries: 3,
        fetch: async (input, init) => {
          const response = await fetch(input, init);
          statuses.push(response.status);
          return response;
        },
      });
      await plugipay.customers.list({ limit: 1 }); // connected and warm
      statuses.length = 0;
      await databaseProxy.cut();
      setTimeout(() => void databaseProxy.restore(), 1500);
      const externalId = `outage-${Date.now()}`;
      const started = Date.now();
      const customer = await plugipay.customers.create({ externalId });
      expect(customer.externalId).toBe(externalId);
      expect(statuses[0]).toBe(503);
      expect(statuses.at(-1)).toBe(201);
      // The 503 said Retry-After: 5, and the SDK waited for it rather than hammering.
      expect(Date.now() - started).toBeGreaterThanOrEqual(4500);
      expect(statuses.length).toBeLessThanOrEqual(3);
      expect(
        await prisma.customer.count({ where: { workspaceId: t.workspace.workspaceId, externalId } }),
      ).toBe(1);
    } finally {
      await server.stop();
      await databaseProxy.close();
    }
  });
});

describe("rate limits", () => {
  it("429 is a RateLimitError with Retry-After; with retries the SDK waits it out and succeeds", async () => {
    const server = await startApiServer({ RATE_LIMIT_TEST: "1", RATE_LIMIT_BURST_SECONDS: "1" });
    try {
      const strict = new Plugipay(t.workspace.testKey, { baseUrl: server.url, maxRetries: 0 });
      const errors: unknown[] = [];
      await Promise.all(
        Array.from({ length: 4 }, () =>
          strict.customers.list({ limit: 1 }).then(undefined, (e) => errors.push(e)),
        ),
      );
      const limited = errors.find((error) => error instanceof RateLimitError) as RateLimitError;
      expect(limited).toBeDefined();
      expect(limited.status).toBe(429);
      expect(limited.retryAfter).toBeGreaterThanOrEqual(1);
      expect(limited.requestId).toMatch(/^req_/);

      const patient = new Plugipay(t.workspace.testKey, { baseUrl: server.url, maxRetries: 5 });
      const started = Date.now();
      const pages = await Promise.all(Array.from({ length: 3 }, () => patient.customers.list({ limit: 1 })));
      expect(pages.every((page) => page.object === "list")).toBe(true);
      // Three calls at one a second cannot all be answered at once: someone waited for Retry-After.
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    } finally {
      await server.stop();
    }
  });
});

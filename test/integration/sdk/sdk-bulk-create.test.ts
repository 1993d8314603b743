// customers.bulkCreate against the real app: one result per item in input order, progress, bad
// items beside good ones, resuming with a key prefix — and a server killed (SIGKILL) and started
// again in the middle of a run: no item lost, none created twice.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { AuthenticationError, Plugipay, type BulkProgress } from "@/sdk/src/index";
import { startSdkTestbed } from "@/test/support/sdk-testbed";

const t = startSdkTestbed();

async function countWithPrefix(prefix: string) {
  const where = { workspaceId: t.workspace.workspaceId, externalId: { startsWith: `${prefix}-` } };
  const customers = await prisma.customer.count({ where });
  const created = await prisma.event.count({
    where: {
      workspaceId: t.workspace.workspaceId,
      type: "customer.created",
      objectId: { in: (await prisma.customer.findMany({ where, select: { id: true } })).map((c) => c.id) },
    },
  });
  return { customers, created };
}

describe("customers.bulkCreate", () => {
  it("answers one result per item in input order: customers, and errors for bad or duplicate items", async () => {
    const plugipay = t.client();
    const prefix = `order-${Date.now()}`;
    const items = [
      { externalId: `${prefix}-0`, email: "a@example.com" },
      { email: "not-an-email" },
      { externalId: `${prefix}-0` }, // the same externalId again
      { name: "No key" },
      ...Array.from({ length: 26 }, (_, i) => ({ externalId: `${prefix}-${i + 1}` })),
    ];
    const progress: BulkProgress[] = [];
    const results = await plugipay.customers.bulkCreate(items, {
      batchSize: 7,
      concurrency: 3,
      onProgress: (p) => progress.push(p),
    });
    expect(results).toHaveLength(items.length);
    expect(results.map((result) => result.index)).toEqual(items.map((_, i) => i));
    expect(results[0]).toMatchObject({ status: 201, customer: { externalId: `${prefix}-0` } });
    expect(results[1]).toMatchObject({ status: 400, error: { code: "parameter_invalid", param: "email" } });
    expect(results[2]).toMatchObject({ status: 409, error: { code: "resource_already_exists" } });
    expect(results[3]).toMatchObject({ status: 201, customer: { name: "No key" } });
    for (let i = 4; i < items.length; i++) {
      expect(results[i]).toMatchObject({ status: 201, customer: { externalId: items[i].externalId } });
    }
    expect(progress).toHaveLength(Math.ceil(items.length / 7));
    expect(progress.at(-1)).toEqual({ completed: 30, total: 30, created: 28, failed: 2 });
  });

  it("a run started again with the same key prefix replays the batches that went through", async () => {
    const prefix = `resume-${Date.now()}`;
    const items = Array.from({ length: 40 }, (_, i) => ({ externalId: `${prefix}-${i}` }));
    const first = await t.client().customers.bulkCreate(items.slice(0, 20), {
      batchSize: 10,
      idempotencyKeyPrefix: prefix,
    });
    // A new process, the whole list, the same prefix: batches 0 and 1 replay, 2 and 3 create.
    const second = await t
      .client()
      .customers.bulkCreate(items, { batchSize: 10, idempotencyKeyPrefix: prefix });
    expect(second.every((result) => result.status === 201)).toBe(true);
    expect(second.slice(0, 20)).toEqual(first);
    expect(await countWithPrefix(prefix)).toEqual({ customers: 40, created: 40 });
  });

  it("an invalid key stops the run with AuthenticationError instead of failing every item", async () => {
    const plugipay = new Plugipay("sk_test_notarealkey", { baseUrl: t.baseUrl });
    await expect(plugipay.customers.bulkCreate([{ name: "x" }, { name: "y" }])).rejects.toBeInstanceOf(
      AuthenticationError,
    );
  });

  it("survives the server being killed and started again mid-run: every item created exactly once", async () => {
    const plugipay = t.client();
    const prefix = `restart-${Date.now()}`;
    const total = 12_000;
    const items = Array.from({ length: total }, (_, i) => ({
      externalId: `${prefix}-${i}`,
      name: `Item ${i}`,
    }));
    let killed: Promise<void> | undefined;
    const run = plugipay.customers.bulkCreate(items, {
      batchSize: 500,
      concurrency: 2,
      onProgress: ({ completed }) => {
        // A third of the way in, with the next batches in flight: kill -9, then a new server.
        if (!killed && completed >= total / 3) {
          killed = t.server.kill().then(() => t.restartServer());
        }
      },
    });
    const results = await run;
    await killed;
    expect(killed).toBeDefined();
    expect(results).toHaveLength(total);
    const failures = results.filter((result) => result.status !== 201);
    expect(failures).toEqual([]);
    results.forEach((result, i) => {
      expect(result.index).toBe(i);
      if ("customer" in result) expect(result.customer.externalId).toBe(`${prefix}-${i}`);
    });
    expect(new Set(results.map((result) => ("customer" in result ? result.customer.id : ""))).size).toBe(
      total,
    );
    expect(await countWithPrefix(prefix)).toEqual({ customers: total, created: total });
  }, 240_000);
});

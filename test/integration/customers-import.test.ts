// The dashboard's CSV import on the server side (lib/customers/import-customers.ts), called directly
// on a real PostgreSQL: create vs update, unchanged rows, replayed batches, events, the 409 rules.
import { beforeAll, describe, expect, it } from "vitest";
import { IDEMPOTENCY_TTL_MS } from "@/lib/api/idempotency";
import { createCustomers } from "@/lib/customers/create-customers";
import { RESUME_WINDOW_MS } from "@/lib/customers/csv-import/resume-store";
import type { ImportBatch, ImportRow } from "@/lib/customers/csv-import/import-batch";
import { importCustomerBatch, importCustomers } from "@/lib/customers/import-customers";
import { prisma } from "@/lib/db/prisma";
import type { Scope } from "@/lib/scope";
import { createTestWorkspace } from "@/test/support/api-client";

let scope: Scope;
beforeAll(async () => {
  const workspace = await createTestWorkspace();
  scope = { workspaceId: workspace.workspaceId, livemode: false };
});

/** A fresh workspace per test that counts customers, so counts never see another test's rows. */
async function freshScope(): Promise<Scope> {
  const workspace = await createTestWorkspace();
  return { workspaceId: workspace.workspaceId, livemode: false };
}

let importCounter = 0;
function batchOf(target: Scope, rows: ImportRow[], batch = 0, importId?: string): ImportBatch {
  importCounter++;
  return {
    importId: importId ?? importCounter.toString(16).padStart(32, "0"),
    batch,
    workspaceId: target.workspaceId,
    livemode: target.livemode,
    rows,
  };
}

const row = (line: number, values: ImportRow["values"], extra: Partial<ImportRow> = {}): ImportRow => ({
  line,
  values,
  ...extra,
});

async function eventsOf(target: Scope, id: string) {
  return prisma.event.findMany({
    where: { workspaceId: target.workspaceId, objectId: id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

async function createOne(target: Scope, input: Parameters<typeof createCustomers>[1][number]) {
  const [outcome] = await createCustomers(target, [input]);
  if ("error" in outcome) throw outcome.error;
  return outcome.customer;
}

describe("importCustomers", () => {
  it("creates customers for rows that match nobody, with customer.created events, results in row order", async () => {
    const { results } = await importCustomers(scope, [
      row(2, { name: "Ann", email: "ann@example.com", externalId: "imp-create-1" }),
      row(3, { name: "  Bob  ", phone: "+62 811 1111" }, { metadataKeys: { plan: "pro", empty: "" } }),
      row(4, { name: "Cat" }, { metadata: { a: "1" } }),
    ]);
    expect(results.map((result) => [result.line, result.status])).toEqual([
      [2, "created"],
      [3, "created"],
      [4, "created"],
    ]);
    const ids = results.map((result) => ("id" in result ? result.id : ""));
    const customers = await prisma.customer.findMany({
      where: { id: { in: ids } },
      orderBy: { name: "asc" },
    });
    expect(customers.map((c) => [c.name, c.email, c.phone, c.metadata])).toEqual([
      ["Ann", "ann@example.com", null, {}],
      ["Bob", null, "+62 811 1111", { plan: "pro" }],
      ["Cat", null, null, { a: "1" }],
    ]);
    for (const id of ids)
      expect((await eventsOf(scope, id)).map((e) => e.type)).toEqual(["customer.created"]);
  });

  it("updates by id and by externalId with the mapped columns only; an empty cell clears; events say what changed", async () => {
    const byId = await createOne(scope, { name: "Old", email: "old@example.com", phone: "+62 811 2222" });
    const byExternal = await createOne(scope, {
      externalId: "imp-upd-1",
      name: "Ext",
      metadata: { keep: "1", drop: "2" },
    });
    const { results } = await importCustomers(scope, [
      row(2, { name: "New", phone: "" }, { id: byId.id }),
      row(3, { externalId: "imp-upd-1", taxId: "NPWP-1" }, { metadataKeys: { drop: "", add: "3" } }),
    ]);
    expect(results).toEqual([
      { line: 2, status: "updated", id: byId.id },
      { line: 3, status: "updated", id: byExternal.id },
    ]);
    const first = await prisma.customer.findUniqueOrThrow({
      where: { workspaceId_id: { workspaceId: scope.workspaceId, id: byId.id } },
    });
    expect([first.name, first.email, first.phone]).toEqual(["New", "old@example.com", null]);
    const second = await prisma.customer.findUniqueOrThrow({
      where: { workspaceId_id: { workspaceId: scope.workspaceId, id: byExternal.id } },
    });
    expect([second.name, second.taxId, second.metadata]).toEqual(["Ext", "NPWP-1", { keep: "1", add: "3" }]);

    const events = await eventsOf(scope, byId.id);
    expect(events.map((e) => e.type)).toEqual(["customer.created", "customer.updated"]);
    expect((events[1].data as { previousAttributes: unknown }).previousAttributes).toEqual({
      name: "Old",
      phone: "+62 811 2222",
    });
  });

  it("counts rows that change nothing as unchanged and writes no event for them", async () => {
    const customer = await createOne(scope, {
      externalId: "imp-same-1",
      name: "Same",
      email: "same@example.com",
      metadata: { k: "v" },
    });
    const { results } = await importCustomers(scope, [
      row(
        2,
        { externalId: "imp-same-1", name: " Same ", email: "same@example.com" },
        { id: customer.id, metadata: { k: "v" } },
      ),
      row(3, { externalId: "imp-same-1", name: "Same" }),
    ]);
    expect(results[0]).toEqual({ line: 2, status: "unchanged", id: customer.id });
    // The second row names the same customer again: refused rather than applied twice.
    expect(results[1]).toMatchObject({
      line: 3,
      status: "failed",
      error: { message: expect.stringContaining("Line 2") },
    });
    expect((await eventsOf(scope, customer.id)).map((e) => e.type)).toEqual(["customer.created"]);
  });

  it("a metadata column replaces the map; metadata.KEY columns refine it; the API's limits apply after merging", async () => {
    const keys = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, "v"]));
    const full = await createOne(scope, { metadata: keys });
    const replaced = await createOne(scope, { metadata: { old: "1" } });
    const { results } = await importCustomers(scope, [
      row(2, {}, { id: full.id, metadataKeys: { extra: "1" } }),
      row(3, {}, { id: replaced.id, metadata: { fresh: "2" } }),
    ]);
    expect(results[0]).toMatchObject({
      status: "failed",
      error: { code: "parameter_invalid", field: "metadata", message: "must have at most 50 keys" },
    });
    expect(results[1]).toMatchObject({ status: "updated" });
    const after = await prisma.customer.findUniqueOrThrow({
      where: { workspaceId_id: { workspaceId: scope.workspaceId, id: replaced.id } },
    });
    expect(after.metadata).toEqual({ fresh: "2" });
  });

  it("refuses bad rows one by one: invalid fields, unknown ids, taken and redacted externalIds (409s)", async () => {
    const holder = await createOne(scope, { externalId: "imp-taken-1" });
    const mover = await createOne(scope, { externalId: "imp-mover-1" });
    const redacted = await createOne(scope, { externalId: "imp-redacted-1", name: "Gone" });
    await prisma.customer.update({
      where: { workspaceId_id: { workspaceId: scope.workspaceId, id: redacted.id } },
      data: { name: null, redactedAt: new Date() },
    });
    const { results } = await importCustomers(scope, [
      row(2, { email: "not an email" }),
      row(3, { name: "Ghost" }, { id: "cus_01JDQ4W3Y2ZJ8M9V0T3B5K7N2P" }),
      row(4, { externalId: "imp-taken-1" }, { id: mover.id }),
      row(5, { externalId: "imp-redacted-1", name: "Back again" }),
      row(6, { externalId: "imp-dup-new", name: "First" }),
      row(7, { externalId: "imp-dup-new", name: "Second" }),
      row(8, { name: "Fine" }),
    ]);
    expect(
      results.map((result) => [result.line, result.status, "error" in result ? result.error.code : ""]),
    ).toEqual([
      [2, "failed", "parameter_invalid"],
      [3, "failed", "resource_missing"],
      [4, "failed", "resource_already_exists"],
      [5, "failed", "customer_redacted"],
      [6, "created", ""],
      [7, "failed", "resource_already_exists"],
      [8, "created", ""],
    ]);
    expect(results[0]).toMatchObject({ error: { field: "email", message: "must be a valid email address" } });
    expect(results[2]).toMatchObject({
      error: { field: "externalId", message: expect.stringContaining(holder.id) },
    });
    // The refused update left the customer as it was, and the batch went on.
    const moved = await prisma.customer.findUniqueOrThrow({
      where: { workspaceId_id: { workspaceId: scope.workspaceId, id: mover.id } },
    });
    expect(moved.externalId).toBe("imp-mover-1");
    expect((await eventsOf(scope, redacted.id)).map((e) => e.type)).toEqual(["customer.created"]);
  });

  it("only sees its own workspace and mode: another mode's id is unknown, its externalId a new customer", async () => {
    const live: Scope = { ...scope, livemode: true };
    const liveCustomer = await createOne(live, { externalId: "imp-mode-1", name: "Live" });
    const { results } = await importCustomers(scope, [
      row(2, { name: "By id" }, { id: liveCustomer.id }),
      row(3, { externalId: "imp-mode-1", name: "Test twin" }),
    ]);
    expect(results.map((result) => result.status)).toEqual(["failed", "created"]);
    const untouched = await prisma.customer.findUniqueOrThrow({
      where: { workspaceId_id: { workspaceId: scope.workspaceId, id: liveCustomer.id } },
    });
    expect(untouched.name).toBe("Live");
  });
});

describe("importCustomerBatch", () => {
  it("replays a batch sent twice under the same import id and batch number: one set of customers", async () => {
    const target = await freshScope();
    const batch = batchOf(target, [row(2, { name: "No key 1" }), row(3, { name: "No key 2" })]);
    const first = await importCustomerBatch(target, batch);
    const again = await importCustomerBatch(target, structuredClone(batch));
    expect(first.status).toBe(200);
    expect(again).toMatchObject({ status: 200, replayed: true, body: first.body });
    expect(await prisma.customer.count({ where: { workspaceId: target.workspaceId } })).toBe(2);
    expect(
      await prisma.event.count({ where: { workspaceId: target.workspaceId, type: "customer.created" } }),
    ).toBe(2);

    // Another batch number of the same import is another key; a changed body under a used key is refused.
    await importCustomerBatch(target, { ...batch, batch: 1, rows: [row(4, { name: "No key 3" })] });
    await expect(
      importCustomerBatch(target, { ...batch, rows: [row(2, { name: "Changed" })] }),
    ).rejects.toMatchObject({ code: "idempotency_key_reused" });
    expect(await prisma.customer.count({ where: { workspaceId: target.workspaceId } })).toBe(3);
  });

  it("refuses a batch started in another workspace or mode", async () => {
    const target = await freshScope();
    await expect(
      importCustomerBatch({ ...target, livemode: true }, batchOf(target, [row(2, { name: "X" })])),
    ).rejects.toMatchObject({ code: "parameter_invalid" });
    expect(await prisma.customer.count({ where: { workspaceId: target.workspaceId } })).toBe(0);
  });

  it("resumes within the time batches are kept", () => {
    expect(RESUME_WINDOW_MS).toBeLessThan(IDEMPOTENCY_TTL_MS);
  });

  it("imports 100,000 rows in batches of 1,000 with no duplicates; importing them again changes nothing; 1,000 updates fit one batch", async () => {
    const target = await freshScope();
    const total = 100_000;
    const size = 1000;
    const rowsOf = (batch: number) =>
      Array.from({ length: size }, (_, i) => {
        const n = batch * size + i;
        return row(n + 2, { externalId: `bulk-${n}`, name: `Customer ${n}`, email: `c${n}@example.com` });
      });
    const importId = "b".repeat(32);
    for (let batch = 0; batch < total / size; batch++) {
      const { body } = await importCustomerBatch(target, batchOf(target, rowsOf(batch), batch, importId));
      expect((body as { results: { status: string }[] }).results.every((r) => r.status === "created")).toBe(
        true,
      );
    }
    // A resumed import resends finished batches: they replay.
    const replay = await importCustomerBatch(target, batchOf(target, rowsOf(42), 42, importId));
    expect(replay.replayed).toBe(true);
    // A new import of the same rows finds every customer by externalId and changes nothing.
    const again = await importCustomerBatch(target, batchOf(target, rowsOf(99), 0, "c".repeat(32)));
    expect(
      (again.body as { results: { status: string }[] }).results.every((r) => r.status === "unchanged"),
    ).toBe(true);

    // The server's largest batch, every row changing a customer: 1,000 updates, each with its event,
    // inside the batch's transaction time.
    const renamed = rowsOf(7).map((r) => ({
      ...r,
      values: { ...r.values, name: `${r.values.name} (renamed)` },
    }));
    const updated = await importCustomerBatch(target, batchOf(target, renamed, 0, "d".repeat(32)));
    expect(
      (updated.body as { results: { status: string }[] }).results.every((r) => r.status === "updated"),
    ).toBe(true);
    expect(
      await prisma.event.count({ where: { workspaceId: target.workspaceId, type: "customer.updated" } }),
    ).toBe(1000);

    expect(await prisma.customer.count({ where: { workspaceId: target.workspaceId } })).toBe(total);
    const [{ distinct }] = await prisma.$queryRaw<{ distinct: bigint }[]>`
      SELECT count(DISTINCT external_id) AS distinct FROM customers WHERE workspace_id = ${target.workspaceId}`;
    expect(Number(distinct)).toBe(total);
  }, 300_000);
});

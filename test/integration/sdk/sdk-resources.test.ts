// The SDK against the real app: every resource it offers, auto-pagination, and its typed errors.
import { describe, expect, it } from "vitest";
import {
  AuthenticationError,
  ConflictError,
  IdempotencyError,
  InvalidRequestError,
  NotFoundError,
  Plugipay,
  PlugipayError,
  type Customer,
} from "@/sdk/src/index";
import { startSdkTestbed } from "@/test/support/sdk-testbed";

const t = startSdkTestbed();

async function caught(promise: PromiseLike<unknown>): Promise<PlugipayError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PlugipayError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

describe("customers", () => {
  it("create, retrieve, update, redact and merge answer the API's objects", async () => {
    const plugipay = t.client();
    const created = await plugipay.customers.create({
      email: "alice@example.com",
      name: "Alice",
      metadata: { plan: "gold" },
    });
    expect(created).toMatchObject({
      object: "customer",
      email: "alice@example.com",
      metadata: { plan: "gold" },
    });
    expect(await plugipay.customers.retrieve(created.id)).toEqual(created);
    const updated = await plugipay.customers.update(created.id, { name: "Alice Smith", metadata: null });
    expect(updated).toMatchObject({ name: "Alice Smith", metadata: {} });

    const duplicate = await plugipay.customers.create({ email: "alice@example.com", externalId: "crm_dup" });
    const survivor = await plugipay.customers.merge(created.id, { sourceId: duplicate.id });
    expect(survivor.id).toBe(created.id);
    expect(await plugipay.customers.retrieve(duplicate.id)).toMatchObject({
      mergedIntoId: created.id,
      externalId: null,
    });

    const tombstone = await plugipay.customers.redact(created.id);
    expect(tombstone).toMatchObject({ email: null, name: null, metadata: {} });
    expect(tombstone.redactedAt).not.toBeNull();
  });

  it("a list is one page when awaited and every customer when iterated, following the cursors", async () => {
    const plugipay = t.client();
    const email = `paged-${Date.now()}@example.com`;
    const results = await plugipay.customers.bulkCreate(
      Array.from({ length: 230 }, (_, i) => ({ email, externalId: `paged-${email}-${i}` })),
    );
    expect(results.every((result) => result.status === 201)).toBe(true);

    const first = await plugipay.customers.list({ email, limit: 7 });
    expect(first.data).toHaveLength(7);
    expect(first.hasMore).toBe(true);

    const seen: Customer[] = [];
    for await (const customer of plugipay.customers.list({ email })) seen.push(customer);
    expect(seen).toHaveLength(230);
    expect(new Set(seen.map((customer) => customer.id)).size).toBe(230);
    // Newest first, the API's default order.
    const createdAts = seen.map((customer) => customer.createdAt);
    expect([...createdAts].sort().reverse()).toEqual(createdAts);

    // Iteration starts where a given cursor points, and a small limit is the page size.
    const fromSecondPage = await plugipay.customers
      .list({ email, limit: 50, cursor: first.nextCursor! })
      .toArray();
    expect(fromSecondPage.map((customer) => customer.id)).toEqual(
      seen.slice(7).map((customer) => customer.id),
    );
  });

  it("export streams the CSV", async () => {
    const plugipay = t.client();
    const email = `export-${Date.now()}@example.com`;
    await plugipay.customers.create({ email, name: "Exported" });
    const stream = await plugipay.customers.export({ email });
    const text = await new Response(stream).text();
    const lines = text.trim().split(/\r?\n/);
    expect(lines[0]).toBe("id,externalId,email,name,phone,taxId,createdAt,archivedAt,metadata");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(email);
  });
});

describe("money, checkout and events", () => {
  it("a test checkout through the SDK shows up as a payment, an event, and a customer", async () => {
    const plugipay = t.client();
    const customer = await plugipay.customers.create({ name: "Payer" });
    const session = await plugipay.checkout.sessions.create({
      amount: 125000,
      currency: "IDR",
      customerId: customer.id,
    });
    expect(session).toMatchObject({ object: "checkout.session", status: "open" });
    const completed = await plugipay.checkout.sessions.complete(session.id, { email: "payer@example.com" });
    expect(completed.status).toBe("complete");
    expect(await plugipay.checkout.sessions.retrieve(session.id)).toEqual(completed);

    const payments = await plugipay.payments.list({ customerId: customer.id });
    expect(payments.data).toHaveLength(1);
    expect(payments.data[0]).toMatchObject({ amount: 125000, currency: "IDR", status: "succeeded" });
    expect(await plugipay.payments.retrieve(payments.data[0].id)).toEqual(payments.data[0]);

    const events = await plugipay.events.list({ type: "payment.succeeded" }).toArray();
    expect(events.some((event) => (event.data.object as { id: string }).id === payments.data[0].id)).toBe(
      true,
    );
    expect((await plugipay.events.retrieve(events[0].id)).id).toBe(events[0].id);

    expect((await plugipay.subscriptions.list({ customerId: customer.id })).data).toEqual([]);
    expect(await plugipay.invoices.list({ customerId: customer.id }).toArray()).toEqual([]);
  });
});

describe("errors", () => {
  it("are typed, carry the API's fields and the Request-Id, and are not retried", async () => {
    let calls = 0;
    const plugipay = t.client({
      fetch: (input, init) => {
        calls++;
        return fetch(input, init);
      },
    });

    const invalid = await caught(plugipay.customers.create({ email: "not-an-email" }));
    expect(invalid).toBeInstanceOf(InvalidRequestError);
    expect(invalid).toMatchObject({ status: 400, code: "parameter_invalid", param: "email" });
    expect(invalid.requestId).toMatch(/^req_/);
    expect(calls).toBe(1);

    const holder = await plugipay.customers.create({ externalId: `taken-${Date.now()}` });
    const conflict = await caught(plugipay.customers.create({ externalId: holder.externalId }));
    expect(conflict).toBeInstanceOf(ConflictError);
    expect((conflict as ConflictError).existingId).toBe(holder.id);

    const missing = await caught(plugipay.customers.retrieve("cus_nope"));
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(missing).toBeInstanceOf(InvalidRequestError);
    expect(missing.code).toBe("resource_missing");

    const key = `reused-${Date.now()}`;
    await plugipay.customers.create({ name: "One" }, { idempotencyKey: key });
    const reused = await caught(plugipay.customers.create({ name: "Two" }, { idempotencyKey: key }));
    expect(reused).toBeInstanceOf(IdempotencyError);
    expect(reused).toMatchObject({ status: 422, code: "idempotency_key_reused" });

    calls = 0;
    const refused = await caught(
      new Plugipay("sk_test_wrongwrongwrong", {
        baseUrl: t.baseUrl,
        fetch: (input, init) => {
          calls++;
          return fetch(input, init);
        },
      }).customers.list(),
    );
    expect(refused).toBeInstanceOf(AuthenticationError);
    expect(refused.requestId).toMatch(/^req_/);
    expect(refused.message).not.toContain("wrongwrong");
    expect(calls).toBe(1);
  });

  it("refuses a missing or malformed secret key before any request", () => {
    expect(() => new Plugipay("")).toThrow(PlugipayError);
    expect(() => new Plugipay("pk_test_123")).toThrow("sk_live_");
  });
});

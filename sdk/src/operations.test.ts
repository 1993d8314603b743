// Every method of the SDK calls an operation the API's OpenAPI document has, with that method and
// path: a renamed route fails here, before any integrator finds out.
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/openapi/document";
import { Plugipay } from "./index.js";

describe("the SDK's methods", () => {
  it("each call an operation of the OpenAPI document", async () => {
    const calls: string[] = [];
    const plugipay = new Plugipay("sk_test_123", {
      baseUrl: "https://api.example",
      fetch: async (input, init) => {
        const url = new URL(String(input));
        calls.push(`${init?.method} ${url.pathname.replace(/^\/v1/, "")}`);
        const list = { object: "list", url: "", data: [], hasMore: false, nextCursor: null };
        return new Response(
          url.pathname.endsWith("/export") ? "id\n" : JSON.stringify({ ...list, results: [] }),
        );
      },
    });
    const id = "x_1";
    await plugipay.customers.create({});
    await plugipay.customers.retrieve(id);
    await plugipay.customers.update(id, {});
    await plugipay.customers.list();
    await plugipay.customers.export();
    await plugipay.customers.bulkCreate([{}]);
    await plugipay.customers.redact(id);
    await plugipay.customers.merge(id, { sourceId: "y" });
    for (const resource of [plugipay.payments, plugipay.subscriptions, plugipay.invoices, plugipay.events]) {
      await resource.list();
      await resource.retrieve(id);
    }
    await plugipay.checkout.sessions.create({ amount: 1, currency: "IDR" });
    await plugipay.checkout.sessions.retrieve(id);
    await plugipay.checkout.sessions.complete(id, { email: "a@example.com" });

    const paths = openApiDocument().paths as Record<string, Record<string, unknown>>;
    const operations = new Set(
      Object.entries(paths).flatMap(([path, item]) =>
        Object.keys(item).map((method) => `${method.toUpperCase()} ${path.replace(/\{[^}]+\}/g, id)}`),
      ),
    );
    expect(calls).toHaveLength(19);
    for (const call of calls) expect(operations.has(call), call).toBe(true);
  });
});

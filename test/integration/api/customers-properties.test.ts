// Property-based: arbitrary bodies thrown at create and update never cause a 500, every 4xx
// names the bad field, and nothing is written half-way.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { startApiTestbed } from "@/test/support/api-testbed";

const t = startApiTestbed();

const FIELDS = ["externalId", "email", "name", "phone", "taxId", "defaultPaymentTokenId", "metadata"];

const anyValue = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ maxLength: 600 }),
  fc.constantFrom(
    "",
    " ",
    "a@b.co",
    "+62 812 3456",
    "Ünïcødé 😀",
    "=SUM(A1)",
    "'; DROP TABLE customers; --",
    "<script>",
  ),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(
    fc.string({ maxLength: 45 }),
    fc.oneof(fc.string({ maxLength: 510 }), fc.integer(), fc.constant(null)),
    {
      maxKeys: 55,
    },
  ),
);

const body = fc.dictionary(
  fc.oneof(fc.constantFrom(...FIELDS, "archived"), fc.string({ maxLength: 12 })),
  anyValue,
  {
    maxKeys: 6,
  },
);

function checkAnswer(response: { status: number; body: any }) {
  expect(response.status).toBeLessThan(500);
  if (response.status >= 400) {
    expect(response.body.error.type).toBe("invalid_request_error");
    expect(typeof response.body.error.param).toBe("string");
    if (response.body.error.param)
      expect(response.body.error.message).toContain(response.body.error.param.split(".")[0]);
  }
}

describe("arbitrary input", () => {
  it("POST /customers: 201 or a 4xx naming a param; a refused body stores nothing", async () => {
    await fc.assert(
      fc.asyncProperty(body, async (input) => {
        const before = await prisma.customer.count({ where: { workspaceId: t.workspace.workspaceId } });
        const response = await t.api.post("/api/v1/customers", input);
        checkAnswer(response);
        const after = await prisma.customer.count({ where: { workspaceId: t.workspace.workspaceId } });
        expect(after).toBe(before + (response.status === 201 ? 1 : 0));
        if (response.status === 201) {
          const stored = await t.api.get(`/api/v1/customers/${response.body.id}`);
          expect(stored.body).toEqual(response.body);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("PATCH /customers/{id}: 200 or a 4xx naming a param; a refused body changes nothing", async () => {
    const created = await t.api.post("/api/v1/customers", {
      name: "Target",
      email: "target@example.com",
      metadata: { a: "1" },
    });
    const id = created.body.id;
    await fc.assert(
      fc.asyncProperty(body, async (input) => {
        const before = (await t.api.get(`/api/v1/customers/${id}`)).body;
        const events = await prisma.event.count({ where: { objectId: id } });
        const response = await t.api.patch(`/api/v1/customers/${id}`, input);
        checkAnswer(response);
        const after = (await t.api.get(`/api/v1/customers/${id}`)).body;
        if (response.status >= 400) {
          expect(after).toEqual(before);
          expect(await prisma.event.count({ where: { objectId: id } })).toBe(events);
        } else {
          expect(after).toEqual(response.body);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("form bodies with arbitrary keys and values: never a 500", async () => {
    const formKey = fc.oneof(
      fc.constantFrom(...FIELDS),
      fc.constantFrom("metadata[a]", "metadata[", "a]b", "[x]", "items[0][email]"),
      fc.string({ maxLength: 10 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(formKey, fc.string({ maxLength: 30 })), { maxLength: 5 }),
        async (pairs) => {
          const form = pairs
            .map(
              ([k, v]) =>
                `${encodeURIComponent(k).replace(/%5B/g, "[").replace(/%5D/g, "]")}=${encodeURIComponent(v)}`,
            )
            .join("&");
          const response = await t.api.request("POST", "/api/v1/customers", { form });
          expect(response.status).toBeLessThan(500);
          if (response.status >= 400) expect(response.body.error.code).toMatch(/^(parameter_|body_invalid)/);
        },
      ),
      { numRuns: 100 },
    );
  });
});

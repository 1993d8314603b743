import Ajv from "ajv/dist/2020";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ApiError, errorCodes, type ErrorCode } from "@/lib/api/errors";
import { errorBody } from "@/lib/api/error-response";
import { serializeCustomer } from "@/lib/customers/serialize";
import type { Customer as CustomerRow } from "@/lib/generated/prisma/client";
import { openApiDocument } from "@/lib/openapi/document";

type JsonSchema = Record<string, unknown>;
type Operation = { operationId?: string; responses: Record<string, { content?: Record<string, unknown> }> };

const document = openApiDocument();
const schemas = document.components!.schemas as Record<string, JsonSchema>;

/** The contract's error table applied to each operation: the statuses it can answer with. */
const expectedStatuses: Record<string, string[]> = {
  "GET /customers": ["200", "400", "401", "429", "500", "503"],
  "POST /customers": ["201", "400", "401", "409", "413", "415", "422", "429", "500", "503"],
  "GET /customers/{id}": ["200", "400", "401", "404", "429", "500", "503"],
  "PATCH /customers/{id}": ["200", "400", "401", "404", "409", "413", "415", "422", "429", "500", "503"],
  "DELETE /customers/{id}": ["405"],
  "POST /customers/{id}/redact": [
    "202",
    "400",
    "401",
    "404",
    "409",
    "413",
    "415",
    "422",
    "429",
    "500",
    "503",
  ],
  "POST /customers/{id}/merge": ["200", "400", "401", "404", "409", "413", "415", "422", "429", "500", "503"],
  "POST /customers/bulk": ["200", "400", "401", "409", "413", "415", "422", "429", "500", "503"],
  "GET /customers/export": ["200", "400", "401", "429", "500", "503"],
  "GET /payments": ["200", "400", "401", "429", "500", "503"],
  "GET /payments/{id}": ["200", "400", "401", "404", "429", "500", "503"],
  "GET /subscriptions": ["200", "400", "401", "429", "500", "503"],
  "GET /subscriptions/{id}": ["200", "400", "401", "404", "429", "500", "503"],
  "GET /invoices": ["200", "400", "401", "429", "500", "503"],
  "GET /invoices/{id}": ["200", "400", "401", "404", "429", "500", "503"],
  "GET /events": ["200", "400", "401", "429", "500", "503"],
  "GET /events/{id}": ["200", "401", "404", "429", "500", "503"],
  "POST /checkout/sessions": ["201", "400", "401", "409", "413", "415", "422", "429", "500", "503"],
  "GET /checkout/sessions/{id}": ["200", "401", "404", "429", "500", "503"],
  "POST /checkout/sessions/{id}/complete": [
    "200",
    "400",
    "401",
    "404",
    "409",
    "413",
    "415",
    "422",
    "429",
    "500",
    "503",
  ],
  "GET /webhook_endpoints": ["200", "400", "401", "429", "500", "503"],
  "POST /webhook_endpoints": ["201", "400", "401", "409", "413", "415", "422", "429", "500", "503"],
  "GET /webhook_endpoints/{id}": ["200", "401", "404", "429", "500", "503"],
  "PATCH /webhook_endpoints/{id}": [
    "200",
    "400",
    "401",
    "404",
    "409",
    "413",
    "415",
    "422",
    "429",
    "500",
    "503",
  ],
  "DELETE /webhook_endpoints/{id}": ["405"],
};

function operations(): [string, Operation][] {
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Operation>).map(
      ([method, operation]) => [`${method.toUpperCase()} ${path}`, operation] as [string, Operation],
    ),
  );
}

// ajv speaks JSON Schema 2020-12 (OpenAPI 3.1's dialect), which covers every keyword this document's schemas use; resolving $refs
// against the components makes the validator see exactly what a client generator sees.
const ajv = new Ajv({ allErrors: true, strict: false });
function validator(name: string) {
  return ajv.compile({ ...schemas[name], components: document.components });
}

function isNullable(property: JsonSchema): boolean {
  const types = ([] as unknown[]).concat(property.type ?? []);
  const variants = (property.anyOf ?? []) as JsonSchema[];
  return types.includes("null") || variants.some((variant) => variant.type === "null");
}

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 with the /api/v1 server and both auth schemes", () => {
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    expect(document.servers).toEqual([expect.objectContaining({ url: "/api/v1" })]);
    expect(document.servers![0].description).toContain("/v1");
    expect(document.components!.securitySchemes).toMatchObject({
      basicAuth: { type: "http", scheme: "basic" },
      bearerAuth: { type: "http", scheme: "bearer" },
    });
  });

  it("has every path and method, each with an operationId and the contract's error responses", () => {
    const found = operations();
    expect(found.map(([name]) => name).sort()).toEqual(Object.keys(expectedStatuses).sort());
    const ids = found.map(([, operation]) => operation.operationId);
    expect(new Set(ids).size).toBe(found.length);
    for (const [name, operation] of found) {
      expect(operation.operationId, name).toMatch(/^[a-z][A-Za-z]+$/);
      expect(Object.keys(operation.responses).sort(), name).toEqual(expectedStatuses[name]);
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) < 400) continue;
        expect(response.content, `${name} ${status}`).toEqual({
          "application/json": { schema: { $ref: "#/components/schemas/Error" } },
        });
      }
    }
  });

  it("documents the request and response headers", () => {
    const paths = document.paths as Record<string, Record<string, JsonSchema & Operation>>;
    const create = paths["/customers"].post;
    expect(create.parameters).toContainEqual({ $ref: "#/components/parameters/Idempotency-Key" });
    expect(paths["/customers/{id}"].patch.parameters).toContainEqual({
      $ref: "#/components/parameters/Idempotency-Key",
    });
    const created = create.responses["201"] as { headers: Record<string, unknown> };
    expect(Object.keys(created.headers)).toEqual(
      expect.arrayContaining([
        "Request-Id",
        "Location",
        "Idempotent-Replayed",
        "RateLimit-Limit",
        "RateLimit-Remaining",
        "RateLimit-Reset",
      ]),
    );
    const limited = create.responses["429"] as { headers: Record<string, unknown> };
    expect(Object.keys(limited.headers)).toContain("Retry-After");
    // Every answer is counted, a 401 (per client address) and a 405 included.
    const unauthorized = create.responses["401"] as { headers: Record<string, unknown> };
    expect(Object.keys(unauthorized.headers)).toEqual(
      expect.arrayContaining([
        "WWW-Authenticate",
        "RateLimit-Limit",
        "RateLimit-Remaining",
        "RateLimit-Reset",
      ]),
    );
    const exported = paths["/customers/export"].get.responses["200"];
    expect(Object.keys(exported.content!)).toEqual(["text/csv"]);
  });

  it("lists every error code of lib/api/errors.ts in the error envelope", () => {
    const detail = schemas.ErrorDetail.properties as Record<string, JsonSchema>;
    expect(detail.code.enum).toEqual(Object.keys(errorCodes));
    const validate = validator("Error");
    for (const code of Object.keys(errorCodes) as ErrorCode[]) {
      const error = new ApiError(code, "message", { param: "email", extra: { existingId: "cus_1" } });
      expect(validate(errorBody(error, "req_1")), `${code}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
  });

  it("lists every key of the customer object, required, with the contract's nullability", () => {
    const nullable = {
      id: false,
      object: false,
      externalId: true,
      email: true,
      name: true,
      phone: true,
      taxId: true,
      defaultPaymentTokenId: true,
      metadata: false,
      archivedAt: true,
      redactedAt: true,
      mergedIntoId: true,
      livemode: false,
      createdAt: false,
      updatedAt: false,
    };
    const customer = schemas.Customer;
    const properties = customer.properties as Record<string, JsonSchema>;
    expect(Object.keys(properties).sort()).toEqual(Object.keys(nullable).sort());
    expect([...(customer.required as string[])].sort()).toEqual(Object.keys(nullable).sort());
    for (const [key, expected] of Object.entries(nullable))
      expect(isNullable(properties[key]), key).toBe(expected);
  });

  it("takes request bodies as input (what clients send) and responses as output", () => {
    const create = schemas.CustomerCreate.properties as Record<string, JsonSchema>;
    expect(create.metadata.type).toEqual(["object", "null"]);
    expect(create.email.type).toEqual(["string", "null"]);
    expect(schemas.CustomerBulkCreate).toMatchObject({
      required: ["items"],
      properties: { items: { maxItems: 1000, items: { $ref: "#/components/schemas/CustomerCreate" } } },
    });
    const parameters = (document.paths!["/customers"] as Record<string, { parameters: JsonSchema[] }>).get
      .parameters;
    expect(parameters.find((parameter) => parameter.name === "limit")!.schema).toMatchObject({
      type: "integer",
      minimum: 1,
      maximum: 100,
      default: 10,
    });
  });
});

// Any row the database can hold, so the serializer and the document cannot drift apart.
const instant = fc.date({
  min: new Date("0001-01-01T00:00:00.000Z"),
  max: new Date("9999-12-31T23:59:59.999Z"),
  noInvalidDate: true,
});
const text = fc.string({ unit: "grapheme", maxLength: 40 });
const nullableText = fc.option(text, { nil: null });
const row: fc.Arbitrary<CustomerRow> = fc.record({
  id: text,
  workspaceId: text,
  livemode: fc.boolean(),
  externalId: nullableText,
  email: nullableText,
  emailNormalized: nullableText,
  name: nullableText,
  phone: nullableText,
  taxId: nullableText,
  defaultPaymentTokenId: nullableText,
  metadata: fc.dictionary(text, fc.string({ maxLength: 500 }), { maxKeys: 50 }),
  archivedAt: fc.option(instant, { nil: null }),
  redactedAt: fc.option(instant, { nil: null }),
  mergedIntoId: nullableText,
  scrubPendingSince: fc.option(instant, { nil: null }),
  createdAt: instant,
  updatedAt: instant,
});

describe("serializeCustomer against the document", () => {
  it("every serialized customer validates against the Customer schema", () => {
    const validate = validator("Customer");
    fc.assert(
      fc.property(row, (customerRow) => {
        const customer = serializeCustomer(customerRow);
        expect(validate(customer), ajv.errorsText(validate.errors)).toBe(true);
      }),
    );
  });

  it("a list page of them validates against the CustomerList schema", () => {
    const validate = validator("CustomerList");
    fc.assert(
      fc.property(fc.array(row, { maxLength: 5 }), fc.option(text, { nil: null }), (rows, nextCursor) => {
        const page = {
          object: "list",
          url: "/api/v1/customers",
          data: rows.map(serializeCustomer),
          hasMore: nextCursor !== null,
          nextCursor,
        };
        expect(validate(page), ajv.errorsText(validate.errors)).toBe(true);
      }),
      { numRuns: 30 },
    );
  });
});

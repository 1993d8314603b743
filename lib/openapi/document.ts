// The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the routes validate with,
// so it cannot say something the API does not do. Human reference: docs/api.md.
import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiResponsesObject } from "zod-openapi";
import { errorCodes, type ErrorCode } from "@/lib/api/errors";
import {
  customerBulkCreateSchema,
  customerCreateSchema,
  customerExportQuerySchema,
  customerListQuerySchema,
  customerSchema,
  customerUpdateSchema,
} from "@/lib/customers/schemas";

const allCodes = Object.keys(errorCodes) as [ErrorCode, ...ErrorCode[]];
const errorTypes = [...new Set(Object.values(errorCodes).map((entry) => entry.type))] as [
  string,
  ...string[],
];

export const errorDetailSchema = z
  .object({
    type: z.enum(errorTypes),
    code: z.enum(allCodes),
    message: z.string().meta({ example: "email: must be a valid email address" }),
    param: z
      .string()
      .optional()
      .meta({ description: "The first bad field, as a dotted path.", example: "metadata.plan" }),
    existingId: z
      .string()
      .optional()
      .meta({ description: "On a duplicate externalId: the customer that holds it." }),
    requestId: z.string().meta({ example: "req_01JDQ4W3Y2ZJ8M9V0T3B5K7N2P" }),
  })
  .meta({ id: "ErrorDetail" });

export const errorSchema = z.object({ error: errorDetailSchema }).meta({ id: "Error" });

export const customerListSchema = z
  .object({
    object: z.literal("list"),
    url: z.literal("/api/v1/customers"),
    data: z.array(customerSchema),
    hasMore: z.boolean(),
    nextCursor: z.string().nullable().meta({ description: "null exactly when hasMore is false." }),
  })
  .meta({ id: "CustomerList" });

export const bulkResultSchema = z
  .object({
    object: z.literal("bulk_result"),
    results: z.array(
      z.union([
        z.object({ index: z.int().min(0), status: z.literal(201), customer: customerSchema }),
        z.object({ index: z.int().min(0), status: z.int().min(400).max(599), error: errorDetailSchema }),
      ]),
    ),
  })
  .meta({ id: "CustomerBulkResult", description: "One result per item, in input order." });

const headers = {
  requestId: z
    .string()
    .meta({ description: "This request's id (req_…): quote it to support.", header: { id: "Request-Id" } }),
  limit: z
    .string()
    .optional()
    .meta({ description: "Requests per second allowed for this key.", header: { id: "RateLimit-Limit" } }),
  remaining: z
    .string()
    .optional()
    .meta({ description: "Requests left in the current second.", header: { id: "RateLimit-Remaining" } }),
  reset: z
    .string()
    .optional()
    .meta({ description: "Seconds until the count resets.", header: { id: "RateLimit-Reset" } }),
  retryAfter: z
    .string()
    .meta({ description: "Seconds to wait before retrying.", header: { id: "Retry-After" } }),
  replayed: z
    .enum(["true"])
    .optional()
    .meta({
      description:
        "Present when this is the stored response of an earlier request with the same Idempotency-Key.",
      header: { id: "Idempotent-Replayed" },
    }),
};
const rateLimitHeaders = {
  "RateLimit-Limit": headers.limit,
  "RateLimit-Remaining": headers.remaining,
  "RateLimit-Reset": headers.reset,
};

const idempotencyKey = z
  .string()
  .min(1)
  .max(255)
  .optional()
  .meta({
    description:
      "Makes a retry safe: the first response is replayed for 24 hours. 1-255 printable ASCII characters.",
    example: "order-4711-create-customer",
    param: { id: "Idempotency-Key" },
  });

const customerIdParams = z.object({
  id: z.string().meta({
    example: "cus_01JDQ4W3Y2ZJ8M9V0T3B5K7N2P",
    param: { id: "CustomerId", description: "The customer's id." },
  }),
});

const errorMeaning: Record<number, string> = {
  400: "Bad input",
  401: "No key, or an invalid or revoked one",
  404: "No such customer in this workspace and mode",
  405: "Method not allowed",
  409: "Conflict",
  413: "Body too large",
  415: "Unsupported Content-Type",
  422: "Idempotency-Key reused with a different request",
  429: "Rate limited",
  500: "Internal error",
  503: "Service unavailable",
};

/** One response per status, naming the codes it can carry, with the headers that come with it. */
function errorResponses(codes: ErrorCode[]): ZodOpenApiResponsesObject {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes)
    byStatus.set(errorCodes[code].status, [...(byStatus.get(errorCodes[code].status) ?? []), code]);
  return Object.fromEntries(
    [...byStatus].map(([status, statusCodes]) => [
      String(status),
      {
        description: `${errorMeaning[status]}: ${statusCodes.map((code) => `\`${code}\``).join(", ")}.`,
        headers: z.object({
          "Request-Id": headers.requestId,
          ...(status === 401 || status === 405 ? {} : rateLimitHeaders),
          ...(status === 429 || status === 503 ? { "Retry-After": headers.retryAfter } : {}),
          ...(status === 401
            ? { "WWW-Authenticate": z.literal('Basic realm="Plugipay"') }
            : status === 405
              ? { Allow: z.string().meta({ example: "GET, PATCH" }) }
              : {}),
        }),
        content: { "application/json": { schema: errorSchema } },
      },
    ]),
  );
}

function successHeaders(extra: Record<string, z.ZodType> = {}) {
  return z.object({ "Request-Id": headers.requestId, ...rateLimitHeaders, ...extra });
}

function json(schema: z.ZodType, description: string, extraHeaders?: Record<string, z.ZodType>) {
  return { description, headers: successHeaders(extraHeaders), content: { "application/json": { schema } } };
}

/** JSON, or the form encoding curl -d sends (metadata[plan]=pro, items[0][email]=…). An empty body reads as {}. */
function body(schema: z.ZodType, deepFields: string[], required = false) {
  const encoding = Object.fromEntries(
    deepFields.map((field) => [field, { style: "deepObject", explode: true }]),
  );
  return {
    required,
    content: {
      "application/json": { schema },
      "application/x-www-form-urlencoded": { schema, encoding },
    },
  };
}

const unavailable: ErrorCode[] = ["invalid_api_key", "rate_limited", "internal_error", "service_unavailable"];
const writes: ErrorCode[] = [
  "parameter_invalid",
  "parameter_unknown",
  "body_invalid",
  "body_too_large",
  "unsupported_media_type",
  "idempotency_key_in_use",
  "idempotency_key_reused",
];
const replayed = { "Idempotent-Replayed": headers.replayed };

const operations = {
  list: {
    operationId: "listCustomers",
    tags: ["Customers"],
    summary: "List customers",
    description: "Newest first by default, keyset-paginated with opaque cursors.",
    requestParams: { query: customerListQuerySchema },
    responses: {
      200: json(customerListSchema, "A page of customers."),
      ...errorResponses(["parameter_invalid", "parameter_unknown", "cursor_invalid", ...unavailable]),
    },
  },
  create: {
    operationId: "createCustomer",
    tags: ["Customers"],
    summary: "Create a customer",
    description: "Emits customer.created.",
    requestParams: { header: z.object({ "Idempotency-Key": idempotencyKey }) },
    requestBody: body(customerCreateSchema, ["metadata"]),
    responses: {
      201: json(customerSchema, "The new customer.", {
        Location: z.string().meta({ example: "/api/v1/customers/cus_01JDQ4W3Y2ZJ8M9V0T3B5K7N2P" }),
        ...replayed,
      }),
      ...errorResponses([...writes, "resource_already_exists", ...unavailable]),
    },
  },
  retrieve: {
    operationId: "retrieveCustomer",
    tags: ["Customers"],
    summary: "Retrieve a customer",
    requestParams: { path: customerIdParams },
    responses: {
      200: json(customerSchema, "The customer."),
      ...errorResponses(["parameter_invalid", "resource_missing", ...unavailable]),
    },
  },
  update: {
    operationId: "updateCustomer",
    tags: ["Customers"],
    summary: "Update a customer",
    description: "Emits customer.updated with previousAttributes; no event when nothing changed.",
    requestParams: { path: customerIdParams, header: z.object({ "Idempotency-Key": idempotencyKey }) },
    requestBody: body(customerUpdateSchema, ["metadata"]),
    responses: {
      200: json(customerSchema, "The updated customer.", replayed),
      ...errorResponses([
        ...writes,
        "resource_missing",
        "resource_already_exists",
        "customer_redacted",
        ...unavailable,
      ]),
    },
  },
  delete: {
    operationId: "deleteCustomer",
    tags: ["Customers"],
    summary: "Not supported: customers are never deleted",
    description:
      "Always 405 with Allow: GET, PATCH. Payments and invoices refer to customers; to erase personal data, use POST /customers/{id}/redact.",
    security: [],
    requestParams: { path: customerIdParams },
    responses: errorResponses(["method_not_allowed"]),
  },
  bulkCreate: {
    operationId: "bulkCreateCustomers",
    tags: ["Customers"],
    summary: "Create up to 1,000 customers",
    description: "Each item succeeds or fails on its own; the response is 200 whatever the items' outcomes.",
    requestParams: { header: z.object({ "Idempotency-Key": idempotencyKey }) },
    requestBody: body(customerBulkCreateSchema, ["items"], true),
    responses: {
      200: json(bulkResultSchema, "One result per item.", replayed),
      ...errorResponses(["parameter_missing", ...writes, ...unavailable]),
    },
  },
  export: {
    operationId: "exportCustomers",
    tags: ["Customers"],
    summary: "Export customers as CSV",
    description: "The list's filters without limit or cursor; streams every matching customer.",
    requestParams: { query: customerExportQuerySchema },
    responses: {
      200: {
        description:
          "RFC 4180 CSV (CRLF line ends), one row per customer in the list's order, metadata as JSON. Cells that a spreadsheet would run as a formula (= + - @) start with a '.",
        headers: successHeaders({ "Content-Disposition": z.literal('attachment; filename="customers.csv"') }),
        content: {
          "text/csv": {
            schema: z.string().meta({
              example:
                'id,externalId,email,name,phone,taxId,createdAt,archivedAt,metadata\r\ncus_01JDQ4W3Y2ZJ8M9V0T3B5K7N2P,crm_19823,alice@example.com,Alice Smith,,,2026-11-24T10:00:00.000Z,,"{""segment"":""enterprise""}"\r\n',
            }),
          },
        },
      },
      ...errorResponses(["parameter_invalid", "parameter_unknown", ...unavailable]),
    },
  },
} satisfies Record<string, ZodOpenApiOperationObject>;

export function openApiDocument() {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Plugipay Customers API",
      version: "1",
      description:
        "The customers of a Plugipay workspace. Reference with examples: docs/api.md. The same routes answer at /api/v1 (canonical) and /v1 (an alias).",
    },
    servers: [{ url: "/api/v1", description: "Canonical base path; /v1 is an alias for it." }],
    security: [{ basicAuth: [] }, { bearerAuth: [] }],
    tags: [{ name: "Customers" }],
    paths: {
      "/customers": { get: operations.list, post: operations.create },
      "/customers/{id}": { get: operations.retrieve, patch: operations.update, delete: operations.delete },
      "/customers/bulk": { post: operations.bulkCreate },
      "/customers/export": { get: operations.export },
    },
    components: {
      securitySchemes: {
        basicAuth: {
          type: "http",
          scheme: "basic",
          description:
            "The secret key (sk_live_… or sk_test_…) as the username, an empty password: curl -u sk_test_…:",
        },
        bearerAuth: { type: "http", scheme: "bearer", description: "Authorization: Bearer sk_test_…" },
      },
    },
  });
}

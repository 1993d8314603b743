// The customer endpoints in the OpenAPI document (lib/openapi/document.ts).
import { z } from "zod";
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from "zod-openapi";
import {
  body,
  errorDetailSchema,
  errorResponses,
  idempotencyKey,
  json,
  listEnvelope,
  replayed,
  successHeaders,
  unavailable,
  writes,
} from "@/lib/openapi/building-blocks";
import {
  customerBulkCreateSchema,
  customerCreateSchema,
  customerExportQuerySchema,
  customerListQuerySchema,
  customerMergeSchema,
  customerSchema,
  customerUpdateSchema,
} from "@/lib/customers/schemas";

export const customerListSchema = listEnvelope(customerSchema, "/api/v1/customers", "CustomerList");

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

const customerIdParams = z.object({
  id: z.string().meta({
    example: "cus_01JDQ4W3Y2ZJ8M9V0T3B5K7N2P",
    param: { id: "CustomerId", description: "The customer's id." },
  }),
});

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
    description:
      "Emits customer.updated with previousAttributes; no event when nothing changed. A customer merged into another stays archived: archived=false is 409 customer_merged.",
    requestParams: { path: customerIdParams, header: z.object({ "Idempotency-Key": idempotencyKey }) },
    requestBody: body(customerUpdateSchema, ["metadata"]),
    responses: {
      200: json(customerSchema, "The updated customer.", replayed),
      ...errorResponses([
        ...writes,
        "resource_missing",
        "resource_already_exists",
        "customer_redacted",
        "customer_merged",
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
  redact: {
    operationId: "redactCustomer",
    tags: ["Customers"],
    summary: "Erase a customer's personal data",
    description:
      "The customer becomes a tombstone (email, name, phone, taxId null, metadata {}, redactedAt set), and so do the customers merged into it; a background job then scrubs the same data from its payments, checkout sessions, invoices, event payloads, webhook responses and stored idempotent responses. Emits customer.redacted (the tombstone). Redacting a redacted customer answers the same tombstone and emits nothing.",
    requestParams: { path: customerIdParams, header: z.object({ "Idempotency-Key": idempotencyKey }) },
    responses: {
      202: json(customerSchema, "The tombstone.", replayed),
      ...errorResponses([...writes, "resource_missing", ...unavailable]),
    },
  },
  merge: {
    operationId: "mergeCustomers",
    tags: ["Customers"],
    summary: "Merge another customer into this one",
    description:
      "Moves the source's payments, subscriptions, invoices, checkout sessions and payment tokens (dropping those whose fingerprint this customer already has) onto this customer, whose own fields do not change. The source is archived with mergedIntoId set and its externalId freed. Emits customer.merged (the source, with previousAttributes).",
    requestParams: { path: customerIdParams, header: z.object({ "Idempotency-Key": idempotencyKey }) },
    requestBody: body(customerMergeSchema, [], true),
    responses: {
      200: json(customerSchema, "The customer merged into (the target).", replayed),
      ...errorResponses([
        "parameter_missing",
        ...writes,
        "resource_missing",
        "customer_archived",
        "customer_merged",
        "customer_redacted",
        ...unavailable,
      ]),
    },
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

export const customerPaths: ZodOpenApiPathsObject = {
  "/customers": { get: operations.list, post: operations.create },
  "/customers/{id}": { get: operations.retrieve, patch: operations.update, delete: operations.delete },
  "/customers/{id}/redact": { post: operations.redact },
  "/customers/{id}/merge": { post: operations.merge },
  "/customers/bulk": { post: operations.bulkCreate },
  "/customers/export": { get: operations.export },
};

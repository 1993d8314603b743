// The invoice endpoints in the OpenAPI document (lib/openapi/document.ts). Read-only for now.
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from "zod-openapi";
import { customerScopedListQuerySchema } from "@/lib/api/list-params";
import { errorResponses, idParams, json, listEnvelope, unavailable } from "@/lib/openapi/building-blocks";
import { invoiceSchema } from "@/lib/invoices/schemas";

export const invoiceListSchema = listEnvelope(invoiceSchema, "/api/v1/invoices", "InvoiceList");

const invoiceIdParams = idParams("inv_01JDQ4W3Y2ZJ8M9V0T3B5K7N2P", "InvoiceId", "The invoice's id.");

const operations = {
  list: {
    operationId: "listInvoices",
    tags: ["Invoices"],
    summary: "List invoices",
    description: "Newest first, keyset-paginated with opaque cursors; customerId narrows to one customer.",
    requestParams: { query: customerScopedListQuerySchema },
    responses: {
      200: json(invoiceListSchema, "A page of invoices."),
      ...errorResponses(["parameter_invalid", "parameter_unknown", "cursor_invalid", ...unavailable]),
    },
  },
  retrieve: {
    operationId: "retrieveInvoice",
    tags: ["Invoices"],
    summary: "Retrieve a invoice",
    requestParams: { path: invoiceIdParams },
    responses: {
      200: json(invoiceSchema, "The invoice."),
      ...errorResponses(["parameter_unknown", "resource_missing", ...unavailable]),
    },
  },
} satisfies Record<string, ZodOpenApiOperationObject>;

export const invoicePaths: ZodOpenApiPathsObject = {
  "/invoices": { get: operations.list },
  "/invoices/{id}": { get: operations.retrieve },
};

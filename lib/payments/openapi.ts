// The payment endpoints in the OpenAPI document (lib/openapi/document.ts). Read-only for now.
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from "zod-openapi";
import { customerScopedListQuerySchema } from "@/lib/api/list-params";
import { errorResponses, idParams, json, listEnvelope, unavailable } from "@/lib/openapi/building-blocks";
import { paymentSchema } from "@/lib/payments/schemas";

export const paymentListSchema = listEnvelope(paymentSchema, "/api/v1/payments", "PaymentList");

const paymentIdParams = idParams("pay_01JDQ4W3Y2ZJ8M9V0T3B5K7N2P", "PaymentId", "The payment's id.");

const operations = {
  list: {
    operationId: "listPayments",
    tags: ["Payments"],
    summary: "List payments",
    description: "Newest first, keyset-paginated with opaque cursors; customerId narrows to one customer.",
    requestParams: { query: customerScopedListQuerySchema },
    responses: {
      200: json(paymentListSchema, "A page of payments."),
      ...errorResponses(["parameter_invalid", "parameter_unknown", "cursor_invalid", ...unavailable]),
    },
  },
  retrieve: {
    operationId: "retrievePayment",
    tags: ["Payments"],
    summary: "Retrieve a payment",
    requestParams: { path: paymentIdParams },
    responses: {
      200: json(paymentSchema, "The payment."),
      ...errorResponses(["parameter_unknown", "resource_missing", ...unavailable]),
    },
  },
} satisfies Record<string, ZodOpenApiOperationObject>;

export const paymentPaths: ZodOpenApiPathsObject = {
  "/payments": { get: operations.list },
  "/payments/{id}": { get: operations.retrieve },
};

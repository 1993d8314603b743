// The subscription endpoints in the OpenAPI document (lib/openapi/document.ts). Read-only for now.
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from "zod-openapi";
import { customerScopedListQuerySchema } from "@/lib/api/list-params";
import { errorResponses, idParams, json, listEnvelope, unavailable } from "@/lib/openapi/building-blocks";
import { subscriptionSchema } from "@/lib/subscriptions/schemas";

export const subscriptionListSchema = listEnvelope(
  subscriptionSchema,
  "/api/v1/subscriptions",
  "SubscriptionList",
);

const subscriptionIdParams = idParams(
  "sub_01JDQ4W3Y2ZJ8M9V0T3B5K7N2P",
  "SubscriptionId",
  "The subscription's id.",
);

const operations = {
  list: {
    operationId: "listSubscriptions",
    tags: ["Subscriptions"],
    summary: "List subscriptions",
    description: "Newest first, keyset-paginated with opaque cursors; customerId narrows to one customer.",
    requestParams: { query: customerScopedListQuerySchema },
    responses: {
      200: json(subscriptionListSchema, "A page of subscriptions."),
      ...errorResponses(["parameter_invalid", "parameter_unknown", "cursor_invalid", ...unavailable]),
    },
  },
  retrieve: {
    operationId: "retrieveSubscription",
    tags: ["Subscriptions"],
    summary: "Retrieve a subscription",
    requestParams: { path: subscriptionIdParams },
    responses: {
      200: json(subscriptionSchema, "The subscription."),
      ...errorResponses(["parameter_unknown", "resource_missing", ...unavailable]),
    },
  },
} satisfies Record<string, ZodOpenApiOperationObject>;

export const subscriptionPaths: ZodOpenApiPathsObject = {
  "/subscriptions": { get: operations.list },
  "/subscriptions/{id}": { get: operations.retrieve },
};

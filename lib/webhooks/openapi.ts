// The webhook endpoint endpoints in the OpenAPI document (lib/openapi/document.ts).
import { z } from "zod";
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from "zod-openapi";
import {
  body,
  errorResponses,
  idempotencyKey,
  idParams,
  json,
  listEnvelope,
  replayed,
  unavailable,
  writes,
} from "@/lib/openapi/building-blocks";
import {
  webhookEndpointCreateSchema,
  webhookEndpointSchema,
  webhookEndpointUpdateSchema,
} from "@/lib/webhooks/schemas";

const endpointList = listEnvelope(webhookEndpointSchema, "/api/v1/webhook_endpoints", "WebhookEndpointList");
const endpointIdParams = idParams("we_01JDQ4W3Y2ZJ8M9V0T3B5K7N2P", "WebhookEndpointId", "The endpoint's id.");

const operations = {
  list: {
    operationId: "listWebhookEndpoints",
    tags: ["Webhooks"],
    summary: "List webhook endpoints",
    description: "Every endpoint of this workspace and mode (at most 100), newest first, without secrets.",
    responses: {
      200: json(endpointList, "The endpoints."),
      ...errorResponses(["parameter_unknown", ...unavailable]),
    },
  },
  create: {
    operationId: "createWebhookEndpoint",
    tags: ["Webhooks"],
    summary: "Register a webhook endpoint",
    description: "The response is the only one that carries the signing secret (whsec_…).",
    requestParams: { header: z.object({ "Idempotency-Key": idempotencyKey }) },
    requestBody: body(webhookEndpointCreateSchema, ["events"], true),
    responses: {
      201: json(webhookEndpointSchema, "The new endpoint, with its secret.", {
        Location: z.string().meta({ example: "/api/v1/webhook_endpoints/we_01JDQ4W3Y2ZJ8M9V0T3B5K7N2P" }),
        ...replayed,
      }),
      ...errorResponses(["parameter_missing", ...writes, ...unavailable]),
    },
  },
  retrieve: {
    operationId: "retrieveWebhookEndpoint",
    tags: ["Webhooks"],
    summary: "Retrieve a webhook endpoint",
    requestParams: { path: endpointIdParams },
    responses: {
      200: json(webhookEndpointSchema, "The endpoint, without its secret."),
      ...errorResponses(["resource_missing", ...unavailable]),
    },
  },
  update: {
    operationId: "updateWebhookEndpoint",
    tags: ["Webhooks"],
    summary: "Update, disable or enable a webhook endpoint",
    requestParams: { path: endpointIdParams, header: z.object({ "Idempotency-Key": idempotencyKey }) },
    requestBody: body(webhookEndpointUpdateSchema, ["events"]),
    responses: {
      200: json(webhookEndpointSchema, "The updated endpoint.", replayed),
      ...errorResponses([...writes, "resource_missing", ...unavailable]),
    },
  },
  delete: {
    operationId: "deleteWebhookEndpoint",
    tags: ["Webhooks"],
    summary: "Not supported: disable the endpoint instead",
    description:
      'Always 405 with Allow: GET, PATCH. Deliveries refer to endpoints; PATCH {"disabled": true} stops them.',
    security: [],
    requestParams: { path: endpointIdParams },
    responses: errorResponses(["method_not_allowed"]),
  },
} satisfies Record<string, ZodOpenApiOperationObject>;

export const webhookPaths: ZodOpenApiPathsObject = {
  "/webhook_endpoints": { get: operations.list, post: operations.create },
  "/webhook_endpoints/{id}": {
    get: operations.retrieve,
    patch: operations.update,
    delete: operations.delete,
  },
};

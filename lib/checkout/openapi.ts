// The checkout endpoints in the OpenAPI document (lib/openapi/document.ts).
import { z } from "zod";
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from "zod-openapi";
import {
  body,
  errorResponses,
  idempotencyKey,
  idParams,
  json,
  replayed,
  unavailable,
  writes,
} from "@/lib/openapi/building-blocks";
import {
  checkoutCompleteSchema,
  checkoutSessionCreateSchema,
  checkoutSessionSchema,
} from "@/lib/checkout/schemas";

const sessionIdParams = idParams(
  "cs_01JDQ4W3Y2ZJ8M9V0T3B5K7N2P",
  "CheckoutSessionId",
  "The checkout session's id.",
);
const idempotencyHeader = z.object({ "Idempotency-Key": idempotencyKey });

const operations = {
  create: {
    operationId: "createCheckoutSession",
    tags: ["Checkout"],
    summary: "Open a checkout session",
    description: "Send the payer to its url. It stays open for 24 hours.",
    requestParams: { header: idempotencyHeader },
    requestBody: body(checkoutSessionCreateSchema, ["metadata"], true),
    responses: {
      201: json(checkoutSessionSchema, "The open session.", {
        Location: z.string().meta({ example: "/api/v1/checkout/sessions/cs_01JDQ4W3Y2ZJ8M9V0T3B5K7N2P" }),
        ...replayed,
      }),
      ...errorResponses(["parameter_missing", ...writes, ...unavailable]),
    },
  },
  retrieve: {
    operationId: "retrieveCheckoutSession",
    tags: ["Checkout"],
    summary: "Retrieve a checkout session",
    requestParams: { path: sessionIdParams },
    responses: {
      200: json(checkoutSessionSchema, "The session."),
      ...errorResponses(["resource_missing", ...unavailable]),
    },
  },
  complete: {
    operationId: "completeCheckoutSession",
    tags: ["Checkout"],
    summary: "Complete a test-mode session as its payer would",
    description:
      "Makes one succeeded payment and hangs it on the session's customer, else the oldest non-archived customer with that email (any case), else a new customer made from the email and name. Emits customer.created (when one is made), payment.succeeded and checkout.session.completed. Completing a completed session changes nothing and answers it again.",
    requestParams: { path: sessionIdParams, header: idempotencyHeader },
    requestBody: body(checkoutCompleteSchema, [], true),
    responses: {
      200: json(checkoutSessionSchema, "The completed session.", replayed),
      ...errorResponses([
        "parameter_missing",
        "test_mode_only",
        ...writes,
        "resource_missing",
        "checkout_session_expired",
        ...unavailable,
      ]),
    },
  },
} satisfies Record<string, ZodOpenApiOperationObject>;

export const checkoutPaths: ZodOpenApiPathsObject = {
  "/checkout/sessions": { post: operations.create },
  "/checkout/sessions/{id}": { get: operations.retrieve },
  "/checkout/sessions/{id}/complete": { post: operations.complete },
};

import { methodNotAllowed, withApi } from "@/lib/api/with-api";
import { webhookEndpointUpdateSchema } from "@/lib/webhooks/schemas";
import { retrieveWebhookEndpoint, updateWebhookEndpoint } from "@/lib/webhooks/webhook-endpoints";

// GET /api/v1/webhook_endpoints/{id} — retrieve an endpoint (without its secret)
export const GET = withApi({
  handler: async ({ auth, params, db }) => ({
    status: 200,
    body: await retrieveWebhookEndpoint(auth, params.id, db),
  }),
});

// PATCH /api/v1/webhook_endpoints/{id} — change url, events, description; disable or enable
export const PATCH = withApi({
  body: webhookEndpointUpdateSchema,
  handler: async ({ auth, params, body, db }) => ({
    status: 200,
    body: await updateWebhookEndpoint(auth, params.id, body, db),
  }),
});

// DELETE is not offered: deliveries refer to endpoints; disable one with PATCH {"disabled": true}.
export const DELETE = methodNotAllowed(
  ["GET", "PATCH"],
  'Webhook endpoints cannot be deleted: their deliveries refer to them. Disable one with PATCH {"disabled": true}.',
);
export const PUT = methodNotAllowed(["GET", "PATCH"]);
export const POST = methodNotAllowed(["GET", "PATCH"]);

import { methodNotAllowed, withApi } from "@/lib/api/with-api";
import { webhookEndpointCreateSchema } from "@/lib/webhooks/schemas";
import { createWebhookEndpoint, listWebhookEndpoints } from "@/lib/webhooks/webhook-endpoints";

// GET /api/v1/webhook_endpoints — list the mode's webhook endpoints, newest first
export const GET = withApi({
  handler: async ({ auth, db }) => ({
    status: 200,
    body: {
      object: "list",
      url: "/api/v1/webhook_endpoints",
      data: await listWebhookEndpoints(auth, db),
      hasMore: false,
      nextCursor: null,
    },
  }),
});

// POST /api/v1/webhook_endpoints — register an endpoint; the response carries its signing secret
export const POST = withApi({
  body: webhookEndpointCreateSchema,
  handler: async ({ auth, body, db }) => {
    const endpoint = await createWebhookEndpoint(auth, body, db);
    return { status: 201, body: endpoint, headers: { Location: `/api/v1/webhook_endpoints/${endpoint.id}` } };
  },
});

export const PUT = methodNotAllowed(["GET", "POST"]);
export const PATCH = methodNotAllowed(["GET", "POST"]);
export const DELETE = methodNotAllowed(["GET", "POST"]);

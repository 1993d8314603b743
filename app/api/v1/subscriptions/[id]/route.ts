import { methodNotAllowed, withApi } from "@/lib/api/with-api";
import { retrieveSubscription } from "@/lib/subscriptions/retrieve-subscription";

// GET /api/v1/subscriptions/{id} — retrieve a subscription
export const GET = withApi({
  handler: async ({ auth, params, db }) => ({
    status: 200,
    body: await retrieveSubscription(auth, params.id, db),
  }),
});

export const POST = methodNotAllowed(["GET"]);
export const PUT = methodNotAllowed(["GET"]);
export const PATCH = methodNotAllowed(["GET"]);
export const DELETE = methodNotAllowed(["GET"]);

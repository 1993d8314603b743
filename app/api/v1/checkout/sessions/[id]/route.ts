import { methodNotAllowed, withApi } from "@/lib/api/with-api";
import { retrieveCheckoutSession } from "@/lib/checkout/retrieve-checkout-session";

// GET /api/v1/checkout/sessions/{id} — retrieve a checkout session
export const GET = withApi({
  handler: async ({ auth, params, db }) => ({
    status: 200,
    body: await retrieveCheckoutSession(auth, params.id, db),
  }),
});

export const POST = methodNotAllowed(["GET"]);
export const PUT = methodNotAllowed(["GET"]);
export const PATCH = methodNotAllowed(["GET"]);
export const DELETE = methodNotAllowed(["GET"]);

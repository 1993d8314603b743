import { methodNotAllowed, withApi } from "@/lib/api/with-api";
import { createCheckoutSession } from "@/lib/checkout/create-checkout-session";
import { checkoutSessionCreateSchema } from "@/lib/checkout/schemas";

// POST /api/v1/checkout/sessions — open a checkout for a payer to complete on its hosted page
export const POST = withApi({
  body: checkoutSessionCreateSchema,
  handler: async ({ auth, body, db }) => {
    const session = await createCheckoutSession(auth, body, db);
    return { status: 201, body: session, headers: { Location: `/api/v1/checkout/sessions/${session.id}` } };
  },
});

export const GET = methodNotAllowed(["POST"]);
export const PUT = methodNotAllowed(["POST"]);
export const PATCH = methodNotAllowed(["POST"]);
export const DELETE = methodNotAllowed(["POST"]);

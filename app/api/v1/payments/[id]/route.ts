import { methodNotAllowed, withApi } from "@/lib/api/with-api";
import { retrievePayment } from "@/lib/payments/retrieve-payment";

// GET /api/v1/payments/{id} — retrieve a payment
export const GET = withApi({
  handler: async ({ auth, params, db }) => ({
    status: 200,
    body: await retrievePayment(auth, params.id, db),
  }),
});

export const POST = methodNotAllowed(["GET"]);
export const PUT = methodNotAllowed(["GET"]);
export const PATCH = methodNotAllowed(["GET"]);
export const DELETE = methodNotAllowed(["GET"]);

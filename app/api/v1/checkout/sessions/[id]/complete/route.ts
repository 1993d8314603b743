import { methodNotAllowed, withApi } from "@/lib/api/with-api";
import { completeCheckoutSession } from "@/lib/checkout/complete-checkout-session";
import { completionNeedsTestMode } from "@/lib/checkout/errors";
import { retrieveCheckoutSession } from "@/lib/checkout/retrieve-checkout-session";
import { checkoutCompleteSchema } from "@/lib/checkout/schemas";

// POST /api/v1/checkout/sessions/{id}/complete — test mode: pay as the payer would (same rules)
export const POST = withApi({
  body: checkoutCompleteSchema,
  handler: async ({ auth, params, body, db }) => {
    if (auth.livemode) {
      // Only for a session this key can see: another workspace's is a 404, as everywhere.
      await retrieveCheckoutSession(auth, params.id, db);
      throw completionNeedsTestMode();
    }
    const { session } = await completeCheckoutSession(params.id, body, auth, db);
    return { status: 200, body: session };
  },
});

export const GET = methodNotAllowed(["POST"]);
export const PUT = methodNotAllowed(["POST"]);
export const PATCH = methodNotAllowed(["POST"]);
export const DELETE = methodNotAllowed(["POST"]);

import { methodNotAllowed, withApi } from "@/lib/api/with-api";
import { redactCustomer } from "@/lib/customers/redact-customer";
import { customerRedactSchema } from "@/lib/customers/schemas";

// POST /api/v1/customers/{id}/redact — erase a customer's personal data (202: copies are scrubbed in the background)
export const POST = withApi({
  body: customerRedactSchema,
  handler: async ({ auth, params, db }) => ({
    status: 202,
    body: await redactCustomer(auth, params.id, db),
  }),
});

export const GET = methodNotAllowed(["POST"]);
export const PUT = methodNotAllowed(["POST"]);
export const PATCH = methodNotAllowed(["POST"]);
export const DELETE = methodNotAllowed(["POST"]);

import { methodNotAllowed, withApi } from "@/lib/api/with-api";
import { mergeCustomers } from "@/lib/customers/merge-customers";
import { customerMergeSchema } from "@/lib/customers/schemas";

// POST /api/v1/customers/{id}/merge — merge the customer `sourceId` into this one
export const POST = withApi({
  body: customerMergeSchema,
  handler: async ({ auth, params, body, db }) => ({
    status: 200,
    body: await mergeCustomers(auth, params.id, body.sourceId, db),
  }),
});

export const GET = methodNotAllowed(["POST"]);
export const PUT = methodNotAllowed(["POST"]);
export const PATCH = methodNotAllowed(["POST"]);
export const DELETE = methodNotAllowed(["POST"]);

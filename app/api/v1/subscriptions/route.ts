import { methodNotAllowed, withApi } from "@/lib/api/with-api";
import { customerScopedListQuerySchema } from "@/lib/api/list-params";
import { listSubscriptions } from "@/lib/subscriptions/list-subscriptions";

// GET /api/v1/subscriptions — list a workspace's subscriptions, newest first, optionally one customer's
export const GET = withApi({
  query: customerScopedListQuerySchema,
  handler: async ({ auth, query, db }) => ({
    status: 200,
    body: { object: "list", url: "/api/v1/subscriptions", ...(await listSubscriptions(auth, query, db)) },
  }),
});

export const POST = methodNotAllowed(["GET"]);
export const PUT = methodNotAllowed(["GET"]);
export const PATCH = methodNotAllowed(["GET"]);
export const DELETE = methodNotAllowed(["GET"]);

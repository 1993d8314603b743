import { methodNotAllowed, withApi } from "@/lib/api/with-api";
import { customerScopedListQuerySchema } from "@/lib/api/list-params";
import { listInvoices } from "@/lib/invoices/list-invoices";

// GET /api/v1/invoices — list a workspace's invoices, newest first, optionally one customer's
export const GET = withApi({
  query: customerScopedListQuerySchema,
  handler: async ({ auth, query, db }) => ({
    status: 200,
    body: { object: "list", url: "/api/v1/invoices", ...(await listInvoices(auth, query, db)) },
  }),
});

export const POST = methodNotAllowed(["GET"]);
export const PUT = methodNotAllowed(["GET"]);
export const PATCH = methodNotAllowed(["GET"]);
export const DELETE = methodNotAllowed(["GET"]);

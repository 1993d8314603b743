import { methodNotAllowed, withApi } from "@/lib/api/with-api";
import { retrieveInvoice } from "@/lib/invoices/retrieve-invoice";

// GET /api/v1/invoices/{id} — retrieve a invoice
export const GET = withApi({
  handler: async ({ auth, params, db }) => ({
    status: 200,
    body: await retrieveInvoice(auth, params.id, db),
  }),
});

export const POST = methodNotAllowed(["GET"]);
export const PUT = methodNotAllowed(["GET"]);
export const PATCH = methodNotAllowed(["GET"]);
export const DELETE = methodNotAllowed(["GET"]);

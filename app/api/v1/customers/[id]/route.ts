import { methodNotAllowed, withApi } from "@/lib/api/with-api";
import { retrieveCustomer } from "@/lib/customers/retrieve-customer";
import { customerUpdateSchema } from "@/lib/customers/schemas";
import { updateCustomer } from "@/lib/customers/update-customer";

// GET /api/v1/customers/{id} — retrieve a customer
export const GET = withApi({
  handler: async ({ auth, params, db }) => ({
    status: 200,
    body: await retrieveCustomer(auth, params.id, db),
  }),
});

// PATCH /api/v1/customers/{id} — update a customer (metadata replaces the whole map)
export const PATCH = withApi({
  body: customerUpdateSchema,
  handler: async ({ auth, params, body, db }) => ({
    status: 200,
    body: await updateCustomer(auth, params.id, body, db),
  }),
});

// DELETE /api/v1/customers/{id} — not supported: erasure keeps a tombstone instead
export const DELETE = methodNotAllowed(
  ["GET", "PATCH"],
  "Customers cannot be deleted: payments and invoices refer to them. To erase a customer's personal data, use POST /api/v1/customers/{id}/redact.",
);

export const PUT = methodNotAllowed(["GET", "PATCH"]);
export const POST = methodNotAllowed(["GET", "PATCH"]);

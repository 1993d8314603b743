import { methodNotAllowed, withApi } from "@/lib/api/with-api";
import { createCustomer } from "@/lib/customers/create-customers";
import { listCustomers } from "@/lib/customers/list-customers";
import { customerCreateSchema, customerListQuerySchema } from "@/lib/customers/schemas";

// GET /api/v1/customers — list a workspace's customers, newest first, with cursors and filters
export const GET = withApi({
  query: customerListQuerySchema,
  handler: async ({ auth, query, db }) => ({
    status: 200,
    body: { object: "list", url: "/api/v1/customers", ...(await listCustomers(auth, query, db)) },
  }),
});

// POST /api/v1/customers — create a customer
export const POST = withApi({
  body: customerCreateSchema,
  handler: async ({ auth, body, db }) => {
    const customer = await createCustomer(auth, body, db);
    return { status: 201, body: customer, headers: { Location: `/api/v1/customers/${customer.id}` } };
  },
});

export const PUT = methodNotAllowed(["GET", "POST"]);
export const PATCH = methodNotAllowed(["GET", "POST"]);
export const DELETE = methodNotAllowed(["GET", "POST"]);

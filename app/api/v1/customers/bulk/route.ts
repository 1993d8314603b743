import { withApi } from "@/lib/api/with-api";
import { bulkCreateCustomers } from "@/lib/customers/bulk-create-customers";
import { customerBulkCreateSchema } from "@/lib/customers/schemas";

// POST /api/v1/customers/bulk — create up to 1,000 customers; one bad item never fails the others
export const POST = withApi({
  body: customerBulkCreateSchema,
  maxBodyBytes: 10 * 1024 * 1024,
  handler: async ({ auth, body, db, requestId }) => ({
    status: 200,
    body: await bulkCreateCustomers(auth, body.items, requestId, db),
  }),
});

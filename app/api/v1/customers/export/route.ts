import { withApi } from "@/lib/api/with-api";
import { exportCustomers } from "@/lib/customers/export-customers";
import { customerExportQuerySchema } from "@/lib/customers/schemas";

// GET /api/v1/customers/export — stream matching customers as CSV
export const GET = withApi({
  query: customerExportQuerySchema,
  handler: async ({ auth, query }) =>
    new Response(exportCustomers(auth, query), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": 'attachment; filename="customers.csv"',
      },
    }),
});

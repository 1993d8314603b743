import { exportCustomers } from "@/lib/customers/export-customers";
import { listFilters, parseCustomerListParams } from "@/lib/customers/list-url";
import { customerExportQuerySchema } from "@/lib/customers/schemas";
import { getDashboardContext } from "@/lib/dashboard/context";

// GET /dashboard/customers/export — the list's current filters as a streamed CSV download
export async function GET(request: Request) {
  const { scope } = await getDashboardContext();
  const params = parseCustomerListParams(Object.fromEntries(new URL(request.url).searchParams));
  const filters = customerExportQuerySchema.parse(listFilters(params));
  const mode = scope.livemode ? "live" : "test";
  const day = new Date().toISOString().slice(0, 10);
  return new Response(exportCustomers(scope, filters), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="customers-${mode}-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}

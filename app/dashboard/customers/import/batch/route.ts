import { ApiError } from "@/lib/api/errors";
import { errorResponse } from "@/lib/api/error-response";
import { readBody } from "@/lib/api/read-body";
import { IMPORT_BATCH_MAX_BYTES, importBatchSchema } from "@/lib/customers/csv-import/import-batch";
import { importCustomerBatch } from "@/lib/customers/import-customers";
import { getDashboardContext } from "@/lib/dashboard/context";
import { isSameOriginRequest } from "@/lib/dashboard/same-origin";
import { newId } from "@/lib/ids";

// POST /dashboard/customers/import/batch — one batch of the import wizard's rows, at most once
export async function POST(request: Request) {
  const { scope } = await getDashboardContext();
  const requestId = newId("request");
  if (!isSameOriginRequest(request.headers)) {
    return new Response("Cross-site request refused.", { status: 403, headers: { "Request-Id": requestId } });
  }
  try {
    if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/json")) {
      throw new ApiError("unsupported_media_type", "Send the batch as application/json.");
    }
    const batch = importBatchSchema.parse(await readBody(request, { maxBytes: IMPORT_BATCH_MAX_BYTES }));
    const result = await importCustomerBatch(scope, batch, requestId);
    return Response.json(result.body, {
      status: result.status,
      headers: {
        ...result.headers,
        "Request-Id": requestId,
        "Cache-Control": "no-store",
        ...(result.replayed ? { "Idempotent-Replayed": "true" } : {}),
      },
    });
  } catch (error) {
    return errorResponse(error, requestId, { "Cache-Control": "no-store" });
  }
}

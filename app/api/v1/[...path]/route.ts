import { ApiError } from "@/lib/api/errors";
import { errorResponse } from "@/lib/api/error-response";
import { newId } from "@/lib/ids";

// Any other /api/v1 path — the contract's JSON 404 with a Request-Id, not Next's HTML page
function unknownPath(request: Request): Response {
  const path = new URL(request.url).pathname;
  return errorResponse(
    new ApiError("resource_missing", `Unrecognized request URL (${request.method} ${path}).`),
    newId("request"),
  );
}

export const GET = unknownPath;
export const POST = unknownPath;
export const PATCH = unknownPath;
export const PUT = unknownPath;
export const DELETE = unknownPath;

import { ApiError } from "@/lib/api/errors";
import { answerWithError } from "@/lib/api/with-api";

// Any other /api/v1 path — the contract's JSON 404 with a Request-Id, not Next's HTML page
function unknownPath(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname;
  return answerWithError(
    request,
    new ApiError("resource_missing", `Unrecognized request URL (${request.method} ${path}).`),
  );
}

export const GET = unknownPath;
export const POST = unknownPath;
export const PATCH = unknownPath;
export const PUT = unknownPath;
export const DELETE = unknownPath;

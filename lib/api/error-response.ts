// The one place that turns any error into the contract's error response.
import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { apiErrorFromZod } from "@/lib/api/zod-error";
import { NUL_MESSAGE } from "@/lib/api/request-text";
import { isDatabaseUnavailable, isUniqueViolation, isUnstorableText } from "@/lib/db/errors";
import { log } from "@/lib/log";

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof z.ZodError) return apiErrorFromZod(error);
  if (isUniqueViolation(error)) {
    return new ApiError("resource_already_exists", "A resource with these unique fields already exists.");
  }
  if (isUnstorableText(error)) return new ApiError("parameter_invalid", `Text ${NUL_MESSAGE}.`);
  if (isDatabaseUnavailable(error)) {
    return new ApiError("service_unavailable", "The database is unavailable; retry shortly.", {
      headers: { "Retry-After": "5" },
    });
  }
  return new ApiError("internal_error", "An unexpected error occurred.");
}

/** The contract's error envelope. */
export function errorBody(apiError: ApiError, requestId: string) {
  return {
    error: {
      type: apiError.type,
      code: apiError.code,
      message: apiError.message,
      ...(apiError.param !== undefined ? { param: apiError.param } : {}),
      ...apiError.extra,
      requestId,
    },
  };
}

export function errorResponse(
  error: unknown,
  requestId: string,
  headers: Record<string, string> = {},
): Response {
  const apiError = toApiError(error);
  if (apiError.status >= 500) log.error({ requestId, err: error }, "request failed");
  return Response.json(errorBody(apiError, requestId), {
    status: apiError.status,
    headers: { ...headers, ...apiError.headers, "Request-Id": requestId },
  });
}

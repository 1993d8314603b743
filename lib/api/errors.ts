// One error type for the API and one table from its code to HTTP status and error type
// (the contract's error table). Everything else is mapped in lib/api/error-response.ts.

export const errorCodes = {
  parameter_invalid: { status: 400, type: "invalid_request_error" },
  parameter_missing: { status: 400, type: "invalid_request_error" },
  parameter_unknown: { status: 400, type: "invalid_request_error" },
  body_invalid: { status: 400, type: "invalid_request_error" },
  cursor_invalid: { status: 400, type: "invalid_request_error" },
  test_mode_only: { status: 400, type: "invalid_request_error" },
  invalid_api_key: { status: 401, type: "authentication_error" },
  resource_missing: { status: 404, type: "invalid_request_error" },
  method_not_allowed: { status: 405, type: "invalid_request_error" },
  resource_already_exists: { status: 409, type: "invalid_request_error" },
  customer_redacted: { status: 409, type: "invalid_request_error" },
  customer_archived: { status: 409, type: "invalid_request_error" },
  customer_merged: { status: 409, type: "invalid_request_error" },
  checkout_session_expired: { status: 409, type: "invalid_request_error" },
  idempotency_key_in_use: { status: 409, type: "idempotency_error" },
  body_too_large: { status: 413, type: "invalid_request_error" },
  unsupported_media_type: { status: 415, type: "invalid_request_error" },
  idempotency_key_reused: { status: 422, type: "idempotency_error" },
  rate_limited: { status: 429, type: "rate_limit_error" },
  internal_error: { status: 500, type: "api_error" },
  service_unavailable: { status: 503, type: "api_error" },
} as const;

export type ErrorCode = keyof typeof errorCodes;

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly param?: string;
  /** Extra fields of the error body, e.g. `existingId` on a duplicate externalId. */
  readonly extra?: Record<string, unknown>;
  readonly headers?: Record<string, string>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { param?: string; extra?: Record<string, unknown>; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.param = options.param;
    this.extra = options.extra;
    this.headers = options.headers;
  }

  get status(): number {
    return errorCodes[this.code].status;
  }

  get type(): string {
    return errorCodes[this.code].type;
  }
}

export function notFound(resource: string, id: string): ApiError {
  return new ApiError("resource_missing", `No such ${resource}: '${id}'`, { param: "id" });
}

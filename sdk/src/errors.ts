// Every failure is a PlugipayError; the subclass says what kind, and each carries the API's error
// fields and the Request-Id to quote to support.
import type { ErrorDetail } from "./types.js";

type ErrorFields = {
  status?: number;
  type?: string;
  code?: string;
  param?: string;
  requestId?: string;
  headers?: Headers;
  raw?: unknown;
  cause?: unknown;
};

export class PlugipayError extends Error {
  /** The HTTP status, or undefined when no response came (ApiConnectionError). */
  readonly status?: number;
  /** The API's error type, e.g. `invalid_request_error`. */
  readonly type?: string;
  /** The API's error code, e.g. `parameter_invalid`, `resource_already_exists`. */
  readonly code?: string;
  /** The first bad field, as a dotted path (`metadata.plan`). */
  readonly param?: string;
  /** The `Request-Id` of the failed request (`req_…`). */
  readonly requestId?: string;
  readonly headers?: Headers;
  /** The error body as the API sent it. */
  readonly raw?: unknown;

  constructor(message: string, fields: ErrorFields = {}) {
    super(message, fields.cause === undefined ? undefined : { cause: fields.cause });
    this.name = new.target.name;
    this.status = fields.status;
    this.type = fields.type;
    this.code = fields.code;
    this.param = fields.param;
    this.requestId = fields.requestId;
    this.headers = fields.headers;
    this.raw = fields.raw;
  }
}

/** 401: no key, a malformed or revoked one. */
export class AuthenticationError extends PlugipayError {}

/** 400, 404, 405, 413, 415: the request itself is wrong; `param` names the field. */
export class InvalidRequestError extends PlugipayError {}

/** 404 `resource_missing`: unknown, or another workspace's or mode's. */
export class NotFoundError extends InvalidRequestError {}

/** 409 about the resource: a taken externalId (`existingId` names its holder), a redacted, archived or merged customer. */
export class ConflictError extends PlugipayError {
  /** On `resource_already_exists`: the customer holding the externalId. */
  readonly existingId?: string;
  constructor(message: string, fields: ErrorFields & { existingId?: string }) {
    super(message, fields);
    this.existingId = fields.existingId;
  }
}

/** 409 `idempotency_key_in_use` (retried by the SDK) or 422 `idempotency_key_reused`. */
export class IdempotencyError extends PlugipayError {}

/** 429: too many requests. `retryAfter` is the server's Retry-After, in seconds. */
export class RateLimitError extends PlugipayError {
  readonly retryAfter?: number;
  constructor(message: string, fields: ErrorFields & { retryAfter?: number }) {
    super(message, fields);
    this.retryAfter = fields.retryAfter;
  }
}

/** 5xx: the API failed (500) or is unavailable (503); retried by the SDK. */
export class ApiError extends PlugipayError {}

/** No answer: the network failed, the connection dropped, or the call timed out. Retried by the SDK. */
export class ApiConnectionError extends PlugipayError {}

/** The error a response stands for, from its status and the API's error body. */
export function errorFromResponse(status: number, headers: Headers, body: unknown): PlugipayError {
  const detail = (body as { error?: Partial<ErrorDetail> } | undefined)?.error ?? {};
  const fields = {
    status,
    type: detail.type,
    code: detail.code,
    param: detail.param,
    requestId: detail.requestId ?? headers.get("request-id") ?? undefined,
    headers,
    raw: body,
  };
  const message = detail.message ?? `The API answered ${status}.`;
  if (status === 401) return new AuthenticationError(message, fields);
  if (status === 429)
    return new RateLimitError(message, { ...fields, retryAfter: retryAfterSeconds(headers) });
  if (detail.type === "idempotency_error") return new IdempotencyError(message, fields);
  if (status === 409) return new ConflictError(message, { ...fields, existingId: detail.existingId });
  if (status === 404) return new NotFoundError(message, fields);
  if (status >= 500) return new ApiError(message, fields);
  return new InvalidRequestError(message, fields);
}

export function retryAfterSeconds(headers: Headers): number | undefined {
  const value = headers.get("retry-after");
  if (value === null) return undefined;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}

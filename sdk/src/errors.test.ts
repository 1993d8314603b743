import { describe, expect, it } from "vitest";
import {
  ApiError,
  AuthenticationError,
  ConflictError,
  errorFromResponse,
  IdempotencyError,
  InvalidRequestError,
  NotFoundError,
  PlugipayError,
  RateLimitError,
} from "./errors.js";

const body = (type: string, code: string, extra: Record<string, unknown> = {}) => ({
  error: { type, code, message: `${code} happened`, requestId: "req_1", ...extra },
});

describe("errorFromResponse", () => {
  it("maps each status and error type of the contract's table to its class, keeping the fields", () => {
    const cases: [number, ReturnType<typeof body>, new (...args: never[]) => PlugipayError][] = [
      [400, body("invalid_request_error", "parameter_invalid", { param: "email" }), InvalidRequestError],
      [401, body("authentication_error", "invalid_api_key"), AuthenticationError],
      [404, body("invalid_request_error", "resource_missing"), NotFoundError],
      [405, body("invalid_request_error", "method_not_allowed"), InvalidRequestError],
      [409, body("invalid_request_error", "resource_already_exists", { existingId: "cus_1" }), ConflictError],
      [409, body("invalid_request_error", "customer_redacted"), ConflictError],
      [409, body("idempotency_error", "idempotency_key_in_use"), IdempotencyError],
      [413, body("invalid_request_error", "body_too_large"), InvalidRequestError],
      [415, body("invalid_request_error", "unsupported_media_type"), InvalidRequestError],
      [422, body("idempotency_error", "idempotency_key_reused"), IdempotencyError],
      [429, body("rate_limit_error", "rate_limited"), RateLimitError],
      [500, body("api_error", "internal_error"), ApiError],
      [503, body("api_error", "service_unavailable"), ApiError],
    ];
    for (const [status, answer, kind] of cases) {
      const error = errorFromResponse(status, new Headers({ "Retry-After": "2" }), answer);
      expect(error, `${status} ${answer.error.code}`).toBeInstanceOf(kind);
      expect(error).toMatchObject({ status, code: answer.error.code, requestId: "req_1" });
      expect(error.message).toBe(`${answer.error.code} happened`);
    }
    expect((errorFromResponse(409, new Headers(), cases[4][1]) as ConflictError).existingId).toBe("cus_1");
    expect(
      (errorFromResponse(429, new Headers({ "Retry-After": "2" }), cases[10][1]) as RateLimitError)
        .retryAfter,
    ).toBe(2);
    expect(errorFromResponse(400, new Headers(), cases[0][1]).param).toBe("email");
  });

  it("copes with a body that is not the API's (a proxy's HTML page): the status decides, the header gives the id", () => {
    const error = errorFromResponse(502, new Headers({ "Request-Id": "req_2" }), "<html>Bad gateway</html>");
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 502, requestId: "req_2", message: "The API answered 502." });
  });
});

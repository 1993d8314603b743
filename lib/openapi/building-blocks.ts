// The building blocks every resource's OpenAPI operations are made of: the error envelope, the
// headers every response carries, and the request and response shapes shared by all endpoints.
import { z } from "zod";
import type { ZodOpenApiResponsesObject } from "zod-openapi";
import { errorCodes, type ErrorCode } from "@/lib/api/errors";

const allCodes = Object.keys(errorCodes) as [ErrorCode, ...ErrorCode[]];
const errorTypes = [...new Set(Object.values(errorCodes).map((entry) => entry.type))] as [
  string,
  ...string[],
];

export const errorDetailSchema = z
  .object({
    type: z.enum(errorTypes),
    code: z.enum(allCodes),
    message: z.string().meta({ example: "email: must be a valid email address" }),
    param: z
      .string()
      .optional()
      .meta({ description: "The first bad field, as a dotted path.", example: "metadata.plan" }),
    existingId: z
      .string()
      .optional()
      .meta({ description: "On a duplicate externalId: the customer that holds it." }),
    requestId: z.string().meta({ example: "req_01JDQ4W3Y2ZJ8M9V0T3B5K7N2P" }),
  })
  .meta({ id: "ErrorDetail" });

export const errorSchema = z.object({ error: errorDetailSchema }).meta({ id: "Error" });

export const headers = {
  requestId: z
    .string()
    .meta({ description: "This request's id (req_…): quote it to support.", header: { id: "Request-Id" } }),
  limit: z
    .string()
    .optional()
    .meta({
      description:
        "Requests per second allowed for this key (for a request with no valid key: for its client address).",
      header: { id: "RateLimit-Limit" },
    }),
  remaining: z
    .string()
    .optional()
    .meta({ description: "Requests left in the current second.", header: { id: "RateLimit-Remaining" } }),
  reset: z
    .string()
    .optional()
    .meta({ description: "Seconds until the count resets.", header: { id: "RateLimit-Reset" } }),
  retryAfter: z
    .string()
    .meta({ description: "Seconds to wait before retrying.", header: { id: "Retry-After" } }),
  replayed: z
    .enum(["true"])
    .optional()
    .meta({
      description:
        "Present when this is the stored response of an earlier request with the same Idempotency-Key.",
      header: { id: "Idempotent-Replayed" },
    }),
};
export const rateLimitHeaders = {
  "RateLimit-Limit": headers.limit,
  "RateLimit-Remaining": headers.remaining,
  "RateLimit-Reset": headers.reset,
};

export const idempotencyKey = z
  .string()
  .min(1)
  .max(255)
  .optional()
  .meta({
    description:
      "Makes a retry safe: the first response is replayed for 24 hours. 1-255 printable ASCII characters.",
    example: "order-4711-create-customer",
    param: { id: "Idempotency-Key" },
  });

const errorMeaning: Record<number, string> = {
  400: "Bad input",
  401: "No key, or an invalid or revoked one",
  404: "No such object in this workspace and mode",
  405: "Method not allowed",
  409: "Conflict",
  413: "Body too large",
  415: "Unsupported Content-Type",
  422: "Idempotency-Key reused with a different request",
  429: "Rate limited",
  500: "Internal error",
  503: "Service unavailable",
};

/** One response per status, naming the codes it can carry, with the headers that come with it. */
export function errorResponses(codes: ErrorCode[]): ZodOpenApiResponsesObject {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes)
    byStatus.set(errorCodes[code].status, [...(byStatus.get(errorCodes[code].status) ?? []), code]);
  return Object.fromEntries(
    [...byStatus].map(([status, statusCodes]) => [
      String(status),
      {
        description: `${errorMeaning[status]}: ${statusCodes.map((code) => `\`${code}\``).join(", ")}.`,
        headers: z.object({
          "Request-Id": headers.requestId,
          ...rateLimitHeaders,
          ...(status === 429 || status === 503 ? { "Retry-After": headers.retryAfter } : {}),
          ...(status === 401
            ? { "WWW-Authenticate": z.literal('Basic realm="Plugipay"') }
            : status === 405
              ? { Allow: z.string().meta({ example: "GET, PATCH" }) }
              : {}),
        }),
        content: { "application/json": { schema: errorSchema } },
      },
    ]),
  );
}

export function successHeaders(extra: Record<string, z.ZodType> = {}) {
  return z.object({ "Request-Id": headers.requestId, ...rateLimitHeaders, ...extra });
}

export function json(schema: z.ZodType, description: string, extraHeaders?: Record<string, z.ZodType>) {
  return { description, headers: successHeaders(extraHeaders), content: { "application/json": { schema } } };
}

/** JSON, or the form encoding curl -d sends (metadata[plan]=pro, items[0][email]=…). An empty body reads as {}. */
export function body(schema: z.ZodType, deepFields: string[], required = false) {
  const encoding = Object.fromEntries(
    deepFields.map((field) => [field, { style: "deepObject", explode: true }]),
  );
  return {
    required,
    content: {
      "application/json": { schema },
      "application/x-www-form-urlencoded": { schema, encoding },
    },
  };
}

export const unavailable: ErrorCode[] = [
  "invalid_api_key",
  "rate_limited",
  "internal_error",
  "service_unavailable",
];
export const writes: ErrorCode[] = [
  "parameter_invalid",
  "parameter_unknown",
  "body_invalid",
  "body_too_large",
  "unsupported_media_type",
  "idempotency_key_in_use",
  "idempotency_key_reused",
];
export const replayed = { "Idempotent-Replayed": headers.replayed };

/** A path parameter `{id}` for one kind of object. */
export function idParams(example: string, paramId: string, description: string) {
  return z.object({ id: z.string().meta({ example, param: { id: paramId, description } }) });
}

/** The list envelope: `{ object: "list", url, data, hasMore, nextCursor }`. */
export function listEnvelope(item: z.ZodType, url: string, id: string) {
  return z
    .object({
      object: z.literal("list"),
      url: z.literal(url),
      data: z.array(item),
      hasMore: z.boolean(),
      nextCursor: z.string().nullable().meta({ description: "null exactly when hasMore is false." }),
    })
    .meta({ id });
}

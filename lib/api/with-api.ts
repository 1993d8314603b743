import "server-only";
// The one wrapper around every /api/v1 route handler: request id, secret-key auth, rate limit,
// query and body validation, idempotency, and the catch-all that maps errors to responses.
import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { errorResponse } from "@/lib/api/error-response";
import { cachedApiKey, lookUpApiKey, presentedKeyHash, type ApiAuth } from "@/lib/api/authenticate";
import {
  consumeAnonymousRateLimit,
  consumeRateLimit,
  rateLimitHeaders,
  type RateLimitDecision,
} from "@/lib/api/rate-limit";
import { readBody } from "@/lib/api/read-body";
import { checkPathParameters, queryParameters } from "@/lib/api/request-text";
import {
  parseIdempotencyKey,
  requestFingerprint,
  runIdempotently,
  type ApiResult,
} from "@/lib/api/idempotency";
import { apiErrorFromZod } from "@/lib/api/zod-error";
import { clientAddress } from "@/lib/client-address";
import { prisma } from "@/lib/db/prisma";
import type { Db } from "@/lib/db/transaction";
import { newId } from "@/lib/ids";

export type { ApiResult };

type Context<TQuery, TBody> = {
  request: Request;
  auth: ApiAuth;
  query: TQuery;
  body: TBody;
  params: Record<string, string>;
  /** The root client, or the request's transaction when it carries an Idempotency-Key. */
  db: Db;
  requestId: string;
};

type Options<TQuery extends z.ZodType, TBody extends z.ZodType> = {
  query?: TQuery;
  body?: TBody;
  maxBodyBytes?: number;
  handler: (context: Context<z.output<TQuery>, z.output<TBody>>) => Promise<ApiResult | Response>;
};

type RouteContext = { params: Promise<Record<string, string | string[]>> };

export function withApi<
  TQuery extends z.ZodType = z.ZodType<Record<string, never>>,
  TBody extends z.ZodType = z.ZodType<undefined>,
>(options: Options<TQuery, TBody>) {
  return async (request: Request, route?: RouteContext): Promise<Response> => {
    const requestId = newId("request");
    let limitHeaders: Record<string, string> = {};
    try {
      const admitted = await admit(request);
      limitHeaders = admitted.limitHeaders;
      if (admitted.refusal) throw admitted.refusal;
      const auth = admitted.auth;

      const url = new URL(request.url);
      const query = parse(options.query ?? noQueryParameters, queryParameters(url)) as z.output<TQuery>;
      const rawBody = options.body ? await readBody(request, { maxBytes: options.maxBodyBytes }) : undefined;
      const body = parse(options.body, rawBody);
      const params = Object.fromEntries(
        Object.entries((await route?.params) ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : v]),
      );
      checkPathParameters(params);
      const context = { request, auth, query, body, params, requestId };

      const key =
        request.method === "POST" || request.method === "PATCH"
          ? parseIdempotencyKey(request.headers.get("idempotency-key"))
          : undefined;
      if (!key) return toResponse(await options.handler({ ...context, db: prisma }), requestId, limitHeaders);

      const path = url.pathname.replace(/^\/api(?=\/v1\/)/, "");
      const result = await runIdempotently(
        auth,
        {
          key,
          method: request.method,
          path,
          fingerprint: requestFingerprint(request.method, path, rawBody),
          requestId,
        },
        async (tx) => {
          const outcome = await options.handler({ ...context, db: tx });
          if (outcome instanceof Response) throw new Error("streaming responses cannot be idempotent");
          return outcome;
        },
      );
      const replayed: Record<string, string> = result.replayed ? { "Idempotent-Replayed": "true" } : {};
      return toResponse(result, requestId, { ...limitHeaders, ...replayed });
    } catch (error) {
      return errorResponse(error, requestId, limitHeaders);
    }
  };
}

// Endpoints without query parameters still refuse unknown ones (400 parameter_unknown).
const noQueryParameters = z.strictObject({});

function parse<T extends z.ZodType>(schema: T | undefined, input: unknown): z.output<T> {
  if (!schema) return undefined as z.output<T>;
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) throw apiErrorFromZod(result.error);
  return result.data;
}

function toResponse(
  result: ApiResult | Response,
  requestId: string,
  headers: Record<string, string>,
): Response {
  if (result instanceof Response) {
    for (const [name, value] of Object.entries({ ...headers, "Request-Id": requestId }))
      result.headers.set(name, value);
    return result;
  }
  return Response.json(result.body, {
    status: result.status,
    headers: { ...result.headers, ...headers, "Request-Id": requestId },
  });
}

type Authentication = { auth: ApiAuth; refusal?: undefined } | { auth?: undefined; refusal: ApiError };
type Admission = Authentication & { limitHeaders: Record<string, string> };

function rateLimited(decision: RateLimitDecision): Admission {
  const message = "Too many requests; slow down and retry after the Retry-After delay.";
  return { refusal: new ApiError("rate_limited", message), limitHeaders: rateLimitHeaders(decision) };
}

/** The outcome with the count's headers, or the 429 once the count is spent. */
function counted(decision: RateLimitDecision | undefined, outcome: Authentication): Admission {
  if (decision && !decision.allowed) return rateLimited(decision);
  return { ...outcome, limitHeaders: decision ? rateLimitHeaders(decision) : {} };
}

const keyOf = (auth: ApiAuth) => ({ id: auth.keyId, livemode: auth.livemode });

function asRefusal(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  throw error;
}

/**
 * Authenticates the request and counts it: against its key's limit, or, when it names no valid key,
 * against its client address's (so a 401 carries RateLimit-* headers too). A key this process has
 * not verified in the last few seconds is charged to its address before it is looked up, so a flood
 * of unknown keys from one address is refused (429) without reaching the database (decision 70).
 */
async function admit(request: Request): Promise<Admission> {
  const address = () => clientAddress(request.headers);
  let secretHash: string;
  try {
    secretHash = presentedKeyHash(request);
  } catch (error) {
    return counted(await consumeAnonymousRateLimit(address()), { refusal: asRefusal(error) });
  }
  const cached = cachedApiKey(secretHash);
  if (cached) return counted(await consumeRateLimit(keyOf(cached)), { auth: cached });

  const byAddress = await consumeAnonymousRateLimit(address());
  if (byAddress && !byAddress.allowed) return rateLimited(byAddress);
  let auth: ApiAuth;
  try {
    auth = await lookUpApiKey(secretHash);
  } catch (error) {
    return counted(byAddress, { refusal: asRefusal(error) });
  }
  return counted(await consumeRateLimit(keyOf(auth)), { auth });
}

/**
 * An answer that needs no handler (405, or 404 for a path no route has): counted like any request,
 * with or without a valid key, and a 429 instead once the count is spent.
 */
export async function answerWithError(request: Request, error: ApiError): Promise<Response> {
  const requestId = newId("request");
  let limitHeaders: Record<string, string> = {};
  try {
    const admitted = await admit(request);
    limitHeaders = admitted.limitHeaders;
    const refused = admitted.refusal?.code === "rate_limited" ? admitted.refusal : undefined;
    return errorResponse(refused ?? error, requestId, limitHeaders);
  } catch (failure) {
    return errorResponse(failure, requestId, limitHeaders);
  }
}

/** For methods a resource does not support: 405 with the Allow header. */
export function methodNotAllowed(allow: string[], message?: string) {
  return (request: Request): Promise<Response> =>
    answerWithError(
      request,
      new ApiError("method_not_allowed", message ?? `This endpoint supports ${allow.join(", ")} only.`, {
        headers: { Allow: allow.join(", ") },
      }),
    );
}
